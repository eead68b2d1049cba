/**
 * Build checks BuildKit runs while dispatching the stages it builds (`dockerfile2llb/convert.go`): they fire only in
 * stages reachable from the target (SEMANTICS.md "What gets built").
 */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';

const checks = (text: string, target = '') =>
  buildStageGraph(text, { target }).diagnostics.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`);

describe('dispatch-time build checks', () => {
  it('JSONArgsRecommended and MultipleInstructionsDisallowed on CMD, ENTRYPOINT, HEALTHCHECK', () => {
    assert.deepEqual(checks('FROM alpine\nCMD echo one\nCMD ["two"]\nENTRYPOINT run\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n'), [
      'JSONArgsRecommended line 2: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
      'MultipleInstructionsDisallowed line 2: Multiple CMD instructions should not be used in the same stage because only the last one will be used',
      'JSONArgsRecommended line 4: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals',
      'MultipleInstructionsDisallowed line 5: Multiple HEALTHCHECK instructions should not be used in the same stage because only the last one will be used',
    ]);
  });

  it('no JSONArgsRecommended after a SHELL, also one inherited from a base stage', () => {
    assert.deepEqual(checks('FROM alpine AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nCMD echo hi\n'), []);
  });

  it('WorkdirRelativePath on the first WORKDIR of a built chain only', () => {
    assert.deepEqual(checks('FROM alpine AS base\nWORKDIR app\nWORKDIR more\nFROM base\nWORKDIR rel\n'), [
      'WorkdirRelativePath line 2: Relative workdir "app" can have unexpected results if the base image changes',
    ]);
    assert.deepEqual(checks('FROM alpine\nWORKDIR /abs\nWORKDIR rel\nWORKDIR $HOME\n'), []);
  });

  it('LegacyKeyValueFormat on ENV and LABEL written as "key value"', () => {
    assert.deepEqual(checks('FROM alpine\nENV MODE production\nLABEL team core\nENV A=1 B=2\n'), [
      'LegacyKeyValueFormat line 2: "ENV key=value" should be used instead of legacy "ENV key value" format',
      'LegacyKeyValueFormat line 3: "LABEL key=value" should be used instead of legacy "LABEL key value" format',
    ]);
  });

  it('SecretsUsedInArgOrEnv on ARG and ENV names that look like secrets', () => {
    assert.deepEqual(checks('FROM alpine\nARG GITHUB_TOKEN\nENV DB_PASSWORD=x PUBLIC_KEY=y TOKENIZER=z\n'), [
      'SecretsUsedInArgOrEnv line 2: Do not use ARG or ENV instructions for sensitive data (ARG "GITHUB_TOKEN")',
      'SecretsUsedInArgOrEnv line 3: Do not use ARG or ENV instructions for sensitive data (ENV "DB_PASSWORD")',
    ]);
  });

  it('none of these fire in a stage that is not built', () => {
    const text = 'FROM alpine AS unused\nCMD echo\nENV K v\nWORKDIR rel\nFROM alpine\n';
    assert.deepEqual(checks(text), ["stageflow.unreachableStage line 1: Stage 'unused' is not built for target 'stage-1'."]);
    assert.deepEqual(checks(text, 'unused'), [
      'JSONArgsRecommended line 2: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
      'LegacyKeyValueFormat line 3: "ENV key=value" should be used instead of legacy "ENV key value" format',
      'WorkdirRelativePath line 4: Relative workdir "rel" can have unexpected results if the base image changes',
      "stageflow.unreachableStage line 5: Stage 'stage-1' is not built for target 'unused'.",
    ]);
  });
});

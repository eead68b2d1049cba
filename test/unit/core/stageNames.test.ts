/** SEMANTICS.md "Stages and names" (BuildKit `instructions/parse.go`, `dockerfile2llb/validations.go`). */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { diagnosticLines, edgeLines, stageLines, verdict } from './graphText';

const buildKitChecks = (code: string) => !code.startsWith('stageflow.');

describe('stages and names', () => {
  it('numbers every FROM from 0 in file order; an unnamed stage is stage-N', () => {
    const graph = buildStageGraph('FROM alpine AS base\nRUN true\n\nFROM base\nFROM debian AS out\n');
    assert.equal(verdict(graph), 'ok');
    assert.deepEqual(stageLines(graph), [
      '0 base <- image alpine [skipped] lines 1-2',
      '1 stage-1 <- stage 0 [skipped] lines 4-4',
      '2 out <- image debian [built, target] lines 5-5',
    ]);
  });

  it('matches AS in any case and lowercases the name, with StageNameCasing and FromAsCasing warnings (the AS casing has a certain fix)', () => {
    const graph = buildStageGraph('FROM alpine as Build\nFROM build\n');
    assert.deepEqual(
      graph.stages.map((s) => [s.name, s.rawName, s.displayName]),
      [
        ['build', 'Build', 'build'],
        [null, null, 'stage-1'],
      ],
    );
    assert.deepEqual(edgeLines(graph), ['from image alpine -> 0 via image "alpine" line 1', 'from stage 0 -> 1 via name "build" line 2']);
    assert.deepEqual(diagnosticLines(graph, buildKitChecks), [
      "warning StageNameCasing 0:0-0:20 Stage name 'Build' should be lowercase",
      'warning FromAsCasing 0:0-0:20 \'as\' and \'FROM\' keywords\' casing do not match => "FROM alpine AS Build"',
    ]);
    assert.equal(graph.diagnostics[0].href, 'https://docs.docker.com/go/dockerfile/rule/stage-name-casing/');
  });

  it('rejects a name that does not match ^[a-z][a-z0-9-_.]*$ after lowercasing', () => {
    const graph = buildStageGraph('FROM alpine AS 1st\n');
    assert.equal(
      verdict(graph),
      'error: dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols',
    );
    assert.deepEqual(diagnosticLines(graph).slice(0, 1), [
      'error InvalidStageName 0:0-0:18 dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols',
    ]);
    assert.equal(verdict(buildStageGraph('FROM alpine AS My_Stage.2-x\n')), 'ok');
  });

  it('accepts FROM with one or three words only', () => {
    for (const text of ['FROM alpine AS\n', 'FROM alpine build\n', 'FROM alpine AS a b\n', 'FROM\n']) {
      assert.equal(verdict(buildStageGraph(text)), 'error: dockerfile parse error on line 1: FROM requires either one or three arguments', text);
    }
  });

  it('gives a one-stage file an empty display name, as BuildKit does', () => {
    const graph = buildStageGraph('FROM alpine AS only\nRUN x\n');
    assert.deepEqual(stageLines(graph), ['0 (single) <- image alpine [built, target] lines 1-2']);
    assert.equal(graph.stages[0].name, 'only');
    assert.equal(graph.stages[0].label, 'only');
  });

  it('warns about the reserved names scratch and context', () => {
    const graph = buildStageGraph('FROM alpine AS scratch\nFROM alpine AS context\nFROM scratch\n');
    assert.deepEqual(diagnosticLines(graph, buildKitChecks), [
      'warning ReservedStageName 0:0-0:22 Stage name should not use the same name as reserved stage "scratch"',
      'warning ReservedStageName 1:0-1:22 Stage name should not use the same name as reserved stage "context"',
    ]);
    // A stage named scratch shadows the empty image for a later FROM.
    assert.deepEqual(stageLines(graph)[2], '2 stage-2 <- stage 0 [built, target] lines 3-3');
  });

  it('only warns about duplicate names: FROM x AS x chains build', () => {
    const graph = buildStageGraph('FROM alpine AS app\nFROM app AS app\nRUN more\n');
    assert.equal(verdict(graph), 'ok');
    assert.deepEqual(stageLines(graph), ['0 app <- image alpine [built] lines 1-1', '1 app <- stage 0 [built, target] lines 2-3']);
    assert.deepEqual(diagnosticLines(graph, buildKitChecks), [
      'warning DuplicateStageName 1:0-1:15 Duplicate stage name "app", stage names should be unique',
    ]);
  });

  it('treats scratch as the empty image: not a stage, not a pull', () => {
    const graph = buildStageGraph('FROM scratch\nCOPY a /a\n');
    assert.deepEqual(edgeLines(graph), ['from image scratch -> 0 via scratch "scratch" line 1']);
    assert.equal(verdict(graph), 'ok');
  });
});

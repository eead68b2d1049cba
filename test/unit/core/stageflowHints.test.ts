/** Stageflow's own diagnostics: misspelt stage references, numeric stage references, stages not built. */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { diagnosticLines } from './graphText';

const ours = (code: string) => code.startsWith('stageflow.');

describe('stageflow hints', () => {
  it('flags a --from that is a near-miss of a stage name, with the name as a certain fix', () => {
    const graph = buildStageGraph('FROM golang AS builder\nFROM alpine\nCOPY --from=buidler /app /app\n');
    assert.deepEqual(diagnosticLines(graph, ours), [
      "warning stageflow.misspeltStage 2:12-2:19 'buidler' is not a stage, so it is pulled as an image; did you mean stage 'builder'? => \"builder\"",
      "hint stageflow.unreachableStage 0:0-0:22 Stage 'builder' is not built for target 'stage-1'.",
    ]);
  });

  it('flags FROM with the wrong case of an earlier stage name', () => {
    const graph = buildStageGraph('FROM alpine AS build\nFROM Build\n');
    assert.deepEqual(diagnosticLines(graph, ours), [
      "warning stageflow.misspeltStage 1:5-1:10 'Build' is not a stage, so it is pulled as an image; did you mean stage 'build'? => \"build\"",
    ]);
  });

  it('warns when FROM names a stage defined further down (FROM only sees earlier stages)', () => {
    const graph = buildStageGraph('FROM later AS first\nFROM alpine AS later\nCOPY --from=first /a /b\n');
    assert.deepEqual(diagnosticLines(graph, ours), [
      "warning stageflow.laterStageInFrom 0:5-0:10 'later' is a stage defined further down (line 2); FROM only sees earlier stages, so this pulls the image 'later'.",
    ]);
  });

  it('does not flag real images, tagged references or far-off names', () => {
    const graph = buildStageGraph(
      'FROM node:20 AS code\nFROM alpine AS web\nCOPY --from=nginx:1 /a /a\nCOPY --from=redis /b /b\nFROM node\nFROM ghcr.io/acme/codex AS cove\nCOPY --from=bash /c /c\n',
    );
    assert.deepEqual(diagnosticLines(graph, (c) => c === 'stageflow.misspeltStage'), []);
  });

  it('suggests naming a stage referenced by number, with a fix when it already has a name', () => {
    const graph = buildStageGraph('FROM golang AS build\nFROM golang\nFROM alpine\nCOPY --from=0 /a /a\nCOPY --from=1 /b /b\n');
    assert.deepEqual(diagnosticLines(graph, (c) => c === 'stageflow.numericStageRef'), [
      "hint stageflow.numericStageRef 3:12-3:13 Stage 0 is 'build': refer to it by name, which survives reordering. => \"build\"",
      'hint stageflow.numericStageRef 4:12-4:13 Stage 1 is referenced by number: name it (FROM ... AS name) and refer to it by name.',
    ]);
  });

  it('offers no by-name fix when a later stage reuses the name (the name would bind there)', () => {
    const graph = buildStageGraph('FROM golang AS build\nFROM alpine AS build\nFROM alpine\nCOPY --from=0 /a /a\n');
    assert.equal(graph.diagnostics.find((d) => d.code === 'stageflow.numericStageRef')?.fix, undefined);
  });

  it('warns that a mount from= number is an image, not a stage index, and offers the stage\'s name (SEMANTICS: mounts take no numeric index)', () => {
    const graph = buildStageGraph('FROM alpine AS a\nFROM alpine\nFROM alpine\nRUN --mount=from=0,target=/x --mount=from=1,target=/y --mount=from=2,target=/z --mount=from=7,target=/w true\n');
    assert.deepEqual(diagnosticLines(graph, (c) => c !== 'stageflow.unreachableStage'), [
      "warning stageflow.mountStageIndex 3:17-3:18 RUN --mount from= takes no stage index: '0' is pulled as an image named '0', not stage 0 ('a'); mount it by name. => \"a\"",
      "warning stageflow.mountStageIndex 3:42-3:43 RUN --mount from= takes no stage index: '1' is pulled as an image named '1', not stage 1; name that stage (FROM ... AS name) and mount it by name.",
      "warning stageflow.mountStageIndex 3:67-3:68 RUN --mount from= takes no stage index: '2' is pulled as an image named '2'.",
      "warning stageflow.mountStageIndex 3:92-3:93 RUN --mount from= takes no stage index: '7' is pulled as an image named '7'.",
    ]);
  });

  it('warns that a --from number past the last stage copies from an image another --from pulled (conformance index-hits-implicit-image-state)', () => {
    const invalid = buildStageGraph('FROM alpine\nFROM alpine\nCOPY --from=3 /x /y\n');
    assert.deepEqual(diagnosticLines(invalid, ours), [], 'an index that reaches nothing is BuildKit\'s own error, InvalidStageIndex');
    const reachesImage = buildStageGraph('FROM alpine AS a\nCOPY --from=nginx /x /y\nFROM alpine\nCOPY --from=2 /x /y\n');
    assert.deepEqual(diagnosticLines(reachesImage, (c) => c === 'stageflow.indexHitsImage'), [
      "warning stageflow.indexHitsImage 3:12-3:13 There is no stage 2 (the last is 1): BuildKit counts the images other --from options pull as extra states, so this copies from the image 'nginx'. Write the image or stage you mean.",
    ]);
  });

  it('marks stages that the target does not build', () => {
    const graph = buildStageGraph('FROM alpine AS lint\nRUN lint\nFROM alpine AS app\n');
    assert.deepEqual(diagnosticLines(graph, ours), [
      "hint stageflow.unreachableStage 0:0-0:19 Stage 'lint' is not built for target 'app'.",
    ]);
  });
});

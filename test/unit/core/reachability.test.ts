/** SEMANTICS.md "What gets built": the target and the stages reachable from it (`dockerfile2llb/convert.go`). */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { stageLines, verdict } from './graphText';

const text = [
  'FROM golang AS build',
  'FROM alpine AS test',
  'COPY --from=build /bin/app /app',
  'FROM alpine AS docs',
  'FROM scratch AS release',
  'COPY --from=build /bin/app /app',
  'RUN --mount=from=docs,target=/d true',
  '',
].join('\n');

describe('what gets built', () => {
  it('targets the last stage by default and builds what it reaches through FROM, --from and mounts', () => {
    const graph = buildStageGraph(text);
    assert.equal(graph.target, 3);
    assert.deepEqual(graph.reachable, [0, 2, 3]);
    assert.deepEqual(stageLines(graph), [
      '0 build <- image golang [built] lines 1-1',
      '1 test <- image alpine [skipped] lines 2-3',
      '2 docs <- image alpine [built] lines 4-4',
      '3 release <- image scratch [built, target] lines 5-7',
    ]);
  });

  it('lets --target pick any named stage, case-insensitively', () => {
    const graph = buildStageGraph(text, { target: 'TEST' });
    assert.equal(graph.target, 1);
    assert.deepEqual(graph.reachable, [0, 1]);
    assert.deepEqual(graph.options, { target: 'TEST', buildArgs: {}, buildPlatform: 'linux/amd64', targetPlatform: 'linux/amd64' });
  });

  it('fails on an unknown --target, suggesting a close name', () => {
    const graph = buildStageGraph(text, { target: 'tset' });
    assert.equal(verdict(graph), 'error: target stage "tset" could not be found (did you mean test?)');
    assert.equal(graph.target, null);
    assert.deepEqual(graph.reachable, []);
    assert.equal(graph.diagnostics[0].code, 'UnknownTarget');
    assert.equal(verdict(buildStageGraph(text, { target: 'nothing-like-it' })), 'error: target stage "nothing-like-it" could not be found');
  });

  it('still parses the FROM of a skipped stage: an invalid image there fails the build', () => {
    const graph = buildStageGraph('FROM alpine AS a\nFROM Foo AS b\nFROM alpine\n');
    assert.equal(
      verdict(graph),
      'error: failed to parse stage name "Foo": invalid reference format: repository name (library/Foo) must be lowercase',
    );
  });

  it('lists external images (scratch included) in first-use order, marking those a built stage uses', () => {
    const graph = buildStageGraph(text);
    assert.deepEqual(graph.images, [
      { ref: 'golang', reachable: true },
      { ref: 'alpine', reachable: true },
      { ref: 'scratch', reachable: true },
    ]);
    assert.deepEqual(buildStageGraph('FROM node AS unused\nFROM alpine\n').images, [
      { ref: 'node', reachable: false },
      { ref: 'alpine', reachable: true },
    ]);
  });
});

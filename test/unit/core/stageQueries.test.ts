/** Position queries for the editor, and the rules for a new stage name (BuildKit's name pattern, reserved names). */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { validateNewStageName } from '../../../src/core/buildkit/stageNameRules';
import { referenceAt, referencesToStage, stageAtLine } from '../../../src/core/graph/stageQueries';

const text = [
  'ARG BASE=alpine',
  'FROM golang AS build',
  'RUN go build',
  'FROM $BASE AS app',
  'COPY --from=build /out /out',
  'COPY --from=0 /x /x',
  'RUN --mount=from=build,target=/b true',
  '',
].join('\n');
const graph = buildStageGraph(text);

describe('stage queries', () => {
  it('stageAtLine: a stage owns its FROM line up to the next FROM, and no stage owns the lines above the first', () => {
    assert.equal(stageAtLine(graph, 0), null);
    assert.deepEqual([1, 2].map((line) => stageAtLine(graph, line)?.index), [0, 0]);
    assert.deepEqual([3, 6].map((line) => stageAtLine(graph, line)?.index), [1, 1]);
    assert.equal(stageAtLine(graph, 7)?.index, 1, 'the last stage runs to the end of the file');
  });

  it('stageAtLine: comments and blank lines after a stage`s last instruction are still its own, a multi-line FROM too', () => {
    const spaced = buildStageGraph(['FROM alpine AS a', 'RUN one', '', '# about b', 'FROM \\', '  alpine AS b', 'RUN two', ''].join('\n'));
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((line) => stageAtLine(spaced, line)?.index), [0, 0, 0, 0, 1, 1, 1]);
  });

  it('referenceAt finds the reference under the cursor, ends included', () => {
    assert.deepEqual(
      [
        { line: 4, character: 12 },
        { line: 4, character: 17 },
        { line: 3, character: 7 },
        { line: 4, character: 18 },
      ].map((p) => {
        const r = referenceAt(graph, p);
        return r && [r.kind, r.text, r.stage, r.via];
      }),
      [['copy', 'build', 0, 'name'], ['copy', 'build', 0, 'name'], ['from', '$BASE', null, 'image'], null],
    );
  });

  it('referencesToStage lists every reference that binds to a stage, by name or number', () => {
    assert.deepEqual(
      referencesToStage(graph, 0).map((r) => [r.kind, r.text, r.via, r.line]),
      [
        ['copy', 'build', 'name', 5],
        ['copy', '0', 'index', 6],
        ['mount', 'build', 'name', 7],
      ],
    );
    assert.deepEqual(referencesToStage(graph, 1), []);
  });
});

describe('validateNewStageName', () => {
  it('accepts a fresh name that matches BuildKit\'s pattern after lowercasing', () => {
    assert.equal(validateNewStageName(graph, 'test'), null);
    assert.equal(validateNewStageName(graph, 'Test.v2-x_y'), null);
  });

  it('refuses invalid, reserved and duplicate names, except the stage\'s own when renaming it', () => {
    assert.equal(
      validateNewStageName(graph, '2fast'),
      "'2fast' is not a valid stage name: it must start with a letter and contain only letters, digits, '-', '_' and '.'.",
    );
    assert.equal(validateNewStageName(graph, ''), 'A stage name cannot be empty.');
    assert.equal(validateNewStageName(graph, 'Scratch'), "'scratch' is reserved by BuildKit and cannot name a stage.");
    assert.equal(validateNewStageName(graph, 'context'), "'context' is reserved by BuildKit and cannot name a stage.");
    assert.equal(validateNewStageName(graph, 'BUILD'), "A stage named 'build' already exists (line 2).");
    assert.equal(validateNewStageName(graph, 'build', 0), null);
  });
});

/** The graph view's reveal requests come from an untrusted webview: only stages and lines the document has are shown. */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { revealRefusal, type RevealBounds } from '../../../src/extension/graphView/revealRefusal';

/** Three lines (no final line break, so VS Code counts three), two stages. */
const text = 'FROM golang AS build\nRUN go build -o /out/app\nFROM alpine';
const bounds: RevealBounds = { stageCount: buildStageGraph(text).stages.length, lineCount: text.split('\n').length };

describe('revealRefusal (graph view reveal requests)', () => {
  it('reads the document as two stages on three lines', () => {
    assert.deepEqual(bounds, { stageCount: 2, lineCount: 3 });
  });

  it('lets through lines inside the document, the first and last included', () => {
    assert.deepEqual([1, 2, 3].map((line) => revealRefusal({ line }, bounds)), [null, null, null]);
  });

  it('refuses lines outside the document, saying how long it is', () => {
    assert.equal(revealRefusal({ line: 4 }, bounds), 'refused to reveal line 4; the document has 3 lines.');
    assert.equal(revealRefusal({ line: 1000 }, bounds), 'refused to reveal line 1000; the document has 3 lines.');
    assert.equal(revealRefusal({ line: 0 }, bounds), 'refused to reveal line 0; the document has 3 lines.');
    assert.equal(revealRefusal({ line: -1 }, bounds), 'refused to reveal line -1; the document has 3 lines.');
    assert.equal(revealRefusal({ line: 1.5 }, bounds), 'refused to reveal line 1.5; the document has 3 lines.');
    assert.equal(revealRefusal({ line: Number.NaN }, bounds), 'refused to reveal line NaN; the document has 3 lines.');
  });

  it('lets through every stage the file has, the last included', () => {
    assert.deepEqual([0, 1].map((stage) => revealRefusal({ stage }, bounds)), [null, null]);
  });

  it('refuses a stage index the file does not have', () => {
    assert.equal(revealRefusal({ stage: 2 }, bounds), 'refused to reveal stage 2; the file has 2 stages.');
    assert.equal(revealRefusal({ stage: -1 }, bounds), 'refused to reveal stage -1; the file has 2 stages.');
    assert.equal(revealRefusal({ stage: 0.5 }, bounds), 'refused to reveal stage 0.5; the file has 2 stages.');
  });

  it('refuses everything in an empty document', () => {
    const empty: RevealBounds = { stageCount: buildStageGraph('').stages.length, lineCount: 1 };
    assert.equal(revealRefusal({ stage: 0 }, empty), 'refused to reveal stage 0; the file has 0 stages.');
    assert.equal(revealRefusal({ line: 2 }, empty), 'refused to reveal line 2; the document has 1 lines.');
  });
});

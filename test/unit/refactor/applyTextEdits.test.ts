import * as assert from 'node:assert/strict';
import { DocumentText } from '../../../src/core/parse/documentText';
import { applyTextEdits, invertTextEdits } from '../../../src/core/refactor/applyTextEdits';

const at = (line: number, character: number) => ({ line, character });

describe('applyTextEdits', () => {
  it('applies edits in document order whatever their order in the list', () => {
    const text = 'FROM a\nCOPY --from=0 /x /y\n';
    const edits = [
      { range: { start: at(1, 12), end: at(1, 13) }, newText: 'build' },
      { range: { start: at(0, 6), end: at(0, 6) }, newText: ' AS build' },
    ];
    assert.equal(applyTextEdits(text, edits), 'FROM a AS build\nCOPY --from=build /x /y\n');
  });

  it('refuses overlapping edits instead of guessing', () => {
    const edits = [
      { range: { start: at(0, 0), end: at(0, 4) }, newText: 'x' },
      { range: { start: at(0, 2), end: at(0, 6) }, newText: 'y' },
    ];
    assert.throws(() => applyTextEdits('FROM a', edits), /Overlapping/);
  });

  it('keeps CRLF line ends and counts characters without the CR', () => {
    const text = 'FROM a\r\nCOPY --from=0 /x /y\r\n';
    const offsets = new DocumentText(text);
    assert.equal(offsets.offsetAt(at(1, 0)), 8);
    assert.deepEqual(offsets.positionAt(20), at(1, 12));
    assert.equal(applyTextEdits(text, [{ range: { start: at(1, 12), end: at(1, 13) }, newText: 'b' }]), 'FROM a\r\nCOPY --from=b /x /y\r\n');
  });

  it('inverts edits so that undo restores the original exactly', () => {
    const text = 'FROM a\nRUN x\nFROM b\nCOPY --from=0 / /\n';
    const edits = [
      { range: { start: at(0, 0), end: at(0, 0) }, newText: 'FROM a AS base\nRUN x\n\n' },
      { range: { start: at(1, 0), end: at(2, 0) }, newText: '' },
      { range: { start: at(3, 12), end: at(3, 13) }, newText: '1' },
    ];
    const changed = applyTextEdits(text, edits);
    assert.equal(changed, 'FROM a AS base\nRUN x\n\nFROM a\nFROM b\nCOPY --from=1 / /\n');
    assert.equal(applyTextEdits(changed, invertTextEdits(text, edits)), text);
  });
});

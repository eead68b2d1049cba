/** DocumentText: the one conversion between string offsets and editor positions in the core. */
import * as assert from 'node:assert/strict';
import { DocumentText } from '../../../src/core/parse/documentText';

describe('DocumentText', () => {
  const doc = new DocumentText('FROM a\r\nRUN x\n\nFROM b');

  it('converts offsets and positions both ways, a \\r staying part of its line', () => {
    for (let offset = 0; offset <= doc.text.length; offset++) assert.equal(doc.offsetAt(doc.positionAt(offset)), offset);
    assert.deepEqual(doc.positionAt(7), { line: 0, character: 7 }, 'the \\r is character 6 of line 0, the \\n character 7');
    assert.deepEqual(doc.positionAt(8), { line: 1, character: 0 });
  });

  it('clamps positions past a line end to that line, and past the text to its end', () => {
    assert.equal(doc.offsetAt({ line: 1, character: 99 }), 13, 'the \\n ending line 1');
    assert.equal(doc.offsetAt({ line: 9, character: 0 }), doc.text.length);
    assert.equal(doc.offsetAt({ line: 3, character: 99 }), doc.text.length);
    assert.deepEqual(doc.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(doc.positionAt(999), { line: 3, character: 6 });
  });

  it('gives the text a range covers', () => {
    assert.equal(doc.textIn({ start: { line: 1, character: 0 }, end: { line: 3, character: 4 } }), 'RUN x\n\nFROM');
  });
});

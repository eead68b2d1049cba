/** Offsets to lines, under DocumentText (the one offset/position conversion of the core). */
import * as assert from 'node:assert/strict';
import { lineOfOffset, lineStarts } from '../../../src/core/parse/lineStarts';

describe('lineStarts / lineOfOffset', () => {
  it('starts a line after every \\n, keeping \\r on its line, with a last line after a final break', () => {
    assert.deepEqual(lineStarts('FROM a\r\nRUN x\n\nFROM b\n'), [0, 8, 14, 15, 22]);
    assert.deepEqual(lineStarts(''), [0]);
  });

  it('puts each offset on the last line starting at or before it', () => {
    const starts = lineStarts('ab\ncd\n');
    assert.deepEqual(
      [-1, 0, 2, 3, 5, 6, 100].map((offset) => lineOfOffset(starts, offset)),
      [0, 0, 0, 1, 1, 2, 2],
    );
  });
});

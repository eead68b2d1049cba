import * as assert from 'node:assert/strict';
import { fitLensLine, LENS_LINE_BUDGET, LENS_SEPARATOR, lensRoomBeside } from '../../../src/core/editor/fitLensLine';

describe('fitLensLine', () => {
  it('counts the room beside other lenses so that the joined line is at most LENS_LINE_BUDGET', () => {
    assert.equal(lensRoomBeside([]), LENS_LINE_BUDGET + LENS_SEPARATOR.length);
    const beside = ['Build', 'compose: api'];
    const room = lensRoomBeside(beside);
    const titles = fitLensLine([{ title: 'x'.repeat(room - LENS_SEPARATOR.length), priority: 0 }], room);
    assert.equal([...beside, ...titles].join(LENS_SEPARATOR).length, LENS_LINE_BUDGET);
    assert.deepEqual(fitLensLine([{ title: 'x'.repeat(room - LENS_SEPARATOR.length + 1), priority: 0 }], room), [null]);
  });

  it('keeps the lowest priorities first, in the order given, and fills what is left with shorter ones', () => {
    const candidates = [
      { title: 'eeeee', priority: 4 },
      { title: 'a', priority: 0 },
      { title: 'cccccccc', priority: 2 },
      { title: 'dd', priority: 3 },
    ];
    // a (4) + cccccccc (11) leave 3 of 18: eeeee (8) does not fit, dd (5) neither; with 20, dd fits.
    assert.deepEqual(fitLensLine(candidates, 18), [null, 'a', 'cccccccc', null]);
    assert.deepEqual(fitLensLine(candidates, 20), [null, 'a', 'cccccccc', 'dd']);
    assert.deepEqual(fitLensLine(candidates, 100), ['eeeee', 'a', 'cccccccc', 'dd']);
  });

  it('cuts a lens that can be cut to what is left, drops it when the cut says too little, and keeps an `always` lens whatever the room', () => {
    const shorten = (max: number): string | null => (max < 4 ? null : 'long'.padEnd(max - 1, '-') + '…');
    assert.deepEqual(fitLensLine([{ title: 'long-name-here', priority: 1, shorten }, { title: 'Show', priority: 0, always: true }], 16), ['long-…', 'Show']);
    assert.deepEqual(fitLensLine([{ title: 'long-name-here', priority: 1, shorten }, { title: 'Show', priority: 0, always: true }], 9), [null, 'Show']);
    assert.deepEqual(fitLensLine([{ title: 'Show', priority: 0, always: true }], 0), ['Show']);
  });
});

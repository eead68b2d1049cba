import * as assert from 'node:assert/strict';
import { comparePositions, rangesTouch } from '../../../src/core/editor/rangeOrder';

const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } };

describe('rangeOrder', () => {
  it('compares positions by line, then character', () => {
    assert.ok(comparePositions({ line: 1, character: 50 }, { line: 2, character: 0 }) < 0);
    assert.ok(comparePositions({ line: 2, character: 5 }, { line: 2, character: 4 }) > 0);
    assert.equal(comparePositions({ line: 2, character: 3 }, { line: 2, character: 3 }), 0);
  });

  it('sees ranges that share a position as touching', () => {
    assert.equal(rangesTouch(range, { start: { line: 2, character: 9 }, end: { line: 3, character: 0 } }), true);
    assert.equal(rangesTouch(range, { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }), true);
    assert.equal(rangesTouch(range, { start: { line: 2, character: 10 }, end: { line: 3, character: 0 } }), false);
    assert.equal(rangesTouch(range, { start: { line: 0, character: 0 }, end: { line: 2, character: 3 } }), false);
  });
});

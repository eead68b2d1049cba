import * as assert from 'node:assert/strict';
import { placeInOrder } from '../../../src/core/layout/placeInOrder';

describe('placeInOrder', () => {
  it('puts nodes exactly where they want to be when the spacing allows', () => {
    assert.deepEqual(placeInOrder([0, 100], [1, 1], [50]), [0, 100]);
  });

  it('spreads nodes that want the same place symmetrically around it, keeping the separation', () => {
    assert.deepEqual(placeInOrder([10, 10], [1, 1], [40]), [-10, 30]);
  });

  it('lets the heavier node win when two compete', () => {
    assert.deepEqual(placeInOrder([0, 0], [3, 1], [40]), [-10, 30]);
  });
});

import * as assert from 'node:assert/strict';
import { countCrossings } from '../../../src/core/layout/countCrossings';

describe('countCrossings', () => {
  it('counts each pair of edges whose ends are in opposite orders once', () => {
    assert.equal(countCrossings([[0, 1], [1, 0]], 2), 1);
    assert.equal(countCrossings([[0, 2], [1, 1], [2, 0]], 3), 3);
  });

  it('does not count edges that share an end or run in the same order', () => {
    assert.equal(countCrossings([[0, 0], [0, 1], [1, 1], [2, 2]], 3), 0);
  });
});

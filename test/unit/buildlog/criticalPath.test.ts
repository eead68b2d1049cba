import * as assert from 'node:assert/strict';
import { criticalPath } from '../../../src/core/buildlog/criticalPath';

describe('criticalPath', () => {
  // 0 -> 1 -> 3, 0 -> 2 -> 3: the slower middle stage holds the target up.
  const diamond = [[], [0], [0], [1, 2]];

  it('follows the longest chain of summed durations to the target', () => {
    assert.deepEqual(criticalPath(diamond, [1000, 500, 2000, 100], 3), { stages: [0, 2, 3], durationMs: 3100 });
    assert.deepEqual(criticalPath(diamond, [1000, 2500, 2000, 100], 3), { stages: [0, 1, 3], durationMs: 3600 });
  });

  it('takes the lower stage between equal chains, and counts a stage without a time as 0', () => {
    assert.deepEqual(criticalPath(diamond, [1000, 2000, 2000, 100], 3), { stages: [0, 1, 3], durationMs: 3100 });
    assert.deepEqual(criticalPath(diamond, [null, null, 200, null], 3), { stages: [0, 2, 3], durationMs: 200 });
  });

  it('has no length when no stage on it has a time, and no path without a target', () => {
    assert.deepEqual(criticalPath(diamond, [null, null, null, null], 3), { stages: [0, 1, 3], durationMs: null });
    assert.deepEqual(criticalPath(diamond, [1, 2, 3, 4], null), { stages: [], durationMs: null });
  });

  it('ends at the target, whatever comes after it', () => {
    assert.deepEqual(criticalPath(diamond, [1000, 500, 2000, 100], 1), { stages: [0, 1], durationMs: 1500 });
  });

  it('cuts a dependency cycle (a file BuildKit rejects) instead of looping', () => {
    assert.deepEqual(criticalPath([[2], [0], [1]], [100, 200, 300], 2), { stages: [0, 1, 2], durationMs: 600 });
  });

  it('walks a chain of 20,000 stages without running out of stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => (i === 0 ? [] : [i - 1]));
    const path = criticalPath(chain, chain.map(() => 1), 19_999);
    assert.deepEqual([path.stages.length, path.stages[0], path.durationMs], [20_000, 0, 20_000]);
  });
});

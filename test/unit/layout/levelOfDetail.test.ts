import * as assert from 'node:assert/strict';
import { compactBoxWidth, compactLabelRank, visibleCompactLabels, type CompactCandidate } from '../../../src/core/layout/compactLabels';
import { detailAt, FULL_DETAIL_SCALE, MIN_NAME_PX, TITLE_FONT } from '../../../src/core/layout/levelOfDetail';
import type { LayoutNode } from '../../../src/core/layout/layoutTypes';
import { estimateTextWidth } from '../../../src/core/layout/textWidth';

const node = (fields: Partial<LayoutNode>): LayoutNode => ({
  id: 'stage:0',
  key: 'stage:a',
  kind: 'stage',
  stage: 0,
  members: [],
  image: null,
  entryPoint: null,
  x: 0,
  y: 0,
  width: 120,
  height: 60,
  lines: ['a'],
  tooltip: '',
  ariaLabel: '',
  reachable: true,
  isTarget: false,
  ...fields,
});

describe('level of detail', () => {
  it('draws boxes in full exactly while their names are at least 11px on screen', () => {
    assert.equal(detailAt(1), 'full');
    assert.equal(detailAt(FULL_DETAIL_SCALE), 'full');
    assert.ok(TITLE_FONT * FULL_DETAIL_SCALE >= MIN_NAME_PX - 1e-9);
    assert.equal(detailAt(FULL_DETAIL_SCALE - 0.01), 'compact');
    assert.equal(detailAt(0.05), 'compact');
  });

  it('estimates text on the wide side, wider for wide letters', () => {
    assert.ok(estimateTextWidth('integration-tests-base', 12) > 22 * 5);
    assert.ok(estimateTextWidth('mmmm', 12) > estimateTextWidth('iiii', 12));
    assert.ok(compactBoxWidth('buildkit') > estimateTextWidth('buildkit', 12));
  });
});

describe('visibleCompactLabels', () => {
  const row = (count: number, spacing: number): CompactCandidate[] =>
    Array.from({ length: count }, (_, index) => ({ id: `stage:${index}`, x: index * spacing, y: 0, width: 100, height: 60, labelWidth: compactBoxWidth(`stage-number-${index}`), rank: 0 }));

  it('draws every name when they have room at that scale, and leaves out the ones that would overlap when not', () => {
    const stages = row(5, 300);
    assert.equal(visibleCompactLabels(stages, 1).size, 5);
    // At 0.2, 300 drawing units are 60px: a 14-character name (over 100px) overlaps its neighbours, so every other.
    const drawn = visibleCompactLabels(stages, 0.2);
    assert.deepEqual([...drawn].sort(), ['stage:0', 'stage:2', 'stage:4']);
  });

  it('gives room first to the better ranked name', () => {
    const stages = row(2, 100).map((candidate, index) => ({ ...candidate, rank: index }));
    assert.deepEqual([...visibleCompactLabels(stages, 0.3)], ['stage:1']);
  });

  it('ranks the selection, the cursor and search matches over the target, built stages, skipped ones and images', () => {
    const none = { selected: false, highlighted: false, matched: false };
    const ranks = [
      compactLabelRank(node({}), { ...none, selected: true }, 0),
      compactLabelRank(node({}), { ...none, highlighted: true }, 0),
      compactLabelRank(node({}), { ...none, matched: true }, 0),
      compactLabelRank(node({ isTarget: true }), none, 0),
      compactLabelRank(node({}), none, 3),
      compactLabelRank(node({}), none, 1),
      compactLabelRank(node({ reachable: false }), none, 9),
      compactLabelRank(node({ kind: 'image', stage: null }), none, 20),
    ];
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a));
  });
});

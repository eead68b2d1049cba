import * as assert from 'node:assert/strict';
import { boxesOverlap } from '../../../src/core/layout/boxGrid';
import { compactBoxWidth, compactLabelRank, compactNodeBox, ELIDED_BOX_PX, visibleCompactLabels, type CompactCandidate } from '../../../src/core/layout/compactLabels';
import { COMPACT_BOX_PX } from '../../../src/core/layout/levelOfDetail';
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
    const stages = row(5, 400);
    assert.equal(visibleCompactLabels(stages, 1).named.size, 5);
    // At 0.2, 400 drawing units are 80px: a 14-character name (over 100px) overlaps its neighbours' names, so every
    // other is drawn; the others keep their mark, which fits beside the names.
    const { named, marked } = visibleCompactLabels(stages, 0.2);
    assert.deepEqual([...named].sort(), ['stage:0', 'stage:2', 'stage:4']);
    assert.deepEqual([...marked].sort(), ['stage:1', 'stage:3']);
  });

  it('never grows a named box over another box: the names left out show the elided mark where it fits, and are dots where not', () => {
    // A row of wide names 100 units apart, and a tight column of image pills 40 units apart.
    const stages = row(4, 200);
    const images: CompactCandidate[] = Array.from({ length: 4 }, (_, index) => ({ id: `image:${index}`, x: 0, y: 200 + index * 40, width: 120, height: 30, labelWidth: compactBoxWidth('gcr.io/distroless/static'), rank: 0 }));
    const candidates = [...stages, ...images];
    for (const scale of [0.9, 0.5, 0.3, 0.2, 0.1, 0.05]) {
      const { named, marked } = visibleCompactLabels(candidates, scale);
      const shown = candidates.flatMap((candidate) =>
        named.has(candidate.id) ? [compactNodeBox(candidate, { width: candidate.labelWidth, height: COMPACT_BOX_PX }, scale)] : marked.has(candidate.id) ? [compactNodeBox(candidate, ELIDED_BOX_PX, scale)] : [],
      );
      for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) assert.ok(!boxesOverlap(shown[i], shown[j]), `boxes ${i} and ${j} overlap at ${scale}`);
      assert.ok([...named].every((id) => !marked.has(id)), 'a node shows its name or the mark, not both');
    }
    // Zoomed in, everything is named; further out the pills, 12px apart at 0.3, keep the mark; at 0.1 (4px) they are dots.
    assert.equal(visibleCompactLabels(candidates, 0.9).named.size, 8);
    const out = visibleCompactLabels(candidates, 0.3);
    assert.ok(images.some((image) => out.marked.has(image.id)), 'some pills keep the mark');
    const far = visibleCompactLabels(images, 0.1);
    assert.ok(far.named.size + far.marked.size < images.length, 'pills 4px apart cannot all be marked');
  });

  it('gives room first to the better ranked name', () => {
    const stages = row(2, 250).map((candidate, index) => ({ ...candidate, rank: index }));
    assert.deepEqual([...visibleCompactLabels(stages, 0.3).named], ['stage:1']);
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

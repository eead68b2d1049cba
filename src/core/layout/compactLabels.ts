import { BoxGrid, type Box } from './boxGrid';
import { COMPACT_BOX_PX, COMPACT_NAME_PX } from './levelOfDetail';
import type { GraphLayout, LayoutNode } from './layoutTypes';
import { estimateTextWidth } from './textWidth';

/** Room around a compact name inside its box, and between two boxes, in screen pixels. */
const PADDING_PX = 8;
const GAP_PX = 4;
/** Between a box with the elided mark and the others: marks sit in tight stacks of images. */
const MARK_GAP_PX = 2;

/** The on-screen width of the compact box holding `name`, in pixels. */
export function compactBoxWidth(name: string): number {
  return Math.ceil(estimateTextWidth(name, COMPACT_NAME_PX) + 2 * PADDING_PX);
}

/** What a compact box whose name is left out shows instead, so no box is ever empty (the name is on hover). */
export const ELIDED_NAME_MARK = '…';
/** The on-screen size of the mark (`.elided-mark` in media/graph.css) and of the box holding it, in pixels. */
export const ELIDED_MARK_PX = 10;
export const ELIDED_BOX_PX = { width: Math.ceil(estimateTextWidth(ELIDED_NAME_MARK, ELIDED_MARK_PX)) + 8, height: 12 };
/** The on-screen size of a compact box holding `name`, in pixels. */
export const namedBoxSize = (name: string): { width: number; height: number } => ({ width: compactBoxWidth(name), height: COMPACT_BOX_PX });

/**
 * The box a node is drawn in at zoom `scale` when compact, in drawing units: its laid-out box (where its edges
 * end), grown about its middle to hold `inner` (screen pixels: a name's box or the mark's).
 */
export function compactNodeBox(node: Box, inner: { width: number; height: number }, scale: number): Box {
  const [width, height] = [Math.max(node.width, inner.width / scale), Math.max(node.height, inner.height / scale)];
  return { x: node.x + node.width / 2 - width / 2, y: node.y + node.height / 2 - height / 2, width, height };
}

/**
 * Which nodes show their name when compact, and which the elided mark; of the others, too small for either, those
 * under a name that insists on its room are covered (not drawn), the rest are dots.
 */
export interface CompactLabelPlan {
  named: Set<string>;
  marked: Set<string>;
  covered: Set<string>;
}

/** What the view marks on a node, for deciding whose name is drawn first when they do not all fit. */
export interface NodeMarks {
  selected: boolean;
  highlighted: boolean;
  matched: boolean;
}

/**
 * How much a node's name matters when names compete for room: the selected node, the stage under the cursor and
 * search matches first, then the target, stages that are built, stages that are not, and images last; among
 * equals, nodes with more edges (the hubs a reader orients by).
 */
export function compactLabelRank(node: LayoutNode, marks: NodeMarks, degree: number): number {
  return rankOf(tierOf(node, marks), degree);
}

/** Ranks from the target's tier up: names that take their room even from other boxes' marks (those become dots). */
const FIRST_TIER = 4;
const rankOf = (tier: number, degree: number): number => tier * 10_000 + Math.min(degree, 9_999);

function tierOf(node: LayoutNode, marks: NodeMarks): number {
  let tier = node.kind === 'stage' || node.kind === 'family' ? (node.isTarget ? 4 : node.reachable ? 3 : 2) : node.kind === 'summary' ? 2 : 1;
  if (marks.matched) tier = 5;
  if (marks.highlighted) tier = 6;
  if (marks.selected) tier = 7;
  return tier;
}

/** A node whose name may be drawn in a compact box centred on it. */
export interface CompactCandidate {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** `compactBoxWidth` of its name, in screen pixels (worked out once per drawing, not per zoom). */
  labelWidth: number;
  rank: number;
}

/**
 * How each node is drawn compact at zoom `scale`. Names are taken best rank first (then in the given order), each
 * only if its box (`compactNodeBox`), with a gap around it, overlaps no box named before it and no other
 * node's box as drawn with the elided mark (the target, the selection, the cursor's stage and search matches
 * insist: they take the room, and the boxes under them are covered). The nodes left show the mark where its box
 * overlaps no other box drawn, and are dots (too small to mark, the name on hover) where not. So no text runs out
 * of its box or over another text or box, and no box is drawn empty. Deterministic.
 */
export function visibleCompactLabels(candidates: readonly CompactCandidate[], scale: number): CompactLabelPlan {
  const order = candidates.map((_, index) => index).sort((a, b) => candidates[b].rank - candidates[a].rank || a - b);
  const gap = GAP_PX / scale;
  const spaced = (box: Box): Box => ({ x: box.x - gap / 2, y: box.y - gap / 2, width: box.width + gap, height: box.height + gap });
  const cell = Math.max((COMPACT_BOX_PX + GAP_PX) / scale, 240 / scale);
  const taken = new BoxGrid(cell);
  // Every node may keep at least its box with the mark: a name grows its own box over that area, no other's.
  const markBoxes = candidates.map((candidate) => compactNodeBox(candidate, ELIDED_BOX_PX, scale));
  const markGrid = new BoxGrid(cell);
  for (const box of markBoxes) markGrid.add(box);
  const named = new Set<string>();
  const namedBoxes = new BoxGrid(cell);
  for (const index of order) {
    const candidate = candidates[index];
    const box = spaced(compactNodeBox(candidate, { width: candidate.labelWidth, height: COMPACT_BOX_PX }, scale));
    const insists = candidate.rank >= rankOf(FIRST_TIER, 0);
    if (taken.overlapsAny(box) || (!insists && markGrid.overlapsAny(box, markBoxes[index]))) continue;
    taken.add(box);
    namedBoxes.add(box);
    named.add(candidate.id);
  }
  const marked = new Set<string>();
  const markGap = MARK_GAP_PX / scale;
  for (const index of order) {
    if (named.has(candidates[index].id)) continue;
    const own = markBoxes[index];
    const box = { x: own.x - markGap / 2, y: own.y - markGap / 2, width: own.width + markGap, height: own.height + markGap };
    if (taken.overlapsAny(box)) continue;
    taken.add(box);
    marked.add(candidates[index].id);
  }
  const covered = new Set(candidates.filter((candidate) => !named.has(candidate.id) && !marked.has(candidate.id) && namedBoxes.overlapsAny(candidate)).map((candidate) => candidate.id));
  return { named, marked, covered };
}

/** The nodes as compact-name candidates, ranked as the view ranks them with nothing selected or marked. */
export function compactCandidates(layout: Pick<GraphLayout, 'nodes' | 'edges'>): CompactCandidate[] {
  const degree = degrees(layout);
  const unmarked = { selected: false, highlighted: false, matched: false };
  return layout.nodes.map((node) => ({
    id: node.id,
    x: node.x,
    y: node.y,
    width: node.width,
    height: node.height,
    labelWidth: compactBoxWidth(node.lines[0] ?? ''),
    rank: compactLabelRank(node, unmarked, degree.get(node.id) ?? 0),
  }));
}

/** How many drawn edges meet each node. */
function degrees(layout: Pick<GraphLayout, 'edges'>): Map<string, number> {
  const degree = new Map<string, number>();
  for (const edge of layout.edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return degree;
}

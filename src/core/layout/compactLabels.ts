import { BoxGrid, type Box } from './boxGrid';
import { COMPACT_BOX_PX, COMPACT_NAME_PX } from './levelOfDetail';
import type { GraphLayout, LayoutNode } from './layoutTypes';
import { estimateTextWidth } from './textWidth';

/** Room around a compact name inside its box, and between two boxes, in screen pixels. */
const PADDING_PX = 8;
const GAP_PX = 4;

/** The on-screen width of the compact box holding `name`, in pixels. */
export function compactBoxWidth(name: string): number {
  return Math.ceil(estimateTextWidth(name, COMPACT_NAME_PX) + 2 * PADDING_PX);
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
  let tier = node.kind === 'stage' || node.kind === 'family' ? (node.isTarget ? 4 : node.reachable ? 3 : 2) : node.kind === 'summary' ? 2 : 1;
  if (marks.matched) tier = 5;
  if (marks.highlighted) tier = 6;
  if (marks.selected) tier = 7;
  return tier * 10_000 + Math.min(degree, 9_999);
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
 * The nodes whose compact names are drawn at zoom `scale`: names are taken best rank first (then in the given
 * order) and each is drawn only if its box, at its fixed on-screen size, overlaps none drawn before it. The rest
 * keep their plain box; their names are on hover. Deterministic.
 */
export function visibleCompactLabels(candidates: readonly CompactCandidate[], scale: number): Set<string> {
  const order = candidates.map((_, index) => index).sort((a, b) => candidates[b].rank - candidates[a].rank || a - b);
  const drawn = new Set<string>();
  const height = (COMPACT_BOX_PX + GAP_PX) / scale;
  const placed = new BoxGrid(Math.max(height, 240 / scale));
  for (const index of order) {
    const candidate = candidates[index];
    const width = (candidate.labelWidth + GAP_PX) / scale;
    const box: Box = { x: candidate.x + candidate.width / 2 - width / 2, y: candidate.y + candidate.height / 2 - height / 2, width, height };
    if (placed.overlapsAny(box)) continue;
    placed.add(box);
    drawn.add(candidate.id);
  }
  return drawn;
}

/** The nodes as compact-name candidates, ranked as the view ranks them with nothing selected or marked. */
export function compactCandidates(layout: GraphLayout): CompactCandidate[] {
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
function degrees(layout: GraphLayout): Map<string, number> {
  const degree = new Map<string, number>();
  for (const edge of layout.edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return degree;
}

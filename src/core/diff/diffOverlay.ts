import type { GraphLayout, LayoutNode } from '../layout/layoutTypes';
import type { EdgeSource } from '../model';
import type { DiffEdge, GraphComparison } from './compareDockerfiles';
import { whatChanged } from './graphDiffText';
import { toGraphDiff } from './toGraphDiff';

/** How a drawn node differs from the other version. */
export type DiffMark = 'added' | 'changed' | 'renamed' | 'nowBuilt' | 'nowSkipped';

/** A node of the drawing (`LayoutNode.id`) and how it differs; a family or summary node carries its members' marks. */
export interface DiffOverlayNode {
  id: string;
  marks: DiffMark[];
  /** What changed, one short phrase per mark, for the badge and its tooltip. */
  notes: string[];
}

/** Something the other version had and this one does not, drawn as a ghost box below the drawing. */
export interface DiffOverlayGhost {
  /** `ghost:stage:<old index>` or `ghost:image:<reference>`. */
  id: string;
  /** The old stage's name (`stage-N` when unnamed) or the image. */
  label: string;
  /** One line under the label: what the stage was built on, or `image`. */
  detail: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A dependency the other version had, drawn dashed between the boxes (or ghosts) of its ends. */
export interface DiffOverlayEdge {
  /** Unique within the overlay. */
  id: string;
  kind: 'from' | 'copy' | 'mount';
  /** SVG path data (a bowed curve between the boxes' borders). */
  path: string;
  /** `build → app (copy)`, by the names of the other version. */
  tooltip: string;
}

/**
 * A graph diff laid onto the drawing of the current version: ids of the drawing's own nodes and edges to mark,
 * and ghosts for what was removed, placed in a row below the drawing. Plain data; the webview only draws it.
 */
export interface DiffOverlay {
  /** What the drawing is compared with, as the user named it (`HEAD`). */
  against: string;
  /** One line: the counts of each kind of change, or that nothing changed. */
  summary: string;
  nodes: DiffOverlayNode[];
  /** `LayoutEdge.id`s of the drawn edges that are new. */
  addedEdges: string[];
  removedStages: DiffOverlayGhost[];
  removedEdges: DiffOverlayEdge[];
  /** The drawing's size with the ghosts (the layout's own size when nothing was removed). */
  width: number;
  height: number;
}

const GHOST_GAP = 48;
const GHOST_SPACING = 24;
const GHOST_HEIGHT = 46;
/** Wide enough for the labels at the drawing's font (about 7 units a character) with padding. */
const ghostWidth = (label: string, detail: string): number => Math.max(120, Math.ceil(Math.max(label.length, detail.length) * 7.2) + 24);

/**
 * Lays `comparison` (the other version → the drawn one, resolved with the drawing's options) onto `layout`, the
 * drawing of its `after` graph. Stages folded into a family or summary node mark that node; removed edges whose
 * ends are not drawn (images hidden, a stage folded with no node) are left out of the drawing but counted.
 */
export function diffOverlay(comparison: GraphComparison, layout: GraphLayout, against: string): DiffOverlay {
  const { before, after, matching } = comparison;
  const nodeForStage = (index: number): LayoutNode | undefined => layout.nodes.find((node) => node.stage === index || node.members.includes(index));
  const nodes = new Map<string, DiffOverlayNode>();
  const mark = (index: number, diffMark: DiffMark, note: string): void => {
    const node = nodeForStage(index);
    if (!node) return;
    const entry = nodes.get(node.id) ?? { id: node.id, marks: [], notes: [] };
    const prefix = node.stage === index ? '' : `${after.stages[index].label}: `;
    if (!entry.marks.includes(diffMark)) entry.marks.push(diffMark);
    entry.notes.push(prefix + note);
    nodes.set(node.id, entry);
  };
  const named = toGraphDiff(comparison);
  for (const index of comparison.addedStages) mark(index, 'added', `added since ${against}`);
  comparison.renamedStages.forEach(({ oldIndex, newIndex }) => mark(newIndex, 'renamed', `renamed from ${before.stages[oldIndex].label}`));
  comparison.changedStages.forEach(({ newIndex }, position) => mark(newIndex, 'changed', `changed: ${whatChanged(named.stages.changed[position])}`));
  for (const index of comparison.nowBuilt) if (!comparison.addedStages.includes(index)) mark(index, 'nowBuilt', 'now built for the target');
  for (const index of comparison.nowSkipped) mark(index, 'nowSkipped', 'no longer built for the target');

  const addedEdges = new Set<string>();
  for (const added of comparison.addedEdges) {
    for (const edge of layout.edges) {
      if (edge.edges.some((graphIndex) => sameEdge(after.edges[graphIndex], added))) addedEdges.add(edge.id);
    }
  }

  // Ghosts: removed stages, and images only the removed edges still name (drawn only when images are drawn).
  const drawsImages = layout.nodes.some((node) => node.kind === 'image' || node.kind === 'scratch');
  const imageNode = (reference: string): LayoutNode | undefined => layout.nodes.find((node) => node.image === reference);
  const ghosts: Array<Omit<DiffOverlayGhost, 'x' | 'y' | 'width' | 'height'>> = comparison.removedStages.map((index) => {
    const stage = before.stages[index];
    const base = stage.baseStage !== null ? before.stages[stage.baseStage].label : (stage.baseImage ?? stage.baseName);
    return { id: `ghost:stage:${index}`, label: stage.label, detail: `removed · FROM ${base}` };
  });
  const endOf = (source: EdgeSource): string | undefined => {
    if ('stage' in source) {
      const newIndex = matching.newIndexOf[source.stage];
      return newIndex === null ? `ghost:stage:${source.stage}` : nodeForStage(newIndex)?.id;
    }
    if (!drawsImages) return undefined;
    const drawn = imageNode(source.image);
    if (drawn) return drawn.id;
    const id = `ghost:image:${source.image}`;
    if (!ghosts.some((ghost) => ghost.id === id)) ghosts.push({ id, label: source.image, detail: `no longer used` });
    return id;
  };
  const removedEnds = comparison.removedEdges.flatMap((edge, position) => {
    const from = endOf(edge.from);
    const to = endOf({ stage: edge.to });
    const fromName = 'stage' in edge.from ? before.stages[edge.from.stage].label : edge.from.image;
    const tooltip = `Removed since ${against}: ${fromName} → ${before.stages[edge.to].label} (${edge.kind})`;
    return from && to && from !== to ? [{ id: `removed:${position}`, kind: edge.kind, from, to, tooltip }] : [];
  });

  let x = 0;
  const y = layout.height + GHOST_GAP;
  const placed: DiffOverlayGhost[] = ghosts.map((ghost) => {
    const width = ghostWidth(ghost.label, ghost.detail);
    const box = { ...ghost, x, y, width, height: GHOST_HEIGHT };
    x += width + GHOST_SPACING;
    return box;
  });
  const boxes = new Map<string, Box>([...layout.nodes, ...placed].map((box) => [box.id, box]));
  const removedEdges: DiffOverlayEdge[] = removedEnds.map(({ id, kind, from, to, tooltip }) => ({ id, kind, tooltip, path: linkPath(boxes.get(from)!, boxes.get(to)!) }));

  return {
    against,
    summary: summaryLine(comparison, against),
    nodes: [...nodes.values()],
    addedEdges: [...addedEdges],
    removedStages: placed,
    removedEdges,
    width: Math.max(layout.width, x - GHOST_SPACING),
    height: placed.length > 0 ? y + GHOST_HEIGHT : layout.height,
  };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function sameEdge(edge: { from: EdgeSource; to: number; kind: string }, diffEdge: DiffEdge): boolean {
  if (edge.to !== diffEdge.to || edge.kind !== diffEdge.kind) return false;
  return 'stage' in edge.from ? 'stage' in diffEdge.from && edge.from.stage === diffEdge.from.stage : 'image' in diffEdge.from && edge.from.image === diffEdge.from.image;
}

/**
 * A gently bowed curve from the border of `from` to the border of `to` (along the line between their centres): bowed
 * so that two removed edges of one ghost, or one that runs along a drawn edge, stay apart.
 */
function linkPath(from: Box, to: Box): string {
  const [fx, fy] = [from.x + from.width / 2, from.y + from.height / 2];
  const [tx, ty] = [to.x + to.width / 2, to.y + to.height / 2];
  const start = borderPoint(from, tx - fx, ty - fy);
  const end = borderPoint(to, fx - tx, fy - ty);
  const [dx, dy] = [end.x - start.x, end.y - start.y];
  const length = Math.hypot(dx, dy) || 1;
  const bow = Math.min(60, length * 0.15);
  const [nx, ny] = [(-dy / length) * bow, (dx / length) * bow];
  const round = (value: number): string => value.toFixed(1);
  const point = (x: number, y: number): string => `${round(x)},${round(y)}`;
  return `M${point(start.x, start.y)}C${point(start.x + dx / 3 + nx, start.y + dy / 3 + ny)} ${point(start.x + (2 * dx) / 3 + nx, start.y + (2 * dy) / 3 + ny)} ${point(end.x, end.y)}`;
}

/** Where a ray from the box's centre in direction (dx, dy) leaves the box. */
function borderPoint(box: Box, dx: number, dy: number): { x: number; y: number } {
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(dx === 0 ? Infinity : box.width / 2 / Math.abs(dx), dy === 0 ? Infinity : box.height / 2 / Math.abs(dy));
  return { x: cx + dx * scale, y: cy + dy * scale };
}

/** `Compared with HEAD: 1 stage added, 1 removed; 2 edges added; 1 stage now built`. */
function summaryLine(comparison: GraphComparison, against: string): string {
  const count = (n: number, what: string): string[] => (n > 0 ? [`${n} ${what}`] : []);
  const stages = [
    ...count(comparison.addedStages.length, 'added'),
    ...count(comparison.removedStages.length, 'removed'),
    ...count(comparison.renamedStages.length, 'renamed'),
    ...count(comparison.changedStages.length, 'changed'),
  ];
  const edges = [...count(comparison.addedEdges.length, 'added'), ...count(comparison.removedEdges.length, 'removed')];
  const reach = [...count(comparison.nowBuilt.length, 'now built'), ...count(comparison.nowSkipped.length, 'no longer built')];
  const parts = [
    ...(stages.length > 0 ? [`stages: ${stages.join(', ')}`] : []),
    ...(edges.length > 0 ? [`edges: ${edges.join(', ')}`] : []),
    ...(reach.length > 0 ? [`for the target: ${reach.join(', ')}`] : []),
  ];
  return parts.length === 0 ? `Compared with ${against}: the stage graph did not change.` : `Compared with ${against}: ${parts.join('; ')}.`;
}

import { BoxGrid, boxesOverlap, type Box } from './boxGrid';
import type { LayoutDirection } from './layoutTypes';

/** Estimated width of one character of an edge label (10px text). */
const LABEL_CHAR_WIDTH = 5.8;
const LABEL_HEIGHT = 13;
/** Where along an edge's last segment a label may sit, best first. */
const POSITIONS = [0.5, 0.35, 0.65, 0.2, 0.8];

/** Grid cell size for finding nearby boxes: about a node's width, so a label's area spans few cells. */
const GRID_CELL = 200;

/** A point and the label box that would be drawn there (text centred, baseline 4px above the point). */
export function labelBox(label: string, x: number, y: number): Box {
  const width = Array.from(label).length * LABEL_CHAR_WIDTH + 4;
  return { x: x - width / 2, y: y - 4 - LABEL_HEIGHT + 2, width, height: LABEL_HEIGHT };
}

function overlap(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** The point at `t` of the curve `edgePath` draws between two polyline points. */
function pointOnSegment(from: { x: number; y: number }, to: { x: number; y: number }, t: number, direction: LayoutDirection): { x: number; y: number } {
  const u = 1 - t;
  // Along the flow the cubic's control points sit at the middle; across it they repeat the end values.
  const along = (a: number, b: number): number => u * u * u * a + 3 * u * t * ((a + b) / 2) + t * t * t * b;
  const across = (a: number, b: number): number => a * (u * u * u + 3 * u * u * t) + b * (3 * u * t * t + t * t * t);
  return direction === 'LR' ? { x: along(from.x, to.x), y: across(from.y, to.y) } : { x: across(from.x, to.x), y: along(from.y, to.y) };
}

/**
 * Places each edge label on its edge's last segment, at the first of a few positions where it overlaps neither a
 * node nor a label placed before it (else where it overlaps least). Edges are taken in order: deterministic.
 */
export function placeEdgeLabels(
  edges: ReadonlyArray<{ label: string; points: ReadonlyArray<{ x: number; y: number }> }>,
  nodes: readonly Box[],
  direction: LayoutDirection,
): Array<{ x: number; y: number }> {
  // Nodes and then the labels placed so far, in that order: the order a full scan would sum their overlaps in.
  const obstacles = new BoxGrid(GRID_CELL);
  for (const node of nodes) obstacles.add(node);
  return edges.map((edge) => {
    const [from, to] = [edge.points[edge.points.length - 2], edge.points[edge.points.length - 1]];
    if (!from || !to) return { x: 0, y: 0 };
    const middle = pointOnSegment(from, to, 0.5, direction);
    if (!edge.label) return middle;
    const candidates = POSITIONS.map((t) => {
      const point = pointOnSegment(from, to, t, direction);
      return { point, box: labelBox(edge.label, point.x, point.y) };
    });
    let best = { point: middle, cost: Infinity };
    for (const { point, box } of candidates) {
      // Only boxes near this one can overlap it; the others would only add zeros to the cost.
      let cost = 0;
      for (const other of obstacles.near(box, (candidate) => boxesOverlap(box, candidate))) cost += overlap(box, other);
      if (cost < best.cost) best = { point, cost };
      if (cost === 0) break;
    }
    obstacles.add(labelBox(edge.label, best.point.x, best.point.y));
    return best.point;
  });
}

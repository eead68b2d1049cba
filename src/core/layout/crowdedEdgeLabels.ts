import { BoxGrid } from './boxGrid';
import type { LayoutEdge, LayoutNode } from './layoutTypes';
import { labelBox } from './placeEdgeLabels';

/**
 * The edges whose labels are better left undrawn: each label that would overlap a box or a label drawn before it
 * (labels in edge order), since two labels on top of each other can be read as neither. Their text stays in the
 * edge's hover text.
 */
export function crowdedEdgeLabels(edges: readonly LayoutEdge[], nodes: readonly LayoutNode[]): Set<string> {
  const taken = new BoxGrid(200);
  for (const node of nodes) taken.add(node);
  const crowded = new Set<string>();
  for (const edge of edges) {
    if (!edge.label || edge.points.length === 0) continue;
    const box = labelBox(edge.label, edge.labelX, edge.labelY);
    if (taken.overlapsAny(box)) crowded.add(edge.id);
    else taken.add(box);
  }
  return crowded;
}

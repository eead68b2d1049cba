import type { Edge, EdgeSource } from '../model';

/** The graph's edges of one kind and one origin (ONBUILD or not) between the same two nodes, drawn as one. */
export interface ParallelEdges {
  from: EdgeSource;
  /** The stage the edges lead into. */
  to: number;
  kind: Edge['kind'];
  /** True when the edges come from ONBUILD triggers. */
  onbuild: boolean;
  /** Where the merged edges stand in the graph's edge list, in order. */
  positions: number[];
}

/**
 * Groups edges by source, target, kind and ONBUILD origin, so that several COPY --from (or mounts) between the
 * same stages show as one edge with a count. Groups come in the order of their first edge, so every drawing
 * built from them is deterministic.
 */
export function mergeParallelEdges(edges: readonly Edge[]): ParallelEdges[] {
  const groups = new Map<string, ParallelEdges>();
  edges.forEach((edge, position) => {
    const onbuild = edge.onbuild === true;
    const from: EdgeSource = 'stage' in edge.from ? { stage: edge.from.stage } : { image: edge.from.image };
    const key = JSON.stringify([from, edge.to, edge.kind, onbuild]);
    const group = groups.get(key);
    if (group) group.positions.push(position);
    else groups.set(key, { from, to: edge.to, kind: edge.kind, onbuild, positions: [position] });
  });
  return [...groups.values()];
}

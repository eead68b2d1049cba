/** A directed edge between two node indexes of a layered graph. */
export interface DirectedEdge {
  source: number;
  target: number;
}

/**
 * A topological order that prefers lower indexes (so file order decides ties and the result is deterministic).
 * Nodes on a cycle, which a valid stage graph never has, are appended in index order.
 */
export function topologicalOrder(nodeCount: number, edges: readonly DirectedEdge[]): number[] {
  const indegree = new Array<number>(nodeCount).fill(0);
  const successors: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const edge of edges) {
    successors[edge.source].push(edge.target);
    indegree[edge.target]++;
  }
  // A binary heap is overkill for the graph sizes here; a sorted ready list keeps the order obvious.
  const ready: number[] = [];
  for (let node = 0; node < nodeCount; node++) if (indegree[node] === 0) ready.push(node);
  const order: number[] = [];
  const placed = new Array<boolean>(nodeCount).fill(false);
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const node = ready.shift()!;
    order.push(node);
    placed[node] = true;
    for (const next of successors[node]) if (--indegree[next] === 0) ready.push(next);
  }
  for (let node = 0; node < nodeCount; node++) if (!placed[node]) order.push(node);
  return order;
}

/**
 * Assigns each node a layer so every edge points to a later layer: longest path from the sources, then nodes
 * are moved between their neighbours' layers towards the side with more edges, which shortens edges overall
 * (an image used by one late stage sits just before it, not in the first column). Edges that go against the
 * topological order (only possible on a cycle) must already have been reversed by the caller.
 */
export function assignLayers(nodeCount: number, edges: readonly DirectedEdge[], order: readonly number[]): number[] {
  const predecessors: number[][] = Array.from({ length: nodeCount }, () => []);
  const successors: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const edge of edges) {
    predecessors[edge.target].push(edge.source);
    successors[edge.source].push(edge.target);
  }
  const layer = new Array<number>(nodeCount).fill(0);
  for (const node of order) {
    for (const previous of predecessors[node]) layer[node] = Math.max(layer[node], layer[previous] + 1);
  }
  const reversed = [...order].reverse();
  for (let pass = 0; pass < 8; pass++) {
    let moved = false;
    for (const node of pass % 2 === 0 ? reversed : order) {
      const ins = predecessors[node].length;
      const outs = successors[node].length;
      if (ins === outs) continue;
      const lowest = ins === 0 ? -Infinity : Math.max(...predecessors[node].map((n) => layer[n] + 1));
      const highest = outs === 0 ? Infinity : Math.min(...successors[node].map((n) => layer[n] - 1));
      const wanted = outs > ins ? highest : lowest;
      if (Number.isFinite(wanted) && wanted !== layer[node]) {
        layer[node] = wanted;
        moved = true;
      }
    }
    if (!moved) break;
  }
  const smallest = nodeCount === 0 ? 0 : Math.min(...layer);
  return layer.map((value) => value - smallest);
}

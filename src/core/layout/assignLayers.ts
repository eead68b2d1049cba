import { networkSimplex } from './networkSimplex';

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
 * Assigns each node a layer so every edge points to a later layer: longest path from the sources, then network
 * simplex to make edges as short as possible overall (an image used by one late stage sits just before it, not
 * in the first column). Edges that go against the topological order (only possible on a cycle) must already have
 * been reversed by the caller.
 */
export function assignLayers(nodeCount: number, edges: readonly DirectedEdge[], order: readonly number[]): number[] {
  const predecessors: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const edge of edges) predecessors[edge.target].push(edge.source);
  const layer = new Array<number>(nodeCount).fill(0);
  for (const node of order) {
    for (const previous of predecessors[node]) layer[node] = Math.max(layer[node], layer[previous] + 1);
  }
  networkSimplex(nodeCount, edges, layer);
  const smallest = nodeCount === 0 ? 0 : Math.min(...layer);
  return layer.map((value) => value - smallest);
}


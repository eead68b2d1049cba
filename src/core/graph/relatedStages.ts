import type { StageGraph } from '../model';

/**
 * Stage `index` with everything it needs (the stages it builds on, copies from and mounts, and what those need in
 * turn) and everything that needs it (the same, the other way): what a reader focusing on one stage wants to see.
 * Follows every kind of edge, ONBUILD ones included. An index outside the graph gives an empty set.
 */
export function relatedStages(graph: StageGraph, index: number): Set<number> {
  if (!Number.isInteger(index) || index < 0 || index >= graph.stages.length) return new Set();
  const needs: number[][] = graph.stages.map(() => []);
  const neededBy: number[][] = graph.stages.map(() => []);
  for (const edge of graph.edges) {
    if (!('stage' in edge.from) || edge.from.stage === edge.to) continue;
    needs[edge.to].push(edge.from.stage);
    neededBy[edge.from.stage].push(edge.to);
  }
  return new Set([...reach(index, needs), ...reach(index, neededBy)]);
}

/** `start` and every stage reached from it along `next`. */
function reach(start: number, next: readonly number[][]): Set<number> {
  const reached = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const other of next[queue.pop()!]) {
      if (reached.has(other)) continue;
      reached.add(other);
      queue.push(other);
    }
  }
  return reached;
}

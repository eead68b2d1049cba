import type { LayerAdjacency } from './orderLayers';
import { placeInOrder } from './placeInOrder';

/**
 * Brandes and Köpf's coordinate assignment: four alignments (neighbours above or below, packed from either side)
 * each line nodes up with a median neighbour into blocks that share one coordinate, avoiding conflicts with long
 * edges (whose inner segments are kept straight); the blocks are packed as tightly as `separation` allows, and
 * each node takes the average of its two middle candidate positions (then spaced out if that brought two too
 * close). Returns each node's centre.
 */
export function alignCoordinates(
  layers: readonly (readonly number[])[],
  adjacency: LayerAdjacency,
  dummy: readonly boolean[],
  sizes: readonly number[],
  separation: (a: number, b: number) => number,
): number[] {
  const conflicts = innerSegmentConflicts(layers, adjacency, dummy);
  const candidates: number[][] = [];
  for (const upwards of [true, false]) {
    for (const fromLeft of [true, false]) {
      const ordered = (upwards ? layers : [...layers].reverse()).map((layer) => (fromLeft ? [...layer] : [...layer].reverse()));
      const { root } = alignBlocks(ordered, upwards ? adjacency.predecessors : adjacency.successors, conflicts);
      const positions = compactBlocks(ordered, root, separation);
      candidates.push(fromLeft ? positions : positions.map((value) => -value));
    }
  }
  // Shift every candidate onto the narrowest one (left-packed ones by their left edge, right-packed by the right).
  const extent = (positions: number[]): [number, number] => {
    let [low, high] = [Infinity, -Infinity];
    positions.forEach((value, node) => {
      if (value === undefined) return;
      low = Math.min(low, value - sizes[node] / 2);
      high = Math.max(high, value + sizes[node] / 2);
    });
    return [low, high];
  };
  const extents = candidates.map(extent);
  const narrowest = extents.reduce((best, current, index) => (current[1] - current[0] < extents[best][1] - extents[best][0] ? index : best), 0);
  const shifted = candidates.map((positions, index) => {
    const delta = index % 2 === 0 ? extents[narrowest][0] - extents[index][0] : extents[narrowest][1] - extents[index][1];
    return positions.map((value) => value + delta);
  });
  const centre: number[] = [];
  for (const layer of layers) {
    const balanced = layer.map((node) => {
      const values = shifted.map((positions) => positions[node]).sort((a, b) => a - b);
      return (values[1] + values[2]) / 2;
    });
    // Averaging may bring two neighbours closer than allowed; move them apart as little as possible.
    const spaced = placeInOrder(balanced, balanced.map(() => 1), layer.slice(1).map((node, index) => separation(layer[index], node)));
    layer.forEach((node, index) => (centre[node] = spaced[index]));
  }
  return centre;
}

/** Pairs (upper, lower) of segments that cross an inner segment (between two bend points); they never align. */
function innerSegmentConflicts(layers: readonly (readonly number[])[], adjacency: LayerAdjacency, dummy: readonly boolean[]): Set<string> {
  const conflicts = new Set<string>();
  const position: number[] = [];
  for (const layer of layers) layer.forEach((node, index) => (position[node] = index));
  for (let index = 1; index < layers.length; index++) {
    const upperLength = layers[index - 1].length;
    const layer = layers[index];
    let [k0, scanFrom] = [0, 0];
    layer.forEach((node, at) => {
      const inner = dummy[node] ? adjacency.predecessors[node].find((upper) => dummy[upper]) : undefined;
      const k1 = inner === undefined ? upperLength : position[inner];
      if (inner === undefined && at !== layer.length - 1) return;
      for (const scanned of layer.slice(scanFrom, at + 1)) {
        for (const upper of adjacency.predecessors[scanned]) {
          if ((position[upper] < k0 || k1 < position[upper]) && !(dummy[upper] && dummy[scanned])) conflicts.add(conflictKey(upper, scanned));
        }
      }
      [scanFrom, k0] = [at + 1, k1];
    });
  }
  return conflicts;
}

function conflictKey(a: number, b: number): string {
  return a < b ? `${a},${b}` : `${b},${a}`;
}

/** Aligns each node with a median neighbour in the previous layer (of this pass), left to right. */
function alignBlocks(layers: readonly (readonly number[])[], neighbours: readonly (readonly number[])[], conflicts: ReadonlySet<string>): { root: number[]; align: number[] } {
  const root: number[] = [];
  const align: number[] = [];
  const position: number[] = [];
  for (const layer of layers) layer.forEach((node, index) => ((root[node] = node), (align[node] = node), (position[node] = index)));
  for (const layer of layers) {
    let taken = -1;
    for (const node of layer) {
      const adjacent = [...neighbours[node]].sort((a, b) => position[a] - position[b]);
      if (adjacent.length === 0) continue;
      const middle = (adjacent.length - 1) / 2;
      for (let index = Math.floor(middle); index <= Math.ceil(middle); index++) {
        const other = adjacent[index];
        if (align[node] === node && taken < position[other] && !conflicts.has(conflictKey(node, other))) {
          align[other] = node;
          root[node] = root[other];
          align[node] = root[node];
          taken = position[other];
        }
      }
    }
  }
  return { root, align };
}

/** Packs the blocks from the left: each block as far left as the blocks before it in every layer allow. */
function compactBlocks(layers: readonly (readonly number[])[], root: readonly number[], separation: (a: number, b: number) => number): number[] {
  // A graph over block roots: an edge from the block on the left to the block on the right, weighted by spacing.
  const after = new Map<number, Map<number, number>>();
  const indegree = new Map<number, number>();
  for (const layer of layers) {
    for (const node of layer) if (!indegree.has(root[node])) indegree.set(root[node], 0);
    for (let index = 1; index < layer.length; index++) {
      const [left, right] = [root[layer[index - 1]], root[layer[index]]];
      const gap = separation(layer[index - 1], layer[index]);
      const edges = after.get(left) ?? new Map<number, number>();
      if (!edges.has(right)) indegree.set(right, (indegree.get(right) ?? 0) + 1);
      edges.set(right, Math.max(edges.get(right) ?? 0, gap));
      after.set(left, edges);
    }
  }
  const order: number[] = [];
  const ready = [...indegree].filter(([, count]) => count === 0).map(([block]) => block);
  while (ready.length > 0) {
    const block = ready.pop()!;
    order.push(block);
    for (const next of after.get(block)?.keys() ?? []) {
      const count = indegree.get(next)! - 1;
      indegree.set(next, count);
      if (count === 0) ready.push(next);
    }
  }
  const x = new Map<number, number>(order.map((block) => [block, 0]));
  for (const block of order) for (const [next, gap] of after.get(block) ?? []) x.set(next, Math.max(x.get(next)!, x.get(block)! + gap));
  // Then pull each block right towards its right neighbours, so blocks do not all hug the left.
  for (const block of [...order].reverse()) {
    const edges = after.get(block);
    if (!edges || edges.size === 0) continue;
    let limit = Infinity;
    for (const [next, gap] of edges) limit = Math.min(limit, x.get(next)! - gap);
    x.set(block, Math.max(x.get(block)!, limit));
  }
  const positions: number[] = [];
  for (const layer of layers) for (const node of layer) positions[node] = x.get(root[node]) ?? 0;
  return positions;
}

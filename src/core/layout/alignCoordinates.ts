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
      const { root } = alignBlocks(ordered, upwards ? adjacency.predecessors : adjacency.successors, conflicts, dummy.length);
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
function innerSegmentConflicts(layers: readonly (readonly number[])[], adjacency: LayerAdjacency, dummy: readonly boolean[]): Set<number> {
  const conflicts = new Set<number>();
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
          if ((position[upper] < k0 || k1 < position[upper]) && !(dummy[upper] && dummy[scanned])) conflicts.add(conflictKey(upper, scanned, dummy.length));
        }
      }
      [scanFrom, k0] = [at + 1, k1];
    });
  }
  return conflicts;
}

/** One number per unordered pair of nodes (cheaper to build and look up than a string key, on every alignment). */
function conflictKey(a: number, b: number, nodeCount: number): number {
  return a < b ? a * nodeCount + b : b * nodeCount + a;
}

/** Aligns each node with a median neighbour in the previous layer (of this pass), left to right. */
function alignBlocks(
  layers: readonly (readonly number[])[],
  neighbours: readonly (readonly number[])[],
  conflicts: ReadonlySet<number>,
  nodeCount: number,
): { root: number[]; align: number[] } {
  const root: number[] = [];
  const align: number[] = [];
  const position: number[] = [];
  for (const layer of layers) layer.forEach((node, index) => ((root[node] = node), (align[node] = node), (position[node] = index)));
  for (const layer of layers) {
    let taken = -1;
    for (const node of layer) {
      const adjacent = neighbours[node].length < 2 ? neighbours[node] : [...neighbours[node]].sort((a, b) => position[a] - position[b]);
      if (adjacent.length === 0) continue;
      const middle = (adjacent.length - 1) / 2;
      for (let index = Math.floor(middle); index <= Math.ceil(middle); index++) {
        const other = adjacent[index];
        if (align[node] === node && taken < position[other] && !conflicts.has(conflictKey(node, other, nodeCount))) {
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
  // Typed arrays indexed by block root (a node number); blocks listed as first met.
  const after: Array<Map<number, number> | undefined> = new Array<Map<number, number> | undefined>(root.length);
  const indegree = new Int32Array(root.length).fill(-1);
  const blocks: number[] = [];
  for (const layer of layers) {
    for (const node of layer) {
      if (indegree[root[node]] < 0) {
        indegree[root[node]] = 0;
        blocks.push(root[node]);
      }
    }
    for (let index = 1; index < layer.length; index++) {
      const [left, right] = [root[layer[index - 1]], root[layer[index]]];
      const gap = separation(layer[index - 1], layer[index]);
      const edges = (after[left] ??= new Map<number, number>());
      const known = edges.get(right);
      if (known === undefined) indegree[right]++;
      edges.set(right, Math.max(known ?? 0, gap));
    }
  }
  const order: number[] = [];
  const ready = blocks.filter((block) => indegree[block] === 0);
  while (ready.length > 0) {
    const block = ready.pop()!;
    order.push(block);
    for (const next of after[block]?.keys() ?? []) if (--indegree[next] === 0) ready.push(next);
  }
  const x = new Float64Array(root.length);
  for (const block of order) for (const [next, gap] of after[block] ?? []) x[next] = Math.max(x[next], x[block] + gap);
  // Then pull each block right towards its right neighbours, so blocks do not all hug the left.
  for (let index = order.length - 1; index >= 0; index--) {
    const block = order[index];
    const edges = after[block];
    if (!edges || edges.size === 0) continue;
    let limit = Infinity;
    for (const [next, gap] of edges) limit = Math.min(limit, x[next] - gap);
    x[block] = Math.max(x[block], limit);
  }
  const positions: number[] = [];
  for (const layer of layers) for (const node of layer) positions[node] = x[root[node]];
  return positions;
}

import { accumulatorSize, countSortedCrossings } from './countCrossings';

/** Neighbours of every node of a proper layered graph (every edge joins adjacent layers). */
export interface LayerAdjacency {
  predecessors: readonly (readonly number[])[];
  successors: readonly (readonly number[])[];
}

/** Node count (bend points included) up to which every sweep is followed by transpositions. */
const TRANSPOSE_EVERY_SWEEP_UP_TO = 2000;

/** Crossings of the whole drawing for the given order of each layer. */
export function countLayerCrossings(layers: readonly (readonly number[])[], adjacency: LayerAdjacency): number {
  const position = positionsOf(layers);
  let [widest, edgeCount] = [0, 0];
  for (const layer of layers) {
    widest = Math.max(widest, layer.length);
    for (const node of layer) edgeCount += adjacency.successors[node].length;
  }
  // Scratch buffers shared by every pair of layers: this runs after every sweep, allocation would dominate.
  const tree = new Int32Array(accumulatorSize(widest));
  const lowerEnds = new Int32Array(edgeCount);
  let total = 0;
  for (let index = 0; index + 1 < layers.length; index++) {
    // Walking the upper layer in order, each node's lower ends ascending, lists the edges as the count needs them.
    let count = 0;
    for (const node of layers[index]) {
      const first = count;
      for (const next of adjacency.successors[node]) {
        let at = count++;
        for (; at > first && lowerEnds[at - 1] > position[next]; at--) lowerEnds[at] = lowerEnds[at - 1];
        lowerEnds[at] = position[next];
      }
    }
    total += countSortedCrossings(lowerEnds, count, layers[index + 1].length, tree);
  }
  return total;
}

/**
 * Orders the nodes inside each layer to reduce crossings: alternating down and up sweeps that sort each layer
 * by the median (two rounds) then the barycentre (two rounds) of its neighbours in the layer just fixed, with
 * adjacent transpositions, keeping the best order seen. Ties keep the current order, so the result depends only on the input (deterministic) and
 * a small edit changes the order only where it must.
 */
export function orderLayers(initial: readonly (readonly number[])[], adjacency: LayerAdjacency): { layers: number[][]; crossings: number } {
  const layers = initial.map((layer) => [...layer]);
  let best = layers.map((layer) => [...layer]);
  let bestCrossings = countLayerCrossings(layers, adjacency);
  let sinceImprovement = 0;
  // Transpositions after every sweep find better orders but cost most of the time; on big drawings they run once.
  const transposeEverySweep = layers.reduce((sum, layer) => sum + layer.length, 0) <= TRANSPOSE_EVERY_SWEEP_UP_TO;
  for (let iteration = 0; iteration < 24 && bestCrossings > 0 && sinceImprovement < 4; iteration++) {
    const downwards = iteration % 2 === 0;
    const position = positionsOf(layers);
    if (downwards) {
      for (let index = 1; index < layers.length; index++) sortByNeighbours(layers[index], adjacency.predecessors, position, iteration % 4 < 2);
    } else {
      for (let index = layers.length - 2; index >= 0; index--) sortByNeighbours(layers[index], adjacency.successors, position, iteration % 4 < 2);
    }
    if (transposeEverySweep) transpose(layers, adjacency);
    const crossings = countLayerCrossings(layers, adjacency);
    if (crossings < bestCrossings) {
      best = layers.map((layer) => [...layer]);
      bestCrossings = crossings;
      sinceImprovement = 0;
    } else {
      sinceImprovement++;
    }
  }
  if (bestCrossings > 0 && !transposeEverySweep) {
    transpose(best, adjacency);
    bestCrossings = Math.min(bestCrossings, countLayerCrossings(best, adjacency));
  }
  return { layers: best, crossings: bestCrossings };
}

function positionsOf(layers: readonly (readonly number[])[]): number[] {
  const position: number[] = [];
  for (const layer of layers) layer.forEach((node, index) => (position[node] = index));
  return position;
}

/**
 * Sorts one layer in place by the median (robust to one far neighbour) or the barycentre (smooth) of each node's
 * neighbours; nodes without neighbours on that side keep their slot. `position` is updated.
 */
function sortByNeighbours(layer: number[], neighbours: readonly (readonly number[])[], position: number[], useMedian = false): void {
  const movable: Array<{ node: number; key: number; current: number }> = [];
  const slots: number[] = [];
  for (let index = 0; index < layer.length; index++) {
    const node = layer[index];
    const adjacent = neighbours[node];
    if (adjacent.length === 0) continue;
    movable.push({ node, key: useMedian ? medianPosition(adjacent, position) : meanPosition(adjacent, position), current: index });
    slots.push(index);
  }
  movable.sort((a, b) => a.key - b.key || a.current - b.current);
  movable.forEach((entry, index) => (layer[slots[index]] = entry.node));
  layer.forEach((node, index) => (position[node] = index));
}

function meanPosition(adjacent: readonly number[], position: readonly number[]): number {
  let sum = 0;
  for (const other of adjacent) sum += position[other];
  return sum / adjacent.length;
}

function medianPosition(adjacent: readonly number[], position: readonly number[]): number {
  // Most nodes are bend points with one neighbour: no need to copy and sort for those (or for two).
  if (adjacent.length <= 2) return meanPosition(adjacent, position);
  const sorted = adjacent.map((other) => position[other]).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Swaps neighbouring nodes while a swap removes crossings with both adjacent layers. */
function transpose(layers: number[][], adjacency: LayerAdjacency): void {
  const position = positionsOf(layers);
  for (let pass = 0; pass < 4; pass++) {
    let improved = false;
    for (const layer of layers) {
      for (let index = 0; index + 1 < layer.length; index++) {
        const left = layer[index];
        const right = layer[index + 1];
        if (swapGain(left, right, adjacency, position) > 0) {
          layer[index] = right;
          layer[index + 1] = left;
          position[right] = index;
          position[left] = index + 1;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
}

/**
 * How many fewer crossings the edges of `left` and `right` have with `right` placed first: each pair of their
 * neighbours on one side crosses in exactly one of the two orders unless they share a position, so one pass
 * counts both orders.
 */
function swapGain(left: number, right: number, adjacency: LayerAdjacency, position: readonly number[]): number {
  const { predecessors, successors } = adjacency;
  return orderGain(predecessors[left], predecessors[right], position) + orderGain(successors[left], successors[right], position);
}

/** Pairs of `leftEnds` x `rightEnds` in the wrong order (crossing) minus those in the right order. */
function orderGain(leftEnds: readonly number[], rightEnds: readonly number[], position: readonly number[]): number {
  let gain = 0;
  for (const a of leftEnds) {
    for (const b of rightEnds) {
      if (position[a] > position[b]) gain++;
      else if (position[a] < position[b]) gain--;
    }
  }
  return gain;
}

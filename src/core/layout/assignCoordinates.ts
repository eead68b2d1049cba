import type { LayerAdjacency } from './orderLayers';

/** Sizes and spacing along the axis across the layers (y when the drawing flows left to right). */
export interface CrossAxisSpacing {
  /** Each node's extent across the layers. */
  sizes: readonly number[];
  /** Long-edge bend points, which may sit closer together than real nodes. */
  dummy: readonly boolean[];
  nodeGap: number;
  dummyGap: number;
}

/**
 * Places the nodes of each layer across the layers, keeping their order and spacing, so edges are as straight as
 * possible: each layer in turn moves as close as the spacing allows to the weighted mean of its neighbours
 * (a weighted isotonic regression solved exactly by pool-adjacent-violators). Long edges weigh more, so they run
 * straight through their bend points. Returns each node's centre.
 */
export function assignCoordinates(layers: readonly (readonly number[])[], adjacency: LayerAdjacency, spacing: CrossAxisSpacing): number[] {
  const centre: number[] = [];
  for (const layer of layers) {
    const separations = separationsOf(layer, spacing);
    const total = separations.reduce((sum, value) => sum + value, 0);
    let at = -total / 2;
    layer.forEach((node, index) => {
      centre[node] = at;
      at += separations[index] ?? 0;
    });
  }
  const weight = (a: number, b: number): number => (spacing.dummy[a] && spacing.dummy[b] ? 50 : spacing.dummy[a] || spacing.dummy[b] ? 4 : 1);
  const relax = (layer: readonly number[], sides: ReadonlyArray<readonly (readonly number[])[]>): void => {
    const desired: number[] = [];
    const weights: number[] = [];
    for (const node of layer) {
      let sum = 0;
      let total = 0;
      for (const side of sides) {
        for (const other of side[node]) {
          const w = weight(node, other);
          sum += w * centre[other];
          total += w;
        }
      }
      // A node without neighbours on these sides stays put unless its neighbours push it.
      desired.push(total > 0 ? sum / total : centre[node]);
      weights.push(total > 0 ? total : 0.05);
    }
    const placed = placeInOrder(desired, weights, separationsOf(layer, spacing));
    layer.forEach((node, index) => (centre[node] = placed[index]));
  };
  for (let iteration = 0; iteration < 6; iteration++) {
    for (let index = 1; index < layers.length; index++) relax(layers[index], [adjacency.predecessors]);
    for (let index = layers.length - 2; index >= 0; index--) relax(layers[index], [adjacency.successors]);
  }
  for (const layer of layers) relax(layer, [adjacency.predecessors, adjacency.successors]);
  return centre;
}

/** Minimum distance between the centres of two neighbours in a layer. */
export function separation(spacing: CrossAxisSpacing, a: number, b: number): number {
  const gap = spacing.dummy[a] && spacing.dummy[b] ? spacing.dummyGap : spacing.nodeGap;
  return spacing.sizes[a] / 2 + spacing.sizes[b] / 2 + gap;
}

function separationsOf(layer: readonly number[], spacing: CrossAxisSpacing): number[] {
  return layer.slice(1).map((node, index) => separation(spacing, layer[index], node));
}

/**
 * The positions closest (weighted least squares) to `desired` with `x[i+1] - x[i] >= separations[i]`.
 * Subtracting the cumulative separations turns this into isotonic regression.
 */
export function placeInOrder(desired: readonly number[], weights: readonly number[], separations: readonly number[]): number[] {
  const offsets: number[] = [0];
  for (let index = 1; index < desired.length; index++) offsets.push(offsets[index - 1] + separations[index - 1]);
  const blocks: Array<{ weight: number; weighted: number; count: number }> = [];
  desired.forEach((value, index) => {
    blocks.push({ weight: weights[index], weighted: weights[index] * (value - offsets[index]), count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const previous = blocks[blocks.length - 2];
      if (previous.weighted / previous.weight <= last.weighted / last.weight) break;
      previous.weight += last.weight;
      previous.weighted += last.weighted;
      previous.count += last.count;
      blocks.pop();
    }
  });
  const placed: number[] = [];
  for (const block of blocks) {
    const value = block.weighted / block.weight;
    for (let index = 0; index < block.count; index++) placed.push(value + offsets[placed.length]);
  }
  return placed;
}

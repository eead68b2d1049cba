/**
 * Removes wiggles from long edges. Along each chain of bend points, consecutive points are grouped greedily into
 * the longest runs that fit on one line between their layer neighbours, and each run is put on the line nearest
 * to where the edge comes from (the source, or the previous run), so a long edge bends only where it must.
 * Chains are handled in edge order, so the result is deterministic. `cross` is updated in place.
 */
export function straightenLongEdges(
  chains: readonly (readonly number[])[],
  layers: readonly (readonly number[])[],
  cross: number[],
  separation: (a: number, b: number) => number,
): void {
  const layerOf: number[] = [];
  const slot: number[] = [];
  layers.forEach((layer, index) => layer.forEach((node, position) => ((layerOf[node] = index), (slot[node] = position))));
  // The range a bend point may move to without passing or crowding its layer neighbours.
  const room = (node: number): [number, number] => {
    const layer = layers[layerOf[node]];
    const before = layer[slot[node] - 1];
    const after = layer[slot[node] + 1];
    return [before === undefined ? -Infinity : cross[before] + separation(before, node), after === undefined ? Infinity : cross[after] - separation(node, after)];
  };
  for (const chain of chains) {
    const bends = chain.slice(1, -1);
    if (bends.length === 0) continue;
    let previous = cross[chain[0]];
    let run: number[] = [];
    let [low, high] = [-Infinity, Infinity];
    const place = (last: boolean): void => {
      const target = cross[chain[chain.length - 1]];
      const fits = (value: number): boolean => value >= low && value <= high;
      // Stay on the current line when possible; the last run otherwise lines up with the target.
      const line = fits(previous) || !last || !fits(target) ? clamp(previous, low, high) : target;
      for (const node of run) cross[node] = line;
      previous = line;
    };
    for (const node of bends) {
      const [from, to] = room(node);
      if (Math.max(low, from) > Math.min(high, to) + 1e-6) {
        place(false);
        run = [];
        [low, high] = [-Infinity, Infinity];
      }
      run.push(node);
      [low, high] = [Math.max(low, from), Math.min(high, to)];
    }
    place(true);
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

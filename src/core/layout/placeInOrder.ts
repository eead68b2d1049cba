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

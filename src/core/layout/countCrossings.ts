/**
 * Counts the crossings between two adjacent layers in O(E log V) with an accumulator tree (Barth, Jünger and
 * Mutzel). `edges` pairs positions: `[positionInUpper, positionInLower]`.
 */
export function countCrossings(edges: ReadonlyArray<readonly [number, number]>, lowerSize: number): number {
  if (edges.length < 2) return 0;
  const sorted = [...edges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return countSortedCrossings(
    sorted.map(([, lower]) => lower),
    sorted.length,
    lowerSize,
    new Int32Array(accumulatorSize(lowerSize)),
  );
}

/** Length of the accumulator tree `countSortedCrossings` needs for a lower layer of `lowerSize` nodes. */
export function accumulatorSize(lowerSize: number): number {
  let leaves = 1;
  while (leaves < lowerSize) leaves *= 2;
  return 2 * leaves - 1;
}

/**
 * The crossings of `count` edges given by their lower ends, listed in the order of their upper ends (ties by lower
 * end). `tree` is scratch space of at least `accumulatorSize(lowerSize)` entries; it is cleared here, so one buffer
 * serves every pair of layers without allocating.
 */
export function countSortedCrossings(lowerEnds: ArrayLike<number>, count: number, lowerSize: number, tree: Int32Array): number {
  if (count < 2) return 0;
  const size = accumulatorSize(lowerSize);
  tree.fill(0, 0, size);
  const firstLeaf = (size + 1) / 2 - 1;
  let crossings = 0;
  for (let edge = 0; edge < count; edge++) {
    let index = lowerEnds[edge] + firstLeaf;
    tree[index]++;
    while (index > 0) {
      // A left child adds everything its right sibling already holds: those edges end further right.
      if (index % 2 === 1) crossings += tree[index + 1];
      index = (index - 1) >> 1;
      tree[index]++;
    }
  }
  return crossings;
}

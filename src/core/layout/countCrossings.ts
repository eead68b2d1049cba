/**
 * Counts the crossings between two adjacent layers in O(E log V) with an accumulator tree (Barth, Jünger and
 * Mutzel). `edges` pairs positions: `[positionInUpper, positionInLower]`.
 */
export function countCrossings(edges: ReadonlyArray<readonly [number, number]>, lowerSize: number): number {
  if (edges.length < 2) return 0;
  const sorted = [...edges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let firstLeaf = 1;
  while (firstLeaf < lowerSize) firstLeaf *= 2;
  const tree = new Array<number>(2 * firstLeaf - 1).fill(0);
  firstLeaf -= 1;
  let crossings = 0;
  for (const [, lower] of sorted) {
    let index = lower + firstLeaf;
    tree[index]++;
    while (index > 0) {
      // A left child adds everything its right sibling already holds: those edges end further right.
      if (index % 2 === 1) crossings += tree[index + 1];
      index = Math.floor((index - 1) / 2);
      tree[index]++;
    }
  }
  return crossings;
}

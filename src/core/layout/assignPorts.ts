/** Distance between two edges' ports along a node's side: far enough apart to tell the edges (and arrows) apart. */
export const PORT_PITCH = 12;
/** Room kept between the outermost ports and the node's corners. */
const PORT_MARGIN = 10;

/** The side length a node needs for `count` ports at the full pitch (0 when one port or none). */
export function sideForPorts(count: number): number {
  return count < 2 ? 0 : (count - 1) * PORT_PITCH + 2 * PORT_MARGIN;
}

/** Offsets from the side's middle of `count` ports spread evenly, at the full pitch when the side is long enough. */
export function portOffsets(count: number, side: number): number[] {
  if (count < 2) return count === 1 ? [0] : [];
  const step = Math.min(PORT_PITCH, Math.max(0, side - 2 * PORT_MARGIN) / (count - 1));
  return Array.from({ length: count }, (_, position) => (position - (count - 1) / 2) * step);
}

/**
 * Where each edge leaves its source and enters its target, as offsets from the middle of the node's side: spread
 * along the side in the order of the edges' neighbouring ends, so edges sharing a node neither cross nor overlap
 * there. `chains` are the edges' node sequences (source, bend points, target; empty for an undrawn edge), `cross`
 * the nodes' positions along the layer and `crossSize` their extent along it.
 */
export function assignPorts(
  chains: readonly (readonly number[])[],
  realCount: number,
  cross: readonly number[],
  crossSize: (node: number) => number,
): { out: number[]; in: number[] } {
  const out = new Array<number>(chains.length).fill(0);
  const into = new Array<number>(chains.length).fill(0);
  const leaving: number[][] = Array.from({ length: realCount }, () => []);
  const entering: number[][] = Array.from({ length: realCount }, () => []);
  chains.forEach((chain, index) => {
    if (chain.length === 0) return;
    leaving[chain[0]].push(index);
    entering[chain[chain.length - 1]].push(index);
  });
  const spread = (node: number, edgeIndexes: number[], farEnd: (chain: readonly number[]) => number, result: number[]): void => {
    if (edgeIndexes.length < 2) return;
    edgeIndexes.sort((a, b) => cross[farEnd(chains[a])] - cross[farEnd(chains[b])] || a - b);
    const offsets = portOffsets(edgeIndexes.length, crossSize(node));
    edgeIndexes.forEach((edge, position) => (result[edge] = offsets[position]));
  };
  for (let node = 0; node < realCount; node++) {
    spread(node, leaving[node], (chain) => chain[1], out);
    spread(node, entering[node], (chain) => chain[chain.length - 2], into);
  }
  return { out, in: into };
}

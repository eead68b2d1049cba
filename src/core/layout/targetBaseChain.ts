import type { GraphLayout } from './layoutTypes';

/**
 * The drawn FROM edges the build target's image is made of: from the target to its base, that base's base, and
 * so on to the first image or stage (the spine of what the target builds, which the view draws strongest).
 */
export function targetBaseChain(layout: GraphLayout): Set<string> {
  const chain = new Set<string>();
  const baseEdge = new Map(layout.edges.filter((edge) => edge.kind === 'from' && !edge.onbuild).map((edge) => [edge.target, edge]));
  let at = layout.nodes.find((node) => node.isTarget)?.id;
  while (at !== undefined) {
    const edge = baseEdge.get(at);
    if (!edge || chain.has(edge.id)) break;
    chain.add(edge.id);
    at = edge.source;
  }
  return chain;
}

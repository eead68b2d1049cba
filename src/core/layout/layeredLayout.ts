import { alignCoordinates } from './alignCoordinates';
import { assignPorts } from './assignPorts';
import { assignLayers, topologicalOrder, type DirectedEdge } from './assignLayers';
import { orderLayers } from './orderLayers';
import { straightenLongEdges } from './straightenLongEdges';

/**
 * A graph to lay out in layers, in abstract axes: `rank` runs with the edges (x when left-to-right), `cross`
 * runs along each layer (y when left-to-right).
 */
export interface LayeredGraph {
  nodes: ReadonlyArray<{ rankSize: number; crossSize: number }>;
  /** `labelSpace`: room along the rank axis that the edge's label needs in the gap just before its target. */
  edges: ReadonlyArray<{ source: number; target: number; labelSpace?: number }>;
  /** Minimum gap between layers, between nodes of a layer, and between two long edges passing through a layer. */
  rankGap: number;
  nodeGap: number;
  dummyGap: number;
}

/** A point in the abstract axes. */
export interface RankPoint {
  rank: number;
  cross: number;
}

/** Centres of the nodes, edge polylines, and the number of crossings left. */
export interface LayeredDrawing {
  nodes: Array<RankPoint & { layer: number }>;
  /** Empty for a self-loop, which a stage graph never has and which is not drawn. */
  edges: Array<{ points: RankPoint[] }>;
  crossings: number;
}

/**
 * Sugiyama-style layered layout: layering (longest path, then nodes pulled towards the side with more edges),
 * long edges split by bend points, crossing reduction (barycentre sweeps with transpositions), cross-axis
 * placement (Brandes-Köpf alignment) with long edges straightened, then edge ports spread along each node's sides.
 */
export function layeredLayout(graph: LayeredGraph): LayeredDrawing {
  const realCount = graph.nodes.length;
  const order = topologicalOrder(realCount, graph.edges.filter((edge) => edge.source !== edge.target));
  const orderPosition: number[] = [];
  order.forEach((node, index) => (orderPosition[node] = index));
  // Lay every edge out forwards; an edge against the order (only on a cycle) is drawn reversed.
  const forward = graph.edges.map((edge) => {
    const reversed = orderPosition[edge.source] > orderPosition[edge.target];
    return { source: reversed ? edge.target : edge.source, target: reversed ? edge.source : edge.target, reversed, self: edge.source === edge.target };
  });
  const drawn: DirectedEdge[] = forward.filter((edge) => !edge.self);
  const layerOf = assignLayers(realCount, drawn, order);

  // Split long edges so every segment joins adjacent layers, except the longest ones when that would take more
  // bend points than the budget allows: those are drawn straight, outside crossing reduction.
  const direct = directEdges(forward, layerOf);
  const dummy: boolean[] = new Array<boolean>(realCount).fill(false);
  const sortKey: number[] = orderPosition.slice();
  const chains: number[][] = forward.map((edge, index) => {
    if (edge.self) return [];
    if (direct.has(index)) return [edge.source, edge.target];
    const chain = [edge.source];
    for (let layer = layerOf[edge.source] + 1; layer < layerOf[edge.target]; layer++) {
      const node = dummy.length;
      dummy.push(true);
      layerOf.push(layer);
      sortKey.push(orderPosition[edge.source] + 0.5);
      chain.push(node);
    }
    chain.push(edge.target);
    return chain;
  });
  const nodeCount = dummy.length;
  const predecessors: number[][] = Array.from({ length: nodeCount }, () => []);
  const successors: number[][] = Array.from({ length: nodeCount }, () => []);
  chains.forEach((chain, edgeIndex) => {
    if (direct.has(edgeIndex)) return;
    for (let index = 0; index + 1 < chain.length; index++) {
      successors[chain[index]].push(chain[index + 1]);
      predecessors[chain[index + 1]].push(chain[index]);
    }
  });
  const adjacency = { predecessors, successors };
  // A loop, not Math.max(...layerOf): long edges add a dummy node per layer they cross, too many for spread arguments.
  const layerCount = nodeCount === 0 ? 0 : layerOf.reduce((highest, layer) => Math.max(highest, layer), 0) + 1;
  const initial: number[][] = Array.from({ length: layerCount }, () => []);
  const byKey = Array.from({ length: nodeCount }, (_, node) => node).sort((a, b) => sortKey[a] - sortKey[b] || a - b);
  for (const node of byKey) initial[layerOf[node]].push(node);
  // Crossing reduction only finds a local optimum: small drawings also try other starting orders.
  const starts = nodeCount <= MULTI_START_UP_TO ? [initial, initial.map((layer) => [...layer].reverse()), depthFirstOrder(initial, layerOf, predecessors)] : [initial];
  let { layers, crossings } = orderLayers(initial, adjacency);
  for (const start of starts.slice(1)) {
    if (crossings === 0) break;
    const candidate = orderLayers(start, adjacency);
    if (candidate.crossings < crossings) ({ layers, crossings } = candidate);
  }

  const crossSize = (node: number): number => (node < realCount ? graph.nodes[node].crossSize : 0);
  const rankSize = (node: number): number => (node < realCount ? graph.nodes[node].rankSize : 0);
  const sizes = Array.from({ length: nodeCount }, (_, node) => crossSize(node));
  // Neighbours in a layer keep half their sizes plus a gap apart; long edges may pass closer to each other.
  const separation = (a: number, b: number): number => sizes[a] / 2 + sizes[b] / 2 + (dummy[a] && dummy[b] ? graph.dummyGap : graph.nodeGap);
  const cross = alignCoordinates(layers, adjacency, dummy, sizes, separation);
  straightenLongEdges(chains, layers, cross, separation);

  // Layer columns: as wide as their widest node; gaps wide enough for the labels of edges ending after them.
  const layerSize = layers.map((layer) => Math.max(0, ...layer.map(rankSize)));
  const gapAfter = new Array<number>(layerCount).fill(graph.rankGap);
  graph.edges.forEach((edge, index) => {
    const target = forward[index].target;
    if (edge.labelSpace && !forward[index].self && layerOf[target] > 0) {
      gapAfter[layerOf[target] - 1] = Math.max(gapAfter[layerOf[target] - 1], edge.labelSpace);
    }
  });
  const layerCentre: number[] = [];
  let at = 0;
  layers.forEach((_, layer) => {
    layerCentre.push(at + layerSize[layer] / 2);
    at += layerSize[layer] + gapAfter[layer];
  });

  const ports = assignPorts(chains, realCount, cross, crossSize);
  const edges = chains.map((chain, index) => {
    if (chain.length === 0) return { points: [] };
    const points: RankPoint[] = [];
    const [source, target] = [chain[0], chain[chain.length - 1]];
    points.push({ rank: layerCentre[layerOf[source]] + rankSize(source) / 2, cross: cross[source] + ports.out[index] });
    for (const node of chain.slice(1, -1)) {
      const half = layerSize[layerOf[node]] / 2;
      points.push({ rank: layerCentre[layerOf[node]] - half, cross: cross[node] });
      if (half > 0) points.push({ rank: layerCentre[layerOf[node]] + half, cross: cross[node] });
    }
    points.push({ rank: layerCentre[layerOf[target]] - rankSize(target) / 2, cross: cross[target] + ports.in[index] });
    return { points: forward[index].reversed ? points.reverse() : points };
  });
  return {
    nodes: graph.nodes.map((_, node) => ({ layer: layerOf[node], rank: layerCentre[layerOf[node]], cross: cross[node] })),
    edges,
    crossings,
  };
}

/**
 * Bend points the layout may add for long edges. Every stage of a long chain copying from its first stage makes
 * the count grow with the square of the stage count (a 1000-stage chain: half a million), and every later step
 * grows with it; past this budget the longest edges are drawn straight instead, so the view stays responsive.
 */
export const BEND_POINT_BUDGET = 20_000;

/** Indexes of the edges to draw straight: the longest ones, until the rest fit the bend-point budget. */
function directEdges(edges: ReadonlyArray<{ source: number; target: number; self: boolean }>, layerOf: readonly number[]): Set<number> {
  const span = (index: number): number => (edges[index].self ? 0 : Math.max(0, layerOf[edges[index].target] - layerOf[edges[index].source] - 1));
  let bendPoints = 0;
  for (let index = 0; index < edges.length; index++) bendPoints += span(index);
  const direct = new Set<number>();
  if (bendPoints <= BEND_POINT_BUDGET) return direct;
  const longestFirst = edges.map((_, index) => index).sort((a, b) => span(b) - span(a) || a - b);
  for (const index of longestFirst) {
    if (bendPoints <= BEND_POINT_BUDGET) break;
    direct.add(index);
    bendPoints -= span(index);
  }
  return direct;
}

/** Node count (bend points included) up to which crossing reduction starts from several orders. */
const MULTI_START_UP_TO = 150;

/**
 * A starting order that keeps each node near what it depends on: nodes are numbered by a depth-first walk from the
 * last layers back through predecessors, so the stages feeding one target sit together.
 */
function depthFirstOrder(initial: readonly number[][], layerOf: readonly number[], predecessors: readonly number[][]): number[][] {
  const rank: number[] = [];
  let next = 0;
  const visit = (node: number): void => {
    if (rank[node] !== undefined) return;
    rank[node] = -1;
    for (const previous of predecessors[node]) visit(previous);
    rank[node] = next++;
  };
  for (let layer = initial.length - 1; layer >= 0; layer--) for (const node of initial[layer]) visit(node);
  const layers: number[][] = initial.map(() => []);
  for (const node of initial.flat().sort((a, b) => rank[a] - rank[b])) layers[layerOf[node]].push(node);
  return layers;
}

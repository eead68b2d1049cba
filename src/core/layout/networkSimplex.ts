import type { DirectedEdge } from './assignLayers';

interface WeightedEdge {
  source: number;
  target: number;
  weight: number;
}

/**
 * Improves a feasible layering (every edge points at least one layer later) to one with the least total
 * weighted edge length, by Gansner et al.'s network simplex on each connected part of the graph: a spanning tree
 * of tight edges, then tree edges with a negative cut value swapped for the non-tree edge of least slack until
 * none is left. Shorter edges mean fewer bend points, crossings and bends. `layer` is updated in place.
 */
export function networkSimplex(nodeCount: number, edges: readonly DirectedEdge[], layer: number[]): void {
  // Parallel edges pull as one, harder.
  const merged = new Map<string, WeightedEdge>();
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    const key = `${edge.source}>${edge.target}`;
    const existing = merged.get(key);
    if (existing) existing.weight++;
    else merged.set(key, { source: edge.source, target: edge.target, weight: 1 });
  }
  const all = [...merged.values()];
  const incident: WeightedEdge[][] = Array.from({ length: nodeCount }, () => []);
  for (const edge of all) {
    incident[edge.source].push(edge);
    incident[edge.target].push(edge);
  }
  const seen = new Array<boolean>(nodeCount).fill(false);
  for (let start = 0; start < nodeCount; start++) {
    if (seen[start]) continue;
    const component: number[] = [];
    const stack = [start];
    seen[start] = true;
    while (stack.length > 0) {
      const node = stack.pop()!;
      component.push(node);
      for (const edge of incident[node]) {
        const other = edge.source === node ? edge.target : edge.source;
        if (!seen[other]) {
          seen[other] = true;
          stack.push(other);
        }
      }
    }
    if (component.length > 1) new ComponentSimplex(component, incident, layer).run();
  }
}

/** Network simplex on one connected part. */
class ComponentSimplex {
  private readonly inTree = new Set<number>();
  private readonly treeEdges = new Set<WeightedEdge>();
  private readonly parentEdge = new Map<number, WeightedEdge>();
  private readonly low = new Map<number, number>();
  private readonly lim = new Map<number, number>();
  private readonly cutValue = new Map<WeightedEdge, number>();
  private readonly edges: WeightedEdge[];

  constructor(
    private readonly nodes: readonly number[],
    private readonly incident: readonly (readonly WeightedEdge[])[],
    private readonly layer: number[],
  ) {
    const unique = new Set<WeightedEdge>();
    for (const node of nodes) for (const edge of incident[node]) unique.add(edge);
    this.edges = [...unique];
  }

  run(): void {
    this.feasibleTree();
    this.numberTree();
    // A generous bound: each exchange strictly improves, this only guards against cycling on degenerate input.
    for (let step = 0; step < 20 * this.edges.length; step++) {
      const leaving = this.edges.find((edge) => this.treeEdges.has(edge) && this.cutValue.get(edge)! < 0);
      if (!leaving) break;
      const entering = this.enteringEdge(leaving);
      if (!entering) break;
      this.treeEdges.delete(leaving);
      this.treeEdges.add(entering);
      this.numberTree();
      this.updateLayers();
    }
  }

  private slack(edge: WeightedEdge): number {
    return this.layer[edge.target] - this.layer[edge.source] - 1;
  }

  /** Grows a tree of tight edges; when it stalls, shifts the tree to make the least slack edge out of it tight. */
  private feasibleTree(): void {
    this.inTree.add(this.nodes[0]);
    for (;;) {
      const stack = [...this.inTree];
      while (stack.length > 0) {
        const node = stack.pop()!;
        for (const edge of this.incident[node]) {
          const other = edge.source === node ? edge.target : edge.source;
          if (!this.inTree.has(other) && this.slack(edge) === 0) {
            this.inTree.add(other);
            this.treeEdges.add(edge);
            stack.push(other);
          }
        }
      }
      if (this.inTree.size === this.nodes.length) return;
      let best: WeightedEdge | undefined;
      for (const edge of this.edges) {
        if (this.inTree.has(edge.source) !== this.inTree.has(edge.target) && (!best || this.slack(edge) < this.slack(best))) best = edge;
      }
      if (!best) return;
      const delta = this.inTree.has(best.source) ? this.slack(best) : -this.slack(best);
      for (const node of this.inTree) this.layer[node] += delta;
    }
  }

  /** Post-order numbers (low, lim) and parent edges from the first node, then every tree edge's cut value. */
  private numberTree(): void {
    this.parentEdge.clear();
    const root = this.nodes[0];
    const order: number[] = [];
    let next = 1;
    const visit = (node: number, via: WeightedEdge | undefined): void => {
      const low = next;
      if (via) this.parentEdge.set(node, via);
      for (const edge of this.incident[node]) {
        if (edge === via || !this.treeEdges.has(edge)) continue;
        visit(edge.source === node ? edge.target : edge.source, edge);
      }
      this.low.set(node, low);
      this.lim.set(node, next++);
      order.push(node);
    };
    visit(root, undefined);
    for (const node of order) {
      const via = this.parentEdge.get(node);
      if (via) this.cutValue.set(via, this.computeCutValue(node, via));
    }
  }

  /** The cut value of the tree edge joining `child` to its parent, from the cut values below it. */
  private computeCutValue(child: number, via: WeightedEdge): number {
    const parent = via.source === child ? via.target : via.source;
    const childIsTail = via.source === child;
    let value = via.weight;
    for (const edge of this.incident[child]) {
      if (edge === via) continue;
      const outward = edge.source === child;
      if ((outward ? edge.target : edge.source) === parent) continue;
      const pointsToHead = outward === childIsTail;
      value += pointsToHead ? edge.weight : -edge.weight;
      if (this.treeEdges.has(edge)) {
        const below = this.cutValue.get(edge)!;
        value += pointsToHead ? -below : below;
      }
    }
    return value;
  }

  private isBelow(node: number, top: number): boolean {
    return this.low.get(top)! <= this.lim.get(node)! && this.lim.get(node)! <= this.lim.get(top)!;
  }

  /** The non-tree edge of least slack that reconnects the two halves the leaving edge separates, the right way. */
  private enteringEdge(leaving: WeightedEdge): WeightedEdge | undefined {
    let tail = leaving.source;
    let flip = false;
    if (this.lim.get(leaving.source)! > this.lim.get(leaving.target)!) {
      tail = leaving.target;
      flip = true;
    }
    let best: WeightedEdge | undefined;
    for (const edge of this.edges) {
      if (this.treeEdges.has(edge)) continue;
      if (flip === this.isBelow(edge.source, tail) && flip !== this.isBelow(edge.target, tail)) {
        if (!best || this.slack(edge) < this.slack(best)) best = edge;
      }
    }
    return best;
  }

  /** Re-derives every layer from the root along the tree, keeping tree edges tight. */
  private updateLayers(): void {
    const root = this.nodes[0];
    const stack = [root];
    const done = new Set<number>([root]);
    while (stack.length > 0) {
      const node = stack.pop()!;
      for (const edge of this.incident[node]) {
        if (!this.treeEdges.has(edge)) continue;
        const other = edge.source === node ? edge.target : edge.source;
        if (done.has(other)) continue;
        this.layer[other] = edge.source === node ? this.layer[node] + 1 : this.layer[node] - 1;
        done.add(other);
        stack.push(other);
      }
    }
  }
}

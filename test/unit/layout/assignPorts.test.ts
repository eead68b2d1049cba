import * as assert from 'node:assert/strict';
import { assignPorts, PORT_PITCH, portOffsets, sideForPorts } from '../../../src/core/layout/assignPorts';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';
import { handBuiltGraph } from './handBuiltGraph';

describe('assignPorts', () => {
  it('spreads ports evenly around the middle of a side, at most the port pitch apart', () => {
    assert.deepEqual(portOffsets(1, 60), [0]);
    assert.deepEqual(portOffsets(3, 60), [-PORT_PITCH, 0, PORT_PITCH]);
    const squeezed = portOffsets(6, 40);
    assert.equal(squeezed.length, 6);
    assert.ok(squeezed[5] - squeezed[0] <= 20 + 1e-9, 'stays inside the side less its margins');
    assert.equal(sideForPorts(14), 13 * PORT_PITCH + 20);
  });

  it('orders the ports of a side by where the edges come from, so edges sharing a node do not cross there', () => {
    // Nodes 0, 1, 2 feed node 3; 1 sits above 0 and 2 above 1 along the layer.
    const chains = [[0, 3], [1, 3], [2, 3]];
    const cross = [50, 0, -50, 0];
    const ports = assignPorts(chains, 4, cross, () => 60);
    assert.deepEqual(ports.in, [PORT_PITCH, 0, -PORT_PITCH]);
    assert.deepEqual(ports.out, [0, 0, 0], 'a single edge leaves from the middle');
  });

  it('gives each of fourteen copies into one stage its own port, in the order of their sources (moby/buildkit integration-tests-base)', () => {
    const sources = Array.from({ length: 14 }, (_, index) => ({ name: `dep${index}`, base: 'alpine' }));
    const graph = handBuiltGraph([...sources, { name: 'hub', base: 'golang' }], sources.map((_, from) => ({ from, to: 14, sources: [`/out/bin${from}`] })));
    for (const direction of ['LR', 'TB'] as const) {
      const layout = layoutStageGraph(graph, { direction, hideImages: true });
      const hub = layout.nodes.find((node) => node.id === 'stage:14')!;
      assert.ok((direction === 'LR' ? hub.height : hub.width) >= sideForPorts(14), `${direction}: the box grew to hold every port`);
      const into = layout.edges.filter((edge) => edge.target === 'stage:14');
      const along = (point: { x: number; y: number }): number => (direction === 'LR' ? point.y : point.x);
      const ends = into.map((edge) => along(edge.points[edge.points.length - 1])).sort((a, b) => a - b);
      for (let index = 1; index < ends.length; index++) assert.ok(ends[index] - ends[index - 1] >= PORT_PITCH - 0.2, `${direction}: ports ${PORT_PITCH} apart`);
      const byEnd = [...into].sort((a, b) => along(a.points[a.points.length - 1]) - along(b.points[b.points.length - 1]));
      const sourceOrder = byEnd.map((edge) => {
        const source = layout.nodes.find((node) => node.id === edge.source)!;
        return direction === 'LR' ? source.y : source.x;
      });
      assert.deepEqual(sourceOrder, [...sourceOrder].sort((a, b) => a - b), `${direction}: ports follow the sources' order`);
    }
  });
});

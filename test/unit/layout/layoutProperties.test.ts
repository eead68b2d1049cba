import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';
import type { Edge } from '../../../src/core/model';
import { handBuiltGraph } from './handBuiltGraph';

/** Random stage graphs: each stage builds on an image or an earlier stage and copies from earlier stages. */
const stageGraphs = fc
  .array(fc.record({ base: fc.nat(), image: fc.boolean(), copies: fc.array(fc.nat(), { maxLength: 3 }) }), { minLength: 1, maxLength: 30 })
  .map((sketches) =>
    handBuiltGraph(
      sketches.map((sketch, index) => ({ name: `s${index}`, base: index === 0 || sketch.image ? ['alpine', 'scratch', 'node:20'][sketch.base % 3] : `#${sketch.base % index}` })),
      sketches.flatMap((sketch, index) => (index === 0 ? [] : sketch.copies.map((from) => ({ from: from % index, to: index })))),
    ),
  );

describe('layoutStageGraph on random graphs', () => {
  it('always puts sources before targets, never overlaps boxes, and repeats itself exactly', () => {
    fc.assert(
      fc.property(stageGraphs, fc.constantFrom('LR' as const, 'TB' as const), (graph, direction) => {
        const layout = layoutStageGraph(graph, { direction });
        const byId = new Map(layout.nodes.map((node) => [node.id, node]));
        for (const edge of layout.edges) {
          const [source, target] = [byId.get(edge.source)!, byId.get(edge.target)!];
          assert.ok(direction === 'LR' ? source.x + source.width <= target.x : source.y + source.height <= target.y);
        }
        for (const [index, a] of layout.nodes.entries()) {
          for (const b of layout.nodes.slice(index + 1)) {
            assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.id} overlaps ${b.id}`);
          }
        }
        assert.deepEqual(layoutStageGraph(graph, { direction }), layout);
      }),
      { numRuns: 60 },
    );
  });

  it('draws edges a broken file may hold (a stage copying from itself or from a later stage) without failing', () => {
    const graph = handBuiltGraph([{ name: 'a', base: 'alpine' }, { name: 'b', base: '#0' }]);
    const strange: Edge[] = [
      { ...graph.edges[1], from: { stage: 1 }, to: 1, kind: 'copy' },
      { ...graph.edges[1], from: { stage: 1 }, to: 0, kind: 'copy' },
    ];
    const layout = layoutStageGraph({ ...graph, edges: [...graph.edges, ...strange] });
    assert.deepEqual(layout.nodes.map((node) => node.id), ['stage:0', 'stage:1', 'image:alpine']);
    const backwards = layout.edges.find((edge) => edge.id === 'copy:stage:1->stage:0')!;
    assert.ok(backwards.points.length >= 2, 'a backward edge is still drawn');
    assert.deepEqual(layout.edges.find((edge) => edge.id === 'copy:stage:1->stage:1')!.points, [], 'a self-copy has no route');
  });
});

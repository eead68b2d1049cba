/** Parallel edges (same source, target, kind and ONBUILD origin) are drawn as one, in the order they first appear. */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { mergeParallelEdges } from '../../../src/core/graph/mergeParallelEdges';

describe('mergeParallelEdges', () => {
  it('merges copies and mounts between the same two stages, keeping kinds, sources and ONBUILD apart', () => {
    const graph = buildStageGraph(
      [
        'FROM golang AS build', // edge 0: FROM golang -> 0
        'FROM alpine AS base', // edge 1: FROM alpine -> 1
        'ONBUILD COPY --from=build /cfg /cfg',
        'FROM base AS app', // edge 2: FROM base -> 2
        'COPY --from=build /out/a /a',
        'COPY --from=alpine /etc/passwd /etc/',
        'COPY --from=0 /out/b /b',
        'RUN --mount=from=build,target=/src true',
        'RUN --mount=from=build,target=/more true',
        '',
      ].join('\n'),
    );
    // SEMANTICS.md "References between stages": an ONBUILD COPY --from=x adds an edge from x to the child (at its FROM).
    assert.deepEqual(
      graph.edges.map((edge) => `${edge.kind} ${JSON.stringify(edge.from)} -> ${edge.to} line ${edge.line}${edge.onbuild ? ' onbuild' : ''}`),
      [
        'from {"image":"golang"} -> 0 line 1',
        'from {"image":"alpine"} -> 1 line 2',
        'from {"stage":1} -> 2 line 4',
        'copy {"stage":0} -> 2 line 4 onbuild',
        'copy {"stage":0} -> 2 line 5',
        'copy {"image":"alpine"} -> 2 line 6',
        'copy {"stage":0} -> 2 line 7',
        'mount {"stage":0} -> 2 line 8',
        'mount {"stage":0} -> 2 line 9',
      ],
    );
    assert.deepEqual(mergeParallelEdges(graph.edges), [
      { from: { image: 'golang' }, to: 0, kind: 'from', onbuild: false, positions: [0] },
      { from: { image: 'alpine' }, to: 1, kind: 'from', onbuild: false, positions: [1] },
      { from: { stage: 1 }, to: 2, kind: 'from', onbuild: false, positions: [2] },
      { from: { stage: 0 }, to: 2, kind: 'copy', onbuild: true, positions: [3] },
      { from: { stage: 0 }, to: 2, kind: 'copy', onbuild: false, positions: [4, 6] },
      { from: { image: 'alpine' }, to: 2, kind: 'copy', onbuild: false, positions: [5] },
      { from: { stage: 0 }, to: 2, kind: 'mount', onbuild: false, positions: [7, 8] },
    ]);
  });

  it('keeps an image apart from a stage whose index reads the same, and gives nothing for no edges', () => {
    const edges = buildStageGraph('FROM alpine\nFROM alpine\nCOPY --from=0 /a /a\nCOPY --from=alpine /b /b\n').edges;
    assert.deepEqual(
      mergeParallelEdges(edges).map((group) => [group.from, group.kind, group.positions]),
      [
        [{ image: 'alpine' }, 'from', [0]],
        [{ image: 'alpine' }, 'from', [1]],
        [{ stage: 0 }, 'copy', [2]],
        [{ image: 'alpine' }, 'copy', [3]],
      ],
    );
    assert.deepEqual(mergeParallelEdges([]), []);
  });
});

import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';
import { BEND_POINT_BUDGET } from '../../../src/core/layout/layeredLayout';
import type { GraphLayout, LayoutNode } from '../../../src/core/layout/layoutTypes';
import { handBuiltGraph } from './handBuiltGraph';

const centre = (node: LayoutNode): { x: number; y: number } => ({ x: node.x + node.width / 2, y: node.y + node.height / 2 });
const byId = (layout: GraphLayout, id: string): LayoutNode => layout.nodes.find((node) => node.id === id)!;

/** FROM golang AS build / FROM build AS test / FROM alpine AS runtime + COPY --from=build. */
const goService = handBuiltGraph(
  [{ name: 'build', base: 'golang:1.22' }, { name: 'test', base: '#0', reachable: false }, { name: 'runtime', base: 'alpine:3.20' }],
  [{ from: 0, to: 2, sources: ['/out/server'] }],
);

function overlaps(a: LayoutNode, b: LayoutNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutStageGraph', () => {
  it('draws one node per stage and per external image, and one edge per merged instruction group', () => {
    const layout = layoutStageGraph(goService);
    assert.deepEqual(layout.nodes.map((node) => node.id), ['stage:0', 'stage:1', 'stage:2', 'image:golang:1.22', 'image:alpine:3.20']);
    assert.deepEqual(layout.edges.map((edge) => edge.id), [
      'from:image:golang:1.22->stage:0',
      'from:stage:0->stage:1',
      'from:image:alpine:3.20->stage:2',
      'copy:stage:0->stage:2',
    ]);
  });

  it('places every dependency before its dependent, left to right and top to bottom', () => {
    for (const direction of ['LR', 'TB'] as const) {
      const layout = layoutStageGraph(goService, { direction });
      for (const edge of layout.edges) {
        const [source, target] = [byId(layout, edge.source), byId(layout, edge.target)];
        if (direction === 'LR') assert.ok(source.x + source.width <= target.x, `${edge.id} flows right`);
        else assert.ok(source.y + source.height <= target.y, `${edge.id} flows down`);
      }
    }
  });

  it('never overlaps two boxes, even on a wide generated graph', () => {
    const stages = Array.from({ length: 40 }, (_, index) => ({ name: `s${index}`, base: index % 5 === 0 ? 'alpine' : `#${Math.max(0, index - 1 - (index % 3))}` }));
    const copies = Array.from({ length: 30 }, (_, index) => ({ from: index, to: Math.min(39, index + 3 + (index % 7)) }));
    const layout = layoutStageGraph(handBuiltGraph(stages, copies));
    for (const [position, a] of layout.nodes.entries()) {
      for (const b of layout.nodes.slice(position + 1)) assert.ok(!overlaps(a, b), `${a.id} and ${b.id} overlap`);
    }
  });

  it('finds the crossing-free drawing of two independent chains that copy into one final stage', () => {
    // a1 -> a2, b1 -> b2, final copies from a2 and b2 and builds FROM alpine: planar, so zero crossings.
    const graph = handBuiltGraph(
      [{ name: 'a1', base: 'alpine' }, { name: 'b1', base: 'debian' }, { name: 'a2', base: '#0' }, { name: 'b2', base: '#1' }, { name: 'final', base: 'alpine' }],
      [{ from: 3, to: 4 }, { from: 2, to: 4 }],
    );
    const layout = layoutStageGraph(graph);
    assert.equal(layout.crossings, 0);
  });

  it('untangles a drawing whose file order would cross: K(2,2) minus one edge has a crossing-free order', () => {
    const graph = handBuiltGraph(
      [{ name: 'x', base: 'scratch' }, { name: 'y', base: 'scratch' }, { name: 'p', base: '#1' }, { name: 'q', base: '#0' }],
      [{ from: 1, to: 3 }],
    );
    assert.equal(layoutStageGraph(graph).crossings, 0);
  });

  it('merges several copies between the same two stages into one edge with a count and the full list', () => {
    const graph = handBuiltGraph(
      [{ name: 'build', base: 'node:20' }, { name: 'web', base: 'nginx' }],
      [
        { from: 0, to: 1, sources: ['/src/dist/'] },
        { from: 0, to: 1, sources: ['/src/config/nginx.conf'] },
      ],
    );
    const copy = layoutStageGraph(graph).edges.find((edge) => edge.kind === 'copy')!;
    assert.equal(copy.label, '×2 dist/ +1 → /app/');
    assert.deepEqual(copy.lines, [12, 13]);
    assert.equal(copy.tooltip, 'COPY --from=build /src/dist/ → /app/ (line 12)\nCOPY --from=build /src/config/nginx.conf → /app/ (line 13)');
  });

  it('routes a long edge through bend points in every layer it passes', () => {
    const graph = handBuiltGraph(
      [{ name: 'a', base: 'scratch' }, { name: 'b', base: '#0' }, { name: 'c', base: '#1' }, { name: 'd', base: '#2' }],
      [{ from: 0, to: 3 }],
    );
    const layout = layoutStageGraph(graph, { hideImages: true });
    const long = layout.edges.find((edge) => edge.kind === 'copy')!;
    // Start and end ports plus two points (entry and exit of the column) for each of the two layers crossed.
    assert.equal(long.points.length, 6);
    const xs = long.points.map((point) => point.x);
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
  });

  it('hides external images and scratch on request, keeping the stages', () => {
    const layout = layoutStageGraph(goService, { hideImages: true });
    assert.deepEqual(layout.nodes.map((node) => node.id), ['stage:0', 'stage:1', 'stage:2']);
    assert.deepEqual(layout.edges.map((edge) => edge.id), ['from:stage:0->stage:1', 'copy:stage:0->stage:2']);
  });

  it('labels stages with index, base, counts and marks, and greys the skipped ones', () => {
    const layout = layoutStageGraph(goService);
    assert.deepEqual(byId(layout, 'stage:1').lines, ['test', '#1 · FROM build', 'not built · 2 instructions']);
    assert.equal(byId(layout, 'stage:1').reachable, false);
    assert.deepEqual(byId(layout, 'stage:2').lines, ['runtime', '#2 · FROM alpine:3.20', 'target · 2 instructions']);
    assert.equal(byId(layout, 'image:alpine:3.20').kind, 'image');
  });

  it('says "1 instruction", not "1 instructions", in the box, its hover text and its screen-reader label', () => {
    const layout = layoutStageGraph(buildStageGraph('FROM alpine AS certs\nRUN apk add ca-certificates\n'));
    const certs = layout.nodes.find((node) => node.kind === 'stage')!;
    assert.deepEqual(certs.lines, ['certs', '#0 · FROM alpine', 'target · 1 instruction']);
    assert.equal(certs.tooltip, 'certs (stage 0)\nFROM alpine\n1 instruction, lines 1–2\nThe build target.');
    assert.equal(certs.ariaLabel, 'Stage certs, number 0, from alpine, 1 instruction, the build target');
  });

  it('lays out 1000 chained stages that all copy from the first within the bend-point budget: the longest copies are drawn straight', () => {
    // Routing every copy through each layer it passes would take about 500,000 bend points.
    const text = Array.from({ length: 1000 }, (_, index) => (index === 0 ? 'FROM alpine AS s0' : `FROM s${index - 1} AS s${index}\nCOPY --from=s0 /a /b`)).join('\n');
    const layout = layoutStageGraph(buildStageGraph(text));
    assert.equal(layout.nodes.length, 1001, '1000 stages and the alpine image');
    assert.equal(layout.edges.length, 1 + 999 + 999, 'alpine -> s0, each FROM, and each copy from s0');
    const copies = layout.edges.filter((edge) => edge.kind === 'copy');
    const bendPoints = copies.reduce((total, edge) => total + edge.points.length - 2, 0);
    // Each bend point is drawn as the entry and exit of its layer's column.
    assert.ok(bendPoints <= 2 * BEND_POINT_BUDGET, `${bendPoints} points on copy edges`);
    const longest = copies.find((edge) => edge.target === 'stage:999');
    assert.equal(longest?.points.length, 2, 'the copy into s999 goes straight from s0');
    const shortest = copies.find((edge) => edge.target === 'stage:2');
    assert.equal(shortest?.points.length, 4, 'the copy into s2 still bends through the column of s1');
  });

  it('points an ONBUILD edge at its trigger in the parent (what a click reveals), saying where it fires', () => {
    const layout = layoutStageGraph(buildStageGraph('FROM alpine AS tools\nFROM alpine AS base\nONBUILD COPY --from=tools /t /t\nFROM base AS app\n'));
    const trigger = layout.edges.find((edge) => edge.onbuild)!;
    assert.deepEqual([trigger.id, trigger.lines, trigger.tooltip], ['copy-onbuild:stage:0->stage:2', [3], 'ONBUILD COPY --from=tools /t → /t (line 3, fires at line 4)']);
  });

  it('is deterministic: the same graph gives the same picture', () => {
    assert.deepEqual(layoutStageGraph(goService), layoutStageGraph(goService));
  });

  it('keeps existing nodes where they were when a stage is appended at the end', () => {
    const before = layoutStageGraph(goService);
    const after = layoutStageGraph(
      handBuiltGraph(
        [{ name: 'build', base: 'golang:1.22' }, { name: 'test', base: '#0', reachable: false }, { name: 'runtime', base: 'alpine:3.20' }, { name: 'debug', base: '#2' }],
        [{ from: 0, to: 2, sources: ['/out/server'] }],
      ),
    );
    for (const node of before.nodes) {
      const moved = after.nodes.find((other) => other.key === node.key)!;
      assert.ok(Math.abs(centre(moved).x - centre(node).x) < 1, `${node.key} keeps its column`);
    }
  });

  it('lays out an empty graph as an empty picture', () => {
    const layout = layoutStageGraph(handBuiltGraph([]));
    assert.deepEqual([layout.nodes, layout.edges, layout.width, layout.height], [[], [], 0, 0]);
  });
});

describe('edge labels', () => {
  it('sit on their edges without overlapping each other when five copies enter one stage', () => {
    const graph = handBuiltGraph(
      [{ name: 'a', base: 'alpine' }, { name: 'b', base: 'alpine' }, { name: 'c', base: 'alpine' }, { name: 'd', base: 'alpine' }, { name: 'final', base: 'alpine' }],
      [0, 1, 2, 3].map((from) => ({ from, to: 4, sources: [`/out/artifact-${from}`] })),
    );
    const labelled = layoutStageGraph(graph).edges.filter((edge) => edge.label !== '');
    assert.deepEqual(labelled.map((edge) => edge.label), ['artifact-0 → /app/', 'artifact-1 → /app/', 'artifact-2 → /app/', 'artifact-3 → /app/']);
    const boxes = labelled.map((edge) => ({ left: edge.labelX - 50, right: edge.labelX + 50, top: edge.labelY - 15, bottom: edge.labelY - 2 }));
    for (const [index, a] of boxes.entries()) {
      for (const b of boxes.slice(index + 1)) assert.ok(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, 'labels overlap');
    }
  });
});

import * as assert from 'node:assert/strict';
import { graphEntryPoints, layoutEntryPoints } from '../../../src/core/editor/graphEntryPoints';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';
import type { GraphLayout, LayoutNode } from '../../../src/core/layout/layoutTypes';
import { toSvg } from '../../../src/core/export/toSvg';
import { lines, scanOf } from '../entrypoints/entryPointHelpers';

const dockerfile = lines('ARG GO_VERSION=1.23', 'FROM golang:${GO_VERSION} AS build', 'FROM build AS debug', 'FROM alpine AS runtime', 'COPY --from=build /out /out');
const compose = lines(
  'services:',
  '  api:',
  '    build:',
  '      context: .',
  '      args: { VERSION: "1.0", HOME: }',
  '  api-debug:',
  '    build: { context: ., target: debug, args: [GO_VERSION=1.24] }',
  '  tests:',
  '    build: { context: ., target: tset }',
  '  other:',
  '    build: ./other',
  '  from-env:',
  '    build: { context: ., target: "${TARGET}" }',
);
const bake = lines('target "app" {', '  target = "runtime"', '}');
const scan = scanOf({ 'app/compose.yaml': compose, 'app/docker-bake.hcl': bake });
const byId = (layout: GraphLayout, id: string): LayoutNode => layout.nodes.find((node) => node.id === id)!;

/** Issue 11, "On the graph": entry points as their own nodes with an edge to the stage each builds. */
describe('entry points in the graph view', () => {
  const graph = buildStageGraph(dockerfile);

  it('lists the entry points of the Dockerfile with the target and build args each resolves it with', () => {
    const entries = graphEntryPoints(scan, 'app/Dockerfile', graph);
    assert.deepEqual(
      entries.map((entry) => [entry.id, entry.label, entry.stage, entry.resolveOptions]),
      [
        ['compose:api@compose.yaml', 'compose: api', 2, { target: null, buildArgs: { VERSION: '1.0' } }],
        ['compose:api-debug@compose.yaml', 'compose: api-debug', 1, { target: 'debug', buildArgs: { GO_VERSION: '1.24' } }],
        ['compose:tests@compose.yaml', 'compose: tests', null, { target: 'tset', buildArgs: {} }],
        ['bake:app@docker-bake.hcl', 'bake: app', 2, { target: 'runtime', buildArgs: {} }],
      ],
    );
    assert.equal(entries[1].tooltip, 'compose: api-debug (compose.yaml:6, target debug, args GO_VERSION)');
  });

  it('draws each entry point that builds a stage after that stage, with a builds edge from it', () => {
    const layout = layoutStageGraph(graph, { entryPoints: layoutEntryPoints(graphEntryPoints(scan, 'app/Dockerfile', graph)) });
    const entryNodes = layout.nodes.filter((node) => node.kind === 'entry');
    assert.deepEqual(
      entryNodes.map((node) => [node.id, node.lines, node.entryPoint, node.stage]),
      [
        ['entry:compose:api@compose.yaml', ['compose: api'], 'compose:api@compose.yaml', null],
        ['entry:compose:api-debug@compose.yaml', ['compose: api-debug'], 'compose:api-debug@compose.yaml', null],
        ['entry:bake:app@docker-bake.hcl', ['bake: app'], 'bake:app@docker-bake.hcl', null],
      ],
    );
    const builds = layout.edges.filter((edge) => edge.kind === 'builds');
    assert.deepEqual(
      builds.map((edge) => [edge.source, edge.target, edge.lines, edge.tooltip]),
      [
        ['stage:2', 'entry:compose:api@compose.yaml', [], 'compose: api builds stage runtime'],
        ['stage:1', 'entry:compose:api-debug@compose.yaml', [], 'compose: api-debug builds stage debug'],
        ['stage:2', 'entry:bake:app@docker-bake.hcl', [], 'bake: app builds stage runtime'],
      ],
    );
    for (const edge of builds) assert.ok(byId(layout, edge.source).x + byId(layout, edge.source).width <= byId(layout, edge.target).x, `${edge.id} flows right`);
    // debug is not built for the default target (runtime): what builds it is drawn skipped like it.
    assert.deepEqual(entryNodes.map((node) => node.reachable), [true, false, true]);
  });

  it('keeps the drawing of the stages when there are no entry points, and the SVG export draws entry nodes', () => {
    assert.deepEqual(layoutStageGraph(graph, { entryPoints: [] }), layoutStageGraph(graph));
    const svg = toSvg(graph, layoutStageGraph(graph, { entryPoints: [{ id: 'compose:api@compose.yaml', label: 'compose: <api>', stage: 2, tooltip: 'a & b' }] }));
    assert.match(svg, /<g class="node node-entry" [^>]*><title>a &amp; b<\/title>/);
    assert.match(svg, /compose: &lt;api&gt;/);
    assert.match(svg, /class="edge edge-builds"/);
  });

  it('attaches an entry point to the box that draws its stage: a collapsed family, or nothing when the stage is folded away', () => {
    const folded = buildStageGraph(lines('FROM scratch AS out-linux', 'FROM scratch AS out-windows', 'FROM alpine AS tools', 'FROM out-$TARGETOS AS final'));
    const entryPoints = [
      { id: 'bake:linux', label: 'bake: linux', stage: 0, tooltip: '' },
      { id: 'bake:tools', label: 'bake: tools', stage: 2, tooltip: '' },
      { id: 'bake:final', label: 'bake: final', stage: 3, tooltip: '' },
    ];
    const buildsEdges = (layout: GraphLayout): string[][] => layout.edges.filter((edge) => edge.kind === 'builds').map((edge) => [edge.source, edge.target]);
    assert.deepEqual(buildsEdges(layoutStageGraph(folded, { entryPoints, families: { 'family:out': true } })), [
      ['family:out', 'entry:bake:linux'],
      ['stage:2', 'entry:bake:tools'],
      ['stage:3', 'entry:bake:final'],
    ]);
    // The build path folds tools (not built for final) into the summary box: what builds it is left out with it.
    const path = layoutStageGraph(folded, { entryPoints, buildPath: true });
    assert.deepEqual(buildsEdges(path), [
      ['stage:0', 'entry:bake:linux'],
      ['stage:3', 'entry:bake:final'],
    ]);
    assert.equal(path.nodes.some((node) => node.id === 'entry:bake:tools'), false);
  });

  it('gives duplicate ids a number and skips an entry point for a stage that does not exist', () => {
    const twice = scanOf({ 'compose.yaml': lines('services:', '  api:', '    build: .'), 'compose.prod.yaml': lines('services:', '  api:', '    build: { args: [A=1] }') });
    assert.deepEqual(graphEntryPoints(twice, 'Dockerfile', graph).map((entry) => entry.id), ['compose:api@compose.yaml', 'compose:api@compose.yaml#2']);
    const layout = layoutStageGraph(graph, { entryPoints: [{ id: 'x', label: 'compose: x', stage: 9, tooltip: '' }] });
    assert.equal(layout.nodes.some((node) => node.kind === 'entry'), false);
  });
});

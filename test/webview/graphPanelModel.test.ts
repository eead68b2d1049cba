import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../src/core/graph/buildStageGraph';
import { layoutStageGraph } from '../../src/core/layout/layoutStageGraph';
import { graphLayoutOptions, graphPanelModel, type GraphViewSettings } from '../../src/extension/graphView/graphPanelModel';

const defaults: GraphViewSettings = { target: null, buildArgs: {}, hideImages: false, direction: 'LR' };

function modelOf(text: string, settings: Partial<GraphViewSettings> = {}): ReturnType<typeof graphPanelModel> {
  const chosen = { ...defaults, ...settings };
  const graph = buildStageGraph(text, { target: chosen.target ?? undefined, buildArgs: chosen.buildArgs });
  return graphPanelModel({ uri: 'file:///w/Dockerfile', fileName: 'Dockerfile', version: 7, text }, graph, chosen, layoutStageGraph(graph, graphLayoutOptions(chosen)));
}

describe('graphPanelModel (what the panel posts)', () => {
  it('posts the laid-out graph with the named stages, meta ARGs and the view choices', () => {
    const message = modelOf('ARG GO=1.22\nARG GO=1.23\nFROM golang:${GO} AS Build\nFROM alpine AS app\nCOPY --from=build /out /out\n', {
      buildArgs: { GO: '1.21' },
      hideImages: true,
      direction: 'TB',
    });
    assert.equal(message.type, 'graph');
    if (message.type !== 'graph') return;
    assert.deepEqual(
      { ...message, layout: message.layout.nodes.map((node) => node.lines[0]) },
      {
        type: 'graph',
        documentUri: 'file:///w/Dockerfile',
        fileName: 'Dockerfile',
        version: 7,
        layout: ['build', 'app'],
        error: null,
        errorLine: null,
        targets: ['Build', 'app'],
        target: null,
        buildArgs: [{ name: 'GO', defaultValue: '1.22', override: '1.21' }],
        hideImages: true,
        direction: 'TB',
        view: { focus: null, buildPath: false, families: {} },
      },
    );
    assert.equal(message.layout.direction, 'TB');
    assert.equal(message.layout.nodes[0].lines[1], '#0 · FROM golang:1.21');
  });

  it('carries BuildKit\'s message and line when the file does not build, even before any stage exists', () => {
    const message = modelOf('FROM alpine AS 1bad\n');
    assert.equal(message.type, 'graph');
    if (message.type !== 'graph') return;
    assert.match(message.error ?? '', /invalid name for build stage: "1bad"/);
    assert.equal(message.errorLine, 1);
    assert.deepEqual(message.layout.nodes, []);
  });

  it('explains an empty document instead of drawing nothing', () => {
    assert.deepEqual(modelOf('  \n'), { type: 'empty', message: 'Dockerfile is empty. Add a FROM line and its stages appear here as you type.' });
  });

  it('lays out the focus and build path the view chose, finding the focused stage by its key', () => {
    const text = 'FROM alpine AS base\nFROM base AS app\nFROM base AS tools\nFROM alpine AS other\nFROM alpine\nFROM app\n';
    const focused = modelOf(text, { view: { focus: 'stage:tools', buildPath: false, families: {} } });
    assert.equal(focused.type, 'graph');
    if (focused.type !== 'graph') return;
    assert.deepEqual(focused.view, { focus: 'stage:tools', buildPath: false, families: {} });
    assert.deepEqual(focused.layout.nodes.filter((node) => node.kind === 'stage').map((node) => node.lines[0]), ['base', 'tools']);
    // Unnamed stages are keyed by index: stage 4 is `FROM alpine` with no name. On the build path it is drawn
    // too, though the target does not build it.
    const byIndex = modelOf(text, { view: { focus: 'stage:#4', buildPath: true, families: {} } });
    assert.ok(byIndex.type === 'graph');
    if (byIndex.type !== 'graph') return;
    assert.deepEqual(byIndex.layout.nodes.map((node) => node.id), ['stage:4', 'image:alpine', 'summary:unrelated']);
  });

  it('drops a focus on a stage the file no longer has, and says so in the choices it posts', () => {
    const message = modelOf('FROM alpine AS base\nFROM base AS app\n', { view: { focus: 'stage:renamed', buildPath: true, families: {} } });
    assert.ok(message.type === 'graph');
    if (message.type !== 'graph') return;
    assert.deepEqual(message.view, { focus: null, buildPath: true, families: {} });
    assert.deepEqual(message.layout.nodes.filter((node) => node.kind === 'summary'), []);
  });
});

import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../src/core/graph/buildStageGraph';
import { layoutStageGraph } from '../../src/core/layout/layoutStageGraph';
import { graphEntryPoints } from '../../src/core/editor/graphEntryPoints';
import { readEntryPoints } from '../../src/core/entrypoints/readEntryPoints';
import { graphLayoutOptions, graphPanelModel, pickEntryPoint, type GraphViewSettings } from '../../src/extension/graphView/graphPanelModel';

const defaults: GraphViewSettings = { target: null, buildArgs: {}, entryPoint: null, hideImages: false, direction: 'LR' };

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
        targetFromSettings: null,
        overriding: true,
        entryPoints: [],
        entryPoint: null,
        buildArgs: [{ name: 'GO', defaultValue: '1.22', setting: null, override: '1.21' }],
        hideImages: true,
        direction: 'TB',
        view: { focus: null, buildPath: false, families: {} },
      },
    );
    assert.equal(message.layout.direction, 'TB');
    assert.equal(message.layout.nodes[0].lines[1], '#0 · FROM golang:1.21');
  });

  // Issue 8, "Hidden state after reopening": the view shows the options in force, and where they come from.
  it('says which target and build args the settings give, what the view chose over them, and whether anything is to reset', () => {
    const text = 'ARG GO=1.22\nARG DEBUG\nFROM golang:${GO} AS build\nFROM alpine AS app\n';
    const fromSettings = { target: 'build', buildArgs: { GO: '1.20' } };
    const settingsAlone = modelOf(text, { fromSettings });
    assert.ok(settingsAlone.type === 'graph');
    assert.deepEqual([settingsAlone.target, settingsAlone.targetFromSettings, settingsAlone.overriding], [null, 'build', false]);
    assert.deepEqual(settingsAlone.buildArgs.map((arg) => [arg.name, arg.setting, arg.override]), [['GO', '1.20', null], ['DEBUG', null, null]]);
    const chosen = modelOf(text, { fromSettings, target: 'app', buildArgs: { DEBUG: '1' } });
    assert.ok(chosen.type === 'graph');
    assert.deepEqual([chosen.target, chosen.targetFromSettings, chosen.overriding], ['app', null, true], 'the view\'s target, not the setting\'s, is in force');
    assert.deepEqual(chosen.buildArgs.map((arg) => [arg.name, arg.setting, arg.override]), [['GO', '1.20', null], ['DEBUG', null, '1']]);
    // A Compose service or Bake target builds with its own options alone: the settings are not in force, so not shown.
    const asEntryPoint = modelOf(text, { fromSettings, target: null, buildArgs: {}, entryPoint: 'compose:api@compose.yaml' });
    assert.ok(asEntryPoint.type === 'graph');
    assert.deepEqual([asEntryPoint.targetFromSettings, asEntryPoint.buildArgs[0].setting, asEntryPoint.overriding], [null, null, true]);
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

  // Issue 11, "On the graph": entry points as nodes, listed in the target picker; picking one resolves the graph as
  // `docker compose build NAME` would (its target, its build args, not the view's).
  it('draws the Compose services that build the file and offers them in the target picker; picking one takes its target and args', () => {
    const text = 'ARG GO=1.22\nFROM golang:${GO} AS build\nFROM build AS debug\nFROM alpine AS app\n';
    const scan = readEntryPoints([{ path: '/w/compose.yaml', text: 'services:\n  api:\n    build: .\n  api-debug:\n    build: { context: ., target: debug, args: [GO=1.24] }\n' }]);
    const entries = graphEntryPoints(scan, '/w/Dockerfile', buildStageGraph(text));
    const settings = pickEntryPoint({ ...defaults, buildArgs: { GO: '1.21' } }, entries[1]);
    assert.deepEqual([settings.target, settings.buildArgs, settings.entryPoint], ['debug', { GO: '1.24' }, 'compose:api-debug@compose.yaml']);
    const graph = buildStageGraph(text, { target: settings.target ?? undefined, buildArgs: settings.buildArgs });
    const message = graphPanelModel({ uri: 'file:///w/Dockerfile', fileName: 'Dockerfile', version: 7, text }, graph, settings, layoutStageGraph(graph, graphLayoutOptions(settings, entries)), entries);
    assert.equal(message.type, 'graph');
    if (message.type !== 'graph') return;
    assert.deepEqual([message.entryPoints, message.entryPoint, message.target], [
      [
        { id: 'compose:api@compose.yaml', label: 'compose: api' },
        { id: 'compose:api-debug@compose.yaml', label: 'compose: api-debug' },
      ],
      'compose:api-debug@compose.yaml',
      'debug',
    ]);
    assert.deepEqual(
      message.layout.nodes.map((node) => [node.lines[0], node.reachable]),
      [['build', true], ['debug', true], ['app', false], ['golang:1.24', true], ['alpine', false], ['compose: api', false], ['compose: api-debug', true]],
    );
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

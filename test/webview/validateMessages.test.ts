import * as assert from 'node:assert/strict';
import { compareDockerfiles } from '../../src/core/diff/compareDockerfiles';
import { diffOverlay } from '../../src/core/diff/diffOverlay';
import { buildStageGraph } from '../../src/core/graph/buildStageGraph';
import { layoutStageGraph } from '../../src/core/layout/layoutStageGraph';
import { readBuildLog } from '../../src/core/buildlog/buildLogReader';
import { buildTimeline } from '../../src/core/buildlog/buildTimeline';
import type { BuildTimeline } from '../../src/core/buildlog/model';
import { graphBuildOverlay, type BuildOverlay } from '../../src/core/buildrun/graphBuildOverlay';
import type { BuildStateMessage, GraphMessage } from '../../src/shared/protocol';
import { buildLogFixture } from '../unit/buildlog/buildLogFixtures';
import { validateHostMessage, validateWebviewMessage } from '../../src/shared/validateMessages';

const graphMessage: GraphMessage = {
  type: 'graph',
  documentUri: 'file:///w/Dockerfile',
  fileName: 'Dockerfile',
  version: 3,
  layout: layoutStageGraph(buildStageGraph('FROM golang AS build\nFROM alpine\nCOPY --from=build /out/app /app\n')),
  error: null,
  errorLine: null,
  targets: ['build'],
  target: null,
  targetFromSettings: 'release',
  overriding: true,
  entryPoints: [{ id: 'compose:api@compose.yaml', label: 'compose: api' }],
  entryPoint: null,
  buildArgs: [{ name: 'GO_VERSION', defaultValue: '1.22', setting: '1.23', override: null }],
  hideImages: false,
  direction: 'LR',
  view: { focus: 'stage:build', buildPath: true, families: {} },
};

describe('validateWebviewMessage (host side)', () => {
  it('accepts every well-formed message from the webview as it is', () => {
    const messages = [
      { type: 'ready', restore: null },
      { type: 'ready', restore: { documentUri: 'file:///w/Dockerfile', view: { focus: null, buildPath: true, families: {} } } },
      { type: 'revealStage', stage: 2, version: 7 },
      { type: 'revealLine', line: 12, version: 7 },
      { type: 'setTarget', target: 'build' },
      { type: 'setTarget', target: null },
      { type: 'setEntryPoint', id: 'compose:api@compose.yaml' },
      { type: 'revealEntryPoint', id: 'bake:app@docker-bake.hcl' },
      { type: 'setBuildArgs', buildArgs: { GO_VERSION: '1.23' } },
      { type: 'resetResolveOptions' },
      { type: 'setLayoutOptions', hideImages: true, direction: 'TB' },
      { type: 'setViewChoices', view: { focus: 'stage:#3', buildPath: false, families: {} } },
      { type: 'exportGraph', format: 'mermaid' },
      { type: 'compareWithHead', compare: true },
      { type: 'compareWithHead', compare: false },
      { type: 'build', documentUri: 'file:///w/Dockerfile' },
      { type: 'cancelBuild' },
      { type: 'buildDrawn', version: 7, running: true, nodeCount: 5 },
    ];
    for (const message of messages) assert.equal(validateWebviewMessage(message), message);
  });

  it('refuses unknown types, missing or mistyped fields, extra fields and impossible line numbers', () => {
    const messages: unknown[] = [
      null,
      'ready',
      { type: 'runShell', command: 'rm -rf /' },
      { type: 'revealStage', stage: '2', version: 7 },
      { type: 'revealStage', stage: -1, version: 7 },
      { type: 'revealLine', line: 0, version: 7 },
      { type: 'revealLine', line: 1.5, version: 7 },
      { type: 'setBuildArgs', buildArgs: { A: 1 } },
      { type: 'exportGraph', format: 'png' },
      { type: 'setEntryPoint', id: null },
      { type: 'resetResolveOptions', target: null },
      { type: 'revealEntryPoint' },
      { type: 'ready', restore: null, extra: true },
      { type: 'ready' },
      { type: 'ready', restore: { documentUri: 'file:///w/Dockerfile', view: { focus: 3, buildPath: false, families: {} } } },
      { type: 'setViewChoices', view: { focus: null } },
      { type: 'setViewChoices', view: { focus: null, buildPath: 'yes' } },
      { type: 'constructor' },
      { type: 'toString' },
      { type: 'compareWithHead' },
      { type: 'compareWithHead', compare: 'HEAD~1' },
      { type: 'build' },
      { type: 'build', documentUri: 'file:///w/Dockerfile', target: 'x' },
      { type: 'cancelBuild', now: true },
      { type: 'buildDrawn', version: 7, running: 'yes', nodeCount: 5 },
    ];
    for (const message of messages) assert.equal(validateWebviewMessage(message), undefined, JSON.stringify(message));
  });
});

/** A real build's states: failure.log laid onto failure.Dockerfile (test/fixtures/buildlogs). */
function failureOverlay(): BuildOverlay {
  const timeline = buildTimeline(readBuildLog(buildLogFixture('failure.log')), buildStageGraph(buildLogFixture('failure.Dockerfile'))) as BuildTimeline;
  return graphBuildOverlay(timeline, { kind: 'log', name: 'failure.log' }, 0);
}
const buildStateMessage: BuildStateMessage = { type: 'buildState', documentUri: 'file:///w/failure.Dockerfile', version: 3, overlay: failureOverlay() };

describe('validateHostMessage (webview side)', () => {
  it('accepts a graph message with a real layout, and the other host messages', () => {
    assert.equal(validateHostMessage(graphMessage), graphMessage);
    const withEntry = { ...graphMessage, layout: layoutStageGraph(buildStageGraph('FROM alpine AS app\n'), { entryPoints: [{ id: 'compose:api@compose.yaml', label: 'compose: api', stage: 0, tooltip: 'compose.yaml:2' }] }) };
    assert.deepEqual(withEntry.layout.edges.map((edge) => edge.kind), ['from', 'builds']);
    assert.equal(validateHostMessage(withEntry), withEntry);
    for (const message of [
      { type: 'empty', message: 'Open a Dockerfile' },
      { type: 'highlightStage', stage: null, version: 1, reveal: false },
      { type: 'exportResult', format: 'dot', message: 'DOT copied to the clipboard' },
      { type: 'buildState', documentUri: 'file:///w/Dockerfile', version: 3, overlay: null },
      buildStateMessage,
      { type: 'buildAvailability', documentUri: 'file:///w/Dockerfile', state: 'unavailable', reason: 'Building needs a trusted workspace.' },
    ]) {
      assert.equal(validateHostMessage(message), message);
    }
  });

  it('refuses a graph whose layout is malformed anywhere, including an edge path carrying markup', () => {
    const broken = structuredClone(graphMessage);
    broken.layout.nodes[0].lines = [42 as unknown as string];
    assert.equal(validateHostMessage(broken), undefined);
    const injected = structuredClone(graphMessage);
    injected.layout.edges[0].path = 'M0,0"/><script>alert(1)</script>';
    assert.equal(validateHostMessage(injected), undefined);
    assert.equal(validateHostMessage({ ...graphMessage, version: 'x' }), undefined);
    assert.equal(validateHostMessage({ ...graphMessage, entryPoints: [{ id: 'a' }] }), undefined);
    assert.equal(validateHostMessage({ ...graphMessage, entryPoint: 3 }), undefined);
    assert.equal(validateHostMessage({ ...graphMessage, overriding: 'yes' }), undefined);
    assert.equal(validateHostMessage({ ...graphMessage, targetFromSettings: 1 }), undefined);
    // Build states: every field checked, down to each bar of the timeline.
    const brokenStates: [string, (overlay: BuildOverlay) => void][] = [
      ['an unknown state', (overlay) => ((overlay.stages[0] as { state: string }).state = 'exploded')],
      ['a failing line 0', (overlay) => (overlay.stages[2].failedLine = 0)],
      ['markup where a number goes', (overlay) => ((overlay.timeline.bars[0] as { startMs: unknown }).startMs = '<b>1</b>')],
      ['an extra field', (overlay) => Object.assign(overlay.stages[1], { html: '<img>' })],
      ['a negative row', (overlay) => (overlay.timeline.bars[0].row = -1)],
      ['a missing summary', (overlay) => delete (overlay as Partial<BuildOverlay>).summary],
    ];
    for (const [what, breakIt] of brokenStates) {
      const broken = structuredClone(buildStateMessage);
      breakIt(broken.overlay!);
      assert.equal(validateHostMessage(broken), undefined, what);
    }
    assert.equal(validateHostMessage({ ...buildStateMessage, version: null }), undefined);
    assert.equal(validateHostMessage({ type: 'buildAvailability', documentUri: 'file:///w/Dockerfile', state: 'maybe', reason: null }), undefined);
    const badEntryNode = structuredClone(graphMessage);
    badEntryNode.layout.nodes[0].entryPoint = 7 as unknown as string;
    assert.equal(validateHostMessage(badEntryNode), undefined);
  });
});

describe('the Compare with HEAD overlay (webview side)', () => {
  const head = 'FROM golang AS build\nFROM alpine AS tools\nFROM alpine\nCOPY --from=build /out/app /app\nCOPY --from=tools /bin/curl /bin/curl\n';
  const overlay = diffOverlay(compareDockerfiles(head, 'FROM golang AS build\nFROM alpine\nCOPY --from=build /out/app /app\n'), graphMessage.layout, 'HEAD');

  it('accepts an overlay the core lays out, no overlay, and no overlay with the reason', () => {
    assert.ok(overlay.removedStages.length > 0 && overlay.removedEdges.length > 0, 'the overlay has ghosts and removed edges');
    for (const message of [
      { type: 'diffOverlay', version: 3, overlay, message: null },
      { type: 'diffOverlay', version: null, overlay: null, message: null },
      { type: 'diffOverlay', version: null, overlay: null, message: 'Dockerfile is not in a git repository that VS Code has open.' },
    ]) {
      assert.equal(validateHostMessage(message), message);
    }
  });

  it('refuses an overlay with an unknown mark, a removed edge carrying markup, or a missing field', () => {
    const badMark = structuredClone(overlay);
    badMark.nodes.push({ id: 'stage:0', marks: ['deleted' as 'added'], notes: [] });
    const injected = structuredClone(overlay);
    injected.removedEdges[0].path = 'M0,0"/><script>alert(1)</script>';
    const noSummary: Partial<typeof overlay> = structuredClone(overlay);
    delete noSummary.summary;
    for (const broken of [badMark, injected, noSummary]) {
      assert.equal(validateHostMessage({ type: 'diffOverlay', version: 3, overlay: broken, message: null }), undefined);
    }
    assert.equal(validateHostMessage({ type: 'diffOverlay', version: 3, overlay }), undefined);
  });
});

// Building from the editor (issue 9), for real: scripts/run-integration-tests.mjs starts a private Docker daemon with
// BuildKit and busybox:local and gives the extension host its DOCKER_HOST; the builds run Debian's docker CLI with
// --network=none (the daemon has no network). The Dockerfiles are test/fixtures/workspace/build/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BuildReport } from '../../src/core/buildrun/buildReport';
import type { TimelineJson } from '../../src/core/buildlog/timelineJson';
import { buildState } from './buildState';
import { closeAllEditors, openFixture, openUntitled, waitFor } from './dockerfileTestHelpers';
import { panelBuildReport as graphBuild, panelReport } from './graphPanelReport';
import { workbenchScreenshot } from './workbenchScreenshot';

/** Debian's 20.10 CLI (another docker may come first on PATH) and the daemon's lack of network. */
const buildSettings = { command: '/usr/bin/docker build', args: ['--network=none'] };

async function setBuildSettings(settings: { command?: string; args?: string[] }): Promise<void> {
  const config = vscode.workspace.getConfiguration('stageflow');
  await config.update('build.command', settings.command, vscode.ConfigurationTarget.Global);
  await config.update('build.args', settings.args, vscode.ConfigurationTarget.Global);
}

/** `label:status` per stage, in the Dockerfile's order. */
function stageStatuses(timeline: TimelineJson | null, labels: string[]): string[] {
  return (timeline?.stages ?? []).map((stage) => `${stage.name ?? labels[stage.index]}:${stage.status}`);
}

function build(uri: vscode.Uri, target?: string | null): Promise<BuildReport | undefined> {
  return Promise.resolve(vscode.commands.executeCommand<BuildReport | undefined>('stageflow.build', uri, target));
}

/** Delivers a message to the graph panel as its webview would send it (a click in the view). */
function clickInGraph(message: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('_stageflow.graphPanelReceive', message);
}

/** Opens the graph of `document` and waits until its webview has drawn it and the Build button is ready. */
async function showGraph(document: vscode.TextDocument): Promise<void> {
  await vscode.commands.executeCommand('stageflow.showGraph', document.uri);
  await waitFor(panelReport, (report) => report?.documentUri === document.uri.toString() && report.rendered?.version === document.version, 'the graph to be drawn', 30_000);
  await waitFor(graphBuild, (record) => record?.availability?.documentUri === document.uri.toString() && record.availability.state === 'ready', 'the Build button to be ready');
}

function line(document: vscode.TextDocument, text: string): number {
  const index = document.getText().split('\n').findIndex((candidate) => candidate.startsWith(text));
  assert.ok(index >= 0, `${text} is in ${document.uri.path}`);
  return index + 1;
}

describe('Building from the editor (real BuildKit)', function () {
  // Each build takes a few seconds on the private daemon (vfs storage, busybox).
  this.timeout(120_000);

  before(() => setBuildSettings(buildSettings));
  afterEach(closeAllEditors);
  after(() => setBuildSettings({}));

  it('builds the chosen target, shows the stages live, then the times, the critical path and the cache', async () => {
    const document = await openFixture('build/parallel.Dockerfile');
    const building = build(document.uri);
    await waitFor(() => buildState(document.uri), (state) => state.result?.timeline?.stages[1].status === 'running', 'slow to run', 60_000);
    await workbenchScreenshot('build-running');
    const report = await building;
    assert.equal(report?.kind, 'succeeded', report?.message);
    await workbenchScreenshot('build-succeeded');
    const state = await buildState(document.uri);
    const record = state.lastBuild!;
    assert.equal(record.display, '/usr/bin/docker build --network=none --progress=plain -f build/parallel.Dockerfile .');
    assert.equal(record.cwd, vscode.workspace.workspaceFolders![0].uri.fsPath);
    // While it ran: slow's `sleep 2` was seen running, and final waited (queued) before it ran.
    const seen = record.published.map((published) => published.stages.join(' '));
    assert.ok(seen.some((statuses) => statuses.split(' ')[1] === 'running'), `slow was published running: ${seen.join(' | ')}`);
    assert.ok(seen.some((statuses) => statuses.split(' ')[4] === 'queued'), `final was published queued: ${seen.join(' | ')}`);
    assert.equal(record.published[record.published.length - 1].outcome, 'succeeded');

    const timeline = state.result!.timeline!;
    assert.deepEqual(stageStatuses(timeline, []), ['base:built', 'slow:built', 'quick:built', 'extra:not-run', 'final:built']);
    // base -> slow -> final: slow's `sleep 2` makes it the longest chain; its length is the summed DONE times.
    assert.deepEqual(timeline.criticalPath, [0, 1, 4]);
    const slow = timeline.stages[1];
    assert.ok(slow.durationMs !== null && slow.durationMs >= 2000, `slow took its sleep: ${slow.durationMs}`);
    assert.equal(timeline.criticalPathMs, [0, 1, 4].reduce((sum, stage) => sum + (timeline.stages[stage].durationMs ?? 0), 0));
    assert.equal(state.result!.running, false);

    // The editor shows each instruction's time after it, and why `extra` did not run after its FROM.
    const annotations = new Map(state.annotations.map((annotation) => [annotation.line, annotation]));
    assert.match(annotations.get(line(document, 'RUN sleep 2'))!.text, /^[2-9]\.\ds$/);
    assert.equal(annotations.get(line(document, 'FROM busybox:local AS extra'))!.text, 'not needed by final');

    // The same build again comes from the cache.
    const again = await build(document.uri);
    assert.equal(again?.kind, 'succeeded', again?.message);
    const cached = await buildState(document.uri);
    assert.deepEqual(stageStatuses(cached.result!.timeline, []), ['base:cached', 'slow:cached', 'quick:cached', 'extra:not-run', 'final:cached']);
    assert.equal(cached.annotations.find((annotation) => annotation.line === line(document, 'RUN sleep 2'))?.text, 'cached');
    assert.match(again!.message, /stages cached/);

    // An edit drops the times: they describe text that is no longer there.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# edited\n'));
    assert.deepEqual((await buildState(document.uri)).annotations, []);
  });

  it('builds one stage from the "Build this stage" CodeLens of its FROM (--target)', async () => {
    const document = await openFixture('build/parallel.Dockerfile');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const buildLenses = lenses.filter((lens) => lens.command?.command === 'stageflow.build');
    assert.deepEqual(
      buildLenses.map((lens) => [lens.range.start.line + 1, lens.command?.title, lens.command?.arguments?.[1]]),
      [
        [2, 'Build', 'base'],
        [5, 'Build', 'slow'],
        [8, 'Build', 'quick'],
        [12, 'Build', 'extra'],
        [15, 'Build', 'final'],
      ],
    );
    const quick = buildLenses[2].command!;
    const report = await vscode.commands.executeCommand<BuildReport>(quick.command, ...(quick.arguments ?? []));
    assert.equal(report.kind, 'succeeded', report.message);
    const state = await buildState(document.uri);
    assert.match(state.lastBuild!.display, / --target quick /);
    // Only base and quick are built for --target quick (from the cache of the build before).
    assert.deepEqual(stageStatuses(state.result!.timeline, []), ['base:cached', 'slow:not-run', 'quick:cached', 'extra:not-run', 'final:not-run']);
    assert.deepEqual(state.result!.timeline!.criticalPath, [0, 2]);
  });

  it("marks the failing instruction with BuildKit's error, and reveal goes there", async () => {
    const document = await openFixture('build/failing.Dockerfile');
    const report = await build(document.uri);
    assert.equal(report?.kind, 'failed');
    await workbenchScreenshot('build-failed');
    const failingLine = line(document, 'RUN sleep 1 && echo "running tests" && exit 3');
    const diagnostics = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'Stageflow build'),
      (found) => found.length > 0,
      'the build failure diagnostic',
    );
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics[0].range.start.line, failingLine - 1);
    assert.match(diagnostics[0].message, /^Build failed \(stage test\): .*exit code: 3$/);
    assert.match(report!.message, new RegExp(`^Build failed in stage test at line ${failingLine}: `));
    const state = await buildState(document.uri);
    const statuses = stageStatuses(state.result!.timeline, []);
    assert.deepEqual(statuses.slice(0, 3), ['base:built', 'test:failed', 'other:canceled']);
    // release never ran; whether BuildKit had loaded its base image (busybox, shared with base) before the failure
    // stopped everything depends on timing.
    assert.ok(['release:not-run', 'release:canceled'].includes(statuses[3]), statuses[3]);

    // Reveal from elsewhere in the file puts the cursor on the failing instruction.
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('stageflow.revealBuildFailure', document.uri);
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, failingLine - 1);

    // The next build clears it when it starts; an edit clears it too.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# edited\n'));
    await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'Stageflow build'),
      (found) => found.length === 0,
      'the failure diagnostic to go after an edit',
    );
  });

  it('cancels a running build', async () => {
    const document = await openFixture('build/slow.Dockerfile');
    const finished = build(document.uri);
    await waitFor(() => buildState(document.uri), (state) => state.result?.timeline?.stages[0].status === 'running', 'the sleep to run', 60_000);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.ok(lenses.some((lens) => lens.command?.command === 'stageflow.cancelBuild' && lens.command.title === 'Stop'), 'a Stop lens while it builds');
    await vscode.commands.executeCommand('stageflow.cancelBuild');
    const report = await finished;
    assert.equal(report?.kind, 'canceled', report?.message);
    const state = await buildState(document.uri);
    assert.equal(state.building, null);
    assert.equal(state.result?.running, false);
    assert.notEqual(state.result?.timeline?.stages[0].status, 'built');
  });

  it('says when docker is not installed or its daemon is not running', async () => {
    const document = await openFixture('build/parallel.Dockerfile');
    try {
      await setBuildSettings({ ...buildSettings, command: '/nonexistent/docker build' });
      const missing = await build(document.uri);
      assert.deepEqual(missing, {
        kind: 'docker-missing',
        message: '`/nonexistent/docker` was not found: install Docker Desktop or Docker Engine, or set stageflow.build.command to the command that builds.',
      });
      await setBuildSettings({ ...buildSettings, command: '/usr/bin/docker -H unix:///nonexistent/docker.sock build' });
      const down = await build(document.uri);
      assert.equal(down?.kind, 'daemon-unreachable', down?.message);
      // Docker 20.10 dials twice at once; either failure may word it (test/fixtures/docker-cli/README.md).
      assert.match(down!.message, /\(\/usr\/bin\/docker said: .*connect to the Docker daemon.*\/nonexistent\/docker\.sock/i);
    } finally {
      await setBuildSettings(buildSettings);
    }
  });

  it('offers no build for a Dockerfile that is not on disk, and refuses one asked for', async () => {
    const before = (await buildState()).lastBuild;
    const untitled = await openUntitled('FROM busybox:local AS one', 'RUN echo one');
    const provider = vscode.workspace.registerTextDocumentContentProvider('stageflow-build-virtual', { provideTextDocumentContent: () => 'FROM busybox:local AS app\n' });
    try {
      const virtual = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'stageflow-build-virtual', path: '/repo/Dockerfile' }));
      for (const document of [untitled, virtual]) {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
        assert.ok(lenses.length > 0 && !lenses.some((lens) => lens.command?.command === 'stageflow.build'), `no Build lens on ${document.uri.scheme}:`);
        assert.equal(await build(document.uri), undefined);
      }
      assert.deepEqual((await buildState()).lastBuild, before, 'nothing was built');
    } finally {
      provider.dispose();
    }
  });

  it("builds from the graph view's Build button, with the view's target, and the graph shows it live, then the times and the critical path", async () => {
    const document = await openFixture('build/parallel.Dockerfile');
    await showGraph(document);
    // Without the cache, so that slow's `sleep 2` is seen running.
    await setBuildSettings({ ...buildSettings, args: [...buildSettings.args, '--no-cache'] });
    try {
      const clicked = clickInGraph({ type: 'build', documentUri: document.uri.toString() });
      const live = await waitFor(graphBuild, (record) => record!.posted.some((posted) => posted.running && posted.stages[1].startsWith('slow:running')), 'slow to run on the graph', 60_000);
      assert.ok(live!.posted.some((posted) => posted.running && posted.stages[4] === 'final:queued queued'), `final was shown queued: ${live!.posted.map((posted) => posted.stages.join(', ')).join(' | ')}`);
      assert.equal(live!.availability?.state, 'building', 'the Build button is Cancel while it builds');
      await waitFor(graphBuild, (record) => record!.drawn?.running === true, 'the webview to draw the running states');
      await clicked;
      const ended = await waitFor(graphBuild, (record) => record!.drawn?.running === false && record!.posted.at(-1)?.running === false, 'the webview to draw the finished build', 30_000);
      const last = ended!.posted.at(-1)!;
      assert.equal(last.outcome, 'succeeded');
      assert.equal(last.version, document.version);
      // Durations stay on the nodes; extra says why it did not run; base → slow → final is the critical path.
      for (const stage of [0, 1, 2, 4]) assert.match(last.stages[stage], /^\w+:built built \d+\.\ds$/);
      assert.match(last.stages[1], /^slow:built built [2-9]\.\ds$/);
      assert.equal(last.stages[3], 'extra:not-run not needed by final');
      assert.deepEqual(last.criticalPath, [0, 1, 4]);
      assert.deepEqual(ended!.drawn, { version: document.version, running: false, nodeCount: 5 });
      assert.equal(ended!.availability?.state, 'ready');
      await workbenchScreenshot('graph-build-succeeded');

      // The target chosen in the view is the one built.
      await clickInGraph({ type: 'setTarget', target: 'quick' });
      await clickInGraph({ type: 'build', documentUri: document.uri.toString() });
      const state = await buildState(document.uri);
      assert.match(state.lastBuild!.display, / --target quick /);
      const quick = await waitFor(graphBuild, (record) => record!.posted.at(-1)?.running === false && record!.posted.at(-1)!.stages[4] === 'final:not-run not needed by quick', 'the quick build on the graph');
      assert.deepEqual(quick!.posted.at(-1)!.criticalPath, [0, 2]);
    } finally {
      await setBuildSettings(buildSettings);
    }
  });

  it('marks the failing stage on the graph and reveals its line from there; Cancel in the graph stops a build', async () => {
    const document = await openFixture('build/failing.Dockerfile');
    await showGraph(document);
    await clickInGraph({ type: 'build', documentUri: document.uri.toString() });
    const failed = await waitFor(graphBuild, (record) => record!.posted.at(-1)?.outcome === 'failed' && record!.drawn?.running === false, 'the failed build on the graph', 30_000);
    const failingLine = line(document, 'RUN sleep 1 && echo "running tests" && exit 3');
    const last = failed!.posted.at(-1)!;
    assert.deepEqual(last.failure, { stage: 1, line: failingLine });
    assert.match(last.stages[1], /^test:failed failed( \d+\.\ds)?$/);
    assert.match(last.stages[2], /^other:canceled canceled$/);
    await workbenchScreenshot('graph-build-failed');
    // The failed node's badge asks for the failing line, as the view's own reveal does.
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await clickInGraph({ type: 'revealLine', line: failingLine, version: last.version });
    await waitFor(() => vscode.window.activeTextEditor?.selection.start.line, (cursor) => cursor === failingLine - 1, 'the cursor on the failing line');

    const slow = await openFixture('build/slow.Dockerfile');
    await showGraph(slow);
    const finished = clickInGraph({ type: 'build', documentUri: slow.uri.toString() });
    await waitFor(graphBuild, (record) => record!.posted.at(-1)?.stages[0].startsWith('waiting:running') === true, 'the sleep to run', 60_000);
    await clickInGraph({ type: 'cancelBuild' });
    await finished;
    const canceled = await waitFor(graphBuild, (record) => record!.posted.at(-1)?.running === false, 'the canceled build on the graph');
    assert.equal(canceled!.posted.at(-1)!.outcome, 'canceled');
    assert.equal((await buildState(slow.uri)).building, null);
  });
});

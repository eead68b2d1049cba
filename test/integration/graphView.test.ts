// The graph view in a real VS Code: `stageflow.showGraph` opens the panel beside the active Dockerfile, the
// webview draws the document's current version, and an edit redraws it (issue 4, "In the real VS Code suite").
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitled, waitFor, withSetting } from './dockerfileTestHelpers';
import { panelBuildReport, panelReport } from './graphPanelReport';

function graphTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('stageflow.graph'));
}

describe('Graph view', () => {
  afterEach(closeAllEditors);

  it('opens beside the active Dockerfile, draws its current version, and redraws after an edit', async () => {
    const document = await openUntitled('FROM golang:1.22 AS build', 'RUN go build -o /out/app .', 'FROM alpine:3.20', 'COPY --from=build /out/app /app');
    const editorColumn = vscode.window.activeTextEditor?.viewColumn;

    await vscode.commands.executeCommand('stageflow.showGraph');

    const first = await waitFor(panelReport, (report) => report?.type === 'graph' && report.rendered?.version === document.version, 'the webview to draw the document', 30_000);
    assert.ok(first?.layout && first.layout.arrivedAt >= first.layout.requestedAt, 'the drawing was laid out');
    assert.deepEqual({ ...first, highlight: undefined, layout: undefined, postedAt: undefined }, {
      type: 'graph',
      documentUri: document.uri.toString(),
      version: document.version,
      nodeCount: 4,
      entryPoint: null,
      choices: { target: null, buildArgs: {}, targetFromSettings: null, overriding: false },
      rendered: { version: document.version, nodeCount: 4 },
      highlight: undefined,
      layout: undefined,
      postedAt: undefined,
    });
    const [tab] = graphTabs();
    assert.ok(tab, 'a Stage Graph tab is open');
    assert.notEqual(tab.group.viewColumn, editorColumn, 'beside the editor, not over it');
    assert.equal(tab.label, `Stage Graph: ${document.uri.path.split('/').pop()}`);

    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    assert.ok(editor, 'the Dockerfile stays visible');
    const editedAt = Date.now();
    await editor.edit((builder) => builder.insert(new vscode.Position(document.lineCount, 0), 'FROM build AS test\nRUN go test ./...\n'));

    const edited = await waitFor(panelReport, (report) => report?.rendered?.version === document.version, 'the webview to draw the edited version', 30_000, 5);
    assert.deepEqual(edited?.rendered, { version: document.version, nodeCount: 5 });
    console.log(`graph view: the edit was posted after ${(edited?.postedAt ?? 0) - editedAt} ms and drawn within ${Date.now() - editedAt} ms (polled every 5 ms)`);
  });

  it("offers no Build in the view for a Dockerfile that is not on disk, and says why (in the web host: where building works)", async () => {
    const document = await openUntitled('FROM alpine:3.20 AS app', 'RUN echo hi');
    await vscode.commands.executeCommand('stageflow.showGraph');
    const report = await waitFor(panelBuildReport, (record) => record?.availability?.documentUri === document.uri.toString(), "the Build button's state", 30_000);
    assert.equal(report?.availability?.state, 'unavailable');
    assert.match(report?.availability?.reason ?? '', /^Save the Dockerfile first: docker builds a file on disk\.$|^Building needs desktop VS Code or a remote window/);
    assert.deepEqual(report?.posted, [], 'no build is drawn');
  });

  it('"Show in graph" on a stage asks the view to reveal it; moving the cursor only highlights', async () => {
    const document = await openUntitled('FROM golang:1.22 AS build', 'RUN go build -o /out/app .', 'FROM alpine:3.20 AS runtime', 'COPY --from=build /out/app /app');
    await vscode.commands.executeCommand('stageflow.showGraph', document.uri, 0);
    const revealed = await waitFor(panelReport, (report) => report?.highlight?.stage === 0, 'the view to be asked to reveal stage 0', 30_000);
    assert.deepEqual(revealed?.highlight, { stage: 0, reveal: true });

    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    assert.ok(editor);
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    const moved = await waitFor(panelReport, (report) => report?.highlight?.stage === 1, 'the cursor\'s stage to be highlighted', 30_000);
    assert.deepEqual(moved?.highlight, { stage: 1, reveal: false });

    // "Show in graph" on the stage the cursor is already in still reveals it (the view may have been panned away).
    await vscode.commands.executeCommand('stageflow.showGraph', document.uri, 1);
    const again = await waitFor(panelReport, (report) => report?.highlight?.reveal === true, 'the view to be asked to reveal stage 1', 30_000);
    assert.deepEqual(again?.highlight, { stage: 1, reveal: true });
  });

  // Issue 8, "Hidden state after reopening": the target and build args chosen in the view live in the document graph
  // cache, which every feature resolves with; the panel shows them whenever it shows the document, and Reset drops them.
  it('shows the target and build args in force after the panel is closed and reopened, and Reset goes back to the settings', async () => {
    const document = await openUntitled('ARG BASE=alpine:3.20', 'FROM $BASE AS base', 'FROM base AS test', 'RUN make test', 'FROM base AS release');
    const lensTitles = async (): Promise<string[]> =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)).map((lens) => `${lens.range.start.line}: ${lens.command?.title}`);
    const notBuilt = (): string[] => vscode.languages.getDiagnostics(document.uri).map((diagnostic) => diagnostic.message).filter((message) => message.includes(' is not built for target '));
    await vscode.commands.executeCommand('stageflow.showGraph');
    await waitFor(panelReport, (report) => report?.rendered?.version === document.version, 'the first drawing', 30_000);

    await vscode.commands.executeCommand('_stageflow.graphPanelReceive', { type: 'setBuildArgs', buildArgs: { BASE: 'debian:12' } });
    await vscode.commands.executeCommand('_stageflow.graphPanelReceive', { type: 'setTarget', target: 'test' });
    const chosen = { target: 'test', buildArgs: { BASE: 'debian:12' }, targetFromSettings: null, overriding: true };
    await waitFor(panelReport, (report) => JSON.stringify(report?.choices) === JSON.stringify(chosen) && report?.rendered?.nodeCount === 4, 'the drawing with the choices', 30_000);

    await vscode.window.tabGroups.close(graphTabs());
    await waitFor(panelReport, (report) => report === undefined, 'the panel to close');
    // Closed, the choices still hold for every feature: the FROM resolves with the build arg, release is not built.
    await waitFor(lensTitles, (titles) => titles.includes('1: FROM debian:12') && titles.includes('2: target'), 'the lenses with the choices');
    await waitFor(notBuilt, (messages) => messages.join() === "Stage 'release' is not built for target 'test'.", 'release reported as not built for test');

    await vscode.commands.executeCommand('stageflow.showGraph', document.uri);
    const reopened = await waitFor(panelReport, (report) => report?.rendered?.version === document.version, 'the reopened panel to draw', 30_000);
    assert.deepEqual(reopened?.choices, chosen, 'the reopened panel shows the choices in force, not the defaults');

    await vscode.commands.executeCommand('_stageflow.graphPanelReceive', { type: 'resetResolveOptions' });
    const reset = await waitFor(panelReport, (report) => report?.choices?.overriding === false, 'the panel to show the settings again', 30_000);
    assert.deepEqual(reset?.choices, { target: null, buildArgs: {}, targetFromSettings: null, overriding: false });
    await waitFor(lensTitles, (titles) => titles.includes('1: FROM alpine:3.20') && titles.includes('4: target'), 'the lenses back on the settings');
    await waitFor(notBuilt, (messages) => messages.join() === "Stage 'test' is not built for target 'release'.", 'test reported as not built for the last stage');

    // With nothing chosen in the view, the view says that the setting picks the target.
    await withSetting('target', 'test', async () => {
      const fromSetting = await waitFor(panelReport, (report) => report?.choices?.targetFromSettings === 'test', 'the panel to name the setting\'s target', 30_000);
      assert.deepEqual(fromSetting?.choices, { target: null, buildArgs: {}, targetFromSettings: 'test', overriding: false });
    });
  });
});

// "Compare with HEAD" in the graph view (issue 12), in a real git repository the test makes inside the workspace:
// VS Code's own Git extension reads the committed Dockerfile, the graph view gets the difference laid onto its
// drawing, and every case with nothing to compare with says why and changes nothing. Needs a process (git), so it
// is not part of the web suite; extensionHost.test.ts checks the web worker's answer.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { DiffOverlayMessage } from '../../src/shared/protocol';
import { closeAllEditors, openUntitled, waitFor } from './dockerfileTestHelpers';
import { panelReport } from './graphPanelReport';
import { recordingMessages } from './recordingMessages';

const committed = 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20 AS tools\nRUN apk add curl\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nCOPY --from=tools /usr/bin/curl /usr/bin/curl\n';
const working = 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20 AS lint\nRUN echo lint\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nCOPY --from=build /out/app /app2\n';

interface GitApi {
  openRepository(root: vscode.Uri): Promise<unknown>;
  getRepository(uri: vscode.Uri): unknown;
}

const lastComparison = async (): Promise<DiffOverlayMessage | undefined> => vscode.commands.executeCommand<DiffOverlayMessage | undefined>('_stageflow.graphPanelLastComparison');
const compare = (on: boolean): Thenable<unknown> => vscode.commands.executeCommand('_stageflow.graphPanelReceive', { type: 'compareWithHead', compare: on });

/** Shows `document` in the graph view and waits until the webview drew its current version. */
async function drawGraphOf(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('stageflow.showGraph', document.uri);
  await waitFor(panelReport, (report) => report?.documentUri === document.uri.toString() && report.rendered?.version === document.version, 'the drawing', 30_000);
}

describe('Compare with HEAD (graph view, real git)', function () {
  this.timeout(90_000);
  let repository: vscode.Uri;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace folder is open');
    repository = vscode.Uri.joinPath(folder.uri, 'compare-head');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(repository, 'Dockerfile'), new TextEncoder().encode(committed));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Stageflow Test', '-c', 'user.email=test@stageflow.invalid', ...args], { cwd: repository.fsPath, stdio: 'pipe' });
    git('init', '-q');
    git('add', 'Dockerfile');
    git('commit', '-q', '-m', 'the Dockerfile at HEAD');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(repository, 'Dockerfile'), new TextEncoder().encode(working));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(repository, 'new.Dockerfile'), new TextEncoder().encode('FROM alpine:3.20\n'));
    // As a user opening the repository: VS Code's Git extension looks for repositories only when the window opens.
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    assert.ok(extension, "VS Code's Git extension is installed");
    const api = (await extension.activate()).getAPI(1);
    await api.openRepository(repository);
    await waitFor(() => api.getRepository(vscode.Uri.joinPath(repository, 'Dockerfile')), (found) => Boolean(found), 'the Git extension to open the repository', 30_000);
  });
  afterEach(closeAllEditors);

  it('lays the difference from HEAD onto the drawing, follows edits, and goes back on Stop', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(repository, 'Dockerfile'));
    await drawGraphOf(document);
    await compare(true);
    const shown = await waitFor(lastComparison, (message) => message?.overlay !== null && message?.version === document.version, 'the comparison', 30_000);
    const overlay = shown!.overlay!;
    assert.equal(overlay.summary, 'Compared with HEAD: stages: 1 added, 1 removed, 1 changed; edges: 2 added, 3 removed.');
    assert.deepEqual(
      overlay.nodes.map(({ id, marks, notes }) => `${id} ${marks.join(',')}: ${notes.join('; ')}`).sort(),
      ['stage:0 changed: changed: base golang:1.22 → golang:1.23', 'stage:1 added: added since HEAD'],
    );
    assert.deepEqual(overlay.removedStages.map((ghost) => ghost.label), ['tools', 'golang:1.22']);

    // An edit is compared again once drawn: the new stage is marked too.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(document.lineCount, 0), 'FROM build AS test\nRUN go test ./...\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const edited = await waitFor(lastComparison, (message) => message?.version === document.version && message.overlay !== null, 'the comparison of the edit', 30_000);
    assert.ok(edited!.overlay!.nodes.some((node) => node.marks.includes('added') && node.id === 'stage:3'), 'the test stage is marked added');

    await compare(false);
    assert.deepEqual(await lastComparison(), { type: 'diffOverlay', version: null, overlay: null, message: null });
  });

  it('says why and compares nothing for a file HEAD does not have, one in no repository, and an untitled one', async () => {
    const cases: Array<[vscode.TextDocument, RegExp]> = [
      [await vscode.workspace.openTextDocument(vscode.Uri.joinPath(repository, 'new.Dockerfile')), /^compare-head\/new\.Dockerfile has no version at HEAD/],
      [await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'Dockerfile')), /^Dockerfile is not in a git repository that VS Code has open\.$/],
      [await openUntitled('FROM alpine:3.20'), /needs a file on disk in a git repository/],
    ];
    for (const [document, expected] of cases) {
      await drawGraphOf(document);
      const { messages } = await recordingMessages(() => compare(true));
      assert.equal(messages.length, 1, `one message for ${document.uri.toString()}`);
      assert.match(messages[0].replace(/^information: /, ''), expected);
      const answer = await lastComparison();
      assert.deepEqual({ ...answer, message: null }, { type: 'diffOverlay', version: null, overlay: null, message: null });
      assert.match(answer!.message!, expected);
    }
  });
});

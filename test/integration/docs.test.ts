// Stage diagrams in Markdown from the editor (issue 12: "In the editor, a code action on a Markdown marker
// ('Update stage diagram') does the same" as `stageflow docs`). The fixture docs/README.md holds a new block of
// ../Dockerfile, a stale one with --target test and one naming a Dockerfile that does not exist; docs/broken.md
// holds markers Stageflow cannot use. Nothing is saved: closeAllEditors reverts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findDiagramBlocks } from '../../src/core/docs/findDiagramBlocks';
import { updateDiagramBlocks } from '../../src/core/docs/updateDiagramBlocks';
import { applyTextEdits } from '../../src/core/refactor/applyTextEdits';
import { closeAllEditors, openFixture, positionOf, showDocument, waitFor } from './dockerfileTestHelpers';
import { MemoryFileSystem } from './memoryFileSystem';
import { recordingMessages } from './recordingMessages';

interface StageDiagramsResult {
  updated: number;
  current: number;
  problems: string[];
  notes: string[];
}

const dockerfileText = (): Promise<string> => readText(workspaceUri('Dockerfile'));

function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Stageflow's code actions on the line of `needle`. */
async function diagramActionsAt(document: vscode.TextDocument, needle: string): Promise<vscode.CodeAction[]> {
  const position = positionOf(document, needle, 0, 5);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position));
  return actions.filter((action) => action.title.includes('stage diagram'));
}

/**
 * The stage-diagram actions on a marker, asked until they come: on a loaded machine a code-action request on a
 * Markdown file just opened (VS Code's own Markdown features start with it) has come back empty in full runs, never
 * alone, on the first request of a test; the provider itself answers synchronously from the text.
 */
function diagramActionsOnMarker(document: vscode.TextDocument, marker: string): Promise<vscode.CodeAction[]> {
  return waitFor(() => diagramActionsAt(document, marker), (found) => found.length > 0, `the actions on ${marker}`, 30_000);
}

/** Runs a code action's command as the lightbulb would, recording what Stageflow said. */
function runAction(action: vscode.CodeAction): Promise<{ result: StageDiagramsResult; messages: string[] }> {
  assert.ok(action.command, `${action.title} runs a command`);
  const { command, arguments: args = [] } = action.command;
  return recordingMessages(() => vscode.commands.executeCommand<StageDiagramsResult>(command, ...args));
}

/** The text between the markers of the `index`-th (0-based) block of the document. */
function blockContent(document: vscode.TextDocument, index: number): string {
  const block = findDiagramBlocks(document.getText()).blocks[index];
  assert.ok(block, `the document has a block ${index}`);
  return block.content;
}

/** What `stageflow docs` writes into `markdown` for the blocks on `lines` (1-based), given the Dockerfile's text. */
function asTheCliWrites(markdown: string, dockerfile: string, lines: number[]): string {
  const blocks = findDiagramBlocks(markdown).blocks.filter((block) => lines.includes(block.line));
  const edits = updateDiagramBlocks(blocks, () => dockerfile).flatMap((update) => (update.edit ? [update.edit] : []));
  return applyTextEdits(markdown, edits);
}

/** Stageflow's diagnostics on a Markdown file as "line:col code: message", once there are `count`. */
function markerDiagnostics(uri: vscode.Uri, count: number): Promise<string[]> {
  const read = () =>
    vscode.languages
      .getDiagnostics(uri)
      .filter((diagnostic) => diagnostic.source === 'stageflow')
      .map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${String(diagnostic.code)}: ${diagnostic.message}`);
  return waitFor(read, (found) => found.length === count, `${count} marker diagnostics on ${uri.path}`);
}

describe('Stage diagrams in Markdown', () => {
  afterEach(closeAllEditors);

  it('offers "Update stage diagram" on a marker, and writes what stageflow docs writes, as one undoable edit', async () => {
    const readme = await openFixture('docs/README.md');
    const original = readme.getText();
    const actions = await diagramActionsOnMarker(readme, '<!-- stageflow: ../Dockerfile -->');
    assert.deepEqual(actions.map((action) => action.title), ['Update stage diagram', 'Update all stage diagrams in this file']);
    assert.deepEqual(await diagramActionsAt(readme, 'Every stage'), [], 'nothing is offered away from a marker');

    const { result, messages } = await runAction(actions[0]);
    assert.deepEqual(result, { updated: 1, current: 0, problems: [], notes: [] });
    assert.deepEqual(messages, ['information: Stageflow: Updated 1 stage diagram in README.md.']);
    assert.equal(readme.getText(), asTheCliWrites(original, await dockerfileText(), [5]));
    const diagram = blockContent(readme, 0);
    assert.match(diagram, /^```mermaid\nflowchart LR\n[^]*\n```\n$/);
    assert.match(diagram, /s3\["runtime #3<br>FROM gcr\.io\/distroless\/static-debian12<br>target"\]/, 'the default target is the last stage');
    assert.match(blockContent(readme, 1), /old --> diagram/, 'the other blocks are left alone');

    await vscode.commands.executeCommand('undo');
    assert.equal(readme.getText(), original);
  });

  it('says a diagram is already current and changes nothing', async () => {
    const readme = await openFixture('docs/README.md');
    const [update] = await diagramActionsOnMarker(readme, '<!-- stageflow: ../Dockerfile --target test -->');
    await runAction(update);
    const drawn = readme.getText();
    assert.match(blockContent(readme, 1), /s2\["test #2<br>FROM build<br>target"\]/);
    const { result, messages } = await runAction(update);
    assert.deepEqual(result, { updated: 0, current: 1, problems: [], notes: [] });
    assert.deepEqual(messages, ['information: Stageflow: The stage diagram is already current.']);
    assert.equal(readme.getText(), drawn);
  });

  it('updates every block of the file with one command, naming the Dockerfile it cannot read', async () => {
    const readme = await openFixture('docs/README.md');
    const original = readme.getText();
    const { result, messages } = await recordingMessages(() => vscode.commands.executeCommand<StageDiagramsResult>('stageflow.updateStageDiagrams'));
    const problem = 'README.md:19: cannot read ../missing/Dockerfile (no such file: missing/Dockerfile)';
    assert.deepEqual(result, { updated: 2, current: 0, problems: [problem], notes: [] });
    assert.deepEqual(messages, [`warning: Stageflow: Updated 2 stage diagrams in README.md. ${problem}.`]);
    assert.equal(readme.getText(), asTheCliWrites(original, await dockerfileText(), [5, 10]));
    assert.equal(blockContent(readme, 2), '', 'the block of the missing Dockerfile is left alone');
    await vscode.commands.executeCommand('undo');
    assert.equal(readme.getText(), original, 'one undo takes both diagrams back');
  });

  it('draws a Dockerfile open in an editor as the editor has it, unsaved edits included', async () => {
    const dockerfile = await openFixture('Dockerfile');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(dockerfile.uri, new vscode.Position(dockerfile.lineCount, 0), 'FROM runtime AS debug\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const readme = await openFixture('docs/README.md');
    const [update] = await diagramActionsOnMarker(readme, '<!-- stageflow: ../Dockerfile -->');
    const { result } = await runAction(update);
    assert.equal(result.updated, 1);
    assert.match(blockContent(readme, 0), /s4\["debug #4<br>FROM runtime<br>target"\]/);
  });

  it('marks markers it cannot use and Dockerfiles it cannot read, and names them instead of updating', async () => {
    const broken = await openFixture('docs/broken.md');
    assert.deepEqual(await markerDiagnostics(broken.uri, 2), [
      "3:1 stageflow.diagramMarker: unknown option '--platform' in the stageflow marker (expected --target T or --build-arg K=V)",
      '6:1 stageflow.diagramMarker: this stageflow marker is never closed: add <!-- /stageflow --> on a line of its own after it',
    ]);
    const original = broken.getText();
    const { result, messages } = await recordingMessages(() => vscode.commands.executeCommand<StageDiagramsResult>('stageflow.updateStageDiagrams', broken.uri));
    assert.equal(result.updated, 0);
    assert.equal(result.problems.length, 2);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /^warning: Stageflow: broken\.md:3: unknown option '--platform' .* broken\.md:6: this stageflow marker is never closed/);
    assert.equal(broken.getText(), original);

    const readme = await openFixture('docs/README.md');
    assert.deepEqual(await markerDiagnostics(readme.uri, 1), ['19:1 stageflow.diagramDockerfile: cannot read ../missing/Dockerfile (no such file: missing/Dockerfile)']);
  });

  it('reads the Dockerfile through the workspace file system, on a scheme that is not file', async () => {
    const memory = new MemoryFileSystem('stageflow-docs-memory');
    const registration = memory.register();
    try {
      memory.seed('/repo/Dockerfile', 'FROM alpine AS base\nFROM base AS app\n');
      const guide = await vscode.workspace.openTextDocument(memory.seed('/repo/docs/guide.md', '# Guide\n\n<!-- stageflow: ../Dockerfile -->\n<!-- /stageflow -->\n'));
      assert.equal(guide.languageId, 'markdown');
      await showDocument(guide);
      const { result } = await recordingMessages(() => vscode.commands.executeCommand<StageDiagramsResult>('stageflow.updateStageDiagrams', guide.uri));
      assert.deepEqual(result, { updated: 1, current: 0, problems: [], notes: [] });
      assert.match(blockContent(guide, 0), /s1\["app #1<br>FROM base<br>target"\]/);
    } finally {
      await closeAllEditors();
      registration.dispose();
    }
  });

  it('asks for an untitled Markdown file to be saved before it looks for the Dockerfile', async () => {
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `stageflow-docs-${Date.now()}.md` });
    const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'markdown');
    const fill = new vscode.WorkspaceEdit();
    fill.insert(uri, new vscode.Position(0, 0), '<!-- stageflow: Dockerfile -->\n<!-- /stageflow -->\n');
    assert.ok(await vscode.workspace.applyEdit(fill));
    await showDocument(document);
    const { result, messages } = await recordingMessages(() => vscode.commands.executeCommand<StageDiagramsResult>('stageflow.updateStageDiagrams'));
    const problem = `${uri.path}:1: the Markdown file is not saved, so Stageflow cannot tell where Dockerfile is: save it first`;
    assert.deepEqual(result, { updated: 0, current: 0, problems: [problem], notes: [] });
    assert.deepEqual(messages, [`warning: Stageflow: ${problem}.`]);
  });
});

// Shared steps of the editor-feature tests: open a Dockerfile (a fixture or an untitled one), find positions by
// text, wait for what VS Code publishes asynchronously, change settings for one test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getStageflowExtension, openWorkspaceFile, waitUntilActive } from './stageflowExtension';

/** Shows a document in an editor and waits until VS Code has activated Stageflow for it (never activates it itself). */
export async function showDocument(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(document);
  await waitUntilActive(getStageflowExtension(), 20_000);
  return editor;
}

/** Opens a file of the test workspace (a copy of test/fixtures/workspace) and waits for Stageflow. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await openWorkspaceFile(relativePath);
  await waitUntilActive(getStageflowExtension(), 20_000);
  return document;
}

let untitledCount = 0;

/**
 * Opens a new untitled Dockerfile holding `lines` (joined with \n, ending in one). Each gets a name of its own:
 * a reused `Untitled-1` can hand back the previous test's closed document before the extension host forgets it.
 */
export async function openUntitled(...lines: string[]): Promise<vscode.TextDocument> {
  const content = lines.join('\n') + '\n';
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `stageflow-test-${++untitledCount}-${Date.now()}` });
  let document = await vscode.workspace.openTextDocument(uri);
  document = await vscode.languages.setTextDocumentLanguage(document, 'dockerfile');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the untitled Dockerfile gets its text');
  assert.equal(document.getText(), content);
  await showDocument(document);
  return document;
}

/**
 * The position of the `occurrence`-th (0-based) match of `needle` in the document, moved `offset` characters
 * into it, so a test says "on `build` in `--from=build`" instead of counting columns.
 */
export function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0, offset = 0): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" occurs ${occurrence + 1} times in ${document.uri.toString()}`);
  }
  return document.positionAt(index + offset);
}

/** The text a range covers. */
export function textAt(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range);
}

/** Polls until `read` returns a value `accept` likes (VS Code publishes diagnostics and lenses asynchronously). */
export async function waitFor<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 10_000, pollMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      assert.fail(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Sets a `stageflow.*` setting for the duration of `body`, then restores it. */
export async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('stageflow');
  const previous = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await vscode.workspace.getConfiguration('stageflow').update(key, previous, vscode.ConfigurationTarget.Global);
  }
}

/**
 * Closes every editor without saving, so one test's edits and untitled documents neither leak into the next test
 * nor open a "save changes?" dialog that nobody answers.
 */
export async function closeAllEditors(): Promise<void> {
  for (let guard = 0; vscode.window.activeTextEditor && guard < 50; guard++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // A document edited through the API but never shown (or whose editor the loop above missed) stays dirty.
  for (const document of vscode.workspace.textDocuments.filter((open) => open.isDirty && !open.isUntitled)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

// Stageflow activates only where it is needed: on a Dockerfile, never at start-up or for other files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'stageflow.stageflow';

/** Resolves once `isActive` is true; the extension is never activated by the test itself. */
async function waitUntilActive(extension: vscode.Extension<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!extension.isActive) {
    if (Date.now() > deadline) throw new Error(`${extension.id} did not activate within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

describe('Activation', () => {
  it('is installed under its marketplace id and inactive at start-up', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    assert.equal(extension.isActive, false);
  });

  it('stays inactive when a file that is not a Dockerfile opens', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('notes.txt'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'plaintext');
    // Give a wrongly-declared activation event time to fire before concluding it did not.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(vscode.extensions.getExtension(extensionId)?.isActive, false);
  });

  it('activates when a Dockerfile opens', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    const opened = Date.now();
    const document = await vscode.workspace.openTextDocument(workspaceFile('Dockerfile'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'dockerfile');
    await waitUntilActive(extension, 20_000);
    console.log(`      Stageflow was active ${Date.now() - opened} ms after its Dockerfile opened`);
  });
});

// Shared by the activation and packaging tests: finding Stageflow and waiting for VS Code to activate it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** `publisher.name` from package.json, the id users and the marketplace know Stageflow by. */
export const stageflowExtensionId = 'stageflow.stageflow';

/** The installed Stageflow extension; fails the test when VS Code does not know it. */
export function getStageflowExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(stageflowExtensionId);
  assert.ok(extension, `${stageflowExtensionId} is installed`);
  return extension;
}

/** Resolves once VS Code reports Stageflow active; never activates it itself, so activation events are tested. */
export async function waitUntilActive(extension: vscode.Extension<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!extension.isActive) {
    if (Date.now() > deadline) throw new Error(`${extension.id} did not activate within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens a file of the test workspace (a copy of test/fixtures/workspace) in an editor. */
export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

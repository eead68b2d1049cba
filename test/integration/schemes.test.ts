// Stageflow reads only the document's text, so it works on any scheme: untitled, and virtual file systems
// (issue 3: "Untitled documents and non-file schemes work").
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitled, showDocument } from './dockerfileTestHelpers';

const virtualScheme = 'stageflow-virtual';

async function stageNames(document: vscode.TextDocument): Promise<string[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
  return symbols.map((symbol) => symbol.name);
}

describe('Stageflow on other schemes', () => {
  let provider: vscode.Disposable;

  before(() => {
    provider = vscode.workspace.registerTextDocumentContentProvider(virtualScheme, {
      provideTextDocumentContent: () => 'FROM alpine AS base\nFROM base AS app\n',
    });
  });
  after(async () => {
    await closeAllEditors();
    provider.dispose();
  });

  it('resolves a Dockerfile from a virtual file system', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: virtualScheme, path: '/repo/Dockerfile' }));
    assert.equal(document.languageId, 'dockerfile');
    await showDocument(document);
    assert.deepEqual(await stageNames(document), ['base', 'app']);
    const definitions = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', document.uri, new vscode.Position(1, 6));
    assert.deepEqual(definitions.map((link) => [link.targetUri.toString(), link.targetSelectionRange?.start.line]), [[document.uri.toString(), 0]]);
  });

  it('resolves an untitled Dockerfile', async () => {
    const document = await openUntitled('FROM alpine AS one', 'FROM one AS two');
    assert.equal(document.uri.scheme, 'untitled');
    assert.deepEqual(await stageNames(document), ['one', 'two']);
  });
});

// One cached graph per document version: an edit reaches every feature (issue 3: "an edit updates all of them").
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitled, positionOf, waitFor } from './dockerfileTestHelpers';

describe('Editing a Dockerfile', () => {
  afterEach(closeAllEditors);

  it('updates definitions, references, symbols, lenses and diagnostics', async () => {
    const document = await openUntitled('FROM alpine AS builder', 'RUN true');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === document);

    await editor.edit((builder) => builder.insert(new vscode.Position(2, 0), 'FROM builder AS app\nCOPY --from=Builder /x /x\nCOPY --from=buidler /y /y\n'));

    const definitions = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, '--from=Builder', 0, 8));
    assert.deepEqual(definitions.map((link) => link.targetSelectionRange?.start.line), [0]);

    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'AS builder', 0, 4));
    assert.deepEqual(references.map((location) => location.range.start.line).sort(), [0, 2, 3]);

    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['builder', 'app']);

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const users = lenses.find((lens) => lens.range.start.line === 0 && lens.command?.command === 'editor.action.showReferences');
    assert.deepEqual([users?.command?.title, users?.command?.tooltip], ['1 user', 'Used by app (FROM, COPY): show the references']);

    const diagnostics = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri),
      (current) => current.some((diagnostic) => diagnostic.range.start.line === 4),
      'a diagnostic for the misspelt --from=buidler',
    );
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'stageflow'));

    await editor.edit((builder) => builder.delete(new vscode.Range(4, 0, 5, 0)));
    await waitFor(
      () => vscode.languages.getDiagnostics(document.uri),
      (current) => !current.some((diagnostic) => diagnostic.range.start.line === 4),
      'the diagnostic to go away with the line',
    );
  });
});

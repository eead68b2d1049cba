import * as vscode from 'vscode';
import type { DocumentGraphCache } from '../documentGraphCache';
import { StageDiagramCodeActionProvider, UPDATE_STAGE_DIAGRAM_COMMAND, UPDATE_STAGE_DIAGRAMS_COMMAND } from './stageDiagramCodeActionProvider';
import { StageDiagramDiagnostics } from './stageDiagramDiagnostics';
import { updateStageDiagrams, type StageDiagramsResult } from './updateStageDiagrams';

/** Markdown files of every scheme: the Dockerfiles are read through `vscode.workspace.fs`. */
const markdownFiles: vscode.DocumentSelector = { language: 'markdown' };

/**
 * Stage diagrams in Markdown (`<!-- stageflow: Dockerfile -->` blocks, as `stageflow docs` keeps them): the
 * "Update stage diagram" code action on a marker, `stageflow.updateStageDiagrams` for every block of the active
 * Markdown file, and diagnostics on markers that cannot be used.
 */
export function registerStageDiagrams(context: vscode.ExtensionContext, cache: DocumentGraphCache): void {
  const diagnostics = new StageDiagramDiagnostics(cache);
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider(markdownFiles, new StageDiagramCodeActionProvider(), StageDiagramCodeActionProvider.metadata),
    vscode.commands.registerCommand(UPDATE_STAGE_DIAGRAM_COMMAND, async (uri: unknown, line: unknown) => {
      const document = await markdownDocument(uri);
      if (!document) return noMarkdown();
      return updateStageDiagrams(document, typeof line === 'number' && Number.isInteger(line) ? line : activeLine(document));
    }),
    vscode.commands.registerCommand(UPDATE_STAGE_DIAGRAMS_COMMAND, async (uri: unknown) => {
      const document = await markdownDocument(uri);
      return document ? updateStageDiagrams(document) : noMarkdown();
    }),
  );
  diagnostics.refreshAll();
}

/** The document a command acts on: the one at `uri`, else the active editor's. */
async function markdownDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}

/** The 1-based line of the cursor when `document` is the active editor's. */
function activeLine(document: vscode.TextDocument): number | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document === document ? editor.selection.active.line + 1 : undefined;
}

function noMarkdown(): StageDiagramsResult {
  const problem = 'Open a Markdown file with a <!-- stageflow: path/to/Dockerfile --> marker first';
  void vscode.window.showWarningMessage(`Stageflow: ${problem}.`);
  return { updated: 0, current: 0, problems: [problem], notes: [] };
}

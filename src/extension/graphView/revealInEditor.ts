import * as vscode from 'vscode';
import type { StageGraph } from '../../core/model';
import { toPosition, toRange } from '../typeConverters';
import { revealRefusal, type RevealRequest } from './revealRefusal';

/** The document the view drew and its graph, which a reveal request is checked against. */
export interface DrawnDocument {
  document: vscode.TextDocument;
  graph: StageGraph;
}

/**
 * Shows what the user picked in the view: a stage's FROM, or the instruction line of an edge, in the editor that
 * shows the document (else the first column), cursor at its start. A stage or line the document does not have is
 * refused and the reason returned (the webview is untrusted and can lag behind edits); null when shown.
 */
export async function revealInEditor(request: RevealRequest, drawn: DrawnDocument): Promise<string | null> {
  const { document, graph } = drawn;
  const refusal = revealRefusal(request, { stageCount: graph.stages.length, lineCount: document.lineCount });
  if (refusal !== null) return refusal;
  let range: vscode.Range;
  if ('stage' in request) {
    range = toRange(graph.stages[request.stage].ranges.from);
  } else {
    const text = document.lineAt(request.line - 1);
    range = new vscode.Range(request.line - 1, text.firstNonWhitespaceCharacterIndex, request.line - 1, text.range.end.character);
  }
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Selection(range.start, range.start) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return null;
}

/** Puts the cursor of the editor showing `document` on the FROM of stage `index`, when both exist. */
export function moveCursorToStage(graph: StageGraph, document: vscode.TextDocument, index: number): void {
  const from = graph.stages[index]?.ranges.from.start;
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
  if (!from || !editor) return;
  const position = toPosition(from);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
}

import * as vscode from 'vscode';
import { findDiagramBlocks } from '../../core/docs/findDiagramBlocks';

/** The commands the code actions run (registered by `registerStageDiagrams`). */
export const UPDATE_STAGE_DIAGRAM_COMMAND = 'stageflow.updateStageDiagram';
export const UPDATE_STAGE_DIAGRAMS_COMMAND = 'stageflow.updateStageDiagrams';

/**
 * "Update stage diagram" on the opening marker of a `<!-- stageflow: Dockerfile -->` block in Markdown, and
 * "Update all stage diagrams in this file" beside it when the file has more than one. Offering them costs one scan
 * of the Markdown text; the Dockerfile is read only when the person picks the action (the command then says what
 * it did, or why it could not: a missing Dockerfile, a malformed marker).
 */
export class StageDiagramCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kind = vscode.CodeActionKind.RefactorRewrite.append('stageflow.diagram');
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [StageDiagramCodeActionProvider.kind] };

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(StageDiagramCodeActionProvider.kind)) return [];
    const text = document.getText();
    if (!text.includes('stageflow')) return [];
    const { blocks } = findDiagramBlocks(text);
    const block = blocks.find((candidate) => candidate.markerRange.start.line >= range.start.line && candidate.markerRange.start.line <= range.end.line);
    if (!block) return [];
    const actions = [this.action('Update stage diagram', { command: UPDATE_STAGE_DIAGRAM_COMMAND, title: 'Update stage diagram', arguments: [document.uri, block.line] })];
    if (blocks.length > 1) {
      actions.push(this.action('Update all stage diagrams in this file', { command: UPDATE_STAGE_DIAGRAMS_COMMAND, title: 'Update all stage diagrams', arguments: [document.uri] }));
    }
    return actions;
  }

  private action(title: string, command: vscode.Command): vscode.CodeAction {
    const action = new vscode.CodeAction(title, StageDiagramCodeActionProvider.kind);
    action.command = command;
    return action;
  }
}

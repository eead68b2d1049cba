import * as vscode from 'vscode';
import type { StageQuickFix } from '../../core/editor/stageQuickFixes';
import { diagnosticCodeValue, diagnosticSource, toRange, toWorkspaceEdit } from '../typeConverters';

/**
 * A core quick fix of the document at `uri` as a preferred `QuickFix` code action, tied to the Stageflow diagnostic
 * it fixes among those the editor passed in `context`.
 */
export function quickFixAction(uri: vscode.Uri, fix: StageQuickFix, context: vscode.CodeActionContext): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(uri, fix.edits);
  const fixedRange = toRange(fix.diagnostic.range);
  action.diagnostics = context.diagnostics.filter(
    (shown) => shown.source === diagnosticSource && diagnosticCodeValue(shown.code) === fix.diagnostic.code && shown.range.isEqual(fixedRange),
  );
  action.isPreferred = true;
  return action;
}

import * as vscode from 'vscode';
import { stageQuickFixes } from '../../core/editor/stageQuickFixes';
import type { DocumentGraphCache } from '../documentGraphCache';
import { diagnosticCodeValue, diagnosticSource, fromRange, toRange, toWorkspaceEdit } from '../typeConverters';

/** Quick fixes for the graph's diagnostics where the fix is certain; `stageQuickFixes` decides which. */
export class StageQuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly cache: DocumentGraphCache) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      return [];
    }
    return stageQuickFixes(this.cache.get(document), fromRange(range)).map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document.uri, fix.edits);
      const fixedRange = toRange(fix.diagnostic.range);
      action.diagnostics = context.diagnostics.filter(
        (shown) => shown.source === diagnosticSource && diagnosticCodeValue(shown.code) === fix.diagnostic.code && shown.range.isEqual(fixedRange),
      );
      action.isPreferred = true;
      return action;
    });
  }
}

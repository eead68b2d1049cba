import * as vscode from 'vscode';
import { rangesTouch } from './core/editor/rangeOrder';
import type { DocumentGraphCache } from './documentGraphCache';
import { diagnosticCodeValue, diagnosticSource, fromRange, toRange, toWorkspaceEdit } from './typeConverters';

/** Quick fixes for the graph's diagnostics that carry a certain fix (lowercase a stage name, correct a typo). */
export class StageQuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly cache: DocumentGraphCache) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      return [];
    }
    const requested = fromRange(range);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of this.cache.get(document).diagnostics) {
      if (!diagnostic.fix || !rangesTouch(diagnostic.range, requested)) {
        continue;
      }
      const action = new vscode.CodeAction(diagnostic.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document.uri, [{ range: diagnostic.range, newText: diagnostic.fix.replacement }]);
      action.diagnostics = context.diagnostics.filter(
        (shown) =>
          shown.source === diagnosticSource &&
          diagnosticCodeValue(shown.code) === diagnostic.code &&
          shown.range.isEqual(toRange(diagnostic.range)),
      );
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

import * as vscode from 'vscode';
import { stageQuickFixes } from '../../core/editor/stageQuickFixes';
import type { DocumentGraphCache } from '../documentGraphCache';
import { fromRange } from '../typeConverters';
import { quickFixAction } from './quickFixAction';

/** Quick fixes for the graph's diagnostics where the fix is certain; `stageQuickFixes` decides which. */
export class StageQuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly cache: DocumentGraphCache) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      return [];
    }
    return stageQuickFixes(this.cache.get(document), fromRange(range)).map((fix) => quickFixAction(document.uri, fix, context));
  }
}

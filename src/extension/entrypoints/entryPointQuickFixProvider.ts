import * as vscode from 'vscode';
import { entryPointQuickFixes } from '../../core/editor/entryPointQuickFixes';
import { quickFixAction } from '../language/quickFixAction';
import { fromRange } from '../typeConverters';
import type { EntryPointDiagnostics } from './entryPointDiagnostics';
import type { EntryPointIndex } from './entryPointIndex';

/** The certain fixes of Compose and Bake diagnostics (a misspelt target becomes the stage it was meant to be). */
export class EntryPointQuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly index: EntryPointIndex,
    private readonly diagnostics: EntryPointDiagnostics,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    if (!this.index.isEntryPointFile(document.uri)) return [];
    return entryPointQuickFixes(this.diagnostics.current(), document.uri.path, fromRange(range)).map((fix) => quickFixAction(document.uri, fix, context));
  }
}

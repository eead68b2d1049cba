import * as vscode from 'vscode';
import { isEnabled, refactorActionsAt, type RefactorAction } from '../../core/refactor/refactorActionsAt';
import type { DocumentGraphCache } from '../documentGraphCache';
import { fromRange } from '../typeConverters';
import { refactorCommandFor } from './refactorCommandFor';

const KINDS: Record<RefactorAction['kind'], vscode.CodeActionKind> = {
  extract: vscode.CodeActionKind.RefactorExtract,
  rewrite: vscode.CodeActionKind.RefactorRewrite,
};

/**
 * Stageflow's refactorings as code actions, as `refactorActionsAt` offers them at the cursor or selection:
 * `refactor.extract` "Extract stage from here…" and "Extract shared base stage…", `refactor.rewrite` "Name stage
 * N…" (or "Use the name x") and "Name all stages referenced by index". One that does not apply is listed
 * disabled, with the core's reason, when refactorings were asked for explicitly (the Refactor menu, a
 * keybinding with `only`), as VS Code recommends; otherwise it is left out.
 */
export class RefactorCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.RefactorExtract, vscode.CodeActionKind.RefactorRewrite],
  };

  constructor(private readonly cache: DocumentGraphCache) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const graph = this.cache.get(document);
    const actions: vscode.CodeAction[] = [];
    for (const action of Object.values(refactorActionsAt(graph, document.getText(), fromRange(range)))) {
      const kind = KINDS[action.kind];
      if (!wants(kind)) continue;
      const offered = new vscode.CodeAction(action.title, kind);
      if (isEnabled(action)) offered.command = refactorCommandFor(document.uri, graph, action);
      else if (context.only) offered.disabled = action.disabled;
      else continue;
      actions.push(offered);
    }
    return actions;
  }
}

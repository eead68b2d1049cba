import * as vscode from 'vscode';
import { refactorLenses } from '../../core/refactor/refactorLenses';
import { Disposable } from '../disposable';
import type { DocumentGraphCache } from '../documentGraphCache';
import { CodeLensChanges } from '../language/codeLensChanges';
import { toRange } from '../typeConverters';
import { refactorCommandFor } from './refactorCommandFor';

/**
 * CodeLens for the extract refactorings, as `refactorLenses` offers them: "Extract stage…" above a stage's FROM
 * (the command then asks before which instruction to split) and "Extract shared base…" above the first of
 * stages that start alike. "Name stage N…" lenses are the editor features' own.
 */
export class RefactorCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(
    private readonly cache: DocumentGraphCache,
    log: vscode.LogOutputChannel,
  ) {
    super();
    this.onDidChangeCodeLenses = this.register(new CodeLensChanges(cache, log)).event;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.cache.settingsFor(document).codeLensEnabled) return [];
    const graph = this.cache.get(document);
    return refactorLenses(graph, document.getText()).map((lens) => {
      const command = refactorCommandFor(document.uri, graph, lens.action, lens.title);
      command.tooltip = lens.tooltip;
      return new vscode.CodeLens(toRange(lens.range), command);
    });
  }
}

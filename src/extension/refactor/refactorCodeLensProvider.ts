import * as vscode from 'vscode';
import { refactorLenses } from '../../core/refactor/refactorLenses';
import type { DocumentGraphCache } from '../documentGraphCache';
import { readStageflowSettings } from '../settings';
import { toRange } from '../typeConverters';
import { refactorCommandFor } from './refactorCommandFor';

/**
 * CodeLens for the extract refactorings, as `refactorLenses` offers them: "Extract stage…" above a stage's FROM
 * (the command then asks before which instruction to split) and "Extract shared base…" above the first of
 * stages that start alike. "Name stage N…" lenses are the editor features' own.
 */
export class RefactorCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];

  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor(
    private readonly cache: DocumentGraphCache,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      this.changeEmitter,
      cache.onDidChangeGraph(() => this.changeEmitter.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stageflow.codeLens.enabled')) this.changeEmitter.fire();
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const scope = document.isUntitled ? undefined : document.uri;
    if (!readStageflowSettings(scope, (message) => this.log.warn(message)).codeLensEnabled) return [];
    const graph = this.cache.get(document);
    return refactorLenses(graph, document.getText()).map((lens) => {
      const command = refactorCommandFor(document.uri, graph, lens.action, lens.title);
      command.tooltip = lens.tooltip;
      return new vscode.CodeLens(toRange(lens.range), command);
    });
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

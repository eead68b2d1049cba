import * as vscode from 'vscode';
import { findSharedBaseCandidates } from '../../core/refactor/findSharedBaseCandidates';
import type { DocumentGraphCache } from '../documentGraphCache';
import { readStageflowSettings } from '../settings';
import { toRange } from '../typeConverters';

/**
 * CodeLens for the extract refactorings: "Extract stage…" above every FROM of a stage with instructions (the
 * command then asks before which instruction to split), and "Extract shared base…" above the first of a group of
 * stages that share their base and leading instructions. "Name stage N…" lenses are the editor features' own.
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
    const lenses: vscode.CodeLens[] = [];
    for (const stage of graph.stages) {
      if (stage.instructions.length === 0) continue;
      lenses.push(
        new vscode.CodeLens(toRange(stage.ranges.from), {
          title: 'Extract stage…',
          tooltip: `Move the first instructions of ${stage.label} into a new stage it builds on`,
          command: 'stageflow.extractStage',
          arguments: [document.uri, stage.ranges.from.start.line],
        }),
      );
    }
    for (const candidate of findSharedBaseCandidates(graph, document.getText())) {
      const labels = candidate.stageIndexes.map((index) => graph.stages[index].label);
      lenses.push(
        new vscode.CodeLens(toRange(graph.stages[candidate.stageIndexes[0]].ranges.from), {
          title: 'Extract shared base…',
          tooltip: `${labels.join(', ')} share their base and ${candidate.prefixLength} leading instruction(s)`,
          command: 'stageflow.extractBase',
          arguments: [document.uri, candidate.stageIndexes],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

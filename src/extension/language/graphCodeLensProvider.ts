import * as vscode from 'vscode';
import type { Range, StageGraph } from '../../core/model';
import { Disposable } from '../disposable';
import type { DocumentGraphCache } from '../documentGraphCache';
import { toRange } from '../typeConverters';

/** One lens as a subclass gives it: where, and the command (with its title and tooltip). */
export interface GraphLens {
  range: Range;
  command: vscode.Command;
}

/**
 * A CodeLens provider over a Dockerfile's stage graph: its lenses refresh when the graph changes (after an edit or
 * new resolve options) and when `stageflow.codeLens.enabled` is switched, and there are none while it is off.
 * Subclasses only turn the graph into lenses.
 */
export abstract class GraphCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changes = this.register(new vscode.EventEmitter<void>());

  readonly onDidChangeCodeLenses = this.changes.event;

  /** `log`, when given, notes a change of the setting (one provider is enough to say it). */
  constructor(
    protected readonly cache: DocumentGraphCache,
    log?: vscode.LogOutputChannel,
  ) {
    super();
    this.register(cache.onDidChangeGraph(() => this.changes.fire()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('stageflow.codeLens.enabled')) return;
        log?.info('CodeLens setting changed: refreshing lenses.');
        this.changes.fire();
      }),
    );
  }

  /** Refreshes the lenses also when `event` fires (what else they show changed). */
  protected refreshOn(event: vscode.Event<unknown>): void {
    this.register(event(() => this.changes.fire()));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.cache.settingsFor(document).codeLensEnabled) return [];
    return this.lenses(document, this.cache.get(document)).map((lens) => new vscode.CodeLens(toRange(lens.range), lens.command));
  }

  /** The lenses of `document`, whose graph is `graph`. */
  protected abstract lenses(document: vscode.TextDocument, graph: StageGraph): GraphLens[];
}

import * as vscode from 'vscode';
import type { DocumentGraphCache } from '../documentGraphCache';

/**
 * The `onDidChangeCodeLenses` event every Stageflow lens provider needs: it fires when a Dockerfile's graph changes
 * (after an edit or new resolve options) and when `stageflow.codeLens.enabled` is switched.
 */
export class CodeLensChanges implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];

  readonly event = this.emitter.event;

  constructor(cache: DocumentGraphCache, log: vscode.LogOutputChannel) {
    this.subscriptions = [
      this.emitter,
      cache.onDidChangeGraph(() => this.emitter.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stageflow.codeLens.enabled')) {
          log.info('CodeLens setting changed: refreshing lenses.');
          this.emitter.fire();
        }
      }),
    ];
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

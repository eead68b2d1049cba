import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { DocumentGraphCache } from '../documentGraphCache';

/**
 * The `onDidChangeCodeLenses` event every Stageflow lens provider needs: it fires when a Dockerfile's graph changes
 * (after an edit or new resolve options) and when `stageflow.codeLens.enabled` is switched.
 */
export class CodeLensChanges extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<void>());

  readonly event = this.emitter.event;

  constructor(cache: DocumentGraphCache, log: vscode.LogOutputChannel) {
    super();
    this.register(cache.onDidChangeGraph(() => this.emitter.fire()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stageflow.codeLens.enabled')) {
          log.info('CodeLens setting changed: refreshing lenses.');
          this.emitter.fire();
        }
      }),
    );
  }
}

import * as vscode from 'vscode';
import type { StageGraph } from '../../core/model';
import { Disposable } from '../disposable';
import { isDockerfile, type DocumentGraphCache } from '../documentGraphCache';
import { toDiagnostic } from '../typeConverters';

/**
 * Publishes the graph's diagnostics (BuildKit errors and build checks, Stageflow's hints) for open Dockerfiles,
 * after typing pauses; `stageflow.diagnostics.enabled: false` clears them.
 */
export class StageDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('stageflow'));

  constructor(
    private readonly cache: DocumentGraphCache,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(cache.onDidChangeGraph(({ document, graph }) => this.publish(document, graph)));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stageflow.diagnostics.enabled')) {
          this.log.info('Diagnostics setting changed: republishing.');
          this.refreshAll();
        }
      }),
    );
  }

  /** Publishes for every open Dockerfile (the one that activated the extension was opened before we listened). */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      this.refresh(document);
    }
  }

  private refresh(document: vscode.TextDocument): void {
    if (isDockerfile(document)) {
      this.publish(document, this.cache.get(document));
    } else {
      // A document whose language changed away from dockerfile keeps no stale problems.
      this.collection.delete(document.uri);
    }
  }

  private publish(document: vscode.TextDocument, graph: StageGraph): void {
    if (!this.cache.settingsFor(document).diagnosticsEnabled) {
      this.collection.delete(document.uri);
      return;
    }
    this.collection.set(document.uri, graph.diagnostics.map(toDiagnostic));
  }
}

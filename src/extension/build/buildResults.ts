import * as vscode from 'vscode';
import type { BuildTimeline } from '../../core/buildlog/model';
import type { BuildReport } from '../../core/buildrun/buildReport';
import type { StageGraph } from '../../core/model';
import { Disposable } from '../disposable';

/** A build laid onto one version of a Dockerfile: a build run from the editor (live or ended) or a saved log. */
export interface BuildResult {
  uri: vscode.Uri;
  /** The document version the build is laid onto; the result is dropped when the document changes. */
  version: number;
  /** The Dockerfile resolved with the build's target and build args. */
  graph: StageGraph;
  /** The build so far, or null when its progress does not fit the Dockerfile (`mismatch` says why). */
  timeline: BuildTimeline | null;
  mismatch: string | null;
  /** Where it comes from: the command line of a build, or the name of a saved log. */
  source: { kind: 'build'; command: string } | { kind: 'log'; name: string };
  /** The process still runs. */
  running: boolean;
  /** How an ended build went; null while it runs and for a saved log. */
  report: BuildReport | null;
}

/**
 * The latest build of each open Dockerfile, shared by what shows it (editor annotations, the failure diagnostic,
 * CodeLens, the graph view). A result belongs to one version of the document: an edit drops it, since its lines
 * and durations describe text that is no longer there; a closed document drops it too.
 */
export class BuildResults extends Disposable {
  private readonly results = new Map<string, BuildResult>();
  private readonly changeEmitter = this.register(new vscode.EventEmitter<vscode.Uri>());

  /** Fires with the document whose result was set or dropped. */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.clear(event.document.uri);
      }),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)));
  }

  /** The result for a document, if it still describes the document's current version. */
  get(uri: vscode.Uri): BuildResult | undefined {
    return this.results.get(uri.toString());
  }

  /** Sets a document's result, unless the document has changed since the version it describes (returns false). */
  set(result: BuildResult): boolean {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === result.uri.toString());
    if (document && document.version !== result.version) return false;
    this.results.set(result.uri.toString(), result);
    this.changeEmitter.fire(result.uri);
    return true;
  }

  /** Drops a document's result (an edit, the next build). */
  clear(uri: vscode.Uri): void {
    if (this.results.delete(uri.toString())) this.changeEmitter.fire(uri);
  }

  override dispose(): void {
    this.results.clear();
    super.dispose();
  }
}

import * as vscode from 'vscode';
import { failureRange } from '../../core/buildrun/failureRange';
import { toRange } from '../typeConverters';
import { Disposable } from '../disposable';
import type { BuildResults } from './buildResults';

/** The source shown beside a build failure, apart from Stageflow's static diagnostics. */
export const BUILD_DIAGNOSTIC_SOURCE = 'Stageflow build';

/**
 * The failing instruction of the last build as an error diagnostic with BuildKit's message. It goes when the
 * results do: on the next build of the document and on any edit of it.
 */
export class BuildDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('stageflow-build'));

  constructor(private readonly results: BuildResults) {
    super();
    this.register(results.onDidChange((uri) => this.publish(uri)));
  }

  /** Where the last build of a document failed, if it failed at an instruction. */
  failure(uri: vscode.Uri): vscode.Diagnostic | undefined {
    return this.collection.get(uri)?.[0];
  }

  private publish(uri: vscode.Uri): void {
    const result = this.results.get(uri);
    const failure = result?.timeline?.failure;
    const range = failure ? failureRange(failure, result.graph) : null;
    if (!failure || !range) {
      this.collection.delete(uri);
      return;
    }
    const stage = failure.stage === null ? '' : ` (stage ${result.graph.stages[failure.stage].label})`;
    const diagnostic = new vscode.Diagnostic(toRange(range), `Build failed${stage}: ${failure.message}`, vscode.DiagnosticSeverity.Error);
    diagnostic.source = BUILD_DIAGNOSTIC_SOURCE;
    this.collection.set(uri, [diagnostic]);
  }
}

import * as vscode from 'vscode';
import { toTimelineJson } from '../../core/buildlog/timelineJson';
import type { DocumentGraphCache } from '../documentGraphCache';
import { BuildDecorations } from './buildDecorations';
import { BuildDiagnostics } from './buildDiagnostics';
import type { BuildResults } from './buildResults';
import type { BuildRunner } from './buildRunner';
import { dockerfileFor } from './dockerfileFor';
import { openBuildLog } from './openBuildLog';

/** What the build features share with the rest of the extension (the graph view shows the results). */
export interface BuildFeatures {
  results: BuildResults;
  /** Runs builds; undefined where no process can run (VS Code for the Web). */
  runner: BuildRunner | undefined;
}

/**
 * Registers what shows builds, in every extension host: the per-line times and states, the failure diagnostic,
 * `stageflow.openBuildLog` (a saved log, read through `vscode.workspace.fs`) and `stageflow.revealBuildFailure`.
 * `runner` is what builds from the editor, if anything does here; its builds are shown through `results` too.
 */
export function registerBuildResults(context: vscode.ExtensionContext, cache: DocumentGraphCache, log: vscode.LogOutputChannel, build: BuildFeatures): void {
  const { results, runner } = build;
  const decorations = new BuildDecorations(results);
  const diagnostics = new BuildDiagnostics(results);
  context.subscriptions.push(
    decorations,
    diagnostics,
    vscode.commands.registerCommand('stageflow.openBuildLog', (uri?: unknown) =>
      openBuildLog(uri instanceof vscode.Uri ? uri : undefined, cache, results, log),
    ),
    vscode.commands.registerCommand('stageflow.revealBuildFailure', async (uri?: unknown) => {
      const document = await dockerfileFor(uri);
      const failure = document && diagnostics.failure(document.uri);
      if (!document || !failure) {
        void vscode.window.showInformationMessage('The last build of this Dockerfile did not fail at an instruction (or the file changed since).');
        return;
      }
      const editor = await vscode.window.showTextDocument(document, { selection: failure.range });
      editor.revealRange(failure.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    // For the integration tests: what the last build published and what the editor shows for a document.
    vscode.commands.registerCommand('_stageflow.buildState', (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      const result = target && results.get(target);
      return {
        building: runner?.building?.toString() ?? null,
        lastBuild: runner?.lastRecord ?? null,
        result: result ? { running: result.running, source: result.source, mismatch: result.mismatch, timeline: result.timeline && toTimelineJson(result.timeline), outcome: result.timeline?.outcome ?? null, report: result.report } : null,
        annotations: target ? decorations.annotations(target) : [],
      };
    }),
  );
}

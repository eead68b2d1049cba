import * as vscode from 'vscode';
import { toTimelineJson } from '../../core/buildlog/timelineJson';
import { isDockerfile, type DocumentGraphCache } from '../documentGraphCache';
import { BuildCodeLensProvider } from './buildCodeLensProvider';
import { BuildDecorations } from './buildDecorations';
import { BuildDiagnostics } from './buildDiagnostics';
import { BuildResults } from './buildResults';
import { BuildRunner } from './buildRunner';
import { openBuildLog } from './openBuildLog';

/** What the build features share with the rest of the extension (the graph view shows the results). */
export interface BuildFeatures {
  results: BuildResults;
  runner: BuildRunner;
}

/**
 * Registers building from the editor: `stageflow.build` (the active Dockerfile for the chosen target, or the stage
 * of a CodeLens), `stageflow.cancelBuild`, `stageflow.openBuildLog`, `stageflow.revealBuildFailure`, the "Build
 * this stage" lenses, the per-line times and the failure diagnostic.
 */
export function registerBuild(context: vscode.ExtensionContext, cache: DocumentGraphCache, log: vscode.LogOutputChannel, dockerfiles: vscode.DocumentSelector): BuildFeatures {
  const output = vscode.window.createOutputChannel('Stageflow Build');
  const results = new BuildResults();
  const runner = new BuildRunner(cache, results, output, log);
  const decorations = new BuildDecorations(results);
  const diagnostics = new BuildDiagnostics(results);
  const lenses = new BuildCodeLensProvider(cache, runner);
  context.subscriptions.push(
    output,
    results,
    runner,
    decorations,
    diagnostics,
    lenses,
    vscode.languages.registerCodeLensProvider(dockerfiles, lenses),
    // `stageflow.building` shows "Cancel Build" in the Command Palette while a build runs.
    runner.onDidChangeRunning(() => void vscode.commands.executeCommand('setContext', 'stageflow.building', runner.building !== undefined)),
    vscode.commands.registerCommand('stageflow.build', async (uri?: unknown, target?: unknown) => {
      const document = await dockerfileFor(uri);
      if (!document) {
        void vscode.window.showWarningMessage('Open a Dockerfile to build it.');
        return undefined;
      }
      return runner.build(document, typeof target === 'string' || target === null ? target : undefined);
    }),
    vscode.commands.registerCommand('stageflow.cancelBuild', () => runner.cancel()),
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
        building: runner.building?.toString() ?? null,
        lastBuild: runner.lastRecord ?? null,
        result: result ? { running: result.running, source: result.source, mismatch: result.mismatch, timeline: result.timeline && toTimelineJson(result.timeline), outcome: result.timeline?.outcome ?? null, report: result.report } : null,
        annotations: target ? decorations.annotations(target) : [],
      };
    }),
  );
  return { results, runner };
}

/** The Dockerfile a command is about: the given URI (opened), else the active editor's Dockerfile. */
async function dockerfileFor(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  return active && isDockerfile(active) ? active : undefined;
}

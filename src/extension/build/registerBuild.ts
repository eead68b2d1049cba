import * as vscode from 'vscode';
import type { DocumentGraphCache } from '../documentGraphCache';
import { BuildCodeLensProvider } from './buildCodeLensProvider';
import type { BuildResults } from './buildResults';
import { BuildRunner } from './buildRunner';
import { dockerfileFor } from './dockerfileFor';

/**
 * Registers running builds from the editor, which needs a process (the desktop entry only): `stageflow.build` (the
 * active Dockerfile for the chosen target, or the stage of a CodeLens), `stageflow.cancelBuild`, the "Build this
 * stage" lenses and the "Stageflow Build" output channel. Each build is published to `results`, which
 * registerBuildResults shows in every host. Returns the runner, for the graph view's Build button.
 */
export function registerBuild(context: vscode.ExtensionContext, cache: DocumentGraphCache, results: BuildResults, log: vscode.LogOutputChannel, dockerfiles: vscode.DocumentSelector): BuildRunner {
  const output = vscode.window.createOutputChannel('Stageflow Build');
  const runner = new BuildRunner(cache, results, output, log);
  const lenses = new BuildCodeLensProvider(cache, runner);
  context.subscriptions.push(
    output,
    runner,
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
  );
  return runner;
}

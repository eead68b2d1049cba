import * as vscode from 'vscode';
import { BuildResults } from './build/buildResults';
import type { BuildRunner } from './build/buildRunner';
import { registerBuildResults } from './build/registerBuildResults';
import { registerStageDiagrams } from './docs/registerStageDiagrams';
import { DocumentGraphCache } from './documentGraphCache';
import { EntryPointIndex } from './entrypoints/entryPointIndex';
import { registerEntryPointFeatures } from './entrypoints/registerEntryPointFeatures';
import { registerGraphPanel } from './graphView/graphPanel';
import type { LayoutRunner } from './graphView/layoutRunner';
import { registerRefactorings } from './refactor/refactorings';
import { registerRevealStageCommand } from './language/revealStageCommand';
import { StageCodeLensProvider } from './language/stageCodeLensProvider';
import { StageDiagnostics } from './language/stageDiagnostics';
import { StageHoverProvider } from './language/stageHoverProvider';
import { StageNavigationProvider } from './language/stageNavigationProvider';
import { StageQuickFixProvider } from './language/stageQuickFixProvider';
import { StageRenameProvider } from './language/stageRenameProvider';
import { StageSymbolProvider } from './language/stageSymbolProvider';

/** Every scheme: files, untitled documents and virtual file systems alike (nothing is ever read from disk). */
const dockerfiles: vscode.DocumentSelector = { language: 'dockerfile' };

/** What differs between the desktop (Node) extension host and VS Code for the Web's web worker extension host. */
export interface StageflowHost {
  /** A layout runner for one graph panel: a worker thread in Node, in-process in a web worker. */
  createLayoutRunner(): LayoutRunner;
  /**
   * Registers running builds from the editor, which needs a process (Node), or the commands saying it does (web);
   * returns the runner, which publishes its builds to `results`, or undefined where nothing builds. What shows
   * builds and saved logs is registered in every host.
   */
  registerBuild(context: vscode.ExtensionContext, cache: DocumentGraphCache, results: BuildResults, log: vscode.LogOutputChannel, dockerfiles: vscode.DocumentSelector): BuildRunner | undefined;
}

/**
 * Registers Stageflow's features, the same in every extension host; each lives in its own file and only translates
 * the pure core. `host` supplies the parts that need Node (extension.ts) or stand in for them (extensionWeb.ts).
 */
export function activateStageflow(context: vscode.ExtensionContext, host: StageflowHost): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Stageflow', { log: true });
  const cache = new DocumentGraphCache(log);
  const navigation = new StageNavigationProvider(cache);
  const symbols = new StageSymbolProvider(cache);
  const diagnostics = new StageDiagnostics(cache, log);
  // Compose services and Bake targets that build the workspace's Dockerfiles, found once and kept current.
  const entryPoints = new EntryPointIndex(log);
  const codeLenses = new StageCodeLensProvider(cache, entryPoints, log);
  // Registered first so that VS Code, which lists the newest provider's lenses first, puts what a stage is and who
  // uses it before the offer to extract from it.
  registerRefactorings(context, cache, entryPoints, log, dockerfiles);
  context.subscriptions.push(
    log,
    cache,
    entryPoints,
    codeLenses,
    diagnostics,
    vscode.languages.registerCodeLensProvider(dockerfiles, codeLenses),
    vscode.languages.registerDefinitionProvider(dockerfiles, navigation),
    vscode.languages.registerReferenceProvider(dockerfiles, navigation),
    vscode.languages.registerDocumentHighlightProvider(dockerfiles, navigation),
    vscode.languages.registerHoverProvider(dockerfiles, new StageHoverProvider(cache)),
    vscode.languages.registerDocumentSymbolProvider(dockerfiles, symbols, { label: 'Stageflow' }),
    vscode.languages.registerFoldingRangeProvider(dockerfiles, symbols),
    vscode.languages.registerRenameProvider(dockerfiles, new StageRenameProvider(cache, entryPoints, log)),
    vscode.languages.registerCodeActionsProvider(dockerfiles, new StageQuickFixProvider(cache), StageQuickFixProvider.metadata),
    registerRevealStageCommand(cache, log),
  );
  registerEntryPointFeatures(context, entryPoints, cache, log, dockerfiles);
  registerStageDiagrams(context, cache);
  const results = new BuildResults();
  context.subscriptions.push(results);
  const build = { results, runner: host.registerBuild(context, cache, results, log, dockerfiles) };
  registerBuildResults(context, cache, log, build);
  registerGraphPanel(context, { extensionUri: context.extensionUri, cache, log, entryPoints, build, createLayoutRunner: () => host.createLayoutRunner() });
  // Diagnostics for the Dockerfiles already open are computed after activation returns: nothing here waits on them.
  const initialDiagnostics = setTimeout(() => diagnostics.refreshAll(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(initialDiagnostics) });
  log.info(`Stageflow activated in ${(performance.now() - started).toFixed(1)} ms.`);
}

import * as vscode from 'vscode';
import type { DocumentGraphCache } from '../documentGraphCache';
import type { EntryPointIndex } from '../entrypoints/entryPointIndex';
import { RefactorCodeActionProvider } from './refactorCodeActionProvider';
import { RefactorCodeLensProvider } from './refactorCodeLensProvider';
import { registerRefactorCommands } from './refactorCommands';

/**
 * Registers the refactorings that keep a build's meaning — name numeric stages, extract a stage, extract a shared
 * base — as commands, code actions and CodeLens on Dockerfiles. A refactoring that would change what a Compose
 * service or Bake target of `entryPoints` builds is refused with the reason.
 */
export function registerRefactorings(
  context: vscode.ExtensionContext,
  cache: DocumentGraphCache,
  entryPoints: EntryPointIndex,
  log: vscode.LogOutputChannel,
  selector: vscode.DocumentSelector = { language: 'dockerfile' },
): void {
  const lenses = new RefactorCodeLensProvider(cache);
  context.subscriptions.push(
    registerRefactorCommands(cache, entryPoints, log),
    lenses,
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerCodeActionsProvider(selector, new RefactorCodeActionProvider(cache), RefactorCodeActionProvider.metadata),
  );
}

import * as vscode from 'vscode';
import type { DocumentGraphCache } from '../documentGraphCache';
import { RefactorCodeActionProvider } from './refactorCodeActionProvider';
import { RefactorCodeLensProvider } from './refactorCodeLensProvider';
import { registerRefactorCommands } from './refactorCommands';

/**
 * Registers the refactorings that keep a build's meaning — name numeric stages, extract a stage, extract a shared
 * base — as commands, code actions and CodeLens on Dockerfiles.
 */
export function registerRefactorings(
  context: vscode.ExtensionContext,
  cache: DocumentGraphCache,
  log: vscode.LogOutputChannel,
  selector: vscode.DocumentSelector = { language: 'dockerfile' },
): void {
  const lenses = new RefactorCodeLensProvider(cache, log);
  context.subscriptions.push(
    registerRefactorCommands(cache, log),
    lenses,
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerCodeActionsProvider(selector, new RefactorCodeActionProvider(cache), RefactorCodeActionProvider.metadata),
  );
}

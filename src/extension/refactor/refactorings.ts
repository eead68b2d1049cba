import * as vscode from 'vscode';
import type { DocumentGraphCache } from '../documentGraphCache';
import type { EntryPointIndex } from '../entrypoints/entryPointIndex';
import { RefactorCodeActionProvider } from './refactorCodeActionProvider';
import { registerRefactorCommands } from './refactorCommands';

/**
 * Registers the refactorings that keep a build's meaning — name numeric stages, extract a stage, extract a shared
 * base — as commands and code actions on Dockerfiles (the lightbulb and the Refactor menu). A refactoring that would change what a Compose
 * service or Bake target of `entryPoints` builds is refused with the reason.
 */
export function registerRefactorings(
  context: vscode.ExtensionContext,
  cache: DocumentGraphCache,
  entryPoints: EntryPointIndex,
  log: vscode.LogOutputChannel,
  selector: vscode.DocumentSelector = { language: 'dockerfile' },
): void {
  context.subscriptions.push(
    registerRefactorCommands(cache, entryPoints, log),
    vscode.languages.registerCodeActionsProvider(selector, new RefactorCodeActionProvider(cache), RefactorCodeActionProvider.metadata),
  );
}

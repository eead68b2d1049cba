import * as vscode from 'vscode';
import type { DocumentGraphCache } from '../documentGraphCache';
import { DockerfileFactsStore } from './dockerfileFactsStore';
import { EntryPointCodeLensProvider } from './entryPointCodeLensProvider';
import { EntryPointDiagnostics } from './entryPointDiagnostics';
import { entryPointFileGlob, type EntryPointIndex } from './entryPointIndex';
import { EntryPointNavigationProvider } from './entryPointNavigationProvider';
import { EntryPointQuickFixProvider } from './entryPointQuickFixProvider';
import { EntryPointRenameProvider } from './entryPointRenameProvider';
import { registerOpenEntryPointCommand } from './openEntryPointCommand';

/**
 * Compose and Bake files by name, whatever language the editor gives them (`dockercompose` or `yaml`; `hcl`,
 * `dockerbake`, `json` or plain text, depending on the extensions installed), on any scheme.
 */
const entryPointFiles: vscode.DocumentSelector = { pattern: entryPointFileGlob };

/**
 * Registers the editor features of Compose and Bake files: their diagnostics and quick fixes, Go to Definition and
 * Find All References from a `target` (and `dockerfile`) value, rename from a `target`; and in Dockerfiles
 * (`dockerfiles`), a lens above each FROM naming the services and targets that build the stage, and those
 * targets among the stage's references.
 */
export function registerEntryPointFeatures(
  context: vscode.ExtensionContext,
  index: EntryPointIndex,
  cache: DocumentGraphCache,
  log: vscode.LogOutputChannel,
  dockerfiles: vscode.DocumentSelector,
): void {
  const facts = new DockerfileFactsStore(log);
  const diagnostics = new EntryPointDiagnostics(index, facts, cache);
  const navigation = new EntryPointNavigationProvider(index, cache);
  const lenses = new EntryPointCodeLensProvider(index, cache);
  context.subscriptions.push(
    facts,
    diagnostics,
    lenses,
    registerOpenEntryPointCommand(log),
    vscode.languages.registerCodeLensProvider(dockerfiles, lenses),
    vscode.languages.registerDefinitionProvider(entryPointFiles, navigation),
    vscode.languages.registerReferenceProvider([entryPointFiles, dockerfiles].flat(), navigation),
    vscode.languages.registerRenameProvider(entryPointFiles, new EntryPointRenameProvider(index, cache, log)),
    vscode.languages.registerCodeActionsProvider(entryPointFiles, new EntryPointQuickFixProvider(index, diagnostics), EntryPointQuickFixProvider.metadata),
  );
}

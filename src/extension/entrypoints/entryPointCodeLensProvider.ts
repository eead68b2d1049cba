import * as vscode from 'vscode';
import { entryPointLenses } from '../../core/editor/entryPointLenses';
import type { DocumentGraphCache } from '../documentGraphCache';
import { CodeLensChanges } from '../language/codeLensChanges';
import { toRange } from '../typeConverters';
import type { EntryPointIndex } from './entryPointIndex';
import { openEntryPointCommandId, type EntryPointTarget } from './openEntryPointCommand';

/**
 * A lens above each FROM that Compose services or Bake targets build (`compose: api`, `3 Compose/Bake builds`);
 * clicking opens the file at the service or target, or first asks which when there are several. The content
 * comes from `entryPointLenses`; lenses follow the Dockerfile's edits and the Compose and Bake files' changes.
 */
export class EntryPointCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changes: CodeLensChanges;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];

  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(
    private readonly index: EntryPointIndex,
    private readonly cache: DocumentGraphCache,
    log: vscode.LogOutputChannel,
  ) {
    this.changes = new CodeLensChanges(cache, log);
    this.subscriptions = [this.emitter, this.changes, this.changes.event(() => this.emitter.fire()), index.onDidChange(() => this.emitter.fire())];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.cache.settingsFor(document).codeLensEnabled) return [];
    return entryPointLenses(this.index.scan(), document.uri.path, this.cache.get(document)).map((lens) => {
      const targets: EntryPointTarget[] = lens.entries.flatMap((entry) => {
        const uri = this.index.fileUri(entry.location.path);
        return uri ? [{ label: entry.label, detail: entry.detail, uri, range: toRange(entry.location.range) }] : [];
      });
      return new vscode.CodeLens(toRange(lens.range), { title: lens.title, tooltip: lens.tooltip, command: openEntryPointCommandId, arguments: [targets] });
    });
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

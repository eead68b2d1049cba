import type * as vscode from 'vscode';
import { entryPointLenses } from '../../core/editor/entryPointLenses';
import type { StageGraph } from '../../core/model';
import type { DocumentGraphCache } from '../documentGraphCache';
import { GraphCodeLensProvider, type GraphLens } from '../language/graphCodeLensProvider';
import { toRange } from '../typeConverters';
import type { EntryPointIndex } from './entryPointIndex';
import { openEntryPointCommandId, type EntryPointTarget } from './openEntryPointCommand';

/**
 * A lens above each FROM that Compose services or Bake targets build (`compose: api`, `compose+bake ×3`);
 * clicking opens the file at the service or target, or first asks which when there are several. The content
 * comes from `entryPointLenses`; lenses follow the Dockerfile's edits and the Compose and Bake files' changes.
 */
export class EntryPointCodeLensProvider extends GraphCodeLensProvider {
  constructor(
    private readonly index: EntryPointIndex,
    cache: DocumentGraphCache,
  ) {
    super(cache);
    this.refreshOn(index.onDidChange);
  }

  protected lenses(document: vscode.TextDocument, graph: StageGraph): GraphLens[] {
    return entryPointLenses(this.index.scan(), document.uri.path, graph).map((lens) => {
      const targets: EntryPointTarget[] = lens.entries.flatMap((entry) => {
        const uri = this.index.fileUri(entry.location.path);
        return uri ? [{ label: entry.label, detail: entry.detail, uri, range: toRange(entry.location.range) }] : [];
      });
      return { range: lens.range, command: { title: lens.title, tooltip: lens.tooltip, command: openEntryPointCommandId, arguments: [targets] } };
    });
  }
}

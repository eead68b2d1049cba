import * as vscode from 'vscode';
import { entryPointDockerfileAt, entryPointTargetAt, entryPointTargetReferences } from '../../core/entrypoints/entryPointQueries';
import type { SourceLocation } from '../../core/entrypoints/entryPointModel';
import type { StageGraph } from '../../core/model';
import { stageMentionAt } from '../../core/editor/stageMentionAt';
import { fromKeywordRange, stageOccurrences } from '../../core/editor/stageOccurrences';
import { isDockerfile, type DocumentGraphCache } from '../documentGraphCache';
import { fromPosition, toRange } from '../typeConverters';
import type { EntryPointIndex } from './entryPointIndex';
import { openEntryPointStage } from './openEntryPointStage';

/**
 * Navigation between Compose and Bake files and the Dockerfiles they build:
 * - in a Compose or Bake file, Go to Definition from a `target` value to the stage it builds, and from a
 *   `dockerfile` value to that Dockerfile; Find All References from a `target` value lists the stage's
 *   declaration, its references in the Dockerfile and every Compose and Bake target that names it;
 * - in a Dockerfile, Find All References on a stage adds the Compose and Bake targets that name it to the
 *   Dockerfile's own references (which `StageNavigationProvider` gives).
 */
export class EntryPointNavigationProvider implements vscode.DefinitionProvider, vscode.ReferenceProvider {
  constructor(
    private readonly index: EntryPointIndex,
    private readonly cache: DocumentGraphCache,
  ) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.LocationLink[]> {
    if (!this.index.isEntryPointFile(document.uri)) return [];
    const scan = this.index.scan();
    const at = fromPosition(position);
    const targeting = entryPointTargetAt(scan, document.uri.path, at);
    if (targeting?.target) {
      const found = await openEntryPointStage(this.index, this.cache, targeting);
      if (!found?.stage) return [];
      const { stage } = found;
      return [
        {
          originSelectionRange: toRange(targeting.target.location.range),
          targetUri: found.document.uri,
          targetRange: toRange(stage.ranges.stage),
          targetSelectionRange: toRange(stage.ranges.name ?? fromKeywordRange(stage)),
        },
      ];
    }
    const building = entryPointDockerfileAt(scan, document.uri.path, at);
    const uri = building && this.index.dockerfileUri(building);
    if (!building?.dockerfileValue || !uri || !(await exists(uri))) return [];
    const start = new vscode.Range(0, 0, 0, 0);
    return [{ originSelectionRange: toRange(building.dockerfileValue.location.range), targetUri: uri, targetRange: start, targetSelectionRange: start }];
  }

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[]> {
    if (isDockerfile(document)) {
      const graph = this.cache.get(document);
      const mention = stageMentionAt(graph, fromPosition(position));
      return mention === null ? [] : this.targetLocations(document.uri, graph, mention.stage);
    }
    if (!this.index.isEntryPointFile(document.uri)) return [];
    const targeting = entryPointTargetAt(this.index.scan(), document.uri.path, fromPosition(position));
    const found = targeting && (await openEntryPointStage(this.index, this.cache, targeting));
    if (!found?.stage) return [];
    const { declaration, references } = stageOccurrences(found.graph, found.stage.index);
    const inDockerfile = [...(context.includeDeclaration ? [declaration] : []), ...references.map((reference) => reference.range)];
    return [
      ...inDockerfile.map((range) => new vscode.Location(found.document.uri, toRange(range))),
      ...this.targetLocations(found.document.uri, found.graph, found.stage.index),
    ];
  }

  /** The Compose and Bake targets that name a stage of the Dockerfile at `dockerfile`. */
  private targetLocations(dockerfile: vscode.Uri, graph: StageGraph, stageIndex: number): vscode.Location[] {
    return entryPointTargetReferences(this.index.scan(), dockerfile.path, graph, stageIndex).flatMap((location: SourceLocation) => {
      const uri = this.index.fileUri(location.path);
      return uri ? [new vscode.Location(uri, toRange(location.range))] : [];
    });
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

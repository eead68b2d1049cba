import * as vscode from 'vscode';
import type { EntryPoint } from '../../core/entrypoints/entryPointModel';
import { entryPointStage } from '../../core/entrypoints/entryPointStage';
import type { Stage, StageGraph } from '../../core/model';
import type { DocumentGraphCache } from '../documentGraphCache';
import type { EntryPointIndex } from './entryPointIndex';

/** The Dockerfile an entry point builds, opened (not shown), its graph and the stage the entry point builds. */
export interface EntryPointStage {
  document: vscode.TextDocument;
  graph: StageGraph;
  /** Null when the target names no stage of the Dockerfile. */
  stage: Stage | null;
}

/**
 * Opens the Dockerfile an entry point builds (through the workspace, so a virtual file system works) and finds
 * the stage it builds; undefined when the Dockerfile is remote, inline, missing or unreadable.
 */
export async function openEntryPointStage(index: EntryPointIndex, cache: DocumentGraphCache, entry: EntryPoint): Promise<EntryPointStage | undefined> {
  const uri = index.dockerfileUri(entry);
  if (uri === null) return undefined;
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
  const graph = cache.get(document);
  const stageIndex = entryPointStage(entry, graph);
  return { document, graph, stage: stageIndex === null ? null : graph.stages[stageIndex] };
}

import type { StageGraph } from '../model';
import type { EntryPoint } from './entryPointModel';

/**
 * The index of the stage an entry point builds: its `target` matched case-insensitively against the stage names
 * (with duplicate names the last one, as BuildKit's name table keeps the last), or the last stage when it has no
 * target (or an empty one) (SEMANTICS.md, "What gets built"). Null when the target is no stage of the graph, is unknown (a variable
 * Stageflow cannot resolve), or the file has no stage.
 */
export function entryPointStage(entry: Pick<EntryPoint, 'target'>, graph: StageGraph): number | null {
  if (entry.target === null || entry.target.value === '') return graph.stages.length > 0 ? graph.stages.length - 1 : null;
  const wanted = entry.target.value?.toLowerCase();
  if (wanted === undefined) return null;
  for (let index = graph.stages.length - 1; index >= 0; index--) {
    if (graph.stages[index].name === wanted) return index;
  }
  return null;
}

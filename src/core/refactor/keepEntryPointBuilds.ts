import { buildStageGraph } from '../graph/buildStageGraph';
import { entryPointBuildChanges } from '../entrypoints/entryPointBuildChanges';
import type { EntryPoint } from '../entrypoints/entryPointModel';
import type { StageGraph } from '../model';
import { applyTextEdits } from './applyTextEdits';
import { isRefusal, refuse, type RefactorOutcome } from './refactorOutcome';

/**
 * A refactoring's outcome checked against the Compose services and Bake targets that build the Dockerfile: the
 * refactorings keep every stage's name and only move stages, and Compose and Bake name their target stage, so the
 * outcome stands unless it would change what one of `entries` builds (a new stage taking a name that one of them
 * targets in vain today); then it is refused with the reason. The graph is the one the outcome was computed from.
 */
export function keepEntryPointBuilds(text: string, graph: StageGraph, outcome: RefactorOutcome, entries: readonly EntryPoint[]): RefactorOutcome {
  if (isRefusal(outcome) || outcome.edits.length === 0 || entries.length === 0) return outcome;
  const after = buildStageGraph(applyTextEdits(text, outcome.edits), graph.options);
  const changes = entryPointBuildChanges(entries, graph, after);
  return changes.length === 0 ? outcome : refuse(`This would change what Compose or Bake builds: ${changes.join('; ')}`);
}

import type { StageGraph, TextEdit } from '../model';
import { applyTextEdits } from './applyTextEdits';
import { identityCorrespondence } from './compareStageGraphs';
import { isIndexReferenceTo, nameStage } from './nameStage';
import { proposeStageName } from './proposeStageName';
import { proveMeaningKept } from './proveMeaningKept';
import { isRefusal, refuse, type RefactorOptions, type RefactorOutcome } from './refactorOutcome';

/** The unnamed stages that some reference reaches by index, ascending. */
export function stagesReferencedByIndex(graph: StageGraph): number[] {
  return graph.stages
    .filter((stage) => stage.rawName === null && graph.references.some((reference) => isIndexReferenceTo(graph, reference, stage.index)))
    .map((stage) => stage.index);
}

/**
 * Names every unnamed stage that is referenced by index, each with `proposeStageName` (distinct from one
 * another), as one list of edits. Refuses when there is no such stage.
 */
export function nameAllStages(text: string, graph: StageGraph, options: RefactorOptions = {}): RefactorOutcome {
  const indexes = stagesReferencedByIndex(graph);
  if (!graph.ok) return refuse(`BuildKit rejects this file (${graph.error ?? 'unknown error'}); fix that first`);
  if (indexes.length === 0) return refuse('No unnamed stage is referenced by index');
  const taken = new Set<string>();
  const named = new Map<number, string>();
  const edits: TextEdit[] = [];
  const notes: string[] = [];
  for (const index of indexes) {
    const name = proposeStageName(graph, index, taken);
    taken.add(name);
    named.set(index, name);
    const outcome = nameStage(text, graph, index, name, { verify: false });
    if (isRefusal(outcome)) return refuse(`Stage ${index}: ${outcome.refused}`);
    edits.push(...outcome.edits);
    notes.push(...outcome.notes);
  }
  if (options.verify === false) return { edits, notes };
  const differences = proveMeaningKept(text, graph, applyTextEdits(text, edits), identityCorrespondence(named));
  if (differences.length > 0) return refuse(`Stageflow could not confirm this keeps the build's meaning (${differences[0]})`);
  return { edits, notes };
}

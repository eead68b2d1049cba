import type { StageGraph, TextEdit } from '../model';
import { applyTextEdits } from './applyTextEdits';
import { identityCorrespondence } from './compareStageGraphs';
import { isIndexReferenceTo, nameStage } from './nameStage';
import { proposeStageName } from './proposeStageName';
import { proveMeaningKept } from './proveMeaningKept';
import { isRefusal, refuse, type RefactorOptions, type RefactorOutcome } from './refactorOutcome';

/** What `nameAllStages` says when no reference uses an index. */
const NOTHING_TO_RENAME = 'Nothing to rename: no stage is referenced by index.';

/** The stages, named or not, that some reference reaches by index (as BuildKit resolves it here), ascending. */
function stagesReferencedByIndex(graph: StageGraph): number[] {
  return graph.stages
    .filter((stage) => graph.references.some((reference) => isIndexReferenceTo(graph, reference, stage.index)))
    .map((stage) => stage.index);
}

/**
 * Leaves no numeric stage reference that a name can replace: every unnamed stage that is referenced by index gets
 * a name (`proposeStageName`, distinct from one another) and every reference BuildKit resolves by index — to a
 * named stage too — is rewritten to the name, as one list of edits. A named stage whose name binds to a later
 * stage of the same name keeps its numeric references (a note says why). With no such reference there is
 * nothing to do: no edits and a note saying so (not a refusal). Refuses when BuildKit rejects the file.
 */
export function nameAllStages(text: string, graph: StageGraph, options: RefactorOptions = {}): RefactorOutcome {
  if (!graph.ok) return refuse(`BuildKit rejects this file (${graph.error ?? 'unknown error'}); fix that first`);
  const indexes = stagesReferencedByIndex(graph);
  if (indexes.length === 0) return { edits: [], notes: [NOTHING_TO_RENAME] };
  const taken = new Set<string>();
  const named = new Map<number, string>();
  const edits: TextEdit[] = [];
  const notes: string[] = [];
  for (const index of indexes) {
    const existing = graph.stages[index].rawName;
    const name = existing ?? proposeStageName(graph, index, taken);
    const outcome = nameStage(text, graph, index, name, { verify: false });
    if (isRefusal(outcome)) {
      if (existing === null) return refuse(`Stage ${index}: ${outcome.refused}`);
      notes.push(`Stage ${index} keeps its numeric references: ${outcome.refused}.`);
      continue;
    }
    if (existing === null) {
      taken.add(name);
      named.set(index, name);
    }
    edits.push(...outcome.edits);
    notes.push(...outcome.notes);
  }
  if (edits.length === 0) return { edits, notes: ['Nothing to rename.', ...notes] };
  if (options.verify === false) return { edits, notes };
  const differences = proveMeaningKept(text, graph, applyTextEdits(text, edits), identityCorrespondence(named));
  if (differences.length > 0) return refuse(`Stageflow could not confirm this keeps the build's meaning (${differences[0]})`);
  return { edits, notes };
}

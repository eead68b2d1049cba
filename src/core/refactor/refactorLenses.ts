import type { Range, StageGraph } from '../model';
import { findSharedBaseCandidates } from './findSharedBaseCandidates';
import { isEnabled, refactorActionFor, type EnabledRefactorAction } from './refactorActionsAt';

/** A CodeLens offering a refactoring above a FROM: a short title, details in the tooltip, the action it runs. */
export interface RefactorLens {
  range: Range;
  title: string;
  tooltip: string;
  action: EnabledRefactorAction;
}

/**
 * The refactorings worth a CodeLens: "Extract stage…" above the FROM of every stage that some split applies to
 * (the person then picks the instruction), and "Extract shared base…" above the first of stages that start
 * alike, when extracting their shared part applies. A refactoring that would be refused gets no lens.
 */
export function refactorLenses(graph: StageGraph, text: string): RefactorLens[] {
  const lenses: RefactorLens[] = [];
  for (const stage of graph.stages) {
    const action = refactorActionFor(graph, text, { refactoring: 'extractStage', stage: stage.index, line: null });
    if (!isEnabled(action)) continue;
    lenses.push({
      range: stage.ranges.from,
      title: 'Extract stage…',
      tooltip: `Move the first instructions of ${stage.label} into a new stage it builds on`,
      action,
    });
  }
  for (const candidate of findSharedBaseCandidates(graph, text)) {
    const action = refactorActionFor(graph, text, { refactoring: 'extractSharedBase', stages: candidate.stageIndexes });
    if (!isEnabled(action)) continue;
    const labels = candidate.stageIndexes.map((index) => graph.stages[index].label);
    lenses.push({
      range: graph.stages[candidate.stageIndexes[0]].ranges.from,
      title: 'Extract shared base…',
      tooltip: `${labels.join(', ')} share their base and ${candidate.prefixLength} leading instruction(s)`,
      action,
    });
  }
  return lenses;
}

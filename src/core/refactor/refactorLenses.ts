import type { Range, StageGraph } from '../model';
import { isEnabled, refactorActionsAtEach } from './refactorActionsAt';

/** A "Refactor…" CodeLens above a FROM: the refactorings that apply there, listed in the tooltip. */
export interface RefactorLens {
  range: Range;
  title: string;
  /** Names the stage and the refactorings that apply on its FROM, as `refactorActionsAt` offers them. */
  tooltip: string;
}

/**
 * One short "Refactor…" lens above the FROM of every stage where some refactoring applies (extract a stage, the
 * stages' shared base, name the stage, name all), rather than a lens per refactoring: a FROM's lenses share one
 * line beside the graph view, and the person picks among these when clicking. A refactoring that would be
 * refused is not offered.
 */
export function refactorLenses(graph: StageGraph, text: string): RefactorLens[] {
  const offered = refactorActionsAtEach(graph, text, graph.stages.map((stage) => ({ start: stage.ranges.from.start, end: stage.ranges.from.start })));
  const lenses: RefactorLens[] = [];
  for (const stage of graph.stages) {
    const actions = Object.values(offered[stage.index]).filter(isEnabled);
    if (actions.length === 0) continue;
    lenses.push({ range: stage.ranges.from, title: 'Refactor…', tooltip: `Refactor ${stage.label}: ${actions.map((action) => action.title).join(', ')}` });
  }
  return lenses;
}

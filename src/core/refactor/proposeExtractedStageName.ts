import type { StageGraph } from '../model';
import { proposeStageName } from './proposeStageName';
import { validateRefactorStageName } from './validateRefactorStageName';

/** A name for a new stage made of a stage's first part: `<stage name>-base` (`stage-base` when unnamed), unique. */
export function proposeExtractedStageName(graph: StageGraph, stageIndex: number): string {
  const stem = `${graph.stages[stageIndex]?.name ?? 'stage'}-base`;
  for (let suffix = 1; suffix <= graph.stages.length + 1; suffix++) {
    const candidate = suffix === 1 ? stem : `${stem}-${suffix}`;
    if (validateRefactorStageName(graph, candidate) === null) return candidate;
  }
  return proposeStageName(graph, stageIndex);
}

import type { Range, Stage, StageGraph, StageReference } from '../model';
import { referencesToStage } from '../graph/stageQueries';

/** Where a stage is declared and every reference BuildKit binds to it. */
export interface StageOccurrences {
  stage: Stage;
  /** The name after `AS`, or the `FROM` keyword of an unnamed stage. */
  declaration: Range;
  /** References that resolve to the stage (by name or index, ONBUILD triggers included), in file order. */
  references: StageReference[];
}

/** The declaration and references of one stage, read from the graph's one reference list. */
export function stageOccurrences(graph: StageGraph, stageIndex: number): StageOccurrences {
  const stage = graph.stages[stageIndex];
  return {
    stage,
    declaration: stage.ranges.name ?? fromKeywordRange(stage),
    references: referencesToStage(graph, stageIndex),
  };
}

/** The `FROM` keyword that starts a stage (always four characters, whatever its case). */
export function fromKeywordRange(stage: Stage): Range {
  const start = stage.ranges.from.start;
  return { start, end: { line: start.line, character: start.character + 'FROM'.length } };
}

import type { StageGraph } from '../model';

/** A foldable block of whole lines, 0-based and inclusive like the editor's folding ranges. */
export interface LineFold {
  startLine: number;
  endLine: number;
}

/** One fold per stage (FROM to its last instruction) and one per instruction that spans several lines. */
export function stageFoldingRanges(graph: StageGraph): LineFold[] {
  const folds: LineFold[] = [];
  for (const stage of graph.stages) {
    if (stage.endLine > stage.startLine) {
      folds.push({ startLine: stage.startLine - 1, endLine: stage.endLine - 1 });
    }
    for (const instruction of stage.instructions) {
      if (instruction.endLine > instruction.startLine) {
        folds.push({ startLine: instruction.startLine - 1, endLine: instruction.endLine - 1 });
      }
    }
  }
  return folds;
}

import type { BuildFailure } from '../buildlog/model';
import type { Range, StageGraph } from '../model';

/**
 * Where the editor marks a build failure: the failing instruction as a whole (its FROM for a base image that could
 * not be loaded or an ONBUILD trigger that failed), or null when the error belongs to no instruction of `graph`.
 */
export function failureRange(failure: BuildFailure, graph: StageGraph): Range | null {
  if (failure.stage === null || failure.line === null) return null;
  const stage = graph.stages[failure.stage];
  if (!stage) return null;
  if (failure.line === stage.startLine) return stage.ranges.from;
  return stage.instructions.find((instruction) => instruction.startLine === failure.line)?.range ?? null;
}

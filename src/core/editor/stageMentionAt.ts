import type { Position, Range, StageGraph, StageReference } from '../model';
import { rangeContains, referenceAt } from '../graph/stageQueries';

/** A place in the file that names a stage: its name after `AS`, or a reference that BuildKit binds to it. */
export type StageMention =
  | { kind: 'definition'; stage: number; range: Range }
  | { kind: 'reference'; stage: number; range: Range; reference: StageReference };

/**
 * The stage mentioned at a cursor position, or null when the cursor is on no stage name and no reference that
 * resolves to a stage (an image, `scratch`, an invalid or dangling reference).
 */
export function stageMentionAt(graph: StageGraph, position: Position): StageMention | null {
  const named = graph.stages.find((stage) => stage.ranges.name !== null && rangeContains(stage.ranges.name, position));
  if (named?.ranges.name) {
    return { kind: 'definition', stage: named.index, range: named.ranges.name };
  }
  const reference = referenceAt(graph, position);
  if (reference?.stage === null || reference?.stage === undefined) {
    return null;
  }
  return { kind: 'reference', stage: reference.stage, range: reference.range, reference };
}

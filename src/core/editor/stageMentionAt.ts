import type { Position, Range, StageGraph, StageReference } from '../model';
import { rangeContains } from './rangeContains';

/** A place in the file that names a stage: its name after `AS`, or a reference that BuildKit binds to it. */
export type StageMention =
  | { kind: 'definition'; stage: number; range: Range }
  | { kind: 'reference'; stage: number; range: Range; reference: StageReference };

/**
 * The stage mentioned at a cursor position, or null when the cursor is on no stage name and no reference that
 * resolves to a stage (an image, `scratch`, an invalid or dangling reference).
 */
export function stageMentionAt(graph: StageGraph, position: Position): StageMention | null {
  for (const stage of graph.stages) {
    if (stage.ranges.name && rangeContains(stage.ranges.name, position)) {
      return { kind: 'definition', stage: stage.index, range: stage.ranges.name };
    }
  }
  for (const reference of graph.references) {
    if (reference.stage !== null && rangeContains(reference.range, position)) {
      return { kind: 'reference', stage: reference.stage, range: reference.range, reference };
    }
  }
  return null;
}

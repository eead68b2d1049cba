import type { StageTimeline } from './model';

/** Which stages ran side by side, read from the order of the log. */
export interface StageOverlaps {
  /** Pairs `[a, b]`, a < b, of stages that did work (not all cached) whose spans in the log intersect: each first
   *  appeared before the other completed. A stage still running spans to the end of the log. */
  overlaps: [number, number][];
  /** Stages with a span, by first appearance, and by completion (those that completed). */
  appearanceOrder: number[];
  completionOrder: number[];
}

const WORKED = new Set<StageTimeline['status']>(['built', 'failed', 'canceled', 'running', 'unfinished']);

/** The overlaps and orders of `stages`' log spans (`firstLine`, `lastLine`). */
export function stageOverlaps(stages: readonly StageTimeline[]): StageOverlaps {
  const spanned = stages.filter((stage) => stage.firstLine !== null);
  const appearanceOrder = [...spanned].sort((a, b) => a.firstLine! - b.firstLine! || a.index - b.index).map((stage) => stage.index);
  const completionOrder = spanned
    .filter((stage) => stage.lastLine !== null)
    .sort((a, b) => a.lastLine! - b.lastLine! || a.index - b.index)
    .map((stage) => stage.index);
  const worked = spanned.filter((stage) => WORKED.has(stage.status));
  const overlaps: [number, number][] = [];
  for (let i = 0; i < worked.length; i++) {
    for (let j = i + 1; j < worked.length; j++) {
      const [a, b] = [worked[i], worked[j]];
      if (a.firstLine! <= (b.lastLine ?? Infinity) && b.firstLine! <= (a.lastLine ?? Infinity)) overlaps.push([a.index, b.index]);
    }
  }
  return { overlaps, appearanceOrder, completionOrder };
}

/** Position queries over a stage graph, for editor features (hover, go to definition, references, CodeLens). */
import type { Position, Range, Stage, StageGraph, StageReference } from '../model';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether `position` lies in `range` (both ends included, so a cursor just after a word still hits it). */
export function rangeContains(range: Range, position: Position): boolean {
  return !before(position, range.start) && !before(range.end, position);
}

/**
 * The stage a 0-based line belongs to: each stage owns the lines from its FROM up to the line before the next
 * stage's FROM (the last stage, to the end of the file), so comments and blank lines after a stage's last
 * instruction are still its own; lines above the first FROM belong to no stage (null). Every editor feature
 * that asks "which stage is here" (cursor highlight, refactorings, commands) uses this one answer.
 */
export function stageAtLine(graph: StageGraph, line: number): Stage | null {
  let found: Stage | null = null;
  for (const stage of graph.stages) {
    if (stage.ranges.from.start.line > line) break;
    found = stage;
  }
  return found;
}

/** The reference (FROM base, `--from` value, mount `from=` value) under `position`, or null. */
export function referenceAt(graph: StageGraph, position: Position): StageReference | null {
  return graph.references.find((r) => rangeContains(r.range, position)) ?? null;
}

/** Every reference that binds to stage `index` (by name or by number), in document order. */
export function referencesToStage(graph: StageGraph, index: number): StageReference[] {
  return graph.references.filter((r) => r.stage === index);
}

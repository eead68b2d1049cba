import type { StageGraph } from '../model';

/**
 * Every stage's key (`LayoutNode.key`), by index: `stage:<name>` while no other stage has its name, else
 * `stage:#<index>`. Keys stay the same across small edits, so a redraw animates from the old box and a view choice
 * (a focus) still holds.
 */
export function stageKeys(graph: StageGraph): string[] {
  const count = new Map<string, number>();
  for (const stage of graph.stages) if (stage.name !== null) count.set(stage.name, (count.get(stage.name) ?? 0) + 1);
  return graph.stages.map((stage) => (stage.name !== null && count.get(stage.name) === 1 ? `stage:${stage.name}` : `stage:#${stage.index}`));
}

/** The stage a key names, or null when the graph has no such stage (it was renamed or removed since). */
export function stageOfKey(graph: StageGraph, key: string | null | undefined): number | null {
  if (!key) return null;
  const index = stageKeys(graph).indexOf(key);
  return index < 0 ? null : index;
}

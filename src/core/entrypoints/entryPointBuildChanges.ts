import type { StageGraph } from '../model';
import type { EntryPoint } from './entryPointModel';
import { entryPointStage } from './entryPointStage';
import { baseName } from './posixPath';

/** How an entry point is named in messages: `service api (compose.yaml)`, `target app (docker-bake.hcl)`. */
export function describeEntryPoint(entry: EntryPoint): string {
  return `${entry.kind === 'compose' ? 'service' : 'target'} ${entry.name} (${baseName(entry.source.path)})`;
}

/** A stage for messages: its name, or its index when unnamed. */
function stageText(graph: StageGraph, index: number): string {
  const stage = graph.stages[index];
  return stage.name ?? `stage ${index}`;
}

/**
 * How editing a Dockerfile from `before` to `after` would change what these entry points build (empty when
 * nothing changes): each should build a stage of the same name as before (for one without a target, the last
 * stage keeps its name), a target that names a stage should still name one, and a target that names no stage
 * should not start naming one (`docker compose build` would then build that stage instead of failing). Targets are
 * names, never indexes, so stages that only move keep every entry point valid.
 */
export function entryPointBuildChanges(entries: readonly EntryPoint[], before: StageGraph, after: StageGraph): string[] {
  const changes: string[] = [];
  for (const entry of entries) {
    const was = entryPointStage(entry, before);
    const is = entryPointStage(entry, after);
    const target = entry.target?.value;
    if (was === null && is !== null) {
      if (target) changes.push(`${describeEntryPoint(entry)} targets ${target}, which names no stage now but would then build stage ${is} (${stageText(after, is)})`);
    } else if (was !== null && is === null) {
      changes.push(`${describeEntryPoint(entry)} builds ${stageText(before, was)}, which would no longer exist`);
    } else if (was !== null && is !== null && before.stages[was].name !== after.stages[is].name) {
      changes.push(`${describeEntryPoint(entry)} builds ${stageText(before, was)}, but would build ${stageText(after, is)}`);
    }
  }
  return changes;
}

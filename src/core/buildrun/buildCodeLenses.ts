import type { Range, StageGraph } from '../model';

/** A "Build" CodeLens above a FROM: what clicking it builds, or that it cancels the running build. */
export interface BuildLens {
  range: Range;
  title: string;
  tooltip: string;
  action: { kind: 'build'; stage: number; target: string | null } | { kind: 'cancel' };
}

/**
 * The build lenses of a Dockerfile: above each FROM, "Build" this stage (`--target` its name; the last stage is the
 * default target and needs none), or "Stop" above every FROM while a build of this file runs. One word each, as
 * they share a line with the stage lenses beside the graph view (`MAX_LENS_TITLE`); the tooltip says the rest. An unnamed
 * stage before the last cannot be a `--target` (BuildKit picks targets by name), so it has no lens.
 */
export function buildCodeLenses(graph: StageGraph, building: boolean): BuildLens[] {
  const lenses: BuildLens[] = [];
  const last = graph.stages.length - 1;
  for (const stage of graph.stages) {
    const range = stage.ranges.from;
    if (building) {
      lenses.push({ range, title: 'Stop', tooltip: 'Stop (cancel) the build of this Dockerfile that is running', action: { kind: 'cancel' } });
      continue;
    }
    if (stage.name === null && stage.index !== last) continue;
    const target = stage.name === null ? null : (stage.rawName ?? stage.name);
    const what = target === null ? `${stage.label}, the default target` : `--target ${target}`;
    lenses.push({ range, title: 'Build', tooltip: `Build this stage: ${what} (stageflow.build.command, --progress=plain)`, action: { kind: 'build', stage: stage.index, target } });
  }
  return lenses;
}

import type { Range, StageGraph } from '../model';

/** The Build lens's title; the running build's "Stop" is shorter. */
export const BUILD_LENS_TITLE = 'Build';

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
 * they share a line with the stage lenses (`titlesBesideStageLenses`); the tooltip says the rest. An unnamed
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
    lenses.push({ range, title: BUILD_LENS_TITLE, tooltip: `Build this stage: ${what} (stageflow.build.command, --progress=plain)`, action: { kind: 'build', stage: stage.index, target } });
  }
  return lenses;
}

/**
 * What other lenses draw on each FROM line beside the stage lenses (`stageCodeLenses`' `beside`): the Build lens,
 * whose room is kept on every line, also where it is not offered (a web host, an untrusted workspace, an unnamed
 * stage) as the stage lenses cannot tell, and the Compose and Bake lens (`entryPointLenses`) of the stages that have one.
 */
export function titlesBesideStageLenses(entryLenses: ReadonlyArray<{ stage: number; title: string }>): (stage: number) => string[] {
  const entryTitles = new Map(entryLenses.map((lens) => [lens.stage, lens.title]));
  return (stage) => {
    const entry = entryTitles.get(stage);
    return entry === undefined ? [BUILD_LENS_TITLE] : [BUILD_LENS_TITLE, entry];
  };
}

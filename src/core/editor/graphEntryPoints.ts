import type { EntryPointScan, SourceLocation } from '../entrypoints/entryPointModel';
import { entryPointsOfDockerfile } from '../entrypoints/entryPointQueries';
import { entryPointStage } from '../entrypoints/entryPointStage';
import { parentDirectory, relativePath } from '../entrypoints/posixPath';
import type { LayoutEntryPoint } from '../layout/layoutTypes';
import type { ResolveOptions, StageGraph } from '../model';
import { entryPointChoice } from './entryPointLenses';

/** A Compose service or Bake target as the graph view shows it: a node, and a choice in the target picker. */
export interface GraphEntryPoint {
  /** `compose:api@compose.yaml` (the file seen from the Dockerfile's folder), unique among the entry points. */
  id: string;
  /** `compose: api`, `bake: app-debug`. */
  label: string;
  /** Where it is written and what it builds with. */
  tooltip: string;
  /** The service key or target label (what clicking its node opens). */
  source: SourceLocation;
  /** The stage it builds in this graph, or null when its target is no stage (it then gets no node). */
  stage: number | null;
  /**
   * What the tool resolves the Dockerfile with: its target (null: the last stage) and every build arg it gives a
   * value (an arg only the environment sets is left out, as Stageflow reads no environment).
   */
  resolveOptions: Required<Pick<ResolveOptions, 'buildArgs'>> & { target: string | null };
}

/**
 * The entry points of the Dockerfile at `dockerfilePath`, in scan order: those whose target Stageflow can know
 * (not one only a variable without a default names), for the graph view's nodes and target picker.
 */
export function graphEntryPoints(scan: EntryPointScan, dockerfilePath: string, graph: StageGraph): GraphEntryPoint[] {
  const folder = parentDirectory(dockerfilePath);
  const used = new Map<string, number>();
  const entries: GraphEntryPoint[] = [];
  for (const entry of entryPointsOfDockerfile(scan, dockerfilePath)) {
    if (entry.target !== null && entry.target.value === null) continue;
    const base = `${entry.kind}:${entry.name}@${relativePath(folder, entry.source.path)}`;
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    const choice = entryPointChoice(entry, folder);
    const buildArgs: Record<string, string> = {};
    for (const arg of entry.args) if (arg.value !== null && arg.value.value !== null) buildArgs[arg.name] = arg.value.value;
    entries.push({
      id: seen === 1 ? base : `${base}#${seen}`,
      label: choice.label,
      tooltip: `${choice.label} (${choice.detail})`,
      source: entry.source,
      stage: entryPointStage(entry, graph),
      resolveOptions: { target: entry.target?.value || null, buildArgs },
    });
  }
  return entries;
}

/** The entry points to draw: those that build a stage of the graph. */
export function layoutEntryPoints(entries: readonly GraphEntryPoint[]): LayoutEntryPoint[] {
  return entries.flatMap((entry) => (entry.stage === null ? [] : [{ id: entry.id, label: entry.label, stage: entry.stage, tooltip: entry.tooltip }]));
}

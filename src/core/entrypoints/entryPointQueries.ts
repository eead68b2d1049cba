import type { Position, StageGraph } from '../model';
import { rangeContains } from '../graph/stageQueries';
import type { EntryPoint, EntryPointScan, SourceLocation } from './entryPointModel';
import { entryPointStage } from './entryPointStage';
import { normalizePath } from './posixPath';

/** The entry points that build the Dockerfile at `dockerfilePath`, whatever stage they build. */
export function entryPointsOfDockerfile(scan: EntryPointScan, dockerfilePath: string): EntryPoint[] {
  const wanted = normalizePath(dockerfilePath);
  return scan.entries.filter((entry) => entry.dockerfile === wanted);
}

/**
 * The entry points that build stage `stageIndex` of the Dockerfile at `dockerfilePath` (named by their target, or
 * the last stage when they have none): what a CodeLens on that FROM lists and Find All References adds.
 */
export function entryPointsBuildingStage(scan: EntryPointScan, dockerfilePath: string, graph: StageGraph, stageIndex: number): EntryPoint[] {
  return entryPointsOfDockerfile(scan, dockerfilePath).filter((entry) => entryPointStage(entry, graph) === stageIndex);
}

/**
 * Where Compose and Bake files name stage `stageIndex` of the Dockerfile as their target (Find All References):
 * each written `target` once, though several entry points may share it (an inherited Bake target, a YAML anchor),
 * in path and position order. Entry points without a target build the last stage without naming it, so they add
 * no location.
 */
export function entryPointTargetReferences(scan: EntryPointScan, dockerfilePath: string, graph: StageGraph, stageIndex: number): SourceLocation[] {
  const locations = new Map<string, SourceLocation>();
  for (const entry of entryPointsBuildingStage(scan, dockerfilePath, graph, stageIndex)) {
    if (entry.target === null) continue;
    const { path, range } = entry.target.location;
    locations.set(`${path}:${range.start.line}:${range.start.character}`, entry.target.location);
  }
  return [...locations.values()].sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/** The entry point whose `target` value lies under `position` in the file at `path` (Go to Definition), or null. */
export function entryPointTargetAt(scan: EntryPointScan, path: string, position: Position): EntryPoint | null {
  return scan.entries.find((entry) => entry.target !== null && entry.target.location.path === path && rangeContains(entry.target.location.range, position)) ?? null;
}

/**
 * The entry point whose `dockerfile` value lies under `position` in the file at `path`, when that value resolves
 * to a Dockerfile (Go to Definition opens it), or null.
 */
export function entryPointDockerfileAt(scan: EntryPointScan, path: string, position: Position): EntryPoint | null {
  return (
    scan.entries.find(
      (entry) => entry.dockerfile !== null && entry.dockerfileValue !== null && entry.dockerfileValue.location.path === path && rangeContains(entry.dockerfileValue.location.range, position),
    ) ?? null
  );
}

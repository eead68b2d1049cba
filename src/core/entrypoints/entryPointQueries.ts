import type { Position, StageGraph } from '../model';
import { rangeContains } from '../graph/stageQueries';
import type { EntryPoint, EntryPointScan } from './entryPointModel';
import { entryPointStage } from './entryPointStage';
import { normalizePath } from './posixPath';

/**
 * The entry points that build stage `stageIndex` of the Dockerfile at `dockerfilePath` (named by their target, or
 * the last stage when they have none): what a CodeLens on that FROM lists and Find All References adds.
 */
export function entryPointsBuildingStage(scan: EntryPointScan, dockerfilePath: string, graph: StageGraph, stageIndex: number): EntryPoint[] {
  const wanted = normalizePath(dockerfilePath);
  return scan.entries.filter((entry) => entry.dockerfile === wanted && entryPointStage(entry, graph) === stageIndex);
}

/** The entry point whose `target` value lies under `position` in the file at `path` (Go to Definition), or null. */
export function entryPointTargetAt(scan: EntryPointScan, path: string, position: Position): EntryPoint | null {
  return scan.entries.find((entry) => entry.target !== null && entry.target.location.path === path && rangeContains(entry.target.location.range, position)) ?? null;
}

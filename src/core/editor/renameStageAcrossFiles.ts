import { entryPointBuildChanges } from '../entrypoints/entryPointBuildChanges';
import type { EntryPointScan, FileTextEdits } from '../entrypoints/entryPointModel';
import { entryPointsOfDockerfile } from '../entrypoints/entryPointQueries';
import { entryPointStage } from '../entrypoints/entryPointStage';
import type { EntryPointRenameEdits } from '../entrypoints/renameStageInEntryPoints';
import { renameStageInEntryPoints } from '../entrypoints/renameStageInEntryPoints';
import type { StageGraph } from '../model';
import { renameStageEdits } from './renameStage';

/** A stage rename in its Dockerfile and in the Compose and Bake files that build it, or why it cannot be done. */
export type CrossFileRename = { files: FileTextEdits[]; skipped: EntryPointRenameEdits['skipped'] } | { refused: string };

/**
 * The edits that rename stage `stageIndex` of the Dockerfile at `dockerfilePath` to `newName` everywhere: the
 * Dockerfile's own (`renameStageEdits`, first in `files`) and every Compose `target:` and Bake `target =` that names
 * the stage (`renameStageInEntryPoints`, each file once). Refused for the Dockerfile's reasons, and when an entry
 * point whose target names no stage today names `newName`: the rename would make it build this stage. Targets
 * written through a variable are left as they are and listed in `skipped`.
 */
export function renameStageAcrossFiles(graph: StageGraph, dockerfilePath: string, stageIndex: number, newName: string, scan: EntryPointScan): CrossFileRename {
  const own = renameStageEdits(graph, stageIndex, newName);
  if ('refused' in own) return own;
  const renamedGraph: StageGraph = {
    ...graph,
    stages: graph.stages.map((stage) => (stage.index === stageIndex ? { ...stage, name: newName.toLowerCase(), rawName: newName } : stage)),
  };
  // Entry points that build the renamed stage follow it (by their edited target, or as the last stage); every other
  // one must build what it built.
  const others = entryPointsOfDockerfile(scan, dockerfilePath).filter((entry) => entryPointStage(entry, graph) !== stageIndex);
  const [changed] = entryPointBuildChanges(others, graph, renamedGraph);
  if (changed !== undefined) return { refused: `Renaming to ${newName} would change a Compose or Bake build: ${changed}.` };
  const follow = renameStageInEntryPoints(scan, dockerfilePath, graph, stageIndex, newName);
  return { files: [{ path: dockerfilePath, edits: own.edits }, ...follow.files], skipped: follow.skipped };
}

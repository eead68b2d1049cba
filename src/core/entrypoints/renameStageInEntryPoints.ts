import type { StageGraph, TextEdit } from '../model';
import type { EntryPointScan, FileTextEdits, SourceLocation } from './entryPointModel';
import { entryPointStage } from './entryPointStage';
import { literalReplacement } from './literalReplacement';
import { normalizePath } from './posixPath';

/** The edits that follow a stage rename into Compose and Bake files, and the references they cannot follow. */
export interface EntryPointRenameEdits {
  /** Per file, in path order; each file's edits in document order. */
  files: FileTextEdits[];
  /** Targets that name the stage but are not written as a plain literal (a variable, `${}`), left unchanged. */
  skipped: { location: SourceLocation; reason: string }[];
}

/**
 * The edits to every Compose `target:` and Bake `target =` that builds stage `stageIndex` of the Dockerfile at
 * `dockerfilePath` by name, when the stage is renamed to `newName`: each literal is replaced in its own quoting
 * (a plain YAML scalar stays plain, a quoted one stays quoted). A value written once but used by several entry
 * points (an inherited Bake target, a Compose anchor) is edited once. A target that reaches the stage through a
 * variable or interpolation cannot be edited safely and is reported in `skipped`. The Dockerfile's own edits come
 * from `renameStageEdits`.
 */
export function renameStageInEntryPoints(scan: EntryPointScan, dockerfilePath: string, graph: StageGraph, stageIndex: number, newName: string): EntryPointRenameEdits {
  const wanted = normalizePath(dockerfilePath);
  const byFile = new Map<string, Map<string, TextEdit>>();
  const skipped = new Map<string, EntryPointRenameEdits['skipped'][number]>();
  for (const entry of scan.entries) {
    const target = entry.target;
    if (target === null || entry.dockerfile !== wanted || entryPointStage(entry, graph) !== stageIndex) continue;
    const { path, range } = target.location;
    const key = `${range.start.line}:${range.start.character}`;
    if (!target.literal) {
      skipped.set(`${path}:${key}`, { location: target.location, reason: `The target of ${entry.kind === 'compose' ? 'service' : 'target'} ${entry.name} is not written as a plain name, so it is left as it is` });
      continue;
    }
    const edits = byFile.get(path) ?? new Map<string, TextEdit>();
    edits.set(key, { range, newText: literalReplacement(target, newName) });
    byFile.set(path, edits);
  }
  const files = [...byFile]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, edits]) => ({
      path,
      edits: [...edits.values()].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
    }));
  return { files, skipped: [...skipped.values()] };
}

import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildStageGraph } from '../core/graph/buildStageGraph';
import { DocumentText } from '../core/parse/documentText';
import type { FileTextEdits, SourceFile } from '../core/entrypoints/entryPointModel';
import { readEntryPoints } from '../core/entrypoints/readEntryPoints';
import { renameStageInEntryPoints } from '../core/entrypoints/renameStageInEntryPoints';
import { renameStageEdits } from '../core/editor/renameStage';
import type { StageGraph } from '../core/model';
import { applyTextEdits } from '../core/refactor/applyTextEdits';
import type { CliCommand } from './cliCommand';
import { CliError } from './cliError';
import type { CliIo } from './cliIo';
import { readEntryPointFolder, toPosix } from './entryPointFiles';
import { readDockerfile } from './readDockerfile';

const UTF8_BOM = '\ufeff';

/**
 * `stageflow rename-stage FILE OLD NEW [--write]`: renames stage OLD of the Dockerfile FILE to NEW, with every
 * reference BuildKit binds to it, and every Compose `target:` and Bake `target =` that builds it from the Compose
 * and Bake files in FILE's folder and the folders above it (up to the repository root, the first holding `.git`).
 * Without `--write` it prints each change as `file:line:col: old -> new`; with it, rewrites the files. A rename
 * that would change what the Dockerfile builds is refused (one line, exit 1); targets written through a variable
 * are left as they are, with a note on stderr.
 */
export const renameStageCommand: CliCommand = {
  name: 'rename-stage',
  usage: 'rename-stage FILE OLD NEW [--write]',
  summary: 'Rename a stage in FILE and in the Compose and Bake files beside it (and above it) that build it.',
  options: [{ name: '--write', description: 'Rewrite the files instead of printing the changes.' }],
  async run(args, io) {
    if (args.positionals.length !== 3) throw new CliError(`'rename-stage' takes FILE OLD NEW, got ${args.positionals.length} argument${args.positionals.length === 1 ? '' : 's'}`);
    const [file, oldName, newName] = args.positionals;
    if (file === '-') throw new CliError(`'rename-stage' needs a file, not stdin (the files beside it are searched)`);
    const dockerfile = await readDockerfile(file, io);
    const graph = buildStageGraph(dockerfile.text);
    const stageIndex = namedStage(graph, oldName);
    const own = renameStageEdits(graph, stageIndex, newName);
    if ('refused' in own) {
      io.err(`stageflow: ${file}: ${own.refused.replace(/\s+/g, ' ')}`);
      return 1;
    }
    const absolute = path.resolve(file);
    const scanFiles = await readEntryPointFoldersUpwards(path.dirname(absolute), io);
    const follow = renameStageInEntryPoints(readEntryPoints(scanFiles), toPosix(absolute), graph, stageIndex, newName);
    const texts = new Map(scanFiles.map((source) => [source.path, source.text]));
    texts.set(toPosix(absolute), dockerfile.text);
    const changes: FileTextEdits[] = [{ path: toPosix(absolute), edits: own.edits }, ...follow.files];
    for (const skipped of follow.skipped) {
      const { line, character } = skipped.location.range.start;
      io.err(`stageflow: ${display(skipped.location.path)}:${line + 1}:${character + 1}: ${skipped.reason}`);
    }
    if (!args.has('--write')) {
      io.out(changes.flatMap((change) => describeEdits(change, texts.get(change.path) ?? '')).join(''));
      return 0;
    }
    for (const change of changes) await writeEdits(change, texts.get(change.path) ?? '');
    return 0;
  },
};

/** The stage named OLD (case-insensitive, as BuildKit compares names); a usage error when none or several are. */
function namedStage(graph: StageGraph, name: string): number {
  const matches = graph.stages.filter((stage) => stage.name !== null && stage.name === name.toLowerCase());
  if (matches.length === 1) return matches[0].index;
  if (matches.length === 0) throw new CliError(`no stage is named '${name}'`);
  throw new CliError(`several stages are named '${name}'; rename one in the editor`);
}

/** The Compose and Bake files of `folder` and of each folder above it, up to the first that holds `.git`. */
async function readEntryPointFoldersUpwards(folder: string, io: CliIo): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    files.push(...(await readEntryPointFolder(current, io)));
    if (existsSync(path.join(current, '.git')) || path.dirname(current) === current) return files;
  }
}

/** A core path as the user would type it: relative to the working directory. */
function display(corePath: string): string {
  return path.relative(process.cwd(), corePath) || corePath;
}

function describeEdits(change: FileTextEdits, text: string): string[] {
  const doc = new DocumentText(text);
  return change.edits.map((edit) => {
    const { start } = edit.range;
    const old = doc.textIn(edit.range);
    return `${display(change.path)}:${start.line + 1}:${start.character + 1}: ${old} -> ${edit.newText}\n`;
  });
}

/** Applies the edits to the file on disk, keeping a byte order mark the reader dropped. */
async function writeEdits(change: FileTextEdits, text: string): Promise<void> {
  const original = await fs.readFile(change.path, 'utf8');
  await fs.writeFile(change.path, (original.startsWith(UTF8_BOM) ? UTF8_BOM : '') + applyTextEdits(text, change.edits));
}

import { promises as fs } from 'node:fs';
import { checkEntryPoints } from '../core/entrypoints/checkEntryPoints';
import type { EntryPoint, LocatedValue, SourceFile } from '../core/entrypoints/entryPointModel';
import { entryPointStage } from '../core/entrypoints/entryPointStage';
import { readEntryPoints } from '../core/entrypoints/readEntryPoints';
import { DocumentText } from '../core/parse/documentText';
import type { CliCommand } from './cliCommand';
import { CliError } from './cliError';
import { loadDockerfiles, readEntryPointTree } from './entryPointFiles';
import { formatDiagnostic } from './formatDiagnostic';

/** One entry point as `stageflow targets --format json` prints it (the shape issue 11 specifies). */
export interface TargetsJsonEntry {
  kind: 'compose' | 'bake';
  name: string;
  /** The Compose or Bake file, relative to DIR. */
  source: string;
  /** 1-based line of the service or target name. */
  line: number;
  /** The Dockerfile relative to DIR, or null when remote or inline. */
  dockerfile: string | null;
  /** The target as Compose or Bake resolves it (as written when Stageflow cannot resolve it), or null when absent. */
  target: string | null;
  /** The resolved stage index, or null when the target is no stage (or the Dockerfile cannot be read). */
  stage: number | null;
  /** Build args; null for a value only the environment knows. */
  args: Record<string, string | null>;
}

const FORMATS = ['json', 'text'];

/**
 * `stageflow targets [DIR] [--format json|text]`: every Compose service with a build and every Bake target under
 * DIR, with the Dockerfile and stage each builds. Problems in those files (syntax errors, a target that is no
 * stage, an undeclared build arg) go to stderr as `file:line:col: severity code: message`; exit 1 when any is an
 * error.
 */
export const targetsCommand: CliCommand = {
  name: 'targets',
  usage: 'targets [DIR] [--format json|text]',
  summary: 'List the Compose services and Bake targets under DIR (default .) with the Dockerfile stage each builds.',
  options: [{ name: '--format', value: FORMATS.join('|'), description: 'Output format (default json).' }],
  async run(args, io) {
    if (args.positionals.length > 1) throw new CliError(`'targets' takes one directory, got ${args.positionals.length}`);
    const format = args.value('--format') ?? 'json';
    if (!FORMATS.includes(format)) throw new CliError(`unknown format '${format}' (expected ${FORMATS.join(', ')})`);
    const directory = args.positionals[0] ?? '.';
    await requireDirectory(directory);
    const files = await readEntryPointTree(directory, io);
    const scan = readEntryPoints(files);
    const dockerfiles = await loadDockerfiles(directory, scan.entries, io);
    const texts = new Map(files.map((file) => [file.path, file]));
    const entries = scan.entries.map((entry) => toJson(entry, dockerfiles.get(entry.dockerfile ?? '')?.graph ?? null, texts));
    const found = scan.entries.map((entry) => entry.dockerfile !== null && dockerfiles.has(entry.dockerfile));
    io.out(format === 'json' ? `${JSON.stringify({ entries }, null, 2)}\n` : entries.map((entry, i) => toText(entry, found[i])).join(''));
    const diagnostics = [...scan.diagnostics, ...checkEntryPoints(scan, (corePath) => dockerfiles.get(corePath))];
    for (const { path, diagnostic } of diagnostics) io.err(formatDiagnostic(path, diagnostic));
    return diagnostics.some(({ diagnostic }) => diagnostic.severity === 'error') ? 1 : 0;
  },
};

async function requireDirectory(directory: string): Promise<void> {
  let isDirectory = false;
  try {
    isDirectory = (await fs.stat(directory)).isDirectory();
  } catch {
    throw new CliError(`cannot read '${directory}': no such directory`);
  }
  if (!isDirectory) throw new CliError(`'${directory}' is not a directory`);
}

function toJson(entry: EntryPoint, graph: Parameters<typeof entryPointStage>[1] | null, texts: ReadonlyMap<string, SourceFile>): TargetsJsonEntry {
  return {
    kind: entry.kind,
    name: entry.name,
    source: entry.source.path,
    line: entry.source.range.start.line + 1,
    dockerfile: entry.dockerfile,
    target: entry.target === null ? null : valueText(entry.target, texts),
    stage: graph === null ? null : entryPointStage(entry, graph),
    args: Object.fromEntries(entry.args.map((arg) => [arg.name, arg.value === null ? null : arg.value.value])),
  };
}

/** The value, or when only the tool's environment knows it, the text it is written as. */
function valueText(value: LocatedValue, texts: ReadonlyMap<string, SourceFile>): string {
  if (value.value !== null) return value.value;
  const file = texts.get(value.location.path);
  if (!file) return '';
  return new DocumentText(file.text).textIn(value.location.range);
}

/** `compose.yaml:3: compose api builds Dockerfile stage 2 (runtime) with GO_VERSION=1.23` */
function toText(entry: TargetsJsonEntry, dockerfileFound: boolean): string {
  const built = entry.dockerfile === null ? 'builds a remote or inline Dockerfile' : `builds ${entry.dockerfile}${dockerfileFound ? '' : ' (not found)'}`;
  const wanted = entry.target === null ? '' : ` target ${entry.target}`;
  const stage = entry.stage !== null ? ` stage ${entry.stage}${entry.target === null ? ' (the last)' : ` (${entry.target})`}` : dockerfileFound ? `${wanted} (no such stage)` : wanted;
  const args = Object.entries(entry.args).map(([name, value]) => (value === null ? name : `${name}=${value}`));
  return `${entry.source}:${entry.line}: ${entry.kind} ${entry.name} ${built}${stage}${args.length > 0 ? ` with ${args.join(' ')}` : ''}\n`;
}

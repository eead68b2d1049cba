import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { EntryPoint, SourceFile } from '../core/entrypoints/entryPointModel';
import { entryPointFileKind, SKIPPED_FOLDERS } from '../core/entrypoints/entryPointFileKind';
import type { DockerfileFacts } from '../core/entrypoints/dockerfileFacts';
import { dockerfileFacts } from '../core/entrypoints/dockerfileFacts';
import { CliError } from './cliError';
import type { CliIo } from './cliIo';
import { readDockerfile } from './readDockerfile';

/** A path on this machine as the core's POSIX form. */
export function toPosix(fsPath: string): string {
  return fsPath.split(path.sep).join('/');
}

/**
 * Reads every Compose and Bake file under `directory` (recursively, not following symbolic links, skipping
 * `node_modules` and `.git`), with paths relative to it in POSIX form. A file that cannot be read as text stops the
 * command (`CliError`, exit 2).
 */
export async function readEntryPointTree(directory: string, io: CliIo): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  const visit = async (relative: string) => {
    const entries = await fs.readdir(path.join(directory, relative), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await visit(child);
      else if (entry.isFile() && entryPointFileKind(entry.name)) files.push({ path: child, text: (await readDockerfile(path.join(directory, child), io, 'Compose or Bake file')).text });
    }
  };
  await visit('');
  return files;
}

/** Reads the Compose and Bake files directly inside one folder (not below it); paths are that folder's + name. */
export async function readEntryPointFolder(directory: string, io: CliIo): Promise<SourceFile[]> {
  const entries = await fs.readdir(directory, { withFileTypes: true });
  const files: SourceFile[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile() || !entryPointFileKind(entry.name)) continue;
    const full = path.join(directory, entry.name);
    files.push({ path: toPosix(full), text: (await readDockerfile(full, io, 'Compose or Bake file')).text });
  }
  return files;
}

/**
 * The facts of each Dockerfile the entry points build, keyed by the core's path (resolved against `base`), each
 * read once. A Dockerfile that is missing or cannot be read is left out: its entry points resolve to no stage.
 */
export async function loadDockerfiles(base: string, entries: readonly EntryPoint[], io: CliIo): Promise<Map<string, DockerfileFacts>> {
  const loaded = new Map<string, DockerfileFacts>();
  for (const corePath of new Set(entries.map((entry) => entry.dockerfile))) {
    if (corePath === null) continue;
    try {
      loaded.set(corePath, dockerfileFacts((await readDockerfile(path.resolve(base, corePath), io)).text));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
    }
  }
  return loaded;
}

import { promises as fs } from 'node:fs';
import { CliError } from './cliError';
import type { CliIo } from './cliIo';

/** A Dockerfile read for a command: the name to show in messages and its text. */
export interface DockerfileInput {
  /** The path as given, or `<stdin>` for `-`. */
  displayName: string;
  text: string;
}

/** Larger inputs are refused rather than read into memory: no real Dockerfile comes close. */
export const MAX_DOCKERFILE_BYTES = 16 * 1024 * 1024;

/** Build logs are refused past this size: a long CI build with verbose steps runs to tens of MiB. */
export const MAX_BUILD_LOG_BYTES = 128 * 1024 * 1024;

/**
 * Reads a Dockerfile from a path or, for `-`, from stdin, and checks that it is text a Dockerfile can be: a
 * readable file (not a directory or device), not binary (no NUL byte), valid UTF-8, not too large. A leading byte
 * order mark is dropped (BuildKit ignores it too), so columns match what an editor shows. Throws `CliError` with a
 * one-line reason otherwise. `noun` names the kind of file in those reasons (a Compose file is read the same way).
 */
export function readDockerfile(path: string, io: CliIo, noun = 'Dockerfile'): Promise<DockerfileInput> {
  return readTextInput(path, io, noun, MAX_DOCKERFILE_BYTES);
}

/** Reads a build log (`stageflow timeline`) as `readDockerfile` reads a Dockerfile, up to `MAX_BUILD_LOG_BYTES`. */
export function readBuildLogInput(path: string, io: CliIo): Promise<DockerfileInput> {
  return readTextInput(path, io, 'build log', MAX_BUILD_LOG_BYTES);
}

async function readTextInput(path: string, io: CliIo, noun: string, maxBytes: number): Promise<DockerfileInput> {
  const displayName = path === '-' ? '<stdin>' : path;
  const bytes = path === '-' ? await io.readStdin(maxBytes) : await readFileChecked(path, noun, maxBytes);
  if (bytes === null) throw tooLarge(displayName, noun, maxBytes);
  return { displayName, text: decodeText(bytes, displayName, noun) };
}

async function readFileChecked(path: string, noun: string, maxBytes: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'r');
  } catch (error) {
    throw new CliError(`cannot read '${path}': ${describeFsError(error)}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new CliError(`'${path}' is a directory, not a ${noun}`);
    if (!stat.isFile() && !stat.isFIFO()) throw new CliError(`'${path}' is not a regular file`);
    if (stat.size > maxBytes) throw tooLarge(path, noun, maxBytes);
    return await readLimited(handle, path, noun, maxBytes);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read '${path}': ${describeFsError(error)}`);
  } finally {
    await handle.close();
  }
}

/** Reads to the end, but stops past the limit: a FIFO or a growing file has no trustworthy size. */
async function readLimited(handle: fs.FileHandle, path: string, noun: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(path, noun, maxBytes);
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

function tooLarge(displayName: string, noun: string, maxBytes: number): CliError {
  return new CliError(`'${displayName}' is too large for a ${noun} (over ${maxBytes / 1024 / 1024} MiB)`);
}

/** The text of a Dockerfile's bytes (from a file, stdin or git); `CliError` when they are binary or not UTF-8. */
export function decodeText(bytes: Buffer, displayName: string, noun = 'Dockerfile'): string {
  if (bytes.includes(0)) throw new CliError(`'${displayName}' is a binary file, not a ${noun}`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`'${displayName}' is not valid UTF-8 text`);
  }
}

/** The system's reason in words, without the stack or the errno prefix Node adds. */
function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return code ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { CliError } from './cliError';
import { decodeText, MAX_DOCKERFILE_BYTES, type DockerfileInput } from './readDockerfile';

/**
 * Reads a Dockerfile as it was at a git revision (`git show REV:./FILE`, FILE relative to the working directory),
 * with the same checks as a file on disk. Only git runs, with arguments it cannot read as options; a missing git,
 * a directory outside a repository, an unknown revision or a file the revision lacks is a `CliError` with git's
 * own reason.
 */
export async function readGitFile(revision: string, file: string): Promise<DockerfileInput> {
  if (revision === '' || revision.startsWith('-')) throw new CliError(`option '--git' needs a revision such as HEAD or main, got '${revision}'`);
  const relative = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
  const displayName = `${revision}:${file}`;
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    execFile(
      'git',
      ['show', `${revision}:./${relative}`],
      { encoding: 'buffer', maxBuffer: MAX_DOCKERFILE_BYTES, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new CliError(`'--git' needs git, which is not installed (or not on PATH)`));
        if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return reject(new CliError(`'${displayName}' is too large for a Dockerfile (over 16 MiB)`));
        }
        const reason = stderr.toString('utf8').trim().split('\n')[0].replace(/^fatal: /, '') || error.message;
        reject(new CliError(`cannot read '${displayName}' from git: ${reason}`));
      },
    );
  });
  return { displayName, text: decodeText(bytes, displayName) };
}

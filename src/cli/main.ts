import { version } from '../../package.json';
import { COMMANDS } from './commandTable';
import { CliError } from './cliError';
import type { CliIo } from './cliIo';
import { runCli } from './runCli';

/** The `stageflow` command: binds the CLI to this process (argv, stdio, environment, exit status). */

/** Reading stdin stops past `maxBytes`, so an endless pipe is refused instead of filling memory. */
function readStdin(maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    process.stdin.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        process.stdin.destroy();
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks, total)));
    process.stdin.on('error', (error) => reject(new CliError(`cannot read '<stdin>': ${error.message}`)));
  });
}

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (line) => process.stderr.write(`${line}\n`),
  readStdin,
  env: process.env,
};

// A reader that stops early (`stageflow graph | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), COMMANDS, version, io).then((status) => {
  process.exitCode = status;
});

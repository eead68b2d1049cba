import type { CliCommand } from './cliCommand';
import { CliError } from './cliError';
import type { CliIo } from './cliIo';
import { commandHelp, globalHelp, HELP_OPTION } from './helpText';
import { parseArguments } from './parseArguments';

/**
 * Runs one `stageflow` invocation and returns its exit status: dispatches `argv` (without `node` and the script)
 * to the named command of `commands`, handles `--help` and `--version`, and turns every failure into one line on
 * stderr: a `CliError` (usage, unreadable input) exits 2, and so does an unexpected internal error, shown without
 * its stack.
 */
export async function runCli(argv: string[], commands: readonly CliCommand[], version: string, io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) throw new CliError(`missing command (see 'stageflow --help')`);
    if (first === '--help' || first === '-h' || first === 'help') {
      io.out(globalHelp(commands, version));
      return 0;
    }
    if (first === '--version' || first === '-V') {
      io.out(`${version}\n`);
      return 0;
    }
    const command = commands.find((candidate) => candidate.name === first);
    if (!command) {
      const what = first.startsWith('-') ? 'option' : 'command';
      throw new CliError(`unknown ${what} '${first}' (see 'stageflow --help')`);
    }
    const args = parseArguments(rest, [...command.options, HELP_OPTION], command.name);
    if (args.has('--help')) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    const message = error instanceof CliError ? error.message : `internal error: ${describe(error)}`;
    io.err(`stageflow: ${printable(message)}`);
    return 2;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Keeps the message on one line even when a file name or argument holds line breaks or control characters. */
function printable(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (char) => JSON.stringify(char).slice(1, -1));
}

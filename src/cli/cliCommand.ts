import type { CliIo } from './cliIo';
import type { ParsedArguments } from './parseArguments';

/** An option a command accepts, as `--name`, `--name value` or `--name=value`. */
export interface CliOption {
  /** With the dashes: `--format`. */
  name: string;
  /** Placeholder of the value in help (`NAME`, `json|dot`); absent for a flag that takes no value. */
  value?: string;
  /** A one-letter alias without the dash (`h` for `-h`). */
  short?: string;
  /** May be given several times (`--build-arg A=1 --build-arg B=2`); otherwise the last one wins. */
  repeatable?: boolean;
  /** One line for `--help`. */
  description: string;
}

/**
 * One `stageflow` subcommand. The dispatcher (`runCli`) finds it by `name` in the command table
 * (`commandTable.ts`), parses its arguments against `options` (unknown options are usage errors; `--help` is
 * handled for every command from `usage`, `summary` and `options`), then calls `run`.
 *
 * To add a subcommand from its own file, export a `CliCommand` and add it to `COMMANDS` in `commandTable.ts`:
 * ```ts
 * export const nameStagesCommand: CliCommand = {
 *   name: 'name-stages',
 *   usage: 'name-stages FILE [--write]',
 *   summary: 'Give every unnamed stage a name.',
 *   options: [{ name: '--write', description: 'Rewrite FILE instead of printing the result.' }],
 *   async run(args, io) {
 *     const input = await readDockerfile(args.positionals[0], io); // CliError on bad input: exit 2
 *     io.out(...);
 *     return 0;
 *   },
 * };
 * ```
 * An option is one entry in `options` (Node's `parseArgs` reads it, `--help` lists it); options that several
 * commands take are one shared list spread into each (`RESOLVE_OPTIONS`).
 *
 * `run` returns the exit status: 0 success, 1 the Dockerfile has errors (or the change was refused), and throws
 * `CliError` for anything the user must fix (printed as one line, exit 2).
 */
export interface CliCommand {
  name: string;
  /** The synopsis after `stageflow `, e.g. `graph [FILE|-] [--format json|dot|mermaid]`. */
  usage: string;
  /** One line for the command list in `stageflow --help`. */
  summary: string;
  options: CliOption[];
  run(args: ParsedArguments, io: CliIo): Promise<number>;
}

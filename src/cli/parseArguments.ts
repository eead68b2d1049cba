import type { CliOption } from './cliCommand';
import { CliError } from './cliError';

/** A command's arguments after parsing: positionals in order and the values of each option given. */
export class ParsedArguments {
  constructor(
    readonly positionals: string[],
    private readonly values: ReadonlyMap<string, string[]>,
  ) {}

  /** The value of an option given once (the last one when repeated), or undefined. */
  value(name: string): string | undefined {
    return this.values.get(name)?.at(-1);
  }

  /** Every value of a repeatable option, in order. */
  all(name: string): string[] {
    return this.values.get(name) ?? [];
  }

  /** Whether a flag (or any option) was given. */
  has(name: string): boolean {
    return this.values.has(name);
  }
}

/**
 * Parses `argv` against a command's options: `--name value`, `--name=value`, flags, `--` to end options, and `-`
 * as a positional (stdin). `-h` means `--help`. Throws `CliError` for an unknown option or a missing value.
 */
export function parseArguments(argv: string[], options: CliOption[], command: string): ParsedArguments {
  const known = new Map(options.map((option) => [option.name, option]));
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg === '-h' ? '--help' : equals >= 0 ? arg.slice(0, equals) : arg;
    const option = known.get(name);
    if (!option) {
      throw new CliError(`unknown option '${name}' for '${command}' (see 'stageflow ${command} --help')`);
    }
    let value = '';
    if (option.value !== undefined) {
      if (equals >= 0) value = arg.slice(equals + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new CliError(`option '${name}' needs a value (${option.value})`);
    } else if (equals >= 0) {
      throw new CliError(`option '${name}' takes no value`);
    }
    values.set(name, option.repeatable ? [...(values.get(name) ?? []), value] : [value]);
  }
  return new ParsedArguments(positionals, values);
}

import { parseArgs, type ParseArgsConfig } from 'node:util';
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
 * Parses `argv` against a command's options with Node's `parseArgs`: `--name value`, `--name=value`, flags, `--`
 * to end options, `-` as a positional (stdin), and an option's `short` letter (`-h`). Node's lexer reads the
 * arguments; this walks its tokens so every mistake becomes a `CliError` in our words (an unknown option, a
 * missing value, a value for a flag), reported at the first one in `argv` order.
 */
export function parseArguments(argv: string[], options: readonly CliOption[], command: string): ParsedArguments {
  const known = new Map(options.map((option) => [option.name.slice(2), option]));
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const [key, option] of known) {
    config[key] = { type: option.value === undefined ? 'boolean' : 'string', ...(option.short ? { short: option.short } : {}) };
  }
  // Not strict: unknown options and missing values come back as tokens, so the messages below stay ours.
  const { tokens } = parseArgs({ args: argv, options: config, allowPositionals: true, strict: false, tokens: true });
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = known.get(token.name);
    if (!option) {
      // The argument as typed, up to any `=` (a group of short letters is named whole).
      const typed = argv[token.index].split('=')[0];
      throw new CliError(`unknown option '${typed}' for '${command}' (see 'stageflow ${command} --help')`);
    }
    if (option.value !== undefined && token.value === undefined) throw new CliError(`option '${option.name}' needs a value (${option.value})`);
    if (option.value === undefined && token.inlineValue) throw new CliError(`option '${option.name}' takes no value`);
    const value = token.value ?? '';
    values.set(option.name, option.repeatable ? [...(values.get(option.name) ?? []), value] : [value]);
  }
  return new ParsedArguments(positionals, values);
}

/**
 * How BuildKit's `instructions.Parse` reads each instruction, as one rule per instruction: how its arguments are
 * split, which flags it takes, and the checks it makes, in BuildKit's order (the first that fails is BuildKit's
 * error). `CommandReader` applies them.
 */
import type { Range } from '../model';
import { buildCheckMessages } from './buildChecks';
import type { CommandSyntax, FromSyntax } from './instructionSyntax';
import { parseJsonArray } from './parseJsonArray';
import { parseMountOptions } from './parseMountOptions';
import type { ScannedInstruction } from './scanInstructions';
import { parseShellWords, splitInstruction, splitOnWhitespace, type FlagWord, type Span, type SplitInstruction, type Word } from './splitInstruction';
import { withSuggestion } from './suggestName';

/** BuildKit's parse error for one instruction, with a stable code. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly code = 'ParseError',
  ) {
    super(message);
  }
}

/** The build checks an instruction reports while it is read. */
type ReadCheck = 'StageNameCasing' | 'FromAsCasing' | 'MaintainerDeprecated';

/** One instruction being read: its syntax so far and what the rule's steps need from the reader. */
export interface InstructionRead {
  syntax: CommandSyntax;
  scanned: ScannedInstruction;
  split: SplitInstruction;
  escapeToken: string;
  /** The flags, by name, once `flags` has checked them. */
  flags: Map<string, FlagWord>;
  /** The document range of a span of the logical line. */
  spanRange(span: Span): Range;
  /** Reports a build check (only top-level instructions do; an ONBUILD trigger is read again when it fires). */
  lint(rule: ReadCheck, message: string, replacement?: string): void;
  /** The instruction's line with one word replaced, when it is one line without heredocs; else undefined. */
  lineWithWordReplaced(word: Word, replacement: string): string | undefined;
  /** Reads an ONBUILD trigger, split from the rest of this instruction. */
  readTrigger(split: SplitInstruction): CommandSyntax;
}

/**
 * How the arguments are split: whitespace-separated words; a JSON array, else words or the whole rest; shell
 * words (quotes and escapes); the whole rest as one argument; or none at all.
 */
type ArgumentForm = 'words' | 'json-or-words' | 'json-or-rest' | 'shell-words' | 'rest' | 'none';

/** One step of reading an instruction; throws `ParseError` with BuildKit's message. */
type Step = (read: InstructionRead) => void;

interface InstructionRule {
  args: ArgumentForm;
  /** The flags it accepts (an unknown one is a parse error) and their kinds. */
  flags?: Record<string, 'string' | 'strings' | 'bool'>;
  /** The checks and extra reading, in BuildKit's order. */
  steps: Step[];
}

const keyOf = (read: InstructionRead): string => read.syntax.command.toUpperCase();

/** BuildKit's `BFlags.Parse` for the instruction: the flags by name, or a `ParseError`. */
const flags: Step = (read) => {
  const known = ruleFor(read.syntax.command)?.flags ?? {};
  for (const flag of read.split.flags) {
    const type = known[flag.name];
    if (!type) throw new ParseError(withSuggestion(`unknown flag: --${flag.name}`, flag.name, Object.keys(known), true), 'UnknownFlag');
    if (read.flags.has(flag.name) && type !== 'strings') throw new ParseError(`duplicate flag specified: --${flag.name}`);
    if (type === 'bool') {
      if (flag.value === '') throw new ParseError(`missing a value on flag: --${flag.name}`);
      const value = (flag.value ?? '').toLowerCase();
      if (value !== '' && value !== 'true' && value !== 'false') throw new ParseError(`expecting boolean value for flag --${flag.name}, not: ${flag.value}`);
    } else if (flag.value === null) {
      throw new ParseError(`missing a value on flag: --${flag.name}`);
    }
    read.flags.set(flag.name, flag);
  }
};

const exactlyOneArgument: Step = (read) => {
  if (read.syntax.args.length !== 1) throw new ParseError(`${keyOf(read)} requires exactly one argument`);
};

const atLeastOneArgument: Step = (read) => {
  if (read.syntax.args.length === 0) throw new ParseError(`${keyOf(read)} requires at least one argument`);
};

/** COPY and ADD: a source and a destination, never a heredoc as the destination; COPY's `--from`. */
const sourcesAndDestination: Step = (read) => {
  if (read.syntax.args.length < 2) {
    throw new ParseError(`${keyOf(read)} requires at least two arguments, but only one was provided. Destination could not be determined`);
  }
};

const copyFrom: Step = (read) => {
  const from = read.flags.get('from');
  if (!from) return;
  read.syntax.copyFrom = from;
  read.syntax.copyFromRange = from.valueSpan ? read.spanRange(from.valueSpan) : null;
};

const noHeredocDestination: Step = (read) => {
  const destination = read.syntax.args[read.syntax.args.length - 1];
  if (/^\d*<<-?[^<]+$/.test(destination) && read.syntax.heredocNames.length > 0) {
    throw new ParseError(`${keyOf(read)} cannot accept a heredoc as a destination`);
  }
};

/** RUN `--mount` options, with the range of `from=` when the flag's text is unchanged by quote removal. */
const mounts: Step = (read) => {
  const { logical } = read.scanned;
  for (const flag of read.split.flags) {
    if (flag.name !== 'mount' || flag.value === null) continue;
    const mount = parseMountOptions(flag.value);
    if (mount.error) throw new ParseError(mount.error, mount.from === null && mount.error.includes('variable') ? 'VariableInFrom' : 'InvalidMount');
    const valueStart = flag.valueSpan?.start ?? flag.start;
    const raw = logical.text.slice(valueStart, flag.end);
    const fromRange =
      mount.fromSpan && raw === flag.value
        ? read.spanRange({ start: valueStart + mount.fromSpan.start, end: valueStart + mount.fromSpan.end })
        : flag.valueSpan
          ? read.spanRange(flag.valueSpan)
          : null;
    read.syntax.mounts.push({ flag, from: mount.from, fromRange: mount.from !== null ? fromRange : null, options: mount.options });
  }
};

const noEmptyVolume: Step = (read) => {
  if (read.syntax.args.some((v) => v.trim() === '')) throw new ParseError('VOLUME specified can not be an empty string');
};

const noBlankArgName: Step = (read) => {
  if (read.syntax.args.some((a) => a.startsWith('='))) throw new ParseError('ARG names can not be blank');
};

const jsonForm: Step = (read) => {
  if (!read.syntax.json) throw new ParseError('SHELL requires the arguments to be in JSON form');
};

/** HEALTHCHECK NONE ignores flags; HEALTHCHECK CMD checks them. */
const healthcheckFlags: Step = (read) => {
  if (read.split.rest.text.split(/[\t\v\f\r ]+/)[0].toUpperCase() !== 'NONE') flags(read);
};

const maintainerDeprecated: Step = (read) => read.lint('MaintainerDeprecated', buildCheckMessages.MaintainerDeprecated());

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/** FROM: its casing checks, `image [AS name]`, `--platform`, and the ranges of its words. */
const from: Step = (read) => {
  const words = splitOnWhitespace(read.split.rest.text, read.split.rest.start);
  const args = words.map((w) => w.text);
  if (args.length === 3 && args[2] !== args[2].toLowerCase()) read.lint('StageNameCasing', buildCheckMessages.StageNameCasing(args[2]));
  if (args.length >= 3) {
    const keyword = read.syntax.keyword;
    const fromLower = keyword === keyword.toLowerCase();
    const fromUpper = keyword === keyword.toUpperCase();
    const asMatches = fromLower ? args[1] === args[1].toLowerCase() : args[1] === args[1].toUpperCase();
    if ((fromLower || fromUpper) && !asMatches) {
      const fixedAs = fromLower ? args[1].toLowerCase() : args[1].toUpperCase();
      read.lint('FromAsCasing', buildCheckMessages.FromAsCasing(keyword, args[1]), read.lineWithWordReplaced(words[1], fixedAs));
    }
  }
  if (args.length === 3 && args[1].toLowerCase() === 'as') {
    if (!VALID_STAGE_NAME.test(args[2].toLowerCase())) {
      throw new ParseError(`invalid name for build stage: ${JSON.stringify(args[2])}, name can't start with a number or contain symbols`, 'InvalidStageName');
    }
  } else if (args.length !== 1) {
    throw new ParseError('FROM requires either one or three arguments', 'InvalidFromArguments');
  }
  flags(read);
  const platform = read.flags.get('platform') ?? null;
  const withRange = (word: Word): Word & { range: Range } => ({ text: word.text, start: word.start, end: word.end, range: read.spanRange(word) });
  const fromSyntax: Omit<FromSyntax, keyof CommandSyntax> = {
    baseName: withRange(words[0]),
    asKeyword: words.length === 3 ? withRange(words[1]) : null,
    stageName: words.length === 3 ? withRange(words[2]) : null,
    platform,
    platformRange: platform?.valueSpan ? read.spanRange(platform.valueSpan) : null,
  };
  Object.assign(read.syntax, fromSyntax);
};

/** ONBUILD: a trigger that is neither ONBUILD, MAINTAINER nor FROM, read now and checked when a child runs it. */
const onbuildTrigger: Step = (read) => {
  if (read.split.rest.text === '') throw new ParseError('ONBUILD requires at least one argument');
  flags(read);
  const triggerSplit = splitInstruction(read.scanned.logical, read.escapeToken, read.split.rest.start);
  const trigger = triggerSplit.keyword.text.toUpperCase();
  if (trigger === 'ONBUILD') throw new ParseError('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
  if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new ParseError(`${trigger} isn't allowed as an ONBUILD trigger`);
  try {
    read.syntax.trigger = read.readTrigger(triggerSplit);
  } catch (err) {
    // BuildKit parses the trigger only when a child stage runs it, and reports the bare message then.
    read.syntax.triggerError = err instanceof Error ? err.message : String(err);
  }
};

/** Every Dockerfile instruction BuildKit knows, lowercased. */
export const INSTRUCTION_RULES: Readonly<Record<string, InstructionRule>> = {
  add: {
    args: 'json-or-words',
    flags: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool', exclude: 'strings' },
    steps: [sourcesAndDestination, flags, noHeredocDestination],
  },
  arg: { args: 'shell-words', steps: [atLeastOneArgument, noBlankArgName] }, // BuildKit never parses ARG's flags
  cmd: { args: 'json-or-rest', steps: [flags] },
  copy: {
    args: 'json-or-words',
    flags: { chown: 'string', from: 'string', chmod: 'string', link: 'bool', exclude: 'strings', parents: 'bool' },
    steps: [sourcesAndDestination, flags, copyFrom, noHeredocDestination],
  },
  entrypoint: { args: 'json-or-rest', steps: [flags] },
  env: { args: 'shell-words', steps: [flags, atLeastOneArgument] },
  expose: { args: 'words', steps: [atLeastOneArgument, flags] },
  from: { args: 'words', flags: { platform: 'string' }, steps: [from] },
  healthcheck: {
    args: 'rest',
    flags: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
    steps: [atLeastOneArgument, healthcheckFlags],
  },
  label: { args: 'shell-words', steps: [flags, atLeastOneArgument] },
  maintainer: { args: 'rest', steps: [maintainerDeprecated, exactlyOneArgument, flags] },
  onbuild: { args: 'none', steps: [onbuildTrigger] },
  run: { args: 'json-or-rest', flags: { mount: 'strings', network: 'string', security: 'string', device: 'strings' }, steps: [flags, mounts] },
  shell: { args: 'json-or-rest', steps: [flags, atLeastOneArgument, jsonForm] },
  stopsignal: { args: 'rest', steps: [exactlyOneArgument] }, // BuildKit never parses STOPSIGNAL's flags
  user: { args: 'rest', steps: [exactlyOneArgument, flags] },
  volume: { args: 'json-or-words', steps: [atLeastOneArgument, flags, noEmptyVolume] },
  workdir: { args: 'rest', steps: [exactlyOneArgument, flags] },
};

/** The rule of a lowercased instruction name, or undefined for one BuildKit does not know. */
function ruleFor(command: string): InstructionRule | undefined {
  return Object.hasOwn(INSTRUCTION_RULES, command) ? INSTRUCTION_RULES[command] : undefined;
}

/** Whether BuildKit reads this instruction's arguments as a JSON array when they look like one. */
export function takesJsonForm(command: string): boolean {
  return ruleFor(command)?.args.startsWith('json') ?? false;
}

/**
 * Reads an instruction by its rule: splits the arguments, then runs the steps. An unknown instruction is BuildKit's
 * "unknown instruction" error, with a suggestion.
 */
export function applyInstructionRule(read: InstructionRead): void {
  const rule = ruleFor(read.syntax.command);
  read.syntax.args = splitArguments(read, rule?.args ?? 'rest');
  if (!rule) {
    const keyword = read.split.keyword.text;
    const known = Object.keys(INSTRUCTION_RULES).map((name) => name.toUpperCase());
    throw new ParseError(withSuggestion(`unknown instruction: ${keyword}`, keyword, known, false), 'UnknownInstruction');
  }
  for (const step of rule.steps) step(read);
}

function splitArguments(read: InstructionRead, form: ArgumentForm): string[] {
  const { rest } = read.split;
  const words = (): string[] => splitOnWhitespace(rest.text, rest.start).map((w) => w.text);
  const whole = (): string[] => (rest.text === '' ? [] : [rest.text]);
  switch (form) {
    case 'words':
      return words();
    case 'json-or-words':
    case 'json-or-rest': {
      const json = parseJsonArray(rest.text);
      read.syntax.json = json.values !== null;
      return json.values ?? (form === 'json-or-words' ? words() : whole());
    }
    case 'shell-words':
      return parseShellWords(rest.text, rest.start, read.escapeToken).map((w) => w.text);
    case 'rest':
      return whole();
    case 'none':
      return [];
  }
}

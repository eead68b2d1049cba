/**
 * Turns scanned instructions into meta ARGs and stages, as BuildKit's `instructions.Parse` does, with its parse
 * errors ("dockerfile parse error on line N: ...") and the build checks that run while parsing.
 */
import { BuildCheckCollector, buildCheckMessages } from './buildChecks';
import type { DocumentText } from './documentText';
import type { Range } from '../model';
import { parseJsonArray } from './parseJsonArray';
import { parseMountOptions } from './parseMountOptions';
import { scanInstructions, type LogicalLine, type ParserDirective, type ScannedInstruction, type ScanResult } from './scanInstructions';
import {
  parseShellWords,
  splitInstruction,
  splitOnWhitespace,
  type FlagWord,
  type Span,
  type SplitInstruction,
  type Word,
} from './splitInstruction';
import { withSuggestion } from './suggestName';

/** A `RUN --mount` as parsed before expansion. */
export interface MountSyntax {
  flag: FlagWord;
  from: string | null;
  fromRange: Range | null;
  options: Record<string, string>;
}

/** One instruction after FROM (or an ONBUILD trigger), with what the stage graph needs from it. */
export interface CommandSyntax {
  /** Lowercased keyword. */
  command: string;
  /** The keyword as written. */
  keyword: string;
  keywordRange: Range;
  /** 1-based lines, BuildKit's location. */
  line: number;
  endLine: number;
  /** The whole instruction, heredoc bodies included. */
  range: Range;
  flags: FlagWord[];
  /** Arguments: JSON strings, whitespace-separated words or the whole rest, as BuildKit's line parser gives them. */
  args: string[];
  json: boolean;
  /** The arguments' text after the flags. */
  rest: string;
  /** The instruction's text with continuations joined (heredoc bodies left out). */
  text: string;
  /** COPY --from flag. */
  copyFrom: FlagWord | null;
  copyFromRange: Range | null;
  mounts: MountSyntax[];
  /** For ONBUILD: the trigger instruction, and why BuildKit rejects it when the trigger runs (or null). */
  trigger: CommandSyntax | null;
  triggerError: string | null;
  /** Heredoc names (for COPY: sources written as heredocs). */
  heredocNames: string[];
}

/** A FROM instruction, with the ranges of its words. */
export interface FromSyntax extends CommandSyntax {
  baseName: Word & { range: Range };
  asKeyword: (Word & { range: Range }) | null;
  stageName: (Word & { range: Range }) | null;
  platform: FlagWord | null;
  platformRange: Range | null;
}

/** A stage as written: its FROM and the instructions after it. */
export interface StageSyntax {
  from: FromSyntax;
  /** Lowercased `AS` name, or null. */
  name: string | null;
  commands: CommandSyntax[];
}

/** An ARG declared before the first FROM. */
export interface MetaArgSyntax {
  name: string;
  /** The value after `=` as written, or null. */
  rawDefault: string | null;
  line: number;
  range: Range;
}

/** The parse of a whole document, before resolution. */
export interface ParsedDockerfile {
  escapeToken: string;
  syntax: string | null;
  /** The parser directives at the top of the file (`# syntax=`, `# escape=`, `# check=`), one line each. */
  directives: ParserDirective[];
  metaArgs: MetaArgSyntax[];
  stages: StageSyntax[];
  /** BuildKit's parse error (with a stable code), or null; the stages parsed before it are kept. */
  error: { code: string; message: string; range: Range } | null;
  checks: BuildCheckCollector;
}

const INSTRUCTIONS = [
  'add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer',
  'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir',
];

/** Flags each instruction accepts; an unknown one is a parse error. */
const KNOWN_FLAGS: Record<string, Record<string, 'string' | 'strings' | 'bool'>> = {
  from: { platform: 'string' },
  copy: { chown: 'string', from: 'string', chmod: 'string', link: 'bool', exclude: 'strings', parents: 'bool' },
  add: {
    chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool',
    exclude: 'strings',
  },
  run: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  healthcheck: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

class ParseError extends Error {
  constructor(
    message: string,
    readonly code = 'ParseError',
  ) {
    super(message);
  }
}

/** Parses the document; never throws. */
export function parseDockerfile(doc: DocumentText): ParsedDockerfile {
  const scan = scanInstructions(doc);
  const syntax = scan.directives.find((d) => d.name === 'syntax')?.value ?? null;
  const check = scan.directives.find((d) => d.name === 'check')?.value ?? null;
  const parsed: ParsedDockerfile = {
    escapeToken: scan.escapeToken,
    syntax,
    directives: scan.directives,
    metaArgs: [],
    stages: [],
    error: null,
    checks: new BuildCheckCollector(check),
  };
  if (doc.text.length === 0) {
    parsed.error = { code: 'EmptyDockerfile', message: 'the Dockerfile cannot be empty', range: doc.lineRange(0) };
    return parsed;
  }
  parsed.error = lineParserError(scan, doc);
  // BuildKit's checks only run once its line parser accepted the whole file.
  const checks = parsed.error ? new BuildCheckCollector('skip=all') : parsed.checks;
  for (const scanned of scan.instructions) {
    for (const line of scanned.emptyContinuationLines) {
      checks.report('NoEmptyContinuation', buildCheckMessages.NoEmptyContinuation(), scanned.logicalEndLine + 1, doc.lineRange(line));
    }
  }
  const reader = new CommandReader(doc, scan.escapeToken, checks);
  for (const scanned of scan.instructions) {
    let command: CommandSyntax;
    try {
      command = reader.read(scanned);
    } catch (err) {
      // After the first error BuildKit stops; the stages read so far (and, after a line-parser error, the later
      // ones that still read) are kept for display.
      if (parsed.error) continue;
      const message = err instanceof ParseError ? err.message : String(err);
      parsed.error = {
        code: err instanceof ParseError ? err.code : 'ParseError',
        message: `dockerfile parse error on line ${scanned.startLine + 1}: ${message}`,
        range: reader.instructionRange(scanned),
      };
      return parsed;
    }
    if (command.command === 'from') {
      parsed.stages.push({
        from: command as FromSyntax,
        name: (command as FromSyntax).stageName?.text.toLowerCase() ?? null,
        commands: [],
      });
      continue;
    }
    if (parsed.stages.length === 0) {
      if (command.command === 'arg') {
        parsed.metaArgs.push(...metaArgsOf(command, scanned, reader));
        continue;
      }
      if (parsed.error) continue;
      parsed.error = { code: 'InstructionBeforeFrom', message: 'no build stage in current context', range: command.range };
      return parsed;
    }
    parsed.stages[parsed.stages.length - 1].commands.push(command);
  }
  if (!parsed.error && parsed.stages.length === 0) {
    parsed.error = { code: 'NoStages', message: 'dockerfile contains no stages to build', range: doc.lineRange(0) };
  }
  return parsed;
}

/**
 * The first error of BuildKit's line parser (`parser/parser.go`, `line_parsers.go`), in file order: a directive
 * or heredoc problem found while scanning, a JSON array holding something other than strings, or an ENV/LABEL
 * without a value. These come before any instruction-level error, and carry no "dockerfile parse error" prefix.
 */
function lineParserError(scan: ScanResult, doc: DocumentText): ParsedDockerfile['error'] {
  for (const scanned of scan.instructions) {
    if (scan.error && scanned.startLine > scan.error.line) break;
    let split = splitInstruction(scanned.logical, scan.escapeToken);
    if (split.keyword.text.toLowerCase() === 'onbuild' && split.rest.text !== '') {
      split = splitInstruction(scanned.logical, scan.escapeToken, split.rest.start);
    }
    const message = lineError(split, scan.escapeToken);
    if (message) return { code: 'ParseError', message, range: doc.lineRange(scanned.startLine, scanned.logicalEndLine) };
  }
  return scan.error ? { code: scan.error.code, message: scan.error.message, range: doc.lineRange(scan.error.line) } : null;
}

const JSON_FORM_COMMANDS = new Set(['add', 'copy', 'volume', 'run', 'cmd', 'entrypoint', 'shell']);

function lineError(split: SplitInstruction, escapeToken: string): string | null {
  const command = split.keyword.text.toLowerCase();
  if (JSON_FORM_COMMANDS.has(command) && parseJsonArray(split.rest.text).invalid) {
    return 'when using JSON array syntax, arrays must be comprised of strings only';
  }
  if (command === 'env' || command === 'label') {
    const words = parseShellWords(split.rest.text, 0, escapeToken).map((w) => w.text);
    const key = command.toUpperCase();
    if (words.length === 0) return null;
    if (!words[0].includes('=')) {
      return split.rest.text.split(/[\t\v\f\r ]+/).length < 2 ? `${key} must have two arguments` : null;
    }
    const bad = words.find((w) => !w.includes('='));
    if (bad !== undefined) return `Syntax error - can't find = in ${JSON.stringify(bad)}. Must be of the form: name=value`;
  }
  return null;
}

function metaArgsOf(command: CommandSyntax, scanned: ScannedInstruction, reader: CommandReader): MetaArgSyntax[] {
  return command.args.map((word) => {
    const eq = word.indexOf('=');
    return {
      name: eq < 0 ? word : word.slice(0, eq),
      rawDefault: eq < 0 ? null : word.slice(eq + 1),
      line: scanned.startLine + 1,
      range: reader.instructionRange(scanned),
    };
  });
}

/** Reads one instruction into a `CommandSyntax`, throwing `ParseError` with BuildKit's message. */
class CommandReader {
  constructor(
    private readonly doc: DocumentText,
    private readonly escapeToken: string,
    private readonly checks: BuildCheckCollector,
  ) {}

  instructionRange(scanned: ScannedInstruction): Range {
    const start = this.doc.positionAt(scanned.logical.offsets[0] ?? this.doc.lineStarts[scanned.startLine]);
    const end = this.doc.lineRange(scanned.endLine).end;
    return { start, end };
  }

  spanRange(logical: LogicalLine, span: Span): Range {
    const start = logical.offsets[Math.min(span.start, logical.offsets.length - 1)];
    const end = span.end > span.start ? logical.offsets[span.end - 1] + 1 : start;
    return this.doc.rangeAt(start, end);
  }

  read(scanned: ScannedInstruction): CommandSyntax {
    const split = splitInstruction(scanned.logical, this.escapeToken);
    return this.readSplit(scanned, split, true);
  }

  private readSplit(scanned: ScannedInstruction, split: SplitInstruction, topLevel: boolean): CommandSyntax {
    const { logical } = scanned;
    const command = split.keyword.text.toLowerCase();
    const line = scanned.startLine + 1;
    const range = this.instructionRange(scanned);
    const syntax: CommandSyntax = {
      command,
      keyword: split.keyword.text,
      keywordRange: this.spanRange(logical, split.keyword),
      line,
      endLine: scanned.endLine + 1,
      range,
      flags: split.flags,
      args: [],
      json: false,
      rest: split.rest.text,
      text: logical.text.trim(),
      copyFrom: null,
      copyFromRange: null,
      mounts: [],
      trigger: null,
      triggerError: null,
      heredocNames: scanned.heredocs.map((h) => h.name),
    };
    const lint = (rule: 'StageNameCasing' | 'FromAsCasing' | 'MaintainerDeprecated', message: string, replacement?: string) => {
      if (topLevel) this.checks.report(rule, message, line, range, replacement);
    };

    switch (command) {
      case 'from':
      case 'expose':
        syntax.args = splitOnWhitespace(split.rest.text, split.rest.start).map((w) => w.text);
        break;
      case 'copy':
      case 'add':
      case 'volume': {
        const json = parseJsonArray(split.rest.text);
        syntax.json = json.values !== null;
        syntax.args = json.values ?? splitOnWhitespace(split.rest.text, split.rest.start).map((w) => w.text);
        break;
      }
      case 'run':
      case 'cmd':
      case 'entrypoint':
      case 'shell': {
        const json = parseJsonArray(split.rest.text);
        syntax.json = json.values !== null;
        syntax.args = json.values ?? (split.rest.text === '' ? [] : [split.rest.text]);
        break;
      }
      case 'arg':
      case 'env':
      case 'label':
        syntax.args = parseShellWords(split.rest.text, split.rest.start, this.escapeToken).map((w) => w.text);
        break;
      case 'onbuild':
        break;
      default:
        syntax.args = split.rest.text === '' ? [] : [split.rest.text];
    }

    switch (command) {
      case 'from':
        return this.readFrom(syntax, scanned, split, lint);
      case 'copy':
      case 'add': {
        if (syntax.args.length < 2) {
          throw new ParseError(
            `${command.toUpperCase()} requires at least two arguments, but only one was provided. Destination could not be determined`,
          );
        }
        const flags = this.parseFlags(command, split.flags);
        if (command === 'copy' && flags.has('from')) {
          syntax.copyFrom = flags.get('from')!;
          const span = syntax.copyFrom.valueSpan;
          syntax.copyFromRange = span ? this.spanRange(logical, span) : null;
        }
        const destination = syntax.args[syntax.args.length - 1];
        if (/^\d*<<-?[^<]+$/.test(destination) && syntax.heredocNames.length > 0) {
          throw new ParseError(`${command.toUpperCase()} cannot accept a heredoc as a destination`);
        }
        return syntax;
      }
      case 'run': {
        this.parseFlags(command, split.flags);
        for (const flag of split.flags) {
          if (flag.name !== 'mount' || flag.value === null) continue;
          const mount = parseMountOptions(flag.value);
          if (mount.error) throw new ParseError(mount.error, mount.from === null && mount.error.includes('variable') ? 'VariableInFrom' : 'InvalidMount');
          const valueStart = flag.valueSpan?.start ?? flag.start;
          // The flag value may have had quotes removed; map the from= span only when the text is unchanged.
          const raw = logical.text.slice(valueStart, flag.end);
          const fromRange =
            mount.fromSpan && raw === flag.value
              ? this.spanRange(logical, { start: valueStart + mount.fromSpan.start, end: valueStart + mount.fromSpan.end })
              : flag.valueSpan
                ? this.spanRange(logical, flag.valueSpan)
                : null;
          syntax.mounts.push({ flag, from: mount.from, fromRange: mount.from !== null ? fromRange : null, options: mount.options });
        }
        return syntax;
      }
      case 'onbuild':
        return this.readOnbuild(syntax, scanned, split);
      case 'maintainer':
        lint('MaintainerDeprecated', buildCheckMessages.MaintainerDeprecated());
        if (syntax.args.length !== 1) throw new ParseError('MAINTAINER requires exactly one argument');
        this.parseFlags(command, split.flags);
        return syntax;
      case 'workdir':
      case 'user':
      case 'stopsignal':
        if (syntax.args.length !== 1) throw new ParseError(`${command.toUpperCase()} requires exactly one argument`);
        // BuildKit never parses STOPSIGNAL's flags, so any are ignored.
        if (command !== 'stopsignal') this.parseFlags(command, split.flags);
        return syntax;
      case 'env':
      case 'label':
        this.parseFlags(command, split.flags);
        if (syntax.args.length === 0) throw new ParseError(`${command.toUpperCase()} requires at least one argument`);
        return syntax;
      case 'expose':
      case 'volume':
        if (syntax.args.length === 0) throw new ParseError(`${command.toUpperCase()} requires at least one argument`);
        this.parseFlags(command, split.flags);
        if (command === 'volume' && syntax.args.some((v) => v.trim() === '')) throw new ParseError('VOLUME specified can not be an empty string');
        return syntax;
      case 'arg':
        // BuildKit never parses ARG's flags, so any are ignored.
        if (syntax.args.length === 0) throw new ParseError('ARG requires at least one argument');
        if (syntax.args.some((a) => a.startsWith('='))) throw new ParseError('ARG names can not be blank');
        return syntax;
      case 'healthcheck':
        if (syntax.args.length === 0) throw new ParseError('HEALTHCHECK requires at least one argument');
        // HEALTHCHECK NONE ignores flags; HEALTHCHECK CMD checks them.
        if (split.rest.text.split(/[\t\v\f\r ]+/)[0].toUpperCase() !== 'NONE') this.parseFlags(command, split.flags);
        return syntax;
      case 'cmd':
      case 'entrypoint':
        this.parseFlags(command, split.flags);
        return syntax;
      case 'shell':
        this.parseFlags(command, split.flags);
        if (syntax.args.length === 0) throw new ParseError('SHELL requires at least one argument');
        if (!syntax.json) throw new ParseError('SHELL requires the arguments to be in JSON form');
        return syntax;
      default:
        throw new ParseError(
          withSuggestion(`unknown instruction: ${split.keyword.text}`, split.keyword.text, INSTRUCTIONS.map((i) => i.toUpperCase()), false),
          'UnknownInstruction',
        );
    }
  }

  private readFrom(
    syntax: CommandSyntax,
    scanned: ScannedInstruction,
    split: SplitInstruction,
    lint: (rule: 'StageNameCasing' | 'FromAsCasing', message: string, replacement?: string) => void,
  ): FromSyntax {
    const { logical } = scanned;
    const words = splitOnWhitespace(split.rest.text, split.rest.start);
    const args = words.map((w) => w.text);
    if (args.length === 3 && args[2] !== args[2].toLowerCase()) {
      lint('StageNameCasing', buildCheckMessages.StageNameCasing(args[2]));
    }
    if (args.length >= 3) {
      const keyword = syntax.keyword;
      const fromLower = keyword === keyword.toLowerCase();
      const fromUpper = keyword === keyword.toUpperCase();
      const asMatches = fromLower ? args[1] === args[1].toLowerCase() : args[1] === args[1].toUpperCase();
      if ((fromLower || fromUpper) && !asMatches) {
        const fixedAs = fromLower ? args[1].toLowerCase() : args[1].toUpperCase();
        lint('FromAsCasing', buildCheckMessages.FromAsCasing(keyword, args[1]), this.singleLineWithWordReplaced(scanned, words[1], fixedAs));
      }
    }
    if (args.length === 3 && args[1].toLowerCase() === 'as') {
      if (!VALID_STAGE_NAME.test(args[2].toLowerCase())) {
        throw new ParseError(
          `invalid name for build stage: ${JSON.stringify(args[2])}, name can't start with a number or contain symbols`,
          'InvalidStageName',
        );
      }
    } else if (args.length !== 1) {
      throw new ParseError('FROM requires either one or three arguments', 'InvalidFromArguments');
    }
    const flags = this.parseFlags('from', split.flags);
    const platform = flags.get('platform') ?? null;
    const fromSyntax: FromSyntax = Object.assign(syntax, {
      baseName: this.wordWithRange(logical, words[0]),
      asKeyword: words.length === 3 ? this.wordWithRange(logical, words[1]) : null,
      stageName: words.length === 3 ? this.wordWithRange(logical, words[2]) : null,
      platform,
      platformRange: platform?.valueSpan ? this.spanRange(logical, platform.valueSpan) : null,
    });
    return fromSyntax;
  }

  /**
   * The instruction's text with one word replaced, when the instruction is a single line without heredocs (so the
   * replacement of its whole range is exact), else undefined.
   */
  private singleLineWithWordReplaced(scanned: ScannedInstruction, word: Word, replacement: string): string | undefined {
    if (scanned.startLine !== scanned.endLine) return undefined;
    const { logical } = scanned;
    const start = logical.offsets[0];
    const lineEnd = this.doc.lineStarts[scanned.startLine] + this.doc.contentLength(scanned.startLine);
    const text = this.doc.text.slice(start, lineEnd);
    const wordStart = logical.offsets[word.start] - start;
    const wordEnd = logical.offsets[word.end - 1] + 1 - start;
    return text.slice(0, wordStart) + replacement + text.slice(wordEnd);
  }

  private wordWithRange(logical: LogicalLine, word: Word): Word & { range: Range } {
    return { text: word.text, start: word.start, end: word.end, range: this.spanRange(logical, word) };
  }

  private readOnbuild(syntax: CommandSyntax, scanned: ScannedInstruction, split: SplitInstruction): CommandSyntax {
    if (split.rest.text === '') throw new ParseError('ONBUILD requires at least one argument');
    this.parseFlags('onbuild', split.flags);
    const triggerSplit = splitInstruction(scanned.logical, this.escapeToken, split.rest.start);
    const trigger = triggerSplit.keyword.text.toUpperCase();
    if (trigger === 'ONBUILD') throw new ParseError('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
    if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new ParseError(`${trigger} isn't allowed as an ONBUILD trigger`);
    try {
      syntax.trigger = this.readSplit(scanned, triggerSplit, false);
    } catch (err) {
      // BuildKit parses the trigger only when a child stage runs it, and reports the bare message then.
      syntax.triggerError = err instanceof Error ? err.message : String(err);
    }
    return syntax;
  }

  /** BuildKit's `BFlags.Parse` for one instruction: the flags by name, or a `ParseError`. */
  private parseFlags(command: string, flags: FlagWord[]): Map<string, FlagWord> {
    const known = KNOWN_FLAGS[command] ?? {};
    const used = new Map<string, FlagWord>();
    for (const flag of flags) {
      const type = known[flag.name];
      if (!type) {
        throw new ParseError(withSuggestion(`unknown flag: --${flag.name}`, flag.name, Object.keys(known), true), 'UnknownFlag');
      }
      if (used.has(flag.name) && type !== 'strings') throw new ParseError(`duplicate flag specified: --${flag.name}`);
      if (type === 'bool') {
        if (flag.value === '') throw new ParseError(`missing a value on flag: --${flag.name}`);
        const value = (flag.value ?? '').toLowerCase();
        if (value !== '' && value !== 'true' && value !== 'false') {
          throw new ParseError(`expecting boolean value for flag --${flag.name}, not: ${flag.value}`);
        }
      } else if (flag.value === null) {
        throw new ParseError(`missing a value on flag: --${flag.name}`);
      }
      used.set(flag.name, flag);
    }
    return used;
  }
}

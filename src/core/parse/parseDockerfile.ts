/**
 * Turns scanned instructions into meta ARGs and stages, as BuildKit's `instructions.Parse` does, with its parse
 * errors ("dockerfile parse error on line N: ...") and the build checks that run while parsing.
 */
import { BuildCheckCollector, buildCheckMessages } from './buildChecks';
import { CommandReader } from './commandReader';
import type { DocumentText } from './documentText';
import { ParseError, takesJsonForm } from './instructionRules';
import type { CommandSyntax, FromSyntax, MetaArgSyntax, StageSyntax } from './instructionSyntax';
import type { Range } from '../model';
import { parseJsonArray } from './parseJsonArray';
import { scanInstructions, type ParserDirective, type ScannedInstruction, type ScanResult } from './scanInstructions';
import { parseShellWords, splitInstruction, type SplitInstruction } from './splitInstruction';

export type { CommandSyntax, FromSyntax, MetaArgSyntax, MountSyntax, StageSyntax } from './instructionSyntax';

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

function lineError(split: SplitInstruction, escapeToken: string): string | null {
  const command = split.keyword.text.toLowerCase();
  if (takesJsonForm(command) && parseJsonArray(split.rest.text).invalid) {
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

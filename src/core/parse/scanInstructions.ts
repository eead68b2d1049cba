/**
 * Splits a Dockerfile into instructions exactly as BuildKit's line parser (`parser/parser.go`) does: parser
 * directives at the top, the escape character, line continuations (comment and blank lines inside a continued
 * instruction are dropped), and heredoc bodies on RUN/COPY/ADD (and ONBUILD of those), which are not instructions.
 *
 * Every character of an instruction's joined ("logical") line keeps its document offset, so words found in it map
 * back to exact editor ranges.
 *
 * This follows BuildKit rather than dockerfile-ast because dockerfile-ast reads some files differently: a JSON-form
 * COPY whose continuation holds a comment line, heredoc bodies counted as COPY arguments, no ARG expansion in FROM
 * (test/unit/core/parserDetails.test.ts shows each case). It also costs less than a dockerfile-ast parse
 * (bench/graph.bench.ts).
 */
import type { DocumentText } from './documentText';
import { parseJsonArray } from './parseJsonArray';
import { unquoteShellWord } from './unquoteShellWord';

/** An instruction's text with continuations joined, and where each character sits in the document. */
export interface LogicalLine {
  text: string;
  /** `offsets[i]` is the document offset of `text[i]`; `offsets[text.length]` is the offset just after the end. */
  offsets: number[];
}

/** A heredoc body that belongs to an instruction. */
export interface ScannedHeredoc {
  name: string;
  chomp: boolean;
  /** 0-based lines of the body (without the terminator). */
  firstLine: number;
  lastLine: number;
}

/** One instruction as BuildKit's line parser delimits it. */
export interface ScannedInstruction {
  logical: LogicalLine;
  /** 0-based first line, and last line (heredoc terminators included). */
  startLine: number;
  endLine: number;
  /** Last line of the instruction text itself (before any heredoc body). */
  logicalEndLine: number;
  heredocs: ScannedHeredoc[];
  /** 0-based lines of empty continuation lines (BuildKit's `NoEmptyContinuation` warning). */
  emptyContinuationLines: number[];
}

/** A `# name=value` parser directive at the top of the file. */
export interface ParserDirective {
  name: string;
  value: string;
  line: number;
}

/** The scan of a whole document. */
export interface ScanResult {
  escapeToken: string;
  directives: ParserDirective[];
  instructions: ScannedInstruction[];
  /** A BuildKit parser error (the file does not build), with a stable code and its 0-based line. */
  error: { code: string; message: string; line: number } | null;
}

const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const VALID_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;
const HEREDOC_COMMANDS = new Set(['add', 'copy', 'run']);

/** Go's `unicode.IsSpace`. */
export function isGoSpace(ch: string): boolean {
  switch (ch) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case '\u0085':
    case '\u00a0':
    case '\u1680':
    case '\u2028':
    case '\u2029':
    case '\u202f':
    case '\u205f':
    case '\u3000':
      return true;
    default:
      return ch >= '\u2000' && ch <= '\u200a';
  }
}

/** BuildKit's `reWhitespace` (`[\t\v\f\r ]+`) characters. */
export function isSeparator(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\v' || ch === '\f' || ch === '\r';
}

/** Scans the whole document; never throws. */
export function scanInstructions(doc: DocumentText): ScanResult {
  return new InstructionScanner(doc).scan();
}

class InstructionScanner {
  private escapeToken = '\\';
  private directivesDone = false;
  private readonly directives: ParserDirective[] = [];

  constructor(private readonly doc: DocumentText) {}

  scan(): ScanResult {
    const { doc } = this;
    const instructions: ScannedInstruction[] = [];
    const result = (error: ScanResult['error']): ScanResult => ({
      escapeToken: this.escapeToken,
      directives: this.directives,
      instructions,
      error,
    });
    let line = 0;
    while (line < doc.lineCount) {
      const startLine = line;
      let start = doc.lineStarts[line];
      let raw = doc.lines[line];
      line++;
      if (startLine === 0 && raw.startsWith('\ufeff')) {
        raw = raw.slice(1);
        start++;
      }
      const trimmed = trimNewline(raw);
      const indent = leadingSpaceLength(trimmed);
      const token = trimmed.slice(indent);
      const directiveError = this.parseDirective(token, startLine);
      if (directiveError) return result({ code: 'InvalidDirective', message: directiveError, line: startLine });
      if (isComment(token)) continue;

      const logical: LogicalLine = { text: '', offsets: [] };
      let cut = continuationCut(token, this.escapeToken);
      let isEndOfLine = cut < 0;
      appendSegment(logical, token, isEndOfLine ? token.length : cut, start + indent);
      if (isEndOfLine && logical.text.length === 0) continue;

      const emptyContinuationLines: number[] = [];
      let logicalEndLine = startLine;
      while (!isEndOfLine && line < doc.lineCount) {
        const next = doc.lines[line];
        const nextLine = line;
        line++;
        logicalEndLine = nextLine;
        if (isComment(next)) continue;
        const body = trimNewline(next);
        if (leadingSpaceLength(body) === body.length) {
          emptyContinuationLines.push(nextLine);
          continue;
        }
        cut = continuationCut(body, this.escapeToken);
        isEndOfLine = cut < 0;
        appendSegment(logical, body, isEndOfLine ? body.length : cut, doc.lineStarts[nextLine]);
      }
      logical.offsets.push(logical.offsets.length > 0 ? logical.offsets[logical.offsets.length - 1] + 1 : start + indent);

      const heredocs: ScannedHeredoc[] = [];
      if (logical.text.includes('<<') && canContainHeredoc(logical.text)) {
        for (const { name, chomp } of heredocsFromLine(logical.text)) {
          let terminated = false;
          const firstLine = line;
          while (line < doc.lineCount) {
            let candidate = trimNewline(doc.lines[line]);
            line++;
            if (chomp) candidate = candidate.replace(/^\t+/, '');
            if (candidate === name) {
              terminated = true;
              break;
            }
          }
          if (!terminated) {
            instructions.push(instruction(logical, startLine, line - 1, logicalEndLine, heredocs, emptyContinuationLines));
            return result({ code: 'UnterminatedHeredoc', message: 'unterminated heredoc', line: startLine });
          }
          heredocs.push({ name, chomp, firstLine, lastLine: line - 2 });
        }
      }
      instructions.push(instruction(logical, startLine, line - 1, logicalEndLine, heredocs, emptyContinuationLines));
    }
    if (instructions.length === 0) {
      return result({ code: 'NoInstructions', message: 'file with no instructions', line: Math.max(0, line - 1) });
    }
    return result(null);
  }

  /**
   * BuildKit's `DirectiveParser.ParseLine` plus the escape-token check: records a directive while only directives
   * have been seen; returns BuildKit's error for a bad or repeated one, else null.
   */
  private parseDirective(token: string, line: number): string | null {
    if (this.directivesDone) return null;
    const match = token.startsWith('#') ? DIRECTIVE.exec(token.slice(1).replace(/^\s+/, '')) : null;
    const name = match?.[1].toLowerCase();
    if (!match || !name || !VALID_DIRECTIVES.has(name)) {
      this.directivesDone = true;
      return null;
    }
    if (this.directives.some((d) => d.name === name)) return `only one ${name} parser directive can be used`;
    const value = match[2];
    this.directives.push({ name, value, line });
    if (name === 'escape') {
      if (value !== '`' && value !== '\\') return `invalid escape token '${value}' does not match \` or \\`;
      this.escapeToken = value;
    }
    return null;
  }
}

function instruction(
  logical: LogicalLine,
  startLine: number,
  endLine: number,
  logicalEndLine: number,
  heredocs: ScannedHeredoc[],
  emptyContinuationLines: number[],
): ScannedInstruction {
  return { logical, startLine, endLine, logicalEndLine, heredocs, emptyContinuationLines };
}

function appendSegment(logical: LogicalLine, text: string, length: number, offset: number): void {
  logical.text += text.slice(0, length);
  for (let i = 0; i < length; i++) logical.offsets.push(offset + i);
}

function trimNewline(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === '\r' || line[end - 1] === '\n')) end--;
  return end === line.length ? line : line.slice(0, end);
}

function leadingSpaceLength(text: string): number {
  let i = 0;
  while (i < text.length && isGoSpace(text[i])) i++;
  return i;
}

function isComment(line: string): boolean {
  const i = leadingSpaceLength(line);
  return i < line.length && line[i] === '#';
}

/**
 * BuildKit's line-continuation regex (`([^E])E[ \t]*$|^E[ \t]*$`): the length to keep when `text` continues on
 * the next line, or -1 when it does not.
 */
function continuationCut(text: string, escapeToken: string): number {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (end === 0 || text[end - 1] !== escapeToken) return -1;
  if (end === 1) return 0;
  return text[end - 2] === escapeToken ? -1 : end - 1;
}

/** Whether BuildKit looks for heredocs in this line: RUN, COPY, ADD (also behind ONBUILD), not in JSON form. */
function canContainHeredoc(line: string): boolean {
  const words = line.trim().split(/[\t\v\f\r ]+/);
  let command = (words[0] ?? '').toLowerCase();
  let restIndex = 1;
  if (command === 'onbuild') {
    command = (words[1] ?? '').toLowerCase();
    restIndex = 2;
  }
  if (!HEREDOC_COMMANDS.has(command)) return false;
  const rest = words.slice(restIndex).filter((w) => !w.startsWith('--'));
  return parseJsonArray(rest.join(' ')).values === null;
}

/** BuildKit's `heredocsFromLine`: every word of the form `[n]<<[-]NAME`, quotes around NAME removed. */
function heredocsFromLine(line: string): { name: string; chomp: boolean }[] {
  const docs: { name: string; chomp: boolean }[] = [];
  for (const word of rawShellWords(line)) {
    const match = HEREDOC_WORD.exec(word);
    if (!match || match[3] === '') continue;
    const names = rawShellWords(match[3]).map((name) => unquoteShellWord(name, '\\'));
    if (names.length !== 1) continue;
    docs.push({ name: names[0], chomp: match[2] === '-' });
  }
  return docs;
}

/** Splits on whitespace outside quotes, keeping quotes and `\` escapes in the words. */
function rawShellWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      current += ch;
      if (ch === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else if (ch === quote) quote = '';
      continue;
    }
    if (isGoSpace(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    inWord = true;
    current += ch;
    if (ch === '\\' && i + 1 < text.length) current += text[++i];
    else if (ch === '"' || ch === "'") quote = ch;
  }
  if (inWord) words.push(current);
  return words;
}


/**
 * Splits one logical instruction line into its keyword, its builder flags (`--name=value`) and the rest, as
 * BuildKit's `splitCommand`/`extractBuilderFlags` do, keeping every word's document offsets.
 */
import { isGoSpace, isSeparator, type LogicalLine } from './scanInstructions';

/** A slice of a logical line: `start`/`end` index into `LogicalLine.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A word of an instruction. */
export interface Word extends Span {
  /** The word's text (for flags: quotes and escapes removed, as BuildKit does). */
  text: string;
}

/** A `--name[=value]` builder flag. */
export interface FlagWord extends Span {
  /** The whole flag word, quotes and escapes removed. */
  text: string;
  /** Flag name without `--`, as written. */
  name: string;
  /** Value after `=`, or null when there is no `=`. */
  value: string | null;
  /** Where the value sits (after `=`), or null. */
  valueSpan: Span | null;
}

/** An instruction split into keyword, flags and arguments. */
export interface SplitInstruction {
  keyword: Word;
  flags: FlagWord[];
  /** The arguments after the flags, trimmed, with where they start. */
  rest: Word;
}

/** Splits `line` (or its tail from `from`, for an ONBUILD trigger). */
export function splitInstruction(line: LogicalLine, escapeToken: string, from = 0): SplitInstruction {
  const text = line.text;
  let start = from;
  while (start < text.length && isGoSpace(text[start])) start++;
  let end = text.length;
  while (end > start && isGoSpace(text[end - 1])) end--;
  let keywordEnd = start;
  while (keywordEnd < end && !isSeparator(text[keywordEnd])) keywordEnd++;
  const keyword: Word = { text: text.slice(start, keywordEnd), start, end: keywordEnd };
  let restStart = keywordEnd;
  while (restStart < end && isSeparator(text[restStart])) restStart++;
  if (restStart >= end) return { keyword, flags: [], rest: { text: '', start: end, end } };
  const { flags, argsStart } = extractBuilderFlags(text, restStart, end, escapeToken);
  let argsBegin = argsStart;
  while (argsBegin < end && isGoSpace(text[argsBegin])) argsBegin++;
  return { keyword, flags, rest: { text: text.slice(argsBegin, end), start: argsBegin, end } };
}

/** BuildKit's `extractBuilderFlags`: leading `--words`, quotes and escapes removed; `--` alone ends flags. */
function extractBuilderFlags(text: string, from: number, end: number, escapeToken: string): { flags: FlagWord[]; argsStart: number } {
  const flags: FlagWord[] = [];
  let pos = from;
  for (;;) {
    while (pos < end && isGoSpace(text[pos])) pos++;
    if (pos >= end) return { flags, argsStart: end };
    if (text[pos] !== '-' || pos + 1 >= end || text[pos + 1] !== '-') return { flags, argsStart: pos };
    const wordStart = pos;
    let word = '';
    let blankOK = false;
    let quote = '';
    let eqIndexInWord = -1;
    let valueStart = -1;
    while (pos < end) {
      const ch = text[pos];
      if (quote) {
        if (ch === quote) {
          quote = '';
          pos++;
          continue;
        }
        if (ch === escapeToken) {
          if (pos + 1 >= end) {
            quote = '';
            pos++;
            continue;
          }
          pos++;
        }
        word += text[pos];
        pos++;
        continue;
      }
      if (isGoSpace(ch)) break;
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        pos++;
        continue;
      }
      if (ch === escapeToken) {
        if (pos + 1 >= end) {
          pos++;
          continue;
        }
        pos++;
      }
      if (text[pos] === '=' && eqIndexInWord < 0) {
        eqIndexInWord = word.length;
        valueStart = pos + 1;
      }
      word += text[pos];
      pos++;
    }
    if (word === '--') {
      return { flags, argsStart: pos };
    }
    if (blankOK || word.length > 0) {
      const body = word.slice(2);
      const eq = body.indexOf('=');
      flags.push({
        text: word,
        start: wordStart,
        end: pos,
        name: eq < 0 ? body : body.slice(0, eq),
        value: eq < 0 ? null : body.slice(eq + 1),
        valueSpan: eq < 0 ? null : { start: eqIndexInWord >= 0 ? valueStart : pos, end: pos },
      });
    }
  }
}

/** Splits on BuildKit's `reWhitespace` (for FROM, EXPOSE and the non-JSON form of COPY/ADD/VOLUME). */
export function splitOnWhitespace(text: string, offset: number): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && !isSeparator(text[j])) j++;
    words.push({ text: text.slice(i, j), start: offset + i, end: offset + j });
    i = j;
    while (i < text.length && isSeparator(text[i])) i++;
  }
  return words;
}

/** BuildKit's `parseWords` (ARG, ENV, LABEL): whitespace-separated words that keep their quotes and escapes. */
export function parseShellWords(text: string, offset: number, escapeToken: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isGoSpace(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let quote = '';
    let word = '';
    while (i < text.length) {
      const ch = text[i];
      if (!quote && isGoSpace(ch)) break;
      if (!quote && (ch === "'" || ch === '"')) quote = ch;
      else if (quote && ch === quote) quote = '';
      if (ch === escapeToken && quote !== "'") {
        if (i + 1 >= text.length) {
          i++;
          continue;
        }
        word += ch;
        i++;
      }
      word += text[i];
      i++;
    }
    words.push({ text: word, start: offset + start, end: offset + i });
  }
  return words;
}

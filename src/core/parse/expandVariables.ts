/**
 * Shell-style variable expansion of one word, as BuildKit's `shell/lex.go` does it for FROM, `--platform` and ARG
 * defaults: `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}`, `${X?msg}`, `${X#p}`, `${X##p}`, `${X%s}`,
 * `${X%%s}`, `${X/a/b}`, `${X//a/b}`, single and double quotes, and the escape character.
 */

/** Looks a variable up; `undefined` means not set (which differs from set to empty). */
export type VariableLookup = (name: string) => string | undefined;

/** The expanded word and what the lexer looked up. */
export interface ExpansionResult {
  /** The expanded word (empty when `error` is set). */
  value: string;
  /** Variables that were looked up and set. */
  matched: Set<string>;
  /** Variables that were looked up and not set. */
  unmatched: Set<string>;
  /** BuildKit's message when the word cannot be expanded, else null. */
  error: string | null;
}

/** A lookup in which nothing is set. */
export const noVariables: VariableLookup = () => undefined;

class ShellSyntaxError extends Error {}

const EOF = '';

/** Expands `word` the way BuildKit's `ProcessWordWithMatches` does; never throws. */
export function expandVariables(word: string, lookup: VariableLookup, escapeToken = '\\'): ExpansionResult {
  const lexer = new WordLexer(word, lookup, escapeToken);
  try {
    const value = lexer.processStopOn(EOF, false);
    return { value, matched: lexer.matched, unmatched: lexer.unmatched, error: null };
  } catch (err) {
    const reason = err instanceof ShellSyntaxError ? err.message : String(err);
    return { value: '', matched: lexer.matched, unmatched: lexer.unmatched, error: `failed to process ${goQuote(word)}: ${reason}` };
  }
}

/** Go's `%q` for the strings a Dockerfile holds (close enough: JSON escapes the same ASCII controls). */
export function goQuote(text: string): string {
  return JSON.stringify(text);
}

class WordLexer {
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  private readonly chars: string[];
  private pos = 0;
  private rawEscapes = false;

  constructor(
    word: string,
    private readonly lookup: VariableLookup,
    private readonly escapeToken: string,
  ) {
    this.chars = Array.from(word);
  }

  private peek(): string {
    return this.pos < this.chars.length ? this.chars[this.pos] : EOF;
  }

  private next(): string {
    return this.pos < this.chars.length ? this.chars[this.pos++] : EOF;
  }

  processStopOn(stopChar: string, rawEscapes: boolean): string {
    const savedRaw = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let result = '';
      while (this.peek() !== EOF) {
        const ch = this.peek();
        if (stopChar !== EOF && ch === stopChar) {
          this.next();
          return result;
        }
        if (ch === '$') {
          result += this.processDollar();
        } else if (ch === '<') {
          result += this.processPossibleHeredoc();
        } else if (ch === "'") {
          result += this.processSingleQuote();
        } else if (ch === '"') {
          result += this.processDoubleQuote();
        } else {
          let c = this.next();
          if (c === this.escapeToken) {
            if (this.rawEscapes) result += c;
            c = this.next();
            if (c === EOF) break;
          }
          result += c;
        }
      }
      if (stopChar !== EOF) {
        throw new ShellSyntaxError(`unexpected end of statement while looking for matching ${stopChar}`);
      }
      return result;
    } finally {
      this.rawEscapes = savedRaw;
    }
  }

  private processSingleQuote(): string {
    this.next();
    let result = '';
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new ShellSyntaxError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return result;
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    this.next();
    let result = '';
    for (;;) {
      const peeked = this.peek();
      if (peeked === EOF) throw new ShellSyntaxError('unexpected end of statement while looking for matching double-quote');
      if (peeked === '"') {
        this.next();
        return result;
      }
      if (peeked === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.escapeToken) {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        if (after === EOF) continue;
        if (after === '"' || after === '$' || after === this.escapeToken) ch = this.next();
      }
      result += ch;
    }
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      return this.getVariable(name) ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new ShellSyntaxError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new ShellSyntaxError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    // Go prints the end of input as U+FFFD in the modifier.
    let modifier = ch === EOF ? '\ufffd' : ch;
    let nullIsUnset = false;
    switch (ch) {
      case '}':
        return this.getVariable(name) ?? '';
      case '/':
        return this.processReplacement(name);
      case ':':
        nullIsUnset = true;
        ch = this.next();
        modifier += ch === EOF ? '\ufffd' : ch;
        break;
      case '+':
      case '-':
      case '?':
      case '#':
      case '%':
        break;
      default:
        throw new ShellSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    }
    const patternModifier = ch === '#' || ch === '%';
    if (nullIsUnset && patternModifier) throw new ShellSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    if (!['+', '-', '?', '#', '%'].includes(ch)) {
      // `${X:` followed by anything else: BuildKit reads the word first, then rejects the modifier.
      this.readUntilBrace(patternModifier);
      throw new ShellSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    }
    let word = this.readUntilBrace(patternModifier);
    const value = this.getVariable(name);
    const set = value !== undefined;
    const emptyOrUnset = !set || (nullIsUnset && value === '');
    switch (ch) {
      case '-':
        return emptyOrUnset ? word : value!;
      case '+':
        return emptyOrUnset ? '' : word;
      case '?':
        if (!set) throw new ShellSyntaxError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
        if (nullIsUnset && value === '') throw new ShellSyntaxError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
        return value!;
      default: {
        let greedy = false;
        if (word.length > 0 && word[0] === ch) {
          greedy = true;
          word = word.slice(1);
        }
        return ch === '%' ? trimSuffix(word, value ?? '', greedy) : trimPrefix(word, value ?? '', greedy);
      }
    }
  }

  private readUntilBrace(rawEscapes: boolean): string {
    try {
      return this.processStopOn('}', rawEscapes);
    } catch (err) {
      if (this.peek() === EOF) throw new ShellSyntaxError("syntax error: missing '}'");
      throw err;
    }
  }

  private processReplacement(name: string): string {
    const replaceAll = this.peek() === '/';
    if (replaceAll) this.next();
    let pattern: string;
    try {
      pattern = this.processStopOn('/', true);
    } catch (err) {
      if (this.peek() === EOF) throw new ShellSyntaxError("syntax error: missing '/' in ${}");
      throw err;
    }
    const replacement = this.readUntilBrace(true);
    const value = this.getVariable(name) ?? '';
    const re = shellPatternToRegExp(pattern, true, false, replaceAll);
    if (replaceAll) return value.replace(re, () => replacement);
    const match = re.exec(value);
    if (!match) return value;
    return value.slice(0, match.index) + replacement + value.slice(match.index + match[0].length);
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += this.next();
        return name;
      }
      if (name.length === 0 && '@*#?-$!0'.includes(ch)) {
        return this.next();
      }
      if (!isLetter(ch) && !isDigit(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }

  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== '<') return '<';
    this.next();
    let space = '';
    while (this.peek() === '\t' || this.peek() === '\r' || this.peek() === ' ') space += this.next();
    return '<<' + space;
  }

  private getVariable(name: string): string | undefined {
    const value = this.lookup(name);
    if (value !== undefined) this.matched.add(name);
    else this.unmatched.add(name);
    return value;
  }
}

/** Go's `unicode.IsDigit` (ASCII answered without a regular expression). */
function isDigit(ch: string): boolean {
  if (ch.length === 1 && ch < '\u0080') return ch >= '0' && ch <= '9';
  return /^\p{Nd}$/u.test(ch);
}

/** Go's `unicode.IsLetter` (ASCII answered without a regular expression). */
function isLetter(ch: string): boolean {
  if (ch.length === 1 && ch < '\u0080') return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  return /^\p{L}$/u.test(ch);
}

/** BuildKit's `convertShellPatternToRegex`: `*` and `?` wildcards, `\` escapes; Go's `.` never matches `\n`. */
function shellPatternToRegExp(pattern: string, greedy: boolean, anchored: boolean, global = false): RegExp {
  const chars = Array.from(pattern);
  let out = anchored ? '^' : '';
  const star = greedy ? '[^\\n]*' : '[^\\n]*?';
  for (let i = 0; i < chars.length; i++) {
    let tok = chars[i];
    switch (tok) {
      case '*':
        out += star;
        continue;
      case '?':
        out += '[^\\n]';
        continue;
      case '\\': {
        const after = chars[i + 1];
        if (after === '}' || after === '/') continue;
        out += '\\';
        i++;
        tok = chars[i] ?? '';
        if (tok !== '*' && tok !== '?' && tok !== '\\') {
          throw new ShellSyntaxError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${tok}'`);
        }
        break;
      }
      case '[':
      case ']':
      case '{':
      case '}':
      case '.':
      case '+':
      case '(':
      case ')':
      case '|':
      case '^':
      case '$':
        out += '\\';
        break;
    }
    out += tok;
  }
  return new RegExp(out, global ? 'gu' : 'u');
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const match = shellPatternToRegExp(pattern, greedy, true).exec(value);
  return match ? value.slice(match[0].length) : value;
}

/** Reverses a pattern, keeping each `\x` escape pair in order (BuildKit's `reversePattern`). */
function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out: string[] = new Array<string>(chars.length);
  const last = chars.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = chars[i];
    const outIdx = last - i;
    if (tok === '\\' && i !== last) {
      out[outIdx - 1] = tok;
      out[outIdx] = chars[i + 1];
      i += 2;
    } else {
      out[outIdx] = tok;
      i++;
    }
  }
  return out.join('');
}

function reverseString(text: string): string {
  return Array.from(text).reverse().join('');
}

function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

import { DocumentText } from '../../parse/documentText';
import type { Range } from '../../model';
import type {
  HclAttribute,
  HclBlock,
  HclBody,
  HclExpression,
  HclLabel,
  HclObjectItem,
  HclParseResult,
  HclTemplatePart,
} from './hclSyntax';

/**
 * Parses HCL native syntax (what `docker-bake.hcl` is written in) into a syntax tree with exact ranges.
 *
 * Why our own parser: the npm packages that read HCL 2 (`hcl2-parser`, `hcl2-json-parser`, `@cdktf/hcl2json`) are
 * HashiCorp's Go parser compiled to JavaScript or WebAssembly and return plain JSON with no source positions (and
 * the last needs Node's `fs`, `zlib` and `path`, so it cannot run in a web worker); `hcl-parser`, `js-hcl-parser`
 * and `hcl-to-json` read HCL 1 and reject or garble Bake files; the two that keep positions bring a WebAssembly
 * runtime loaded asynchronously (`web-tree-sitter` with `tree-sitter-hcl`) or CodeMirror's editor packages
 * (`codemirror-lang-hcl`), and both still need an evaluator on top. Go to definition, rename and quick fixes need
 * the exact span of a `target` string, and the extension will run as a web extension, so this parser is plain
 * synchronous TypeScript. Measurements: `bench/hcl-parsers.md`.
 *
 * It reads the whole native syntax — blocks, attributes, comments (`#`, `//`, `/* *\/`), numbers, strings with
 * escapes and `${}` interpolation, heredocs, tuples, objects, function calls, attribute and index access,
 * operators, conditionals — and keeps for, splat and template-directive expressions as `unsupported` nodes (their
 * extent is parsed, their meaning is not needed). Parsing stops at the first syntax error; the blocks and attributes
 * before it are kept. Never throws.
 */
export function parseHcl(text: string): HclParseResult {
  const parser = new HclParser(text);
  return parser.parseFile();
}

class HclSyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const IDENTIFIER_START = /[\p{L}_]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_-]/u;
const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

class HclParser {
  private readonly doc: DocumentText;
  private offset = 0;
  /** Inside brackets, parentheses and object braces newlines are insignificant; in a body they end attributes. */
  private readonly newlineModes: boolean[] = [false];

  constructor(private readonly text: string) {
    this.doc = new DocumentText(text);
  }

  parseFile(): HclParseResult {
    const body: HclBody = { attributes: [], blocks: [] };
    try {
      this.parseBodyInto(body, null);
      return { body, error: null };
    } catch (error) {
      if (!(error instanceof HclSyntaxFailure)) throw error;
      const at = Math.min(error.offset, this.text.length);
      return { body, error: { message: error.message, range: this.range(at, Math.min(at + 1, this.text.length)) } };
    }
  }

  // --- bodies -------------------------------------------------------------------------------------------------

  /** Reads attributes and blocks until `}` (left for the caller) or the end of the file when `closing` is null. */
  private parseBodyInto(body: HclBody, closing: '}' | null): void {
    for (;;) {
      this.skipTrivia(true);
      if (this.atEnd()) {
        if (closing) throw this.fail(`Missing '}' to close the block`);
        return;
      }
      if (this.peek() === '}') {
        if (closing) return;
        throw this.fail(`Unexpected '}'`);
      }
      const nameStart = this.offset;
      const name = this.readIdentifier();
      if (name === null) throw this.fail(`Expected an attribute or a block, found ${this.describeHere()}`);
      const nameRange = this.range(nameStart, this.offset);
      this.skipTrivia(false);
      if (this.peek() === '=' && this.text[this.offset + 1] !== '=') {
        this.offset++;
        const expression = this.parseExpression();
        body.attributes.push({ name, nameRange, expression, range: { start: nameRange.start, end: expression.range.end } } satisfies HclAttribute);
        this.expectEndOfItem();
      } else {
        body.blocks.push(this.parseBlockAfterType(name, nameRange, nameStart));
      }
    }
  }

  private parseBlockAfterType(type: string, typeRange: Range, start: number): HclBlock {
    const labels: HclLabel[] = [];
    for (;;) {
      this.skipTrivia(false);
      const ch = this.peek();
      if (ch === '{') break;
      if (ch === '"') {
        const template = this.parseQuotedTemplate();
        if (template.kind !== 'template' || template.plainText === null) {
          throw new HclSyntaxFailure('A block label must be a plain string, without escapes or interpolation', this.doc.offsetAt(template.range.start));
        }
        labels.push({ value: template.plainText, range: template.contentRange });
        continue;
      }
      const labelStart = this.offset;
      const label = this.readIdentifier();
      if (label === null) throw this.fail(`Expected '=' or a block's '{' after '${type}', found ${this.describeHere()}`);
      labels.push({ value: label, range: this.range(labelStart, this.offset) });
    }
    this.offset++; // {
    const body: HclBody = { attributes: [], blocks: [] };
    this.parseBodyInto(body, '}');
    this.offset++; // }
    const block: HclBlock = { type, typeRange, labels, body, range: this.range(start, this.offset) };
    this.expectEndOfItem();
    return block;
  }

  /** After an attribute or a block: a newline, the end of the file, or the `}` of a one-line block. */
  private expectEndOfItem(): void {
    this.skipTrivia(false);
    if (this.atEnd() || this.peek() === '}') return;
    if (this.peek() === '\n') {
      this.offset++;
      return;
    }
    throw this.fail(`Expected a newline after the item, found ${this.describeHere()}`);
  }

  // --- expressions --------------------------------------------------------------------------------------------

  private parseExpression(): HclExpression {
    const condition = this.parseBinary(1);
    this.skipTrivia();
    if (this.peek() !== '?') return condition;
    this.offset++;
    const whenTrue = this.parseExpression();
    this.skipTrivia();
    this.expect(':');
    const whenFalse = this.parseExpression();
    return { kind: 'conditional', condition, whenTrue, whenFalse, range: { start: condition.range.start, end: whenFalse.range.end } };
  }

  private parseBinary(minimum: number): HclExpression {
    let left = this.parseUnary();
    for (;;) {
      this.skipTrivia();
      const operator = this.peekOperator();
      if (operator === null || BINARY_PRECEDENCE[operator] < minimum) return left;
      this.offset += operator.length;
      const right = this.parseBinary(BINARY_PRECEDENCE[operator] + 1);
      left = { kind: 'binary', operator, left, right, range: { start: left.range.start, end: right.range.end } };
    }
  }

  private peekOperator(): string | null {
    const two = this.text.slice(this.offset, this.offset + 2);
    if (['||', '&&', '==', '!=', '<=', '>='].includes(two)) return two;
    const one = this.peek();
    if (one === '<' && two !== '<<') return one;
    if (['>', '+', '-', '*', '/', '%'].includes(one)) return one;
    return null;
  }

  private parseUnary(): HclExpression {
    this.skipTrivia();
    const ch = this.peek();
    if (ch === '!' || (ch === '-' && !/[0-9]/.test(this.text[this.offset + 1] ?? ''))) {
      const start = this.offset;
      this.offset++;
      const operand = this.parseUnary();
      return { kind: 'unary', operator: ch, operand, range: this.range(start, this.doc.offsetAt(operand.range.end)) };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(primary: HclExpression): HclExpression {
    let expression = primary;
    for (;;) {
      const ch = this.peek();
      const start = this.doc.offsetAt(expression.range.start);
      if (ch === '.') {
        this.offset++;
        if (this.peek() === '*') {
          this.offset++;
          expression = { kind: 'unsupported', what: 'splat expression', range: this.range(start, this.offset) };
          continue;
        }
        const digitsStart = this.offset;
        while (/[0-9]/.test(this.peek())) this.offset++;
        if (this.offset > digitsStart) {
          const value = Number(this.text.slice(digitsStart, this.offset));
          const key: HclExpression = { kind: 'literal', value, range: this.range(digitsStart, this.offset) };
          expression = { kind: 'index', target: expression, key, range: this.range(start, this.offset) };
          continue;
        }
        const name = this.readIdentifier();
        if (name === null) throw this.fail(`Expected an attribute name after '.', found ${this.describeHere()}`);
        expression = { kind: 'getAttr', target: expression, name, range: this.range(start, this.offset) };
      } else if (ch === '[') {
        this.offset++;
        this.newlineModes.push(true);
        this.skipTrivia();
        if (this.peek() === '*') {
          this.offset++;
          this.skipTrivia();
          this.expect(']');
          this.newlineModes.pop();
          expression = { kind: 'unsupported', what: 'splat expression', range: this.range(start, this.offset) };
          continue;
        }
        const key = this.parseExpression();
        this.skipTrivia();
        this.expect(']');
        this.newlineModes.pop();
        expression = { kind: 'index', target: expression, key, range: this.range(start, this.offset) };
      } else {
        return expression;
      }
    }
  }

  private parsePrimary(): HclExpression {
    this.skipTrivia();
    const start = this.offset;
    const ch = this.peek();
    if (ch === '"') return this.parseQuotedTemplate();
    if (ch === '<' && this.text.startsWith('<<', this.offset)) return this.parseHeredoc();
    if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(this.text[this.offset + 1] ?? ''))) return this.parseNumber();
    if (ch === '[') return this.parseTuple();
    if (ch === '{') return this.parseObject();
    if (ch === '(') {
      this.offset++;
      this.newlineModes.push(true);
      const inner = this.parseExpression();
      this.skipTrivia();
      this.expect(')');
      this.newlineModes.pop();
      return { ...inner, range: this.range(start, this.offset) };
    }
    const name = this.readIdentifier();
    if (name === null) throw this.fail(`Expected an expression, found ${this.describeHere()}`);
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', range: this.range(start, this.offset) };
    if (name === 'null') return { kind: 'literal', value: null, range: this.range(start, this.offset) };
    if (this.peek() === '(') return this.parseCallArguments(name, start);
    return { kind: 'variable', name, range: this.range(start, this.offset) };
  }

  private parseNumber(): HclExpression {
    const start = this.offset;
    const match = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.offset, this.offset + 400));
    if (!match) throw this.fail('Expected a number');
    this.offset += match[0].length;
    return { kind: 'literal', value: Number(match[0]), range: this.range(start, this.offset) };
  }

  private parseCallArguments(name: string, start: number): HclExpression {
    this.offset++; // (
    this.newlineModes.push(true);
    const args: HclExpression[] = [];
    let expandFinal = false;
    for (;;) {
      this.skipTrivia();
      if (this.peek() === ')') break;
      args.push(this.parseExpression());
      this.skipTrivia();
      if (this.text.startsWith('...', this.offset)) {
        this.offset += 3;
        expandFinal = true;
        this.skipTrivia();
      }
      if (this.peek() === ',') {
        this.offset++;
        continue;
      }
      if (this.peek() !== ')') throw this.fail(`Expected ',' or ')' in the arguments of ${name}(), found ${this.describeHere()}`);
    }
    this.offset++;
    this.newlineModes.pop();
    return { kind: 'call', name, args, expandFinal, range: this.range(start, this.offset) };
  }

  private parseTuple(): HclExpression {
    const start = this.offset;
    if (this.startsForExpression()) return this.skipForExpression('[', ']');
    this.offset++;
    this.newlineModes.push(true);
    const items: HclExpression[] = [];
    for (;;) {
      this.skipTrivia();
      if (this.peek() === ']') break;
      items.push(this.parseExpression());
      this.skipTrivia();
      if (this.peek() === ',') {
        this.offset++;
        continue;
      }
      if (this.peek() !== ']') throw this.fail(`Expected ',' or ']' in the list, found ${this.describeHere()}`);
    }
    this.offset++;
    this.newlineModes.pop();
    return { kind: 'tuple', items, range: this.range(start, this.offset) };
  }

  private parseObject(): HclExpression {
    const start = this.offset;
    if (this.startsForExpression()) return this.skipForExpression('{', '}');
    this.offset++;
    this.newlineModes.push(true);
    const items: HclObjectItem[] = [];
    for (;;) {
      this.skipTrivia();
      if (this.peek() === '}') break;
      // Items are separated by commas or newlines, so a newline ends an item's value (outside inner brackets).
      this.newlineModes.push(false);
      const key = this.parseObjectKey();
      this.skipTrivia();
      if (this.peek() !== '=' && this.peek() !== ':') throw this.fail(`Expected '=' or ':' after the object key, found ${this.describeHere()}`);
      this.offset++;
      const value = this.parseExpression();
      items.push({ key, value });
      this.skipTrivia();
      this.newlineModes.pop();
      const ch = this.peek();
      if (ch === ',' || ch === '\n') {
        this.offset++;
        continue;
      }
      if (ch !== '}') throw this.fail(`Expected ',', a newline or '}' in the object, found ${this.describeHere()}`);
    }
    this.offset++;
    this.newlineModes.pop();
    return { kind: 'object', items, range: this.range(start, this.offset) };
  }

  /** A bare identifier key names itself (HCL reads `{ a = 1 }` as the key "a", not the variable a). */
  private parseObjectKey(): HclExpression {
    const start = this.offset;
    const name = this.readIdentifier();
    if (name === null) return this.parseExpression();
    const range = this.range(start, this.offset);
    return { kind: 'template', parts: [{ text: name, range }], plainText: name, contentRange: range, hasDirective: false, range };
  }

  private startsForExpression(): boolean {
    return /^[[{]\s*for\s/.test(this.text.slice(this.offset, this.offset + 64));
  }

  /** Skips a `[for ...]` or `{for ...}` to its matching bracket, minding nesting and strings. */
  private skipForExpression(open: string, close: string): HclExpression {
    const start = this.offset;
    let depth = 0;
    while (!this.atEnd()) {
      const ch = this.peek();
      if (ch === '"') {
        this.parseQuotedTemplate();
        continue;
      }
      if (ch === open || ch === '(' || (open !== '[' && ch === '[') || (open !== '{' && ch === '{')) depth++;
      if (ch === close || ch === ')' || (close !== ']' && ch === ']') || (close !== '}' && ch === '}')) depth--;
      this.offset++;
      if (depth === 0) return { kind: 'unsupported', what: 'for expression', range: this.range(start, this.offset) };
    }
    throw this.fail(`Missing '${close}' to close the for expression`);
  }

  // --- templates ----------------------------------------------------------------------------------------------

  private parseQuotedTemplate(): HclExpression {
    const start = this.offset;
    this.offset++; // "
    const contentStart = this.offset;
    const { parts, hasDirective } = this.parseTemplateParts((ch) => ch === '"', true);
    const contentEnd = this.offset;
    this.offset++; // "
    return this.template(parts, hasDirective, start, contentStart, contentEnd, true);
  }

  private parseHeredoc(): HclExpression {
    const start = this.offset;
    const match = /^<<(-?)([\p{L}_][\p{L}\p{N}_-]*)\r?\n/u.exec(this.text.slice(this.offset, this.offset + 300));
    if (!match) throw this.fail('Expected a heredoc marker such as <<EOT followed by a newline');
    const indented = match[1] === '-';
    const marker = match[2];
    this.offset += match[0].length;
    const contentStart = this.offset;
    const { parts, hasDirective } = this.parseTemplateParts(() => this.atLineStart() && this.lineIsMarker(marker), false);
    if (this.atEnd()) throw new HclSyntaxFailure(`Missing the heredoc's closing marker ${marker}`, start);
    const contentEnd = this.offset;
    this.offset = this.text.indexOf(marker, this.offset) + marker.length;
    const stripped = indented ? stripCommonIndent(parts) : parts;
    return this.template(stripped, hasDirective, start, contentStart, contentEnd, false);
  }

  private atLineStart(): boolean {
    return this.offset === 0 || this.text[this.offset - 1] === '\n';
  }

  private lineIsMarker(marker: string): boolean {
    const end = this.text.indexOf('\n', this.offset);
    return this.text.slice(this.offset, end < 0 ? this.text.length : end).trim() === marker;
  }

  /** Reads template text up to (not including) the end the predicate recognises. */
  private parseTemplateParts(atEnd: (ch: string) => boolean, quoted: boolean): { parts: HclTemplatePart[]; hasDirective: boolean } {
    const parts: HclTemplatePart[] = [];
    let hasDirective = false;
    let literal = '';
    let literalStart = this.offset;
    const flush = () => {
      if (literal !== '') parts.push({ text: literal, range: this.range(literalStart, this.offset) });
      literal = '';
    };
    for (;;) {
      if (this.atEnd()) {
        if (quoted) throw this.fail('Missing the closing quote of the string');
        break;
      }
      const ch = this.peek();
      if (atEnd(ch)) break;
      if (quoted && ch === '\n') throw this.fail('A quoted string cannot span lines; use a heredoc (<<EOT) instead');
      if (quoted && ch === '\\') {
        literal += this.readEscape();
        continue;
      }
      if ((ch === '$' || ch === '%') && this.text.startsWith(`${ch}${ch}{`, this.offset)) {
        literal += `${ch}{`;
        this.offset += 3;
        continue;
      }
      if (ch === '$' && this.text[this.offset + 1] === '{') {
        flush();
        this.offset += 2;
        this.newlineModes.push(true);
        if (this.peek() === '~') this.offset++;
        const expression = this.parseExpression();
        this.skipTrivia();
        if (this.peek() === '~') this.offset++;
        this.expect('}');
        this.newlineModes.pop();
        parts.push({ expression });
        literalStart = this.offset;
        continue;
      }
      if (ch === '%' && this.text[this.offset + 1] === '{') {
        flush();
        const close = this.text.indexOf('}', this.offset);
        if (close < 0) throw this.fail(`Missing '}' to close the template directive`);
        hasDirective = true;
        this.offset = close + 1;
        literalStart = this.offset;
        continue;
      }
      literal += ch;
      this.offset++;
    }
    flush();
    return { parts, hasDirective };
  }

  private readEscape(): string {
    const next = this.text[this.offset + 1] ?? '';
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (next in simple) {
      this.offset += 2;
      return simple[next];
    }
    const hex = next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const digits = this.text.slice(this.offset + 2, this.offset + 2 + hex);
    if (hex > 0 && new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) {
      this.offset += 2 + hex;
      return String.fromCodePoint(Number.parseInt(digits, 16));
    }
    throw this.fail(`Invalid escape '\\${next}' in a string`);
  }

  private template(parts: HclTemplatePart[], hasDirective: boolean, start: number, contentStart: number, contentEnd: number, quoted: boolean): HclExpression {
    const raw = this.text.slice(contentStart, contentEnd);
    const only = parts.length === 1 && 'text' in parts[0] ? parts[0].text : parts.length === 0 ? '' : null;
    const plainText = quoted && !hasDirective && only !== null && only === raw ? only : null;
    return {
      kind: 'template',
      parts,
      plainText,
      contentRange: this.range(contentStart, contentEnd),
      hasDirective,
      range: this.range(start, this.offset),
    };
  }

  // --- characters ---------------------------------------------------------------------------------------------

  /** Skips spaces, comments and (where newlines do not matter, or when asked) newlines. */
  private skipTrivia(newlines = this.newlineModes[this.newlineModes.length - 1]): void {
    while (!this.atEnd()) {
      const ch = this.peek();
      if (ch === ' ' || ch === '\t' || ch === '\r' || (newlines && ch === '\n')) {
        this.offset++;
      } else if (ch === '#' || (ch === '/' && this.text[this.offset + 1] === '/')) {
        const end = this.text.indexOf('\n', this.offset);
        this.offset = end < 0 ? this.text.length : end;
      } else if (ch === '/' && this.text[this.offset + 1] === '*') {
        const end = this.text.indexOf('*/', this.offset + 2);
        if (end < 0) throw this.fail('Missing */ to close the comment');
        this.offset = end + 2;
      } else {
        return;
      }
    }
  }

  private readIdentifier(): string | null {
    const start = this.offset;
    if (!IDENTIFIER_START.test(this.peek())) return null;
    this.offset++;
    while (!this.atEnd() && IDENTIFIER_PART.test(this.peek())) this.offset++;
    return this.text.slice(start, this.offset);
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) throw this.fail(`Expected '${ch}', found ${this.describeHere()}`);
    this.offset++;
  }

  private describeHere(): string {
    if (this.atEnd()) return 'the end of the file';
    const ch = this.peek();
    return ch === '\n' ? 'a newline' : `'${ch}'`;
  }

  private fail(message: string): HclSyntaxFailure {
    return new HclSyntaxFailure(message, this.offset);
  }

  private peek(): string {
    return this.text[this.offset] ?? '';
  }

  private atEnd(): boolean {
    return this.offset >= this.text.length;
  }

  private range(start: number, end: number): Range {
    return this.doc.rangeAt(start, end);
  }

}

/** `<<-EOT` removes the indentation that every line of the heredoc shares (literal text only). */
function stripCommonIndent(parts: HclTemplatePart[]): HclTemplatePart[] {
  const text = parts.map((part) => ('text' in part ? part.text : '\u0000')).join('');
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const indent = Math.min(...lines.map((line) => /^[ \t]*/.exec(line)![0].length));
  if (!Number.isFinite(indent) || indent === 0) return parts;
  const lineIndent = new RegExp(`^[ \\t]{0,${indent}}`, 'gm');
  return parts.map((part) => {
    if (!('text' in part)) return part;
    // Text right after an interpolation does not start a line: its leading spaces are content.
    const startsLine = part.range.start.character === 0;
    return { ...part, text: part.text.replace(lineIndent, (spaces: string, at: number) => (at === 0 && !startsLine ? spaces : '')) };
  });
}

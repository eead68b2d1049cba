import { lineOfOffset, lineStarts } from './lineStarts';
import type { Position, Range } from '../model';

/**
 * The document split into lines, with conversions between string offsets and editor positions: the one place
 * that does so. Lines end after `\n` only (BuildKit's reading; a `\r` before it stays part of the line), which is
 * why `vscode-languageserver-textdocument`, which also ends a line at a lone `\r`, is not used.
 */
export class DocumentText {
  /** Each line without its `\n` (a `\r` before the `\n` stays part of the line). */
  readonly lines: string[];
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lines = text.split('\n');
    this.lineStarts = lineStarts(text);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** The position of an offset (clamped to the document). */
  positionAt(offset: number): Position {
    if (offset <= 0) return { line: 0, character: 0 };
    if (offset >= this.text.length) return this.endPosition();
    const line = lineOfOffset(this.lineStarts, offset);
    return { line, character: offset - this.lineStarts[line] };
  }

  /** The offset of a position; a position past its line's end or past the text's end is clamped to it. */
  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length + 1;
    return Math.min(start + position.character, next - 1, this.text.length);
  }

  /** The text a range covers. */
  textIn(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  rangeAt(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Line `line` (0-based) from its first character to its end, without `\r`. */
  lineRange(firstLine: number, lastLine = firstLine): Range {
    const last = Math.min(lastLine, this.lines.length - 1);
    return {
      start: { line: firstLine, character: 0 },
      end: { line: last, character: this.contentLength(last) },
    };
  }

  /** Length of a line's text without a trailing `\r`. */
  contentLength(line: number): number {
    const text = this.lines[line] ?? '';
    return text.endsWith('\r') ? text.length - 1 : text.length;
  }

  endPosition(): Position {
    const last = this.lines.length - 1;
    return { line: last, character: this.lines[last].length };
  }
}

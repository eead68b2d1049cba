import type { Position, TextEdit } from '../../../src/core/model';

/** Applies non-overlapping core edits to a text, the way the editor would, so tests can compare whole files. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\n') {
      lineStarts.push(index + 1);
    }
  }
  const offset = (position: Position) => lineStarts[position.line] + position.character;
  const ordered = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of ordered) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  }
  return result;
}

/** The 0-based position of the `occurrence`-th match of `needle`, `offset` characters into it. */
export function positionOf(text: string, needle: string, occurrence = 0, offset = 0): Position {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) {
      throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
    }
  }
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** Lines joined with \n and a final newline, as a Dockerfile on disk. */
export function dockerfile(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

import type { TextEdit } from '../model';
import { DocumentText } from '../parse/documentText';

function compareEdits(offsets: DocumentText, a: TextEdit, b: TextEdit): number {
  return offsets.offsetAt(a.range.start) - offsets.offsetAt(b.range.start);
}

/**
 * Applies non-overlapping edits to a text, as an editor applies one `WorkspaceEdit`.
 * Throws when two edits overlap: that is a bug in the refactoring that produced them.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const offsets = new DocumentText(text);
  const sorted = [...edits].sort((a, b) => compareEdits(offsets, a, b));
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    const start = offsets.offsetAt(edit.range.start);
    const end = offsets.offsetAt(edit.range.end);
    if (start < cursor) throw new Error('Overlapping text edits');
    result += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return result + text.slice(cursor);
}

/** The edits that, applied to `applyTextEdits(text, edits)`, give `text` back (what an editor's undo does). */
export function invertTextEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const offsets = new DocumentText(text);
  const sorted = [...edits].sort((a, b) => compareEdits(offsets, a, b));
  const newText = applyTextEdits(text, sorted);
  const newOffsets = new DocumentText(newText);
  const inverse: TextEdit[] = [];
  let shift = 0;
  for (const edit of sorted) {
    const start = offsets.offsetAt(edit.range.start);
    const end = offsets.offsetAt(edit.range.end);
    const newStart = start + shift;
    const newEnd = newStart + edit.newText.length;
    inverse.push({
      range: { start: newOffsets.positionAt(newStart), end: newOffsets.positionAt(newEnd) },
      newText: text.slice(start, end),
    });
    shift += edit.newText.length - (end - start);
  }
  return inverse;
}

/** The spans of the original text that the edits leave untouched, as `[start, end)` offsets. */
export function untouchedSpans(text: string, edits: readonly TextEdit[]): Array<[number, number]> {
  const offsets = new DocumentText(text);
  const sorted = [...edits].sort((a, b) => compareEdits(offsets, a, b));
  const spans: Array<[number, number]> = [];
  let cursor = 0;
  for (const edit of sorted) {
    spans.push([cursor, offsets.offsetAt(edit.range.start)]);
    cursor = offsets.offsetAt(edit.range.end);
  }
  spans.push([cursor, text.length]);
  return spans;
}

/**
 * The same change with every edit shrunk to what it really changes (common leading and trailing text dropped)
 * and edits that change nothing left out, so an editor's undo and diff show only real changes.
 */
export function minimizeTextEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const offsets = new DocumentText(text);
  const minimal: TextEdit[] = [];
  for (const edit of edits) {
    let start = offsets.offsetAt(edit.range.start);
    let end = offsets.offsetAt(edit.range.end);
    let newText = edit.newText;
    while (newText.length > 0 && end > start && text[start] === newText[0]) {
      start++;
      newText = newText.slice(1);
    }
    while (newText.length > 0 && end > start && text[end - 1] === newText[newText.length - 1]) {
      end--;
      newText = newText.slice(0, -1);
    }
    if (newText.length === 0 && end === start) continue;
    minimal.push({ range: { start: offsets.positionAt(start), end: offsets.positionAt(end) }, newText });
  }
  return minimal;
}

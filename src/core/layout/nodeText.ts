import type { LayoutNode } from './layoutTypes';

/** One line of text inside a node box, positioned relative to the box's top-left corner. */
export interface NodeTextLine {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle';
  /** `title` for the first line of a stage, family or summary, `detail` for the rest and for images. */
  role: 'title' | 'detail';
}

/** The height of a stage box's three lines with their padding (the box's usual height). */
const STAGE_TEXT_HEIGHT = 60;

/** Where the webview and the SVG export put each text line of a node, so both draw the same box. */
export function nodeText(node: LayoutNode): NodeTextLine[] {
  if (node.kind === 'summary') {
    // Lines centred one under the other, the first as a title.
    return node.lines.map((text, index) => ({ text, x: node.width / 2, y: node.height / 2 + 4 + (index - (node.lines.length - 1) / 2) * 15, anchor: 'middle', role: index === 0 ? 'title' : 'detail' }));
  }
  if (node.kind !== 'stage' && node.kind !== 'family') {
    return node.lines.map((text) => ({ text, x: node.width / 2, y: node.height / 2 + 4, anchor: 'middle', role: 'detail' }));
  }
  // A box taller than its text (it has many edges' ports) keeps the text in its middle.
  const top = Math.max(0, (node.height - STAGE_TEXT_HEIGHT) / 2);
  return node.lines.map((text, index) => ({
    text,
    x: 12,
    y: top + (index === 0 ? 20 : 22 + index * 15),
    anchor: 'start',
    role: index === 0 ? 'title' : 'detail',
  }));
}

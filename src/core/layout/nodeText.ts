import type { LayoutNode } from './layoutTypes';

/** One line of text inside a node box, positioned relative to the box's top-left corner. */
export interface NodeTextLine {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle';
  /** `title` for the first line of a stage, `detail` for the rest and for images. */
  role: 'title' | 'detail';
}

/** Where the webview and the SVG export put each text line of a node, so both draw the same box. */
export function nodeText(node: LayoutNode): NodeTextLine[] {
  if (node.kind !== 'stage') {
    return node.lines.map((text) => ({ text, x: node.width / 2, y: node.height / 2 + 4, anchor: 'middle', role: 'detail' }));
  }
  return node.lines.map((text, index) => ({
    text,
    x: 12,
    y: index === 0 ? 20 : 22 + index * 15,
    anchor: 'start',
    role: index === 0 ? 'title' : 'detail',
  }));
}

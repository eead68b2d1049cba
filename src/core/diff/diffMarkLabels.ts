import type { GraphLayout } from '../layout/layoutTypes';
import type { PinnedLabel } from '../layout/pinnedLabels';
import { estimateTextWidth } from '../layout/textWidth';
import type { DiffMark, DiffOverlay } from './diffOverlay';

/** The word a node's badge shows for each mark (the full notes are in its tooltip). */
const MARK_WORDS: Record<DiffMark, string> = {
  added: 'added',
  changed: 'changed',
  renamed: 'renamed',
  nowBuilt: 'now built',
  nowSkipped: 'no longer built',
};

/**
 * Where Compare's words sit, as media/graph.css draws them (`.diff-badge text`, `.diff-ghost .title`): a node's
 * marks hang from its top-left corner, their baseline `MARK_BASELINE` above it, so they stay clear of the band
 * (half a badge either side of the box's top edge) where a build's state badges sit; a removed stage's name hangs
 * from the start of its baseline in the ghost box. In drawing units at full detail, in screen pixels when compact.
 */
export const MARK_FONT_PX = 11;
export const MARK_BASELINE = -13;
export const GHOST_TITLE_FONT_PX = 13;
export const GHOST_TITLE_AT = { x: 10, y: 19 } as const;
/** Above and below a baseline, a line of text reaches about this share of its size. */
const ASCENT = 0.9;
const DESCENT = 0.25;
/** The words are bold; in the widest common fonts (DejaVu Sans Bold) they run this much past `estimateTextWidth`. */
const BOLD_WIDTH = 1.15;

/** The words of a node's badge: its marks, one word each. */
export function diffMarkText(marks: readonly DiffMark[]): string {
  return marks.map((mark) => MARK_WORDS[mark]).join(' · ');
}

/**
 * The words `overlay` pins to `layout`'s drawing: each marked node's badge (in the overlay's order: added, renamed and
 * changed stages before those only built or no longer built) and each removed stage's name.
 */
export function diffMarkLabels(overlay: DiffOverlay, layout: GraphLayout): PinnedLabel[] {
  const nodeById = new Map(layout.nodes.map((node) => [node.id, node]));
  const labels: PinnedLabel[] = [];
  for (const marked of overlay.nodes) {
    const node = nodeById.get(marked.id);
    if (node) labels.push({ x: node.x, y: node.y, box: lineBox(diffMarkText(marked.marks), MARK_FONT_PX, MARK_BASELINE) });
  }
  for (const ghost of overlay.removedStages) {
    labels.push({ x: ghost.x + GHOST_TITLE_AT.x, y: ghost.y + GHOST_TITLE_AT.y, box: lineBox(ghost.label, GHOST_TITLE_FONT_PX, 0) });
  }
  return labels;
}

/** The box of one line of `text` at `fontPx` whose baseline starts at (0, `baseline`). */
function lineBox(text: string, fontPx: number, baseline: number): PinnedLabel['box'] {
  return { x: 0, y: baseline - ASCENT * fontPx, width: BOLD_WIDTH * estimateTextWidth(text, fontPx), height: (ASCENT + DESCENT) * fontPx };
}

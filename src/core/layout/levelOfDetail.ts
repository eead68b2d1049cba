/**
 * How much of the drawing is readable at a zoom scale, so the view draws only text a reader can read: full boxes
 * (name, base, counts) when the names come out at least `MIN_NAME_PX` high on screen, else compact boxes (the name
 * alone at `COMPACT_NAME_PX`, whatever the zoom); edge labels only from `EDGE_LABEL_SCALE`.
 */

/** The size stage names are drawn at in full boxes, in drawing units (`.node .title` in media/graph.css). */
export const TITLE_FONT = 13;
/** The smallest a stage name may be drawn on screen, in pixels. */
export const MIN_NAME_PX = 11;
/** From this scale up, boxes are drawn in full: names are at least `MIN_NAME_PX` on screen. */
export const FULL_DETAIL_SCALE = MIN_NAME_PX / TITLE_FONT;
/** The on-screen size of a name in a compact box, in pixels. */
export const COMPACT_NAME_PX = 12;
/** The on-screen height of a compact box, in pixels. */
export const COMPACT_BOX_PX = 20;
/** Edge labels (10 drawing units) are drawn from this scale up: 9px and more on screen. */
export const EDGE_LABEL_SCALE = 0.9;
/** "Show in graph" zooms in to at least this scale: names 13px high, every detail readable. */
export const REVEAL_SCALE = 1;

/** How boxes are drawn at a scale. */
export type DetailLevel = 'full' | 'compact';

/** The level of detail at zoom scale `scale`. */
export function detailAt(scale: number): DetailLevel {
  return scale >= FULL_DETAIL_SCALE - 1e-9 ? 'full' : 'compact';
}

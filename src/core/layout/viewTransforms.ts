import type { Box } from './boxGrid';

/** A zoom and pan as d3-zoom keeps it: screen = drawing × k + (x, y). */
export interface ZoomTransform {
  x: number;
  y: number;
  k: number;
}

/** The size of the view the drawing is shown in, in screen pixels. */
export interface ViewSize {
  width: number;
  height: number;
}

/** The zoom limits of the view. */
export const MIN_SCALE = 0.05;
export const MAX_SCALE = 4;

/** The transform that shows `area` whole and centred in `view`, `margin` pixels clear of its edges, at most `maxScale`. */
export function fitTransform(area: Box, view: ViewSize, margin = 8, maxScale = 1.5): ZoomTransform {
  const k = clamp(Math.min(maxScale, (view.width - 2 * margin) / Math.max(area.width, 1), (view.height - 2 * margin) / Math.max(area.height, 1)), MIN_SCALE, MAX_SCALE);
  return centreTransform(area, view, k);
}

/** The transform at scale `k` that puts the middle of `area` in the middle of `view`. */
export function centreTransform(area: Box, view: ViewSize, k: number): ZoomTransform {
  return { x: view.width / 2 - (area.x + area.width / 2) * k, y: view.height / 2 - (area.y + area.height / 2) * k, k };
}

/** Where `box` is on screen under `transform`. */
export function screenBox(box: Box, transform: ZoomTransform): Box {
  return { x: box.x * transform.k + transform.x, y: box.y * transform.k + transform.y, width: box.width * transform.k, height: box.height * transform.k };
}

/** Whether `box` lies wholly inside `view` under `transform`. */
export function isInView(box: Box, transform: ZoomTransform, view: ViewSize): boolean {
  const shown = screenBox(box, transform);
  return shown.x >= 0 && shown.y >= 0 && shown.x + shown.width <= view.width && shown.y + shown.height <= view.height;
}

/**
 * The smallest move that shows `box` whole in `view` at a scale of at least `minScale`, or null when it is shown
 * so already (the view then stays still). When the scale must change the box is centred; otherwise the view pans
 * just far enough to bring it `margin` pixels inside the edge it was beyond, so what was on screen mostly stays.
 */
export function revealTransform(box: Box, current: ZoomTransform, view: ViewSize, minScale: number, margin = 24): ZoomTransform | null {
  // A box too big for the view at that scale is shown as big as fits instead.
  const fits = Math.min((view.width - 2 * margin) / Math.max(box.width, 1), (view.height - 2 * margin) / Math.max(box.height, 1));
  const k = clamp(Math.min(Math.max(current.k, minScale), fits), MIN_SCALE, MAX_SCALE);
  if (Math.abs(k - current.k) > 1e-6) return centreTransform(box, view, k);
  if (isInView(box, current, view)) return null;
  const shown = screenBox(box, current);
  const shift = (start: number, size: number, room: number): number => {
    if (size > room - 2 * margin) return room / 2 - (start + size / 2);
    if (start < margin) return margin - start;
    if (start + size > room - margin) return room - margin - (start + size);
    return 0;
  };
  return { x: current.x + shift(shown.x, shown.width, view.width), y: current.y + shift(shown.y, shown.height, view.height), k: current.k };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

import { boxesOverlap, type Box } from './boxGrid';
import { detailAt } from './levelOfDetail';

/**
 * Words drawn at a point of the drawing that keep one size on screen once the drawing is compact, as the names do:
 * the marks Compare with HEAD puts on a box, the name of a stage it shows as removed. At a small zoom they reach far
 * beyond the boxes they belong to, so Fit must take them in.
 */
export interface PinnedLabel {
  /** The point of the drawing they hang from, in drawing units. */
  x: number;
  y: number;
  /** Their box relative to that point: drawing units at full detail, screen pixels when compact. */
  box: Box;
}

/** Where `label` is drawn at zoom `scale`, in drawing units. */
export function pinnedLabelBox(label: PinnedLabel, scale: number): Box {
  const unit = detailAt(scale) === 'compact' ? 1 / scale : 1;
  const { x, y, width, height } = label.box;
  return { x: label.x + x * unit, y: label.y + y * unit, width: width * unit, height: height * unit };
}

/**
 * Which of `labels` are drawn at zoom `scale`: at full detail all of them; compact, each in turn unless its box there
 * meets the box of one drawn before it, so the words do not pile up where a zoomed-out drawing packs its boxes (the
 * first ones go first; each keeps its hover, and zooming in brings it back).
 */
export function uncrowdedLabels(labels: readonly PinnedLabel[], scale: number): boolean[] {
  if (detailAt(scale) !== 'compact') return labels.map(() => true);
  const drawn: Box[] = [];
  return labels.map((label) => {
    const box = pinnedLabelBox(label, scale);
    if (drawn.some((other) => boxesOverlap(box, other))) return false;
    drawn.push(box);
    return true;
  });
}

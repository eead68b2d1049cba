import type { Box } from './boxGrid';
import { compactCandidates, compactNodeBox, namedBoxSize, visibleCompactLabels } from './compactLabels';
import { detailAt, FULL_DETAIL_SCALE } from './levelOfDetail';
import type { GraphLayout, LayoutNode } from './layoutTypes';
import { pinnedLabelBox, type PinnedLabel } from './pinnedLabels';
import { centreTransform, fitTransform, MIN_SCALE, type ViewSize, type ZoomTransform } from './viewTransforms';

/** The share of stage names that must be drawn for a scale to give a readable picture. */
const NAMES_DRAWN_TO_READ = 0.9;
/** How close to the smallest readable scale `readableScale` gets (a ratio). */
const READABLE_PRECISION = 1.03;
const MARGIN = 16;

/** The whole drawing's box. */
function drawingBox(layout: GraphLayout): Box {
  return { x: 0, y: 0, width: layout.width, height: layout.height };
}

/** Rounds of fitting again around what is drawn at a fixed size on screen, at most, and when they may stop. */
const FIT_ROUNDS = 6;
const FIT_SETTLED = 0.005;

/**
 * The transform that shows the whole drawing: fitted to the drawing with `labels` (words pinned to it, such as
 * Compare's marks), and where that is so small that names are drawn compact (at a fixed size on screen, often wider
 * than their boxes, as are the labels then), fitted again around the names and labels at that scale until the scale
 * settles, so none at the edges is cut off.
 */
export function fitWholeDrawing(layout: GraphLayout, view: ViewSize, labels: readonly PinnedLabel[] = []): ZoomTransform {
  let fit = fitTransform(withLabels(drawingBox(layout), labels, 1), view);
  for (let round = 0; round < FIT_ROUNDS && detailAt(fit.k) === 'compact'; round++) {
    const next = fitTransform(shownBounds(layout, fit.k, labels), view);
    const settled = Math.abs(next.k - fit.k) <= FIT_SETTLED * fit.k;
    fit = next;
    if (settled) break;
  }
  return fit;
}

/** The drawing's box grown to hold every compact box, each as wide as its name, and `labels`, at zoom `scale`. */
function shownBounds(layout: GraphLayout, scale: number, labels: readonly PinnedLabel[] = []): Box {
  let [left, top, right, bottom] = [0, 0, layout.width, layout.height];
  for (const node of layout.nodes) {
    const box = compactNodeBox(node, namedBoxSize(node.lines[0] ?? ''), scale);
    [left, top] = [Math.min(left, box.x), Math.min(top, box.y)];
    [right, bottom] = [Math.max(right, box.x + box.width), Math.max(bottom, box.y + box.height)];
  }
  return withLabels({ x: left, y: top, width: right - left, height: bottom - top }, labels, scale);
}

/** `box` grown to hold `labels` as drawn at zoom `scale`. */
function withLabels(box: Box, labels: readonly PinnedLabel[], scale: number): Box {
  let [left, top, right, bottom] = [box.x, box.y, box.x + box.width, box.y + box.height];
  for (const label of labels) {
    const shown = pinnedLabelBox(label, scale);
    [left, top] = [Math.min(left, shown.x), Math.min(top, shown.y)];
    [right, bottom] = [Math.max(right, shown.x + shown.width), Math.max(bottom, shown.y + shown.height)];
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * What a reader sees first. The whole drawing when it can be read whole: its boxes in full, or compact with
 * (nearly) every stage name drawn. A bigger drawing is not shrunk into unreadable boxes: the view takes the
 * smallest scale at which (nearly) every name is drawn, and shows there the build target (or the node `anchorId`,
 * such as a focused stage) among as much of what is built as fits around it (Fit shows the rest). `labels` are words
 * pinned to the drawing that the whole of it includes (see `fitWholeDrawing`).
 */
export function firstViewTransform(layout: GraphLayout, view: ViewSize, anchorId: string | null = null, labels: readonly PinnedLabel[] = []): ZoomTransform {
  const fit = fitWholeDrawing(layout, view, labels);
  if (fit.k >= layout.readableScale) return fit;
  const scale = layout.readableScale;
  const anchor = layout.nodes.find((node) => node.id === anchorId) ?? layout.nodes.find((node) => node.isTarget) ?? lastInFlow(layout);
  if (!anchor) return fit;
  return centreTransform(inside(regionAround(layout, anchor, view, scale), shownBounds(layout, scale, labels)), view, scale);
}

/** `region` moved (not resized) to lie within `bounds` where they are bigger, so no view is wasted on empty space. */
function inside(region: Box, bounds: Box): Box {
  const along = (start: number, size: number, low: number, extent: number): number =>
    size >= extent ? low + (extent - size) / 2 : Math.min(Math.max(start, low), low + extent - size);
  return { ...region, x: along(region.x, region.width, bounds.x, bounds.width), y: along(region.y, region.height, bounds.y, bounds.height) };
}

/**
 * The smallest scale (to within 3%) at which the drawing reads: its boxes drawn in full, or compact with (nearly)
 * every stage name drawn. Found by halving the range between the smallest zoom and full detail in as many steps as
 * that precision takes (seven), taking the larger end: the scale returned always reads.
 */
export function readableScale(layout: Pick<GraphLayout, 'nodes' | 'edges'>): number {
  const candidates = compactCandidates(layout);
  const stages = layout.nodes.filter((node) => node.kind === 'stage').map((node) => node.id);
  const reads = (scale: number): boolean => {
    if (scale >= FULL_DETAIL_SCALE || stages.length === 0) return true;
    const drawn = visibleCompactLabels(candidates, scale).named;
    return stages.filter((id) => drawn.has(id)).length >= NAMES_DRAWN_TO_READ * stages.length;
  };
  let [low, high] = [MIN_SCALE, FULL_DETAIL_SCALE];
  if (reads(low)) return low;
  while (high / low > READABLE_PRECISION) {
    const middle = Math.sqrt(low * high);
    if (reads(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** The node furthest along the flow (rightmost left-to-right, lowest top-to-bottom). */
function lastInFlow(layout: GraphLayout): LayoutNode | undefined {
  const end = (node: LayoutNode): number => (layout.direction === 'LR' ? node.x + node.width : node.y + node.height);
  return layout.nodes.reduce<LayoutNode | undefined>((last, node) => (!last || end(node) > end(last) ? node : last), undefined);
}

/**
 * The area of the drawing to show at `scale`: of the windows that fit the view and hold `anchor` whole, the one
 * holding the most of what matters (stages that are built count most, then images, then stages that are not);
 * between equals, the one that puts the anchor nearest the middle. Windows are tried with their left and top edges
 * on the nodes' edges, so no window starts in empty space that a shifted one would fill.
 */
function regionAround(layout: GraphLayout, anchor: LayoutNode, view: ViewSize, scale: number): Box {
  const [width, height] = [(view.width - 2 * MARGIN) / scale, (view.height - 2 * MARGIN) / scale];
  const near = layout.nodes.filter((node) => Math.abs(node.x - anchor.x) < width && Math.abs(node.y - anchor.y) < height);
  const weight = (node: LayoutNode): number => (node.kind !== 'stage' && node.kind !== 'family' ? 1 : node.reachable ? 3 : 0.5);
  const lefts = candidateStarts(near.map((node) => node.x), anchor.x, anchor.x + anchor.width, width);
  const tops = candidateStarts(near.map((node) => node.y), anchor.y, anchor.y + anchor.height, height);
  let best = { box: { x: anchor.x + anchor.width / 2 - width / 2, y: anchor.y + anchor.height / 2 - height / 2, width, height }, score: -1, offCentre: Infinity };
  for (const x of lefts) {
    for (const y of tops) {
      let score = 0;
      for (const node of near) if (node.x >= x && node.y >= y && node.x + node.width <= x + width && node.y + node.height <= y + height) score += weight(node);
      const offCentre = Math.abs(x + width / 2 - (anchor.x + anchor.width / 2)) + Math.abs(y + height / 2 - (anchor.y + anchor.height / 2));
      if (score > best.score || (score === best.score && offCentre < best.offCentre)) best = { box: { x, y, width, height }, score, offCentre };
    }
  }
  return best.box;
}

/** Windows tried along each axis at most: starts closer than a sixteenth of the window are one start. */
const STARTS_PER_AXIS = 16;

/**
 * Starts of windows of `size` along one axis that keep [low, high] inside: the nodes' starts (and the centred
 * window's), thinned to one per sixteenth of the window so a drawing of hundreds of nodes tries a few hundred windows.
 */
function candidateStarts(starts: readonly number[], low: number, high: number, size: number): number[] {
  const centred = (low + high) / 2 - size / 2;
  const within = [centred, ...starts].filter((start) => start <= low + 1e-6 && start + size >= high - 1e-6).sort((a, b) => a - b);
  const thinned: number[] = [];
  for (const start of within) if (thinned.length === 0 || start - thinned[thinned.length - 1] >= size / STARTS_PER_AXIS) thinned.push(start);
  return thinned;
}

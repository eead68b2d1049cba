import type { Selection } from 'd3';
import type { Box } from '../src/core/layout/boxGrid';
import { compactCandidates, compactLabelRank, compactNodeBox, ELIDED_BOX_PX, visibleCompactLabels, type CompactCandidate } from '../src/core/layout/compactLabels';
import { COMPACT_BOX_PX } from '../src/core/layout/levelOfDetail';
import { detailAt, EDGE_LABEL_SCALE } from '../src/core/layout/levelOfDetail';
import { GROUP_LABEL_BAND } from '../src/core/layout/familyGroups';
import type { GraphLayout, LayoutGroup, LayoutNode } from '../src/core/layout/layoutTypes';

/** A family's label band and the room around its members, on screen, when compact. */
const GROUP_BAND_PX = 18;
const GROUP_PADDING_PX = 4;

/** What the view marks on nodes, asked when deciding whose compact name is drawn. */
export interface DetailMarks {
  selected(node: LayoutNode): boolean;
  highlighted(node: LayoutNode): boolean;
  matched(node: LayoutNode): boolean;
}

/**
 * The drawing's level of detail (see src/core/layout/levelOfDetail.ts), set from the zoom: full boxes, or compact
 * boxes whose names keep one readable size on screen, each box grown to hold its name, with the names that would
 * overlap another box left out (their boxes show a mark that the name is elided; the name is on hover); edge labels
 * only where they are legible. The styles switch with classes on the svg and one CSS variable; which names fit, and
 * so the boxes' sizes, are recomputed when a drawing arrives and, zooming, once a frame at most.
 */
export class DetailLevels {
  private layout: GraphLayout | null = null;
  /** The nodes as compact-name candidates, ranked with nothing marked (marks are added when names are placed). */
  private candidates: CompactCandidate[] = [];
  /** Each node's index in the layout (and in `candidates`), by id. */
  private indexOf = new Map<string, number>();
  /** Whether the boxes are drawn at their compact size (set by `cull`), to be put back at full detail. */
  private boxesCompact = false;
  /** Nodes whose compact name is left out (they show the elided mark), and those of them too small for the mark. */
  private culled = new Set<string>();
  private dots = new Set<string>();
  /** Nodes under a name that insisted on its room (the target's, the cursor's…): not drawn at this zoom. */
  private covered = new Set<string>();
  private scale = 1;
  /** The scale `culled` was computed for (NaN: to be computed). */
  private culledAt = Number.NaN;
  private frame = 0;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly viewport: SVGGElement,
    private readonly nodeLayer: Selection<SVGGElement, unknown, null, undefined>,
    private readonly groupLayer: Selection<SVGGElement, unknown, null, undefined>,
    private readonly marks: DetailMarks,
  ) {}

  /** A new drawing (its boxes just drawn at full size): which names fit is computed afresh, before it is painted. */
  setLayout(layout: GraphLayout): void {
    this.layout = layout;
    this.candidates = compactCandidates(layout);
    this.indexOf = new Map(layout.nodes.map((node, index) => [node.id, index]));
    this.culledAt = Number.NaN;
    this.boxesCompact = false;
    this.show(this.scale, true);
  }

  /** The zoom changed to `scale`; the boxes follow in the next frame, or at once with `now`. */
  show(scale: number, now = false): void {
    this.scale = scale;
    const compact = detailAt(scale) === 'compact';
    this.svg.classList.toggle('lod-compact', compact);
    this.svg.classList.toggle('edge-labels', scale >= EDGE_LABEL_SCALE);
    // Compact names are scaled by the inverse of the zoom, so they keep their size on screen.
    this.viewport.style.setProperty('--inverse-scale', String(1 / scale));
    if (compact && scale !== this.culledAt) {
      if (now) this.cull();
      else this.schedule();
    } else if (!compact && this.boxesCompact) {
      this.placeBoxes(null);
    }
  }

  /** Selection, cursor highlight or search marks changed: they decide whose name goes first. */
  marksChanged(): void {
    this.culledAt = Number.NaN;
    if (detailAt(this.scale) === 'compact') this.schedule();
  }

  /** Whether `node`'s compact name is left out at the current zoom. */
  isCulled(node: LayoutNode): boolean {
    return this.culled.has(node.id);
  }

  /** Whether `node` is too small at the current zoom to hold even the elided mark: drawn as a solid dot. */
  isDot(node: LayoutNode): boolean {
    return this.dots.has(node.id);
  }

  /** Whether `node` is under a name that insisted on its room, so not drawn at the current zoom. */
  isCovered(node: LayoutNode): boolean {
    return this.covered.has(node.id);
  }

  /** The area `node` covers on screen at zoom `scale`, in drawing units: its box, grown to hold its name when compact. */
  shownBox(node: LayoutNode, scale: number): Box {
    if (detailAt(scale) !== 'compact') return node;
    return compactNodeBox(node, this.nameBox(node), scale);
  }

  /** The on-screen size of `node`'s compact box with its name. */
  private nameBox(node: LayoutNode): { width: number; height: number } {
    const candidate = this.candidates[this.indexOf.get(node.id) ?? -1];
    return candidate ? { width: candidate.labelWidth, height: COMPACT_BOX_PX } : ELIDED_BOX_PX;
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.cull());
  }

  private cull(): void {
    this.frame = 0;
    const layout = this.layout;
    if (!layout || detailAt(this.scale) !== 'compact') return;
    this.culledAt = this.scale;
    // A marked node goes before every unmarked one: its rank is lifted past theirs.
    const candidates = this.candidates.map((candidate, index) => {
      const node = layout.nodes[index];
      const marked = this.marks.selected(node) || this.marks.highlighted(node) || this.marks.matched(node);
      return marked ? { ...candidate, rank: compactLabelRank(node, { selected: this.marks.selected(node), highlighted: this.marks.highlighted(node), matched: this.marks.matched(node) }, 0) } : candidate;
    });
    const { named, marked, covered } = visibleCompactLabels(candidates, this.scale);
    this.culled = new Set(layout.nodes.filter((node) => !named.has(node.id)).map((node) => node.id));
    this.covered = covered;
    this.dots = new Set([...this.culled].filter((id) => !marked.has(id) && !covered.has(id)));
    this.nodeLayer
      .selectAll<SVGGElement, LayoutNode>('g.node')
      .classed('culled', (node) => this.culled.has(node.id))
      .classed('dot', (node) => this.dots.has(node.id))
      .classed('covered', (node) => this.covered.has(node.id));
    this.placeBoxes(this.scale);
  }

  /**
   * Sizes every box as drawn at compact zoom `scale` (grown about its middle to hold its name, or the elided mark),
   * or, with null, as laid out. A collapsed family's second box stays just behind its first.
   */
  private placeBoxes(scale: number | null): void {
    this.boxesCompact = scale !== null;
    const nodes = this.nodeLayer.selectAll<SVGGElement, LayoutNode>('g.node');
    const shown = (node: LayoutNode): Box => {
      if (scale === null) return { x: node.x, y: node.y, width: node.width, height: node.height };
      if (this.dots.has(node.id)) return { x: node.x, y: node.y, width: node.width, height: node.height };
      return compactNodeBox(node, this.culled.has(node.id) ? ELIDED_BOX_PX : this.nameBox(node), scale);
    };
    const unit = scale === null ? 1 : 1 / scale;
    const rounded = (node: LayoutNode): boolean => node.kind === 'stage' || node.kind === 'family';
    const shownById = new Map<string, Box>();
    nodes.each(function (node) {
      const box = shown(node);
      shownById.set(node.id, box);
      const [x, y] = [box.x - node.x, box.y - node.y];
      const rx = rounded(node) ? (scale === null ? 6 : 4 * unit) : box.height / 2;
      // Straight to the DOM: this runs for every node on every zoom step that changes which names fit.
      for (const child of Array.from(this.children)) {
        if (child.classList.contains('box')) setBox(child, x, y, box.width, box.height, rx);
        else if (child.classList.contains('stack')) setBox(child, x + 4 * unit, y - 4 * unit, box.width, box.height, rx);
      }
    });
    // A family's frame keeps its members inside, grown with them, its label in the band above them.
    const band = scale === null ? GROUP_LABEL_BAND : Math.max(GROUP_LABEL_BAND, GROUP_BAND_PX / scale);
    const padding = scale === null ? 0 : GROUP_PADDING_PX / scale;
    const frames = this.groupLayer.selectAll<SVGGElement, LayoutGroup>('g.group').data().map((group) => {
      let [left, top, right, bottom] = [group.x, group.y, group.x + group.width, group.y + group.height];
      for (const member of group.members) {
        const box = shownById.get(member);
        if (!box) continue;
        [left, right] = [Math.min(left, box.x - padding), Math.max(right, box.x + box.width + padding)];
        [top, bottom] = [Math.min(top, box.y - padding - band), Math.max(bottom, box.y + box.height + padding)];
      }
      return { x: left, y: top, width: right - left, height: bottom - top };
    });
    const groups = this.groupLayer.selectAll<SVGGElement, LayoutGroup>('g.group');
    groups.select('rect.frame').data(frames).attr('x', (frame) => frame.x).attr('y', (frame) => frame.y).attr('width', (frame) => frame.width).attr('height', (frame) => frame.height);
    groups.select('rect.band').data(frames).attr('x', (frame) => frame.x).attr('y', (frame) => frame.y).attr('width', (frame) => frame.width).attr('height', band);
    groups.select('text.group-label').data(frames).attr('x', (frame) => frame.x + 10 * unit).attr('y', (frame) => frame.y + (scale === null ? 15 : band / 2 + 4));
  }
}

function setBox(rect: Element, x: number, y: number, width: number, height: number, rx: number): void {
  rect.setAttribute('x', String(x));
  rect.setAttribute('y', String(y));
  rect.setAttribute('width', String(width));
  rect.setAttribute('height', String(height));
  rect.setAttribute('rx', String(rx));
}

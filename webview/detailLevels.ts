import type { Selection } from 'd3';
import type { Box } from '../src/core/layout/boxGrid';
import { compactBoxWidth, compactCandidates, compactLabelRank, visibleCompactLabels, type CompactCandidate } from '../src/core/layout/compactLabels';
import { COMPACT_BOX_PX, detailAt, EDGE_LABEL_SCALE } from '../src/core/layout/levelOfDetail';
import type { GraphLayout, LayoutNode } from '../src/core/layout/layoutTypes';

/** What the view marks on nodes, asked when deciding whose compact name is drawn. */
export interface DetailMarks {
  selected(node: LayoutNode): boolean;
  highlighted(node: LayoutNode): boolean;
  matched(node: LayoutNode): boolean;
}

/**
 * The drawing's level of detail (see src/core/layout/levelOfDetail.ts), set from the zoom: full boxes, or compact
 * boxes whose names keep one readable size on screen, with the names that would overlap left out (their nodes keep
 * a plain box; the name is on hover); edge labels only where they are legible. The styles switch with classes on
 * the svg and one CSS variable, so zooming never touches the nodes; only which names fit is recomputed, once a
 * frame at most.
 */
export class DetailLevels {
  private layout: GraphLayout | null = null;
  /** The nodes as compact-name candidates, ranked with nothing marked (marks are added when names are placed). */
  private candidates: CompactCandidate[] = [];
  private culled = new Set<string>();
  private scale = 1;
  /** The scale `culled` was computed for (NaN: to be computed). */
  private culledAt = Number.NaN;
  private frame = 0;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly viewport: SVGGElement,
    private readonly nodeLayer: Selection<SVGGElement, unknown, null, undefined>,
    private readonly marks: DetailMarks,
  ) {}

  /** A new drawing: which names fit is computed afresh. */
  setLayout(layout: GraphLayout): void {
    this.layout = layout;
    this.candidates = compactCandidates(layout);
    this.culledAt = Number.NaN;
    this.show(this.scale);
  }

  /** The zoom changed to `scale`. */
  show(scale: number): void {
    this.scale = scale;
    const compact = detailAt(scale) === 'compact';
    this.svg.classList.toggle('lod-compact', compact);
    this.svg.classList.toggle('edge-labels', scale >= EDGE_LABEL_SCALE);
    // Compact boxes are scaled by the inverse of the zoom, so they keep their size on screen.
    this.viewport.style.setProperty('--inverse-scale', String(1 / scale));
    if (compact && scale !== this.culledAt) this.schedule();
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

  /** The area `node` covers on screen at zoom `scale`, in drawing units: its box, and its compact box if wider. */
  shownBox(node: LayoutNode, scale: number): Box {
    if (detailAt(scale) !== 'compact') return node;
    const [width, height] = [compactBoxWidth(node.lines[0] ?? '') / scale, COMPACT_BOX_PX / scale];
    const x = Math.min(node.x, node.x + node.width / 2 - width / 2);
    const y = Math.min(node.y, node.y + node.height / 2 - height / 2);
    return { x, y, width: Math.max(node.width, width), height: Math.max(node.height, height) };
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
    const drawn = visibleCompactLabels(candidates, this.scale);
    this.culled = new Set(layout.nodes.filter((node) => !drawn.has(node.id)).map((node) => node.id));
    this.nodeLayer.selectAll<SVGGElement, LayoutNode>('g.node').classed('culled', (node) => this.culled.has(node.id));
  }
}

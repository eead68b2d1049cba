import { select, zoom, zoomIdentity, zoomTransform, type Selection, type ZoomBehavior } from 'd3';
import { crowdedEdgeLabels } from '../src/core/layout/crowdedEdgeLabels';
import { firstViewTransform, fitWholeDrawing } from '../src/core/layout/firstView';
import { ELIDED_NAME_MARK } from '../src/core/layout/compactLabels';
import { detailAt, EDGE_LABEL_SCALE, REVEAL_SCALE } from '../src/core/layout/levelOfDetail';
import { GROUP_LABEL_BAND } from '../src/core/layout/familyGroups';
import type { GraphLayout, LayoutEdge, LayoutGroup, LayoutNode } from '../src/core/layout/layoutTypes';
import { nodeText } from '../src/core/layout/nodeText';
import type { PinnedLabel } from '../src/core/layout/pinnedLabels';
import { targetBaseChain } from '../src/core/layout/targetBaseChain';
import { MAX_SCALE, MIN_SCALE, revealTransform, type ViewSize, type ZoomTransform } from '../src/core/layout/viewTransforms';
import { DetailLevels } from './detailLevels';
import { nodeInDirection, type ArrowKey } from './nodeInDirection';

/** What the user did in the drawing. */
export interface RendererEvents {
  /** A node (a stage, an image, an entry point) was clicked or Enter was pressed on it. */
  activateNode(node: LayoutNode): void;
  /** An edge was clicked. */
  activateEdge(edge: LayoutEdge): void;
  /** A family's box label was clicked or Enter was pressed on it: collapse the family. */
  collapseGroup(group: LayoutGroup): void;
  /** A stage was double-clicked or F was pressed on it: focus on it. */
  focusNode(node: LayoutNode): void;
  /** Escape was pressed in the drawing: leave the focus. */
  leaveFocus(): void;
  /** Zoom, pan or selection changed (worth saving). */
  viewChanged(): void;
  /** The zoom's scale is now `scale` (on every step of a zoom, the view's own moves too). */
  zoomed(scale: number): void;
}

const EDGE_KINDS: ReadonlyArray<LayoutEdge['kind']> = ['from', 'copy', 'mount', 'builds'];
const ARROW_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
/** After the user zooms or pans by hand, the view does not follow the editor's cursor for this long. */
const FOLLOW_PAUSE_MS = 4000;

/** What the drawing has besides its layout: a size that holds more (Compare's removed stages) and words pinned to it. */
export interface DrawingExtent {
  width: number;
  height: number;
  labels: readonly PinnedLabel[];
}

/** How the view was last placed by itself, so a resize can place it again the same way. */
type AutoView = 'first' | 'fit' | null;

/**
 * Draws a layout with d3 and keeps it interactive: keyed joins so a redraw animates boxes and edges from where
 * they were, d3-zoom for zoom and pan, a level of detail that keeps drawn text readable, selection, cursor
 * highlight and follow, and keyboard focus. All document text goes in through `.text()`, never as markup.
 */
export class GraphRenderer {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly viewport: Selection<SVGGElement, unknown, null, undefined>;
  private readonly groupLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly edgeLayer: Selection<SVGGElement, unknown, null, undefined>;
  /** The edges' labels, above every edge's line so no other edge runs over one; under the boxes. */
  private readonly edgeLabelLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly nodeLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly detail: DetailLevels;
  private layout: GraphLayout | null = null;
  private selectedKey: string | null = null;
  private highlighted: number | null = null;
  /** What the search box holds, and the nodes it matches (best first); kept across redraws. */
  private searchText = '';
  private matchList: LayoutNode[] = [];
  /** Key of the stage the view is focused on (null: none). */
  private focusKey: string | null = null;
  /** The view's size read as `draw` began, valid until the current task ends (see `viewSize`). */
  private sizeAtDraw: [number, number] | null = null;
  /** When the user last zoomed or panned by hand (`performance.now()`). */
  private lastManualMove = -Infinity;
  private autoView: AutoView = null;
  /** The view's size when last seen, to tell a resize from the observer's first call. */
  private knownSize: ViewSize | null = null;
  /** What Fit takes in besides the layout (see `setExtent`). */
  private extent: DrawingExtent | null = null;
  /** Whether the boxes' own lines are still those of an earlier drawing (see `drawDetailsWhenShown`). */
  private nodeTextStale = false;
  /** Whether the edge labels are still those of an earlier drawing (see `drawDetailsWhenShown`). */
  private edgeLabelsStale = false;
  /** How long the last drawing animates its changes, for what it leaves to be drawn later. */
  private drawDuration = 0;
  /** Classes another part of the view puts on nodes (a build's states), kept whenever node classes are set. */
  private nodeMarks: (node: LayoutNode) => string = () => '';

  constructor(
    element: SVGSVGElement,
    private readonly events: RendererEvents,
  ) {
    this.svg = select(element);
    const defs = this.svg.append('defs');
    for (const kind of EDGE_KINDS) {
      defs
        .append('marker')
        .attr('id', `arrow-${kind}`)
        .attr('viewBox', '0 0 10 10')
        .attr('refX', 9)
        .attr('refY', 5)
        // Sized in drawing units, so a highlighted (thicker) edge keeps a normal arrowhead.
        .attr('markerUnits', 'userSpaceOnUse')
        .attr('markerWidth', 9)
        .attr('markerHeight', 9)
        .attr('orient', 'auto-start-reverse')
        .append('path')
        .attr('class', `arrow-${kind}`)
        .attr('d', 'M0,0L10,5L0,10z');
    }
    this.viewport = this.svg.append('g').attr('class', 'viewport');
    this.groupLayer = this.viewport.append('g').attr('class', 'groups');
    this.edgeLayer = this.viewport.append('g').attr('class', 'edges');
    this.edgeLabelLayer = this.viewport.append('g').attr('class', 'edge-label-layer');
    this.nodeLayer = this.viewport.append('g').attr('class', 'nodes');
    this.detail = new DetailLevels(element, this.viewport.node()!, this.nodeLayer, this.groupLayer, {
      selected: (node) => node.key === this.selectedKey,
      highlighted: (node) => this.isHighlighted(node) || node.key === this.focusKey,
      matched: (node) => this.matchList.includes(node),
    });
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      // d3's default reads the svg's width as an SVGLength, which forces a layout on every zoom.transform call.
      .extent(() => [[0, 0], this.sizeAtDraw ?? this.measureView()])
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      .on('zoom', (event) => {
        this.viewport.attr('transform', event.transform.toString());
        // Only the user's own wheel, drag or pinch carries a source event; moves the view makes itself do not.
        if (event.sourceEvent) {
          this.lastManualMove = performance.now();
          this.autoView = null;
        }
        this.detail.show(event.transform.k);
        this.events.zoomed(event.transform.k);
        this.drawDetailsWhenShown();
      })
      .on('end', () => this.events.viewChanged());
    this.svg.call(this.zoomBehavior).on('dblclick.zoom', null);
    // One listener per layer instead of one per element keeps big drawings quick to build.
    this.nodeLayer.on('click', (event: MouseEvent) => {
      const node = datumAt<LayoutNode>(event, 'g.node');
      if (node) this.activate(node);
    });
    this.nodeLayer.on('keydown', (event: KeyboardEvent) => {
      const node = datumAt<LayoutNode>(event, 'g.node');
      if (node) this.onKey(event, node);
    });
    this.nodeLayer.on('dblclick', (event: MouseEvent) => {
      const node = datumAt<LayoutNode>(event, 'g.node');
      if (node) this.events.focusNode(node);
    });
    this.svg.on('keydown', (event: KeyboardEvent) => {
      if (event.key === 'Escape') this.events.leaveFocus();
    });
    this.groupLayer.on('click', (event: MouseEvent) => {
      const group = datumAt<LayoutGroup>(event, '.group-band');
      if (group) this.events.collapseGroup(group);
    });
    this.groupLayer.on('keydown', (event: KeyboardEvent) => {
      const group = datumAt<LayoutGroup>(event, '.group-band');
      if (group && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        this.events.collapseGroup(group);
      }
    });
    this.edgeLayer.on('click', (event: MouseEvent) => {
      const edge = datumAt<LayoutEdge>(event, 'g.edge');
      if (edge) this.events.activateEdge(edge);
    });
    this.edgeLabelLayer.on('click', (event: MouseEvent) => {
      const edge = datumAt<LayoutEdge>(event, 'g.edge-label');
      if (edge) this.events.activateEdge(edge);
    });
    new ResizeObserver(() => this.onResize()).observe(element);
  }

  /** Whether anything has been drawn yet. */
  get hasDrawing(): boolean {
    return this.layout !== null;
  }

  get selected(): string | null {
    return this.selectedKey;
  }

  /** The stage the editor's cursor is in, as last highlighted (null: none). */
  get highlightedStage(): number | null {
    return this.highlighted;
  }

  /** Draws `layout`, animating from the previous drawing; zoom and pan stay as they are. `focus` is the focused stage's key. */
  draw(layout: GraphLayout, focus: string | null = null): void {
    this.focusKey = focus;
    // The first drawing appears at once; later ones animate from where things were (unless motion is reduced).
    const duration = this.layout === null ? 0 : motionDuration();
    // Read the view's size while the page is still laid out: read after the new elements went in, it would force
    // the browser to lay out and shape all their text once for that and again once `fit` has set the zoom.
    this.sizeAtDraw = this.measureView();
    queueMicrotask(() => (this.sizeAtDraw = null));
    this.layout = layout;
    this.drawGroups(layout.groups);
    const nodeById = nodesById(layout);
    const chain = targetBaseChain(layout);
    const edges = this.edgeLayer
      .selectAll<SVGGElement, LayoutEdge>('g.edge')
      .data(layout.edges, (edge) => edge.id)
      .join(
        (enter) => {
          const group = enter.append('g').style('opacity', 0);
          group.append('title');
          // Without animation the shared code below sets every path once; parsing the same path twice is waste.
          const hit = group.append('path').attr('class', 'hit');
          const line = group.append('path').attr('class', 'line');
          if (duration > 0) for (const path of [hit, line]) path.attr('d', (edge) => edge.path);
          return group;
        },
        (update) => update,
        (exit) => (duration > 0 ? exit.transition().duration(duration).style('opacity', 0).remove() : exit.remove()),
      )
      .attr('class', (edge) => classNames('edge', `edge-${edge.kind}`, edge.onbuild && 'onbuild', !edge.reachable && 'unreachable', chain.has(edge.id) && 'chain'))
      .attr('data-id', (edge) => edge.id)
      .attr('data-source', (edge) => edge.source)
      .attr('data-target', (edge) => edge.target);
    edges.select('title').text((edge) => edgeTitle(edge, nodeById));
    // Each child looked up once: a lookup is a selector match in every edge group.
    const [hitPaths, linePaths] = [edges.select('path.hit'), edges.select('path.line')];
    linePaths.attr('marker-end', (edge) => `url(#arrow-${edge.kind})`);
    if (duration > 0) {
      const edgeMotion = edges.transition().duration(duration).style('opacity', 1);
      edgeMotion.select('path.hit').attr('d', (edge) => edge.path);
      edgeMotion.select('path.line').attr('d', (edge) => edge.path);
    } else {
      edges.interrupt().style('opacity', 1);
      hitPaths.attr('d', (edge) => edge.path);
      linePaths.attr('d', (edge) => edge.path);
    }

    // Tab order follows reading order of the drawing.
    const ordered = this.readingOrder();
    const nodes = this.nodeLayer
      .selectAll<SVGGElement, LayoutNode>('g.node')
      .data(ordered, (node) => node.key)
      .join(
        (enter) => {
          const group = enter.append('g').style('opacity', 0);
          if (duration > 0) group.attr('transform', (node) => `translate(${node.x},${node.y})`);
          group.append('title');
          // A collapsed family looks like a stack of boxes.
          group.filter((node) => node.kind === 'family').append('rect').attr('class', 'stack');
          group.append('rect').attr('class', 'box');
          // The compact name: scaled by CSS about its middle so it keeps one size on screen whatever the zoom.
          group.append('text').attr('class', 'title compact-name').attr('text-anchor', 'middle');
          // Drawn instead when the compact name is left out, so no box is ever empty.
          group.append('text').attr('class', 'elided-mark').attr('text-anchor', 'middle').attr('aria-hidden', 'true').text(ELIDED_NAME_MARK);
          return group;
        },
        (update) => update,
        (exit) => (duration > 0 ? exit.transition().duration(duration).style('opacity', 0).remove() : exit.remove()),
      )
      .order()
      .attr('data-id', (node) => node.id)
      .attr('data-key', (node) => node.key)
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('aria-label', (node) => node.ariaLabel);
    this.matchList = matchesOf(ordered, this.searchText);
    nodes.attr('class', (node) => this.nodeClasses(node));
    nodes.select('title').text((node) => node.tooltip);
    nodes
      .select('rect.box')
      .attr('x', 0)
      .attr('y', 0)
      .attr('width', (node) => node.width)
      .attr('height', (node) => node.height)
      .attr('rx', (node) => (node.kind === 'stage' || node.kind === 'family' ? 6 : node.height / 2));
    nodes.select('rect.stack').attr('x', 4).attr('y', -4).attr('width', (node) => node.width).attr('height', (node) => node.height).attr('rx', 6);
    // The edge labels and the boxes' own lines are drawn once the zoom is known: a big drawing opens compact and too
    // far out for labels, where neither is shown.
    this.drawDuration = duration;
    this.edgeLabelsStale = true;
    this.nodeTextStale = true;
    queueMicrotask(() => this.drawDetailsWhenShown());
    nodes
      .select('text.compact-name')
      .attr('x', (node) => node.width / 2)
      .attr('y', (node) => node.height / 2 + 4)
      .text((node) => node.lines[0] ?? '');
    nodes
      .select('text.elided-mark')
      .attr('x', (node) => node.width / 2)
      .attr('y', (node) => node.height / 2 + 4);
    if (duration > 0) {
      nodes
        .transition()
        .duration(duration)
        .style('opacity', 1)
        .attr('transform', (node) => `translate(${node.x},${node.y})`);
    } else {
      nodes
        .interrupt()
        .style('opacity', 1)
        .attr('transform', (node) => `translate(${node.x},${node.y})`);
    }
    this.detail.setLayout(layout);
  }

  /**
   * The edges' labels of `layout`, each with its edge's hover text (a click on one is a click on its edge), animated
   * from where they were over `duration`.
   */
  private drawEdgeLabels(layout: GraphLayout, duration: number): void {
    const nodeById = nodesById(layout);
    const crowded = crowdedEdgeLabels(layout.edges, layout.nodes);
    const labels = this.edgeLabelLayer
      .selectAll<SVGGElement, LayoutEdge>('g.edge-label')
      .data(
        layout.edges.filter((edge) => edge.points.length > 0 && edge.label !== ''),
        (edge) => edge.id,
      )
      .join(
        (enter) => {
          const group = enter.append('g').style('opacity', 0);
          group.append('title');
          const text = group.append('text').attr('text-anchor', 'middle');
          if (duration > 0) text.attr('x', (edge) => edge.labelX).attr('y', (edge) => edge.labelY - 4);
          return group;
        },
        (update) => update,
        (exit) => (duration > 0 ? exit.transition().duration(duration).style('opacity', 0).remove() : exit.remove()),
      )
      .attr('class', (edge) => classNames('edge-label', !edge.reachable && 'unreachable', crowded.has(edge.id) && 'crowded'))
      .attr('data-id', (edge) => edge.id);
    labels.select('title').text((edge) => edgeTitle(edge, nodeById));
    labels.select('text').text((edge) => edge.label);
    if (duration > 0) {
      labels.transition().duration(duration).style('opacity', 1).select('text').attr('x', (edge) => edge.labelX).attr('y', (edge) => edge.labelY - 4);
    } else {
      labels.interrupt().style('opacity', 1).select('text').attr('x', (edge) => edge.labelX).attr('y', (edge) => edge.labelY - 4);
    }
  }

  /**
   * Draws what the last drawing left for a closer zoom, once the zoom shows it: the boxes' own lines (name, base,
   * counts) and the edges' labels. Until then the elements of an earlier drawing stay, hidden at that zoom.
   */
  private drawDetailsWhenShown(): void {
    const scale = this.zoom.k;
    if (this.edgeLabelsStale && this.layout && scale >= EDGE_LABEL_SCALE) {
      this.edgeLabelsStale = false;
      this.drawEdgeLabels(this.layout, this.drawDuration);
    }
    if (!this.nodeTextStale || detailAt(scale) !== 'full') return;
    this.nodeTextStale = false;
    this.nodeLayer
      .selectAll<SVGGElement, LayoutNode>('g.node')
      // Only the box's own lines: the compact name is a text too.
      .selectAll<SVGTextElement, ReturnType<typeof nodeText>[number]>(':scope > text:not(.compact-name):not(.elided-mark)')
      .data((node) => nodeText(node))
      .join((enter) => enter.insert('text', '.compact-name'))
      .attr('class', (line) => line.role)
      .attr('x', (line) => line.x)
      .attr('y', (line) => line.y)
      .attr('text-anchor', (line) => line.anchor)
      .text((line) => line.text);
  }

  /** The boxes around families drawn side by side, with a label band that collapses the family. */
  private drawGroups(groups: readonly LayoutGroup[]): void {
    const boxes = this.groupLayer
      .selectAll<SVGGElement, LayoutGroup>('g.group')
      .data(groups, (group) => group.id)
      .join((enter) => {
        const group = enter.append('g').attr('class', 'group');
        group.append('rect').attr('class', 'frame').attr('rx', 10);
        const band = group.append('g').attr('class', 'group-band').attr('role', 'button').attr('tabindex', 0);
        band.append('title');
        band.append('rect').attr('class', 'band');
        band.append('text').attr('class', 'group-label');
        return group;
      })
      .attr('data-id', (group) => group.id);
    boxes.select('rect.frame').attr('x', (group) => group.x).attr('y', (group) => group.y).attr('width', (group) => group.width).attr('height', (group) => group.height);
    const bands = boxes.select('.group-band').attr('aria-label', (group) => `Family ${group.label}: collapse into one box`);
    bands.select('title').text((group) => `${group.label}\nClick to collapse the family into one box.`);
    bands.select('rect.band').attr('x', (group) => group.x).attr('y', (group) => group.y).attr('width', (group) => group.width).attr('height', GROUP_LABEL_BAND);
    bands
      .select('text.group-label')
      .attr('x', (group) => group.x + 10)
      .attr('y', (group) => group.y + 15)
      .text((group) => `▾ ${group.label}`);
  }

  /**
   * Grows what Fit and the first view take in beyond the layout (Compare with HEAD draws what was removed below the
   * drawing, and pins words to it); null for the layout alone.
   */
  setExtent(extent: DrawingExtent | null): void {
    this.extent = extent;
  }

  /** Scales and centres the whole drawing to fill the view (never enlarging past 1.5×); refitted on resize. */
  fit(animate = true): void {
    if (!this.layout) return;
    const extent = this.extent;
    const whole = extent ? { ...this.layout, width: Math.max(this.layout.width, extent.width), height: Math.max(this.layout.height, extent.height) } : this.layout;
    this.moveTo(fitWholeDrawing(whole, this.viewSizeOf(), extent?.labels), animate);
    this.autoView = 'fit';
  }

  /**
   * Shows the drawing as a reader new to it needs it first (see `firstViewTransform`): whole when it can be read
   * whole, else the build target and what it builds on at a readable scale. Placed again on resize.
   */
  showFirstView(animate = false): void {
    if (!this.layout) return;
    const focused = this.layout.nodes.find((node) => node.key === this.focusKey);
    this.moveTo(firstViewTransform(this.layout, this.viewSizeOf(), focused?.id ?? null, this.extent?.labels), animate);
    this.autoView = 'first';
  }

  /** The current zoom and pan. */
  get zoom(): ZoomTransform {
    return zoomTransformOf(this.svg.node()!);
  }

  set zoom(value: ZoomTransform) {
    this.autoView = null;
    // A restored zoom belongs to the size the view has once laid out; the observer's next report is that size.
    this.knownSize = null;
    this.svg.call(this.zoomBehavior.transform, zoomIdentity.translate(value.x, value.y).scale(value.k));
  }

  /** The node that stands for stage `index`: its own box, or the summary box it is folded into. */
  nodeForStage(index: number): LayoutNode | undefined {
    return this.layout?.nodes.find((node) => node.stage === index || node.members.includes(index));
  }

  /** Marks the stage the editor cursor is in (or the box it is folded into), with its edges (null clears). */
  highlightStage(stage: number | null): void {
    this.highlighted = stage;
    const id = stage === null ? null : (this.nodeForStage(stage)?.id ?? null);
    this.nodeLayer.selectAll<SVGGElement, LayoutNode>('g.node').attr('class', (node) => this.nodeClasses(node));
    this.edgeLayer.selectAll<SVGGElement, LayoutEdge>('g.edge').classed('highlighted', (edge) => id !== null && (edge.source === id || edge.target === id));
    this.detail.marksChanged();
  }

  /**
   * Brings stage `index` into view with an animated pan: for "Show in graph" (`explicit`) always, zooming in until
   * its details are readable; for a cursor move only when the user has not just moved the view by hand, and
   * without changing the zoom (the stage's name is drawn readably at any zoom).
   */
  follow(index: number, explicit: boolean): void {
    const node = this.nodeForStage(index);
    if (!node || (!explicit && performance.now() - this.lastManualMove < FOLLOW_PAUSE_MS)) return;
    const current = this.zoom;
    const target = revealTransform(this.detail.shownBox(node, current.k), current, this.viewSizeOf(), explicit ? REVEAL_SCALE : 0);
    if (!target) return;
    this.autoView = null;
    this.moveTo(target, true);
  }

  /** Pans just enough to show the box standing for stage `index`, keeping the zoom (after a family opened or closed). */
  keepInView(index: number): void {
    const node = this.nodeForStage(index);
    if (node) this.bringIntoView(node);
  }

  /** Gives each node the classes `marks` says, now and whenever the node classes are set again. */
  markNodes(marks: (node: LayoutNode) => string): void {
    this.nodeMarks = marks;
    this.nodeLayer.selectAll<SVGGElement, LayoutNode>('g.node').attr('class', (node) => this.nodeClasses(node));
  }

  /** Selects a node by key (null clears) without revealing it. */
  select(key: string | null): void {
    this.selectedKey = key;
    this.nodeLayer.selectAll<SVGGElement, LayoutNode>('g.node').attr('class', (node) => this.nodeClasses(node));
    this.detail.marksChanged();
    this.events.viewChanged();
  }

  /**
   * Marks every node whose name contains `text` (case-insensitive), without moving focus or the view; returns
   * them best first: a node named exactly `text`, then the others in reading order.
   */
  markMatches(text: string): readonly LayoutNode[] {
    this.searchText = text;
    this.matchList = matchesOf(this.readingOrder(), text);
    this.nodeLayer.selectAll<SVGGElement, LayoutNode>('g.node').attr('class', (node) => this.nodeClasses(node));
    this.detail.marksChanged();
    return this.matchList;
  }

  /** The nodes the search box matches, best first. */
  get matches(): readonly LayoutNode[] {
    return this.matchList;
  }

  /** Selects `node` and brings it into view. */
  reveal(node: LayoutNode): void {
    this.select(node.key);
    this.bringIntoView(node);
  }

  private activate(node: LayoutNode): void {
    this.select(node.key);
    this.events.activateNode(node);
  }

  private onKey(event: KeyboardEvent, node: LayoutNode): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.activate(node);
    } else if (event.key === 'f' || event.key === 'F') {
      event.preventDefault();
      this.events.focusNode(node);
    } else if (ARROW_KEYS.has(event.key) && this.layout) {
      event.preventDefault();
      const next = nodeInDirection(this.layout.nodes, node.id, event.key as ArrowKey);
      const target = next === undefined ? undefined : this.layout.nodes.find((candidate) => candidate.id === next);
      if (!target) return;
      this.select(target.key);
      this.bringIntoView(target);
      this.nodeLayer
        .selectAll<SVGGElement, LayoutNode>('g.node')
        .filter((candidate) => candidate.id === next)
        .node()
        ?.focus();
    }
  }

  private isHighlighted(node: LayoutNode): boolean {
    return this.highlighted !== null && (node.stage === this.highlighted || node.members.includes(this.highlighted));
  }

  private nodeClasses(node: LayoutNode): string {
    return classNames(
      'node',
      `node-${node.kind}`,
      node.isTarget && 'target',
      !node.reachable && 'unreachable',
      node.key === this.selectedKey && 'selected',
      this.isHighlighted(node) && 'highlighted',
      this.matchList.includes(node) && 'match',
      node.key === this.focusKey && 'focused',
      this.detail.isCulled(node) && 'culled',
      this.detail.isDot(node) && 'dot',
      this.detail.isCovered(node) && 'covered',
      this.nodeMarks(node),
    );
  }

  /** The nodes in reading order: the order Tab moves through and search results come in. */
  private readingOrder(): LayoutNode[] {
    const layout = this.layout;
    if (!layout) return [];
    return [...layout.nodes].sort((a, b) => (layout.direction === 'LR' ? a.x - b.x || a.y - b.y : a.y - b.y || a.x - b.x));
  }

  /**
   * The view's size. The svg's box never depends on what is drawn in it, so the size read as the current task's
   * `draw` began still holds, and reading it again would only force a layout of the new drawing.
   */
  private viewSizeOf(): ViewSize {
    const [width, height] = this.sizeAtDraw ?? this.measureView();
    return { width: width || 800, height: height || 600 };
  }

  private measureView(): [number, number] {
    const element = this.svg.node()!;
    return [element.clientWidth, element.clientHeight];
  }

  /** Moves the view to `transform`, animated unless the user prefers reduced motion. */
  private moveTo(transform: ZoomTransform, animate: boolean): void {
    const zoomTo = zoomIdentity.translate(transform.x, transform.y).scale(transform.k);
    const duration = animate ? motionDuration() : 0;
    const target = duration > 0 ? this.svg.transition().duration(duration) : this.svg.interrupt();
    (target as Selection<SVGSVGElement, unknown, null, undefined>).call(this.zoomBehavior.transform, zoomTo);
  }

  /** Pans just enough to show `node` whole, keeping the zoom. */
  private bringIntoView(node: LayoutNode): void {
    const current = this.zoom;
    const target = revealTransform(this.detail.shownBox(node, current.k), current, this.viewSizeOf(), 0);
    if (target) this.moveTo(target, true);
  }

  /** A resized view places itself again as it last did by itself; else the drawing's point in its middle stays. */
  private onResize(): void {
    const [width, height] = this.measureView();
    const before = this.knownSize;
    if (width === 0 || height === 0) return;
    this.knownSize = { width, height };
    if (!before || (before.width === width && before.height === height) || !this.layout) return;
    if (this.autoView === 'first') this.showFirstView();
    else if (this.autoView === 'fit') this.fit(false);
    else {
      const { x, y, k } = this.zoom;
      this.svg.call(this.zoomBehavior.transform, zoomIdentity.translate(x + (width - before.width) / 2, y + (height - before.height) / 2).scale(k));
    }
  }
}

function zoomTransformOf(element: SVGSVGElement): ZoomTransform {
  const { x, y, k } = zoomTransform(element);
  return { x, y, k };
}

/** The data bound to the element of `selector` that an event happened in. */
function datumAt<T>(event: Event, selector: string): T | undefined {
  const element = event.target instanceof Element ? event.target.closest(selector) : null;
  return element ? select<Element, T>(element).datum() : undefined;
}

/** The nodes of `ordered` whose name contains `text`: one named exactly `text` first, then the others in order. */
function matchesOf(ordered: readonly LayoutNode[], text: string): LayoutNode[] {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return [];
  const found = ordered.filter((node) => namesOf(node).some((name) => name.includes(wanted)));
  const exact = found.findIndex((node) => namesOf(node).includes(wanted));
  return exact > 0 ? [found[exact], ...found.slice(0, exact), ...found.slice(exact + 1)] : found;
}

/** What a node is called, lowercased: its title (maybe shortened) and the whole stage name or image in its key. */
function namesOf(node: LayoutNode): string[] {
  const names = [(node.lines[0] ?? '').toLowerCase(), node.key.slice(node.key.indexOf(':') + 1).toLowerCase()];
  // A family or summary box holds stages: their names are in its hover text.
  return node.members.length > 0 ? [...names, node.tooltip.toLowerCase()] : names;
}

function labelOf(node: LayoutNode | undefined): string {
  return node?.lines[0] ?? '?';
}

function nodesById(layout: GraphLayout): Map<string, LayoutNode> {
  return new Map(layout.nodes.map((node) => [node.id, node]));
}

/** An edge's hover text, on its line and on its label: what it carries, and between which nodes. */
function edgeTitle(edge: LayoutEdge, nodeById: ReadonlyMap<string, LayoutNode>): string {
  return `${edge.tooltip}\n(from ${labelOf(nodeById.get(edge.source))} to ${labelOf(nodeById.get(edge.target))})`;
}

function classNames(...names: Array<string | false>): string {
  return names.filter(Boolean).join(' ');
}

/** Animation length; none when the user asks for reduced motion. */
function motionDuration(): number {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300;
}

// "Compare with HEAD" in the graph view: the toolbar button, the summary bar with its way back, and the marks the
// host's DiffOverlay asks for on the drawing (the webview computes nothing: it draws the typed model it is sent).
import { diffMarkLabels, diffMarkText, GHOST_TITLE_AT, MARK_BASELINE } from '../src/core/diff/diffMarkLabels';
import type { DiffOverlay } from '../src/core/diff/diffOverlay';
import type { GraphLayout } from '../src/core/layout/layoutTypes';
import { uncrowdedLabels, type PinnedLabel } from '../src/core/layout/pinnedLabels';
import type { DrawingExtent } from './graphRenderer';
import type { ViewElements } from './viewElements';

const SVG = 'http://www.w3.org/2000/svg';

/** What the overlay asks of the rest of the view. */
export interface DiffOverlayEvents {
  /** The user turned the comparison on or off. */
  compare(on: boolean): void;
  /** A short sentence for the status line. */
  status(text: string): void;
  /** The drawing's extent grew or shrank (ghosts below it, marks' words); `fit` when the whole should be brought into view. */
  extent(extent: DrawingExtent | null, fit: boolean): void;
}

/** The comparison's controls and marks; one per page. */
export class DiffOverlayView {
  readonly button: HTMLButtonElement;
  readonly bar: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly layer: SVGGElement;
  private comparing = false;
  /** Whether the current comparison has been brought into view once (later drawings keep the user's zoom). */
  private fitted = false;
  /** The words pinned to the drawing, each with the element that draws it, and the zoom's scale they are shown at. */
  private labels: PinnedLabel[] = [];
  private labelElements: SVGElement[] = [];
  private scale = 1;

  constructor(
    private readonly view: ViewElements,
    private readonly events: DiffOverlayEvents,
  ) {
    this.button = document.createElement('button');
    this.button.type = 'button';
    // Short, so the toolbar keeps to two rows beside the editor; the name and the tooltip say it in full.
    this.button.textContent = 'vs HEAD';
    this.button.title = 'Compare with HEAD: show on the graph how this file differs from the one at git HEAD';
    this.button.setAttribute('aria-label', 'Compare with HEAD');
    this.button.setAttribute('aria-pressed', 'false');
    this.button.addEventListener('click', () => this.request(!this.comparing));
    view.legendToggle.after(this.button);

    this.bar = document.createElement('div');
    this.bar.className = 'diff-summary';
    this.bar.setAttribute('role', 'status');
    this.bar.hidden = true;
    this.summary = document.createElement('span');
    const key = document.createElement('span');
    key.className = 'diff-key';
    for (const [mark, word] of [['added', 'added'], ['changed', 'changed'], ['renamed', 'renamed'], ['removed', 'removed']] as const) {
      const item = document.createElement('span');
      item.className = `diff-key-item diff-key-${mark}`;
      item.textContent = word;
      key.append(item);
    }
    const stop = document.createElement('button');
    stop.type = 'button';
    stop.textContent = 'Stop comparing';
    stop.addEventListener('click', () => this.request(false));
    this.bar.append(this.summary, key, stop);
    view.banner.after(this.bar);

    // The arrowhead of removed edges, in their colour (the renderer's arrowheads are per edge kind).
    const defs = this.append(view.svg, 'defs');
    const marker = this.append(defs, 'marker', { id: 'arrow-removed', viewBox: '0 0 10 10', refX: '9', refY: '5', markerUnits: 'userSpaceOnUse', markerWidth: '9', markerHeight: '9', orient: 'auto-start-reverse' });
    this.append(marker, 'path', { class: 'arrow-removed', d: 'M0,0L10,5L0,10z' });
    // Above the nodes and edges, inside the zoomed viewport, so the marks move with the drawing.
    this.layer = document.createElementNS(SVG, 'g');
    this.layer.setAttribute('class', 'diff-overlay');
    view.svg.querySelector('g.viewport')!.append(this.layer);
  }

  /** Draws `overlay` onto `layout`, the drawing on screen. */
  show(overlay: DiffOverlay, layout: GraphLayout): void {
    this.clearMarks();
    this.setComparing(true);
    this.summary.textContent = overlay.summary;
    this.bar.hidden = false;
    this.events.status('');
    const svg = this.view.svg;
    const nodeById = new Map(layout.nodes.map((node) => [node.id, node]));
    for (const marked of overlay.nodes) {
      const node = nodeById.get(marked.id);
      svg.querySelector(`g.node[data-id="${CSS.escape(marked.id)}"]`)?.setAttribute('data-diff', marked.marks.join(' '));
      if (!node) continue;
      // Pinned to the box's corner: zoomed out, the words keep their size on screen about that point (see diffMarkLabels).
      const badge = this.append(this.layer, 'g', { class: `diff-badge ${marked.marks.map((mark) => `diff-${mark}`).join(' ')}`, transform: `translate(${node.x},${node.y})` });
      this.append(badge, 'title').textContent = marked.notes.join('\n');
      this.append(badge, 'text', { x: '0', y: String(MARK_BASELINE) }).textContent = diffMarkText(marked.marks);
      this.labelElements.push(badge);
    }
    for (const id of overlay.addedEdges) svg.querySelector(`g.edge[data-id="${CSS.escape(id)}"]`)?.setAttribute('data-diff', 'added');
    for (const edge of overlay.removedEdges) {
      const group = this.append(this.layer, 'g', { class: `diff-removed-edge edge-${edge.kind}` });
      this.append(group, 'title').textContent = edge.tooltip;
      this.append(group, 'path', { d: edge.path, 'marker-end': 'url(#arrow-removed)' });
    }
    for (const ghost of overlay.removedStages) {
      const group = this.append(this.layer, 'g', { class: 'diff-ghost', transform: `translate(${ghost.x},${ghost.y})`, 'data-id': ghost.id });
      this.append(group, 'title').textContent = `Removed since ${overlay.against}: ${ghost.label} (${ghost.detail})`;
      this.append(group, 'rect', { width: String(ghost.width), height: String(ghost.height), rx: '6' });
      const pin = this.append(group, 'g', { class: 'pin', transform: `translate(${GHOST_TITLE_AT.x},${GHOST_TITLE_AT.y})` });
      this.append(pin, 'text', { class: 'title' }).textContent = ghost.label;
      this.labelElements.push(pin);
      this.append(group, 'text', { class: 'detail', x: '10', y: '36' }).textContent = ghost.detail;
    }
    // In the same order as the elements: the badges of the nodes drawn, then the ghosts' names.
    this.labels = diffMarkLabels(overlay, layout);
    this.uncrowd();
    this.events.extent({ width: overlay.width, height: overlay.height, labels: this.labels }, !this.fitted);
    this.fitted = true;
  }

  /** The zoom changed: zoomed out, words that would pile up on others are left out (their hover stays). */
  zoomed(scale: number): void {
    this.scale = scale;
    this.uncrowd();
  }

  private uncrowd(): void {
    const shown = uncrowdedLabels(this.labels, this.scale);
    this.labelElements.forEach((element, index) => element.classList.toggle('crowded', !shown[index]));
  }

  /** No overlay: the comparison is off (or waits for a file that builds), with `message` saying why if set. */
  showNone(message: string | null, stillComparing: boolean): void {
    this.clearMarks();
    this.setComparing(stillComparing);
    if (!stillComparing) {
      this.bar.hidden = true;
      this.fitted = false;
    } else if (message) {
      this.summary.textContent = message;
    }
    if (message) this.events.status(message);
  }

  /** Removes the marks of the last overlay (a new drawing arrived; its overlay follows while comparing). */
  clearMarks(): void {
    for (const marked of this.view.svg.querySelectorAll('[data-diff]')) marked.removeAttribute('data-diff');
    this.layer.replaceChildren();
    this.labels = [];
    this.labelElements = [];
    // Fit no longer makes room for them.
    this.events.extent(null, false);
    // Drawn last in the viewport, so the marks stay above the nodes the renderer re-adds.
    this.layer.parentNode?.append(this.layer);
  }

  private request(on: boolean): void {
    if (on) this.events.status('Reading the file at HEAD…');
    this.events.compare(on);
  }

  private setComparing(on: boolean): void {
    this.comparing = on;
    this.button.setAttribute('aria-pressed', String(on));
  }

  private append(parent: Element, tag: string, attributes: Record<string, string> = {}): SVGElement {
    const created = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
    parent.append(created);
    return created;
  }
}

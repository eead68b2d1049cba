// The layout bench's page script (bundled for Chromium by bench/layout.bench.ts): lays out a graph with the core and
// draws it with the webview's renderer. A file of its own, so the type check holds it to the renderer's interface.
import { layoutStageGraph } from '../src/core/layout/layoutStageGraph';
import type { GraphLayout } from '../src/core/layout/layoutTypes';
import type { StageGraph } from '../src/core/model';
import { GraphRenderer, type RendererEvents } from '../webview/graphRenderer';

/** The bench draws; nobody clicks. */
const NO_EVENTS: RendererEvents = {
  activateNode() {},
  activateEdge() {},
  collapseGroup() {},
  focusNode() {},
  leaveFocus() {},
  viewChanged() {},
  zoomed() {},
};

/**
 * Draws a laid-out graph into a fresh svg and shows its first view, as the webview does, and settles once the browser
 * has painted it: a task posted from the next animation frame runs after that frame's style, layout and paint.
 * (Forcing a layout before the frame, as this bench once did, made the browser lay the drawing out twice, which the
 * panel never does.)
 */
function drawInFreshSvg(layout: GraphLayout): Promise<void> {
  return new Promise((resolve) => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'graph');
    document.body.append(svg);
    const renderer = new GraphRenderer(svg, NO_EVENTS);
    renderer.draw(layout);
    renderer.showFirstView();
    requestAnimationFrame(() => {
      const painted = new MessageChannel();
      painted.port1.onmessage = () => resolve();
      painted.port2.postMessage(null);
    });
  });
}

/** What the bench calls in the page. */
export interface LayoutBenchPage {
  /** Lays out and draws `graph` in the page, as the first version of the extension did. */
  runLayoutAndRender(graph: StageGraph): Promise<{ layout: number; total: number }>;
  /** Draws a layout the host made, as the panel does. */
  renderLayout(layout: GraphLayout): Promise<{ total: number }>;
}

const page: LayoutBenchPage = {
  async runLayoutAndRender(graph) {
    const started = performance.now();
    const layout = layoutStageGraph(graph);
    const laidOut = performance.now();
    await drawInFreshSvg(layout);
    return { layout: laidOut - started, total: performance.now() - started };
  },
  async renderLayout(layout) {
    const started = performance.now();
    await drawInFreshSvg(layout);
    return { total: performance.now() - started };
  },
};
Object.assign(window, page);

import type { ViewPage } from './webviewHarness';

/** How big a drawing is on screen: the zoom's scale and the height of every drawn stage name, in screen pixels. */
export interface DrawnTextSize {
  /** The scale of the drawing's viewport (1: drawing units are screen pixels). */
  scale: number;
  /** `getBoundingClientRect().height` of each stage name that is drawn, in document order. */
  stageNameHeights: number[];
  /** The on-screen font size of each of those names: its CSS size times the scale it is drawn at. */
  stageNameFontSizes: number[];
  /** How many stage and family boxes the drawing has (drawn names or not). */
  stageCount: number;
}

/** Measures the view's current drawing as the user sees it. */
export function measureDrawnText(view: ViewPage): Promise<DrawnTextSize> {
  return view.page.evaluate(() => {
    const viewport = document.querySelector<SVGGElement>('svg g.viewport');
    // A collapsed family's name is a stage name too (binaries-* for binaries-linux, binaries-darwin…).
    const names = Array.from(document.querySelectorAll<SVGTextElement>('g.node-stage text.title, g.node-family text.title')).filter((text) => (text.textContent ?? '') !== '' && text.getClientRects().length > 0);
    return {
      scale: viewport?.getCTM()?.a ?? 0,
      stageNameHeights: names.map((text) => text.getBoundingClientRect().height),
      stageNameFontSizes: names.map((text) => parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 0)),
      stageCount: document.querySelectorAll('svg.graph g.node-stage, svg.graph g.node-family').length,
    };
  });
}

/** The middle value (the lower of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)];
}

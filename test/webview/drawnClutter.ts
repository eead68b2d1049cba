import type { ViewPage } from './webviewHarness';

/** What a reader sees in the view right now, as `drawnClutter` measures it. */
export interface DrawnClutter {
  /** Pairs of drawn texts (in the drawing area) whose boxes overlap. */
  overlappingTexts: string[];
  /** Boxes drawn with no text in them (a dot, too small for even the elided mark, must be painted solid, not empty). */
  emptyBoxes: string[];
  /** A box's own texts that run out of it. */
  textsOutOfBox: string[];
  /** Pairs of node boxes that overlap. */
  overlappingBoxes: string[];
  /** How many texts are drawn in the drawing area. */
  texts: number;
  /** The words of the marks laid over the drawing (a build's badges, Compare's marks and removed stages), as drawn. */
  marks: string[];
  /** Those of them not wholly inside the drawing area (cut at its edge, or out of sight). */
  marksOutOfView: string[];
}

/**
 * Measures the view's drawing as the user sees it, with getBoundingClientRect: texts that overlap, empty boxes,
 * texts out of their box, boxes that overlap (all within the drawing area), and the marks' words and those not in view.
 */
export async function drawnClutter(view: ViewPage): Promise<DrawnClutter> {
  // tsx names the helpers below with a `__name` call, which the page does not have.
  await view.page.evaluate('globalThis.__name ??= (target) => target');
  return view.page.evaluate(() => {
    const area = document.querySelector('svg.graph')!.getBoundingClientRect();
    const inArea = (box: DOMRect): boolean => box.right > area.left && box.left < area.right && box.bottom > area.top && box.top < area.bottom;
    const wholly = (box: DOMRect): boolean => box.left >= area.left - 0.5 && box.right <= area.right + 0.5 && box.top >= area.top - 0.5 && box.bottom <= area.bottom + 0.5;
    const visible = (element: Element): boolean => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const shown = (text: SVGTextElement): boolean => (text.textContent ?? '').trim() !== '' && visible(text);
    const overlap = (a: DOMRect, b: DOMRect, slack: number): boolean => Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
    const markOf = (element: Element): string => (element.closest('.build-badge') ? 'build badge ' : element.closest('.diff-badge') ? 'compare mark ' : element.closest('.diff-ghost') ? 'removed ' : '');
    const name = (element: Element): string => `${markOf(element)}${element.closest('[data-id]')?.getAttribute('data-id') ?? ''} "${element.textContent}"`;
    const allTexts = Array.from(document.querySelectorAll<SVGTextElement>('svg.graph text')).filter(shown);
    const texts = allTexts.map((text) => ({ text, box: text.getBoundingClientRect() })).filter(({ box }) => inArea(box));
    const overlappingTexts: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) if (overlap(texts[i].box, texts[j].box, 1)) overlappingTexts.push(`${name(texts[i].text)} / ${name(texts[j].text)}`);
    }
    const nodes = Array.from(document.querySelectorAll<SVGGElement>('svg.graph g.node')).filter((node) => visible(node.querySelector('rect.box')!)).map((node) => ({ node, box: node.querySelector('rect.box')!.getBoundingClientRect() })).filter(({ box }) => inArea(box));
    // A dot is filled with the colour of secondary text; a probe rect painted with it gives that colour as computed.
    const probe = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    probe.style.fill = 'var(--vscode-descriptionForeground)';
    document.querySelector('svg.graph')!.appendChild(probe);
    const dotFill = getComputedStyle(probe).fill;
    probe.remove();
    const solid = (node: Element): boolean => node.classList.contains('dot') && getComputedStyle(node.querySelector('rect.box')!).fill === dotFill;
    const emptyBoxes = nodes.filter(({ node }) => !solid(node) && !Array.from(node.querySelectorAll<SVGTextElement>(':scope > text')).some(shown)).map(({ node }) => node.getAttribute('data-id')!);
    const textsOutOfBox: string[] = [];
    for (const { node, box } of nodes) {
      for (const text of Array.from(node.querySelectorAll<SVGTextElement>(':scope > text')).filter(shown)) {
        const inner = text.getBoundingClientRect();
        if (inner.left < box.left - 1 || inner.right > box.right + 1 || inner.top < box.top - 1 || inner.bottom > box.bottom + 1) textsOutOfBox.push(name(text));
      }
    }
    const overlappingBoxes: string[] = [];
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) if (overlap(nodes[i].box, nodes[j].box, 1)) overlappingBoxes.push(`${nodes[i].node.getAttribute('data-id')} / ${nodes[j].node.getAttribute('data-id')}`);
    }
    const marks = allTexts.filter((text) => markOf(text) !== '');
    const marksOutOfView = marks.filter((text) => !wholly(text.getBoundingClientRect())).map(name);
    return { overlappingTexts, emptyBoxes, textsOutOfBox, overlappingBoxes, texts: texts.length, marks: marks.map(name), marksOutOfView };
  });
}

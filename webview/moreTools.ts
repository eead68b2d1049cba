/** The most rows the toolbar may take before the secondary tools fold into "More…". */
const MAX_TOOLBAR_ROWS = 2;

/**
 * The toolbar's secondary tools (legend, compare, images, direction, export) and their "More…" menu. While the
 * toolbar holds them all in at most two rows (beside the editor at 700 px and wider), the button is hidden and the
 * tools sit in the toolbar's rows (graph.css draws their group as if it were not there). When they would make it
 * wrap to a third row (beside the editor with the Explorer open, some 465 px, or when Reset and a longer "Build
 * args (1 set)" show), the toolbar turns `compact`: shorter fields and the tools behind "More…", a pop-over that
 * Escape or a click elsewhere closes (Escape gives the focus back to the button). The tools keep their DOM order
 * either way, so Tab reaches every one.
 */
export class MoreTools {
  readonly element: HTMLElement;
  readonly items: HTMLElement;
  private readonly toggle: HTMLButtonElement;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'more-tools';
    this.toggle = document.createElement('button');
    this.toggle.type = 'button';
    this.toggle.className = 'more-toggle';
    this.toggle.textContent = 'More…';
    this.toggle.title = 'More tools: legend, compare with HEAD, hide images, direction, export';
    this.toggle.setAttribute('aria-label', 'More tools');
    this.toggle.setAttribute('aria-controls', 'more-tools');
    this.toggle.setAttribute('aria-expanded', 'false');
    this.items = document.createElement('div');
    this.items.className = 'more-items';
    this.items.id = 'more-tools';
    this.items.setAttribute('role', 'group');
    this.items.setAttribute('aria-label', 'More tools');
    this.element.append(this.toggle, this.items);
    this.toggle.addEventListener('click', () => this.show(!this.open));
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.open) return;
      event.stopPropagation();
      this.show(false);
      this.toggle.focus();
    });
    document.addEventListener('pointerdown', (event) => {
      if (this.open && !this.element.contains(event.target as Node)) this.show(false);
    });
  }

  /** Whether the pop-over is open (drawn so only in a compact toolbar). */
  get open(): boolean {
    return this.element.classList.contains('open');
  }

  /**
   * Keeps `toolbar`, which holds these tools, compact exactly when it would otherwise take more than two rows: now,
   * when the panel is resized, and when what it shows changes (a file name, Reset, the build-arg count).
   */
  fitInto(toolbar: HTMLElement): void {
    const fit = (): void => {
      toolbar.classList.remove('compact');
      toolbar.classList.add('measuring');
      const compact = rowsOf(toolbar) > MAX_TOOLBAR_ROWS;
      toolbar.classList.remove('measuring');
      toolbar.classList.toggle('compact', compact);
      if (!compact) this.show(false);
    };
    fit();
    window.addEventListener('resize', fit);
    // Only content and `hidden`: the classes set here are no change of content, so fitting never feeds itself.
    new MutationObserver(fit).observe(toolbar, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
  }

  private show(open: boolean): void {
    this.element.classList.toggle('open', open);
    this.toggle.setAttribute('aria-expanded', String(open));
  }
}

/** How many rows the controls laid out in `toolbar` take, told apart by their vertical centres as flex rows align them. */
function rowsOf(toolbar: HTMLElement): number {
  const centres: number[] = [];
  const visit = (parent: Element): void => {
    for (const child of Array.from(parent.children)) {
      const display = getComputedStyle(child).display;
      if (display === 'contents') visit(child);
      else if (display !== 'none' && !child.classList.contains('spacer')) {
        const box = child.getBoundingClientRect();
        centres.push(box.top + box.height / 2);
      }
    }
  };
  visit(toolbar);
  centres.sort((a, b) => a - b);
  let rows = 0;
  let rowCentre = -Infinity;
  for (const centre of centres) {
    // Controls of one row differ in height by a few pixels; rows are a control's height apart.
    if (centre - rowCentre > 8) {
      rows++;
      rowCentre = centre;
    }
  }
  return rows;
}

import type { LayoutNode } from '../src/core/layout/layoutTypes';
import type { ViewChoices } from '../src/shared/protocol';

/** What the folding controls need from the page. */
export interface FoldingHost {
  /**
   * Asks the host to lay the graph out with these choices; the new drawing is placed anew, or keeps stage `keep`
   * in view when the change only opens or closes something around it.
   */
  choose(view: ViewChoices, keep: number | null): void;
  /** The stage a Focus button press means: the selected one, else the one under the editor's cursor. */
  focusCandidate(): LayoutNode | null;
  status(text: string): void;
}

/**
 * The view's folding: the Build path and Focus buttons, focusing a stage (double-click, F), leaving the focus
 * (the pressed Focus button, Escape, the summary box), unfolding what a summary box holds, and collapsing or
 * opening families. The choices in force come back with every drawing, so the buttons always show what is drawn.
 */
export class FoldingControls {
  private choices: ViewChoices = { focus: null, buildPath: false, families: {} };
  private focusedName = '';

  constructor(
    private readonly buttons: { buildPath: HTMLButtonElement; focus: HTMLButtonElement },
    private readonly host: FoldingHost,
  ) {
    buttons.buildPath.addEventListener('click', () => this.choose({ ...this.choices, buildPath: !this.choices.buildPath }));
    buttons.focus.addEventListener('click', () => {
      if (this.choices.focus !== null) return this.clearFocus();
      const candidate = host.focusCandidate();
      if (candidate) this.focusOn(candidate);
      else host.status('Select a stage (or put the cursor in one) to focus on it');
    });
    this.show(this.choices, []);
  }

  /** The choices the drawing on screen was laid out with. */
  get current(): ViewChoices {
    return this.choices;
  }

  /** A drawing arrived, laid out with `view`; `nodes` are its nodes (to name the focused stage). */
  show(view: ViewChoices, nodes: readonly LayoutNode[]): void {
    this.choices = view;
    this.focusedName = nodes.find((node) => node.key === view.focus)?.lines[0] ?? '';
    const { buildPath, focus } = this.buttons;
    buildPath.setAttribute('aria-pressed', String(view.buildPath));
    focus.setAttribute('aria-pressed', String(view.focus !== null));
    focus.textContent = view.focus === null ? 'Focus' : 'Show all';
    focus.title =
      view.focus === null
        ? 'Show only what the selected stage needs and what needs it (or double-click a stage, or press F on it)'
        : `Leave the focus on ${this.focusedName} and show the whole graph (Escape)`;
  }

  /** Shows only `node`, what it needs and what needs it (a second time on the focused stage: everything). */
  focusOn(node: LayoutNode): void {
    if (node.stage === null) return;
    if (node.key === this.choices.focus) return this.clearFocus();
    this.choose({ ...this.choices, focus: node.key });
    this.host.status(`Focus on ${node.lines[0]}: what it needs and what needs it`);
  }

  clearFocus(): void {
    if (this.choices.focus !== null) this.choose({ ...this.choices, focus: null });
  }

  /** Shows what a summary or family box folds away: the skipped or unrelated stages, or the family's members. */
  unfold(box: LayoutNode): void {
    if (box.kind === 'family') this.setFamily(box.key, false, box.members[0] ?? null);
    else this.choose(box.key === 'summary:skipped' ? { ...this.choices, buildPath: false } : { ...this.choices, focus: null });
  }

  /** Collapses a family into one box (or opens it), keeping stage `member` of it in view. */
  setFamily(id: string, collapsed: boolean, member: number | null): void {
    this.choose({ ...this.choices, families: { ...this.choices.families, [id]: collapsed } }, member);
  }

  private choose(view: ViewChoices, keep: number | null = null): void {
    this.choices = view;
    this.host.choose(view, keep);
  }
}

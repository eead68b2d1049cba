import { select, type Selection } from 'd3';
import { foldedBuildState } from '../src/core/buildrun/foldedBuildState';
import type { BuildOverlay } from '../src/core/buildrun/graphBuildOverlay';
import type { StageBuildStateKind } from '../src/core/buildrun/stageBuildState';
import type { LayoutEdge, LayoutNode } from '../src/core/layout/layoutTypes';
import { shortenEnd } from '../src/core/layout/shortenText';
import { estimateTextWidth } from '../src/core/layout/textWidth';

/** A sign per state, so states differ without colour (with the outline's dash pattern). */
export const STATE_ICONS: Record<StageBuildStateKind, string> = {
  queued: '◷',
  running: '▶',
  built: '✓',
  cached: '↺',
  failed: '✗',
  canceled: '⊘',
  'not-run': '–',
};

/** What a node shows of the build: one stage's state, or the sum of the stages a folded box stands for. */
interface NodeMark {
  state: StageBuildStateKind;
  /** The badge's words at full detail, and zoomed out (the sign and the time alone). */
  text: string;
  short: string;
  /** Added to the node's hover and screen-reader label. */
  detail: string;
  critical: boolean;
  /** The failing line, for the badge's "Reveal". */
  failedLine: number | null;
}

/** What the user does with the build's marks. */
export interface BuildOverlayEvents {
  /** The failed stage's badge was clicked (or Enter on it): reveal the failing line. */
  revealLine(line: number): void;
}

const BADGE_FONT_PX = 11;
const BADGE_HEIGHT = 18;

/**
 * Draws a build's states (computed in the core, `graphBuildOverlay`) over the graph's nodes: a badge with a sign and
 * the state's words straddling each box's top edge (the sign and time alone when zoomed out), a state class that
 * sets the outline's colour and dash pattern, a ring around the stages on the critical path and a heavy line on
 * the edges between them, and the state's sentences in each node's hover and label. A failed stage's badge
 * reveals the failing line. Drawn again after every redraw of the same graph; all text goes in through `.text()`.
 */
export class BuildOverlayView {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private marks = new Map<string, NodeMark>();
  /** Whether the last drawing had a build's marks (which a later drawing without one must remove). */
  private drawnAny = false;

  constructor(
    element: SVGSVGElement,
    private readonly events: BuildOverlayEvents,
  ) {
    this.svg = select(element);
  }

  /** The classes the build gives `node` (for the renderer, which sets node classes on its own redraws). */
  classesOf(node: LayoutNode): string {
    const mark = this.marks.get(node.id);
    return mark ? `build build-${mark.state}${mark.critical ? ' critical' : ''}` : '';
  }

  /**
   * Marks the drawn nodes with `overlay` (null clears every mark); returns how many nodes show a state. The caller
   * sets the node classes again afterwards (`classesOf`).
   */
  draw(overlay: BuildOverlay | null): number {
    // Without a build, and none drawn before, the renderer's own titles and labels stand: nothing to visit.
    if (!overlay && !this.drawnAny) return 0;
    this.drawnAny = overlay !== null;
    const nodes = this.svg.selectAll<SVGGElement, LayoutNode>('g.nodes > g.node');
    this.marks = new Map();
    if (overlay) nodes.each((node) => {
      const mark = nodeMark(node, overlay);
      if (mark) this.marks.set(node.id, mark);
    });
    nodes.each((node, index, groups) => this.drawNode(select(groups[index]), node));
    const critical = new Set(overlay?.criticalPath.slice(1).map((stage, i) => `stage:${overlay.criticalPath[i]}>stage:${stage}`));
    this.svg.selectAll<SVGGElement, LayoutEdge>('g.edges > g.edge').classed('critical', (edge) => critical.has(`${edge.source}>${edge.target}`));
    return this.marks.size;
  }

  private drawNode(group: Selection<SVGGElement, LayoutNode, null, undefined>, node: LayoutNode): void {
    const mark = this.marks.get(node.id);
    group.select('title').text(mark ? `${node.tooltip}\n\n${mark.detail}` : node.tooltip);
    group.attr('aria-label', mark ? `${node.ariaLabel} ${mark.detail.replace(/\n/g, '; ')}` : node.ariaLabel);
    group.selectAll(':scope > .critical-ring, :scope > .build-badge').remove();
    if (!mark) return;
    if (mark.critical) {
      group.insert('rect', ':first-child').attr('class', 'critical-ring').attr('x', -5).attr('y', -5).attr('width', node.width + 10).attr('height', node.height + 10).attr('rx', 9);
    }
    const badge = group.append('g').attr('class', `build-badge build-${mark.state}`);
    const right = node.width - 8;
    for (const [part, words] of [['full', mark.text], ['short', mark.short]] as const) {
      const text = part === 'full' ? fitBadge(`${STATE_ICONS[mark.state]} ${words}`, node.width - 16) : `${STATE_ICONS[mark.state]} ${words}`;
      const width = estimateTextWidth(text, BADGE_FONT_PX) + 12;
      const shown = badge.append('g').attr('class', part);
      shown.append('rect').attr('x', right - width).attr('y', -BADGE_HEIGHT / 2).attr('width', width).attr('height', BADGE_HEIGHT).attr('rx', BADGE_HEIGHT / 2);
      shown.append('text').attr('x', right - width / 2).attr('y', 4).attr('text-anchor', 'middle').text(text);
    }
    const line = mark.failedLine;
    if (line === null) return;
    badge
      .classed('revealable', true)
      .attr('role', 'button')
      .attr('tabindex', 0)
      .attr('aria-label', `Reveal line ${line}, where the build failed`)
      .on('click', (event: MouseEvent) => {
        // The node's own click reveals its FROM; this one goes to the failing instruction.
        event.stopPropagation();
        this.events.revealLine(line);
      })
      .on('keydown', (event: KeyboardEvent) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        event.stopPropagation();
        this.events.revealLine(line);
      })
      .append('title')
      .text(`Reveal line ${line}, where the build failed`);
  }
}

/** A stage node's own state, a folded box's sum of its stages; nothing for images and entry points. */
function nodeMark(node: LayoutNode, overlay: BuildOverlay): NodeMark | null {
  if (node.stage !== null) {
    const stage = overlay.stages[node.stage];
    if (!stage) return null;
    const text = stage.failedLine === null ? stage.text : `${stage.text} · line ${stage.failedLine}`;
    return { state: stage.state, text, short: shortText(stage.state, stage.text), detail: stage.detail, critical: stage.critical, failedLine: stage.failedLine };
  }
  if (node.members.length === 0) return null;
  const folded = foldedBuildState(overlay.stages, node.members);
  if (!folded) return null;
  const failedLine = overlay.stages.find((stage) => node.members.includes(stage.stage) && stage.failedLine !== null)?.failedLine ?? null;
  return { state: folded.state, text: folded.text, short: folded.state.replace('-', ' '), detail: `Build:\n${folded.detail}`, critical: folded.critical, failedLine };
}

/** Zoomed out, a badge keeps the time of a stage that ran or runs (`4.3s`, `3s`), else its state in a word. */
function shortText(state: StageBuildStateKind, text: string): string {
  const time = state === 'built' || state === 'running' ? /\d[\dm.]*s$/.exec(text)?.[0] : undefined;
  return time ?? state.replace('-', ' ');
}

/** The badge's words, cut short with an ellipsis where they would be wider than `maxWidth` with the badge's padding. */
function fitBadge(text: string, maxWidth: number): string {
  let max = Array.from(text).length;
  let fitted = text;
  while (max > 3 && estimateTextWidth(fitted, BADGE_FONT_PX) + 12 > maxWidth) fitted = shortenEnd(text, --max);
  return fitted;
}

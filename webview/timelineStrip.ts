import { select } from 'd3';
import type { BuildOverlay } from '../src/core/buildrun/graphBuildOverlay';
import { MIN_BAR_SHARE, type TimelineBar } from '../src/core/buildrun/timelineStrip';
import { estimateTextWidth } from '../src/core/layout/textWidth';
import { STATE_ICONS } from './buildOverlay';

const SVG = 'http://www.w3.org/2000/svg';
const ROW_HEIGHT = 18;
const BAR_HEIGHT = 14;
const AXIS_HEIGHT = 16;
const SIDE = 10;
const LABEL_FONT_PX = 11;

/** What the user does in the strip. */
export interface TimelineStripEvents {
  /** A bar was clicked (or Enter on it): reveal its stage. */
  revealStage(stage: number): void;
  /** "Reveal" on a failed build: reveal the failing line. */
  revealLine(line: number): void;
  /** The user folded the strip away or opened it again (worth saving, so a reloaded view keeps it). */
  collapsedChanged(collapsed: boolean): void;
}

/**
 * The compact timeline under the graph: the build's summary line (with "Reveal" when it failed at a line), then the
 * stages as bars on a time axis (`TimelineStrip` from the core: parallel stages on rows of their own, the critical
 * path emphasised, failed and canceled stages marked with their sign), each bar's hover saying the stage and its
 * time. Collapsible (starting as `collapsed` says, from the view's saved state); drawn again at the strip's width when the panel is resized. Text goes in as text only.
 */
export class TimelineStripView {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly reveal: HTMLButtonElement;
  private readonly chart: SVGSVGElement;
  private readonly note: HTMLElement;
  private overlay: BuildOverlay | null = null;
  private drawnWidth = 0;

  constructor(
    private readonly events: TimelineStripEvents,
    private collapsed = false,
  ) {
    this.element = document.createElement('section');
    this.element.className = 'build-strip';
    this.element.setAttribute('aria-label', 'Build timeline');
    this.element.hidden = true;
    const header = document.createElement('div');
    header.className = 'build-summary';
    this.toggle = document.createElement('button');
    this.toggle.type = 'button';
    this.toggle.className = 'strip-toggle';
    this.toggle.setAttribute('aria-expanded', 'true');
    this.toggle.title = 'Show or hide the timeline';
    this.toggle.textContent = '▾ Timeline';
    this.summary = document.createElement('span');
    this.summary.className = 'summary-text';
    this.reveal = document.createElement('button');
    this.reveal.type = 'button';
    this.reveal.className = 'reveal-failure';
    this.reveal.hidden = true;
    header.append(this.toggle, this.summary, this.reveal);
    this.chart = document.createElementNS(SVG, 'svg');
    this.chart.setAttribute('class', 'timeline');
    this.chart.setAttribute('role', 'list');
    this.note = document.createElement('p');
    this.note.className = 'timeline-note';
    this.element.append(header, this.chart, this.note);
    this.toggle.addEventListener('click', () => {
      this.collapsed = !this.collapsed;
      this.redraw();
      this.events.collapsedChanged(this.collapsed);
    });
    this.reveal.addEventListener('click', () => {
      const line = this.overlay?.failure?.line;
      if (line != null) this.events.revealLine(line);
    });
    select(this.chart).on('click', (event: MouseEvent) => this.activate(event)).on('keydown', (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.activate(event);
      }
    });
    new ResizeObserver(() => {
      if (this.element.clientWidth !== this.drawnWidth) this.redraw();
    }).observe(this.element);
  }

  /** Shows `overlay`'s summary and bars (null hides the strip). */
  show(overlay: BuildOverlay | null): void {
    this.overlay = overlay;
    this.redraw();
  }

  private activate(event: Event): void {
    const bar = event.target instanceof Element ? event.target.closest('g.bar') : null;
    if (bar) this.events.revealStage(select<Element, TimelineBar>(bar).datum().stage);
  }

  private redraw(): void {
    const overlay = this.overlay;
    this.element.hidden = overlay === null;
    if (!overlay) return;
    this.summary.textContent = overlay.summary;
    this.summary.title = overlay.summary;
    const line = overlay.failure?.line ?? null;
    this.reveal.hidden = line === null;
    this.reveal.textContent = line === null ? '' : `Reveal line ${line}`;
    this.reveal.title = overlay.failure?.message ?? '';
    this.toggle.setAttribute('aria-expanded', String(!this.collapsed));
    this.toggle.textContent = `${this.collapsed ? '▸' : '▾'} Timeline`;
    const strip = overlay.timeline;
    const empty = strip.bars.length === 0 || strip.totalMs === 0;
    this.note.hidden = this.collapsed || !empty;
    this.note.textContent = strip.bars.length === 0 ? 'No stage has run yet.' : 'Every stage took no time (all from the build cache).';
    this.chart.style.display = this.collapsed || empty ? 'none' : '';
    this.drawnWidth = this.element.clientWidth;
    if (this.collapsed || empty) return;
    this.drawBars(this.drawnWidth || 600);
  }

  private drawBars(width: number): void {
    const strip = this.overlay!.timeline;
    const height = strip.rows * ROW_HEIGHT + AXIS_HEIGHT + 4;
    this.chart.setAttribute('width', String(width));
    this.chart.setAttribute('height', String(height));
    const scale = (width - 2 * SIDE) / strip.totalMs;
    const x = (ms: number) => SIDE + ms * scale;
    const minWidth = strip.totalMs * MIN_BAR_SHARE * scale;
    const chart = select(this.chart);
    const axisY = strip.rows * ROW_HEIGHT + 2;
    const ticks = chart
      .selectAll<SVGGElement, (typeof strip.ticks)[number]>('g.tick')
      .data(strip.ticks)
      .join((enter) => {
        const tick = enter.append('g').attr('class', 'tick');
        tick.append('line');
        tick.append('text');
        return tick;
      });
    ticks.select('line').attr('x1', (tick) => x(tick.ms)).attr('x2', (tick) => x(tick.ms)).attr('y1', 0).attr('y2', axisY + 3);
    ticks
      .select('text')
      .attr('x', (tick) => x(tick.ms))
      .attr('y', axisY + 14)
      .attr('text-anchor', (_tick, index) => (index === 0 ? 'start' : 'middle'))
      .text((tick) => tick.label);
    const bars = chart
      .selectAll<SVGGElement, TimelineBar>('g.bar')
      .data(strip.bars, (bar) => String(bar.stage))
      .join((enter) => {
        const bar = enter.append('g').attr('tabindex', 0).attr('role', 'listitem');
        bar.append('title');
        bar.append('rect');
        bar.append('text');
        return bar;
      })
      .attr('class', (bar) => `bar build-${bar.state}${bar.critical ? ' critical' : ''}`)
      .attr('data-stage', (bar) => bar.stage)
      .attr('aria-label', (bar) => bar.tooltip);
    bars.select('title').text((bar) => `${bar.tooltip}\nClick to show the stage in the editor.`);
    // A bar drawn longer than it lasted (see MIN_BAR_SHARE) stays within the axis.
    const barWidth = (bar: TimelineBar) => Math.max(minWidth, (bar.endMs - bar.startMs) * scale, 3);
    const barLeft = (bar: TimelineBar) => Math.min(x(bar.startMs), width - SIDE - barWidth(bar));
    bars
      .select('rect')
      .attr('x', barLeft)
      .attr('y', (bar) => bar.row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2)
      .attr('width', barWidth)
      .attr('height', BAR_HEIGHT)
      .attr('rx', 3);
    // The label sits inside its bar when it fits, else after it (or before it, at the right end of the axis).
    bars.select('text').each((bar, index, texts) => {
      const label = `${STATE_ICONS[bar.state]} ${bar.label}`;
      const left = barLeft(bar);
      const labelWidth = estimateTextWidth(label, LABEL_FONT_PX);
      const inside = labelWidth + 8 <= barWidth(bar);
      const after = left + barWidth(bar) + 4 + labelWidth <= width - 2;
      select(texts[index])
        .attr('class', inside ? 'inside' : 'outside')
        .attr('x', inside ? left + 4 : after ? left + barWidth(bar) + 4 : left - 4)
        .attr('text-anchor', inside || after ? 'start' : 'end')
        .attr('y', bar.row * ROW_HEIGHT + ROW_HEIGHT / 2 + 4)
        .text(label);
    });
  }
}

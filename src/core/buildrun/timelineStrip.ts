import { formatDuration } from '../buildlog/formatDuration';
import type { BuildTimeline } from '../buildlog/model';
import type { StageBuildState } from './graphBuildOverlay';
import type { StageBuildStateKind } from './stageBuildState';

/** One stage's bar in the timeline strip under the graph. */
export interface TimelineBar {
  stage: number;
  label: string;
  /** The row it is drawn on: stages that ran side by side get rows of their own. */
  row: number;
  /** From the start of the build, in ms. */
  startMs: number;
  endMs: number;
  state: StageBuildStateKind;
  critical: boolean;
  /** Its hover text: the stage, its state and time, and when it ran. */
  tooltip: string;
}

/** A tick of the time axis. */
export interface TimelineTick {
  ms: number;
  label: string;
}

/** The stages of a build on a time axis, ready to draw at any width. */
export interface TimelineStrip {
  bars: TimelineBar[];
  /** How many rows the bars take. */
  rows: number;
  /** The axis's length: the end of the last bar. */
  totalMs: number;
  ticks: TimelineTick[];
  /** Real times (the log's timestamps, or when a live build printed each line), or durations placed after the
   *  stages each stage needs. */
  from: 'timestamps' | 'durations';
}

/** A bar shorter than this share of the axis is drawn (and packed) this long, so its neighbours do not hide it. */
export const MIN_BAR_SHARE = 0.02;
/** At most this many ticks fit under a strip beside the editor. */
const MAX_TICKS = 6;
const TICK_STEPS_MS = [100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];

/**
 * The timeline strip of a build: the bars `buildTimeline` placed (real times when the log has them), each on the
 * first row where it overlaps no earlier bar, so parallel stages sit on separate rows; with the stages' states and
 * the critical path from `states`, and ticks for the axis.
 */
export function timelineStrip(timeline: BuildTimeline, states: readonly StageBuildState[]): TimelineStrip {
  const totalMs = Math.max(0, ...timeline.bars.map((bar) => bar.endMs));
  const minSpan = totalMs * MIN_BAR_SHARE;
  const rowEnds: number[] = [];
  const ordered = [...timeline.bars].sort((a, b) => a.startMs - b.startMs || a.stage - b.stage);
  const bars = ordered.map((bar): TimelineBar => {
    const drawnEnd = Math.max(bar.endMs, bar.startMs + minSpan);
    let row = rowEnds.findIndex((end) => end <= bar.startMs);
    if (row < 0) row = rowEnds.push(0) - 1;
    rowEnds[row] = drawnEnd;
    const state = states[bar.stage];
    const label = state?.label ?? `stage-${bar.stage}`;
    const when = bar.endMs > bar.startMs ? `, from ${formatDuration(bar.startMs)} to ${formatDuration(bar.endMs)}` : `, at ${formatDuration(bar.startMs)}`;
    const critical = state?.critical ?? false;
    return {
      stage: bar.stage,
      label,
      row,
      startMs: bar.startMs,
      endMs: bar.endMs,
      state: state?.state ?? 'built',
      critical,
      tooltip: `${label}: ${state?.text ?? ''}${when}${critical ? ', on the critical path' : ''}`,
    };
  });
  return { bars, rows: rowEnds.length, totalMs, ticks: axisTicks(totalMs), from: timeline.barsFrom };
}

/** Round ticks from 0 to `totalMs`: the smallest step that needs at most `MAX_TICKS` of them. */
export function axisTicks(totalMs: number): TimelineTick[] {
  if (totalMs <= 0) return [{ ms: 0, label: '0s' }];
  const step = TICK_STEPS_MS.find((candidate) => totalMs / candidate <= MAX_TICKS) ?? Math.ceil(totalMs / MAX_TICKS / 3_600_000) * 3_600_000;
  const ticks: TimelineTick[] = [];
  for (let ms = 0; ms <= totalMs; ms += step) ticks.push({ ms, label: tickLabel(ms) });
  return ticks;
}

/** `0s`, `0.5s`, `2s`, `1m`, `1m30s`, `1h`: short, since ticks sit close together. */
function tickLabel(ms: number): string {
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return [hours > 0 ? `${hours}h` : '', minutes > 0 ? `${minutes}m` : '', seconds > 0 ? `${seconds}s` : ''].join('');
}

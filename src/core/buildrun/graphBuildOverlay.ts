import { describeNotRun } from '../buildlog/describeNotRun';
import type { BuildOutcome, BuildTimeline, StageTimeline } from '../buildlog/model';
import { buildProgressMessage } from './buildProgressMessage';
import { stageStateText, type StageBuildStateKind } from './stageBuildState';
import { failureLocation, summarizeTimeline } from './summarizeTimeline';
import { timelineStrip, type TimelineStrip } from './timelineStrip';

/** One stage's build state as the graph draws it on the stage's node. */
export interface StageBuildState {
  stage: number;
  /** The stage's name, else `stage-N`. */
  label: string;
  state: StageBuildStateKind;
  /** The status line on the node: `running 3s`, `built 4.3s`, `cached`, `not needed by final`... */
  text: string;
  /** What the node's hover and screen-reader label add, in sentences: the state, time, why it did not run. */
  detail: string;
  /** The summed step times, or null when the log gives none. */
  durationMs: number | null;
  /** On the critical path of a build that succeeded. */
  critical: boolean;
  /** The failing instruction's line (1-based) when this stage failed there, for "Reveal"; else null. */
  failedLine: number | null;
}

/** A build laid onto the graph: what the graph view draws over its nodes and in the timeline under them. */
export interface BuildOverlay {
  /** The build still runs (live states), or it ended / is a saved log. */
  running: boolean;
  outcome: BuildOutcome;
  /** One line for the view: how the build went, its time, critical path, cache hits or failure. */
  summary: string;
  /** One per stage of the graph, in file order (`stage` is the index). */
  stages: StageBuildState[];
  /** The critical path of a build that succeeded and took time, from its first stage to the target; else empty. */
  criticalPath: number[];
  /** Where the build failed, or null. */
  failure: { stage: number | null; line: number | null; message: string } | null;
  /** The stages as bars on a time axis. */
  timeline: TimelineStrip;
}

/** Where a result comes from, for the summary: a build run from the editor (live or ended) or a saved log. */
export type OverlaySource = { kind: 'build'; running: boolean; report: string | null } | { kind: 'log'; name: string };

/**
 * The build states of a timeline for the graph: each stage's state in words (with the seconds it has been running
 * at `now`, ms since the epoch), why it did not run, its time, whether it is on the critical path, where it
 * failed; the timeline strip; and a summary line (an ended build's report when there is one).
 */
export function graphBuildOverlay(timeline: BuildTimeline, source: OverlaySource, now: number): BuildOverlay {
  const running = source.kind === 'build' && source.running;
  const critical = new Set(shownCriticalPath(timeline, running));
  const stages = timeline.stages.map((stage): StageBuildState => {
    const { state, text } = stageStateText(stage, timeline, now);
    const failedLine = state === 'failed' && timeline.failure?.stage === stage.index ? timeline.failure.line : null;
    return {
      stage: stage.index,
      label: stage.label,
      state,
      text,
      detail: stageDetail(stage, timeline, text, critical.has(stage.index), failedLine),
      durationMs: stage.durationMs,
      critical: critical.has(stage.index),
      failedLine,
    };
  });
  return {
    running,
    outcome: timeline.outcome,
    summary: overlaySummary(timeline, source),
    stages,
    criticalPath: [...critical],
    failure: timeline.failure,
    timeline: timelineStrip(timeline, stages),
  };
}

/** The critical path once a build has succeeded and its chain took time (all cached, it says nothing). */
function shownCriticalPath(timeline: BuildTimeline, running: boolean): number[] {
  if (running || timeline.outcome !== 'succeeded' || !timeline.criticalPathMs) return [];
  return timeline.criticalPath;
}

function stageDetail(stage: StageTimeline, timeline: BuildTimeline, text: string, critical: boolean, failedLine: number | null): string {
  // "Why did this stage not run?": BuildKit's reason in a sentence (describeNotRun's for a stage cached or not run).
  const why = stage.notRun === null ? null : describeNotRun(stage.notRun, timeline);
  const state = why === null ? text : stage.status === 'cached' ? why : `not run: ${why}`;
  const sentences = [`Build: ${state}${critical ? ', on the critical path' : ''}.`];
  if (stage.status === 'unfinished') sentences.push('The log stops before this stage ended.');
  if (stage.status === 'canceled' && timeline.outcome === 'failed' && timeline.failure?.stage !== null && timeline.failure?.stage !== undefined) {
    sentences.push(`BuildKit canceled it when stage ${timeline.stages[timeline.failure.stage]?.label ?? timeline.failure.stage} failed.`);
  }
  if (stage.status === 'failed' && timeline.failure?.stage === stage.index) {
    sentences.push(`${failedLine === null ? 'Error' : `Line ${failedLine}`}: ${timeline.failure.message}`);
  }
  return sentences.join(' ');
}

function overlaySummary(timeline: BuildTimeline, source: OverlaySource): string {
  if (source.kind === 'build' && source.report !== null) return source.report;
  const origin = source.kind === 'log' ? `${source.name}: ` : '';
  switch (timeline.outcome) {
    case 'running':
      return `${origin}Building: ${buildProgressMessage(timeline)}`;
    case 'succeeded':
      return `${origin}Build succeeded${summarizeTimeline(timeline)}`;
    case 'failed':
      return `${origin}Build failed${failureLocation(timeline)}: ${timeline.failure?.message ?? 'no step reported an error'}`;
    case 'canceled':
      return `${origin}Build canceled`;
    case 'truncated':
      return `${origin}The log stops before the build ended${summarizeTimeline(timeline)}`;
  }
}

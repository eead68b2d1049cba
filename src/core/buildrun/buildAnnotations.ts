import { describeNotRun } from '../buildlog/describeNotRun';
import { formatDuration } from '../buildlog/formatDuration';
import type { BuildTimeline, NotRunReason, StageTimeline, StepTimeline } from '../buildlog/model';
import type { StageGraph } from '../model';

/** What the editor shows after one line of the Dockerfile while and after it is built. */
export interface LineAnnotation {
  /** 1-based line: a stage's FROM line, or an instruction's first line. */
  line: number;
  /** Short text after the line: `1.2s`, `cached`, `running 3s`, `failed`, `stage built 4.3s`... */
  text: string;
  /** What a hover says, as plain lines: the stage or step, its state and time, and why. */
  detail: string[];
  /** What it printed, last lines first cut (for a hover's code block); empty when nothing. */
  output: string[];
  /** The state the text is about, for its colour. */
  state: AnnotationState;
}

/** States an annotation distinguishes. */
export type AnnotationState = 'queued' | 'running' | 'done' | 'cached' | 'failed' | 'canceled' | 'not-run';

/** How many output lines a hover shows (the last ones). */
const OUTPUT_LINES = 10;

/**
 * Per-line annotations of a build: each stage's FROM line sums up the stage (`stage built 4.3s`, `stage cached`,
 * `running 3s`, `not run: ...`), each instruction that ran its own step (`1.2s`, `cached`, `failed`, `canceled`).
 * `now` (ms since the epoch) gives a running step its elapsed time, when the log has times.
 */
export function buildAnnotations(timeline: BuildTimeline, graph: StageGraph, now: number): LineAnnotation[] {
  const annotations: LineAnnotation[] = [];
  // Steps by line across stages: a parent's ONBUILD line holds the trigger of every child that ran it.
  const byLine = new Map<number, { step: StepTimeline; stage: StageTimeline; inStage: boolean }[]>();
  for (const stage of timeline.stages) {
    const graphStage = graph.stages[stage.index];
    if (!graphStage) continue;
    const fromSteps = stage.steps.filter((step) => step.line === graphStage.startLine);
    annotations.push(stageAnnotation(stage, graphStage.startLine, fromSteps, timeline, now));
    for (const step of stage.steps) {
      if (step.line === graphStage.startLine) continue;
      byLine.set(step.line, [...(byLine.get(step.line) ?? []), { step, stage, inStage: step.line > graphStage.startLine }]);
    }
  }
  for (const [line, steps] of byLine) {
    const annotation = stepAnnotation(line, steps.map(({ step }) => step), timeline, now);
    // A parent's ONBUILD trigger runs in the child: its line is the parent's, its time the child's.
    annotation.detail = annotation.detail.map((text, i) => (steps[i].inStage ? text : `${text}, run in stage ${steps[i].stage.label}`));
    annotations.push(annotation);
  }
  return annotations.sort((a, b) => a.line - b.line);
}

function stageAnnotation(stage: StageTimeline, line: number, fromSteps: readonly StepTimeline[], timeline: BuildTimeline, now: number): LineAnnotation {
  const time = stage.durationMs === null ? '' : ` ${formatDuration(stage.durationMs)}`;
  const onPath = timeline.criticalPath.includes(stage.index) && timeline.outcome === 'succeeded' ? ', on the critical path' : '';
  const why = stage.notRun ? describeNotRun(stage.notRun, timeline) : null;
  const detail = [`Stage ${stage.label}: ${stage.status.replace('-', ' ')}${time}${onPath}`];
  if (why !== null && stage.status !== 'cached') detail.push(`Why: ${why}`);
  for (const step of fromSteps) detail.push(stepLine(step, timeline, now));
  const output = fromSteps.flatMap((step) => step.output).slice(-OUTPUT_LINES);
  switch (stage.status) {
    case 'queued':
      return { line, text: 'queued', detail, output, state: 'queued' };
    case 'running':
      return { line, text: `running${elapsed(stageStart(stage), now)}`, detail, output, state: 'running' };
    case 'built':
      return { line, text: `stage built${time}`, detail, output, state: 'done' };
    case 'cached':
      return { line, text: 'stage cached', detail, output, state: 'cached' };
    case 'failed':
      return { line, text: `stage failed${time}`, detail, output, state: 'failed' };
    case 'canceled':
    case 'unfinished':
      return { line, text: `stage ${stage.status}`, detail, output, state: 'canceled' };
    case 'not-run':
      return { line, text: notRunText(stage.notRun, timeline), detail, output, state: 'not-run' };
  }
}

/** Why a stage did not run, short enough to sit after its FROM (the hover has `describeNotRun`'s sentence). */
function notRunText(reason: NotRunReason | null, timeline: BuildTimeline): string {
  switch (reason?.kind) {
    case 'not-needed':
      return timeline.target === null ? 'not needed' : `not needed by ${timeline.stages[timeline.target].label}`;
    case 'build-stopped':
      return 'not run: the build stopped';
    case 'nothing-to-run':
      return 'nothing to run';
    case 'not-in-log':
      return 'not in the log';
    default:
      return 'not run';
  }
}

function stepAnnotation(line: number, steps: readonly StepTimeline[], timeline: BuildTimeline, now: number): LineAnnotation {
  const texts = steps.map((step) => stepText(step, now));
  const state = steps.map(stepState).sort((a, b) => STATE_RANK[b] - STATE_RANK[a])[0];
  const output = steps.flatMap((step) => step.output).slice(-OUTPUT_LINES);
  return { line, text: [...new Set(texts)].join(', '), detail: steps.map((step) => stepLine(step, timeline, now)), output, state };
}

/** The state shown when several steps share a line (ONBUILD triggers run in several stages): the worst. */
const STATE_RANK: Record<AnnotationState, number> = { 'not-run': 0, cached: 1, done: 2, queued: 3, running: 4, canceled: 5, failed: 6 };

function stepState(step: StepTimeline): AnnotationState {
  switch (step.status) {
    case 'built':
      return 'done';
    case 'cached':
      return 'cached';
    case 'running':
      return 'running';
    case 'failed':
      return 'failed';
    case 'canceled':
    case 'unfinished':
      return 'canceled';
  }
}

function stepText(step: StepTimeline, now: number): string {
  switch (step.status) {
    case 'built':
      return step.durationMs === null ? 'done' : formatDuration(step.durationMs);
    case 'running':
      return `running${elapsed(step.startedAt, now)}`;
    default:
      return step.status;
  }
}

function stepLine(step: StepTimeline, timeline: BuildTimeline, now: number): string {
  const owner = step.shared ? ' (run once for the stages that start alike)' : '';
  const error = step.error === null ? '' : `: ${step.error}`;
  const failedHere = timeline.failure !== null && timeline.failure.line === step.line && step.status === 'failed';
  return `${step.keyword} ${stepText(step, now)}${owner}${failedHere ? error : ''}`;
}

function stageStart(stage: StageTimeline): number | null {
  const starts = stage.steps.map((step) => step.startedAt).filter((start): start is number => start !== null);
  return starts.length === 0 ? null : Math.min(...starts);
}

/** ` 3s` since `start`, whole seconds (a running step's time is read at a glance, not to the tenth). */
function elapsed(start: number | null, now: number): string {
  return start === null ? '' : ` ${Math.max(0, Math.floor((now - start) / 1000))}s`;
}

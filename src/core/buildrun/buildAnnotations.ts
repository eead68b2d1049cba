import { describeNotRun } from '../buildlog/describeNotRun';
import { formatDuration } from '../buildlog/formatDuration';
import type { BuildTimeline, StageTimeline, StepTimeline } from '../buildlog/model';
import type { StageGraph } from '../model';
import { elapsed, stageStateText } from './stageBuildState';

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
  const { state, text } = stageStateText(stage, timeline, now);
  // After a FROM, an ended stage's words say they are the stage's, not the FROM step's.
  const ended = state === 'built' || state === 'cached' || state === 'failed' || state === 'canceled';
  return { line, text: ended ? `stage ${text}` : text, detail, output, state: state === 'built' ? 'done' : state };
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

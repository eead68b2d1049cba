import type { StageGraph } from '../model';
import { assignVertices, type StepVertices } from './assignVertices';
import { criticalPath } from './criticalPath';
import type {
  BuildFailure,
  BuildLog,
  BuildOutcome,
  LogVertex,
  NotRunReason,
  StageStatus,
  StageTimeline,
  StepTimeline,
  TimelineResult,
} from './model';
import { planBuildSteps, type PlannedStep } from './planBuildSteps';
import { ownWork, stageBars } from './stageBars';
import { dependencyClosure, stageDependencies, targetsBuilding } from './stageDependencies';
import { stageOverlaps } from './stageOverlaps';
import { stepTimeline } from './stepTimeline';

/**
 * Lays a build's progress onto the stage graph of its Dockerfile (resolved with the build's `--target` and
 * `--build-arg`s): each stage's state, steps, durations and output, the failure, the critical path to the target,
 * which stages ran side by side, and why a stage did not run. Works on a log still being read (stages not started
 * yet are `queued`) as on a finished or truncated one. Returns a `LogMismatch` instead when the log is of another
 * Dockerfile. Never throws.
 */
export function buildTimeline(log: BuildLog, graph: StageGraph): TimelineResult {
  const plan = planBuildSteps(graph);
  const assigned = assignVertices(log, graph, plan);
  if (!Array.isArray(assigned)) return assigned;
  const dependencies = stageDependencies(graph);
  const labelled = graph.stages.filter((stage) => assigned[stage.index].some((vertices) => vertices.length > 0)).map((stage) => stage.index);
  const targetNeeds = graph.target === null ? new Set<number>() : dependencyClosure(dependencies, [graph.target]);
  const outsideTarget = labelled.filter((stage) => !targetNeeds.has(stage));
  // The stages this build runs: what the target needs, unless the log shows it was built for another target.
  const built = dependencyClosure(dependencies, outsideTarget.length === 0 ? [...targetNeeds, ...labelled] : labelled);
  const stepsByStage = stageSteps(plan, assigned, built, log.ended);
  const complete = plan.map((steps, stage) => steps.every((step, i) => step.optional || stepsByStage[stage][i] !== null));
  const outcome = buildOutcome(log, [...built].every((stage) => complete[stage]));

  const stages: StageTimeline[] = graph.stages.map((stage) => {
    let steps = stepsByStage[stage.index].filter((step): step is StepTimeline => step !== null);
    // Steps shared with another stage (its FROM image, loaded once for all) do not show that this one started.
    if (!complete[stage.index] && steps.every((step) => step.shared)) steps = [];
    const status = stageStatus(steps, complete[stage.index], outcome, built.has(stage.index), plan[stage.index]);
    const work = ownWork(steps);
    return {
      index: stage.index,
      name: stage.name,
      label: stage.label,
      status,
      durationMs: steps.reduce<number | null>((sum, step) => (step.durationMs === null ? sum : (sum ?? 0) + step.durationMs), null),
      steps,
      reachable: stage.reachable === true,
      notRun: notRunReason(status, built.has(stage.index), plan[stage.index], outcome, () => targetsBuilding(dependencies, stage.index)),
      firstLine: work.length === 0 ? null : Math.min(...work.map((step) => step.firstLine)),
      lastLine: work.length === 0 || work.some((step) => step.endLine === null) ? null : Math.max(...work.map((step) => step.endLine!)),
    };
  });
  const targetShown = graph.target === null || stages[graph.target].status !== 'not-run' || plan[graph.target].every((step) => step.optional);
  const path = criticalPath(dependencies, stages.map((stage) => stage.durationMs), graph.target);
  const bars = stageBars(stages, log, dependencies);
  return {
    kind: 'timeline',
    outcome,
    target: graph.target,
    stages,
    criticalPath: path.stages,
    criticalPathMs: path.durationMs,
    ...stageOverlaps(stages),
    bars: bars.bars,
    barsFrom: bars.from,
    failure: buildFailure(log, plan, assigned, built),
    warnings: targetWarnings(graph, outsideTarget, labelled, outcome === 'succeeded' && !targetShown, dependencies),
  };
}

/**
 * Each planned step's timeline, or null when the log does not show it. A step the log shows under another stage
 * that starts alike (BuildKit ran it once for both) counts for every stage this build runs.
 */
function stageSteps(plan: readonly PlannedStep[][], assigned: StepVertices, built: ReadonlySet<number>, ended: boolean): (StepTimeline | null)[][] {
  const byShareKey = new Map<string, LogVertex[]>();
  plan.forEach((steps, stage) =>
    steps.forEach((step, i) => {
      if (assigned[stage][i].length > 0 && !byShareKey.has(step.shareKey)) byShareKey.set(step.shareKey, assigned[stage][i]);
    }),
  );
  return plan.map((steps, stage) =>
    steps.map((step, i) => {
      const own = assigned[stage][i];
      if (own.length > 0) return stepTimeline(step, own, false, ended);
      const shared = built.has(stage) ? byShareKey.get(step.shareKey) : undefined;
      return shared ? stepTimeline(step, shared, true, ended) : null;
    }),
  );
}

/** Failed at the first error; canceled without one; running until the log ends; then succeeded or truncated. */
function buildOutcome(log: BuildLog, builtStagesComplete: boolean): BuildOutcome {
  if (log.vertices.some((vertex) => vertex.state === 'error')) return 'failed';
  if (log.buildError !== null) return /cancel/i.test(log.buildError) ? 'canceled' : 'failed';
  if (log.vertices.some((vertex) => vertex.state === 'canceled')) return 'canceled';
  if (!log.ended) return 'running';
  if (log.vertices.some((vertex) => vertex.state === 'running')) return 'truncated';
  const exported = log.vertices.some((vertex) => vertex.label === null && vertex.name.startsWith('exporting') && vertex.state === 'done');
  return exported || (builtStagesComplete && log.vertices.some((vertex) => vertex.label !== null)) ? 'succeeded' : 'truncated';
}

const STEP_STATUS_ORDER: StageStatus[] = ['failed', 'canceled', 'running', 'unfinished'];

function stageStatus(steps: readonly StepTimeline[], complete: boolean, outcome: BuildOutcome, built: boolean, plan: readonly PlannedStep[]): StageStatus {
  if (steps.length === 0) {
    if (built && outcome === 'running' && plan.some((step) => !step.optional)) return 'queued';
    return 'not-run';
  }
  for (const status of STEP_STATUS_ORDER) if (steps.some((step) => step.status === status)) return status;
  if (!complete) {
    // Every step so far has ended, but not every step has started.
    if (outcome === 'running') return 'running';
    if (outcome === 'failed' || outcome === 'canceled') return 'canceled';
    if (outcome === 'truncated') return 'unfinished';
  }
  const afterFrom = steps.filter((step) => step.keyword !== 'FROM');
  const counted = afterFrom.length > 0 ? afterFrom : steps;
  return counted.every((step) => step.status === 'cached') ? 'cached' : 'built';
}

function notRunReason(
  status: StageStatus,
  built: boolean,
  plan: readonly PlannedStep[],
  outcome: BuildOutcome,
  builtBy: () => number[],
): NotRunReason | null {
  if (status === 'cached') return { kind: 'cached' };
  if (status !== 'not-run' && status !== 'queued') return null;
  if (!built) return { kind: 'not-needed', builtBy: builtBy() };
  if (plan.every((step) => step.optional)) return { kind: 'nothing-to-run' };
  if (outcome === 'running') return { kind: 'waiting' };
  if (outcome === 'failed' || outcome === 'canceled') return { kind: 'build-stopped' };
  return { kind: 'not-in-log' };
}

/**
 * The first error of the log: its step's stage and line; for a base image that could not be loaded
 * (`[internal] load metadata for IMAGE`), the first stage built on it; else the error alone.
 */
function buildFailure(log: BuildLog, plan: readonly PlannedStep[][], assigned: StepVertices, built: ReadonlySet<number>): BuildFailure | null {
  let failed: LogVertex | null = null;
  for (const vertex of log.vertices) {
    if (vertex.state === 'error' && (failed === null || vertex.endLine! < failed.endLine!)) failed = vertex;
  }
  if (failed === null) return log.buildError === null ? null : { stage: null, line: null, message: log.buildError };
  const message = failed.error || log.buildError || failed.name;
  for (const [stage, steps] of plan.entries()) {
    const i = assigned[stage].findIndex((vertices) => vertices.includes(failed));
    if (i >= 0) return { stage, line: steps[i].line, message };
  }
  const image = /^\[(?:\S+ )?internal\] load metadata for (\S+)$/.exec(failed.name)?.[1];
  const from = image === undefined ? undefined : plan.flat().find((step) => step.image === image && built.has(step.stage));
  if (from) return { stage: from.stage, line: from.line, message };
  return { stage: null, line: null, message };
}

/**
 * Says so when the log was built for another target than the graph's: it ran stages the target does not need, or
 * a build that succeeded never showed the target. Names the targets the log fits, if any.
 */
function targetWarnings(
  graph: StageGraph,
  outsideTarget: readonly number[],
  labelled: readonly number[],
  targetMissing: boolean,
  dependencies: readonly (readonly number[])[],
): string[] {
  // Without a target (an unknown --target) the graph's error already says what is wrong.
  if (graph.target === null || (outsideTarget.length === 0 && !targetMissing)) return [];
  const label = (stage: number) => `'${graph.stages[stage].label}'`;
  const target = `target ${label(graph.target)}`;
  const fitting = labelled.filter((candidate) => {
    const needs = dependencyClosure(dependencies, [candidate]);
    return labelled.every((stage) => needs.has(stage));
  });
  const hint = fitting.length > 0 ? `; it fits --target ${fitting.map((stage) => graph.stages[stage].label).join(' or ')}` : '';
  const what = outsideTarget.length > 0 ? `builds ${outsideTarget.map(label).join(', ')}, which ${target} does not need` : `never shows ${target}`;
  return [`the log ${what}: it was built for another target${hint}`];
}

import type { BuildLog, StageBar, StageTimeline, StepTimeline } from './model';

/** Stage bars on a time axis, and what their times come from. */
export interface StageBars {
  bars: StageBar[];
  from: 'timestamps' | 'durations';
}

/**
 * Places every stage that has steps on a time axis starting at 0 (the build's start). When every line of the log
 * has a time (a timestamp prefix, or the arrival time of a live build), a bar spans its own steps' real start and
 * end (a step still running ends at the log's last time). Otherwise each stage starts once the stages it needs
 * have ended, and lasts its summed durations, so the target's bar ends at the critical path's length.
 */
export function stageBars(stages: readonly StageTimeline[], log: BuildLog, dependencies: readonly (readonly number[])[]): StageBars {
  const timed = log.vertices.length > 0 && log.vertices.every((vertex) => vertex.firstSeenAt !== null);
  return timed ? { bars: barsFromTimes(stages, log), from: 'timestamps' } : { bars: barsFromDurations(stages, dependencies), from: 'durations' };
}

function barsFromTimes(stages: readonly StageTimeline[], log: BuildLog): StageBar[] {
  let origin = Infinity;
  let latest = -Infinity;
  for (const vertex of log.vertices) {
    // A step's header may be printed after it started; its end time minus its duration is when it did.
    const started = vertex.endedAt !== null && vertex.durationMs !== null ? vertex.endedAt - vertex.durationMs : Infinity;
    origin = Math.min(origin, vertex.firstSeenAt!, started);
    latest = Math.max(latest, vertex.firstSeenAt!, vertex.endedAt ?? -Infinity);
  }
  const bars: StageBar[] = [];
  for (const stage of stages) {
    const steps = ownWork(stage.steps);
    if (steps.length === 0) continue;
    const start = Math.min(...steps.map((step) => step.startedAt ?? latest));
    const end = Math.max(...steps.map((step) => (step.endLine === null ? latest : (step.endedAt ?? latest))));
    bars.push({ stage: stage.index, startMs: start - origin, endMs: Math.max(start, end) - origin });
  }
  return bars;
}

function barsFromDurations(stages: readonly StageTimeline[], dependencies: readonly (readonly number[])[]): StageBar[] {
  const ends = new Map<number, number>();
  const bars: StageBar[] = [];
  // Dependencies come before their users in a file BuildKit builds, so one pass in file order places them first.
  for (const stage of stages) {
    if (stage.steps.length === 0) continue;
    const startMs = Math.max(0, ...(dependencies[stage.index] ?? []).map((dependency) => ends.get(dependency) ?? 0));
    const endMs = startMs + (stage.durationMs ?? 0);
    ends.set(stage.index, endMs);
    bars.push({ stage: stage.index, startMs, endMs });
  }
  return bars;
}

/**
 * The steps that show when a stage itself worked: its instructions after FROM that BuildKit labelled with this
 * stage, else its own FROM. A FROM image is loaded once for every stage on it, so it would start them all at once.
 */
export function ownWork(steps: readonly StepTimeline[]): StepTimeline[] {
  const own = steps.filter((step) => !step.shared);
  const afterFrom = own.filter((step) => step.keyword !== 'FROM');
  return afterFrom.length > 0 ? afterFrom : own;
}

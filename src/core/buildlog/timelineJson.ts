import type { BuildFailure, BuildTimeline, StageStatus, StepStatus } from './model';

/** A step in `stageflow timeline --format json`. */
export interface StepJson {
  line: number;
  status: StepStatus;
  durationMs: number | null;
}

/** A stage in `stageflow timeline --format json`. */
export interface StageJson {
  index: number;
  name: string | null;
  status: StageStatus;
  durationMs: number | null;
  steps: StepJson[];
}

/** The JSON form of a timeline, the shape issue 9 fixes for scripts and CI. */
export interface TimelineJson {
  stages: StageJson[];
  criticalPath: number[];
  criticalPathMs: number | null;
  failure: BuildFailure | null;
}

/**
 * The stable JSON summary of a timeline: per stage its status, summed duration and steps (1-based first line,
 * status, `DONE` time; 0 when cached, null when the log gives none), the critical path and the failure. Statuses
 * are `built`, `cached`, `failed`, `canceled` and `not-run`, plus `unfinished` for a log that stops mid-step.
 */
export function toTimelineJson(timeline: BuildTimeline): TimelineJson {
  return {
    stages: timeline.stages.map((stage) => ({
      index: stage.index,
      name: stage.name,
      status: stage.status,
      durationMs: stage.durationMs,
      steps: stage.steps.map((step) => ({ line: step.line, status: step.status, durationMs: step.durationMs })),
    })),
    criticalPath: timeline.criticalPath,
    criticalPathMs: timeline.criticalPathMs,
    failure: timeline.failure && { stage: timeline.failure.stage, line: timeline.failure.line, message: timeline.failure.message },
  };
}

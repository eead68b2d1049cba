import { formatDuration } from '../buildlog/formatDuration';
import type { BuildTimeline, NotRunReason, StageTimeline } from '../buildlog/model';

/** The states a stage is shown in while and after it is built (a log that stops inside a stage shows `canceled`). */
export type StageBuildStateKind = 'queued' | 'running' | 'built' | 'cached' | 'failed' | 'canceled' | 'not-run';

/** A stage's state in a few words, as the editor after its FROM and the graph on its node show it. */
export interface StageStateText {
  state: StageBuildStateKind;
  /** `queued`, `running 3s`, `built 4.3s`, `cached`, `failed 1.2s`, `canceled`, `unfinished`, `not needed by final`... */
  text: string;
}

/**
 * A stage's state and its words: the time it took when it ended, the seconds since it started while it runs
 * (`now`, ms since the epoch, when the log has times), or why it did not run.
 */
export function stageStateText(stage: StageTimeline, timeline: BuildTimeline, now: number): StageStateText {
  const time = stage.durationMs === null ? '' : ` ${formatDuration(stage.durationMs)}`;
  switch (stage.status) {
    case 'queued':
      return { state: 'queued', text: 'queued' };
    case 'running':
      return { state: 'running', text: `running${elapsed(stageStart(stage), now)}` };
    case 'built':
      return { state: 'built', text: `built${time}` };
    case 'cached':
      return { state: 'cached', text: 'cached' };
    case 'failed':
      return { state: 'failed', text: `failed${time}` };
    case 'canceled':
    case 'unfinished':
      return { state: 'canceled', text: stage.status };
    case 'not-run':
      return { state: 'not-run', text: notRunText(stage.notRun, timeline) };
  }
}

/** Why a stage did not run, short enough to sit after its FROM or on its node (`describeNotRun` has the sentence). */
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

/** When the stage's first step started (ms since the epoch), or null when the log has no times. */
function stageStart(stage: StageTimeline): number | null {
  const starts = stage.steps.map((step) => step.startedAt).filter((start): start is number => start !== null);
  return starts.length === 0 ? null : Math.min(...starts);
}

/** ` 3s` since `start`, whole seconds (a running step's time is read at a glance, not to the tenth). */
export function elapsed(start: number | null, now: number): string {
  return start === null ? '' : ` ${Math.max(0, Math.floor((now - start) / 1000))}s`;
}

import type { BuildTimeline } from '../buildlog/model';

/** A running build in one line for a progress notification: the stages running now and how many are done. */
export function buildProgressMessage(timeline: BuildTimeline): string {
  const needed = timeline.stages.filter((stage) => stage.status !== 'not-run');
  const done = needed.filter((stage) => stage.status === 'built' || stage.status === 'cached');
  const running = needed.filter((stage) => stage.status === 'running').map((stage) => stage.label);
  const now = running.length === 0 ? (done.length === 0 ? 'starting' : 'between steps') : `running ${running.join(', ')}`;
  return `${now} (${done.length} of ${needed.length} stages done)`;
}

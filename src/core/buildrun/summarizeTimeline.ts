import { formatDuration } from '../buildlog/formatDuration';
import type { BuildTimeline } from '../buildlog/model';

/**
 * What a finished build amounts to, as clauses to follow its outcome: `; critical path base → lint → final, 4.2s;
 * 2 stages cached` (empty when there is neither).
 */
export function summarizeTimeline(timeline: BuildTimeline): string {
  const path = timeline.criticalPath.map((stage) => timeline.stages[stage].label).join(' → ');
  const critical = path === '' || timeline.criticalPathMs === null ? '' : `; critical path ${path}, ${formatDuration(timeline.criticalPathMs)}`;
  const cached = timeline.stages.filter((stage) => stage.status === 'cached').length;
  const cache = cached === 0 ? '' : `; ${cached} ${cached === 1 ? 'stage' : 'stages'} cached`;
  return `${critical}${cache}`;
}

/** Where a build failed, as a clause: ` in stage test at line 8` (empty when the error belongs to no step). */
export function failureLocation(timeline: BuildTimeline): string {
  const failure = timeline.failure;
  if (failure === null || failure.stage === null) return '';
  const stage = timeline.stages[failure.stage]?.label ?? `stage-${failure.stage}`;
  return ` in stage ${stage}${failure.line === null ? '' : ` at line ${failure.line}`}`;
}

import { describeNotRun } from './describeNotRun';
import { formatDuration } from './formatDuration';
import type { BuildOutcome, BuildTimeline } from './model';

const OUTCOMES: Record<BuildOutcome, string> = {
  running: 'is still running',
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'was canceled',
  truncated: 'is cut short: the log ends before the build did',
};

/**
 * A timeline for people: the outcome, one row per stage (status, summed step time, steps shown, why it did not run)
 * with the critical path starred, the critical path's length, the stages that ran side by side, the failure and
 * any warning.
 */
export function toTimelineText(timeline: BuildTimeline): string {
  const label = (stage: number) => timeline.stages[stage].label;
  const target = timeline.target === null ? '' : ` (target ${label(timeline.target)})`;
  const onPath = new Set(timeline.criticalPath);
  const rows = timeline.stages.map((stage) => [
    onPath.has(stage.index) ? '*' : ' ',
    `#${stage.index} ${stage.label}`,
    stage.status,
    stage.durationMs === null ? '-' : formatDuration(stage.durationMs),
    String(stage.steps.length),
    stage.notRun && stage.status === 'not-run' ? describeNotRun(stage.notRun, timeline) : '',
  ]);
  const header = [' ', 'STAGE', 'STATUS', 'TIME', 'STEPS', ''];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const alignRight = new Set([3, 4]);
  const table = [header, ...rows].map((row) =>
    row
      .map((cell, column) => (alignRight.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
  const lines = [`Build${target} ${OUTCOMES[timeline.outcome]}.`, '', ...table, ''];
  if (timeline.criticalPath.length > 0) {
    const length = timeline.criticalPathMs === null ? 'no time in the log' : formatDuration(timeline.criticalPathMs);
    lines.push(`Critical path (*): ${timeline.criticalPath.map(label).join(' -> ')}, ${length}`);
  }
  if (timeline.overlaps.length > 0) {
    lines.push(`Ran side by side: ${timeline.overlaps.map(([a, b]) => `${label(a)} and ${label(b)}`).join(', ')}`);
  }
  const failure = timeline.failure;
  if (failure) {
    const where = failure.stage === null ? '' : ` in ${label(failure.stage)}${failure.line === null ? '' : `, line ${failure.line}`}`;
    lines.push(`Failed${where}: ${failure.message}`);
  }
  for (const warning of timeline.warnings) lines.push(`Warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

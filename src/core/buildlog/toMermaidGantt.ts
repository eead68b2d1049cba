import { formatDuration } from './formatDuration';
import type { BuildOutcome, BuildTimeline } from './model';

const OUTCOMES: Record<BuildOutcome, string> = {
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
  truncated: 'cut short',
};

/**
 * The timeline as a Mermaid `gantt` chart (for a pull request comment): one section per stage that ran, its bar from
 * `timeline.bars` (milliseconds from the build's start, read with `dateFormat x`), named with its status and time;
 * the critical path is `crit`, cached stages `done`, running ones `active`. Stage labels need no escaping (BuildKit
 * allows only `[a-z][a-z0-9-_.]*` and `stage-N`).
 */
export function toMermaidGantt(timeline: BuildTimeline): string {
  const label = (stage: number) => timeline.stages[stage].label;
  const onPath = new Set(timeline.criticalPath);
  const counts = new Map<string, number>();
  for (const stage of timeline.stages) counts.set(stage.label, (counts.get(stage.label) ?? 0) + 1);
  const target = timeline.target === null ? '' : ` (target ${label(timeline.target)})`;
  const path =
    timeline.criticalPath.length === 0
      ? ''
      : `, critical path ${timeline.criticalPath.map(label).join(' → ')}${timeline.criticalPathMs === null ? '' : ` ${formatDuration(timeline.criticalPathMs)}`}`;
  const lines = [
    'gantt',
    `  title Build${target} ${OUTCOMES[timeline.outcome]}${path}`,
    '  dateFormat x',
    // Seconds since the epoch, which the bars start at: the same in every time zone, unlike minutes or hours.
    '  axisFormat %s.%Ls',
    '  todayMarker off',
  ];
  for (const bar of timeline.bars) {
    const stage = timeline.stages[bar.stage];
    const section = counts.get(stage.label)! > 1 ? `${stage.label} (${stage.index})` : stage.label;
    const tags = [
      onPath.has(stage.index) ? 'crit' : '',
      stage.status === 'cached' ? 'done' : '',
      stage.status === 'running' ? 'active' : '',
    ].filter(Boolean);
    const time = stage.durationMs === null ? '' : ` ${formatDuration(stage.durationMs)}`;
    lines.push(`  section ${section}`, `    ${stage.status}${time} :${[...tags, `s${stage.index}`, bar.startMs, bar.endMs].join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

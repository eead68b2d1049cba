import { toMermaidGantt } from '../core/buildlog/toMermaidGantt';
import { toTimelineJson } from '../core/buildlog/timelineJson';
import { toTimelineText } from '../core/buildlog/toTimelineText';
import type { BuildTimeline } from '../core/buildlog/model';

/** The output formats of `stageflow timeline --format`, by name; the first is the default. */
export const TIMELINE_FORMATS: Record<string, (timeline: BuildTimeline) => string> = {
  text: toTimelineText,
  json: (timeline) => `${JSON.stringify(toTimelineJson(timeline), null, 2)}\n`,
  mermaid: toMermaidGantt,
};

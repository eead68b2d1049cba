import type { LogVertex, StepStatus, StepTimeline } from './model';
import type { PlannedStep } from './planBuildSteps';

/** Worse states win when a step has several vertices (one per platform). */
const STATUS_RANK: Record<StepStatus, number> = { cached: 0, built: 1, running: 2, unfinished: 2, canceled: 3, failed: 4 };

/**
 * A step's state from its vertices: `DONE` is built, `CACHED` cached, `ERROR` failed, `CANCELED` canceled, and a
 * vertex with no end is running, or unfinished once the log has ended. `shared` marks vertices BuildKit labelled
 * with another stage that starts alike.
 */
export function stepTimeline(step: PlannedStep, vertices: readonly LogVertex[], shared: boolean, logEnded: boolean): StepTimeline {
  let status: StepStatus = 'cached';
  let durationMs: number | null = null;
  let error: string | null = null;
  let endLine: number | null = 0;
  let endedAt: number | null = null;
  let startedAt: number | null = null;
  for (const vertex of vertices) {
    const state = vertexStatus(vertex, logEnded);
    if (STATUS_RANK[state] > STATUS_RANK[status]) status = state;
    if (vertex.durationMs !== null) durationMs = (durationMs ?? 0) + vertex.durationMs;
    error ??= vertex.error;
    endLine = endLine === null || vertex.endLine === null ? null : Math.max(endLine, vertex.endLine);
    if (vertex.endedAt !== null) endedAt = Math.max(endedAt ?? vertex.endedAt, vertex.endedAt);
    const started = vertex.endedAt !== null && vertex.durationMs !== null ? vertex.endedAt - vertex.durationMs : vertex.firstSeenAt;
    if (started !== null) startedAt = Math.min(startedAt ?? started, started);
  }
  return {
    line: step.line,
    keyword: step.keyword,
    status,
    durationMs,
    vertices: vertices.map((vertex) => vertex.id),
    shared,
    output: vertices.flatMap((vertex) => vertex.output.map((output) => output.text)),
    error,
    firstLine: Math.min(...vertices.map((vertex) => vertex.firstLine)),
    endLine,
    startedAt,
    endedAt: endLine === null ? null : endedAt,
  };
}

function vertexStatus(vertex: LogVertex, logEnded: boolean): StepStatus {
  switch (vertex.state) {
    case 'done':
      return 'built';
    case 'cached':
      return 'cached';
    case 'error':
      return 'failed';
    case 'canceled':
      return 'canceled';
    case 'running':
      return logEnded ? 'unfinished' : 'running';
  }
}

import { buildTimeline } from '../buildlog/buildTimeline';
import type { BuildLog, BuildTimeline, LogMismatch } from '../buildlog/model';
import type { StageGraph } from '../model';

/** A Dockerfile a saved log may be a build of. */
export interface LogCandidate {
  /** The caller's key (a URI). */
  id: string;
  /** The file's name, matched against the log's `load build definition from NAME`. */
  fileName: string;
  graph: StageGraph;
}

/** Which candidates the log fits, best first, and why the others do not. */
export interface LogMatches {
  matches: { id: string; timeline: BuildTimeline }[];
  mismatches: { id: string; mismatch: LogMismatch }[];
}

/**
 * Lays a saved log onto each candidate Dockerfile. Those it fits come first when their name is the one the log
 * says it loaded and when the log needs no warning (it built their target), in the candidates' order otherwise.
 */
export function matchBuildLog(log: BuildLog, candidates: readonly LogCandidate[]): LogMatches {
  const matches: (LogMatches['matches'][number] & { rank: number; order: number })[] = [];
  const mismatches: LogMatches['mismatches'] = [];
  const named = log.dockerfileName === null ? null : baseName(log.dockerfileName);
  candidates.forEach((candidate, order) => {
    const result = buildTimeline(log, candidate.graph);
    if (result.kind === 'mismatch') {
      mismatches.push({ id: candidate.id, mismatch: result });
      return;
    }
    const rank = (named !== null && baseName(candidate.fileName) === named ? 0 : 2) + (result.warnings.length === 0 ? 0 : 1);
    matches.push({ id: candidate.id, timeline: result, rank, order });
  });
  matches.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return { matches: matches.map(({ id, timeline }) => ({ id, timeline })), mismatches };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

import type { StageBuildState } from './graphBuildOverlay';
import type { StageBuildStateKind } from './stageBuildState';

/** The build state of a box that stands for several stages (a collapsed family, stages folded away). */
export interface FoldedBuildState {
  /** The state that matters most among them: a failure before a run, a run before a wait, work before the cache. */
  state: StageBuildStateKind;
  /** Counts by state, most important first: `1 failed, 2 built`. */
  text: string;
  /** One line per stage: `lint: built 3.1s`. */
  detail: string;
  critical: boolean;
}

/** Most important first. */
const STATE_ORDER: StageBuildStateKind[] = ['failed', 'running', 'canceled', 'queued', 'built', 'cached', 'not-run'];

/** The build state of the stages `members` (indexes into `states`) drawn as one box; null when none has a state. */
export function foldedBuildState(states: readonly StageBuildState[], members: readonly number[]): FoldedBuildState | null {
  const folded = members.map((member) => states[member]).filter((state): state is StageBuildState => state !== undefined);
  if (folded.length === 0) return null;
  const counts = STATE_ORDER.map((state) => [state, folded.filter((member) => member.state === state).length] as const).filter(([, count]) => count > 0);
  return {
    state: counts[0][0],
    text: counts.map(([state, count]) => `${count} ${state.replace('-', ' ')}`).join(', '),
    detail: folded.map((member) => `${member.label}: ${member.text}`).join('\n'),
    critical: folded.some((member) => member.critical),
  };
}

/** What VS Code puts between the lenses of one line. */
export const LENS_SEPARATOR = ' | ';

/**
 * The characters one line of lenses may take, separators included. VS Code draws a line's lenses on one line at
 * 90% of the editor's font size (12 px at the default 14) in the workbench's UI font, and cuts what does not fit.
 * Measured in the real workbench at 1280×800 with the Explorer open and the graph view beside the editor
 * (`node scripts/run-integration-tests.mjs --screenshots`, NAME.codelens.json): the editor leaves 334 px from the
 * start of a lens line to the minimap, and the lens lines drawn took 5.9 to 6.4 px a character. 50 characters at
 * 6.4 px are 320 px, which leaves room for lines with more wide letters than those.
 */
export const LENS_LINE_BUDGET = 50;

/** A lens that asks for room on a line. */
export interface LineCandidate {
  title: string;
  /** Lower is kept first: when the line would be too long, the highest numbers go. */
  priority: number;
  /** Kept even when the line has no room left for it (an action offered nowhere else on the line). */
  always?: boolean;
  /** The title cut to at most `max` characters, or null when that would say too little; absent: it cannot be cut. */
  shorten?: (max: number) => string | null;
}

/** The room left for more lenses on a line that already holds `titles`: the budget less each title and its separator. */
export function lensRoomBeside(titles: readonly string[]): number {
  return LENS_LINE_BUDGET + LENS_SEPARATOR.length - titles.reduce((sum, title) => sum + title.length + LENS_SEPARATOR.length, 0);
}

/**
 * Which candidates a line of `room` characters (as `lensRoomBeside` counts them: each title with one separator)
 * keeps: taken in priority order, each kept whole when it fits (or `always`), else cut to what is left when it can
 * be, else dropped. Returns each candidate's title, cut or whole, or null when dropped, in the candidates' order.
 */
export function fitLensLine(candidates: readonly LineCandidate[], room: number): Array<string | null> {
  const titles: Array<string | null> = candidates.map(() => null);
  let left = room;
  const byPriority = candidates.map((candidate, index) => ({ candidate, index })).sort((a, b) => a.candidate.priority - b.candidate.priority);
  for (const { candidate, index } of byPriority) {
    const max = left - LENS_SEPARATOR.length;
    const title = candidate.title.length <= max || candidate.always ? candidate.title : max > 0 ? (candidate.shorten?.(max) ?? null) : null;
    if (title === null) continue;
    titles[index] = title;
    left -= title.length + LENS_SEPARATOR.length;
  }
  return titles;
}

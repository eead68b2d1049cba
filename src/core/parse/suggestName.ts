/** "Did you mean ...?" suggestions, as BuildKit's `util/suggest` makes them (edit distance below 3). */

/** Levenshtein distance between two strings (insertions, deletions, substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * The closest option within distance 2, or '' when none is close or `value` is itself an option (BuildKit's
 * `suggest.Search`). Case-insensitive search answers in the case of `value` when that is all-lower or all-upper.
 */
export function suggestName(value: string, options: readonly string[], caseSensitive: boolean): string {
  const needle = caseSensitive ? value : value.toLowerCase();
  let match = '';
  let best = 3;
  for (const option of options) {
    const candidate = caseSensitive ? option : option.toLowerCase();
    if (candidate === needle) return '';
    const distance = editDistance(needle, candidate);
    if (distance < best) {
      best = distance;
      match = caseSensitive ? candidate : matchCase(candidate, value);
    }
  }
  return match;
}

function matchCase(candidate: string, original: string): string {
  if (original === original.toLowerCase()) return candidate.toLowerCase();
  if (original === original.toUpperCase()) return candidate.toUpperCase();
  return candidate;
}

/** Appends BuildKit's ` (did you mean X?)` when a suggestion exists. */
export function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean): string {
  const match = suggestName(value, options, caseSensitive);
  return match ? `${message} (did you mean ${match}?)` : message;
}

/** Words of an instruction's arguments, quotes kept, split on unquoted whitespace. */
function words(argumentsText: string): string[] {
  return argumentsText.match(/(?:[^\s"']+|"(?:\\.|[^"\\])*"|'[^']*')+/g) ?? [];
}

/** An instruction's text on one logical line: continuations (escape char + line break) removed, keyword dropped. */
function argumentsOf(instructionText: string, escapeToken: string): string {
  const folded = instructionText.split(new RegExp(`${escapeToken === '`' ? '`' : '\\\\'}[ \\t]*\\r?\\n`)).join(' ');
  return folded.trimStart().replace(/^\S+\s*/, '');
}

/** The names an `ARG` instruction declares (`ARG A=1 B` declares A and B). */
export function argNames(instructionText: string, escapeToken: string): string[] {
  return words(argumentsOf(instructionText, escapeToken)).map(nameOf);
}

/** The name part of `NAME=value` (quotes around the whole word are not part of it). */
function nameOf(word: string): string {
  return word.replace(/["']/g, '').split('=')[0];
}

/** The names an `ENV` instruction sets (`ENV A=1 B=2`, or the legacy `ENV A value with spaces`). */
export function envNames(instructionText: string, escapeToken: string): string[] {
  const all = words(argumentsOf(instructionText, escapeToken));
  if (all.length > 0 && !all[0].includes('=')) return [all[0]];
  return all.map(nameOf);
}

/** The variables a text refers to as `$NAME` or `${NAME...}` (an over-approximation: escaped `$` counts too). */
export function referencedVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g)) {
    names.add(match[1] ?? match[2]);
  }
  return names;
}

/** The variables the defaults of an `ARG` instruction refer to. */
export function argDefaultVariables(instructionText: string, escapeToken: string): Set<string> {
  const defaults = words(argumentsOf(instructionText, escapeToken))
    .filter((word) => word.includes('='))
    .map((word) => word.slice(word.indexOf('=') + 1));
  return referencedVariables(defaults.join(' '));
}

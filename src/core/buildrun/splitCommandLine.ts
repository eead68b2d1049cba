/** A command line split into words, or why it cannot be. */
export type SplitCommand = { words: string[] } | { error: string };

/**
 * Splits a command setting such as `docker buildx build` or `"/opt/my tools/docker" build` into words the way a
 * POSIX shell would split a line with no expansions: blanks separate words, single quotes keep everything, double
 * quotes keep everything but `\"` and `\\`, a backslash outside quotes keeps the next character. Nothing is
 * expanded or run: the words go to the program as an argument array.
 */
export function splitCommandLine(text: string): SplitCommand {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i];
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote !== null) return { error: `the ${quote === "'" ? 'single' : 'double'} quote it opens is never closed` };
  if (inWord) words.push(word);
  return { words };
}

/** Words written back as one line a POSIX shell would split into the same words (for logs and messages). */
export function joinCommandLine(words: readonly string[]): string {
  return words.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}

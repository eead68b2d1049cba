/**
 * A shell word without its quotes and escapes, `$` references left as written: inside single quotes everything is
 * literal; elsewhere `escapeToken` keeps the next character as it is. Used for meta-ARG defaults and, with `\\`
 * as BuildKit's parser always uses there, for heredoc names.
 */
export function unquoteShellWord(word: string, escapeToken: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (ch === escapeToken && quote !== "'" && i + 1 < word.length) out += word[++i];
    else if (quote && ch === quote) quote = '';
    else if (!quote && (ch === '"' || ch === "'")) quote = ch;
    else out += ch;
  }
  return out;
}

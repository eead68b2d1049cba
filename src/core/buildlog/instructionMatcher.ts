/**
 * Whether BuildKit's printed instruction is an instruction of the Dockerfile. BuildKit prints the instruction's
 * text with its keyword upper-cased and its variables expanded (`processCmdEnv` in `dockerfile2llb/convert.go`, which
 * also drops escape characters), continuations joined, a heredoc followed by a summary of its body. The stage
 * graph holds the text as written, folded and shortened (`InstructionSummary.text`). So both sides are compared
 * with runs of whitespace as one space and without backslashes, each `$VAR` / `${...}` of the written text standing
 * for any text (an empty one too), and only the written text's start when it was shortened or holds a heredoc.
 */

const VARIABLES = /\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/g;

/** The comparable form of an instruction: keyword(s) upper-cased, whitespace runs as one space, no backslashes. */
export function comparableInstruction(text: string): string {
  return plain(withKeywordsUpperCased(text)).trim();
}

function plain(text: string): string {
  return text.replace(/\\/g, '').replace(/\s+/g, ' ');
}

/** `run make` -> `RUN make`, `onbuild run make` -> `ONBUILD RUN make`, as BuildKit's `uppercaseCmd` prints them. */
function withKeywordsUpperCased(text: string): string {
  return text.trimStart().replace(/^(onbuild\s+)?\S+/i, (keywords) => keywords.toUpperCase());
}

/** A test for printed instructions that `written` (an instruction summary's text) may have printed as. */
export function instructionMatcher(written: string): (printed: string) => boolean {
  let text = written;
  const shortened = text.endsWith('…');
  // A shortened text may end inside a word or a `${...}`: compare only its whole words.
  if (shortened) text = text.slice(0, Math.max(text.lastIndexOf(' '), 0));
  const openEnded = shortened || text.includes('<<');
  const parts = plain(withKeywordsUpperCased(text)).split(VARIABLES);
  parts[parts.length - 1] = openEnded ? parts[parts.length - 1] : parts[parts.length - 1].trimEnd();
  if (parts.length === 1 && !openEnded) return (printed) => comparableInstruction(printed) === parts[0];
  let source = '^';
  parts.forEach((part, i) => {
    const next = parts[i + 1];
    if (next === undefined) {
      source += escapeRegExp(part);
    } else if (part.endsWith(' ') && (next.startsWith(' ') || (next === '' && i + 1 === parts.length - 1))) {
      // `echo $X done` prints `echo done` when X is empty: the variable takes one of its two spaces with it.
      source += `${escapeRegExp(part.slice(0, -1))}(?: [^]*?)?`;
    } else {
      source += `${escapeRegExp(part)}[^]*?`;
    }
  });
  const pattern = new RegExp(openEnded ? source : `${source}$`);
  return (printed) => pattern.test(comparableInstruction(printed));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

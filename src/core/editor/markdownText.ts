/** Markdown for text taken from a Dockerfile, so no image name, path or comment can inject formatting or links. */

/** Backslash-escapes every character Markdown could read as syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (character) => `\\${character}`);
}

/** An inline code span that holds any text, backticks included (the fence is longer than any run inside). */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

import type { Position } from '../../../src/core/model';
import { DocumentText } from '../../../src/core/parse/documentText';

export { applyTextEdits } from '../../../src/core/refactor/applyTextEdits';

/** The 0-based position of the `occurrence`-th match of `needle`, `offset` characters into it. */
export function positionOf(text: string, needle: string, occurrence = 0, offset = 0): Position {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) {
      throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
    }
  }
  return new DocumentText(text).positionAt(index + offset);
}

/** Lines joined with \n and a final newline, as a Dockerfile on disk. */
export function dockerfile(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

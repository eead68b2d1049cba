/** Rough advance widths in ems by character class, on the wide side of common UI fonts (so text fits its box). */
const NARROW = /[iIjl.,:;'|!`]/;
const SEMI_NARROW = /[frt\-()[\]{}/\\ ]/;
const WIDE = /[mwMW@%]/;
const UPPER_OR_DIGIT = /[A-Z0-9#]/;

/**
 * An estimate of how wide `text` is drawn at `fontPx` pixels in a bold-ish sans-serif, without asking the browser
 * (measuring forces a layout of the whole drawing). Errs wide: boxes sized from it hold their text.
 */
export function estimateTextWidth(text: string, fontPx: number): number {
  let ems = 0;
  for (const char of text) {
    if (NARROW.test(char)) ems += 0.32;
    else if (SEMI_NARROW.test(char)) ems += 0.42;
    else if (WIDE.test(char)) ems += 0.92;
    else if (UPPER_OR_DIGIT.test(char)) ems += 0.68;
    else ems += 0.6;
  }
  return ems * fontPx;
}

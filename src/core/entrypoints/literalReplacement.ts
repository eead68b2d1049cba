import { parse } from 'yaml';
import type { LocatedValue } from './entryPointModel';

/**
 * The text that replaces a literal value's location so that it reads as `text`, in the same quoting: inside quotes
 * the bare text; a plain YAML scalar stays plain unless YAML would read the text as something else than that string
 * (`null`, `true`, `1.0`), which then gets double quotes.
 */
export function literalReplacement(value: LocatedValue, text: string): string {
  if (value.style !== 'plain') return text;
  let readsAsItself = false;
  try {
    readsAsItself = parse(text) === text;
  } catch {
    readsAsItself = false;
  }
  return readsAsItself ? text : JSON.stringify(text);
}

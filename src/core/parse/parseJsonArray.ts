/**
 * BuildKit's JSON form (`parseJSON`): the strings of a JSON array, or null when the text is not one.
 * `invalid` is set when it is a JSON array holding something other than strings (a BuildKit parse error).
 */
export function parseJsonArray(text: string): { values: string[] | null; invalid: boolean } {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('[')) return { values: null, invalid: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { values: null, invalid: false };
  }
  if (!Array.isArray(parsed)) return { values: null, invalid: false };
  if (!parsed.every((v) => typeof v === 'string')) return { values: null, invalid: true };
  return { values: parsed as string[], invalid: false };
}

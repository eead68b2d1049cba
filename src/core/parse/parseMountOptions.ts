/**
 * Reads one `RUN --mount=...` value as BuildKit's parse-time pass does (`instructions/commands_runmount.go`): CSV
 * fields of `key=value` (keys case-insensitive), where only `from` matters for the stage graph and a `$` in it
 * (other than as the last character) is an error.
 */

export interface MountOptions {
  /** `from=` as written, or null. */
  from: string | null;
  /** Offsets of the `from` value inside the mount value, or null. */
  fromSpan: { start: number; end: number } | null;
  /** Every `key=value` (keys lowercased, aliases folded: src→source, dst/destination→target, ro→readonly, rw→readwrite). */
  options: Record<string, string>;
  /** BuildKit's parse error, or null. */
  error: string | null;
}

const ALIASES: Record<string, string> = {
  src: 'source',
  dst: 'target',
  destination: 'target',
  ro: 'readonly',
  rw: 'readwrite',
};

/** Parses a mount value; never throws. */
export function parseMountOptions(value: string): MountOptions {
  const result: MountOptions = { from: null, fromSpan: null, options: {}, error: null };
  const fields = splitCsvFields(value);
  if (fields === null) {
    result.error = 'failed to parse csv mounts: extraneous or missing " in quoted-field';
    return result;
  }
  for (const field of fields) {
    const eq = field.text.indexOf('=');
    const rawKey = eq < 0 ? field.text : field.text.slice(0, eq);
    const key = rawKey.toLowerCase();
    const canonical = ALIASES[key] ?? key;
    if (eq < 0) {
      if (key !== '') result.options[canonical] = 'true';
      continue;
    }
    const fieldValue = field.text.slice(eq + 1);
    result.options[canonical] = fieldValue;
    if (key === 'from') {
      const dollar = fieldValue.indexOf('$');
      if (dollar !== -1 && dollar !== fieldValue.length - 1) {
        result.error = `'${key}' doesn't support variable expansion, define alias stage instead`;
        return result;
      }
      result.from = fieldValue;
      const valueStart = field.quoted ? field.start + 1 + eq + 1 : field.start + eq + 1;
      result.fromSpan = { start: valueStart, end: valueStart + fieldValue.length };
    }
  }
  return result;
}

/** One CSV field and where it starts in the value. */
export interface CsvField {
  text: string;
  start: number;
  quoted: boolean;
}

/** Splits CSV fields (RFC 4180 quoting, as Go's `csvvalue.Fields`), or null when the quoting is broken. */
export function splitCsvFields(value: string): CsvField[] | null {
  const fields: CsvField[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    if (value[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= value.length) return null;
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += value[i++];
      }
      if (i < value.length && value[i] !== ',') return null;
      fields.push({ text, start, quoted: true });
    } else {
      let end = value.indexOf(',', i);
      if (end < 0) end = value.length;
      const text = value.slice(i, end);
      if (text.includes('"')) return null;
      fields.push({ text, start, quoted: false });
      i = end;
    }
    if (i >= value.length) return fields;
    i++;
  }
}

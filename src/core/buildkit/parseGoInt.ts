const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * Go's `strconv.Atoi` on a 64-bit build, as BuildKit reads a numeric `COPY --from`: an optional sign and decimal
 * digits (`01` and `+0` are integers), within int64; else null (BuildKit then reads the text as a stage name or an
 * image). A bigint, so that values past 2^53 stay exact: BuildKit's "invalid stage index N" prints N exactly.
 */
export function parseGoInt(text: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(text)) return null;
  const value = BigInt(text);
  return value > INT64_MAX || value < INT64_MIN ? null : value;
}

/** A `parseGoInt` result as an index into a list of `length` items, or null when it is outside the list. */
export function indexWithin(value: bigint, length: number): number | null {
  return value >= 0n && value < BigInt(length) ? Number(value) : null;
}

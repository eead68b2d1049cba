/**
 * What Compose makes of `$` in a value when no variable is set (Stageflow does not read the environment or `.env`):
 * `$$` is a literal `$`; `${NAME:-default}` and `${NAME-default}` give their default; any other variable
 * (`$NAME`, `${NAME}`, `${NAME:?error}`, `${NAME:+alternative}`) makes the value unknown (null).
 */
export function interpolateCompose(text: string): string | null {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '$') {
      result += ch;
      continue;
    }
    if (text[i + 1] === '$') {
      result += '$';
      i++;
      continue;
    }
    if (text[i + 1] !== '{') {
      if (/[A-Za-z_]/.test(text[i + 1] ?? '')) return null;
      result += ch; // a lone `$` stays as it is
      continue;
    }
    const close = closingBrace(text, i + 2);
    if (close < 0) return null;
    const inner = text.slice(i + 2, close);
    const withDefault = /^[A-Za-z_][A-Za-z0-9_]*:?-(.*)$/s.exec(inner);
    if (!withDefault) return null;
    const fallback = interpolateCompose(withDefault[1]);
    if (fallback === null) return null;
    result += fallback;
    i = close;
  }
  return result;
}

/** The `}` that closes a `${` opened before `from`, skipping nested `${...}`. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

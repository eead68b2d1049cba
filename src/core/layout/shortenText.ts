/** Shortens text to `max` characters with an ellipsis in the middle, where paths and tags differ least. */
export function shortenMiddle(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  if (chars.length <= max) return chars.join('');
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return chars.slice(0, head).join('') + '…' + (tail > 0 ? chars.slice(-tail).join('') : '');
}

/** Shortens text to `max` characters with an ellipsis at the end. */
export function shortenEnd(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…';
}

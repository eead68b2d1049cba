/** A box on screen, in drawing coordinates. */
export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Arrow keys the graph understands. */
export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/**
 * The box an arrow key moves to from `fromId`: the nearest one whose centre lies on that side, distance across
 * the arrow's direction counting double so the move stays in the same row or column when it can.
 */
export function nodeInDirection(boxes: readonly Box[], fromId: string, key: ArrowKey): string | undefined {
  const from = boxes.find((box) => box.id === fromId);
  if (!from) return boxes[0]?.id;
  const [fx, fy] = [from.x + from.width / 2, from.y + from.height / 2];
  let best: { id: string; score: number } | undefined;
  for (const box of boxes) {
    if (box.id === fromId) continue;
    const [dx, dy] = [box.x + box.width / 2 - fx, box.y + box.height / 2 - fy];
    const [along, across] = key === 'ArrowRight' ? [dx, dy] : key === 'ArrowLeft' ? [-dx, dy] : key === 'ArrowDown' ? [dy, dx] : [-dy, dx];
    if (along <= 0.5) continue;
    const score = along + 2 * Math.abs(across);
    if (!best || score < best.score) best = { id: box.id, score };
  }
  return best?.id;
}

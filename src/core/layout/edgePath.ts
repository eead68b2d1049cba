import type { LayoutDirection } from './layoutTypes';

/**
 * SVG path data through the polyline: straight where it runs along the flow, an S-curve (cubic with tangents
 * along the flow) where it moves across, so edges leave and enter nodes head-on.
 */
export function edgePath(points: ReadonlyArray<{ x: number; y: number }>, direction: LayoutDirection): string {
  if (points.length === 0) return '';
  const round = (value: number): string => String(Math.round(value * 10) / 10);
  let path = `M${round(points[0].x)},${round(points[0].y)}`;
  for (let index = 1; index < points.length; index++) {
    const from = points[index - 1];
    const to = points[index];
    const across = direction === 'LR' ? to.y - from.y : to.x - from.x;
    if (Math.abs(across) < 0.5) {
      path += `L${round(to.x)},${round(to.y)}`;
    } else if (direction === 'LR') {
      const middle = (from.x + to.x) / 2;
      path += `C${round(middle)},${round(from.y)} ${round(middle)},${round(to.y)} ${round(to.x)},${round(to.y)}`;
    } else {
      const middle = (from.y + to.y) / 2;
      path += `C${round(from.x)},${round(middle)} ${round(to.x)},${round(middle)} ${round(to.x)},${round(to.y)}`;
    }
  }
  return path;
}

/** Interior points of a polyline where it changes direction (collinear and repeated points do not count). */
export function countBends(points: ReadonlyArray<{ x: number; y: number }>): number {
  const distinct = points.filter((point, index) => index === 0 || Math.hypot(point.x - points[index - 1].x, point.y - points[index - 1].y) > 0.01);
  let bends = 0;
  for (let index = 1; index + 1 < distinct.length; index++) {
    const [a, b, c] = [distinct[index - 1], distinct[index], distinct[index + 1]];
    const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    const lengths = Math.hypot(b.x - a.x, b.y - a.y) * Math.hypot(c.x - b.x, c.y - b.y);
    if (Math.abs(cross) / lengths > 0.01) bends++;
  }
  return bends;
}

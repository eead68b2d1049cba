/** An axis-aligned box in drawing coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes share some area (touching edges is not overlapping). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Boxes bucketed in a uniform grid, so that finding the boxes near an area costs what is near it rather than
 * what is in the whole drawing. Queries return boxes in the order they were added, so callers that sum over
 * them get the same result as a scan of the full list would.
 */
export class BoxGrid {
  private readonly cells = new Map<string, number[]>();
  private readonly boxes: Box[] = [];

  constructor(private readonly cellSize: number) {}

  add(box: Box): void {
    const id = this.boxes.length;
    this.boxes.push(box);
    this.forEachCell(box, (key) => {
      const cell = this.cells.get(key);
      if (cell) cell.push(id);
      else this.cells.set(key, [id]);
    });
  }

  /** The boxes that `meets` accepts among those sharing a grid cell with `area`, in the order they were added. */
  near(area: Box, meets: (box: Box) => boolean): Box[] {
    const ids = new Set<number>();
    this.forEachCell(area, (key) => {
      for (const id of this.cells.get(key) ?? []) ids.add(id);
    });
    return [...ids]
      .sort((a, b) => a - b)
      .map((id) => this.boxes[id])
      .filter(meets);
  }

  /**
   * Whether any box added so far, other than `except` (the same object), overlaps `area` (stops at the first;
   * allocates nothing, for hot loops).
   */
  overlapsAny(area: Box, except?: Box): boolean {
    const [firstColumn, lastColumn] = [Math.floor(area.x / this.cellSize), Math.floor((area.x + area.width) / this.cellSize)];
    const [firstRow, lastRow] = [Math.floor(area.y / this.cellSize), Math.floor((area.y + area.height) / this.cellSize)];
    for (let column = firstColumn; column <= lastColumn; column++) {
      for (let row = firstRow; row <= lastRow; row++) {
        for (const id of this.cells.get(`${column},${row}`) ?? []) if (this.boxes[id] !== except && boxesOverlap(area, this.boxes[id])) return true;
      }
    }
    return false;
  }

  private forEachCell(box: Box, visit: (key: string) => void): void {
    const [firstColumn, lastColumn] = [Math.floor(box.x / this.cellSize), Math.floor((box.x + box.width) / this.cellSize)];
    const [firstRow, lastRow] = [Math.floor(box.y / this.cellSize), Math.floor((box.y + box.height) / this.cellSize)];
    for (let column = firstColumn; column <= lastColumn; column++) {
      for (let row = firstRow; row <= lastRow; row++) visit(`${column},${row}`);
    }
  }
}

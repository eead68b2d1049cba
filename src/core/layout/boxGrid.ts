/** An axis-aligned box in drawing coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
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

  private forEachCell(box: Box, visit: (key: string) => void): void {
    const [firstColumn, lastColumn] = [Math.floor(box.x / this.cellSize), Math.floor((box.x + box.width) / this.cellSize)];
    const [firstRow, lastRow] = [Math.floor(box.y / this.cellSize), Math.floor((box.y + box.height) / this.cellSize)];
    for (let column = firstColumn; column <= lastColumn; column++) {
      for (let row = firstRow; row <= lastRow; row++) visit(`${column},${row}`);
    }
  }
}

/** A row of the file as read: its number in the file (the header is row 1) and its cells. */
export interface ReadRow {
  row: number;
  cells: string[];
}

/**
 * The rows read since the last batch was sent. A batch is full at `maxRows` rows or `maxChars` characters of
 * cells, whichever comes first: a file of very wide rows (long notes columns) then still holds a bounded amount
 * of memory, since two batches are held at once (one written while the next is read).
 */
export class RowBatch {
  private rows: ReadRow[] = [];
  private chars = 0;

  constructor(
    private readonly maxRows: number,
    private readonly maxChars: number,
  ) {}

  get size(): number {
    return this.rows.length;
  }

  /** Adds a row; true when the batch is full and should be sent. */
  add(row: number, cells: string[]): boolean {
    this.rows.push({ row, cells });
    for (const cell of cells) this.chars += cell.length;
    return this.rows.length >= this.maxRows || this.chars >= this.maxChars;
  }

  /** The rows so far; the batch starts empty again. */
  take(): ReadRow[] {
    const rows = this.rows;
    this.rows = [];
    this.chars = 0;
    return rows;
  }
}

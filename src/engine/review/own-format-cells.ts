/**
 * A block some of whose cells need a format other than their column's (a score near a band's
 * edge shown with more decimals), as the blocks both writers already carry out: the rows
 * around those cells as they were, and each such row cut at them, the cell a block of its own.
 * Such cells are few (a score within a hundredth under an edge), so a plan gains a few blocks.
 */
import type { Block, CellFormat } from "./write-plan";

/** A cell of a block (0-based offsets into its values) and the format it needs. */
export interface OwnFormatCell {
  readonly row: number;
  readonly column: number;
  readonly format: CellFormat;
}

/** The block as blocks that give each listed cell its own format; the block itself when none is listed. */
export function withOwnFormats(block: Block, cells: readonly OwnFormatCell[]): Block[] {
  if (cells.length === 0) return [block];
  const byRow = new Map<number, OwnFormatCell[]>();
  for (const cell of cells) {
    const row = byRow.get(cell.row);
    if (row) row.push(cell);
    else byRow.set(cell.row, [cell]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const blocks: Block[] = [];
  const part = (row: number, rowCount: number, column: number, columns: number, format?: CellFormat): Block => ({
    ...block,
    row: block.row + row,
    column: block.column + column,
    values: block.values.slice(row, row + rowCount).map((line) => line.slice(column, column + columns)),
    formats: format ? [format] : block.formats.slice(column, column + columns),
    ...(block.rightAligned && { rightAligned: block.rightAligned.slice(column, column + columns) }),
    ...(block.indented && { indented: block.indented.slice(column, column + columns) }),
  });
  const whole = (from: number, to: number) => {
    if (to > from) blocks.push({ ...block, row: block.row + from, values: block.values.slice(from, to) });
  };
  let from = 0;
  for (const row of rows) {
    whole(from, row);
    let column = 0;
    for (const cell of byRow.get(row)!.sort((a, b) => a.column - b.column)) {
      if (cell.column > column) blocks.push(part(row, 1, column, cell.column - column));
      blocks.push(part(row, 1, cell.column, 1, cell.format));
      column = cell.column + 1;
    }
    if (column < block.formats.length) blocks.push(part(row, 1, column, block.formats.length - column));
    from = row + 1;
  }
  whole(from, block.values.length);
  return blocks;
}

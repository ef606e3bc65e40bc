/**
 * A block some of whose cells need a format other than their column's (a score near a band's
 * edge, a Z-score near a zone line, shown with more decimals), as the blocks both writers already
 * carry out. Such cells are few (within a hundredth of a line), so a plan gains a few blocks.
 */
import type { Block, CellFormat } from "./write-plan";

/** A cell of a block (0-based offsets into its values) and the format it needs. */
export interface OwnFormatCell {
  readonly row: number;
  readonly column: number;
  readonly format: CellFormat;
}

/**
 * The block as blocks that give each listed cell its own format; the block itself when none is
 * listed. Cut by columns first: a column holding such cells becomes runs of rows, each such cell
 * a block of its own, and the columns around it stay whole. A writer carries out each block's
 * formats column by column, so cutting whole rows around each cell repeated every column's format
 * for three blocks a cell (at 100,000 customers, hundreds of Z-scores near a zone line made the
 * pane's write a fifth larger and a sync longer).
 */
export function withOwnFormats(block: Block, cells: readonly OwnFormatCell[]): Block[] {
  if (cells.length === 0) return [block];
  const byColumn = new Map<number, OwnFormatCell[]>();
  for (const cell of cells) {
    const column = byColumn.get(cell.column);
    if (column) column.push(cell);
    else byColumn.set(cell.column, [cell]);
  }
  const rows = block.values.length;
  const blocks: Block[] = [];
  const part = (row: number, rowCount: number, column: number, columns: number, format?: CellFormat): Block => ({
    ...block,
    row: block.row + row,
    column: block.column + column,
    // A block of one column is cut by rows alone: its lines are already that column.
    values:
      columns === block.formats.length
        ? block.values.slice(row, row + rowCount)
        : block.values.slice(row, row + rowCount).map((line) => line.slice(column, column + columns)),
    formats: format ? [format] : block.formats.slice(column, column + columns),
    ...(block.rightAligned && { rightAligned: block.rightAligned.slice(column, column + columns) }),
    ...(block.indented && { indented: block.indented.slice(column, column + columns) }),
  });
  let column = 0;
  for (const at of [...byColumn.keys()].sort((a, b) => a - b)) {
    if (at > column) blocks.push(part(0, rows, column, at - column));
    let row = 0;
    for (const cell of byColumn.get(at)!.sort((a, b) => a.row - b.row)) {
      if (cell.row > row) blocks.push(part(row, cell.row - row, at, 1));
      blocks.push(part(cell.row, 1, at, 1, cell.format));
      row = cell.row + 1;
    }
    if (row < rows) blocks.push(part(row, rows - row, at, 1));
    column = at + 1;
  }
  if (column < block.formats.length) blocks.push(part(0, rows, column, block.formats.length - column));
  return blocks;
}

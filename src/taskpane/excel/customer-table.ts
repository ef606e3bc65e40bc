/**
 * The customer sheet's Excel table grown over the review's columns by the pane, as the command
 * line grows it in the file (extendedTable decides for both). A table sorted or filtered with its
 * header buttons moves only its own columns, so a review's cells left outside it would end up
 * beside other customers.
 *
 * Found in the check sync: the table holding the header cell left of the review's first column
 * (every table extendedTable would change holds that cell). Its range and column names need one
 * more read, sent only when a table stands there. Resized by the write (ExcelApi 1.13): before
 * the cells when it shrinks or is taken back on a clash (Excel renames a table's header cell
 * cleared or repeated to "Column1" or "Name2"), after them when it grows (its new columns take
 * their names from the headers just written).
 */
import { parseAddress } from "../../engine/a1";
import { extendedTable, ReviewColumns, SheetTable, TableExtension, tableResize } from "../../engine/review/customer-table";
import { excelApiSupported } from "./office";
import { OP_OVERHEAD_BYTES } from "./payload";
import type { Step } from "./write-steps";

type Context = Excel.RequestContext;

/** Table.resize is ExcelApi 1.13; without it the table is left as it is, as before. */
export function tableResizeSupported(): boolean {
  return excelApiSupported("1.13");
}

/** The customer table and what the review makes of it. */
export interface CustomerTable {
  readonly name: string;
  readonly now: SheetTable;
  readonly change: TableExtension;
}

/**
 * Queues, for the check sync, the tables under the header cell left of the review's first
 * column; `read`, once that sync has run, reads the one found (one more sync, only then) and
 * says what becomes of it, or undefined when nothing does.
 */
export function lookForCustomerTable(
  ws: Excel.Worksheet,
  review: ReviewColumns | undefined,
): { read: (context: Context) => Promise<{ table?: CustomerTable; syncs: number }> } {
  const none = { read: async () => ({ syncs: 0 }) };
  if (!review || review.headers.length === 0 || !tableResizeSupported()) return none;
  const firstOutput = Math.min(...review.headers.map((h) => h.column));
  if (firstOutput === 0) return none;
  const tables = ws.getRangeByIndexes(review.headerRow, firstOutput - 1, 1, 1).getTables(false);
  tables.load("items/name");
  return {
    read: async (context) => {
      // Loaded for the check sync, which has run when read() is called.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const found = tables.items[0];
      if (!found) return { syncs: 0 };
      found.load("name,showHeaders,showTotals");
      const range = found.getRange();
      range.load("address");
      const columns = found.columns;
      columns.load("items/name");
      await context.sync();
      const { row, column, rows, columns: width } = parseAddress(range.address);
      const now: SheetTable = {
        area: { row, column, rows, columns: width },
        headerRows: found.showHeaders ? 1 : 0,
        totalsRows: found.showTotals ? 1 : 0,
        columnNames: columns.items.map((column) => column.name),
      };
      const change = extendedTable(now, review);
      return { table: change && { name: found.name, now, change }, syncs: 1 };
    },
  };
}

/** The resize as a step, to run before the review's cells (shrinking) or after them (growing); none when its range stays. */
export function customerTableSteps(sheetName: string, table: CustomerTable | undefined): { before: Step[]; after: Step[] } {
  const resize = table && tableResize(table.now, table.change);
  if (!table || !resize) return { before: [], after: [] };
  const { from, to } = resize;
  const step: Step = {
    bytes: OP_OVERHEAD_BYTES * 2,
    part: { sheet: sheetName, role: "table", table: { table: table.name, from, to } },
    run: (sheet) => {
      const ws = sheet(sheetName);
      ws.tables.getItem(table.name).resize(ws.getRangeByIndexes(to.row, to.column, to.rows, to.columns));
    },
  };
  return to.columns < from.columns ? { before: [step], after: [] } : { before: [], after: [step] };
}

/**
 * The customer sheet's Excel table grown over the review's columns by the pane, as the command
 * line grows it in the file (extendedTable decides for both). A table sorted or filtered with its
 * header buttons moves only its own columns, so a review's cells left outside it would end up
 * beside other customers.
 *
 * Found twice. The review's read takes the sheet's tables (their names in its own sync, what
 * they are in one more, sent only when the sheet has a table), so that the question before the
 * write can say what will become of the customer table. The write's check sync finds it again,
 * for the workbook may have changed while the question waited: the table holding the header
 * cell left of the review's first column (every table extendedTable would change holds that
 * cell), its range and column names in one more read, sent only when a table stands there.
 * Resized by the write (ExcelApi 1.13): before the cells when it shrinks or is taken back on a
 * clash (Excel renames a table's header cell cleared or repeated to "Column1" or "Name2"), after
 * them when it grows (its new columns take their names from the headers just written).
 */
import { parseAddress } from "../../engine/a1";
import {
  extendedTable,
  NamedSheetTable,
  ReviewColumns,
  SheetTable,
  TableExtension,
  tableResize,
} from "../../engine/review/customer-table";
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
 * Queues what a table is in the review's terms (its name, range, header and totals rows and
 * column names) for the next sync; the function it returns reads it once that sync has run.
 */
function loadTable(table: Excel.Table): () => NamedSheetTable {
  table.load("name,showHeaders,showTotals");
  const range = table.getRange();
  range.load("address");
  const columns = table.columns;
  columns.load("items/name");
  return () => {
    // Called once the sync has run: everything it reads was loaded for that sync.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
    const { row, column, rows, columns: width } = parseAddress(range.address);
    return {
      name: table.name,
      area: { row, column, rows, columns: width },
      headerRows: table.showHeaders ? 1 : 0,
      totalsRows: table.showTotals ? 1 : 0,
      columnNames: columns.items.map((c) => c.name),
    };
  };
}

/**
 * Queues, for a sync the review's read sends anyway, the names of the customer sheet's tables;
 * `read`, once that sync has run, reads what each one is in one more sync, sent only when the
 * sheet has a table. The write question says from them what the write will make of the customer
 * table (the write's check finds it again before writing). Nothing is read without Table.resize:
 * the write leaves the table as it is.
 */
export function loadSheetTables(ws: Excel.Worksheet): {
  read: (context: Context) => Promise<{ tables?: NamedSheetTable[]; syncs: number }>;
} {
  if (!tableResizeSupported()) return { read: async () => ({ syncs: 0 }) };
  const tables = ws.tables;
  tables.load("items/name");
  return {
    read: async (context) => {
      // Loaded for the read's sync, which has run when read() is called.
      const items = tables.items;
      if (items.length === 0) return { tables: [], syncs: 0 };
      const loaded = items.map(loadTable);
      await context.sync();
      return { tables: loaded.map((read) => read()), syncs: 1 };
    },
  };
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
      const read = loadTable(found);
      await context.sync();
      const { name, ...now } = read();
      const change = extendedTable(now, review);
      return { table: change && { name, now, change }, syncs: 1 };
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

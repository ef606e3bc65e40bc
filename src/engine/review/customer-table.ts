/**
 * The customer sheet's Excel table (a ListObject) grown over the review's output columns. A
 * table sorted or filtered with its header buttons moves only its own columns: the review's
 * cells beside it would stay where they were, and each row's recommendation would then stand
 * beside another customer. So when the table is the customer table the review read, it is
 * widened to the review's last column, in both writers.
 */
import { Area, sameArea } from "../a1";
import type { TableClash, TableResized } from "./texts";

/** An Excel table on the customer sheet, as a writer finds it. */
export interface SheetTable {
  /** Its cells, header and totals rows included (0-based sheet rows and columns). */
  readonly area: Area;
  /** 1 with a header row, 0 without. */
  readonly headerRows: number;
  /** 1 with a totals row, 0 without. */
  readonly totalsRows: number;
  /** Its columns' names, first to last (a header cell's text, as the table keeps it). */
  readonly columnNames: readonly string[];
}

/** A table on the customer sheet with its name, as a face reads it. */
export interface NamedSheetTable extends SheetTable {
  readonly name: string;
}

/** Where the review writes on the customer sheet, as far as a table of the user's is concerned. */
export interface ReviewColumns {
  /** 0-based sheet row of the header row the review read and heads its columns on. */
  readonly headerRow: number;
  /** 0-based sheet rows of the first and last customer. */
  readonly customerRows: { readonly first: number; readonly last: number };
  /** Each column the review writes or clears (0-based sheet column) with its header (null: a column cleared). */
  readonly headers: readonly { readonly column: number; readonly text: string | null }[];
}

/**
 * What becomes of a table: "extend" it to `area`, the columns from the review's first on named
 * `names` (the review's headers, left to right: those it has already renamed where a header
 * changed, a language switched, the rest added). "clash" when a name of the review's is already
 * one of the user's columns' (Excel wants a table's column names unique, whatever their case):
 * the table is kept to the user's columns, `area` (shrunk back if an earlier review grew it), and
 * the writer says which `names` clashed.
 */
export type TableExtension =
  | { readonly kind: "extend"; readonly area: Area; readonly names: readonly string[] }
  | { readonly kind: "clash"; readonly area: Area; readonly names: readonly string[] };

/**
 * The table over the review's columns, or undefined when it is left as it is: it is not the
 * customer table (its header row is not the review's, its rows do not hold every customer, it
 * starts inside the review's columns), it does not reach the review's columns (a column of the
 * user's stands between), it reaches past them (a column of the user's after the review's), or it
 * already covers them, named as the review heads them. A table an earlier review grew is kept in
 * step: its names follow the review's headers (a table's names must be its header cells, or Excel
 * repairs the file), and it ends at the review's last column with a header, shrinking over the
 * columns the review clears; where a column in between has no header, the table goes back to the
 * user's columns.
 */
export function extendedTable(table: SheetTable, review: ReviewColumns): TableExtension | undefined {
  const { area } = table;
  const { headers, customerRows } = review;
  if (headers.length === 0 || customerRows.last < customerRows.first) return undefined;
  if (table.headerRows !== 1 || area.row !== review.headerRow) return undefined;
  const lastDataRow = area.row + area.rows - 1 - table.totalsRows;
  if (area.row + 1 > customerRows.first || lastDataRow < customerRows.last) return undefined;
  const firstOutput = Math.min(...headers.map((h) => h.column));
  const lastOutput = Math.max(...headers.map((h) => h.column));
  const lastColumn = area.column + area.columns - 1;
  if (area.column >= firstOutput || lastColumn < firstOutput - 1 || lastColumn > lastOutput) return undefined;
  const byColumn = new Map(headers.map((h) => [h.column, h.text]));
  let lastNamed = firstOutput - 1;
  for (let column = firstOutput; column <= lastOutput; column++) if (byColumn.get(column)) lastNamed = column;
  const names: string[] = [];
  for (let column = firstOutput; column <= lastNamed; column++) {
    const text = byColumn.get(column);
    if (!text) {
      names.length = 0;
      lastNamed = firstOutput - 1;
      break;
    }
    names.push(text);
  }
  const users = table.columnNames.slice(0, firstOutput - area.column);
  const taken = new Set(users.map(nameKey));
  const clashes = names.filter((name, i) => taken.has(nameKey(name)) || names.findIndex((n) => nameKey(n) === nameKey(name)) < i);
  const kept = { ...area, columns: firstOutput - area.column };
  if (clashes.length) return { kind: "clash", area: kept, names: clashes };
  const grown = { ...area, columns: lastNamed - area.column + 1 };
  const now = table.columnNames.slice(firstOutput - area.column);
  if (grown.columns === area.columns && now.length === names.length && now.every((n, i) => n === names[i])) return undefined;
  // Back to the user's columns alone: nothing of the review's to name (a column in between has no header).
  if (names.length === 0) return grown.columns === area.columns ? undefined : { kind: "extend", area: grown, names };
  return { kind: "extend", area: grown, names };
}

/**
 * The table's cells before and after a change that moves its edge, for a writer to resize it and
 * its report to tell: undefined when the change only renames its columns (or names a clash
 * without taking a column back).
 */
export function tableResize(table: SheetTable, change: TableExtension): { from: Area; to: Area } | undefined {
  if (sameArea(table.area, change.area)) return undefined;
  const cells = ({ row, column, rows, columns }: Area): Area => ({ row, column, rows, columns });
  return { from: cells(table.area), to: cells(change.area) };
}

/**
 * The customer table among a sheet's tables and what becomes of it: the one extendedTable
 * changes. There is at most one, as every table it changes holds the review's header row's cell
 * left of the review's first column, and tables do not overlap.
 */
export function customerTableAmong<T extends SheetTable>(
  tables: readonly T[],
  review: ReviewColumns,
): { readonly table: T; readonly change: TableExtension } | undefined {
  for (const table of tables) {
    const change = extendedTable(table, review);
    if (change) return { table, change };
  }
  return undefined;
}

/** What a change does to a table, as the faces say it (customerTableMessages): its resize, if its edge moves, and its clash. */
export function tableOutcome(
  name: string,
  table: SheetTable,
  change: TableExtension,
): { readonly resized?: TableResized; readonly clash?: TableClash } {
  const resize = tableResize(table, change);
  return {
    ...(resize ? { resized: { table: name, ...resize } } : {}),
    ...(change.kind === "clash" ? { clash: { table: name, names: change.names } } : {}),
  };
}

/** A column name as Excel compares them: without regard to case. */
function nameKey(name: string): string {
  return name.toLocaleUpperCase("en-US");
}

/**
 * The small customer sheet the typed-over tests review month after month, and the hand edits
 * they make to the review's own cells between reviews.
 */
import { OutputField } from "../../src/engine/review/fields";
import { CycleWorkbook } from "./review-cycle";
import { FACTOR_HEADERS, Grid } from "./review-grid";

export const HEADERS = ["Customer ID", "Customer", ...FACTOR_HEADERS, "Credit limit", "Outstanding balance", "Days past due"];
export const five = (x: number) => [x, x, x, x, x];

/** `count` customers; customer i scores 1.5 + 0.5·i on every factor: customer 0 is Low, 2 Medium, 4 High. */
export function sheet(count = 4): Grid {
  const rows: Grid = [HEADERS];
  for (let i = 0; i < count; i++) rows.push([`C${100 + i}`, `Customer ${i}`, ...five(1.5 + (i % 7) * 0.5), 100000, 40000, 0]);
  return rows;
}

/** The sheet with cells set: [data row (0-based under the header), field, value]. */
export function typed(
  workbook: CycleWorkbook,
  column: (f: OutputField) => number,
  edits: [number, OutputField, unknown][],
): CycleWorkbook {
  const customers = workbook.customers.map((line) => [...line]);
  for (const [row, field, value] of edits) customers[row + 1][column(field)] = value as never;
  return { ...workbook, customers };
}

/**
 * The sheet with its data columns (the first HEADERS.length) replaced by `rows`, as an export
 * pasted over them does: the review's columns stay where they were, whichever customer is now
 * beside them.
 */
export function dataPasted(workbook: CycleWorkbook, rows: Grid): CycleWorkbook {
  const before = workbook.customers;
  const customers: Grid = [[...before[0]]];
  for (let r = 1; r < Math.max(before.length, rows.length + 1); r++) {
    const data = rows[r - 1] ?? HEADERS.map(() => null);
    customers.push([...data, ...(before[r] ?? []).slice(HEADERS.length)]);
  }
  return { ...workbook, customers };
}

/** The sheet's data rows (under the header) as they stand in the data columns. */
export const dataRows = (workbook: CycleWorkbook): Grid =>
  workbook.customers.slice(1).map((line) => line.slice(0, HEADERS.length));

/**
 * Helpers for the review tests: sheets as the 2-D cell values Office.js / exceljs hand
 * over, dates both as Date objects and as serials, and a tiny "writer" that applies a
 * write plan's blocks to such a grid the way a front end would.
 */
import { CellValue, serialFromYMD } from "../../src/engine/cells";
import { Block } from "../../src/engine/review/write-plan";
import type { Area } from "../../src/engine/a1";

export type Grid = CellValue[][];

export const FACTOR_HEADERS = [
  "Payment history",
  "Contract performance",
  "Industry risk",
  "Market reputation",
  "Compliance record",
] as const;
export const FACTOR_HEADERS_ZH = ["付款历史", "合同履行情况", "行业风险", "市场口碑", "合规记录"] as const;
/** A customer sheet's first headers: the customer's id and name, then its five factors. */
export const CUSTOMER_HEADERS = ["Customer ID", "Customer", ...FACTOR_HEADERS] as const;
/** The balance sheet and income statement figures the ratios and the Z-score share, as a sheet heads them. */
export const STATEMENT_HEADERS = [
  "Current assets",
  "Current liabilities",
  "Total assets",
  "Total liabilities",
  "Retained earnings",
  "EBIT",
] as const;
/** The financial statement figures a Z-score is worked out from, as a sheet heads them. */
export const Z_INPUT_HEADERS = [...STATEMENT_HEADERS, "Sales", "Equity"] as const;

/** "2026-03-15" → Excel serial. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return serialFromYMD(y, m, d);
}

/** "2026-03-15" → a Date whose UTC fields are that day, as exceljs gives it. */
export function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export interface CustomerSpec {
  readonly id?: CellValue;
  readonly name?: CellValue;
  readonly factors?: readonly CellValue[];
  /** Values of the extra columns, in the order of the extra headers. */
  readonly extra?: readonly CellValue[];
}

/** A customer sheet: Customer ID, Customer, the five factors, then the extra headers. */
export function customerSheet(extraHeaders: readonly string[], customers: readonly CustomerSpec[]): Grid {
  const header: CellValue[] = [...CUSTOMER_HEADERS, ...extraHeaders];
  const rows: Grid = customers.map((c, i) => [
    c.id === undefined ? `C${String(i + 1).padStart(3, "0")}` : c.id,
    c.name === undefined ? `Customer ${i + 1}` : c.name,
    ...(c.factors ?? [2, 2, 2, 2, 2]),
    ...extraHeaders.map((_, j) => (c.extra && j < c.extra.length ? c.extra[j] : null)),
  ]);
  return [header, ...rows];
}

/** Deep copy of a grid, so a test can compare before and after. */
export function copyGrid(values: readonly (readonly CellValue[])[]): Grid {
  return values.map((line) => [...line]);
}

/**
 * Writes blocks into a copy of `values` (whose [0][0] is the sheet cell at `origin`),
 * growing it with `blank` where needed; a null in a block clears the cell.
 */
export function applyBlocks(
  values: readonly (readonly CellValue[])[],
  blocks: readonly Block[],
  origin: { row: number; column: number } = { row: 0, column: 0 },
  blank: null | "" = null,
): Grid {
  const grid = copyGrid(values);
  for (const block of blocks) {
    block.values.forEach((line, r) => {
      const row = block.row + r - origin.row;
      while (grid.length <= row) grid.push([]);
      line.forEach((value, c) => {
        const column = block.column + c - origin.column;
        const target = grid[row];
        while (target.length <= column) target.push(blank);
        target[column] = value === null ? blank : value;
      });
    });
  }
  return grid;
}

/** Every (row, column) a set of blocks writes, in sheet coordinates. */
export function blockCells(blocks: readonly Block[]): { row: number; column: number; value: unknown; format: string }[] {
  const cells: { row: number; column: number; value: unknown; format: string }[] = [];
  for (const block of blocks) {
    block.values.forEach((line, r) =>
      line.forEach((value, c) => cells.push({ row: block.row + r, column: block.column + c, value, format: block.formats[c] })),
    );
  }
  return cells;
}

/** Fixture cells: {"date": "2026-02-15"} is a Date object, {"serial": "2026-02-15"} an Excel serial; anything else as is. */
export function fixtureCell(value: unknown): CellValue {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const o = value as { date?: string; serial?: string };
    if (typeof o.date === "string") return utcDate(o.date);
    if (typeof o.serial === "string") return serial(o.serial);
  }
  return value;
}

/** The cells areas cover, as "row,column", sorted: two lists of areas compared by what they cover. */
export function cellsOfAreas(areas: readonly Area[]): string[] {
  return areas
    .flatMap((a) =>
      Array.from({ length: a.rows * a.columns }, (_, i) => `${a.row + Math.floor(i / a.columns)},${a.column + (i % a.columns)}`),
    )
    .sort();
}

/**
 * Pure helpers of the Excel writer and reader: no Office.js here, so they can be unit-tested
 * alone. Addresses, payload estimates, chunking of blocks by rows, packing work into syncs.
 */
import { CellValue } from "../../engine/cells";
import { columnLetter } from "../../engine/review/headers";
import { Area, Block, ConditionalFill, fillCondition, PlanValue } from "../../engine/review/write-plan";

/**
 * Excel on the web refuses requests over 5 MB. We pack a sync up to 4 MB of estimated
 * payload, leaving room for the JSON envelope Office.js wraps around each operation.
 */
export const MAX_BATCH_BYTES = 4_000_000;
/** Estimated cost of one queued operation besides its values (method name, object path, ids). */
export const OP_OVERHEAD_BYTES = 200;

export interface ParsedAddress {
  readonly sheet: string;
  /** 0-based first row and column. */
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Reads an address as Office.js gives it: "Sheet1!B3:F20", "'My sheet'!A1", "Sheet1!C5".
 * Whole-row or whole-column forms ("1:3", "A:C") are not produced by used ranges and are rejected.
 */
export function parseAddress(address: string): ParsedAddress {
  const bang = address.lastIndexOf("!");
  let sheet = bang >= 0 ? address.slice(0, bang) : "";
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const match = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(ref);
  if (!match) throw new Error(`not a cell range address: ${address}`);
  const c1 = columnIndex(match[1]);
  const r1 = Number(match[2]) - 1;
  const c2 = match[3] ? columnIndex(match[3]) : c1;
  const r2 = match[4] ? Number(match[4]) - 1 : r1;
  return {
    sheet,
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    columns: Math.abs(c2 - c1) + 1,
  };
}

/** "B3:F20" for an area (0-based), "B3" for one cell. */
export function a1(area: Area): string {
  const start = `${columnLetter(area.column)}${area.row + 1}`;
  if (area.rows === 1 && area.columns === 1) return start;
  return `${start}:${columnLetter(area.column + area.columns - 1)}${area.row + area.rows}`;
}

/**
 * A used range's values placed so that [0][0] is A1: the plan and the policy/archive
 * readers count rows from the top of the sheet.
 */
export function padToA1(values: readonly (readonly CellValue[])[], origin: { row: number; column: number }): CellValue[][] {
  const lead: CellValue[] = new Array<CellValue>(origin.column).fill("");
  const out: CellValue[][] = [];
  for (let r = 0; r < origin.row; r++) out.push([]);
  for (const line of values) out.push(origin.column ? [...lead, ...line] : [...line]);
  return out;
}

/** UTF-8 bytes of a JSON-encoded cell value, roughly (escapes ignored, non-ASCII counted as 3 bytes). */
function cellBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  // As JSON writes it: 46356 is 5 bytes, 2.4999999999999996 is 18 (a flat 24 overestimated batches by half).
  if (typeof value === "number") return String(value).length + 1;
  if (typeof value === "boolean") return 5;
  const text = String(value);
  let bytes = 3;
  for (let i = 0; i < text.length; i++) bytes += text.charCodeAt(i) < 0x80 ? 1 : 3;
  return bytes;
}

/** Estimated request payload of writing these values. */
export function estimateBytes(values: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const line of values) {
    bytes += 2;
    for (const v of line) bytes += cellBytes(v);
  }
  return bytes;
}

/** Estimated payload of writing a block: its values, one number format per column, the bold flag. */
export function blockBytes(block: Block): number {
  return estimateBytes(block.values) + block.formats.length * (OP_OVERHEAD_BYTES + 32) + OP_OVERHEAD_BYTES * 2;
}

/**
 * Splits a block by rows into pieces whose estimated payload stays under `maxBytes`
 * (a single row larger than that still makes one piece of its own).
 */
export function chunkBlock(block: Block, maxBytes: number = MAX_BATCH_BYTES): Block[] {
  if (blockBytes(block) <= maxBytes) return [block];
  const fixed = blockBytes({ ...block, values: [] });
  const pieces: Block[] = [];
  let start = 0;
  let size = fixed;
  for (let r = 0; r < block.values.length; r++) {
    const line = estimateBytes([block.values[r]]);
    if (r > start && size + line > maxBytes) {
      pieces.push({ ...block, row: block.row + start, values: block.values.slice(start, r) });
      start = r;
      size = fixed;
    }
    size += line;
  }
  pieces.push({ ...block, row: block.row + start, values: block.values.slice(start) });
  return pieces;
}

/** Greedy packing of work items (in order) into batches of at most `maxBytes` each. */
export function packBatches<T extends { readonly bytes: number }>(
  items: readonly T[],
  maxBytes: number = MAX_BATCH_BYTES,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && size + item.bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Office.js leaves a cell unchanged where a values array holds null: blanks must be written as "". */
export function cellsForExcel(values: readonly (readonly PlanValue[])[]): (string | number | boolean)[][] {
  return values.map((line) => line.map((v) => (v === null ? "" : v)));
}

/** The block as an area (0-based sheet coordinates). */
export function blockArea(block: Block): Area {
  return { row: block.row, column: block.column, rows: block.values.length, columns: block.formats.length };
}

export function contains(outer: Area, inner: Area): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.column + inner.columns <= outer.column + outer.columns
  );
}

/** True when the area lies inside one of the allowed areas. */
export function insideAreas(area: Area, allowed: readonly Area[]): boolean {
  return allowed.some((outer) => contains(outer, area));
}

/**
 * The custom conditional-format formula of a plan fill, relative to the fill's top-left
 * cell. The same formulas the command line writes with exceljs (src/cli/workbook-io.ts).
 */
export function fillFormula(fill: ConditionalFill): string {
  return `=${fillCondition(fill)}`;
}

/**
 * Excel's column width in characters (what the plan gives, as exceljs takes it) to the
 * points Office.js takes: pixels = chars × 7 + 5 at the default 11-point font, points = pixels × 0.75.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Header cells compared the way Excel shows them: blanks and "" alike, numbers and their text alike. */
export function sameRow(a: readonly CellValue[] | undefined, b: readonly CellValue[] | undefined): boolean {
  const norm = (line: readonly CellValue[] | undefined) => {
    const out = (line ?? []).map((v) => (v === null || v === undefined ? "" : String(v)));
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return out;
  };
  const x = norm(a);
  const y = norm(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * Pure helpers of the Excel writer and reader: no Office.js here, so they can be unit-tested
 * alone. Addresses, payload estimates, chunking of blocks by rows, packing work into syncs.
 */
import { CellValue } from "../../engine/cells";
import { columnLetter } from "../../engine/review/headers";
import { Area, Block, ConditionalFill, fillCondition, PlanValue } from "../../engine/review/write-plan";

/**
 * Excel on the web refuses a request, or a response, of more than 5 MB ("Resource limits and
 * performance optimization for Office Add-ins"); desktop Excel has no such limit.
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/**
 * What one sync is packed up to. Values are counted exactly as their JSON goes over the wire and
 * every queued operation's envelope generously (OP_OVERHEAD_BYTES), so 4 % headroom is enough;
 * a request Excel refuses anyway is sent again in halves (writePlanWith).
 */
export const MAX_BATCH_BYTES = 4_800_000;
/** Cost of one queued operation besides its values (method name, object path, ids), rounded up. */
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

/** UTF-8 bytes of a string as JSON writes it: quotes, escapes, 1–4 bytes a character. */
function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) bytes += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff)
      bytes += 6; // a lone surrogate: JSON.stringify writes \udxxx
    else bytes += 3;
  }
  return bytes;
}

/**
 * Exactly the UTF-8 length of JSON.stringify(value) for what a request carries: cell values
 * and arrays of them (a 2-D values array), without building the string.
 */
export function jsonBytes(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === "string") return jsonStringBytes(value);
  if (typeof value === "boolean") return value ? 4 : 5;
  if (Array.isArray(value)) {
    let bytes = value.length > 0 ? 1 + value.length : 2;
    for (const item of value) bytes += item === undefined ? 4 : jsonBytes(item);
    return bytes;
  }
  return 4; // null
}

/** The request size of one row of a block as it is sent: blanks go as "" (cellsForExcel), plus the comma. */
function sentRowBytes(line: readonly PlanValue[]): number {
  let bytes = line.length > 0 ? 2 + line.length : 3;
  for (const v of line) bytes += v === null ? 2 : jsonBytes(v);
  return bytes;
}

/**
 * Rows [start, end) of a plan block with their exact request size, cut anywhere between rows
 * so a sync can be filled to its budget instead of leaving each block's last chunk half empty.
 */
export class BlockSlice {
  private constructor(
    readonly block: Block,
    /** offsets[r] = request bytes of the block's rows before r. */
    private readonly offsets: Float64Array,
    readonly start: number,
    readonly end: number,
  ) {}

  static of(block: Block): BlockSlice {
    const offsets = new Float64Array(block.values.length + 1);
    for (let r = 0; r < block.values.length; r++) offsets[r + 1] = offsets[r] + sentRowBytes(block.values[r]);
    return new BlockSlice(block, offsets, 0, block.values.length);
  }

  /** One number format per column, the values, the bold flag: each an operation of its own. */
  private get fixedBytes(): number {
    return 2 + this.block.formats.length * (OP_OVERHEAD_BYTES + 32) + OP_OVERHEAD_BYTES * 2;
  }

  get bytes(): number {
    return this.fixedBytes + this.offsets[this.end] - this.offsets[this.start];
  }

  get rows(): number {
    return this.end - this.start;
  }

  /** Where the rows go (0-based sheet coordinates). */
  get area(): Area {
    return { row: this.block.row + this.start, column: this.block.column, rows: this.rows, columns: this.block.formats.length };
  }

  /** The rows as a block of their own, placed where they go on the sheet. */
  get piece(): Block {
    if (this.start === 0 && this.end === this.block.values.length) return this.block;
    return { ...this.block, row: this.block.row + this.start, values: this.block.values.slice(this.start, this.end) };
  }

  /**
   * The most leading rows that fit in `room` bytes, and the rest. Undefined when no row fits,
   * or all do (then there is nothing to split).
   */
  splitTo(room: number): [BlockSlice, BlockSlice] | undefined {
    const limit = room - this.fixedBytes + this.offsets[this.start];
    let lo = this.start;
    let hi = this.end;
    // The last row boundary whose offset is within the limit.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= limit) lo = mid;
      else hi = mid - 1;
    }
    if (lo === this.start || lo === this.end) return undefined;
    return [this.slice(this.start, lo), this.slice(lo, this.end)];
  }

  /** Its first row alone, and the rest: what goes when even one row is over the budget. */
  splitSmallest(): [BlockSlice, BlockSlice] | undefined {
    return this.rows > 1 ? [this.slice(this.start, this.start + 1), this.slice(this.start + 1, this.end)] : undefined;
  }

  private slice(start: number, end: number): BlockSlice {
    return new BlockSlice(this.block, this.offsets, start, end);
  }
}

/** Something a sync carries: its size, and when it can be cut between rows, how. */
export interface Packable<T> {
  readonly bytes: number;
  /** The most that fits in `room` bytes and the rest, or undefined when it can't be cut to fit. */
  splitTo?(room: number): [T, T] | undefined;
  /** The smallest first part that can go alone (one row), and the rest. */
  splitSmallest?(): [T, T] | undefined;
}

/**
 * Packs work items, in order, into batches of at most `maxBytes`, cutting an item between rows
 * to fill a batch to the brim. An item that can't be cut and is over `maxBytes` alone goes alone.
 */
export function packBatches<T extends Packable<T>>(items: readonly T[], maxBytes: number = MAX_BATCH_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  const close = () => {
    batches.push(current);
    current = [];
    size = 0;
  };
  for (let next: T | undefined, i = 0; i < items.length; i++) {
    next = items[i];
    while (next) {
      if (size + next.bytes <= maxBytes) {
        current.push(next);
        size += next.bytes;
        next = undefined;
        continue;
      }
      const parts: [T, T] | undefined =
        next.splitTo?.(maxBytes - size) ?? (current.length === 0 ? next.splitSmallest?.() : undefined);
      if (parts) {
        current.push(parts[0]);
        next = parts[1];
        close();
      } else if (current.length === 0) {
        current.push(next);
        next = undefined;
        close();
      } else {
        close();
      }
    }
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

/** A rectangle of one sheet to read (0-based sheet coordinates). */
export interface PageRequest extends Area {
  readonly sheet: string;
}

/** A loaded range's share of a response besides its values (ids, the property name), rounded up. */
const PAGE_OVERHEAD_BYTES = OP_OVERHEAD_BYTES;

/**
 * The next response's worth of pages from the front of `pending`: whole sheets while they fit,
 * then as many rows of the next as fit, by an estimate of each sheet's bytes per cell.
 * At least one row is taken, so every call makes progress.
 */
export function takePages(
  pending: readonly PageRequest[],
  maxBytes: number,
  bytesPerCell: (sheet: string) => number,
): { page: PageRequest[]; rest: PageRequest[] } {
  const page: PageRequest[] = [];
  let size = 0;
  let i = 0;
  for (; i < pending.length; i++) {
    const next = pending[i];
    // Each row is "[…]," around its cells, each cell followed by a comma.
    const rowBytes = Math.max(1, bytesPerCell(next.sheet)) * next.columns + next.columns + 2;
    const fit = Math.floor((maxBytes - size - PAGE_OVERHEAD_BYTES) / rowBytes);
    if (fit >= next.rows) {
      page.push(next);
      size += PAGE_OVERHEAD_BYTES + next.rows * rowBytes;
      continue;
    }
    const rows = page.length === 0 ? Math.max(1, fit) : fit;
    if (rows < 1) break;
    page.push({ ...next, rows });
    return { page, rest: [{ ...next, row: next.row + rows, rows: next.rows - rows }, ...pending.slice(i + 1)] };
  }
  return { page, rest: pending.slice(i) };
}

/**
 * Bytes per cell assumed before a sheet is read: typical of numbers and short texts. Too low
 * costs one refused sync (then doubled); each page read corrects it.
 */
const FIRST_GUESS_BYTES_PER_CELL = 24;
/** Rows further down may be longer than the ones measured so far. */
const DENSITY_MARGIN = 1.08;

/** What a paged read knows of each sheet's bytes per cell: a guess until a page of it comes back. */
export class CellSizes {
  private readonly guessed = new Map<string, number>();
  /** The most bytes per cell any page of the sheet has needed. */
  private readonly densest = new Map<string, number>();

  /** Bytes per cell to plan a page of the sheet with. A sheet not read yet is taken to be as dense as the densest read so far. */
  of(sheet: string): number {
    const seen = this.densest.get(sheet);
    if (seen !== undefined) return seen * DENSITY_MARGIN;
    const guess = this.guessed.get(sheet);
    if (guess !== undefined) return guess;
    return this.densest.size > 0 ? Math.max(...this.densest.values()) * DENSITY_MARGIN : FIRST_GUESS_BYTES_PER_CELL;
  }

  measured(sheet: string): boolean {
    return this.densest.has(sheet);
  }

  /** A page of the sheet came back: what its cells took in the response. */
  record(sheet: string, values: readonly (readonly unknown[])[], columns: number): void {
    const rows = values.length;
    if (rows === 0 || columns === 0) return;
    const perCell = (jsonBytes(values) - rows * (columns + 2)) / (rows * columns);
    this.densest.set(sheet, Math.max(this.densest.get(sheet) ?? 0, perCell));
  }

  /** A page planned on the guess for a sheet not read yet was refused: its cells are longer, assume twice. */
  guessedTooLow(sheet: string): void {
    this.guessed.set(sheet, this.of(sheet) * 2);
  }
}

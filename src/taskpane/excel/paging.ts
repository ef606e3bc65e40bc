/**
 * A read in pages, for a workbook too large for one response: which rectangles go in the next
 * response, and what each sheet's cells are taken to weigh until a page of it comes back.
 * Pure: no Office.js, so it is unit-tested alone.
 */
import { Area } from "../../engine/a1";
import { jsonBytes, OP_OVERHEAD_BYTES } from "./payload";

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
/** A corner of blanks and one-digit numbers says little of the rows below it. */
const MIN_SAMPLED_BYTES_PER_CELL = 4;
/** Rows further down may be longer than the ones measured so far. */
const DENSITY_MARGIN = 1.08;
/**
 * A sheet not read yet, planned from the sheets read so far, may be denser than all of them (a
 * ledger of long invoice references after a customer sheet of small numbers). Its first rows
 * mostly share a page with the end of the sheet before, and a page refused there halves the
 * budget for every page after it: twice the densest costs at most a half-empty first page.
 */
const UNREAD_SHEET_MARGIN = 2;

/** What a paged read knows of each sheet's bytes per cell: a guess until a page of it comes back. */
export class CellSizes {
  private readonly guessed = new Map<string, number>();
  /** The most bytes per cell any page of the sheet has needed. */
  private readonly densest = new Map<string, number>();

  /** Bytes per cell to plan a page of the sheet with. A sheet not read yet is taken to be twice as dense as the densest read so far. */
  of(sheet: string): number {
    const seen = this.densest.get(sheet);
    if (seen !== undefined) return seen * DENSITY_MARGIN;
    const guess = this.guessed.get(sheet);
    if (guess !== undefined) return guess;
    return this.densest.size > 0 ? Math.max(...this.densest.values()) * UNREAD_SHEET_MARGIN : FIRST_GUESS_BYTES_PER_CELL;
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

  /**
   * The sheet's corner, read before its first page: its cells stand for the rest until a page
   * comes back. Still a guess (a refused page doubles it, the budget stays): rows further down
   * may be longer than the first.
   */
  sampled(sheet: string, values: readonly (readonly unknown[])[]): void {
    const columns = Math.max(0, ...values.map((line) => line.length));
    const rows = values.length;
    if (rows === 0 || columns === 0) return;
    const perCell = (jsonBytes(values) - rows * (columns + 2)) / (rows * columns);
    this.guessed.set(sheet, Math.max(MIN_SAMPLED_BYTES_PER_CELL, perCell * DENSITY_MARGIN));
  }

  /** A page planned on the guess for a sheet not read yet was refused: its cells are longer, assume twice. */
  guessedTooLow(sheet: string): void {
    this.guessed.set(sheet, this.of(sheet) * 2);
  }
}

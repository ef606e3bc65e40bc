/**
 * What one sync carries: Excel on the web's payload limit, the exact JSON size of the values a
 * request sends, and work packed into syncs under the limit (cut between rows where it must be).
 * Pure: no Office.js, so it is unit-tested alone.
 */
import { Area } from "../../engine/a1";
import { Block, PlanValue } from "../../engine/review/write-plan";

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

  /** One number format per column, the values, the bold flag, each right-aligned column, each indented one (two): each an operation of its own. */
  private get fixedBytes(): number {
    const columnOps =
      this.block.formats.length +
      (this.block.rightAligned?.filter(Boolean).length ?? 0) +
      2 * (this.block.indented?.filter(Boolean).length ?? 0);
    return 2 + columnOps * (OP_OVERHEAD_BYTES + 32) + OP_OVERHEAD_BYTES * 2;
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

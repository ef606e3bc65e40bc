/**
 * What the command line accepts, checked before the work it would cost: a workbook past any
 * of these is refused in one line naming the bound (exit 2), never read until memory runs out.
 */
import { getHeapStatistics } from "node:v8";
import { message, MessageKey, MessageParams } from "../../engine/i18n";

export const LIMITS = {
  /** Entries in the zip: a workbook with charts, pivots and images has a few hundred. */
  entries: 20_000,
  /** Uncompressed size of one part the review reads (a full 1,048,576-row sheet is ~300 MB). */
  partBytes: 1024 * 1024 * 1024,
  /** Uncompressed size of all the parts one review reads, together. */
  readBytes: 2 * 1024 * 1024 * 1024,
  /**
   * Uncompressed over compressed size of a part, above 1 MiB: sheet XML compresses 5–30 times,
   * a deflate bomb about 1,000 times.
   */
  ratio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** Cells read from every sheet together (100,000 customers with a 300,000-row ledger: 3.5 million). */
  cells: 30_000_000,
  /** A --policy file. */
  policyBytes: 1024 * 1024,
  /**
   * The add-in's web extension part, which holds its document settings (the column mapping: a
   * few dozen headers, some kilobytes): read whole as one text, so held far below a sheet's bound.
   */
  webExtensionBytes: 16 * 1024 * 1024,
} as const;

/**
 * What a review holds in node's heap, measured with the command line's largest shapes and taken
 * high, so that a review refused is one node would not finish: a cell read (a dense sheet of
 * 1,048,576 rows and 6 columns: 511 MB for 6.3 million cells; the 100,000-customer workbook with
 * its ledger, 60 bytes a cell), a row of the customer sheet reviewed, planned and written (the
 * dense sheet 1,070 bytes; with a heap of 192 MB node ran out at 135,000 of its rows and finished
 * 120,000), and a row of the archive the month after (its entry, and each customer's change
 * beside the last review: 400 MB more for 100,000 customers than their first review).
 */
export const MEMORY = { bytesPerCell: 80, bytesPerCustomerRow: 1_500, bytesPerArchiveRow: 2_700 } as const;

/** The share of the heap the read's cells may fill: the rest is the read's own passing text and the review's. */
const READ_SHARE = 0.8;

/** The most node's heap may hold here: set by the machine's memory, or by --max-old-space-size. */
export function heapLimit(): number {
  return getHeapStatistics().heap_size_limit;
}

/**
 * The cells the sheets' read may hold: the fixed bound, or fewer where the heap could not hold
 * them. A read past either stops at the first cell over it, with the message of the one it passed.
 */
export class CellBudget {
  /** Cells still allowed: below 0 once a read passed the budget. */
  cells: number;
  private readonly granted: number;
  private readonly byMemory: boolean;

  constructor(private readonly heap = heapLimit()) {
    const fit = Math.floor((heap * READ_SHARE) / MEMORY.bytesPerCell);
    this.byMemory = fit < LIMITS.cells;
    this.granted = this.cells = Math.min(LIMITS.cells, fit);
  }

  /** Cells read against this budget so far. */
  get used(): number {
    return this.granted - this.cells;
  }

  /** What a read says when it passes the budget. */
  exceeded(): BoundError {
    if (!this.byMemory) return new BoundError("cli.tooManyCells", { limit: LIMITS.cells.toLocaleString("en") });
    return new BoundError("cli.cellsPastMemory", {
      limit: this.granted.toLocaleString("en"),
      heap: mib(this.heap),
      suggest: suggestedHeapMb(LIMITS.cells * MEMORY.bytesPerCell),
    });
  }
}

/**
 * Refuses, before the review, one that would not fit in the heap: it would run for minutes and
 * end in node's out-of-memory crash. `cells`: read from every sheet; `customerRows`: the customer
 * sheet's rows holding cells; `archiveRows`: the archive's, read back the month after.
 */
export function checkReviewMemory(
  sheet: string,
  cells: number,
  customerRows: number,
  archiveRows: number,
  heap = heapLimit(),
): void {
  const need = cells * MEMORY.bytesPerCell + customerRows * MEMORY.bytesPerCustomerRow + archiveRows * MEMORY.bytesPerArchiveRow;
  if (need <= heap) return;
  throw new BoundError("cli.reviewPastMemory", {
    sheet,
    rows: customerRows.toLocaleString("en"),
    need: mib(need),
    heap: mib(heap),
    suggest: suggestedHeapMb(need),
  });
}

/** A --max-old-space-size that holds `bytes` with room to collect: a quarter more, in whole 512 MB steps. */
function suggestedHeapMb(bytes: number): number {
  return Math.ceil((bytes * 1.25) / (512 * 1024 * 1024)) * 512;
}

/** A workbook or file past one of the bounds above; the message names the bound. */
export class BoundError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
  ) {
    super(message("en", key, params));
  }
}

export function mib(bytes: number): string {
  return bytes >= 1024 * 1024 * 1024 ? `${+(bytes / 1024 ** 3).toFixed(1)} GiB` : `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

/**
 * What the command line accepts, checked before the work it would cost: a workbook past any
 * of these is refused in one line naming the bound (exit 2), never read until memory runs out.
 */
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

/** A workbook or file past one of the bounds above; the message names the bound. */
export class BoundError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
  ) {
    super(message("en", key, params));
  }
}

/** A package that is not a readable workbook (a broken zip, malformed XML, a missing part). */
export class PackageError extends Error {}

export function mib(bytes: number): string {
  return bytes >= 1024 * 1024 * 1024 ? `${+(bytes / 1024 ** 3).toFixed(1)} GiB` : `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

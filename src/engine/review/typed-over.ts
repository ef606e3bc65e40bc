/**
 * Cells of the review's own output columns that someone changed by hand after the review that
 * wrote them: a limit typed over, a grade overwritten, a score cleared. The next write gives them
 * the review's values again, so every face says which ones first. Only what the archive records
 * of each review can be told apart from the user's typing: the risk score, the grade, the Z-score
 * and the recommended limit of each customer a review graded.
 */
import { CellValue } from "../cells";
import { Grade } from "../policy";
import { ARCHIVE_FIELDS, ArchiveContents, ArchiveEntry, archiveKey, gradeByName } from "./archive";
import { OutputField } from "./fields";
import type { CustomerResult } from "./review";
import { DATA_ERROR_GRADES } from "./texts";
import { AmountUnit, restated } from "./units";
import type { PlanValue } from "./write-plan";

/** The output fields the archive holds as the review wrote them. */
export const CHECKED_FIELDS = ["score", "grade", "zScore", "recommendedLimit"] as const satisfies readonly OutputField[];
type CheckedField = (typeof CHECKED_FIELDS)[number];

/** How many changed cells a review keeps to name; the rest are counted. */
export const LISTED_TYPED_OVER = 20;

export interface TypedOverCell {
  /** 1-based sheet row and 0-based sheet column of the cell. */
  readonly row: number;
  readonly column: number;
  readonly field: CheckedField;
  /** The column's header as the sheet has it (in the language of the run that wrote it). */
  readonly header: string;
  readonly customer: string;
  /** What the cell holds now (null when cleared). */
  readonly typed: PlanValue;
  /** What the customer's latest archived review wrote there (a grade as its grade; null: nothing). */
  readonly written: number | Grade | null;
}

export interface TypedOver {
  /** The archive's latest review date. */
  readonly reviewDate: number;
  readonly count: number;
  /** The first LISTED_TYPED_OVER of them, in sheet order. */
  readonly cells: readonly TypedOverCell[];
}

const Z_INDEX = ARCHIVE_FIELDS.indexOf("zScore");

/** Two numbers written and read back alike: a spreadsheet that saves 15 significant digits changes the 17th. */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || value === "";
}

function cellValue(value: CellValue): PlanValue {
  if (isBlank(value)) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** What the archive says the review wrote in the field's cell: undefined for nothing (a blank, or a grade not given). */
function writtenAsStated(entry: ArchiveEntry, field: CheckedField): number | Grade | undefined {
  switch (field) {
    case "score":
      return entry.score;
    case "grade":
      return entry.grade;
    case "zScore": {
      const z = entry.line[Z_INDEX];
      return typeof z === "number" ? z : undefined;
    }
    case "recommendedLimit":
      return entry.recommendedLimit;
  }
}

/**
 * The same in this review's unit: a limit written in 元 is, on a sheet now in 万元, the figure
 * the user converted with it. In another currency it stays as written (there is no rate).
 */
function written(entry: ArchiveEntry, field: CheckedField, unit: AmountUnit | undefined): number | Grade | undefined {
  const value = writtenAsStated(entry, field);
  if (field !== "recommendedLimit" || typeof value !== "number") return value;
  return restated(value, entry.unit, unit) ?? value;
}

function holds(cell: CellValue, wrote: number | Grade | undefined, field: CheckedField): boolean {
  if (wrote === undefined)
    return isBlank(cell) || (field === "grade" && typeof cell === "string" && DATA_ERROR_GRADES.has(cell.trim()));
  if (typeof wrote === "number") return typeof cell === "number" && sameNumber(cell, wrote);
  return gradeByName(cell) === wrote;
}

/**
 * Whether the cell holds what one of the customer's reviews wrote; the latest, the usual answer,
 * asked first. A limit written in another unit is the review's as it was written (the cell not
 * touched since) and converted into this review's unit (the sheet converted with its amounts).
 */
function heldByAny(
  entries: readonly ArchiveEntry[],
  cell: CellValue,
  field: CheckedField,
  unit: AmountUnit | undefined,
): boolean {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (holds(cell, writtenAsStated(entries[i], field), field)) return true;
    if (field === "recommendedLimit" && entries[i].unit !== undefined && holds(cell, written(entries[i], field, unit), field))
      return true;
  }
  return false;
}

/**
 * The customers the archive's latest review wrote, each with every review the archive holds of
 * it, latest last. A cell is the review's when it holds what any of them wrote: a same-day
 * re-run, a back-dated review or a restored copy of the sheet each leave an earlier review's
 * values there. A customer the latest review did not write (gone then, back now) is not asked.
 */
function archivedReviews(archive: ArchiveContents): { date: number; byKey: Map<string, ArchiveEntry[]> } | undefined {
  let date: number | undefined;
  for (const e of archive.entries)
    if (e.date !== undefined && e.key !== "" && (date === undefined || e.date > date)) date = e.date;
  if (date === undefined) return undefined;
  const byKey = new Map<string, ArchiveEntry[]>();
  for (const e of archive.entries) if (e.date === date && e.key !== "") byKey.set(e.key, []);
  for (const e of archive.entries) {
    const entries = e.date === undefined ? undefined : byKey.get(e.key);
    if (!entries) continue;
    if (entries.length === 0 || e.date! >= entries[entries.length - 1].date!) entries.push(e);
    else entries.unshift(e);
  }
  return { date, byKey };
}

/**
 * The output cells changed by hand since a review wrote them. `existing` gives the 0-based column
 * in `values` and the header of each checked field whose header an earlier run wrote on the sheet.
 */
export function typedOverCells(
  values: readonly (readonly CellValue[])[],
  originRow: number,
  originColumn: number,
  existing: Partial<Record<CheckedField, { readonly column: number; readonly header: string }>>,
  customers: readonly CustomerResult[],
  archive: ArchiveContents | undefined,
  unit?: AmountUnit,
): TypedOver | undefined {
  // A field the archive has no column for is unknown, not "written blank".
  const fields = CHECKED_FIELDS.filter((f) => existing[f] !== undefined && archive?.fields.has(f) === true);
  if (!archive || fields.length === 0) return undefined;
  const reviews = archivedReviews(archive);
  if (!reviews) return undefined;
  const cells: TypedOverCell[] = [];
  let count = 0;
  for (const c of customers) {
    const entries = reviews.byKey.get(archiveKey(c.id, c.name));
    if (!entries) continue;
    const line = values[c.row - 1 - originRow] ?? [];
    for (const field of fields) {
      const { column, header } = existing[field]!;
      if (heldByAny(entries, line[column], field, unit)) continue;
      count++;
      if (cells.length < LISTED_TYPED_OVER)
        cells.push({
          row: c.row,
          column: column + originColumn,
          field,
          header,
          customer: c.name || c.id,
          typed: cellValue(line[column]),
          written: written(entries[entries.length - 1], field, unit) ?? null,
        });
    }
  }
  return count === 0 ? undefined : { reviewDate: reviews.date, count, cells };
}

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
import { customerName, DATA_ERROR_GRADES } from "./texts";
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
  /** What that review wrote there (a grade as its grade; null: nothing). */
  readonly written: number | Grade | null;
}

export interface TypedOver {
  /** The date of the review that wrote the sheet: the archive's latest, unless an earlier one was written last. */
  readonly reviewDate: number;
  readonly count: number;
  /** The first LISTED_TYPED_OVER of them, in sheet order. */
  readonly cells: readonly TypedOverCell[];
  /**
   * Every one of them, by the 1-based sheet row of its customer: each customer's archive row
   * keeps its own, however many the listing leaves out (at most the four checked fields a row).
   */
  readonly byCustomerRow: ReadonlyMap<number, readonly TypedOverCell[]>;
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

/** Whether the cell holds what the review wrote; a limit also as converted into this review's unit. */
function heldBy(entry: ArchiveEntry, cell: CellValue, field: CheckedField, unit: AmountUnit | undefined): boolean {
  if (holds(cell, writtenAsStated(entry, field), field)) return true;
  return field === "recommendedLimit" && entry.unit !== undefined && holds(cell, written(entry, field, unit), field);
}

type ReviewOfDate = { readonly date: number; readonly byKey: ReadonlyMap<string, ArchiveEntry> };

/** Each review date's rows by customer key, latest date first. */
function reviewsByDate(archive: ArchiveContents): ReviewOfDate[] {
  const dates = new Map<number, Map<string, ArchiveEntry>>();
  for (const e of archive.entries) {
    if (e.date === undefined || e.key === "") continue;
    let byKey = dates.get(e.date);
    if (!byKey) dates.set(e.date, (byKey = new Map()));
    byKey.set(e.key, e);
  }
  return [...dates].sort((a, b) => b[0] - a[0]).map(([date, byKey]) => ({ date, byKey }));
}

/** Whether two reviews wrote the same in every checked field of a customer (as they stated them). */
function wroteAlike(a: ArchiveEntry, b: ArchiveEntry, fields: readonly CheckedField[]): boolean {
  return fields.every((f) => {
    const x = writtenAsStated(a, f);
    const y = writtenAsStated(b, f);
    return typeof x === "number" && typeof y === "number" ? sameNumber(x, y) : x === y;
  });
}

/**
 * The review that wrote the sheet: the archive's latest (or, re-run on its own date, the review
 * of this date), unless the cells that do not hold it mostly hold one earlier review instead, a
 * back-dated review run last or a copy of the sheet restored from an earlier month. Told apart only by the customers the two reviews wrote
 * differently: the earlier one wrote the sheet when more than half of those hold its values, and
 * at least two do. One customer's value typed back from an earlier month (a downgrade undone by
 * hand) is then still found, whatever the other customers did. An earlier review is weighed only
 * for the customers off the latest, and read whole only when two or more of them hold it, so a
 * cell or two typed over cost one pass over the sheet.
 */
function reviewThatWroteTheSheet(
  reviews: readonly ReviewOfDate[],
  asOf: number,
  lines: readonly { readonly key: string; readonly line: readonly CellValue[] }[],
  fields: readonly CheckedField[],
  unit: AmountUnit | undefined,
): ReviewOfDate {
  const holdsAll = (review: ReviewOfDate, key: string, line: readonly CellValue[]) => {
    const entry = review.byKey.get(key);
    return entry !== undefined && fields.every((f, i) => heldBy(entry, line[i], f, unit));
  };
  // A re-run on a review's own date follows that review, back-dated or not: it wrote the sheet.
  const latest = reviews.find((r) => r.date === asOf) ?? reviews[0];
  const off = lines.filter(({ key, line }) => latest.byKey.has(key) && !holdsAll(latest, key, line));
  let best = latest;
  let bestShare = 0.5;
  if (off.length < 2) return best;
  for (const review of reviews) {
    if (review === latest) continue;
    let held = 0;
    for (const { key, line } of off) if (holdsAll(review, key, line)) held++;
    if (held < 2) continue;
    let differ = 0;
    for (const { key } of lines) {
      const a = latest.byKey.get(key);
      const b = review.byKey.get(key);
      if (a && b && !wroteAlike(a, b, fields)) differ++;
    }
    if (held / differ > bestShare) [best, bestShare] = [review, held / differ];
  }
  return best;
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
  asOf: number,
  unit?: AmountUnit,
  repeatedKeys?: ReadonlySet<string>,
): TypedOver | undefined {
  // A field the archive has no column for is unknown, not "written blank".
  const fields = CHECKED_FIELDS.filter((f) => existing[f] !== undefined && archive?.fields.has(f) === true);
  if (!archive || fields.length === 0) return undefined;
  const reviews = reviewsByDate(archive);
  if (reviews.length === 0) return undefined;
  const columns = fields.map((f) => existing[f]!.column);
  // A key on several rows cannot say which of them the archive's row was written on.
  const lines = customers.flatMap((c) => {
    const key = archiveKey(c.id, c.name);
    if (repeatedKeys?.has(key)) return [];
    const line = values[c.row - 1 - originRow] ?? [];
    return [{ customer: c, key, line: columns.map((column) => line[column]) }];
  });
  const review = reviewThatWroteTheSheet(reviews, asOf, lines, fields, unit);
  const cells: TypedOverCell[] = [];
  const byCustomerRow = new Map<number, TypedOverCell[]>();
  let count = 0;
  for (const { customer: c, key, line } of lines) {
    // A customer that review did not write (new since, or gone then and back now) is not asked.
    const entry = review.byKey.get(key);
    if (!entry) continue;
    fields.forEach((field, i) => {
      if (heldBy(entry, line[i], field, unit)) return;
      count++;
      const cell: TypedOverCell = {
        row: c.row,
        column: existing[field]!.column + originColumn,
        field,
        header: existing[field]!.header,
        customer: customerName(c),
        typed: cellValue(line[i]),
        written: written(entry, field, unit) ?? null,
      };
      if (cells.length < LISTED_TYPED_OVER) cells.push(cell);
      const ofCustomer = byCustomerRow.get(c.row);
      if (ofCustomer) ofCustomer.push(cell);
      else byCustomerRow.set(c.row, [cell]);
    });
  }
  return count === 0 ? undefined : { reviewDate: review.date, count, cells, byCustomerRow };
}

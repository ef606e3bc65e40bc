/**
 * The archive's part of the write plan: this review's rows put in their date's place, so the
 * archive stays in review-date order and a same-day re-run replaces its own rows.
 */
import { columnLetter, EXCEL_ROWS } from "../a1";
import { CellValue, serialFromDate } from "../cells";
import { CreditError } from "../errors";
import { Lang } from "../i18n";
import {
  ARCHIVE_COLUMNS,
  ARCHIVE_FIELDS,
  ArchivedReview,
  ArchiveEntry,
  archiveHeader,
  archiveLine,
  claimUnnamed,
  hasUnnamed,
  isOfSheet,
  lastNonBlank,
  readArchive,
  zoneByName,
} from "./archive";
import { headerLanguage } from "./headers";
import { fitColumns, headerWordWidth } from "./sheet-layout";
import { keysOf, ReviewResult } from "./review";
import type { Block, CellFormat, PlanValue, SheetPlan } from "./write-plan";
import { scoreFormat, zFormat } from "./formats";
import { formatCount } from "./texts";
import { OwnFormatCell, withOwnFormats } from "./own-format-cells";
import { GradeBands } from "../score";
import { nearZoneLine } from "../zscore";
import "../i18n/report";

/**
 * This review's archive rows in their date's place. The sheet is rewritten from the first row
 * of this review's date or later (rows above stay untouched): this review's rows, then the
 * later reviews' rows as read, and blanks over what is left of the old rows, so a re-run on
 * the same day replaces its rows and a back-dated review goes between earlier and later ones.
 * An archive in an older layout is rewritten whole under the current header; a sheet without
 * an archive header gets one below its last row. `outputChecks`: each customer's check of the
 * output cells written in its row, in `result.customers` order (outputColumnsPlan).
 */
export function archiveSheetPlan(
  result: ReviewResult,
  name: string,
  lang: Lang,
  existing: readonly (readonly CellValue[])[],
  outputChecks: readonly string[],
): SheetPlan {
  const columns = ARCHIVE_FIELDS.map((f) => ARCHIVE_COLUMNS[f]);
  const read = readArchive(existing);
  // Rows naming no sheet (an archive from before rows named theirs) that are this sheet's reviews get its name.
  const contents = read && hasUnnamed(read) ? claimUnnamed(read, result.sheet, keysOf(result.customers)) : read;
  // Rows added under the archive's header are in its language, whatever this review's.
  const rowLang = contents?.current ? headerLanguage(existing[contents.headerRow], archiveHeader, lang) : lang;
  const review = new ArchivedReview(result.asOf, result.policy, rowLang, {
    sheet: result.sheet,
    unit: result.amountUnits.unit,
    receivables: result.amountUnits.receivables,
    typedOver: result.typedOver,
    typedOverEarlier: contents && typedOverOfEarlierRun(contents.entries, result.asOf, result.sheet),
    foreignResponses: result.foreignResponses,
  });
  const lines: PlanValue[][] = result.customers.map((c, i) => archiveLine(c, review, outputChecks[i]));

  let fromRow: number;
  let withHeader: boolean;
  let kept: readonly ArchiveEntry[];
  if (!contents) {
    fromRow = lastNonBlank(existing) + 1;
    withHeader = true;
    kept = [];
  } else if (!contents.current) {
    // Rewritten under this version's header: a column of the user's within its width would be
    // written over. Refused before anything is written, naming it.
    const foreign = contents.foreignColumns[0];
    if (foreign !== undefined)
      throw new CreditError("value", "archive.userColumn", {
        sheet: name,
        column: columnLetter(foreign),
        header: String(existing[contents.headerRow]?.[foreign] ?? "").trim(),
        lastColumn: columnLetter(ARCHIVE_FIELDS.length - 1),
      });
    fromRow = contents.headerRow;
    withHeader = true;
    kept = contents.entries;
  } else {
    const first = contents.entries.findIndex((e) => e.date === undefined || e.date >= result.asOf);
    fromRow = first < 0 ? contents.lastRow + 1 : contents.entries[first].row;
    withHeader = false;
    kept = first < 0 ? [] : contents.entries.slice(first);
  }
  const { rows, at } = ordered(lines, result.asOf, result.sheet, kept);
  // The dates of the archive's other reviews: a re-run on the same day replaces its own rows.
  const otherDates = [
    ...new Set(
      (contents?.entries ?? []).flatMap((e) =>
        e.date === undefined || (e.date === result.asOf && isOfSheet(e, result.sheet)) ? [] : [e.date],
      ),
    ),
  ].sort((a, b) => a - b);
  const end = fromRow + (withHeader ? 1 : 0) + rows.length;
  // An archive that would pass Excel's last row is refused before anything is written.
  if (end > EXCEL_ROWS) throw new CreditError("value", "archive.full", { sheet: name, rows: formatCount(end, lang) });

  const blocks: Block[] = [];
  let row = fromRow;
  if (withHeader) {
    // A header over figures stands right, over its figures, as the customer sheet's do.
    const rightAligned = columns.map((column) => column.format !== "text");
    blocks.push({
      row,
      column: 0,
      values: [archiveHeader(lang)],
      formats: columns.map(() => "text" as const),
      bold: true,
      rightAligned,
    });
    row++;
  }
  // The report printed is this review's: the archive's earlier reviews were printed with theirs,
  // and printing them all again would add pages every month.
  // The output check is for the next review, not for reading: hidden, and off the page. So are the
  // columns after the last this review fills (amount units, cells typed over, responses, in a month
  // without any): printed, they took a page across of blank cells beside each band's names.
  const hiddenColumn = ARCHIVE_FIELDS.indexOf("outputCheck");
  const printArea = lines.length
    ? { row: row + at, column: 0, rows: lines.length, columns: filledWidth(lines, hiddenColumn) }
    : undefined;
  if (rows.length) {
    // Columns past the last one these rows fill, or the rows they write over held, are left out:
    // a column blank in a first review of 100,000 customers (the overdue amount's own currency,
    // rarely given) was ~0.5 MB of the pane's request, and a sync more, for nothing.
    const width = Math.max(filledWidth(rows, -1), filledWidth(existing.slice(row, row + rows.length), -1));
    const values = width < columns.length ? rows.map((line) => line.slice(0, width)) : rows;
    const block = { row, column: 0, values, formats: columns.slice(0, width).map((column) => column.format) };
    blocks.push(...withOwnFormats(block, ownFigureFormats(values, result.policy)));
  }
  row += rows.length;
  const oldEnd = contents ? contents.lastRow : -1;
  if (oldEnd >= row) {
    // Blanks over the old rows now below the archive's end (a shorter review, or rows replaced).
    let width = columns.length;
    for (let r = row; r <= oldEnd; r++) width = Math.max(width, existing[r]?.length ?? 0);
    const blank: PlanValue[][] = Array.from({ length: oldEnd - row + 1 }, () => new Array<PlanValue>(width).fill(null));
    blocks.push({ row, column: 0, values: blank, formats: new Array<CellFormat>(width).fill("general") });
  }
  // Each printed page across says which review (its date and policy version) and which customer
  // (id and name) each row is: a loose page of an archive of many reviews is read on its own.
  // Names too long for that leave the customer alone.
  const titleColumns = [
    { first: ARCHIVE_FIELDS.indexOf("reviewDate"), last: ARCHIVE_FIELDS.indexOf("name") },
    { first: ARCHIVE_FIELDS.indexOf("id"), last: ARCHIVE_FIELDS.indexOf("name") },
  ];
  // Each column at least as wide as its header's widest word, whether or not this run writes the
  // header, and as the rows kept above this run's need: their heights were fitted to the widths
  // their run gave them, so a column narrower than that (a month of shorter codes) would cut them.
  const header = archiveHeader(rowLang);
  const earlier = contents ? keptRowWidths(existing, contents.headerRow + 1, fromRow, columns, lang) : [];
  return {
    name,
    kind: "archive",
    mode: "rewrite-from",
    fromRow,
    blocks,
    columnWidths: columns.map((column, i) =>
      i === hiddenColumn ? column.width : Math.max(column.width, headerWordWidth(header[i]), earlier[i] ?? 0),
    ),
    titleColumns,
    printArea,
    ...(printArea && otherDates.length
      ? { unprintedReviews: { count: otherDates.length, first: otherDates[0], last: otherDates[otherDates.length - 1] } }
      : {}),
    hiddenColumn,
    ...(withHeader ? {} : { keptHeader: header }),
  };
}

/** The widths (from column A) the archive's rows from `first` to before `end` need, as a run laying them out would give them. */
function keptRowWidths(
  existing: readonly (readonly CellValue[])[],
  first: number,
  end: number,
  columns: readonly { readonly format: CellFormat }[],
  lang: Lang,
): number[] {
  if (end <= first) return [];
  // A row of plain values, as the command line reads them, is fitted as it is: copying every row
  // of an archive of many reviews was most of the work, and its garbage.
  const values = existing
    .slice(first, end)
    .map((line) => (isPlainRow(line, columns.length) ? (line as readonly PlanValue[]) : plainRow(line, columns.length)));
  const formats = columns.map((column) => column.format);
  const widths: number[] = [];
  for (const { column, width } of fitColumns([{ row: first, column: 0, values, formats }], lang)) widths[column] = width;
  return widths;
}

/** Whether a row's first `length` cells are values a plan holds as they are (undefined as blank). */
function isPlainRow(line: readonly CellValue[], length: number): boolean {
  for (let i = 0; i < length && i < line.length; i++) {
    const v = line[i];
    if (v !== null && v !== undefined && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return false;
  }
  return true;
}

/** A row's first `length` cells as plan values. */
function plainRow(line: readonly CellValue[], length: number): PlanValue[] {
  return Array.from(line.slice(0, length), (v): PlanValue => {
    if (v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      return v ?? null;
    // A date as the pane reads it shows as its serial does in the column's date format.
    if (v instanceof Date) return serialFromDate(v) ?? null;
    return String(v);
  });
}

/**
 * How many columns from A the lines fill: to the last column any of them holds a value in, the
 * `hidden` one aside (a hidden column inside the print area prints nothing; -1: none).
 */
function filledWidth(lines: readonly (readonly (PlanValue | CellValue)[])[], hidden: number): number {
  let width = 0;
  for (const line of lines)
    for (let c = line.length - 1; c >= width; c--)
      if (c !== hidden && line[c] !== null && line[c] !== undefined && line[c] !== "") {
        width = c + 1;
        break;
      }
  return width;
}

const TYPED_OVER_AT = ARCHIVE_FIELDS.indexOf("typedOver");
const SCORE_AT = ARCHIVE_FIELDS.indexOf("score");
const Z_AT = ARCHIVE_FIELDS.indexOf("zScore");
const ZONE_AT = ARCHIVE_FIELDS.indexOf("zZone");

/**
 * The score cells that need more than two decimals to stay in their band (scoreFormat), by this
 * review's bands: the rows of earlier reviews rewritten with them were, nearly always, graded by
 * the same policy; and the Z-score cells that need more to stay in the zone the row names (zFormat).
 */
function ownFigureFormats(rows: readonly (readonly PlanValue[])[], bands: GradeBands): OwnFormatCell[] {
  const cells: OwnFormatCell[] = [];
  rows.forEach((line, row) => {
    const score = line[SCORE_AT];
    if (typeof score === "number") {
      const format = scoreFormat(score, bands);
      if (format !== "score") cells.push({ row, column: SCORE_AT, format });
    }
    const z = line[Z_AT];
    // The zone's text is read only for a Z near a line: a plan of every customer's row reads fewer.
    const zone = typeof z === "number" && nearZoneLine(z) ? zoneByName(line[ZONE_AT]) : undefined;
    if (typeof z === "number" && zone) {
      const format = zFormat(z, zone);
      if (format !== "ratio") cells.push({ row, column: Z_AT, format });
    }
  });
  return cells;
}

/** What the rows this review replaces (an earlier run of it: its date, its sheet) kept as typed over by hand, by archive key. */
function typedOverOfEarlierRun(entries: readonly ArchiveEntry[], asOf: number, sheet: string): Map<string, string> {
  const kept = new Map<string, string>();
  for (const e of entries) {
    const text = e.line[TYPED_OVER_AT];
    if (e.date === asOf && isOfSheet(e, sheet) && typeof text === "string" && text.trim() !== "") kept.set(e.key, text);
  }
  return kept;
}

/**
 * The rows from the rewrite's first row on, in date order: the kept rows keep their order among
 * themselves, and this review's rows replace the rows an earlier run of it wrote (its date and
 * its sheet, or no sheet named: every deleted customer's too), where the first of them was, else
 * after every row of an earlier date or of its date and another sheet (another review that day)
 * and before every later one (rows whose date cannot be read go last); `at` is where they went.
 */
function ordered(
  lines: PlanValue[][],
  asOf: number,
  sheet: string,
  kept: readonly ArchiveEntry[],
): { rows: PlanValue[][]; at: number } {
  const sortKey = (e: ArchiveEntry) => e.date ?? Infinity;
  const sorted = kept
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (sortKey(a.e) < sortKey(b.e) ? -1 : sortKey(a.e) > sortKey(b.e) ? 1 : a.i - b.i));
  let rows: PlanValue[][] = [];
  let at = -1;
  // Concatenated, not pushed as arguments: a review's rows can pass what one call may take.
  const place = () => {
    if (at >= 0) return;
    at = rows.length;
    rows = rows.concat(lines);
  };
  for (const { e } of sorted) {
    const date = sortKey(e);
    if (date > asOf) place();
    if (date === asOf && isOfSheet(e, sheet)) place();
    else rows.push([...e.line]);
  }
  place();
  return { rows, at };
}

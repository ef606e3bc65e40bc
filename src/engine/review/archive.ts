/**
 * The credit-risk archive sheet: one row per customer per review, appended below the rows
 * of earlier reviews, so the next review finds each customer's previous score without a
 * hand-kept column. Its row layout is defined here once, for writing and reading it.
 */
import { CellValue, readDate, readNumber } from "../cells";
import { Lang } from "../i18n";
import { Grade, GRADES } from "../policy";
import { Bilingual, FIELD_LABELS, headerKey, OUTPUT_HEADERS, recognisedHeaders } from "./fields";
import { aliasTable, findHeaderRow } from "./headers";
import { customerKey } from "./ledger";
import type { CustomerResult, ReviewResult } from "./review";
import { gradeName } from "./texts";
import type { Block, CellFormat, PlanValue, SheetPlan } from "./write-plan";

export const ARCHIVE_FIELDS = ["reviewDate", "policyVersion", "id", "name", "score", "grade"] as const;
export type ArchiveField = (typeof ARCHIVE_FIELDS)[number];

/** What one archive row holds of a review. */
interface ArchivedReview {
  readonly asOf: number;
  readonly policyVersion: string;
  readonly gradeNames: Readonly<Record<Grade, string>>;
}

interface ArchiveColumn {
  readonly header: Bilingual;
  readonly format: CellFormat;
  readonly width: number;
}

/** The archive's columns, in ARCHIVE_FIELDS order: header, cell format and width (archiveLine: what each holds). */
const ARCHIVE_COLUMNS: Readonly<Record<ArchiveField, ArchiveColumn>> = {
  reviewDate: { header: { en: "Review date", zh: "审查日期" }, format: "date", width: 14 },
  policyVersion: { header: { en: "Policy version", zh: "政策版本" }, format: "text", width: 14 },
  id: { header: FIELD_LABELS.id, format: "text", width: 14 },
  name: { header: FIELD_LABELS.name, format: "text", width: 30 },
  score: { header: OUTPUT_HEADERS.score, format: "score", width: 12 },
  grade: { header: OUTPUT_HEADERS.grade, format: "text", width: 12 },
};

/** One row per customer, one value per column in ARCHIVE_FIELDS order (the type holds it to their number). */
type ArchiveLine = OnePer<typeof ARCHIVE_FIELDS>;
type OnePer<Fields extends readonly unknown[]> = { -readonly [I in keyof Fields]: PlanValue };

/**
 * A customer's archive row. One literal rather than a value function per column: called per
 * customer, those calls made the write plan about a sixth slower.
 */
function archiveLine(c: CustomerResult, review: ArchivedReview): ArchiveLine {
  return [review.asOf, review.policyVersion, c.id, c.name, c.score!, review.gradeNames[c.grade!]];
}

const ARCHIVE_HEADERS = recognisedHeaders(
  Object.fromEntries(ARCHIVE_FIELDS.map((f) => [f, ARCHIVE_COLUMNS[f].header])) as Record<ArchiveField, Bilingual>,
);
const ARCHIVE_TABLE = aliasTable(ARCHIVE_HEADERS);

function archiveHeader(lang: Lang): string[] {
  return ARCHIVE_FIELDS.map((f) => ARCHIVE_COLUMNS[f].header[lang]);
}

/** The key a customer is archived under: its id when it has one, else its name. */
export function archiveKey(id: string, name: string): string {
  return customerKey(id !== "" ? id : name);
}

/**
 * Each customer's score at its latest archived review before `asOf`. Reviews on the
 * as-of date itself are re-runs of this review, not its predecessor.
 */
export function previousScores(values: readonly (readonly CellValue[])[], asOf: number): Map<string, number> {
  const latest = new Map<string, { date: number; score: number }>();
  const match = findHeaderRow(values, ARCHIVE_TABLE, 3);
  if (!match) return new Map();
  const c = match.columns;
  if (c.reviewDate === undefined || c.score === undefined || (c.id === undefined && c.name === undefined)) return new Map();
  for (let r = match.headerRow + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const date = readDate(line[c.reviewDate]);
    const score = readNumber(line[c.score]);
    if (date.kind !== "date" || score.kind !== "number" || date.serial >= asOf) continue;
    const key = archiveKey(
      c.id === undefined ? "" : String(line[c.id] ?? ""),
      c.name === undefined ? "" : String(line[c.name] ?? ""),
    );
    if (key === "") continue;
    const seen = latest.get(key);
    if (!seen || date.serial >= seen.date) latest.set(key, { date: date.serial, score: score.value });
  }
  return new Map([...latest].map(([k, v]) => [k, v.score]));
}

/** True when the archive sheet's values already start with our header (so new rows only append). */
function hasArchiveHeader(values: readonly (readonly CellValue[])[]): boolean {
  const first = values[0] ?? [];
  return ARCHIVE_FIELDS.every((f, i) => ARCHIVE_HEADERS[f].some((h) => headerKey(h) === headerKey(first[i])));
}

/**
 * This review's archive rows, appended below the sheet's last non-blank row (`existing` are
 * its values now), under our header when the sheet does not start with it.
 */
export function archiveSheetPlan(
  result: ReviewResult,
  name: string,
  lang: Lang,
  existing: readonly (readonly CellValue[])[],
): SheetPlan {
  const review: ArchivedReview = {
    asOf: result.asOf,
    policyVersion: result.policy.version,
    gradeNames: Object.fromEntries(GRADES.map((g) => [g, gradeName(g, lang)])) as Record<Grade, string>,
  };
  let lastArchiveRow = -1;
  existing.forEach((line, r) => {
    if (line.some((v) => v !== null && v !== undefined && v !== "")) lastArchiveRow = r;
  });
  const needsHeader = lastArchiveRow < 0 || !hasArchiveHeader(existing);
  const columns = ARCHIVE_FIELDS.map((f) => ARCHIVE_COLUMNS[f]);
  const lines: PlanValue[][] = result.customers
    .filter((c) => c.errors.length === 0 && c.score !== undefined)
    .map((c) => archiveLine(c, review));
  const blocks: Block[] = [];
  let row = lastArchiveRow + 1;
  if (needsHeader) {
    blocks.push({ row, column: 0, values: [archiveHeader(lang)], formats: columns.map(() => "text" as const), bold: true });
    row++;
  }
  if (lines.length) blocks.push({ row, column: 0, values: lines, formats: columns.map((column) => column.format) });
  return { name, mode: "append", blocks, columnWidths: columns.map((column) => column.width) };
}

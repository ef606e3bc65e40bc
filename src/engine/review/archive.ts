/**
 * The credit-risk archive (DOMAIN.md §4): one row per customer per review, so the next
 * review finds each customer's previous score without a hand-kept column.
 */
import { CellValue, readDate, readNumber } from "../cells";
import { Lang } from "../i18n";
import { headerKey } from "./fields";
import { aliasTable, findHeaderRow } from "./headers";
import { customerKey } from "./ledger";

export const ARCHIVE_FIELDS = ["reviewDate", "policyVersion", "id", "name", "score", "grade"] as const;
export type ArchiveField = (typeof ARCHIVE_FIELDS)[number];

export const ARCHIVE_HEADERS: Readonly<Record<ArchiveField, readonly [string, string]>> = {
  reviewDate: ["Review date", "审查日期"],
  policyVersion: ["Policy version", "政策版本"],
  id: ["Customer ID", "客户编号"],
  name: ["Customer", "客户名称"],
  score: ["Risk score", "风险评分"],
  grade: ["Risk grade", "风险等级"],
};

const ARCHIVE_TABLE = aliasTable(ARCHIVE_HEADERS);

export function archiveHeader(lang: Lang): string[] {
  return ARCHIVE_FIELDS.map((f) => ARCHIVE_HEADERS[f][lang === "zh" ? 1 : 0]);
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
export function hasArchiveHeader(values: readonly (readonly CellValue[])[]): boolean {
  const first = values[0] ?? [];
  return ARCHIVE_FIELDS.every((f, i) => ARCHIVE_HEADERS[f].some((h) => headerKey(h) === headerKey(first[i])));
}

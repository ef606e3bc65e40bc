/**
 * The policy history sheet: one row per policy version, with the review date it was first
 * used and every setting, so any archived review (the archive records each row's version)
 * can be traced to the exact policy it used. A review appends a row only when its version
 * is not on the sheet yet; rows already there are never changed. Every review lays the sheet
 * out again, so its printed pages carry that review's date.
 */
import { CellValue, showValue } from "../cells";
import { Lang, message } from "../i18n";
import { Policy } from "../policy";
import { headerKey } from "./fields";
import { findHeaderRow, headerLanguage } from "./headers";
import { POLICY_ROWS, policyRowNamed, readPolicySheet, settingCell, settingLabel } from "./policy-sheet";
import type { Block, CellFormat, PlanValue, SheetPlan } from "./write-plan";
import "../i18n/report";

/** The settings' columns: every policy row but the version, which has a column of its own. */
export const SETTING_ROWS = POLICY_ROWS.filter((row) => row.field !== undefined);

type HistoryColumn = "version" | "firstUsed";

/** The two columns a history sheet is recognised by, in either language. */
const HISTORY_TABLE = new Map<string, HistoryColumn>([
  [headerKey(settingLabel("version", "en")), "version"],
  [headerKey(settingLabel("version", "zh")), "version"],
  [headerKey(message("en", "policyHistory.firstUsed")), "firstUsed"],
  [headerKey(message("zh", "policyHistory.firstUsed")), "firstUsed"],
]);

function isPlanValue(value: CellValue): value is PlanValue {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function historyHeader(lang: Lang): string[] {
  return [
    settingLabel("version", lang),
    message(lang, "policyHistory.firstUsed"),
    ...SETTING_ROWS.map((row) => settingLabel(row.name, lang)),
  ];
}

/** True when a sheet's top rows hold a history's header (its version and first-used columns): a renamed history is still found. */
export function isPolicyHistoryTop(top: readonly (readonly CellValue[])[]): boolean {
  return findHeaderRow(top, HISTORY_TABLE, 2) !== undefined;
}

/** The versions the history sheet already holds. */
export function historyVersions(values: readonly (readonly CellValue[])[]): Set<string> {
  const match = findHeaderRow(values, HISTORY_TABLE, 2);
  const column = match?.columns.version;
  const versions = new Set<string>();
  if (!match || column === undefined) return versions;
  for (let r = match.headerRow + 1; r < values.length; r++) {
    const cell = values[r]?.[column];
    if (typeof cell === "string" && cell.trim() !== "") versions.add(cell.trim());
  }
  return versions;
}

/** A history row read back: the policy it holds and whether that is still the policy of its version. */
export interface HistoryPolicy {
  readonly policy: Policy;
  /** 1-based sheet row. */
  readonly row: number;
  /**
   * Its settings no longer give its version: changed by hand after the review wrote the row
   * (the version is a fingerprint of the settings). Asked only of a row with a column for every
   * setting, as this version writes it; an older layout's row cannot be told apart.
   */
  readonly edited: boolean;
}

/**
 * The policy a history row holds, read back as the policy sheet is (its headers are the
 * settings' names): undefined when the version is not on the sheet.
 */
export function policyInHistory(values: readonly (readonly CellValue[])[], version: string): HistoryPolicy | undefined {
  const match = findHeaderRow(values, HISTORY_TABLE, 2);
  const column = match?.columns.version;
  if (!match || column === undefined) return undefined;
  const header = values[match.headerRow];
  const at = values.findIndex((l, r) => r > match.headerRow && typeof l[column] === "string" && l[column].trim() === version);
  if (at < 0) return undefined;
  const line = values[at];
  const policy = readPolicySheet(header.map((name, c) => [name, line[c] ?? null]));
  const named = new Set(header.map((name) => policyRowNamed(name)?.name));
  const complete = SETTING_ROWS.every((row) => named.has(row.name));
  return { policy, row: at + 1, edited: complete && policy.version !== version };
}

/**
 * The history rows a review adds: none when its policy's version is on the sheet already (the
 * sheet is then laid out again, fitted to the rows it has), else one row below the sheet's
 * last non-blank row (under a header when the sheet has none).
 */
export function policyHistoryPlan(
  policy: Policy,
  asOf: number,
  name: string,
  lang: Lang,
  existing: readonly (readonly CellValue[])[],
): SheetPlan {
  let lastRow = -1;
  existing.forEach((line, r) => {
    if (line.some((v) => v !== null && v !== undefined && v !== "")) lastRow = r;
  });
  const match = findHeaderRow(existing, HISTORY_TABLE, 2);
  // A row added under the sheet's header is in its language, whatever this review's.
  const rowLang = match ? headerLanguage(existing[match.headerRow], historyHeader, lang) : lang;
  const header = historyHeader(rowLang);
  const cells = SETTING_ROWS.map((row) => settingCell(row, policy, rowLang));
  const line: PlanValue[] = [policy.version, asOf, ...cells.map((c) => c.value)];
  const formats: CellFormat[] = ["text", "date", ...cells.map((c) => c.format)];
  const headerBlock = (row: number, values: PlanValue[]): Block => ({
    row,
    column: 0,
    values: [values],
    formats: values.map(() => "text" as const),
    bold: true,
    // A header over figures stands right, over its figures, as the customer sheet's do.
    rightAligned: values.map((_, i) => (formats[i] ?? "text") !== "text"),
  });
  const blocks: Block[] = [];
  const measured: Block[] = [];
  let row = lastRow + 1;
  if (match) {
    // The header and every row already there are fitted with whatever is added: a column as wide
    // as its header's widest word and its widest value, whether a row was written now or before.
    const asPlanned = (line: readonly CellValue[]): PlanValue[] =>
      line.slice(0, formats.length).map((v) => (isPlanValue(v) ? v : showValue(v)));
    const rows = existing.slice(match.headerRow + 1, lastRow + 1).map(asPlanned);
    measured.push(headerBlock(match.headerRow, asPlanned(existing[match.headerRow])));
    if (rows.length) measured.push({ row: match.headerRow + 1, column: 0, values: rows, formats });
  }
  if (!match || !historyVersions(existing).has(policy.version)) {
    if (!match) blocks.push(headerBlock(row++, header));
    blocks.push({ row, column: 0, values: [line], formats });
  }
  return {
    name,
    kind: "policyHistory",
    mode: "rewrite-from",
    fromRow: lastRow + 1,
    blocks,
    ...(measured.length ? { measured } : {}),
    // The version and date at their own width; each setting as wide as its value or its header's widest word.
    columnWidths: header.map((_, i) => (i < 2 ? 14 : 0)),
    // Each row is a version: printed on pages across, it names its version on each.
    titleColumns: [{ first: 0, last: 0 }],
  };
}

/**
 * The policy history sheet: one column per policy version, down its settings (the version, the
 * review date it was first used, every setting), so any archived review (the archive records each
 * row's version) can be traced to the exact policy it used, and years of versions print on one
 * page across (as rows, one version's 25 settings took two pages across). A review adds a column
 * only when its version is not on the sheet yet; cells already there are never changed. A history
 * kept with one row per version, as earlier reviews wrote it, is read as well and continued in
 * its own shape: its rows are the user's record too, and nothing of it is rewritten. Every review
 * lays the sheet out again, so its printed pages carry that review's date.
 */
import { columnLetter } from "../a1";
import { CellValue, isBlankCell, showValue } from "../cells";
import { Lang, message } from "../i18n";
import { Policy } from "../policy";
import { headerKey } from "./fields";
import { findHeaderRow, HEADER_SCAN_ROWS, headerLanguage, HeaderMatch } from "./headers";
import { displayWidth } from "./sheet-layout";
import { POLICY_ROWS, policyRowNamed, readPolicySheet, settingCell, settingLabel } from "./policy-sheet";
import type { Block, CellFormat, PlanValue, SheetPlan } from "./write-plan";
import "../i18n/report";

/** The settings' rows (or columns): every policy row but the version, which has one of its own. */
export const SETTING_ROWS = POLICY_ROWS.filter((row) => row.field !== undefined);

type HistoryLabel = "version" | "firstUsed";

/** The two labels a history is recognised by, in either language. */
const HISTORY_TABLE = new Map<string, HistoryLabel>([
  [headerKey(settingLabel("version", "en")), "version"],
  [headerKey(settingLabel("version", "zh")), "version"],
  [headerKey(message("en", "policyHistory.firstUsed")), "firstUsed"],
  [headerKey(message("zh", "policyHistory.firstUsed")), "firstUsed"],
]);

function isPlanValue(value: CellValue): value is PlanValue {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** The history's labels in order: the version, the first review date, each setting. */
function historyLabels(lang: Lang): string[] {
  return [
    settingLabel("version", lang),
    message(lang, "policyHistory.firstUsed"),
    ...SETTING_ROWS.map((row) => settingLabel(row.name, lang)),
  ];
}

/**
 * A history as read, in either shape: "columns" (labels down a column, a version a column to
 * their right) or "rows" (labels across a header row, a version a row under it). `labels` and
 * each version's `cells` run along the labels, the labels' filled cells only: `places` holds each
 * label's 0-based sheet row ("columns") or column ("rows"); `labelsAt` and a version's `at` are
 * the 0-based sheet column ("columns") or row ("rows") of the labels and of the version.
 */
interface HistoryTable {
  readonly shape: "rows" | "columns";
  readonly labelsAt: number;
  readonly labels: readonly CellValue[];
  readonly places: readonly number[];
  readonly versionAt: number;
  readonly versions: readonly { readonly cells: readonly CellValue[]; readonly at: number }[];
}

const isFilled = (v: CellValue | undefined): boolean => !isBlankCell(v);
const isVersion = (v: CellValue | undefined): boolean => typeof v === "string" && v.trim() !== "";

/**
 * A history table from its labels (by sheet place, blanks left out), the place of its version
 * label, the places of its versions and each version's cell at a label's place.
 */
function historyTableOf(
  shape: HistoryTable["shape"],
  labelsAt: number,
  labelAt: readonly CellValue[],
  versionPlace: number,
  versionsAt: readonly number[],
  cellAt: (place: number, at: number) => CellValue | undefined,
): HistoryTable {
  const places = labelAt.flatMap((label, place) => (isFilled(label) ? [place] : []));
  return {
    shape,
    labelsAt,
    labels: places.map((place) => labelAt[place]),
    places,
    versionAt: places.indexOf(versionPlace),
    versions: versionsAt.map((at) => ({ cells: places.map((place) => cellAt(place, at) ?? null), at })),
  };
}

/** A history kept in rows: the header row the two labels are found in, a version a row under it. */
function rowsTable(values: readonly (readonly CellValue[])[], match: HeaderMatch<HistoryLabel>): HistoryTable | undefined {
  const column = match.columns.version;
  if (column === undefined) return undefined;
  const versionsAt: number[] = [];
  for (let at = match.headerRow + 1; at < values.length; at++) if (isVersion(values[at]?.[column])) versionsAt.push(at);
  return historyTableOf("rows", match.headerRow, values[match.headerRow], column, versionsAt, (c, at) => values[at]?.[c]);
}

/**
 * A history kept in columns: the labels' column found among the sheet's first columns, as a
 * header row is among its first rows (each column read down the whole sheet, its blanks left
 * out), a version a column right of it with its version in the version label's row.
 */
function columnsTable(values: readonly (readonly CellValue[])[]): HistoryTable | undefined {
  const columns: CellValue[][] = Array.from({ length: HEADER_SCAN_ROWS }, () => []);
  values.forEach((line, r) => {
    for (let c = 0; c < Math.min(line.length, HEADER_SCAN_ROWS); c++) if (isFilled(line[c])) columns[c][r] = line[c];
  });
  const match = findHeaderRow(columns, HISTORY_TABLE, 2);
  const versionRow = match?.columns.version;
  if (!match || versionRow === undefined) return undefined;
  const versionsAt: number[] = [];
  (values[versionRow] ?? []).forEach((cell, at) => {
    if (at > match.headerRow && isVersion(cell)) versionsAt.push(at);
  });
  return historyTableOf("columns", match.headerRow, columns[match.headerRow], versionRow, versionsAt, (r, at) => values[r]?.[at]);
}

/** The history on a sheet, in whichever shape it was kept; undefined when the sheet holds none. */
function historyTable(values: readonly (readonly CellValue[])[]): HistoryTable | undefined {
  const rows = findHeaderRow(values, HISTORY_TABLE, 2);
  return rows ? rowsTable(values, rows) : columnsTable(values);
}

/** True when a sheet's top rows hold a history's labels (its version and first used), across or down: a renamed history is still found. */
export function isPolicyHistoryTop(top: readonly (readonly CellValue[])[]): boolean {
  return historyTable(top) !== undefined;
}

/** The versions the history sheet already holds. */
export function historyVersions(values: readonly (readonly CellValue[])[]): Set<string> {
  const table = historyTable(values);
  return new Set(table?.versions.map((v) => String(v.cells[table.versionAt]).trim()));
}

/** Where a version stands on the history: its sheet row (1-based) or column letter. */
export type HistoryPlace = { readonly row: number } | { readonly column: string };

/** A version read back from the history: the policy it holds and whether that is still the policy of its version. */
export interface HistoryPolicy {
  readonly policy: Policy;
  readonly at: HistoryPlace;
  /**
   * Its settings no longer give its version: changed by hand after the review wrote them (the
   * version is a fingerprint of the settings). Asked only of a version with every setting, as
   * this version writes it; an older layout's cannot be told apart.
   */
  readonly edited: boolean;
}

/**
 * The policy a version of the history holds, read back as the policy sheet is (its labels are the
 * settings' names): undefined when the version is not on the sheet.
 */
export function policyInHistory(values: readonly (readonly CellValue[])[], version: string): HistoryPolicy | undefined {
  const table = historyTable(values);
  if (!table) return undefined;
  const found = table.versions.find((v) => String(v.cells[table.versionAt]).trim() === version);
  if (!found) return undefined;
  // Labels after this version's last value were added after it was written (a new setting's
  // label goes under or right of the others): read as an older layout's missing settings, at their
  // defaults. A setting emptied among its values is refused, as on the policy sheet.
  let last = found.cells.length - 1;
  while (last >= 0 && !isFilled(found.cells[last])) last--;
  const read = table.labels.slice(0, last + 1).map((name, i) => [name, found.cells[i] ?? null]);
  const policy = readPolicySheet(read);
  const named = new Set(read.map(([name]) => policyRowNamed(name)?.name));
  const complete = SETTING_ROWS.every((row) => named.has(row.name));
  const at = table.shape === "rows" ? { row: found.at + 1 } : { column: columnLetter(found.at) };
  return { policy, at, edited: complete && policy.version !== version };
}

/** A version's cells, in the labels' order: its version, the review date it was first used, each setting. */
type VersionCells = readonly { readonly value: PlanValue; readonly format: CellFormat }[];

/** The last row holding a value, -1 on an empty sheet. */
function lastFilledRow(values: readonly (readonly CellValue[])[]): number {
  let last = -1;
  values.forEach((line, r) => {
    if (line.some(isFilled)) last = r;
  });
  return last;
}

const asPlanned = (value: CellValue): PlanValue => (isPlanValue(value) ? value : showValue(value));

/**
 * The history's cells a review adds: none when its policy's version is on the sheet already (the
 * sheet is then laid out again, fitted to the versions it has), else the version, in a column
 * right of the last one (labels and all, below the sheet's last row, on a sheet without a
 * history), or in a row under the last one on a history kept in rows.
 */
export function policyHistoryPlan(
  policy: Policy,
  asOf: number,
  name: string,
  lang: Lang,
  existing: readonly (readonly CellValue[])[],
): SheetPlan {
  const table = historyTable(existing);
  // A version added to a history is in its labels' language, whatever this review's.
  const cellsLang = table ? headerLanguage(table.labels, historyLabels, lang) : lang;
  const cells: VersionCells = [
    { value: policy.version, format: "text" },
    { value: asOf, format: "date" },
    ...SETTING_ROWS.map((row) => settingCell(row, policy, cellsLang)),
  ];
  const isNew = !historyVersions(existing).has(policy.version);
  return {
    name,
    kind: "policyHistory",
    mode: "rewrite-from",
    ...(table?.shape === "rows"
      ? inRows(table, cells, historyLabels(cellsLang), existing, isNew)
      : inColumns(table, cells, historyLabels(cellsLang), existing, isNew)),
  };
}

type HistoryPart = Pick<SheetPlan, "fromRow" | "blocks" | "measured" | "columnWidths" | "titleColumns">;

/**
 * A version down a column: right of the versions there are, along their labels (a setting the
 * labels lack gets a label of its own under them), or with the labels in a new table.
 */
function inColumns(
  table: HistoryTable | undefined,
  cells: VersionCells,
  labels: readonly string[],
  existing: readonly (readonly CellValue[])[],
  isNew: boolean,
): HistoryPart {
  const labelColumn = table?.labelsAt ?? 0;
  const blocks: Block[] = [];
  const measured: Block[] = [];
  /** The header: the versions' row, each over its figures. */
  const header = (row: number, column: number, values: PlanValue[]): Block => ({
    row,
    column,
    values: [values],
    formats: values.map(() => "text" as const),
    bold: true,
    rightAligned: values.map((_, i) => column + i > labelColumn),
  });
  let column: number;
  /** Each label's sheet row, in the labels' order. */
  let rows: number[];
  if (!table) {
    const top = lastFilledRow(existing) + 1;
    column = labelColumn + 1;
    rows = labels.map((_, i) => top + i);
    blocks.push(header(top, labelColumn, [labels[0], cells[0].value]));
    blocks.push({
      row: top + 1,
      column: labelColumn,
      values: labels.slice(1).map((label) => [label]),
      formats: ["text"],
    });
  } else {
    const rowOf = labelPlaces(table);
    const labelled = [...rowOf.values()];
    const first = Math.min(...labelled);
    // Right of the last cell along the labels: a note the user wrote beside the versions stays.
    let last = labelColumn;
    for (let r = first; r <= Math.max(...labelled); r++)
      (existing[r] ?? []).forEach((v, c) => {
        if (isFilled(v) && c > last) last = c;
      });
    column = last + 1;
    const freeRow = (r: number) => !(existing[r] ?? []).slice(labelColumn, column + 1).some(isFilled);
    let next = Math.max(...labelled) + 1;
    rows = HISTORY_KEYS.map((key, i) => {
      const row = rowOf.get(key);
      if (row !== undefined) return row;
      // A setting the history's labels lack (added to the policy since): its label under the
      // others, in the first row free of anything the user wrote there.
      while (!freeRow(next)) next++;
      if (isNew) blocks.push({ row: next, column: labelColumn, values: [[labels[i]]], formats: ["text"] });
      return next++;
    });
    // The labels and every version there are fitted with whatever is added, as when they were written.
    rows.forEach((row, i) => {
      const values = Array.from((existing[row] ?? []).slice(labelColumn, column), asPlanned);
      if (!values.length) return;
      if (i === 0) measured.push(header(row, labelColumn, values));
      else
        measured.push({
          row,
          column: labelColumn,
          values: [values],
          formats: values.map((_, c) => (c === 0 ? "text" : cells[i].format)),
        });
    });
    if (isNew) blocks.push(header(rows[0], column, [cells[0].value]));
  }
  if (isNew) {
    // The settings down the column, one block for each run of rows in a row with the same format.
    for (let i = 1; i < cells.length;) {
      let end = i + 1;
      while (end < cells.length && rows[end] === rows[end - 1] + 1 && cells[end].format === cells[i].format) end++;
      blocks.push({
        row: rows[i],
        column,
        values: cells.slice(i, end).map((c) => [c.value]),
        formats: [cells[i].format],
        // A text (the aging edges, the Z model) stands right too: each version reads down one edge.
        ...(cells[i].format === "text" && { rightAligned: [true] }),
      });
      i = end;
    }
  }
  const widest = Math.max(column, ...measured.map((b) => b.column + b.values[0].length - 1));
  return {
    fromRow: Math.min(...rows),
    blocks,
    ...(measured.length ? { measured } : {}),
    // The labels on one line each (a row two lines tall for one label leaves a gap beside every
    // version); each version at the width its date and version take.
    columnWidths: Array.from({ length: widest + 1 }, (_, c) =>
      c === labelColumn ? labelsWidth(labels) : c > labelColumn ? VERSION_WIDTH : 0,
    ),
    // Each column is a version: printed on pages across, each names the settings beside it.
    titleColumns: [{ first: labelColumn, last: labelColumn }],
  };
}

/** A version's column: its version and date (14 characters) at their own width. */
const VERSION_WIDTH = 14;

/** The widest label's width and a character's padding: the labels' column holds each on one line. */
function labelsWidth(labels: readonly string[]): number {
  return Math.max(...labels.map(displayWidth)) + 1;
}

/**
 * A version under the last row of a history kept in rows (as reviews wrote it before the
 * history was kept in columns), each cell under its label (a user's column among them stays
 * theirs; a setting the header lacks gets a label of its own right of the others): the header
 * and the rows there fitted with it.
 */
function inRows(
  table: HistoryTable,
  cells: VersionCells,
  labels: readonly string[],
  existing: readonly (readonly CellValue[])[],
  isNew: boolean,
): HistoryPart {
  const lastRow = lastFilledRow(existing);
  const header = existing[table.labelsAt] ?? [];
  const columnOf = labelPlaces(table);
  let next = Math.max(...table.places) + 1;
  const columns = HISTORY_KEYS.map((key) => columnOf.get(key) ?? next++);
  const width = Math.max(next, header.length);
  const formats: CellFormat[] = Array.from({ length: width }, () => "general");
  columns.forEach((c, i) => (formats[c] = cells[i].format));
  const ours = new Set(columns);
  /** The header's cells from `column` on, each over its figures. */
  const headerBlock = (column: number, values: PlanValue[]): Block => ({
    row: table.labelsAt,
    column,
    values: [values],
    formats: values.map(() => "text" as const),
    bold: true,
    // A header over figures stands right, over its figures, as the customer sheet's do.
    rightAligned: values.map((_, i) => ours.has(column + i) && formats[column + i] !== "text"),
  });
  const blocks: Block[] = [];
  if (isNew) {
    columns.forEach((c, i) => {
      if (!columnOf.has(HISTORY_KEYS[i])) blocks.push(headerBlock(c, [labels[i]]));
    });
    // The version's cells left to right, a block for each run of adjacent columns.
    const order = columns.map((column, i) => ({ column, cell: cells[i] })).sort((x, y) => x.column - y.column);
    for (let i = 0; i < order.length;) {
      let end = i + 1;
      while (end < order.length && order[end].column === order[end - 1].column + 1) end++;
      const run = order.slice(i, end);
      blocks.push({
        row: lastRow + 1,
        column: run[0].column,
        values: [run.map((o) => o.cell.value)],
        formats: run.map((o) => o.cell.format),
      });
      i = end;
    }
  }
  const asRow = (line: readonly CellValue[] | undefined) => Array.from({ length: width }, (_, c) => asPlanned(line?.[c] ?? null));
  const rows = existing.slice(table.labelsAt + 1, lastRow + 1).map(asRow);
  const measured: Block[] = [headerBlock(0, asRow(header))];
  if (rows.length) measured.push({ row: table.labelsAt + 1, column: 0, values: rows, formats });
  const versionColumns = new Set(columns.slice(0, 2));
  return {
    fromRow: lastRow + 1,
    blocks,
    measured,
    // The version and date at their own width; each setting as wide as its value or its header's widest word.
    columnWidths: formats.map((_, c) => (versionColumns.has(c) ? VERSION_WIDTH : 0)),
    // Each row is a version: printed on pages across, it names its version on each.
    titleColumns: [{ first: columns[0], last: columns[0] }],
  };
}

/** The history's labels by what they name: the version, the first review date, each setting. */
const HISTORY_KEYS = ["version", "firstUsed", ...SETTING_ROWS.map((row) => row.name)];

/** Each label's key (HISTORY_KEYS) to its place on the sheet (its row, or its column in a history kept in rows). */
function labelPlaces(table: HistoryTable): Map<string, number> {
  const placeOf = new Map<string, number>();
  table.labels.forEach((label, i) => {
    const kind = typeof label === "string" ? HISTORY_TABLE.get(headerKey(label)) : undefined;
    const key = kind ?? policyRowNamed(label)?.name;
    if (key !== undefined && !placeOf.has(key)) placeOf.set(key, table.places[i]);
  });
  return placeOf;
}

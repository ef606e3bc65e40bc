/**
 * What a customer sheet's columns hold: its header row matched against the headers people
 * write (plus any the user mapped by hand), the required columns checked, the checks that
 * missing columns switch off, and the column report the faces show.
 */
import { CellValue } from "../cells";
import { CreditError } from "../errors";
import { Lang, message } from "../i18n";
import {
  FIELD_LABELS,
  headerKey,
  INPUT_ALIASES,
  InputField,
  INPUT_FIELDS,
  isAgingHeaderKey,
  LANGS_OF_HEADERS,
  OUTPUT_ALIASES,
  OUTPUT_HEADERS,
  OutputField,
  REQUIRED_FIELDS,
} from "./fields";
import { columnLetter } from "../a1";
import { likelyMeant } from "../nearest";
import { hasHanCharacter } from "../text-width";
import { aliasTable, findHeaderRow, HEADER_SCAN_ROWS, HeaderMatch } from "./headers";
import type { ColumnReport } from "./review";
import type { TwoCurrencies } from "./row-currencies";
import { CUSTOMER_CHECKS, WarningCode } from "./warnings";
import type { ZModel } from "../z-models";
import { Z_MODEL_SPECS } from "../zscore";
import "../i18n/report";

export type ColumnMap = Partial<Record<InputField, number>>;

const INPUT_TABLE = aliasTable(INPUT_ALIASES);
const OUTPUT_TABLE = aliasTable(OUTPUT_ALIASES);

/** Which output column a header names, if it is one of the review's own. */
export function outputFieldOf(header: CellValue) {
  return OUTPUT_TABLE.get(headerKey(header));
}

/**
 * Fewer of the review's output headers on a header row than this are the user's own columns
 * (a lone "Warnings", an "Overdue balance" the user keeps), not an earlier run's.
 */
const MIN_OWN_OUTPUT_HEADERS = 3;

export interface OwnColumns {
  /** 0-based column of each output column an earlier run wrote: the rightmost one with its header, as a run appends on the right. */
  readonly fields: Readonly<Partial<Record<OutputField, number>>>;
  /** 0-based columns of an earlier run's aging buckets, whatever their edges, left to right: right of its first other column. */
  readonly aging: readonly number[];
  /** All of them: on the customer sheet these are neither input columns nor unknown ones. */
  readonly all: ReadonlySet<number>;
}

const NO_OWN_COLUMNS: OwnColumns = { fields: {}, aging: [], all: new Set() };

/**
 * Which columns of a header row the review wrote there: none unless the row holds at least
 * MIN_OWN_OUTPUT_HEADERS of its output headers. A header the review once wrote over its own
 * column may be one the user writes too ("Overdue balance"): it is the review's only on a row
 * the review wrote, and otherwise the user's column, read as what it says.
 */
export function reviewOwnColumns(headerRow: readonly CellValue[]): OwnColumns {
  const fields: Partial<Record<OutputField, number>> = {};
  const aging: number[] = [];
  headerRow.forEach((cell, column) => {
    const key = headerKey(cell);
    if (key === "") return;
    const field = OUTPUT_TABLE.get(key);
    if (field !== undefined) fields[field] = column;
    else if (isAgingHeaderKey(key)) aging.push(column);
  });
  if (Object.keys(fields).length < MIN_OWN_OUTPUT_HEADERS) return NO_OWN_COLUMNS;
  const fieldColumns = Object.values(fields) as number[];
  // The review writes its aging after its other columns, so one headed so left of them all is the
  // user's (a bucket of a business system's export among the data): read, never reused or cleared.
  const first = Math.min(...fieldColumns);
  const ownAging = aging.filter((column) => column > first);
  return { fields, aging: ownAging, all: new Set([...fieldColumns, ...ownAging]) };
}

/** The review's own columns of a row, as the header search takes them (see reviewOwnColumns). */
export const reviewColumnsOf = (row: readonly CellValue[]): ReadonlySet<number> => reviewOwnColumns(row).all;

/** Each header key the review knows a field by, with the header as the catalogue writes it. */
const KNOWN_HEADERS = new Map<string, { readonly field: InputField; readonly header: string }>();
for (const field of INPUT_FIELDS)
  for (const header of INPUT_ALIASES[field])
    if (!KNOWN_HEADERS.has(headerKey(header))) KNOWN_HEADERS.set(headerKey(header), { field, header });
/**
 * The keys a header may be taken as a misspelling of: one letter off a short one is another word
 * ("ID", 名称 and 行业 are a letter from "IX", 名字 and 行号), so only keys of three letters or more,
 * four with a Chinese character (客户名 is a letter from 客户号).
 */
const SUGGESTED_KEYS = [...KNOWN_HEADERS.keys()].filter((key) => key.length >= (/^[a-z0-9]+$/.test(key) ? 3 : 4));

/**
 * What an unrecognised header is likely a misspelling of ("Credt limit": "Credit limit", field
 * creditLimit), among the fields the sheet has no column for; undefined when it is no near miss.
 */
export function headerSuggester(
  found: readonly InputField[],
): (header: string) => { readonly field: InputField; readonly header: string } | undefined {
  const have = new Set(found);
  const keys = SUGGESTED_KEYS.filter((key) => !have.has(KNOWN_HEADERS.get(key)!.field));
  return (header) => {
    const key = headerKey(header);
    const meant = key === "" ? undefined : likelyMeant(key, keys);
    return meant === undefined ? undefined : KNOWN_HEADERS.get(meant);
  };
}

/** The header → field table, with the headers the user mapped by hand added to it. */
export function inputTable(mapping: Readonly<Record<string, InputField>> | undefined): Map<string, InputField> {
  if (!mapping || Object.keys(mapping).length === 0) return INPUT_TABLE;
  const table = new Map(INPUT_TABLE);
  for (const [header, field] of Object.entries(mapping))
    if ((INPUT_FIELDS as readonly string[]).includes(field)) table.set(headerKey(header), field);
  return table;
}

/**
 * Whether a sheet looks like a customer sheet, from its top rows: a header naming at least
 * three known columns (or mapped by hand), payment history among them. Used to pick a sheet
 * when none is named; a sheet that passes but lacks other required columns then gets the
 * review's own message naming them.
 */
export function looksLikeCustomerSheet(
  topRows: readonly (readonly CellValue[])[],
  mapping?: Readonly<Record<string, InputField>>,
): boolean {
  const match = findHeaderRow(topRows, inputTable(mapping), 3, reviewColumnsOf);
  return match !== undefined && match.columns.paymentHistory !== undefined;
}

export interface SheetColumns {
  readonly match: HeaderMatch<InputField>;
  readonly columns: ColumnMap;
}

/**
 * The column (0-based in `top`) of a customer sheet's Action taken responses, found in its top
 * rows as the review finds it: a face reads that column's numbers as their cells show them
 * (shown-text.ts). Undefined when the sheet has none, or no header row the review would read.
 */
export function responseColumnOf(
  sheetName: string,
  top: readonly (readonly CellValue[])[],
  mapping: Readonly<Record<string, InputField>> | undefined,
): number | undefined {
  try {
    return matchColumns(sheetName, top, { row: 0, column: 0 }, mapping, "en").columns.actionTaken;
  } catch (error) {
    // The review itself says what is wrong with the sheet, with the whole of it read.
    if (error instanceof CreditError) return undefined;
    throw error;
  }
}

/**
 * The sheet's header row and the column of each field; throws when there is no header row
 * or a required column is missing, naming them in the user's language.
 */
export function matchColumns(
  sheetName: string,
  values: readonly (readonly CellValue[])[],
  origin: { readonly row: number; readonly column: number },
  mapping: Readonly<Record<string, InputField>> | undefined,
  lang: Lang,
): SheetColumns {
  const table = inputTable(mapping);
  const match = findHeaderRow(values, table, 2, reviewColumnsOf);
  /** Where the header seems split over two rows, as the message's words: the rows and one column's two halves. */
  const splitParams = (split: SplitHeader) => ({
    upper: split.upper + 1 + origin.row,
    lower: split.upper + 2 + origin.row,
    column: columnLetter(split.column + origin.column),
    top: split.top,
    bottom: split.bottom,
  });
  if (!match) {
    const split = splitHeaderRows(values, table);
    if (split) throw new CreditError("value", "review.noHeaderSplit", { sheet: sheetName, ...splitParams(split) });
    throw new CreditError("value", "review.noHeader", { sheet: sheetName });
  }
  const columns = match.columns as ColumnMap;
  const missingRequired = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (columns.id === undefined && columns.name === undefined) missingRequired.unshift("name");
  if (missingRequired.length > 0) {
    const params = {
      sheet: sheetName,
      row: match.headerRow + 1 + origin.row,
      fields: missingRequired
        .map((f) => message(lang, "review.quotedField", { field: FIELD_LABELS[f][lang] }))
        .join(message(lang, "sep.list")),
    };
    // The id and the name stand for each other: either one found would do.
    const wanted = new Set<InputField>(missingRequired.includes("name") ? [...missingRequired, "id"] : missingRequired);
    const split = splitHeaderAround(values, match.headerRow, table, wanted);
    if (split) throw new CreditError("value", "review.missingColumnsSplit", { ...params, ...splitParams(split) });
    throw new CreditError("value", "review.missingColumns", params);
  }
  return { match, columns };
}

/** A header that seems split over two rows: the upper row (0-based), and a column whose two halves name a field together. */
interface SplitHeader {
  readonly upper: number;
  readonly column: number;
  readonly top: string;
  readonly bottom: string;
}

/** The longest a half of a split header is quoted in a message: a cell may hold a paragraph. */
const QUOTED_HALF = 40;
/** Longer than this a cell is no half of a header (none the review knows is near it): not joined, so a sheet of long texts costs nothing. */
const LONGEST_HALF = 100;

function headerText(cell: CellValue | undefined): string {
  return typeof cell === "string" ? cell.trim() : typeof cell === "number" ? String(cell) : "";
}

/**
 * The columns of two rows whose headers, each column's upper text and lower text read as one
 * ("Credit" above "limit"), name a field `wanted` takes that the upper text alone does not.
 */
function joinedFields(
  upper: readonly CellValue[],
  lower: readonly CellValue[],
  table: Map<string, InputField>,
  wanted: (field: InputField) => boolean,
): SplitHeader[] {
  const found: SplitHeader[] = [];
  const seen = new Set<InputField>();
  for (let column = 0; column < Math.max(upper.length, lower.length); column++) {
    const top = headerText(upper[column]);
    const bottom = headerText(lower[column]);
    if (top === "" || bottom === "" || top.length > LONGEST_HALF || bottom.length > LONGEST_HALF) continue;
    const field = table.get(headerKey(`${top} ${bottom}`));
    if (field === undefined || seen.has(field) || !wanted(field) || table.get(headerKey(top)) === field) continue;
    seen.add(field);
    found.push({ upper: -1, column, top: top.slice(0, QUOTED_HALF), bottom: bottom.slice(0, QUOTED_HALF) });
  }
  return found;
}

/**
 * Whether the header row found seems to go on in the row under it (or to start in the row
 * above): the pair whose joined headers name the most of the `wanted` fields, with its first
 * such column; undefined when neither names any.
 */
function splitHeaderAround(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  table: Map<string, InputField>,
  wanted: ReadonlySet<InputField>,
): SplitHeader | undefined {
  let best: SplitHeader[] = [];
  let bestUpper = -1;
  for (const upper of [headerRow, headerRow - 1]) {
    if (upper < 0 || upper + 1 >= values.length) continue;
    const joined = joinedFields(values[upper] ?? [], values[upper + 1] ?? [], table, (f) => wanted.has(f));
    if (joined.length > best.length) {
      best = joined;
      bestUpper = upper;
    }
  }
  return best.length ? { ...best[0], upper: bestUpper } : undefined;
}

/**
 * Where a sheet with no header row seems to have it split over two rows: the pair among the rows
 * searched whose joined headers name the most fields, two at least, as a header row must.
 */
function splitHeaderRows(values: readonly (readonly CellValue[])[], table: Map<string, InputField>): SplitHeader | undefined {
  let best: SplitHeader[] = [];
  let bestUpper = -1;
  for (let upper = 0; upper + 1 < Math.min(values.length, HEADER_SCAN_ROWS); upper++) {
    const joined = joinedFields(values[upper] ?? [], values[upper + 1] ?? [], table, () => true);
    if (joined.length >= 2 && joined.length > best.length) {
      best = joined;
      bestUpper = upper;
    }
  }
  return best.length ? { ...best[0], upper: bestUpper } : undefined;
}

function checkIsAvailable(needs: readonly (readonly string[])[], has: (need: string) => boolean): boolean {
  return needs.some((way) => way.every(has));
}

/** What a check needs besides the sheet's columns: an archive of earlier reviews, or an invoice ledger. */
export type OtherNeed = "archive" | "ledger";
export type CheckNeed = InputField | OtherNeed;

/** OVERDUE_SHARE, the portfolio's check, needs to know who is overdue: an overdue column, or a ledger. */
const OVERDUE_SHARE_NEEDS: readonly (readonly CheckNeed[])[] = [["overdueAmount"], ["daysPastDue"], ["ledger"]];

/** The ways a check can run, each what it needs together: the customer checks' table, and the portfolio's. */
export function checkWays(code: WarningCode): readonly (readonly CheckNeed[])[] {
  return code === "OVERDUE_SHARE" ? OVERDUE_SHARE_NEEDS : (CUSTOMER_CHECKS.find((c) => c.code === code)?.needs ?? []);
}

/**
 * What a check the review switched off lacks, per way it could run: the columns of that way the
 * sheet has not, and the archive or ledger it names (the check would run with one). A way that
 * lacks everything another lacks and more is left out: the other is the nearer.
 */
export function missingNeeds(code: WarningCode, found: readonly InputField[]): CheckNeed[][] {
  const present = new Set<CheckNeed>(found);
  const ways = checkWays(code).map((way) => way.filter((need) => !present.has(need)));
  return ways.filter(
    (way, i) => !ways.some((other, j) => j !== i && other.length < way.length && other.every((need) => way.includes(need))),
  );
}

/**
 * Why a check the review switched off for the sheet did not run when the sheet has every column
 * it needs: two of them are in two currencies (see row-currencies.ts). Undefined when it lacks a
 * column (missingNeeds says which), or was not switched off for its currencies.
 */
export function checkInTwoCurrencies(
  code: WarningCode,
  found: readonly InputField[],
  twoCurrencies: readonly TwoCurrencies[],
): TwoCurrencies | undefined {
  if (twoCurrencies.length === 0 || !missingNeeds(code, found).some((way) => way.length === 0)) return undefined;
  return twoCurrencies.find((t) => !t.withSales && t.affects.includes(code));
}

export interface AvailableChecks {
  readonly active: typeof CUSTOMER_CHECKS;
  /** The warnings the sheet's columns cannot support, in the order of WARNING_CODES. */
  readonly skipped: readonly WarningCode[];
  /** Whether the sheet says who is overdue (an overdue column or a ledger): OVERDUE_SHARE needs it. */
  readonly overdueKnown: boolean;
  /** See ColumnReport.zWithoutSales. */
  readonly zWithoutSales: boolean;
}

/**
 * The customer checks the sheet's columns (and an archive or ledger) make possible. The Z-score's
 * check runs with its seven columns: a customer on a model that does without sales has its Z on a
 * sheet without the Sales column; one on a model that needs sales, on such a sheet, has none,
 * which is said for the sheet (zWithoutSales) when a customer can be on such a model: the
 * policy's default is one, or rows name their model. A check whose columns state two currencies
 * (`inTwoCurrencies`: see row-currencies.ts) runs for no customer either.
 */
export function availableChecks(
  columns: ColumnMap,
  hasArchive: boolean,
  hasLedger: boolean,
  defaultZModel: ZModel,
  inTwoCurrencies: ReadonlySet<WarningCode> = new Set(),
): AvailableChecks {
  const has = (need: string) =>
    need === "archive" ? hasArchive : need === "ledger" ? hasLedger : columns[need as InputField] !== undefined;
  const active = CUSTOMER_CHECKS.filter((check) => checkIsAvailable(check.needs, has) && !inTwoCurrencies.has(check.code));
  const overdueKnown = checkIsAvailable(OVERDUE_SHARE_NEEDS, has);
  const skipped: WarningCode[] = CUSTOMER_CHECKS.filter((c) => !active.includes(c)).map((c) => c.code);
  if (!overdueKnown) skipped.splice(1, 0, "OVERDUE_SHARE");
  const zWithoutSales =
    !skipped.includes("Z_DISTRESS") &&
    columns.sales === undefined &&
    (Z_MODEL_SPECS[defaultZModel].usesSales || columns.zModel !== undefined);
  return { active, skipped, overdueKnown, zWithoutSales };
}

/** What the faces show of the sheet's columns: found, missing, unknown, repeated, and the checks switched off. */
export function columnReport(
  { match, columns }: SheetColumns,
  origin: { readonly row: number; readonly column: number },
  skippedChecks: readonly WarningCode[],
  zWithoutSales: boolean,
  twoCurrencies: readonly TwoCurrencies[] = [],
): ColumnReport {
  const letter = (c: number) => columnLetter(c + origin.column);
  const used = new Set(Object.values(columns) as number[]);
  const suggest = headerSuggester(INPUT_FIELDS.filter((f) => columns[f] !== undefined));
  return {
    headerRow: match.headerRow + 1 + origin.row,
    found: INPUT_FIELDS.filter((f) => columns[f] !== undefined).map((f) => ({
      field: f,
      column: letter(columns[f] as number),
      header: match.headers[columns[f] as number],
    })),
    missingOptional: INPUT_FIELDS.filter(
      (f) =>
        columns[f] === undefined && !(f === "id" && columns.name !== undefined) && !(f === "name" && columns.id !== undefined),
    ),
    unknown: match.unknown
      .filter((u) => !used.has(u.column))
      .map((u) => {
        const suggestion = suggest(u.header);
        return suggestion
          ? { column: letter(u.column), header: u.header, suggestion }
          : { column: letter(u.column), header: u.header };
      }),
    duplicates: match.duplicates.map((d) => ({ field: d.field, column: letter(d.column), usedColumn: letter(d.usedColumn) })),
    skippedChecks,
    zWithoutSales,
    twoCurrencies,
  };
}

/**
 * The language a customer sheet's own headers are written in: Chinese when more of the headers
 * the review recognises hold a Chinese character than not, English when fewer; undefined without a
 * header row, or on a tie. For a sheet the review has not written in yet (earlierReviewLang).
 */
export function customerHeaderLang(rows: readonly (readonly CellValue[])[]): Lang | undefined {
  const match = findHeaderRow(rows, inputTable(undefined), 2, reviewColumnsOf);
  if (!match) return undefined;
  let chinese = 0;
  let other = 0;
  for (const column of Object.values(match.columns) as number[])
    if (hasHanCharacter(match.headers[column] ?? "")) chinese++;
    else other++;
  return chinese === other ? undefined : chinese > other ? "zh" : "en";
}

/**
 * The language a customer sheet was last reviewed in: the one most of the review's own headers on
 * the first row holding them (within the rows a header is looked for) are written in; undefined
 * when no row carries an earlier review's columns, or as many are in each language.
 */
export function earlierReviewLang(rows: readonly (readonly CellValue[])[]): Lang | undefined {
  for (const row of rows.slice(0, HEADER_SCAN_ROWS)) {
    const { fields } = reviewOwnColumns(row);
    const counts: Record<Lang, number> = { en: 0, zh: 0 };
    for (const [field, column] of Object.entries(fields) as [OutputField, number][]) {
      const key = headerKey(row[column]);
      for (const lang of LANGS_OF_HEADERS) if (key === headerKey(OUTPUT_HEADERS[field][lang])) counts[lang]++;
    }
    if (counts.en === 0 && counts.zh === 0) continue;
    return counts.en === counts.zh ? undefined : counts.en > counts.zh ? "en" : "zh";
  }
  return undefined;
}

/**
 * The credit-risk archive sheet: the audit trail of every review, one row per customer per
 * review, kept in review-date order (archive-plan.ts writes it). The next review finds each
 * customer's previous review here (its score for SCORE_RISE, its grade, warnings and limit for
 * what changed), and an auditor each review's cells it found typed over by hand (the review
 * wrote its own values over them). Its row layout is defined here once, for writing it and for
 * reading it back in either language.
 */
import { CellValue, isBlankCell, readDate, readNumber, serialFromDate } from "../cells";
import { Lang, LANGUAGES, message } from "../i18n";
import { FACTORS, Grade, GRADES, Policy } from "../policy";
import { Bilingual, FIELD_LABELS, headerKey, OUTPUT_HEADERS, recognisedHeaders } from "./fields";
import { aliasTable, findHeaderRow } from "./headers";
import { withResponseCheck } from "./output-check";
import { customerKey } from "../customer-key";
import type { CustomerResult } from "./review";
import { gradeName, issuesText, typedOverOfCustomer, zoneName } from "./texts";
import type { SheetHistory, TypedOver } from "./typed-over";
import { Action, ACTIONS, Decision } from "./decisions";
import { sameSheetName, sheetNameKey } from "./sheets";
import { customerCurrencies, overdueCurrency, ReceivableCurrencies } from "./total-currencies";
import { AmountUnit, parseUnit, RowUnits } from "./units";
import { Finding, WARNING_CODES, WarningCode, warningSet } from "./warnings";
import { Z_ZONES, ZZone } from "../zscore";
import type { CellFormat, PlanValue } from "./write-plan";
import "../i18n/report";

export const ARCHIVE_FIELDS = [
  "reviewDate",
  "policyVersion",
  "id",
  "name",
  ...FACTORS,
  "score",
  "grade",
  "zScore",
  "zZone",
  "balance",
  "creditLimit",
  "recommendedLimit",
  "overdueAmount",
  "daysPastDue",
  "warnings",
  "actions",
  "errors",
  // Last, so that an archive written before they were kept is still read (see readArchive).
  "sheet",
  "unit",
  "typedOver",
  "actionTaken",
  "outputCheck",
  // Right of the output check, where a review by a version that did not keep it finds a column of
  // the user's and leaves it be; blank on most rows, printed only by a review that fills it: see
  // overdueUnitText.
  "overdueUnit",
] as const;
export type ArchiveField = (typeof ARCHIVE_FIELDS)[number];

/**
 * What one archive row holds of a review, and the texts its rows share, worked out once per
 * review: customers alike in their warnings (or sharing one list of actions) share one text.
 */
export class ArchivedReview {
  readonly gradeNames: Readonly<Record<Grade, string>>;
  readonly zoneNames: Readonly<Record<ZZone, string>>;
  private readonly warningTexts = new Map<number, string>();
  private readonly actionTexts = new Map<readonly Decision[], string>();

  /** The customer sheet reviewed, and the unit its amounts are stated in (null: none stated). */
  readonly sheet: string;
  readonly unit: string | null;
  /** The currency the sheet's columns put every customer's receivables in, where a row's own marks do not. */
  private readonly receivables?: ReceivableCurrencies;
  /** The units of the rows' own currencies and their overdue amounts' (rowUnit). */
  private readonly rowUnits: RowUnits;
  private readonly typedOver?: TypedOver;
  private readonly typedOverEarlier?: ReadonlyMap<string, string>;
  /** The 1-based sheet rows whose Action taken text is another customer's response (withResponseCheck). */
  readonly foreignResponses: ReadonlySet<number>;

  /**
   * `typedOverEarlier`: what an earlier run of this review (its date, its sheet), whose rows
   * these replace, kept as typed over by hand, by archive key. That run wrote the cells again,
   * so this one cannot find them: without it a re-run would drop the record.
   */
  constructor(
    readonly asOf: number,
    readonly policy: Policy,
    readonly lang: Lang,
    reviewed: {
      readonly sheet: string;
      readonly unit?: AmountUnit;
      readonly receivables?: ReceivableCurrencies;
      readonly typedOver?: TypedOver;
      readonly typedOverEarlier?: ReadonlyMap<string, string>;
      readonly foreignResponses?: readonly number[];
    },
  ) {
    this.sheet = reviewed.sheet;
    this.unit = reviewed.unit?.label ?? null;
    this.rowUnits = new RowUnits(reviewed.unit);
    this.receivables = reviewed.receivables;
    this.typedOver = reviewed.typedOver;
    this.typedOverEarlier = reviewed.typedOverEarlier?.size ? reviewed.typedOverEarlier : undefined;
    this.foreignResponses = new Set(reviewed.foreignResponses);
    this.gradeNames = Object.fromEntries(GRADES.map((g) => [g, gradeName(g, lang)])) as Record<Grade, string>;
    this.zoneNames = { safe: zoneName("safe", lang), grey: zoneName("grey", lang), distress: zoneName("distress", lang) };
  }

  /**
   * The unit a customer's amounts are in (rowUnit): the review's, or the row's own currency where
   * the review's names none ("EUR" for a balance typed "EUR 50,000" among plain figures), so a
   * later review neither adds them to amounts in another currency nor compares them with such.
   */
  unitText(c: CustomerResult): string | null {
    return this.rowUnits.row(customerCurrencies(c, this.receivables))?.label ?? null;
  }

  /**
   * The unit a customer's overdue amount is in where it is not its row's (RowUnits.overdue): its
   * ledger invoices' currency ("USD" for a row in euros); null where it is the row's (most rows).
   */
  overdueUnitText(c: CustomerResult): string | null {
    const currency = overdueCurrency(c, this.receivables);
    if (currency === undefined) return null;
    const row = this.rowUnits.row(customerCurrencies(c, this.receivables));
    const overdue = this.rowUnits.overdue(row, currency);
    return overdue === row ? null : (overdue?.label ?? null);
  }

  // Nothing to say is a blank cell, not an empty text: Excel counts an empty text (COUNTA, a filter's "(Blanks)" leaves it out).
  warningCodes(findings: readonly Finding[]): string | null {
    if (findings.length === 0) return null;
    const key = warningSet(findings);
    let text = this.warningTexts.get(key);
    if (text === undefined) this.warningTexts.set(key, (text = findings.map((x) => x.code).join(CODES_SEPARATOR)));
    return text;
  }

  /** The customer's cells typed over by hand that this review found (and an earlier run of it kept), or null. */
  typedOverText(c: CustomerResult): string | null {
    const cells = this.typedOver?.byCustomerRow.get(c.row);
    const found = cells && this.typedOver ? typedOverOfCustomer(cells, this.typedOver.reviewDate, this.lang) : undefined;
    const earlier = this.typedOverEarlier?.get(archiveKey(c.id, c.name));
    if (earlier === undefined) return found === undefined ? null : withinCell(found);
    // An earlier run's record comes first; a cell typed over between the two runs is added to it
    // (once: the same cell typed to the same figure again tells nothing new).
    return found === undefined || earlier.includes(found)
      ? earlier
      : withinCell(`${earlier}${message(this.lang, "sep.items")}${found}`);
  }

  actionCodes(actions: readonly Decision[]): string | null {
    if (actions.length === 0) return null;
    let text = this.actionTexts.get(actions);
    if (text === undefined) this.actionTexts.set(actions, (text = actions.map((a) => a.code).join(CODES_SEPARATOR)));
    return text;
  }
}

/** The most characters an Excel cell holds. */
const CELL_CHARACTERS = 32767;

/** A text cut to what a cell holds, saying so. */
function withinCell(text: string): string {
  return text.length > CELL_CHARACTERS ? `${text.slice(0, CELL_CHARACTERS - 3)}...` : text;
}

interface ArchiveColumn {
  readonly header: Bilingual;
  readonly format: CellFormat;
  readonly width: number;
}

const CODES_SEPARATOR = ", ";

/** A header from the catalogues (the summary's labels: the two sheets name the customer sheet and the unit alike). */
function bilingual(
  key: "summary.sheet" | "summary.amountUnit" | "archive.overdueUnit" | "archive.typedOver" | "archive.outputCheck",
): Bilingual {
  return { en: message("en", key), zh: message("zh", key) };
}

/** The archive's columns, in ARCHIVE_FIELDS order: header, cell format and width (archiveLine: what each holds). */
export const ARCHIVE_COLUMNS: Readonly<Record<ArchiveField, ArchiveColumn>> = {
  reviewDate: { header: { en: "Review date", zh: "审查日期" }, format: "date", width: 12 },
  policyVersion: { header: { en: "Policy version", zh: "政策版本" }, format: "text", width: 14 },
  id: { header: FIELD_LABELS.id, format: "text", width: 12 },
  name: { header: FIELD_LABELS.name, format: "text", width: 28 },
  paymentHistory: { header: FIELD_LABELS.paymentHistory, format: "general", width: 10 },
  contractPerformance: { header: FIELD_LABELS.contractPerformance, format: "general", width: 10 },
  industryRisk: { header: FIELD_LABELS.industryRisk, format: "general", width: 10 },
  marketReputation: { header: FIELD_LABELS.marketReputation, format: "general", width: 10 },
  complianceRecord: { header: FIELD_LABELS.complianceRecord, format: "general", width: 10 },
  score: { header: OUTPUT_HEADERS.score, format: "score", width: 10 },
  grade: { header: OUTPUT_HEADERS.grade, format: "text", width: 10 },
  zScore: { header: OUTPUT_HEADERS.zScore, format: "ratio", width: 9 },
  zZone: { header: OUTPUT_HEADERS.zZone, format: "text", width: 9 },
  balance: { header: FIELD_LABELS.balance, format: "money", width: 14 },
  creditLimit: { header: FIELD_LABELS.creditLimit, format: "money", width: 14 },
  recommendedLimit: { header: OUTPUT_HEADERS.recommendedLimit, format: "money", width: 14 },
  overdueAmount: { header: FIELD_LABELS.overdueAmount, format: "money", width: 14 },
  daysPastDue: { header: FIELD_LABELS.daysPastDue, format: "integer", width: 10 },
  warnings: { header: { en: "Warning codes", zh: "预警代码" }, format: "text", width: 24 },
  actions: { header: { en: "Action codes", zh: "措施代码" }, format: "text", width: 24 },
  // Its notes run to two hundred characters: wrapped at the usual width they would take five or six
  // lines a row, and a month's rows would print on two bands of pages where one holds them.
  errors: { header: OUTPUT_HEADERS.issues, format: "text", width: 66 },
  sheet: { header: bilingual("summary.sheet"), format: "text", width: 16 },
  unit: { header: bilingual("summary.amountUnit"), format: "text", width: 12 },
  typedOver: { header: bilingual("archive.typedOver"), format: "text", width: 16 },
  // The sheet's own column, as the team wrote it at this review: what it did since the last recommendation.
  actionTaken: { header: FIELD_LABELS.actionTaken, format: "text", width: 30 },
  overdueUnit: { header: bilingual("archive.overdueUnit"), format: "text", width: 12 },
  // Narrow: a check for the next review, not for reading (the policy sheet's legend says what it is).
  outputCheck: { header: bilingual("archive.outputCheck"), format: "text", width: 8 },
};

/** One row per customer, one value per column in ARCHIVE_FIELDS order (the type holds it to their number). */
type ArchiveLine = OnePer<typeof ARCHIVE_FIELDS>;
type OnePer<Fields extends readonly unknown[]> = { -readonly [I in keyof Fields]: PlanValue };

/**
 * A customer's archive row: what could be computed, and the errors that stopped the rest, with
 * `outputCheck`, the check of the output cells this review writes in its row (see
 * output-check.ts), where it writes them, kept with the Action taken text's token. One literal rather than a value function per column:
 * called per customer, those calls made the write plan about a sixth slower.
 */
export function archiveLine(c: CustomerResult, review: ArchivedReview, outputCheck?: string): ArchiveLine {
  const f = c.factors;
  return [
    review.asOf,
    review.policy.version,
    c.id,
    c.name,
    f?.[0] ?? null,
    f?.[1] ?? null,
    f?.[2] ?? null,
    f?.[3] ?? null,
    f?.[4] ?? null,
    c.score ?? null,
    c.grade === undefined ? null : review.gradeNames[c.grade],
    c.zScore ?? null,
    c.zZone === undefined ? null : review.zoneNames[c.zZone],
    c.balance ?? null,
    c.creditLimit ?? null,
    c.recommendedLimit ?? null,
    c.overdueAmount ?? null,
    c.daysPastDue ?? null,
    review.warningCodes(c.findings),
    review.actionCodes(c.actions),
    c.errors.length === 0 && c.notes.length === 0 ? null : issuesText(c, review.lang, review.policy),
    review.sheet,
    review.unitText(c),
    review.typedOverText(c),
    c.actionTaken ?? null,
    outputCheck === undefined ? null : withResponseCheck(outputCheck, c.actionTaken ?? null, review.foreignResponses.has(c.row)),
    review.overdueUnitText(c),
  ];
}

const ARCHIVE_HEADERS = recognisedHeaders(
  Object.fromEntries(ARCHIVE_FIELDS.map((f) => [f, ARCHIVE_COLUMNS[f].header])) as Record<ArchiveField, Bilingual>,
);
const ARCHIVE_TABLE = aliasTable(ARCHIVE_HEADERS);

/**
 * True when a sheet's top rows hold an archive's header: its own columns (review date and policy
 * version) beside the customer's. That finds an archive the user renamed, and a customer table,
 * which shares the customer's columns but neither of those, is not taken for one.
 */
export function isArchiveTop(top: readonly (readonly CellValue[])[]): boolean {
  const match = findHeaderRow(top, ARCHIVE_TABLE, 3);
  return match?.columns.reviewDate !== undefined && match.columns.policyVersion !== undefined;
}

export function archiveHeader(lang: Lang): string[] {
  return ARCHIVE_FIELDS.map((f) => ARCHIVE_COLUMNS[f].header[lang]);
}

/** The key a customer is archived under: its id when it has one, else its name. */
export function archiveKey(id: string, name: string): string {
  return customerKey(id !== "" ? id : name);
}

/** One archived customer review, read back. */
export interface ArchiveEntry {
  /** 0-based index of its row in the sheet's values. */
  readonly row: number;
  /** Undefined when the date cell cannot be read as a date. */
  readonly date?: number;
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly score?: number;
  readonly grade?: Grade;
  /** Undefined when the archive has no warning-codes column (an archive from before the audit trail). */
  readonly warnings?: readonly WarningCode[];
  readonly recommendedLimit?: number;
  /** The customer sheet its review read; "" when the archive does not say (a row of any sheet). */
  readonly sheet: string;
  /** The unit its amounts are in; undefined when none is stated (they are in the unit of the review reading them). */
  readonly unit?: AmountUnit;
  /** The unit its overdue amount is in: `unit` unless its row says another (an invoice ledger's currency). */
  readonly overdueUnit?: AmountUnit;
  /** Its cells in ARCHIVE_FIELDS order, for writing it again when the archive is rewritten below it. */
  readonly line: readonly PlanValue[];
}

export interface ArchiveContents {
  readonly headerRow: number;
  /** True when the header is this version's, column for column (in either language). */
  readonly current: boolean;
  /** The fields its header has a column for: a figure of a column it lacks is unknown, not blank. */
  readonly fields: ReadonlySet<ArchiveField>;
  readonly entries: readonly ArchiveEntry[];
  /** Last non-blank row of the sheet (0-based), -1 for an empty sheet. */
  readonly lastRow: number;
  /**
   * Columns (0-based) within the archive's width whose header is none of the archive's: the
   * user's, in an archive of an older layout that rewriting under this version's header would
   * write over.
   */
  readonly foreignColumns: readonly number[];
}

/** A grade as the archive shows it, in either language, back to the grade. */
const GRADE_BY_NAME = new Map<string, Grade>(
  GRADES.flatMap((g) => [headerKey(gradeName(g, "en")), headerKey(gradeName(g, "zh"))].map((k) => [k, g] as const)),
);

/**
 * Grade cells' texts read so far and their grades: an archive repeats the same few names row after
 * row, and normalising each again (headerKey) was a good share of reading a long one. Bounded,
 * for a column of other texts.
 */
const gradesRead = new Map<string, Grade | undefined>();
const GRADES_READ = 64;

/** A Z zone as the archive and the customer sheet show it, in either language, back to the zone. */
const ZONE_BY_NAME = new Map<string, ZZone>(
  Z_ZONES.flatMap((z) => LANGUAGES.map((lang) => [headerKey(zoneName(z, lang)), z] as const)),
);

/** A zone cell's zone, written in either language; undefined for anything else. */
export function zoneByName(value: CellValue): ZZone | undefined {
  return typeof value === "string" ? ZONE_BY_NAME.get(headerKey(value)) : undefined;
}

/** A grade cell's grade, written in either language; undefined for anything else. */
export function gradeByName(value: CellValue): Grade | undefined {
  if (typeof value !== "string") return GRADE_BY_NAME.get(headerKey(value));
  if (gradesRead.has(value)) return gradesRead.get(value);
  const grade = GRADE_BY_NAME.get(headerKey(value));
  if (gradesRead.size < GRADES_READ) gradesRead.set(value, grade);
  return grade;
}

function planValue(value: CellValue): PlanValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return serialFromDate(value) ?? null;
  return String(value);
}

/** The archive sheet's rows read back, or undefined when the sheet has no archive header. */
export function readArchive(values: readonly (readonly CellValue[])[]): ArchiveContents | undefined {
  const lastRow = lastNonBlank(values);
  const match = findHeaderRow(values, ARCHIVE_TABLE, 3);
  if (!match) return undefined;
  const c = match.columns;
  const current = ARCHIVE_FIELDS.every((f, i) => c[f] === i);
  const entries: ArchiveEntry[] = [];
  // A review's rows share one unit: each label is read once.
  const units = new Map<string, AmountUnit | undefined>();
  const unitOf = (value: CellValue): AmountUnit | undefined => {
    if (typeof value !== "string" || value.trim() === "") return undefined;
    if (!units.has(value)) units.set(value, parseUnit(value));
    return units.get(value);
  };
  for (let r = match.headerRow + 1; r <= lastRow; r++) {
    const raw = values[r] ?? [];
    if (!raw.some((v) => !isBlankCell(v))) continue;
    const cell = (f: ArchiveField): CellValue => (c[f] === undefined ? undefined : raw[c[f] as number]);
    const date = readDate(cell("reviewDate"));
    const score = readNumber(cell("score"));
    const limit = readNumber(cell("recommendedLimit"));
    const id = String(cell("id") ?? "").trim();
    const name = String(cell("name") ?? "").trim();
    const line = ARCHIVE_FIELDS.map((f) => planValue(cell(f)));
    if (date.kind === "date") line[0] = date.serial;
    const unit = unitOf(cell("unit"));
    entries.push({
      row: r,
      date: date.kind === "date" ? date.serial : undefined,
      key: archiveKey(id, name),
      id,
      name,
      score: score.kind === "number" ? score.value : undefined,
      grade: gradeByName(cell("grade")),
      warnings: c.warnings === undefined ? undefined : readCodes(cell("warnings")),
      recommendedLimit: limit.kind === "number" ? limit.value : undefined,
      sheet: String(cell("sheet") ?? "").trim(),
      unit,
      // Blank, or a column older archives lack: in the row's unit, as every amount was read before.
      overdueUnit: unitOf(cell("overdueUnit")) ?? unit,
      line,
    });
  }
  const fields = new Set(ARCHIVE_FIELDS.filter((f) => c[f] !== undefined));
  const ours = new Set<number>(Object.values(c).filter((column): column is number => column !== undefined));
  const header = values[match.headerRow] ?? [];
  const foreignColumns: number[] = [];
  for (let column = 0; column < ARCHIVE_FIELDS.length; column++)
    if (!isBlankCell(header[column]) && !ours.has(column)) foreignColumns.push(column);
  return { headerRow: match.headerRow, current, fields, entries, lastRow, foreignColumns };
}

const VERSION_AT = ARCHIVE_FIELDS.indexOf("policyVersion");

/** The policy version an archived row's review used; undefined when the row does not say. */
export function versionOf(entry: ArchiveEntry): string | undefined {
  const cell = entry.line[VERSION_AT];
  return typeof cell === "string" && cell.trim() !== "" ? cell.trim() : undefined;
}

/** Whether an archived row is one of a customer sheet's reviews: it names that sheet (see claimUnnamed for rows naming none). */
export function isOfSheet(entry: ArchiveEntry, sheet: string): boolean {
  return sameSheetName(entry.sheet, sheet);
}

/** Whether the archive holds rows that name no customer sheet (written before rows named theirs). */
export function hasUnnamed(contents: ArchiveContents | undefined): boolean {
  return contents?.entries.some((e) => e.sheet === "") ?? false;
}

/**
 * Rows written before archive rows named their customer sheet, given to this sheet where they
 * are its reviews: the rows of one review date naming no sheet are this sheet's when most of their
 * customers (`keys`, this sheet's archiveKeys) are on it. A workbook with one customer sheet gets
 * them all back; with two (domestic and export) each review goes to the sheet whose customers it
 * holds, and a review of the other sheet neither reads it as its own nor replaces it. Claimed rows
 * are named after the sheet, in the lines written back too, so every later review reads them so.
 */
export function claimUnnamed(contents: ArchiveContents, sheet: string, keys: ReadonlySet<string>): ArchiveContents {
  const groups = new Map<number | undefined, { size: number; onSheet: number }>();
  for (const e of contents.entries) {
    if (e.sheet !== "") continue;
    let group = groups.get(e.date);
    if (!group) groups.set(e.date, (group = { size: 0, onSheet: 0 }));
    group.size++;
    if (keys.has(e.key)) group.onSheet++;
  }
  if (groups.size === 0) return contents;
  const at = ARCHIVE_FIELDS.indexOf("sheet");
  const entries = contents.entries.map((e) => {
    if (e.sheet !== "") return e;
    const group = groups.get(e.date)!;
    if (group.onSheet * 2 <= group.size) return e;
    const line = [...e.line];
    line[at] = sheet;
    return { ...e, sheet, line };
  });
  return { ...contents, entries };
}

/** The other customer sheets the archive holds reviews of before `asOf`, by name as first written, at most `count`. */
export function otherSheetsIn(contents: ArchiveContents | undefined, sheet: string, asOf: number, count = 3): string[] {
  const names: string[] = [];
  for (const e of contents?.entries ?? []) {
    if (e.sheet === "" || e.date === undefined || e.date >= asOf || sameSheetName(e.sheet, sheet)) continue;
    if (names.some((n) => sameSheetName(n, e.sheet))) continue;
    names.push(e.sheet);
    if (names.length === count) break;
  }
  return names;
}

/**
 * The archive as one customer sheet's history: only that sheet's rows. Two customer sheets of
 * a workbook (a sheet per branch, domestic and export) are two portfolios, each compared with
 * its own last review; a renamed sheet starts a history of its own.
 */
export function sheetArchive(contents: ArchiveContents | undefined, sheet: string): ArchiveContents | undefined {
  if (!contents) return contents;
  // The name folded once, not twice a row: an archive holds a row per customer per review.
  const wanted = sheetNameKey(sheet);
  const entries = contents.entries.filter((e) => e.sheet === sheet || sheetNameKey(e.sheet) === wanted);
  return entries.length === contents.entries.length ? contents : { ...contents, entries };
}

/**
 * The archive as the history of each other customer sheet it holds reviews of, by the name its
 * rows first give it: what a sheet renamed since, or copied, was reviewed as. Rows naming no sheet
 * are no sheet's history.
 */
export function otherSheetHistories(contents: ArchiveContents | undefined, sheet: string): SheetHistory[] {
  const bySheet = new Map<string, { sheet: string; entries: ArchiveEntry[] }>();
  const own = sheetNameKey(sheet);
  for (const e of contents?.entries ?? []) {
    if (e.sheet === "") continue;
    const key = sheetNameKey(e.sheet);
    if (key === own) continue;
    const group = bySheet.get(key);
    if (group) group.entries.push(e);
    else bySheet.set(key, { sheet: e.sheet, entries: [e] });
  }
  return [...bySheet.values()].map(({ sheet: name, entries }) => ({ sheet: name, history: { ...contents!, entries } }));
}

/** A codes cell's codes in upper case, separated as the archive writes them or as a hand types them. */
function codesIn(value: CellValue): string[] {
  if (typeof value !== "string") return [];
  return value.split(/[,，;；\s]+/).map((s) => s.trim().toUpperCase());
}

function readCodes(value: CellValue): WarningCode[] {
  return codesIn(value).filter((s): s is WarningCode => (WARNING_CODES as readonly string[]).includes(s));
}

const ACTIONS_AT = ARCHIVE_FIELDS.indexOf("actions");
const ACTION_TAKEN_AT = ARCHIVE_FIELDS.indexOf("actionTaken");

/**
 * The actions an archived row's review recommended; none when the archive has no action-codes
 * column. Read from the row's cells when asked (of the last review's rows only), not for every
 * row of every review the archive holds.
 */
export function actionsOf(entry: ArchiveEntry): Action[] {
  return actionCodesIn(entry.line[ACTIONS_AT]);
}

/** The actions an action-codes cell names, in its order: what the review asked of the team for that customer. */
export function actionCodesIn(value: CellValue): Action[] {
  return codesIn(value).filter((s): s is Action => (ACTIONS as readonly string[]).includes(s));
}

/** What the customer sheet's Action taken column said at an archived row's review; undefined when blank (or the archive has no such column). */
export function actionTakenOf(entry: ArchiveEntry): string | undefined {
  const value = entry.line[ACTION_TAKEN_AT];
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

/** What the archive knows of the reviews before one as-of date. */
export interface EarlierReviews {
  /** Each customer's latest archived review before the as-of date (with a score). */
  readonly byCustomer: ReadonlyMap<string, ArchiveEntry>;
  /** Every customer some review before the as-of date archived, scored or not, with its latest row (its name as last archived). */
  readonly latest: ReadonlyMap<string, ArchiveEntry>;
  /** The latest review before the as-of date: its date and its rows. */
  readonly last?: { readonly date: number; readonly entries: readonly ArchiveEntry[] };
}

/**
 * The reviews before `asOf`. Reviews on the as-of date itself are re-runs of this review,
 * not its predecessor; a later one is not a previous review either.
 */
export function earlierReviews(contents: ArchiveContents | undefined, asOf: number): EarlierReviews {
  const byCustomer = new Map<string, ArchiveEntry>();
  const latest = new Map<string, ArchiveEntry>();
  let lastDate: number | undefined;
  for (const e of contents?.entries ?? []) {
    if (e.date === undefined || e.date >= asOf || e.key === "") continue;
    if (lastDate === undefined || e.date > lastDate) lastDate = e.date;
    const newest = latest.get(e.key);
    if (!newest || e.date >= newest.date!) latest.set(e.key, e);
    if (e.score === undefined) continue;
    const scored = byCustomer.get(e.key);
    if (!scored || e.date >= scored.date!) byCustomer.set(e.key, e);
  }
  if (lastDate === undefined) return { byCustomer, latest };
  const entries = contents!.entries.filter((e) => e.date === lastDate && e.key !== "");
  return { byCustomer, latest, last: { date: lastDate, entries } };
}

/** A customer's latest archived review that scored it: its date and score. */
export type ArchivedScore = Pick<ArchiveEntry, "date" | "score">;

/**
 * Every customer an earlier review archived, with the latest review that scored it: undefined
 * when none did (the sheet's previous-score column then does not stand in).
 */
export function previousScoresOf(earlier: EarlierReviews): Map<string, ArchivedScore | undefined> {
  const scores = new Map<string, ArchivedScore | undefined>();
  for (const key of earlier.latest.keys()) scores.set(key, earlier.byCustomer.get(key));
  return scores;
}

export function lastNonBlank(values: readonly (readonly CellValue[])[]): number {
  for (let r = values.length - 1; r >= 0; r--) if ((values[r] ?? []).some((v) => !isBlankCell(v))) return r;
  return -1;
}

/**
 * Reading one customer's row: every cell through the shared cell readers, every bad
 * cell reported with its row and column so the user can find it.
 */
import { columnLetter } from "../a1";
import { amountOrProblem, CellValue, CurrencyMark, isEmptyCell, numberOrProblem, readDate, showValue } from "../cells";
import { CreditError, notDateError, notNumberError } from "../errors";
import { FACTORS, MAX_FACTOR, MIN_FACTOR } from "../policy";
import { readFactor } from "../score";
import { booleanText } from "../shown-text";
import { parseZModel, ZModel } from "../z-models";
import type { ColumnMap } from "./columns";
import { farFromReviewDate } from "./far-dates";
import { InputField, isTotalsLabel, NUMBER_FIELDS } from "./fields";
import type { NoteTarget } from "./notes";
import { refusedTargets, TwoCurrencies } from "./row-currencies";
import { Conversion, convert, ExpectedCurrency, otherCurrencyError } from "./units";
import "../i18n/report";

/** A cell that could not be read: the field it holds and the error placed at it. */
export interface BadCell {
  readonly field: InputField;
  readonly error: CreditError;
}

export interface CustomerRow {
  /** 1-based row on the sheet. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly factors: readonly number[];
  /** Problems that stop the customer's score: a bad factor, or neither id nor name. */
  readonly fatal: readonly CreditError[];
  /** Other cells that could not be read: each leaves its field blank and switches off what needs it. */
  readonly badCells: readonly BadCell[];
  readonly numbers: Partial<Record<InputField, number>>;
  /** The currency each amount read was marked with ("USD 100,000"); undefined when none was (most rows). */
  readonly marks?: Partial<Record<InputField, CurrencyMark>>;
  readonly negativeNewsDate?: number;
  readonly zModel?: ZModel;
  /** What the team recorded it did since the last review's recommendation (see ACTION_TAKEN_MAX); undefined when blank. */
  readonly actionTaken?: string;
}

/**
 * The characters of an Action taken cell the review keeps: the archive holds it on every
 * customer's row of every review, and the faces quote it. A longer cell stays as it is on the
 * sheet; its first ones are kept, and a note at the cell says so.
 */
export const ACTION_TAKEN_MAX = 500;

const NON_NEGATIVE: ReadonlySet<InputField> = new Set([
  "creditLimit",
  "overdueAmount",
  "daysPastDue",
  "currentAssets",
  "currentLiabilities",
  "inventory",
  "totalAssets",
  "totalLiabilities",
  "interestExpense",
  "sales",
]);

export interface RowContext {
  readonly columns: ColumnMap;
  readonly headers: readonly string[];
  /** Sheet row and column of values[0][0], 0-based, for the numbers people see. */
  readonly originRow: number;
  readonly originColumn: number;
  /** The review date: a date cell more than a century from it is a number that is no date (see farFromReviewDate). */
  readonly asOf: number;
  /** The number columns this sheet has, found once per review rather than looked up per cell. */
  readonly numberColumns: readonly NumberColumn[];
  /** The currency a column's text amounts are expected in, when a unit or its other amounts say one (see units.ts). */
  readonly expectedCurrency: (column: number) => ExpectedCurrency | undefined;
  /** The currency each amount column is in, by field, as its unit (or the sheet's line) or its marks say (see units.ts). */
  readonly columnCurrencies: Partial<Record<InputField, CurrencyMark>>;
  /**
   * What the columns' currencies switch off for every customer (said once for the sheet):
   * for one whose Z model does without sales, and for one whose model takes them.
   */
  readonly refusedBySheet: ReadonlySet<NoteTarget>;
  readonly refusedWithSales: ReadonlySet<NoteTarget>;
}

/** What the customer sheet's currencies say for every row (see row-currencies.ts). */
export interface SheetCurrencies {
  readonly columns: Partial<Record<InputField, CurrencyMark>>;
  readonly twoCurrencies: readonly TwoCurrencies[];
}

const NO_CURRENCIES: SheetCurrencies = { columns: {}, twoCurrencies: [] };

interface NumberColumn {
  readonly field: InputField;
  readonly column: number;
  readonly nonNegative: boolean;
  /**
   * An amount, or a count of days, either of which runs into thousands: a text such as "12.500"
   * is then 12,500 or 12.5 and reported, not read (the previous score's dot is a decimal point).
   */
  readonly asAmount: boolean;
  /** Into the review's unit, when the column states another (see units.ts). */
  readonly conversion?: Conversion;
}

/** What reading a row needs to know about the sheet, worked out once per review. */
export function rowContext(
  columns: ColumnMap,
  headers: readonly string[],
  origin: { readonly row: number; readonly column: number },
  asOf: number,
  conversions: Partial<Record<InputField, Conversion>> = {},
  expectedCurrency: RowContext["expectedCurrency"] = () => undefined,
  currencies: SheetCurrencies = NO_CURRENCIES,
): RowContext {
  const numberColumns: NumberColumn[] = [];
  for (const field of NUMBER_FIELDS) {
    const column = columns[field];
    if (column !== undefined)
      numberColumns.push({
        field,
        column,
        nonNegative: NON_NEGATIVE.has(field),
        asAmount: field !== "previousScore",
        conversion: conversions[field],
      });
  }
  return {
    columns,
    headers,
    originRow: origin.row,
    originColumn: origin.column,
    asOf,
    numberColumns,
    expectedCurrency,
    columnCurrencies: currencies.columns,
    refusedBySheet: refusedTargets(currencies.twoCurrencies, false),
    refusedWithSales: refusedTargets(currencies.twoCurrencies, true),
  };
}

function text(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return "";
}

function columnName(ctx: RowContext, column: number): string {
  const header = ctx.headers[column];
  const letter = columnLetter(column + ctx.originColumn);
  return header ? `${letter} (${header})` : letter;
}

/** A row of the table that is not a customer: one adding customers up, or a heading over some. */
export interface LeftOutLine {
  readonly label: string;
  /** "units": a row under the header giving the columns' units (see units.ts). */
  readonly kind: "totals" | "heading" | "units";
}

/**
 * Whether a row of the table is not a customer, and what it is: a totals row ("Total", "North
 * subtotal", "华东合计" in its id or name cell, and no factor scored or no id of its own, as a
 * row of averaged factors under a blank id), or a heading ("Region: North": one text in the id
 * or name cell, every other recognised cell empty). A customer named "Total Logistics" with its
 * id and its scores is a customer.
 */
export function leftOutLine(values: readonly CellValue[], ctx: RowContext): LeftOutLine | undefined {
  const { id, name } = ctx.columns;
  const idCell = id === undefined ? undefined : values[id];
  const nameCell = name === undefined ? undefined : values[name];
  let scored = false;
  for (let i = 0; i < FACTORS.length; i++) {
    if (!isEmptyCell(values[ctx.columns[FACTORS[i]] ?? -1])) {
      scored = true;
      break;
    }
  }
  const totals = isTotalsLabel(nameCell) ? nameCell : isTotalsLabel(idCell) ? idCell : undefined;
  if (totals !== undefined) {
    const noIdOfItsOwn = id !== undefined && (totals === idCell || isEmptyCell(idCell));
    return !scored || noIdOfItsOwn ? { label: showValue(String(totals).trim()), kind: "totals" } : undefined;
  }
  if (scored) return undefined;
  let text: string | undefined;
  for (const column of Object.values(ctx.columns) as number[]) {
    const value = values[column];
    if (isEmptyCell(value)) continue;
    if (text !== undefined || (column !== id && column !== name) || typeof value !== "string") return undefined;
    text = value.trim();
  }
  // Named in messages: as short as any value a message quotes.
  return text === undefined ? undefined : { label: showValue(text), kind: "heading" };
}

/** True when none of the row's recognised cells holds anything: such rows are gaps, not customers. */
export function isBlankRow(values: readonly CellValue[], columns: readonly number[]): boolean {
  for (const column of columns) if (!isEmptyCell(values[column])) return false;
  return true;
}

/**
 * Every customer's numbers in one object shape (each field present, undefined when blank):
 * objects built key by key in varying orders get a different shape per row, and every later
 * read of them in the review turns slow.
 */
function blankNumbers(): Partial<Record<InputField, number>> {
  return {
    previousScore: undefined,
    creditLimit: undefined,
    balance: undefined,
    overdueAmount: undefined,
    daysPastDue: undefined,
    currentAssets: undefined,
    currentLiabilities: undefined,
    inventory: undefined,
    totalAssets: undefined,
    totalLiabilities: undefined,
    retainedEarnings: undefined,
    ebit: undefined,
    interestExpense: undefined,
    sales: undefined,
    equity: undefined,
  };
}

/** A row's id and name as the review reads them, without reading the rest of it. */
export function idAndName(values: readonly CellValue[], ctx: RowContext): { readonly id: string; readonly name: string } {
  return { id: text(cellOf(values, "id", ctx)), name: text(cellOf(values, "name", ctx)) };
}

/** The row's cell for a field; undefined when the sheet has no such column. */
function cellOf(values: readonly CellValue[], field: InputField, ctx: RowContext): CellValue {
  const column = ctx.columns[field];
  return column === undefined ? undefined : values[column];
}

/** The error placed at the field's cell. */
export function inCell(error: CreditError, field: InputField, row: number, ctx: RowContext): CreditError {
  return error.at({ row, column: columnName(ctx, ctx.columns[field] as number) });
}

/**
 * Reads the row: a bad factor (or a row naming no customer) is fatal to its score, any other
 * bad cell is left blank and reported with its row and column. Plain loops and module-level
 * helpers, no closures: it runs once per customer.
 */
export function readCustomerRow(values: readonly CellValue[], index: number, ctx: RowContext): CustomerRow {
  const row = index + 1 + ctx.originRow;
  let fatal: CreditError[] | undefined;
  let badCells: BadCell[] | undefined;

  const factors = new Array<number>(FACTORS.length);
  for (let i = 0; i < FACTORS.length; i++) {
    const factor = FACTORS[i];
    try {
      factors[i] = readFactor(cellOf(values, factor, ctx), i);
    } catch (error) {
      if (!(error instanceof CreditError)) throw error;
      (fatal ??= []).push(inCell(error, factor, row, ctx));
    }
  }
  // A new account with no score yet is one thing to fix, not five: said once, at its first factor.
  if (fatal?.length === FACTORS.length && fatal.every((e) => e.key === "score.factorBlank"))
    fatal = [inCell(new CreditError("value", "review.notScoredYet"), FACTORS[0], row, ctx)];

  const numbers = blankNumbers();
  let marks: Partial<Record<InputField, CurrencyMark>> | undefined;
  for (let i = 0; i < ctx.numberColumns.length; i++) {
    const { field, column, nonNegative, asAmount, conversion } = ctx.numberColumns[i];
    const cell = values[column];
    const read = asAmount ? amountOrProblem(cell) : numberOrProblem(cell);
    let value = 0;
    let mark: CurrencyMark | undefined;
    let error: CreditError | undefined;
    if (typeof read === "number") value = read;
    else if (read.kind === "blank") continue;
    else if (read.kind === "invalid") error = notNumberError(read, "review.notNumber");
    else {
      error = otherCurrencyError(read, cell, ctx.expectedCurrency(column));
      value = read.value;
      mark = read.currency;
    }
    if (error === undefined) {
      if (nonNegative && value < 0) error = new CreditError("num", "review.negative", { value });
      else if (field === "previousScore" && !(value >= MIN_FACTOR && value <= MAX_FACTOR))
        error = new CreditError("num", "score.scoreRange", { value });
      else if (conversion && !Number.isFinite(convert(value, conversion)))
        error = new CreditError("num", "review.convertedTooLarge", { value });
    }
    if (error) (badCells ??= []).push({ field, error: inCell(error, field, row, ctx) });
    else {
      numbers[field] = conversion ? convert(value, conversion) : value;
      if (mark !== undefined) (marks ??= {})[field] = mark;
    }
  }

  let negativeNewsDate: number | undefined;
  if (ctx.columns.negativeNewsDate !== undefined) {
    const cell = cellOf(values, "negativeNewsDate", ctx);
    const reading = readDate(cell);
    const error =
      reading.kind === "invalid"
        ? notDateError(reading, "review.notDate")
        : reading.kind === "date"
          ? farFromReviewDate(reading.serial, cell, ctx.asOf)
          : undefined;
    if (error) (badCells ??= []).push({ field: "negativeNewsDate", error: inCell(error, "negativeNewsDate", row, ctx) });
    else if (reading.kind === "date") negativeNewsDate = reading.serial;
  }

  let zModel: ZModel | undefined;
  const modelText = text(cellOf(values, "zModel", ctx));
  if (modelText !== "") {
    zModel = parseZModel(modelText);
    if (zModel === undefined) {
      const error = new CreditError("value", "review.notModel", { value: modelText.slice(0, 40) });
      (badCells ??= []).push({ field: "zModel", error: inCell(error, "zModel", row, ctx) });
    }
  }

  let actionTaken: string | undefined;
  if (ctx.columns.actionTaken !== undefined) {
    // A response Excel turned into TRUE or FALSE reads as the cell shows it (a number comes shown from the face).
    const cell = cellOf(values, "actionTaken", ctx);
    const taken = typeof cell === "boolean" ? booleanText(cell) : text(cell);
    if (taken.length > ACTION_TAKEN_MAX) {
      const error = new CreditError("value", "review.actionTakenLong", { length: taken.length, max: ACTION_TAKEN_MAX });
      (badCells ??= []).push({ field: "actionTaken", error: inCell(error, "actionTaken", row, ctx) });
      // Not cut inside a surrogate pair: a character beyond the first plane stays whole or goes.
      actionTaken = `${taken.slice(0, ACTION_TAKEN_MAX).replace(/[\uD800-\uDBFF]$/, "")}…`;
    } else if (taken !== "") actionTaken = taken;
  }

  const id = text(cellOf(values, "id", ctx));
  const name = text(cellOf(values, "name", ctx));
  if (id === "" && name === "") {
    const field = ctx.columns.name !== undefined ? "name" : "id";
    (fatal ??= []).push(inCell(new CreditError("value", "review.noName"), field, row, ctx));
  }

  return {
    row,
    id,
    name,
    factors,
    fatal: fatal ?? NONE,
    badCells: badCells ?? NONE,
    numbers,
    marks,
    negativeNewsDate,
    zModel,
    actionTaken,
  };
}

const NONE: readonly never[] = Object.freeze([]);

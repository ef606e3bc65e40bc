import type { DateReading, TwoReadings } from "./cells";
import { catalogue, Lang, message, MessageKey, MessageParams } from "./i18n";

/** Which Excel error a failure maps to; the function adapter turns it into a CustomFunctions.ErrorCode. */
export type ErrorKind = "value" | "num" | "div0" | "na";

/**
 * Where a bad value sits, so that a message can say "row 17", "dueDates row 17" or
 * "amounts row 2, column 3" — the user must be able to find the cell to fix.
 */
export interface ErrorPlace {
  readonly param?: string;
  readonly row?: number;
  readonly column?: string;
  /** Set when the cell is on another sheet than the one under review (an invoice ledger, the policy sheet). */
  readonly sheet?: string;
  /**
   * The policy setting a bad value is for ("maxDebtRatio", "weight.paymentHistory"): the
   * message then names it by its label in the reader's language, not by its key.
   */
  readonly setting?: string;
}

/**
 * A place's column as places carry it, "E (Total liabilities)": its letters and its header ("" when
 * it has none). Undefined for a column that is no sheet's letters (a function's range counts "3").
 */
function columnParts(column: string | undefined): { readonly letters: string; readonly header: string } | undefined {
  const found = column === undefined ? null : /^([A-Z]{1,3})(?![A-Za-z])\s*(?:\((.*)\))?$/su.exec(column);
  return found ? { letters: found[1], header: (found[2] ?? "").trim() } : undefined;
}

/**
 * The cell a place names: the column's letters and the row make the address "E24"; the header
 * is the column's, without its brackets (each language has its own). Undefined without both.
 */
export function placeCell(place: ErrorPlace): { readonly address: string; readonly header: string } | undefined {
  const parts = columnParts(place.column);
  if (place.row === undefined || parts === undefined) return undefined;
  return { address: `${parts.letters}${place.row}`, header: parts.header };
}

/** A cell or column with its header aside, in the language's brackets: "E24 (Industry risk)", "E24（行业风险）". */
export function withHeader(at: string, header: string, lang: Lang): string {
  return header ? message(lang, "sep.aside", { main: at, aside: header }) : at;
}

/**
 * A place's column as the reader's language names it, its header after the whole name: "column E
 * (Industry risk)", "E 列（行业风险）" (never "E（行业风险）列"); a range's column counted, "column
 * 3", "第 3 列".
 */
export function columnText(column: string, lang: Lang): string {
  const parts = columnParts(column);
  if (!parts) return message(lang, "where.columnCounted", { column });
  return withHeader(message(lang, "where.column", { column: parts.letters }), parts.header, lang);
}

/**
 * The one error type of the engine: a message key with its parameters, never a
 * finished English sentence, so that every front end can say it in the user's language.
 */
export class CreditError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly place: ErrorPlace = {},
  ) {
    super(describeError({ key, params, place }, "en"));
    this.name = "CreditError";
  }

  /** The same error, located more precisely (inner places win over outer ones). */
  at(place: ErrorPlace): CreditError {
    return new CreditError(this.kind, this.key, this.params, { ...place, ...this.place });
  }
}

/**
 * An argument's name as its reader sees it (a function's parameter as Excel shows it in their
 * language), or undefined to keep the name as the engine knows it.
 */
export type ArgumentNames = (param: string) => string | undefined;

/** The message parameters that hold an argument's name: the one the error is about, and another it is compared with. */
const ARGUMENT_PARAMS = ["param", "other"] as const;

/** The error's own sentence, without where it is; a policy setting it names is named by its label, an argument by `names`. */
export function errorText(error: Pick<CreditError, "key" | "params" | "place">, lang: Lang, names?: ArgumentNames): string {
  const { setting } = error.place;
  if (setting === undefined && names === undefined) return message(lang, error.key, error.params);
  const params: Record<string, MessageParams[string]> = { ...error.params };
  if (setting !== undefined) {
    const label = (catalogue(lang) as Readonly<Record<string, string>>)[`policy.${setting}`] ?? setting;
    for (const name of ["field", "param"]) if (name in params) params[name] = label;
  } else if (names !== undefined) {
    for (const name of ARGUMENT_PARAMS) {
      // An argument's name is one value, never a list.
      const value = params[name];
      if (value !== undefined && typeof value !== "object") params[name] = names(String(value)) ?? value;
    }
  }
  return message(lang, error.key, params);
}

export function describeError(error: Pick<CreditError, "key" | "params" | "place">, lang: Lang, names?: ArgumentNames): string {
  const text = errorText(error, lang, names);
  const { row, sheet } = error.place;
  const column = error.place.column === undefined ? undefined : columnText(error.place.column, lang);
  const param = error.place.param === undefined ? undefined : (names?.(error.place.param) ?? error.place.param);
  if (sheet !== undefined && row !== undefined && column !== undefined) {
    return message(lang, "where.sheetRowColumn", { sheet, row, column, text });
  }
  if (sheet !== undefined && row !== undefined) return message(lang, "where.sheetRow", { sheet, row, text });
  // An argument's place is counted within its range: "amounts row 2, column 3" in a function's 2-D range.
  if (param !== undefined && row !== undefined && column !== undefined) {
    return message(lang, "where.paramRowColumn", { param, row, column, text });
  }
  if (row !== undefined && column !== undefined) {
    return message(lang, "where.rowColumn", { row, column, text });
  }
  if (param !== undefined && row !== undefined) {
    return message(lang, "where.paramRow", { param, row, text });
  }
  if (param !== undefined && column !== undefined) {
    return message(lang, "where.paramColumn", { param, column, text });
  }
  // A text that does not name its argument itself (a date's day-and-month order) is put after it.
  if (param !== undefined) return message(lang, "where.param", { param, text });
  if (row !== undefined) return message(lang, "where.row", { row, text });
  if (sheet !== undefined) return message(lang, "where.sheet", { sheet, text });
  return text;
}

/** A reading of a figure in a message: grouped the usual way, its decimals as typed ("12,500", "12.5"). */
const READING_TEXT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

/**
 * The error for a cell that is not a number, said the same way by every face: one whose dot could
 * group thousands ("12.500") gives both its readings and asks for the number as a number (an
 * argument's named by `params.param`); any other is `key`'s, with what the cell holds as `value`.
 */
export function notNumberError(
  reading: { readonly shown: string; readonly ambiguous?: TwoReadings; readonly percent?: true },
  key: MessageKey,
  params: MessageParams = {},
  place: ErrorPlace = {},
): CreditError {
  if (reading.percent)
    return "param" in params
      ? new CreditError("value", "arg.percentAmount", { param: params.param, value: reading.shown }, place)
      : new CreditError("value", "number.percentAmount", { value: reading.shown }, place);
  if (reading.ambiguous === undefined) return new CreditError("value", key, { ...params, value: reading.shown }, place);
  const readings = {
    value: reading.shown,
    grouped: READING_TEXT.format(reading.ambiguous.grouped),
    decimal: READING_TEXT.format(reading.ambiguous.decimal),
  };
  return "param" in params
    ? new CreditError("value", "arg.ambiguousNumber", { param: params.param, ...readings }, place)
    : new CreditError("value", "number.ambiguous", readings, place);
}

/**
 * The error for a cell that is not a date, said the same way by every face: a text with day and
 * month before the year ("01/11/2026") gives the dates it could be and asks for the one meant year
 * first, at the argument's or cell's place (an argument's named by `params.param`); any other is
 * `key`'s, with what the cell holds as `value`.
 */
export function notDateError(
  reading: Extract<DateReading, { kind: "invalid" }>,
  key: MessageKey,
  params: MessageParams = {},
  place: ErrorPlace = {},
): CreditError {
  const { dayMonth } = reading;
  if (dayMonth === undefined) return new CreditError("value", key, { ...params, value: reading.shown }, place);
  const at = "param" in params ? { param: String(params.param), ...place } : place;
  return dayMonth.length === 1
    ? new CreditError("value", "date.dayMonthOrder", { value: reading.shown, first: dayMonth[0] }, at)
    : new CreditError("value", "date.dayMonthEither", { value: reading.shown, first: dayMonth[0], second: dayMonth[1] }, at);
}

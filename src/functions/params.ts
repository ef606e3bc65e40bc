/**
 * Typed parameters for the CREDIT.* functions. Each function declares its parameters as a
 * table (name, whether Excel may leave it out, its default, its constraints), so the table
 * can be checked against the JSDoc Excel shows, and this one module turns what Excel passes
 * (numbers, text numbers, blanks as null/""/0, booleans, date serials, 2-D ranges) into typed
 * values or a CreditError naming the parameter.
 */
import {
  AmountReading,
  CellValue,
  isEmptyCell,
  plainCell,
  readAmount,
  readDate,
  readNumber,
  showValue,
  todaySerial,
} from "../engine/cells";
import { CreditError, notDateError, notNumberError } from "../engine/errors";
import { OneCurrency } from "../engine/one-currency";
import { splitList } from "../engine/policy-values";
import { Lang, LANGUAGES, message } from "../engine/i18n";

/** The default of a date parameter that Excel leaves out: today, read at call time. */
export const TODAY = Symbol("today");
/** The default of a figure a function can do without: left out, the function answers without it. */
export const NONE = Symbol("none");

export type DefaultValue = number | boolean | string | readonly number[] | typeof TODAY | typeof NONE;

export interface Param<T> {
  readonly name: string;
  /** Excel may leave it out (a `[name]` in the JSDoc); it then reads as `defaultValue`. */
  readonly optional: boolean;
  readonly defaultValue?: DefaultValue;
  /** `currencies`: the call's amounts so far, which an amount's currency mark must agree with. */
  read(raw: unknown, currencies?: OneCurrency): T;
}

export type Matrix = readonly (readonly CellValue[])[];

interface NumberConstraints {
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly greaterThan?: number;
  /** An amount of money, read as the review reads one: a text such as "12.500" is refused with its two readings. */
  readonly amount?: boolean;
}

/** A single cell; Excel lifts a range given to a scalar parameter, so a range here is a mistake. */
function scalar(name: string, raw: unknown): CellValue {
  if (!Array.isArray(raw)) return plainCell(raw);
  if (raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return plainCell(raw[0][0]);
  throw new CreditError("value", "arg.notSingle", { param: name });
}

function checkConstraints(name: string, value: number, c: NumberConstraints): number {
  if (c.greaterThan !== undefined && !(value > c.greaterThan)) {
    throw new CreditError("num", "arg.greaterThan", { param: name, limit: c.greaterThan, value });
  }
  if (c.minValue !== undefined && value < c.minValue)
    throw new CreditError("num", c.minValue === 0 ? "arg.negative" : "arg.minValue", { param: name, limit: c.minValue, value });
  if (c.maxValue !== undefined && value > c.maxValue)
    throw new CreditError("num", "arg.maxValue", { param: name, limit: c.maxValue, value });
  return value;
}

/**
 * `asAmount`: the argument is an amount, read as the review reads one (readAmount: "12.500" is
 * refused with its two readings), its currency mark noted in `currencies`: a function's amounts
 * are worked out together, so they must be in one currency.
 */
function toNumber(name: string, raw: unknown, asAmount = false, currencies?: OneCurrency): number | undefined {
  const cell = scalar(name, raw);
  const reading: AmountReading = asAmount ? readAmount(cell) : readNumber(cell);
  if (reading.kind === "blank") return undefined;
  if (reading.kind === "invalid") throw notNumberError(reading, "arg.notNumber", { param: name });
  currencies?.note(name, reading.currency);
  return reading.value;
}

/** A date argument as a serial; undefined when blank (0 included: an empty cell as desktop Excel passes it). */
function toDate(name: string, raw: unknown): number | undefined {
  const reading = readDate(scalar(name, raw));
  if (reading.kind === "blank") return undefined;
  if (reading.kind === "invalid") throw notDateError(reading, "arg.notDate", { param: name });
  return reading.serial;
}

/** A required number; a blank is an error that says so, not a silent 0. */
export function number(name: string, constraints: NumberConstraints = {}): Param<number> {
  return {
    name,
    optional: false,
    read(raw, currencies) {
      const value = toNumber(name, raw, constraints.amount, currencies);
      if (value === undefined) throw new CreditError("value", "arg.blank", { param: name });
      return checkConstraints(name, value, constraints);
    },
  };
}

/** An optional number: omitted or blank gives `defaultValue`. */
export function optionalNumber(name: string, defaultValue: number, constraints: NumberConstraints = {}): Param<number> {
  return {
    name,
    optional: true,
    defaultValue,
    read(raw) {
      const value = toNumber(name, raw);
      return value === undefined ? defaultValue : checkConstraints(name, value, constraints);
    },
  };
}

/**
 * A number a function reads only when it needs it (sales, for a Z model that uses them): what
 * it does not use it does not refuse, as the review does not. Reading gives undefined when blank.
 */
export function numberIfUsed(name: string, constraints: Pick<NumberConstraints, "amount"> = {}): Param<() => number | undefined> {
  // Its mark is noted when it is read, after every other argument: one the function does not use does not count.
  return { name, optional: false, read: (raw, currencies) => () => toNumber(name, raw, constraints.amount, currencies) };
}

/** Words people type for yes and no, in both languages; numbers are read as Excel does (0 is FALSE). */
const TRUE_WORDS: readonly string[] = ["true", "yes", "y", "1", "是"];
const FALSE_WORDS: readonly string[] = ["false", "no", "n", "0", "否"];

/** An optional TRUE/FALSE: omitted or blank gives `defaultValue`. */
export function flag(name: string, defaultValue: boolean): Param<boolean> {
  return {
    name,
    optional: true,
    defaultValue,
    read(raw) {
      const value = scalar(name, raw);
      if (isEmptyCell(value)) return defaultValue;
      if (typeof value === "boolean") return value;
      if (typeof value === "number" && Number.isFinite(value)) return value !== 0;
      if (typeof value === "string") {
        const text = value.trim().toLowerCase();
        if (TRUE_WORDS.includes(text)) return true;
        if (FALSE_WORDS.includes(text)) return false;
      }
      throw new CreditError("value", "arg.notFlag", { param: name, value: showValue(value) });
    },
  };
}

/**
 * An optional choice among a fixed set, read by the engine's own parser for it (so a word accepted
 * elsewhere is accepted here); a word it does not know is refused listing each choice by its
 * name in every language (`choices_en`, `choices_zh`), so the message can list the reader's.
 */
export function choice<T extends string>(
  name: string,
  parse: (text: string) => T | undefined,
  defaultValue: T,
  names: Readonly<Record<Lang, Readonly<Record<T, string>>>>,
): Param<T> {
  const choices: Record<string, string> = {};
  for (const lang of LANGUAGES) choices[`choices_${lang}`] = Object.values<string>(names[lang]).join(message(lang, "sep.list"));
  return {
    name,
    optional: true,
    defaultValue,
    read(raw) {
      const value = scalar(name, raw);
      // 0 is how desktop Excel passes an empty cell, and no choice is a number.
      if (isEmptyCell(value) || value === 0) return defaultValue;
      const found = parse(String(value));
      if (found === undefined)
        throw new CreditError("value", "arg.notChoice", { param: name, value: showValue(value), ...choices });
      return found;
    },
  };
}

/** An optional date as a serial number; omitted or blank is today, read at each call (the function is volatile). */
export function dateOrToday(name: string): Param<number> {
  return {
    name,
    optional: true,
    defaultValue: TODAY,
    read: (raw) => toDate(name, raw) ?? todaySerial(),
  };
}

/**
 * An optional number the function can do without: omitted, blank or 0 (how desktop Excel passes an
 * empty cell, and outside every range this is used for) is undefined.
 */
export function optionalFigure(name: string, constraints: NumberConstraints = {}): Param<number | undefined> {
  return {
    name,
    optional: true,
    defaultValue: NONE,
    read(raw) {
      const value = toNumber(name, raw);
      return value === undefined || value === 0 ? undefined : checkConstraints(name, value, constraints);
    },
  };
}

/** An optional date the function can do without: omitted or blank (0 included) is undefined. */
export function optionalDate(name: string): Param<number | undefined> {
  return { name, optional: true, defaultValue: NONE, read: (raw) => toDate(name, raw) };
}

/** A scalar argument's value with the cell it was read from. */
export interface WithCell<T> {
  readonly value: T;
  readonly cell: CellValue;
}

/**
 * A scalar parameter read as `param` reads it, with the cell it came from: for a check across
 * arguments (a date against another) whose message says what the cell held.
 */
export function withCell<T>(param: Param<T>): Param<WithCell<T>> {
  return {
    ...param,
    read: (raw, currencies) => ({ value: param.read(raw, currencies), cell: scalar(param.name, raw) }),
  };
}

/** A 2-D range or array constant, passed on as it is; a lone value counts as a 1×1 range. */
export function matrix(name: string): Param<Matrix> {
  return {
    name,
    optional: false,
    read(raw) {
      if (!Array.isArray(raw)) {
        if (raw === undefined || raw === null) throw new CreditError("value", "arg.blank", { param: name });
        return [[raw]];
      }
      if (raw.length === 0) throw new CreditError("value", "arg.emptyRange", { param: name });
      if (!Array.isArray(raw[0]) || raw[0].length === 0) throw new CreditError("value", "arg.ragged", { param: name });
      // The other rows are checked by rowOf where they are used: a separate pass over a
      // million-row range costs as much as the aging itself (every row is its own array).
      return raw as Matrix;
    },
  };
}

/** A range Excel may leave out: omitted (null, as Excel passes it) it is undefined. */
export function optionalMatrix(name: string): Param<Matrix | undefined> {
  const asMatrix = matrix(name);
  return {
    name,
    optional: true,
    defaultValue: NONE,
    read: (raw) => (raw === undefined || raw === null ? undefined : asMatrix.read(raw)),
  };
}

/** Row `r` of a matrix read by `matrix()`, checked to be as wide as the first. */
export function rowOf(m: Matrix, r: number, name: string): readonly CellValue[] {
  const row = m[r];
  if (!Array.isArray(row) || row.length !== m[0].length) throw new CreditError("value", "arg.ragged", { param: name });
  return row;
}

interface ListConstraints extends NumberConstraints {
  /**
   * A cell holding the number 0 is skipped as an empty one: desktop Excel passes an empty cell
   * as 0, so in a list where 0 can be nothing else (an aging edge) it can only be an empty cell.
   * A 0 typed in a text list ("0,30") is not a cell and still gets the list's own check.
   */
  readonly zeroCellIsBlank?: boolean;
}

/**
 * An optional list of numbers from a range or array constant, read row by row; blanks
 * are skipped (a range may be longer than the list). A cell of text is a list typed as text
 * ("365,730"), read as the policy reads one. Omitted or all blank gives `defaultValue`.
 */
export function optionalNumberList(
  name: string,
  defaultValue: readonly number[],
  constraints: ListConstraints = {},
): Param<readonly number[]> {
  const asMatrix = matrix(name);
  const skipsZero = constraints.zeroCellIsBlank === true;
  return {
    name,
    optional: true,
    defaultValue,
    read(raw) {
      if (isEmptyCell(raw)) return defaultValue;
      const values: number[] = [];
      const rows = asMatrix.read(raw);
      for (let r = 0; r < rows.length; r++) {
        const row = rowOf(rows, r, name);
        for (const cell of row) {
          // The empty rest of a whole column (a million cells) costs no reading.
          if (cell === null || (skipsZero && cell === 0)) continue;
          for (const item of typeof cell === "string" ? splitList(cell) : [cell]) {
            const reading = readNumber(item);
            if (reading.kind === "blank") continue;
            if (reading.kind === "invalid")
              throw new CreditError("value", "arg.notNumber", { param: name, value: reading.shown });
            values.push(checkConstraints(name, reading.value, constraints));
          }
        }
      }
      return values.length === 0 ? defaultValue : values;
    },
  };
}

type Values<P extends readonly Param<unknown>[]> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/** A function as Excel calls it, carrying the parameter table it was declared with. */
export type DeclaredFunction<R> = ((...raw: unknown[]) => R) & { readonly params: readonly Param<unknown>[] };

/**
 * Binds a parameter table to a function body: the returned function reads every
 * argument through its Param, runs the body, and turns any failure into the Excel
 * error the adapter gives it. The body is plain math over typed values.
 */
export function defineFunction<P extends readonly Param<unknown>[], R>(
  params: P,
  body: (...args: Values<P>) => R,
  onError: (error: unknown) => never,
): DeclaredFunction<R> {
  const call = (...raw: unknown[]) => {
    try {
      const currencies = new OneCurrency();
      const args = params.map((param, i) => param.read(raw[i], currencies)) as unknown as Values<P>;
      return body(...args);
    } catch (error) {
      return onError(error);
    }
  };
  return Object.assign(call, { params });
}

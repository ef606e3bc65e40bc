/**
 * Turning what a spreadsheet cell holds into a number or a date.
 *
 * Office.js, the command line's sheet reader (src/cli/package/sheet-reader.ts) and custom-function
 * arguments all hand over loosely typed cells: numbers, numbers typed as text ("1,234.5", "12%",
 * "¥3,000", "(500)"), booleans, error values, and blanks that arrive as null, undefined or "".
 * Date objects and formula cells holding their cached result come from workbooks read with
 * exceljs, as the tests read them. Every front end reads cells through this one module so that a
 * value means the same thing everywhere.
 */

export type CellValue = unknown;

/**
 * The two readings of a text amount such as "12.500": 12,500 where a dot groups thousands (much
 * of Europe, some ERPs' exports) and 12.5 where it is the decimal point. Neither is guessed.
 */
export interface TwoReadings {
  readonly grouped: number;
  readonly decimal: number;
}

export type NumberReading =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "blank" }
  | { readonly kind: "invalid"; readonly shown: string; readonly ambiguous?: TwoReadings };

/**
 * A cell read as an amount: as readNumber reads it, with the currency a text amount is marked
 * with ("USD 30,000", "¥3,000"), and a text whose dot could group thousands reported, not guessed.
 */
export type AmountReading =
  | { readonly kind: "number"; readonly value: number; readonly currency?: CurrencyMark }
  | { readonly kind: "blank" }
  | {
      readonly kind: "invalid";
      readonly shown: string;
      readonly ambiguous?: TwoReadings;
      /** A percentage where an amount belongs ("20%" in a balance column): most likely the wrong column. */
      readonly percent?: true;
    };

/**
 * The currency a text amount's mark names: an ISO code ("USD" for "USD" or "US$", "CNY" for
 * "RMB", "元" or "人民币"), or for a bare sign the family it could be of: "dollar" for "$" (US,
 * Hong Kong, Singapore…), "yen" for "¥" (yuan or yen).
 */
export type CurrencyMark = string;

const BLANK: NumberReading = { kind: "blank" };

const CURRENCY_MARKS =
  "US\\$|HK\\$|NT\\$|S\\$|A\\$|C\\$|RMB|CNY|USD|EUR|HKD|GBP|JPY|SGD|TWD|AUD|CAD|CHF|人民币|人民幣|美元|港元|港币|港幣|新台币|新台幣|新臺幣|台币|台幣|臺幣|欧元|歐元|英镑|英鎊|日元|日圓|[$¥￥€£元]";
/** A currency mark before or after the figure; the longer marks first ("US$" before "$", "美元" before "元"). */
const CURRENCY = new RegExp(`^(?:${CURRENCY_MARKS})|(?:${CURRENCY_MARKS})$`, "i");
const MARK_CURRENCY: Readonly<Record<string, CurrencyMark>> = {
  US$: "USD",
  HK$: "HKD",
  NT$: "TWD",
  S$: "SGD",
  A$: "AUD",
  C$: "CAD",
  RMB: "CNY",
  // Simplified and Traditional: an export from Taiwan or Hong Kong writes 港幣, 新臺幣.
  人民币: "CNY",
  人民幣: "CNY",
  元: "CNY",
  美元: "USD",
  港元: "HKD",
  港币: "HKD",
  港幣: "HKD",
  新台币: "TWD",
  新台幣: "TWD",
  新臺幣: "TWD",
  台币: "TWD",
  台幣: "TWD",
  臺幣: "TWD",
  欧元: "EUR",
  歐元: "EUR",
  "€": "EUR",
  英镑: "GBP",
  英鎊: "GBP",
  "£": "GBP",
  日元: "JPY",
  日圓: "JPY",
  $: "dollar",
  "¥": "yen",
  "￥": "yen",
};
/** The currencies a bare sign can stand for. */
const MARK_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  dollar: ["USD", "HKD", "SGD", "TWD", "AUD", "CAD"],
  yen: ["CNY", "JPY"],
};

/**
 * The currency a cell of a ledger's currency column names ("USD", "RMB", "人民币", "$"), as a mark
 * names it: its ISO code, or a bare sign's family; a code not known here as written, in capitals.
 */
export function currencyOfCode(text: string): CurrencyMark {
  const upper = text.trim().toUpperCase();
  return MARK_CURRENCY[upper] ?? upper;
}

/** A currency mark as a message names it: its ISO code, or for a bare sign the sign ("$", "¥"). */
export function currencyMarkText(mark: CurrencyMark): string {
  return mark === "dollar" ? "$" : mark === "yen" ? "¥" : mark;
}

/** Whether a mark is a bare sign's family ("dollar" for "$"), which an ISO code of the family narrows. */
export function isCurrencyFamily(mark: CurrencyMark): boolean {
  return MARK_FAMILIES[mark] !== undefined;
}

/** Whether two currency marks (or a mark and a unit's ISO code) can name one currency: "$" and "USD" can, "USD" and "EUR" cannot. */
export function sameCurrencyMark(a: CurrencyMark, b: CurrencyMark): boolean {
  return a === b || (MARK_FAMILIES[a]?.includes(b) ?? false) || (MARK_FAMILIES[b]?.includes(a) ?? false);
}

/**
 * The currency amounts are in once one marked `mark` joins those the marks so far put in `current`
 * (undefined while none was marked): a bare sign's family is narrowed by a code of it ("$" then
 * "USD" is US dollars, so a later "HKD" is another currency); undefined when `mark` cannot name
 * `current`'s currency.
 */
export function joinedCurrency(current: CurrencyMark | undefined, mark: CurrencyMark): CurrencyMark | undefined {
  if (current === undefined) return mark;
  if (!sameCurrencyMark(current, mark)) return undefined;
  return isCurrencyFamily(current) ? mark : current;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const FULL_WIDTH_DIGITS = /[０-９．－＋％（）]/g;
/**
 * Thousands grouped the usual way: by "," (or the full-width "，"), or by spaces or apostrophes as
 * some ERPs and Swiss sheets do, with a decimal point: "1,234.56", "1 234 567", "1'234.5".
 */
const GROUPED = /^[1-9]\d{0,2}(?:[,，' \u00a0\u202f]\d{3})+(?:\.\d*)?$/;
/**
 * Thousands grouped the European way, in forms only that reading fits: dots twice or more
 * ("1.250.000"), or dots or spaces with a decimal comma ("12.500,50", "1 250 000,00"). A decimal
 * comma alone ("12,34") is refused as before: it is as likely a slip in "1,234".
 */
const EUROPEAN_GROUPED = /^[1-9]\d{0,2}(?:(?:\.\d{3}){2,}(?:,\d+)?|(?:\.\d{3})+,\d+|(?:[' \u00a0\u202f]\d{3})+,\d+)$/;
/** One dot then three digits: "12.500" is 12,500 to a European reader and 12.5 to others. */
const DOT_OR_GROUP = /^[1-9]\d{0,2}\.\d{3}$/;

/** A cell with nothing in it: null, undefined, or text of only spaces. */
export function isEmptyCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * A cell holding nothing at all: null, undefined or "" (Office.js's empty cell). Where the review
 * keeps or compares what a sheet holds (archive rows, the cells it wrote, headers, the policy
 * history), a text of spaces is something someone typed, so it is not blank here as it is to
 * isEmptyCell, which reads an input.
 */
export function isBlankCell(value: CellValue): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * A cell as a plain value when Excel hands it over as a data type (Office.js's cell value
 * objects, `{ type, basicValue }`, which custom functions receive for a parameter of any type): a
 * formatted or linked number, text or boolean as its basic value; an error as `{ error: "#N/A" }`,
 * as a workbook's error cell is read, and so is a custom function's error object (`code`); an
 * entity (a linked record, which has no value of one kind) as its display text. Anything else as it is.
 */
export function plainCell(value: CellValue): CellValue {
  if (typeof value !== "object" || value === null || value instanceof Date || Array.isArray(value)) return value;
  const cell = value as { type?: unknown; basicValue?: unknown; text?: unknown; code?: unknown };
  if (cell.type === "Error") return { error: typeof cell.basicValue === "string" ? cell.basicValue : "#VALUE!" };
  if (cell.type === "Entity" || cell.type === "LinkedEntity")
    return { error: typeof cell.text === "string" ? cell.text : "#VALUE!" };
  if (typeof cell.type === "string" && "basicValue" in cell) return cell.basicValue;
  if (typeof cell.code === "string" && cell.code.startsWith("#")) return { error: cell.code };
  return value;
}

/** How a value is shown back to the user in a message: short, and never a live formula. */
export function showValue(value: CellValue): string {
  if (value === null || value === undefined) return "(blank)";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "(invalid date)" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const plain = plainCell(value);
    if (plain !== value) return showValue(plain);
    const error = (value as { error?: unknown }).error;
    return typeof error === "string" ? error : "(object)";
  }
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Reads a number typed as text. `asAmount`: the text is an amount (or a count that runs into
 * thousands), so "12.500" could be either of its two readings and is reported, not read as 12.5.
 */
function numberFromText(raw: string, asAmount: boolean): AmountReading {
  let text = raw.trim();
  if (text === "") return BLANK;
  if (text.length > 64) return { kind: "invalid", shown: showValue(raw) };
  text = text.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let sign = 1;
  // One sign at most, however written: "(-58,091)" or "--5" read as positive would turn a loss into a profit.
  let signs = 0;
  // Accounting notation: (1,234.00) is a negative amount.
  if (text.startsWith("(") && text.endsWith(")")) {
    sign = -1;
    signs++;
    text = text.slice(1, -1).trim();
  }
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  const leadingSign = () => {
    if (!text.startsWith("-") && !text.startsWith("+")) return;
    if (text.startsWith("-")) sign = -sign;
    signs++;
    text = text.slice(1).trim();
  };
  leadingSign();
  let currency: CurrencyMark | undefined;
  const mark = CURRENCY.exec(text);
  if (mark) {
    const upper = mark[0].toUpperCase();
    currency = MARK_CURRENCY[upper] ?? upper;
    text = (mark.index === 0 ? text.slice(mark[0].length) : text.slice(0, mark.index)).trim();
    // A sign after the currency's mark: "¥-3,000".
    leadingSign();
  }
  if (signs > 1 || text.startsWith("-") || text.startsWith("+")) return { kind: "invalid", shown: showValue(raw) };
  if (GROUPED.test(text)) text = text.replace(/[,，' \u00a0\u202f]/g, "");
  else if (EUROPEAN_GROUPED.test(text)) text = text.replace(/[.' \u00a0\u202f]/g, "").replace(",", ".");
  else if (asAmount && !percent && DOT_OR_GROUP.test(text)) {
    const ambiguous = { grouped: sign * Number(text.replace(".", "")), decimal: sign * Number(text) };
    return { kind: "invalid", shown: showValue(raw), ambiguous };
  }
  if (!PLAIN_NUMBER.test(text)) return { kind: "invalid", shown: showValue(raw) };
  // An amount of money (or of days) is never a share of something: "20%" there is the wrong cell.
  if (asAmount && percent) return { kind: "invalid", shown: showValue(raw), percent: true };
  // Divide rather than multiply by 0.01: "70%" must be exactly 0.7, not 0.7000000000000001.
  let value = percent ? (sign * Number(text)) / 100 : sign * Number(text);
  if (!Number.isFinite(value)) return { kind: "invalid", shown: showValue(raw) };
  if (value === 0) value = 0;
  return currency === undefined ? { kind: "number", value } : { kind: "number", value, currency };
}

/** A cell read by readNumber or readAmount: a number, or the reading of one that is not. */
function readCell(value: CellValue, asAmount: boolean): AmountReading {
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { kind: "number", value: value === 0 ? 0 : value }
      : { kind: "invalid", shown: String(value) };
  }
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "string") return numberFromText(value, asAmount);
  if (value instanceof Date) {
    const serial = serialFromDate(value);
    return serial === undefined ? { kind: "invalid", shown: showValue(value) } : { kind: "number", value: serial };
  }
  if (typeof value === "object" && "result" in (value as object)) {
    // A formula cell as exceljs reads one (the tests' workbooks): use its cached result.
    return readCell((value as { result: unknown }).result, asAmount);
  }
  const plain = plainCell(value);
  if (plain !== value) return readCell(plain, asAmount);
  return { kind: "invalid", shown: showValue(value) };
}

/**
 * Reads a cell as a number. Booleans are not numbers here: a TRUE in a column of
 * amounts is a mistake to report, not a 1 to add. Text is read in the usual notation
 * ("1,234.56") and in the European one where its separators leave no doubt ("1.234.567",
 * "1.234,56", "1 234 567,89"); "12.500" is 12.5 here (a ratio, a score), but see readAmount.
 */
export function readNumber(value: CellValue): NumberReading {
  const reading = readCell(value, false);
  return reading.kind === "number" && reading.currency !== undefined ? { kind: "number", value: reading.value } : reading;
}

/** A cell's number as readNumber reads it, or undefined when it holds none (blank, a text that is no number): a figure not known. */
export function numberOrUnknown(value: CellValue): number | undefined {
  const reading = readNumber(value);
  return reading.kind === "number" ? reading.value : undefined;
}

/**
 * Reads a cell holding an amount (or a count that runs into thousands, such as days): as
 * readNumber does, keeping the currency a text amount is marked with, and reporting a text
 * such as "12.500" with its two readings (12,500 or 12.5) rather than guessing one.
 */
export function readAmount(value: CellValue): AmountReading {
  return readCell(value, true);
}

// ---- dates ---------------------------------------------------------------------------

/** Excel's largest date, 9999-12-31. */
export const MAX_SERIAL = 2958465;
export const MS_PER_DAY = 86_400_000;
/** 1899-12-30, the day Excel's serial 0 stands for: serial s is s days after it (but see serialFromYMD). */
export const EPOCH_MS = Date.UTC(1899, 11, 30);

export interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Excel serial for a calendar date. Excel counts 1900-02-29, which never existed
 * (serial 60, kept for Lotus 1-2-3 compatibility), so dates before March 1900 are one lower.
 */
export function serialFromYMD(year: number, month: number, day: number): number {
  const serial = Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / MS_PER_DAY);
  return serial < 61 ? serial - 1 : serial;
}

export function ymdFromSerial(serial: number): YearMonthDay {
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const date = new Date(EPOCH_MS + (whole < 60 ? whole + 1 : whole) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** exceljs (the tests' workbook reader) and JS hand dates over as Date objects whose UTC fields are the calendar date. */
export function serialFromDate(date: Date): number | undefined {
  const time = date.getTime();
  if (Number.isNaN(time)) return undefined;
  const serial = serialFromYMD(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  return serial >= 1 && serial <= MAX_SERIAL ? serial : undefined;
}

/** Today's serial in the local calendar, as Excel's TODAY() gives it. */
export function todaySerial(now: Date = new Date()): number {
  return serialFromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** How many days a month (1–12) of a year has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds calendar months, keeping the day or falling back to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = ymdFromSerial(serial);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  return serialFromYMD(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(day, lastDay));
}

/** The last day of the serial's month. */
export function endOfMonth(serial: number): number {
  const { year, month } = ymdFromSerial(addMonths(serial, 1));
  return serialFromYMD(year, month, 1) - 1;
}

/**
 * Adds calendar months as a month-end cycle does: a date on its month's last day lands on the
 * last day of the month it moves to (Feb 28 + 1 month = Mar 31, as EOMONTH gives), any other as
 * addMonths (Feb 15 + 1 month = Mar 15).
 */
export function addMonthsFromMonthEnd(serial: number, months: number): number {
  return serial === endOfMonth(serial) ? endOfMonth(addMonths(serial, months)) : addMonths(serial, months);
}

function validYMD(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return serialFromYMD(year, month, day);
}

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
/**
 * A month by its English name or abbreviation: "Nov 20, 2026", "20 November 2026" and
 * "20-Nov-2026" leave no day-or-month order to guess, as "05/08/2026" does (refused).
 */
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const MONTH_FIRST = new RegExp(`^${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})$`, "i");
const DAY_FIRST = new RegExp(`^(\\d{1,2})[\\s-]+${MONTH}[\\s-]+(\\d{4})$`, "i");

/** Year, month and day of a date written as text in one of the unambiguous forms, or undefined. */
function dateParts(text: string): [number, number, number] | undefined {
  const numeric = ISO_DATE.exec(text) ?? CHINESE_DATE.exec(text);
  if (numeric) return [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst)
    return [Number(monthFirst[3]), MONTHS.indexOf(monthFirst[1].slice(0, 3).toLowerCase()) + 1, Number(monthFirst[2])];
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return [Number(dayFirst[3]), MONTHS.indexOf(dayFirst[2].slice(0, 3).toLowerCase()) + 1, Number(dayFirst[1])];
  return undefined;
}

/**
 * A date written with its day and month before the year, in an order that differs by country:
 * "01/11/2026" is 1 November to a British reader and January 11 to an American one.
 */
const DAY_AND_MONTH_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

export type DateReading =
  | { readonly kind: "date"; readonly serial: number }
  | { readonly kind: "blank" }
  | {
      readonly kind: "invalid";
      readonly shown: string;
      /**
       * For a text with day and month before the year: the dates (serials) it is in either order,
       * one when both orders give the same date or only one gives a date. None is guessed; the
       * message offers them, so the user can type the one meant year first.
       */
      readonly dayMonth?: readonly number[];
    };

/** The dates a day-and-month-first text such as "01/11/2026" can be, or undefined for any other text. */
function dayMonthReadings(text: string): readonly number[] | undefined {
  const found = DAY_AND_MONTH_FIRST.exec(text);
  if (!found) return undefined;
  const [first, second, year] = [Number(found[1]), Number(found[2]), Number(found[3])];
  const readings: number[] = [];
  for (const serial of [validYMD(year, second, first), validYMD(year, first, second)])
    if (serial !== undefined && !readings.includes(serial)) readings.push(serial);
  return readings.length > 0 ? readings : undefined;
}

/**
 * Reads a cell as a date serial. A 0 is a blank (an empty cell reaches custom functions
 * as 0 on desktop Excel), not 1899-12-30. Text dates are read in unambiguous forms only:
 * ISO "2026-11-01", "2026/11/1" and Chinese "2026年11月1日"; "11/01/2026" could be
 * either month or day first, so it is reported with the dates it could be rather than guessed.
 */
export function readDate(value: CellValue): DateReading {
  if (typeof value === "object" && value !== null && !(value instanceof Date)) value = plainCell(value);
  if (value instanceof Date) {
    // Serial 0 in a date-formatted cell (a blank a formula returned as 0) reaches us as 1899-12-30.
    if (value.getTime() === EPOCH_MS) return { kind: "blank" };
    const serial = serialFromDate(value);
    return serial === undefined ? { kind: "invalid", shown: showValue(value) } : { kind: "date", serial };
  }
  if (typeof value === "string") {
    const text = value.trim().replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (text === "") return { kind: "blank" };
    const parts = text.length <= 40 ? dateParts(text) : undefined;
    if (parts) {
      const serial = validYMD(...parts);
      return serial === undefined ? { kind: "invalid", shown: showValue(value) } : { kind: "date", serial };
    }
    const dayMonth = text.length <= 40 ? dayMonthReadings(text) : undefined;
    if (dayMonth) return { kind: "invalid", shown: showValue(value), dayMonth };
  }
  const reading = readNumber(value);
  if (reading.kind !== "number") return reading;
  const serial = Math.floor(reading.value);
  if (serial === 0) return { kind: "blank" };
  if (serial < 1 || serial > MAX_SERIAL) return { kind: "invalid", shown: showValue(value) };
  return { kind: "date", serial };
}

export type CellProblem = Exclude<NumberReading, { kind: "number" }>;

/**
 * readNumber for hot loops: a plain number comes back as itself, with no reading object
 * allocated (a 100,000-customer review reads two million cells); anything else as readNumber
 * reads it, a number or the blank/invalid reading.
 */
export function numberOrProblem(value: CellValue): number | CellProblem {
  if (typeof value === "number" && Number.isFinite(value)) return value === 0 ? 0 : value;
  const reading = readNumber(value);
  return reading.kind === "number" ? reading.value : reading;
}

/**
 * readAmount for hot loops: a plain number, or a text amount with no currency mark, comes back as
 * itself; anything else as readAmount reads it (a marked amount with its currency, or the problem).
 */
export function amountOrProblem(value: CellValue): number | AmountReading {
  if (typeof value === "number" && Number.isFinite(value)) return value === 0 ? 0 : value;
  const reading = readAmount(value);
  return reading.kind === "number" && reading.currency === undefined ? reading.value : reading;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
/** Signs, brackets and spaces around a figure, inside which a currency mark would stand. */
const isAround = (code: number) => code === 45 || code === 43 || code === 40 || code === 41 || code === 37 || code === 32;

/**
 * The currency mark a text amount carries ("USD 30,000" → "USD"), or undefined when it carries
 * none or is no amount. A figure with digits at both ends inside its signs and brackets
 * ("-1,234.50", "(500)") has none, and is not read: a column's marks are looked for before its
 * rows are read, and most text amounts are plain.
 */
export function currencyMarkOf(value: CellValue): CurrencyMark | undefined {
  if (typeof value !== "string") return undefined;
  let start = 0;
  let end = value.length - 1;
  while (start < end && isAround(value.charCodeAt(start))) start++;
  while (end > start && isAround(value.charCodeAt(end))) end--;
  if (isDigit(value.charCodeAt(start)) && isDigit(value.charCodeAt(end))) return undefined;
  const reading = readAmount(value);
  return reading.kind === "number" ? reading.currency : undefined;
}

/** readDate for hot loops: a serial in Excel's date range comes back as itself, as readDate would read it. */
export function serialOrProblem(value: CellValue): number | Exclude<DateReading, { kind: "date" }> {
  if (typeof value === "number" && value >= 1 && value < MAX_SERIAL + 1) return Math.floor(value);
  const reading = readDate(value);
  return reading.kind === "date" ? reading.serial : reading;
}

/**
 * Days either side of the as-of date past which a date is taken for a number that is no date
 * (days past due, payment terms, days since some news, a year) read as a day of 1900: no
 * receivable is a century overdue or due a century ahead, no news a century old. A century to
 * the day is still a date.
 */
export const CENTURY_DAYS = 36_525;

/** Whether `days` between a date and the as-of date (either way round) is more than a century: see CENTURY_DAYS. */
export function isMoreThanACentury(days: number): boolean {
  return days > CENTURY_DAYS || days < -CENTURY_DAYS;
}

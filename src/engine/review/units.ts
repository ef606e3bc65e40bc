/**
 * The unit amounts are stated in: a header's bracket ("应收账款余额（万元）", "Credit limit (USD
 * thousands)") or a line above the table ("单位：万元", "Amounts in thousands"). Finance sheets
 * are often kept in 万元 or thousands while an ERP's invoice export is in 元 or units; figures
 * compared across them (a balance against its limit, the sheet's balance against the ledger's
 * open amount, the summary's overdue share of exposure) must be in one unit. A column whose
 * unit is not stated is taken to be in the sheet's unit, as people read it; only units stated on
 * both sides are converted, and the review says what it converted.
 */
import {
  AmountReading,
  CellValue,
  currencyMarkOf,
  isBlankCell,
  isEmptyCell,
  CurrencyMark,
  joinedCurrency,
  readNumber,
  sameCurrencyMark,
  showValue,
} from "../cells";
import { CreditError } from "../errors";
import { foldTraditional } from "../traditional-chinese";
import { hanMeetsLatin, isLatinSide } from "../script-spacing";
import { AMOUNT_FIELDS, InputField } from "./fields";
import type { HeaderMatch } from "./headers";
import { columnsInTwoCurrencies, TwoCurrencies } from "./row-currencies";
import type { ReceivableCurrencies } from "./total-currencies";
import "../i18n/report";

export interface AmountUnit {
  /** How many ones the unit holds: 1 for 元 or USD, 10,000 for 万元, 1,000 for thousands. */
  readonly factor: number;
  /** The unit as the sheet writes it, for messages: "万元", "USD thousands". */
  readonly label: string;
  /** The currency it names (ISO code), if it names one. */
  readonly currency?: string;
  /** False when it names a currency alone ("(USD)"): its scale is the sheet's, or ones. */
  readonly scaled: boolean;
}

/** Scale words, after currency words are taken out; each matched whole. */
const SCALES: readonly [RegExp, number][] = [
  [/^(?:元|圆|块|ones)$/u, 1],
  [/^(?:千元|千|thousands?|000s?|'000s?|‘000s?|’000s?|k|th|ths|tsd)$/u, 1e3],
  [/^(?:万元|万|10,?000|(?:10|ten) thousands?)$/u, 1e4],
  [/^(?:十万元|十万)$/u, 1e5],
  [/^(?:百万元|百万|millions?|mn|mio|mm|m)$/u, 1e6],
  [/^(?:千万元|千万)$/u, 1e7],
  [/^(?:亿元|亿|hundred millions?)$/u, 1e8],
  [/^(?:billions?|bn)$/u, 1e9],
];

/** Currency words and signs a unit may carry beside its scale ("USD thousands", "人民币万元", "US$'000"), by code. */
const CURRENCIES: readonly [RegExp, string][] = [
  [/\b(?:usd|us\s*dollars?)\b|\bus\$|美元/giu, "USD"],
  [/\bhkd\b|\bhk\$|港元|港币|\bhk\s*dollars?\b/giu, "HKD"],
  [/\bsgd\b|\bs\$/giu, "SGD"],
  [/\btwd\b|\bnt\$|新?台币/giu, "TWD"],
  [/\baud\b|\ba\$/giu, "AUD"],
  [/\bcad\b|\bc\$/giu, "CAD"],
  [/\b(?:cny|rmb|renminbi)\b|人民币|[¥￥]/giu, "CNY"],
  [/\b(?:eur|euros?)\b|€|欧元/giu, "EUR"],
  [/\bgbp\b|£|英镑/giu, "GBP"],
  [/\b(?:jpy|yen)\b|日元/giu, "JPY"],
  [/\bchf\b/giu, "CHF"],
  [/\$|\bdollars?\b/giu, "USD"],
];

/** Words that introduce a unit ("amounts in", "单位：") or join its parts ("thousands of US dollars"). */
const UNIT_INTRO = /^(?:(?:(?:金额|货币)?单位|units?)\s*[:：]|(?:amounts?(?:\s+(?:are|stated|shown))?|figures)\s+in\b|in\b)\s*/iu;
const JOINING_WORDS = /\b(?:of|in|and)\b/giu;

/**
 * The unit a text names, or undefined when it names none: "万元", "(万元)", "USD '000", "in
 * thousands", "RMB" (a currency alone is in ones, or the scale a sheet states). Words around it
 * ("amounts in", "单位：", "金额单位") are allowed, and a qualifier after a comma ("万元，含税");
 * anything else is not a unit ("(optional)", "(net)"). Traditional characters read as Simplified
 * ("單位：萬元", "新臺幣千元"); the label keeps them as written.
 */
export function parseUnit(text: string): AmountUnit | undefined {
  if (text.length > 60) return undefined;
  const bracketless = text
    .normalize("NFKC")
    .trim()
    .replace(/^[([{【]\s*|\s*[)\]}】]$/gu, "");
  const intro = UNIT_INTRO.exec(foldTraditional(bracketless))?.[0].length ?? 0;
  const label = bracketless.slice(intro).trim();
  // "万元,含税", "USD, audited": the unit is the first part that reads as one ("10,000" is one part).
  const parts = label.replace(/(\d),(?=\d{3}(?!\d))/gu, "$1").split(/\s*[,、;]\s*/u);
  for (const part of parts) {
    const unit = unitWords(part);
    if (unit) return unit;
  }
  return undefined;
}

function unitWords(label: string): AmountUnit | undefined {
  let words = foldTraditional(label).toLowerCase();
  let currency: string | undefined;
  for (const [pattern, code] of CURRENCIES) {
    const without = words.replace(pattern, " ");
    if (without !== words) {
      currency ??= code;
      words = without;
    }
  }
  // 元 and yuan name both a scale (ones, or 万元's ten thousand) and the currency, as 美元 and 港元 were taken out above.
  if (/元|圆|\byuan\b/u.test(words)) currency ??= "CNY";
  const scale = words
    .replace(/\byuan\b/gu, "元")
    .replace(/(\d|thousands?|millions?)\s*元$/u, "$1")
    .replace(JOINING_WORDS, " ")
    .replace(/[\s.:：]+/gu, " ")
    .trim();
  if (scale === "") return currency ? { factor: 1, label, currency, scaled: false } : undefined;
  for (const [pattern, factor] of SCALES) if (pattern.test(scale)) return { factor, label, currency, scaled: true };
  return undefined;
}

/** The unit in a header's trailing bracket ("余额（万元）", "Balance [USD '000]"), if it names one. */
export function headerUnit(header: CellValue): AmountUnit | undefined {
  if (typeof header !== "string") return undefined;
  const bracket = /[(（[【]([^(（[【)）\]】]{1,60})[)）\]】]\s*$/u.exec(header);
  return bracket ? parseUnit(bracket[1]) : undefined;
}

/**
 * Where a statement of the amounts' unit starts in a line above a table: at the line's start or
 * after a space or bracket ("客户台账 单位：万元", "客户台账（单位：万元）", "(Amounts in thousands)"),
 * never inside another word ("编制单位：某公司" names the preparer).
 */
const UNIT_STATEMENT =
  /(?:^|[\s(（[【,，;；|])((?:(?:金额|货币)?单位|units?)\s*[:：]|(?:amounts?(?:\s+(?:are|stated|shown))?|figures)\s+in\s|in\s)/giu;

/**
 * The unit a sheet states above its header row: the line nearest the table first (a block
 * above it may be another table's), and on a line the last statement naming a unit.
 */
export function sheetUnit(values: readonly (readonly CellValue[])[], headerRow: number): AmountUnit | undefined {
  for (let r = Math.min(headerRow, values.length) - 1; r >= 0; r--) {
    for (const cell of values[r] ?? []) {
      if (typeof cell !== "string" || cell.length > 200) continue;
      // Matched in Simplified characters ("單位：" is "单位："), at the same places in the cell as written.
      const starts = [...foldTraditional(cell).matchAll(UNIT_STATEMENT)].map((m) => m.index + m[0].length - m[1].length);
      for (let i = starts.length - 1; i >= 0; i--) {
        const statement = cell.slice(starts[i]).split(/\s{2,}|\u3000|[;；|]/u)[0];
        const unit = parseUnit(statement.replace(/[)）\]】]\s*$/u, ""));
        if (unit) return unit;
      }
    }
  }
  return undefined;
}

/**
 * A column's unit: its header's, with the scale of the sheet's line when the header names a
 * currency alone ("Credit limit (USD)" under "Amounts in thousands" is in USD thousands).
 */
export function columnUnit(header: CellValue, onSheet: AmountUnit | undefined): AmountUnit | undefined {
  const own = headerUnit(header);
  return own ? inSheetScale(own, onSheet) : onSheet;
}

/** A unit of its own (a column's, a row's currency) under the sheet's: the sheet's scale when it names a currency alone. */
function inSheetScale(own: AmountUnit, onSheet: AmountUnit | undefined): AmountUnit {
  // A currency other than the line's is the column's own: the line's scale is for its currency.
  if (own.scaled || !onSheet || (onSheet.currency !== undefined && onSheet.currency !== own.currency)) return own;
  // "USD thousands", "美元千", "USD 千": a space between two words, and where Chinese meets Latin.
  const joiner =
    hanMeetsLatin(own.label, onSheet.label) || (isLatinSide(own.label.slice(-1)) && isLatinSide(onSheet.label.charAt(0)))
      ? " "
      : "";
  const label = onSheet.currency ? onSheet.label : `${own.label}${joiner}${onSheet.label}`;
  return { factor: onSheet.factor, label, currency: own.currency ?? onSheet.currency, scaled: true };
}

/** The currency a row's amounts are taken in: its balance's (the exposure's), else its limit's, else its overdue amount's. */
export function leadingCurrency(currencies: ReceivableCurrencies | undefined): CurrencyMark | undefined {
  return currencies?.balance ?? currencies?.creditLimit ?? currencies?.overdueAmount;
}

/**
 * The unit a customer's amounts are in: the review's (`unit`), or, when that names no currency
 * and the row's receivables name one (`currencies`: its own marks', else its columns' marks',
 * see total-currencies.ts), that currency at the review's scale: "EUR", "EUR thousands". An
 * archive row records it, so that a later review adds and compares the row's amounts in the
 * currency this one did. One currency a row, its balance's (the exposure's) first; a bare sign
 * ("$": one of several dollars) is no unit, and the row stays in the review's.
 */
export function rowUnit(unit: AmountUnit | undefined, currencies: ReceivableCurrencies | undefined): AmountUnit | undefined {
  return new RowUnits(unit).row(currencies);
}

/**
 * The units a review's customers' amounts are in (rowUnit), and their overdue amounts' (see
 * `overdue`), each currency's unit worked out once: a review's rows share a few currencies at
 * most, and reading a unit's words for each of 100,000 rows is most of archiving them.
 */
export class RowUnits {
  private readonly byCurrency = new Map<CurrencyMark, AmountUnit | undefined>();

  constructor(readonly unit: AmountUnit | undefined) {}

  /** The unit of a row whose receivables are in `currencies` (rowUnit). */
  row(currencies: ReceivableCurrencies | undefined): AmountUnit | undefined {
    const currency = leadingCurrency(currencies);
    return currency === undefined || this.unit?.currency !== undefined ? this.unit : this.inCurrency(currency);
  }

  /**
   * The unit of a customer's overdue amount in `currency` (overdueCurrency), its row's unit being
   * `row`: the row's, unless it is in another currency (an invoice ledger's, whatever the review's
   * unit names), then that currency at the review's scale. An archive row records it where it is
   * not the row's, so that a later review reads the overdue amount in its own currency.
   */
  overdue(row: AmountUnit | undefined, currency: CurrencyMark | undefined): AmountUnit | undefined {
    if (currency === undefined || currency === row?.currency) return row;
    const own = this.inCurrency(currency);
    return own?.currency === undefined || own.currency === row?.currency ? row : own;
  }

  /** The unit of amounts in `currency`: the review's when it names it; else the currency at its scale; the review's for a bare sign. */
  private inCurrency(currency: CurrencyMark): AmountUnit | undefined {
    if (this.unit?.currency === currency) return this.unit;
    if (this.byCurrency.has(currency)) return this.byCurrency.get(currency);
    const own = parseUnit(currency);
    const unit = own?.currency === currency ? inSheetScale(own, this.unit) : this.unit;
    this.byCurrency.set(currency, unit);
    return unit;
  }
}

/**
 * What to multiply a figure in `from` by to state it in `to`: undefined when nothing is to be
 * done (either unit unknown, or both the same scale), or when they name two currencies: a
 * currency is not converted (see `otherCurrency`).
 */
export function conversion(from: AmountUnit | undefined, to: AmountUnit | undefined): Conversion | undefined {
  if (!from || !to || from.factor === to.factor || !sameCurrency(from, to)) return undefined;
  // Powers of ten both ways: divide by the exact inverse rather than multiply by an inexact fraction.
  return from.factor > to.factor ? { multiply: from.factor / to.factor } : { divide: to.factor / from.factor };
}

/** Whether two units can be in one currency: unless both name one, and not the same. */
export function sameCurrency(a: AmountUnit, b: AmountUnit): boolean {
  return a.currency === undefined || b.currency === undefined || a.currency === b.currency;
}

export type Conversion =
  { readonly multiply: number; readonly divide?: undefined } | { readonly divide: number; readonly multiply?: undefined };

export function convert(value: number, by: Conversion): number {
  return by.multiply !== undefined ? value * by.multiply : value / by.divide;
}

/**
 * A figure stated in `from`, stated in `to`: converted within one currency, as it stands when
 * either unit is not stated, and undefined across two currencies (no rate is known) or when it
 * would pass the largest number.
 */
export function restated(value: number, from: AmountUnit | undefined, to: AmountUnit | undefined): number | undefined {
  if (from && to && !sameCurrency(from, to)) return undefined;
  const by = conversion(from, to);
  if (!by) return value;
  const converted = convert(value, by);
  return Number.isFinite(converted) ? converted : undefined;
}

/** An earlier review's unit against this review's, when they differ. */
export interface UnitChange {
  readonly from: string;
  readonly to: string;
  /** True when its amounts are converted to compare; false across two currencies: they are not compared. */
  readonly compared: boolean;
}

/**
 * How figures in `from` compare with this review's in `to`: undefined when nothing needs saying
 * (one scale, or no unit stated last time: an archive from before units were recorded). A unit
 * stated last time and none now is said (`to` ""), the figures compared as they stand: a limit
 * 10,000 times larger is then the unit's doing, and the reader is told which unit it was.
 */
export function unitChange(from: AmountUnit | undefined, to: AmountUnit | undefined): UnitChange | undefined {
  if (from && !to) return { from: from.label, to: "", compared: true };
  if (!from || !to) return undefined;
  const compared = sameCurrency(from, to);
  if (compared && from.factor === to.factor) return undefined;
  return { from: from.label, to: to.label, compared };
}

/** A column whose amounts were converted into the review's unit, or left in another currency. */
export interface ConvertedColumn {
  readonly sheet: string;
  readonly header: string;
  readonly from: AmountUnit;
}

/** The unit the review compares amounts in, and what it converted into it. */
export interface AmountUnits {
  /** The customer sheet's balance unit (else its credit limit's, else the sheet's); undefined when it states none. */
  readonly unit?: AmountUnit;
  /** The column whose unit it is (its header), or undefined when it is the sheet's line above the table. */
  readonly column?: string;
  /**
   * The currency the sheet's columns (their units, or their marks) put every customer's
   * receivables in, where a row's own marks do not (receivableCurrencies); absent when they name none.
   */
  readonly receivables?: ReceivableCurrencies;
  readonly converted: readonly ConvertedColumn[];
  /**
   * Columns in another currency than the review's unit: compared as they stand, and said so. One
   * that a figure of each customer's row combines with a column in another currency is said
   * with those figures instead (ColumnReport.twoCurrencies): they are not worked out.
   */
  readonly otherCurrency: readonly ConvertedColumn[];
}

/**
 * A row right under the header giving each amount column's unit ("", "", …, "元", "万元"), as
 * Chinese statements often have: the row (0-based) and its units by column, or undefined when the
 * row holds anything that is not a unit (a customer's figures) or names no unit at all.
 */
export function unitsRow(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  columns: readonly number[],
): { row: number; units: Map<number, AmountUnit>; label: string } | undefined {
  const line = values[headerRow + 1];
  if (!line) return undefined;
  const units = new Map<number, AmountUnit>();
  const said: string[] = [];
  for (const column of columns) {
    const cell = line[column];
    if (isBlankCell(cell)) continue;
    // A figure typed as text ("1,500,000", "¥10,000") is an amount, not a unit: the row is an invoice's or a customer's.
    if (typeof cell !== "string" || readNumber(cell).kind === "number") return undefined;
    const unit = parseUnit(cell);
    if (!unit) return undefined;
    units.set(column, unit);
    if (!said.includes(cell.trim())) said.push(cell.trim());
  }
  return units.size ? { row: headerRow + 1, units, label: said.join(" / ") } : undefined;
}

/**
 * The customer sheet's units: the review's unit, and the conversion each amount column of
 * another stated unit needs to be in it; the currency each amount column is in, as its own unit
 * (or the sheet's line) states it or, where no unit names one, as its marked amounts all name it
 * (see ColumnMarks), and the figures two such currencies refuse for every customer (see
 * row-currencies.ts). A column named there is said there, not among those in another currency.
 */
export function customerSheetUnits(
  sheet: string,
  values: readonly (readonly CellValue[])[],
  match: HeaderMatch<InputField>,
  underHeader?: ReturnType<typeof unitsRow>,
): {
  units: AmountUnits;
  conversions: Partial<Record<InputField, Conversion>>;
  currencies: Partial<Record<InputField, ExpectedCurrency>>;
  columnCurrencies: Partial<Record<InputField, CurrencyMark>>;
  twoCurrencies: readonly TwoCurrencies[];
} {
  const onSheet = sheetUnit(values, match.headerRow);
  const unitOf = (field: InputField) => {
    const column = match.columns[field];
    if (column === undefined) return undefined;
    return headerUnit(match.headers[column])
      ? columnUnit(match.headers[column], onSheet)
      : (underHeader?.units.get(column) ?? onSheet);
  };
  const source = (["balance", "creditLimit"] as const).find((f) => unitOf(f) !== undefined);
  const unit = source ? unitOf(source) : onSheet;
  const sourceHeader = source && match.headers[match.columns[source]!];
  const own = sourceHeader !== undefined && headerUnit(sourceHeader) !== undefined;
  const conversions: Partial<Record<InputField, Conversion>> = {};
  const converted: ConvertedColumn[] = [];
  const otherCurrency: ConvertedColumn[] = [];
  const currencies: Partial<Record<InputField, ExpectedCurrency>> = {};
  const columnCurrencies: Partial<Record<InputField, CurrencyMark>> = {};
  const firstRow = match.headerRow + (underHeader ? 2 : 1);
  for (const field of AMOUNT_FIELDS) {
    const column = match.columns[field];
    if (column === undefined) continue;
    const from = unitOf(field);
    if (from?.currency !== undefined) columnCurrencies[field] = from.currency;
    // A column stating no unit is in the sheet's, as people read it.
    const stated = from?.currency !== undefined ? from : unit;
    if (stated?.currency !== undefined) currencies[field] = { code: stated.currency, unit: stated.label };
    else {
      // No unit names its currency: its marks may (looked at once, before any row is read).
      const marks = columnMarks(values, firstRow, column);
      if (marks) currencies[field] = { code: marks.most };
      if (marks?.currency !== undefined) columnCurrencies[field] = marks.currency;
    }
    if (!from || !unit) continue;
    const header = match.headers[column];
    if (!sameCurrency(from, unit)) otherCurrency.push({ sheet, header, from });
    const by = conversion(from, unit);
    if (!by) continue;
    conversions[field] = by;
    converted.push({ sheet, header, from });
  }
  const twoCurrencies = columnsInTwoCurrencies(columnCurrencies, (field) => match.columns[field] !== undefined);
  const headersNamed = new Set(
    twoCurrencies.flatMap((t) => [match.headers[match.columns[t.first.field]!], match.headers[match.columns[t.second.field]!]]),
  );
  return {
    units: {
      unit,
      column: own ? sourceHeader : undefined,
      converted,
      otherCurrency: headersNamed.size ? otherCurrency.filter((c) => !headersNamed.has(c.header)) : otherCurrency,
    },
    conversions,
    currencies,
    columnCurrencies,
    twoCurrencies,
  };
}

/**
 * The currency a column's amounts are expected in, and what says so: a text amount marked with
 * another ("USD 30,000" in a column of EUR) is not added up with them as it stands.
 */
export interface ExpectedCurrency {
  /** An ISO code ("EUR"), or a mark the column's other amounts carry ("dollar" for "$": see CurrencyMark). */
  readonly code: CurrencyMark;
  /** The unit stating it ("EUR thousands", "万元"); undefined when the column's other amounts are what say it. */
  readonly unit?: string;
}

/**
 * What each amount column's text amounts are expected in, by column: the currency `known` gives
 * it (its unit's, or the sheet's, or its marks' as customerSheetUnits found them), else the one
 * most of its marked amounts carry. The marks of a column not known are counted when its first
 * marked amount is read: a ledger whose amounts carry none (most) pays nothing for the look.
 */
export function currencyExpectations(
  known: ReadonlyMap<number, ExpectedCurrency>,
  values: readonly (readonly CellValue[])[],
  firstRow: number,
): (column: number) => ExpectedCurrency | undefined {
  const expected = new Map<number, ExpectedCurrency | undefined>(known);
  return (column) => {
    if (!expected.has(column)) {
      const code = columnMarks(values, firstRow, column)?.most;
      expected.set(column, code === undefined ? undefined : { code });
    }
    return expected.get(column);
  };
}

/** What a column's text amounts are marked with (see columnMarks). */
export interface ColumnMarks {
  /** The mark most of them carry (the first to be the most, on a tie): what the column's text amounts are expected in. */
  readonly most: CurrencyMark;
  /**
   * The column's currency, as a unit naming it would give: the one every mark can name (by
   * OneCurrency's rule, "$" and "US$" are US dollars), when marked amounts are most of the
   * column's filled cells. Its unmarked figures are then taken to be in it, as under a unit.
   * Undefined when two marks cannot name one currency (the odd one is said at its cell), or when
   * the marked amounts are the fewer: a few typed as text among plain figures speak for their
   * cells alone, and a plain figure is in the currency of those it is combined with.
   */
  readonly currency?: CurrencyMark;
}

/**
 * What a column's text amounts are marked with, from `firstRow` down; undefined when none is
 * marked. For a column whose unit names no currency.
 */
export function columnMarks(
  values: readonly (readonly CellValue[])[],
  firstRow: number,
  column: number,
): ColumnMarks | undefined {
  let counts: Map<CurrencyMark, number> | undefined;
  let most: CurrencyMark | undefined;
  let mostCount = 0;
  let filled = 0;
  let marked = 0;
  // The currency every mark so far can name; undefined once two cannot name one.
  let all: CurrencyMark | undefined;
  for (let r = firstRow; r < values.length; r++) {
    const cell = values[r]?.[column];
    // Only text carries a mark: a column of plain numbers costs a type check a cell.
    if (typeof cell === "number") {
      filled++;
      continue;
    }
    if (isEmptyCell(cell)) continue;
    filled++;
    const mark = currencyMarkOf(cell);
    if (mark === undefined) continue;
    all = marked === 0 ? mark : all === undefined ? undefined : joinedCurrency(all, mark);
    marked++;
    counts ??= new Map();
    const count = (counts.get(mark) ?? 0) + 1;
    counts.set(mark, count);
    if (count > mostCount) {
      most = mark;
      mostCount = count;
    }
  }
  if (most === undefined) return undefined;
  return all !== undefined && marked * 2 > filled ? { most, currency: all } : { most };
}

/**
 * The error for a text amount marked with a currency other than the one its column's amounts are
 * in (as its unit, the sheet's, or its other amounts say); undefined when it is that one, or none
 * is known. Added as it stands, "USD 30,000" among amounts in EUR would count as 30,000 EUR.
 */
export function otherCurrencyError(
  reading: Extract<AmountReading, { kind: "number" }>,
  cell: CellValue,
  expected: ExpectedCurrency | undefined,
): CreditError | undefined {
  const mark = reading.currency;
  if (mark === undefined || expected === undefined || sameCurrencyMark(mark, expected.code)) return undefined;
  const said = { value: showValue(cell), currency: mark, expected: expected.code };
  return expected.unit === undefined
    ? new CreditError("value", "review.currencyNotColumn", said)
    : new CreditError("value", "review.currencyNotUnit", { ...said, unit: expected.unit });
}

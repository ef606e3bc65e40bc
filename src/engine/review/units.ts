/**
 * The unit amounts are stated in: a header's bracket ("应收账款余额（万元）", "Credit limit (USD
 * thousands)") or a line above the table ("单位：万元", "Amounts in thousands"). Finance sheets
 * are often kept in 万元 or thousands while an ERP's invoice export is in 元 or units; figures
 * compared across them (a balance against its limit, the sheet's balance against the ledger's
 * open amount, the summary's overdue share of exposure) must be in one unit. A column whose
 * unit is not stated is taken to be in the sheet's unit, as people read it; only units stated on
 * both sides are converted, and the review says what it converted.
 */
import { CellValue } from "../cells";
import { InputField } from "./fields";
import type { HeaderMatch } from "./headers";

export interface AmountUnit {
  /** How many ones the unit holds: 1 for 元 or USD, 10,000 for 万元, 1,000 for thousands. */
  readonly factor: number;
  /** The unit as the sheet writes it, for messages: "万元", "USD thousands". */
  readonly label: string;
}

/** The customer sheet's amounts, converted together: the statements' figures too, though only their ratios are used. */
export const AMOUNT_FIELDS: readonly InputField[] = [
  "creditLimit",
  "balance",
  "overdueAmount",
  "currentAssets",
  "currentLiabilities",
  "inventory",
  "totalAssets",
  "totalLiabilities",
  "retainedEarnings",
  "ebit",
  "interestExpense",
  "sales",
  "equity",
];

/** Scale words, after currency words are taken out; each matched whole. */
const SCALES: readonly [RegExp, number][] = [
  [/^(?:元|圆|块|ones?|units?)$/u, 1],
  [/^(?:千元|千|thousands?|000s?|'000s?|‘000s?|’000s?|k|th|ths|tsd)$/u, 1e3],
  [/^(?:万元|万|萬元|萬|10,?000)$/u, 1e4],
  [/^(?:十万元|十万)$/u, 1e5],
  [/^(?:百万元|百万|millions?|mn|mio|mm|m)$/u, 1e6],
  [/^(?:千万元|千万)$/u, 1e7],
  [/^(?:亿元|亿|億元|億)$/u, 1e8],
  [/^(?:billions?|bn|b)$/u, 1e9],
];

/** Currency words and signs a unit may carry beside its scale ("USD thousands", "人民币万元", "$m"). */
const CURRENCY =
  /(?:\b(?:usd|cny|rmb|eur|gbp|hkd|jpy|twd|sgd|aud|cad|chf|us\$|hk\$)\b|[$¥€£￥]|人民币|美元|港元|港币|欧元|日元|英镑)/giu;

/**
 * The unit a text names, or undefined when it names none: "万元", "(万元)", "USD '000", "in
 * thousands", "RMB" (a currency alone is in ones). Words around it ("amounts in", "单位：",
 * "金额单位") are allowed; anything else is not a unit ("(optional)", "(net)").
 */
export function parseUnit(text: string): AmountUnit | undefined {
  if (text.length > 60) return undefined;
  const label = text
    .normalize("NFKC")
    .trim()
    .replace(/^[([{【]\s*|\s*[)\]}】]$/gu, "")
    .replace(/^(?:(?:(?:金额|货币)?单位|units?)\s*[:：]|(?:amounts?(?:\s+(?:are|stated|shown))?|figures)\s+in\b|in\b)\s*/iu, "")
    .trim();
  const words = label.toLowerCase();
  const hasCurrency = words.search(CURRENCY) >= 0;
  const scale = words
    .replace(CURRENCY, " ")
    .replace(/[\s.,:：]+$|^[\s.,:：]+/gu, "")
    .replace(/\s+/gu, " ");
  if (scale === "") return hasCurrency ? { factor: 1, label } : undefined;
  for (const [pattern, factor] of SCALES) if (pattern.test(scale)) return { factor, label };
  return undefined;
}

/** The unit in a header's trailing bracket ("余额（万元）", "Balance [USD '000]"), if it names one. */
export function headerUnit(header: CellValue): AmountUnit | undefined {
  if (typeof header !== "string") return undefined;
  const bracket = /[(（[【]([^(（[【)）\]】]{1,60})[)）\]】]\s*$/u.exec(header);
  return bracket ? parseUnit(bracket[1]) : undefined;
}

/** A line above a table saying what its amounts are in ("单位：万元", "Unit: USD", "Amounts in thousands"). */
const UNIT_LINE = /^\s*(?:(?:金额|货币)?单位|units?|amounts?(?:\s+(?:are|stated|shown))?\s+in|figures\s+in|\(?in\s)/iu;

/**
 * The unit a sheet states above its header row, in any of its cells: the first one found. A
 * line that names something else ("单位：北京分公司", a company's name) is no unit.
 */
export function sheetUnit(values: readonly (readonly CellValue[])[], headerRow: number): AmountUnit | undefined {
  for (let r = 0; r < headerRow && r < values.length; r++) {
    for (const cell of values[r] ?? []) {
      if (typeof cell !== "string" || cell.length > 120) continue;
      // "编制单位：某公司    单位：万元": of the statements on a line, the last naming a unit is the amounts'.
      const statements = cell.split(/\s{2,}|\u3000|[;；|]/u).filter((part) => UNIT_LINE.test(part));
      for (let i = statements.length - 1; i >= 0; i--) {
        const unit = parseUnit(statements[i]);
        if (unit) return unit;
      }
    }
  }
  return undefined;
}

/**
 * What to multiply a figure in `from` by to state it in `to`: undefined when nothing is to be
 * done (either unit unknown, or both the same scale). A currency is not converted: two
 * currencies with one scale are left as they stand.
 */
export function conversion(from: AmountUnit | undefined, to: AmountUnit | undefined): Conversion | undefined {
  if (!from || !to || from.factor === to.factor) return undefined;
  // Powers of ten both ways: divide by the exact inverse rather than multiply by an inexact fraction.
  return from.factor > to.factor ? { multiply: from.factor / to.factor } : { divide: to.factor / from.factor };
}

export type Conversion =
  { readonly multiply: number; readonly divide?: undefined } | { readonly divide: number; readonly multiply?: undefined };

export function convert(value: number, by: Conversion): number {
  return by.multiply !== undefined ? value * by.multiply : value / by.divide;
}

/** A column whose amounts were converted into the review's unit. */
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
  readonly converted: readonly ConvertedColumn[];
}

/**
 * The customer sheet's units: the review's unit, and the conversion each amount column of
 * another stated unit needs to be in it.
 */
export function customerSheetUnits(
  sheet: string,
  values: readonly (readonly CellValue[])[],
  match: HeaderMatch<InputField>,
): { units: AmountUnits; conversions: Partial<Record<InputField, Conversion>> } {
  const onSheet = sheetUnit(values, match.headerRow);
  const unitOf = (field: InputField) => {
    const column = match.columns[field];
    return column === undefined ? undefined : (headerUnit(match.headers[column]) ?? onSheet);
  };
  const source = (["balance", "creditLimit"] as const).find((f) => unitOf(f) !== undefined);
  const unit = source ? unitOf(source) : onSheet;
  const sourceHeader = source && match.headers[match.columns[source]!];
  const own = sourceHeader !== undefined && headerUnit(sourceHeader) !== undefined;
  const conversions: Partial<Record<InputField, Conversion>> = {};
  const converted: ConvertedColumn[] = [];
  for (const field of AMOUNT_FIELDS) {
    const from = unitOf(field);
    const by = conversion(from, unit);
    if (!by || !from) continue;
    conversions[field] = by;
    converted.push({ sheet, header: match.headers[match.columns[field]!], from });
  }
  return { units: { unit, column: own ? sourceHeader : undefined, converted }, conversions };
}

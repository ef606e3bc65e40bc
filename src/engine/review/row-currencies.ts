/**
 * The figures a customer's row works out from amounts in two or more of its columns (what it uses
 * of its limit, a ratio's two sides, the Z-score's inputs) take them in one currency, by the rule
 * the functions go by (OneCurrency): no rate is known, so a balance in euros over a limit in
 * dollars is a number that means nothing, and a figure whose amounts are in two currencies is not
 * worked out. A column whose unit names its currency ("Current assets (USD)", a row of units, a
 * 单位 line above the table) puts every row's amounts in it, and so does a column whose text
 * amounts are marked ("USD 100,000") in one currency on most of its filled cells (units.ts,
 * ColumnMarks): two such columns in two currencies are said once for the sheet, and what
 * combines them is worked out for no customer. Otherwise a text amount's own mark speaks for its
 * cell alone: a row whose marks disagree has what combines them refused in a note at its cell.
 * An amount with neither is taken to be in the currency of those it is combined with.
 */
import type { CurrencyMark } from "../cells";
import { CreditError } from "../errors";
import { OneCurrency } from "../one-currency";
import type { InputField } from "./fields";
import { NoteTarget, STATEMENT_FIGURES } from "./notes";
import type { WarningCode } from "./warnings";
import "../i18n/report";

/** A figure worked out from amounts in two or more columns, and what refusing it switches off. */
interface CombinedFigure {
  /** Its amounts, the Z-score's sales among them (taken only on a model that uses them). */
  readonly inputs: readonly InputField[];
  readonly withoutSales: readonly InputField[];
  readonly figures: readonly NoteTarget[];
  readonly check: WarningCode;
}

function combined(inputs: readonly InputField[], figures: readonly NoteTarget[], check: WarningCode): CombinedFigure {
  return { inputs, withoutSales: inputs.filter((f) => f !== "sales"), figures, check };
}

/**
 * What a customer's row combines from its amount columns. Its balance against its limit gives
 * what it uses and has left of it, and the over-limit check; the recommended limit is the limit's
 * alone, but with the over-limit check not run it is never raised (as for a balance not known).
 */
export const COMBINED_FIGURES: readonly CombinedFigure[] = [
  combined(["creditLimit", "balance"], ["utilisation", "availableCredit"], "OVER_LIMIT"),
  ...STATEMENT_FIGURES.map((f) => combined(f.inputs, [f.figure], f.check)),
];

/** A column and the currency its amounts are in (an ISO code, or a bare sign's family: see CurrencyMark). */
export interface ColumnCurrency {
  readonly field: InputField;
  readonly currency: CurrencyMark;
}

/** Figures not worked out because two of the columns they combine are in two currencies. */
export interface TwoCurrencies {
  /** What is not worked out: the figures, then the checks that read them. */
  readonly affects: readonly NoteTarget[];
  /** The column whose currency the figures' amounts were in first, and the one in another. */
  readonly first: ColumnCurrency;
  readonly second: ColumnCurrency;
  /**
   * For the sheet: the Z-score's other columns are in one currency, and only a Z-score that takes
   * sales (its model's) combines this one; a customer on another model has its Z-score.
   */
  readonly withSales?: true;
}

/**
 * The two columns of `inputs` whose currencies (as `currencyOf` gives them) cannot be one, by
 * OneCurrency's rule; undefined as well when an input is not `given` (the figure is not worked out
 * for want of it, and that is said instead).
 */
function clashOf(
  inputs: readonly InputField[],
  given: (field: InputField) => boolean,
  currencyOf: (field: InputField) => CurrencyMark | undefined,
): { first: ColumnCurrency; second: ColumnCurrency } | undefined {
  for (let i = 0; i < inputs.length; i++) if (!given(inputs[i])) return undefined;
  const one = new OneCurrency();
  for (let i = 0; i < inputs.length; i++) {
    const field = inputs[i];
    const currency = currencyOf(field);
    const clash = one.join(field, currency);
    if (clash)
      return { first: { field: clash.other as InputField, currency: clash.otherMark }, second: { field, currency: currency! } };
  }
  return undefined;
}

/** The figures refused by one pair of columns said once, with everything they switch off: figures first, then checks. */
function gathered(found: readonly (TwoCurrencies & { readonly check: WarningCode })[]): TwoCurrencies[] {
  const byPair = new Map<string, { figures: NoteTarget[]; checks: NoteTarget[]; found: TwoCurrencies }>();
  for (const f of found) {
    const key = `${f.first.field} ${f.second.field} ${f.withSales ?? ""}`;
    let pair = byPair.get(key);
    if (!pair) byPair.set(key, (pair = { figures: [], checks: [], found: f }));
    pair.figures.push(...f.affects);
    pair.checks.push(f.check);
  }
  return [...byPair.values()].map(({ figures, checks, found: f }) => ({
    affects: [...figures, ...checks],
    first: f.first,
    second: f.second,
    ...(f.withSales && { withSales: true as const }),
  }));
}

/**
 * The figures whose columns (those the sheet `has`) are in two currencies (`columnCurrencies`:
 * each column's, by its unit or its marks; none for a column neither names one for), worked out
 * for no customer. The Z-score's columns are looked at without sales first: when only Sales is in
 * another currency, a customer on a model that does without sales has its Z-score (`withSales`).
 */
export function columnsInTwoCurrencies(
  columnCurrencies: Partial<Record<InputField, CurrencyMark>>,
  has: (field: InputField) => boolean,
): readonly TwoCurrencies[] {
  const currencyOf = (field: InputField) => columnCurrencies[field];
  const found: (TwoCurrencies & { check: WarningCode })[] = [];
  for (const figure of COMBINED_FIGURES) {
    const clash = clashOf(figure.withoutSales, has, currencyOf);
    if (clash) found.push({ affects: figure.figures, check: figure.check, ...clash });
    else if (figure.inputs.length > figure.withoutSales.length) {
      const withSales = clashOf(figure.inputs, has, currencyOf);
      if (withSales) found.push({ affects: figure.figures, check: figure.check, ...withSales, withSales: true });
    }
  }
  return found.length ? gathered(found) : NONE;
}

/**
 * What one row's amounts refuse beyond what the sheet's columns do (`refusedBySheet`): its figures
 * whose amounts, all read (`numbers`), are in two currencies, each amount in its column's currency
 * (`columnCurrencies`) or else its cell's own mark (`marks`). Only a row with a marked amount needs
 * the look. `takesSales`: the row's Z model uses sales.
 */
export function rowInTwoCurrencies(
  marks: Partial<Record<InputField, CurrencyMark>>,
  columnCurrencies: Partial<Record<InputField, CurrencyMark>>,
  numbers: Partial<Record<InputField, number>>,
  takesSales: boolean,
  refusedBySheet: ReadonlySet<NoteTarget>,
): readonly TwoCurrencies[] {
  const given = (field: InputField) => numbers[field] !== undefined;
  const currencyOf = (field: InputField) => columnCurrencies[field] ?? marks[field];
  const found: (TwoCurrencies & { check: WarningCode })[] = [];
  for (const figure of COMBINED_FIGURES) {
    if (refusedBySheet.has(figure.figures[0])) continue;
    const clash = clashOf(takesSales ? figure.inputs : figure.withoutSales, given, currencyOf);
    if (clash) found.push({ affects: figure.figures, check: figure.check, ...clash });
  }
  return found.length ? gathered(found) : NONE;
}

/** What the refusals switch off, for a row whose Z model takes sales (`takesSales`) or not. */
export function refusedTargets(refusals: readonly TwoCurrencies[], takesSales: boolean): ReadonlySet<NoteTarget> {
  const targets = new Set<NoteTarget>();
  for (const r of refusals) if (takesSales || !r.withSales) for (const target of r.affects) targets.add(target);
  return targets;
}

/** The checks no customer can have: those of the sheet's refusals that hold for every Z model. */
export function refusedChecks(refusals: readonly TwoCurrencies[]): ReadonlySet<WarningCode> {
  const checks = new Set<WarningCode>();
  for (const r of refusals)
    if (!r.withSales)
      for (const target of r.affects) if (COMBINED_FIGURES.some((f) => f.check === target)) checks.add(target as WarningCode);
  return checks;
}

/**
 * Why the figures are not worked out, naming both columns (by field: each face says its label in
 * the reader's language) and both currencies: the same words in a row's note and for the sheet.
 */
export function twoCurrenciesReason(refusal: Pick<TwoCurrencies, "first" | "second">): CreditError {
  return new CreditError("value", "review.twoCurrencies", {
    param: refusal.second.field,
    mark: refusal.second.currency,
    other: refusal.first.field,
    otherMark: refusal.first.currency,
  });
}

const NONE: readonly never[] = Object.freeze([]);

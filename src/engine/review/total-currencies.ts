/**
 * No portfolio total adds amounts in two currencies: no rate is known, so a balance of USD 100,000
 * and one of EUR 50,000 make no exposure of 150,000. Each total joins the currencies of the amounts
 * it adds by the rule a customer's row goes by (OneCurrency): "$" and "USD" can be one, and an
 * amount nothing names a currency for is taken to be in the currency of those it is added to, as
 * is an amount of 0, which is 0 in any. A total whose amounts are in two currencies is not added
 * up, and says why, naming a row of each; the counts beside it (customers, by grade, overdue) stand.
 *
 * A customer's receivables (its balance, credit limit and overdue amount) are in its row's
 * currency, as the row weighs one against another: each in its column's (its unit's) or its own
 * cell's mark, and one named by neither in the one the others name ("USD 200,000" as the limit
 * puts a plain balance of 80,000 in US dollars, in the row's utilisation and in the exposure alike).
 */
import type { CurrencyMark } from "../cells";
import { OneCurrency } from "../one-currency";
import type { InputField } from "./fields";

/** A customer's amounts the portfolio adds up: what it owes, what it may owe, what it owes late. */
export const RECEIVABLE_FIELDS = ["balance", "creditLimit", "overdueAmount"] as const satisfies readonly InputField[];
export type ReceivableField = (typeof RECEIVABLE_FIELDS)[number];

/** The currency each of a customer's receivables is in, where its sheet names one. */
export type ReceivableCurrencies = Readonly<Partial<Record<ReceivableField, CurrencyMark>>>;

/**
 * The currency of each receivable of a row: its column's (`columns`, by its unit), else its cell's
 * own mark (`marks`); when these name one currency, every receivable of the row is in it, the
 * unmarked ones too. Undefined when nothing names one (most sheets).
 */
export function receivableCurrencies(
  columns: Partial<Record<InputField, CurrencyMark>>,
  marks?: Partial<Record<InputField, CurrencyMark>>,
): ReceivableCurrencies | undefined {
  let named: Partial<Record<ReceivableField, CurrencyMark>> | undefined;
  const row = new OneCurrency();
  let inOne = true;
  for (const field of RECEIVABLE_FIELDS) {
    const currency = columns[field] ?? marks?.[field];
    if (currency === undefined) continue;
    (named ??= {})[field] = currency;
    if (row.join(field, currency)) inOne = false;
  }
  if (!named || !inOne) return named;
  // Narrowed by the row: "$" beside "USD" is US dollars in every total it joins.
  const currency = row.marked!.mark;
  for (const field of RECEIVABLE_FIELDS) named[field] = currency;
  return named;
}

/**
 * The currency each of a customer's receivables is in: its own cells' marks' where they name one,
 * else the currencies the sheet's columns name (`sheet`); undefined when neither names one.
 */
export function customerCurrencies(
  c: { readonly currencies?: ReceivableCurrencies },
  sheet: ReceivableCurrencies | undefined,
): ReceivableCurrencies | undefined {
  return c.currencies ?? sheet;
}

/**
 * The currency a customer's overdue amount (and its aging) is in: with an invoice ledger, its
 * invoices' where they name one (`ledgerCurrency`), which need not be its row's; else its row's
 * overdue amount's (customerCurrencies). Undefined when nothing names one.
 */
export function overdueCurrency(
  c: { readonly currencies?: ReceivableCurrencies; readonly ledgerCurrency?: CurrencyMark },
  sheet: ReceivableCurrencies | undefined,
): CurrencyMark | undefined {
  return c.ledgerCurrency ?? customerCurrencies(c, sheet)?.overdueAmount;
}

/**
 * The one currency a customer's receivables are in (its row's currency); undefined when nothing
 * names one, or its row's amounts are in two (its notes say which).
 */
export function rowCurrency(currencies: ReceivableCurrencies | undefined): CurrencyMark | undefined {
  let one: CurrencyMark | undefined;
  for (const field of RECEIVABLE_FIELDS) {
    const currency = currencies?.[field];
    if (currency === undefined) continue;
    if (one !== undefined && currency !== one) return undefined;
    one = currency;
  }
  return one;
}

/**
 * Which of the customers' amounts every face shows with their currency ("USD 120,000.00"), and
 * the currencies the sheet's columns name: the amounts whose portfolio total is in two currencies,
 * so that two customers' amounts side by side never read as one currency. None in one currency.
 */
export interface AmountMarks {
  readonly marked: ReadonlySet<ReceivableField>;
  readonly sheet?: ReceivableCurrencies;
}

/** No amount marked: every portfolio total of the customers' amounts is in one currency, or names none. */
export const NO_MARKS: AmountMarks = { marked: new Set() };

/**
 * The totals that, when their amounts are in two currencies, mark every customer amount that
 * names one: the balances, limits and overdue amounts side by side in one list are then never
 * read as one currency, whichever of them differs (two currencies by row, or a ledger billing in
 * US dollars the customers whose balances are in euros: USD 540,000.00 overdue beside EUR
 * 600,000.00 limit). Amounts no row names a currency for stay plain.
 */
const MARKING: readonly PortfolioTotal[] = ["exposure", "creditLimits", "overdueAmount", "aging", "overdueAmountShare"];

export function amountMarks(result: {
  readonly portfolio: { readonly twoCurrencies?: TotalsInTwoCurrencies };
  readonly amountUnits: { readonly receivables?: ReceivableCurrencies };
}): AmountMarks {
  const two = result.portfolio.twoCurrencies;
  const marked = MARKING.some((total) => two?.[total] !== undefined) ? new Set(RECEIVABLE_FIELDS) : new Set<ReceivableField>();
  return { marked, sheet: result.amountUnits.receivables };
}

/**
 * The currency a customer's amount (its `field`, or one in that field's currency: its aging is in
 * its overdue amount's) is shown with; undefined: shown plain.
 */
export function amountMark(
  c: { readonly currencies?: ReceivableCurrencies; readonly ledgerCurrency?: CurrencyMark },
  field: ReceivableField,
  marks: AmountMarks,
): CurrencyMark | undefined {
  if (!marks.marked.has(field)) return undefined;
  return field === "overdueAmount" ? overdueCurrency(c, marks.sheet) : customerCurrencies(c, marks.sheet)?.[field];
}

/** Whether a row's own marks name a currency for one of its receivables: only such a row has currencies of its own. */
export function marksReceivable(marks: Partial<Record<InputField, CurrencyMark>>): boolean {
  return RECEIVABLE_FIELDS.some((field) => marks[field] !== undefined);
}

/** What a total adds: customers' balances, credit limits or overdue amounts, or the ledger's open invoices. */
export type TotalAmounts = "balances" | "creditLimits" | "overdueAmounts" | "invoices";

/** An amount of a total in a currency, and where it is: a row of the customer sheet, or of the ledger (`sheet`). */
export interface PlacedCurrency {
  readonly amounts: TotalAmounts;
  readonly currency: CurrencyMark;
  /** 1-based sheet row. */
  readonly row: number;
  /** The sheet, when it is not the customer sheet (the ledger's). */
  readonly sheet?: string;
  /**
   * Of an earlier review read from the archive: the customer (its name, else its id) whose
   * archive row `row` is, named instead of a row of a customer sheet changed since.
   */
  readonly customer?: string;
}

/** A total whose amounts are in two currencies: the currency its first marked amounts are in, and an amount in another. */
export interface TotalInTwoCurrencies {
  readonly first: PlacedCurrency;
  readonly second: PlacedCurrency;
}

/**
 * The portfolio's totals a currency can stop, as PortfolioResult names them; `overdueAmountShare`
 * is the overdue amount's share of the exposure, each in one currency but not the same, and
 * `unmatchedInvoices` the open amount of the ledger's invoices of customers not on the sheet.
 */
export type PortfolioTotal =
  | "exposure"
  | "exposureAtRisk"
  | "creditLimits"
  | "utilisation"
  | "withoutLimit"
  | "overdueAmount"
  | "overdueAmountShare"
  | "aging"
  | "unmatchedInvoices";

/** The totals not added up for their amounts' two currencies, each with a row of each. */
export type TotalsInTwoCurrencies = Readonly<Partial<Record<PortfolioTotal, TotalInTwoCurrencies>>>;

/** The portfolio's totals that are amounts (not shares of one), each of which can say its currency. */
export type AmountTotal = Exclude<PortfolioTotal, "utilisation" | "overdueAmountShare">;

/** The currency of each total added up whose amounts name one. */
export type TotalCurrencies = Readonly<Partial<Record<AmountTotal, CurrencyMark>>>;

/**
 * The currencies the portfolio's totals say beside their figures: where any total is in two
 * currencies (and not added up), a total added up beside it says which it is in, as USD
 * 963,000.00 beside balances in euros and dollars would otherwise read as either. Undefined when
 * no total is in two (most portfolios: their totals print as they always did), and for a total
 * whose amounts name no currency.
 */
export function totalCurrencies(
  totals: Readonly<Partial<Record<PortfolioTotal, TotalCurrency>>>,
  twoCurrencies: TotalsInTwoCurrencies | undefined,
): TotalCurrencies | undefined {
  if (twoCurrencies === undefined) return undefined;
  let said: Partial<Record<AmountTotal, CurrencyMark>> | undefined;
  for (const [total, currency] of Object.entries(totals) as [PortfolioTotal, TotalCurrency | undefined][]) {
    const mark = currency?.mark;
    if (mark !== undefined && total !== "utilisation" && total !== "overdueAmountShare") (said ??= {})[total] = mark;
  }
  return said;
}

/**
 * Whether customers are ranked by their balances: not when the balances are in two currencies
 * (a balance of 90,000 in one is not more than 80,000 in another), then by need and score alone.
 */
export function byBalance(portfolio: { readonly twoCurrencies?: TotalsInTwoCurrencies }): boolean {
  return portfolio.twoCurrencies?.exposure === undefined;
}

type AmountPlace = Omit<PlacedCurrency, "currency">;

/** The currency of one total's amounts, noted one amount at a time as the portfolio is read. */
export class TotalCurrency {
  private readonly one = new OneCurrency();
  /** Where the amounts naming the currency most narrowly are, by their name in `one`: a few at most. */
  private readonly places = new Map<string, AmountPlace>();
  /** The last mark joined: the same again cannot clash, and a portfolio repeats one mark row after row. */
  private lastMark: CurrencyMark | undefined;
  private clash: TotalInTwoCurrencies | undefined;

  /**
   * Notes an amount of the total, `value`, in `currency` (undefined: nothing names one) at `row`
   * (of `sheet`, when not the customer sheet's). An amount of 0, or none, adds nothing: it names no currency.
   */
  addAmount(
    value: number | undefined,
    currency: CurrencyMark | undefined,
    amounts: TotalAmounts,
    row: number,
    sheet?: string,
  ): void {
    if (value !== undefined && value !== 0) this.add(currency, amounts, row, sheet);
  }

  /** Notes an amount of the total in `currency` at `row` (of `sheet`), as addAmount does one that is not 0. */
  private add(currency: CurrencyMark | undefined, amounts: TotalAmounts, row: number, sheet?: string): void {
    if (currency === undefined || currency === this.lastMark || this.clash !== undefined) return;
    const name = `${amounts} ${row} ${sheet ?? ""}`;
    const clash = this.one.join(name, currency);
    if (clash) {
      const second = sheet === undefined ? { amounts, row, currency } : { amounts, row, sheet, currency };
      this.clash = { first: { ...this.places.get(clash.other)!, currency: clash.otherMark }, second };
      return;
    }
    this.lastMark = currency;
    if (this.one.marked!.name === name && !this.places.has(name))
      this.places.set(name, sheet === undefined ? { amounts, row } : { amounts, row, sheet });
  }

  /** Notes the amounts of another total (a customer's invoices) as amounts of this one: its two currencies, or its one. */
  addTotal(other: TotalCurrency): void {
    if (this.clash !== undefined) return;
    if (other.clash !== undefined) this.clash = other.clash;
    const one = other.currency;
    if (one !== undefined) this.add(one.currency, one.amounts, one.row, one.sheet);
  }

  /** The two currencies its amounts are in, when they are two: the total is then not added up. */
  get twoCurrencies(): TotalInTwoCurrencies | undefined {
    return this.clash;
  }

  /** The one currency its amounts name (as `currency`, without where: nothing made to ask it per customer). */
  get mark(): CurrencyMark | undefined {
    return this.clash === undefined ? this.one.mark : undefined;
  }

  /** The one currency its amounts name, and where; undefined when none names one, or they are in two. */
  get currency(): PlacedCurrency | undefined {
    const marked = this.one.marked;
    if (this.clash !== undefined || marked === undefined) return undefined;
    return { ...this.places.get(marked.name)!, currency: marked.mark };
  }
}

/**
 * Two totals set against each other (one's share of the other), each in one currency: those two
 * currencies when they cannot be one; undefined when they can, or either names none.
 */
export function twoTotalsCurrencies(a: TotalCurrency, b: TotalCurrency): TotalInTwoCurrencies | undefined {
  if (a.currency === undefined || b.currency === undefined) return undefined;
  const both = new TotalCurrency();
  both.addTotal(a);
  both.addTotal(b);
  return both.twoCurrencies;
}

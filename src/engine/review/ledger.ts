/**
 * An invoice ledger (customer, invoice, due date, amount, paid or open amount) aged per
 * customer; it replaces the overdue columns of the customer sheet when a workbook has one.
 */
import {
  AmountUnit,
  columnUnit,
  conversion,
  convert,
  ConvertedColumn,
  currencyExpectations,
  ExpectedCurrency,
  headerUnit,
  otherCurrencyError,
  sameCurrency,
  sheetUnit,
  unitsRow,
} from "./units";
import { columnLetter } from "../a1";
import { AgingTotals, dueDateMissing, oldestStillOwed, overdueOf, stillOwedBeyond } from "../aging";
import { customerKey } from "../customer-key";
import {
  amountOrProblem,
  AmountReading,
  CellValue,
  CurrencyMark,
  currencyOfCode,
  isEmptyCell,
  joinedCurrency,
  serialOrProblem,
  showValue,
} from "../cells";
import { CreditError, ErrorPlace, notDateError, notNumberError } from "../errors";
import type { Policy } from "../policy";
import { isTotalsLabel, LEDGER_ALIASES, LedgerField, REQUIRED_LEDGER_FIELDS } from "./fields";
import { farFromReviewDate } from "./far-dates";
import { aliasTable, findHeaderRow, HeaderMatch } from "./headers";
import type { LeftOutRow } from "./review";
import { TotalCurrency, TotalInTwoCurrencies } from "./total-currencies";
import "../i18n/report";

export interface LedgerInput {
  readonly sheetName: string;
  readonly values: readonly (readonly CellValue[])[];
}

export interface LedgerAging {
  readonly sheet: string;
  /** Per customer key (see customerKey): its open invoices, their aging, and its first bad row. */
  readonly customers: ReadonlyMap<string, LedgerCustomer>;
  /** The same customers in the order the ledger first names them (each at its `order`). */
  readonly inOrder: readonly LedgerCustomer[];
  readonly rows: number;
  /** The customer cell of the first open invoice that names no customer. */
  readonly firstUnnamed?: ErrorPlace;
  /**
   * Rows that are not invoices, left out: rows adding up the others ("Total" as the customer or the
   * invoice, no due date) and a row of units right under the header.
   */
  readonly leftOut: readonly LeftOutRow[];
  /** True when the ledger has neither a paid nor an open amount column: every invoice was taken as unpaid. */
  readonly takenAsUnpaid: boolean;
  /** The currencies its currency column names on open invoices, in order of first use (at most MAX_CURRENCIES_SHOWN + 1). */
  readonly currencies: readonly string[];
  /** Its amounts' column, when they were converted into the customer sheet's unit. */
  readonly converted?: ConvertedColumn;
  /** Its amounts' column, when it states another currency than the customer sheet: compared as they stand. */
  readonly otherCurrency?: ConvertedColumn;
  /** Set when no due date it holds is within a century of the review date: then it ages nothing, and is not used. */
  readonly daysForDueDates?: DaysForDueDates;
}

/**
 * A ledger's due-date column that holds numbers of days (days past due, payment terms) rather
 * than dates: no due date is within a century of the review date, every one read either more than
 * a century from it or no date at all. The first far cell, as a notice names it, and how many of each.
 */
export interface DaysForDueDates {
  /** 1-based sheet row. */
  readonly row: number;
  /** Its letters and header, "C (Due date)", as an ErrorPlace's column. */
  readonly column: string;
  /** What the cell holds, as shown. */
  readonly value: string;
  /** The date it reads as (a serial). */
  readonly date: number;
  /** How many open invoices' due dates are more than a century from the review date. */
  readonly far: number;
  /** How many open invoices' due dates are no date (text, or blank on an invoice rather than a credit note). */
  readonly notDates: number;
}

/** How many currencies a notice names before it stops looking. */
export const MAX_CURRENCIES_SHOWN = 5;

/** A sheet with due date and amount columns, so meant as an invoice ledger, that lacks a column the review needs: not used. */
export interface IncompleteLedger {
  readonly sheet: string;
  /** The required fields not found, in REQUIRED_LEDGER_FIELDS order. */
  readonly missing: readonly LedgerField[];
}

/** What the review was told and found about the invoice ledger, said once in each face's report. */
export type LedgerNotice =
  | ({ readonly kind: "notUsed" } & IncompleteLedger)
  | { readonly kind: "takenAsUnpaid"; readonly sheet: string }
  /**
   * Open invoices in more than one currency: no amounts in two are added up (no rate is known); a
   * customer whose own invoices are in two has no aging, and no overdue amount when its overdue
   * ones are (see InvoicesInCurrencies).
   */
  | { readonly kind: "mixedCurrencies"; readonly sheet: string; readonly currencies: readonly string[] }
  /** A ledger not used because its due-date column holds numbers of days (see DaysForDueDates). */
  | ({ readonly kind: "daysForDueDates"; readonly sheet: string } & DaysForDueDates);

/** One customer of the ledger: one record rather than a map each for aging, errors and invoices. */
export interface LedgerCustomer {
  readonly key: string;
  /** Its place in LedgerAging.inOrder. */
  readonly order: number;
  /** The customer as the ledger first writes it ("" for rows naming none). */
  readonly shown: string;
  /**
   * The open items aged, credit notes (dated or not) settling the oldest first; undefined when there
   * is none to age, or when they are in two currencies (`inCurrencies` then ages each currency's).
   */
  aging: AgingTotals | undefined;
  /** Days past due of its oldest invoice still owed once the credits settled the oldest first; 0 when none is overdue. */
  oldestDays: number;
  /**
   * What it still owes more than the policy's legal-action days past due, after credits; with
   * invoices in two currencies, that of the one currency still owing overdue (see InvoicesInCurrencies).
   */
  owedPastLegalAction: number;
  /** The first bad ledger row: the customer's overdue figures are not computed. */
  error: CreditError | undefined;
  /** Open invoices (credit notes included), with or without a due date. */
  count: number;
  /** Their open amount; a row whose amount cannot be read leaves it unknown (undefined). */
  open: number | undefined;
  /** Set by the review when a customer of the sheet is this one: the rest are reported as unmatched. */
  matched: boolean;
  /** The currency its open invoices are in, as the ledger's currency column (else its amounts' unit or marks) names it; undefined when none does. */
  currency: TotalCurrency | undefined;
  /**
   * The currency of what it owes overdue: its overdue invoices' and its credit notes' (which settle
   * the oldest first, so are taken off the overdue amount before any other); undefined when none names one.
   */
  overdueCurrency: TotalCurrency | undefined;
  /** Set once its open invoices are in two currencies: each currency aged apart. */
  inCurrencies: InvoicesInCurrencies | undefined;
}

/**
 * A customer's open invoices in two or more currencies, each currency aged on its own: no rate is
 * known, so no bucket, overdue amount or amount past the legal-action days adds two currencies.
 * A credit note settles only invoices of its own currency (oldest first, as cash application does
 * within one): a credit in euros pays no dollar invoice. So days past due, a count of days, stands:
 * it is the oldest invoice still owed in any currency once that currency's credits settled its own.
 * An invoice nothing names a currency for is taken to be in the customer's first currency, as it
 * was before the second appeared (the portfolio's rule: in the currency of those it is added to).
 */
export interface InvoicesInCurrencies {
  /** Each currency's invoices, in order of first use; the first holds those read before the second currency showed. */
  readonly byCurrency: CurrencyInvoices[];
  /** Two currencies of its open invoices, a ledger row of each: its aging is not added up. */
  readonly open: TotalInTwoCurrencies;
  /**
   * Two currencies still owing overdue once each one's credit notes settled its own invoices, a
   * row of an overdue invoice of each: its overdue amount (and past the legal-action days) is not added up.
   */
  overdue: TotalInTwoCurrencies | undefined;
  /** Its overdue amount, in the one currency still owing some (0 when none does); undefined when two do. */
  overdueAmount: number | undefined;
}

/** A customer's open invoices in one currency, aged apart from its others (see InvoicesInCurrencies). */
export interface CurrencyInvoices {
  mark: CurrencyMark;
  readonly aging: AgingTotals;
  /** What it owes in this currency more than the legal-action days past due, before this currency's credits. */
  owedPastLegalAction: number;
}

/** The notes of a customer not aged because it is billed in two currencies, not for a ledger row to fix. */
export const TWO_CURRENCY_NOTES: ReadonlySet<string> = new Set(["note.ledgerOverdueTwoCurrencies", "note.ledgerTwoCurrencies"]);

/**
 * Why a customer's aging, or its overdue amount with it, is not added up: its open (or overdue)
 * invoices on the ledger are in two currencies, a row of each named; placed at the second's row.
 */
export function invoicesInTwoCurrenciesReason(two: TotalInTwoCurrencies, overdue: boolean): CreditError {
  const { first, second } = two;
  return new CreditError("value", overdue ? "note.ledgerOverdueTwoCurrencies" : "note.ledgerTwoCurrencies", {
    mark: first.currency,
    row: first.row,
    otherMark: second.currency,
    otherRow: second.row,
  }).at({ sheet: second.sheet, row: second.row });
}

/** The ledger's open invoices of customers not on the customer sheet: reported, never silently dropped. */
export interface UnmatchedInvoices {
  readonly customers: number;
  readonly invoices: number;
  /** Their open amount (credit notes included); undefined when they are in two currencies (the portfolio's twoCurrencies says which). */
  readonly amount: number | undefined;
  /** The first few customers as the ledger writes them. */
  readonly keys: readonly string[];
  /**
   * Beside each of `keys`, the customer's name as the archive last has it (a customer gone from
   * the sheet since an earlier review), null where the archive does not know it or the ledger
   * writes the name itself; absent when it knows none of them.
   */
  readonly names?: readonly (string | null)[];
  /** Where the first open invoice naming no customer is (counted among them, with no key to show). */
  readonly unnamedAt?: ErrorPlace;
}

/**
 * The currency of the open invoices the portfolio's aging adds (those of the ledger's customers a
 * customer of the sheet matched and could age), as its currency column, or its amounts' unit or
 * marks, name them; the aging says when it is two.
 */
export function agedInvoicesCurrency(ledger: LedgerAging): TotalCurrency {
  const total = new TotalCurrency();
  for (const entry of ledger.inOrder)
    if (entry.currency !== undefined && entry.matched && entry.error === undefined) total.addTotal(entry.currency);
  return total;
}

/**
 * The currency of the portfolio's overdue amount: that of the aged customers' overdue invoices
 * (and the credit notes taken off them), of those still owing some once credited. An invoice not
 * yet due adds nothing to it, whatever its currency.
 */
export function overdueInvoicesCurrency(ledger: LedgerAging): TotalCurrency {
  const total = new TotalCurrency();
  for (const entry of ledger.inOrder)
    if (entry.overdueCurrency !== undefined && entry.matched && entry.error === undefined && owesOverdue(entry))
      total.addTotal(entry.overdueCurrency);
  return total;
}

/** Whether a customer still owes some of its overdue invoices once its credit notes settled the oldest first. */
function owesOverdue(entry: LedgerCustomer): boolean {
  const two = entry.inCurrencies;
  if (two !== undefined) return two.overdue !== undefined || (two.overdueAmount ?? 0) > 0;
  return entry.aging !== undefined && overdueOf(entry.aging.buckets) > 0;
}

/** Whether the ledger's customer is one no customer of the sheet matched, with open invoices: reported as such. */
export function isUnmatched(entry: LedgerCustomer): boolean {
  return !entry.matched && entry.count > 0;
}

/** The currency of the open invoices of customers not on the sheet (unmatchedInvoices), as agedInvoicesCurrency names it. */
export function unmatchedInvoicesCurrency(ledger: LedgerAging): TotalCurrency {
  const total = new TotalCurrency();
  for (const entry of ledger.inOrder) if (entry.currency !== undefined && isUnmatched(entry)) total.addTotal(entry.currency);
  return total;
}

/** How many unmatched customers a report names. */
const SHOWN_KEYS = 5;

/**
 * The ledger's customers that no customer of the sheet matched (by id, else by name: see
 * ledgerKey), with their open invoices and amount. The review marks the matched ones as it
 * goes: a set of every sheet customer's keys, built again here, took a fifth of the review's time.
 */
export function unmatchedInvoices(ledger: LedgerAging, archivedName?: (key: string) => string | undefined): UnmatchedInvoices {
  let count = 0;
  let invoices = 0;
  let amount = 0;
  const keys: string[] = [];
  for (const entry of ledger.customers.values()) {
    if (!isUnmatched(entry)) continue;
    count++;
    invoices += entry.count;
    amount += entry.open ?? 0;
    if (keys.length < SHOWN_KEYS && entry.shown !== "") keys.push(entry.shown);
  }
  const found = keys.map((shown) => {
    const name = archivedName?.(customerKey(shown));
    return name === undefined || name === "" || customerKey(name) === customerKey(shown) ? null : name;
  });
  const names = found.some((n) => n !== null) ? { names: found } : {};
  const unnamed = ledger.firstUnnamed;
  return unnamed
    ? { customers: count, invoices, amount, keys, ...names, unnamedAt: unnamed }
    : { customers: count, invoices, amount, keys, ...names };
}

const LEDGER_TABLE = aliasTable(LEDGER_ALIASES);

/**
 * A customer's record in the ledger: by its key (its id, else its name: see archiveKey), else
 * by its name (the ledger's customer column may hold either). `previous`, the record the sheet's
 * customer before matched, is where the next one is looked for first: a sheet and a ledger both
 * in customer order then meet without a lookup in a map of every ledger customer, which showed.
 */
export function ledgerCustomer(
  ledger: LedgerAging,
  key: string,
  id: string,
  name: string,
  previous?: LedgerCustomer,
): LedgerCustomer | undefined {
  if (ledger.customers.size === 0) return undefined;
  if (previous !== undefined && key !== "") {
    const next = ledger.inOrder[previous.order + 1];
    if (next !== undefined && next.key === key) return next;
  }
  // A blank id or name matches nothing: the ledger's rows naming no customer are no one's.
  const byKey = key === "" ? undefined : ledger.customers.get(key);
  return byKey ?? (id === "" || name === "" ? undefined : ledger.customers.get(customerKey(name)));
}

/** Finds a ledger's header row; undefined when the values do not look like a ledger. */
export function detectLedger(values: readonly (readonly CellValue[])[]) {
  const match = findHeaderRow(values, LEDGER_TABLE, REQUIRED_LEDGER_FIELDS.length);
  if (!match || REQUIRED_LEDGER_FIELDS.some((f) => match.columns[f] === undefined)) return undefined;
  return match;
}

/** The two columns that make a sheet an invoice ledger by intent, whatever else it lacks. */
const LEDGER_MARKS: readonly LedgerField[] = ["dueDate", "amount"];

/**
 * The required columns a sheet meant as a ledger lacks (its header names a due date and an
 * amount): an ERP's own header for the customer must not leave its ledger silently unused.
 * Undefined when the sheet is a ledger or nothing like one.
 */
export function missingLedgerColumns(values: readonly (readonly CellValue[])[]): readonly LedgerField[] | undefined {
  if (detectLedger(values)) return undefined;
  const match: HeaderMatch<LedgerField> | undefined = findHeaderRow(values, LEDGER_TABLE, LEDGER_MARKS.length);
  if (!match || LEDGER_MARKS.some((f) => match.columns[f] === undefined)) return undefined;
  return REQUIRED_LEDGER_FIELDS.filter((f) => match.columns[f] === undefined);
}

export interface LedgerSearch {
  readonly ledger?: LedgerInput;
  /** With no ledger found: the first sheet meant as one that lacks a required column. */
  readonly incomplete?: IncompleteLedger;
}

/**
 * The first of the candidate sheets (see sheetRoles) that is an invoice ledger. `valuesOf`
 * gives a sheet's values from A1, and is asked for one sheet at a time, in order, until a
 * ledger is found.
 */
export function findLedger(
  candidates: readonly string[],
  valuesOf: (sheetName: string) => readonly (readonly CellValue[])[] | undefined,
): LedgerSearch {
  let search: LedgerSearch = {};
  for (const sheetName of candidates) {
    const values = valuesOf(sheetName);
    if (values) search = searchLedger(search, sheetName, values);
    if (search.ledger) break;
  }
  return search;
}

/**
 * The search after one more sheet, in workbook order (a face that reads sheets one at a time
 * steps through it itself): the first ledger ends it; until then the first sheet meant as one
 * but incomplete is kept.
 */
export function searchLedger(search: LedgerSearch, sheetName: string, values: readonly (readonly CellValue[])[]): LedgerSearch {
  if (search.ledger) return search;
  if (detectLedger(values)) return { ledger: { sheetName, values } };
  const missing = search.incomplete ? undefined : missingLedgerColumns(values);
  return missing ? { incomplete: { sheet: sheetName, missing } } : search;
}

/**
 * The review's notices about its ledger: the one it could not use (a required column missing, or
 * numbers of days for due dates), or what it says of the one it used.
 */
export function ledgerNotices(ledger: LedgerAging | undefined, incomplete: IncompleteLedger | undefined): LedgerNotice[] {
  if (ledger?.daysForDueDates) return [{ kind: "daysForDueDates", sheet: ledger.sheet, ...ledger.daysForDueDates }];
  if (ledger) {
    const notices: LedgerNotice[] = [];
    if (ledger.takenAsUnpaid) notices.push({ kind: "takenAsUnpaid", sheet: ledger.sheet });
    if (ledger.currencies.length > 1)
      notices.push({ kind: "mixedCurrencies", sheet: ledger.sheet, currencies: ledger.currencies });
    return notices;
  }
  return incomplete ? [{ kind: "notUsed", ...incomplete }] : [];
}

/**
 * The ledger's overdue invoices (positive open amounts past their due date), recorded as read so
 * that once every credit note is known each customer's oldest invoice still owed, and what it owes
 * past the legal-action days, come out exact (the buckets alone give only the bucket). Invoices
 * not yet due are left out: credits reach them last, and they are never days past due. Flat lists
 * sized once for the whole ledger rather than grown row by row or kept per customer: a ledger of
 * 300,000 invoices would otherwise leave the collector that many small lists or regrowths.
 */
class OverdueInvoices {
  private readonly owners: (LedgerCustomer | undefined)[];
  private readonly ages: Float64Array;
  private readonly amounts: Float64Array;
  /** Each invoice's currency, as its place in its customer's InvoicesInCurrencies (0 for a customer in one), and its 1-based row. */
  private readonly currencies: Uint16Array;
  private readonly rows: Uint32Array;
  private count = 0;

  constructor(rows: number) {
    this.owners = new Array<LedgerCustomer | undefined>(rows).fill(undefined);
    this.ages = new Float64Array(rows);
    this.amounts = new Float64Array(rows);
    this.currencies = new Uint16Array(rows);
    this.rows = new Uint32Array(rows);
  }

  /**
   * One overdue invoice of sheet row `row`, in its customer's currency `currency` (its place in
   * InvoicesInCurrencies); its customer's figures as if it had no credit note, settled later if it has.
   */
  record(owner: LedgerCustomer, age: number, amount: number, legalActionDays: number, currency: number, row: number): void {
    if (age > owner.oldestDays) owner.oldestDays = age;
    if (age > legalActionDays) {
      const apart = owner.inCurrencies?.byCurrency[currency];
      if (apart !== undefined) apart.owedPastLegalAction += amount;
      else owner.owedPastLegalAction += amount;
    }
    const i = this.count++;
    this.owners[i] = owner;
    this.ages[i] = age;
    this.amounts[i] = amount;
    this.currencies[i] = currency;
    this.rows[i] = row;
  }

  /**
   * Works each customer with credit notes, or with invoices in two currencies, out again: its
   * credits settle its oldest invoices (of their own currency) first.
   */
  settle(customers: Iterable<LedgerCustomer>): void {
    const again = new Map<LedgerCustomer, { ages: number[]; amounts: number[]; currencies: number[]; rows: number[] }>();
    for (let i = 0; i < this.count; i++) {
      const owner = this.owners[i]!;
      if (owner.inCurrencies === undefined && owner.aging!.credits === 0) continue;
      let items = again.get(owner);
      if (items === undefined) again.set(owner, (items = { ages: [], amounts: [], currencies: [], rows: [] }));
      items.ages.push(this.ages[i]);
      items.amounts.push(this.amounts[i]);
      items.currencies.push(this.currencies[i]);
      items.rows.push(this.rows[i]);
    }
    for (const [owner, items] of again)
      if (owner.inCurrencies === undefined) owner.oldestDays = oldestStillOwed(items.ages, items.amounts, owner.aging!.credits);
    for (const entry of customers) {
      if (entry.inCurrencies !== undefined) settleApart(entry, entry.inCurrencies, again.get(entry));
      else if (entry.aging) entry.owedPastLegalAction = stillOwedBeyond(entry.owedPastLegalAction, entry.aging.credits);
    }
  }
}

/**
 * A customer's figures from its invoices in two currencies, each currency's credits settling its
 * own invoices alone (InvoicesInCurrencies): the oldest invoice still owed in any, and the overdue
 * amount and what is past the legal-action days when only one currency still owes overdue.
 */
function settleApart(
  entry: LedgerCustomer,
  two: InvoicesInCurrencies,
  overdue: { ages: number[]; amounts: number[]; currencies: number[]; rows: number[] } | undefined,
): void {
  const owing = new TotalCurrency();
  let oldestDays = 0;
  let overdueAmount = 0;
  let owedPastLegalAction = 0;
  two.byCurrency.forEach((apart, currency) => {
    const ages: number[] = [];
    const amounts: number[] = [];
    let row = 0;
    if (overdue)
      for (let i = 0; i < overdue.ages.length; i++)
        if (overdue.currencies[i] === currency) {
          ages.push(overdue.ages[i]);
          amounts.push(overdue.amounts[i]);
          row ||= overdue.rows[i];
        }
    oldestDays = Math.max(oldestDays, oldestStillOwed(ages, amounts, apart.aging.credits));
    const owed = overdueOf(apart.aging.buckets);
    if (owed <= 0) return;
    owing.addAmount(owed, apart.mark, "invoices", row, two.open.second.sheet);
    overdueAmount = owed;
    owedPastLegalAction = stillOwedBeyond(apart.owedPastLegalAction, apart.aging.credits);
  });
  entry.oldestDays = oldestDays;
  two.overdue = owing.twoCurrencies;
  two.overdueAmount = two.overdue === undefined ? overdueAmount : undefined;
  entry.owedPastLegalAction = two.overdue === undefined ? owedPastLegalAction : 0;
  // The portfolio's overdue amount is in the currencies still owing some, a credit in another taking nothing off.
  entry.overdueCurrency = owing;
}

/**
 * The aging a customer's open item in `currency` joins: its own, or with its invoices in two
 * currencies that currency's (a new one for a currency not seen before). The first currency in
 * two moves its invoices so far apart (`twoCurrencies`: its open invoices' two currencies).
 */
function agingFor(
  entry: LedgerCustomer,
  currency: CurrencyMark | undefined,
  edges: readonly number[],
): { readonly aging: AgingTotals; readonly currency: number } {
  const two = entry.inCurrencies;
  if (two === undefined) {
    const open = entry.currency?.twoCurrencies;
    if (open === undefined) return { aging: (entry.aging ??= new AgingTotals(edges)), currency: 0 };
    // Everything before the second currency is in the first (or named by none: taken to be in it).
    const first: CurrencyInvoices = {
      mark: open.first.currency,
      aging: entry.aging ?? new AgingTotals(edges),
      owedPastLegalAction: entry.owedPastLegalAction,
    };
    entry.inCurrencies = { byCurrency: [first], open, overdue: undefined, overdueAmount: undefined };
    entry.aging = undefined;
    entry.owedPastLegalAction = 0;
    return agingFor(entry, currency, edges);
  }
  if (currency === undefined) return { aging: two.byCurrency[0].aging, currency: 0 };
  for (let i = 0; i < two.byCurrency.length; i++) {
    const joined = joinedCurrency(two.byCurrency[i].mark, currency);
    if (joined !== undefined) {
      two.byCurrency[i].mark = joined;
      return { aging: two.byCurrency[i].aging, currency: i };
    }
  }
  two.byCurrency.push({ mark: currency, aging: new AgingTotals(edges), owedPastLegalAction: 0 });
  return { aging: two.byCurrency[two.byCurrency.length - 1].aging, currency: two.byCurrency.length - 1 };
}

/**
 * Ages the ledger per customer against `asOf` (an Excel serial), by the policy's aging edges;
 * each customer's credit notes settle its oldest invoices first. A due date more than a century
 * from `asOf` is a bad row of its customer's, never aged 91+; when no due date is within a
 * century, the whole column holds numbers of days (see DaysForDueDates).
 */
export function ageLedger(
  input: LedgerInput,
  asOf: number,
  policy: Pick<Policy, "agingEdges" | "legalActionDays">,
  unit?: AmountUnit,
): LedgerAging {
  const match = detectLedger(input.values);
  if (!match) throw new CreditError("value", "review.ledgerColumns", { sheet: input.sheetName });
  const col = match.columns as Record<LedgerField, number>;
  // What is owed is in the open amount's unit where its header (or a row of units under it) states
  // one, else the amount's; a header stating none takes the sheet line's.
  const underHeader = unitsRow(
    input.values,
    match.headerRow,
    [col.openAmount, col.amount, col.paid].filter((c): c is number => c !== undefined),
  );
  const onSheet = sheetUnit(input.values, match.headerRow);
  const unitOf = (c: number) =>
    headerUnit(match.headers[c]) ? columnUnit(match.headers[c], onSheet) : underHeader?.units.get(c);
  const unitColumn = [col.openAmount, col.amount].find((c) => c !== undefined && unitOf(c) !== undefined);
  const amountHeader = match.headers[unitColumn ?? col.openAmount ?? col.amount];
  const ledgerUnit = unitColumn === undefined ? onSheet : unitOf(unitColumn);
  const toUnit = conversion(ledgerUnit, unit);
  const customers = new Map<string, LedgerCustomer>();
  const inOrder: LedgerCustomer[] = [];
  let rows = 0;
  const place = (field: LedgerField, r: number) => ({
    sheet: input.sheetName,
    row: r + 1,
    column: `${columnLetter(col[field])} (${match.headers[col[field]]})`,
  });
  const firstRow = match.headerRow + (underHeader ? 2 : 1);
  // An amount column's text amounts are expected in its unit's currency, else the ledger's, else most of its marks'.
  const stated = new Map<number, ExpectedCurrency>();
  for (const c of [col.openAmount, col.amount, col.paid]) {
    if (c === undefined) continue;
    const unit = unitOf(c)?.currency !== undefined ? unitOf(c) : ledgerUnit;
    if (unit?.currency !== undefined) stated.set(c, { code: unit.currency, unit: unit.label });
  }
  const expectedCurrency = currencyExpectations(stated, input.values, firstRow);
  /** A figure of row r, a blank one as 0; one that is not a number leaves its customer's open amount unknown. */
  const figure = (
    line: readonly CellValue[],
    read: number | AmountReading,
    field: LedgerField,
    r: number,
    of: LedgerCustomer,
  ): number => {
    if (typeof read === "number") return read;
    if (read.kind === "blank") return 0;
    const error =
      read.kind === "invalid"
        ? notNumberError(read, "review.notNumber")
        : otherCurrencyError(read, line[col[field]], expectedCurrency(col[field]));
    if (error === undefined && read.kind === "number") return read.value;
    of.open = undefined;
    throw error!.at(place(field, r));
  };
  /**
   * What is still owed on row r: the ledger's open amount where it has that column (an ERP's
   * open-items export), else the amount less what was paid (all of it, with no paid column).
   */
  const openOf = (line: readonly CellValue[], amount: number | AmountReading, r: number, of: LedgerCustomer): number => {
    if (col.openAmount !== undefined) return figure(line, amountOrProblem(line[col.openAmount]), "openAmount", r, of);
    const invoiced = figure(line, amount, "amount", r, of);
    return col.paid === undefined ? invoiced : invoiced - figure(line, amountOrProblem(line[col.paid]), "paid", r, of);
  };
  // Ledgers tend to list a customer's invoices together: the previous row's key is often this row's.
  let firstUnnamed: ErrorPlace | undefined;
  const leftOut: LeftOutRow[] = [];
  if (underHeader) leftOut.push({ sheet: input.sheetName, row: underHeader.row + 1, label: underHeader.label, kind: "units" });
  let previousRaw: CellValue = undefined;
  let previousKey = "";
  let entry: LedgerCustomer | undefined;
  let greatestKey: string | undefined;
  const overdue = new OverdueInvoices(input.values.length);
  const currencies: string[] = [];
  let previousCurrency: CellValue = undefined;
  // Due dates read within a century of asOf, and the first beyond it: the column is days when none is within.
  let datesWithinACentury = 0;
  let farDates = 0;
  let notDates = 0;
  let firstFar: Omit<DaysForDueDates, "far" | "notDates"> | undefined;
  // An open invoice's currency: its currency column's, else its amounts' (their unit's, or most of their marks').
  const amountsCurrency = expectedCurrency(col.openAmount ?? col.amount)?.code;
  let currencyNamed: CurrencyMark | undefined = amountsCurrency;
  for (let r = firstRow; r < input.values.length; r++) {
    const line = input.values[r] ?? [];
    const rawCustomer = line[col.customer];
    if (rawCustomer !== previousRaw) {
      previousRaw = rawCustomer;
      previousKey = customerKey(rawCustomer === null || rawCustomer === undefined ? "" : String(rawCustomer));
    }
    const customer = previousKey;
    const amount = amountOrProblem(line[col.amount]);
    if (customer === "" && typeof amount !== "number" && amount.kind === "blank") continue;
    // A totals row has no due date: only such rows are asked for the totals words.
    if (isEmptyCell(line[col.dueDate])) {
      const totals = isTotalsLabel(rawCustomer) ? rawCustomer : col.invoice === undefined ? undefined : line[col.invoice];
      if (isTotalsLabel(totals)) {
        leftOut.push({ sheet: input.sheetName, row: r + 1, label: showValue(String(totals).trim()), kind: "totals" });
        continue;
      }
    }
    rows++;
    // Ledgers tend to list a customer's invoices together: the previous row's record is often this
    // row's; and sorted by customer, a key past every one so far is a new customer, not looked up.
    if (entry === undefined || entry.key !== customer) {
      const isNew = greatestKey === undefined || customer > greatestKey;
      if (isNew) greatestKey = customer;
      entry = isNew ? undefined : customers.get(customer);
      if (entry === undefined) {
        const shown = customer === "" ? "" : String(rawCustomer).trim();
        entry = {
          key: customer,
          order: inOrder.length,
          shown,
          aging: undefined,
          oldestDays: 0,
          owedPastLegalAction: 0,
          error: undefined,
          count: 0,
          open: 0,
          matched: false,
          currency: undefined,
          overdueCurrency: undefined,
          inCurrencies: undefined,
        };
        customers.set(customer, entry);
        inOrder.push(entry);
      }
    }
    try {
      // As the ledger states it (what a message about its cell quotes), and in the review's unit.
      const stated = openOf(line, amount, r, entry);
      const open = toUnit ? convert(stated, toUnit) : stated;
      if (open === 0) continue;
      entry.count++;
      // Ledgers repeat a currency row after row: only a change is looked at.
      if (col.currency !== undefined && line[col.currency] !== previousCurrency) {
        previousCurrency = line[col.currency];
        const code = isEmptyCell(previousCurrency) ? "" : String(previousCurrency).trim().toUpperCase();
        if (code !== "" && currencies.length <= MAX_CURRENCIES_SHOWN && !currencies.includes(code)) currencies.push(code);
        currencyNamed = code === "" ? amountsCurrency : currencyOfCode(code);
      }
      // Each customer's invoices in their currencies, for the portfolio's totals of them (agedInvoicesCurrency).
      if (currencyNamed !== undefined)
        (entry.currency ??= new TotalCurrency()).addAmount(open, currencyNamed, "invoices", r + 1, input.sheetName);
      // A credit note is taken off the overdue invoices first, whatever its date.
      if (currencyNamed !== undefined && open < 0)
        (entry.overdueCurrency ??= new TotalCurrency()).addAmount(open, currencyNamed, "invoices", r + 1, input.sheetName);
      if (entry.open !== undefined) {
        entry.open += open;
        // A sum past the largest number (or an amount converted past it) is unknown, as an unreadable amount leaves it.
        if (!Number.isFinite(entry.open)) entry.open = undefined;
      }
      // An open invoice naming no customer is no one's: counted among the unmatched, never aged.
      if (customer === "") {
        firstUnnamed ??= place("customer", r);
        throw new CreditError("value", "review.ledgerNoCustomer").at(firstUnnamed);
      }
      const due = serialOrProblem(line[col.dueDate]);
      const apart = agingFor(entry, currencyNamed, policy.agingEdges);
      const totals = apart.aging;
      if (typeof due !== "number") {
        // A credit note settles the oldest amounts owed whatever its date, so it needs none.
        if (due.kind === "blank" && open < 0) totals.addCredit(open);
        else {
          notDates++;
          if (due.kind === "blank") throw dueDateMissing(stated).at(place("dueDate", r));
          throw notDateError(due, "review.notDate").at(place("dueDate", r));
        }
      } else {
        const far = farFromReviewDate(due, line[col.dueDate], asOf);
        if (far !== undefined) {
          const at = place("dueDate", r);
          farDates++;
          firstFar ??= { row: at.row, column: at.column, value: String(far.params.value), date: due };
          throw far.at(at);
        }
        datesWithinACentury++;
        const age = asOf - due;
        totals.add(open, age);
        if (open > 0 && age > 0) {
          overdue.record(entry, age, open, policy.legalActionDays, apart.currency, r + 1);
          if (currencyNamed !== undefined)
            (entry.overdueCurrency ??= new TotalCurrency()).addAmount(open, currencyNamed, "invoices", r + 1, input.sheetName);
        }
      }
      if (!totals.isFinite) throw new CreditError("num", "aging.notFinite").at(place("amount", r));
    } catch (error) {
      if (!(error instanceof CreditError)) throw error;
      entry.error ??= error;
    }
  }
  overdue.settle(customers.values());
  const takenAsUnpaid = col.paid === undefined && col.openAmount === undefined;
  const amounts = ledgerUnit && { sheet: input.sheetName, header: amountHeader, from: ledgerUnit };
  const converted = toUnit ? amounts : undefined;
  const otherCurrency = amounts && unit && !sameCurrency(ledgerUnit, unit) ? amounts : undefined;
  return {
    sheet: input.sheetName,
    customers,
    inOrder,
    rows,
    firstUnnamed,
    leftOut,
    takenAsUnpaid,
    currencies,
    converted,
    otherCurrency,
    ...(firstFar !== undefined && datesWithinACentury === 0 && { daysForDueDates: { ...firstFar, far: farDates, notDates } }),
  };
}

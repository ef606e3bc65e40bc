/**
 * An invoice ledger (customer, invoice, due date, amount, paid) aged per customer; it
 * replaces the overdue columns of the customer sheet when a workbook has one.
 */
import { columnLetter } from "../a1";
import { AgingTotals } from "../aging";
import { CellValue, numberOrProblem, serialOrProblem } from "../cells";
import { CreditError } from "../errors";
import { LEDGER_ALIASES, LedgerField, REQUIRED_LEDGER_FIELDS } from "./fields";
import { aliasTable, findHeaderRow } from "./headers";

export interface LedgerInput {
  readonly sheetName: string;
  readonly values: readonly (readonly CellValue[])[];
}

export interface LedgerAging {
  readonly sheet: string;
  readonly byCustomer: ReadonlyMap<string, AgingTotals>;
  /** The first bad ledger row of each customer: that customer's overdue figures are not computed. */
  readonly errors: ReadonlyMap<string, CreditError>;
  /** Per customer key: the customer as the ledger first writes it, and its open invoices. */
  readonly invoices: ReadonlyMap<string, LedgerCustomer>;
  readonly rows: number;
}

export interface LedgerCustomer {
  readonly key: string;
  readonly shown: string;
  /** Open invoices (credit notes included), with or without a due date. */
  count: number;
  /** Their open amount; a row whose amount cannot be read leaves it unknown (undefined). */
  open: number | undefined;
  /** Set by the review when a customer of the sheet is this one: the rest are reported as unmatched. */
  matched: boolean;
}

/** The ledger's open invoices of customers not on the customer sheet: reported, never silently dropped. */
export interface UnmatchedInvoices {
  readonly customers: number;
  readonly invoices: number;
  /** Their open amount (credit notes included). */
  readonly amount: number;
  /** The first few customers as the ledger writes them. */
  readonly keys: readonly string[];
}

/** How many unmatched customers a report names. */
const SHOWN_KEYS = 5;

/**
 * The ledger's customers that no customer of the sheet matched (by id, else by name: see
 * ledgerKey), with their open invoices and amount. The review marks the matched ones as it
 * goes: a set of every sheet customer's keys, built again here, took a fifth of the review's time.
 */
export function unmatchedInvoices(ledger: LedgerAging): UnmatchedInvoices {
  let count = 0;
  let invoices = 0;
  let amount = 0;
  const keys: string[] = [];
  for (const [key, entry] of ledger.invoices) {
    if (entry.matched) continue;
    count++;
    invoices += entry.count;
    amount += entry.open ?? 0;
    if (keys.length < SHOWN_KEYS) keys.push(entry.shown);
  }
  return { customers: count, invoices, amount, keys };
}

const LEDGER_TABLE = aliasTable(LEDGER_ALIASES);

/** Ledger and customer sheet meet on this key: ids and names compared without case or outer spaces. */
export function customerKey(text: string): string {
  // Plain ASCII (most ids) needs no Unicode normalisation, which is slow per row.
  return (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize("NFKC")).trim().toLowerCase();
}

/** A customer's key in a ledger's maps: its id's, else its name's; undefined when the ledger has neither. */
export function ledgerKey(map: ReadonlyMap<string, unknown>, id: string, name: string): string | undefined {
  if (map.size === 0) return undefined;
  const byId = customerKey(id);
  if (map.has(byId)) return byId;
  const byName = customerKey(name);
  return map.has(byName) ? byName : undefined;
}

/** Finds a ledger's header row; undefined when the values do not look like a ledger. */
export function detectLedger(values: readonly (readonly CellValue[])[]) {
  const match = findHeaderRow(values, LEDGER_TABLE, REQUIRED_LEDGER_FIELDS.length);
  if (!match || REQUIRED_LEDGER_FIELDS.some((f) => match.columns[f] === undefined)) return undefined;
  return match;
}

/**
 * The first of the candidate sheets (see sheetRoles) that is an invoice ledger. `valuesOf`
 * gives a sheet's values from A1, and is asked for one sheet at a time, in order, until a
 * ledger is found.
 */
export function findLedger(
  candidates: readonly string[],
  valuesOf: (sheetName: string) => readonly (readonly CellValue[])[] | undefined,
): LedgerInput | undefined {
  for (const sheetName of candidates) {
    const values = valuesOf(sheetName);
    if (values && detectLedger(values)) return { sheetName, values };
  }
  return undefined;
}

export function ageLedger(input: LedgerInput, asOf: number, edges: readonly number[]): LedgerAging {
  const match = detectLedger(input.values);
  if (!match) throw new CreditError("value", "review.ledgerColumns", { sheet: input.sheetName });
  const col = match.columns as Record<LedgerField, number>;
  const byCustomer = new Map<string, AgingTotals>();
  const errors = new Map<string, CreditError>();
  const invoices = new Map<string, LedgerCustomer>();
  // A customer's invoices tend to be listed together: the last entry is often this row's.
  let lastEntry: LedgerCustomer | undefined;
  const entryOf = (customer: string, raw: CellValue) => {
    if (lastEntry !== undefined && lastEntry.key === customer) return lastEntry;
    let entry = invoices.get(customer);
    if (!entry) invoices.set(customer, (entry = { key: customer, shown: String(raw).trim(), count: 0, open: 0, matched: false }));
    return (lastEntry = entry);
  };
  let rows = 0;
  const place = (field: LedgerField, r: number) => ({
    sheet: input.sheetName,
    row: r + 1,
    column: `${columnLetter(col[field])} (${match.headers[col[field]]})`,
  });
  // Ledgers tend to list a customer's invoices together: the previous row's key is often this row's.
  let previousRaw: CellValue = undefined;
  let previousKey = "";
  for (let r = match.headerRow + 1; r < input.values.length; r++) {
    const line = input.values[r] ?? [];
    const rawCustomer = line[col.customer];
    if (rawCustomer !== previousRaw) {
      previousRaw = rawCustomer;
      previousKey = customerKey(rawCustomer === null || rawCustomer === undefined ? "" : String(rawCustomer));
    }
    const customer = previousKey;
    const amount = numberOrProblem(line[col.amount]);
    if (customer === "" && typeof amount !== "number" && amount.kind === "blank") continue;
    rows++;
    try {
      if (customer === "") throw new CreditError("value", "review.ledgerNoCustomer").at(place("customer", r));
      if (typeof amount !== "number" && amount.kind === "invalid") {
        entryOf(customer, rawCustomer).open = undefined;
        throw new CreditError("value", "review.notNumber", { value: amount.shown }).at(place("amount", r));
      }
      const paid = col.paid === undefined ? 0 : numberOrProblem(line[col.paid]);
      if (typeof paid !== "number" && paid.kind === "invalid") {
        entryOf(customer, rawCustomer).open = undefined;
        throw new CreditError("value", "review.notNumber", { value: paid.shown }).at(place("paid", r));
      }
      const open = (typeof amount === "number" ? amount : 0) - (typeof paid === "number" ? paid : 0);
      if (open === 0) continue;
      const entry = entryOf(customer, rawCustomer);
      entry.count++;
      if (entry.open !== undefined) entry.open += open;
      const due = serialOrProblem(line[col.dueDate]);
      if (typeof due !== "number") {
        if (due.kind === "blank") throw new CreditError("value", "review.ledgerNoDue", { amount: open }).at(place("dueDate", r));
        throw new CreditError("value", "review.notDate", { value: due.shown }).at(place("dueDate", r));
      }
      let totals = byCustomer.get(customer);
      if (!totals) byCustomer.set(customer, (totals = new AgingTotals(edges)));
      totals.add(open, asOf - due);
      // A sum is finite only when every bucket is: one check covers an overflow anywhere.
      if (!Number.isFinite(totals.total)) {
        throw new CreditError("num", "aging.notFinite").at(place("amount", r));
      }
    } catch (error) {
      if (!(error instanceof CreditError)) throw error;
      if (!errors.has(customer)) errors.set(customer, error);
    }
  }
  return { sheet: input.sheetName, byCustomer, errors, invoices, rows };
}

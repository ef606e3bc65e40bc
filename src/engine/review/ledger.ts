/**
 * An invoice ledger (customer, invoice, due date, amount, paid) aged per customer; it
 * replaces the overdue columns of the customer sheet when a workbook has one.
 */
import { columnLetter } from "../a1";
import { AgingTotals, dueDateMissing } from "../aging";
import { CellValue, isEmptyCell, numberOrProblem, serialOrProblem } from "../cells";
import { CreditError, ErrorPlace } from "../errors";
import { isTotalsLabel, LEDGER_ALIASES, LedgerField, REQUIRED_LEDGER_FIELDS } from "./fields";
import { aliasTable, findHeaderRow } from "./headers";
import type { LeftOutRow } from "./review";

export interface LedgerInput {
  readonly sheetName: string;
  readonly values: readonly (readonly CellValue[])[];
}

export interface LedgerAging {
  readonly sheet: string;
  /** Per customer key (see customerKey): its open invoices, their aging, and its first bad row. */
  readonly customers: ReadonlyMap<string, LedgerCustomer>;
  readonly rows: number;
  /** The customer cell of the first open invoice that names no customer. */
  readonly firstUnnamed?: ErrorPlace;
  /** Rows that add up the others ("Total" as the customer or the invoice, no due date): not invoices, left out. */
  readonly totalsRows: readonly LeftOutRow[];
}

/** One customer of the ledger: one record rather than a map each for aging, errors and invoices. */
export interface LedgerCustomer {
  readonly key: string;
  /** The customer as the ledger first writes it ("" for rows naming none). */
  readonly shown: string;
  /** The open items with a due date, aged; undefined when none has one. */
  aging: AgingTotals | undefined;
  /** The first bad ledger row: the customer's overdue figures are not computed. */
  error: CreditError | undefined;
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
  /** Where the first open invoice naming no customer is (counted among them, with no key to show). */
  readonly unnamedAt?: ErrorPlace;
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
  for (const entry of ledger.customers.values()) {
    if (entry.matched || entry.count === 0) continue;
    count++;
    invoices += entry.count;
    amount += entry.open ?? 0;
    if (keys.length < SHOWN_KEYS && entry.shown !== "") keys.push(entry.shown);
  }
  const unnamed = ledger.firstUnnamed;
  return unnamed
    ? { customers: count, invoices, amount, keys, unnamedAt: unnamed }
    : { customers: count, invoices, amount, keys };
}

const LEDGER_TABLE = aliasTable(LEDGER_ALIASES);

/**
 * Ledger and customer sheet meet on this key: ids and names compared without case or outer
 * spaces, and an id of digits without its leading zeros: a sheet holding the number 1 shown as
 * 00001 and an ERP export holding the text "00001" name the same customer.
 */
export function customerKey(text: string): string {
  // Plain ASCII (most ids) needs no Unicode normalisation, which is slow per row.
  const key = (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize("NFKC")).trim().toLowerCase();
  return key.length > 1 && key.charCodeAt(0) === 48 && /^\d+$/.test(key) ? key.replace(/^0+(?=\d)/, "") : key;
}

/**
 * A customer's record in the ledger: by its key (its id, else its name: see archiveKey), else
 * by its name (the ledger's customer column may hold either).
 */
export function ledgerCustomer(ledger: LedgerAging, key: string, id: string, name: string): LedgerCustomer | undefined {
  if (ledger.customers.size === 0) return undefined;
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
  const customers = new Map<string, LedgerCustomer>();
  let rows = 0;
  const place = (field: LedgerField, r: number) => ({
    sheet: input.sheetName,
    row: r + 1,
    column: `${columnLetter(col[field])} (${match.headers[col[field]]})`,
  });
  // Ledgers tend to list a customer's invoices together: the previous row's key is often this row's.
  let firstUnnamed: ErrorPlace | undefined;
  const totalsRows: LeftOutRow[] = [];
  let previousRaw: CellValue = undefined;
  let previousKey = "";
  let entry: LedgerCustomer | undefined;
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
    const totals = isTotalsLabel(rawCustomer) ? rawCustomer : col.invoice === undefined ? undefined : line[col.invoice];
    if (isTotalsLabel(totals) && isEmptyCell(line[col.dueDate])) {
      totalsRows.push({ sheet: input.sheetName, row: r + 1, label: String(totals).trim(), kind: "totals" });
      continue;
    }
    rows++;
    // Ledgers tend to list a customer's invoices together: the previous row's record is often this row's.
    if (entry === undefined || entry.key !== customer) {
      entry = customers.get(customer);
      if (entry === undefined) {
        const shown = customer === "" ? "" : String(rawCustomer).trim();
        entry = { key: customer, shown, aging: undefined, error: undefined, count: 0, open: 0, matched: false };
        customers.set(customer, entry);
      }
    }
    try {
      if (typeof amount !== "number" && amount.kind === "invalid") {
        entry.open = undefined;
        throw new CreditError("value", "review.notNumber", { value: amount.shown }).at(place("amount", r));
      }
      const paid = col.paid === undefined ? 0 : numberOrProblem(line[col.paid]);
      if (typeof paid !== "number" && paid.kind === "invalid") {
        entry.open = undefined;
        throw new CreditError("value", "review.notNumber", { value: paid.shown }).at(place("paid", r));
      }
      const open = (typeof amount === "number" ? amount : 0) - (typeof paid === "number" ? paid : 0);
      if (open === 0) continue;
      entry.count++;
      if (entry.open !== undefined) entry.open += open;
      // An open invoice naming no customer is no one's: counted among the unmatched, never aged.
      if (customer === "") {
        firstUnnamed ??= place("customer", r);
        throw new CreditError("value", "review.ledgerNoCustomer").at(firstUnnamed);
      }
      const due = serialOrProblem(line[col.dueDate]);
      if (typeof due !== "number") {
        if (due.kind === "blank") throw dueDateMissing(open).at(place("dueDate", r));
        throw new CreditError("value", "review.notDate", { value: due.shown }).at(place("dueDate", r));
      }
      const totals = (entry.aging ??= new AgingTotals(edges));
      totals.add(open, asOf - due);
      // A sum is finite only when every bucket is: one check covers an overflow anywhere.
      if (!Number.isFinite(totals.total)) {
        throw new CreditError("num", "aging.notFinite").at(place("amount", r));
      }
    } catch (error) {
      if (!(error instanceof CreditError)) throw error;
      entry.error ??= error;
    }
  }
  return { sheet: input.sheetName, customers, rows, firstUnnamed, totalsRows };
}

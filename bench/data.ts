/**
 * Deterministic benchmark inputs shaped as Excel hands them over: n×1 columns as arrays
 * of one-cell arrays, dates as serial numbers, blanks as null; and a generated customer
 * sheet with financials plus an invoice ledger (the columns of scripts/make-examples.ts).
 */
import { CellValue } from "../src/engine/cells";
import { FIELD_LABELS, INPUT_FIELDS, LEDGER_LABELS } from "../src/engine/review/fields";
import { fictitiousFinancials, seededRandom } from "../scripts/sample-data";

export interface AgingColumns {
  readonly amounts: CellValue[][];
  readonly dueDates: CellValue[][];
  readonly blanks: number;
}

/** n invoices: amounts in cents-rounded currency, due dates from 60 days ahead to 200 days past as-of, ~5% blank rows. */
export function agingColumns(n: number, asOf: number, seed = 1): AgingColumns {
  const rnd = seededRandom(seed);
  const amounts: CellValue[][] = new Array(n);
  const dueDates: CellValue[][] = new Array(n);
  let blanks = 0;
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.05) {
      amounts[i] = [null];
      dueDates[i] = [null];
      blanks++;
      continue;
    }
    amounts[i] = [Math.round(rnd() * 5_000_000) / 100];
    dueDates[i] = [asOf - Math.floor(rnd() * 261) + 60];
  }
  return { amounts, dueDates, blanks };
}

/** n rows of five factor scores (1–5, half steps), as an n×5 range. */
export function factorRange(n: number, seed = 2): number[][] {
  const rnd = seededRandom(seed);
  const rows: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    rows[i] = [0, 0, 0, 0, 0].map(() => 1 + Math.floor(rnd() * 9) / 2);
  }
  return rows;
}

/** The sample's columns: every input column but the overdue ones (its invoice ledger replaces them). */
const CUSTOMER_FIELDS = INPUT_FIELDS.filter((f) => f !== "overdueAmount" && f !== "daysPastDue");

export interface Portfolio {
  readonly customers: CellValue[][];
  readonly ledger: CellValue[][];
  readonly invoices: number;
}

/** A customer sheet (title, blank line, header, n customers) and a ledger of 3 invoices per customer. */
export function portfolio(n: number, asOf: number, seed = 3): Portfolio {
  const rnd = seededRandom(seed);
  const pick = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const customers: CellValue[][] = [
    ["Customer credit file — benchmark portfolio"],
    [],
    CUSTOMER_FIELDS.map((f) => FIELD_LABELS[f].en),
  ];
  const ledger: CellValue[][] = [
    [
      LEDGER_LABELS.customer.en,
      LEDGER_LABELS.invoice.en,
      LEDGER_LABELS.dueDate.en,
      LEDGER_LABELS.amount.en,
      LEDGER_LABELS.paid.en,
    ],
  ];
  for (let i = 0; i < n; i++) {
    const id = `C${String(i + 1).padStart(7, "0")}`;
    const risky = i % 7 === 3;
    const factors = Array.from({ length: 5 }, () => (risky ? pick(3, 5) : pick(1, 3)));
    const financials = fictitiousFinancials(rnd, risky);
    let balance = 0;
    for (let k = 0; k < 3; k++) {
      const age = risky ? pick(-20, 150) : pick(-60, 8);
      const amount = pick(5, 80) * 1000;
      const paid = k === 0 && !risky ? Math.round(amount / 2) : 0;
      balance += amount - paid;
      ledger.push([id, `INV-${i + 1}-${k + 1}`, asOf - age, amount, paid]);
    }
    const newsDate = i % 97 === 5 ? asOf - pick(1, 60) : null;
    customers.push([
      id,
      `Company ${i + 1}`,
      ...factors,
      i % 5 === 0 ? null : Math.round((factors[0] * 0.9 + 0.3) * 100) / 100,
      pick(5, 60) * 10000,
      balance,
      newsDate,
      ...financials,
      i % 9 === 2 ? "public" : null,
    ]);
  }
  return { customers, ledger, invoices: n * 3 };
}

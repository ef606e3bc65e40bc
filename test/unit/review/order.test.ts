/**
 * A review does not depend on the order of the sheet's rows or of the ledger's: sorted by
 * customer, both take shortcuts (no set of keys while they increase, the next ledger customer
 * tried first), and in any other order the same customers get the same results, a customer on
 * two rows included.
 */
import { CellValue } from "../../../src/engine/cells";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { CustomerResult, runReview } from "../../../src/engine/review/review";
import { portfolio } from "../../../bench/data";
import { serial } from "../../support/review-grid";

const asOf = serial("2026-11-30");
const HEADER_ROWS = 3;

function review(customers: CellValue[][], ledger: CellValue[][]) {
  return runReview(
    {
      sheetName: "Customers",
      values: customers,
      asOf,
      policy: DEFAULT_POLICY,
      ledger: { sheetName: "Invoices", values: ledger },
    },
    "en",
  );
}

/** The scored customers' results by name, their row (which moves with the order) set aside. */
function byName(customers: readonly CustomerResult[]): Map<string, CustomerResult> {
  return new Map(customers.filter((c) => c.errors.length === 0).map((c) => [c.name, { ...c, row: 0 }]));
}

/** The rows in another order: every third row first, then the rest backwards. */
function reordered<T>(rows: readonly T[]): T[] {
  const picked = rows.filter((_, i) => i % 3 === 0);
  const rest = rows.filter((_, i) => i % 3 !== 0).reverse();
  return [...picked, ...rest];
}

const { customers, ledger } = portfolio(300, asOf);
// The customer of row 250 takes the id of row 10's: it is named on two rows, far apart.
const sheet = customers.map((line) => [...line]);
sheet[HEADER_ROWS + 249][0] = sheet[HEADER_ROWS + 9][0];
const shuffledSheet = [...sheet.slice(0, HEADER_ROWS), ...reordered(sheet.slice(HEADER_ROWS))];
const shuffledLedger = [ledger[0], ...reordered(ledger.slice(1))];

test("sorted or not, the sheet and the ledger give every customer the same result", () => {
  const sorted = review(sheet, ledger);
  const shuffled = review(shuffledSheet, shuffledLedger);
  expect(sorted.customers).toHaveLength(300);
  expect(byName(shuffled.customers).size).toBe(298);
  expect(byName(shuffled.customers)).toEqual(byName(sorted.customers));
  const notScored = (r: typeof sorted) => r.customers.filter((c) => c.errors.length > 0).map((c) => c.name);
  expect(notScored(shuffled).sort()).toEqual(notScored(sorted).sort());
  expect(shuffled.portfolio.byGrade).toEqual(sorted.portfolio.byGrade);
  expect(shuffled.portfolio.exposure).toBe(sorted.portfolio.exposure);
  expect(shuffled.portfolio.warningCounts).toEqual(sorted.portfolio.warningCounts);
  expect(shuffled.portfolio.unmatchedInvoices).toEqual(sorted.portfolio.unmatchedInvoices);
});

test("a customer named again after 240 rows in increasing order is found on both rows", () => {
  const sorted = review(sheet, ledger);
  const twice = sorted.customers.filter((c) => c.id === sheet[HEADER_ROWS + 9][0]);
  expect(twice.map((c) => c.row)).toEqual([HEADER_ROWS + 10, HEADER_ROWS + 250]);
  for (const c of twice) {
    expect(c.score).toBeUndefined();
    expect(c.errors.map((e) => e.key)).toEqual(["review.duplicate"]);
  }
  // Every other customer is scored, with its own ledger's aging.
  expect(sorted.customers.filter((c) => c.errors.length > 0)).toHaveLength(2);
  expect(sorted.customers.every((c) => c.errors.length > 0 || c.aging !== undefined)).toBe(true);
});

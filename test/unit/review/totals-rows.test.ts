/** A totals row at the foot of a customer sheet or a ledger adds the customers up: it is left out, and said so. */
import { CellValue } from "../../../src/engine/cells";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { totalsRowsText } from "../../../src/engine/review/texts";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-11-30");
const blankFactors = [null, null, null, null, null];

function sheetWithTotals(label: CellValue, where: "id" | "name" = "name") {
  return customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { extra: [100_000, 40_000] },
      { extra: [200_000, 60_000] },
      {
        id: where === "id" ? label : null,
        name: where === "name" ? label : null,
        factors: blankFactors,
        extra: [300_000, 100_000],
      },
    ],
  );
}

test.each([
  ["Total", "name"],
  ["TOTAL:", "name"],
  ["Grand total (USD)", "name"],
  ["合计", "name"],
  ["合 计", "id"],
  ["Subtotal", "id"],
] as const)("a row saying %j in its %s cell, no factor scored, is not a customer: its sums count once", (label, where) => {
  const result = runReview({ sheetName: "Customers", values: sheetWithTotals(label, where), asOf, policy: DEFAULT_POLICY });
  expect(result.customers.map((c) => c.row)).toEqual([2, 3]);
  expect(result.portfolio).toMatchObject({ customers: 2, reviewed: 2, withErrors: 0, exposure: 100_000, creditLimits: 300_000 });
  expect(result.totalsRows).toEqual([{ sheet: "Customers", row: 4, label: String(label).trim() }]);
  // The table (and its filter) ends with the last customer; nothing is written on the totals row.
  expect(result.layout.lastRow).toBe(2);
  const plan = buildWritePlan(result, "en", { sheetNames: ["Customers"] });
  expect(plan.target.blocks.every((b) => b.row + b.values.length <= 3)).toBe(true);
});

test("a customer named like a totals row but scored is a customer", () => {
  const values = customerSheet(["Outstanding balance"], [{ name: "Total", extra: [5_000] }, { extra: [1_000] }]);
  const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
  expect(result.customers.map((c) => c.name)).toEqual(["Total", "Customer 2"]);
  expect(result.totalsRows).toEqual([]);
});

test("a ledger's totals row is no one's invoice: neither aged nor reported as a customer not on the sheet", () => {
  const values = customerSheet(["Outstanding balance"], [{ id: "C001", extra: [700] }]);
  const ledger: CellValue[][] = [
    ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
    ["C001", "INV-1", asOf - 40, 700, null],
    ["Total", null, null, 700, null],
  ];
  const result = runReview({
    sheetName: "Customers",
    values,
    asOf,
    policy: DEFAULT_POLICY,
    ledger: { sheetName: "Invoices", values: ledger },
  });
  expect(result.customers[0]).toMatchObject({ overdueAmount: 700, notes: [] });
  expect(result.portfolio.unmatchedInvoices).toMatchObject({ customers: 0, invoices: 0 });
  expect(result.totalsRows).toEqual([{ sheet: "Invoices", row: 3, label: "Total" }]);
  expect(totalsRowsText(result.totalsRows, "en")).toBe(
    'Left out as totals rows (they add up customers, they are not customers): Invoices row 3 ("Total")',
  );
  expect(totalsRowsText(result.totalsRows, "zh")).toBe(
    "以下合计行未计入审查（它们汇总客户，并非客户）：Invoices 第 3 行（“Total”）",
  );
});

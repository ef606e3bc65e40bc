/**
 * Rows of a customer sheet that are not customers (totals and subtotals adding them up, headings
 * over groups of them) and a ledger's totals rows are left out of every figure, and said so.
 */
import { CellValue } from "../../../src/engine/cells";
import { CreditError, describeError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { leftOutText } from "../../../src/engine/review/texts";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-11-30");
const blankFactors = [null, null, null, null, null];

const reviewWithLedger = (values: CellValue[][], ledger: CellValue[][]) =>
  runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY, ledger: { sheetName: "Invoices", values: ledger } });

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
  ["North subtotal", "name"],
  ["Subtotal - South", "id"],
  ["East Total", "name"],
  ["华东合计", "name"],
  ["小计：华南", "id"],
] as const)("a row saying %j in its %s cell, no factor scored, is not a customer: its sums count once", (label, where) => {
  const result = runReview({ sheetName: "Customers", values: sheetWithTotals(label, where), asOf, policy: DEFAULT_POLICY });
  expect(result.customers.map((c) => c.row)).toEqual([2, 3]);
  expect(result.portfolio).toMatchObject({ customers: 2, reviewed: 2, withErrors: 0, exposure: 100_000, creditLimits: 300_000 });
  expect(result.leftOutRows).toEqual([{ sheet: "Customers", row: 4, label: String(label).trim(), kind: "totals" }]);
  // The table (and its filter) ends with the last customer; nothing is written on the totals row.
  expect(result.layout.lastRow).toBe(2);
  const plan = buildWritePlan(result, "en", { sheetNames: ["Customers"] });
  expect(plan.target.blocks.every((b) => b.row + b.values.length <= 3)).toBe(true);
});

test("a customer named like a totals row, with its id and its scores, is a customer; one named Totally Fresh too", () => {
  const values = customerSheet(
    ["Outstanding balance"],
    [{ name: "Total Logistics", extra: [5_000] }, { name: "Totally Fresh Foods", factors: blankFactors }, { extra: [1_000] }],
  );
  const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
  expect(result.customers.map((c) => c.name)).toEqual(["Total Logistics", "Totally Fresh Foods", "Customer 3"]);
  expect(result.customers[1].errors.length).toBeGreaterThan(0);
  expect(result.leftOutRows).toEqual([]);
});

test("a totals row of averaged factors under a blank id adds up, it is not a customer", () => {
  const values = customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { extra: [100, 40] },
      { extra: [300, 60] },
      { id: null, name: "Total / average", factors: [2, 2, 2, 2, 2], extra: [400, 100] },
    ],
  );
  const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
  expect(result.portfolio).toMatchObject({ customers: 2, exposure: 100, creditLimits: 400 });
  expect(result.leftOutRows).toEqual([{ sheet: "Customers", row: 4, label: "Total / average", kind: "totals" }]);
});

test("a heading over a group of customers (one text, no figures) is left out, named; a customer with figures is not", () => {
  const values = customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { id: "Region: North", name: null, factors: blankFactors },
      { extra: [100, 40] },
      { id: null, name: "区域：华东", factors: blankFactors },
      { extra: [300, 60] },
      // A new account with a limit but no scores yet is a customer to fix, not a heading.
      { id: "C009", name: "New account", factors: blankFactors, extra: [500, null] },
    ],
  );
  const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
  expect(result.customers.map((c) => c.row)).toEqual([3, 5, 6]);
  // Said once, at its first factor, not once per factor.
  expect(result.customers[2].errors.map((e) => describeError(e, "en"))).toEqual([
    "row 6, column C (Payment history): no factor is scored yet: each of the five needs a score from 1 to 5",
  ]);
  const twoMissing = customerSheet(["Credit limit"], [{ factors: [1, null, 2, null, 3] }]);
  const partly = runReview({ sheetName: "Customers", values: twoMissing, asOf, policy: DEFAULT_POLICY }).customers[0];
  expect(partly.errors.map((e) => e.key)).toEqual(["score.factorBlank", "score.factorBlank"]);
  expect(result.leftOutRows).toEqual([
    { sheet: "Customers", row: 2, label: "Region: North", kind: "heading" },
    { sheet: "Customers", row: 4, label: "区域：华东", kind: "heading" },
  ]);
  expect(leftOutText(result.leftOutRows, "en")).toBe(
    'Left out, not customers: Customers row 2 ("Region: North", a heading: no figures), Customers row 4 ("区域：华东", a heading: no figures)',
  );
});

test("a ledger's subtotal rows (a customer's invoices added up, no due date) are not invoices", () => {
  const values = customerSheet(["Outstanding balance"], [{ id: "C001", extra: [29_000] }]);
  const ledger: CellValue[][] = [
    ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
    ["C001", "INV-1", asOf - 40, 19_000, null],
    ["C001", "INV-2", asOf + 5, 10_000, null],
    ["C001", "Subtotal", null, 29_000, null],
    [null, "Subtotal C001", null, 29_000, null],
  ];
  const result = reviewWithLedger(values, ledger);
  expect(result.customers[0]).toMatchObject({ overdueAmount: 19_000, notes: [] });
  expect(result.portfolio.unmatchedInvoices).toMatchObject({ customers: 0, invoices: 0 });
  expect(result.leftOutRows.map((r) => [r.row, r.label])).toEqual([
    [4, "Subtotal"],
    [5, "Subtotal C001"],
  ]);
});

test("a ledger's totals row is no one's invoice: neither aged nor reported as a customer not on the sheet", () => {
  const values = customerSheet(["Outstanding balance"], [{ id: "C001", extra: [700] }]);
  const ledger: CellValue[][] = [
    ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
    ["C001", "INV-1", asOf - 40, 700, null],
    ["Total", null, null, 700, null],
  ];
  const result = reviewWithLedger(values, ledger);
  expect(result.customers[0]).toMatchObject({ overdueAmount: 700, notes: [] });
  expect(result.portfolio.unmatchedInvoices).toMatchObject({ customers: 0, invoices: 0 });
  expect(result.leftOutRows).toEqual([{ sheet: "Invoices", row: 3, label: "Total", kind: "totals" }]);
  expect(leftOutText(result.leftOutRows, "en")).toBe('Left out, not customers: Invoices row 3 ("Total", a totals row)');
  expect(leftOutText(result.leftOutRows, "zh")).toBe("未计入审查（并非客户）：Invoices 第 3 行（“Total”，合计行）");
});

test("a heading's long text is named as short as any value a message quotes", () => {
  const heading = "Region: North — accounts transferred from the former distributor in 2025";
  const values = customerSheet(["Credit limit"], [{ id: heading, name: null, factors: blankFactors }, { extra: [100] }]);
  const [row] = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }).leftOutRows;
  expect(row).toEqual({ sheet: "Customers", row: 2, label: `${heading.slice(0, 37)}...`, kind: "heading" });
});

test("a long list of rows left out names the first five and counts the rest", () => {
  const rows = Array.from({ length: 8 }, (_, i) => ({
    sheet: "Invoices",
    row: 4 + i,
    label: "Subtotal",
    kind: "totals" as const,
  }));
  expect(leftOutText(rows, "en")).toBe(
    'Left out, not customers: Invoices row 4 ("Subtotal", a totals row), Invoices row 5 ("Subtotal", a totals row), ' +
      'Invoices row 6 ("Subtotal", a totals row), Invoices row 7 ("Subtotal", a totals row), Invoices row 8 ("Subtotal", a totals row) and 3 more',
  );
  expect(leftOutText(rows, "zh")).toMatch(/Invoices 第 8 行（“Subtotal”，合计行），另有 3 行$/);
});

describe("a sheet with no customer rows under its header is said, not reviewed into an empty table", () => {
  const review = (values: CellValue[][]) => () => runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
  const message = (values: CellValue[][], lang: "en" | "zh") => {
    try {
      runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
    } catch (error) {
      return describeError(error as CreditError, lang);
    }
    throw new Error("reviewed");
  };

  test("the header alone (blank rows under it count for nothing)", () => {
    const values = [...customerSheet(["Credit limit"], []), [], [null, null]];
    expect(review(values)).toThrow();
    expect(message(values, "en")).toBe('sheet "Customers" has no customer rows under its header (row 1): nothing to review');
    expect(message(values, "zh")).toBe("工作表“Customers”的标题行（第 1 行）下没有客户行：没有可审查的内容");
  });

  test("only a totals row under it: the rows left out are counted", () => {
    const values = customerSheet(["Credit limit"], [{ id: null, name: "Total", factors: blankFactors, extra: [300_000] }]);
    expect(message(values, "en")).toBe(
      'sheet "Customers" has no customer rows under its header (row 1), only 1 row left out as totals, headings or units: nothing to review',
    );
  });
});

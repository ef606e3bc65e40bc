/**
 * The ledger reconciled with the customer sheet: invoices of customers not on the sheet are
 * reported, and a sheet balance that differs from the open ledger amount is noted with both
 * figures (exposure keeps the sheet balance).
 */
import { CellValue } from "../../../src/engine/cells";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { problemText, unmatchedText } from "../../../src/engine/review/texts";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { toJson, toTable } from "../../../src/cli/report";
import { applyBlocks, customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-03-15");
const due = (days: number) => asOf - days;
const LEDGER_HEADER = ["Customer", "Invoice", "Due date", "Amount", "Paid"];

const review = (sheet: CellValue[][], ledger: CellValue[][]) =>
  runReview({
    sheetName: "Customers",
    values: sheet,
    asOf,
    policy: DEFAULT_POLICY,
    ledger: { sheetName: "Ledger", values: ledger },
  });

const SHEET = customerSheet(
  ["Credit limit", "Outstanding balance"],
  [
    { id: "A1", name: "Alpha", extra: [5000, 300] },
    { id: "B2", name: "Beta", extra: [5000, 1380] },
    { id: "C3", name: "Gamma", extra: [5000, 0] },
  ],
);

const LEDGER: CellValue[][] = [
  LEDGER_HEADER,
  ["A1", "1", due(10), 300, null],
  ["Beta", "2", due(5), 1000, null], // matched by name
  ["Beta", "3", due(40), 200, null],
  ["Zeta Ltd", "4", due(10), 700, null],
  ["Zeta Ltd", "5", due(20), 300, 100],
  ["Omega", "6", due(-5), 50, null],
  ["Paid Co", "7", due(5), 80, 80], // paid in full: not open
];

describe("ledger reconciliation", () => {
  const result = review(SHEET, LEDGER);

  test("open invoices of customers not on the sheet: count, amount, the first keys", () => {
    expect(result.portfolio.unmatchedInvoices).toEqual({ customers: 2, invoices: 3, amount: 950, keys: ["Zeta Ltd", "Omega"] });
  });

  test("a customer whose factors are bad is still on the sheet: its invoices are matched and counted in the aging", () => {
    const sheet = customerSheet(
      ["Credit limit", "Outstanding balance"],
      [
        { id: "A1", name: "Alpha", extra: [5000, 300] },
        { id: "E5", name: "Epsilon", factors: [2, 2, 9, 2, 2], extra: [5000, 400] },
      ],
    );
    const ledger = [LEDGER_HEADER, ["A1", "1", due(10), 300, null], ["E5", "2", due(100), 400, null]];
    const r = review(sheet, ledger);
    const epsilon = r.customers.find((c) => c.id === "E5")!;
    expect(epsilon.errors).toHaveLength(1);
    expect([epsilon.overdueAmount, epsilon.daysPastDue]).toEqual([400, 100]);
    expect(r.portfolio.unmatchedInvoices).toEqual({ customers: 0, invoices: 0, amount: 0, keys: [] });
    // Owed and overdue, graded or not: the aging totals and the overdue amount add up to the ledger.
    expect(r.portfolio.aging!.totals!.reduce((a, b) => a + b, 0)).toBe(700);
    expect(r.portfolio.overdueAmount).toBe(700);
    expect(r.portfolio.exposure).toBe(700);
  });

  test("only the first five customers are named", () => {
    const ledger = [LEDGER_HEADER, ...Array.from({ length: 7 }, (_, i) => [`X${i}`, `${i}`, due(1), 10, null])];
    const u = review(SHEET, ledger).portfolio.unmatchedInvoices!;
    expect(u).toMatchObject({ customers: 7, invoices: 7, amount: 70 });
    expect(u.keys).toEqual(["X0", "X1", "X2", "X3", "X4"]);
  });

  test("the line naming them says there are more, and counts as the language groups them, on the sheet and in the report", () => {
    const many = { customers: 1234, invoices: 5678, amount: 1e6, keys: ["X0", "X1", "X2", "X3", "X4"] };
    expect(unmatchedText(many, {}, "en")).toBe(
      "5,678 open invoices of 1,234 customers, 1,000,000.00 in all: X0, X1, X2, X3, X4, …",
    );
    expect(unmatchedText(many, {}, "zh")).toBe("1,234 个客户的 5,678 张未结发票，共 1,000,000.00：X0、X1、X2、X3、X4、…");
    const ledger = [LEDGER_HEADER, ...Array.from({ length: 7 }, (_, i) => [`X${i}`, `${i}`, due(1), 10, null])];
    const seven = review(SHEET, ledger);
    const line = "7 open invoices of 7 customers, 70.00 in all: X0, X1, X2, X3, X4, …";
    const summary = buildWritePlan(seven, "en", { sheetNames: [] }).sheets[0];
    expect(summary.blocks.flatMap((b) => b.values.flat())).toContain(line);
    expect(toTable(seven, "en", "out.xlsx")).toContain(`Ledger invoices of customers not on the sheet: ${line}`);
  });

  test("a balance that differs from the open ledger amount is noted with both figures; exposure keeps the balance", () => {
    const [alpha, beta, gamma] = result.customers;
    expect(alpha.notes).toEqual([]);
    expect(gamma.notes).toEqual([]);
    expect(beta.notes.map((n) => problemText(n, "en", DEFAULT_POLICY))).toEqual([
      "row 3, column I (Outstanding balance): the balance 1,380.00 differs from the open amount 1,200.00 on the invoice ledger (Ledger); exposure uses the balance",
    ]);
    expect(beta).toMatchObject({ grade: "low", errors: [], balance: 1380, overdueAmount: 1200 });
    expect(result.portfolio.exposure).toBe(300 + 1380 + 0);
  });

  test("a clean ledger reports no unmatched invoices and no notes", () => {
    const clean = review(SHEET, [LEDGER_HEADER, ["A1", "1", due(10), 300, null], ["B2", "2", due(5), 1380, null]]);
    expect(clean.portfolio.unmatchedInvoices).toEqual({ customers: 0, invoices: 0, amount: 0, keys: [] });
    expect(clean.portfolio.problems).toEqual([]);
  });

  test("the summary sheet, the printed report and the JSON report the same figures", () => {
    const summary = buildWritePlan(result, "en", { sheetNames: [] }).sheets[0];
    const texts = summary.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string");
    const line = "3 open invoices of 2 customers, 950.00 in all: Zeta Ltd, Omega";
    expect(texts).toContain("Ledger invoices of customers not on the sheet");
    expect(texts).toContain(line);
    expect(texts).toContain("Customers with problems");
    expect(toTable(result, "en", "out.xlsx")).toContain(`Ledger invoices of customers not on the sheet: ${line}`);
    expect(toJson(result, "en").portfolio.unmatchedInvoices).toEqual(result.portfolio.unmatchedInvoices);
    expect(toJson(result, "en").portfolio.problems).toEqual([
      expect.objectContaining({ row: 3, id: "B2", name: "Beta", fatal: false, affects: [] }),
    ]);
  });
});

test("an open invoice naming no customer is counted among the unmatched, and the first one's cell is named", () => {
  const ledger = [
    LEDGER_HEADER,
    ["A1", "1", due(10), 300, null],
    [null, "9", due(10), 40, null],
    ["Zeta", "8", due(1), 5, null],
    ["  ", "10", due(1), 7, null],
  ];
  const result = review(SHEET, ledger);
  const place = { sheet: "Ledger", row: 3, column: "A (Customer)" };
  expect(result.portfolio.unmatchedInvoices).toEqual({ customers: 2, invoices: 3, amount: 52, keys: ["Zeta"], unnamedAt: place });
  const line =
    "3 open invoices of 2 customers, 52.00 in all: Zeta; sheet Ledger, row 3, column A (Customer): the invoice names no customer";
  expect(unmatchedText(result.portfolio.unmatchedInvoices!, result.portfolio, "en")).toBe(line);
  expect(toTable(result, "en", "out.xlsx")).toContain(line);
  expect(unmatchedText(result.portfolio.unmatchedInvoices!, result.portfolio, "zh")).toBe(
    "2 个客户的 3 张未结发票，共 52.00：Zeta；工作表“Ledger”第 3 行 A 列（Customer）：该发票没有客户",
  );
});

test("a ledger customer gone from the sheet since an earlier review is named as the archive last had it, beside the ledger's id", () => {
  const withDelta = customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { id: "A1", name: "Alpha", extra: [5000, 300] },
      { id: "D4", name: "Delta Trading", extra: [5000, 900] },
    ],
  );
  const october = runReview({ sheetName: "Customers", values: withDelta, asOf: asOf - 30, policy: DEFAULT_POLICY });
  const plan = buildWritePlan(october, "en", { sheetNames: ["Customers"] });
  const archive = applyBlocks([], plan.sheets.find((s) => s.kind === "archive")!.blocks);
  const ledger = [
    LEDGER_HEADER,
    ["A1", "1", due(10), 300, null],
    ["D4", "2", due(10), 900, null],
    ["Omega", "3", due(5), 50, null],
  ];
  const lang = (l: "en" | "zh") =>
    runReview(
      {
        sheetName: "Customers",
        values: SHEET,
        asOf,
        policy: DEFAULT_POLICY,
        ledger: { sheetName: "Ledger", values: ledger },
        archive,
      },
      l,
    );
  const result = lang("en");
  expect(result.portfolio.unmatchedInvoices).toEqual({
    customers: 2,
    invoices: 2,
    amount: 950,
    keys: ["D4", "Omega"],
    names: ["Delta Trading", null],
  });
  const line = "2 open invoices of 2 customers, 950.00 in all: D4 Delta Trading, Omega";
  expect(unmatchedText(result.portfolio.unmatchedInvoices!, result.portfolio, "en")).toBe(line);
  expect(toTable(result, "en", "out.xlsx")).toContain(line);
  expect(toJson(result, "en").portfolio.unmatchedInvoices!.names).toEqual(["Delta Trading", null]);
  expect(unmatchedText(lang("zh").portfolio.unmatchedInvoices!, lang("zh").portfolio, "zh")).toBe(
    "2 个客户的 2 张未结发票，共 950.00：D4 Delta Trading、Omega",
  );
});

/**
 * A customer named on more than one row of the sheet (by its id, else by its name): its invoices
 * and its history could belong to any of those rows, so none is scored, and each row's error
 * names the others, in the sheet, the summary's problems and the printed report.
 */
import { CellValue } from "../../../src/engine/cells";
import { describeError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { toTable } from "../../../src/cli/report";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-03-15");
const LEDGER = [
  ["Customer", "Invoice", "Due date", "Amount", "Paid"],
  ["C001", "1", asOf - 100, 700, null],
  ["C002", "2", asOf - 10, 300, null],
];

const review = (values: CellValue[][], lang: "en" | "zh" = "en") =>
  runReview(
    { sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY, ledger: { sheetName: "Invoices", values: LEDGER } },
    lang,
  );

const errorsOf = (r: ReturnType<typeof review>, lang: "en" | "zh" = "en") =>
  r.customers.map((c) => c.errors.map((e) => describeError(e, lang)));

test("two rows with one customer ID: neither is scored nor given the ID's invoices, each names the other", () => {
  const sheet = customerSheet(
    ["Outstanding balance"],
    [
      { id: "C001", name: "Northwind", extra: [700] },
      { id: " c001 ", name: "Contoso", extra: [300] },
      { id: "C003", name: "Fabrikam", extra: [0] },
    ],
  );
  const r = review(sheet);
  expect(errorsOf(r)).toEqual([
    [
      "row 2, column A (Customer ID): C001 is also on row 3; one row per customer, or its invoices and its history could belong to either row",
    ],
    [
      "row 3, column A (Customer ID): c001 is also on row 2; one row per customer, or its invoices and its history could belong to either row",
    ],
    [],
  ]);
  expect(r.customers.map((c) => c.grade)).toEqual([undefined, undefined, "low"]);
  expect(r.customers.map((c) => c.overdueAmount)).toEqual([undefined, undefined, 0]);
  // The ID's invoices belong to the sheet (not "customers not on the sheet"), but to neither row.
  expect(r.portfolio.unmatchedInvoices).toMatchObject({ customers: 1, keys: ["C002"] });
  // One customer not scored, its two rows each with the problem to fix.
  expect(r.portfolio.withErrors).toBe(1);
  expect(r.portfolio.problems.map((p) => p.row)).toEqual([2, 3]);
  expect(toTable(r, "en", "out.xlsx")).toContain("Contoso: row 3, column A (Customer ID): c001 is also on row 2");
  expect(errorsOf(review(sheet, "zh"), "zh")[0]).toEqual([
    "第 2 行 A 列（Customer ID）：C001 也在第 3 行；每位客户只能占一行，否则无法分清其发票和历史记录属于哪一行",
  ]);
});

test("three rows with one name and no ID column: each names the other two", () => {
  const values: CellValue[][] = [
    ["Customer", "Payment history", "Contract performance", "Industry risk", "Market reputation", "Compliance record"],
    ["Alpha", 2, 2, 2, 2, 2],
    ["Beta", 2, 2, 2, 2, 2],
    ["ALPHA", 3, 3, 3, 3, 3],
    ["alpha ", 4, 4, 4, 4, 4],
  ];
  const messages = errorsOf(review(values)).map((e) => e.join());
  expect(messages[0]).toMatch(/^row 2, column A \(Customer\): Alpha is also on rows 4, 5; /);
  expect(messages[1]).toBe("");
  expect(messages[2]).toMatch(/^row 4, column A \(Customer\): ALPHA is also on rows 2, 5; /);
  expect(messages[3]).toMatch(/^row 5, column A \(Customer\): alpha is also on rows 2, 4; /);
  // The rows are listed as the reader's language lists them, the error said in either after it was made.
  const error = review(values, "zh").customers[0].errors[0];
  expect(describeError(error, "zh")).toMatch(/^第 2 行 A 列（Customer）：Alpha 也在第 4、5 行；/);
  expect(describeError(error, "en")).toMatch(/^row 2, column A \(Customer\): Alpha is also on rows 4, 5; /);
});

test("rows naming no customer are not duplicates of each other", () => {
  const values = customerSheet(
    [],
    [
      { id: "", name: "" },
      { id: "", name: "" },
    ],
  );
  expect(errorsOf(review(values)).map((e) => e.join())).toEqual([
    "row 2, column B (Customer): the row names no customer (neither an id nor a name)",
    "row 3, column B (Customer): the row names no customer (neither an id nor a name)",
  ]);
});

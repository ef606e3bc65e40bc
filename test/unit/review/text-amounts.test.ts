/**
 * Amounts typed as text: one the review cannot read without guessing ("12.500", which is 12,500
 * in much of Europe and 12.5 elsewhere) is reported with both readings, in every face; the
 * European forms that leave no doubt are read; and an amount marked with another currency than its
 * column's is not added up with the others as it stands.
 */
import "../../support/custom-functions-stub";
import { CellValue } from "../../../src/engine/cells";
import { describeError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { problemText } from "../../../src/engine/review/texts";
import { CREDIT_FUNCTIONS } from "../../../src/functions/library";
import { setErrorLanguage } from "../../../src/functions/excel-errors";
import { errorLines } from "../../../src/taskpane/customers";
import { StubError } from "../../support/custom-functions-stub";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-03-15");

function review(extraHeaders: readonly string[], rows: readonly (readonly CellValue[])[], lang: "en" | "zh" = "en") {
  const values = customerSheet(
    extraHeaders,
    rows.map((extra) => ({ extra })),
  );
  return runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }, lang);
}

const notesOf = (result: ReturnType<typeof review>, row: number, lang: "en" | "zh" = "en") =>
  result.customers.find((c) => c.row === row)!.notes.map((n) => problemText(n, lang, DEFAULT_POLICY));

describe("a text amount whose dot could group thousands", () => {
  // Columns: H Credit limit, I Outstanding balance, J Days past due, K Previous score.
  const HEADERS = ["Credit limit", "Outstanding balance", "Days past due", "Previous score"];

  test("is reported with both readings, at its cell, in both languages; it is not read as 12.5", () => {
    const result = review(HEADERS, [
      [100_000, 50_000, 0, null],
      [100_000, "12.500", 0, null],
    ]);
    const c = result.customers[1];
    expect(c.balance).toBeUndefined();
    expect(notesOf(result, 3)).toEqual([
      'row 3, column I (Outstanding balance): exposure, utilisation, available credit and Over credit limit check not computed: "12.500" could be 12,500 or 12.5; enter it as a number',
    ]);
    expect(notesOf(review(HEADERS, [[100_000, "12.500", 0, null]], "zh"), 2, "zh")).toEqual([
      "第 2 行 I 列（Outstanding balance）：敞口、额度使用率、可用额度、超出信用额度检查未计算：“12.500”可能是 12,500，也可能是 12.5；请以数值输入",
    ]);
    // The portfolio does not add 12.5 (or 12,500) to the exposure.
    expect(result.portfolio.exposure).toBe(50_000);
    // The pane's customer details say it in the same words, with the cell to go to.
    expect(errorLines(c, "Customers", "en")).toEqual([
      { text: notesOf(result, 3)[0], cell: expect.objectContaining({ sheet: "Customers", address: "I3" }) },
    ]);
  });

  test("a count of days is read the same way; a previous score's dot is its decimal point", () => {
    const result = review(HEADERS, [[100_000, 50_000, "1.200", "2.500"]]);
    const c = result.customers[0];
    expect(notesOf(result, 2)).toEqual([
      expect.stringMatching(/^row 2, column J \(Days past due\): .*"1\.200" could be 1,200 or 1\.2; enter it as a number$/),
    ]);
    expect(c.previousScore).toBe(2.5);
  });

  test("the European forms that leave no doubt are read as they mean; the usual ones as before", () => {
    const result = review(HEADERS, [
      ["1.250.000", "12.500,50", 0, null],
      ["1 250 000,00", "(1,234.00)", 0, null],
      ["1,250,000", "12.5", 0, null],
      ["€1.250.000,00", "0.125", 0, null],
    ]);
    expect(result.customers.map((c) => [c.creditLimit, c.balance])).toEqual([
      [1_250_000, 12_500.5],
      // A credit balance in accounting notation.
      [1_250_000, -1234],
      [1_250_000, 12.5],
      [1_250_000, 0.125],
    ]);
    for (const row of [2, 3, 4, 5]) expect(notesOf(result, row)).toEqual([]);
  });

  test("a function says the same of the same text as the review says of the cell", () => {
    const review12500 = review(["Credit limit", "Outstanding balance"], [["12.500", 5_000]]);
    const [sentence] = review12500.customers[0].notes.map((n) => describeError(n.reason, "en"));
    const tail = '"12.500" could be 12,500 or 12.5; enter it as a number';
    expect(sentence).toBe(`row 2, column H (Credit limit): ${tail}`);

    setErrorLanguage("en");
    expect(errorOf(() => CREDIT_FUNCTIONS.LIMIT("12.500", 2))).toBe(`currentLimit ${tail}`);
    expect(errorOf(() => CREDIT_FUNCTIONS.AGING([[100], ["12.500"]], [[46000], [46000]], 46010))).toBe(`amounts row 2: ${tail}`);
    // A ratio's inputs are amounts; the European form is read.
    expect(CREDIT_FUNCTIONS.CURRENTRATIO("1.250.000", "500.000,00")).toBe(2.5);
    expect(errorOf(() => CREDIT_FUNCTIONS.CURRENTRATIO("1.250", 1))).toBe(
      'currentAssets "1.250" could be 1,250 or 1.25; enter it as a number',
    );
    // A score is no amount: "2.500" is 2.5.
    expect(CREDIT_FUNCTIONS.LIMIT(1000, "2.500")).toBe(1000);
    setErrorLanguage("zh");
    try {
      expect(errorOf(() => CREDIT_FUNCTIONS.AGING([["12.500"]], [[46000]], 46010))).toBe(
        "金额第 1 行：“12.500”可能是 12,500，也可能是 12.5；请以数值输入",
      );
    } finally {
      setErrorLanguage("en");
    }
  });
});

describe("a text amount in another currency than its column's", () => {
  test("against the unit the header states: noted at the cell with the figure and the unit, not added", () => {
    const result = review(
      ["Credit limit (EUR)", "Outstanding balance (EUR)"],
      [
        [100_000, 40_000],
        [100_000, "USD 30,000"],
        [100_000, "€30,000"],
        ["EUR 50,000", "30,000"],
      ],
    );
    expect(result.customers.map((c) => c.balance)).toEqual([40_000, undefined, 30_000, 30_000]);
    expect(result.customers[3].creditLimit).toBe(50_000);
    expect(notesOf(result, 3)).toEqual([
      'row 3, column I (Outstanding balance (EUR)): exposure, utilisation, available credit and Over credit limit check not computed: "USD 30,000" is in USD, but this column\'s amounts are in EUR; enter it in EUR',
    ]);
    for (const row of [2, 4, 5]) expect(notesOf(result, row)).toEqual([]);
    expect(result.portfolio.exposure).toBe(100_000);
    const zh = review(["Credit limit (EUR)", "Outstanding balance (EUR)"], [[100_000, "USD 30,000"]], "zh");
    expect(notesOf(zh, 2, "zh")).toEqual([
      "第 2 行 I 列（Outstanding balance (EUR)）：敞口、额度使用率、可用额度、超出信用额度检查未计算：“USD 30,000”是 USD 金额，但本列金额的单位为 EUR；请按 EUR 填写",
    ]);
  });

  test("a column with no unit of its own is in the sheet's: the line above the table, or the balance's", () => {
    const values = [
      ["Amounts in EUR thousands"],
      ...customerSheet(["Credit limit", "Outstanding balance"], [{ extra: [100, "$30"] }, { extra: ["¥50", 20] }]),
    ];
    const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
    expect(result.customers.map((c) => problemTexts(c))).toEqual([
      [expect.stringContaining('"$30" is in dollars ($), but this column\'s amounts are in EUR thousands; enter it in EUR')],
      [expect.stringContaining('"¥50" is in yuan or yen (¥), but this column\'s amounts are in EUR thousands; enter it in EUR')],
    ]);
    // In Chinese a unit written in Chinese meets the text with no space, a currency's code with one.
    const chinese = runReview(
      {
        sheetName: "客户",
        values: [["单位：万元"], ...customerSheet(["信用额度", "应收账款余额"], [{ extra: [100, "USD 30"] }])],
        asOf,
        policy: DEFAULT_POLICY,
      },
      "zh",
    );
    expect(notesOf(chinese, 3, "zh")).toEqual([
      expect.stringContaining("“USD 30”是 USD 金额，但本列金额的单位为万元；请按 CNY 填写"),
    ]);
    // A bare $ can be any dollar: among amounts stated in USD it is one of them.
    const dollars = review(["Credit limit (USD)", "Outstanding balance (USD)"], [[100_000, "$30,000"]]);
    expect(dollars.customers[0]).toMatchObject({ balance: 30_000, notes: [] });
  });

  test("with no currency stated, against the one the column's other amounts are marked with", () => {
    const result = review(
      ["Credit limit", "Outstanding balance"],
      [
        [100_000, "€40,000"],
        [100_000, "€10,000"],
        [100_000, "USD 30,000"],
        [100_000, 5_000],
      ],
    );
    expect(result.customers.map((c) => c.balance)).toEqual([40_000, 10_000, undefined, 5_000]);
    expect(notesOf(result, 4)).toEqual([
      expect.stringContaining('"USD 30,000" is in USD, but the other amounts in this column are in EUR; enter it in EUR'),
    ]);
    const zh = review(
      ["信用额度", "应收账款余额"],
      [
        [100_000, "€40,000"],
        [100_000, "USD 30,000"],
      ],
      "zh",
    );
    expect(notesOf(zh, 3, "zh")).toEqual([
      expect.stringContaining("“USD 30,000”是 USD 金额，但本列其他金额为 EUR；请按 EUR 填写"),
    ]);
  });

  test("with no currency stated and one mark in the column, a currency mark alone is fine", () => {
    const result = review(
      ["Credit limit", "Outstanding balance"],
      [
        [100_000, "USD 30,000"],
        [100_000, 20_000],
      ],
    );
    expect(result.customers.map((c) => [c.balance, c.notes.length])).toEqual([
      [30_000, 0],
      [20_000, 0],
    ]);
  });

  test("an invoice ledger's text amount in another currency than its amounts' leaves its customer's overdue figures unknown", () => {
    const values = customerSheet(["Credit limit", "Outstanding balance"], [{ name: "Acme", extra: [100_000, 30_000] }]);
    const ledger = [
      ["Customer", "Invoice", "Due date", "Amount (EUR)"],
      ["Acme", "INV-1", serial("2026-01-10"), 10_000],
      ["Acme", "INV-2", serial("2026-02-10"), "USD 20,000"],
    ];
    const result = runReview({
      sheetName: "Customers",
      values,
      asOf,
      policy: DEFAULT_POLICY,
      ledger: { sheetName: "Invoices", values: ledger },
    });
    expect(result.customers[0].overdueAmount).toBeUndefined();
    expect(notesOf(result, 2)).toEqual([
      'sheet Invoices, row 3, column D (Amount (EUR)): overdue figures and Overdue over 90 days check not computed: "USD 20,000" is in USD, but this column\'s amounts are in EUR; enter it in EUR',
    ]);
    // "12.500" there is refused as on the customer sheet.
    const ambiguous = runReview({
      sheetName: "Customers",
      values,
      asOf,
      policy: DEFAULT_POLICY,
      ledger: { sheetName: "Invoices", values: [ledger[0], ["Acme", "INV-1", serial("2026-01-10"), "12.500"]] },
    });
    expect(notesOf(ambiguous, 2)).toEqual([
      'sheet Invoices, row 2, column D (Amount (EUR)): overdue figures and Overdue over 90 days check not computed: "12.500" could be 12,500 or 12.5; enter it as a number',
    ]);
  });
});

/** The message of the error a function gives (the custom-functions stub throws it). */
function errorOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(StubError);
    return (error as StubError).message;
  }
  throw new Error("the function gave no error");
}

function problemTexts(c: { notes: readonly Parameters<typeof problemText>[0][] }): string[] {
  return c.notes.map((n) => problemText(n, "en", DEFAULT_POLICY));
}

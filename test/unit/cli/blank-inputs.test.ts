/**
 * The command line on a workbook whose customers leave statement cells blank: the Review issues
 * cell says which figure is missing for want of which cell, in both languages; a blank cell among
 * given statements is data to fix (the terminal's problems, no limit raise), a row of no
 * statements is said but not held against its customer, and a sheet without the Sales column
 * says what it leaves out.
 */
import * as path from "node:path";
import { loadWorkbook, runCli, tempDirPerTest, writeWorkbook } from "../../support/cli";
import { CUSTOMER_HEADERS, STATEMENT_HEADERS } from "../../support/review-grid";

const dir = tempDirPerTest("credit-review-");

const HEADERS = [
  ...CUSTOMER_HEADERS,
  "Credit limit",
  "Outstanding balance",
  "Days past due",
  ...STATEMENT_HEADERS,
  "Interest expense",
  "Sales",
  "Equity",
  "Z model",
];
const LOW_RISK = [1, 1, 1, 1, 1, 100000, 50000, 0];
const STATEMENTS = [500000, 250000, 2000000, 800000, 400000, 300000, 50000, 3000000, 1200000];

function buildWorkbook(file: string, headers = HEADERS, rows = ROWS): Promise<void> {
  return writeWorkbook(file, { Customers: [headers, ...rows] });
}

const ROWS = [
  ["C01", "Complete Co", ...LOW_RISK, ...STATEMENTS, null],
  // Retained earnings blank.
  ["C02", "Gap Ltd", ...LOW_RISK, 500000, 250000, 2000000, 800000, null, 300000, 50000, 3000000, 1200000, null],
  // No statements at all.
  ["C03", "New Account", ...LOW_RISK, null, null, null, null, null, null, null, null, null, null],
  // Sales unreadable, on a model that takes none.
  [
    "C04",
    "Services Inc",
    ...LOW_RISK,
    500000,
    250000,
    2000000,
    800000,
    400000,
    300000,
    50000,
    "n/a",
    1200000,
    "nonmanufacturing",
  ],
];

const GAP = "row 3, column O (Retained earnings): Z-score and Z-score in distress zone check not computed: is blank";
const NONE =
  "row 4, column K (Current assets): Z-score, current ratio, debt ratio, interest coverage, Z-score in distress zone check, Low liquidity check, High leverage check and Weak interest coverage check not computed: no financial statements given";
const BAD_SALES = 'row 5, column R (Sales): must be a number, got "n/a"';

test("the Review issues cell says what a blank statement cell leaves out, and the terminal and JSON agree", async () => {
  const input = path.join(dir(), "in.xlsx");
  await buildWorkbook(input);
  const out = path.join(dir(), "out.xlsx");
  const table = await runCli(input, "--as-of", "2026-11-30", "--out", out);
  expect(table.code).toBe(0);
  // Only the blank cell among given statements, and the unreadable one, are problems to fix.
  expect(table.stdout).toContain(`Customers with problems (2):\n  Gap Ltd: ${GAP}\n  Services Inc: ${BAD_SALES}`);
  expect(table.stdout).not.toContain("no Sales column");

  const sheet = (await loadWorkbook(out)).getWorksheet("Customers")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const cell = (row: number, name: string) => sheet.getCell(row, header.indexOf(name) + 1).value;
  expect(cell(2, "Review issues")).toBeNull();
  expect(cell(3, "Review issues")).toBe(GAP);
  expect(cell(3, "Z-score")).toBeNull();
  expect(cell(3, "Recommendation")).toBe("Keep current terms (no raise until the data is fixed)");
  expect(cell(3, "Recommended limit")).toBe(100000);
  // Nothing to fix: the cell says it is information (and is not filled as a data error).
  expect(cell(4, "Review issues")).toBe(`Note: ${NONE}`);
  expect(cell(4, "Recommendation")).toBe("Keep terms; the limit may rise (low risk, no warning)");
  expect(cell(5, "Review issues")).toBe(BAD_SALES);
  expect(typeof cell(5, "Z-score")).toBe("number");

  const json = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "j.xlsx"), "--json")).stdout);
  expect(json.customers.map((c: { notes: { text: string; toFix: boolean }[] }) => c.notes)).toEqual([
    [],
    [{ affects: ["zScore", "Z_DISTRESS"], toFix: true, text: GAP }],
    [
      {
        affects: ["zScore", "currentRatio", "debtRatio", "interestCoverage", "Z_DISTRESS", "LIQUIDITY", "LEVERAGE", "COVERAGE"],
        toFix: false,
        text: NONE,
      },
    ],
    [{ affects: [], toFix: true, text: BAD_SALES }],
  ]);
});

test("in Chinese, the Review issues cell says it in Chinese", async () => {
  const input = path.join(dir(), "in.xlsx");
  await buildWorkbook(input);
  const out = path.join(dir(), "out.xlsx");
  expect((await runCli(input, "--as-of", "2026-11-30", "--out", out, "--lang", "zh")).code).toBe(0);
  const sheet = (await loadWorkbook(out)).getWorksheet("Customers")!;
  const issues = (sheet.getRow(1).values as unknown[]).indexOf("审查问题");
  expect(sheet.getCell(3, issues).value).toBe("第 3 行 O 列（Retained earnings）：Z 值、Z 值处于困境区检查未计算：为空");
  expect(sheet.getCell(4, issues).value).toBe(
    "说明：第 4 行 K 列（Current assets）：Z 值、流动比率、资产负债率、利息保障倍数、Z 值处于困境区检查、流动性不足检查、负债率过高检查、利息保障不足检查未计算：未提供财务报表",
  );
});

test("a sheet without the Sales column says once what it leaves out, and no row says it", async () => {
  const input = path.join(dir(), "in.xlsx");
  const without = HEADERS.indexOf("Sales");
  const drop = <T>(row: readonly T[]) => row.filter((_, i) => i !== without);
  await buildWorkbook(input, drop(HEADERS), [drop(ROWS[0])]);
  const table = await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "out.xlsx"));
  expect(table.code).toBe(0);
  expect(table.stdout).toContain(
    "The sheet has no Sales column, which the public and private Z models need: a customer on either gets no Z-score and no Z-score in distress zone check (a row naming no model is on the policy's default, private (Z′))",
  );
  expect(table.stdout).not.toContain("Customers with problems");
});

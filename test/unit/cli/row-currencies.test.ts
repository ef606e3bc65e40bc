/**
 * The command line on a customer sheet whose amounts are in two currencies: a row typing its limit
 * in US dollars and its balance in euros gets no utilisation and no over-limit check, in a note at
 * its cell; headers stating USD and EUR for current assets and liabilities refuse every customer's
 * current ratio (and its Low liquidity check), said once for the sheet. Every output says the same:
 * the printed report, the JSON, the sheet's Review issues and the summary sheet, in both languages.
 */
import * as path from "node:path";
import { loadWorkbook, runCli, tempDirPerTest, writeWorkbook } from "../../support/cli";
import { CUSTOMER_HEADERS } from "../../support/review-grid";

const dir = tempDirPerTest("credit-row-currencies-");

function buildWorkbook(file: string): Promise<void> {
  return writeWorkbook(file, {
    Customers: [
      [
        ...CUSTOMER_HEADERS,
        "Credit limit",
        "Outstanding balance",
        "Current assets (USD)",
        "Current liabilities (EUR)",
        "Days past due",
      ],
      // Over its limit if euros were dollars, and illiquid if dollars were euros: neither is said.
      ["C01", "Split Currencies", 2, 2, 2, 2, 2, "USD 100,000", "EUR 150,000", 50, 100, 0],
      ["C02", "One Currency", 2, 2, 2, 2, 2, 100000, 50000, 50, 100, 0],
    ],
  });
}

const ROW_NOTE =
  "row 2, column I (Outstanding balance): utilisation, available credit and Over credit limit check not computed: Credit limit is in USD and Outstanding balance in EUR, and no rate is known to combine them; enter them in one currency";
const SHEET_LINE =
  'Sheet "Customers": current ratio and Low liquidity check not computed for any customer: Current assets is in USD and Current liabilities in EUR, and no rate is known to combine them; enter them in one currency';
const WHY =
  "Current assets is in USD and Current liabilities in EUR, and no rate is known to combine them; enter them in one currency";

test("amounts in two currencies are combined in no output: said at the row, and once for the sheet", async () => {
  const input = path.join(dir(), "in.xlsx");
  await buildWorkbook(input);

  const printed = await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "printed.xlsx"));
  expect(printed.code).toBe(0);
  const report = printed.stdout.replace(/\s+/g, " ");
  expect(report).toContain(SHEET_LINE);
  expect(report).toContain(`Low liquidity: ${WHY}`);
  expect(report).toContain("enter them in one currency");

  const out = path.join(dir(), "out.xlsx");
  const json = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--out", out, "--json")).stdout);
  expect(json.customers.map((c: { notes: { text: string }[] }) => c.notes.map((n) => n.text))).toEqual([[ROW_NOTE], []]);
  expect(json.customers.map((c: { utilisation: number | null }) => c.utilisation)).toEqual([null, 0.5]);
  expect(json.customers.map((c: { warnings: string[] }) => c.warnings)).toEqual([[], []]);
  expect(json.customers[0].recommendation).toContain("no raise until the data is fixed");
  expect(json.columns.skippedChecks).toContain("LIQUIDITY");
  expect(json.columns.twoCurrencies).toEqual([
    {
      affects: ["currentRatio", "LIQUIDITY"],
      first: { field: "currentAssets", currency: "USD" },
      second: { field: "currentLiabilities", currency: "EUR" },
      text: SHEET_LINE,
    },
  ]);
  // The row's own refusal is the customer's problem, listed with the others; the sheet's is no customer's.
  expect(json.portfolio.problems.map((p: { text: string }) => p.text)).toEqual([ROW_NOTE]);
  expect(json.portfolio.withoutLimit).toEqual(expect.objectContaining({ amount: 150000, customers: 1 }));

  const workbook = await loadWorkbook(out);
  const sheet = workbook.getWorksheet("Customers")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const issues = (row: number) => sheet.getCell(row, header.indexOf("Review issues") + 1).value;
  expect([issues(2), issues(3)]).toEqual([ROW_NOTE, null]);
  const summary: string[] = [];
  workbook.getWorksheet("Credit Review Summary")!.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string") summary.push(cell.value);
    }),
  );
  // The summary wraps a long line over rows, a line a row.
  const summaryText = summary.join(" ");
  expect(summaryText).toContain(SHEET_LINE);
  // And under the Low liquidity check's "not checked", why: the line's reason a second time.
  expect(summaryText.split(WHY)).toHaveLength(3);

  const zh = JSON.parse(
    (await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "zh.xlsx"), "--json", "--lang", "zh")).stdout,
  );
  expect(zh.customers[0].notes[0].text).toBe(
    "第 2 行 I 列（Outstanding balance）：额度使用率、可用额度、超出信用额度检查未计算：信用额度以USD计，应收账款余额以EUR计，没有汇率可将两者合并计算；请以同一币种填写",
  );
  expect(zh.columns.twoCurrencies[0].text).toBe(
    "工作表“Customers”：所有客户的流动比率、流动性不足检查均未计算：流动资产以USD计，流动负债以EUR计，没有汇率可将两者合并计算；请以同一币种填写",
  );
});

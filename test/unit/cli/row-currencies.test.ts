/**
 * The command line on a customer sheet whose amounts are in two currencies: a row typing its limit
 * in US dollars and its balance in euros gets no utilisation and no over-limit check, in a note at
 * its cell; headers stating USD and EUR for current assets and liabilities refuse every customer's
 * current ratio (and its Low liquidity check), said once for the sheet. Every output says the same:
 * the printed report, the JSON, the sheet's Review issues and the summary sheet, in both languages.
 * A sheet typing every limit in US dollars and every balance in euros says it once for the sheet too.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { Lang } from "../../../src/engine/i18n";
import { REVIEW_SHEETS } from "../../../src/engine/review/sheets";
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

/**
 * Each text cell of the summary sheet, in order, joined: it wraps a long line over rows, a line a
 * row (English at a space, Chinese between any two characters).
 */
function summaryText(workbook: ExcelJS.Workbook, lang: Lang = "en"): string {
  const summary: string[] = [];
  workbook.getWorksheet(REVIEW_SHEETS.summary[lang])!.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string") summary.push(cell.value);
    }),
  );
  return summary.join(lang === "zh" ? "" : " ");
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
  const summary = summaryText(workbook);
  expect(summary).toContain(SHEET_LINE);
  // And under the Low liquidity check's "not checked", why: the line's reason a second time.
  expect(summary.split(WHY)).toHaveLength(3);

  const zh = JSON.parse(
    (await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "zh.xlsx"), "--json", "--lang", "zh")).stdout,
  );
  expect(zh.customers[0].notes[0].text).toBe(
    "第 2 行 I 列（Outstanding balance）：额度使用率、可用额度、超出信用额度检查未计算：信用额度以 USD 计，应收账款余额以 EUR 计，没有汇率可将两者合并计算；请以同一币种填写",
  );
  expect(zh.columns.twoCurrencies[0].text).toBe(
    "工作表“Customers”：所有客户的流动比率、流动性不足检查均未计算：流动资产以 USD 计，流动负债以 EUR 计，没有汇率可将两者合并计算；请以同一币种填写",
  );
});

test("every limit typed in US dollars and every balance in euros: said once for the sheet in every output, not customer by customer", async () => {
  const input = path.join(dir(), "marked.xlsx");
  await writeWorkbook(input, {
    Customers: [
      [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance", "Days past due"],
      ["C01", "Alpha", 2, 2, 2, 2, 2, "USD 100,000", "EUR 150,000", 0],
      ["C02", "Beta", 2, 2, 2, 2, 2, "USD 200,000", "EUR 50,000", 0],
      ["C03", "Gamma", 2, 2, 2, 2, 2, "USD 300,000", "EUR 20,000", 0],
    ],
  });
  const why =
    "Credit limit is in USD and Outstanding balance in EUR, and no rate is known to combine them; enter them in one currency";
  const sheetLine = `Sheet "Customers": utilisation, available credit and Over credit limit check not computed for any customer: ${why}`;
  const headline = "n/a (Credit limit in USD, Outstanding balance in EUR)";

  const out = path.join(dir(), "marked-out.xlsx");
  const printed = await runCli(input, "--as-of", "2026-11-30", "--out", out);
  expect(printed.code).toBe(0);
  const report = printed.stdout.replace(/\s+/g, " ");
  expect(report).toContain(sheetLine);
  expect(report).toContain(`Over credit limit: ${why}`);
  expect(report).toContain(headline);
  expect(report).not.toContain("no credit limits");

  const json = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "json.xlsx"), "--json")).stdout);
  expect(json.customers.map((c: { notes: unknown[] }) => c.notes)).toEqual([[], [], []]);
  expect(json.customers.map((c: { utilisation: number | null }) => c.utilisation)).toEqual([null, null, null]);
  expect(json.columns.skippedChecks).toContain("OVER_LIMIT");
  expect(json.columns.twoCurrencies).toEqual([
    {
      affects: ["utilisation", "availableCredit", "OVER_LIMIT"],
      first: { field: "creditLimit", currency: "USD" },
      second: { field: "balance", currency: "EUR" },
      text: sheetLine,
    },
  ]);
  expect(json.portfolio.problems).toEqual([]);
  expect(json.portfolio.utilisation).toBeNull();

  // No customer has a data error for it: its Review issues cell stays empty; the summary says it once.
  const workbook = await loadWorkbook(out);
  const customers = workbook.getWorksheet("Customers")!;
  const header = (customers.getRow(1).values as unknown[]).slice(1).map(String);
  const issues = [2, 3, 4].map((row) => customers.getCell(row, header.indexOf("Review issues") + 1).value);
  expect(issues).toEqual([null, null, null]);
  const summary = summaryText(workbook);
  expect(summary).toContain(sheetLine);
  expect(summary).toContain(headline);

  const zhOut = path.join(dir(), "marked-zh.xlsx");
  const zh = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--out", zhOut, "--json", "--lang", "zh")).stdout);
  expect(zh.columns.twoCurrencies[0].text).toBe(
    "工作表“Customers”：所有客户的额度使用率、可用额度、超出信用额度检查均未计算：信用额度以 USD 计，应收账款余额以 EUR 计，没有汇率可将两者合并计算；请以同一币种填写",
  );
  // A wrapped line may break at the space beside a currency's code: compared without spaces.
  expect(summaryText(await loadWorkbook(zhOut), "zh").replace(/ /g, "")).toContain("无（信用额度以USD计，应收账款余额以EUR计）");
});

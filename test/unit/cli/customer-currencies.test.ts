/**
 * The command line on a ledger where one customer's overdue invoices are in US dollars and euros:
 * its overdue amount and aging are added up in no output, its days past due stand, and the note
 * naming both currencies and a ledger row of each is in the printed report, the JSON, the sheet's
 * Review issues and the summary sheet, in both languages. A customer in one currency is aged as ever.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { Lang, message } from "../../../src/engine/i18n";
import { REVIEW_SHEETS } from "../../../src/engine/review/sheets";
import { loadWorkbook, runCli, tempDirPerTest, writeWorkbook } from "../../support/cli";
import { CUSTOMER_HEADERS } from "../../support/review-grid";

const dir = tempDirPerTest("credit-customer-currencies-");

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function buildWorkbook(file: string): Promise<void> {
  return writeWorkbook(file, {
    Customers: [
      [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance"],
      ["C01", "Two Currencies", 2, 2, 2, 2, 2, 100000, 50000],
      ["C02", "Dollars Only", 2, 2, 2, 2, 2, 100000, 20000],
    ],
    Invoices: [
      ["Customer ID", "Invoice", "Due date", "Amount", "Paid", "Currency"],
      ["C01", "INV-1", day("2026-06-01"), 30000, 0, "USD"],
      ["C01", "INV-2", day("2026-10-01"), 20000, 0, "EUR"],
      ["C02", "INV-3", day("2026-10-31"), 20000, 0, "USD"],
    ],
  });
}

const NOTE = {
  en: "sheet Invoices, row 3: overdue amount and aging not computed: its overdue invoices are in USD (e.g. row 2) and EUR (e.g. row 3), and no rate is known to add them; days past due stands, each currency's credit notes settling only its own invoices",
  zh: "工作表“Invoices”第 3 行：逾期金额、账龄未计算：其逾期发票有的以 USD 计，如第 2 行，有的以 EUR 计，如第 3 行，没有汇率可将两者相加；逾期天数照常计算，各币种的贷项通知单只冲抵同币种的发票",
};
const NOTICE = {
  en: 'The open invoices on sheet "Invoices" are in several currencies (USD, EUR): no amounts in two currencies are added up, as no rate is known; a customer whose invoices are in two has no aging, nor an overdue amount while its overdue invoices are in two, and its credit notes settle only invoices in their own currency',
  zh: "工作表“Invoices”中的未结发票有多种币种（USD、EUR）：没有汇率，不同币种的金额一律不相加；发票分属两种币种的客户不计账龄，逾期发票分属两种币种时也不计逾期金额，其贷项通知单只冲抵同币种的发票",
};
const OVERDUE_LINE = {
  en: 'Overdue amount, share of exposure: n/a (open invoices in USD, e.g. row 2 of sheet "Invoices", and EUR, e.g. row 3; no rate is known to add them)',
  zh: "逾期金额及占敞口比例：无（未结发票有的以 USD 计，如工作表“Invoices”第 2 行，有的以 EUR 计，如第 3 行；没有汇率可将两者相加）",
};
const SUMMARY_PROBLEM = {
  en: "Two Currencies Low overdue amount and aging not computed: its overdue invoices are in USD",
  zh: "TwoCurrencies低逾期金额、账龄未计算：其逾期发票有的以USD",
};
const PROBLEM = { en: `  Two Currencies: ${NOTE.en}`, zh: `  Two Currencies：${NOTE.zh}` };

/** Each text cell of the summary sheet, joined as it wraps a long line over rows. */
function summaryText(workbook: ExcelJS.Workbook, lang: Lang): string {
  const summary: string[] = [];
  workbook.getWorksheet(REVIEW_SHEETS.summary[lang])!.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string") summary.push(cell.value);
    }),
  );
  return summary.join(lang === "zh" ? "" : " ");
}

test.each(["en", "zh"] as const)(
  "a customer's overdue invoices in two currencies are added up in no output (%s)",
  async (lang) => {
    const input = path.join(dir(), "in.xlsx");
    await buildWorkbook(input);
    const out = path.join(dir(), "printed.xlsx");
    const printed = await runCli(input, "--as-of", "2026-11-30", "--out", out, "--lang", lang);
    expect(printed.code).toBe(0);
    const lines = printed.stdout.split("\n");
    expect(lines).toContain(PROBLEM[lang]);
    expect(lines).toContain(NOTICE[lang]);
    expect(lines).toContain(OVERDUE_LINE[lang]);

    const json = JSON.parse(
      (await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "json.xlsx"), "--json", "--lang", lang)).stdout,
    );
    const figures = json.customers.map((c: Record<string, unknown>) => [c.overdueAmount, c.daysPastDue, c.aging]);
    expect(figures).toEqual([
      [null, 182, null],
      [20000, 30, [0, 20000, 0, 0, 0]],
    ]);
    expect(json.customers[0].notes).toEqual([{ affects: ["overdueAmount", "aging"], toFix: true, text: NOTE[lang] }]);
    expect(json.customers[1].notes).toEqual([]);
    // Read as an overdue amount not known: legal action by the days alone.
    expect(json.customers[0].actions.map((a: { code: string }) => a.code)).toContain("LEGAL_ACTION");
    expect(json.portfolio.overdueAmount).toBeNull();

    const workbook = await loadWorkbook(out);
    const sheet = workbook.getWorksheet("Customers")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const issues = sheet.getCell(2, header.indexOf(lang === "en" ? "Review issues" : "审查问题") + 1).value;
    expect(issues).toBe(NOTE[lang]);
    // The summary's problems table gives the note beside its customer, the place in a column of its own.
    const summary = summaryText(workbook, lang).replace(/\s+/g, lang === "zh" ? "" : " ");
    expect(summary).toContain(SUMMARY_PROBLEM[lang]);
    // Not aged by rule, not for a ledger row to fix: the aging's "not aged" line does not count it.
    expect(summary).not.toContain(message(lang, "summary.notAged").replace(/\s+/g, lang === "zh" ? "" : " "));
  },
);

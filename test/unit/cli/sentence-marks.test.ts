/**
 * The command line over a portfolio in two currencies, a month apart: the printed report's
 * sentences give each customer's amounts with its currency, as its table does (what to do about a
 * top risk, its stacked table in a narrow terminal, a finding's figures, the warnings cleared, the
 * money that moved), and so do the JSON and the reviewed workbook's Findings column; in both
 * languages. The same portfolio in one currency prints no currency.
 */
import * as path from "node:path";
import { review } from "../../../src/cli/main";
import type { Lang } from "../../../src/engine/i18n";
import { OUTPUT_HEADERS } from "../../../src/engine/review/fields";
import { loadWorkbook, runCli, tempDirPerTest, writeWorkbook } from "../../support/cli";
import { CUSTOMER_HEADERS } from "../../support/review-grid";

const dir = tempDirPerTest("credit-sentence-marks-");

/** One row's limit typed in US dollars, two rows' balances in `second` (euros; "USD" puts the portfolio in one). */
function buildWorkbook(file: string, second: "EUR" | "USD"): Promise<void> {
  return writeWorkbook(file, {
    Customers: [
      [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance", "Overdue amount", "Days past due"],
      ["C01", "Dollar Buyer", 2, 2, 2, 2, 2, "USD 200,000", 100000, 20000, 95],
      ["C02", "Euro Buyer", 4, 4, 4, 4, 4, 100000, `${second} 50,000`, 10000, 95],
      ["C03", "Plain Figures", 2, 2, 2, 2, 2, 100000, 30000, 0, 0],
      ["C04", "Over Spender", 3, 3, 3, 3, 3, 20000, `${second} 30,000`, 0, 0],
    ],
  });
}

/** The reviewed copy a month on: the dollar buyer 40,000 further behind, the euro buyer's overdue halved, the over spender back under its limit. */
async function monthLater(reviewed: string, file: string, second: "EUR" | "USD"): Promise<void> {
  const workbook = await loadWorkbook(reviewed);
  const sheet = workbook.getWorksheet("Customers")!;
  sheet.getCell("J2").value = 60000;
  sheet.getCell("J3").value = 5000;
  sheet.getCell("I5").value = `${second} 15,000`;
  await workbook.xlsx.writeFile(file);
}

/** The Over Spender's Findings cell in a reviewed workbook. */
async function spenderFindings(reviewed: string, lang: Lang): Promise<unknown> {
  const sheet = (await loadWorkbook(reviewed)).getWorksheet("Customers")!;
  const headers = sheet.getRow(1).values as unknown[];
  return sheet.getRow(5).getCell(headers.indexOf(OUTPUT_HEADERS.findings[lang])).value;
}

/** The printed report in a terminal `columns` wide. */
async function printedIn(columns: number, ...argv: string[]): Promise<string> {
  const out: string[] = [];
  await review(argv, { stdout: (t) => out.push(t), stderr: () => undefined, progress: false, columns });
  return out.join("\n");
}

const EXPECTED = {
  en: {
    todo: "To do: prepayment; limit EUR 100,000.00 → EUR 50,000.00; guarantee or credit insurance; escalate collection, stop shipments",
    stacked: ["Limit: USD 200,000.00 (kept)   Next review: 2027-02-28", "Limit: EUR 100,000.00 → EUR 50,000.00   Next review:"],
    grew: ["Overdue grew: 1", "  Dollar Buyer USD 20,000.00 → USD 60,000.00 (95 days past due)"],
    fell: ["Overdue fell: 1", "  Euro Buyer EUR 10,000.00 → EUR 5,000.00 (95 days past due)"],
    finding: "Outstanding balance EUR 30,000.00 is above the credit limit EUR 20,000.00.",
    topRisk: "Outstanding balance EUR 30,000.00 is above the credit limit EUR 20,000.00. To do: hold new orders",
    stackedWarnings: "Warnings: Over credit limit (EUR 30,000.00 > EUR 20,000.00)",
    cleared: "Over credit limit — the outstanding balance EUR 15,000.00 is within the credit limit EUR 20,000.00.",
    clearedLine:
      "  Over Spender: Over credit limit — the outstanding balance EUR 15,000.00 is within the credit limit EUR 20,000.00.",
  },
  zh: {
    todo: "建议：要求预付款；额度 EUR 100,000.00 → EUR 50,000.00；要求担保或信用保险；加强催收并停止供货",
    stacked: ["额度：USD 200,000.00（维持不变）   下次复审：", "额度：EUR 100,000.00 → EUR 50,000.00   下次复审："],
    grew: ["逾期金额增加的客户：1", "  Dollar Buyer USD 20,000.00 → USD 60,000.00（逾期 95 天）"],
    fell: ["逾期金额减少的客户：1", "  Euro Buyer EUR 10,000.00 → EUR 5,000.00（逾期 95 天）"],
    finding: "应收账款余额 EUR 30,000.00 超过信用额度 EUR 20,000.00。",
    topRisk: "应收账款余额 EUR 30,000.00 超过信用额度 EUR 20,000.00。建议：暂停新订单",
    stackedWarnings: "预警：超出信用额度（EUR 30,000.00 > EUR 20,000.00）",
    cleared: "超出信用额度——应收账款余额 EUR 15,000.00 未超过信用额度 EUR 20,000.00。",
    clearedLine: "  Over Spender：超出信用额度——应收账款余额 EUR 15,000.00 未超过信用额度 EUR 20,000.00。",
  },
} as const;

test.each(["en", "zh"] as const)("a customer's amounts in the report's sentences carry their currency (%s)", async (lang) => {
  const input = path.join(dir(), "in.xlsx");
  await buildWorkbook(input, "EUR");
  const reviewed = path.join(dir(), "reviewed.xlsx");
  const first = await runCli(input, "--as-of", "2026-11-30", "--out", reviewed, "--lang", lang);
  expect(first.code).toBe(0);
  const expected = EXPECTED[lang];
  const printed = first.stdout.split("\n");
  expect(printed.some((line) => line.endsWith(expected.todo))).toBe(true);
  // A finding's figures: the top risks' why, and the reviewed sheet's Findings column.
  expect(printed.some((line) => line.endsWith(expected.topRisk))).toBe(true);
  expect(await spenderFindings(reviewed, lang)).toBe(expected.finding);
  const firstJson = JSON.parse(
    (await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "first-json.xlsx"), "--json", "--lang", lang)).stdout,
  );
  expect(firstJson.customers[3].findings.map((f: { text: string }) => f.text)).toEqual([expected.finding]);
  // A narrow terminal stacks each customer's limits and warnings under its figures, as the wide table's columns mark them.
  const narrow = (await printedIn(60, input, "--as-of", "2026-11-30", "--out", path.join(dir(), "narrow.xlsx"), "--lang", lang))
    .split("\n")
    .map((line) => line.trim());
  for (const line of expected.stacked) expect(narrow.some((shown) => shown.startsWith(line))).toBe(true);
  // The Over Spender's warnings, wrapped at the terminal's width (a wrap drops only the space it broke at).
  expect(narrow.join(lang === "en" ? " " : "")).toContain(expected.stackedWarnings);

  const later = path.join(dir(), "later.xlsx");
  await monthLater(reviewed, later, "EUR");
  const second = await runCli(later, "--as-of", "2026-12-31", "--out", path.join(dir(), "second.xlsx"), "--lang", lang);
  expect(second.code).toBe(0);
  const lines = second.stdout.split("\n");
  for (const list of [expected.grew, expected.fell])
    expect(lines.slice(lines.indexOf(list[0]), lines.indexOf(list[0]) + 2)).toEqual(list);
  expect(lines).toContain(expected.clearedLine);

  const json = JSON.parse(
    (await runCli(later, "--as-of", "2026-12-31", "--out", path.join(dir(), "json.xlsx"), "--json", "--lang", lang)).stdout,
  );
  expect(json.changes.moneyText.slice(0, 2).map((e: { customers: string[] }) => e.customers)).toEqual([
    [expected.grew[1].trim()],
    [expected.fell[1].trim()],
  ]);
  const spender = json.changes.customers.find((c: { id: string }) => c.id === "C04");
  expect(spender.clearedWarnings.map((w: { text: string }) => w.text)).toEqual([expected.cleared]);
});

test.each(["en", "zh"] as const)("the same portfolio in one currency prints no currency in any sentence (%s)", async (lang) => {
  const input = path.join(dir(), "in.xlsx");
  await buildWorkbook(input, "USD");
  const reviewed = path.join(dir(), "reviewed.xlsx");
  const first = await runCli(input, "--as-of", "2026-11-30", "--out", reviewed, "--lang", lang);
  const narrow = await printedIn(60, input, "--as-of", "2026-11-30", "--out", path.join(dir(), "narrow.xlsx"), "--lang", lang);
  const later = path.join(dir(), "later.xlsx");
  await monthLater(reviewed, later, "USD");
  const second = await runCli(later, "--as-of", "2026-12-31", "--out", path.join(dir(), "second.xlsx"), "--lang", lang);
  const plain = (text: string) => text.replace(/(USD|EUR) /g, "");
  const lines = second.stdout.split("\n");
  for (const list of [EXPECTED[lang].grew, EXPECTED[lang].fell])
    expect(lines.slice(lines.indexOf(plain(list[0])), lines.indexOf(plain(list[0])) + 2)).toEqual(list.map(plain));
  expect(lines).toContain(plain(EXPECTED[lang].clearedLine));
  expect(first.stdout.split("\n").some((line) => line.endsWith(plain(EXPECTED[lang].topRisk)))).toBe(true);
  expect(await spenderFindings(reviewed, lang)).toBe(plain(EXPECTED[lang].finding));
  for (const printed of [first.stdout, narrow, second.stdout]) expect(printed).not.toMatch(/USD|EUR/);
});

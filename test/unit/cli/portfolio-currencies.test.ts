/**
 * The command line over a portfolio whose balances are in two currencies (one row's limit typed in
 * US dollars, another's balance in euros): no output adds them. The printed report says why each
 * total is not added up in its place, the JSON gives null with the two currencies and a row of
 * each, and the summary sheet draws no chart of them; in both languages. The counts stand.
 */
import * as path from "node:path";
import { message } from "../../../src/engine/i18n";
import "../../../src/engine/i18n/report";
import { loadWorkbook, runCli, tempDirPerTest, writeWorkbook } from "../../support/cli";
import { CUSTOMER_HEADERS } from "../../support/review-grid";
import { partsOf } from "../../support/views";

const dir = tempDirPerTest("credit-portfolio-currencies-");

function buildWorkbook(file: string, second: string): Promise<void> {
  return writeWorkbook(file, {
    Customers: [
      [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance", "Overdue amount", "Days past due"],
      ["C01", "Dollar Buyer", 2, 2, 2, 2, 2, "USD 200,000", 100000, 20000, 95],
      ["C02", "Euro Buyer", 4, 4, 4, 4, 4, 100000, second, 10000, 95],
      ["C03", "Plain Figures", 2, 2, 2, 2, 2, 100000, 30000, 0, 0],
    ],
  });
}

const EXPOSURE = {
  en: "n/a (balances in USD, e.g. row 2, and EUR, e.g. row 3; no rate is known to add them)",
  zh: "无（余额有的以 USD 计，如第 2 行，有的以 EUR 计，如第 3 行；没有汇率可将两者相加）",
};
const LIMITS = {
  en: "n/a (credit limits in USD, e.g. row 2, and EUR, e.g. row 3; no rate is known to add them)",
  zh: "无（信用额度有的以 USD 计，如第 2 行，有的以 EUR 计，如第 3 行；没有汇率可将两者相加）",
};
const OVERDUE = {
  en: "n/a (overdue amounts in USD, e.g. row 2, and EUR, e.g. row 3; no rate is known to add them)",
  zh: "无（逾期金额有的以 USD 计，如第 2 行，有的以 EUR 计，如第 3 行；没有汇率可将两者相加）",
};

test.each(["en", "zh"] as const)("balances in two currencies are added up in no output (%s)", async (lang) => {
  const input = path.join(dir(), "in.xlsx");
  await buildWorkbook(input, "EUR 50,000");
  const printed = await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "printed.xlsx"), "--lang", lang);
  expect(printed.code).toBe(0);
  const lines = printed.stdout.split("\n");
  const line = (label: string) => lines.find((l) => l.startsWith(label));
  if (lang === "en") {
    expect(line("Total exposure")).toBe(`Total exposure (outstanding balance): ${EXPOSURE.en}`);
    expect(line("Total credit limits")).toBe(`Total credit limits: ${LIMITS.en}   Utilisation (balance / limit): ${LIMITS.en}`);
    expect(line("Overdue amount, share of exposure")).toBe(`Overdue amount, share of exposure: ${OVERDUE.en}`);
    expect(line("Exposure at risk")).toContain(`Exposure at risk, share of exposure: ${EXPOSURE.en}`);
    // The counts stand: the customers, and the share of them overdue, with its warning.
    expect(line("Customers per grade")).toBe("Customers per grade: Low 2; Medium 0; High 1");
    expect(line("Share of customers overdue")).toBe("Share of customers overdue: 66.7%");
    expect(line("Top risks")).toBe(
      "Top risks: customers needing action first, then by risk score (the balances are in two currencies, so not ranked by them):",
    );
  } else {
    expect(line("风险敞口合计")).toBe(`风险敞口合计（应收账款余额）：${EXPOSURE.zh}`);
    expect(line("信用额度合计")).toBe(`信用额度合计：${LIMITS.zh}   额度使用率（余额 / 额度）：${LIMITS.zh}`);
    expect(line("逾期金额及占敞口比例")).toBe(`逾期金额及占敞口比例：${OVERDUE.zh}`);
    expect(line("风险客户敞口及占比")).toContain(`风险客户敞口及占比：${EXPOSURE.zh}`);
    expect(line("主要风险客户")).toBe("主要风险客户：需采取措施者在前，再按风险评分排序（各客户余额币种不同，不按余额排序）：");
  }

  // The customers' table: each row's overdue amount, credit limit and recommended limit in its currency; none named on the plain row.
  const customerLine = (name: string) => lines.find((l) => new RegExp(`^ +\\d+ ${name} `).test(l));
  expect(customerLine("Dollar Buyer")).toMatch(/ USD 20,000\.00 +USD 200,000\.00 +USD 200,000\.00 /);
  expect(customerLine("Euro Buyer")).toMatch(/ EUR 10,000\.00 +EUR 100,000\.00 +EUR 50,000\.00 /);
  expect(customerLine("Plain Figures")).toMatch(/ 0\.00 +100,000\.00 +110,000\.00 /);
  // Each top risk's balance with its currency: 100,000.00 in dollars is no more than 50,000.00 in euros.
  const topRisks = lines.slice(lines.findIndex((l) => l.startsWith(lang === "en" ? "Top risks" : "主要风险客户")) + 2);
  const risk = (name: string) => topRisks.find((l) => l.trimStart().startsWith(name));
  expect(risk("Euro Buyer")).toMatch(/^ {2}Euro Buyer +EUR 50,000\.00 {2}\S/);
  expect(risk("Dollar Buyer")).toMatch(/^ {2}Dollar Buyer +USD 100,000\.00 {2}\S/);

  const out = path.join(dir(), "out.xlsx");
  const json = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--out", out, "--json", "--lang", lang)).stdout);
  // Each customer's row currency; none named on the plain row.
  expect(json.customers.map((c: { currency: string | null }) => c.currency)).toEqual(["USD", "EUR", null]);
  const p = json.portfolio;
  expect([
    p.exposure,
    p.exposureByGrade,
    p.exposureNotGraded,
    p.creditLimits,
    p.utilisation,
    p.overdueAmount,
    p.exposureAtRisk,
  ]).toEqual([null, null, null, null, null, null, null]);
  expect([p.customers, p.byGrade, p.overdueCustomers, p.warnings]).toEqual([
    3,
    { low: 2, medium: 0, high: 1 },
    2,
    ["OVERDUE_SHARE"],
  ]);
  expect(p.twoCurrencies.exposure).toEqual({
    first: { amounts: "balances", row: 2, currency: "USD" },
    second: { amounts: "balances", row: 3, currency: "EUR" },
    text: EXPOSURE[lang].replace(/^(n\/a \(|无（)|[)）]$/g, ""),
  });
  expect(Object.keys(p.twoCurrencies).sort()).toEqual([
    "creditLimits",
    "exposure",
    "exposureAtRisk",
    "overdueAmount",
    "utilisation",
  ]);
  // Not ranked by balances in two currencies: the higher score first, though its balance is the smaller.
  expect(p.topRisks.map((r: { row: number }) => r.row)).toEqual([3, 2]);

  // The summary sheet draws no chart of the exposure by grade: it would plot a sum of two currencies.
  const charts = [...(await partsOf(out)).keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  expect(charts).toEqual([]);
  // Its top risks list each balance as a figure in its own currency's number format.
  const summary = (await loadWorkbook(out)).worksheets.find((ws) => ws.getCell("A1").value === message(lang, "summary.title"))!;
  const balances: [unknown, string][] = [];
  summary.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === 50000 || cell.value === 100000) balances.push([cell.value, cell.numFmt]);
    }),
  );
  expect(balances).toEqual([
    [50000, '"EUR "#,##0.00;"EUR "-#,##0.00'],
    [100000, '"USD "#,##0.00;"USD "-#,##0.00'],
  ]);
});

test("the same sheet in one currency adds every total, ranks by balance and charts the exposure", async () => {
  const input = path.join(dir(), "in.xlsx");
  await buildWorkbook(input, "USD 50,000");
  // In one currency the top risks' balances are plain figures, as ever.
  const printed = await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "printed.xlsx"));
  const lines = printed.stdout.split("\n");
  const topRisks = lines.slice(lines.findIndex((l) => l.startsWith("Top risks")) + 2);
  expect(topRisks.find((l) => l.trimStart().startsWith("Dollar Buyer"))).toMatch(/^ {2}Dollar Buyer +100,000\.00 {2}\S/);
  const out = path.join(dir(), "out.xlsx");
  const json = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--out", out, "--json")).stdout);
  expect(json.customers.map((c: { currency: string | null }) => c.currency)).toEqual(["USD", "USD", null]);
  const p = json.portfolio;
  expect([p.exposure, p.creditLimits, p.utilisation, p.overdueAmount, p.exposureAtRisk]).toEqual([
    180000, 400000, 0.45, 30000, 150000,
  ]);
  expect(p.twoCurrencies).toEqual({});
  expect(p.topRisks.map((r: { row: number }) => r.row)).toEqual([2, 3]);
  const charts = [...(await partsOf(out)).keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  expect(charts).toHaveLength(1);
});

/** Two customers' invoices overdue in US dollars, a third's not yet due in euros, and two customers not on the sheet, one in each. */
function buildLedgerWorkbook(file: string): Promise<void> {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return writeWorkbook(file, {
    Customers: [
      [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance"],
      ["C01", "Dollar Buyer", 2, 2, 2, 2, 2, 100000, 50000],
      ["C02", "Other Dollar Buyer", 2, 2, 2, 2, 2, 100000, 30000],
      ["C03", "Euro Buyer", 2, 2, 2, 2, 2, 100000, 20000],
    ],
    Invoices: [
      ["Customer ID", "Invoice", "Due date", "Amount", "Paid", "Currency"],
      ["C01", "INV-1", day("2026-10-01"), 50000, 0, "USD"],
      ["C02", "INV-2", day("2026-11-01"), 30000, 0, "USD"],
      ["C03", "INV-3", day("2026-12-15"), 20000, 0, "EUR"],
      ["C08", "INV-8", day("2026-10-01"), 1000, 0, "USD"],
      ["C09", "INV-9", day("2026-10-01"), 2000, 0, "EUR"],
    ],
  });
}

const AGING = {
  en: 'open invoices in USD, e.g. row 2 of sheet "Invoices", and EUR, e.g. row 4; no rate is known to add them',
  zh: "未结发票有的以 USD 计，如工作表“Invoices”第 2 行，有的以 EUR 计，如第 4 行；没有汇率可将两者相加",
};
const UNMATCHED = {
  en: 'open invoices in USD, e.g. row 5 of sheet "Invoices", and EUR, e.g. row 6; no rate is known to add them',
  zh: "未结发票有的以 USD 计，如工作表“Invoices”第 5 行，有的以 EUR 计，如第 6 行；没有汇率可将两者相加",
};

test.each(["en", "zh"] as const)(
  "a ledger's overdue invoices in one currency add up though one not yet due is in another; its unmatched invoices in two do not (%s)",
  async (lang) => {
    const input = path.join(dir(), "in.xlsx");
    await buildLedgerWorkbook(input);
    const printed = await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "printed.xlsx"), "--lang", lang);
    expect(printed.code).toBe(0);
    const lines = printed.stdout.split("\n");
    const line = (label: string) => lines.find((l) => l.startsWith(label));
    if (lang === "en") {
      // Beside the unmatched invoices in two currencies, the overdue amount says its one.
      expect(line("Overdue amount, share of exposure")).toBe("Overdue amount, share of exposure: USD 80,000.00 (80.0%)");
      expect(line("Ledger invoices of customers not on the sheet")).toBe(
        `Ledger invoices of customers not on the sheet: 2 open invoices of 2 customers, not added up (${UNMATCHED.en}): C08, C09`,
      );
    } else {
      expect(line("逾期金额及占敞口比例")).toBe("逾期金额及占敞口比例：USD 80,000.00（80.0%）");
      expect(line("不在客户表上的客户的发票")).toBe(
        `不在客户表上的客户的发票：2 个客户的 2 张未结发票，金额未合计（${UNMATCHED.zh}）：C08、C09`,
      );
    }

    const out = path.join(dir(), "out.xlsx");
    const json = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--out", out, "--json", "--lang", lang)).stdout);
    const p = json.portfolio;
    expect([p.overdueAmount, p.aging.totals]).toEqual([80000, null]);
    // On the summary sheet a figure (for a formula), its number format showing its currency as the report does.
    const overdueLabel = lang === "en" ? "Overdue amount, share of exposure" : "逾期金额及占敞口比例";
    const summary = (await loadWorkbook(out)).worksheets.find((ws) => ws.getCell("A1").value === message(lang, "summary.title"))!;
    const labelRow = summary.getColumn(1).values.indexOf(overdueLabel);
    expect(labelRow).toBeGreaterThan(0);
    const overdue = summary.getCell(labelRow, 2);
    expect([overdue.value, overdue.numFmt]).toEqual([80000, '"USD "#,##0.00;"USD "-#,##0.00']);
    expect(p.currencies.overdueAmount).toBe("USD");
    expect(p.unmatchedInvoices).toEqual({ customers: 2, invoices: 2, amount: null, keys: ["C08", "C09"] });
    expect(Object.keys(p.twoCurrencies).sort()).toEqual(["aging", "unmatchedInvoices"]);
    expect(p.twoCurrencies.aging.text).toBe(AGING[lang]);
    expect(p.twoCurrencies.unmatchedInvoices).toEqual({
      first: { amounts: "invoices", row: 5, sheet: "Invoices", currency: "USD" },
      second: { amounts: "invoices", row: 6, sheet: "Invoices", currency: "EUR" },
      text: UNMATCHED[lang],
    });
  },
);

/** Balances in euros (or naming none); each customer's invoices, overdue both months, in the currencies named. */
function buildLedgerMonth(file: string, acme: string, beta: string): Promise<void> {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return writeWorkbook(file, {
    Customers: [
      [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance"],
      ["C01", "Acme", 2, 2, 2, 2, 2, 600000, "EUR 540,000"],
      ["C02", "Beta", 4, 4, 4, 4, 4, 500000, 423000],
    ],
    Invoices: [
      ["Customer ID", "Invoice", "Due date", "Amount", "Paid", "Currency"],
      ["C01", "INV-1", day("2026-09-30"), 540000, 0, acme],
      ["C02", "INV-2", day("2026-10-15"), 423000, 0, beta],
    ],
  });
}

test.each([
  ["all in US dollars beside balances in euros: month 1's total is month 2's trend's", "USD", "USD", 963000, null],
  ["in US dollars and euros: month 1 added none up, nor does month 2's trend", "USD", "EUR", null, "twoCurrencies"],
] as const)("a ledger's overdue amounts a month on, %s", async (_name, acme, beta, total, why) => {
  const input = path.join(dir(), "in.xlsx");
  const november = path.join(dir(), "november.xlsx");
  await buildLedgerMonth(input, acme, beta);
  const first = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--out", november, "--json")).stdout);
  expect(first.portfolio.overdueAmount).toBe(total);
  const second = JSON.parse(
    (await runCli(november, "--as-of", "2026-12-31", "--out", path.join(dir(), "december.xlsx"), "--json")).stdout,
  );
  expect(second.trend[0].overdueAmount).toBe(total);
  expect(second.trend[0].amountsNotAdded?.overdueAmount?.kind ?? null).toBe(why);
  expect(
    second.customers.map((c: { currency: string | null; overdueCurrency: string | null }) => [c.currency, c.overdueCurrency]),
  ).toEqual([
    ["EUR", acme],
    [null, beta],
  ]);
  // What changed compares the portfolio's overdue amount where both months added it up.
  expect(second.changes.overdue?.then ?? null).toBe(total);
  const printed = (await runCli(november, "--as-of", "2026-12-31", "--out", path.join(dir(), "printed.xlsx"))).stdout;
  // The overdue amounts stand apart from the balances' currency: each marked with its invoices'.
  expect(printed).toContain(`${acme} 540,000.00`);
});

/** Whether a full-width bracket opens inside another one: the example rows of a reason sit after a comma or 如, never in brackets of their own. */
function bracketInBracket(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === "（" && ++depth > 1) return true;
    if (char === "）") depth = Math.max(0, depth - 1);
  }
  return false;
}

/** Every string a JSON value holds. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(stringsOf);
}

test("the Chinese reasons an amount in two currencies is not added up nest no bracket in another", async () => {
  const twoCurrencies = path.join(dir(), "two-currencies.xlsx");
  await buildWorkbook(twoCurrencies, "EUR 50,000");
  // A currency named by its sign alone, which Chinese names without a bracket of its own.
  const yen = path.join(dir(), "yen.xlsx");
  await buildWorkbook(yen, "¥50,000");
  const ledger = path.join(dir(), "ledger.xlsx");
  await buildLedgerWorkbook(ledger);
  // An overdue amount in euros beside a balance in dollars.
  const twoKinds = path.join(dir(), "two-kinds.xlsx");
  await writeWorkbook(twoKinds, {
    Customers: [
      [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance", "Overdue amount", "Days past due"],
      ["C01", "Dollar Buyer", 2, 2, 2, 2, 2, 200000, "USD 100,000", "EUR 5,000", 10],
      ["C02", "Other Dollar Buyer", 2, 2, 2, 2, 2, 200000, "USD 20,000", "EUR 1,000", 10],
    ],
  });
  // A customer's overdue invoices in dollars and euros.
  const twoLedgers = path.join(dir(), "two-ledgers.xlsx");
  await writeWorkbook(twoLedgers, {
    Customers: [
      [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance"],
      ["C01", "Two Currencies", 2, 2, 2, 2, 2, 100000, 50000],
    ],
    Invoices: [
      ["Customer ID", "Invoice", "Due date", "Amount", "Paid", "Currency"],
      ["C01", "INV-1", new Date("2026-06-01T00:00:00Z"), 30000, 0, "USD"],
      ["C01", "INV-2", new Date("2026-10-01T00:00:00Z"), 20000, 0, "EUR"],
    ],
  });
  // A month on, the trend's month before in two currencies.
  const month = path.join(dir(), "month.xlsx");
  const november = path.join(dir(), "november.xlsx");
  await buildLedgerMonth(month, "USD", "EUR");
  await runCli(month, "--as-of", "2026-11-30", "--out", november);

  const said: string[] = [];
  for (const [input, asOf] of [
    [twoCurrencies, "2026-11-30"],
    [yen, "2026-11-30"],
    [ledger, "2026-11-30"],
    [twoKinds, "2026-11-30"],
    [twoLedgers, "2026-11-30"],
    [november, "2026-12-31"],
  ]) {
    const args = [input, "--as-of", asOf, "--lang", "zh"];
    const printed = await runCli(...args, "--out", path.join(dir(), "printed.xlsx"));
    expect(printed.code).toBe(0);
    said.push(...printed.stdout.split("\n"));
    said.push(...stringsOf(JSON.parse((await runCli(...args, "--out", path.join(dir(), "json.xlsx"), "--json")).stdout)));
  }
  // Each kind of reason is said, so the check below reads them all.
  const reasons = [
    "没有汇率可将两者相加）",
    "没有汇率可将两者合并计算）",
    "没有汇率可将两者相加；逾期天数照常计算",
    "2026年11月30日的逾期金额：无（",
    "有的以标为 ¥ 的人民币或日元计",
  ];
  expect(reasons.filter((reason) => !said.some((text) => text.includes(reason)))).toEqual([]);
  expect(said.filter(bracketInBracket)).toEqual([]);
});

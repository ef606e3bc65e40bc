/**
 * The trend never adds amounts across currencies: an archive row records the currency its amounts
 * were in where its review's unit named none (rowUnit), so month 2 of a sheet whose balances were
 * in US dollars and euros does not show month 1's exposure as their sum, nor compares a customer's
 * overdue then in one currency with now in another; every face says why a figure is not given.
 * Each month is reviewed and archived as the command line and the pane do it (review-cycle).
 */
import { toJson, toTable } from "../../../src/cli/report";
import { CellValue } from "../../../src/engine/cells";
import { dateText, Lang, message } from "../../../src/engine/i18n";
import { ARCHIVE_FIELDS, readArchive } from "../../../src/engine/review/archive";
import { ReviewResult } from "../../../src/engine/review/review";
import { summaryLineRows } from "../../../src/engine/review/summary-sheet";
import { trendGapLines } from "../../../src/engine/review/trend";
import { parseUnit, rowUnit } from "../../../src/engine/review/units";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const HEADERS = ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"];
const NOV = serial("2026-11-30");
const DEC = serial("2026-12-31");

/** Acme's limit marks its row US dollars, Beta's balance euros; Gamma's plain figures name none. */
function sheet(betaBalance: CellValue, acmeLimit: CellValue = "USD 200,000") {
  return customerSheet(HEADERS, [
    { id: "C1", name: "Acme", extra: [acmeLimit, 100000, 20000, 95] },
    { id: "C2", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [100000, betaBalance, 10000, 95] },
    { id: "C3", name: "Gamma", extra: [100000, 30000, 0, 0] },
  ]);
}

/** Month 1 reviewed and archived, then month 2 reviewed over its workbook. */
function twoMonths(
  month1: CellValue[][],
  month2: CellValue[][],
  lang: Lang = "en",
): { first: ReviewResult; second: ReviewResult; archive: CycleWorkbook["archive"] } {
  const one = reviewWorkbook({ customers: month1 }, NOV, lang);
  const two = reviewWorkbook({ ...one.workbook, customers: month2 }, DEC, lang);
  return { first: one.result, second: two.result, archive: one.workbook.archive };
}

const UNIT_AT = ARCHIVE_FIELDS.indexOf("unit");

describe("a row's unit, as the archive records it", () => {
  test.each([
    ["no unit, a row in euros: the row's currency", undefined, "EUR", "EUR", 1],
    ["a scale naming no currency: the row's currency at that scale", "thousands", "EUR", "EUR thousands", 1_000],
    ["a Chinese scale: joined as a Chinese label is", "千", "USD", "USD 千", 1_000],
    ["a unit naming a currency: the unit's, whatever the row's marks", "万元", "EUR", "万元", 10_000],
    ["a bare sign, one of several dollars: no unit of its own", undefined, "dollar", undefined, undefined],
  ] as const)("%s", (_name, sheetUnit, currency, label, factor) => {
    const unit = rowUnit(sheetUnit === undefined ? undefined : parseUnit(sheetUnit), { balance: currency });
    expect(unit?.label).toBe(label);
    expect(unit?.factor).toBe(factor);
    // Read back as written.
    if (label !== undefined) expect(parseUnit(label)).toEqual(unit);
  });
});

describe("month 2 of a sheet whose balances are in US dollars and euros", () => {
  const { first, second, archive } = twoMonths(sheet("EUR 50,000"), sheet("EUR 50,000"));

  test("month 1's archive rows say what each customer's amounts were in", () => {
    expect(first.portfolio.twoCurrencies?.exposure).toBeDefined();
    const rows = readArchive(archive!)!.entries;
    expect(rows.map((e) => [e.name, e.line[UNIT_AT]])).toEqual([
      ["Acme", "USD"],
      ["Beta", "EUR"],
      ["Gamma", null],
    ]);
  });

  test("month 1 adds no amount up, as its summary did not, and says which currencies; its counts stand", () => {
    const [then, now] = second.trend;
    expect([then.exposure, then.exposureAtRisk, then.overdueAmount]).toEqual([undefined, undefined, undefined]);
    expect([then.customers, then.highGrade, then.customersWithWarnings]).toEqual([3, 1, 2]);
    expect(then.notAdded?.exposure).toEqual({
      kind: "twoCurrencies",
      amounts: {
        first: { amounts: "balances", currency: "USD", row: 2, customer: "Acme" },
        second: { amounts: "balances", currency: "EUR", row: 3, customer: "Beta" },
      },
    });
    expect(now.notAdded?.exposure?.kind).toBe("twoCurrencies");
  });

  test("the portfolio's overdue then and now is not compared, and each customer's overdue is, in its own currency both times", () => {
    expect(second.changes?.overdue).toBeUndefined();
    expect(second.changes?.units).toBeUndefined();
    const beta = second.changes!.customers.find((c) => c.id === "C2")!;
    expect([beta.previousOverdue, beta.units]).toEqual([10000, undefined]);
  });

  test.each(["en", "zh"] as const)("every face says why (%s)", (lang) => {
    const { second: result } = twoMonths(sheet("EUR 50,000"), sheet("EUR 50,000"), lang);
    const lines = trendGapLines(result.trend, result, lang);
    expect(lines).toEqual(
      lang === "en"
        ? [
            'Exposure, At risk on 2026-11-30: n/a (balances in USD, e.g. customer "Acme", and EUR, e.g. customer "Beta"; no rate is known to add them)',
            'Overdue amount on 2026-11-30: n/a (overdue amounts in USD, e.g. customer "Acme", and EUR, e.g. customer "Beta"; no rate is known to add them)',
            "Exposure, At risk on 2026-12-31: n/a (balances in USD, e.g. row 2, and EUR, e.g. row 3; no rate is known to add them)",
            "Overdue amount on 2026-12-31: n/a (overdue amounts in USD, e.g. row 2, and EUR, e.g. row 3; no rate is known to add them)",
          ]
        : [
            "2026年11月30日的风险敞口、风险客户敞口：无（余额有的以 USD 计，如客户“Acme”，有的以 EUR 计，如客户“Beta”；没有汇率可将两者相加）",
            "2026年11月30日的逾期金额：无（逾期金额有的以 USD 计，如客户“Acme”，有的以 EUR 计，如客户“Beta”；没有汇率可将两者相加）",
            "2026年12月31日的风险敞口、风险客户敞口：无（余额有的以 USD 计，如第 2 行，有的以 EUR 计，如第 3 行；没有汇率可将两者相加）",
            "2026年12月31日的逾期金额：无（逾期金额有的以 USD 计，如第 2 行，有的以 EUR 计，如第 3 行；没有汇率可将两者相加）",
          ],
    );
    // The printed report: n/a in the cells, the lines under the table.
    const printed = toTable(result, lang, "out.xlsx").split("\n");
    const table = printed.indexOf(message(lang, "trend.title"));
    const row = printed.slice(table).find((l) => l.startsWith(dateText(NOV, lang)))!;
    expect(
      row
        .trim()
        .split(/\s{2,}/)
        .slice(1, 4),
    ).toEqual(new Array(3).fill(lang === "en" ? "n/a" : "无"));
    const at = printed.indexOf(row);
    expect(printed.slice(at + 2, at + 6)).toEqual(lines);
    // The summary sheet: blank cells (its chart leaves a gap, never plots a sum), the lines under the tables.
    const summary = buildWritePlan(result, lang, { sheetNames: [] }).sheets[0];
    const texts = summary.blocks.flatMap((b) => b.values.flat());
    // Each line on the rows it wraps to.
    for (const line of lines) expect(texts).toEqual(expect.arrayContaining(summaryLineRows(line)));
    // The JSON: null figures, and why.
    const json = toJson(result, lang).trend[0];
    expect(json.exposure).toBeNull();
    expect(json.amountsNotAdded?.exposure).toMatchObject({
      kind: "twoCurrencies",
      text: lines[0].slice(lines[0].indexOf(lang === "en" ? "n/a" : "无（")),
    });
  });
});

describe("month 2 after the sheet settles on one currency", () => {
  test("Beta's balance now in US dollars: month 1 still adds none up, this month does; Beta's overdue then in euros is not compared", () => {
    const { second } = twoMonths(sheet("EUR 50,000"), sheet("USD 50,000"));
    const [then, now] = second.trend;
    expect(then.exposure).toBeUndefined();
    expect(now.exposure).toBe(180_000);
    expect(second.changes?.overdue).toBeUndefined();
    const beta = second.changes!.customers.find((c) => c.id === "C2")!;
    expect([beta.previousOverdue, beta.units]).toEqual([undefined, { from: "EUR", to: "USD", compared: false }]);
    // Acme, in US dollars both times, is compared.
    expect(second.changes!.customers.find((c) => c.id === "C1")!.previousOverdue).toBe(20000);
  });

  test("every amount in euros last month and in US dollars now: last month's are not set beside this month's", () => {
    const { second } = twoMonths(sheet("EUR 50,000", "EUR 200,000"), sheet("USD 50,000"));
    const [then, now] = second.trend;
    expect(then.exposure).toBeUndefined();
    expect(then.notAdded?.exposure).toEqual({
      kind: "otherCurrency",
      amounts: { amounts: "balances", currency: "EUR", row: 2, customer: "Acme" },
      trendCurrency: "USD",
    });
    expect(now.exposure).toBe(180_000);
    expect(second.changes?.overdue).toBeUndefined();
    expect(trendGapLines(second.trend, second, "en")[0]).toBe(
      'Exposure, At risk, Overdue amount on 2026-11-30: n/a (in EUR, e.g. customer "Acme", and this review\'s amounts in USD; no rate is known to convert them)',
    );
    // In Chinese the reason is one bracket, its example after a comma, not a bracket inside it.
    expect(trendGapLines(second.trend, second, "zh")[0]).toBe(
      "2026年11月30日的风险敞口、风险客户敞口、逾期金额：无（以 EUR 计，如客户“Acme”；本次审查金额以 USD 计，没有汇率可换算）",
    );
  });

  test("a sheet whose figures name no currency either month: nothing to say, the amounts added as before", () => {
    const plain = sheet(50000, 200000);
    const { second } = twoMonths(plain, plain);
    expect(second.trend.map((p) => [p.exposure, p.notAdded])).toEqual([
      [180_000, undefined],
      [180_000, undefined],
    ]);
    expect(second.changes?.overdue).toEqual({ then: 30000, now: 30000 });
    expect(trendGapLines(second.trend, second, "en")).toEqual([]);
  });

  test("a column no review had: one line for the earlier reviews, not one a month", () => {
    const noOverdue = customerSheet(["Credit limit", "Outstanding balance"], [{ id: "C1", extra: [100000, 50000] }]);
    let workbook: CycleWorkbook = { customers: noOverdue };
    let result: ReviewResult | undefined;
    for (const asOf of ["2026-10-31", "2026-11-30", "2026-12-31"])
      ({ result, workbook } = reviewWorkbook(workbook, serial(asOf)));
    expect(trendGapLines(result!.trend, result!, "en")).toEqual([
      "Overdue amount on 2026-10-31, 2026-11-30: not in the archive",
      "Overdue amount on 2026-12-31: n/a (no overdue data)",
    ]);
  });
});

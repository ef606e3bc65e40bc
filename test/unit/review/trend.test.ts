/**
 * The portfolio over time: each earlier review's headline figures read back from the archive
 * (by the summary's own definitions, so they equal what that review's summary showed), this
 * review's last; the summary's block of the last twelve and the JSON's `trend`.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { CellValue, isoFromSerial } from "../../../src/engine/cells";
import { dateText, Lang, message } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { readArchive } from "../../../src/engine/review/archive";
import { ReviewResult, runReview } from "../../../src/engine/review/review";
import { portfolioTrend, SHOWN_REVIEWS, TrendPoint } from "../../../src/engine/review/trend";
import { buildWritePlan, SheetPlan } from "../../../src/engine/review/write-plan";
import { CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const WITH_OVERDUE = ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"];
const WITHOUT_OVERDUE = ["Credit limit", "Outstanding balance"];

/** The figures the summary's headline shows, as a trend point of its date. */
function headline(r: ReviewResult): TrendPoint {
  const p = r.portfolio;
  return {
    date: r.asOf,
    customers: p.reviewed,
    exposure: p.exposure,
    highGrade: p.byGrade.high,
    exposureAtRisk: p.exposureAtRisk,
    overdueAmount: p.overdueAmount,
    customersWithWarnings: p.customersWithWarnings,
  };
}

const SEP = serial("2026-09-30");
const OCT = serial("2026-10-31");
const NOV = serial("2026-11-30");
/** September's exposure, added as summarise adds it: the graded customers' balances, then the others'. */
const SEP_EXPOSURE = 1_234.56 + 0.2 + 5_000;
/** September's review as the JSON's trend gives it: no overdue data then, so its overdue amount is unknown (null), not 0. */
const SEPTEMBER_JSON = {
  date: "2026-09-30",
  customers: 2,
  exposure: SEP_EXPOSURE,
  highGrade: 1,
  exposureAtRisk: 0.2,
  overdueAmount: null,
  customersWithWarnings: 0,
  amountsNotAdded: null,
};

/**
 * September without any overdue data (no such column); October and November with it. Beta is in
 * September and October only, Delta in October and November; Gamma's factors are unreadable until
 * November (not graded, its balance still owed). Gamma stands between two graded customers and the
 * balances have cents: added in row order, September's exposure would come out a cent's fraction
 * off the summary's, which adds the graded customers' balances first.
 */
const september = customerSheet(WITHOUT_OVERDUE, [
  { id: "A", name: "Alpha", factors: [1, 1, 1, 1, 1], extra: [100_000, 1_234.56] },
  { id: "G", name: "Gamma", factors: [1, "bad", 1, 1, 1], extra: [20_000, 5_000] },
  { id: "B", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [50_000, 0.2] },
]);
const october = customerSheet(WITH_OVERDUE, [
  // Over its limit: a warning, so at risk though graded Low.
  { id: "A", name: "Alpha", factors: [1, 1, 1, 1, 1], extra: [100_000, 140_000, 0, 0] },
  { id: "G", name: "Gamma", factors: [1, "bad", 1, 1, 1], extra: [20_000, 5_000, 1_000, 10] },
  { id: "B", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [50_000, 30_000, 7_000, 20] },
  // Days past due without an amount: overdue, so at risk without a warning or a High grade.
  { id: "D", name: "Delta", factors: [2, 2, 2, 2, 2], extra: [80_000, 25_000, null, 15] },
]);
const november = customerSheet(WITH_OVERDUE, [
  { id: "A", name: "Alpha", factors: [1, 1, 1, 1, 1], extra: [100_000, 60_000, 0, 0] },
  { id: "G", name: "Gamma", factors: [1, 1, 1, 1, 1], extra: [20_000, 5_000, 0, 0] },
  // Overdue: at risk.
  { id: "D", name: "Delta", factors: [2, 2, 2, 2, 2], extra: [80_000, 25_000, 2_500, 15] },
]);

function cycle(langs: readonly Lang[]) {
  let workbook: CycleWorkbook = { customers: september };
  const results: ReviewResult[] = [];
  [september, october, november].forEach((customers, i) => {
    let result: ReviewResult;
    ({ result, workbook } = reviewWorkbook({ ...workbook, customers }, [SEP, OCT, NOV][i], langs[i]));
    results.push(result);
  });
  return { results, archive: workbook.archive! };
}

describe.each([
  ["English", ["en", "en", "en"]],
  ["an archive in Chinese read by an English review", ["zh", "zh", "en"]],
  ["an archive in English read by a Chinese review", ["en", "en", "zh"]],
] as [string, Lang[]][])("a three-month cycle, %s", (_name, langs) => {
  const { results } = cycle(langs);
  const [sep, oct, nov] = results;

  test("each earlier review's figures read back from the archive are the ones its summary showed", () => {
    expect(nov.trend).toEqual([headline(sep), headline(oct), headline(nov)]);
    expect(oct.trend).toEqual([headline(sep), headline(oct)]);
    expect(sep.trend).toEqual([headline(sep)]);
  });

  test("the figures, worked out by hand", () => {
    expect(nov.trend).toEqual([
      // Alpha and Beta graded (Beta High, so at risk); Gamma's balance counts in the exposure only; no overdue data.
      {
        date: SEP,
        customers: 2,
        exposure: SEP_EXPOSURE,
        highGrade: 1,
        exposureAtRisk: 0.2,
        overdueAmount: undefined,
        customersWithWarnings: 0,
      },
      // Alpha over its limit, Beta High, Delta days past due: at risk. Gamma, not graded, is overdue
      // without a warning: at risk all the same, its grade no matter.
      {
        date: OCT,
        customers: 3,
        exposure: 200_000,
        highGrade: 1,
        exposureAtRisk: 200_000,
        overdueAmount: 8_000,
        customersWithWarnings: 1,
      },
      // Beta gone, Delta overdue, Gamma graded now.
      {
        date: NOV,
        customers: 3,
        exposure: 90_000,
        highGrade: 0,
        exposureAtRisk: 25_000,
        overdueAmount: 2_500,
        customersWithWarnings: 0,
      },
    ]);
  });
});

describe("which archived reviews are in the trend", () => {
  const { archive, results } = cycle(["en", "en", "en"]);
  const contents = readArchive(archive);
  const now = results[2].portfolio;

  test("a re-run of a date leaves that date's archived rows out (this review stands for it), and a later review too", () => {
    const trend = portfolioTrend(contents, OCT, now);
    expect(trend.map((p) => isoFromSerial(p.date))).toEqual(["2026-09-30", "2026-10-31"]);
    expect(trend[1].exposure).toBe(now.exposure);
  });

  test("without an archive: this review alone", () => {
    expect(portfolioTrend(undefined, NOV, now)).toHaveLength(1);
  });

  test("an archive lacking a figure's columns leaves that figure unknown for its reviews, never 0", () => {
    const minimal: CellValue[][] = [
      ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
      [SEP, "default-1", "A", "Alpha", 1, "Low"],
      [SEP, "default-1", "B", "Beta", 4, "High"],
      [SEP, "default-1", "G", "Gamma", null, null],
    ];
    expect(portfolioTrend(readArchive(minimal), NOV, now)[0]).toEqual({
      date: SEP,
      customers: 2,
      exposure: undefined,
      highGrade: 1,
      exposureAtRisk: undefined,
      overdueAmount: undefined,
      customersWithWarnings: undefined,
    });
  });

  test("amounts an archive edited by hand sums past the largest number are unknown, never Infinity", () => {
    const huge: CellValue[][] = [
      [
        "Review date",
        "Policy version",
        "Customer ID",
        "Customer",
        "Risk score",
        "Risk grade",
        "Outstanding balance",
        "Overdue amount",
      ],
      [SEP, "default-1", "A", "Alpha", 4, "High", 1e308, 1e308],
      [SEP, "default-1", "B", "Beta", 4, "High", 1e308, 1e308],
    ];
    const [september] = portfolioTrend(readArchive(huge), NOV, now);
    expect([september.customers, september.exposure, september.overdueAmount]).toEqual([2, undefined, undefined]);
  });
});

describe("an earlier review's figures as that review's summary gave them", () => {
  // Eta cannot be graded and is over its limit and 120 days late: warnings and actions that need no grade.
  const october = customerSheet(WITH_OVERDUE, [
    { id: "A", name: "Alpha", factors: [1, 1, 1, 1, 1], extra: [100_000, 40_000, 0, 0] },
    { id: "E", name: "Eta", factors: [2, null, 2, 2, 2], extra: [10_000, 30_000, 30_000, 120] },
    { id: "G", name: "Gamma", factors: [1, "bad", 1, 1, 1], extra: [20_000, 5_000, 1_000, 10] },
    { id: "N", name: "Nu", factors: [2, 2, 2, 2, 2], extra: [80_000, 20_000, 2_000, 15] },
    // Named twice, both rows warned: one customer carrying a warning.
    { id: "T", name: "Tau", extra: [1_000, 3_000, 0, 0] },
    { id: "T", name: "Tau", extra: [1_000, 4_000, 0, 0] },
  ]);
  const first = reviewWorkbook({ customers: october }, OCT);
  const then = first.result.portfolio;
  const later = (archive: CellValue[][]) =>
    reviewWorkbook({ ...first.workbook, archive, customers: october }, NOV).result.trend[0];

  test("the review of its month counted Eta, Nu, Tau and Gamma at risk (late, not graded, no warning: at risk all the same)", () => {
    expect([then.exposureAtRisk, then.customersAtRisk, then.customersWithWarnings]).toEqual([62_000, 4, 2]);
  });

  test("read back from its archive rows: the same figures", () => {
    expect(later(first.workbook.archive!)).toEqual({ ...headline(first.result), date: OCT });
  });

  test("rows an earlier version wrote, with no warning or action for a customer it could not grade: at risk when overdue, by the rule every review is read with", () => {
    const header = first.workbook.archive![0];
    const [warnings, actions] = [header.indexOf("Warning codes"), header.indexOf("Action codes")];
    const before = first.workbook.archive!.map((line) => {
      if (line[2] !== "E") return line;
      const row = [...line];
      row[warnings] = null;
      row[actions] = null;
      return row;
    });
    // Eta's 30,000 is 120 days overdue: at risk without its warnings, beside Gamma's, Nu's and Tau's; one customer warned (Tau).
    expect(later(before)).toMatchObject({ exposureAtRisk: 62_000, overdueAmount: 33_000, customersWithWarnings: 1 });
  });
});

/** Each written row of a plan's blocks from `row` on, as its cells. */
function rowsFrom(summary: SheetPlan, row: number): { values: unknown[]; formats: string[] }[] {
  return summary.blocks
    .filter((b) => b.row >= row)
    .sort((a, b) => a.row - b.row)
    .flatMap((b) => b.values.map((values) => ({ values: [...values], formats: [...b.formats] })));
}

describe.each(["en", "zh"] as const)("more than twelve monthly reviews (%s)", (lang) => {
  // Fourteen month-ends, Alpha's balance growing by 1,000 a month.
  const dates = Array.from(
    { length: 14 },
    (_, i) => serial(`${2025 + Math.floor((i + 1) / 12)}-${String(((i + 1) % 12) + 1).padStart(2, "0")}-01`) - 1,
  );
  let workbook: CycleWorkbook = { customers: [] };
  let last!: ReviewResult;
  dates.forEach((asOf, i) => {
    const customers = customerSheet(WITH_OVERDUE, [
      { id: "A", name: "Alpha", factors: [1, 1, 1, 1, 1], extra: [100_000, 10_000 + 1_000 * i, 0, 0] },
    ]);
    ({ result: last, workbook } = reviewWorkbook({ ...workbook, customers }, asOf, lang));
  });
  const summary = buildWritePlan(last, lang, { sheetNames: [] }).sheets[0];
  const t = (key: Parameters<typeof message>[1]) => message(lang, key);
  const titleBlock = summary.blocks.find((b) => b.values[0]?.[0] === t("trend.title"))!;

  test("the engine keeps every review, oldest first, this one last", () => {
    expect(last.trend.map((p) => p.date)).toEqual(dates);
    expect(last.trend.map((p) => p.exposure)).toEqual(dates.map((_, i) => 10_000 + 1_000 * i));
  });

  test("the summary shows the last twelve below both halves, dates, amounts and counts in their formats", () => {
    expect(titleBlock.column).toBe(0);
    expect(titleBlock.bold).toBe(true);
    // Below every other block.
    const above = summary.blocks.filter((b) => b !== titleBlock && b.row < titleBlock.row);
    expect(Math.max(...above.map((b) => b.row + b.values.length))).toBeLessThan(titleBlock.row);
    const all = rowsFrom(summary, titleBlock.row + 1);
    // A header wider than the figures under it stands on two rows (English words), so it does not
    // widen a column the tables above share; each column's header read down its rows.
    const head = all.slice(0, all.length - SHOWN_REVIEWS);
    const rows = all.slice(head.length);
    expect(head).toHaveLength(lang === "en" ? 2 : 1);
    const headers = head[0].values.map((_, c) =>
      head
        .map((h) => h.values[c])
        .filter((v) => v !== null)
        .join(" "),
    );
    expect(headers).toEqual([
      lang === "en" ? "Review date" : "审查日期",
      t("summary.gradeExposure"),
      t("trend.atRisk"),
      // What the column holds, the amount, not a count of customers overdue.
      lang === "en" ? "Overdue amount" : "逾期金额",
      // The customers reviewed, as the headline figure counts them; not the grade table's count, which adds those not graded.
      lang === "en" ? "Customers graded" : "已评级客户数",
      t("trend.highGrade"),
      t("trend.withWarnings"),
    ]);
    expect(rows).toHaveLength(SHOWN_REVIEWS);
    expect(rows[0].formats).toEqual(["date", "money", "money", "money", "integer", "integer", "integer"]);
    expect(rows.map((r) => r.values[0])).toEqual(dates.slice(-12));
    expect(rows[0].values).toEqual([dates[2], 12_000, 0, 0, 1, 0, 0]);
    expect(rows[11].values).toEqual([dates[13], 23_000, 0, 0, 1, 0, 0]);
  });

  test("the printed report lists the same twelve, and the JSON every review", () => {
    const lines = toTable(last, lang, "out.xlsx").split("\n");
    const at = lines.indexOf(t("trend.title"));
    expect(at).toBeGreaterThan(0);
    // Each date as the language's date cells show it: 2025-03-31, 2025年3月31日.
    expect(lines.slice(at + 2, at + 14).map((l) => l.split(/\s+/)[0])).toEqual(dates.slice(-12).map((d) => dateText(d, lang)));
    expect(lines[at + 13]).toMatch(/23,000\.00/);
    const json = toJson(last, lang).trend;
    expect(json).toHaveLength(14);
    expect(json[13]).toEqual({
      date: isoFromSerial(dates[13]),
      customers: 1,
      exposure: 23_000,
      highGrade: 0,
      exposureAtRisk: 0,
      overdueAmount: 0,
      customersWithWarnings: 0,
      amountsNotAdded: null,
    });
  });
});

describe("the summary and the JSON of a cycle with a month without overdue data", () => {
  const { results } = cycle(["en", "en", "en"]);
  const nov = results[2];

  test("that month's overdue amount is blank on the summary and null in the JSON, never 0", () => {
    const summary = buildWritePlan(nov, "en", { sheetNames: [] }).sheets[0];
    const title = summary.blocks.find((b) => b.values[0]?.[0] === "Portfolio over time")!;
    // This summary prints as the report: the amounts, then the counts, each under the figures' four columns.
    const rows = rowsFrom(summary, title.row + 2);
    expect(rows.map((r) => r.values)).toEqual([
      [SEP, SEP_EXPOSURE, 0.2, null],
      [OCT, 200_000, 200_000, 8_000],
      [NOV, 90_000, 25_000, 2_500],
      ["Review", "Customers", "High", "With"],
      ["date", "graded", "grade", "warnings"],
      [SEP, 2, 1, 0],
      [OCT, 3, 1, 1],
      [NOV, 3, 0, 0],
      // The blank said, under the tables.
      ["Overdue amount on 2026-09-30: not in the archive"],
    ]);
    expect(toJson(nov, "en").trend[0]).toEqual(SEPTEMBER_JSON);
    // The printed report: "n/a" in its cell, and the same line under the table.
    const lines = toTable(nov, "en", "out.xlsx").split("\n");
    const september = lines.find((l) => l.startsWith(dateText(SEP, "en")))!;
    expect(september.trim().split(/\s{2,}/)).toEqual(["2026-09-30", "6,234.76", "0.20", "n/a", "2", "1", "0"]);
    expect(lines[lines.indexOf(september) + 3]).toBe("Overdue amount on 2026-09-30: not in the archive");
  });

  test("in the report the trend stands under the figures' four columns, its chart over the text column, a column clear of the last figures", () => {
    const summary = buildWritePlan(nov, "en", { sheetNames: [] }).sheets[0];
    const title = summary.blocks.find((b) => b.values[0]?.[0] === "Portfolio over time")!;
    const trendBlocks = summary.blocks.filter((b) => b.row >= title.row);
    // Clear of the customers' grade and wide text columns (E, F), where a count would stand far right.
    expect(Math.max(...trendBlocks.map((b) => b.column + b.values[0].length))).toBe(4);
    const gradeChart = summary.charts!.find((c) => c.kind === "column")!;
    const trendChart = summary.charts!.find((c) => c.kind === "line")!;
    // As tall as the others; the grade column (E) left between its frame and the last figures (D).
    expect(trendChart.place).toEqual({ ...gradeChart.place, row: title.row + 1, column: 5, columns: 1 });
    expect(trendChart.categories).toEqual({ row: title.row + 3, column: 0, rows: 3, columns: 1 });
    expect(trendChart.values).toEqual({ row: title.row + 3, column: 2, rows: 3, columns: 1 });
  });

  test("a first review has no such section, and the JSON's trend is this review alone", () => {
    const first = results[0];
    const summary = buildWritePlan(first, "en", { sheetNames: [] }).sheets[0];
    expect(summary.blocks.some((b) => b.values[0]?.[0] === "Portfolio over time")).toBe(false);
    expect(toTable(first, "en", "out.xlsx")).not.toContain("Portfolio over time");
    expect(toJson(first, "en").trend).toEqual([SEPTEMBER_JSON]);
  });

  test("a review run without the archive sheet: no section either", () => {
    const alone = runReview({ sheetName: "Customers", values: november, asOf: NOV, policy: DEFAULT_POLICY });
    expect(alone.trend).toHaveLength(1);
  });
});

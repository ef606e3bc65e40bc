/**
 * The review's texts: the overdue warning's title names the day count the policy sets, in
 * every place a title is shown (the warnings column, the summary sheet, a finding's title).
 */
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import fc from "fast-check";
import type { FigureFormat, Finding } from "../../../src/engine/review/warnings";
import { numberFormat, settingPercentFormat } from "../../../src/engine/review/formats";
import { renderedText } from "../../../src/engine/review/sheet-layout";
import {
  amountWithShare,
  asOfFarText,
  explainFinding,
  findingTitle,
  findingWithFigure,
  formatFigure,
  formatSetting,
  formatShare,
  itemsText,
  tableClashMessage,
  listText,
  portfolioWarningList,
  reasonDetail,
  rowNumbersText,
  rememberedFigures,
  warningList,
  warningChangeText,
  warningTitle,
} from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-03-15");

describe("a percentage reads as its cell shows it, a threshold as the policy holds it", () => {
  test.each(["en", "zh"] as const)("%s: one decimal always, grouped, as the sheet's #,##0.0%% cells", (lang) => {
    expect(numberFormat("percent", lang)).toBe("#,##0.0%");
    expect([0.2, 0.328, 1.5, 13.8, 0].map((v) => formatShare(v, lang))).toEqual(["20.0%", "32.8%", "150.0%", "1,380.0%", "0.0%"]);
    // A sentence writes a customer's figure as a table does: never 92% beside 75.4%.
    expect([0.92, 0.754].map((v) => formatFigure(v, "percent", lang))).toEqual(["92.0%", "75.4%"]);
    expect(amountWithShare(963_000, 4_018_000, lang)).toBe(lang === "en" ? "963,000.00 (24.0%)" : "963,000.00（24.0%）");
    // The width a column is fitted to is the text its cell shows.
    expect(renderedText(13.8, "percent", lang)).toBe("1,380.0%");
  });

  test.each(["en", "zh"] as const)(
    "%s: a threshold in a sentence, and its cell on the policy sheets, as the policy holds it",
    (lang) => {
      expect([0.1, 0.75, 0.705, 0.7125].map((v) => formatSetting(v, lang))).toEqual(["10%", "75%", "70.5%", "71.25%"]);
      const cells = [0.75, 0.705, 0.7125].map((v) => settingPercentFormat(v));
      expect(cells).toEqual(["percent0", "percent", "percent2"]);
      expect(cells.map((f) => numberFormat(f, lang))).toEqual(["#,##0%", "#,##0.0%", "#,##0.00%"]);
      expect(renderedText(0.7125, "percent2", lang)).toBe("71.25%");
      expect(explainFinding({ code: "LEVERAGE", value: 0.92, threshold: 0.75, format: "percent" }, {}, lang, NO_MARKS)).toBe(
        lang === "en" ? "Debt ratio 92.0% is above 75%." : "资产负债率 92.0% 高于 75%。",
      );
    },
  );
});

describe("the overdue warning's title names the configured day count", () => {
  test.each([
    ["en", 90, "Overdue over 90 days"],
    ["en", 60, "Overdue over 60 days"],
    ["zh", 90, "逾期超过 90 天"],
    ["zh", 45, "逾期超过 45 天"],
  ] as const)("%s, %i days: %s", (lang, overdueDays, title) => {
    expect(warningTitle("OVERDUE_90", lang, { overdueDays })).toBe(title);
    expect(findingTitle({ code: "OVERDUE_90", value: overdueDays + 1, threshold: overdueDays, format: "days" }, lang)).toBe(
      title,
    );
  });

  test("other titles do not change with it", () => {
    expect(warningTitle("OVER_LIMIT", "en", { overdueDays: 60 })).toBe(warningTitle("OVER_LIMIT", "en", DEFAULT_POLICY));
    expect(warningTitle("OVER_LIMIT", "en", DEFAULT_POLICY)).toBe("Over credit limit");
  });

  test("a 60-day policy's review writes the 60-day title in the warnings column and the summary", () => {
    const policy = completePolicy({ overdueDays: 60 });
    const values = customerSheet(
      ["Credit limit", "Outstanding balance", "Days past due"],
      [
        { id: "C001", extra: [1000, 2000, 75] },
        { id: "C002", extra: [1000, 500, 10] },
      ],
    );
    const result = runReview({ sheetName: "Customers", values, asOf, policy }, "en");
    expect(result.customers.map((c) => warningList(c.findings, "en"))).toEqual(["Over credit limit; Overdue over 60 days", ""]);
    const plan = buildWritePlan(result, "en", { sheetNames: [] });
    const header = plan.target.blocks[0].values[0];
    const warnings = plan.target.blocks[0].values.map((line) => line[header.indexOf("Warnings")]);
    expect(warnings).toEqual(["Warnings", "Over credit limit; Overdue over 60 days", null]);
    const summary = plan.sheets[0].blocks.flatMap((b) => b.values.map((line) => line[0]));
    expect(summary).toContain("Overdue over 60 days");
    expect(summary).not.toContain("Overdue over 90 days");
  });
});

describe("figures written once per plan read as each written afresh", () => {
  test("zero and minus zero stay apart", () => {
    const figure = rememberedFigures("en");
    expect(figure(0, "ratio")).toBe("0.00");
    expect(figure(-0, "ratio")).toBe(formatFigure(-0, "ratio", "en"));
    expect(figure(-0, "ratio")).not.toBe("0.00");
  });

  test("property: the same text as formatFigure, a figure asked again in another format included", () => {
    const formats: FigureFormat[] = ["score", "money", "days", "ratio", "percent", "date", "z"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(0, -0, 1.005, 2.5, 46000), fc.double()), fc.constantFrom(...formats))),
        fc.constantFrom("en" as const, "zh" as const),
        (figures, lang) => {
          const figure = rememberedFigures(lang);
          for (const [value, format] of [...figures, ...figures]) {
            if (format === "date" && !(value >= 0 && value < 2958466)) continue;
            expect(figure(value, format)).toBe(formatFigure(value, format, lang));
          }
        },
      ),
    );
  });

  test("a finding explained with them reads as without", () => {
    const finding = { code: "LIQUIDITY", value: 0.8249, threshold: 1, format: "ratio" } as const;
    const figure = rememberedFigures("zh");
    expect(explainFinding(finding, {}, "zh", NO_MARKS, figure)).toBe(explainFinding(finding, {}, "zh", NO_MARKS));
    expect(explainFinding(finding, {}, "zh", NO_MARKS, figure)).toContain("0.82");
  });
});

describe("a figure that fired never reads as its own threshold", () => {
  test.each([
    ["LEVERAGE", 0.70001, 0.7, "percent", "en", "Debt ratio 70.001% is above 70.000%."],
    ["LIQUIDITY", 0.99995, 1, "ratio", "zh", "流动比率 0.99995 低于 1.00000。"],
    ["COVERAGE", 50 / 33.34, 1.5, "ratio", "en", "Interest coverage 1.4997 is below 1.5000."],
    ["LEVERAGE", 0.75, 0.7, "percent", "en", "Debt ratio 75.0% is above 70%."],
  ] as const)("%s %d against %d", (code, value, threshold, format, lang, text) => {
    expect(explainFinding({ code, value, threshold, format }, {}, lang, NO_MARKS)).toBe(text);
  });

  test("the portfolio's line too", () => {
    expect(portfolioWarningList([{ code: "OVERDUE_SHARE", value: 0.1004, threshold: 0.1, format: "percent" }], "en")).toBe(
      "Many customers overdue (10.04% > 10.00%)",
    );
  });

  test("property: for any percent or ratio figure apart from its threshold by 1e-4 of it or more, the two texts differ", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.01, noNaN: true }),
        fc.constantFrom<FigureFormat>("percent", "ratio"),
        (threshold, gap, format) => {
          const text = explainFinding({ code: "LEVERAGE", value: threshold * (1 + gap), threshold, format }, {}, "en", NO_MARKS);
          const [value, limit] = text.match(/[\d.,]+%?/g)!;
          expect(value).not.toBe(limit);
        },
      ),
    );
  });
});

describe("a score just under a band's edge reads as under it", () => {
  const subject = (score: number) => ({ score, findings: [], overdueAmount: 0, daysPastDue: 0 }) as never;
  test.each([
    [3.497, "GRADE_MEDIUM", "Risk score 3.497 is in the medium-risk band (from 2.500)."],
    [3.4, "GRADE_MEDIUM", "Risk score 3.40 is in the medium-risk band (from 2.50)."],
    [3.5, "GRADE_HIGH", "Risk score 3.50 is in the high-risk band (from 3.50)."],
    [2.4999, "GRADE_LOW", "Risk score 2.4999 is low risk; the policy gives no limit raise."],
  ] as const)("%d (%s)", (score, reason, text) => {
    expect(reasonDetail(reason, subject(score), "en", DEFAULT_POLICY, NO_MARKS)).toBe(text);
  });
});

test.each<[string, Finding, "en" | "zh", string]>([
  ["above", { code: "LEVERAGE", value: 0.726, threshold: 0.7, format: "percent" }, "en", "High leverage (72.6% > 70%)"],
  ["below", { code: "LIQUIDITY", value: 0.74, threshold: 1, format: "ratio" }, "en", "Low liquidity (0.74 < 1.00)"],
  ["below, in Chinese", { code: "COVERAGE", value: 0.1, threshold: 1.5, format: "ratio" }, "zh", "利息保障不足（0.10 < 1.50）"],
  [
    "the policy's day count in its title, each figure in days",
    { code: "OVERDUE_90", value: 138, threshold: 60, format: "days" },
    "en",
    "Overdue over 60 days (138 days > 60 days)",
  ],
  [
    "in days, in Chinese",
    { code: "OVERDUE_90", value: 107, threshold: 90, format: "days" },
    "zh",
    "逾期超过 90 天（107 天 > 90 天）",
  ],
  [
    "a threshold of one day",
    { code: "OVERDUE_90", value: 2, threshold: 1, format: "days" },
    "en",
    "Overdue over 1 day (2 days > 1 day)",
  ],
  [
    "an amount as money, beside the credit limit",
    { code: "OVER_LIMIT", value: 276000, threshold: 20000, format: "money" },
    "en",
    "Over credit limit (276,000.00 > 20,000.00)",
  ],
  [
    "a rise, signed",
    { code: "SCORE_RISE", value: 1.95, threshold: 1, format: "score", from: 1.2, to: 3.15 },
    "en",
    "Score rose (+1.95 points > 1.00 points)",
  ],
  [
    "a rise, signed, in points, in Chinese",
    { code: "SCORE_RISE", value: 1.95, threshold: 1, format: "score", from: 1.2, to: 3.15 },
    "zh",
    "评分上升（+1.95 分 > 1.00 分）",
  ],
  [
    "news on or after the look-back's first day",
    { code: "NEGATIVE_NEWS", value: serial("2026-11-16"), threshold: serial("2026-10-30"), format: "date" },
    "en",
    "Negative news (2026-11-16, on or after 2026-10-30)",
  ],
  [
    "news on or after the look-back's first day, in Chinese",
    { code: "NEGATIVE_NEWS", value: serial("2026-11-16"), threshold: serial("2026-10-30"), format: "date" },
    "zh",
    "负面新闻（2026年11月16日，不早于 2026年10月30日）",
  ],
])("a warning with its figure against its threshold, the side it fired on between: %s", (_, finding, lang, text) => {
  expect(findingWithFigure(finding, {}, lang, NO_MARKS)).toBe(text);
});

describe("row numbers in a line", () => {
  test.each<[string, number[], string, string]>([
    ["one row", [12], "12", "第 12 行"],
    ["two rows apart, and two in a row: no run under three", [6, 7, 9], "6, 7, 9", "第 6、7、9 行"],
    ["a run of three or more as one item, in order whatever order they came in", [9, 7, 8, 20, 6], "6–9, 20", "第 6–9、20 行"],
    [
      "a whole sheet sorted: one run however many rows",
      Array.from({ length: 100_000 }, (_, i) => 4 + i),
      "4–100003",
      "第 4–100003 行",
    ],
    [
      "past eight items, how many rows more",
      [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 21, 22, 23],
      "2, 4, 6, 8, 10, 12, 14, 16 and 5 more",
      "第 2、4、6、8、10、12、14、16 行，另有 5 行",
    ],
  ])("%s", (_name, rows, en, zh) => {
    expect(rowNumbersText(rows, "en")).toBe(en);
    expect(rowNumbersText(rows, "zh")).toBe(zh);
  });
});

test('a list in a sentence ends with "and" in English, with 、 throughout in Chinese', () => {
  expect(listText([], "en")).toBe("");
  expect(listText(["utilisation"], "en")).toBe("utilisation");
  expect(listText(["Z-score", "Z-score in distress zone check"], "en")).toBe("Z-score and Z-score in distress zone check");
  expect(listText(["a", "b", "c"], "en")).toBe("a, b and c");
  expect(listText(["甲", "乙", "丙"], "zh")).toBe("甲、乙、丙");
});

describe("items on one line", () => {
  test('titles are a list; after a sentence the next item starts a sentence, never ".;"', () => {
    expect(itemsText(["Over credit limit", "Low liquidity"], "en")).toBe("Over credit limit; Low liquidity");
    expect(
      itemsText(["Fabrikam: Debt ratio 72.6% is above 70%.", "eBay: Current ratio 0.74 is below 1.00.", "And 3 more."], "en"),
    ).toBe("Fabrikam: Debt ratio 72.6% is above 70%. eBay: Current ratio 0.74 is below 1.00. And 3 more.");
    expect(itemsText(["甲：资产负债率 72.6% 高于 70%。", "乙：超出信用额度"], "zh")).toBe(
      "甲：资产负债率 72.6% 高于 70%。乙：超出信用额度",
    );
    expect(itemsText(["甲", "乙"], "zh")).toBe("甲；乙");
  });

  test("a count of new warnings with the customers who got them, each explained", () => {
    const text = warningChangeText(
      {
        count: 2,
        customers: [
          "Fabrikam: 45.0% of customers have an overdue payment (more than 10% triggers a warning).",
          "Litware: Over credit limit",
        ],
      },
      "en",
    );
    expect(text).toBe(
      "2 (Fabrikam: 45.0% of customers have an overdue payment (more than 10% triggers a warning). Litware: Over credit limit)",
    );
    expect(text).not.toContain(".;");
  });
});

test("a clash with a table quotes a header of two lines on one, as every message quotes a header", () => {
  const said = tableClashMessage({ table: "Ledger", names: ["Aging:\n1–30", "账龄：\n未到期"] }, "Customers");
  expect(said.params.names).toEqual(['"Aging: 1–30"', '"账龄：未到期"']);
});

test("an as-of date is refused a day past a century from today, either way, in both languages", () => {
  const today = serial("2026-11-30");
  expect(asOfFarText(serial("1926-11-30"), today, "en")).toBeUndefined();
  expect(asOfFarText(serial("2126-12-01"), today, "en")).toBeUndefined();
  expect(asOfFarText(serial("1926-11-29"), today, "en")).toBe(
    "The as-of date 1926-11-29 is more than a century from today (2026-11-30): a review cannot be dated that far off; correct the year",
  );
  expect(asOfFarText(serial("2126-12-02"), today, "zh")).toBe(
    "审查日期 2126年12月2日与今天（2026年11月30日）相距超过一百年，不可能是审查日期；请改正年份",
  );
});

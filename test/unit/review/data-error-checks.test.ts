/**
 * A customer whose factors cannot be read has no score or grade, but what needs neither is its
 * own: over its limit, months overdue, its balance sheet's ratios. Those warnings and the
 * actions they call for stand, with figure and threshold; what rests on the grade says it waits
 * for the data fix; and the summary counts the customer where it is at risk.
 */
import { CellValue } from "../../../src/engine/cells";
import { describeError } from "../../../src/engine/errors";
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { OUTPUT_HEADERS, OutputField } from "../../../src/engine/review/fields";
import { runReview } from "../../../src/engine/review/review";
import { decisionLine, explainFinding, recommendationText } from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial, STATEMENT_HEADERS } from "../../support/review-grid";

const asOf = serial("2026-11-30");
const EXTRA = [
  "Credit limit",
  "Outstanding balance",
  "Negative news date",
  ...STATEMENT_HEADERS,
  "Interest expense",
  "Sales",
  "Equity",
];
const HEALTHY = [500000, 250000, 2000000, 800000, 400000, 300000, 50000, 3000000, 1200000];
// Total liabilities 1,300,000 above total assets 1,000,000, a loss: every ratio in trouble.
const STRAINED = [300000, 400000, 1000000, 1300000, -200000, -50000, 60000, 900000, -300000];
// Negative news a month before the review: a warning for a high-risk customer only.
const NEWS = serial("2026-10-30");

const SHEET = customerSheet(EXTRA, [
  { id: "C01", name: "Good Co", extra: [100000, 50000, null, ...HEALTHY] },
  { id: "C02", name: "Broken Factor Ltd", factors: [3, null, 3, 3, 3], extra: [100000, 150000, NEWS, ...STRAINED] },
  { id: "C03", name: "High Risk Inc", factors: [5, 4, 4, 4, 4], extra: [200000, 80000, null, ...HEALTHY] },
  // No id and no name: an error with no one to act on.
  { id: null, name: null, extra: [100000, 150000, null, ...STRAINED] },
]);
const LEDGER: CellValue[][] = [
  ["Customer ID", "Invoice", "Due date", "Amount"],
  ["C01", "I1", serial("2026-12-31"), 50000],
  // 213 days past due on the as-of date: past 90 (collection) and past 180 (legal action).
  ["C02", "I2", serial("2026-05-01"), 150000],
  ["C03", "I3", serial("2026-12-31"), 80000],
];

const review = (lang: Lang = "en") =>
  runReview(
    { sheetName: "Customers", values: SHEET, asOf, policy: DEFAULT_POLICY, ledger: { sheetName: "Invoices", values: LEDGER } },
    lang,
  );

describe("a customer with a data error keeps the checks that need no grade", () => {
  const result = review();
  const broken = result.customers[1];

  test("its warnings, each with its figure and threshold; no grade, score or limit", () => {
    expect(describeError(broken.errors[0], "en")).toBe(
      "row 3, column D (Contract performance): contract performance is blank; every factor needs a score from 1 to 5",
    );
    expect([broken.score, broken.grade, broken.recommendedLimit, broken.monitoring, broken.nextReview]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(broken.findings.map((f) => [f.code, f.value, f.threshold])).toEqual([
      ["OVER_LIMIT", 150000, 100000],
      ["OVERDUE_90", 213, 90],
      ["Z_DISTRESS", expect.closeTo(0.4048, 4), 1.23],
      ["LIQUIDITY", 0.75, 1],
      ["LEVERAGE", 1.3, 0.7],
      ["COVERAGE", expect.closeTo(-0.8333, 4), 1.5],
    ]);
    expect(broken.zZone).toBe("distress");
    // The news is recent, but only a high-risk customer's news is a warning: it waits for the grade.
    expect(broken.findings.some((f) => f.code === "NEGATIVE_NEWS")).toBe(false);
    expect(explainFinding(broken.findings[0], broken, "en", NO_MARKS)).toBe(
      "Outstanding balance 150,000.00 is above the credit limit 100,000.00.",
    );
    expect(explainFinding(broken.findings[1], broken, "zh", NO_MARKS)).toBe("最早的未收款项已逾期 213 天（超过 90 天即预警）。");
  });

  test("the actions those warnings call for, with their reasons; nothing resting on the grade", () => {
    expect(broken.actions).toEqual([
      { code: "HOLD_ORDERS", because: "OVER_LIMIT" },
      { code: "ESCALATE_COLLECTION", because: "OVERDUE_90" },
      { code: "LEGAL_ACTION", because: "PAST_LEGAL_DAYS" },
      { code: "REVIEW_FINANCES", because: "Z_DISTRESS" },
    ]);
    expect(decisionLine(broken.actions[2], broken, "en", DEFAULT_POLICY, NO_MARKS)).toBe(
      "Consider legal action — 150,000.00 is overdue more than 180 days, the oldest 213 days past due (legal action after 180 days).",
    );
    expect(recommendationText(broken.actions, "en", DEFAULT_POLICY, true)).toBe(
      "Hold new orders until the balance is back under the limit (Over credit limit); " +
        "Escalate collection and stop shipments (Overdue over 90 days); Consider legal action (overdue past 180 days); " +
        "Review the customer's financial statements (Z-score in distress zone); " +
        "Held for the data fix: grade actions, Score rose and Negative news checks, recommended limit, next review",
    );
    expect(recommendationText(broken.actions, "zh", DEFAULT_POLICY, true)).toBe(
      "暂停新订单，直至余额回到额度以内（超出信用额度）；加强催收并停止供货（逾期超过 90 天）；考虑采取法律行动（逾期超过 180 天）；复核客户财务报表（Z 值处于困境区）；" +
        "数据修正后再给出：按等级的措施、“评分上升”与“负面新闻”检查、建议额度和下次复审日期",
    );
  });

  test("a row naming no customer shows its figures but decides nothing", () => {
    const unnamed = result.customers[3];
    expect(unnamed.zScore).toBeCloseTo(0.4048, 4);
    expect(unnamed.findings).toEqual([]);
    expect(unnamed.actions).toEqual([]);
  });

  test("the summary counts it at risk, among the warned and in the top risks, still not graded", () => {
    const p = result.portfolio;
    expect(p).toMatchObject({ customers: 4, reviewed: 2, withErrors: 2, exposureNotGraded: 300000 });
    expect(p.byGrade).toEqual({ low: 1, medium: 0, high: 1 });
    // Broken Factor (150,000: over its limit, 213 days late) and High Risk Inc (80,000: High);
    // the row naming no one is nobody's risk.
    expect(p).toMatchObject({ customersAtRisk: 2, exposureAtRisk: 230000, customersNeedingAction: 2, customersWithWarnings: 1 });
    expect(p.topRisks.map((r) => [r.name, r.grade, r.score, r.balance, r.reason, r.needsAction])).toEqual([
      ["Broken Factor Ltd", undefined, undefined, 150000, "OVERDUE_90", true],
      ["High Risk Inc", "high", 4.3, 80000, "GRADE_HIGH", true],
    ]);
    expect(p.warningCounts).toMatchObject({
      OVER_LIMIT: 1,
      OVERDUE_90: 1,
      Z_DISTRESS: 1,
      LIQUIDITY: 1,
      LEVERAGE: 1,
      COVERAGE: 1,
    });
    expect(p.warningCounts.NEGATIVE_NEWS).toBe(0);
  });

  test.each([
    [
      "en",
      "Data error",
      "Over credit limit; Overdue over 90 days; Z-score in distress zone; Low liquidity; High leverage; Weak interest coverage",
      "Outstanding balance 150,000.00 is above the credit limit 100,000.00.",
      "Hold new orders until the balance is back under the limit (Over credit limit); ",
      "Held for the data fix: grade actions, Score rose and Negative news checks, recommended limit, next review",
    ],
    [
      "zh",
      "数据错误",
      "超出信用额度；逾期超过 90 天；Z 值处于困境区；流动性不足；负债率过高；利息保障不足",
      "应收账款余额 150,000.00 超过信用额度 100,000.00。",
      "暂停新订单，直至余额回到额度以内（超出信用额度）；",
      "数据修正后再给出：按等级的措施、“评分上升”与“负面新闻”检查、建议额度和下次复审日期",
    ],
  ] as const)("the customer sheet's columns (%s)", (lang, grade, warnings, firstFinding, firstAction, waits) => {
    const plan = buildWritePlan(review(lang), lang, { sheetNames: [] });
    const block = plan.target.blocks[0];
    const header = block.values[0];
    const line = block.values[2];
    const at = (field: OutputField) => line[header.indexOf(OUTPUT_HEADERS[field][lang])];
    expect(at("grade")).toBe(grade);
    expect(at("score")).toBeNull();
    expect(at("zScore")).toBeCloseTo(0.4048, 4);
    expect(at("warnings")).toBe(warnings);
    expect(String(at("findings")).split("\n")[0]).toBe(firstFinding);
    expect(String(at("recommendation")).startsWith(firstAction)).toBe(true);
    expect(String(at("recommendation")).endsWith(waits)).toBe(true);
    expect(at("recommendedLimit")).toBeNull();
    expect(at("nextReview")).toBeNull();
  });
});

/**
 * Every warning just below and just above its threshold, through the
 * whole review (header detection, cell reading, checks), one customer per case. The
 * table is test/cases/review/warnings.json; the policy responses follow.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_POLICY, completePolicy } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { portfolioWarningList } from "../../../src/engine/review/texts";
import { customerSheet, fixtureCell, serial } from "../../support/review-grid";

interface WarningCase {
  name: string;
  asOf?: string;
  headers?: string[];
  z?: boolean;
  factors?: number[];
  cells: unknown[];
  expect: string[];
  finding?: { value: unknown; threshold: unknown };
}

const table = JSON.parse(fs.readFileSync(path.join(__dirname, "../../cases/review/warnings.json"), "utf8")) as {
  asOf: string;
  zHeaders: string[];
  cases: WarningCase[];
};

function reviewOne(c: WarningCase) {
  const headers = c.z ? table.zHeaders : (c.headers ?? []);
  const values = customerSheet(headers, [{ factors: c.factors, extra: c.cells.map(fixtureCell) }]);
  return runReview({ sheetName: "Customers", values, asOf: serial(c.asOf ?? table.asOf), policy: DEFAULT_POLICY });
}

describe("warning thresholds (test/cases/review/warnings.json)", () => {
  test.each(table.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = reviewOne(c);
    expect(result.customers).toHaveLength(1);
    const customer = result.customers[0];
    expect(customer.errors.map((e) => e.message)).toEqual([]);
    expect(customer.findings.map((f) => f.code)).toEqual(c.expect);
    if (c.finding) {
      const finding = customer.findings[0];
      expect(finding.value).toBeCloseTo(fixtureCell(c.finding.value) as number, 6);
      expect(finding.threshold).toBeCloseTo(fixtureCell(c.finding.threshold) as number, 9);
    }
    // The portfolio counts the customer under exactly its warnings (OVERDUE_SHARE is the portfolio's own).
    const counted = Object.entries(result.portfolio.warningCounts).filter(([code, n]) => code !== "OVERDUE_SHARE" && n > 0);
    expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(c.expect.map((code) => [code, 1])));
  });
});

describe("OVERDUE_SHARE (portfolio level, more than 10% of customers overdue)", () => {
  const sheet = (customers: number, overdue: number) =>
    customerSheet(
      ["Overdue amount"],
      Array.from({ length: customers }, (_, i) => ({ extra: [i < overdue ? 250 : 0] })),
    );
  const asOf = serial("2026-03-15");

  test.each([
    ["1 of 10 customers overdue is exactly 10%: no warning", 10, 1, 0.1, []],
    ["1 of 9 customers overdue is 11.1%: warning", 9, 1, 1 / 9, ["OVERDUE_SHARE"]],
    ["0 of 5: no warning", 5, 0, 0, []],
    ["3 of 20 is 15%: warning", 20, 3, 0.15, ["OVERDUE_SHARE"]],
  ] as const)("%s", (_name, customers, overdue, share, warnings) => {
    const result = runReview({ sheetName: "S", values: sheet(customers, overdue), asOf, policy: DEFAULT_POLICY });
    expect(result.portfolio.overdueCustomers).toBe(overdue);
    expect(result.portfolio.overdueShare).toBeCloseTo(share, 12);
    expect(result.portfolio.warnings).toEqual(warnings);
    // No customer carries the portfolio's warning: it has its figure and threshold, not a count of customers.
    expect(Object.keys(result.portfolio.warningCounts)).not.toContain("OVERDUE_SHARE");
    expect(result.portfolio.findings.map((f) => [f.code, f.value, f.threshold])).toEqual(
      warnings.map((code) => [code, share, DEFAULT_POLICY.overdueShare]),
    );
    expect(result.columns.skippedChecks).not.toContain("OVERDUE_SHARE");
  });

  test("days past due without an amount column counts as overdue", () => {
    const values = customerSheet(["Days past due"], [{ extra: [5] }, ...Array.from({ length: 8 }, () => ({ extra: [0] }))]);
    const result = runReview({ sheetName: "S", values, asOf, policy: DEFAULT_POLICY });
    expect(result.portfolio.overdueCustomers).toBe(1);
    expect(result.portfolio.warnings).toEqual(["OVERDUE_SHARE"]);
  });

  test("customers with a data error still count in the share: paying late does not depend on the score", () => {
    // 10 good customers, 1 overdue, plus a bad row that is overdue: 2 of 11, over 10%.
    const values = customerSheet(
      ["Overdue amount"],
      [...Array.from({ length: 10 }, (_, i) => ({ extra: [i === 0 ? 100 : 0] })), { factors: [6, 2, 2, 2, 2], extra: [100] }],
    );
    const result = runReview({ sheetName: "S", values, asOf, policy: DEFAULT_POLICY });
    expect(result.portfolio.reviewed).toBe(10);
    expect(result.portfolio.withErrors).toBe(1);
    expect(result.portfolio.overdueShare).toBe(2 / 11);
    expect(result.portfolio.overdueCustomers).toBe(2);
    expect(result.portfolio.warnings).toEqual(["OVERDUE_SHARE"]);
  });

  test("a customer with a data error and nothing on what it owes late is left out of the share, not counted as paying", () => {
    const values = customerSheet(
      ["Overdue amount"],
      [...Array.from({ length: 10 }, (_, i) => ({ extra: [i === 0 ? 100 : 0] })), { factors: [6, 2, 2, 2, 2], extra: [null] }],
    );
    const result = runReview({ sheetName: "S", values, asOf, policy: DEFAULT_POLICY });
    expect(result.portfolio.overdueShare).toBe(0.1);
    expect(result.portfolio.warnings).toEqual([]);
  });

  test("a changed threshold in the policy is used", () => {
    const policy = completePolicy({ overdueShare: 0.05 });
    const result = runReview({ sheetName: "S", values: sheet(10, 1), asOf, policy });
    expect(result.portfolio.warnings).toEqual(["OVERDUE_SHARE"]);
  });

  test("the warning carries its figure and threshold, and says both wherever it is listed, in both languages", () => {
    const result = runReview({ sheetName: "S", values: sheet(43, 8), asOf, policy: DEFAULT_POLICY });
    expect(result.portfolio.findings).toEqual([{ code: "OVERDUE_SHARE", value: 8 / 43, threshold: 0.1, format: "percent" }]);
    expect(portfolioWarningList(result.portfolio.findings, "en")).toBe("Many customers overdue (18.6% > 10%)");
    expect(portfolioWarningList(result.portfolio.findings, "zh")).toBe("逾期客户过多（18.6% > 10%）");
    expect(portfolioWarningList([], "en")).toBe("none");
  });
});

describe("policy responses: each action with the warning or rule behind it", () => {
  const asOf = serial("2026-01-31");
  const headers = ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"];

  test.each([
    [
      "low risk, no warning: limit x1.1, quarterly, +3 months",
      [1, 1, 1, 1, 1],
      [100000, 0, 0, 0],
      "low",
      110000,
      "quarterly",
      "2026-04-30",
      ["RAISE_LIMIT:LOW_RISK_CLEAR"],
    ],
    [
      "low risk with OVER_LIMIT: limit x1.0, hold orders",
      [1, 1, 1, 1, 1],
      [100000, 100000.01, 0, 0],
      "low",
      100000,
      "quarterly",
      "2026-04-30",
      ["HOLD_ORDERS:OVER_LIMIT"],
    ],
    [
      "medium risk: limit x1.0, keep terms",
      [3, 3, 3, 3, 3],
      [80000, 100, 0, 0],
      "medium",
      80000,
      "quarterly",
      "2026-04-30",
      ["KEEP_TERMS:GRADE_MEDIUM"],
    ],
    [
      "high risk: prepayment, restricted limit x0.5, guarantee, monthly, +1 month (31 Jan → 28 Feb)",
      [5, 5, 5, 5, 5],
      [80000, 100, 0, 0],
      "high",
      40000,
      "monthly",
      "2026-02-28",
      ["PREPAYMENT:GRADE_HIGH", "RESTRICT_LIMIT:GRADE_HIGH", "GUARANTEE:GRADE_HIGH"],
    ],
    [
      "91 days overdue: escalate collection",
      [2, 2, 2, 2, 2],
      [1000, 10, 10, 91],
      "low",
      1000,
      "quarterly",
      "2026-04-30",
      ["ESCALATE_COLLECTION:OVERDUE_90"],
    ],
    [
      "181 days overdue: escalate and consider legal action",
      [2, 2, 2, 2, 2],
      [1000, 10, 10, 181],
      "low",
      1000,
      "quarterly",
      "2026-04-30",
      ["ESCALATE_COLLECTION:OVERDUE_90", "LEGAL_ACTION:PAST_LEGAL_DAYS"],
    ],
    [
      "180 days overdue: no legal action yet",
      [2, 2, 2, 2, 2],
      [1000, 10, 10, 180],
      "low",
      1000,
      "quarterly",
      "2026-04-30",
      ["ESCALATE_COLLECTION:OVERDUE_90"],
    ],
  ] as const)("%s", (_name, factors, cells, grade, limit, monitoring, next, actions) => {
    const result = runReview({
      sheetName: "S",
      values: customerSheet(headers, [{ factors, extra: cells }]),
      asOf,
      policy: DEFAULT_POLICY,
    });
    const c = result.customers[0];
    expect(c.errors).toEqual([]);
    expect(c.grade).toBe(grade);
    expect(c.recommendedLimit).toBe(limit);
    expect(c.monitoring).toBe(monitoring);
    expect(c.nextReview).toBe(serial(next));
    expect(c.actions.map((a) => `${a.code}:${a.because}`)).toEqual(actions);
  });

  test("score uses the 30/25/20/15/10 weights and the grade bands (a score of exactly 2.5 is medium, 3.5 is high)", () => {
    const values = customerSheet(
      [],
      [
        { factors: [5, 1, 1, 1, 1] }, // 0.3*5 + 0.7 = 2.2
        { factors: [3, 3, 2, 2, 2] }, // 0.9 + 0.75 + 0.4 + 0.3 + 0.2 = 2.55
        { factors: [4, 4, 3, 3, 3] }, // 1.2 + 1.0 + 0.6 + 0.45 + 0.3 = 3.55
        { factors: [2.5, 2.5, 2.5, 2.5, 2.5] },
        { factors: [3.5, 3.5, 3.5, 3.5, 3.5] },
        { factors: [3, 2, 2, 2, 4] }, // 0.9 + 0.5 + 0.4 + 0.3 + 0.4 = 2.5 exactly, though a float sum gives 2.4999999999999996
        { factors: [3, 3, 5, 3, 4] }, // 0.9 + 0.75 + 1.0 + 0.45 + 0.4 = 3.5 exactly
      ],
    );
    const result = runReview({ sheetName: "S", values, asOf, policy: DEFAULT_POLICY });
    expect(result.customers.map((c) => c.score)).toEqual([2.2, 2.55, 3.55, 2.5, 3.5, 2.5, 3.5].map((s) => expect.closeTo(s, 10)));
    expect(result.customers.map((c) => c.grade)).toEqual(["low", "medium", "high", "medium", "high", "medium", "high"]);
    expect(result.customers[5].score).toBe(2.5);
    expect(result.customers[6].score).toBe(3.5);
    expect(result.portfolio.byGrade).toEqual({ low: 1, medium: 3, high: 3 });
  });
});

/**
 * One coherent decision per customer: each action with the warning or rule behind it, no
 * limit raise for a customer who is overdue, over its limit or under any warning, legal
 * action only for an amount actually overdue, and "re-assess now" meaning now.
 */
import fc from "fast-check";
import { CellValue } from "../../../src/engine/cells";
import { completePolicy, DEFAULT_POLICY, GRADES } from "../../../src/engine/policy";
import { asksForAction, decide, isClearForRaise, isOverdue } from "../../../src/engine/review/decisions";
import { runReview } from "../../../src/engine/review/review";
import { decisionLine, limitsText, recommendationText, shortDecisionsText } from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";
import { Finding, WARNING_CODES } from "../../../src/engine/review/warnings";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-01-31");
const HEADERS = [
  "Credit limit",
  "Outstanding balance",
  "Overdue amount",
  "Days past due",
  "Current assets",
  "Current liabilities",
];
const LOW = [1, 1, 1, 1, 1];
const MEDIUM = [3, 3, 3, 3, 3];

/** One customer's row through the whole review. */
function reviewOne(factors: number[], cells: CellValue[], extraHeaders = HEADERS) {
  const result = runReview({
    sheetName: "S",
    values: customerSheet(extraHeaders, [{ factors, extra: cells }]),
    asOf,
    policy: DEFAULT_POLICY,
  });
  return result.customers[0];
}

const codes = (c: { actions: readonly { code: string; because: string }[] }) => c.actions.map((a) => `${a.code}:${a.because}`);

describe("the decision table", () => {
  test.each([
    // name, factors, [limit, balance, overdue amount, days past due, current assets, current liabilities], actions, limit
    ["low risk, clear: the limit may rise ×1.1", LOW, [100000, 0, 0, 0, null, null], ["RAISE_LIMIT:LOW_RISK_CLEAR"], 110000],
    ["low risk, overdue now: no raise", LOW, [100000, 0, 5000, 20, null, null], ["KEEP_TERMS:OVERDUE"], 100000],
    [
      "low risk, days past due with the amount unknown: overdue, no raise",
      LOW,
      [100000, 0, null, 20, null, null],
      ["KEEP_TERMS:OVERDUE"],
      100000,
    ],
    [
      "low risk, over its limit: hold orders, no raise",
      LOW,
      [100000, 100001, 0, 0, null, null],
      ["HOLD_ORDERS:OVER_LIMIT"],
      100000,
    ],
    [
      "low risk, low liquidity: review its financial statements, no raise",
      LOW,
      [100000, 0, 0, 0, 80, 100],
      ["REVIEW_FINANCES:LIQUIDITY"],
      100000,
    ],
    [
      "medium risk, low liquidity, escalated collection: both, collection first",
      MEDIUM,
      [100000, 0, 500, 120, 80, 100],
      ["ESCALATE_COLLECTION:OVERDUE_90", "REVIEW_FINANCES:LIQUIDITY"],
      100000,
    ],
    [
      "high risk, no credit extended (a limit of 0): prepayment and a guarantee, no limit to restrict",
      [5, 5, 5, 5, 5],
      [0, 0, 0, 0, null, null],
      ["PREPAYMENT:GRADE_HIGH", "GUARANTEE:GRADE_HIGH"],
      0,
    ],
    [
      "high risk, low liquidity: the grade's terms answer it, no review of its own",
      [5, 5, 5, 5, 5],
      [100000, 0, 0, 0, 80, 100],
      ["PREPAYMENT:GRADE_HIGH", "RESTRICT_LIMIT:GRADE_HIGH", "GUARANTEE:GRADE_HIGH"],
      50000,
    ],
    [
      "low risk, 200 days past due but no amount overdue: nothing to collect, no legal action",
      LOW,
      [100000, 0, 0, 200, null, null],
      ["RAISE_LIMIT:LOW_RISK_CLEAR"],
      110000,
    ],
    [
      "200 days past due, the amount unknown: escalate and consider legal action",
      LOW,
      [100000, 0, null, 200, null, null],
      ["ESCALATE_COLLECTION:OVERDUE_90", "LEGAL_ACTION:PAST_LEGAL_DAYS"],
      100000,
    ],
    [
      "200 days past due with 500 overdue: escalate and consider legal action",
      MEDIUM,
      [100000, 0, 500, 200, null, null],
      ["ESCALATE_COLLECTION:OVERDUE_90", "LEGAL_ACTION:PAST_LEGAL_DAYS"],
      100000,
    ],
    ["medium risk: keep terms for its grade", MEDIUM, [100000, 0, 0, 0, null, null], ["KEEP_TERMS:GRADE_MEDIUM"], 100000],
    [
      "low risk, no warning, but a blank balance and nothing on overdue: not checked, not clear",
      LOW,
      [100000, null, null, null, null, null],
      ["KEEP_TERMS:UNCHECKED"],
      100000,
    ],
  ] as const)("%s", (_name, factors, cells, actions, limit) => {
    const c = reviewOne([...factors], [...cells]);
    expect(codes(c)).toEqual(actions);
    expect(c.recommendedLimit).toBe(limit);
  });

  test("a sheet without overdue columns or a ledger: no raise for a low-risk customer, and the reason says why", () => {
    const c = reviewOne([...LOW], [100000, 900], ["Credit limit", "Outstanding balance"]);
    expect(codes(c)).toEqual(["KEEP_TERMS:UNCHECKED"]);
    expect(c.recommendedLimit).toBe(100000);
    expect(decisionLine(c.actions[0], c, "en", DEFAULT_POLICY, NO_MARKS)).toContain(
      "nothing shows what is overdue: the overdue check could not run",
    );
    // Without a balance, that is what it says.
    const noBalance = reviewOne([...LOW], [100000, 0], ["Credit limit", "Days past due"]);
    expect(codes(noBalance)).toEqual(["KEEP_TERMS:UNCHECKED"]);
    expect(decisionLine(noBalance.actions[0], noBalance, "en", DEFAULT_POLICY, NO_MARKS)).toContain(
      "the outstanding balance is not known: the over-limit check could not run",
    );
    expect(recommendationText(c.actions, "zh", DEFAULT_POLICY)).toContain("余额或逾期情况无法核查");
    // With days past due (or an overdue amount, or a ledger) the same customer is clear.
    const known = reviewOne([...LOW], [100000, 900, 0], ["Credit limit", "Outstanding balance", "Days past due"]);
    expect(codes(known)).toEqual(["RAISE_LIMIT:LOW_RISK_CLEAR"]);
    // Its balance in another currency than its limit: the over-limit check cannot run, so no raise, and the limit as it is.
    const apart = reviewOne([...LOW], [100000, 900, 0], ["Credit limit (USD)", "Outstanding balance (EUR)", "Days past due"]);
    expect(codes(apart)).toEqual(["KEEP_TERMS:UNCHECKED"]);
    expect(apart.recommendedLimit).toBe(100000);
    expect(decisionLine(apart.actions[0], apart, "en", DEFAULT_POLICY, NO_MARKS)).toContain(
      "the balance cannot be weighed against the limit: they are in two currencies, so the over-limit check could not run",
    );
    expect(decisionLine(apart.actions[0], apart, "zh", DEFAULT_POLICY, NO_MARKS)).toContain("余额与信用额度币种不同");
  });

  test("'restrict the limit' exactly when the grade's multiplier cuts it, whatever the grade", () => {
    const trims = completePolicy({ limitMedium: 0.8, limitHigh: 1 });
    const review = (factors: number[]) =>
      runReview({
        sheetName: "S",
        values: customerSheet(HEADERS, [{ factors, extra: [1000, 0, 0, 0, null, null] }]),
        asOf,
        policy: trims,
      }).customers[0];
    const medium = review([...MEDIUM]);
    expect(codes(medium)).toEqual(["RESTRICT_LIMIT:GRADE_MEDIUM"]);
    expect(medium.recommendedLimit).toBe(800);
    const high = review([5, 5, 5, 5, 5]);
    expect(codes(high)).toEqual(["PREPAYMENT:GRADE_HIGH", "GUARANTEE:GRADE_HIGH"]);
    expect(high.recommendedLimit).toBe(1000);
  });

  test.each(["limitHigh", "limitMedium", "limitLow"] as const)(
    "%s above 1 is refused: only a clear record may raise a limit",
    (key) => {
      expect(() => completePolicy({ [key]: 1.2 })).toThrow(/must be at most 1, got 1.2/);
    },
  );

  test("re-assess now brings the next review forward to the as-of date", () => {
    const headers = ["Previous score"];
    const rose = reviewOne([4, 4, 4, 4, 4], [2], headers);
    expect(codes(rose)).toContain("REASSESS:SCORE_RISE");
    expect(rose.nextReview).toBe(asOf);
    const same = reviewOne([4, 4, 4, 4, 4], [3.5], headers);
    expect(codes(same)).not.toContain("REASSESS:SCORE_RISE");
    expect(same.nextReview).toBe(serial("2026-02-28"));
  });
});

describe("a credit limit of 0: no credit extended, never a limit restricted or kept", () => {
  test.each([
    ["en", "0.00 (no credit extended)", "prepayment; guarantee or credit insurance"],
    ["zh", "0.00（未授予信用额度）", "要求预付款；要求担保或信用保险"],
  ] as const)("%s: the limit and what to do say so", (lang, limits, todo) => {
    const c = reviewOne([5, 5, 5, 5, 5], [0, 0, 0, 0, null, null]);
    expect(limitsText(c, lang, NO_MARKS)).toBe(limits);
    expect(shortDecisionsText(c, lang, NO_MARKS)).toBe(todo);
    // A limit above 0 the policy keeps still reads as kept.
    expect(limitsText({ creditLimit: 1000, recommendedLimit: 1000 }, lang, NO_MARKS)).toMatch(/^1,000\.00[ （(]/);
    expect(limitsText({ creditLimit: 1000, recommendedLimit: 1000 }, lang, NO_MARKS)).not.toBe(
      limitsText(c, lang, NO_MARKS)!.replace("0.00", "1,000.00"),
    );
  });
});

describe("decision rules hold for any customer", () => {
  const finding = fc
    .constantFrom(...WARNING_CODES.filter((c) => c !== "OVERDUE_SHARE"))
    .map((code): Finding => ({ code, value: 1, threshold: 0, format: "ratio" }));
  const facts = fc.record({
    grade: fc.constantFrom(...GRADES),
    findings: fc.uniqueArray(finding, { selector: (f) => f.code, maxLength: 4 }),
    overdueAmount: fc.option(fc.constantFrom(0, 10, 5000), { nil: undefined }),
    daysPastDue: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    hasNotes: fc.boolean(),
    unchecked: fc.boolean(),
    noCredit: fc.boolean(),
  });

  test("a raise only for the clear; legal action only for an amount overdue past legalActionDays; one reason per action", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const decisions = decide(f, DEFAULT_POLICY);
        const actions = decisions.map((d) => d.code);
        const raises = actions.includes("RAISE_LIMIT");
        expect(raises).toBe(isClearForRaise(f) && !f.noCredit);
        // A limit of 0 has nothing to restrict or raise.
        if (f.noCredit) expect(actions).not.toContain("RESTRICT_LIMIT");
        if (raises) {
          expect(f.findings).toEqual([]);
          expect(isOverdue(f.overdueAmount, f.daysPastDue)).toBe(false);
          expect(f.unchecked).toBe(false);
          expect(actions).toEqual(["RAISE_LIMIT"]);
        }
        if (actions.includes("LEGAL_ACTION")) {
          expect(f.daysPastDue! > DEFAULT_POLICY.legalActionDays).toBe(true);
          expect(f.overdueAmount === undefined || f.overdueAmount > 0).toBe(true);
        }
        expect(new Set(actions).size).toBe(actions.length);
        for (const d of decisions) expect(d.because).toBeTruthy();
        // A financial warning asks for a review of the statements unless high risk's terms answer it,
        // and no warning leaves the terms as they are: each calls for an action of its own.
        const financial = f.findings.find((w) => ["Z_DISTRESS", "LIQUIDITY", "LEVERAGE", "COVERAGE"].includes(w.code));
        expect(actions.includes("REVIEW_FINANCES")).toBe(financial !== undefined && f.grade !== "high");
        if (f.findings.length > 0) expect(actions.some((a) => asksForAction(a))).toBe(true);
      }),
    );
  });
});

describe("every face can say why", () => {
  test("the reason line names the customer's figures against the policy's", () => {
    const c = reviewOne([5, 5, 5, 5, 5], [100000, 1380000, 3000, 200, null, null]);
    const lines = c.actions.map((d) => decisionLine(d, c, "en", DEFAULT_POLICY, NO_MARKS));
    expect(lines).toEqual([
      "Require prepayment — Risk score 5.00 is in the high-risk band (from 3.50).",
      "Restrict the credit limit — Risk score 5.00 is in the high-risk band (from 3.50).",
      "Ask for a guarantee or credit insurance — Risk score 5.00 is in the high-risk band (from 3.50).",
      "Hold new orders until the balance is back under the limit — Outstanding balance 1,380,000.00 is above the credit limit 100,000.00.",
      "Escalate collection and stop shipments — The oldest unpaid amount is 200 days past due (more than 90 days triggers a warning).",
      "Consider legal action — 3,000.00 is overdue, the oldest 200 days past due (legal action after 180 days).",
    ]);
    expect(decisionLine(c.actions[5], c, "zh", DEFAULT_POLICY, NO_MARKS)).toBe(
      "考虑采取法律行动：逾期金额 3,000.00，最早一笔已逾期 200 天（超过 180 天考虑法律行动）。",
    );
  });

  test("the Recommendation text gives each action's reason in a few words, in both languages", () => {
    const c = reviewOne(LOW, [100000, 0, 5000, 20, null, null]);
    expect(recommendationText(c.actions, "en", DEFAULT_POLICY)).toBe("Keep current terms (no raise while overdue)");
    expect(decisionLine(c.actions[0], c, "en", DEFAULT_POLICY, NO_MARKS)).toBe(
      "Keep current terms — 5,000.00 is overdue: no limit raise until it is paid.",
    );
    expect(recommendationText(c.actions, "zh", DEFAULT_POLICY)).toBe("维持现有信用条件（有逾期，暂不提高额度）");
  });

  test("with several financial warnings the review names the most serious, the one the top risks name", () => {
    // Current ratio 0.5 (low liquidity) and interest coverage 0.1 (weak coverage): coverage is the more serious.
    const result = runReview({
      sheetName: "S",
      values: customerSheet(
        [...HEADERS, "EBIT", "Interest expense"],
        [{ factors: MEDIUM, extra: [100000, 50000, 0, 0, 500, 1000, 10, 100] }],
      ),
      asOf,
      policy: DEFAULT_POLICY,
    });
    const c = result.customers[0];
    expect(c.findings.map((f) => f.code)).toEqual(["LIQUIDITY", "COVERAGE"]);
    expect(codes(c)).toEqual(["REVIEW_FINANCES:COVERAGE"]);
    expect(result.portfolio.topRisks.map((r) => r.reason)).toEqual(["COVERAGE"]);
  });

  test("a weak balance sheet asks for a review of the financial statements, the warning's figure as the reason", () => {
    // Current ratio 0.5 under 1: low liquidity; nothing overdue.
    const c = reviewOne(MEDIUM, [100000, 0, 0, 0, 500, 1000]);
    expect(codes(c)).toEqual(["REVIEW_FINANCES:LIQUIDITY"]);
    expect(recommendationText(c.actions, "en", DEFAULT_POLICY)).toBe(
      "Review the customer's financial statements (Low liquidity)",
    );
    expect(recommendationText(c.actions, "zh", DEFAULT_POLICY)).toBe("复核客户财务报表（流动性不足）");
    expect(decisionLine(c.actions[0], c, "en", DEFAULT_POLICY, NO_MARKS)).toBe(
      "Review the customer's financial statements — Current ratio 0.50 is below 1.00.",
    );
    expect(decisionLine(c.actions[0], c, "zh", DEFAULT_POLICY, NO_MARKS)).toBe("复核客户财务报表：流动比率 0.50 低于 1.00。");
  });
});

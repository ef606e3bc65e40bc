/**
 * Degrade per check, not per customer: a bad cell or an undefined figure switches off only
 * what needs it and says so on that customer; its score, grade and decisions stand.
 */
import { CellValue } from "../../../src/engine/cells";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { message } from "../../../src/engine/i18n";
import { OUTPUT_HEADERS } from "../../../src/engine/review/fields";
import { gradeName, issuesText, problemText, recommendationText } from "../../../src/engine/review/texts";
import { toJson, toTable } from "../../../src/cli/report";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial, STATEMENT_HEADERS } from "../../support/review-grid";

const asOf = serial("2026-03-15");
// Columns: A id, B name, C–G factors, H Credit limit, I Outstanding balance, J Negative news date, K Previous score, L Z model.
const EXTRA = ["Credit limit", "Outstanding balance", "Negative news date", "Previous score", "Z model"];
const GOOD: CellValue[] = [1000, 500, null, null, null];

const CELL_CASES: readonly [string, CellValue[], string, Partial<{ recommendedLimit: number; balance: number }>][] = [
  [
    "text in the credit limit",
    ["abc", 500, null, null, null],
    'row 3, column H (Credit limit): recommended limit, utilisation, available credit and Over credit limit check not computed: must be a number, got "abc"',
    { balance: 500 },
  ],
  [
    "TRUE in the balance",
    [1000, true, null, null, null],
    'row 3, column I (Outstanding balance): exposure, utilisation, available credit and Over credit limit check not computed: must be a number, got "TRUE"',
    { recommendedLimit: 1000 },
  ],
  [
    "a negative credit limit in accounting notation",
    ["(5,000)", 500, null, null, null],
    "row 3, column H (Credit limit): recommended limit, utilisation, available credit and Over credit limit check not computed: must not be negative, got -5000",
    { balance: 500 },
  ],
  [
    "an impossible date in the negative news column",
    [1000, 500, "2026-02-30", null, null],
    'row 3, column J (Negative news date): Negative news check not computed: must be a date (such as 2026-11-30), got "2026-02-30"',
    { recommendedLimit: 1000, balance: 500 },
  ],
  [
    "negative news dated after the review date (a typo, or a review dated back)",
    [1000, 500, "2026-04-01", null, null],
    "row 3, column J (Negative news date): Negative news check not computed: the negative news is dated 2026-04-01, after the review date (2026-03-15), so the review does not count it",
    { recommendedLimit: 1000, balance: 500 },
  ],
  [
    "a previous score of 7",
    [1000, 500, null, 7, null],
    "row 3, column K (Previous score): Score rose check not computed: score must be between 1 and 5, got 7",
    { recommendedLimit: 1000, balance: 500 },
  ],
  [
    // The sheet has no Z columns, so the Z_DISTRESS check is off for everyone and not named here.
    "an unknown Z model",
    [1000, 500, null, null, "Ohlson"],
    'row 3, column L (Z model): Z-score not computed: must be a Z model (public, private, nonmanufacturing, emerging), got "Ohlson"',
    { recommendedLimit: 1000, balance: 500 },
  ],
];

describe("a bad cell other than a factor switches off only what needs it", () => {
  test.each(CELL_CASES)("%s", (_name, cells, text, figures) => {
    const values = customerSheet(EXTRA, [{ extra: GOOD }, { extra: cells }]);
    const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
    const c = result.customers[1];
    expect(c.errors).toEqual([]);
    expect(c.score).toBeCloseTo(2, 10);
    expect(c.grade).toBe("low");
    expect(c.notes.map((n) => problemText(n, "en", DEFAULT_POLICY))).toEqual([text]);
    expect(c.recommendedLimit).toBe(figures.recommendedLimit);
    expect(c.balance).toBe(figures.balance);
    // A low-risk customer with data to fix keeps its terms: no raise on figures the review could not check.
    expect(c.actions).toEqual([{ code: "KEEP_TERMS", because: "DATA_ISSUE" }]);
    expect(c.nextReview).toBe(serial("2026-06-15"));
    expect(result.portfolio).toMatchObject({ reviewed: 2, withErrors: 0, exposure: 500 + (figures.balance ?? 0) });
    expect(result.portfolio.byGrade.low).toBe(2);
    expect(result.portfolio.problems.map((p) => problemText(p, "en", DEFAULT_POLICY))).toEqual([text]);

    // The sheet shows the grade and the recommendation, and says what was not computed in "Review issues".
    const block = buildWritePlan(result, "en", { sheetNames: [] }).target.blocks[0];
    const header = block.values[0];
    const line = block.values[2];
    expect(line[header.indexOf("Risk grade")]).toBe("Low");
    expect(line[header.indexOf("Recommendation")]).toBe("Keep current terms (no raise until the data is fixed)");
    expect(line[header.indexOf("Review issues")]).toBe(text);
  });
});

describe("figures that cannot be computed from valid cells", () => {
  const Z_HEADERS = [...STATEMENT_HEADERS, "Equity", "Sales"];
  const review = (lang: "en" | "zh" = "en") =>
    runReview(
      {
        sheetName: "Customers",
        values: customerSheet(Z_HEADERS, [
          { extra: [100, 100, 0, 500, 0, 0, 0, 100] },
          { extra: [100, 100, 1000, 0, 0, 0, 0, 100] },
          { extra: [100, 100, 1000, 500, 0, 0, 0, 100] },
        ]),
        asOf,
        policy: DEFAULT_POLICY,
      },
      lang,
    );

  test("a debt-free company gets its score, grade, ratios and decisions; only the Z-score is off, and says why", () => {
    const debtFree = review().customers[1];
    expect(debtFree).toMatchObject({ grade: "low", errors: [], zScore: undefined, zZone: undefined });
    expect(debtFree.ratios.debtRatio).toBe(0);
    expect(debtFree.notes.map((n) => problemText(n, "en", DEFAULT_POLICY))).toEqual([
      "row 3, column K (Total liabilities): Z-score and Z-score in distress zone check not computed: total liabilities is 0 (no debt), so the Z-score's equity / liabilities term is undefined",
    ]);
    expect(issuesText(debtFree, "zh", DEFAULT_POLICY)).toBe(
      "说明：第 3 行 K 列（Total liabilities）：Z 值、Z 值处于困境区检查未计算：负债总额为 0（无负债），Z 值中的权益 / 负债项无定义",
    );
  });

  test("having no debt is said but not held against the customer: its limit may be raised, and it is not data to fix", () => {
    const values = customerSheet(
      [...Z_HEADERS, "Credit limit", "Outstanding balance", "Days past due"],
      [{ factors: [1, 1, 1, 1, 1], extra: [100, 100, 1000, 0, 0, 0, 0, 100, 1000, 500, 0] }],
    );
    const debtFree = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }).customers[0];
    expect(debtFree.notes.map((n) => n.toFix)).toEqual([false]);
    expect(debtFree.recommendedLimit).toBe(1100);
    expect(debtFree.actions.map((a) => [a.code, a.because])).toEqual([["RAISE_LIMIT", "LOW_RISK_CLEAR"]]);
  });

  test("total assets of 0 switch off the Z-score and the debt ratio, in one note", () => {
    const noAssets = review().customers[0];
    expect(noAssets).toMatchObject({ grade: "low", errors: [], zScore: undefined });
    expect(noAssets.ratios.debtRatio).toBeUndefined();
    expect(noAssets.notes.map((n) => n.affects)).toEqual([["zScore", "debtRatio", "Z_DISTRESS", "LEVERAGE"]]);
  });

  test("a negative Sales is refused at its cell as a sign typed wrong, as negative current assets are: no Z-score, no distress warning", () => {
    // Sales of −19,341,998 against assets of 12,200,000 made a Z of −0.3781 and a Z_DISTRESS warning without a word.
    const values = customerSheet(Z_HEADERS, [
      { factors: [2, 2, 2, 1, 2], extra: [5115240, 3079517, 12200000, 5012512, 3184598, 1025493, 7187488, -19341998] },
    ]);
    const [customer] = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }).customers;
    expect(customer).toMatchObject({ grade: "low", errors: [], zScore: undefined, zZone: undefined, findings: [] });
    expect(
      customer.notes.map((n) => [n.toFix, problemText(n, "en", DEFAULT_POLICY), problemText(n, "zh", DEFAULT_POLICY)]),
    ).toEqual([
      [
        true,
        "row 2, column O (Sales): Z-score and Z-score in distress zone check not computed: must not be negative, got -19341998",
        "第 2 行 O 列（Sales）：Z 值、Z 值处于困境区检查未计算：不能为负数，实际为 -19341998",
      ],
    ]);
  });

  test("every customer with valid factors is reviewed and counted", () => {
    const result = review();
    expect(result.portfolio).toMatchObject({ customers: 3, reviewed: 3, withErrors: 0 });
    expect(result.customers[2].notes).toEqual([]);
    expect(Number.isFinite(result.customers[2].zScore)).toBe(true);
    // Row 3's note (no debt, so no Z) says what its figures are, not what to fix: not a problem.
    expect(result.portfolio.problems.map((p) => [p.row, p.fatal])).toEqual([[2, false]]);
  });
});

describe("one customer, one grade in every face", () => {
  test.each(["en", "zh"] as const)(
    "a customer with text in its credit limit: the printed table, the JSON and the sheet agree (%s)",
    (lang) => {
      const values = customerSheet(EXTRA, [
        { name: "Partial Co", factors: [3, 3, 3, 3, 3], extra: ["abc", 500, null, null, null] },
      ]);
      const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }, lang);
      const grade = gradeName("medium", lang);

      const json = toJson(result, lang).customers[0];
      expect(json).toMatchObject({ grade: "medium", score: 3, errors: [], recommendedLimit: null });
      expect(json.notes).toHaveLength(1);
      expect(json.recommendation).toBe(recommendationText(result.customers[0].actions, lang, DEFAULT_POLICY));

      const tableLine = toTable(result, lang, "out.xlsx")
        .split("\n")
        .find((l) => l.includes("Partial Co"))!;
      expect(tableLine).toContain(` ${grade} `);
      expect(tableLine).toContain("3.00");
      expect(tableLine).not.toContain(message(lang, "grade.dataError"));

      const block = buildWritePlan(result, lang, { sheetNames: [] }).target.blocks[0];
      const header = block.values[0];
      expect(block.values[1][header.indexOf(OUTPUT_HEADERS.grade[lang])]).toBe(grade);
      expect(block.values[1][header.indexOf(OUTPUT_HEADERS.recommendation[lang])]).toBe(json.recommendation);
    },
  );
});

/**
 * A figure the review cannot compute because an input cell is blank says why: a blank cell among
 * financial statements the row otherwise gives is data to fix, noted at its cell; a row giving no
 * statements at all says so once, held against no one; a bad Sales cell claims nothing of a Z its
 * model works out without sales; a sheet without the Sales column says what that leaves out.
 */
import { CellValue } from "../../../src/engine/cells";
import { DEFAULT_POLICY, Policy } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { issuesText, problemText, zWithoutSalesText } from "../../../src/engine/review/texts";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { toJson, toTable } from "../../../src/cli/report";
import { customerSheet, serial, STATEMENT_HEADERS } from "../../support/review-grid";

const asOf = serial("2026-03-15");
// H Credit limit, I Outstanding balance, J Days past due, K Current assets, L Current liabilities,
// M Total assets, N Total liabilities, O Retained earnings, P EBIT, Q Interest expense, R Sales,
// S Equity, T Z model.
const HEADERS = [
  "Credit limit",
  "Outstanding balance",
  "Days past due",
  ...STATEMENT_HEADERS,
  "Interest expense",
  "Sales",
  "Equity",
  "Z model",
];
const STATEMENTS = ["Current assets", "Current liabilities", "Total assets", "Total liabilities", "Retained earnings", "EBIT"];
const AT = (header: string) => HEADERS.indexOf(header);
// A low-risk customer within its limit, nothing overdue: its limit may rise when nothing is missing.
const HEALTHY: CellValue[] = [1000, 500, 0, 500, 250, 2000, 800, 400, 300, 50, 3000, 1200, null];

/** The healthy row with some cells changed (header → value). */
function rowWith(changes: Readonly<Record<string, CellValue>>, headers: readonly string[] = HEADERS): CellValue[] {
  return headers.map((h) => (h in changes ? changes[h] : HEALTHY[AT(h)]));
}

function reviewOne(changes: Readonly<Record<string, CellValue>>, options: { headers?: readonly string[]; policy?: Policy } = {}) {
  const headers = options.headers ?? HEADERS;
  const values = customerSheet(headers, [{ factors: [1, 1, 1, 1, 1], extra: rowWith(changes, headers) }]);
  const result = runReview({ sheetName: "Customers", values, asOf, policy: options.policy ?? DEFAULT_POLICY });
  return { result, c: result.customers[0] };
}

/** The customer's "Review issues" cell as the sheet shows it. */
function reviewIssuesCell(result: ReturnType<typeof runReview>, lang: "en" | "zh" = "en"): unknown {
  const block = buildWritePlan(result, lang, { sheetNames: [] }).target.blocks[0];
  const header = block.values[0];
  return block.values[1][header.indexOf(lang === "en" ? "Review issues" : "审查问题")];
}

describe("a blank cell among financial statements the row otherwise gives is data to fix, said at its cell", () => {
  const CASES: readonly [string, Record<string, CellValue>, string, readonly string[]][] = [
    [
      "retained earnings",
      { "Retained earnings": null },
      "row 2, column O (Retained earnings): Z-score and Z-score in distress zone check not computed: is blank",
      ["zScore", "Z_DISTRESS"],
    ],
    [
      "equity",
      { Equity: null },
      "row 2, column S (Equity): Z-score and Z-score in distress zone check not computed: is blank",
      ["zScore", "Z_DISTRESS"],
    ],
    [
      "current liabilities (the current ratio's too)",
      { "Current liabilities": null },
      "row 2, column L (Current liabilities): Z-score, current ratio, Z-score in distress zone check and Low liquidity check not computed: is blank",
      ["zScore", "currentRatio", "Z_DISTRESS", "LIQUIDITY"],
    ],
    [
      "total assets (the debt ratio's too)",
      { "Total assets": null },
      "row 2, column M (Total assets): Z-score, debt ratio, Z-score in distress zone check and High leverage check not computed: is blank",
      ["zScore", "debtRatio", "Z_DISTRESS", "LEVERAGE"],
    ],
    [
      "EBIT, with interest expense to cover",
      { EBIT: null },
      "row 2, column P (EBIT): Z-score, interest coverage, Z-score in distress zone check and Weak interest coverage check not computed: is blank",
      ["zScore", "interestCoverage", "Z_DISTRESS", "COVERAGE"],
    ],
    [
      // No interest expense means nothing to cover: the coverage is not one of its figures.
      "EBIT, with no interest expense",
      { EBIT: null, "Interest expense": 0 },
      "row 2, column P (EBIT): Z-score and Z-score in distress zone check not computed: is blank",
      ["zScore", "Z_DISTRESS"],
    ],
    [
      // Said as CREDIT.ZSCORE says it for the same inputs.
      "sales, on the policy's default private model",
      { Sales: null },
      "row 2, column R (Sales): Z-score and Z-score in distress zone check not computed: Sales is blank; the private (Z′) model needs it (only nonmanufacturing and emerging do without)",
      ["zScore", "Z_DISTRESS"],
    ],
    [
      "sales, on the public model the row names",
      { Sales: null, "Z model": "public" },
      "row 2, column R (Sales): Z-score and Z-score in distress zone check not computed: Sales is blank; the public (Z) model needs it (only nonmanufacturing and emerging do without)",
      ["zScore", "Z_DISTRESS"],
    ],
  ];

  test.each(CASES)("%s", (_name, changes, text, affects) => {
    const { result, c } = reviewOne(changes);
    expect(c).toMatchObject({ grade: "low", errors: [], zScore: undefined, zZone: undefined });
    expect(c.notes.map((n) => [problemText(n, "en", DEFAULT_POLICY), n.affects, n.toFix])).toEqual([[text, affects, true]]);
    // The Z_DISTRESS check did not run: no limit raise until the cell is filled in, the limit kept.
    expect(c.actions).toEqual([{ code: "KEEP_TERMS", because: "DATA_ISSUE" }]);
    expect(c.recommendedLimit).toBe(1000);
    expect(result.portfolio.problems.map((p) => problemText(p, "en", DEFAULT_POLICY))).toEqual([text]);
    expect(reviewIssuesCell(result)).toBe(text);
    expect(toJson(result, "en").customers[0].notes).toEqual([{ affects, toFix: true, text }]);
  });

  test("the other figures stand: a blank retained earnings leaves the ratios as they are", () => {
    const { c } = reviewOne({ "Retained earnings": null });
    expect(c.ratios).toEqual({ currentRatio: 2, debtRatio: 0.4, interestCoverage: 6 });
  });

  test("in Chinese, the Sales text is the function's", () => {
    expect(issuesText(reviewOne({ "Retained earnings": null }).c, "zh", DEFAULT_POLICY)).toBe(
      "第 2 行 O 列（Retained earnings）：Z 值、Z 值处于困境区检查未计算：为空",
    );
    const { result, c } = reviewOne({ Sales: null });
    expect(issuesText(c, "zh", DEFAULT_POLICY)).toBe(
      "第 2 行 R 列（Sales）：Z 值、Z 值处于困境区检查未计算：营业收入为空；非上市公司（Z′）模型需要该值（仅非制造业和新兴市场模型不需要）",
    );
    expect(reviewIssuesCell(result, "zh")).toBe(issuesText(c, "zh", DEFAULT_POLICY));
  });

  test.each(["nonmanufacturing", "emerging"])(
    "blank sales on the %s model, which takes none: its Z, and nothing to say",
    (model) => {
      const { c } = reviewOne({ Sales: null, "Z model": model });
      expect(Number.isFinite(c.zScore)).toBe(true);
      expect(c.notes).toEqual([]);
      expect(c.actions).toEqual([{ code: "RAISE_LIMIT", because: "LOW_RISK_CLEAR" }]);
    },
  );

  test("every blank cell has a note of its own, in the sheet's order", () => {
    const { c } = reviewOne({ Equity: null, "Retained earnings": null, Sales: null });
    expect(c.notes.map((n) => n.reason.place.column)).toEqual(["O (Retained earnings)", "R (Sales)", "S (Equity)"]);
    expect(c.notes.every((n) => n.toFix)).toBe(true);
  });

  test("a row with current assets and liabilities only: each other cell is noted, the debt ratio with the Z-score", () => {
    const blank = {
      "Total assets": null,
      "Total liabilities": null,
      "Retained earnings": null,
      EBIT: null,
      "Interest expense": null,
    };
    const { c } = reviewOne({ ...blank, Sales: null, Equity: null });
    expect(c.ratios.currentRatio).toBe(2);
    expect(c.notes.map((n) => [n.reason.place.column, n.affects])).toEqual([
      ["M (Total assets)", ["zScore", "debtRatio", "Z_DISTRESS", "LEVERAGE"]],
      ["N (Total liabilities)", ["zScore", "debtRatio", "Z_DISTRESS", "LEVERAGE"]],
      ["O (Retained earnings)", ["zScore", "Z_DISTRESS"]],
      ["P (EBIT)", ["zScore", "Z_DISTRESS"]],
      ["R (Sales)", ["zScore", "Z_DISTRESS"]],
      ["S (Equity)", ["zScore", "Z_DISTRESS"]],
    ]);
    expect(c.notes.every((n) => n.toFix)).toBe(true);
  });
});

describe("a ratio's blank input, on a sheet without the Z-score's columns", () => {
  const RATIO_HEADERS = HEADERS.filter((h) => !["Retained earnings", "Equity", "Sales", "Z model"].includes(h));
  const CASES: readonly [string, Record<string, CellValue>, string][] = [
    [
      "current liabilities",
      { "Current liabilities": null },
      "row 2, column L (Current liabilities): current ratio and Low liquidity check not computed: is blank",
    ],
    [
      "current assets",
      { "Current assets": null },
      "row 2, column K (Current assets): current ratio and Low liquidity check not computed: is blank",
    ],
    [
      "total assets",
      { "Total assets": null },
      "row 2, column M (Total assets): debt ratio and High leverage check not computed: is blank",
    ],
    [
      "total liabilities",
      { "Total liabilities": null },
      "row 2, column N (Total liabilities): debt ratio and High leverage check not computed: is blank",
    ],
    ["EBIT", { EBIT: null }, "row 2, column O (EBIT): interest coverage and Weak interest coverage check not computed: is blank"],
  ];

  test.each(CASES)("%s", (_name, changes, text) => {
    const { result, c } = reviewOne(changes, { headers: RATIO_HEADERS });
    expect(result.columns.skippedChecks).toContain("Z_DISTRESS");
    expect(c.notes.map((n) => [problemText(n, "en", DEFAULT_POLICY), n.toFix])).toEqual([[text, true]]);
    expect(c.actions).toEqual([{ code: "KEEP_TERMS", because: "DATA_ISSUE" }]);
  });

  test.each([0, null])("a blank EBIT with interest expense %p: nothing to cover, nothing to say", (interest) => {
    const { c } = reviewOne({ EBIT: null, "Interest expense": interest }, { headers: RATIO_HEADERS });
    expect(c.ratios.interestCoverage).toBeUndefined();
    expect(c.notes).toEqual([]);
    expect(c.actions).toEqual([{ code: "RAISE_LIMIT", because: "LOW_RISK_CLEAR" }]);
  });
});

describe("a row giving no financial statements says so once, held against no one", () => {
  const NONE = Object.fromEntries([...STATEMENTS, "Interest expense", "Sales", "Equity"].map((h) => [h, null]));
  // Its interest coverage among them: a blank interest expense on a row giving nothing says nothing of its debt.
  const TEXT =
    "row 2, column K (Current assets): Z-score, current ratio, debt ratio, interest coverage, Z-score in distress zone check, Low liquidity check, High leverage check and Weak interest coverage check not computed: no financial statements given";

  test("one note for the row, at its first cell; its decisions as without it", () => {
    const { result, c } = reviewOne(NONE);
    expect(c.notes.map((n) => [problemText(n, "en", DEFAULT_POLICY), n.toFix])).toEqual([[TEXT, false]]);
    expect(c.actions).toEqual([{ code: "RAISE_LIMIT", because: "LOW_RISK_CLEAR" }]);
    expect(c.recommendedLimit).toBe(1100);
    expect(result.portfolio.problems).toEqual([]);
    expect(reviewIssuesCell(result)).toBe(`Note: ${TEXT}`);
    expect(issuesText(c, "zh", DEFAULT_POLICY)).toBe(
      "说明：第 2 行 K 列（Current assets）：Z 值、流动比率、资产负债率、利息保障倍数、Z 值处于困境区检查、流动性不足检查、负债率过高检查、利息保障不足检查未计算：未提供财务报表",
    );
  });

  test("sales alone on a model that takes none are no statements either", () => {
    const { c } = reviewOne({ ...NONE, Sales: 3000, "Z model": "nonmanufacturing" });
    expect(c.notes.map((n) => [problemText(n, "en", DEFAULT_POLICY), n.toFix])).toEqual([[TEXT, false]]);
  });

  test("interest expense with nothing else: the row's note, and the EBIT it has nothing to cover with as data to fix", () => {
    const { c } = reviewOne({ ...NONE, "Interest expense": 50 });
    expect(c.notes.map((n) => [problemText(n, "en", DEFAULT_POLICY), n.toFix])).toEqual([
      ["row 2, column P (EBIT): interest coverage and Weak interest coverage check not computed: is blank", true],
      [
        "row 2, column K (Current assets): Z-score, current ratio, debt ratio, Z-score in distress zone check, Low liquidity check and High leverage check not computed: no financial statements given",
        false,
      ],
    ]);
    expect(c.actions).toEqual([{ code: "KEEP_TERMS", because: "DATA_ISSUE" }]);
  });

  test("an interest expense of 0 with nothing else is given: nothing to cover, the rest the row's note", () => {
    const { c } = reviewOne({ ...NONE, "Interest expense": 0 });
    expect(c.notes.map((n) => [problemText(n, "en", DEFAULT_POLICY), n.toFix])).toEqual([
      [
        "row 2, column K (Current assets): Z-score, current ratio, debt ratio, Z-score in distress zone check, Low liquidity check and High leverage check not computed: no financial statements given",
        false,
      ],
    ]);
  });

  test("a row giving some statements whole keeps a blank interest expense as nothing to cover", () => {
    const { c } = reviewOne({ ...NONE, "Current assets": 500, "Current liabilities": 250 });
    expect(c.ratios.currentRatio).toBe(2);
    // Its blank Z and debt-ratio cells are data to fix; nothing claims its interest coverage.
    expect(c.notes.length).toBeGreaterThan(0);
    expect(c.notes.flatMap((n) => n.affects)).not.toContain("interestCoverage");
    expect(c.notes.flatMap((n) => n.affects)).not.toContain("COVERAGE");
  });

  test("on a sheet without any statement column there is nothing to say", () => {
    const { result, c } = reviewOne({}, { headers: ["Credit limit", "Outstanding balance", "Days past due"] });
    expect(c.notes).toEqual([]);
    expect(result.columns.zWithoutSales).toBe(false);
  });
});

describe("a bad Sales cell claims the Z-score only on a model that takes sales", () => {
  test.each(["nonmanufacturing", "emerging"])("on the %s model: its Z is written, and the note claims nothing of it", (model) => {
    const { result, c } = reviewOne({ Sales: "n/a", "Z model": model });
    expect(Number.isFinite(c.zScore)).toBe(true);
    expect(c.zZone).toBeDefined();
    const text = 'row 2, column R (Sales): must be a number, got "n/a"';
    expect(c.notes.map((n) => [problemText(n, "en", DEFAULT_POLICY), n.affects])).toEqual([[text, []]]);
    expect(reviewIssuesCell(result)).toBe(text);
    expect(issuesText(c, "zh", DEFAULT_POLICY)).toBe("第 2 行 R 列（Sales）：必须是数字，实际为“n/a”");
  });

  test("on the policy's default private model: the Z-score is not computed, and the note says so", () => {
    const { c } = reviewOne({ Sales: "n/a" });
    expect(c.zScore).toBeUndefined();
    expect(c.notes.map((n) => [problemText(n, "en", DEFAULT_POLICY), n.affects])).toEqual([
      [
        'row 2, column R (Sales): Z-score and Z-score in distress zone check not computed: must be a number, got "n/a"',
        ["zScore", "Z_DISTRESS"],
      ],
    ]);
  });
});

describe("a sheet without the Sales column says what it leaves out, once for the sheet", () => {
  const NO_SALES = HEADERS.filter((h) => h !== "Sales" && h !== "Z model");
  const TEXT =
    "The sheet has no Sales column, which the public and private Z models need: a customer on either gets no Z-score and no Z-score in distress zone check (a row naming no model is on the policy's default, private (Z′))";

  test("on the policy's default private model: no customer has a Z, the sheet says why, no row does", () => {
    const { result, c } = reviewOne({}, { headers: NO_SALES });
    expect(c.zScore).toBeUndefined();
    expect(c.notes).toEqual([]);
    expect(result.columns.zWithoutSales).toBe(true);
    expect(zWithoutSalesText(result.policy, "en")).toBe(TEXT);
    // In the printed report's Columns block, under its heading.
    expect(toTable(result, "en", "out.xlsx").split("\n")).toContain(`  ${TEXT}`);
    expect(toJson(result, "en").columns.zWithoutSales).toBe(true);
    expect(zWithoutSalesText(result.policy, "zh")).toBe(
      "工作表没有营业收入列，而上市公司和非上市公司 Z 模型需要该列：使用这两种模型的客户没有 Z 值，也不做Z 值处于困境区检查（未指明模型的行使用政策的默认模型：非上市公司（Z′））",
    );
  });

  test("on a default that takes no sales, and no model named on the rows: every Z is worked out, nothing to say", () => {
    const policy = { ...DEFAULT_POLICY, defaultZModel: "nonmanufacturing" as const };
    const { result, c } = reviewOne({}, { headers: NO_SALES, policy });
    expect(Number.isFinite(c.zScore)).toBe(true);
    expect(result.columns.zWithoutSales).toBe(false);
    expect(toTable(result, "en", "out.xlsx")).not.toContain("no Sales column");
  });

  test("rows naming their model: those on a model that takes sales have no Z, and the sheet says so", () => {
    const headers = HEADERS.filter((h) => h !== "Sales");
    const policy = { ...DEFAULT_POLICY, defaultZModel: "nonmanufacturing" as const };
    const values = customerSheet(headers, [
      { extra: rowWith({ "Z model": "private" }, headers) },
      { extra: rowWith({ "Z model": "emerging" }, headers) },
    ]);
    const result = runReview({ sheetName: "Customers", values, asOf, policy });
    expect(result.customers.map((c) => c.zScore === undefined)).toEqual([true, false]);
    expect(result.customers.map((c) => c.notes)).toEqual([[], []]);
    expect(result.columns.zWithoutSales).toBe(true);
    expect(zWithoutSalesText(result.policy, "en")).toContain("the policy's default, nonmanufacturing (Z″)");
  });

  test("with the Sales column there is nothing to say", () => {
    expect(reviewOne({}).result.columns.zWithoutSales).toBe(false);
  });
});

test.each([
  [
    "en",
    'row 2, column I (Outstanding balance): exposure, utilisation, available credit and Over credit limit check not computed: must be an amount, not a percentage, got "20%"',
  ],
  [
    "zh",
    "第 2 行 I 列（Outstanding balance）：敞口、额度使用率、可用额度、超出信用额度检查未计算：必须是金额，不是百分比，实际为“20%”",
  ],
] as const)("a percentage in an amount's column (the wrong cell copied in) is data to fix, said as such (%s)", (lang, text) => {
  const values = customerSheet(["Credit limit", "Outstanding balance"], [{ extra: [100_000, "20%"] }]);
  const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
  expect(result.portfolio.problems.map((q) => problemText(q, lang, result.policy))).toEqual([text]);
});

/**
 * The policy sheet: written in the review's language (one row per factor weight, a sentence
 * per setting, the version on top, widths set), read back in either language and by the old
 * camelCase keys, errors naming sheet, row and setting, and an exact round trip.
 */
import fc from "fast-check";
import { CellValue } from "../../../src/engine/cells";
import { CreditError, describeError } from "../../../src/engine/errors";
import { Lang } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY, Policy } from "../../../src/engine/policy";
import { POLICY_ROWS, policyRowNamed, readPolicySheet, settingLabel } from "../../../src/engine/review/policy-sheet";
import { policySheetPlan } from "../../../src/engine/review/policy-sheet-plan";
import { Z_MODELS } from "../../../src/engine/z-models";
import { applyBlocks } from "../../support/review-grid";

const SHEET = "Credit Policy";

function written(policy: Policy, lang: Lang) {
  const plan = policySheetPlan(policy, lang, {});
  return { plan, grid: applyBlocks([], plan.blocks) };
}

function thrown(fn: () => unknown): CreditError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CreditError) return error;
    throw error;
  }
  throw new Error("expected a CreditError");
}

/** The written sheet with one setting's value changed (found by its label in column A). */
function edited(label: string, value: CellValue, lang: Lang = "en"): { grid: CellValue[][]; row: number } {
  const { grid } = written(DEFAULT_POLICY, lang);
  const index = grid.findIndex((line) => line[0] === label);
  if (index < 0) throw new Error(`no row ${label}`);
  grid[index] = [label, value, grid[index][2]];
  return { grid, row: index + 1 };
}

describe("the policy sheet as written", () => {
  test("English: names, one row per weight, the version on top, percent formats, explanations and widths", () => {
    const { plan, grid } = written(DEFAULT_POLICY, "en");
    expect(plan.name).toBe("Credit Policy");
    expect(grid[0]).toEqual(["Setting", "Value", "Meaning"]);
    expect(grid[1].slice(0, 2)).toEqual(["Policy version", DEFAULT_POLICY.version]);
    expect(grid.slice(2, 7).map((line) => line.slice(0, 2))).toEqual([
      ["Weight: payment history", 0.3],
      ["Weight: contract performance", 0.25],
      ["Weight: industry risk", 0.2],
      ["Weight: market reputation", 0.15],
      ["Weight: compliance record", 0.1],
    ]);
    // The table's 25 rows, then a blank row and the legend of the archive's codes.
    expect(grid[25]).toEqual([null, null, null]);
    expect(grid[26][0]).toBe("Codes in the Credit Review Archive sheet");
    const debt = plan.blocks.find((b) => b.values[0][0] === "Maximum debt ratio")!;
    expect(debt.values[0][1]).toBe(0.7);
    // As the policy holds it: 70%, not 70.0%.
    expect(debt.formats).toEqual(["text", "percent0", "text"]);
    expect(debt.values[0][2]).toBe(
      "A debt ratio (total liabilities / total assets) above this raises a warning (write 70% or 0.7).",
    );
    expect(grid.find((l) => l[0] === "Z-score model when a customer names none")![1]).toBe("private");
    expect(grid.find((l) => l[0] === "Aging bucket edges (days)")![1]).toBe("30, 60, 90");
    // Every setting explains itself in one sentence.
    for (const line of grid.slice(1, POLICY_ROWS.length + 1)) expect(String(line[2])).toMatch(/^\S.*[.)]$/);
    const [name, value, meaning] = plan.columnWidths!;
    expect(name).toBeGreaterThanOrEqual("Share of customers overdue that triggers a portfolio warning".length - 12);
    expect(value).toBeGreaterThanOrEqual(12);
    expect(meaning).toBeGreaterThan(name);
  });

  test("Chinese: Chinese names and explanations, the model by its Chinese name", () => {
    const { plan, grid } = written(DEFAULT_POLICY, "zh");
    expect(plan.name).toBe("信用政策");
    expect(grid[0]).toEqual(["设置", "值", "说明"]);
    expect(grid[1].slice(0, 2)).toEqual(["政策版本", DEFAULT_POLICY.version]);
    expect(grid[2].slice(0, 3)).toEqual([
      "权重：付款历史",
      0.3,
      "付款历史在风险评分中所占的分量；五个权重按比例换算为合计 100%。",
    ]);
    expect(grid.find((l) => l[0] === "资产负债率上限")![1]).toBe(0.7);
    expect(grid.find((l) => l[0] === "客户未指定时使用的 Z 模型")![1]).toBe("非上市");
    expect(grid.flat().filter((v) => typeof v === "string" && /^[a-z]+[A-Z]/.test(v))).toEqual([]);
  });
});

describe("readPolicySheet", () => {
  test("every setting has its own names: key, English and Chinese, none shared with another setting", () => {
    // The version, 18 settings and 5 weights; each found again by each of its names.
    expect(POLICY_ROWS).toHaveLength(24);
    for (const row of POLICY_ROWS) {
      for (const name of [row.name, settingLabel(row.name, "en"), settingLabel(row.name, "zh")]) {
        expect([name, policyRowNamed(name)?.name]).toEqual([name, row.name]);
      }
    }
  });

  test("titles and notes are left alone; settings the sheet does not name take the defaults", () => {
    const values: CellValue[][] = [
      ["Our credit policy"],
      [],
      ["scoreRise", 0.8],
      ["OverdueDays ", "60"],
      ["maxDebtRatio", "65%"],
      ["note", "x"],
    ];
    expect(readPolicySheet(values)).toEqual(completePolicy({ scoreRise: 0.8, overdueDays: 60, maxDebtRatio: 0.65 }));
  });

  test("a setting named with its value emptied is an error naming its cell, never silently the default", () => {
    const values: CellValue[][] = [
      ["Setting", "Value", "Meaning"],
      ["scoreRise", 0.8],
      ["Minimum current ratio", "  "],
    ];
    const error = (lang: "en" | "zh") => {
      try {
        readPolicySheet(values, "Credit Policy");
      } catch (e) {
        return describeError(e as CreditError, lang);
      }
      return "no error";
    };
    expect(error("en")).toBe(
      "sheet Credit Policy, row 3, column B (Value): Minimum current ratio has no value: type one, or delete the row to use the default",
    );
    expect(error("zh")).toContain("流动比率下限没有填写值");
    values[2] = ["Minimum current ratio", null];
    expect(error("en")).toContain("row 3, column B (Value): Minimum current ratio has no value");
  });

  test("a sheet from before: camelCase keys, one weights row, a typed version (ignored)", () => {
    const old: CellValue[][] = [
      ["Setting", "Value", "Meaning"],
      ["version", "default-1", "Policy version"],
      ["weights", "30，25，20，15，10", "Factor weights"],
      ["agingEdges", "365 730 1095", "Aging bucket edges (days)"],
      ["defaultZModel", "public", "Z-score model"],
    ];
    expect(readPolicySheet(old)).toEqual(
      completePolicy({ weights: [30, 25, 20, 15, 10], agingEdges: [365, 730, 1095], defaultZModel: "public" }),
    );
  });

  test.each([
    ["English names", "en"],
    ["Chinese names", "zh"],
  ] as const)("settings found by their %s, whatever the review's language", (_name, lang) => {
    const policy = completePolicy({ maxDebtRatio: 0.6, weights: [4, 3, 2, 1, 0], defaultZModel: "emerging" });
    expect(readPolicySheet(written(policy, lang).grid)).toEqual(policy);
  });

  test.each([
    ["a percent-formatted cell (0.7)", "Maximum debt ratio", 0.7, 0.7],
    ["percent text", "Maximum debt ratio", "70%", 0.7],
    ["percent text in Chinese", "资产负债率上限", "75%", 0.75],
  ] as const)("a share as %s", (_name, label, value, expected) => {
    const { grid } = edited(label, value, /[\u4e00-\u9fff]/.test(label) ? "zh" : "en");
    expect(readPolicySheet(grid, SHEET).maxDebtRatio).toBe(expected);
  });

  test.each([
    ["非上市", "private"],
    ["上市公司", "public"],
    ["Emerging markets", "emerging"],
  ] as const)("the default model written %s", (typed, model) => {
    const { grid } = edited("Z-score model when a customer names none", typed);
    expect(readPolicySheet(grid, SHEET).defaultZModel).toBe(model);
  });

  test.each([
    [
      "a bare 70 for a share",
      "en",
      "Maximum debt ratio",
      70,
      "sheet Credit Policy, row {row}, column B (Value): Maximum debt ratio is a share: write 70% or 0.7, not 70",
    ],
    [
      "a bare 10 in Chinese",
      "zh",
      "触发组合预警的逾期客户占比",
      10,
      "工作表“Credit Policy”第 {row} 行 B 列（值）：触发组合预警的逾期客户占比是比例：请写 10% 或 0.1，而不是 10",
    ],
    [
      "text that is no number",
      "en",
      "Minimum current ratio",
      "lots",
      'sheet Credit Policy, row {row}, column B (Value): Minimum current ratio must be a number, got "lots"',
    ],
    [
      "bands the wrong way round",
      "en",
      "High risk from score",
      2,
      "sheet Credit Policy, row {row}, column B (Value): the high-risk band (2) must start above the medium-risk band (2.5)",
    ],
    [
      "a negative multiplier",
      "en",
      "Limit multiplier, medium risk",
      -1,
      "sheet Credit Policy, row {row}, column B (Value): Limit multiplier, medium risk must be at least 0, got -1",
    ],
    [
      "non-increasing aging edges",
      "en",
      "Aging bucket edges (days)",
      "60, 30",
      "sheet Credit Policy, row {row}, column B (Value): Aging bucket edges (days) must increase: 30 comes after 60",
    ],
    [
      "a bad item in a list",
      "en",
      "Aging bucket edges (days)",
      "30, sixty",
      'sheet Credit Policy, row {row}, column B (Value): Aging bucket edges (days) must be a number, got "sixty"',
    ],
    [
      "a negative weight on its own row",
      "en",
      "Weight: industry risk",
      -2,
      "sheet Credit Policy, row {row}, column B (Value): Weight: industry risk must be at least 0, got -2",
    ],
    [
      "an unknown model in Chinese",
      "zh",
      "客户未指定时使用的 Z 模型",
      "奥尔森",
      "工作表“Credit Policy”第 {row} 行 B 列（值）：客户未指定时使用的 Z 模型必须是 Z 值模型（上市、非上市、非制造业或新兴市场；也可写 public、private、nonmanufacturing、emerging），实际为“奥尔森”",
    ],
  ] as const)("%s: the error names sheet, row and setting", (_name, lang, label, value, text) => {
    const { grid, row } = edited(label, value, lang);
    const error = thrown(() => readPolicySheet(grid, SHEET));
    expect(error.place).toMatchObject({ sheet: SHEET, row });
    expect(describeError(error, lang)).toBe(text.replace("{row}", String(row)));
  });

  test("a policy sheet typed without the header row: the error names column B alone", () => {
    const grid: CellValue[][] = [
      ["Maximum debt ratio", "0.7"],
      ["Minimum current ratio", "lots"],
    ];
    expect(
      describeError(
        thrown(() => readPolicySheet(grid, SHEET)),
        "en",
      ),
    ).toBe('sheet Credit Policy, row 2, column B: Minimum current ratio must be a number, got "lots"');
  });

  test("weights that add up to 0 name the first weight row", () => {
    const { grid } = written(completePolicy({ weights: [1, 0, 0, 0, 0] }), "en");
    grid[2] = [grid[2][0], 0, grid[2][2]];
    const error = thrown(() => readPolicySheet(grid, SHEET));
    expect(describeError(error, "en")).toBe(
      "sheet Credit Policy, row 3, column B (Value): Factor weights (payment history, contract performance, industry risk, market reputation, compliance record) add up to 0; at least one weight must be positive",
    );
  });

  test('weights typed as percents with one as "10%" (a fraction): refused, naming the first weight row and both scales', () => {
    const { grid } = written(DEFAULT_POLICY, "en");
    const rows = grid.flatMap((line, r) => (String(line[0]).startsWith("Weight: ") ? [r] : []));
    expect(rows).toHaveLength(5);
    [30, 25, 20, 15, "10%"].forEach((value, i) => (grid[rows[i]] = [grid[rows[i]][0], value, grid[rows[i]][2]]));
    expect(
      describeError(
        thrown(() => readPolicySheet(grid, SHEET)),
        "en",
      ),
    ).toBe(
      `sheet Credit Policy, row ${rows[0] + 1}, column B (Value): Factor weights (payment history, contract performance, industry risk, market reputation, compliance record) mix fractions and percents: 30, 25, 20, 15 as percents and 0.1 as fractions add up to 100%; enter all five as fractions (0.3) or all as percents (30)`,
    );
  });

  test("one weight row missing: refused, naming that weight", () => {
    const grid = written(DEFAULT_POLICY, "en").grid.filter((line) => line[0] !== "Weight: market reputation");
    expect(
      describeError(
        thrown(() => readPolicySheet(grid, SHEET)),
        "en",
      ),
    ).toBe("sheet Credit Policy: Weight: market reputation is missing: with one weight per row, all five weights are needed");
  });

  test("an edited version cell changes nothing: the version follows the settings", () => {
    const { grid } = edited("Policy version", "my version");
    expect(readPolicySheet(grid)).toEqual(DEFAULT_POLICY);
  });
});

/** Valid policies: every setting within its range, bands and days in order. */
const validPolicy = fc
  .record({
    weights: fc
      .array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 })
      .filter((w) => w.some((x) => x > 0)),
    bands: fc
      .uniqueArray(fc.double({ min: 1, max: 5, noNaN: true }), { minLength: 2, maxLength: 2 })
      .map((b) => [...b].sort((x, y) => x - y)),
    scoreRise: fc.double({ min: 0, max: 4, noNaN: true }),
    overdueShare: fc.double({ min: 0, max: 1, noNaN: true }),
    maxDebtRatio: fc.double({ min: 0, max: 1, noNaN: true }),
    newsMonths: fc.integer({ min: 0, max: 120 }),
    days: fc
      .uniqueArray(fc.integer({ min: 1, max: 36500 }), { minLength: 2, maxLength: 2 })
      .map((d) => [...d].sort((x, y) => x - y)),
    ratios: fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }),
    gradeMultipliers: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    monitor: fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 2, maxLength: 2 }),
    agingEdges: fc
      .uniqueArray(fc.integer({ min: 1, max: 3650 }), { minLength: 1, maxLength: 8 })
      .map((e) => [...e].sort((x, y) => x - y)),
    defaultZModel: fc.constantFrom(...Z_MODELS),
  })
  .map((p) =>
    completePolicy({
      weights: p.weights,
      mediumFrom: p.bands[0],
      highFrom: p.bands[1],
      scoreRise: p.scoreRise,
      overdueShare: p.overdueShare,
      maxDebtRatio: p.maxDebtRatio,
      newsMonths: p.newsMonths,
      overdueDays: p.days[0],
      legalActionDays: p.days[1],
      minCurrentRatio: p.ratios[0],
      minInterestCoverage: p.ratios[1],
      limitLow: p.gradeMultipliers[0],
      limitLowNoWarning: p.ratios[2],
      limitMedium: p.gradeMultipliers[1],
      limitHigh: p.gradeMultipliers[2],
      monitorHighMonths: p.monitor[0],
      monitorOtherMonths: p.monitor[1],
      agingEdges: p.agingEdges,
      defaultZModel: p.defaultZModel,
    }),
  );

describe("round trip", () => {
  test.each(["en", "zh"] as const)(
    "%s: any valid policy written and read back is the same policy, with the same version",
    (lang) => {
      fc.assert(
        fc.property(validPolicy, (policy) => {
          const back = readPolicySheet(written(policy, lang).grid, SHEET);
          expect(back).toEqual(policy);
          expect(back.version).toBe(policy.version);
        }),
        { numRuns: 150 },
      );
    },
  );

  test("written in one language and read in a review in the other: the same policy", () => {
    fc.assert(
      fc.property(validPolicy, (policy) => {
        expect(readPolicySheet(written(policy, "zh").grid)).toEqual(readPolicySheet(written(policy, "en").grid));
      }),
      { numRuns: 50 },
    );
  });
});

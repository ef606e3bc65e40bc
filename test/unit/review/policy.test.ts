/**
 * completePolicy, the one reader of policy settings (sheet, pane and file all end in it):
 * defaults filled in, values read alike from numbers and text, shares as 0.7 or 70% (a bare
 * 70 refused with how to write it), models by their names in either language, bad values
 * refused naming the setting by its label; and the version, a fingerprint of the settings.
 */
import { CreditError, describeError } from "../../../src/engine/errors";
import { completePolicy, DEFAULT_POLICY, Policy, policyVersion } from "../../../src/engine/policy";

type Partial = Parameters<typeof completePolicy>[0];

function thrown(fn: () => unknown): CreditError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CreditError) return error;
    throw error;
  }
  throw new Error("expected a CreditError");
}

/** A policy's settings without its version, to compare what was read. */
function settings(policy: Policy): Omit<Policy, "version"> {
  const { version: _version, ...rest } = policy;
  return rest;
}

describe("completePolicy fills defaults and reads values alike from every face", () => {
  test("an empty policy is the default policy, frozen", () => {
    const policy = completePolicy({});
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(Object.isFrozen(policy)).toBe(true);
  });

  test.each([
    ["one threshold", { scoreRise: 0.5 }, { scoreRise: 0.5 }],
    [
      "null and undefined take the default",
      { scoreRise: null, overdueDays: undefined, maxDebtRatio: 0.6 },
      { maxDebtRatio: 0.6 },
    ],
    ["a number as text", { scoreRise: "0.75", overdueDays: " 60 " }, { scoreRise: 0.75, overdueDays: 60 }],
    ["a share as a fraction", { overdueShare: 0.15, maxDebtRatio: 0.7 }, { overdueShare: 0.15, maxDebtRatio: 0.7 }],
    ["a share as percent text", { overdueShare: "15%", maxDebtRatio: "70%" }, { overdueShare: 0.15, maxDebtRatio: 0.7 }],
    ["a share of exactly 100%", { maxDebtRatio: 1, overdueShare: "100%" }, { maxDebtRatio: 1, overdueShare: 1 }],
    ["a share as a fraction in text", { maxDebtRatio: "0.65" }, { maxDebtRatio: 0.65 }],
    ["a model name in any case", { defaultZModel: " Public " }, { defaultZModel: "public" }],
    ["a model by its Chinese name", { defaultZModel: "非上市" }, { defaultZModel: "private" }],
    ["a model by another Chinese name", { defaultZModel: "新兴市场" }, { defaultZModel: "emerging" }],
    ["a model by its Altman name", { defaultZModel: "Z″" }, { defaultZModel: "nonmanufacturing" }],
    ["weights in percent are kept (normalised when used)", { weights: [30, 25, 20, 15, 10] }, { weights: [30, 25, 20, 15, 10] }],
    ["weights as text", { weights: "30，25，20，15，10" }, { weights: [30, 25, 20, 15, 10] }],
    ["Chinese statement aging bands", { agingEdges: [365, 730, 1095] }, { agingEdges: [365, 730, 1095] }],
    ["aging edges as text with spaces", { agingEdges: "30 60 90 120" }, { agingEdges: [30, 60, 90, 120] }],
    ["a version given is ignored", { version: "2026-Q1 tightened" }, {}],
  ] as const)("%s", (_name, partial, changes) => {
    const policy = completePolicy(partial as Partial);
    expect(settings(policy)).toEqual({ ...settings(DEFAULT_POLICY), ...changes });
    expect(policy.version).toBe(policyVersion(policy));
  });
});

describe("completePolicy refuses bad values, naming the setting by its label", () => {
  test.each([
    [
      "bands the wrong way round",
      { mediumFrom: 3.5, highFrom: 2.5 },
      "highFrom",
      "policy.bandsOrder",
      "the high-risk band (2.5) must start above the medium-risk band (3.5)",
    ],
    [
      "equal bands",
      { mediumFrom: 3, highFrom: 3 },
      "highFrom",
      "policy.bandsOrder",
      "the high-risk band (3) must start above the medium-risk band (3)",
    ],
    ["a band outside 1–5", { highFrom: 5.5 }, "highFrom", "policy.tooLarge", "High risk from score must be at most 5, got 5.5"],
    [
      "a negative high-risk multiplier",
      { limitHigh: -0.5 },
      "limitHigh",
      "policy.tooSmall",
      "Limit multiplier, high risk must be at least 0, got -0.5",
    ],
    [
      "a negative weight: the factor's weight is named",
      { weights: [30, -25, 20, 15, 10] },
      "weight.contractPerformance",
      "policy.tooSmall",
      "Weight: contract performance must be at least 0, got -25",
    ],
    [
      "a bare 70 for a share",
      { maxDebtRatio: 70 },
      "maxDebtRatio",
      "policy.percentBare",
      "Maximum debt ratio is a share: write 70% or 0.7, not 70",
    ],
    [
      "a bare 10 for the overdue share",
      { overdueShare: 10 },
      "overdueShare",
      "policy.percentBare",
      "Share of customers overdue that triggers a portfolio warning is a share: write 10% or 0.1, not 10",
    ],
    [
      "a bare 70 as text",
      { maxDebtRatio: "70" },
      "maxDebtRatio",
      "policy.percentBare",
      "Maximum debt ratio is a share: write 70% or 0.7, not 70",
    ],
    [
      "a share over 100% written as percent",
      { overdueShare: "150%" },
      "overdueShare",
      "policy.tooLarge",
      "Share of customers overdue that triggers a portfolio warning must be at most 100%, got 150%",
    ],
    [
      "a share far over 100",
      { maxDebtRatio: 7500 },
      "maxDebtRatio",
      "policy.tooLarge",
      "Maximum debt ratio must be at most 100%, got 750000%",
    ],
    [
      "a negative share",
      { overdueShare: "-5%" },
      "overdueShare",
      "policy.tooSmall",
      "Share of customers overdue that triggers a portfolio warning must be at least 0%, got -5%",
    ],
    [
      "a fractional month",
      { newsMonths: 1.5 },
      "newsMonths",
      "policy.notWhole",
      "Negative news look-back (months) must be a whole number, got 1.5",
    ],
    [
      "text that is no number",
      { scoreRise: "one" },
      "scoreRise",
      "policy.notNumber",
      'Score rise that triggers a warning (points) must be a number, got "one"',
    ],
    [
      "a boolean",
      { scoreRise: true },
      "scoreRise",
      "policy.notNumber",
      'Score rise that triggers a warning (points) must be a number, got "true"',
    ],
    [
      "weights that are not a list",
      { weights: { a: 1 } },
      "weights",
      "policy.notList",
      "Factor weights (payment history, contract performance, industry risk, market reputation, compliance record) must be a list of numbers",
    ],
    [
      "an unknown Z model",
      { defaultZModel: "ohlson" },
      "defaultZModel",
      "policy.notModel",
      'Z-score model when a customer names none must name a Z-score model (public, private, nonmanufacturing or emerging; 上市, 非上市, 非制造业 or 新兴市场), got "ohlson"',
    ],
    [
      "legal action before the overdue warning",
      { overdueDays: 200 },
      "legalActionDays",
      "policy.legalBeforeOverdue",
      "legal action days (180) must not be fewer than overdue warning days (200)",
    ],
    [
      "an aging edge of 0",
      { agingEdges: [0, 30] },
      "agingEdges",
      "policy.tooSmall",
      "Aging bucket edges (days) must be at least 1, got 0",
    ],
    [
      "non-increasing aging edges",
      { agingEdges: [30, 30, 90] },
      "agingEdges",
      "aging.edgesIncreasing",
      "Aging bucket edges (days) must increase: 30 comes after 30",
    ],
    [
      "no aging edges",
      { agingEdges: [] },
      "agingEdges",
      "aging.edgesCount",
      "Aging bucket edges (days) must list 1 to 20 bucket edges, got 0",
    ],
    [
      "four weights",
      { weights: [1, 1, 1, 1] },
      "weights",
      "score.weightsCount",
      "Factor weights (payment history, contract performance, industry risk, market reputation, compliance record) must be 5 numbers, one per factor; got 4",
    ],
  ] as const)("%s", (_name, partial, setting, key, text) => {
    const error = thrown(() => completePolicy(partial as Partial));
    expect(error.key).toBe(key);
    expect(error.place.setting).toBe(setting);
    expect(error.message).toBe(text);
  });

  test.each([
    [{ maxDebtRatio: 70 }, "资产负债率上限是比例：请写 70% 或 0.7，而不是 70"],
    [
      { defaultZModel: "ohlson" },
      "客户未指定时使用的 Z 模型必须是 Z 值模型（上市、非上市、非制造业或新兴市场；也可写 public、private、nonmanufacturing、emerging），实际为“ohlson”",
    ],
    [{ weights: [1, 1, -1, 1, 1] }, "权重：行业风险不能小于 0，实际为 -1"],
  ] as const)("in Chinese the setting is named in Chinese: %j", (partial, text) => {
    expect(
      describeError(
        thrown(() => completePolicy(partial as Partial)),
        "zh",
      ),
    ).toBe(text);
  });
});

describe("the policy version is a fingerprint of the settings", () => {
  test("it looks like P- and six hex digits, and the default policy has one", () => {
    expect(DEFAULT_POLICY.version).toMatch(/^P-[0-9a-f]{6}$/);
    expect(completePolicy({}).version).toBe(DEFAULT_POLICY.version);
  });

  test("the same content gives the same version, however it was written", () => {
    const a = completePolicy({ maxDebtRatio: 0.65, defaultZModel: "nonmanufacturing", agingEdges: [30, 60] });
    const b = completePolicy({ maxDebtRatio: "65%", defaultZModel: "非制造业", agingEdges: "30, 60", version: "mine" });
    expect(b.version).toBe(a.version);
  });

  test("weights that score alike are one version: 30/25/20/15/10 is 0.3/0.25/0.2/0.15/0.1", () => {
    expect(completePolicy({ weights: [30, 25, 20, 15, 10] }).version).toBe(DEFAULT_POLICY.version);
    expect(completePolicy({ weights: [1, 1, 1, 1, 1] }).version).toBe(
      completePolicy({ weights: [0.2, 0.2, 0.2, 0.2, 0.2] }).version,
    );
  });

  test.each([
    ["weights", { weights: [0.35, 0.2, 0.2, 0.15, 0.1] }],
    ["mediumFrom", { mediumFrom: 2.4 }],
    ["highFrom", { highFrom: 3.6 }],
    ["scoreRise", { scoreRise: 0.9 }],
    ["overdueShare", { overdueShare: 0.11 }],
    ["newsMonths", { newsMonths: 2 }],
    ["overdueDays", { overdueDays: 91 }],
    ["legalActionDays", { legalActionDays: 181 }],
    ["minCurrentRatio", { minCurrentRatio: 1.1 }],
    ["maxDebtRatio", { maxDebtRatio: 0.71 }],
    ["minInterestCoverage", { minInterestCoverage: 1.6 }],
    ["limitLow", { limitLow: 0.9 }],
    ["limitLowNoWarning", { limitLowNoWarning: 1.2 }],
    ["limitMedium", { limitMedium: 0.9 }],
    ["limitHigh", { limitHigh: 0.4 }],
    ["monitorHighMonths", { monitorHighMonths: 2 }],
    ["monitorOtherMonths", { monitorOtherMonths: 6 }],
    ["agingEdges", { agingEdges: [30, 60, 90, 120] }],
    ["defaultZModel", { defaultZModel: "public" }],
  ] as const)("a change of %s gives a new version", (_name, change) => {
    expect(completePolicy(change as Partial).version).not.toBe(DEFAULT_POLICY.version);
  });

  test("the version does not depend on the order or the run: a fixed value for the defaults", () => {
    // Pinned, so that a change of the canonical form (which would re-version every workbook's policy) is noticed.
    expect(DEFAULT_POLICY.version).toBe("P-7400d9");
  });
});

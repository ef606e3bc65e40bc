/** completePolicy and the policy sheet: defaults filled in, bad values refused by field (and by row on the sheet). */
import { CellValue } from "../../../src/engine/cells";
import { CreditError, describeError } from "../../../src/engine/errors";
import { completePolicy, DEFAULT_POLICY, Policy, POLICY_FIELDS } from "../../../src/engine/policy";
import { policyRows, readPolicySheet } from "../../../src/engine/review/policy-sheet";

function thrown(fn: () => unknown): CreditError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CreditError) return error;
    throw error;
  }
  throw new Error("expected a CreditError");
}

describe("completePolicy fills defaults", () => {
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
    ["a model name in any case", { defaultZModel: " Public " }, { defaultZModel: "public" }],
    ["weights in percent are kept (normalised when used)", { weights: [30, 25, 20, 15, 10] }, { weights: [30, 25, 20, 15, 10] }],
    ["a numeric version becomes text", { version: 7 }, { version: "7" }],
    ["Chinese statement aging bands", { agingEdges: [365, 730, 1095] }, { agingEdges: [365, 730, 1095] }],
  ] as const)("%s", (_name, partial, changes) => {
    expect(completePolicy(partial as Partial<Record<keyof Policy, unknown>>)).toEqual({ ...DEFAULT_POLICY, ...changes });
  });
});

describe("completePolicy rejects bad values, naming the field", () => {
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
    ["a band outside 1–5", { highFrom: 5.5 }, "highFrom", "policy.tooLarge", "highFrom must be at most 5, got 5.5"],
    [
      "a negative high-risk multiplier",
      { limitHigh: -0.5 },
      "limitHigh",
      "policy.tooSmall",
      "limitHigh must be at least 0, got -0.5",
    ],
    [
      "a negative low-risk multiplier",
      { limitLowNoWarning: -1 },
      "limitLowNoWarning",
      "policy.tooSmall",
      "limitLowNoWarning must be at least 0, got -1",
    ],
    [
      "a negative weight",
      { weights: [30, -25, 20, 15, 10] },
      "weights",
      "policy.tooSmall",
      "weights must be at least 0, got -25",
    ],
    [
      "an overdue share over 100%",
      { overdueShare: 1.5 },
      "overdueShare",
      "policy.tooLarge",
      "overdueShare must be at most 1, got 1.5",
    ],
    ["a fractional month", { newsMonths: 1.5 }, "newsMonths", "policy.notWhole", "newsMonths must be a whole number, got 1.5"],
    ["a number as text", { scoreRise: "1" }, "scoreRise", "policy.notNumber", 'scoreRise must be a number, got "1"'],
    ["weights that are not a list", { weights: 5 }, "weights", "policy.notList", "weights must be a list of numbers"],
    [
      "an unknown Z model",
      { defaultZModel: "ohlson" },
      "defaultZModel",
      "policy.notModel",
      'defaultZModel must be one of public, private, nonmanufacturing, emerging, got "ohlson"',
    ],
    [
      "legal action before the overdue warning",
      { overdueDays: 200 },
      "legalActionDays",
      "policy.legalBeforeOverdue",
      "legal action days (180) must not be fewer than overdue warning days (200)",
    ],
    ["an aging edge of 0", { agingEdges: [0, 30] }, "agingEdges", "policy.tooSmall", "agingEdges must be at least 1, got 0"],
  ] as const)("%s", (_name, partial, field, key, text) => {
    const error = thrown(() => completePolicy(partial as Partial<Record<keyof Policy, unknown>>));
    expect(error.key).toBe(key);
    expect(error.params.field).toBe(field);
    expect(error.message).toBe(text);
  });

  test.each([
    [
      "non-increasing aging edges (repeated)",
      { agingEdges: [30, 30, 90] },
      "aging.edgesIncreasing",
      "agingEdges must increase: 30 comes after 30",
    ],
    ["decreasing aging edges", { agingEdges: [60, 30] }, "aging.edgesIncreasing", "agingEdges must increase: 30 comes after 60"],
    ["no aging edges", { agingEdges: [] }, "aging.edgesCount", "agingEdges must list 1 to 20 bucket edges, got 0"],
    ["four weights", { weights: [1, 1, 1, 1] }, "score.weightsCount", "weights must be 5 numbers, one per factor; got 4"],
    [
      "weights adding up to 0",
      { weights: [0, 0, 0, 0, 0] },
      "score.weightsZero",
      "weights add up to 0; at least one weight must be positive",
    ],
  ] as const)("%s", (_name, partial, key, text) => {
    const error = thrown(() => completePolicy(partial as Partial<Record<keyof Policy, unknown>>));
    expect(error.key).toBe(key);
    expect(error.message).toBe(text);
  });
});

describe("readPolicySheet", () => {
  const sheet = (policy: Policy = DEFAULT_POLICY): CellValue[][] => [
    ["Setting", "Value", "Meaning"],
    ...policyRows(policy, "en"),
  ];
  const rowOf = (key: string) => POLICY_FIELDS.findIndex((f) => f.key === key) + 2;
  const edit = (key: string, value: CellValue) => sheet().map((line) => (line[0] === key ? [key, value, line[2]] : line));

  test("titles, notes and blank values are left alone; missing settings take the defaults", () => {
    const values: CellValue[][] = [
      ["Our credit policy"],
      [],
      ["scoreRise", 0.8],
      ["OverdueDays ", "60"],
      ["maxDebtRatio", "65%"],
      ["minCurrentRatio", ""],
      ["note", "x"],
    ];
    expect(readPolicySheet(values)).toEqual({ ...DEFAULT_POLICY, scoreRise: 0.8, overdueDays: 60, maxDebtRatio: 0.65 });
  });

  test("lists written with Chinese commas or spaces", () => {
    expect(
      readPolicySheet([
        ["weights", "30，25，20，15，10"],
        ["agingEdges", "365 730 1095"],
      ]),
    ).toEqual({
      ...DEFAULT_POLICY,
      weights: [30, 25, 20, 15, 10],
      agingEdges: [365, 730, 1095],
    });
  });

  test.each([
    ["a threshold that is not a number", "overdueShare", "lots", 'row {row}: must be a number, got "lots"'],
    ["bands the wrong way round", "highFrom", 2, "row {row}: the high-risk band (2) must start above the medium-risk band (2.5)"],
    ["a negative multiplier", "limitMedium", -1, "row {row}: limitMedium must be at least 0, got -1"],
    ["non-increasing aging edges", "agingEdges", "60, 30", "row {row}: agingEdges must increase: 30 comes after 60"],
    ["too few weights", "weights", "30, 25, 20, 15", "row {row}: weights must be 5 numbers, one per factor; got 4"],
    ["a bad item in a list", "agingEdges", "30, sixty", 'row {row}: must be a number, got "sixty"'],
  ] as const)("%s: an error naming its row", (_name, key, value, text) => {
    const error = thrown(() => readPolicySheet(edit(key, value)));
    expect(error.place.row).toBe(rowOf(key));
    expect(describeError(error, "en")).toBe(text.replace("{row}", String(rowOf(key))));
  });
});

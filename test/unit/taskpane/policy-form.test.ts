/**
 * The pane's policy form is read by the engine's one setting reader: the same values as the
 * policy sheet and a --policy file, and an error pointing at the form field it is about.
 */
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { CellValue } from "../../../src/engine/cells";
import { readPolicySheet } from "../../../src/engine/review/policy-sheet";
import { formToPolicy, formVersion, policyOnlyPlan, policyToForm, valuesAfter } from "../../../src/taskpane/model";

const form = (changes: Record<string, string>) => ({ ...policyToForm(DEFAULT_POLICY), ...changes });

describe("formToPolicy", () => {
  test("the default form is the default policy, shares shown as percents", () => {
    expect(policyToForm(DEFAULT_POLICY)).toMatchObject({
      overdueShare: "10%",
      maxDebtRatio: "70%",
      weights: "0.3, 0.25, 0.2, 0.15, 0.1",
    });
    expect(formToPolicy(policyToForm(DEFAULT_POLICY), "en")).toEqual({ policy: DEFAULT_POLICY });
  });

  test.each([
    ["a share as 0.65", { maxDebtRatio: "0.65" }, { maxDebtRatio: 0.65 }],
    ["a share as 65%", { maxDebtRatio: "65%" }, { maxDebtRatio: 0.65 }],
    ["a model by its Chinese name", { defaultZModel: "非上市" }, { defaultZModel: "private" }],
    ["weights in percent", { weights: "30, 25, 20, 15, 10" }, { weights: [30, 25, 20, 15, 10] }],
  ] as const)("%s", (_name, changes, expected) => {
    expect(formToPolicy(form(changes), "en")).toEqual({ policy: completePolicy(expected) });
  });

  test.each([
    ["en", { maxDebtRatio: "70" }, "maxDebtRatio", "Maximum debt ratio is a share: write 70% or 0.7, not 70"],
    ["zh", { overdueShare: "15" }, "overdueShare", "触发组合预警的逾期客户占比是比例：请写 15% 或 0.15，而不是 15"],
    ["en", { weights: "30, -1, 20, 15, 10" }, "weights", "Weight: contract performance must be at least 0, got -1"],
    ["en", { agingEdges: "60, 30" }, "agingEdges", "Aging bucket edges (days) must increase: 30 comes after 60"],
    ["en", { highFrom: "2" }, "highFrom", "the high-risk band (2) must start above the medium-risk band (2.5)"],
  ] as const)("%s: %j is refused at its field, without a sheet row", (lang, changes, field, text) => {
    expect(formToPolicy(form(changes), lang)).toEqual({ problem: { field, text } });
  });
});

test("formVersion: a share with more digits than the form shows is the form's version once in the form", () => {
  const third = completePolicy({ overdueShare: 1 / 3 });
  const inForm = formToPolicy(policyToForm(third), "en").policy!;
  expect(inForm.version).not.toBe(third.version);
  expect(formVersion(third)).toBe(inForm.version);
  expect(formVersion(DEFAULT_POLICY)).toBe(DEFAULT_POLICY.version);
});

describe("valuesAfter: the policy sheet as Save policy leaves it", () => {
  const saved = completePolicy({ mediumFrom: 2.2 });

  test("over the sheet it read: the table rewritten, a note beside it kept, the policy read back is the one saved", () => {
    const before: CellValue[][] = [
      ["Setting", "Value", "Meaning", null],
      ["highFrom", 4, null, "agreed with the board"],
    ];
    const { sheet } = policyOnlyPlan(saved, "en", {}, before);
    const after = valuesAfter(sheet, before);
    expect(after[1][3]).toBe("agreed with the board");
    expect(readPolicySheet(after)).toEqual(saved);
  });

  test("a sheet written whole (none read) holds the table alone; blanks read back as empty text", () => {
    const { sheet } = policyOnlyPlan(saved, "en", {});
    expect(sheet.mode).toBe("replace");
    const after = valuesAfter(sheet, [["stale", "row", "gone", "too"]]);
    expect(after[0]).toEqual(sheet.blocks[0].values[0]);
    expect(after.flat()).not.toContain(null);
    expect(after.flat()).not.toContain("too");
    expect(readPolicySheet(after)).toEqual(saved);
  });
});

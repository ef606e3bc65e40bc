/**
 * The legend of the archive's codes under the policy table: every warning code a customer's row
 * can hold (not the portfolio's) and every action code, once each, with the review's own texts in the sheet's language and a warning's threshold named
 * as the table above names its setting; a sheet carrying it still reads back as its policy, and
 * the setting a warning's legend names is the one that moves that warning.
 */
import { CellValue } from "../../../src/engine/cells";
import { Lang, message } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY, Policy } from "../../../src/engine/policy";
import { archiveHeader } from "../../../src/engine/review/archive";
import { warningMeaning } from "../../../src/engine/review/code-legend";
import { ACTIONS } from "../../../src/engine/review/decisions";
import { FIELD_LABELS } from "../../../src/engine/review/fields";
import { isPolicySheetTop, POLICY_ROWS, readPolicySheet, settingLabel } from "../../../src/engine/review/policy-sheet";
import { policySheetPlan } from "../../../src/engine/review/policy-sheet-plan";
import { runReview } from "../../../src/engine/review/review";
import { warningTitle } from "../../../src/engine/review/texts";
import { laidOut } from "../../../src/engine/review/sheet-layout";
import {
  CUSTOMER_CHECKS,
  CUSTOMER_WARNING_CODES,
  CustomerFacts,
  WARNING_CODES,
  WARNING_THRESHOLDS,
  WarningCode,
} from "../../../src/engine/review/warnings";
import { applyBlocks, customerSheet, serial } from "../../support/review-grid";

const TABLE_END = POLICY_ROWS.length + 1;
const ARCHIVE_WARNINGS = archiveHeader("en").indexOf("Warning codes");
const ARCHIVE_ACTIONS = archiveHeader("en").indexOf("Action codes");

function sheetOf(policy: Policy, lang: Lang, own = {}, existing?: CellValue[][]) {
  const plan = policySheetPlan(policy, lang, own, existing);
  return { plan, grid: applyBlocks(existing ?? [], plan.blocks) };
}

/** The legend's rows naming a code in column A, each with the code's meaning in column C. */
function legendOf(grid: readonly (readonly CellValue[])[]) {
  const codes: readonly string[] = [...WARNING_CODES, ...ACTIONS];
  return grid
    .slice(TABLE_END)
    .filter((line) => codes.includes(line[0] as string))
    .map((line) => ({ code: line[0] as string, value: line[1] ?? null, meaning: line[2] as string }));
}

describe.each(["en", "zh"] as const)("the legend under the %s policy table", (lang) => {
  const { plan, grid } = sheetOf(DEFAULT_POLICY, lang);
  const legend = legendOf(grid);

  test("every warning code an archive row can hold, then every action code, each once", () => {
    expect(legend.map((l) => l.code)).toEqual([...CUSTOMER_WARNING_CODES, ...ACTIONS]);
    expect(new Set(legend.map((l) => l.code)).size).toBe(CUSTOMER_WARNING_CODES.length + ACTIONS.length);
    // The portfolio's warning is in no archive row: nothing there for the legend to explain.
    expect(legend.map((l) => l.code)).not.toContain("OVERDUE_SHARE");
    // No value beside a code: nothing there for a reader (or the policy reader) to take for a setting.
    expect(legend.every((l) => l.value === null)).toBe(true);
  });

  test("each code with the review's own title for it, a warning with what its threshold is", () => {
    const settings = grid.slice(1, TABLE_END).map((line) => line[0]);
    for (const { code, meaning } of legend) {
      if ((WARNING_CODES as readonly string[]).includes(code)) {
        const warning = code as WarningCode;
        expect(meaning.startsWith(warningTitle(warning, lang, DEFAULT_POLICY))).toBe(true);
        const threshold = WARNING_THRESHOLDS[warning];
        // A setting named as the table above names it (the reader finds its row, and its column in the policy history).
        if ("setting" in threshold) {
          expect(settings).toContain(settingLabel(threshold.setting, lang));
          expect(meaning).toContain(settingLabel(threshold.setting, lang));
        } else expect(meaning).toContain(FIELD_LABELS[threshold.column][lang]);
      } else expect(meaning).toBe(message(lang, `action.${code as (typeof ACTIONS)[number]}`));
    }
    // Eight meanings for eight warnings and nine for nine actions: no two codes read alike.
    expect(new Set(legend.map((l) => l.meaning)).size).toBe(legend.length);
  });

  test("headed by the archive's own column headers and titled with the archive sheet's name", () => {
    const bold = plan.blocks.filter((b) => b.bold && b.row >= TABLE_END).map((b) => b.values[0][0]);
    const header = archiveHeader(lang);
    expect(bold).toEqual([
      message(lang, "legend.title", { sheet: lang === "en" ? "Credit Review Archive" : "信用审查档案" }),
      header[ARCHIVE_WARNINGS],
      header[ARCHIVE_ACTIONS],
    ]);
    // A renamed archive is named as the workbook has it.
    expect(sheetOf(DEFAULT_POLICY, lang, { archive: "Audit trail" }).grid[TABLE_END + 1][0]).toContain("Audit trail");
  });

  test("read back, the sheet is its policy: the legend is not taken for settings", () => {
    const policy = completePolicy({ scoreRise: 0.6, overdueShare: 0.2, overdueDays: 45, maxDebtRatio: 0.8 });
    const { grid: written } = sheetOf(policy, lang);
    expect(readPolicySheet(written, "Credit Policy")).toEqual(policy);
    expect(isPolicySheetTop(written.slice(0, 30))).toBe(true);
    // A figure typed beside SCORE_RISE (its name reads as the scoreRise key) is a note, not the setting.
    const typed = written.map((line) => [...line]);
    typed[written.findIndex((line) => line[0] === "SCORE_RISE")][1] = 3;
    expect(readPolicySheet(typed).scoreRise).toBe(0.6);
  });
});

describe("the legend over the sheet as it was", () => {
  test("a note beside the legend stays; an older, longer sheet's rows below it go", () => {
    const { grid: first } = sheetOf(DEFAULT_POLICY, "en");
    const existing = first.map((line) => [...line]);
    const noteRow = existing.findIndex((line) => line[0] === "LEVERAGE");
    existing[noteRow][3] = "board minutes 2026-03";
    while (existing.length < 60) existing.push([]);
    existing.push(["Weight: an old factor", 0.2, "old"]);
    const { plan, grid } = sheetOf(DEFAULT_POLICY, "en", {}, existing);
    expect(plan.mode).toBe("rewrite-from");
    expect(grid[noteRow][3]).toBe("board minutes 2026-03");
    expect(grid[60]).toEqual([null, null, null]);
    expect(plan.blocks.every((b) => b.column + b.formats.length <= 3)).toBe(true);
  });

  test("the legend's texts fit the meaning column: no narrower than its longest, within the table's bounds", () => {
    for (const lang of ["en", "zh"] as const) {
      const { plan, grid } = sheetOf(DEFAULT_POLICY, lang);
      const longest = Math.max(...legendOf(grid).map((l) => [...l.meaning].length));
      expect(plan.columnWidths![2]).toBeGreaterThanOrEqual(Math.min(110, longest));
    }
  });
});

describe("the policy sheet's rows as tall as their texts", () => {
  // Chinese meanings fit their column whole: the column is fitted by the measure the row heights
  // count lines with, so no row is made two lines tall for a text printing on one.
  test("in Chinese, every meaning the column is fitted to is one line", () => {
    const layout = laidOut(policySheetPlan(DEFAULT_POLICY, "zh", {}), "zh", "page");
    expect(layout.rowHeights ?? []).toEqual([]);
  });

  test("in English, a meaning wider than the widest column the sheet allows wraps: Z_DISTRESS's", () => {
    const plan = policySheetPlan(DEFAULT_POLICY, "en", {});
    const layout = laidOut(plan, "en", "page");
    const grid = applyBlocks([], plan.blocks);
    const tall = (layout.rowHeights ?? []).map((h) => grid[h.row][0]);
    expect(tall).toContain("Z_DISTRESS");
    expect(layout.columns![2].width).toBe(110);
  });
});

describe("a warning's legend names the setting that moves it", () => {
  const asOf = serial("2026-03-15");
  const base: CustomerFacts = { score: 2, grade: "high" };
  const cases: readonly [WarningCode, CustomerFacts, Partial<Policy>, Partial<Policy>][] = [
    ["SCORE_RISE", { ...base, score: 3.5, previousScore: 2 }, { scoreRise: 1 }, { scoreRise: 2 }],
    ["NEGATIVE_NEWS", { ...base, negativeNewsDate: asOf - 45 }, { newsMonths: 2 }, { newsMonths: 1 }],
    ["OVERDUE_90", { ...base, daysPastDue: 100 }, { overdueDays: 90 }, { overdueDays: 120 }],
    ["LIQUIDITY", { ...base, currentRatio: 1.2 }, { minCurrentRatio: 1.5 }, { minCurrentRatio: 1 }],
    ["LEVERAGE", { ...base, debtRatio: 0.75 }, { maxDebtRatio: 0.7 }, { maxDebtRatio: 0.8 }],
    ["COVERAGE", { ...base, interestCoverage: 1.8 }, { minInterestCoverage: 2 }, { minInterestCoverage: 1.5 }],
  ];

  test.each(cases)("%s", (code, facts, fires, quiet) => {
    const check = CUSTOMER_CHECKS.find((c) => c.code === code)!;
    expect(check.evaluate(facts, completePolicy(fires), asOf)?.code).toBe(code);
    expect(check.evaluate(facts, completePolicy(quiet), asOf)).toBeUndefined();
    const settings = new Set([...Object.keys(fires), ...Object.keys(quiet)]);
    expect([...settings]).toEqual([(WARNING_THRESHOLDS[code] as { setting: string }).setting]);
  });

  test("OVERDUE_SHARE: the portfolio's share setting", () => {
    const values = customerSheet(["Overdue amount"], [{ extra: [250] }, { extra: [0] }, { extra: [0] }, { extra: [0] }]);
    const warned = (overdueShare: number) =>
      runReview({ sheetName: "S", values, asOf, policy: completePolicy({ overdueShare }) }).portfolio.warnings;
    expect(warned(0.2)).toEqual(["OVERDUE_SHARE"]);
    expect(warned(0.3)).toEqual([]);
    expect(WARNING_THRESHOLDS.OVERDUE_SHARE).toEqual({ setting: "overdueShare" });
  });

  test("OVER_LIMIT: the customer's own credit limit, whatever the policy", () => {
    const check = CUSTOMER_CHECKS.find((c) => c.code === "OVER_LIMIT")!;
    expect(check.evaluate({ ...base, balance: 120, creditLimit: 100 }, DEFAULT_POLICY, asOf)?.threshold).toBe(100);
    expect(check.needs[0]).toContain((WARNING_THRESHOLDS.OVER_LIMIT as { column: string }).column);
    expect(warningMeaning("OVER_LIMIT", DEFAULT_POLICY, "zh")).toBe("超出信用额度——阈值：客户自身的“信用额度”");
  });

  test("Z_DISTRESS: the customer's Z model's line, else the default model's", () => {
    expect(warningMeaning("Z_DISTRESS", DEFAULT_POLICY, "en")).toBe(
      'Z-score in distress zone — threshold: the distress line of the customer\'s "Z model", else of the setting "Z-score model when a customer names none"',
    );
  });
});

/**
 * What a missing column leaves unknown is said so where a figure would stand: a check switched off
 * says "not checked" and what it lacks, never a count of 0, and a total of a column the sheet does
 * not have says "n/a (no … column)", never 0.00, on the summary sheet and in the printed report
 * (the pane's figures: test/unit/taskpane/missing-columns.test.tsx), in both languages.
 */
import { toTable } from "../../../src/cli/report";
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { missingNeeds } from "../../../src/engine/review/columns";
import { runReview } from "../../../src/engine/review/review";
import { checkMissingText, notCheckedText } from "../../../src/engine/review/texts";
import { buildWritePlan, SheetPlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-03-15");

function review(extra: readonly string[], rows: Parameters<typeof customerSheet>[1], lang: Lang) {
  const result = runReview({ sheetName: "Customers", values: customerSheet(extra, rows), asOf, policy: DEFAULT_POLICY }, lang);
  return { result, summary: buildWritePlan(result, lang, { sheetNames: [] }).sheets[0] };
}

/** Each written row of the summary's figures (columns A to D), as "a|b|c". */
function figureLines(summary: SheetPlan): string[] {
  const rows = new Map<number, string[]>();
  for (const b of summary.blocks)
    b.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (b.column + c > 3 || v === null) return;
        const cells = rows.get(b.row + r) ?? [];
        cells[b.column + c] = String(v);
        rows.set(b.row + r, cells);
      }),
    );
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => Array.from(cells, (c) => c ?? "").join("|"));
}

describe("what a switched-off check lacks", () => {
  const found = (...fields: string[]) => fields.map((field) => ({ field })) as never;

  test("per way it could run, only what is missing, the nearer way kept", () => {
    expect(missingNeeds("OVER_LIMIT", ["creditLimit"])).toEqual([["balance"]]);
    expect(missingNeeds("SCORE_RISE", [])).toEqual([["previousScore"], ["archive"]]);
    expect(missingNeeds("OVERDUE_SHARE", [])).toEqual([["overdueAmount"], ["daysPastDue"], ["ledger"]]);
    expect(
      missingNeeds("Z_DISTRESS", ["currentAssets", "currentLiabilities", "totalAssets", "totalLiabilities", "ebit"]),
    ).toEqual([["retainedEarnings", "equity"]]);
  });

  test.each([
    ["en", "OVER_LIMIT", ["creditLimit"], "not checked (no Outstanding balance column)"],
    ["en", "OVER_LIMIT", [], "not checked (no Credit limit and Outstanding balance columns)"],
    ["en", "SCORE_RISE", [], "not checked (no Previous score column or archive of earlier reviews)"],
    ["en", "OVERDUE_SHARE", [], "not checked (no Overdue amount or Days past due column or invoice ledger)"],
    ["zh", "OVER_LIMIT", ["creditLimit"], "未检查（缺少“应收账款余额”列）"],
    ["zh", "OVER_LIMIT", [], "未检查（缺少“信用额度”、“应收账款余额”列）"],
    ["zh", "SCORE_RISE", [], "未检查（缺少“上期评分”列或历史审查档案）"],
    ["zh", "OVERDUE_SHARE", [], "未检查（缺少“逾期金额”或“逾期天数”列或发票明细账）"],
  ] as const)("%s %s with %j: %s", (lang, code, fields, said) => {
    expect(notCheckedText(code, { found: found(...fields) }, lang)).toBe(said);
  });
});

describe.each([
  ["en", "Credit limit", "Warning", "Total exposure (outstanding balance)", "n/a (no Outstanding balance column)"],
  ["zh", "信用额度", "预警", "风险敞口合计（应收账款余额）", "无（缺少“应收账款余额”列）"],
] as const)("a sheet with credit limits but no balance column (%s)", (lang, limitHeader, _warning, exposureLabel, noBalance) => {
  const rows = [
    { id: "A", name: "Calm", factors: [1, 1, 1, 1, 1], extra: [100_000] },
    { id: "B", name: "Shaky", factors: [4, 4, 4, 4, 4], extra: [50_000] },
  ] as const;
  const { result, summary } = review([limitHeader], rows as never, lang);

  test("the summary sheet's totals of the balance say n/a (no … column), never 0", () => {
    const lines = figureLines(summary);
    expect(lines).toContain(`${exposureLabel}|${noBalance}`);
    expect(lines.filter((l) => l.includes(noBalance))).toHaveLength(3);
    expect(lines.some((l) => /^(Total credit limits|信用额度合计)\|150000$/.test(l))).toBe(true);
    // The exposure by grade is left empty, and its chart left out: there is no exposure to plot.
    expect(summary.charts?.map((c) => c.kind)).toEqual([]);
  });

  test("the printed report says the same", () => {
    const table = toTable(result, lang, "out.xlsx");
    expect(table.split("\n").filter((l) => l.includes(noBalance))).toHaveLength(3);
    expect(table).not.toMatch(/(Total exposure \(outstanding balance\)|风险敞口合计（应收账款余额）)[:：] ?0/);
  });

  test("each check switched off says not checked and what it lacks, never a 0 count", () => {
    const lines = figureLines(summary);
    const over = lines.findIndex((l) => l.includes("|OVER_LIMIT|"));
    expect(lines[over]).toMatch(/\|OVER_LIMIT\|(not checked|未检查)$/);
    expect(lines[over + 1]).toBe(`|${checkMissingText("OVER_LIMIT", result.columns, lang)}`);
    for (const code of result.columns.skippedChecks) {
      const at = lines.findIndex((l) => l.includes(`|${code}|`));
      expect([code, lines[at].endsWith("|0")]).toEqual([code, false]);
    }
  });
});

test("a check that ran says its count, 0 included; a total of a column the sheet has says its figure, 0 included", () => {
  const { summary } = review(["Credit limit", "Outstanding balance"], [{ extra: [0, 0] }], "en");
  const lines = figureLines(summary);
  expect(lines).toContain("Total exposure (outstanding balance)|0");
  expect(lines).toContain("Total credit limits|0");
  expect(lines.find((l) => l.includes("|OVER_LIMIT|"))).toMatch(/\|OVER_LIMIT\|0$/);
});

/**
 * The portfolio's warning (more customers overdue than the policy allows) is no customer's: where
 * the faces count customers per warning, it stands apart, with its figure against its threshold,
 * raised or not, never as a count of the customers overdue, in both languages.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import type { PlanValue } from "../../../src/engine/review/write-plan";
import { summarySheetPlan } from "../../../src/engine/review/summary-sheet";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-11-30");
/** Two of six customers overdue (33.3%, above the 10% that warns), one of them also over its limit. */
const overdue = (share: number) =>
  customerSheet(
    ["Credit limit", "Outstanding balance", "Overdue amount"],
    Array.from({ length: 6 }, (_, i) => ({ extra: [1000, i === 0 ? 2000 : 500, i < share ? 100 : 0] })),
  );
const review = (values = overdue(2), lang: Lang = "en") =>
  runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }, lang);

/** The summary sheet's rows from the one whose first cell is `label` on, `count` of them (a row's blocks side by side read as one). */
function rowsFrom(lang: Lang, label: string, count: number, values = overdue(2)) {
  const rows = new Map<number, PlanValue[]>();
  for (const b of summarySheetPlan(review(values, lang), "Summary", lang).blocks)
    b.values.forEach((line, r) => {
      const cells = rows.get(b.row + r) ?? [];
      line.forEach((v, c) => (cells[b.column + c] = v));
      rows.set(b.row + r, cells);
    });
  // The figures' columns, A to D, whatever the right half writes on the same rows; no empty cells after the last.
  const cells = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, line]) => {
      const figures = Array.from(line.slice(0, 4), (v) => v ?? null);
      while (figures.length && figures[figures.length - 1] === null) figures.pop();
      return figures;
    });
  // The last such row: the headline names the portfolio's warnings too.
  const at = cells.map((line) => line[0]).lastIndexOf(label);
  expect(at).toBeGreaterThan(0);
  return cells.slice(at, at + count);
}

describe.each([
  ["en", "Warning", "Portfolio warnings", ["Many customers overdue", "OVERDUE_SHARE", "33.3% (warning above 10%)"]],
  ["zh", "预警", "组合预警", ["逾期客户过多", "OVERDUE_SHARE", "33.3%（超过 10% 即预警）"]],
] as const)("the summary sheet (%s)", (lang, warningHeader, portfolioHeader, row) => {
  test("counts customers per customer warning, and gives the portfolio's warning its figure and threshold", () => {
    // A check switched off for want of a column has a line under its row saying what it lacks.
    const table = rowsFrom(lang, warningHeader, 20).filter((line) => line.length === 3);
    expect(table.map((line) => line[1]).slice(1, 9)).toEqual([
      "SCORE_RISE",
      "NEGATIVE_NEWS",
      "OVER_LIMIT",
      "OVERDUE_90",
      "Z_DISTRESS",
      "LIQUIDITY",
      "LEVERAGE",
      "COVERAGE",
    ]);
    expect(table.find((line) => line[1] === "OVER_LIMIT")?.[2]).toBe(1);
    expect(rowsFrom(lang, portfolioHeader, 2)[1]).toEqual(row);
  });
});

test("the summary sheet gives the share below the threshold too, and says when it is not checked", () => {
  expect(rowsFrom("en", "Portfolio warnings", 2, overdue(0))[1][2]).toBe("0.0% (warning above 10%)");
  const noOverdue = customerSheet(["Outstanding balance"], [{ extra: [100] }]);
  const [, row, ...under] = rowsFrom("en", "Portfolio warnings", 4, noOverdue);
  expect(row).toEqual(["Many customers overdue", "OVERDUE_SHARE", "not checked"]);
  // Under it what it lacks, from the second column (under the code), wrapped within the figures' columns.
  expect(under.map((line) => line[0])).toEqual(under.map(() => null));
  expect(under.map((line) => line[1]).join(" ")).toBe("no Overdue amount or Days past due column or invoice ledger");
});

test("the printed report lists customers per customer warning, the portfolio's warning on its own line", () => {
  const lines = toTable(review(), "en", "out.xlsx").split("\n");
  expect(lines).toContain("Portfolio warnings: Many customers overdue (33.3% > 10%)");
  expect(lines).toContain("Customers per warning: Over credit limit 1");
  const zh = toTable(review(overdue(2), "zh"), "zh", "out.xlsx").split("\n");
  expect(zh).toContain("各项预警的客户数：超出信用额度 1");
});

test("the JSON counts customers per customer warning; the portfolio's is among its findings", () => {
  const json = toJson(review(), "en").portfolio;
  expect(json.warningCounts).not.toHaveProperty("OVERDUE_SHARE");
  expect(json.warningCounts.OVER_LIMIT).toBe(1);
  expect(json.findings).toEqual([
    expect.objectContaining({ code: "OVERDUE_SHARE", value: 2 / 6, threshold: DEFAULT_POLICY.overdueShare }),
  ]);
});

describe("the share of customers overdue counts only customers whose overdue status can be told", () => {
  const sheet = customerSheet(
    ["Credit limit", "Outstanding balance"],
    Array.from({ length: 4 }, () => ({ extra: [10000, 1000] })),
  );
  const ledger = (c3DueDate: unknown) => [
    ["Customer ID", "Due date", "Amount"],
    ["C001", serial("2026-06-30"), 1000],
    ["C002", serial("2026-12-31"), 1000],
    ["C003", c3DueDate, 1000],
    ["C004", serial("2026-12-31"), 1000],
  ];
  const share = (c3DueDate: unknown) =>
    runReview({
      sheetName: "Customers",
      values: sheet,
      asOf,
      policy: DEFAULT_POLICY,
      ledger: { sheetName: "Invoices", values: ledger(c3DueDate) },
    }).portfolio.overdueShare;

  test("a graded customer with an open invoice whose due date is blank is neither overdue nor on time: 1 of 3, not 1 of 4", () => {
    expect(share(null)).toBeCloseTo(1 / 3, 12);
  });

  test("with the due date given it is counted: 1 of 4", () => {
    expect(share(serial("2026-12-31"))).toBeCloseTo(1 / 4, 12);
  });

  test("a graded customer whose overdue cell is blank pays on time and is counted", () => {
    const values = customerSheet(
      ["Outstanding balance", "Overdue amount"],
      [{ extra: [1000, 500] }, { extra: [1000, null] }, { extra: [1000, 0] }],
    );
    expect(runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }).portfolio.overdueShare).toBeCloseTo(
      1 / 3,
      12,
    );
  });

  test("one whose overdue cell cannot be read is not counted", () => {
    const values = customerSheet(
      ["Outstanding balance", "Overdue amount"],
      [{ extra: [1000, 500] }, { extra: [1000, "lots"] }, { extra: [1000, 0] }],
    );
    expect(runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }).portfolio.overdueShare).toBeCloseTo(
      1 / 2,
      12,
    );
  });
});

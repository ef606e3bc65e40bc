/**
 * The summary as a one-page dashboard (issue 15 item 4): the headline figures (credit limits,
 * utilisation, the amount overdue, the exposure at risk) computed once by the engine, the top
 * risks ranked by the balance at risk with the reason for each, and the list of customers with
 * problems capped so the page stays one page, in both languages.
 */
import { Lang, message } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { OUTPUT_HEADERS } from "../../../src/engine/review/fields";
import { runReview } from "../../../src/engine/review/review";
import { SHOWN_PROBLEMS } from "../../../src/engine/review/summary-sheet";
import { explainFinding, reasonDetail, movedLines } from "../../../src/engine/review/texts";
import { buildWritePlan, SheetPlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial } from "../../support/review-grid";
import { toJson, toTable } from "../../../src/cli/report";

const asOf = serial("2026-03-15");
const EXTRA = ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"];

function review(rows: Parameters<typeof customerSheet>[1], lang: Lang = "en") {
  const result = runReview({ sheetName: "Customers", values: customerSheet(EXTRA, rows), asOf, policy: DEFAULT_POLICY }, lang);
  return { result, summary: buildWritePlan(result, lang, { sheetNames: [] }).sheets[0] };
}

/** Each written row of the summary from `column` on, as "a|b|c". */
function linesFrom(summary: SheetPlan, column: number): string[] {
  const rows = new Map<number, string[]>();
  for (const b of summary.blocks)
    b.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (b.column + c < column || v === null) return;
        const cells = rows.get(b.row + r) ?? [];
        cells[b.column + c - column] = String(v);
        rows.set(b.row + r, cells);
      }),
    );
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells.join("|"));
}

describe("the headline figures", () => {
  const { result } = review([
    // Low risk, within its limit, nothing overdue: not at risk.
    { id: "A", name: "Calm", factors: [1, 1, 1, 1, 1], extra: [100_000, 40_000, 0, 0] },
    // Low risk but at 1,380% of its limit.
    { id: "B", name: "Over", factors: [2, 2, 2, 2, 2], extra: [10_000, 138_000, 0, 0] },
    // Medium risk (2.65), no warning, nothing overdue: not at risk.
    { id: "C", name: "Middling", factors: [3, 3, 2, 2, 3], extra: [50_000, 20_000, 0, 0] },
    // Overdue 30 days: at risk without a warning.
    { id: "D", name: "Late", factors: [1, 2, 1, 2, 1], extra: [60_000, 30_000, 5_000, 30] },
    // Graded high, no warning.
    { id: "E", name: "Shaky", factors: [4, 4, 4, 4, 4], extra: [80_000, 10_000, 0, 0] },
    // Not graded: its limit and balance still count in the totals and utilisation.
    { id: "F", name: "Broken", factors: [1, "bad", 1, 1, 1], extra: [20_000, 2_000, 0, 0] },
  ]);
  const p = result.portfolio;

  test("limits, utilisation and the amount overdue are over the same customers as the exposure", () => {
    expect(p.exposure).toBe(240_000);
    expect(p.creditLimits).toBe(320_000);
    expect(p.utilisation).toBeCloseTo(240_000 / 320_000, 12);
    expect(p.overdueAmount).toBe(5_000);
  });

  test("the exposure at risk is the balance of the customers graded high, warned or overdue", () => {
    expect(p.customersAtRisk).toBe(3);
    expect(p.exposureAtRisk).toBe(138_000 + 30_000 + 10_000);
  });

  test("top risks: those needing action first (held orders, prepayment), then by the balance at risk, each with its reason", () => {
    // Late's 30,000 is two days late and its terms are kept: it ranks after Shaky's 10,000 at high risk.
    expect(p.customersNeedingAction).toBe(2);
    expect(p.topRisks.map((r) => [r.name, r.balance, r.reason, r.needsAction])).toEqual([
      ["Over", 138_000, "OVER_LIMIT", true],
      ["Shaky", 10_000, "GRADE_HIGH", true],
      ["Late", 30_000, "OVERDUE", false],
    ]);
  });

  test("a top risk whose balance cell cannot be read shows no balance, in every face, as its own row does (not 0.00)", () => {
    const { result, summary } = review([
      { id: "G", name: "Graded High", factors: [4, 4, 4, 4, 4], extra: [80_000, "12.500", 0, 0] },
      { id: "H", name: "Over Limit", factors: [2, 2, 2, 2, 2], extra: [10_000, 138_000, 0, 0] },
    ]);
    const top = result.portfolio.topRisks;
    expect(top.map((r) => [r.name, r.balance])).toEqual([
      ["Over Limit", 138_000],
      ["Graded High", undefined],
    ]);
    expect(toJson(result, "en").portfolio.topRisks.map((r) => r.balance)).toEqual([138_000, null]);
    const line = toTable(result, "en", "out.xlsx")
      .split("\n")
      .find((l) => l.includes("Graded High") && l.includes("high-risk band"))!;
    expect(line).not.toMatch(/0\.00/);
    // The summary's top-risks table: the balance cell left empty (a blank is not a figure of 0).
    const row = summary.blocks.flatMap((b) => b.values).find((v) => v[0] === "G Graded High" || v[0] === "Graded High")!;
    expect(row).toBeDefined();
    expect(row[2]).toBeNull();
  });

  test("the grade table adds up to the headline: a row for the customers not graded and a total", () => {
    const { summary } = review([
      { id: "A", name: "Calm", factors: [1, 1, 1, 1, 1], extra: [100_000, 40_000, 0, 0] },
      { id: "F", name: "Broken", factors: [1, "bad", 1, 1, 1], extra: [20_000, 10_000, 0, 0] },
    ]);
    // The figures' four columns (the right half's tables share the rows).
    const lines = linesFrom(summary, 0).map((l) => l.split("|").slice(0, 4).join("|"));
    const at = lines.findIndex((l) => l.startsWith("Risk grade|"));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 6)).toEqual([
      "Low|1|40000|0.8",
      "Medium|0|0|0",
      "High|0|0|0",
      "Not graded (data errors)|1|10000|0.2",
      "Total|2|50000|1",
    ]);
  });

  test("no limit or no overdue column: utilisation and the amount overdue are not made up", () => {
    const bare = runReview(
      {
        sheetName: "Customers",
        values: customerSheet(["Outstanding balance"], [{ id: "A", name: "A", factors: [1, 1, 1, 1, 1], extra: [5] }]),
        asOf,
        policy: DEFAULT_POLICY,
      },
      "en",
    ).portfolio;
    expect(bare.creditLimits).toBe(0);
    expect(bare.utilisation).toBeUndefined();
    expect(bare.overdueAmount).toBeUndefined();
  });
});

describe.each(["en", "zh"] as const)("the dashboard sheet (%s)", (lang) => {
  const rows = [
    { id: "B", name: "Over", factors: [2, 2, 2, 2, 2], extra: [10_000, 138_000, 0, 0] },
    { id: "C", name: "Middling", factors: [3, 3, 2, 2, 3], extra: [50_000, 20_000, 0, 0] },
    { id: "D", name: "Late", factors: [1, 2, 1, 2, 1], extra: [60_000, 30_000, 5_000, 30] },
  ];
  const { result, summary } = review(rows, lang);
  const t = (key: Parameters<typeof message>[1]) => message(lang, key);

  test("the headline figures stand under the title, each with its share of the exposure", () => {
    const left = linesFrom(summary, 0);
    expect(left).toContain(`${t("summary.creditLimits")}|120000`);
    expect(left).toContain(`${t("summary.utilisation")}|${188_000 / 120_000}`);
    expect(left).toContain(`${t("summary.overdueAmount")}|5000|${5_000 / 188_000}`);
    expect(left).toContain(`${t("summary.exposureAtRisk")}|168000|${168_000 / 188_000}`);
  });

  test("the portfolio warning says its figure against its threshold", () => {
    const line = linesFrom(summary, 0).find((l) => l.startsWith(`${t("summary.portfolioWarnings")}|`));
    expect(line).toBe(
      `${t("summary.portfolioWarnings")}|` +
        message(lang, "summary.portfolioWarning", {
          title: message(lang, "warning.OVERDUE_SHARE"),
          value: "33.3%",
          threshold: "10%",
        }),
    );
  });

  test("the top risks name each customer's reason in the words the pane uses", () => {
    const right = linesFrom(summary, 5);
    const at = right.indexOf(t("summary.topRisks"));
    const over = result.customers[0];
    const late = result.customers[2];
    expect(right.slice(at + 2, at + 4)).toEqual([
      `Over|2|138000|1|${message(lang, "grade.low")}|${explainFinding(over.findings[0], lang)}`,
      `Late|4|30000|0|${message(lang, "grade.low")}|${reasonDetail("OVERDUE", late, lang, result.policy)}`,
    ]);
    // The medium customer without a warning is not a top risk.
    expect(right.some((line) => line.startsWith("Middling|"))).toBe(false);
  });

  test("the charts stand above the top risks, side by side, clear of every table", () => {
    const topRisksRow = summary.blocks.find((b) => b.values[0][0] === t("summary.topRisks"))!.row;
    for (const chart of summary.charts!) expect(chart.place.row + chart.place.rows).toBeLessThan(topRisksRow);
    const covered = (r: number, c: number) =>
      summary.charts!.some(
        (ch) =>
          r >= ch.place.row && r < ch.place.row + ch.place.rows && c >= ch.place.column && c < ch.place.column + ch.place.columns,
      );
    for (const b of summary.blocks)
      b.values.forEach((line, r) => line.forEach((v, c) => expect(v !== null && covered(b.row + r, b.column + c)).toBe(false)));
  });
});

test.each(["en", "zh"] as const)(
  "the customers with problems are capped, the rest pointed to the Review issues column (%s)",
  (lang) => {
    const broken = Array.from({ length: SHOWN_PROBLEMS + 3 }, (_, i) => ({
      id: `X${i}`,
      name: `Broken ${i}`,
      factors: [1, "bad", 1, 1, 1] as (number | string)[],
      extra: [1_000, 100, 0, 0],
    }));
    const { summary } = review(broken, lang);
    const right = linesFrom(summary, 5);
    expect(right.filter((line) => line.startsWith("Broken "))).toHaveLength(SHOWN_PROBLEMS);
    expect(right).toContain(message(lang, "summary.moreProblems", { count: 3, column: OUTPUT_HEADERS.issues[lang] }));
  },
);

test("each problem is named by the cell to go to, the ledger's with its sheet; the text says what is wrong there", () => {
  const values = customerSheet(EXTRA, [{ id: "X1", name: "Broken", factors: [1, "bad", 1, 1, 1], extra: [1_000, 100, 0, 0] }]);
  const ledger = [
    ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
    ["X2", "INV-1", null, 700, null],
  ];
  const rows = [...values, ["X2", "Late Ledger", 1, 1, 1, 1, 1, 5_000, 700, null, null]];
  const result = runReview({
    sheetName: "Customers",
    values: rows,
    asOf,
    policy: DEFAULT_POLICY,
    ledger: { sheetName: "Open items", values: ledger },
  });
  const summary = buildWritePlan(result, "en", { sheetNames: [] }).sheets[0];
  const right = linesFrom(summary, 5);
  expect(right).toContain('Broken|D2 (Contract performance)||||contract performance must be a number from 1 to 5, got "bad"');
  expect(right.find((line) => line.startsWith("Late Ledger|"))).toMatch(
    /^Late Ledger\|'Open items'!C2 \(Due date\)\|\|\|\|overdue figures, .* due date is blank but 700\.00 is still open$/,
  );
});

test.each([
  ["en", "Customer 0 (Low → High)", "and 2 more"],
  ["zh", "Customer 0（低 → 高）", "另有 2 位"],
] as const)("the customers whose grade got riskier: five by name, then how many more (%s)", (lang, first, more) => {
  const moves = Array.from({ length: 7 }, (_, i) => ({
    id: `C${i}`,
    name: `Customer ${i}`,
    previousGrade: "low" as const,
    grade: "high" as const,
    fromPolicy: false,
  }));
  const lines = movedLines(moves, lang);
  expect(lines).toHaveLength(6);
  expect([lines[0], lines[5]]).toEqual([first, more]);
  expect(movedLines(moves.slice(0, 2), lang)).toHaveLength(2);
});

test("a top risk with several warnings is listed for its most serious: overdue over 90 days before over the limit", () => {
  const { result } = review([{ id: "A", name: "Both", factors: [2, 2, 2, 2, 2], extra: [10_000, 50_000, 20_000, 120] }]);
  expect(result.customers[0].findings.map((f) => f.code).sort()).toEqual(["OVERDUE_90", "OVER_LIMIT"]);
  expect(result.portfolio.topRisks.map((r) => r.reason)).toEqual(["OVERDUE_90"]);
});

test("totals read as on paper: balances of 0.1 and 0.2 make 0.3, not 0.30000000000000004, in the exposure, at risk, by grade and overdue", () => {
  const { result } = review([
    { id: "A", name: "Tenth", factors: [1, 1, 1, 1, 1], extra: [1, 0.1, 0.1, 5] },
    { id: "B", name: "Fifth", factors: [1, 1, 1, 1, 1], extra: [1, 0.2, 0.2, 5] },
  ]);
  const p = result.portfolio;
  expect(0.1 + 0.2).not.toBe(0.3);
  expect([p.exposure, p.exposureAtRisk, p.exposureByGrade.low, p.overdueAmount, p.utilisation]).toEqual([
    0.3, 0.3, 0.3, 0.3, 0.15,
  ]);
});

/**
 * The summary sheet over amounts in two currencies: a total not added up says why in its place, a
 * table of amounts in two currencies leaves its amounts empty, and no chart plots a sum of two
 * currencies; in both languages. The same sheets in one currency keep their figures and charts.
 */
import { CellValue } from "../../../src/engine/cells";
import { Lang, message } from "../../../src/engine/i18n";
import { DEFAULT_POLICY, GRADES } from "../../../src/engine/policy";
import { ReviewResult, runReview } from "../../../src/engine/review/review";
import { renderedText } from "../../../src/engine/review/sheet-layout";
import { summarySheetPlan } from "../../../src/engine/review/summary-sheet";
import { gradeName, totalInTwoCurrenciesText, unmatchedText } from "../../../src/engine/review/texts";
import type { CellFormat, PlanValue, SheetPlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-11-30");
const HEADERS = ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"];

/** A limit typed in US dollars on one row, a balance in euros on another: each row in one currency, the portfolio in two. */
const twoCurrencies = (second = "EUR 50,000") =>
  customerSheet(HEADERS, [
    { extra: ["USD 200,000", 100000, 20000, 95] },
    { factors: [4, 4, 4, 4, 4], extra: [100000, second, 10000, 95] },
  ]);

/** Two customers with a ledger whose currency column names US dollars for one's invoices and euros for the other's. */
const ledgerIn = (second: string): CellValue[][] => [
  ["Customer ID", "Invoice", "Due date", "Amount", "Paid", "Currency"],
  ["C001", "INV-1", "2026-10-01", 50000, 0, "USD"],
  ["C002", "INV-2", "2026-10-01", 30000, 0, second],
];

function review(values: CellValue[][], lang: Lang, ledger?: CellValue[][]): ReviewResult {
  return runReview(
    {
      sheetName: "Customers",
      values,
      asOf,
      policy: DEFAULT_POLICY,
      ledger: ledger && { sheetName: "Invoices", values: ledger },
    },
    lang,
  );
}

/** The plan's cells row by row (blocks side by side read as one row). */
function grid(plan: SheetPlan): PlanValue[][] {
  const rows: PlanValue[][] = [];
  for (const b of plan.blocks)
    b.values.forEach((line, r) => {
      const cells = (rows[b.row + r] ??= []);
      line.forEach((v, c) => (cells[b.column + c] = v));
    });
  return Array.from(rows, (line) => Array.from(line ?? [], (v) => v ?? null));
}

/** Every text of the plan in reading order, without the spaces a line wrapped at (lines wrap one a row). */
const allText = (plan: SheetPlan) =>
  grid(plan)
    .flat()
    .filter((v): v is string => typeof v === "string")
    .join("")
    .replace(/\s+/g, "");
const unspaced = (text: string) => text.replace(/\s+/g, "");

/** The first row whose first cell (of the figures' columns) is `label`. */
function rowOf(plan: SheetPlan, label: string): PlanValue[] {
  const row = grid(plan).find((line) => line[0] === label);
  expect(row).toBeDefined();
  return row!.slice(0, 4);
}

/** The format of the figure right of the first cell (of the figures' columns) that is `label`. */
function formatOf(plan: SheetPlan, label: string): CellFormat | undefined {
  const labelled = plan.blocks.find((b) => b.column === 0 && b.values[0]?.[0] === label && b.values[0].length > 1);
  return labelled?.formats[1];
}

describe.each(["en", "zh"] as const)("the summary sheet (%s)", (lang) => {
  const t = (key: Parameters<typeof message>[1]) => message(lang, key);

  test("balances in two currencies: each customer's listed balance is a figure in its own currency's format; in one, in the column's", () => {
    const cellsOf = (plan: SheetPlan) =>
      plan.blocks.flatMap((b) =>
        b.values.flatMap((line) =>
          line.map((value, c) => ({ value, format: b.formats[c], right: b.rightAligned?.[c] ?? false })),
        ),
      );
    const two = cellsOf(summarySheetPlan(review(twoCurrencies(), lang), "Summary", lang));
    const balance = (value: number) => two.filter((cell) => cell.value === value && cell.format !== "money");
    expect(balance(100000)).toEqual([{ value: 100000, format: "money USD", right: true }]);
    expect(balance(50000)).toEqual([{ value: 50000, format: "money EUR", right: true }]);
    expect(renderedText(50000, "money EUR", lang)).toBe("EUR 50,000.00");
    expect(two.filter((cell) => typeof cell.value === "string" && /^(USD|EUR) \d/.test(cell.value))).toEqual([]);
    const one = cellsOf(summarySheetPlan(review(twoCurrencies("USD 50,000"), lang), "Summary", lang));
    expect(one.filter((cell) => typeof cell.value === "string" && /^(USD|EUR) \d/.test(cell.value))).toEqual([]);
    expect(one.find((cell) => cell.value === 50000)).toEqual({ value: 50000, format: "money", right: false });
  });

  test("balances in two currencies: the exposure, its grades and its chart give way to why, a row of each named; the counts stand", () => {
    const result = review(twoCurrencies(), lang);
    const plan = summarySheetPlan(result, "Summary", lang);
    const why = totalInTwoCurrenciesText(result.portfolio.twoCurrencies!.exposure!, lang);
    expect(why).toContain("USD");
    expect(why).toContain("EUR");
    // Said in the exposure's place, never a figure; and in the exposure at risk's, and the limits' own.
    expect(
      rowOf(plan, t("summary.exposure"))
        .slice(1)
        .some((v) => typeof v === "number"),
    ).toBe(false);
    expect(allText(plan)).toContain(unspaced(message(lang, "summary.notAdded", { why })));
    expect(allText(plan)).toContain(unspaced(totalInTwoCurrenciesText(result.portfolio.twoCurrencies!.creditLimits!, lang)));
    // Each grade's customers counted, its exposure empty; no chart of exposure by grade.
    const grades = GRADES.map((g) => rowOf(plan, gradeName(g, lang)));
    expect(grades.map((line) => line.slice(1))).toEqual([
      [1, null, null],
      [0, null, null],
      [1, null, null],
    ]);
    expect(rowOf(plan, t("summary.total")).slice(1)).toEqual([2, null, null]);
    // Under the table, why its exposure column is empty.
    const under = grid(plan).findIndex((line) => line[0] === t("summary.gradeExposure"));
    expect(under).toBeGreaterThan(grid(plan).findIndex((line) => line[0] === t("summary.total")));
    expect(typeof grid(plan)[under][1]).toBe("string");
    expect(plan.charts?.map((c) => c.title)).toEqual([]);
  });

  test("the same balances in one currency: every figure and the chart of exposure by grade", () => {
    const plan = summarySheetPlan(review(twoCurrencies("USD 50,000"), lang), "Summary", lang);
    expect(rowOf(plan, t("summary.exposure"))[1]).toBe(150000);
    expect(rowOf(plan, t("summary.total")).slice(1)).toEqual([2, 150000, 1]);
    expect(plan.charts?.map((c) => c.title)).toEqual([t("summary.exposureChart")]);
  });

  test("invoices in two currencies: the aging's amounts are empty and say why, and no aging chart", () => {
    const result = review(
      customerSheet(["Credit limit", "Outstanding balance"], [{ extra: [100000, 50000] }, { extra: [100000, 30000] }]),
      lang,
      ledgerIn("EUR"),
    );
    const plan = summarySheetPlan(result, "Summary", lang);
    const labels = result.portfolio.aging!.labels;
    expect(labels.map((label) => rowOf(plan, label).slice(1))).toEqual(labels.map(() => [null, null]));
    const why = totalInTwoCurrenciesText(result.portfolio.twoCurrencies!.aging!, lang);
    expect(why).toContain("Invoices");
    expect(allText(plan)).toContain(unspaced(message(lang, "summary.notAdded", { why })));
    // The exposure, from the sheet's balances, stands with its chart.
    expect(rowOf(plan, t("summary.exposure"))[1]).toBe(80000);
    expect(plan.charts?.map((c) => c.title)).toEqual([t("summary.exposureChart")]);

    const oneCurrency = summarySheetPlan(
      review(
        customerSheet(["Credit limit", "Outstanding balance"], [{ extra: [100000, 50000] }, { extra: [100000, 30000] }]),
        lang,
        ledgerIn("USD"),
      ),
      "Summary",
      lang,
    );
    expect(oneCurrency.charts?.map((c) => c.title)).toEqual([t("summary.exposureChart"), t("summary.agingChart")]);
  });

  test("invoices overdue in US dollars, one not yet due in euros, and invoices of customers not on the sheet in both: the overdue amount stands; the aging and the unmatched invoices' amount say why not", () => {
    const ledger = [
      ...ledgerIn("USD"),
      ["C003", "INV-3", "2026-12-15", 20000, 0, "EUR"],
      ["C008", "INV-8", "2026-10-01", 1000, 0, "USD"],
      ["C009", "INV-9", "2026-10-01", 2000, 0, "EUR"],
    ];
    const result = review(
      customerSheet(
        ["Credit limit", "Outstanding balance"],
        [{ extra: [100000, 50000] }, { extra: [100000, 30000] }, { extra: [100000, 20000] }],
      ),
      lang,
      ledger,
    );
    const plan = summarySheetPlan(result, "Summary", lang);
    // Beside the aging in two currencies, the overdue amount says its one: a figure in a format naming it.
    expect(rowOf(plan, t("summary.overdueAmount")).slice(1, 3)).toEqual([80000, 0.8]);
    expect(formatOf(plan, t("summary.overdueAmount"))).toBe("money USD");
    // No bucket of the aging has an amount: each would add the euros to the dollars.
    const labels = result.portfolio.aging!.labels;
    expect(labels.map((label) => rowOf(plan, label).some((v) => typeof v === "number"))).toEqual(labels.map(() => false));
    const aging = totalInTwoCurrenciesText(result.portfolio.twoCurrencies!.aging!, lang);
    expect(aging).toContain("EUR");
    expect(allText(plan)).toContain(unspaced(message(lang, "summary.notAdded", { why: aging })));
    const unmatched = totalInTwoCurrenciesText(result.portfolio.twoCurrencies!.unmatchedInvoices!, lang);
    expect(result.portfolio.unmatchedInvoices).toMatchObject({ customers: 2, invoices: 2, amount: undefined });
    expect(allText(plan)).toContain(unspaced(unmatched));
    expect(allText(plan)).toContain(unspaced(unmatchedText(result.portfolio.unmatchedInvoices!, result.portfolio, lang)));
  });

  test("overdue amounts in another currency than the balances: the amount stands, its share of the exposure says why not", () => {
    const values = customerSheet(HEADERS, [
      { extra: [200000, "USD 100,000", "EUR 5,000", 10] },
      { extra: [200000, "USD 20,000", "EUR 1,000", 10] },
    ]);
    const result = review(values, lang);
    const plan = summarySheetPlan(result, "Summary", lang);
    const rows = grid(plan);
    const at = rows.findIndex((line) => line[0] === t("summary.overdueAmount"));
    // No share beside it: the line under it says why.
    expect([rows[at][1], rows[at][2] ?? null]).toEqual([6000, null]);
    expect(formatOf(plan, t("summary.overdueAmount"))).toBe("money EUR");
    const under = rows
      .slice(at + 1, at + 4)
      .map((line) => line[1])
      .join("");
    expect(unspaced(under)).toContain(
      unspaced(
        message(lang, "summary.shareNotAdded", {
          why: totalInTwoCurrenciesText(result.portfolio.twoCurrencies!.overdueAmountShare!, lang),
        }),
      ),
    );
    // The exposure at risk, all in US dollars, keeps its share, and says its currency beside the overdue amount in euros.
    expect(rowOf(plan, t("summary.exposureAtRisk")).slice(1, 3)).toEqual([120000, 1]);
    expect(formatOf(plan, t("summary.exposureAtRisk"))).toBe("money USD");
  });
});

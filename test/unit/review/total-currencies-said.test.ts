/**
 * Where some portfolio total is in two currencies (not added up), every total that is added up
 * says its currency beside it, in every face and both languages: balances in euros and US dollars
 * by row, an invoice ledger all in US dollars, and its overdue amount reads "USD 963,000.00", not
 * a bare figure beside the two (on the summary sheet, a figure whose number format shows it so). A portfolio in one currency carries nothing new.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { CellValue } from "../../../src/engine/cells";
import { Lang } from "../../../src/engine/i18n";
import { ReviewResult } from "../../../src/engine/review/review";
import { numberFormat } from "../../../src/engine/review/formats";
import { renderedText } from "../../../src/engine/review/sheet-layout";
import { summarySheetPlan } from "../../../src/engine/review/summary-sheet";
import { overdueTotalText, totalAmountText, unmatchedText } from "../../../src/engine/review/texts";
import type { PlanValue, SheetPlan } from "../../../src/engine/review/write-plan";
import { reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const NOV = serial("2026-11-30");
const DEC = serial("2026-12-31");

/** Acme's balance in euros, Beta's limit in US dollars: each row in one currency, the balances in two. */
const rows = (acmeBalance: CellValue = "EUR 540,000", betaLimit: CellValue = "USD 500,000") =>
  customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { id: "C1", name: "Acme", extra: [600000, acmeBalance] },
      { id: "C2", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [betaLimit, 423000] },
    ],
  );

/** Both customers billed in `currency`, overdue on both review dates; and one invoice of a customer not on the sheet. */
const ledger = (currency: string): CellValue[][] => [
  ["Customer ID", "Invoice", "Due date", "Amount", "Paid", "Currency"],
  ["C1", "INV-1", "2026-09-30", 540000, 0, currency],
  ["C2", "INV-2", "2026-10-15", 423000, 0, currency],
  ["C9", "INV-9", "2026-10-15", 7000, 0, currency],
];

function twoMonths(customers: CellValue[][], lang: Lang): { first: ReviewResult; second: ReviewResult } {
  const one = reviewWorkbook({ customers, ledger: ledger("USD") }, NOV, lang);
  const two = reviewWorkbook(one.workbook, DEC, lang);
  return { first: one.result, second: two.result };
}

/** The plan's cells row by row (blocks side by side read as one row). */
function grid(plan: SheetPlan): PlanValue[][] {
  const lines: PlanValue[][] = [];
  for (const b of plan.blocks)
    b.values.forEach((line, r) => {
      const cells = (lines[b.row + r] ??= []);
      line.forEach((v, c) => (cells[b.column + c] = v));
    });
  return Array.from(lines, (line) => Array.from(line ?? [], (v) => v ?? null));
}

/** The first row whose first cell is `label`, its first three cells. */
const rowOf = (plan: SheetPlan, label: string) =>
  grid(plan)
    .find((line) => line[0] === label)
    ?.slice(0, 3);

const SAID = {
  en: {
    overdue: "Overdue amount, share of exposure: USD 963,000.00 (share of exposure n/a:",
    limits: "Total credit limits: n/a (credit limits in EUR, e.g. row 2, and USD, e.g. row 3;",
    unmatched: "1 open invoice of 1 customer, USD 7,000.00 in all: C9",
    changed: "Overdue amount: USD 963,000.00 → USD 963,000.00 (0.00)",
    amountsIn: "Amounts in",
  },
  zh: {
    overdue: "逾期金额及占敞口比例：USD 963,000.00（",
    limits: "信用额度合计：无（信用额度有的以 EUR 计，如第 2 行，有的以 USD 计，如第 3 行",
    unmatched: "USD 7,000.00",
    changed: "逾期金额：USD 963,000.00 → USD 963,000.00",
    amountsIn: "金额单位",
  },
};

describe.each(["en", "zh"] as const)("balances in two currencies, a ledger in one (%s)", (lang) => {
  const { first, second } = twoMonths(rows(), lang);
  const p = first.portfolio;

  test("the engine keeps the currency of each total added up, and none of one in two", () => {
    expect(p.twoCurrencies?.exposure).toBeDefined();
    expect(p.overdueAmount).toBe(963_000);
    expect(p.totalCurrencies).toEqual({ overdueAmount: "USD", aging: "USD", unmatchedInvoices: "USD" });
    expect(totalAmountText(963_000, "overdueAmount", p, lang)).toBe("USD 963,000.00");
    // A total with no currency kept (the exposure, not added up) stays bare should a face ask.
    expect(totalAmountText(1_000, "exposure", p, lang)).toBe("1,000.00");
  });

  test("the printed report says the overdue amount's, the unmatched invoices' and what changed's currency", () => {
    const printed = toTable(first, lang, "out.xlsx");
    expect(printed).toContain(SAID[lang].overdue);
    expect(printed).toContain(SAID[lang].limits);
    expect(printed).toContain(SAID[lang].unmatched);
    expect(unmatchedText(p.unmatchedInvoices!, p, lang)).toContain("USD 7,000.00");
    expect(second.changes?.overdue).toEqual({ then: 963_000, now: 963_000 });
    expect(toTable(second, lang, "out.xlsx")).toContain(SAID[lang].changed);
    expect(overdueTotalText(second.changes!, second.portfolio, lang)).toMatch(/^USD 963,000\.00 → USD 963,000\.00/);
  });

  test("the JSON gives each total's currency beside the figures, which stay numbers", () => {
    const json = toJson(first, lang);
    expect(json.portfolio.overdueAmount).toBe(963_000);
    expect(json.portfolio.currencies).toEqual({ overdueAmount: "USD", aging: "USD", unmatchedInvoices: "USD" });
    expect(toJson(second, lang).changes?.overdue?.text).toMatch(/^USD 963,000\.00 → USD 963,000\.00/);
  });

  test("the summary sheet writes the overdue amount as a figure shown with its currency, and names the aging's under its table", () => {
    const plan = summarySheetPlan(first, "Summary", lang);
    const overdueLabel = lang === "en" ? "Overdue amount, share of exposure" : "逾期金额及占敞口比例";
    // A figure a formula can use (=B13*2), its number format showing the currency as the sentences do.
    expect(rowOf(plan, overdueLabel)?.[1]).toBe(963_000);
    const format = plan.blocks.find((b) => b.values[0]?.[0] === overdueLabel)?.formats[1];
    expect(format).toBe("money USD");
    expect(numberFormat(format!, lang)).toBe('"USD "#,##0.00;"USD "-#,##0.00');
    expect(renderedText(963_000, format!, lang)).toBe(totalAmountText(963_000, "overdueAmount", p, lang));
    // The aging's buckets stay figures for its chart; the line under them says their currency.
    const cells = grid(plan).flat();
    expect(cells.filter((v) => v === SAID[lang].amountsIn).length).toBeGreaterThan(0);
    const under = grid(plan).find((line) => line[0] === SAID[lang].amountsIn);
    expect(under?.[1]).toBe("USD");
  });

  test("a currency no number format can hold (a ledger's code longer than a format): the overdue amount is written as its text", () => {
    const code = "X".repeat(300);
    const { result } = reviewWorkbook({ customers: rows(), ledger: ledger(code) }, NOV, lang);
    expect(result.portfolio.totalCurrencies?.overdueAmount).toBe(code);
    const plan = summarySheetPlan(result, "Summary", lang);
    const overdueLabel = lang === "en" ? "Overdue amount, share of exposure" : "逾期金额及占敞口比例";
    expect(rowOf(plan, overdueLabel)?.[1]).toBe(`${code} 963,000.00`);
    expect(plan.blocks.find((b) => b.values[0]?.[0] === overdueLabel)?.formats[1]).toBe("text");
  });
});

describe.each(["en", "zh"] as const)("every amount in one currency (%s): nothing new", (lang) => {
  const { first, second } = twoMonths(rows("USD 540,000", 500000), lang);

  test("no total's currency is kept, and the figures print bare as before", () => {
    expect(first.portfolio.twoCurrencies).toBeUndefined();
    expect(first.portfolio.totalCurrencies).toBeUndefined();
    expect("currencies" in toJson(first, lang).portfolio).toBe(false);
    expect(totalAmountText(963_000, "overdueAmount", first.portfolio, lang)).toBe("963,000.00");
    const printed = toTable(first, lang, "out.xlsx");
    expect(printed).not.toContain("USD 963,000.00");
    expect(printed).toContain(
      lang === "en" ? "Total exposure (outstanding balance): 963,000.00" : "风险敞口合计（应收账款余额）：963,000.00",
    );
    expect(overdueTotalText(second.changes!, second.portfolio, lang)).toMatch(/^963,000\.00 → 963,000\.00/);
    const plan = summarySheetPlan(first, "Summary", lang);
    expect(grid(plan).some((line) => line[0] === SAID[lang].amountsIn)).toBe(false);
  });
});

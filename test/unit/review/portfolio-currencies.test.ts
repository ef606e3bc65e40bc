/**
 * The portfolio's totals never add amounts in two currencies (total-currencies.ts): a total whose
 * amounts are in two is not added up and says why, naming a row of each, in both languages; the
 * counts stand, and the customers at risk are not ranked by balances in two currencies. The table
 * is test/cases/review/portfolio-currencies.json.
 */
import * as fs from "fs";
import * as path from "path";
import { CellValue } from "../../../src/engine/cells";
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { PortfolioResult, ReviewResult, runReview } from "../../../src/engine/review/review";
import {
  shareOfExposureNotAdded,
  totalNotAddedText,
  unmatchedText,
  utilisationLeavesOutText,
} from "../../../src/engine/review/texts";
import { customerSheet, serial } from "../../support/review-grid";

type Texts = Readonly<Record<Lang, string>>;

/** The totals each face shows or says why not, and those given with their share of the exposure. */
const SHOWN_TOTALS = [
  "exposure",
  "exposureAtRisk",
  "creditLimits",
  "utilisation",
  "overdueAmount",
  "aging",
  "unmatchedInvoices",
] as const;
const SHARES = ["overdueAmount", "exposureAtRisk"] as const;

interface PortfolioCase {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly factors?: readonly number[]; readonly cells: readonly CellValue[] }[];
  /** An invoice ledger's values, its header first (sheet "Invoices"). */
  readonly ledger?: readonly (readonly CellValue[])[];
  /** Each figure as worked out, null where it is not: the portfolio's fields, and the few below. */
  readonly portfolio: Readonly<Record<string, unknown>>;
  /** Why each total is not added up; every other total is (or says nothing of currencies). */
  readonly notAdded?: Partial<Record<(typeof SHOWN_TOTALS)[number], Texts>>;
  /** Why an amount has no share of the exposure; every other share is worked out. */
  readonly shareNotAdded?: Partial<Record<(typeof SHARES)[number], Texts>>;
  readonly utilisationLeavesOut?: Texts;
  /** The line on the ledger's invoices of customers not on the sheet, as each face gives it. */
  readonly unmatchedText?: Texts;
}

const table = JSON.parse(fs.readFileSync(path.join(__dirname, "../../cases/review/portfolio-currencies.json"), "utf8")) as {
  asOf: string;
  cases: PortfolioCase[];
};

/** The figures a case names that are not the portfolio's own fields as they stand. */
const FIGURES: Readonly<Record<string, (p: PortfolioResult) => unknown>> = {
  withoutLimit: (p) => p.withoutLimit.amount,
  withoutLimitCustomers: (p) => p.withoutLimit.customers,
  agingTotals: (p) => p.aging?.totals,
  topRisks: (p) => p.topRisks.map((r) => r.row),
  unmatchedAmount: (p) => p.unmatchedInvoices?.amount,
  unmatchedInvoices: (p) => p.unmatchedInvoices?.invoices,
};

function review(c: PortfolioCase, lang: Lang): ReviewResult {
  const values = customerSheet(
    c.headers,
    c.rows.map((r) => ({ factors: r.factors, extra: r.cells })),
  );
  const ledger = c.ledger && { sheetName: "Invoices", values: c.ledger };
  return runReview({ sheetName: "Customers", values, asOf: serial(table.asOf), policy: DEFAULT_POLICY, ledger }, lang);
}

describe("portfolio totals over amounts in two currencies (test/cases/review/portfolio-currencies.json)", () => {
  test.each(table.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    for (const lang of ["en", "zh"] as const) {
      const result = review(c, lang);
      const p = result.portfolio;
      const figures = Object.fromEntries(
        Object.keys(c.portfolio).map((figure) => {
          const value = FIGURES[figure] ? FIGURES[figure](p) : p[figure as keyof PortfolioResult];
          return [figure, value ?? null];
        }),
      );
      expect(figures).toEqual(c.portfolio);
      for (const total of SHOWN_TOTALS)
        expect([total, totalNotAddedText(total, result, lang)]).toEqual([total, c.notAdded?.[total]?.[lang]]);
      for (const total of SHARES)
        expect([total, shareOfExposureNotAdded(total, p, lang)]).toEqual([total, c.shareNotAdded?.[total]?.[lang]]);
      if (c.utilisationLeavesOut) expect(utilisationLeavesOutText(p, lang)).toBe(c.utilisationLeavesOut[lang]);
      if (c.unmatchedText) expect(unmatchedText(p.unmatchedInvoices!, p, lang)).toBe(c.unmatchedText[lang]);
      // A total not added up is said so, with its two currencies: never a figure, never NaN.
      for (const total of Object.keys(p.twoCurrencies ?? {}))
        if (total !== "overdueAmountShare" && total !== "withoutLimit") expect(c.notAdded).toHaveProperty(total);
    }
  });
});

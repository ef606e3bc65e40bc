/**
 * Figures a customer's row combines from two amount columns (utilisation, the ratios, the
 * Z-score) are not worked out from amounts in two currencies, through the whole review: a row's
 * own currency marks refuse them in a note at its cell, columns whose units state two currencies
 * refuse them for every customer, said once for the sheet. The table is
 * test/cases/review/currencies.json; each case's texts in both languages.
 */
import * as fs from "fs";
import * as path from "path";
import { CellValue } from "../../../src/engine/cells";
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { CustomerResult, runReview } from "../../../src/engine/review/review";
import {
  amountUnitsLines,
  checkMissingText,
  notCheckedWarningText,
  problemText,
  totalNotAddedText,
  twoCurrencyColumnsLines,
} from "../../../src/engine/review/texts";
import { WarningCode } from "../../../src/engine/review/warnings";
import { reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

type Texts = Readonly<Record<Lang, readonly string[]>>;

interface CurrencyCase {
  readonly name: string;
  /** Lines above the header row ("单位：万元"). */
  readonly above?: readonly string[];
  readonly headers: readonly string[];
  /** A row of units right under the header, one per extra header. */
  readonly unitsRow?: readonly (string | null)[];
  readonly rows: readonly { readonly factors?: readonly number[]; readonly cells: readonly CellValue[] }[];
  readonly customers: readonly {
    /** Each figure as worked out, null where it is not. */
    readonly figures: Readonly<Record<string, number | null>>;
    readonly findings?: readonly WarningCode[];
    readonly actions?: readonly string[];
    readonly notes?: Texts;
  }[];
  /** What is said once for the sheet: its lines, and each check switched off with why. */
  readonly sheet?: Texts;
  readonly notChecked?: Readonly<Record<string, Readonly<Record<Lang, string>>>>;
  readonly portfolio?: {
    readonly utilisation: number | null;
    readonly withoutLimit?: number;
    readonly text?: Readonly<Record<Lang, string>>;
  };
  /** The columns said to be in another currency than the review's unit, compared as they stand. */
  readonly otherCurrency?: readonly string[];
}

const table = JSON.parse(fs.readFileSync(path.join(__dirname, "../../cases/review/currencies.json"), "utf8")) as {
  asOf: string;
  cases: CurrencyCase[];
};

function sheetOf(c: CurrencyCase): CellValue[][] {
  const [header, ...rows] = customerSheet(
    c.headers,
    c.rows.map((r) => ({ factors: r.factors, extra: r.cells })),
  );
  const units = c.unitsRow ? [[...header.slice(0, header.length - c.headers.length).map(() => null), ...c.unitsRow]] : [];
  return [...(c.above ?? []).map((line) => [line]), header, ...units, ...rows];
}

const FIGURES: Readonly<Record<string, (c: CustomerResult) => number | undefined>> = {
  utilisation: (c) => c.utilisation,
  availableCredit: (c) => c.availableCredit,
  recommendedLimit: (c) => c.recommendedLimit,
  currentRatio: (c) => c.ratios.currentRatio,
  debtRatio: (c) => c.ratios.debtRatio,
  interestCoverage: (c) => c.ratios.interestCoverage,
  zScore: (c) => c.zScore,
};

describe("figures from amounts in two currencies (test/cases/review/currencies.json)", () => {
  test.each(table.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    for (const lang of ["en", "zh"] as const) {
      const result = runReview(
        { sheetName: "Customers", values: sheetOf(c), asOf: serial(table.asOf), policy: DEFAULT_POLICY },
        lang,
      );
      expect(result.customers).toHaveLength(c.customers.length);
      c.customers.forEach((expected, i) => {
        const customer = result.customers[i];
        expect(customer.errors).toEqual([]);
        const figures = Object.fromEntries(
          Object.keys(expected.figures).map((figure) => [figure, FIGURES[figure](customer) ?? null]),
        );
        expect(figures).toEqual(expected.figures);
        expect(customer.findings.map((f) => f.code)).toEqual(expected.findings ?? []);
        if (expected.actions) expect(customer.actions.map((a) => `${a.code}:${a.because}`)).toEqual(expected.actions);
        expect(customer.notes.map((n) => problemText(n, lang, DEFAULT_POLICY))).toEqual(expected.notes?.[lang] ?? []);
      });
      // Said once for the sheet, never for each row; the checks it switches off say why they did not run.
      expect(twoCurrencyColumnsLines(result, lang)).toEqual(c.sheet?.[lang] ?? []);
      for (const [code, why] of Object.entries(c.notChecked ?? {})) {
        expect(result.columns.skippedChecks).toContain(code);
        expect(checkMissingText(code as WarningCode, result.columns, lang)).toBe(why[lang]);
      }
      if (c.portfolio) {
        expect(result.portfolio.utilisation ?? null).toBe(c.portfolio.utilisation);
        if (c.portfolio.withoutLimit !== undefined) expect(result.portfolio.withoutLimit.amount).toBe(c.portfolio.withoutLimit);
        if (c.portfolio.text) expect(totalNotAddedText("utilisation", result, lang)).toBe(c.portfolio.text[lang]);
      }
      expect(result.amountUnits.otherCurrency.map((o) => o.header)).toEqual(c.otherCurrency ?? []);
      // A column named with the figures it refuses is not said again as compared as it stands.
      const units = amountUnitsLines(result.amountUnits, lang).join("\n");
      for (const refusal of result.columns.twoCurrencies)
        for (const field of [refusal.first.field, refusal.second.field])
          expect(units).not.toContain(result.columns.found.find((f) => f.field === field)!.header);
    }
  });
});

describe("a warning of the last review whose figures are now in two currencies is not checked, not cleared", () => {
  // C2's plain amounts keep a mark typed on C1's row alone the fewer of its column's: said at its cell.
  const first = customerSheet(
    ["Credit limit", "Outstanding balance", "Days past due"],
    [
      { id: "C1", extra: [100000, 150000, 0] },
      { id: "C2", extra: [100000, 50000, 0] },
    ],
  );
  const reviewedOnce = reviewWorkbook({ customers: first }, serial("2026-10-31")).workbook;
  const again = (edit: (grid: CellValue[][]) => void, lang: Lang) => {
    const customers = reviewedOnce.customers.map((line) => [...line]);
    edit(customers);
    return reviewWorkbook({ ...reviewedOnce, customers }, serial("2026-11-30"), lang).result.changes!.customers.find((c) => c.id === "C1")!;
  };

  test.each([
    [
      "headers stating two currencies: said as the sheet's columns say it",
      (grid: CellValue[][]) => grid[0].splice(7, 2, "Credit limit (USD)", "Outstanding balance (EUR)"),
      "currencies",
      {
        en: "Over credit limit (Credit limit is in USD and Outstanding balance in EUR, and no rate is known to combine them; enter them in one currency)",
        zh: "超出信用额度（信用额度以 USD 计，应收账款余额以 EUR 计，没有汇率可将两者合并计算；请以同一币种填写）",
      },
    ],
    [
      "every row typing them in two currencies: said as the sheet's columns say it",
      (grid: CellValue[][]) => {
        grid[1].splice(7, 2, "USD 100,000", "EUR 150,000");
        grid[2].splice(7, 2, "USD 100,000", "EUR 50,000");
      },
      "currencies",
      {
        en: "Over credit limit (Credit limit is in USD and Outstanding balance in EUR, and no rate is known to combine them; enter them in one currency)",
        zh: "超出信用额度（信用额度以 USD 计，应收账款余额以 EUR 计，没有汇率可将两者合并计算；请以同一币种填写）",
      },
    ],
    [
      "a row typing them in two currencies: said as its note says it",
      (grid: CellValue[][]) => grid[1].splice(7, 2, "USD 100,000", "EUR 150,000"),
      "note",
      {
        en: "Over credit limit (row 2, column I (Outstanding balance): Credit limit is in USD and Outstanding balance in EUR, and no rate is known to combine them; enter them in one currency)",
        zh: "超出信用额度（第 2 行 I 列（Outstanding balance）：信用额度以 USD 计，应收账款余额以 EUR 计，没有汇率可将两者合并计算；请以同一币种填写）",
      },
    ],
  ] as const)("%s", (_name, edit, kind, said) => {
    for (const lang of ["en", "zh"] as const) {
      const change = again(edit, lang);
      expect(change.clearedWarnings).toEqual([]);
      expect(change.notCheckedWarnings.map((w) => [w.code, w.why.kind])).toEqual([["OVER_LIMIT", kind]]);
      expect(notCheckedWarningText(change.notCheckedWarnings[0], lang, DEFAULT_POLICY)).toBe(said[lang]);
    }
  });
});

describe("the review refuses the amounts the ratio functions refuse (test/cases/functions/currencies.json), and no others", () => {
  const functionCases = JSON.parse(fs.readFileSync(path.join(__dirname, "../../cases/functions/currencies.json"), "utf8")) as {
    name: string;
    fn: string;
    args: CellValue[];
    expect?: number;
  }[];
  /** Each two-amount ratio function's arguments as the customer sheet's columns, and its figure in the review. */
  const RATIOS: Readonly<Record<string, { headers: readonly string[]; figure: keyof CustomerResult["ratios"] }>> = {
    CURRENTRATIO: { headers: ["Current assets", "Current liabilities"], figure: "currentRatio" },
    DEBTRATIO: { headers: ["Total liabilities", "Total assets"], figure: "debtRatio" },
    COVERAGE: { headers: ["EBIT", "Interest expense"], figure: "interestCoverage" },
  };
  const cases = functionCases.filter((c) => RATIOS[c.fn] !== undefined);

  // The arguments on a row of their own, and on one row among plain ones: their marks are then the column's, or their cells' alone.
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { headers, figure } = RATIOS[c.fn];
    const review = (rows: readonly (readonly CellValue[])[]) =>
      runReview({
        sheetName: "Customers",
        values: customerSheet(
          headers,
          rows.map((extra) => ({ extra })),
        ),
        asOf: serial(table.asOf),
        policy: DEFAULT_POLICY,
      });
    const refused = c.expect === undefined;
    const alone = review([c.args]);
    expect(alone.customers[0].ratios[figure] ?? null).toBe(c.expect ?? null);
    expect(alone.customers[0].notes).toEqual([]);
    expect(alone.columns.twoCurrencies.map((t) => t.affects[0])).toEqual(refused ? [figure] : []);
    const amongPlain = review([c.args, [1, 1], [1, 1]]);
    expect(amongPlain.customers[0].ratios[figure] ?? null).toBe(c.expect ?? null);
    expect(amongPlain.customers[0].notes.map((n) => n.reason.key)).toEqual(refused ? ["review.twoCurrencies"] : []);
    expect(amongPlain.columns.twoCurrencies).toEqual([]);
  });
});

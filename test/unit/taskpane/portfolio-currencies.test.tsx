/** @jest-environment jsdom */
/**
 * The pane's portfolio summary over amounts in two currencies says what the summary sheet and the
 * printed report say: a total not added up says why in its place, a share of the exposure that
 * cannot be worked out says why beside its amount, the grades keep their counts without amounts;
 * its list of customers at risk ranks them as the top risks do, not by balances in two currencies;
 * and its exposure at risk over time says why this review's is not added up.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { ReviewResult, runReview } from "../../../src/engine/review/review";
import { byBalance } from "../../../src/engine/review/total-currencies";
import { totalNotAddedText } from "../../../src/engine/review/texts";
import { PortfolioSummary } from "../../../src/taskpane/components/PortfolioSummary";
import { TrendSummary } from "../../../src/taskpane/components/TrendSummary";
import { sortCustomers } from "../../../src/taskpane/customers";
import { LangContext } from "../../../src/taskpane/i18n";
import { reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const HEADERS = ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"];

function review(extra: readonly (readonly (string | number)[])[], lang: Lang): ReviewResult {
  const values = customerSheet(
    HEADERS,
    extra.map((cells, i) => ({ factors: i === 1 ? [4, 4, 4, 4, 4] : undefined, extra: cells })),
  );
  return runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
}

/** A limit typed in US dollars on one row, a balance in euros on another. */
const TWO_CURRENCIES = [
  ["USD 200,000", 100000, 20000, 95],
  [100000, "EUR 50,000", 10000, 95],
  [100000, 30000, 0, 0],
];

/** The summary's facts, each term with its value. */
function summaryFacts(result: ReviewResult, lang: Lang): Record<string, string> {
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>
        <PortfolioSummary result={result} />
      </LangContext.Provider>
    </FluentProvider>,
  );
  const terms = screen.getAllByRole("term");
  return Object.fromEntries(terms.map((dt) => [dt.textContent!, dt.nextElementSibling!.textContent!]));
}

test.each([
  [
    "en",
    {
      "Total exposure (outstanding balance)":
        "n/a (balances in USD, e.g. row 2, and EUR, e.g. row 3; no rate is known to add them)",
      "Total credit limits": "n/a (credit limits in USD, e.g. row 2, and EUR, e.g. row 3; no rate is known to add them)",
      "Overdue amount, share of exposure":
        "n/a (overdue amounts in USD, e.g. row 2, and EUR, e.g. row 3; no rate is known to add them)",
      "Exposure at risk, share of exposure":
        "n/a (balances in USD, e.g. row 2, and EUR, e.g. row 3; no rate is known to add them)",
      "Customers graded": "3",
    },
  ],
  [
    "zh",
    {
      "风险敞口合计（应收账款余额）": "无（余额有的以 USD 计，如第 2 行，有的以 EUR 计，如第 3 行；没有汇率可将两者相加）",
      信用额度合计: "无（信用额度有的以 USD 计，如第 2 行，有的以 EUR 计，如第 3 行；没有汇率可将两者相加）",
      逾期金额及占敞口比例: "无（逾期金额有的以 USD 计，如第 2 行，有的以 EUR 计，如第 3 行；没有汇率可将两者相加）",
      风险客户敞口及占比: "无（余额有的以 USD 计，如第 2 行，有的以 EUR 计，如第 3 行；没有汇率可将两者相加）",
    },
  ],
] as const)("balances in two currencies: each total says why in its place, the grades their counts alone (%s)", (lang, said) => {
  const result = review(TWO_CURRENCIES, lang);
  expect(summaryFacts(result, lang)).toEqual(expect.objectContaining(said));
  // The grades' rows count their customers, with no amount beside them.
  const grades = screen.getByRole("list", { name: translator(lang)("ui.summary.byGrade") });
  expect(grades.textContent).not.toMatch(/\d,\d{3}\.\d{2}/);
});

test.each([
  [
    "en",
    "EUR 6,000.00 (share of exposure n/a: overdue amounts in EUR, e.g. row 2, and balances in USD, e.g. row 2; no rate is known to combine them)",
  ],
  [
    "zh",
    "EUR 6,000.00（占敞口比例无法计算：逾期金额以 EUR 计，如第 2 行；余额以 USD 计，如第 2 行；没有汇率可将两者合并计算）",
  ],
] as const)(
  "overdue amounts in another currency than the balances: each total with its currency, and why there is no share (%s)",
  (lang, said) => {
    const result = review(
      [
        [200000, "USD 100,000", "EUR 5,000", 10],
        [200000, "USD 20,000", "EUR 1,000", 10],
      ],
      lang,
    );
    const facts = summaryFacts(result, lang);
    expect(facts[translator(lang)("summary.overdueAmount")]).toBe(said);
    // Beside a total in two currencies, each total added up says its own: in dollars here, in euros above.
    expect(facts[translator(lang)("summary.exposure")]).toBe("USD 120,000.00");
    // Limits typed plain, on rows whose amounts are in two currencies, name none: no currency to say.
    expect(facts[translator(lang)("summary.creditLimits")]).toBe("400,000.00");
    const grades = screen.getByRole("list", { name: translator(lang)("ui.summary.byGrade") });
    expect(grades.textContent).toContain("USD 100,000.00");
  },
);

test("the customers at risk rank as the top risks do: by score where the balances are in two currencies, by balance where one", () => {
  const mixed = review(TWO_CURRENCIES, "en");
  expect(byBalance(mixed.portfolio)).toBe(false);
  const first = (r: ReviewResult) =>
    sortCustomers(r.customers, "attention", "en", byBalance(r.portfolio))
      .slice(0, 2)
      .map((c) => c.row);
  expect(first(mixed)).toEqual([3, 2]);
  expect(first(mixed)).toEqual(mixed.portfolio.topRisks.map((r) => r.row));
  const oneCurrency = review([TWO_CURRENCIES[0], [100000, "USD 50,000", 10000, 95], TWO_CURRENCIES[2]], "en");
  expect(first(oneCurrency)).toEqual([2, 3]);
  expect(first(oneCurrency)).toEqual(oneCurrency.portfolio.topRisks.map((r) => r.row));
});

test.each(["en", "zh"] as const)(
  "the exposure at risk over time: this review's, in two currencies, says why in its place, not that the archive lacks it (%s)",
  (lang) => {
    const headers = ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"];
    const values = (second: string) =>
      customerSheet(headers, [
        { id: "C1", extra: ["USD 200,000", 100000, 20000, 95] },
        { id: "C2", factors: [4, 4, 4, 4, 4], extra: [100000, second, 10000, 95] },
      ]);
    const { workbook } = reviewWorkbook({ customers: values("USD 50,000") }, serial("2026-10-31"), lang);
    const { result } = reviewWorkbook({ ...workbook, customers: values("EUR 50,000") }, serial("2026-11-30"), lang);
    render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value={{ lang, t: translator(lang) }}>
          <TrendSummary result={result} />
        </LangContext.Provider>
      </FluentProvider>,
    );
    const said = screen.getAllByRole("definition").map((el) => el.textContent);
    expect(said).toEqual(["150,000.00", totalNotAddedText("exposureAtRisk", result, lang)]);
    expect(said[1]).toContain("EUR");
  },
);

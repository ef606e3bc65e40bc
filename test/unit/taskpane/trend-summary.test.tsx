/** @jest-environment jsdom */
/**
 * The pane's month-on-month picture: the exposure at risk at the last reviews, from a real
 * cycle of reviews, as the summary sheet's chart has it; and what the amounts are in.
 */
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReactElement } from "react";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { PortfolioSummary } from "../../../src/taskpane/components/PortfolioSummary";
import { PANE_REVIEWS, TrendSummary } from "../../../src/taskpane/components/TrendSummary";
import { LangContext } from "../../../src/taskpane/i18n";
import { reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, Grid, serial } from "../../support/review-grid";

function inPane(lang: Lang, element: ReactElement) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>{element}</LangContext.Provider>
    </FluentProvider>,
  );
}

const sheet: Grid = customerSheet(
  ["Credit limit", "Outstanding balance"],
  [
    { id: "A1", factors: [4, 4, 4, 4, 4], extra: [1000, 1500] },
    { id: "B2", factors: [1, 1, 1, 1, 1], extra: [1000, 500] },
  ],
);

test("the exposure at risk at each review, oldest first, the last ones only", () => {
  let workbook = { customers: sheet } as Parameters<typeof reviewWorkbook>[0];
  let result;
  for (let month = 1; month <= 8; month++) ({ result, workbook } = reviewWorkbook(workbook, serial(`2026-0${month}-28`)));
  inPane("en", <TrendSummary result={result!} />);
  const section = screen.getByRole("region", { name: "Exposure at risk over time" });
  const terms = within(section)
    .getAllByRole("term")
    .map((el) => el.textContent);
  expect(terms).toHaveLength(PANE_REVIEWS);
  expect(terms[0]).toBe("2026-03-28");
  expect(terms[PANE_REVIEWS - 1]).toBe("2026-08-28");
  expect(
    within(section)
      .getAllByRole("definition")
      .map((el) => el.textContent),
  ).toEqual(new Array(PANE_REVIEWS).fill("1,500.00"));
});

test("nothing without an earlier review", () => {
  const result = runReview({ sheetName: "Customers", values: sheet, asOf: serial("2026-03-28"), policy: DEFAULT_POLICY });
  const { container } = inPane("en", <TrendSummary result={result} />);
  expect(container.textContent).toBe("");
});

test("the headline says what its amounts are in, as the summary sheet does", () => {
  const values: Grid = [["单位：万元"], ...sheet];
  const result = runReview({ sheetName: "客户", values, asOf: serial("2026-03-28"), policy: DEFAULT_POLICY }, "zh");
  inPane("zh", <PortfolioSummary result={result} />);
  expect(screen.getByText("金额单位").nextSibling?.textContent).toBe("万元");
});

test.each([
  ["en", "EUR 963,000.00"],
  ["zh", "EUR 963,000.00"],
] as const)(
  "beside a total in two currencies each review's exposure at risk says its currency, as the headline does (%s)",
  (lang, shown) => {
    // Acme's balance in euros, its invoices in US dollars: the overdue amount against the exposure is in two.
    const customers = customerSheet(
      ["Credit limit", "Outstanding balance"],
      [
        { id: "C1", name: "Acme", extra: [600000, "EUR 540,000"] },
        { id: "C2", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [500000, 423000] },
      ],
    );
    const ledger: Grid = [
      ["Customer ID", "Invoice", "Due date", "Amount", "Paid", "Currency"],
      ["C1", "INV-1", "2026-09-30", 540000, 0, "USD"],
      ["C2", "INV-2", "2026-10-15", 423000, 0, "USD"],
    ];
    const one = reviewWorkbook({ customers, ledger }, serial("2026-11-30"), lang);
    const { result } = reviewWorkbook(one.workbook, serial("2026-12-31"), lang);
    expect(result.portfolio.totalCurrencies?.exposureAtRisk).toBe("EUR");
    inPane(lang, <TrendSummary result={result} />);
    const values = screen.getAllByRole("definition").map((el) => el.textContent);
    expect(values).toEqual([shown, shown]);
  },
);

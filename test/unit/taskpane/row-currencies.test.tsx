/** @jest-environment jsdom */
/**
 * The pane says what the review says of amount columns in two currencies, whether their headers
 * state them or every amount in them is typed with its currency: the figures refused for every
 * customer in the review's notice, the check they switch off on the Columns tab, with why, and
 * the utilisation headline saying why it has none, in both languages.
 */
import type { ReactElement } from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CellValue } from "../../../src/engine/cells";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { ColumnsPanel } from "../../../src/taskpane/components/ColumnsPanel";
import { PortfolioSummary } from "../../../src/taskpane/components/PortfolioSummary";
import { LangContext } from "../../../src/taskpane/i18n";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { customerSheet, serial } from "../../support/review-grid";

const SHEETS: readonly (readonly [string, CellValue[][]])[] = [
  [
    "headers stating them",
    customerSheet(["Credit limit (USD)", "Outstanding balance (EUR)"], [{ id: "C1", extra: [100000, 50000] }]),
  ],
  [
    "every amount typed with its currency",
    customerSheet(
      ["Credit limit", "Outstanding balance"],
      [
        { id: "C1", extra: ["USD 100,000", "EUR 50,000"] },
        { id: "C2", extra: ["USD 200,000", "EUR 250,000"] },
      ],
    ),
  ],
];
const review = (values: CellValue[][], lang: Lang) =>
  runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);

function inPane(lang: Lang, pane: ReactElement): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>{pane}</LangContext.Provider>
    </FluentProvider>,
  );
}

describe.each(SHEETS)("credit limits in USD and balances in EUR, by %s", (_name, values) => {
  test("the review's notice says once what no customer's figures combine, naming both columns and currencies", () => {
    const lines = (lang: Lang) => reviewedNotice(review(values, lang)).render(translator(lang), lang).lines;
    expect(lines("en")).toContain(
      'Sheet "Customers": utilisation, available credit and Over credit limit check not computed for any customer: Credit limit is in USD and Outstanding balance in EUR, and no rate is known to combine them; enter them in one currency',
    );
    expect(lines("zh")).toContain(
      "工作表“Customers”：所有客户的额度使用率、可用额度、超出信用额度检查均未计算：信用额度以 USD 计，应收账款余额以 EUR 计，没有汇率可将两者合并计算；请以同一币种填写",
    );
  });

  test("the Columns tab lists the over-limit check as not run, and why", () => {
    inPane("en", <ColumnsPanel result={review(values, "en")} mappable={[]} mapping={{}} busy={false} onMap={() => {}} />);
    expect(
      screen.getByText(
        "Over credit limit: Credit limit is in USD and Outstanding balance in EUR, and no rate is known to combine them; enter them in one currency",
      ),
    ).toBeTruthy();
  });

  test.each([
    ["en", "n/a (Credit limit in USD, Outstanding balance in EUR)"],
    ["zh", "无（信用额度以 USD 计，应收账款余额以 EUR 计）"],
  ] as const)("the summary's utilisation says why it has none (%s)", (lang, said) => {
    inPane(lang, <PortfolioSummary result={review(values, lang)} />);
    expect(screen.getByText(said)).toBeTruthy();
    expect(screen.queryByText(translator(lang)("summary.noLimits"))).toBeNull();
  });
});

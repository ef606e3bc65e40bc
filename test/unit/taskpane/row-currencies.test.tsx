/** @jest-environment jsdom */
/**
 * The pane says what the review says of amount columns in two currencies: the figures refused for
 * every customer in the review's notice, and the check they switch off on the Columns tab, with
 * why, in both languages.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { ColumnsPanel } from "../../../src/taskpane/components/ColumnsPanel";
import { LangContext } from "../../../src/taskpane/i18n";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { customerSheet, serial } from "../../support/review-grid";

const values = customerSheet(["Credit limit (USD)", "Outstanding balance (EUR)"], [{ id: "C1", extra: [100000, 50000] }]);
const review = (lang: Lang) =>
  runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);

test("the review's notice says once what no customer's figures combine, naming both columns and currencies", () => {
  const lines = (lang: Lang) => reviewedNotice(review(lang)).render(translator(lang), lang).lines;
  expect(lines("en")).toContain(
    'Sheet "Customers": utilisation, available credit and Over credit limit check not computed for any customer: Credit limit is in USD and Outstanding balance in EUR, and no rate is known to combine them; enter them in one currency',
  );
  expect(lines("zh")).toContain(
    "工作表“Customers”：所有客户的额度使用率、可用额度、超出信用额度检查均未计算：信用额度以USD计，应收账款余额以EUR计，没有汇率可将两者合并计算；请以同一币种填写",
  );
});

test("the Columns tab lists the over-limit check as not run, and why", () => {
  const result = review("en");
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang: "en", t: translator("en") }}>
        <ColumnsPanel result={result} mappable={[]} mapping={{}} busy={false} onMap={() => {}} />
      </LangContext.Provider>
    </FluentProvider>,
  );
  expect(
    screen.getByText(
      "Over credit limit: Credit limit is in USD and Outstanding balance in EUR, and no rate is known to combine them; enter them in one currency",
    ),
  ).toBeTruthy();
});

/** @jest-environment jsdom */
/**
 * The review's figures in the pane, from a real review of a small sheet with a ledger: the
 * summary's headline figures as the summary sheet has them, and a customer's worklist figures
 * (points per factor, utilisation, available credit, total overdue amount, oldest days, aging) named
 * as the sheet's output columns, in both languages.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReactElement } from "react";
import { CellValue } from "../../../src/engine/cells";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { CustomerDetail } from "../../../src/taskpane/components/CustomerDetail";
import { PortfolioSummary } from "../../../src/taskpane/components/PortfolioSummary";
import { LangContext } from "../../../src/taskpane/i18n";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-03-15");
const due = (days: number) => asOf - days;

const SHEET = customerSheet(
  ["Credit limit", "Outstanding balance"],
  [
    { id: "A1", name: "Alpha", factors: [2, 3, 1, 2, 4], extra: [5000, 3500] },
    { id: "B2", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [10000, 12000] },
    { id: "C3", name: "Gamma", factors: [1, 1, 1, 1, 1], extra: [5000, 1000] },
  ],
);
const LEDGER: CellValue[][] = [
  ["Customer", "Invoice", "Due date", "Amount", "Paid"],
  ["A1", "1", due(10), 1000, null],
  ["A1", "2", due(45), 2500, 500],
  ["A1", "3", due(-5), 500, null],
  ["B2", "4", due(100), 12000, null],
  ["C3", "5", due(-20), 1000, null],
];

function reviewed(lang: Lang) {
  return runReview(
    { sheetName: "Customers", values: SHEET, asOf, policy: DEFAULT_POLICY, ledger: { sheetName: "Ledger", values: LEDGER } },
    lang,
  );
}

function inPane(lang: Lang, ui: ReactElement) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>{ui}</LangContext.Provider>
    </FluentProvider>,
  );
}

/** Each term of the description lists with its value. */
function facts(): Record<string, string> {
  const terms = screen.getAllByRole("term");
  return Object.fromEntries(terms.map((dt) => [dt.textContent!, dt.nextElementSibling!.textContent!]));
}

function detailFacts(lang: Lang, index: number) {
  const result = reviewed(lang);
  inPane(
    lang,
    <CustomerDetail customer={result.customers[index]} sheet={result.sheet} policy={result.policy} onGoTo={() => undefined} />,
  );
  return facts();
}

test("a customer's details show its points per factor and worklist figures, named as the sheet's columns", () => {
  // Weights 30/25/20/15/10 × factors 2/3/1/2/4; 3,500 of 5,000 used; overdue 1,000 (10 days) + 2,000 (45 days).
  expect(detailFacts("en", 0)).toMatchObject({
    "Risk score": "2.25",
    "Payment points": "0.60",
    "Contract points": "0.75",
    "Industry points": "0.20",
    "Reputation points": "0.30",
    "Compliance points": "0.40",
    // The limit and balance the recommended limit and available credit are read against.
    "Credit limit": "5,000.00",
    "Outstanding balance": "3,500.00",
    Utilisation: "70.0%",
    "Available credit": "1,500.00",
    "Total overdue amount": "3,000.00",
    "Oldest days overdue": "45",
    "Aging: Current": "500.00",
    "Aging: 1–30": "1,000.00",
    "Aging: 31–60": "2,000.00",
    "Aging: 61–90": "0.00",
    "Aging: 91+": "0.00",
  });
});

test("over its limit, a customer's available credit is negative; the Chinese pane names the figures as the Chinese sheet", () => {
  expect(detailFacts("zh", 1)).toMatchObject({
    信用额度: "10,000.00",
    应收账款余额: "12,000.00",
    额度使用率: "120.0%",
    可用额度: "-2,000.00",
    逾期金额合计: "12,000.00",
    最长逾期天数: "100",
    付款历史加权分: "1.20",
    "账龄：91 天以上": "12,000.00",
  });
});

test("the summary shows the summary sheet's headline figures, amounts with their share of the exposure", () => {
  inPane("en", <PortfolioSummary result={reviewed("en")} />);
  // Exposure 3,500 + 12,000 + 1,000; limits 5,000 + 10,000 + 5,000; overdue 3,000 + 12,000.
  expect(facts()).toMatchObject({
    "Total exposure (outstanding balance)": "16,500.00",
    "Total credit limits": "20,000.00",
    "Utilisation (balance / limit)": "82.5%",
    "Overdue amount, share of exposure": "15,000.00 (90.9%)",
    "Exposure at risk, share of exposure": "15,500.00 (93.9%)",
    "Customers warned, overdue or high risk": "2",
  });
});

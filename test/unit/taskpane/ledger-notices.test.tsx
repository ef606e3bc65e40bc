/** @jest-environment jsdom */
/**
 * The pane says what the review says of the ledger: a sheet meant as one but not used, or every
 * invoice taken as unpaid; in the review's notice and on the Columns tab, in both languages.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CellValue } from "../../../src/engine/cells";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { findLedger } from "../../../src/engine/review/ledger";
import { runReview } from "../../../src/engine/review/review";
import { ColumnsPanel } from "../../../src/taskpane/components/ColumnsPanel";
import { LangContext } from "../../../src/taskpane/i18n";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-11-30");
const values = customerSheet(["Outstanding balance"], [{ id: "C1", extra: [700] }]);

function reviewWith(ledgerSheet: CellValue[][], lang: Lang) {
  const { ledger, incomplete } = findLedger(["Export"], () => ledgerSheet);
  return runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY, ledger, incompleteLedger: incomplete }, lang);
}

const NOT_USED: CellValue[][] = [
  ["Kundennummer", "Due date", "Amount"],
  ["C1", asOf - 100, 700],
];
const UNPAID: CellValue[][] = [
  ["Customer ID", "Due date", "Amount"],
  ["C1", asOf - 100, 700],
];

test("the review's notice says the ledger was not used, naming the sheet and the column", () => {
  const lines = (lang: Lang) => reviewedNotice(reviewWith(NOT_USED, lang)).render(translator(lang), lang).lines;
  expect(lines("en")).toEqual([
    'Reviewed 1 customer on "Customers".',
    'Sheet "Export" has due dates and amounts but was not used as the invoice ledger: it has no "Customer ID" column (overdue figures come from the customer sheet, if it has them)',
  ]);
  expect(lines("zh")[1]).toBe(
    "工作表“Export”有到期日和金额，但缺少“客户编号”列，未作为发票明细账使用（逾期数据取自客户表中的逾期列，如有）",
  );
});

test("the Columns tab says every invoice was taken as unpaid", () => {
  const result = reviewWith(UNPAID, "zh");
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang: "zh", t: translator("zh") }}>
        <ColumnsPanel result={result} mappable={[]} mapping={{}} ledgerSheet={result.ledgerSheet} busy={false} onMap={() => {}} />
      </LangContext.Provider>
    </FluentProvider>,
  );
  expect(screen.getByText("使用的发票明细账：工作表“Export”。")).toBeTruthy();
  expect(screen.getByText("发票明细账“Export”没有“已收金额”或“未收金额”列：每张发票均按全额视为未收")).toBeTruthy();
});

/** @jest-environment jsdom */
/**
 * The pane says what the review says of the ledger: a sheet meant as one but not used (a column
 * missing, or numbers of days for its due dates), or every invoice taken as unpaid; in the
 * review's notice and on the Columns tab, in both languages.
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
import { errorLines } from "../../../src/taskpane/customers";
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
const DAYS_FOR_DUE_DATES: CellValue[][] = [
  ["Customer ID", "Due date", "Amount"],
  ["C1", 100, 700],
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

test("a ledger whose due dates are numbers of days is said not used, in the notice and on the Columns tab, and named as no ledger in use", () => {
  const en = reviewWith(DAYS_FOR_DUE_DATES, "en");
  expect(reviewedNotice(en).render(translator("en"), "en").lines).toEqual([
    'Reviewed 1 customer on "Customers".',
    'Sheet "Export" was not used as the invoice ledger: every due date in its column B (Due date) is more than a century from the review date, so that column holds numbers of days, not dates: row 2 holds "100", read as 1900-04-09 (overdue figures come from the customer sheet, if it has them)',
  ]);
  const result = reviewWith(DAYS_FOR_DUE_DATES, "zh");
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang: "zh", t: translator("zh") }}>
        <ColumnsPanel result={result} mappable={[]} mapping={{}} ledgerSheet={result.ledgerSheet} busy={false} onMap={() => {}} />
      </LangContext.Provider>
    </FluentProvider>,
  );
  expect(
    screen.getByText(
      "工作表“Export”未作为发票明细账使用：其 B 列（Due date）中的每个到期日都与审查日期相距超过一百年，该列是天数而不是日期：第 2 行为“100”，读作 1900年4月9日（逾期数据取自客户表中的逾期列，如有）",
    ),
  ).toBeTruthy();
  expect(screen.queryByText(/使用的发票明细账/)).toBeNull();
});

test("one due date that is a number of days is its customer's line to fix, with the ledger cell to go to", () => {
  const result = reviewWith([DAYS_FOR_DUE_DATES[0], ["C1", 100, 650], ["C1", asOf - 3, 50]], "en");
  expect(result.ledgerNotices.map((n) => n.kind)).toEqual(["takenAsUnpaid"]);
  expect(errorLines(result.customers[0], "Customers", "zh")).toEqual([
    {
      text: "工作表“Export”第 2 行 B 列（Due date）：逾期数据、逾期超过 90 天检查未计算：“100”被读作日期 1900年4月9日，与审查日期（2026年11月30日）相距超过一百年：此单元格必须是日期，而不是天数或年份",
      cell: { sheet: "Export", area: { row: 1, column: 1, rows: 1, columns: 1 }, address: "B2", elsewhere: true },
    },
  ]);
});

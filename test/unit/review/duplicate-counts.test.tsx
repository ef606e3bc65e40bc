/** @jest-environment jsdom */
/**
 * A customer named on two rows is one customer: however many of its rows are over their limit or
 * overdue, the summary counts it once among those at risk, in the top risks, per warning, among
 * those not graded and in the share overdue, as every face shows those counts. Its balances
 * still add to the exposure, row by row, as every balance on the sheet does.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { summarySheetPlan } from "../../../src/engine/review/summary-sheet";
import { toJson, toTable } from "../../../src/cli/report";
import { PortfolioSummary } from "../../../src/taskpane/components/PortfolioSummary";
import { LangContext } from "../../../src/taskpane/i18n";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-11-30");
const EXTRA = ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"];
const SHEET = customerSheet(EXTRA, [
  // Northwind twice, each row over its limit and 120 days late.
  { id: "C001", name: "Northwind", extra: [100, 500, 200, 120] },
  { id: "C002", name: "Contoso", extra: [1000, 400, 0, 0] },
  { id: "c001", name: "Northwind Traders", extra: [100, 300, 100, 120] },
  { id: "C003", name: "Fabrikam", factors: [2, null, 2, 2, 2], extra: [100, 800, 50, 10] },
]);

const review = () => runReview({ sheetName: "Customers", values: SHEET, asOf, policy: DEFAULT_POLICY });

describe("a customer on two rows counts once", () => {
  const result = review();
  const p = result.portfolio;

  test("among those at risk, needing action, warned and per warning", () => {
    // Northwind (twice) and Fabrikam (over its limit, its factor unreadable).
    expect(p.customersAtRisk).toBe(2);
    expect(p.customersNeedingAction).toBe(2);
    expect(p.customersWithWarnings).toBe(2);
    expect(p.warningCounts.OVER_LIMIT).toBe(2);
    expect(p.warningCounts.OVERDUE_90).toBe(1);
    // Every balance at risk still counts, each row's once.
    expect(p.exposureAtRisk).toBe(1600);
  });

  test("in the top risks, by its row most at risk", () => {
    expect(p.topRisks.map((r) => [r.name, r.row, r.balance])).toEqual([
      ["Fabrikam", 5, 800],
      ["Northwind", 2, 500],
    ]);
  });

  test("among those not graded, and in the share overdue", () => {
    expect(p.reviewed).toBe(1);
    expect(p.withErrors).toBe(2);
    expect(p.customers).toBe(3);
    // Northwind overdue (once), Fabrikam overdue, Contoso not: 2 of 3.
    expect(p.overdueCustomers).toBe(2);
    expect(p.overdueShare).toBeCloseTo(2 / 3, 10);
  });

  test("the same counts in the summary sheet, the printed report, the JSON and the pane", () => {
    const cells = summarySheetPlan(result, "Credit Review Summary", "en").blocks.flatMap((b) => b.values);
    const value = (label: string) => cells.find((line) => line[0] === label)?.[1];
    expect(value("Customers warned, overdue or high risk")).toBe(2);
    expect(value("Customers not graded (data errors)")).toBe(2);
    expect(cells.find((line) => line[1] === "OVER_LIMIT")?.[2]).toBe(2);
    const table = toTable(result, "en", "out.xlsx");
    expect(table).toContain("Customers warned, overdue or high risk: 2 (of which needing action: 2)");
    expect(table).toContain("Over credit limit 2; Overdue over 90 days 1");
    expect(table).toContain("Customers with problems (2; 3 problems)");
    const json = toJson(result, "en").portfolio;
    expect([json.customersAtRisk, json.withErrors, json.warningCounts.OVER_LIMIT, json.topRisks.length]).toEqual([2, 2, 2, 2]);
    render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value={{ lang: "en", t: translator("en") }}>
          <PortfolioSummary result={result} />
        </LangContext.Provider>
      </FluentProvider>,
    );
    const fact = (term: string) => screen.getByText(term, { selector: "dt" }).nextElementSibling!.textContent;
    expect([fact("Customers warned, overdue or high risk"), fact("Customers not graded (data errors)")]).toEqual(["2", "2"]);
  });
});

/** @jest-environment jsdom */
/**
 * A customer the last review could not grade (a data error) and this one grades, and the other way
 * round: neither is a grade move, an addition or a loss, so what changed names them on their own,
 * with the grade they had, in every face and both languages; a customer's details no longer say
 * it was in no earlier review.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { toJson, toTable } from "../../../src/cli/report";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { summaryLabelRows, summarySheetPlan } from "../../../src/engine/review/summary-sheet";
import { customerChangeLines } from "../../../src/engine/review/texts";
import { ChangesSummary } from "../../../src/taskpane/components/ChangesSummary";
import { factList } from "../../support/changes-summary";
import { printedList } from "../../support/printed-report";
import { LangContext } from "../../../src/taskpane/i18n";
import { customerSheet, serial } from "../../support/review-grid";

const OCT = serial("2026-10-31");
const archive = [
  ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade", "Warning codes"],
  [OCT, "v", "C1", "Contoso", null, null, null],
  [OCT, "v", "C2", "Fabrikam", 2.6, "Medium", null],
  [OCT, "v", "C3", "Northwind", 1.2, "Low", null],
  [OCT, "v", "C4", "Litware", null, null, null],
];
// Contoso's factors fixed (High now); Fabrikam's broken now; Litware still broken; Fabrikam named twice.
const values = customerSheet(
  [],
  [
    { id: "C1", name: "Contoso", factors: [4, 4, 4, 4, 4] },
    { id: "C2", name: "Fabrikam", factors: [2, "x", 2, 2, 2] },
    { id: "C3", name: "Northwind", factors: [1, 1, 1, 1, 1] },
    { id: "C4", name: "Litware", factors: [null, 2, 2, 2, 2] },
    { id: "C2", name: "Fabrikam", factors: [2, 2, 2, 2, 2] },
  ],
);
const review = (lang: Lang) =>
  runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY, archive }, lang);

test("the engine names each once, with its grade now or then", () => {
  const changes = review("en").changes!;
  expect(changes.nowGraded).toEqual([{ row: 2, id: "C1", name: "Contoso", grade: "high" }]);
  expect(changes.notGradedNow).toEqual([{ row: 3, id: "C2", name: "Fabrikam", grade: "medium" }]);
  // Neither is a grade move.
  expect(changes.customers.filter((c) => c.gradeMove !== undefined).map((c) => c.id)).toEqual(["C3"]);
});

describe.each([
  [
    "en",
    "Now graded (data error at the last review)",
    "Contoso (High)",
    "Not graded now (data error; graded at the last review)",
    "Fabrikam (was Medium)",
  ],
  ["zh", "本次已评级（上次审查时数据有误）", "Contoso（高）", "本次未能评级（数据有误；上次已评级）", "Fabrikam（上次为中）"],
] as const)("every face (%s)", (lang, nowLabel, now, notLabel, not) => {
  const result = review(lang);

  test("the summary sheet: the count, then the customer", () => {
    const cells = summarySheetPlan(result, "Summary", lang).blocks.flatMap((b) => b.values);
    // The count beside the label's first line; a label too long for its column runs on under it, then the customer.
    const at = (label: string) => cells.findIndex((line) => line[0] === summaryLabelRows(label)[0]);
    const under = (label: string) => at(label) + summaryLabelRows(label).length;
    for (const [label, customer] of [
      [nowLabel, now],
      [notLabel, not],
    ]) {
      expect(cells[at(label)][1]).toBe(1);
      expect(cells.slice(at(label) + 1, under(label)).map((line) => line[0])).toEqual(summaryLabelRows(label).slice(1));
      expect(cells[under(label)][0]).toBe(customer);
    }
  });

  test("the printed report and the pane: the count, then the customer", () => {
    const printed = toTable(result, lang, "out.xlsx");
    expect(printedList(printed, nowLabel, lang)).toEqual({ count: "1", items: [now] });
    expect(printedList(printed, notLabel, lang)).toEqual({ count: "1", items: [not] });
    render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value={{ lang, t: translator(lang) }}>
          <ChangesSummary
            changes={result.changes!}
            customers={result.customers}
            policy={result.policy}
            pastDue={result.reviewsPastDue}
          />
        </LangContext.Provider>
      </FluentProvider>,
    );
    const fact = (term: string) => factList(screen.getByText(term, { selector: "dt" }));
    expect([fact(nowLabel), fact(notLabel)]).toEqual([
      { count: "1", items: [now] },
      { count: "1", items: [not] },
    ]);
  });
});

test("the JSON lists them, the grade the one each had", () => {
  const changes = toJson(review("en"), "en").changes!;
  expect(changes.nowGraded).toEqual([{ row: 2, id: "C1", name: "Contoso", grade: "high" }]);
  expect(changes.notGradedNow).toEqual([{ row: 3, id: "C2", name: "Fabrikam", previousGrade: "medium" }]);
});

test("a customer's details say it was reviewed before but never scored, not that no review had it", () => {
  const result = review("en");
  expect(customerChangeLines(result.changes!.customers[0], result.customers[0], "en", DEFAULT_POLICY)).toEqual([
    "In earlier reviews, none of which could score it (data errors)",
  ]);
  expect(customerChangeLines(result.changes!.customers[3], result.customers[3], "zh", DEFAULT_POLICY)).toEqual([
    "此前的审查中有该客户，但均因数据有误未能评分",
  ]);
});

/** @jest-environment jsdom */
/**
 * The pane over two months, against the office-addin-mock fake: November reviewed and written back,
 * an Action taken column typed on the customer sheet, December read in its one sync and reviewed.
 * The pane reads each customer's response as the engine does, and its block on what changed shows
 * them beside November's recommendations (or, with no such column, how to record them).
 */
import { setImmediate as nodeSetImmediate } from "node:timers";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReactElement } from "react";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { ReviewResult, runReview } from "../../../src/engine/review/review";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { CustomerList } from "../../../src/taskpane/components/CustomerList";
import { readForReviewWith, writePlanWith } from "../../../src/taskpane/excel";
import { LangContext } from "../../../src/taskpane/i18n";
import { planOptionsOf, reviewInputOf, targetCheck } from "../../../src/taskpane/model";
import { FakeExcel, installExcelGlobals } from "../../support/fake-excel";
import { factLine, renderChanges } from "../../support/changes-summary";
import { customerSheet, serial } from "../../support/review-grid";

// The fake's sync waits a turn of node's event loop, which jsdom's globals leave out.
globalThis.setImmediate ??= nodeSetImmediate;

const NOV = serial("2026-11-30");
const DEC = serial("2026-12-31");
let fake: FakeExcel;
installExcelGlobals(() => fake);

/** Two high-risk customers (prepayment, a restricted limit, a guarantee) and a low-risk one whose terms are kept. */
const NOVEMBER = customerSheet(
  [],
  [
    { id: "C1", name: "Contoso", factors: [4, 4, 4, 4, 4] },
    { id: "C2", name: "Fabrikam", factors: [1, 1, 1, 1, 1] },
    { id: "C3", name: "Northwind", factors: [4, 4, 4, 4, 4] },
  ],
);

/** One review as the pane runs it: the workbook read in one sync, reviewed, and (with `write`) written back. */
async function paneReview(asOf: number, lang: Lang, write: boolean): Promise<ReviewResult> {
  const read = await readForReviewWith(
    fake.context,
    "Customers",
    fake.sheets.map((s) => s.name),
  );
  const result = runReview(reviewInputOf(read, DEFAULT_POLICY, asOf), lang);
  if (write) {
    const outcome = await writePlanWith(
      fake.context,
      buildWritePlan(result, lang, planOptionsOf(read)),
      lang,
      targetCheck(read, result),
    );
    expect(outcome.ok).toBe(true);
  }
  return result;
}

/** The pane's block on what changed: each fact as "term = value", then any line under them. */
function changesShown(lang: Lang, result: ReviewResult): string[] {
  const { section, unmount } = renderChanges(lang, result);
  const facts = [...section.querySelectorAll("dt")].map((dt) => `${dt.textContent} = ${factLine(dt, lang)}`);
  const after = [...section.querySelectorAll(":scope > p")].map((p) => p.textContent ?? "");
  unmount();
  return [...facts, ...after];
}

/** November reviewed and written back; then, with `header`, that column typed after the last one with a response for Contoso. */
async function reviewedNovember(lang: Lang, header?: string): Promise<void> {
  fake = new FakeExcel();
  fake.addSheet("Customers", NOVEMBER);
  await paneReview(NOV, lang, true);
  if (header === undefined) return;
  const sheet = fake.sheet("Customers")!;
  const column = sheet.usedArea()!.columns;
  sheet.set(0, column, header);
  sheet.set(1, column, "已收预付款，额度降至一半");
}

test.each([
  [
    "en",
    "Action taken",
    [
      "Actions recommended on 2026-11-30 = 2",
      'Response recorded = 1 (Contoso (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance): "已收预付款，额度降至一半")',
      "No response recorded = 1 (Northwind (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance))",
    ],
  ],
  [
    "zh",
    "处理措施",
    [
      "2026年11月30日建议采取措施的客户 = 2",
      "已记录处理措施 = 1（Contoso（要求预付款、限制信用额度、要求提供担保或投保信用保险）：“已收预付款，额度降至一半”）",
      "未记录处理措施 = 1（Northwind（要求预付款、限制信用额度、要求提供担保或投保信用保险））",
    ],
  ],
] as const)("read through the pane and shown beside November's recommendations (%s)", async (lang, header, shown) => {
  await reviewedNovember(lang, header);
  const december = await paneReview(DEC, lang, false);
  expect(december.columns.found.find((f) => f.field === "actionTaken")?.header).toBe(header);
  expect(december.customers.map((c) => c.actionTaken)).toEqual(["已收预付款，额度降至一半", undefined, undefined]);
  expect(changesShown(lang, december).slice(-3)).toEqual(shown);
});

/** A customer's details in the pane's list, opened: the lines under "Since the last review" (or its Chinese). */
function sinceLastReview(lang: Lang, result: ReviewResult, row: number): string[] {
  const { unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>
        <CustomerList
          customers={result.customers}
          sheet="Customers"
          policy={result.policy}
          changes={result.changes}
          openRow={row}
          byBalance={true}
          onOpen={() => undefined}
          onGoTo={() => undefined}
        />
      </LangContext.Provider>
    </FluentProvider>,
  );
  const heading = screen.getByRole("heading", { name: translator(lang)("ui.detail.changes") });
  const lines = [...heading.nextElementSibling!.querySelectorAll("li")].map((li) => li.textContent ?? "");
  unmount();
  return lines;
}

test.each([
  [
    "en",
    "Action taken",
    [
      "Actions recommended on 2026-11-30: Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance",
      'Response recorded: "已收预付款，额度降至一半"',
    ],
    "No response recorded",
  ],
  [
    "zh",
    "已采取措施",
    [
      "2026年11月30日建议的措施：要求预付款、限制信用额度、要求提供担保或投保信用保险",
      "已记录处理措施：“已收预付款，额度降至一半”",
    ],
    "未记录处理措施",
  ],
] as const)(
  "a customer's details show what November asked of it and the response recorded, or none (%s)",
  async (lang, header, contoso, none) => {
    await reviewedNovember(lang, header);
    const december = await paneReview(DEC, lang, false);
    const row = (name: string) => december.customers.find((c) => c.name === name)!.row;
    expect(sinceLastReview(lang, december, row("Contoso")).slice(-2)).toEqual(contoso);
    expect(sinceLastReview(lang, december, row("Northwind")).slice(-1)).toEqual([none]);
    // Asked nothing (its terms kept): no line about responses.
    expect(sinceLastReview(lang, december, row("Fabrikam")).join("\n")).not.toMatch(/recorded|建议的措施|处理措施/);
  },
);

test("without the column: the count with the customers asked and their actions, and one line on how to record responses", async () => {
  await reviewedNovember("en");
  const december = await paneReview(DEC, "en", false);
  const shown = changesShown("en", december);
  const asked = "Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance";
  expect(shown.slice(-2)).toEqual([
    `Actions recommended on 2026-11-30 = 2 (Contoso (${asked}); Northwind (${asked}))`,
    'Record what the team did about each recommendation in an "Action taken" column on the customer sheet: the next review shows each response beside the action it answers. Once the column is added, switch the sheet\'s filter off and on (Data › Filter), so that a sort takes the column along with its rows.',
  ]);
  expect(shown.join("\n")).not.toContain("No response recorded");
  // Laid out as the summary sheet lists them: the count beside its label, the customers one a line under it.
  const { section, unmount } = renderChanges("en", december);
  const term = [...section.querySelectorAll("dt")].find((dt) => dt.textContent === "Actions recommended on 2026-11-30")!;
  expect(term.nextElementSibling!.textContent).toBe("2");
  expect([...term.parentElement!.querySelectorAll("ul > li")].map((li) => li.textContent)).toEqual([
    `Contoso (${asked})`,
    `Northwind (${asked})`,
  ]);
  unmount();
  // A customer's details say what it was asked, and nothing of a response the sheet has no place for.
  const northwind = december.customers.find((c) => c.name === "Northwind")!.row;
  expect(sinceLastReview("en", december, northwind).slice(-1)).toEqual([`Actions recommended on 2026-11-30: ${asked}`]);
});

test("the first review says nothing about responses", async () => {
  fake = new FakeExcel();
  fake.addSheet("Customers", NOVEMBER);
  const november = await paneReview(NOV, "en", false);
  expect(november.changes).toBeUndefined();
});

test("a response typed in the archive's Action taken column: shown from its archive row, and one line on where to record them", async () => {
  await reviewedNovember("en");
  const archive = fake.sheet("Credit Review Archive")!;
  const { rows, columns } = archive.usedArea()!;
  let at = -1;
  for (let r = 0; r < rows; r++) if (archive.get(r, 2) === "C3") at = r;
  expect(at).toBeGreaterThan(0);
  const actionTaken = Array.from({ length: columns }, (_, c) => archive.get(0, c)).indexOf("Action taken");
  expect(actionTaken).toBeGreaterThan(0);
  archive.set(at, actionTaken, "Prepayment agreed 12-05");
  const december = await paneReview(DEC, "en", false);
  const shown = changesShown("en", december);
  expect(shown.slice(-4)).toEqual([
    "Actions recommended on 2026-11-30 = 2",
    `Response recorded = 1 (Northwind (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance): "Prepayment agreed 12-05" (from the archive, row ${at + 1}))`,
    "No response recorded = 1 (Contoso (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance))",
    `1 response was typed in the archive's "Action taken" column (row ${at + 1}) and is counted above; record responses in the customer sheet's "Action taken" column: the archive keeps each review's record of it`,
  ]);
  const northwind = december.customers.find((c) => c.name === "Northwind")!.row;
  expect(sinceLastReview("en", december, northwind).slice(-1)).toEqual([
    `Response recorded: "Prepayment agreed 12-05" (from the archive, row ${at + 1})`,
  ]);
});

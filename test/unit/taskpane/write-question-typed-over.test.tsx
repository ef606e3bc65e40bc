/** @jest-environment jsdom */
/**
 * The pane over the office-addin-mock fake (its real Excel module, no jest.mock): a recommendation
 * typed over and a next-review date cleared after the review wrote them are found as the pane
 * reads the sheet (Office.js's values: blanks as empty texts, figures as doubles, dates as
 * serials), and Write back's question names each cell before writing the review's own again.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { columnLetter } from "../../../src/engine/a1";
import { FakeExcel, installExcelGlobals } from "../../support/fake-excel";
import { installOffice, preparePaneTests } from "../../support/pane-globals";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { readForReviewWith, writePlanWith } from "../../../src/taskpane/excel";
import { planOptionsOf, reviewInputOf, targetCheck } from "../../../src/taskpane/model";
import { serial } from "../../support/review-grid";
import { customerSheet } from "./workbooks";
import { renderPane } from "../../support/render-pane";

preparePaneTests();

let fake: FakeExcel;
installExcelGlobals(() => fake);
installOffice();

const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;
const usable = (name: string) => button(name).getAttribute("aria-disabled") !== "true" && !button(name).disabled;
const notice = () => document.querySelector(".fui-MessageBar")?.textContent ?? "";
const idle = () => waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"));

async function reviewAndAsk(asOf: string): Promise<string[]> {
  fireEvent.change(screen.getByLabelText("As-of date"), { target: { value: asOf } });
  fireEvent.click(button("Review"));
  await waitFor(() => expect(notice()).toContain('Reviewed 3 customers on "Customers".'));
  await idle();
  fireEvent.click(button("Write back"));
  const question = screen.getByRole("group", { name: "Write the review into the workbook?" });
  return within(question)
    .getAllByRole("listitem")
    .map((item) => item.textContent ?? "");
}

async function write(): Promise<void> {
  const question = screen.getByRole("group", { name: "Write the review into the workbook?" });
  fireEvent.click(within(question).getByRole("button", { name: "Write" }));
  await waitFor(() => expect(notice()).toMatch(/^Written to the workbook/));
  await idle();
}

/** A review read and written through the pane's own Excel module, as Review and Write back do. */
async function reviewedAndWritten(asOf: number): Promise<void> {
  const read = await readForReviewWith(
    fake.context,
    "Customers",
    fake.sheets.map((s) => s.name),
  );
  const result = runReview(reviewInputOf(read, DEFAULT_POLICY, asOf), "en");
  const outcome = await writePlanWith(
    fake.context,
    buildWritePlan(result, "en", planOptionsOf(read)),
    "en",
    targetCheck(read, result),
  );
  expect(outcome.ok).toBe(true);
}

/** Three customers reviewed and written on 2026-03-31: the sheet, and the columns of its header. */
async function writtenInMarch() {
  fake = new FakeExcel();
  fake.addSheet("Customers", customerSheet(3));
  await reviewedAndWritten(serial("2026-03-31"));
  const sheet = fake.sheet("Customers")!;
  const header = sheet.valuesOf(sheet.usedArea()!)[0];
  return { sheet, column: (name: string) => header.indexOf(name) };
}

test("Write back's question names a recommendation typed over and a next review cleared since the review wrote them", async () => {
  const { sheet, column } = await writtenInMarch();
  const recommendation = column("Recommendation");
  const nextReview = column("Next review");
  expect(typeof sheet.get(2, nextReview)).toBe("number");
  const name = sheet.get(1, 1);
  const memo = "Committee 2026-04-05: keep terms";
  sheet.set(1, recommendation, memo);
  sheet.set(2, nextReview, "");

  renderPane();
  await waitFor(() => expect(usable("Review")).toBe(true));
  // A month on, untouched but for those two cells: they alone are named.
  const asked = await reviewAndAsk("2026-04-30");
  const typedOver = asked.filter((line) => line.includes("changed by hand"));
  expect(typedOver).toHaveLength(1);
  expect(typedOver[0]).toMatch(/^2 cells of the review's own columns changed by hand since the review of 2026-03-31; /);
  expect(typedOver[0]).toContain(
    `Customers!${columnLetter(recommendation)}2 Recommendation of ${name}: "${memo}" (not what the review wrote)`,
  );
  expect(typedOver[0]).toContain(
    `Customers!${columnLetter(nextReview)}3 Next review of ${sheet.get(2, 1)}: blank (not what the review wrote)`,
  );
  await write();
  // Written again: the review's own values.
  expect(sheet.get(1, recommendation)).not.toBe(memo);
  expect(typeof sheet.get(2, nextReview)).toBe("number");
});

test("Write back's question says a column emptied whole once, and names no cell of it typed over", async () => {
  const { sheet, column } = await writtenInMarch();
  const recommendation = column("Recommendation");
  // Office.js reads a cleared cell as an empty text.
  for (const row of [1, 2, 3]) sheet.set(row, recommendation, "");

  renderPane();
  await waitFor(() => expect(usable("Review")).toBe(true));
  const asked = await reviewAndAsk("2026-04-30");
  expect(asked.filter((line) => line.includes("changed by hand"))).toEqual([]);
  expect(asked).toContain(
    `1 of the review's own columns has been emptied since the review of 2026-03-31 (${columnLetter(recommendation)} Recommendation): nothing was typed in it, and the review writes its values there again`,
  );
  await write();
  expect(sheet.get(1, recommendation)).not.toBe("");
});

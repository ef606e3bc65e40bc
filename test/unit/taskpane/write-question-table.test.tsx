/** @jest-environment jsdom */
/**
 * The pane over the office-addin-mock fake (its real Excel module, no jest.mock): the question
 * Write back asks lists what will become of the user's Excel table among its changes, before the
 * write, and the notice after it says what was done.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { columnLetter } from "../../../src/engine/a1";
import { FakeExcel, installExcelGlobals } from "../../support/fake-excel";
import { installOffice, preparePaneTests } from "../../support/pane-globals";
import { customerSheet, HEADER } from "./workbooks";
import { renderPane } from "../../support/render-pane";

preparePaneTests();

let fake: FakeExcel;
installExcelGlobals(() => fake);
installOffice();

const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;
const usable = (name: string) => button(name).getAttribute("aria-disabled") !== "true" && !button(name).disabled;
const notice = () => document.querySelector(".fui-MessageBar")?.textContent ?? "";
const idle = () => waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"));

test("Write back's question says the user's table will be extended over the review's columns, and to which cells", async () => {
  fake = new FakeExcel();
  fake.addSheet("Customers", customerSheet(3));
  const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
  renderPane();
  await waitFor(() => expect(usable("Review")).toBe(true));
  fireEvent.change(screen.getByLabelText("As-of date"), { target: { value: "2026-03-31" } });
  fireEvent.click(button("Review"));
  await waitFor(() => expect(notice()).toContain('Reviewed 3 customers on "Customers".'));
  await idle();

  fireEvent.click(button("Write back"));
  const question = screen.getByRole("group", { name: "Write the review into the workbook?" });
  const changes = within(question)
    .getAllByRole("listitem")
    .map((item) => item.textContent);
  // Asked before anything is written: the table is still the user's columns.
  expect(fake.writes()).toEqual([]);
  expect(table.area.columns).toBe(HEADER.length);
  const tableLines = changes.filter((line) => line?.includes('"Book"'));
  expect(tableLines).toEqual([
    expect.stringMatching(
      /^Sheet "Customers": the Excel table "Book" \(A1:K4\) will be extended over the review's columns to A1:([A-Z]+)4, so sorting/,
    ),
  ]);
  // Among the changes, after the review's own columns on the sheet.
  expect(changes.findIndex((line) => line?.startsWith('Sheet "Customers": columns L–'))).toBeLessThan(
    changes.indexOf(tableLines[0]),
  );

  fireEvent.click(within(question).getByRole("button", { name: "Write" }));
  await waitFor(() => expect(notice()).toMatch(/^Written to the workbook/));
  await idle();
  // The cells the question named are the ones the table covers now.
  const last = columnLetter(table.area.column + table.area.columns - 1);
  expect(tableLines[0]).toContain(`to A1:${last}4,`);
  expect(notice()).toContain(`the Excel table "Book" now covers A1:${last}4`);
});

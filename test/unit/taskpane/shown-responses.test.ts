/**
 * Responses Excel turned into numbers (a date typed 2026-12-15, a percentage) read in the pane as
 * their cells show them, as the command line reads them: one more sync for those cells' number
 * formats, and none when the column holds only texts.
 */
import { readForReviewWith } from "../../../src/taskpane/excel";
import { FakeExcel, installExcelGlobals } from "../../support/fake-excel";
import { customerSheet } from "./workbooks";

let fake: FakeExcel;
installExcelGlobals(() => fake);

/** Three customers with an Action taken column: a date, a percentage and a text typed as responses, offset from A1. */
function workbook(): FakeExcel {
  const made = new FakeExcel();
  const [header, ...rows] = customerSheet(3);
  const responses = [46371, 0.5, "Reminder sent"];
  // Two blank rows and a blank column before the table: the read's origin is not A1.
  made.addSheet("Customers", [
    [],
    [],
    [null, ...header, "Action taken"],
    ...rows.map((line, i) => [null, ...line, responses[i]]),
  ]);
  const sheet = made.sheet("Customers")!;
  const at = header.length + 1;
  (sheet.formats[3] ??= [])[at] = "m/d/yyyy";
  (sheet.formats[4] ??= [])[at] = "0%";
  return made;
}

test("a date and a percentage typed as responses read as shown, in one more sync", async () => {
  fake = workbook();
  fake.syncCount = 0;
  const read = await readForReviewWith(fake.context, "Customers", ["Customers"]);
  const responses = read.target.values.slice(1).map((line) => line[line.length - 1]);
  expect(responses).toEqual(["2026-12-15", "50%", "Reminder sent"]);
  expect(fake.syncCount).toBe(2);
});

test("responses all texts: no sync more", async () => {
  fake = workbook();
  const sheet = fake.sheet("Customers")!;
  const at = sheet.formats[3].length - 1;
  sheet.set(3, at, "Call made");
  sheet.set(4, at, "Final notice");
  fake.syncCount = 0;
  const read = await readForReviewWith(fake.context, "Customers", ["Customers"]);
  expect(read.target.values.slice(1).map((line) => line[line.length - 1])).toEqual([
    "Call made",
    "Final notice",
    "Reminder sent",
  ]);
  expect(fake.syncCount).toBe(1);
});

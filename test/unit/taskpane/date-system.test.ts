/**
 * A workbook counting dates from 1904 (an Excel option; old Mac versions' default) through the
 * pane: Office.js gives and takes its dates 1,462 days lower than the 1900 count the engine uses.
 * The same customers and invoices in a 1900 and a 1904 workbook are reviewed alike, month after
 * month, and every date the review writes shows the same day in both.
 */
import { CellValue, serialFromYMD } from "../../../src/engine/cells";
import { DATE_1904_OFFSET, datesFrom1904 } from "../../../src/engine/date-system";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { readForReviewWith, writePlanWith } from "../../../src/taskpane/excel";
import { planOptionsOf, reviewInputOf, targetCheck } from "../../../src/taskpane/model";
import { FakeExcel, installExcelGlobals } from "../../support/fake-excel";
import { customerSheet } from "./workbooks";

const AS_OF = serialFromYMD(2026, 3, 31);
let fake: FakeExcel;
installExcelGlobals(() => fake);

/** Invoices due in the 1900 count: one 59 days overdue at AS_OF, one not due yet. */
const DUE = [serialFromYMD(2026, 1, 31), serialFromYMD(2026, 5, 31)];

/** The same workbook saved in either date system: its due dates stored as that system counts them. */
function workbook(in1904: boolean): FakeExcel {
  const made = new FakeExcel();
  made.date1904 = in1904;
  made.addSheet("Customers", customerSheet(3));
  const stored = (serial: number) => (in1904 ? serial - DATE_1904_OFFSET : serial);
  made.addSheet("Invoices", [
    ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
    ["C000001", "INV-1", stored(DUE[0]), 1000, 0],
    // An amount that would be a date's serial: General, so never moved.
    ["C000002", "INV-2", stored(DUE[1]), 46_000, 0],
  ]);
  const invoices = made.sheet("Invoices")!;
  for (const row of [1, 2]) (invoices.formats[row] ??= [])[2] = "yyyy-mm-dd";
  return made;
}

async function reviewAndWrite(book: FakeExcel, asOf: number) {
  fake = book;
  book.syncCount = 0;
  const read = await readForReviewWith(
    book.context,
    "Customers",
    book.sheets.map((s) => s.name),
  );
  const readSyncs = book.syncCount;
  const result = runReview(reviewInputOf(read, DEFAULT_POLICY, asOf), "en");
  const plan = buildWritePlan(result, "en", planOptionsOf(read));
  expect((await writePlanWith(book.context, plan, "en", targetCheck(read, result))).ok).toBe(true);
  return { read, result, readSyncs };
}

test("a date-formatted number is counted up into the 1900 days, but 0; any other number stays as it is", () => {
  const values: CellValue[][] = [
    [44_000, 44_000, "44000", 44_000, 0],
    [1, 2.5, true, 3, 0],
  ];
  datesFrom1904(values, [
    ["yyyy-mm-dd", "General", "yyyy-mm-dd", '[$-804]yyyy"年"m"月"d"日"', "yyyy-mm-dd"],
    ["0.00", "m/d/yyyy h:mm", "yyyy-mm-dd", "#,##0", "General"],
  ]);
  // A date-formatted 0 (a formula's "no date") stays a blank date, as in a 1900 workbook.
  expect(values).toEqual([
    [44_000 + DATE_1904_OFFSET, 44_000, "44000", 44_000 + DATE_1904_OFFSET, 0],
    [1, 2.5 + DATE_1904_OFFSET, true, 3, 0],
  ]);
});

describe("the same workbook in the 1900 and the 1904 date system", () => {
  let in1900: FakeExcel;
  let in1904: FakeExcel;
  let first: { plain: Awaited<ReturnType<typeof reviewAndWrite>>; shifted: Awaited<ReturnType<typeof reviewAndWrite>> };

  beforeAll(async () => {
    in1900 = workbook(false);
    in1904 = workbook(true);
    first = { plain: await reviewAndWrite(in1900, AS_OF), shifted: await reviewAndWrite(in1904, AS_OF) };
  });

  test("the read gives the engine the same values: due dates in the 1900 count, amounts untouched", () => {
    expect(first.shifted.read.ledger?.values).toEqual(first.plain.read.ledger?.values);
    expect(first.plain.read.ledger?.values.map((line) => line[2])).toEqual(["Due date", ...DUE]);
    // The date system is asked in the sync the read sends anyway; a 1904 workbook is read again with its formats.
    expect(first.plain.readSyncs).toBe(1);
    expect(first.shifted.readSyncs).toBeGreaterThan(1);
  });

  test("every customer's review is the same: the invoice 59 days overdue is 59 days overdue in both", () => {
    expect(first.shifted.result.customers).toEqual(first.plain.result.customers);
    expect(first.plain.result.customers[0].daysPastDue).toBe(59);
  });

  test("every cell written is the same, a date stored 1,462 days lower in the 1904 workbook", () => {
    let dates = 0;
    for (const sheet of in1900.sheets) {
      const other = in1904.sheet(sheet.name)!;
      sheet.cells.forEach((line, r) =>
        line?.forEach((value, c) => {
          const format = sheet.format(r, c) ?? "General";
          const isDate = typeof value === "number" && /y/.test(format);
          if (isDate) dates++;
          expect([sheet.name, r, c, other.cells[r]?.[c]]).toEqual([
            sheet.name,
            r,
            c,
            isDate ? (value as number) - DATE_1904_OFFSET : value,
          ]);
        }),
      );
    }
    // The archive's review and next-review dates, the customer sheet's next reviews, the policy history's.
    expect(dates).toBeGreaterThan(6);
  });

  test("a month on, the 1904 workbook's archive is last month's review, not one four years back", async () => {
    const nextMonth = AS_OF + 30;
    const plain = await reviewAndWrite(in1900, nextMonth);
    const shifted = await reviewAndWrite(in1904, nextMonth);
    expect(plain.result.changes?.previousReview).toBe(AS_OF);
    expect(shifted.result.changes?.previousReview).toBe(AS_OF);
    expect(shifted.result.customers).toEqual(plain.result.customers);
    expect(shifted.result.typedOver ?? []).toEqual(plain.result.typedOver ?? []);
  });
});

test("a date in the customer sheet's header row (a month's column) is read and checked alike before the write", async () => {
  for (const in1904 of [false, true]) {
    const book = workbook(in1904);
    const customers = book.sheet("Customers")!;
    const column = customers.cells[0]!.length;
    const month = serialFromYMD(2026, 1, 31);
    customers.set(0, column, in1904 ? month - DATE_1904_OFFSET : month);
    (customers.formats[0] ??= [])[column] = "mmm-yy";
    const { read } = await reviewAndWrite(book, AS_OF);
    // Read in the 1900 count; and the write (reviewAndWrite expects it done) finds the header as read.
    expect(read.target.values[0][column]).toBe(month);
  }
});

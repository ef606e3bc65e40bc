/**
 * The command line on the English sample with numbers of days where its ledger's due dates
 * belong: one such cell is its customer's problem, a whole column of them leaves the ledger
 * unused; the printed report and --json say so, in the reader's language.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../support/cli";

const SAMPLE = path.resolve(__dirname, "../../../examples/customers.xlsx");
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-review-far-dates-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The sample with its Invoices sheet edited; the review's JSON and printed report of it, in `lang`. */
async function reviewEdited(edit: (invoices: ExcelJS.Worksheet) => void, lang: "en" | "zh" = "en") {
  const input = path.join(dir, `edited-${lang}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  edit(wb.getWorksheet("Invoices")!);
  await wb.xlsx.writeFile(input);
  const asOf = ["--as-of", "2026-11-30", "--lang", lang];
  const json = await runCli(input, ...asOf, "--json");
  const printed = await runCli(input, ...asOf, "--out", path.join(dir, `out-${lang}.xlsx`));
  expect([json.code, printed.code]).toEqual([0, 0]);
  return { json: JSON.parse(json.stdout), stdout: printed.stdout };
}

test("one due date typed as days past due is its customer's problem, in the printed report and --json", async () => {
  // Northwind Traders' (C0001) second invoice, in the column's own date format, holding 45.
  const { json, stdout } = await reviewEdited((invoices) => (invoices.getCell("C3").value = 45));
  const why =
    'sheet Invoices, row 3, column C (Due date): overdue figures and Overdue over 90 days check not computed: "45" reads as the date 1900-02-14, more than a century from the review date (2026-11-30): the cell must hold a date, not a number of days or a year';
  expect(stdout).toContain(`Northwind Traders: ${why}`);
  const northwind = json.customers.find((c: { id: string }) => c.id === "C0001");
  expect(northwind.notes.map((n: { text: string }) => n.text)).toContain(why);
  expect(northwind).toMatchObject({ overdueAmount: null, daysPastDue: null, aging: null });
  expect(json.portfolio.problems).toContainEqual(
    expect.objectContaining({ id: "C0001", fatal: false, affects: ["overdue", "OVERDUE_90"], text: why }),
  );
  expect(json.ledgerNotices).toEqual([]);
});

test("a due-date column of days past due leaves the ledger unused, said once, in either language", async () => {
  // Every invoice's due date as its days past due at the review date: those not yet due are
  // negative, no date at all, and counted apart from the far ones; the first past due, row 8's 107, is the one named.
  const asDays = (invoices: ExcelJS.Worksheet) =>
    invoices.eachRow((row, r) => {
      const due = row.getCell(3).value;
      if (r > 1 && due instanceof Date) row.getCell(3).value = Math.round((Date.UTC(2026, 10, 30) - due.getTime()) / 86_400_000);
    });
  const en = await reviewEdited(asDays);
  const text =
    'Sheet "Invoices" was not used as the invoice ledger: no due date in its column C (Due date) is a date within a century of the review date (28 are more than a century from it, 94 are not dates), so that column holds numbers of days, not dates: row 8 holds "107", read as 1900-04-16 (overdue figures come from the customer sheet, if it has them)';
  expect(en.json.ledgerNotices).toEqual([
    {
      kind: "daysForDueDates",
      sheet: "Invoices",
      row: 8,
      column: "C (Due date)",
      value: "107",
      date: "1900-04-16",
      far: 28,
      notDates: 94,
      text,
    },
  ]);
  expect(en.stdout).toContain(text);
  // No customer is told of it: the sample has no overdue columns of its own, so the overdue checks are said not run.
  expect(en.json.portfolio.problems.filter((q: { text: string }) => q.text.includes("Invoices"))).toEqual([]);
  expect(en.json.columns.skippedChecks).toEqual(expect.arrayContaining(["OVERDUE_90", "OVERDUE_SHARE"]));
  const zh = await reviewEdited(asDays, "zh");
  const zhText =
    "工作表“Invoices”未作为发票明细账使用：其 C 列（Due date）中没有一个到期日是与审查日期相距一百年以内的日期（28 个相距超过一百年，94 个不是日期），该列是天数而不是日期：第 8 行为“107”，读作 1900年4月16日（逾期数据取自客户表中的逾期列，如有）";
  expect(zh.json.ledgerNotices.map((n: { text: string }) => n.text)).toEqual([zhText]);
  expect(zh.stdout).toContain(zhText);
});

/**
 * The command line on real .xlsx files: a user's "Overdue balance" (逾期余额) column on a sheet the
 * review never wrote is read as the overdue amount, and the same header over the review's own
 * column on a sheet it reviewed is its own, written over and never read as input.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadWorkbook, runCli, tempDirPerTest } from "../../support/cli";
import { FACTOR_HEADERS, FACTOR_HEADERS_ZH } from "../../support/review-grid";

const dir = tempDirPerTest("credit-own-columns-");

const HEADERS = {
  en: ["Customer ID", "Customer", ...FACTOR_HEADERS, "Credit limit", "Outstanding balance", "Overdue balance", "Days past due"],
  zh: ["客户编号", "客户名称", ...FACTOR_HEADERS_ZH, "信用额度", "应收账款余额", "逾期余额", "逾期天数"],
} as const;
const OWN_TOTAL = { en: "Total overdue amount", zh: "逾期金额合计" } as const;

async function writeSheet(file: string, rows: readonly (readonly (string | number | null)[])[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Customers");
  for (const row of rows) sheet.addRow([...row]);
  await wb.xlsx.writeFile(file);
}

interface JsonCustomer {
  readonly name: string;
  readonly overdueAmount: number | null;
  readonly daysPastDue: number | null;
  readonly warnings: readonly string[];
}

describe.each(["en", "zh"] as const)("%s", (lang) => {
  test("a never-reviewed sheet's overdue balance column is the customer's overdue amount", async () => {
    const input = path.join(dir(), "plain.xlsx");
    await writeSheet(input, [HEADERS[lang], ["C1", "Late Co", 2, 2, 2, 2, 2, 100_000, 50_000, 30_000, 120]]);
    const { code, stdout } = await runCli(input, "--as-of", "2026-11-30", "--lang", lang, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const late: JsonCustomer = json.customers[0];
    expect([late.overdueAmount, late.daysPastDue]).toEqual([30_000, 120]);
    expect(late.warnings).toContain("OVERDUE_90");
    expect(json.portfolio.overdueAmount).toBe(30_000);
    expect(json.columns.found).toContainEqual({ field: "overdueAmount", column: "J", header: HEADERS[lang][9] });
  });

  test("on a reviewed copy the review's own column under that header stays its own", async () => {
    const input = path.join(dir(), "first.xlsx");
    await writeSheet(input, [HEADERS[lang].slice(0, 9), ["C1", "Late Co", 2, 2, 2, 2, 2, 100_000, 50_000]]);
    const reviewed = path.join(dir(), "reviewed.xlsx");
    expect((await runCli(input, "--as-of", "2026-10-31", "--lang", lang, "--out", reviewed)).code).toBe(0);
    // The review's total renamed to the header an earlier version wrote, holding a figure of its own.
    const wb = await loadWorkbook(reviewed);
    const sheet = wb.getWorksheet("Customers")!;
    let at = 0;
    sheet.getRow(1).eachCell((cell, column) => {
      if (cell.value === OWN_TOTAL[lang]) at = column;
    });
    expect(at).toBeGreaterThan(9);
    sheet.getCell(1, at).value = HEADERS[lang][9];
    sheet.getCell(2, at).value = 45_000;
    await wb.xlsx.writeFile(reviewed);
    const again = path.join(dir(), "again.xlsx");
    const { code, stdout } = await runCli(reviewed, "--as-of", "2026-11-30", "--lang", lang, "--json", "--out", again);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.customers[0].overdueAmount).toBeNull();
    expect(json.columns.found.map((f: { field: string }) => f.field)).not.toContain("overdueAmount");
    expect(json.columns.unknown).toEqual([]);
    expect((await loadWorkbook(again)).getWorksheet("Customers")!.getCell(1, at).value).toBe(OWN_TOTAL[lang]);
  });
});

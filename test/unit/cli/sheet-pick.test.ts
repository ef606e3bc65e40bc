/**
 * Which sheet the command line reviews without --sheet: the one the task pane preselects (the
 * engine's pickCustomerSheet over the same top rows), and when other sheets hold customers too,
 * the report says which was reviewed and names them with --sheet (a line under the table's
 * heading, in either language; `sheetChoice` in --json).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli, tempDirPerTest } from "../../support/cli";
import { customerSheet } from "../taskpane/workbooks";

const dir = tempDirPerTest("credit-pick-");

type Sheet = { name: string; rows: (string | number)[][]; state?: "hidden" | "veryHidden" };

/** A finance team's layout: prospects without payment history, two years of customers, a pivot's totals. */
const FINANCE_TEAM: Sheet[] = [
  {
    name: "Prospects",
    rows: [
      ["Customer ID", "Customer", "Industry risk", "Market reputation", "Sales"],
      ["P1", "Prospect A", 3, 2, 100000],
    ],
  },
  { name: "Customers 2025", rows: customerSheet(3) },
  { name: "Customers 2026", rows: customerSheet(5) },
  {
    name: "Pivot",
    rows: [
      ["Customer", "Credit limit", "Outstanding balance"],
      ["Total", 800000, 200000],
    ],
  },
];

async function book(name: string, sheets: readonly Sheet[], activeTab = 0): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) wb.addWorksheet(s.name, { state: s.state ?? "visible" }).addRows(s.rows);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 10000, firstSheet: 0, activeTab, visibility: "visible" }];
  const file = path.join(dir(), name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function review(file: string, ...args: string[]) {
  const out = path.join(dir(), `out-${fs.readdirSync(dir()).length}.xlsx`);
  const table = await runCli(file, "--as-of", "2026-11-30", "--out", out, ...args);
  const json = await runCli(file, "--as-of", "2026-11-30", "--out", `${out}.json.xlsx`, "--json", ...args);
  expect({ table: table.code, json: json.code }).toEqual({ table: 0, json: 0 });
  return { table, json: JSON.parse(json.stdout) as { sheet: string; sheetChoice: unknown } };
}

test("several customer sheets: the first is reviewed, and the report names the other with --sheet, in English and Chinese", async () => {
  const file = await book("many.xlsx", FINANCE_TEAM);
  const { table, json } = await review(file);
  expect(json.sheet).toBe("Customers 2025");
  expect(json.sheetChoice).toEqual({ by: "first", otherCustomerSheets: ["Customers 2026"] });
  const lines = table.stdout.split("\n");
  expect(lines[1]).toBe(
    'Reviewed "Customers 2025" (the first customer sheet). Also like a customer sheet: "Customers 2026"; review it with --sheet "Customers 2026"',
  );
  const zh = await runCli(file, "--as-of", "2026-11-30", "--out", path.join(dir(), "zh.xlsx"), "--lang", "zh");
  expect(zh.stdout.split("\n")[1]).toBe(
    '已审查“Customers 2025”（第一张客户工作表）。同样像客户工作表的还有：“Customers 2026”；如需审查，请加 --sheet "Customers 2026"',
  );
  // The sheet it names is reviewed as named.
  const other = await review(file, "--sheet", "Customers 2026");
  expect(other.json.sheet).toBe("Customers 2026");
  expect(other.json.sheetChoice).toEqual({ by: "option", otherCustomerSheets: [] });
  expect(other.table.stdout).not.toContain("Also like a customer sheet");
});

test("the active sheet holding customers is the one reviewed, as the pane preselects it; the others are named", async () => {
  const file = await book("active.xlsx", [...FINANCE_TEAM, { name: "Customers 2024", rows: customerSheet(2) }], 2);
  const { table, json } = await review(file);
  expect(json.sheet).toBe("Customers 2026");
  expect(json.sheetChoice).toEqual({ by: "active", otherCustomerSheets: ["Customers 2025", "Customers 2024"] });
  expect(table.stdout.split("\n")[1]).toBe(
    'Reviewed "Customers 2026" (the active sheet). Also like a customer sheet: "Customers 2025", "Customers 2024"; ' +
      'review one of them with --sheet "Customers 2025", or another of those names',
  );
});

test("an active sheet without customers: the first customer sheet; one sheet of customers alone says nothing more", async () => {
  const file = await book("pivot-active.xlsx", FINANCE_TEAM, 3);
  expect((await review(file)).json.sheetChoice).toEqual({ by: "first", otherCustomerSheets: ["Customers 2026"] });
  const alone = await book("alone.xlsx", [FINANCE_TEAM[0], FINANCE_TEAM[1], FINANCE_TEAM[3]]);
  const { table, json } = await review(alone);
  expect(json.sheetChoice).toEqual({ by: "first", otherCustomerSheets: [] });
  expect(table.stdout.split("\n")[1]).not.toContain("Reviewed");
});

test("visible sheets before hidden ones, never a very hidden one: the hidden one is still named", async () => {
  const file = await book("hidden.xlsx", [
    { name: "Staging", rows: customerSheet(2), state: "veryHidden" },
    { name: "Old customers", rows: customerSheet(2), state: "hidden" },
    { name: "Customers", rows: customerSheet(3) },
  ]);
  expect((await review(file)).json).toMatchObject({
    sheet: "Customers",
    sheetChoice: { by: "first", otherCustomerSheets: ["Old customers"] },
  });
  const onlyHidden = await book("only-hidden.xlsx", [
    { name: "Notes", rows: [["Just some notes"]] },
    { name: "Old customers", rows: customerSheet(2), state: "hidden" },
  ]);
  const { table, json } = await review(onlyHidden);
  expect(json).toMatchObject({ sheet: "Old customers", sheetChoice: { by: "firstHidden", otherCustomerSheets: [] } });
  expect(table.stdout).not.toContain("Also like a customer sheet");
});

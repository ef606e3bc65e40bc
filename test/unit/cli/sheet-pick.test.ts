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
import { customerSheet, LEDGER } from "../taskpane/workbooks";

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

describe("--sheet naming a sheet that holds no customers says what it is and the customer sheet to name instead", () => {
  const EXAMPLES = path.resolve(__dirname, "../../../examples");

  /** Runs with --sheet, expecting the refusal: the line on stderr, and the key --json gives. */
  async function refused(file: string, sheet: string, lang: "en" | "zh") {
    const out = path.join(dir(), "out.xlsx");
    const run = await runCli(file, "--sheet", sheet, "--lang", lang, "--out", out);
    const json = await runCli(file, "--sheet", sheet, "--lang", lang, "--out", out, "--json");
    expect({ code: run.code, json: json.code, written: fs.existsSync(out) }).toEqual({ code: 2, json: 2, written: false });
    const error = (JSON.parse(json.stdout) as { error: { key: string; message: string } }).error;
    expect(run.stderr).toBe(`credit-review: ${error.message}`);
    return { line: run.stderr, key: error.key };
  }

  async function reviewedExample(name: string): Promise<string> {
    const input = path.join(dir(), name);
    fs.copyFileSync(path.join(EXAMPLES, name), input);
    const out = path.join(dir(), `reviewed-${name}`);
    expect((await runCli(input, "--as-of", "2026-12-31", "--out", out)).code).toBe(0);
    return out;
  }

  test("the review's own summary, archive and policy sheets of a reviewed copy, in English and Chinese", async () => {
    const file = await reviewedExample("customers.xlsx");
    const own = [
      ["Credit Review Summary", "summary", "汇总"],
      ["Credit Review Archive", "archive", "档案"],
      ["Credit Policy", "policy", "政策"],
    ];
    for (const [sheet, en, zh] of own) {
      expect(await refused(file, sheet, "en")).toEqual({
        line: `credit-review: sheet "${sheet}" is the review's own ${en} sheet, not a customer sheet; review the customers with --sheet "Customers"`,
        key: "cli.sheetIsOwn",
      });
      expect((await refused(file, sheet, "zh")).line).toBe(
        `credit-review: 工作表“${sheet}”是审查自己的${zh}工作表，不是客户工作表；请加 --sheet "Customers" 审查客户`,
      );
    }
  });

  test("the invoice ledger: Invoices, and 发票明细 of the Chinese example", async () => {
    const file = path.join(dir(), "customers.xlsx");
    fs.copyFileSync(path.join(EXAMPLES, "customers.xlsx"), file);
    expect(await refused(file, "Invoices", "en")).toEqual({
      line: 'credit-review: sheet "Invoices" is an invoice ledger, not a customer sheet: the review ages its invoices for the customers of a customer sheet; review the customers with --sheet "Customers"',
      key: "cli.sheetIsLedger",
    });
    const zhFile = path.join(dir(), "customers-zh.xlsx");
    fs.copyFileSync(path.join(EXAMPLES, "customers-zh.xlsx"), zhFile);
    expect((await refused(zhFile, "发票明细", "zh")).line).toBe(
      'credit-review: 工作表“发票明细”是发票明细，不是客户工作表：审查按客户工作表中的客户为其发票计算账龄；请加 --sheet "客户" 审查客户',
    );
  });

  test("a ledger in a workbook without customers says there are none to name", async () => {
    const file = await book("ledger-only.xlsx", [
      { name: "Notes", rows: [["Just some notes"]] },
      { name: "Ledger", rows: LEDGER },
    ]);
    expect((await refused(file, "Ledger", "en")).line).toBe(
      'credit-review: sheet "Ledger" is an invoice ledger, not a customer sheet: the review ages its invoices for the customers of a customer sheet; no sheet with customer columns (payment history, contract performance, …); the workbook has: Notes, Ledger',
    );
    expect((await refused(file, "Ledger", "zh")).line).toBe(
      "credit-review: 工作表“Ledger”是发票明细，不是客户工作表：审查按客户工作表中的客户为其发票计算账龄；没有包含客户列（付款历史、合同履行情况……）的工作表；工作簿中有：Notes、Ledger",
    );
  });

  test("a customer sheet with a Review date and a Policy version column beside a real archive is reviewed when --sheet names it", async () => {
    const [header, ...rows] = customerSheet(3);
    const clients = [[...header, "Review date", "Policy version"], ...rows.map((r) => [...r, 46000, "P-1"])];
    const archive = [
      ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
      [46000, "P-1", "C1", "Earlier", 2, "Low"],
    ];
    const file = await book("clients.xlsx", [
      { name: "Clients", rows: clients },
      { name: "Credit Review Archive", rows: archive },
    ]);
    const run = await runCli(file, "--sheet", "Clients", "--as-of", "2026-11-30", "--out", path.join(dir(), "out.xlsx"));
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.not.stringContaining("archive sheet") });
    expect(run.result?.customers).toHaveLength(3);
  });

  test("a customer sheet of the user's that merely has one of our names keeps the advice to rename it", async () => {
    const file = await book("named-like-ours.xlsx", [{ name: "Credit Review Summary", rows: customerSheet(3) }]);
    expect(await refused(file, "Credit Review Summary", "en")).toEqual({
      line: 'credit-review: sheet "Credit Review Summary" has the name of a sheet the review writes; rename it and run the review again',
      key: "review.sheetIsOurs",
    });
    expect((await refused(file, "Credit Review Summary", "zh")).line).toBe(
      "credit-review: 工作表“Credit Review Summary”与审查要写入的工作表同名；请重命名后再运行审查",
    );
  });
});

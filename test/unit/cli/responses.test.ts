/**
 * Two months through the command line: the sample reviewed on 2026-11-30, an Action taken column
 * added to the reviewed copy and filled in for a few of the customers November asked the team to
 * act on, then the copy reviewed on 2026-12-31. December's terminal report, its JSON and its
 * summary sheet each show the responses beside November's recommendations, and the customers
 * left without one; the archive keeps what the column said.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { printedWidth } from "../../../src/engine/text-width";
import { loadWorkbook, runCli } from "../../support/cli";

/** The figures' columns' widths on the summary (A to D), less a cell's padding: where its long lines wrap. */
const FIGURES_ROOM = 30 + 14 + 16 + 12 - 2;

const EXAMPLE = path.resolve(__dirname, "../../../examples/customers.xlsx");
/** The sample's header row on the customer sheet. */
const HEADER_ROW = 3;
const RESPONSES: Readonly<Record<string, string>> = {
  C0004: "Collection agency engaged 2026-12-04",
  C0011: "催收函已发出",
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-responses-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The reviewed copy with an Action taken column after the last one, filled in for RESPONSES' customers. */
async function withActionTaken(from: string, to: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet("Customers")!;
  const column = ws.getRow(HEADER_ROW).cellCount + 1;
  ws.getRow(HEADER_ROW).getCell(column).value = "Action taken";
  ws.eachRow((row, n) => {
    const response = n > HEADER_ROW ? RESPONSES[String(row.getCell(1).value)] : undefined;
    if (response) row.getCell(column).value = response;
  });
  await wb.xlsx.writeFile(to);
}

/** The summary sheet's column A and B, a pair per row, from the row labelled `from` on. */
function summaryFrom(ws: ExcelJS.Worksheet, from: string, count: number): [unknown, unknown][] {
  const rows: [unknown, unknown][] = [];
  ws.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value ?? null]));
  const start = rows.findIndex(([label]) => label === from);
  expect(start).toBeGreaterThan(0);
  return rows.slice(start, start + count);
}

test("November's recommendations and December's responses in the terminal, the JSON and the summary sheet", async () => {
  const input = path.join(dir, "customers.xlsx");
  fs.copyFileSync(EXAMPLE, input);
  const november = await runCli(input, "--as-of", "2026-11-30", "--lang", "en");
  expect(november.code).toBe(0);
  // A first review: nothing to ask about.
  expect(november.result!.changes).toBeUndefined();
  expect(november.stdout).not.toContain("Actions recommended on");

  const edited = path.join(dir, "december-in.xlsx");
  await withActionTaken(path.join(dir, "customers.reviewed-2026-11-30.xlsx"), edited);
  const out = path.join(dir, "december.xlsx");
  const json = await runCli(edited, "--as-of", "2026-12-31", "--lang", "en", "--json", "--out", out);
  expect(json.code).toBe(0);
  const report = JSON.parse(json.stdout);
  const responses = report.changes.responses;
  expect(responses).toMatchObject({ recommendedOn: "2026-11-30", column: true, recommended: 13, responded: 2 });
  expect(responses.customers.slice(0, 3)).toEqual([
    {
      row: 7,
      id: "C0004",
      name: "Litware Components",
      recommended: ["ESCALATE_COLLECTION", "REASSESS", "REVIEW_FINANCES"],
      recommendedText: [
        "Escalate collection and stop shipments",
        "Re-assess the customer now",
        "Review the customer's financial statements",
      ],
      response: "Collection agency engaged 2026-12-04",
      archiveRow: null,
      unchanged: false,
    },
    {
      row: 8,
      id: "C0005",
      name: "Adventure Works Cycles",
      recommended: ["PREPAYMENT", "RESTRICT_LIMIT", "GUARANTEE", "ESCALATE_COLLECTION", "REASSESS"],
      recommendedText: [
        "Require prepayment",
        "Restrict the credit limit",
        "Ask for a guarantee or credit insurance",
        "Escalate collection and stop shipments",
        "Re-assess the customer now",
      ],
      response: null,
      archiveRow: null,
      unchanged: false,
    },
    {
      row: 10,
      id: "C0007",
      name: "Wide World Importers",
      recommended: ["HOLD_ORDERS"],
      recommendedText: ["Hold new orders until the balance is back under the limit"],
      response: null,
      archiveRow: null,
      unchanged: false,
    },
  ]);
  expect(
    responses.customers.filter((c: { response: string | null }) => c.response !== null).map((c: { id: string }) => c.id),
  ).toEqual(["C0004", "C0011"]);
  // Each customer's own record, as read.
  const coho = report.customers.find((c: { id: string }) => c.id === "C0011");
  expect(coho.actionTaken).toBe("催收函已发出");
  expect(report.customers.find((c: { id: string }) => c.id === "C0001").actionTaken).toBeNull();

  const terminal = await runCli(edited, "--as-of", "2026-12-31", "--lang", "en", "--out", path.join(dir, "terminal.xlsx"));
  expect(terminal.code).toBe(0);
  const lines = terminal.stdout.split("\n");
  const at = lines.indexOf("Actions recommended on 2026-11-30: 13");
  expect(at).toBeGreaterThan(0);
  expect(lines.slice(at + 1, at + 11)).toEqual([
    "Response recorded: 2",
    '  Litware Components (Escalate collection and stop shipments, Re-assess the customer now, Review the customer\'s financial statements): "Collection agency engaged 2026-12-04"',
    '  Coho Winery (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance, Escalate collection and stop shipments): "催收函已发出"',
    "No response recorded: 11",
    "  Adventure Works Cycles (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance, Escalate collection and stop shipments, Re-assess the customer now)",
    "  Wide World Importers (Hold new orders until the balance is back under the limit)",
    "  Proseware Logistics (Escalate collection and stop shipments, Consider legal action)",
    "  Lucerne Publishing (Review the customer's financial statements)",
    "  Woodgrove Foods (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance, Re-assess the customer now)",
    "  and 6 more",
  ]);
  expect(responses.text).toBe(lines.slice(at, at + 11).join("\n"));

  const wb = await loadWorkbook(out);
  // Each response wrapped within the figures' columns, one line a row: Coho Winery's took a whole
  // page's width past them, under the right half and off the printed page.
  const summary = summaryFrom(wb.getWorksheet("Credit Review Summary")!, "Actions recommended on 2026-11-30", 7);
  expect(summary).toEqual([
    ["Actions recommended on 2026-11-30", 13],
    ["Response recorded", 2],
    ["Litware Components (Escalate collection and stop shipments, Re-assess the", null],
    ["customer now, Review the customer's financial statements): \"Collection agency", null],
    ['engaged 2026-12-04"', null],
    ["Coho Winery (Require prepayment, Restrict the credit limit, Ask for a guarantee", null],
    ['or credit insurance, Escalate collection and stop shipments): "催收函已发出"', null],
  ]);
  // Each one indent in under its count, as the printed report sets them.
  const summarySheet = wb.getWorksheet("Credit Review Summary")!;
  const indentOf = (text: string) => {
    let indent: number | undefined;
    summarySheet.eachRow((row) => {
      if (row.getCell(1).value === text) indent = row.getCell(1).alignment?.indent;
    });
    return indent;
  };
  expect(indentOf("Response recorded")).toBeUndefined();
  expect(indentOf('engaged 2026-12-04"')).toBe(1);
  expect(summary.slice(2, 7).every(([line]) => printedWidth(String(line)) <= FIGURES_ROOM)).toBe(true);
  expect(printedWidth(lines[at + 3].trim())).toBeGreaterThan(FIGURES_ROOM * 1.5);

  // In Chinese too: the responses and the past-due customers each within the figures' width.
  const zhOut = path.join(dir, "december-zh.xlsx");
  const zh = await runCli(edited, "--as-of", "2026-12-31", "--lang", "zh", "--out", zhOut);
  expect(zh.code).toBe(0);
  const zhLines = zh.stdout.split("\n");
  const zhAt = zhLines.indexOf("已记录处理措施：2");
  expect(zhAt).toBeGreaterThan(0);
  const zhSummary = summaryFrom((await loadWorkbook(zhOut)).getWorksheet("Credit Review Summary")!, "已记录处理措施", 8);
  const zhEnd = zhSummary.findIndex(([line]) => line === "未记录处理措施");
  const zhRows = zhSummary.slice(1, zhEnd).map(([line]) => String(line));
  expect(zhRows.length).toBeGreaterThanOrEqual(4);
  expect(zhRows.join("")).toBe(zhLines[zhAt + 1].trim() + zhLines[zhAt + 2].trim());
  expect(zhRows.every((line) => printedWidth(line) <= FIGURES_ROOM)).toBe(true);
  expect(zhSummary[zhEnd]).toEqual(["未记录处理措施", 11]);
  // The archive keeps what the column said at December's review, on those customers' December rows.
  const archive = wb.getWorksheet("Credit Review Archive")!;
  const header = (archive.getRow(1).values as unknown[]).slice(1);
  const column = header.indexOf("Action taken") + 1;
  // Before the output check and the overdue amount's own unit.
  expect(column).toBe(header.length - 2);
  const kept: [unknown, unknown][] = [];
  archive.eachRow((row, n) => {
    if (n > 1 && row.getCell(column).value !== null) kept.push([row.getCell(3).value, row.getCell(column).value]);
  });
  expect(kept).toEqual(Object.entries(RESPONSES));
});

test("a response typed in the archive's Action taken column, on November's row, counts and is said to be read from there", async () => {
  const input = path.join(dir, "archive-typed.xlsx");
  fs.copyFileSync(EXAMPLE, input);
  expect((await runCli(input, "--as-of", "2026-11-30", "--lang", "en")).code).toBe(0);
  const typed = "Prepayment agreed 2026-12-05; guarantee requested from parent";
  const edited = path.join(dir, "archive-typed-in.xlsx");
  await withActionTaken(path.join(dir, "archive-typed.reviewed-2026-11-30.xlsx"), edited);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(edited);
  const archive = wb.getWorksheet("Credit Review Archive")!;
  const header = (archive.getRow(1).values as unknown[]).slice(1);
  const column = header.indexOf("Action taken") + 1;
  let row = 0;
  archive.eachRow((line, n) => {
    if (line.getCell(3).value === "C0005") row = n;
  });
  expect(row).toBeGreaterThan(1);
  archive.getRow(row).getCell(column).value = typed;
  await wb.xlsx.writeFile(edited);

  const out = path.join(dir, "archive-typed-out.xlsx");
  const table = await runCli(edited, "--as-of", "2026-12-31", "--lang", "en", "--out", out);
  expect(table.code).toBe(0);
  expect(table.stdout).toContain("Response recorded: 3");
  const line = table.stdout.split("\n").find((l) => l.startsWith("  Adventure Works Cycles ("));
  expect(line).toMatch(/\): "Prepayment agreed 2026-12-05; guarantee requested from parent" \(from the archive, row \d+\)$/);
  expect(line).toContain(`(from the archive, row ${row})`);
  expect(table.stdout).toContain(
    `1 response was typed in the archive's "Action taken" column (row ${row}) and is counted above; record responses in the customer sheet's "Action taken" column`,
  );
  const noResponse = table.stdout.slice(table.stdout.indexOf("No response recorded"));
  expect(noResponse).not.toContain("Adventure Works");
  const json = JSON.parse((await runCli(edited, "--as-of", "2026-12-31", "--lang", "en", "--json", "--out", out)).stdout);
  expect(json.changes.responses.customers.find((c: { id: string }) => c.id === "C0005")).toMatchObject({
    response: typed,
    archiveRow: row,
    unchanged: false,
  });
  // The rewritten archive keeps the typed text on November's row.
  const written = (await loadWorkbook(out)).getWorksheet("Credit Review Archive")!;
  const kept: unknown[] = [];
  written.eachRow((line) => {
    if (line.getCell(3).value === "C0005") kept.push(line.getCell(column).value ?? null);
  });
  expect(kept).toEqual([typed, null]);
});

test("the reviewed copy without the column: one line says where responses can be recorded", async () => {
  const input = path.join(dir, "customers.xlsx");
  fs.copyFileSync(EXAMPLE, input);
  expect((await runCli(input, "--as-of", "2026-11-30", "--lang", "zh")).code).toBe(0);
  const december = await runCli(path.join(dir, "customers.reviewed-2026-11-30.xlsx"), "--as-of", "2026-12-31", "--lang", "zh");
  expect(december.code).toBe(0);
  const lines = december.stdout.split("\n");
  const at = lines.indexOf("2026年11月30日建议采取措施的客户：13");
  expect(at).toBeGreaterThan(0);
  // The customers asked to act, five by name with their actions, then how many more; then how to record responses.
  expect(lines.slice(at + 1, at + 7)).toEqual([
    "  Litware Components（加强催收并停止供货、立即重新评估该客户、复核客户财务报表）",
    "  Adventure Works Cycles（要求预付款、限制信用额度、要求提供担保或投保信用保险、加强催收并停止供货、立即重新评估该客户）",
    "  Wide World Importers（暂停新订单，直至余额回到额度以内）",
    "  Proseware Logistics（加强催收并停止供货、考虑采取法律行动）",
    "  Lucerne Publishing（复核客户财务报表）",
    "  另有 8 位",
  ]);
  expect(lines[at + 7]).toBe(
    "可在客户表中添加“已采取措施”列，记录针对每项建议已采取的措施：下次审查将把每条记录与其对应的建议并列显示。添加该列后，请将工作表的筛选关闭再打开（数据 › 筛选），使排序时该列随行一起移动。",
  );
  expect(december.stdout).not.toContain("未记录处理措施");
});

/** The width the copy's <cols> gives a 1-based column, and whether as one of its own (customWidth). */
async function columnWidth(file: string, column: number): Promise<number | undefined> {
  const ws = (await loadWorkbook(file)).getWorksheet("Customers")!;
  const col = ws.getColumn(column);
  return col.width;
}

test("the Action taken column is widened to its longest response while its width is the default or the review's, never the user's", async () => {
  const input = path.join(dir, "customers.xlsx");
  fs.copyFileSync(EXAMPLE, input);
  expect((await runCli(input, "--as-of", "2026-11-30", "--lang", "en")).code).toBe(0);
  const edited = path.join(dir, "widths-december-in.xlsx");
  await withActionTaken(path.join(dir, "customers.reviewed-2026-11-30.xlsx"), edited);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(edited);
  const column = (wb.getWorksheet("Customers")!.getRow(HEADER_ROW).values as unknown[]).indexOf("Action taken");
  expect(column).toBeGreaterThan(1);
  // Typed into a new column, at the sheet's default width: its response ran over the next page.
  expect(await columnWidth(edited, column)).toBeUndefined();

  const december = path.join(dir, "widths-december.xlsx");
  expect((await runCli(edited, "--as-of", "2026-12-31", "--lang", "en", "--out", december)).code).toBe(0);
  // "Collection agency engaged 2026-12-04", 36 characters, and a cell's padding.
  expect(await columnWidth(december, column)).toBe(38);

  // January's response is longer: the width December gave the column is the review's, and is fitted again.
  const longer = "Payment plan on track; 70,000 received in October, the rest due by 2027-02-28";
  const january = new ExcelJS.Workbook();
  await january.xlsx.readFile(december);
  const sheet = january.getWorksheet("Customers")!;
  sheet.eachRow((row, n) => {
    if (n > HEADER_ROW && row.getCell(1).value === "C0004") row.getCell(column).value = longer;
  });
  const januaryIn = path.join(dir, "widths-january-in.xlsx");
  await january.xlsx.writeFile(januaryIn);
  expect(await columnWidth(januaryIn, column)).toBe(38);
  const januaryOut = path.join(dir, "widths-january.xlsx");
  expect((await runCli(januaryIn, "--as-of", "2027-01-31", "--lang", "en", "--out", januaryOut)).code).toBe(0);
  expect(await columnWidth(januaryOut, column)).toBe(longer.length + 2);
  // A re-run of January keeps it, as the archive's January rows give it too.
  const rerun = path.join(dir, "widths-january-rerun.xlsx");
  expect((await runCli(januaryOut, "--as-of", "2027-01-31", "--lang", "en", "--out", rerun)).code).toBe(0);
  expect(await columnWidth(rerun, column)).toBe(longer.length + 2);

  // A width the user gave the column stays, whatever its responses need.
  sheet.getColumn(column).width = 20;
  const ownWidth = path.join(dir, "widths-own-in.xlsx");
  await january.xlsx.writeFile(ownWidth);
  const kept = path.join(dir, "widths-own.xlsx");
  expect((await runCli(ownWidth, "--as-of", "2027-01-31", "--lang", "en", "--out", kept)).code).toBe(0);
  expect(await columnWidth(kept, column)).toBe(20);
});

test("responses Excel turned into numbers read as their cells show them: a date, a percentage, TRUE", async () => {
  const input = path.join(dir, "typed.xlsx");
  fs.copyFileSync(EXAMPLE, input);
  const november = path.join(dir, "typed-november.xlsx");
  expect((await runCli(input, "--as-of", "2026-11-30", "--lang", "en", "--out", november)).code).toBe(0);
  // As Excel keeps what was typed: 2026-12-15 a date's number in a date format, 50% a fraction
  // in a percentage format, TRUE a boolean, 7 a number in General.
  const typed: Readonly<Record<string, [ExcelJS.CellValue, string | undefined]>> = {
    C0004: [46371, "m/d/yyyy"],
    C0011: [0.5, "0%"],
    C0019: [true, undefined],
    C0007: [7, undefined],
  };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(november);
  const ws = wb.getWorksheet("Customers")!;
  const column = ws.getRow(HEADER_ROW).cellCount + 1;
  ws.getRow(HEADER_ROW).getCell(column).value = "Action taken";
  ws.eachRow((row, n) => {
    const response = n > HEADER_ROW ? typed[String(row.getCell(1).value)] : undefined;
    if (!response) return;
    const cell = row.getCell(column);
    cell.value = response[0];
    if (response[1]) cell.numFmt = response[1];
  });
  const edited = path.join(dir, "typed-edited.xlsx");
  await wb.xlsx.writeFile(edited);
  const december = await runCli(
    edited,
    "--as-of",
    "2026-12-31",
    "--lang",
    "en",
    "--json",
    "--out",
    path.join(dir, "typed-december.xlsx"),
  );
  expect(december.code).toBe(0);
  const shown = Object.fromEntries(
    JSON.parse(december.stdout)
      .customers.filter((c: { actionTaken: string | null }) => c.actionTaken !== null)
      .map((c: { id: string; actionTaken: string }) => [c.id, c.actionTaken]),
  );
  expect(shown).toEqual({ C0004: "2026-12-15", C0011: "50%", C0019: "TRUE", C0007: "7" });
  // The archive keeps the response as shown.
  const archive = (await loadWorkbook(path.join(dir, "typed-december.xlsx"))).getWorksheet("Credit Review Archive")!;
  const kept: string[] = [];
  archive.eachRow((row, n) => {
    const value = row.getCell(25).value;
    if (n > 1 && value !== null && value !== undefined) kept.push(String(value));
  });
  expect(kept.sort()).toEqual(["2026-12-15", "50%", "7", "TRUE"]);
});

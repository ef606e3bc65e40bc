/**
 * The command line on the Chinese sample with its headers in Traditional characters, as a team in
 * Taiwan or Hong Kong heads its sheets: the same review as of the Simplified sample, its ledger
 * used, and the review's own columns written in Simplified (the language it writes) beside them.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadWorkbook, runCli, tempDirPerTest } from "../../support/cli";
import { traditional } from "../../support/traditional";

const SAMPLE = path.resolve(__dirname, "../../../examples/customers-zh.xlsx");
const CUSTOMERS = "客户";
const LEDGER = "发票明细";
/** The customer sheet's header row under its title, and the ledger's. */
const HEADER_ROWS: Readonly<Record<string, number>> = { [CUSTOMERS]: 3, [LEDGER]: 1 };

const dir = tempDirPerTest("credit-traditional-");

function headers(sheet: ExcelJS.Worksheet, row: number): string[] {
  return ((sheet.getRow(row).values as unknown[]) ?? []).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));
}

/** The sample with every header of its customer sheet and ledger, and its title, in Traditional characters. */
async function traditionalSample(file: string): Promise<{ simplified: string[]; converted: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const simplified: string[] = [];
  const converted: string[] = [];
  for (const [name, row] of Object.entries(HEADER_ROWS)) {
    const sheet = wb.getWorksheet(name)!;
    sheet.getRow(row).eachCell((cell) => {
      if (typeof cell.value !== "string") return;
      simplified.push(cell.value);
      cell.value = traditional(cell.value);
      converted.push(cell.value);
    });
  }
  const title = wb.getWorksheet(CUSTOMERS)!.getCell("A1");
  title.value = traditional(String(title.value));
  await wb.xlsx.writeFile(file);
  return { simplified, converted };
}

test("the sample headed in Traditional characters is reviewed as the Simplified one is", async () => {
  const input = path.join(dir(), "traditional.xlsx");
  const { simplified, converted } = await traditionalSample(input);
  // Most headers are spelt otherwise: 客戶編號, 應收帳款餘額, 發票號, 已收金額.
  expect(converted).toEqual(expect.arrayContaining(["客戶編號", "應收帳款餘額", "負面新聞日期", "發票號", "已收金額"]));
  expect(converted.filter((header, i) => header !== simplified[i]).length).toBeGreaterThan(simplified.length / 2);

  const asIs = await runCli(
    SAMPLE,
    "--as-of",
    "2026-11-30",
    "--lang",
    "zh",
    "--json",
    "--out",
    path.join(dir(), "simplified-out.xlsx"),
  );
  const out = path.join(dir(), "traditional-out.xlsx");
  const run = await runCli(input, "--as-of", "2026-11-30", "--lang", "zh", "--json", "--out", out);
  expect([asIs.code, run.code]).toEqual([0, 0]);
  // A message names a column as the sheet heads it: "第 24 行 E 列（行業風險）".
  const quoted = simplified.reduce(
    (text, header, i) => text.split(` 列（${header}）`).join(` 列（${converted[i]}）`),
    asIs.stdout,
  );
  expect(quoted).toContain("第 24 行 E 列（行業風險）");
  const expected = JSON.parse(quoted);
  const actual = JSON.parse(run.stdout);

  // Every column found where the Simplified sample has it, under the sheet's own header.
  const sheetHeaders = converted.slice(0, expected.columns.found.length);
  expect(actual.columns.found).toEqual(
    expected.columns.found.map((f: { header: string }, i: number) => ({ ...f, header: sheetHeaders[i] })),
  );
  expect(actual.columns.unknown).toEqual([]);
  expect(actual.columns.skippedChecks).toEqual(expected.columns.skippedChecks);
  // The ledger is used, and every customer comes out the same: scores, warnings, overdue figures.
  expect(actual.ledgerNotices).toEqual(expected.ledgerNotices);
  expect(actual.customers).toHaveLength(45);
  expect(actual.customers).toEqual(expected.customers);
  expect(actual.portfolio).toEqual(expected.portfolio);
  expect(actual.portfolio.overdueAmount).toBeGreaterThan(0);

  // The review's own columns are written beside the Traditional headers, in Simplified characters.
  const written = headers((await loadWorkbook(out)).getWorksheet(CUSTOMERS)!, HEADER_ROWS[CUSTOMERS]);
  expect(written.slice(0, 3)).toEqual(["客戶編號", "客戶名稱", "付款歷史"]);
  expect(written).toContain("风险评分");
  expect(written).toContain("政策建议");
});

test("a misspelt Traditional header is reported with the header it is likely meant as", async () => {
  const input = path.join(dir(), "misspelt.xlsx");
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("客戶");
  sheet.addRow(["客戶編號", "客戶名稱", "付款歷史", "合同履行情況", "行業風險", "市場口碑", "合規記錄", "信用額"]);
  sheet.addRow(["TW-01", "台北精密", 2, 2, 2, 2, 2, 100]);
  await wb.xlsx.writeFile(input);
  const { code, stdout } = await runCli(input, "--as-of", "2026-11-30", "--lang", "zh", "--out", path.join(dir(), "out.xlsx"));
  expect(code).toBe(0);
  expect(stdout).toContain("未识别的表头：H 列“信用額”（是否想写“信用额度”？）");
});

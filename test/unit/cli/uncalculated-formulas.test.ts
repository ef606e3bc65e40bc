/**
 * A workbook saved by a program that does not calculate (test/cases/producers/xlsxwriter-formulas.xlsx,
 * written by XlsxWriter, the engine pandas uses when it is installed): every formula saved with 0
 * or a value the program states, the workbook asking to be calculated when opened. The command
 * line cannot calculate, so it reads no such value: each cell is said, in both languages, and
 * `--json` tells the request apart from formulas merely saved without a value. A workbook set to
 * Manual calculation and not to calculate before saving has real results, read, but perhaps older
 * than its last edits: said in one line.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { runCli } from "../../support/cli";

const FIXTURE = path.resolve(__dirname, "../../cases/producers/xlsxwriter-formulas.xlsx");
const OPENPYXL = path.resolve(__dirname, "../../cases/producers/openpyxl-formulas.xlsx");
const EXCEL = path.resolve(__dirname, "../../cases/producers/excel-formulas.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-uncalculated-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function review(input: string, lang: "en" | "zh", ...args: string[]) {
  const out = path.join(dir, `${path.basename(input, ".xlsx")}.${lang}.xlsx`);
  const run = await runCli(input, "--as-of", "2026-11-30", "--lang", lang, "--out", out, ...args);
  expect(run.code).toBe(0);
  return run;
}

test("the values saved with its formulas are not read: one line names the cells and why, in English and Chinese", async () => {
  const en = await review(FIXTURE, "en");
  expect(en.stderr).toBe(
    "credit-review: 3 formula cell(s) not read: the workbook asks to be calculated when it is opened (a program that does " +
      "not calculate saved it), so the values saved with its formulas (often 0) are not their results: Customers!G2, " +
      "Customers!I3, Customers!I5. Open and save the workbook in Excel or LibreOffice to compute them",
  );
  // Beta Metals' balance (65,000 against a limit of 50,000) was saved as 0: read, it would pass the
  // over-limit check; here the check waits for the figure, saying which cell and why.
  const beta = en.result!.customers.find((c) => c.row === 3)!;
  expect(beta.findings.map((f) => f.code)).toEqual([]);
  expect(beta.notes.map((n) => [n.affects, n.reason.message])).toEqual([
    [
      expect.arrayContaining(["OVER_LIMIT"]),
      expect.stringContaining('must be a number, got "formula saved without being calculated'),
    ],
  ]);
  expect(en.stdout).toContain(
    "Beta Metals: row 3, column I (Outstanding balance): exposure, utilisation, available credit and Over credit limit check not " +
      'computed: must be a number, got "formula saved without being calculated (the workbook asks to be calculated when ' +
      'opened): =40000+25000"',
  );

  const zh = await review(FIXTURE, "zh");
  expect(zh.stderr).toContain("3 个公式单元格未读取：工作簿要求在打开时重新计算");
  expect(zh.stdout).toContain("公式保存时未经计算（工作簿要求在打开时重新计算）：=40000+25000");
});

test("--json lists the cells and says the workbook asks to be calculated; a workbook that does not ask says nothing of it", async () => {
  const json = JSON.parse((await review(FIXTURE, "en", "--json")).stdout);
  expect(json.formulasWithoutValue).toEqual(["Customers!G2", "Customers!I3", "Customers!I5"]);
  expect(json.calculatesOnOpen).toBe(true);

  // Excel-shaped formulas are read by their saved values; only those saved without one are listed.
  const excel = JSON.parse((await review(EXCEL, "en", "--json")).stdout);
  expect(excel.formulasWithoutValue).toEqual(["Customers!C3", "Customers!L4", "Customers!K5"]);
  expect(excel).not.toHaveProperty("calculatesOnOpen");

  // openpyxl asks too, and saves no value at all: its cells keep saying they have none.
  const openpyxl = await review(OPENPYXL, "en", "--json");
  expect(JSON.parse(openpyxl.stdout)).toMatchObject({
    formulasWithoutValue: ["Customers!C3", "Customers!I5"],
    calculatesOnOpen: true,
  });
  const row3 = JSON.parse(openpyxl.stdout).customers.find((c: { row: number }) => c.row === 3);
  expect(row3.errors[0]).toContain("formula without a saved value: =1+1");
});

/** The Excel-shaped formulas workbook with its calculation settings (calcPr) replaced. */
async function withCalcPr(calcPr: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(EXCEL));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  expect(workbook).toContain('<calcPr calcId="191029"/>');
  zip.file("xl/workbook.xml", workbook.replace('<calcPr calcId="191029"/>', calcPr));
  const file = path.join(dir, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

test("formula results saved under Manual calculation without calculating on save are read, and said to be perhaps stale", async () => {
  const manual = await withCalcPr('<calcPr calcId="191029" calcMode="manual" calcOnSave="0"/>', "manual.xlsx");
  const en = await review(manual, "en", "--json");
  // Five formulas with saved values (the shared K2:K4, the array L2:L3); the three without one are listed as before.
  expect(en.stderr.split("\n")).toEqual([
    expect.stringContaining("3 formula cell(s) have no saved value"),
    "credit-review: the workbook is set to Manual calculation and not to calculate before saving: the 5 formula " +
      "result(s) read are those Excel last calculated, which may predate its last edits. Open it in Excel, press F9, " +
      "save it and review it again to be sure",
  ]);
  expect(JSON.parse(en.stdout)).toMatchObject({ formulasMaybeStale: 5 });
  const zh = await review(manual, "zh");
  expect(zh.stderr).toContain("工作簿设为手动计算，且保存前不重新计算：读取的 5 个公式结果");

  // Manual, but calculated before saving (Excel's default): the saved results are current.
  const onSave = await withCalcPr('<calcPr calcId="191029" calcMode="manual"/>', "manual-on-save.xlsx");
  const quiet = await review(onSave, "en", "--json");
  expect(quiet.stderr).not.toContain("Manual calculation");
  expect(JSON.parse(quiet.stdout)).not.toHaveProperty("formulasMaybeStale");
});

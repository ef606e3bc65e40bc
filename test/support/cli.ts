/**
 * The command line as the tests call it: in-process, output captured, the workbook it reads
 * written in a folder of the test's own, and the workbook it wrote read back.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { review } from "../../src/cli/main";

/** Runs `credit-review` with these arguments; stdout and stderr as text, the exit code and the review result. */
export async function runCli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const { code, result } = await review(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), progress: false });
  return { code, result, stdout: out.join("\n"), stderr: err.join("\n") };
}

/**
 * exceljs turns every defined name into a list of its cells as it reads. The hidden filter range
 * Excel writes beside an autofilter is one: over a sheet spanning the grid it is 28 million cells
 * and 3 GB. What the tests read back with exceljs is cells, so that name is left out of the copy
 * it reads; the defined names themselves are compared part by part (producers.test.ts).
 */
const FILTER_RANGE_NAME = /<(\w+:)?definedName\b[^>]*\bname="_xlnm\._FilterDatabase"[^>]*>[^<]*<\/(\w+:)?definedName>/g;

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = Object.keys(zip.files).find((name) => name.toLowerCase() === "xl/workbook.xml");
  if (workbook) zip.file(workbook, (await zip.file(workbook)!.async("string")).replace(FILTER_RANGE_NAME, ""));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await zip.generateAsync({ type: "arraybuffer" }));
  return wb;
}

/**
 * A folder of its own under the system's temporary folder for each test of the file (or of the
 * describe block) this is called in, removed after the test: `dir()` is the current test's.
 */
export function tempDirPerTest(prefix: string): () => string {
  let dir: string | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => {
    fs.rmSync(dir!, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (dir === undefined) throw new Error("tempDirPerTest's folder is made for each test: read it within one");
    return dir;
  };
}

/** A sheet's rows from row 1, as a test builds them: the header row, then one row a customer or invoice. */
export type SheetRows = readonly (readonly ExcelJS.CellValue[])[];

/** Writes `file`, a workbook of `sheets` in their order, each its rows from row 1, as exceljs writes one. */
export async function writeWorkbook(file: string, sheets: Readonly<Record<string, SheetRows>>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows.map((row) => [...row]));
  await wb.xlsx.writeFile(file);
}

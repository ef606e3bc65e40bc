/** The command line as the tests call it: in-process, output captured, and the workbook it wrote read back. */
import * as fs from "node:fs";
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

/** The command line as the tests call it: in-process, output captured, and the workbook it wrote read back. */
import ExcelJS from "exceljs";
import { review } from "../../src/cli/main";

/** Runs `credit-review` with these arguments; stdout and stderr as text, the exit code and the review result. */
export async function runCli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const { code, result } = await review(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), progress: false });
  return { code, result, stdout: out.join("\n"), stderr: err.join("\n") };
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

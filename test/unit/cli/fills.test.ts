/**
 * Conditional fills on a re-run: the plan names the output columns as the place an earlier
 * run's fills are cleared, so a re-run replaces ours rather than piling them up, and the
 * user's own conditional formats elsewhere on the sheet stay.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadWorkbook, runCli, tempDirPerTest } from "../../support/cli";

const dir = tempDirPerTest("credit-review-fills-");

type Formatting = { ref: string; rules: { formulae?: string[] }[] };
const formattings = (sheet: ExcelJS.Worksheet) =>
  ((sheet as unknown as { conditionalFormattings?: Formatting[] }).conditionalFormattings ?? []).map(
    (cf) => `${cf.ref} ${cf.rules.map((r) => (r.formulae ?? []).join(",")).join("|")}`,
  );

test("a re-run keeps one set of our fills on the output columns and the user's own format", async () => {
  const input = path.join(dir(), "customers.xlsx");
  const wb = await loadWorkbook(path.resolve(__dirname, "../../../examples/customers.xlsx"));
  wb.getWorksheet("Customers")!.addConditionalFormatting({
    ref: "C4:C48",
    rules: [{ type: "expression", priority: 1, formulae: ["C4>4"], style: { font: { bold: true } } }],
  });
  await wb.xlsx.writeFile(input);

  const once = path.join(dir(), "once.xlsx");
  const twice = path.join(dir(), "twice.xlsx");
  expect((await runCli(input, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  expect((await runCli(once, "--as-of", "2026-12-31", "--out", twice)).code).toBe(0);

  const expected = [
    "C4:C48 C4>4",
    'AC4:AC48 EXACT(AC4,"Low")',
    'AC4:AC48 EXACT(AC4,"Medium")',
    'AC4:AC48 EXACT(AC4,"High")',
    "AF4:AF48 LEN(TRIM(AF4))>0",
    // The review's issues: a data error's fill, and information's for a cell that only informs.
    'AU4:AU48 AND(LEN(TRIM(AU4))>0,NOT(EXACT(LEFT(AU4,6),"Note: ")))',
    'AU4:AU48 EXACT(LEFT(AU4,6),"Note: ")',
  ];
  expect(formattings((await loadWorkbook(once)).getWorksheet("Customers")!)).toEqual(expected);
  expect(formattings((await loadWorkbook(twice)).getWorksheet("Customers")!)).toEqual(expected);
});

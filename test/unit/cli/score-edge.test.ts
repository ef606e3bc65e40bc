/**
 * The command line shows a score under a band's edge as under it: 3.497 under High from 3.50 in
 * the printed table, the JSON and the written cell (number format "0.000"), in both languages,
 * while the other scores keep "0.00".
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { toJson, toTable } from "../../../src/cli/report";
import { Lang } from "../../../src/engine/i18n";
import { completePolicy } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { loadWorkbook, runCli, tempDirPerTest } from "../../support/cli";
import { customerSheet, serial } from "../../support/review-grid";

const WEIGHTS = [0.33, 0.27, 0.2, 0.1, 0.1];
/** 0.33×3.9 + 0.27×4 + 0.2×3 + 0.1×3 + 0.1×2.3 = 3.497: Medium, under High from 3.5. */
const SHEET = customerSheet(
  [],
  [
    { id: "C1", name: "Alpha", factors: [3.9, 4, 3, 3, 2.3] },
    { id: "C2", name: "Beta", factors: [4, 4, 3, 3, 3] },
    // 3.49996: four decimals would make it 3.5.
    { id: "C3", name: "Gamma", factors: [3.9, 4, 3, 3, 2.3296] },
  ],
);

describe.each(["en", "zh"] as const)("the report of a score under High (%s)", (lang: Lang) => {
  const policy = completePolicy({ weights: WEIGHTS });
  const result = runReview({ sheetName: "Customers", values: SHEET, asOf: serial("2026-11-30"), policy }, lang);

  test("the table shows 3.497 beside Medium, and 3.60 as before", () => {
    const lines = toTable(result, lang, "out.xlsx").split("\n");
    const alpha = lines.find((l) => l.includes("Alpha"))!;
    expect(alpha).toMatch(/ 3\.497 /);
    expect(alpha).not.toMatch(/ 3\.50 /);
    expect(lines.find((l) => l.includes("Beta"))).toMatch(/ 3\.60 /);
    expect(lines.find((l) => l.includes("Gamma"))).toMatch(/ 3\.49996 /);
  });

  test("the JSON keeps the score's figure under the edge (3.49996 is not 3.5)", () => {
    const json = toJson(result, lang);
    expect(json.customers.map((c) => [c.score, c.grade])).toEqual([
      [3.497, "medium"],
      [3.6, "high"],
      [3.49996, "medium"],
    ]);
  });
});

describe("the written workbook", () => {
  const dir = tempDirPerTest("score-edge-");

  test.each(["en", "zh"] as const)("%s: the score cell of 3.497 has the format 0.000, the others 0.00", async (lang) => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Customers");
    for (const line of SHEET) sheet.addRow(line as ExcelJS.CellValue[]);
    const input = path.join(dir(), "weights.xlsx");
    await wb.xlsx.writeFile(input);
    const policy = path.join(dir(), "policy.json");
    fs.writeFileSync(policy, JSON.stringify({ weights: WEIGHTS }));
    const out = path.join(dir(), "out.xlsx");
    const run = await runCli(input, "--as-of", "2026-11-30", "--policy", policy, "--lang", lang, "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("3.497");
    const written = (await loadWorkbook(out)).getWorksheet("Customers")!;
    const scoreColumn = (written.getRow(1).values as unknown[]).indexOf(lang === "en" ? "Risk score" : "风险评分");
    const cells = [2, 3, 4].map((row) => written.getCell(row, scoreColumn));
    expect(cells.map((c) => [c.value, c.numFmt])).toEqual([
      [3.497, "0.000"],
      [3.6, "0.00"],
      [3.49996, "0.00000"],
    ]);
    // The grade beside it and the points after it as before.
    const header = written.getRow(1).values as unknown[];
    expect(written.getCell(2, header.indexOf(lang === "en" ? "Risk grade" : "风险等级")).value).toBe(
      lang === "en" ? "Medium" : "中",
    );
    expect(written.getCell(2, scoreColumn + 1).numFmt).toBe("0.00");
  });
});

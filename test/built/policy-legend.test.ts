/**
 * The installed command line (bin/credit-review.js over lib/) on the two samples: the reviewed
 * copy's policy sheet carries the legend of the archive's codes in the review's language, read
 * back with exceljs as a recipient without the add-in opens it, and the copy reviewed again
 * reads that sheet as the same policy and writes the legend once, where it was.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CellValue } from "../../src/engine/cells";
import { Lang, message } from "../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../src/engine/policy";
import { warningMeaning } from "../../src/engine/review/code-legend";
import { ACTIONS } from "../../src/engine/review/decisions";
import { readPolicySheet } from "../../src/engine/review/policy-sheet";
import { REVIEW_SHEETS } from "../../src/engine/review/sheets";
import { CUSTOMER_WARNING_CODES } from "../../src/engine/review/warnings";
import { loadWorkbook } from "../support/cli";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin/credit-review.js");
const COMPILED = path.join(ROOT, "lib/src/cli/main.js");
const SAMPLES = { en: "customers.xlsx", zh: "customers-zh.xlsx" } as const;

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run npm run build:cli first (npm test does)`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-legend-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function review(input: string, lang: Lang, out: string): { policyVersion: string } {
  const args = [CLI, input, "--as-of", "2026-11-30", "--lang", lang, "--out", out, "--json"];
  const run = spawnSync(process.execPath, args, { encoding: "utf8", timeout: 120_000 });
  if (run.error) throw run.error;
  expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  return JSON.parse(run.stdout);
}

/** The policy sheet's cells from A1, as values (a text, a number), rows and columns 0-based. */
async function policySheet(file: string, lang: Lang): Promise<CellValue[][]> {
  const sheet = (await loadWorkbook(file)).getWorksheet(REVIEW_SHEETS.policy[lang])!;
  const grid: CellValue[][] = [];
  sheet.eachRow((row, r) => {
    grid[r - 1] = [];
    row.eachCell((cell, c) => (grid[r - 1][c - 1] = cell.value as CellValue));
  });
  return Array.from(grid, (line) => Array.from(line ?? [], (v) => v ?? null));
}

test.each(["en", "zh"] as const)(
  "%s: the reviewed sample's policy sheet explains every code, and reads back as its policy",
  async (lang) => {
    const once = path.join(dir, `${lang}-once.xlsx`);
    expect(review(path.join(ROOT, "examples", SAMPLES[lang]), lang, once).policyVersion).toBe(DEFAULT_POLICY.version);
    const grid = await policySheet(once, lang);

    const codes: readonly string[] = [...CUSTOMER_WARNING_CODES, ...ACTIONS];
    const legend = grid.filter((line) => codes.includes(line[0] as string));
    expect(legend.map((line) => line[0])).toEqual(codes);
    // The portfolio's warning is in no archive row: the legend does not list it.
    expect(grid.some((line) => line[0] === "OVERDUE_SHARE")).toBe(false);
    for (const code of CUSTOMER_WARNING_CODES)
      expect(legend.find((line) => line[0] === code)![2]).toBe(warningMeaning(code, DEFAULT_POLICY, lang));
    for (const code of ACTIONS) expect(legend.find((line) => line[0] === code)![2]).toBe(message(lang, `action.${code}`));
    const title = message(lang, "legend.title", { sheet: REVIEW_SHEETS.archive[lang] });
    expect(grid.findIndex((line) => line[0] === title)).toBeLessThan(
      grid.findIndex((line) => line[0] === CUSTOMER_WARNING_CODES[0]),
    );
    expect(readPolicySheet(grid)).toEqual(DEFAULT_POLICY);

    // The reviewed copy reviewed again: the same policy read from its sheet, the legend written once, where it was.
    const twice = path.join(dir, `${lang}-twice.xlsx`);
    expect(review(once, lang, twice).policyVersion).toBe(DEFAULT_POLICY.version);
    expect(await policySheet(twice, lang)).toEqual(grid);
  },
);

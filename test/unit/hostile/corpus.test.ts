/**
 * The hostile workbook corpus (test/cases/hostile, built by scripts/make-hostile-corpus.ts):
 * each file through the command line in-process, checked against expectations.json. For
 * every file that completes, the written workbook is proved to keep the user's cells: every
 * input cell outside the review's output columns has the same value, type and formula, a
 * text that looks like a formula is still text, and no sheet of the user's changed at all.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadWorkbook, runCli, tempDirPerTest } from "../../support/cli";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { isReviewSheet } from "../../../src/engine/review/sheets";
import { Area, buildWritePlan } from "../../../src/engine/review/write-plan";
import { Expectation } from "../../../scripts/make-hostile-corpus";
import { FACTOR_HEADERS } from "../../support/review-grid";

const CORPUS = path.resolve(__dirname, "../../cases/hostile");
const { asOf, lang, cases } = JSON.parse(fs.readFileSync(path.join(CORPUS, "expectations.json"), "utf8")) as {
  asOf: string;
  lang: "en" | "zh";
  cases: Expectation[];
};

const dir = tempDirPerTest("credit-hostile-");

// ---- what a sheet holds, cell by cell --------------------------------------------------

interface CellShot {
  readonly type: ExcelJS.ValueType;
  readonly formula: string | null;
  readonly value: string;
  readonly master: string;
  readonly isText: boolean;
}

/** Values as comparable text: Dates by their time, everything else as JSON. */
function plain(value: unknown): string {
  return JSON.stringify(value, function (key, v) {
    const raw = (this as Record<string, unknown>)[key];
    return raw instanceof Date ? `Date(${raw.toISOString()})` : v;
  });
}

function cellsOf(sheet: ExcelJS.Worksheet): Map<string, CellShot> {
  const cells = new Map<string, CellShot>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.set(cell.address, {
        type: cell.type,
        formula: cell.formula ?? null,
        value: plain(cell.value),
        master: cell.master.address,
        isText: typeof cell.value === "string",
      });
    });
  });
  return cells;
}

interface SheetShot {
  readonly cells: Map<string, CellShot>;
  readonly hiddenRows: number[];
  readonly hiddenColumns: number[];
  readonly merges: string[];
}

function shotOf(sheet: ExcelJS.Worksheet): SheetShot {
  const hiddenRows: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => row.hidden && hiddenRows.push(n));
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getColumn(c).hidden) hiddenColumns.push(c);
  const merges = [...((sheet.model as { merges?: string[] }).merges ?? [])].sort();
  return { cells: cellsOf(sheet), hiddenRows, hiddenColumns, merges };
}

function inArea(address: string, areas: readonly Area[]): boolean {
  const cell = cellAt(address);
  return areas.some(
    (a) => cell.row >= a.row && cell.row < a.row + a.rows && cell.column >= a.column && cell.column < a.column + a.columns,
  );
}

/** "AB12" → 0-based row and column. */
function cellAt(address: string): { row: number; column: number } {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(digits) - 1, column: column - 1 };
}

/**
 * The proof of write-back: the reviewed sheet keeps every input cell outside the plan's output
 * area, writes nothing else outside it, keeps hidden rows, hidden columns and merges; every
 * other sheet of the user's is unchanged; the only formulas are the user's own.
 */
async function expectInputKept(
  inputFile: string,
  outputFile: string,
  result: NonNullable<Awaited<ReturnType<typeof runCli>>["result"]>,
) {
  const [input, output] = [await loadWorkbook(inputFile), await loadWorkbook(outputFile)];
  const area = buildWritePlan(result, lang, { sheetNames: [] }).outputArea;
  const before = shotOf(input.getWorksheet(result.sheet)!);
  const after = shotOf(output.getWorksheet(result.sheet)!);
  let compared = 0;
  for (const [address, cell] of before.cells) {
    if (inArea(address, area)) continue;
    expect({ address, ...after.cells.get(address) }).toEqual({ address, ...cell });
    compared++;
  }
  for (const [address, cell] of after.cells) {
    if (before.cells.has(address) || inArea(address, area)) continue;
    expect({ address, value: cell.value }).toEqual({ address, value: "null" });
  }
  expect(after.hiddenRows).toEqual(before.hiddenRows);
  expect(after.hiddenColumns).toEqual(before.hiddenColumns);
  expect(after.merges).toEqual(before.merges);

  for (const sheet of input.worksheets) {
    if (sheet.name === result.sheet || isReviewSheet(sheet.name)) continue;
    const copy = output.getWorksheet(sheet.name);
    expect(copy).toBeDefined();
    expect(shotOf(copy!)).toEqual(shotOf(sheet));
  }

  const inputFormulas = new Map<string, string>();
  for (const sheet of input.worksheets) {
    for (const [address, cell] of cellsOf(sheet)) if (cell.formula) inputFormulas.set(`${sheet.name}!${address}`, cell.formula);
  }
  for (const sheet of output.worksheets) {
    for (const [address, cell] of cellsOf(sheet)) {
      if (cell.formula)
        expect({ at: `${sheet.name}!${address}`, formula: cell.formula }).toEqual({
          at: `${sheet.name}!${address}`,
          formula: inputFormulas.get(`${sheet.name}!${address}`),
        });
      // Text that looks like a formula ("=cmd|…", "+1+1", "@SUM") is stored as text.
      if (cell.isText && cell.type !== ExcelJS.ValueType.Merge) expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
  }
  return compared;
}

// ---- the corpus ------------------------------------------------------------------------

test("the corpus has at least 25 workbooks, each with its expectation", () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx"));
  expect(files.sort()).toEqual(cases.map((c) => c.file).sort());
  for (const c of cases) {
    expect(c.exit === 0 ? c.customers : c.message).toBeDefined();
  }
});

describe.each(cases.map((c) => [c.file, c] as const))("%s", (_file, c) => {
  test(`${c.description}: exit ${c.exit}`, async () => {
    const input = path.join(dir(), c.file);
    fs.copyFileSync(path.join(CORPUS, c.file), input);
    const original = fs.readFileSync(input);
    const output = path.join(dir(), "out.xlsx");
    const { code, result, stderr } = await runCli(input, "--as-of", asOf, "--lang", lang, "--out", output, ...(c.args ?? []));

    expect({ code, stderr }).toEqual({ code: c.exit, stderr: c.exit === 0 ? "" : expect.any(String) });
    expect(fs.readFileSync(input).equals(original)).toBe(true);
    if (c.exit === 2) {
      // One plain line, no stack trace, and nothing written: not the output, not a temp file.
      expect(stderr).toContain(c.message!);
      expect(stderr.split("\n")).toHaveLength(1);
      expect(stderr).toMatch(/^credit-review: /);
      expect(stderr).not.toMatch(/\bat .*\.[jt]s:\d+/);
      expect(fs.readdirSync(dir())).toEqual([c.file]);
      return;
    }

    expect(fs.readdirSync(dir()).sort()).toEqual([c.file, "out.xlsx"].sort());
    const r = result!;
    if (c.sheet) expect(r.sheet).toBe(c.sheet);
    expect(r.customers).toHaveLength(c.customers!);
    // Every row with a problem is named: an error stops its score, a note only what needs the cell.
    const failed = Object.fromEntries(
      r.customers
        .filter((x) => x.errors.length || x.notes.length)
        .map((x) => [x.row, [...x.errors, ...x.notes.map((n) => n.reason)].map((e) => e.message).join("; ")]),
    );
    for (const x of r.customers)
      expect({ row: x.row, graded: x.grade !== undefined }).toEqual({ row: x.row, graded: !x.errors.length });
    const expectedFailed = Object.fromEntries((c.rowErrors ?? []).map((e) => [e.row, expect.stringContaining(e.contains)]));
    expect(failed).toEqual(expectedFailed);
    const byRow = new Map(r.customers.map((x) => [String(x.row), x]));
    for (const [row, score] of Object.entries(c.scores ?? {})) expect(byRow.get(row)?.score).toBeCloseTo(score, 9);
    for (const [row, codes] of Object.entries(c.warnings ?? {})) {
      expect({
        row,
        codes: byRow
          .get(row)
          ?.findings.map((f) => f.code)
          .sort(),
      }).toEqual({ row, codes: [...codes].sort() });
    }
    for (const [key, value] of Object.entries(c.policy ?? {})) expect(r.policy[key as keyof typeof r.policy]).toEqual(value);

    const compared = await expectInputKept(input, output, r);
    if (c.customers! > 0) expect(compared).toBeGreaterThan(c.customers!);
  });
});

test("formula-like names are text everywhere they are written: the sheet, the summary, the archive", async () => {
  const file = "formula-injection-names.xlsx";
  const input = path.join(dir(), file);
  fs.copyFileSync(path.join(CORPUS, file), input);
  const output = path.join(dir(), "out.xlsx");
  expect((await runCli(input, "--as-of", asOf, "--lang", lang, "--out", output)).code).toBe(0);
  const wb = await loadWorkbook(output);
  const seen: string[] = [];
  for (const name of ["Customers", "Credit Review Summary", "Credit Review Archive"]) {
    wb.getWorksheet(name)!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && /^[=+\-@]/.test(cell.value)) {
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.formula).toBeUndefined();
          seen.push(`${name}!${cell.address}`);
        }
      }),
    );
  }
  // Each of the four names on the sheet and in the archive; the two at risk in the summary's top risks.
  expect(seen.filter((s) => s.startsWith("Customers!")).length).toBe(8);
  expect(seen.filter((s) => s.startsWith("Credit Review Summary!")).length).toBe(2);
  expect(seen.filter((s) => s.startsWith("Credit Review Archive!")).length).toBe(8);
});

// ---- Excel's row limit (the command line over it: test/built/excel-grid.test.ts) -----------

const EXCEL_ROWS = 1_048_576;

test(`the review engine over all ${EXCEL_ROWS.toLocaleString("en")} rows of a sheet`, () => {
  const values: unknown[][] = [["Customer", ...FACTOR_HEADERS, "Notes"]];
  for (let r = 2; r <= EXCEL_ROWS; r++) {
    const f = 1 + (r % 5);
    values.push([`C${r}`, f, f, r % 250_000 === 0 ? "n/a" : f, f, f, r % 3 ? null : "note"]);
  }
  const result = runReview({ sheetName: "Customers", values, asOf: 46356, policy: DEFAULT_POLICY }, "en");
  expect(result.customers).toHaveLength(EXCEL_ROWS - 1);
  expect(result.customers[EXCEL_ROWS - 2].row).toBe(EXCEL_ROWS);
  expect(result.customers.filter((c) => c.errors.length).map((c) => c.row)).toEqual([250_000, 500_000, 750_000, 1_000_000]);
  const plan = buildWritePlan(result, "en", { sheetNames: [] });
  // The output columns start right of the input (column H) and end at the last customer.
  expect(Math.min(...plan.outputArea.map((a) => a.column))).toBe(7);
  expect(Math.max(...plan.outputArea.map((a) => a.row + a.rows))).toBe(EXCEL_ROWS);
});

/**
 * The review cycle through the installed command line (bin/credit-review.js over lib/) on real
 * .xlsx files: a January review, the workbook edited by hand (factors changed, a paid-up customer
 * removed, a new one added) and reviewed in April, a same-day re-run, a same-day re-run after
 * removing a customer, and a back-dated March review. The archive sheet is read back with exceljs.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin/credit-review.js");
const COMPILED = path.join(ROOT, "lib/src/cli/main.js");
const ARCHIVE = "Credit Review Archive";
const HEADER = [
  "Customer ID",
  "Customer",
  "Payment history",
  "Contract performance",
  "Industry risk",
  "Market reputation",
  "Compliance record",
  "Credit limit",
  "Outstanding balance",
  "Previous score",
];
const five = (x: number) => [x, x, x, x, x];

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run npm run build:cli first (npm test does)`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-cycle-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(input: string, asOf: string, out: string) {
  const result = spawnSync(process.execPath, [CLI, input, "--as-of", asOf, "--out", out, "--json"], {
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  return wb;
}

/** Edits the customer sheet of `from` as an analyst would and saves it as `to`. */
async function edit(from: string, to: string, change: (ws: ExcelJS.Worksheet) => void) {
  const wb = await load(from);
  change(wb.getWorksheet("Customers")!);
  await wb.xlsx.writeFile(path.join(dir, to));
}

function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === id) found = row;
  });
  return found!;
}

/** The archive's data rows as [ISO date, id, score, warning codes]; the sheet's used rows counted too. */
async function archiveOf(file: string) {
  const ws = (await load(file)).getWorksheet(ARCHIVE)!;
  const rows: [string, unknown, unknown, unknown][] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const date = row.getCell(1).value as Date;
    rows.push([date.toISOString().slice(0, 10), row.getCell(3).value, row.getCell(10).value, row.getCell(19).value ?? ""]);
  });
  return { rows, header: (ws.getRow(1).values as unknown[]).slice(1), used: ws.actualRowCount };
}

test("three reviews, re-runs and a back-dated review through the command line", async () => {
  const first = new ExcelJS.Workbook();
  const sheet = first.addWorksheet("Customers");
  sheet.addRows([
    HEADER,
    ["A001", "Alpha", ...five(2.5), 100000, 50000, 1.2],
    ["B002", "Beta", ...five(2), 80000, 20000, 3],
    ["C003", "Gamma", ...five(2), 50000, 60000, null],
    ["D004", "Delta", ...five(4), 30000, 10000, null],
  ]);
  await first.xlsx.writeFile(path.join(dir, "start.xlsx"));

  const january = run(path.join(dir, "start.xlsx"), "2026-01-31", path.join(dir, "january.xlsx"));
  expect(january.customers.map((c: { warnings: string[] }) => c.warnings)).toEqual([["SCORE_RISE"], [], ["OVER_LIMIT"], []]);
  expect(january.changes).toBeNull();

  await edit("january.xlsx", "april-in.xlsx", (ws) => {
    rowOf(ws, "B002").splice(3, 5, ...five(3.25));
    rowOf(ws, "C003").splice(3, 5, ...five(3));
    rowOf(ws, "C003").getCell(9).value = 40000;
    ws.spliceRows(rowOf(ws, "D004").number, 1);
    ws.addRow(["E005", "Epsilon", ...five(1.5), 60000, 10000, null]);
  });
  const april = run(path.join(dir, "april-in.xlsx"), "2026-04-30", path.join(dir, "april.xlsx"));
  expect(april.customers.map((c: { id: string; warnings: string[] }) => [c.id, c.warnings])).toEqual([
    ["A001", []],
    ["B002", ["SCORE_RISE"]],
    ["C003", []],
    ["E005", []],
  ]);
  expect(april.changes).toMatchObject({
    previousReview: "2026-01-31",
    migration: { low: { low: 0, medium: 2, high: 0 }, medium: { low: 0, medium: 1, high: 0 } },
    newWarnings: 1,
    clearedWarnings: 2,
    added: [{ id: "E005" }],
    gone: [{ id: "D004", name: "Delta" }],
  });
  // Each cleared warning once, with why and the figures the why stands on: Alpha's rise measured
  // now against January's archived score, Gamma's balance back under its limit.
  const cleared = april.changes.customers.filter((c: { clearedWarnings: unknown[] }) => c.clearedWarnings.length);
  expect(cleared.map((c: { id: string; clearedWarnings: unknown[] }) => [c.id, c.clearedWarnings])).toEqual([
    [
      "A001",
      [
        {
          code: "SCORE_RISE",
          reason: "score",
          figures: { from: 2.5, to: 2.5, change: 0, threshold: 1, since: "2026-01-31" },
          fromPolicy: false,
          text: "Score rose — the score is 2.50, unchanged since the review of 2026-01-31 (a rise of more than 1.00 points triggers a warning).",
        },
      ],
    ],
    [
      "C003",
      [
        {
          code: "OVER_LIMIT",
          reason: "figure",
          figures: { value: 40000, threshold: 50000, format: "money" },
          fromPolicy: false,
          text: "Over credit limit — the outstanding balance 40,000.00 is within the credit limit 50,000.00.",
        },
      ],
    ],
  ]);
  const afterApril = await archiveOf("april.xlsx");
  expect(afterApril.header).toHaveLength(27);
  expect(afterApril.header.slice(21)).toEqual([
    "Customer sheet",
    "Amounts in",
    "Typed over by hand",
    "Action taken",
    "Output check",
    "Overdue amount in",
  ]);
  expect(afterApril.rows).toEqual([
    ["2026-01-31", "A001", 2.5, "SCORE_RISE"],
    ["2026-01-31", "B002", 2, ""],
    ["2026-01-31", "C003", 2, "OVER_LIMIT"],
    ["2026-01-31", "D004", 4, ""],
    ["2026-04-30", "A001", 2.5, ""],
    ["2026-04-30", "B002", 3.25, "SCORE_RISE"],
    ["2026-04-30", "C003", 3, ""],
    ["2026-04-30", "E005", 1.5, ""],
  ]);

  // The same day again: the same archive, row for row.
  run(path.join(dir, "april.xlsx"), "2026-04-30", path.join(dir, "april-again.xlsx"));
  expect(await archiveOf("april-again.xlsx")).toEqual(afterApril);

  // The same day after Epsilon is removed: its row goes, nothing is left below the archive.
  await edit("april.xlsx", "april-fewer-in.xlsx", (ws) => ws.spliceRows(rowOf(ws, "E005").number, 1));
  run(path.join(dir, "april-fewer-in.xlsx"), "2026-04-30", path.join(dir, "april-fewer.xlsx"));
  const fewer = await archiveOf("april-fewer.xlsx");
  expect(fewer.rows).toEqual(afterApril.rows.slice(0, 7));
  expect(fewer.used).toBe(8);

  // A back-dated March review on the January sheet: compared with January, archived between January and April.
  const backDated = run(path.join(dir, "april-fewer.xlsx"), "2026-03-31", path.join(dir, "back-dated.xlsx"));
  expect(backDated.changes.previousReview).toBe("2026-01-31");
  expect(backDated.changes.gone).toEqual([{ id: "D004", name: "Delta" }]);
  const archive = await archiveOf("back-dated.xlsx");
  expect(archive.rows.map((r) => r[0])).toEqual([
    ...Array(4).fill("2026-01-31"),
    ...Array(3).fill("2026-03-31"),
    ...Array(3).fill("2026-04-30"),
  ]);
  expect(archive.rows.slice(7)).toEqual(fewer.rows.slice(4));
});

/**
 * A sheet using every row of Excel's grid, through the installed command line as a user runs
 * it: a child process with node's default heap and the worker the compiled command line starts.
 * In-process under jest the same run shares one heap with the test's own reads and the runner,
 * and a full run of the suite once ended out of memory there; as a child it is measured as it is
 * used. The written workbook is checked where it matters, at its last row, by reading only the
 * tail of the sheet's text. And a sheet that spans the grid with only a few customers on it is
 * reviewed in a heap sized for those customers.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CORPUS_AS_OF, writeDenseSheet } from "../../scripts/make-hostile-corpus";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin/credit-review.js");
const LIB = path.join(ROOT, "lib/src/cli");
/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const { ZipReader } = require(path.join(LIB, "package/zip-reader.js")) as typeof import("../../src/cli/package/zip-reader");

const EXCEL_ROWS = 1_048_576;
let dir: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(LIB, "main.js")))
    throw new Error(`${LIB}/main.js is missing: run npm run build:cli first (npm test does)`);
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-grid-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The last `keep` characters of a part's text, read as a stream. */
async function tailOf(file: string, part: string, keep: number): Promise<string> {
  const zip = await ZipReader.open(file, file);
  try {
    const entry = zip.entry(part);
    if (!entry) throw new Error(`${file} has no part ${part}`);
    let tail = "";
    await zip.peekText(entry, (chunk) => {
      tail = (tail + chunk).slice(-keep);
    });
    return tail;
  } finally {
    zip.close();
  }
}

/** The cells of one row of sheet XML: reference → the text of its value (inline or cached). */
function rowCells(xml: string, row: number): Map<string, string> {
  const start = xml.indexOf(`<row r="${row}"`);
  if (start < 0) throw new Error(`no row ${row} in the sheet's tail`);
  const body = xml.slice(start, xml.indexOf("</row>", start));
  const cells = new Map<string, string>();
  for (const [, ref, inner] of body.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
    cells.set(ref, /<(?:v|t)(?: [^>]*)?>([^<]*)</.exec(inner ?? "")?.[1] ?? "");
  }
  return cells;
}

test(`a dense sheet using all ${EXCEL_ROWS.toLocaleString("en")} rows, through the installed command line`, async () => {
  const input = path.join(dir, "dense.xlsx");
  await writeDenseSheet(input, EXCEL_ROWS);
  const output = path.join(dir, "out.xlsx");
  const report = path.join(dir, "report.txt");
  const stdout = fs.openSync(report, "w");
  const run = spawnSync(process.execPath, [CLI, input, "--as-of", CORPUS_AS_OF, "--lang", "en", "--out", output], {
    stdio: ["ignore", stdout, "pipe"],
    encoding: "utf8",
    timeout: 240_000,
  });
  fs.closeSync(stdout);
  if (run.error) throw run.error;
  expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });

  // The printed report: every customer reviewed and graded (a fifth at each factor value 1 to 5),
  // none with an error; the first rows listed, the rest counted.
  const lines = fs.readFileSync(report, "utf8").split("\n");
  expect(lines).toContain("Customers graded: 1,048,575   Customers not graded (data errors): 0");
  expect(lines).toContain("Customers per grade: Low 419,430; Medium 209,715; High 419,430");
  expect(lines.filter((line) => /^ *\d+ +C\d+ /.test(line))).toHaveLength(60);
  expect(lines).toContain("… and 1,048,515 more customers (see the output workbook, or use --json)");

  // The written workbook's last row: the user's cells kept, the score beside them.
  const last = rowCells(await tailOf(output, "xl/worksheets/sheet1.xml", 64 * 1024), EXCEL_ROWS);
  const f = String(1 + (EXCEL_ROWS % 5));
  expect(["A", "B", "C", "D", "E", "F", "G"].map((column) => last.get(`${column}${EXCEL_ROWS}`))).toEqual([
    `C${EXCEL_ROWS}`,
    f,
    f,
    f,
    f,
    f,
    f,
  ]);
  expect(fs.readdirSync(dir).sort()).toEqual(["dense.xlsx", "out.xlsx", "report.txt"]);
}, 400_000);

test("a few customers spread over the whole grid are reviewed in memory for a few customers, not for the grid", () => {
  // Three customers at the top and one on the grid's last row (the hostile corpus's last-excel-row.xlsx).
  // The output columns' blank rows between them once cost a line each: over 200 MB of heap for a 7 KB file.
  const input = path.join(dir, "sparse.xlsx");
  fs.copyFileSync(path.join(ROOT, "test/cases/hostile/last-excel-row.xlsx"), input);
  const output = path.join(dir, "out.xlsx");
  const run = spawnSync(
    process.execPath,
    ["--max-old-space-size=96", CLI, input, "--as-of", CORPUS_AS_OF, "--lang", "en", "--out", output, "--json"],
    { encoding: "utf8", timeout: 60_000 },
  );
  if (run.error) throw run.error;
  expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  const rows = (JSON.parse(run.stdout) as { customers: { row: number }[] }).customers.map((c) => c.row);
  expect(rows[rows.length - 1]).toBe(EXCEL_ROWS);
  expect(fs.existsSync(output)).toBe(true);
});

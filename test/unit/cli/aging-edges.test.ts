/**
 * The command line on the sample workbook over a quarter whose policy changes its aging edges
 * between reviews (30/60/90, then 30/60/90/120, then 45/90 in Chinese): the buckets take the
 * earlier review's aging columns in order under their new headers, so the aging stays one block
 * before Review issues; only a bucket beyond the earlier count goes right of the user's own
 * column, and a column left over is blanked in every row. The figures under each header are the
 * customer's buckets, and no reused cell is said to be typed over.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadWorkbook, runCli, tempDirPerTest } from "../../support/cli";
import { AGING_HEADERS_EN } from "../../support/output-headers";

const SAMPLE = path.resolve(__dirname, "../../../examples/customers.xlsx");
const HEADER_ROW = 3;

const dir = tempDirPerTest("credit-aging-edges-");

function cellText(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "number" ? value : String(value);
}

/** The customer sheet's header row, 1-based columns as read back (blank cells as null). */
async function headers(file: string): Promise<{ sheet: ExcelJS.Worksheet; header: (string | number | null)[] }> {
  const sheet = (await loadWorkbook(file)).getWorksheet("Customers")!;
  const header: (string | number | null)[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) header.push(cellText(sheet.getCell(HEADER_ROW, c).value));
  while (header.length && header[header.length - 1] === null) header.pop();
  return { sheet, header };
}

interface JsonCustomer {
  readonly row: number;
  readonly aging: readonly number[] | null;
}

async function review(file: string, out: string, asOf: string, ...more: string[]) {
  const run = await runCli(file, "--as-of", asOf, "--out", out, "--json", ...more);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { customers: JsonCustomer[]; typedOver: unknown; movedRows: unknown };
}

function policyFile(name: string, agingEdges: number[]): string {
  const file = path.join(dir(), name);
  fs.writeFileSync(file, JSON.stringify({ agingEdges }));
  return file;
}

test("a quarter of aging edges changed: one block of aging before Review issues, the user's column kept, stale columns blanked", async () => {
  const november = path.join(dir(), "november.xlsx");
  await review(SAMPLE, november, "2026-11-30", "--lang", "en");
  const first = await headers(november);
  const firstAging = first.header.indexOf("Aging:\nCurrent");
  expect(first.header.slice(firstAging)).toEqual([...AGING_HEADERS_EN, "Review issues"]);

  // The collections team's own column right of the review's.
  const collector = first.header.length + 1;
  const wb = await loadWorkbook(november);
  const customers = wb.getWorksheet("Customers")!;
  customers.getCell(HEADER_ROW, collector).value = "Collector";
  customers.getCell(HEADER_ROW + 1, collector).value = "Ann";
  const edited = path.join(dir(), "edited.xlsx");
  await wb.xlsx.writeFile(edited);

  // December: a 91–120 bucket added.
  const december = path.join(dir(), "december.xlsx");
  const decJson = await review(
    edited,
    december,
    "2026-12-31",
    "--lang",
    "en",
    "--policy",
    policyFile("p4.json", [30, 60, 90, 120]),
  );
  expect(decJson.typedOver).toBeNull();
  const dec = await headers(december);
  expect(dec.header.slice(firstAging)).toEqual([
    "Aging:\nCurrent",
    "Aging:\n1–30",
    "Aging:\n31–60",
    "Aging:\n61–90",
    "Aging:\n91–120",
    "Review issues",
    "Collector",
    "Aging:\n121+",
  ]);
  expect(dec.header.slice(dec.header.indexOf("Risk score"), firstAging)).not.toContain(null);
  expect(dec.sheet.getCell(HEADER_ROW + 1, collector).value).toBe("Ann");
  const decColumns = [0, 1, 2, 3, 4, 7].map((i) => firstAging + 1 + i);
  expect(decJson.customers.filter((c) => c.aging !== null).length).toBeGreaterThan(40);
  for (const c of decJson.customers)
    expect(decColumns.map((column) => cellText(dec.sheet.getCell(c.row, column).value))).toEqual(
      c.aging ?? [null, null, null, null, null, null],
    );

  // January, in Chinese: two edges, 45 and 90.
  const january = path.join(dir(), "january.xlsx");
  const janJson = await review(december, january, "2027-01-31", "--lang", "zh", "--policy", policyFile("p2.json", [45, 90]));
  expect(janJson.typedOver).toBeNull();
  const jan = await headers(january);
  expect(jan.header.slice(firstAging)).toEqual([
    "账龄：\n未到期",
    "账龄：\n1–45 天",
    "账龄：\n46–90 天",
    "账龄：\n91 天以上",
    null,
    "审查问题",
    "Collector",
  ]);
  expect(jan.sheet.getCell(HEADER_ROW + 1, collector).value).toBe("Ann");
  const janColumns = [0, 1, 2, 3].map((i) => firstAging + 1 + i);
  for (const c of janJson.customers) {
    expect(janColumns.map((column) => cellText(jan.sheet.getCell(c.row, column).value))).toEqual(
      c.aging ?? [null, null, null, null],
    );
    // The buckets left over (91–120's column and 121+'s) hold nothing of December's.
    expect([firstAging + 5, collector + 1].map((column) => cellText(jan.sheet.getCell(c.row, column).value))).toEqual([
      null,
      null,
    ]);
  }

  // February, the same policy: nothing moves, and nothing the review wrote is said to be typed over.
  const february = path.join(dir(), "february.xlsx");
  const febJson = await review(january, february, "2027-02-28", "--lang", "zh");
  expect([febJson.typedOver, febJson.movedRows]).toEqual([null, null]);
  expect((await headers(february)).header).toEqual(jan.header);
});

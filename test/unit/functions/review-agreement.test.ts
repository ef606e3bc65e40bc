/**
 * The functions against the review, customer by customer: an analyst who types the sample's
 * figures into CREDIT.ZSCORE, CREDIT.ZONE and CREDIT.LIMIT (with the facts their help asks
 * for) must get the numbers the review wrote for the same customer.
 */
import { ERROR_CODES, StubError } from "../../support/custom-functions-stub";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { CellValue, serialFromDate } from "../../../src/engine/cells";
import type { InputField } from "../../../src/engine/review/fields";
import type { CustomerResult } from "../../../src/engine/review/review";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { CREDIT_FUNCTIONS } from "../../../src/functions/library";
import { customerSheet } from "../../support/review-grid";
import { loadWorkbook, runCli } from "../../support/cli";

const SAMPLE = path.resolve(__dirname, "../../../examples/customers.xlsx");
/** The as-of date the sample is reviewed at, 2026-11-30, as a serial. */
const ASOF = 46356;

let customers: readonly CustomerResult[];
let cellOf: (field: InputField, row: number) => CellValue;
/** The summary's aging: the ledger's buckets as the review adds its customers' up. */
let agingTotals: readonly number[] | undefined;
/** The sample's Invoices sheet as an analyst gives it to CREDIT.AGING: amount less paid, due date, customer. */
const ledger = { amounts: [] as CellValue[][], dueDates: [] as CellValue[][], customers: [] as CellValue[][] };

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-agreement-"));
  try {
    const { code, result } = await runCli(SAMPLE, "--as-of", "2026-11-30", "--out", path.join(dir, "out.xlsx"));
    expect(code).toBe(0);
    customers = result!.customers;
    const columns = new Map(result!.columns.found.map((f) => [f.field, f.column]));
    agingTotals = result!.portfolio.aging?.totals;
    const workbook = await loadWorkbook(SAMPLE);
    const sheet: ExcelJS.Worksheet = workbook.getWorksheet(result!.sheet)!;
    workbook.getWorksheet("Invoices")!.eachRow((row, r) => {
      if (r === 1) return;
      const [customer, , due, amount, paid] = (row.values as ExcelJS.CellValue[]).slice(1);
      ledger.customers.push([customer as CellValue]);
      ledger.dueDates.push([due instanceof Date ? serialFromDate(due)! : null]);
      ledger.amounts.push([(amount as number) - ((paid as number) ?? 0)]);
    });
    cellOf = (field, row) => {
      const column = columns.get(field);
      const value = column === undefined ? null : sheet.getCell(`${column}${row}`).value;
      return value === undefined ? null : (value as CellValue);
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

/** What `call` throws (a function's Excel error), or undefined when it returns. */
function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

test("CREDIT.AGING over the sample's Invoices with customers gives the summary's aging totals; without them one customer's credit settles another's invoices", () => {
  // The sample's ledger has an invoice with no due date: the function names its row, where the review leaves its customer unaged.
  const unaged = thrownBy(() => CREDIT_FUNCTIONS.AGING(ledger.amounts, ledger.dueDates, ASOF, null, ledger.customers));
  expect(unaged).toEqual(
    new StubError(ERROR_CODES.invalidValue, "dueDates row 122: due date is blank but 7,000.00 is still open"),
  );
  // The summary adds up the customers the review aged: the same rows are given to the function.
  const aged = new Set(customers.filter((c) => c.aging !== undefined).map((c) => c.id));
  const rows = ledger.customers.flatMap(([customer], i) => (aged.has(String(customer)) ? [i] : []));
  expect(new Set(ledger.customers.flatMap(([customer]) => (aged.has(String(customer)) ? [] : [customer])))).toEqual(
    new Set(["C0041"]),
  );
  const [amounts, dueDates, ofCustomer] = [ledger.amounts, ledger.dueDates, ledger.customers].map((range) =>
    rows.map((i) => range[i]),
  );
  // A credit note of one customer while others owe 91+: read as one customer's, it would settle theirs.
  expect(amounts.some(([amount]) => (amount as number) < 0)).toBe(true);
  expect(agingTotals).toEqual([3_017_000, 409_000, 16_000, 80_000, 458_000]);
  expect(CREDIT_FUNCTIONS.AGING(amounts, dueDates, ASOF, null, ofCustomer)).toEqual([agingTotals]);
  expect(CREDIT_FUNCTIONS.AGING(amounts, dueDates, ASOF)).toEqual([[3_022_000, 409_000, 16_000, 80_000, 453_000]]);
});

test("CREDIT.ZSCORE and CREDIT.ZONE without a model give the review's Z and zone for every sample customer naming none", () => {
  const compared = customers.filter((c) => c.zScore !== undefined && cellOf("zModel", c.row) === null);
  expect(compared.length).toBeGreaterThan(30);
  for (const c of compared) {
    const figure = (field: InputField) => cellOf(field, c.row) as number;
    const z = CREDIT_FUNCTIONS.ZSCORE(
      figure("currentAssets") - figure("currentLiabilities"),
      figure("retainedEarnings"),
      figure("ebit"),
      figure("equity"),
      figure("sales"),
      figure("totalAssets"),
      figure("totalLiabilities"),
    );
    expect({ id: c.id, z: Number((z as number).toFixed(9)) }).toEqual({ id: c.id, z: Number(c.zScore!.toFixed(9)) });
    expect({ id: c.id, zone: CREDIT_FUNCTIONS.ZONE(c.zScore) }).toEqual({ id: c.id, zone: c.zZone });
  }
});

test("CREDIT.LIMIT with hasWarnings TRUE gives the review's recommended limit for every sample customer with money overdue", () => {
  const overdue = customers.filter((c) => c.recommendedLimit !== undefined && (c.overdueAmount ?? 0) > 0);
  // Low-risk customers are the ones the flag decides for: the review keeps their limit while money is overdue.
  expect(overdue.filter((c) => c.grade === "low").length).toBeGreaterThan(0);
  for (const c of overdue) {
    expect({ id: c.id, limit: CREDIT_FUNCTIONS.LIMIT(c.creditLimit, c.score, true) }).toEqual({
      id: c.id,
      limit: c.recommendedLimit,
    });
  }
});

/**
 * hasWarnings as CREDIT.LIMIT's help asks for it, from what the review shows of the customer: a
 * warning, money overdue, data to fix, or no balance or overdue figure to check.
 */
function flagByTheHelp(c: CustomerResult): boolean {
  const overdue = (c.overdueAmount ?? 0) > 0 || (c.overdueAmount === undefined && (c.daysPastDue ?? 0) > 0);
  const unchecked = c.balance === undefined || (c.overdueAmount === undefined && c.daysPastDue === undefined);
  return c.findings.length > 0 || overdue || c.notes.some((n) => n.toFix) || unchecked;
}

test("CREDIT.LIMIT with hasWarnings as its help defines it gives the review's recommended limit for every sample customer", () => {
  const limited = customers.filter((c) => c.recommendedLimit !== undefined);
  expect(limited.length).toBeGreaterThan(30);
  // Both answers of the flag are met among the low-risk customers, the ones it decides for.
  const low = limited.filter((c) => c.grade === "low");
  expect(new Set(low.map(flagByTheHelp))).toEqual(new Set([true, false]));
  for (const c of limited)
    expect({ id: c.id, limit: CREDIT_FUNCTIONS.LIMIT(c.creditLimit, c.score, flagByTheHelp(c)) }).toEqual({
      id: c.id,
      limit: c.recommendedLimit,
    });
});

test("a note that only says a figure has no value (a debt-free company's Z-score) is no reason for hasWarnings; a note with data to fix is", () => {
  const headers = [
    ...["Current assets", "Current liabilities", "Total assets", "Total liabilities", "Retained earnings", "EBIT"],
    ...["Equity", "Sales", "Credit limit", "Outstanding balance", "Days past due", "Negative news date"],
  ];
  const debtFree = [100, 100, 1000, 0, 0, 0, 0, 100, 1000, 500, 0];
  const values = customerSheet(headers, [
    { factors: [1, 1, 1, 1, 1], extra: [...debtFree, null] },
    { factors: [1, 1, 1, 1, 1], extra: [...debtFree, "2026-02-30"] },
  ]);
  const [noValue, toFix] = runReview({ sheetName: "Customers", values, asOf: ASOF, policy: DEFAULT_POLICY }).customers;
  expect(noValue.notes.map((n) => n.toFix)).toEqual([false]);
  expect(toFix.notes.map((n) => n.toFix).sort()).toEqual([false, true]);
  for (const [c, flag, limit] of [
    [noValue, false, 1100],
    [toFix, true, 1000],
  ] as const) {
    expect({ id: c.id, flag: flagByTheHelp(c), limit: c.recommendedLimit }).toEqual({ id: c.id, flag, limit });
    expect(CREDIT_FUNCTIONS.LIMIT(c.creditLimit, c.score, flag)).toBe(limit);
  }
});

test("CREDIT.NEXTREVIEW with the previous score and news date cells gives the review's next review for every scored sample customer", () => {
  const scored = customers.filter((c) => c.score !== undefined && c.nextReview !== undefined);
  // The sample's re-assess-now customers are the ones the two optional arguments decide for.
  const now = scored.filter((c) => c.nextReview === ASOF);
  expect(now.length).toBeGreaterThan(0);
  expect(now.some((c) => c.findings.some((f) => f.code === "SCORE_RISE"))).toBe(true);
  for (const c of scored) {
    const answer = CREDIT_FUNCTIONS.NEXTREVIEW(c.score, ASOF, cellOf("previousScore", c.row), cellOf("negativeNewsDate", c.row));
    expect({ id: c.id, next: answer }).toEqual({ id: c.id, next: c.nextReview });
  }
});

test("a Sales cell that is no number does not stop CREDIT.ZSCORE where the row's model does without sales: the review's Z", () => {
  const headers = [
    ...["Current assets", "Current liabilities", "Total assets", "Total liabilities", "Retained earnings", "EBIT"],
    ...["Equity", "Sales", "Z model"],
  ];
  const figures = [4220591, 2431506, 5254687, 4245313, 1492378, 866835, 4245313, "n/a"];
  const rows = ["nonmanufacturing", "emerging", "非制造业"].map((zModel) => ({
    factors: [2, 2, 2, 2, 2],
    extra: [...figures, zModel],
  }));
  const values = customerSheet(headers, rows);
  const reviewed = runReview({ sheetName: "Customers", values, asOf: ASOF, policy: DEFAULT_POLICY }).customers;
  expect(reviewed).toHaveLength(rows.length);
  reviewed.forEach((c, i) => {
    expect(c.zScore).toBeDefined();
    const [currentAssets, currentLiabilities, totalAssets, totalLiabilities, retainedEarnings, ebit, equity, sales] = figures;
    const z = CREDIT_FUNCTIONS.ZSCORE(
      (currentAssets as number) - (currentLiabilities as number),
      retainedEarnings,
      ebit,
      equity,
      sales,
      totalAssets,
      totalLiabilities,
      rows[i].extra[figures.length],
    );
    expect({ id: c.id, z }).toEqual({ id: c.id, z: c.zScore });
  });
});

/**
 * The command line on a workbook with a customer whose factor is blank: over its limit and seven
 * months late, it shows those warnings and actions in the terminal, the JSON, the customer
 * sheet and the summary's top risks. A month later, the sheet's previous score the archive
 * overruled is said.
 */
import * as path from "node:path";
import { loadWorkbook, runCli, tempDirPerTest, writeWorkbook } from "../../support/cli";
import { CUSTOMER_HEADERS, STATEMENT_HEADERS } from "../../support/review-grid";

const dir = tempDirPerTest("credit-review-");

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEALTHY = [500000, 250000, 2000000, 800000, 400000, 300000, 50000, 3000000, 1200000];

function buildWorkbook(file: string): Promise<void> {
  return writeWorkbook(file, {
    Customers: [
      [
        ...CUSTOMER_HEADERS,
        "Previous score",
        "Credit limit",
        "Outstanding balance",
        ...STATEMENT_HEADERS,
        "Interest expense",
        "Sales",
        "Equity",
      ],
      ["C01", "Good Co", 2, 2, 2, 2, 2, 2, 100000, 50000, ...HEALTHY],
      // Contract performance blank; total liabilities above total assets.
      [
        "C02",
        "Broken Factor Ltd",
        3,
        null,
        3,
        3,
        3,
        3,
        100000,
        150000,
        300000,
        400000,
        1000000,
        1300000,
        -200000,
        -50000,
        60000,
        900000,
        -300000,
      ],
      ["C03", "Sheet Prev Co", 2, 2, 3, 2, 2, 2, 100000, 40000, ...HEALTHY],
    ],
    Invoices: [
      ["Customer ID", "Invoice", "Due date", "Amount"],
      ["C01", "I1", day("2026-12-31"), 50000],
      ["C02", "I2", day("2026-05-01"), 150000],
      ["C03", "I3", day("2026-12-31"), 40000],
    ],
  });
}

const WAITS = "Held for the data fix: grade actions, Score rose and Negative news checks, recommended limit, next review";

test("a blank factor: the warnings and actions that need no grade in every output, the grade's part waiting for the fix", async () => {
  const input = path.join(dir(), "in.xlsx");
  await buildWorkbook(input);
  const out = path.join(dir(), "nov.xlsx");
  const table = await runCli(input, "--as-of", "2026-11-30", "--out", out);
  expect(table.code).toBe(0);
  const row = table.stdout.split("\n").findIndex((line) => line.startsWith("    3 "));
  const rowLines = table.stdout
    .split("\n")
    .slice(row, row + 6)
    .join("\n");
  // Each warning with its figure against its threshold (wrapped in its column); the credit limit
  // the sheet gives, the recommended one beside it held for the fix.
  expect(rowLines).toMatch(
    /^\s+3\s+Broken Factor Ltd\s+—\s+Data error\s+150\.0%\s+150,000\.00\s+100,000\.00\s+Over credit limit \(150,000\.00 >/,
  );
  // Its days said as days; the column wraps it after "213".
  expect(rowLines).toMatch(/Overdue over 90 days \(213 /);
  expect(rowLines).toMatch(/ days > 90 days\); /);
  expect(rowLines).toContain("Hold new orders until the balance is back under the");
  expect(table.stdout).toContain("Customers warned, overdue or high risk: 1 (of which needing action: 1)");
  expect(table.stdout).toMatch(
    /Top risks:.*\n {2}Customer +Outstanding balance {2}Why at risk, and what to do\n {2}Broken Factor Ltd +150,000\.00 {2}The oldest unpaid amount is 213 days past due/,
  );

  const json = await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "json.xlsx"), "--json");
  const doc = JSON.parse(json.stdout);
  const broken = doc.customers[1];
  expect(broken).toMatchObject({ grade: null, score: null, recommendedLimit: null, nextReview: null, zZone: "distress" });
  expect(broken.warnings).toEqual(["OVER_LIMIT", "OVERDUE_90", "Z_DISTRESS", "LIQUIDITY", "LEVERAGE", "COVERAGE"]);
  expect(broken.findings[1]).toMatchObject({ code: "OVERDUE_90", value: 213, threshold: 90 });
  expect(broken.actions.map((a: { code: string; because: string }) => `${a.code} ${a.because}`)).toEqual([
    "HOLD_ORDERS OVER_LIMIT",
    "ESCALATE_COLLECTION OVERDUE_90",
    "LEGAL_ACTION PAST_LEGAL_DAYS",
    "REVIEW_FINANCES Z_DISTRESS",
  ]);
  expect(broken.recommendation.endsWith(`; ${WAITS}`)).toBe(true);
  expect(doc.portfolio).toMatchObject({ reviewed: 2, withErrors: 1, customersAtRisk: 1, exposureAtRisk: 150000 });
  expect(doc.portfolio.topRisks[0]).toMatchObject({ name: "Broken Factor Ltd", reason: "OVERDUE_90", needsAction: true });
  expect(doc.portfolio.topRisks[0]).toMatchObject({ grade: null, score: null });

  const wb = await loadWorkbook(out);
  const sheet = wb.getWorksheet("Customers")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const cell = (name: string) => sheet.getCell(3, header.indexOf(name) + 1).value;
  expect(cell("Risk grade")).toBe("Data error");
  expect(cell("Warnings")).toBe(
    "Over credit limit; Overdue over 90 days; Z-score in distress zone; Low liquidity; High leverage; Weak interest coverage",
  );
  expect(String(cell("Findings")).split("\n")[0]).toBe("Outstanding balance 150,000.00 is above the credit limit 100,000.00.");
  expect(String(cell("Recommendation")).endsWith(WAITS)).toBe(true);
  expect(cell("Recommended limit")).toBeNull();
  // The summary's top risks name it first, and its customers with problems again, its grade a data error in both.
  const summary = wb.getWorksheet("Credit Review Summary")!;
  const named: string[][] = [];
  summary.eachRow((r) => {
    const values = (r.values as unknown[]).map((v) => (v === null || v === undefined ? "" : String(v)));
    if (values.includes("Broken Factor Ltd") && values.includes("Data error")) named.push(values);
  });
  expect(named).toHaveLength(2);
  expect(named[0].some((v) => v.startsWith("The oldest unpaid amount is 213 days past due"))).toBe(true);
  expect(named[1].some((v) => /^[A-Z]+3 \(/.test(v))).toBe(true);
  // The archive keeps the factors it could read and its warnings and actions.
  const archive = wb.getWorksheet("Credit Review Archive")!;
  const archived = (archive.getRow(3).values as unknown[]).slice(1);
  expect(archived.slice(2, 9)).toEqual(["C02", "Broken Factor Ltd", 3, undefined, 3, 3, 3]);
  expect(archived).toContain("OVER_LIMIT, OVERDUE_90, Z_DISTRESS, LIQUIDITY, LEVERAGE, COVERAGE");
  expect(archived).toContain("HOLD_ORDERS, ESCALATE_COLLECTION, LEGAL_ACTION, REVIEW_FINANCES");

  // A month on, the sheet's previous score 2.00 stands against the archive's 2.20: the archive's is
  // used, as JSON says; a column left as it was, deciding nothing (no rise past 1 point either
  // way), is not a note on every row of it.
  const dec = await runCli(out, "--as-of", "2026-12-31", "--out", path.join(dir(), "dec.xlsx"), "--json");
  const sheetPrev = JSON.parse(dec.stdout).customers[2];
  expect(sheetPrev).toMatchObject({ previousScore: 2.2, previousScoreFrom: "archive", notes: [] });
  expect(JSON.parse(dec.stdout).customers[0]).toMatchObject({ previousScore: 2, previousScoreFrom: "archive", notes: [] });
  const decBook = await loadWorkbook(path.join(dir(), "dec.xlsx"));
  const decSheet = decBook.getWorksheet("Customers")!;
  expect(decSheet.getCell(4, header.indexOf("Review issues") + 1).value).toBeNull();
  expect(decSheet.getCell(2, header.indexOf("Review issues") + 1).value).toBeNull();
});

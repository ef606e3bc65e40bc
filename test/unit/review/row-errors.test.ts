/**
 * A bad factor makes that customer's result an error naming its row and column; the other
 * customers are still reviewed. Other bad cells only switch off what needs them (notes.test.ts).
 */
import { CellValue } from "../../../src/engine/cells";
import { describeError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-03-15");
// Columns: A id, B name, C–G factors, H Credit limit, I Outstanding balance, J Negative news date, K Previous score, L Z model.
const EXTRA = ["Credit limit", "Outstanding balance", "Negative news date", "Previous score", "Z model"];
const GOOD: CellValue[] = [1000, 500, null, null, null];

type Bad = { factors?: CellValue[]; extra?: CellValue[] };

const CASES: readonly [string, Bad, string, string][] = [
  ["a factor of 6", { factors: [6, 2, 2, 2, 2] }, "C (Payment history)", "payment history must be between 1 and 5, got 6"],
  [
    "a factor of 0.5",
    { factors: [2, 2, 2, 2, 0.5] },
    "G (Compliance record)",
    "compliance record must be between 1 and 5, got 0.5",
  ],
  [
    'a factor "high"',
    { factors: [2, "high", 2, 2, 2] },
    "D (Contract performance)",
    'contract performance must be a number from 1 to 5, got "high"',
  ],
  [
    "a blank factor (null)",
    { factors: [2, 2, null, 2, 2] },
    "E (Industry risk)",
    "industry risk is blank; every factor needs a score from 1 to 5",
  ],
  [
    'a blank factor ("" as Office.js gives it)',
    { factors: [2, 2, 2, "", 2] },
    "F (Market reputation)",
    "market reputation is blank; every factor needs a score from 1 to 5",
  ],
  [
    "a factor that is an Excel error",
    { factors: ["#N/A", 2, 2, 2, 2] },
    "C (Payment history)",
    'payment history must be a number from 1 to 5, got "#N/A"',
  ],
];

describe("a bad factor is an error for its customer only", () => {
  test.each(CASES)("%s", (_name, bad, column, text) => {
    const values = customerSheet(EXTRA, [
      { name: "Good one", extra: GOOD },
      { name: "Bad one", factors: bad.factors, extra: bad.extra ?? GOOD },
      { name: "Good two", factors: [4, 4, 4, 4, 4], extra: [1000, 1500, null, null, null] },
    ]);
    const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
    const [first, broken, last] = result.customers;

    expect(broken.row).toBe(3);
    expect(broken.name).toBe("Bad one");
    expect(broken.id).toBe("C002");
    expect(broken.errors.map((e) => describeError(e, "en"))).toEqual([`row 3, column ${column}: ${text}`]);
    expect(broken.findings).toEqual([]);
    expect(broken.actions).toEqual([]);
    expect(broken.grade).toBeUndefined();
    expect(broken.recommendedLimit).toBeUndefined();

    // Low risk, but nothing on the sheet says what is overdue: no raise.
    expect(first).toMatchObject({ row: 2, grade: "low", errors: [], recommendedLimit: 1000 });
    expect(last).toMatchObject({ row: 4, grade: "high", errors: [], recommendedLimit: 500 });
    expect(last.findings.map((f) => f.code)).toEqual(["OVER_LIMIT"]);

    // Its balance is still owed: it counts in the exposure, as not graded.
    expect(result.portfolio).toMatchObject({ customers: 3, reviewed: 2, withErrors: 1, exposure: 2500, exposureNotGraded: 500 });
    expect(result.portfolio.byGrade).toEqual({ low: 1, medium: 0, high: 1 });

    // The write plan puts the message in "Review issues", says "Data error" for its grade, leaves its
    // score and limit empty, and its Recommendation says what waits for the fix.
    const plan = buildWritePlan(result, "en", { sheetNames: [] });
    const block = plan.target.blocks[0];
    const header = block.values[0];
    const badLine = block.values[2];
    expect(badLine[header.indexOf("Review issues")]).toBe(`row 3, column ${column}: ${text}`);
    expect(badLine[header.indexOf("Risk score")]).toBeNull();
    expect(badLine[header.indexOf("Risk grade")]).toBe("Data error");
    expect(badLine[header.indexOf("Recommendation")]).toBe(
      "Held for the data fix: grade actions, Score rose and Negative news checks, recommended limit, next review",
    );
    expect(badLine[header.indexOf("Recommended limit")]).toBeNull();
    expect(block.values[1][header.indexOf("Review issues")]).toBeNull();
  });

  test("the message is localised, with the column as the sheet shows it", () => {
    const values = customerSheet(EXTRA, [{ factors: [6, 2, 2, 2, 2] }]);
    const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }, "zh");
    expect(describeError(result.customers[0].errors[0], "zh")).toBe(
      "第 2 行 C 列（Payment history）：付款历史必须介于 1 到 5 之间，实际为 6",
    );
  });

  test("several bad rows: each named, all counted, blank rows between customers skipped", () => {
    const values = customerSheet(
      ["Credit limit"],
      [
        { factors: [6, 2, 2, 2, 2] },
        { extra: ["n/a"] },
        { id: null, name: null, factors: [null, null, null, null, null] },
        { extra: [100] },
        { factors: [2, 2, 2, 2, null] },
      ],
    );
    const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
    expect(result.customers.map((c) => [c.row, c.errors.length, c.notes.length])).toEqual([
      [2, 1, 0],
      [3, 0, 1],
      [5, 0, 0],
      [6, 1, 0],
    ]);
    expect(result.customers.flatMap((c) => c.errors.map((e) => describeError(e, "en")))).toEqual([
      "row 2, column C (Payment history): payment history must be between 1 and 5, got 6",
      "row 6, column G (Compliance record): compliance record is blank; every factor needs a score from 1 to 5",
    ]);
    expect(result.portfolio).toMatchObject({ customers: 4, reviewed: 2, withErrors: 2 });
    // The summary's problem list names every one of them, in sheet order.
    expect(result.portfolio.problems.map((p) => [p.row, p.fatal, p.reason.place.column])).toEqual([
      [2, true, "C (Payment history)"],
      [3, false, "H (Credit limit)"],
      [6, true, "G (Compliance record)"],
    ]);
  });

  test("a row naming no customer (neither id nor name) is an error, though its factors are valid", () => {
    const values = customerSheet([], [{ id: null, name: null, factors: [2, 2, 2, 2, 2] }, {}]);
    const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY });
    expect(result.customers[0].errors.map((e) => describeError(e, "en"))).toEqual([
      "row 2, column B (Customer): the row names no customer (neither an id nor a name)",
    ]);
    expect(result.customers[0].grade).toBeUndefined();
    expect(result.customers[1]).toMatchObject({ grade: "low", errors: [] });
  });
});

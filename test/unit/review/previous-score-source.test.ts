/**
 * The archive's previous score overrules the sheet's column for a customer it has seen; when the
 * two differ as the review shows them, a note says which was used, and the result says where
 * the previous score came from.
 */
import { describeError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { issuesText } from "../../../src/engine/review/texts";
import { customerSheet, serial, utcDate } from "../../support/review-grid";

const asOf = serial("2026-03-15");
const ARCHIVE = [
  ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
  [utcDate("2026-02-10"), "v", "C001", "", 2.2, "Low"],
  [utcDate("2026-02-10"), "v", "C002", "", 2.004, "Low"],
  [utcDate("2026-02-10"), "v", "C003", "", null, ""],
];
// Columns after the factors: Previous score, Credit limit, Outstanding balance, Days past due.
const SHEET = customerSheet(
  ["Previous score", "Credit limit", "Outstanding balance", "Days past due"],
  [
    { id: "C001", extra: [2, 1000, 500, 0] },
    { id: "C002", extra: [2, 1000, 500, 0] },
    { id: "C003", extra: [3, 1000, 500, 0] },
    { id: "C004", extra: [1.5, 1000, 500, 0] },
  ],
);

const review = (lang: "en" | "zh" = "en") =>
  runReview({ sheetName: "Customers", values: SHEET, asOf, policy: DEFAULT_POLICY, archive: ARCHIVE }, lang);

describe("which previous score a review used", () => {
  const [differs, alike, unscored, notArchived] = review().customers;

  test("the archive's, said when the sheet's differs as shown", () => {
    expect(differs).toMatchObject({ score: 2, previousScore: 2.2, previousScoreFrom: "archive" });
    expect(differs.notes.map((n) => describeError(n.reason, "en"))).toEqual([
      "row 2, column H (Previous score): previous score 2.00 on the sheet; the archive's 2.20 of 2026-02-10 was used",
    ]);
    expect(issuesText(differs, "zh", DEFAULT_POLICY)).toBe(
      "第 2 行，H（Previous score）列：表中上期评分为 2.00；采用了存档中 2026年2月10日 的评分 2.20",
    );
    // Which score was used is not data to fix: the customer still gets its raise.
    expect(differs.notes[0].toFix).toBe(false);
    expect(differs.actions).toEqual([{ code: "RAISE_LIMIT", because: "LOW_RISK_CLEAR" }]);
  });

  test("2.004 in the archive and 2 on the sheet both read 2.00: nothing to say", () => {
    expect(alike).toMatchObject({ previousScore: 2.004, previousScoreFrom: "archive", notes: [] });
  });

  test("an archive that saw the customer but could not score it: the sheet's score is said to be unused", () => {
    expect(unscored.previousScore).toBeUndefined();
    expect(unscored.previousScoreFrom).toBeUndefined();
    expect(unscored.notes.map((n) => [describeError(n.reason, "en"), n.toFix])).toEqual([
      [
        "row 4, column H (Previous score): previous score 3.00 on the sheet not used: the customer is in the archive, whose reviews could not score it",
        false,
      ],
    ]);
    expect(describeError(unscored.notes[0].reason, "zh")).toBe(
      "第 4 行，H（Previous score）列：未采用表中上期评分 3.00：该客户已在存档中，但此前的审查均未能评分",
    );
  });

  test("a customer the archive has not seen: the sheet's, without a note", () => {
    expect(notArchived).toMatchObject({ previousScore: 1.5, previousScoreFrom: "sheet", notes: [] });
  });

  test("the portfolio's problems leave the notes out: nothing is wrong with the data", () => {
    expect(review().portfolio.problems).toEqual([]);
  });
});

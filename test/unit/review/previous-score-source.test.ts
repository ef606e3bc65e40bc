/**
 * The archive's previous score overrules the sheet's column for a customer it has seen; when the
 * sheet's would have decided the score-rise check otherwise, a note says which was used, and the
 * result says where the previous score came from.
 */
import { describeError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { issuesText, previousScoreSourceText } from "../../../src/engine/review/texts";
import { toTable } from "../../../src/cli/report";
import { buildWritePlan, COLORS, fillCondition } from "../../../src/engine/review/write-plan";
import { cellA1 } from "../../../src/engine/a1";
import type { ReviewResult } from "../../../src/engine/review/review";

const decidesNotes = (result: ReviewResult) => result.customers[0].notes;
import { customerSheet, serial, utcDate } from "../../support/review-grid";

const asOf = serial("2026-03-15");
const ARCHIVE = [
  ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
  [utcDate("2026-02-10"), "v", "C001", "", 3.5, "High"],
  [utcDate("2026-02-10"), "v", "C002", "", 2.2, "Low"],
  [utcDate("2026-02-10"), "v", "C003", "", null, ""],
  [utcDate("2026-02-10"), "v", "C005", "", 2.004, "Low"],
  [utcDate("2026-02-10"), "v", "C006", "", null, ""],
];
const FOURS = [4, 4, 4, 4, 4];
// Columns after the factors: Previous score, Credit limit, Outstanding balance, Days past due.
const SHEET = customerSheet(
  ["Previous score", "Credit limit", "Outstanding balance", "Days past due"],
  [
    { id: "C001", factors: FOURS, extra: [2, 1000, 500, 0] },
    { id: "C002", extra: [2, 1000, 500, 0] },
    { id: "C003", factors: FOURS, extra: [2.5, 1000, 500, 0] },
    { id: "C004", extra: [1.5, 1000, 500, 0] },
    { id: "C005", extra: [2, 1000, 500, 0] },
    { id: "C006", extra: [1.5, 1000, 500, 0] },
  ],
);

const review = (lang: "en" | "zh" = "en") =>
  runReview({ sheetName: "Customers", values: SHEET, asOf, policy: DEFAULT_POLICY, archive: ARCHIVE }, lang);

describe("which previous score a review used", () => {
  const [decides, stale, unscored, notArchived, alike, unscoredNoMatter] = review().customers;

  test("the archive's, said when the sheet's would have decided the score-rise check otherwise", () => {
    // 2.00 → 4.00 would have been a rise past the policy's 1 point; 3.50 → 4.00 is not.
    expect(decides).toMatchObject({ score: 4, previousScore: 3.5, previousScoreFrom: "archive" });
    expect(decides.findings.map((f) => f.code)).not.toContain("SCORE_RISE");
    expect(decides.notes.map((n) => describeError(n.reason, "en"))).toEqual([
      "row 2, column H (Previous score): previous score 2.00 on the sheet; the archive's 3.50 of 2026-02-10 was used (and will be from now on: clear this column's cells to stop this note)",
    ]);
    // Which score was used is not data to fix: the issues cell says it is information, in both languages.
    expect(decides.notes[0].toFix).toBe(false);
    expect(issuesText(decides, "en", DEFAULT_POLICY)).toMatch(/^Note: row 2, column H \(Previous score\): previous score 2\.00/);
    expect(issuesText(decides, "zh", DEFAULT_POLICY)).toBe(
      "说明：第 2 行 H 列（Previous score）：表中上期评分为 2.00；采用了审查档案中 2026年2月10日 的评分 3.50（此后均采用审查档案中的评分：清空此列的单元格即不再提示）",
    );
  });

  test("its issues cell gets the information fill, not the data error's; a cell with an error keeps the error's", () => {
    const result = review();
    const plan = buildWritePlan(result, "en", { sheetNames: [] });
    const issues = result.layout.outputColumns.issues;
    const fills = plan.target.fills.filter((f) => f.area.column === issues);
    expect(fills.map((f) => [f.color, fillCondition(f)])).toEqual([
      [COLORS.issue, `AND(LEN(TRIM(${cellA1(1, issues)}))>0,NOT(EXACT(LEFT(${cellA1(1, issues)},6),"Note: ")))`],
      [COLORS.information, `EXACT(LEFT(${cellA1(1, issues)},6),"Note: ")`],
    ]);
    expect(COLORS.information).not.toBe(COLORS.issue);
    const written = plan.target.blocks
      .filter((b) => b.column <= issues && issues < b.column + (b.values[0]?.length ?? 0))
      .flatMap((b) => b.values.map((line) => line[issues - b.column]));
    // The two notes on which previous score was used (rows 2 and 4); nothing else begins so.
    const informing = written.filter((v): v is string => typeof v === "string" && v.startsWith("Note: "));
    expect(informing.map((v) => v.slice(0, 20))).toEqual(["Note: row 2, column ", "Note: row 4, column "]);
    // Beside a note to fix, it is not information only: the error's fill.
    const [note] = decidesNotes(result);
    expect(issuesText({ errors: [], notes: [note, { ...note, toFix: true }] }, "en", DEFAULT_POLICY)).toMatch(/^row 2/);
    expect(
      fillCondition({ area: { row: 0, column: 0, rows: 1, columns: 1 }, when: { startsWith: "说明：" }, color: "#000" }),
    ).toBe('EXACT(LEFT(A1,3),"说明：")');
  });

  test("a column left as it was before the archive began, deciding nothing, is not said customer by customer", () => {
    expect(stale).toMatchObject({ score: 2, previousScore: 2.2, previousScoreFrom: "archive", notes: [] });
    expect(stale.actions).toEqual([{ code: "RAISE_LIMIT", because: "LOW_RISK_CLEAR" }]);
  });

  test("2.004 in the archive and 2 on the sheet: nothing to say", () => {
    expect(alike).toMatchObject({ previousScore: 2.004, previousScoreFrom: "archive", notes: [] });
  });

  test("an archive that saw the customer but could not score it: the sheet's score, which would have raised a warning, is said to be unused", () => {
    expect(unscored.previousScore).toBeUndefined();
    expect(unscored.previousScoreFrom).toBeUndefined();
    expect(unscored.notes.map((n) => [describeError(n.reason, "en"), n.toFix])).toEqual([
      [
        "row 4, column H (Previous score): previous score 2.50 on the sheet not used: the customer is in the archive, whose reviews could not score it",
        false,
      ],
    ]);
    expect(describeError(unscored.notes[0].reason, "zh")).toBe(
      "第 4 行 H 列（Previous score）：未采用表中上期评分 2.50：该客户已在审查档案中，但此前的审查均未能评分",
    );
    // One whose sheet score would have decided nothing either way: nothing to say.
    expect(unscoredNoMatter).toMatchObject({ previousScore: undefined, notes: [] });
  });

  test("a customer the archive has not seen: the sheet's, without a note", () => {
    expect(notArchived).toMatchObject({ previousScore: 1.5, previousScoreFrom: "sheet", notes: [] });
  });

  test("the portfolio's problems leave the notes out: nothing is wrong with the data", () => {
    expect(review().portfolio.problems).toEqual([]);
  });

  test.each([
    [
      "en",
      "measured against each customer's last score in the archive; the Previous score column is used only where the archive has none",
    ],
    ["zh", "以存档中客户上次的评分为准；存档中没有评分时才用“上期评分”列"],
  ] as const)("said once for the sheet (%s): under Score rose on the summary, and in the printed report", (lang, said) => {
    const result = review(lang);
    expect(previousScoreSourceText(result, lang)).toBe(said);
    const summary = buildWritePlan(result, lang, { sheetNames: [] }).sheets[0];
    const texts = summary.blocks.flatMap((b) => b.values.map((line) => line.join("|")));
    const scoreRose = texts.findIndex((line) => line.startsWith(`${lang === "en" ? "Score rose" : "评分上升"}|SCORE_RISE|`));
    expect(scoreRose).toBeGreaterThan(0);
    // Wrapped under the row, one line a cell: the lines read back as the text.
    const under = texts.slice(scoreRose + 1).join(lang === "en" ? " " : "");
    expect(under.startsWith(said)).toBe(true);
    expect(toTable(result, lang, "out.xlsx")).toContain(`  ${lang === "en" ? "Score rose: " : "评分上升："}${said}`);
  });

  test("not said without the column, nor when the archive scored none of the sheet's customers", () => {
    const without = runReview({
      sheetName: "Customers",
      values: SHEET.map((line) => [...line.slice(0, 7), ...line.slice(8)]),
      asOf,
      policy: DEFAULT_POLICY,
      archive: ARCHIVE,
    });
    expect(without.columns.found.some((f) => f.field === "previousScore")).toBe(false);
    expect(previousScoreSourceText(without, "en")).toBeUndefined();
    const unseen = runReview({
      sheetName: "Customers",
      values: SHEET,
      asOf,
      policy: DEFAULT_POLICY,
      archive: ARCHIVE.slice(0, 1),
    });
    // Before the archive scored any of them, the column is what the rise was measured against: said
    // so, or a rise beside "no earlier review in the archive" reads as a slip.
    const fromSheet = "measured against the Previous score column: the archive holds no earlier score for these customers yet";
    expect(previousScoreSourceText(unseen, "en")).toBe(fromSheet);
    expect(previousScoreSourceText(unseen, "zh")).toBe("以“上期评分”列为准：存档中还没有这些客户以前的评分");
    expect(toTable(unseen, "en", "out.xlsx")).not.toContain("is used only where the archive has none");
    expect(toTable(unseen, "en", "out.xlsx")).toContain(`  Score rose: ${fromSheet}`);
  });
});

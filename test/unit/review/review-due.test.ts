/**
 * Reviews that came due and were missed, over a chain of monthly reviews run on month ends:
 * a high-risk customer reviewed on time and then skipped a month, a medium one not yet due and
 * then past due, a customer whose last review asked to re-assess it now (held to its interval), one its last review
 * could not grade, a back-dated review, the interval of the policy then in force, and how the
 * summary sheet, the printed report and the JSON say it in both languages.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { isoFromSerial } from "../../../src/engine/cells";
import { Lang } from "../../../src/engine/i18n";
import { completePolicy } from "../../../src/engine/policy";
import { ReviewResult } from "../../../src/engine/review/review";
import { SHOWN_PAST_DUE } from "../../../src/engine/review/review-due";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { pastDueLines, pastDueText } from "../../../src/engine/review/texts";
import { reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";
import { summaryItemRows } from "../../../src/engine/review/summary-sheet";
import { printedList } from "../../support/printed-report";

const EXTRA = ["Credit limit", "Outstanding balance"];
const five = (x: number) => [x, x, x, x, x];

/** August: Hightown high risk, Midway medium, Lowly low, Errant high, Riser low. */
const AUGUST = customerSheet(EXTRA, [
  { id: "H1", name: "Hightown", factors: five(4), extra: [100000, 50000] },
  { id: "M1", name: "Midway", factors: five(3), extra: [100000, 50000] },
  { id: "L1", name: "Lowly", factors: five(2), extra: [100000, 50000] },
  { id: "E1", name: "Errant", factors: five(4), extra: [100000, 50000] },
  { id: "R1", name: "Riser", factors: five(2), extra: [100000, 50000] },
]);
/** From September: Errant's row has a factor out of range (no grade), Riser's score rose by 2 (re-assess now). */
const SEPTEMBER = customerSheet(EXTRA, [
  { id: "H1", name: "Hightown", factors: five(4), extra: [100000, 50000] },
  { id: "M1", name: "Midway", factors: five(3), extra: [100000, 50000] },
  { id: "L1", name: "Lowly", factors: five(2), extra: [100000, 50000] },
  { id: "E1", name: "Errant", factors: [4, 4, 9, 4, 4], extra: [100000, 50000] },
  { id: "R1", name: "Riser", factors: five(4), extra: [100000, 50000] },
]);

const AUG = serial("2026-08-31");
const SEP = serial("2026-09-30");
const NOV = serial("2026-11-30");

const afterAugust = reviewWorkbook({ customers: AUGUST }, AUG).workbook;
const september = reviewWorkbook({ ...afterAugust, customers: SEPTEMBER }, SEP);
const afterSeptember = september.workbook;

/** Each customer past due as [id, grade, last review, due, days late], dates as ISO days. */
function pastDue(r: ReviewResult): [string, string, string, string, number][] {
  return r.reviewsPastDue.customers.map((c) => [c.id, c.grade, isoFromSerial(c.lastReview), isoFromSerial(c.due), c.daysLate]);
}

describe("reviews past due", () => {
  test("the first review has nothing to go by; month-end reviews a month apart are on time (08-31 → due 09-30)", () => {
    expect(reviewWorkbook({ customers: AUGUST }, AUG).result.reviewsPastDue).toEqual({ count: 0, customers: [] });
    // Riser's score rose here: this review asks to re-assess it now, which the next review goes by.
    expect(september.result.customers[4].actions.map((a) => a.code)).toContain("REASSESS");
    expect(september.result.customers[3].grade).toBeUndefined();
    expect(september.result.reviewsPastDue).toEqual({ count: 0, customers: [] });
  });

  test("October skipped: the high-risk customers are a month late, the one re-assessed then too, the medium one not yet due", () => {
    const november = reviewWorkbook(afterSeptember, NOV).result;
    expect(november.reviewsPastDue.count).toBe(3);
    expect(pastDue(november)).toEqual([
      ["H1", "high", "2026-09-30", "2026-10-31", 30],
      // Errant's last review (September) could not grade it: its August one (High) set the review that was due.
      ["E1", "high", "2026-08-31", "2026-09-30", 61],
      // Its September review asked to re-assess it now: that is the analyst's, out of cycle; its review is still monthly.
      ["R1", "high", "2026-09-30", "2026-10-31", 30],
    ]);
    // The rows are the sheet's, as on the customers.
    expect(november.reviewsPastDue.customers.map((c) => c.row)).toEqual([2, 5, 6]);
  });

  test("a review mid-month is due the same day a month on, and past due once that month has gone by", () => {
    const midSeptember = reviewWorkbook({ customers: AUGUST.slice(0, 2) }, serial("2026-09-15")).workbook;
    expect(pastDue(reviewWorkbook(midSeptember, serial("2026-10-31")).result)).toEqual([]);
    expect(pastDue(reviewWorkbook(midSeptember, serial("2026-11-01")).result)).toEqual([
      ["H1", "high", "2026-09-15", "2026-10-15", 17],
    ]);
  });

  test("a medium-risk customer is past due once the month of its quarter's review has gone by", () => {
    // Midway, medium on 2026-09-30 (a month-end): due 2026-12-31, on time through that day.
    const midwinter = reviewWorkbook(afterSeptember, serial("2026-12-31")).result;
    expect(pastDue(midwinter).map(([id]) => id)).toEqual(["H1", "E1", "R1"]);
    const january = reviewWorkbook(afterSeptember, serial("2027-01-15")).result;
    expect(pastDue(january)).toEqual([
      ["H1", "high", "2026-09-30", "2026-10-31", 76],
      ["M1", "medium", "2026-09-30", "2026-12-31", 15],
      ["L1", "low", "2026-09-30", "2026-12-31", 15],
      ["E1", "high", "2026-08-31", "2026-09-30", 107],
      ["R1", "high", "2026-09-30", "2026-10-31", 76],
    ]);
  });

  test("a back-dated review goes by each customer's latest review before its as-of date, not the archive's latest", () => {
    const afterNovember = reviewWorkbook(afterSeptember, NOV).workbook;
    // The archive's latest (2026-11-30) would make nobody late; the review before 2026-11-15 is 2026-09-30.
    const midNovember = reviewWorkbook(afterNovember, serial("2026-11-15")).result;
    expect(pastDue(midNovember)).toEqual([
      ["H1", "high", "2026-09-30", "2026-10-31", 15],
      ["E1", "high", "2026-08-31", "2026-09-30", 46],
      ["R1", "high", "2026-09-30", "2026-10-31", 15],
    ]);
    // Month-end reviews: due 10-30 from 09-30, a review on 10-31 is in its month, on time.
    expect(pastDue(reviewWorkbook(afterNovember, serial("2026-10-31")).result)).toEqual([
      ["E1", "high", "2026-08-31", "2026-09-30", 31],
    ]);
    // A re-run on the day of the latest review is not late against itself.
    expect(pastDue(reviewWorkbook(afterNovember, NOV).result).map(([id]) => id)).toEqual(["H1", "E1", "R1"]);
  });

  test("the interval is the one of the policy the last review used, from the policy history; without it, this review's", () => {
    const everyTwoMonths = completePolicy({ monitorHighMonths: 2 });
    const underIt = reviewWorkbook({ customers: AUGUST }, AUG, "en", everyTwoMonths).workbook;
    const OCT = serial("2026-10-31");
    // High risk every two months then: 08-31 → due 10-31, on time under today's monthly policy too.
    expect(reviewWorkbook(underIt, OCT).result.reviewsPastDue.count).toBe(0);
    expect(reviewWorkbook(underIt, OCT).result.reviewsPastDue.intervalsAssumed).toBeUndefined();
    // The history not at hand: today's policy (monthly) gives 09-30, and every face says whose
    // intervals it stood in for.
    const without = reviewWorkbook({ ...underIt, policyHistory: undefined }, OCT).result;
    expect(pastDue(without)).toEqual([
      ["H1", "high", "2026-08-31", "2026-09-30", 31],
      ["E1", "high", "2026-08-31", "2026-09-30", 31],
    ]);
    expect(without.reviewsPastDue.intervalsAssumed).toEqual([everyTwoMonths.version]);
    expect(pastDueText(without.reviewsPastDue, "en")).toMatch(
      new RegExp(
        `^2 \\(.*\\); due dates after reviews under policy ${everyTwoMonths.version} use this review's intervals: ` +
          "the policy history does not hold that version as it was$",
      ),
    );
    expect(pastDueLines(without.reviewsPastDue, "zh").at(-1)).toBe(
      `按政策 ${everyTwoMonths.version} 审查的客户，其复审日期按本次政策的监控频率计算：政策历史中没有所列版本当时的设置`,
    );
    expect(toJson(without, "en").reviewsPastDue.intervalsAssumed).toEqual([everyTwoMonths.version]);
    // A history version typed over since: its settings are no longer that review's, so the same.
    const history = underIt.policyHistory!.map((line) => [...line]);
    const column = history[0].indexOf(everyTwoMonths.version);
    const high = history.findIndex((line) => typeof line[0] === "string" && /high/i.test(line[0]) && /month/i.test(line[0]));
    expect([column, high].every((i) => i > 0)).toBe(true);
    history[high][column] = 3;
    const edited = reviewWorkbook({ ...underIt, policyHistory: history }, OCT).result;
    expect(edited.reviewsPastDue.count).toBe(2);
    expect(edited.reviewsPastDue.intervalsAssumed).toEqual([everyTwoMonths.version]);
  });

  test("a customer on two rows is counted once (not at all: the sheet cannot say which row is the one reviewed)", () => {
    const twice = [...afterSeptember.customers.map((line) => [...line]), [...afterSeptember.customers[1]]];
    const november = reviewWorkbook({ ...afterSeptember, customers: twice }, NOV).result;
    expect(pastDue(november).map(([id]) => id)).toEqual(["E1", "R1"]);
  });

  test("the result lists the first 20 and counts them all", () => {
    const many = customerSheet(
      EXTRA,
      Array.from({ length: 25 }, (_, i) => ({ id: `K${String(i + 1).padStart(2, "0")}`, factors: five(4), extra: [1000, 500] })),
    );
    const first = reviewWorkbook({ customers: many }, AUG).workbook;
    const late = reviewWorkbook(first, serial("2026-10-31"));
    expect(late.result.reviewsPastDue.count).toBe(25);
    expect(late.result.reviewsPastDue.customers).toHaveLength(SHOWN_PAST_DUE);
    expect(late.result.reviewsPastDue.customers[19].id).toBe("K20");
    // The summary names five, then how many more.
    const cells = summaryLines(late.result, "en");
    const at = cells.indexOf("Reviews past due|25");
    expect(cells.slice(at + 1, at + 7)).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `Customer ${n} (High): last reviewed 2026-08-31, due 2026-09-30, 31 days late`),
      "and 20 more",
    ]);
  });
});

function summaryLines(r: ReviewResult, lang: Lang): string[] {
  const summary = buildWritePlan(r, lang, { sheetNames: [] }).sheets.find((s) => s.kind === "summary")!;
  return summary.blocks.flatMap((b) => b.values.map((line) => line.join("|")));
}

describe.each<[Lang, string[], string]>([
  [
    "en",
    [
      "Reviews past due|3",
      "Hightown (High): last reviewed 2026-09-30, due 2026-10-31, 30 days late",
      "Errant (High): last reviewed 2026-08-31, due 2026-09-30, 61 days late",
      "Riser (High): last reviewed 2026-09-30, due 2026-10-31, 30 days late",
    ],
    "3 (Hightown (High): last reviewed 2026-09-30, due 2026-10-31, 30 days late; " +
      "Errant (High): last reviewed 2026-08-31, due 2026-09-30, 61 days late; " +
      "Riser (High): last reviewed 2026-09-30, due 2026-10-31, 30 days late)",
  ],
  [
    "zh",
    [
      "复审已超期的客户|3",
      "Hightown（高）：上次审查于 2026年9月30日，应于 2026年10月31日复审，已超期 30 天",
      "Errant（高）：上次审查于 2026年8月31日，应于 2026年9月30日复审，已超期 61 天",
      "Riser（高）：上次审查于 2026年9月30日，应于 2026年10月31日复审，已超期 30 天",
    ],
    "3（Hightown（高）：上次审查于 2026年9月30日，应于 2026年10月31日复审，已超期 30 天；" +
      "Errant（高）：上次审查于 2026年8月31日，应于 2026年9月30日复审，已超期 61 天；" +
      "Riser（高）：上次审查于 2026年9月30日，应于 2026年10月31日复审，已超期 30 天）",
  ],
])("reviews past due said in %s", (lang, summary, oneLine) => {
  const november = reviewWorkbook(afterSeptember, NOV, lang).result;

  test("the summary sheet: the count, then the customers one a line", () => {
    const cells = summaryLines(november, lang);
    const at = cells.indexOf(summary[0]);
    expect(at).toBeGreaterThan(0);
    // Each customer's line one indent in, wrapped within the figures' columns, one line a row.
    const rows = [summary[0], ...summary.slice(1).flatMap((line) => summaryItemRows(line))];
    expect(cells.slice(at, at + rows.length)).toEqual(rows);
    // The count's label at the labels' edge, its customers one indent in, as the printed report sets them.
    const blocks = buildWritePlan(november, lang, { sheetNames: [] }).sheets.find((s) => s.kind === "summary")!.blocks;
    const blockOf = (text: string) => blocks.find((b) => b.values[0][0] === text)!;
    expect(blockOf(summary[0].split("|")[0]).indented).toBeUndefined();
    for (const line of rows.slice(1)) expect(blockOf(line)).toMatchObject({ column: 0, indented: [true] });
  });

  test("the printed report: the count, then the customers one a line, as the summary", () => {
    const [label, ...customers] = summary;
    expect(printedList(toTable(november, lang, "out.xlsx"), label.split("|")[0], lang)).toEqual({ count: "3", items: customers });
  });

  test("the JSON: the count and the customers, dates as ISO days, the grade as its code, and the count's text on one line", () => {
    expect(toJson(november, lang).reviewsPastDue).toEqual({
      text: oneLine,
      count: 3,
      customers: [
        { row: 2, id: "H1", name: "Hightown", grade: "high", lastReview: "2026-09-30", due: "2026-10-31", daysLate: 30 },
        { row: 5, id: "E1", name: "Errant", grade: "high", lastReview: "2026-08-31", due: "2026-09-30", daysLate: 61 },
        { row: 6, id: "R1", name: "Riser", grade: "high", lastReview: "2026-09-30", due: "2026-10-31", daysLate: 30 },
      ],
      intervalsAssumed: [],
    });
  });
});

test("on time, the summary and the printed report say none is past due", () => {
  const onTime = september.result;
  expect(summaryLines(onTime, "en")).toContain("Reviews past due|0");
  expect(toTable(onTime, "en", "out.xlsx").split("\n")).toContain("Reviews past due: 0");
  expect(toJson(onTime, "en").reviewsPastDue).toEqual({ count: 0, customers: [], intervalsAssumed: [], text: "0" });
});

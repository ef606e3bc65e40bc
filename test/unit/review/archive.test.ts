/** SCORE_RISE from the credit-risk archive: the previous review is the latest one before the as-of date. */
import { CellValue, isoFromSerial } from "../../../src/engine/cells";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { earlierReviews, previousScoresOf, readArchive } from "../../../src/engine/review/archive";
import { runReview } from "../../../src/engine/review/review";
import { headerWordWidth } from "../../../src/engine/review/sheet-layout";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { applyBlocks, customerSheet, serial, utcDate } from "../../support/review-grid";

const ARCHIVE_HEADER = ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"];
const asOf = serial("2026-03-15");
// C001 scores 3.0 today; C002 scores 2.0.
const SHEET = customerSheet(
  [],
  [
    { id: "C001", name: "Alpha", factors: [3, 3, 3, 3, 3] },
    { id: "C002", name: "Beta", factors: [2, 2, 2, 2, 2] },
  ],
);

function review(archive: CellValue[][] | undefined, values = SHEET, when = asOf) {
  return runReview({ sheetName: "Customers", values, asOf: when, policy: DEFAULT_POLICY, archive });
}
const codes = (r: ReturnType<typeof review>, i = 0) => r.customers[i].findings.map((f) => f.code);

describe("archive-based SCORE_RISE", () => {
  test.each([
    [
      "an earlier score more than 1 lower: warning",
      [[utcDate("2026-02-15"), "default-1", "C001", "Alpha", 1.9, "Low"]],
      1.9,
      ["SCORE_RISE"],
    ],
    ["an earlier score exactly 1 lower: no warning", [[utcDate("2026-02-15"), "default-1", "C001", "Alpha", 2, "Low"]], 2, []],
    ["the review date as a serial", [[serial("2026-02-15"), "default-1", "C001", "Alpha", 1.5, "Low"]], 1.5, ["SCORE_RISE"]],
    ["the review date as ISO text", [["2026-02-15", "default-1", "C001", "Alpha", 1.5, "Low"]], 1.5, ["SCORE_RISE"]],
    [
      "an entry dated on the as-of date is a re-run and ignored",
      [[utcDate("2026-03-15"), "default-1", "C001", "Alpha", 1.0, "Low"]],
      undefined,
      [],
    ],
    [
      "an entry on the as-of date does not hide the earlier one",
      [
        [utcDate("2026-02-15"), "default-1", "C001", "Alpha", 1.5, "Low"],
        [utcDate("2026-03-15"), "default-1", "C001", "Alpha", 3.0, "Medium"],
      ],
      1.5,
      ["SCORE_RISE"],
    ],
    [
      "the latest earlier entry wins (listed after)",
      [
        [utcDate("2025-12-15"), "default-1", "C001", "Alpha", 1.0, "Low"],
        [utcDate("2026-02-15"), "default-1", "C001", "Alpha", 2.5, "Medium"],
      ],
      2.5,
      [],
    ],
    [
      "the latest earlier entry wins (listed before)",
      [
        [utcDate("2026-02-15"), "default-1", "C001", "Alpha", 2.5, "Medium"],
        [utcDate("2025-12-15"), "default-1", "C001", "Alpha", 1.0, "Low"],
      ],
      2.5,
      [],
    ],
    [
      "the latest earlier entry wins when it is the low one",
      [
        [utcDate("2025-12-15"), "default-1", "C001", "Alpha", 2.9, "Medium"],
        [utcDate("2026-02-15"), "default-1", "C001", "Alpha", 1.2, "Low"],
      ],
      1.2,
      ["SCORE_RISE"],
    ],
    [
      "ids match without case or outer spaces",
      [[utcDate("2026-02-15"), "v", "  c001 ", "Alpha", 1.5, "Low"]],
      1.5,
      ["SCORE_RISE"],
    ],
    ["another customer's entry does not count", [[utcDate("2026-02-15"), "v", "C002", "Beta", 1.0, "Low"]], undefined, []],
    [
      "an entry in the future is not a previous review",
      [[utcDate("2026-04-15"), "v", "C001", "Alpha", 1.0, "Low"]],
      undefined,
      [],
    ],
  ] as const)("%s", (_name, rows, previous, expected) => {
    const result = review([ARCHIVE_HEADER, ...(rows as unknown as CellValue[][])]);
    expect(result.customers[0].errors).toEqual([]);
    expect(result.customers[0].previousScore).toBe(previous);
    expect(codes(result)).toEqual(expected);
    expect(result.columns.skippedChecks).not.toContain("SCORE_RISE");
  });

  test("without a previous-score column or an archive, SCORE_RISE is skipped; an empty archive switches it on", () => {
    expect(review(undefined).columns.skippedChecks).toContain("SCORE_RISE");
    expect(review([]).columns.skippedChecks).not.toContain("SCORE_RISE");
    expect(codes(review([]))).toEqual([]);
  });

  test("customers without an ID are matched by name", () => {
    const values = [
      ["Customer", "Payment history", "Contract performance", "Industry risk", "Market reputation", "Compliance record"],
      ["Gamma Co", 4, 4, 4, 4, 4],
    ];
    const archive = [ARCHIVE_HEADER, [utcDate("2026-01-31"), "v", "", "gamma co", 2.9, "Medium"]];
    const result = review(archive, values);
    expect(result.customers[0].previousScore).toBe(2.9);
    expect(codes(result)).toEqual(["SCORE_RISE"]);
  });

  test("the archive wins over a previous-score column; the column serves only customers the archive has not seen", () => {
    const values = customerSheet(
      ["Previous score"],
      [
        { id: "C001", factors: [3, 3, 3, 3, 3], extra: [1.2] },
        { id: "C002", factors: [3, 3, 3, 3, 3], extra: [null] },
        { id: "C003", factors: [3, 3, 3, 3, 3], extra: [1.5] },
        { id: "C004", factors: [3, 3, 3, 3, 3], extra: [1.5] },
        { id: "C005", factors: [3, 3, 3, 3, 3], extra: [1.2] },
      ],
    );
    const archive = [
      ARCHIVE_HEADER,
      [utcDate("2026-02-15"), "v", "C001", "", 3.0, "Medium"],
      [utcDate("2026-02-15"), "v", "C002", "", 1.0, "Low"],
      // Seen only on the as-of date (a re-run): not a previous review, so the sheet's column serves.
      [utcDate("2026-03-15"), "v", "C004", "", 3.0, "Medium"],
      // Seen by the last review, which could not score it: no previous score, the sheet's older figure does not stand in.
      [utcDate("2026-02-15"), "v", "C005", "", null, "Data error"],
    ];
    const result = review(archive, values);
    expect(result.customers.map((c) => c.previousScore)).toEqual([3.0, 1.0, 1.5, 1.5, undefined]);
    expect(result.customers.map((c) => c.findings.map((f) => f.code))).toEqual([
      [],
      ["SCORE_RISE"],
      ["SCORE_RISE"],
      ["SCORE_RISE"],
      [],
    ]);
  });

  test.each([
    ["a rise of exactly the threshold as shown does not fire", [3, 3, 3, 3, 3], 1.996, []],
    ["a rise of 1.01 as shown fires", [3, 3, 3, 3, 3], 1.99, ["SCORE_RISE"]],
    ["an unrounded rise of 1.004 shows as 1.00 and does not fire", [3.004, 3.004, 3.004, 3.004, 3.004], 2, []],
  ] as const)("%s", (_name, factors, previous, expected) => {
    const values = customerSheet([], [{ id: "C001", name: "Alpha", factors: [...factors] }]);
    const result = review([ARCHIVE_HEADER, [utcDate("2026-02-15"), "v", "C001", "Alpha", previous, "Low"]], values);
    expect(codes(result)).toEqual(expected);
  });

  test("a Chinese archive header is read the same way", () => {
    const archive = [
      ["审查日期", "政策版本", "客户编号", "客户名称", "风险评分", "风险等级"],
      [utcDate("2026-02-15"), "v", "C001", "Alpha", 1.5, "低"],
    ];
    expect(codes(review(archive))).toEqual(["SCORE_RISE"]);
  });

  test("previous scores key every customer an earlier review archived: its score, or none when no review scored it", () => {
    const archived = [
      ARCHIVE_HEADER,
      [utcDate("2026-01-10"), "v", "A1", "", 2, "Low"],
      [null, "v", "A2", "", 2, "Low"],
      [utcDate("2026-01-10"), "v", "A3", "", "n/a", "Low"],
      [utcDate("2026-01-10"), "v", "A4", "", 4.25, "High"],
      [utcDate("2026-02-10"), "v", "A4", "", null, ""],
    ];
    const map = previousScoresOf(earlierReviews(readArchive(archived), serial("2026-03-15")));
    expect([...map].map(([key, found]) => [key, found?.score, found?.date])).toEqual([
      ["a1", 2, serial("2026-01-10")],
      ["a3", undefined, undefined],
      ["a4", 4.25, serial("2026-01-10")],
    ]);
  });

  test.each([
    ["en", "zh", ["Medium", "Low", "Medium", "Low"]],
    ["zh", "en", ["中", "低", "中", "低"]],
  ] as const)("an archive started in %s is continued in its language by a review in %s", (first, next, grades) => {
    const plan = (lang: "en" | "zh", when: string, archive?: CellValue[][]) =>
      buildWritePlan(review(archive, SHEET, serial(when)), lang, { sheetNames: [], archiveValues: archive }).sheets[1];
    let archive = applyBlocks([], plan(first, "2026-02-15").blocks);
    archive = applyBlocks(archive, plan(next, "2026-03-15", archive).blocks);
    const gradeColumn = archive[0].indexOf(first === "en" ? "Risk grade" : "风险等级");
    const zoneColumn = archive[0].indexOf(first === "en" ? "Z zone" : "Z 值区间");
    expect(archive.slice(1).map((l) => l[gradeColumn])).toEqual(grades);
    expect(new Set(archive.slice(1).map((l) => l[zoneColumn])).size).toBe(1);
    // The next review reads the continued archive whichever language it runs in.
    expect(review(archive, SHEET, serial("2026-04-15")).customers.map((c) => c.previousScore)).toEqual([3, 2]);
  });

  test("a header the plan does not write again still sets its column's width: its widest word never breaks", () => {
    const first = buildWritePlan(review(undefined, SHEET, serial("2026-02-15")), "en", { sheetNames: [] }).sheets[1];
    const archive = applyBlocks([], first.blocks);
    const next = buildWritePlan(review(archive, SHEET, serial("2026-03-15")), "en", { sheetNames: [], archiveValues: archive })
      .sheets[1];
    expect(next.blocks.some((b) => b.bold)).toBe(false);
    const column = archive[0].indexOf("Contract performance");
    const width = (plan: typeof next) => plan.columns!.find((c) => c.column === column)!.width;
    expect(width(next)).toBe(width(first));
    expect(width(next)).toBeGreaterThanOrEqual(headerWordWidth("Contract performance"));
  });

  test("a month of shorter texts keeps the columns as wide as the rows kept above need: their fitted heights never cut them", () => {
    // In February Alpha is high risk, over its limit and 120 days late: long warning and action codes.
    const risky = customerSheet(
      ["Credit limit", "Outstanding balance", "Days past due"],
      [
        { id: "C001", name: "Alpha", factors: [5, 5, 5, 4, 4], extra: [100, 500, 120] },
        { id: "C002", name: "Beta", factors: [2, 2, 2, 2, 2], extra: [1000, 100, 0] },
      ],
    );
    const first = buildWritePlan(review(undefined, risky, serial("2026-02-15")), "en", { sheetNames: [] }).sheets[1];
    const archive = applyBlocks([], first.blocks);
    // In March both are clear: this run's codes are short.
    const next = buildWritePlan(review(archive, SHEET, serial("2026-03-15")), "en", { sheetNames: [], archiveValues: archive })
      .sheets[1];
    for (const header of ["Warning codes", "Action codes"]) {
      const column = archive[0].indexOf(header);
      const width = (plan: typeof next) => plan.columns!.find((c) => c.column === column)!.width;
      expect(String(archive[1][column]).length).toBeGreaterThan(20);
      expect({ header, width: width(next) }).toEqual({ header, width: width(first) });
    }
  });

  test("rows kept above need the same widths read as the pane reads them, dates as Dates, as read as serials", () => {
    // A December review's Chinese dates (2026年12月15日) are wider than January's (2027年1月5日).
    const first = buildWritePlan(review(undefined, SHEET, serial("2026-12-15")), "zh", { sheetNames: [] }).sheets[1];
    const archive = applyBlocks([], first.blocks);
    const dateColumns = first.blocks[1].formats.flatMap((format, c) => (format === "date" ? [c] : []));
    const asDates = archive.map((row, r) =>
      r === 0 ? row : row.map((v, c) => (dateColumns.includes(c) && typeof v === "number" ? utcDate(isoFromSerial(v)) : v)),
    );
    expect(asDates[1][dateColumns[0]]).toBeInstanceOf(Date);
    const next = (values: CellValue[][]) =>
      buildWritePlan(review(values, SHEET, serial("2027-01-05")), "zh", { sheetNames: [], archiveValues: values }).sheets[1];
    const widths = (plan: ReturnType<typeof next>) => dateColumns.map((c) => plan.columns!.find((l) => l.column === c)!.width);
    expect(widths(next(asDates))).toEqual(widths(first));
    expect(widths(next(archive))).toEqual(widths(first));
  });

  test("round trip: the archive the write plan writes feeds the next review; a same-day re-run replaces its rows", () => {
    const first = review(undefined, SHEET, serial("2026-02-15"));
    let archive = applyBlocks([], buildWritePlan(first, "en", { sheetNames: [] }).sheets[1].blocks);
    expect(archive.map((l) => l.slice(0, 4).concat(l.slice(9, 11)))).toEqual([
      ARCHIVE_HEADER,
      [serial("2026-02-15"), DEFAULT_POLICY.version, "C001", "Alpha", 3, "Medium"],
      [serial("2026-02-15"), DEFAULT_POLICY.version, "C002", "Beta", 2, "Low"],
    ]);

    // A re-run on the same day finds only its own rows: nothing earlier, so no SCORE_RISE; its rows replace the first run's.
    const worse = customerSheet(
      [],
      [
        { id: "C001", name: "Alpha", factors: [4.5, 4.5, 4.5, 4.5, 4.5] },
        { id: "C002", name: "Beta", factors: [3, 3, 3, 3, 3] },
      ],
    );
    const rerun = review(archive, worse, serial("2026-02-15"));
    expect(rerun.customers.map((c) => c.previousScore)).toEqual([undefined, undefined]);
    archive = applyBlocks(archive, buildWritePlan(rerun, "en", { sheetNames: [], archiveValues: archive }).sheets[1].blocks);
    expect(archive.map((l) => l[9])).toEqual(["Risk score", 4.5, 3]);

    // A month later nothing changed: no rise.
    const next = review(archive, worse, serial("2026-03-15"));
    expect(next.customers.map((c) => c.previousScore)).toEqual([4.5, 3]);
    expect(codes(next)).toEqual([]);

    // Against the first run's figures instead, C001 rose by 1.5 and C002 by exactly 1.
    const firstOnly = applyBlocks([], buildWritePlan(first, "en", { sheetNames: [] }).sheets[1].blocks);
    const later = review(firstOnly, worse, serial("2026-03-15"));
    expect(later.customers.map((c) => c.previousScore)).toEqual([3, 2]);
    expect(later.customers.map((c) => c.findings.map((f) => f.code))).toEqual([["SCORE_RISE"], []]);
    expect(later.customers[0].actions.map((a) => a.code)).toEqual(["PREPAYMENT", "RESTRICT_LIMIT", "GUARANTEE", "REASSESS"]);
  });
});

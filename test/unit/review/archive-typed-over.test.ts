/**
 * The archive's "Typed over by hand" column: the review's own cells a review found changed by
 * hand, kept in that review's archive row of each customer, so an override is still there months
 * after the review wrote its own values over it.
 */
import { Lang } from "../../../src/engine/i18n";
import { ARCHIVE_FIELDS, readArchive } from "../../../src/engine/review/archive";
import { OutputField } from "../../../src/engine/review/fields";
import { WIDTH } from "../../../src/engine/review/sheet-layout";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { LISTED_TYPED_OVER } from "../../../src/engine/review/typed-over";
import { CYCLE_SHEET, reviewWorkbook } from "../../support/review-cycle";
import { sheet, typed } from "../../support/typed-cells";
import { Grid, serial } from "../../support/review-grid";

const OCT = serial("2026-10-31");
const NOV = serial("2026-11-30");
const DEC = serial("2026-12-31");
const TYPED_AT = ARCHIVE_FIELDS.indexOf("typedOver");

function reviewedInOctober(lang: Lang = "en", count = 4) {
  const { result, workbook } = reviewWorkbook({ customers: sheet(count) }, OCT, lang);
  return { workbook, first: result, column: (field: OutputField) => result.layout.outputColumns[field] };
}

/** The archive's rows as [review date, customer id, typed over by hand]. */
const typedOverRows = (archive: Grid | undefined) =>
  (archive ?? []).slice(1).map((line) => [line[0], line[2], line[TYPED_AT] ?? null]);

const money = (n: number) => n.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe("the archive keeps the cells typed over by hand", () => {
  test.each([
    [
      "en",
      "Typed over by hand",
      (limit: number) => `Recommended limit: 340,000.00 (the review of 2026-10-31 wrote ${money(limit)})`,
      (limit: number) =>
        `Risk score: blank (the review of 2026-10-31 wrote 2.00); Recommended limit: 1.00 (the review of 2026-10-31 wrote ${money(limit)})`,
      'Risk grade: "High" (the review of 2026-10-31 wrote Medium)',
    ],
    [
      "zh",
      "手工改动",
      (limit: number) => `建议额度：340,000.00（2026年10月31日的审查写入 ${money(limit)}）`,
      (limit: number) =>
        `风险评分：空白（2026年10月31日的审查写入 2.00）；建议额度：1.00（2026年10月31日的审查写入 ${money(limit)}）`,
      "风险等级：“高”（2026年10月31日的审查写入 中）",
    ],
  ] as const)(
    "found in November, kept in November's row of that customer in the archive's language (%s), in no other row",
    (lang, header, limitTyped, twoTyped, gradeTyped) => {
      const { workbook, column, first } = reviewedInOctober(lang);
      expect(workbook.archive![0]).toHaveLength(ARCHIVE_FIELDS.length);
      expect(workbook.archive![0][TYPED_AT]).toBe(header);
      const edited = typed(workbook, column, [
        [0, "recommendedLimit", 340000],
        [1, "score", null],
        [1, "recommendedLimit", 1],
        [2, "grade", lang === "en" ? "High" : "高"],
      ]);
      const november = reviewWorkbook(edited, NOV, lang);
      expect(november.result.typedOver!.count).toBe(4);
      const [c0, c1] = first.customers;
      expect(typedOverRows(november.workbook.archive)).toEqual([
        [OCT, "C100", null],
        [OCT, "C101", null],
        [OCT, "C102", null],
        [OCT, "C103", null],
        [NOV, "C100", limitTyped(c0.recommendedLimit!)],
        [NOV, "C101", twoTyped(c1.recommendedLimit!)],
        [NOV, "C102", gradeTyped],
        [NOV, "C103", null],
      ]);

      // December: the cells hold November's values again, nothing typed; November's rows keep their record.
      const december = reviewWorkbook(november.workbook, DEC, lang);
      expect(december.result.typedOver).toBeUndefined();
      expect(typedOverRows(december.workbook.archive).slice(4)).toEqual([
        ...typedOverRows(november.workbook.archive).slice(4),
        [DEC, "C100", null],
        [DEC, "C101", null],
        [DEC, "C102", null],
        [DEC, "C103", null],
      ]);
    },
  );

  test("a review in the other language adds its rows in the archive's language", () => {
    const { workbook, column, first } = reviewedInOctober("zh");
    const november = reviewWorkbook(typed(workbook, column, [[0, "recommendedLimit", 340000]]), NOV, "en");
    expect(typedOverRows(november.workbook.archive)[4]).toEqual([
      NOV,
      "C100",
      `建议额度：340,000.00（2026年10月31日的审查写入 ${money(first.customers[0].recommendedLimit!)}）`,
    ]);
  });

  test("a same-day re-run keeps what the first run found (it wrote those cells again, so it cannot find them) and adds what was typed since", () => {
    const { workbook, column, first } = reviewedInOctober();
    const november = reviewWorkbook(typed(workbook, column, [[0, "recommendedLimit", 340000]]), NOV);
    const kept = `Recommended limit: 340,000.00 (the review of 2026-10-31 wrote ${money(first.customers[0].recommendedLimit!)})`;
    const again = reviewWorkbook(november.workbook, NOV);
    expect(again.result.typedOver).toBeUndefined();
    expect(again.workbook.archive).toEqual(november.workbook.archive);
    // Typed over between the runs: the second run finds it against the first, and the row keeps both.
    const limit = november.result.customers[0].recommendedLimit!;
    const retyped = reviewWorkbook(typed(november.workbook, column, [[0, "recommendedLimit", 350000]]), NOV);
    expect(typedOverRows(retyped.workbook.archive)[4]).toEqual([
      NOV,
      "C100",
      `${kept}; Recommended limit: 350,000.00 (the review of 2026-11-30 wrote ${money(limit)})`,
    ]);
    // Another customer's row of that day is not given it.
    expect(typedOverRows(retyped.workbook.archive)[5]).toEqual([NOV, "C101", null]);
  });

  test("every customer's cells are kept, past the ones a review lists", () => {
    const count = LISTED_TYPED_OVER + 10;
    const { workbook, column } = reviewedInOctober("en", count);
    const edits = Array.from({ length: count }, (_, i) => [i, "recommendedLimit", 1] as [number, OutputField, unknown]);
    const november = reviewWorkbook(typed(workbook, column, edits), NOV);
    const over = november.result.typedOver!;
    expect(over.cells).toHaveLength(LISTED_TYPED_OVER);
    expect(over.count).toBe(count);
    expect(over.byCustomerRow.size).toBe(count);
    const rows = typedOverRows(november.workbook.archive).filter((r) => r[0] === NOV);
    expect(rows).toHaveLength(count);
    for (const row of rows) expect(row[2]).toMatch(/^Recommended limit: 1\.00 \(the review of 2026-10-31 wrote [\d,]+\.\d\d\)$/);
  });

  test("the typed-over check still reads the archive right: the column is not taken for a figure, and a cell typed in December is found against November", () => {
    const { workbook, column } = reviewedInOctober();
    const november = reviewWorkbook(typed(workbook, column, [[2, "grade", "High"]]), NOV);
    const contents = readArchive(november.workbook.archive!)!;
    expect(contents.current).toBe(true);
    expect(contents.fields.has("typedOver")).toBe(true);
    const c102 = contents.entries.filter((e) => e.id === "C102").map((e) => [e.date, e.grade, e.score]);
    expect(c102).toEqual([
      [OCT, "medium", 2.5],
      [NOV, "medium", 2.5],
    ]);
    const score = november.result.customers[3].score!;
    const december = reviewWorkbook(typed(november.workbook, column, [[3, "score", 4.75]]), DEC);
    const over = december.result.typedOver!;
    expect(over.reviewDate).toBe(NOV);
    expect(over.cells.map((c) => [c.customer, c.field, c.typed, c.written])).toEqual([["Customer 3", "score", 4.75, score]]);
    expect(typedOverRows(december.workbook.archive).filter((r) => r[0] !== OCT)).toEqual([
      [NOV, "C100", null],
      [NOV, "C101", null],
      [NOV, "C102", 'Risk grade: "High" (the review of 2026-10-31 wrote Medium)'],
      [NOV, "C103", null],
      [DEC, "C100", null],
      [DEC, "C101", null],
      [DEC, "C102", null],
      [DEC, "C103", "Risk score: 4.75 (the review of 2026-11-30 wrote 3.00)"],
    ]);
  });

  test("an archive from before the column is read as before and rewritten under the new header, its rows' column blank", () => {
    const { workbook, column, first } = reviewedInOctober();
    const before = workbook.archive!.map((line) => line.slice(0, TYPED_AT));
    const contents = readArchive(before)!;
    expect(contents.current).toBe(false);
    expect(contents.fields.has("typedOver")).toBe(false);
    expect(contents.entries.map((e) => [e.id, e.score, e.sheet, e.line[TYPED_AT]])).toEqual([
      ["C100", 1.5, CYCLE_SHEET, null],
      ["C101", 2, CYCLE_SHEET, null],
      ["C102", 2.5, CYCLE_SHEET, null],
      ["C103", 3, CYCLE_SHEET, null],
    ]);
    const edited = typed({ ...workbook, archive: before }, column, [[0, "recommendedLimit", 340000]]);
    const november = reviewWorkbook(edited, NOV);
    const archive = november.workbook.archive!;
    expect(archive[0]).toHaveLength(ARCHIVE_FIELDS.length);
    expect(archive[0][TYPED_AT]).toBe("Typed over by hand");
    expect(archive.filter((line) => line[0] === "Review date")).toHaveLength(1);
    expect(typedOverRows(archive)).toEqual([
      [OCT, "C100", null],
      [OCT, "C101", null],
      [OCT, "C102", null],
      [OCT, "C103", null],
      [
        NOV,
        "C100",
        `Recommended limit: 340,000.00 (the review of 2026-10-31 wrote ${money(first.customers[0].recommendedLimit!)})`,
      ],
      [NOV, "C101", null],
      [NOV, "C102", null],
      [NOV, "C103", null],
    ]);
    // The October rows as they were, the new column added blank.
    expect(archive.slice(1, 5).map((line) => line.slice(0, TYPED_AT))).toEqual(before.slice(1));
  });

  test("a text typed over a cell is kept whole up to 1,000 characters, a longer one shortened: the archive cell stays within Excel's 32,767 characters", () => {
    const { workbook, column } = reviewedInOctober();
    const note = "Approved by the credit committee, parent guarantee in place";
    const essay = "Approved by the credit committee. ".repeat(1000);
    const fields: OutputField[] = ["score", "grade", "zScore", "recommendedLimit", "recommendation", "findings", "monitoring"];
    const edited = typed(workbook, column, [
      [0, "recommendation", note],
      ...fields.map((f): [number, OutputField, unknown] => [1, f, essay]),
    ]);
    const rows = typedOverRows(reviewWorkbook(edited, NOV).workbook.archive);
    expect(rows.map((r) => r[2])).toContain(`Recommendation: "${note}" (not what the review of 2026-10-31 wrote)`);
    const text = String(rows.find((r) => String(r[2]).includes("Risk score"))![2]);
    expect(text).toMatch(
      new RegExp(
        `^Risk score: "${essay.slice(0, 997).replace(/\./g, "\\.")}\\.\\.\\." \\(the review of 2026-10-31 wrote 2\\.00\\); Risk grade: "`,
      ),
    );
    expect(text.length).toBeLessThan(32767);
    expect(text.length).toBeGreaterThan(7 * 1000);
  });

  test("the column wraps at the wrap width when its texts are long; a short one keeps it narrow", () => {
    const { workbook, column } = reviewedInOctober();
    const archiveColumn = (edits: [number, OutputField, unknown][]) => {
      const edited = typed(workbook, column, edits);
      const { result } = reviewWorkbook(edited, NOV);
      const plan = buildWritePlan(result, "en", { sheetNames: [CYCLE_SHEET], archiveValues: workbook.archive });
      const archive = plan.sheets.find((s) => s.kind === "archive")!;
      return { layout: archive.columns!.find((c) => c.column === TYPED_AT)!, heights: archive.rowHeights };
    };
    const long = archiveColumn([
      [1, "score", null],
      [1, "grade", "Approved by the CFO"],
      [1, "recommendedLimit", 1],
    ]);
    expect(long.layout).toEqual({ column: TYPED_AT, width: WIDTH.wrapAt + WIDTH.indent, wrap: true, indent: true });
    // Customer 1's November row (0-based row 6: header, four October rows, Customer 0) is taller for its wrapped lines.
    expect(long.heights?.find((h) => h.row === 6)?.height).toBeGreaterThan(15);
    const short = archiveColumn([]);
    expect(short.layout.wrap).toBe(false);
    expect(short.layout.width).toBeLessThan(WIDTH.wrapAt);
  });
});

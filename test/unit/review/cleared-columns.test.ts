/**
 * The review's own columns emptied whole between reviews (selected and deleted, to start
 * afresh): nothing of the user's was in them, so their cells are not counted as typed over one
 * by one; every face says once which columns were emptied, and the review writes them again.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { columnLetter } from "../../../src/engine/a1";
import { Lang, message, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { ARCHIVE_FIELDS } from "../../../src/engine/review/archive";
import { OUTPUT_FIELDS, OutputField } from "../../../src/engine/review/fields";
import { ReviewResult } from "../../../src/engine/review/review";
import { summaryLineRows } from "../../../src/engine/review/summary-sheet";
import { clearedColumnsText } from "../../../src/engine/review/texts";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { CYCLE_SHEET, CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { Grid, serial } from "../../support/review-grid";
import { sheet, typed } from "../../support/typed-cells";

const OCT = serial("2026-10-31");
const NOV = serial("2026-11-30");
const TYPED_OVER_AT = ARCHIVE_FIELDS.indexOf("typedOver");

/** Open invoices, some overdue on the first review's date: the aging columns hold figures. */
const LEDGER: Grid = [
  ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
  ["C100", "INV-1", serial("2026-10-15"), 12000, 0],
  ["C101", "INV-2", serial("2026-06-30"), 8000.5, 1000],
  ["C103", "INV-3", serial("2026-06-01"), 20000, 0],
];

function reviewedOnce(lang: Lang = "en") {
  const { result, workbook } = reviewWorkbook({ customers: sheet(4), ledger: LEDGER }, OCT, lang);
  const column = (field: OutputField) => result.layout.outputColumns[field];
  return { workbook, column, first: result };
}

/** Every customer row's cells of these sheet columns emptied. */
function emptied(workbook: CycleWorkbook, columns: readonly number[]): CycleWorkbook {
  const customers = workbook.customers.map((line, r) =>
    r === 0 ? [...line] : line.map((v, c) => (columns.includes(c) ? null : v)),
  );
  return { ...workbook, customers };
}

/** Every column the first review wrote: its output fields' and its aging buckets'. */
function reviewColumns(first: ReviewResult): number[] {
  return [...OUTPUT_FIELDS.map((f) => first.layout.outputColumns[f]), ...first.layout.agingColumns];
}

function summaryTexts(result: ReviewResult, lang: Lang): string[] {
  const summary = buildWritePlan(result, lang, { sheetNames: [CYCLE_SHEET] }).sheets.find((s) => s.kind === "summary")!;
  return summary.blocks.flatMap((b) => b.values.flat().filter((v): v is string => typeof v === "string"));
}

describe("the review's columns emptied whole", () => {
  test.each(["en", "zh"] as const)("all of them (%s): nothing typed over, said once on every face, written again", (lang) => {
    const { workbook, first } = reviewedOnce(lang);
    // The first review wrote something in every column but the Z-score's two (the sheet has no financials).
    const cleared = emptied(workbook, reviewColumns(first));
    const { result, workbook: after } = reviewWorkbook(cleared, NOV, lang);
    expect(result.typedOver).toBeUndefined();
    expect(result.movedRows).toBeUndefined();
    const emptiedColumns = result.clearedColumns!;
    expect(emptiedColumns.all).toBe(true);
    expect(emptiedColumns.reviewDate).toBe(OCT);
    expect(emptiedColumns.columns.map((c) => c.column)).toEqual(
      reviewColumns(first)
        .filter((c) => c !== first.layout.outputColumns.zScore && c !== first.layout.outputColumns.zZone)
        .sort((a, b) => a - b),
    );
    const text = clearedColumnsText(emptiedColumns, lang);
    expect(text).toBe(
      lang === "en"
        ? "The review's own columns have been emptied since the review of 2026-10-31: nothing was typed in them, and the review writes its values there again"
        : "自 2026年10月31日的审查以来，审查输出列已被清空：其中没有手工输入的内容，审查会重新写入结果",
    );
    expect(toTable(result, lang, "out.xlsx")).toContain(text);
    expect(toJson(result, lang, "out.xlsx").clearedColumns).toMatchObject({ reviewDate: "2026-10-31", all: true, text });
    expect(reviewedNotice(result).render(translator(lang), lang).lines).toContain(text);
    expect(summaryTexts(result, lang)).toContain(
      message(lang, "summary.clearedColumns", { date: lang === "en" ? "2026-10-31" : "2026年10月31日" }),
    );
    expect(summaryTexts(result, lang)).toContain(
      lang === "en"
        ? "All the review's own columns: nothing was typed in them; this review wrote them again"
        : "审查的全部输出列：其中没有手工输入的内容，本次审查已重新写入",
    );
    // No customer's archive row records a cell typed over, and the columns are written again.
    expect(after.archive!.filter((line) => line[0] === NOV).map((line) => line[TYPED_OVER_AT])).toEqual([null, null, null, null]);
    expect(after.customers).toEqual(reviewWorkbook(workbook, NOV, lang).workbook.customers);
    expect(reviewWorkbook(after, serial("2026-12-31"), lang).result.clearedColumns).toBeUndefined();
  });

  test("two of them, and a cell typed elsewhere: the two named by letter and header, the typed cell still the one typed over", () => {
    const { workbook, column } = reviewedOnce();
    const edited = typed(emptied(workbook, [column("recommendation"), column("nextReview")]), column, [
      [2, "monitoring", "Weekly"],
    ]);
    const { result } = reviewWorkbook(edited, NOV);
    expect(result.clearedColumns).toEqual({
      reviewDate: OCT,
      columns: [
        { column: column("recommendation"), header: "Recommendation" },
        { column: column("nextReview"), header: "Next review" },
      ],
      all: false,
    });
    const [recommendation, nextReview] = [column("recommendation"), column("nextReview")].map(columnLetter);
    expect(clearedColumnsText(result.clearedColumns!, "en")).toBe(
      `2 of the review's own columns have been emptied since the review of 2026-10-31 (${recommendation} Recommendation; ${nextReview} Next review): nothing was typed in them, and the review writes its values there again`,
    );
    expect(clearedColumnsText(result.clearedColumns!, "zh")).toContain(
      `有 2 列被清空（${recommendation} 列“Recommendation”；${nextReview} 列“Next review”）`,
    );
    // The summary names them under its count.
    // (wrapped over rows as every long line of the summary is).
    const which = {
      en: `${recommendation} Recommendation; ${nextReview} Next review: nothing was typed in them; this review wrote them again`,
      zh: `${recommendation} 列“Recommendation”；${nextReview} 列“Next review”：其中没有手工输入的内容，本次审查已重新写入`,
    };
    for (const lang of ["en", "zh"] as const) {
      const rows = summaryLineRows(which[lang]);
      const texts = summaryTexts(result, lang);
      const at = texts.indexOf(rows[0]);
      expect(at).toBeGreaterThan(0);
      expect(texts.slice(at, at + rows.length)).toEqual(rows);
    }
    expect(toJson(result, "en", "out.xlsx").clearedColumns!.columns).toEqual([
      { column: recommendation, header: "Recommendation" },
      { column: nextReview, header: "Next review" },
    ]);
    expect(result.typedOver!.count).toBe(1);
    expect(result.typedOver!.cells.map((c) => [c.row, c.field, c.typed])).toEqual([[4, "monitoring", "Weekly"]]);
  });

  test("more than five named: the first five, then a count", () => {
    const { workbook, column } = reviewedOnce();
    const fields: OutputField[] = [
      "score",
      "grade",
      "recommendation",
      "monitoring",
      "nextReview",
      "utilisation",
      "availableCredit",
    ];
    const { result } = reviewWorkbook(emptied(workbook, fields.map(column)), NOV);
    expect(result.clearedColumns!.columns).toHaveLength(7);
    expect(result.typedOver).toBeUndefined();
    const text = clearedColumnsText(result.clearedColumns!, "en");
    expect(text).toMatch(/^7 of the review's own columns have been emptied since the review of 2026-10-31 \(.*; .* and 2 more\)/);
    expect(text.split("; ")).toHaveLength(5);
    expect(clearedColumnsText(result.clearedColumns!, "zh")).toContain("，另有 2 列）");
  });

  test("one customer's cell, or a column only some rows of which are empty, is still typed over, cell by cell", () => {
    const { workbook, column } = reviewedOnce();
    const one = reviewWorkbook(typed(workbook, column, [[1, "recommendation", null]]), NOV).result;
    expect(one.clearedColumns).toBeUndefined();
    expect(one.typedOver!.count).toBe(1);
    const most = typed(
      workbook,
      column,
      [0, 1, 2].map((row) => [row, "nextReview", null] as [number, OutputField, null]),
    );
    const three = reviewWorkbook(most, NOV).result;
    expect(three.clearedColumns).toBeUndefined();
    expect(three.typedOver!.count).toBe(3);
  });

  test("a column the review left blank for everyone, still blank, is not said to be emptied", () => {
    const { workbook, column, first } = reviewedOnce();
    // No financials on the sheet: no customer has a Z-score.
    expect(first.customers.map((c) => c.zScore)).toEqual([undefined, undefined, undefined, undefined]);
    const { result } = reviewWorkbook(emptied(workbook, [column("zScore"), column("zZone")]), NOV);
    expect(result.clearedColumns).toBeUndefined();
    expect(result.typedOver).toBeUndefined();
  });

  test("a column emptied but on a customer's repeated rows, which the check leaves out: not emptied, the others' cells typed over", () => {
    const customers = sheet(5);
    customers[5][0] = "C100";
    customers[5][1] = "Customer 0";
    const { result: first, workbook } = reviewWorkbook({ customers }, OCT);
    const column = (field: OutputField) => first.layout.outputColumns[field];
    // Customer 0's two rows keep their recommendations; every other one is emptied.
    const edited = typed(
      workbook,
      column,
      [1, 2, 3].map((row) => [row, "recommendation", null] as [number, OutputField, null]),
    );
    expect(edited.customers[1][column("recommendation")]).not.toBeNull();
    const { result } = reviewWorkbook(edited, NOV);
    expect(result.clearedColumns).toBeUndefined();
    expect(result.typedOver!.cells.map((c) => [c.row, c.field, c.typed])).toEqual([
      [3, "recommendation", null],
      [4, "recommendation", null],
      [5, "recommendation", null],
    ]);
  });

  test("on a renamed sheet, against the history it was reviewed under: the emptied column said, a limit typed over still found", () => {
    const { workbook, column, first } = reviewedOnce();
    const edited = typed(emptied(workbook, [column("recommendation")]), column, [[1, "recommendedLimit", 12345]]);
    const { result } = reviewWorkbook(edited, NOV, "en", DEFAULT_POLICY, "Clients");
    expect(result.typedOver!.historySheet).toBe(CYCLE_SHEET);
    expect(result.typedOver!.cells.map((c) => [c.row, c.field, c.typed, c.written])).toEqual([
      [3, "recommendedLimit", 12345, first.customers[1].recommendedLimit],
    ]);
    expect(result.clearedColumns).toMatchObject({ historySheet: CYCLE_SHEET, all: false });
    expect(result.clearedColumns!.columns.map((c) => c.header)).toEqual(["Recommendation"]);
    expect(clearedColumnsText(result.clearedColumns!, "en")).toContain('since the review of 2026-10-31 of sheet "Customers"');
  });
});

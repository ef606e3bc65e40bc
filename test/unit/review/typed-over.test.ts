/**
 * The review's own output cells changed by hand between reviews: found against what the archive
 * says each review wrote, named with what they hold and what was written, and never confused
 * with a re-run, a back-dated review, a language switch or a spreadsheet's 15-digit rounding.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { Lang, message, translator } from "../../../src/engine/i18n";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { completePolicy } from "../../../src/engine/policy";
import { OutputField } from "../../../src/engine/review/fields";
import { ReviewResult } from "../../../src/engine/review/review";
import { typedOverCellTexts, typedOverText } from "../../../src/engine/review/texts";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { LISTED_TYPED_OVER } from "../../../src/engine/review/typed-over";
import { CYCLE_SHEET, CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { five, HEADERS, sheet, typed } from "../../support/typed-cells";
import { serial } from "../../support/review-grid";
import { summaryLabelRows, summaryLineRows } from "../../../src/engine/review/summary-sheet";

const OCT = serial("2026-10-31");
const NOV = serial("2026-11-30");

/** The workbook after a first review in `lang`, and where its output columns are. */
function reviewedOnce(lang: Lang = "en", count = 4) {
  const { result, workbook } = reviewWorkbook({ customers: sheet(count) }, OCT, lang);
  const column = (field: OutputField) => result.layout.outputColumns[field];
  return { workbook, column, first: result };
}

/** The workbook a month on, every customer's factors a point worse (at most 5): each grade and limit moves. */
function everyFactorUp(workbook: CycleWorkbook): CycleWorkbook {
  const customers = workbook.customers.map((line, r) =>
    r === 0 ? [...line] : [...line.slice(0, 2), ...five(Math.min(5, Number(line[2]) + 1)), ...line.slice(7)],
  );
  return { ...workbook, customers };
}

describe("typed-over output cells", () => {
  test("a re-review of an untouched sheet, the same day or a month on, in either language, finds none", () => {
    const { workbook } = reviewedOnce();
    expect(reviewWorkbook(workbook, OCT).result.typedOver).toBeUndefined();
    expect(reviewWorkbook(workbook, NOV).result.typedOver).toBeUndefined();
    expect(reviewWorkbook(workbook, NOV, "zh").result.typedOver).toBeUndefined();
    const zh = reviewedOnce("zh");
    expect(reviewWorkbook(zh.workbook, NOV, "en").result.typedOver).toBeUndefined();
  });

  test("a limit typed over, a score cleared, a grade overwritten: each named with what it holds and what was written", () => {
    const { workbook, column, first } = reviewedOnce();
    const limit = first.customers[0].recommendedLimit!;
    const edited = typed(workbook, column, [
      [0, "recommendedLimit", 123456],
      [1, "score", null],
      [2, "grade", "Low"],
      [3, "grade", "OK by CFO"],
    ]);
    const { result } = reviewWorkbook(edited, NOV);
    const over = result.typedOver!;
    expect(over.reviewDate).toBe(OCT);
    expect(over.count).toBe(4);
    expect(over.cells.map((c) => [c.row, c.column, c.field, c.customer, c.typed, c.written])).toEqual([
      [2, column("recommendedLimit"), "recommendedLimit", "Customer 0", 123456, limit],
      [3, column("score"), "score", "Customer 1", null, first.customers[1].score],
      [4, column("grade"), "grade", "Customer 2", "Low", first.customers[2].grade],
      [5, column("grade"), "grade", "Customer 3", "OK by CFO", first.customers[3].grade],
    ]);
    expect(first.customers[2].grade).toBe("medium");
    const text = typedOverText(over, CYCLE_SHEET, "en");
    expect(text).toMatch(/^4 cells of the review's own columns changed by hand since the review of 2026-10-31; /);
    expect(text).toContain("Customers!");
    expect(text).toContain(
      `Recommended limit of Customer 0: 123,456.00 (the review wrote ${limit.toLocaleString("en", { minimumFractionDigits: 2 })})`,
    );
    expect(text).toContain('Risk grade of Customer 2: "Low" (the review wrote Medium)');
    expect(text).toContain("Risk score of Customer 1: blank (the review wrote");
    const zh = typedOverText(over, CYCLE_SHEET, "zh");
    expect(zh).toMatch(/^自 2026年10月31日的审查以来，审查输出列中有 4 个单元格被手工改动/);
    // The column is named in the run's language, though an English run wrote "Risk grade" there.
    expect(zh).toContain("（Customer 2的风险等级）：“Low”（审查写入 中）");
    // Every face of the command line says so: the printed report and the JSON.
    expect(toTable(result, "en", "out.xlsx")).toContain(text);
    // And the pane, in the notice after the review (the write question lists it too: use-write-back.ts).
    expect(reviewedNotice(result).render(translator("zh"), "zh").lines).toContain(zh);
    // And the reviewed workbook's summary, the report that is forwarded: the count, then each cell as it held before being written again.
    for (const lang of ["en", "zh"] as const) {
      const summary = buildWritePlan(result, lang, { sheetNames: [CYCLE_SHEET] }).sheets.find((s) => s.kind === "summary")!;
      const lines = summary.blocks.flatMap((b) => b.values.map((line) => line.filter((v) => v !== null && v !== "")));
      const label = message(lang, "summary.typedOver", { date: lang === "en" ? "2026-10-31" : "2026年10月31日" });
      // The count beside the label's first line, the rest of a long label under it: a longer
      // label widened (or wrapped) all of column A and shrank the summary.
      const [first, ...more] = summaryLabelRows(label);
      expect(lines).toContainEqual([first, 4]);
      expect(summary.columns?.find((c) => c.column === 0)?.wrap).toBe(false);
      // Under the count, each cell's line, wrapped over rows within the figures' columns.
      const at = lines.findIndex((line) => line[0] === first) + more.length;
      expect(lines.slice(at + 1 - more.length, at + 1).map((line) => line[0])).toEqual(more);
      const cellLines = typedOverCellTexts(over, CYCLE_SHEET, lang);
      expect(cellLines).toHaveLength(4);
      const rows = cellLines.flatMap((line) => summaryLineRows(line));
      expect(lines.slice(at + 1, at + 1 + rows.length).map((line) => line[0])).toEqual(rows);
    }
    const json = toJson(result, "en", "out.xlsx").typedOver!;
    expect(json.count).toBe(4);
    expect(json.reviewDate).toBe("2026-10-31");
    expect(json.cells[2]).toEqual({
      cell: expect.stringMatching(/^[A-Z]+4$/),
      field: "grade",
      header: "Risk grade",
      customer: "Customer 2",
      typed: "Low",
      typedGrade: "low",
      written: "medium",
    });
    // A text that names no grade has none; the other columns give no typedGrade.
    expect(json.cells[3]).toMatchObject({ typed: "OK by CFO", typedGrade: null, written: first.customers[3].grade });
    expect(json.cells[0]).not.toHaveProperty("typedGrade");
  });

  test("once written again, the next review finds none", () => {
    const { workbook, column } = reviewedOnce();
    const edited = typed(workbook, column, [[0, "recommendedLimit", 1]]);
    const november = reviewWorkbook(edited, NOV);
    expect(november.result.typedOver?.count).toBe(1);
    expect(reviewWorkbook(november.workbook, serial("2026-12-31")).result.typedOver).toBeUndefined();
  });

  test("a number a hair off (another spreadsheet saving 15 significant digits) is the review's own", () => {
    const { workbook, column, first } = reviewedOnce();
    const score = first.customers[0].score!;
    const saved = score * (1 + 1e-14);
    expect(saved).not.toBe(score);
    expect(reviewWorkbook(typed(workbook, column, [[0, "score", saved]]), NOV).result.typedOver).toBeUndefined();
  });

  test("a back-dated review that wrote the sheet last is not taken for typing", () => {
    const { workbook } = reviewedOnce();
    const november = reviewWorkbook(workbook, NOV).workbook;
    // September run last: the sheet now holds September's values, the archive's latest is November's.
    const september = reviewWorkbook(november, serial("2026-09-30")).workbook;
    expect(reviewWorkbook(september, serial("2026-12-31")).result.typedOver).toBeUndefined();
  });

  test("an earlier review's value typed back over one customer (a downgrade undone by hand) is found against the review that wrote the sheet", () => {
    const { workbook, column } = reviewedOnce("en", 6);
    // November: every customer riskier, so every grade and limit differs from October's.
    const riskier = everyFactorUp(workbook);
    const november = reviewWorkbook(riskier, NOV);
    const october = reviewWorkbook(workbook, OCT).result.customers[2];
    const now = november.result.customers[2];
    expect(now.grade).not.toBe(october.grade);
    const undone = typed(november.workbook, column, [
      [2, "grade", october.grade === "low" ? "Low" : "Medium"],
      [2, "recommendedLimit", october.recommendedLimit],
    ]);
    const over = reviewWorkbook(undone, serial("2026-12-31")).result.typedOver!;
    expect(over.reviewDate).toBe(NOV);
    expect(over.cells.map((c) => [c.customer, c.field, c.written])).toEqual([
      ["Customer 2", "grade", now.grade],
      ["Customer 2", "recommendedLimit", now.recommendedLimit],
    ]);
  });

  test("a value typed back where the two reviews differ on that one customer only (a limit cut by a new overdue warning) is found", () => {
    const { workbook, column, first } = reviewedOnce();
    const DAYS = HEADERS.indexOf("Days past due");
    const overdue = workbook.customers.map((line, r) => (r === 1 ? line.map((v, c) => (c === DAYS ? 120 : v)) : [...line]));
    const november = reviewWorkbook({ ...workbook, customers: overdue }, NOV);
    const cut = november.result.customers[0].recommendedLimit;
    expect(cut).not.toBe(first.customers[0].recommendedLimit);
    const undone = typed(november.workbook, column, [[0, "recommendedLimit", first.customers[0].recommendedLimit]]);
    const over = reviewWorkbook(undone, serial("2026-12-31")).result.typedOver!;
    expect(over.reviewDate).toBe(NOV);
    expect(over.cells.map((c) => [c.customer, c.field, c.written])).toEqual([["Customer 0", "recommendedLimit", cut]]);
  });

  test.each([6, 1])("a grade the policy change moved, typed back with its limit on a sheet of %i, is found", (count) => {
    const { workbook, column } = reviewedOnce("en", count === 1 ? 4 : count);
    const sheetOf = count === 1 ? { ...workbook, customers: workbook.customers.filter((_, r) => r === 0 || r === 4) } : workbook;
    const at = count === 1 ? 0 : 3;
    const october = reviewWorkbook(sheetOf, OCT).result.customers[at];
    const tighter = completePolicy({ highFrom: 3 });
    const november = reviewWorkbook(sheetOf, NOV, "en", tighter);
    expect([october.grade, november.result.customers[at].grade]).toEqual(["medium", "high"]);
    const undone = typed(november.workbook, column, [
      [at, "grade", "Medium"],
      [at, "recommendedLimit", october.recommendedLimit],
    ]);
    const over = reviewWorkbook(undone, serial("2026-12-31"), "en", tighter).result.typedOver!;
    expect(over.cells.map((c) => c.field)).toEqual(["grade", "recommendedLimit"]);
  });

  test("a copy of the sheet restored from an earlier review is that review's, not typing; a cell typed over it still is", () => {
    const { workbook, column } = reviewedOnce("en", 6);
    const riskier = everyFactorUp(workbook);
    const november = reviewWorkbook(riskier, NOV).workbook;
    // October's customer sheet pasted back over November's; the archive keeps both reviews.
    const restored = { ...november, customers: workbook.customers.map((line) => [...line]) };
    expect(reviewWorkbook(restored, serial("2026-12-31")).result.typedOver).toBeUndefined();
    const edited = typed(restored, column, [[4, "recommendedLimit", 1]]);
    const over = reviewWorkbook(edited, serial("2026-12-31")).result.typedOver!;
    expect(over.reviewDate).toBe(OCT);
    expect(over.cells.map((c) => [c.customer, c.field, c.typed])).toEqual([["Customer 4", "recommendedLimit", 1]]);
  });

  test("a new row given an existing customer's id: neither row is asked (the archive cannot say which it wrote); the others still are", () => {
    const { workbook, column } = reviewedOnce();
    const newcomer = ["C101", "Zeta Mining", ...five(3), 50000, 10000, 0];
    const customers = [...workbook.customers.map((line) => [...line]), newcomer];
    const edited = typed({ ...workbook, customers }, column, [[3, "recommendedLimit", 7]]);
    const { result } = reviewWorkbook(edited, NOV);
    expect(result.customers.filter((c) => c.id === "C101").map((c) => c.errors.length > 0)).toEqual([true, true]);
    expect(result.typedOver!.cells.map((c) => [c.customer, c.field, c.typed])).toEqual([["Customer 3", "recommendedLimit", 7]]);
  });

  test("many cells: all counted, the first ones listed, the line names five and counts the rest", () => {
    const { workbook, column } = reviewedOnce("en", 30);
    const edits = Array.from({ length: 30 }, (_, i) => [i, "recommendedLimit", 1] as [number, OutputField, unknown]);
    const over = reviewWorkbook(typed(workbook, column, edits), NOV).result.typedOver!;
    expect(over.count).toBe(30);
    expect(over.cells).toHaveLength(LISTED_TYPED_OVER);
    expect(over.cells.map((c) => c.row)).toEqual(Array.from({ length: LISTED_TYPED_OVER }, (_, i) => i + 2));
    // The rest are each customer's in the archive: the line says where.
    expect(typedOverText(over, CYCLE_SHEET, "en")).toMatch(
      /Customer 4: 1\.00 \(the review wrote [\d,.]+\) and 25 more \(each customer's in the archive's "Typed over by hand" column\)$/,
    );
  });

  test("a customer with a data error last time, fixed now, is not taken for typing: its blanks and its grade cell's \"Data error\" were the review's", () => {
    const { workbook } = reviewedOnce();
    const broken = {
      ...workbook,
      customers: workbook.customers.map((line, r) => (r === 1 ? ["C100", "Customer 0", null, ...line.slice(3)] : [...line])),
    };
    const november = reviewWorkbook(broken, NOV);
    expect(november.result.customers[0].errors).not.toHaveLength(0);
    const fixed = {
      ...november.workbook,
      customers: november.workbook.customers.map((line, r) =>
        r === 1 ? [...line.slice(0, 2), 1.5, ...line.slice(3)] : [...line],
      ),
    };
    expect(reviewWorkbook(fixed, serial("2026-12-31")).result.typedOver).toBeUndefined();
  });

  test("a customer the last review did not write (gone then, back now with blank cells) is not asked", () => {
    const { workbook } = reviewedOnce();
    const without = { ...workbook, customers: workbook.customers.filter((_, r) => r !== 2) };
    const november = reviewWorkbook(without, NOV).workbook;
    const back = workbook.customers[2].map((v, c) => (c < HEADERS.length ? v : null));
    const customers = [...november.customers.slice(0, 2), back, ...november.customers.slice(2)];
    expect(reviewWorkbook({ ...november, customers }, serial("2026-12-31")).result.typedOver).toBeUndefined();
  });

  test("a field the archive has no column for is not asked (an older archive, a column deleted)", () => {
    const { workbook, column } = reviewedOnce();
    const limitAt = workbook.archive![0].indexOf("Recommended limit");
    expect(limitAt).toBeGreaterThan(0);
    const archive = workbook.archive!.map((line) => line.filter((_, c) => c !== limitAt));
    const edited = typed({ ...workbook, archive }, column, [[0, "score", 4.5]]);
    const over = reviewWorkbook(edited, NOV).result.typedOver!;
    expect(over.cells.map((c) => [c.field, c.typed])).toEqual([["score", 4.5]]);
  });

  test("a column whose header is no longer the review's is the user's: not asked", () => {
    const { workbook, column } = reviewedOnce();
    const edited = typed(workbook, column, [[0, "recommendedLimit", 1]]);
    edited.customers[0][column("recommendedLimit")] = "Approved limit";
    const result: ReviewResult = reviewWorkbook(edited, NOV).result;
    expect(result.typedOver).toBeUndefined();
  });
});

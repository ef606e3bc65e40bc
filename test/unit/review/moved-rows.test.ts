/**
 * Data moved under the review's own columns (an export pasted over the data columns with a
 * customer more or less, a sort of those columns alone) is not typing: no cell is said typed over
 * by hand nor archived as such, and every face says once why those rows' cells change. And a
 * renamed customer sheet's cells are checked against the history it was reviewed under.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { Lang, message, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { ARCHIVE_FIELDS } from "../../../src/engine/review/archive";
import { OutputField } from "../../../src/engine/review/fields";
import { ReviewResult } from "../../../src/engine/review/review";
import { movedRowsText, responseCounts, responsesLeftBehindText, typedOverText } from "../../../src/engine/review/texts";
import { summaryLineRows } from "../../../src/engine/review/summary-sheet";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { CYCLE_SHEET, CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { Grid, serial } from "../../support/review-grid";
import { dataPasted, dataRows, five, sheet, typed } from "../../support/typed-cells";

const OCT = serial("2026-10-31");
const NOV = serial("2026-11-30");
const DEC = serial("2026-12-31");
const TYPED_AT = ARCHIVE_FIELDS.indexOf("typedOver");
const NEWCOMER = ["C200", "Newcomer", ...five(2), 100000, 40000, 0];

/** Six customers reviewed in October: scores 1.5 to 4, so no two wrote the same cells. */
function reviewedInOctober(lang: Lang = "en", sheetName = CYCLE_SHEET) {
  const { result, workbook } = reviewWorkbook({ customers: sheet(6) }, OCT, lang, DEFAULT_POLICY, sheetName);
  return { workbook, first: result, column: (field: OutputField) => result.layout.outputColumns[field] };
}

/** The data rows with `line` inserted before the 0-based `at`, as an export in id order brings a new customer. */
const inserted = (workbook: CycleWorkbook, at: number, line: Grid[number]) => {
  const rows = dataRows(workbook);
  return dataPasted(workbook, [...rows.slice(0, at), line, ...rows.slice(at)]);
};

/** The archive's rows of a review date as [customer id, typed over by hand]. */
const typedOverRows = (archive: Grid | undefined, date: number) =>
  (archive ?? []).filter((line) => line[0] === date).map((line) => [line[2], line[TYPED_AT] ?? null]);

/** The summary sheet's lines, blanks left out. */
function summaryLines(result: ReviewResult, lang: Lang) {
  const summary = buildWritePlan(result, lang, { sheetNames: [result.sheet] }).sheets.find((s) => s.kind === "summary")!;
  return summary.blocks.flatMap((b) => b.values.map((line) => line.filter((v) => v !== null && v !== "")));
}

describe("data moved under the review's columns", () => {
  test("a customer inserted in the middle: no cell typed over, none archived so; every face says why the rows below change, in English and Chinese", () => {
    const { workbook } = reviewedInOctober();
    const { result, workbook: november } = reviewWorkbook(inserted(workbook, 2, NEWCOMER), NOV);
    expect(result.typedOver).toBeUndefined();
    // The newcomer's row 4 (Customer 2's cells), Customers 2 to 4 on rows 5 to 7 (the cells of the
    // customer above), and Customer 5 pushed onto row 8, which the review never wrote.
    expect(result.movedRows).toEqual({ reviewDate: OCT, historySheet: undefined, count: 5, rows: [4, 5, 6, 7, 8] });
    expect(typedOverRows(november.archive, NOV)).toEqual(
      ["C100", "C101", "C200", "C102", "C103", "C104", "C105"].map((id) => [id, null]),
    );

    const en = movedRowsText(result.movedRows!, "en");
    expect(en).toBe(
      "5 rows moved since the review of 2026-10-31 (rows 4–8). The customer sheet's data moved under the review's columns (rows inserted, deleted or sorted in its data columns alone, or with only some of the review's columns): each row held another customer's results, or none, and is written for the customer now on it; nothing was typed over by hand there",
    );
    const zh = movedRowsText(result.movedRows!, "zh");
    expect(zh).toBe(
      "自 2026年10月31日的审查以来，有 5 行发生了移动（第 4–8 行）。客户表的数据在审查输出列下移动了（仅在数据列中插入、删除或排序了行，或排序时只选中了部分审查列）：这些行原有的是其他客户的审查结果（或为空白），现按现在所在的客户重新写入；并非手工改动",
    );
    expect(toTable(result, "en", "out.xlsx")).toContain(en);
    expect(toTable(result, "zh", "out.xlsx")).toContain(zh);
    expect(toJson(result, "en", "out.xlsx").movedRows).toEqual({
      reviewDate: "2026-10-31",
      historySheet: null,
      count: 5,
      rows: [4, 5, 6, 7, 8],
      text: en,
    });
    expect(toJson(result, "en", "out.xlsx").typedOver).toBeNull();
    expect(toJson(result, "en", "out.xlsx").responsesLeftBehind).toBeNull();
    expect(reviewedNotice(result).render(translator("zh"), "zh").lines).toContain(zh);
    expect(reviewedNotice(result).render(translator("en"), "en").lines).toContain(en);
    for (const lang of ["en", "zh"] as const) {
      // The count, then why those rows' cells change, wrapped over rows within the figures' columns.
      const label = message(lang, "summary.movedRows", { date: lang === "en" ? "2026-10-31" : "2026年10月31日" });
      const lines = summaryLines(result, lang);
      const at = lines.findIndex((line) => line[0] === label);
      expect(lines[at]).toEqual([label, 5]);
      // Which rows, under the count.
      expect(lines[at + 1]).toEqual([lang === "en" ? "Rows 4–8" : "第 4–8 行"]);
      const why = summaryLineRows(message(lang, "review.movedRowsWhy"));
      expect(why.length).toBeGreaterThan(1);
      expect(lines.slice(at + 2, at + 2 + why.length)).toEqual(why.map((row) => [row]));
    }

    // Written for the customers now on them: the next review finds nothing moved nor typed.
    const december = reviewWorkbook(november, DEC).result;
    expect([december.typedOver, december.movedRows]).toEqual([undefined, undefined]);
  });

  test("a customer deleted from the middle: the rows below hold the cells of the customer that was above them; none is typed over", () => {
    const { workbook } = reviewedInOctober();
    const rows = dataRows(workbook);
    const { result, workbook: november } = reviewWorkbook(dataPasted(workbook, [...rows.slice(0, 2), ...rows.slice(3)]), NOV);
    expect(result.typedOver).toBeUndefined();
    // Customers 3 to 5 on rows 4 to 6; row 7 keeps Customer 5's cells beside no customer, and is cleared.
    expect(result.movedRows?.count).toBe(3);
    expect(typedOverRows(november.archive, NOV)).toEqual(["C100", "C101", "C103", "C104", "C105"].map((id) => [id, null]));
    expect(november.customers[6].every((v) => v === null)).toBe(true);
  });

  test("a cell typed over on a row the move left in place is still found and archived, beside the moved rows", () => {
    const { workbook, column, first } = reviewedInOctober();
    const edited = typed(inserted(workbook, 3, NEWCOMER), column, [
      [0, "recommendedLimit", 1],
      [1, "grade", "High"],
    ]);
    const { result, workbook: november } = reviewWorkbook(edited, NOV);
    expect(result.typedOver!.cells.map((c) => [c.row, c.customer, c.field, c.typed])).toEqual([
      [2, "Customer 0", "recommendedLimit", 1],
      [3, "Customer 1", "grade", "High"],
    ]);
    expect(result.movedRows?.count).toBe(4);
    const limit = first.customers[0].recommendedLimit!.toLocaleString("en", { minimumFractionDigits: 2 });
    expect(typedOverRows(november.archive, NOV)).toEqual([
      ["C100", `Recommended limit: 1.00 (the review of 2026-10-31 wrote ${limit})`],
      ["C101", 'Risk grade: "High" (the review of 2026-10-31 wrote Low)'],
      ...["C102", "C200", "C103", "C104", "C105"].map((id) => [id, null]),
    ]);
    // Both said, each once: the typed cells and the moved rows.
    const table = toTable(result, "en", "out.xlsx");
    expect(table).toContain(typedOverText(result.typedOver!, CYCLE_SHEET, "en"));
    expect(table.split(movedRowsText(result.movedRows!, "en"))).toHaveLength(2);
  });

  test("a note typed on a row the move pushed down is that cell alone: the row is still moved, its other cells not said typed over", () => {
    const { workbook, column } = reviewedInOctober();
    // A customer inserted above: row 6 holds Customer 3's data beside the cells the review wrote for
    // Customer 4 there, and a note is typed in its Recommendation.
    const edited = typed(inserted(workbook, 2, NEWCOMER), column, [[4, "recommendation", "Committee note 2"]]);
    const { result, workbook: november } = reviewWorkbook(edited, NOV);
    expect(result.typedOver!.cells.map((c) => [c.row, c.customer, c.field, c.typed])).toEqual([
      [6, "Customer 3", "recommendation", "Committee note 2"],
    ]);
    expect(result.movedRows?.count).toBe(5);
    const record = typedOverRows(november.archive, NOV);
    expect(record.filter(([, text]) => text !== null)).toEqual([
      ["C103", expect.stringMatching(/^Recommendation: "Committee note 2"/)],
    ]);
  });

  test("another customer's cells pasted over a row, that customer still holding its own: typed over, not moved", () => {
    const { workbook, column, first } = reviewedInOctober();
    const c3 = first.customers[3];
    const pasted = typed(workbook, column, [
      [1, "score", c3.score],
      [1, "grade", "Medium"],
      [1, "zScore", null],
      [1, "recommendedLimit", c3.recommendedLimit],
    ]);
    const { result } = reviewWorkbook(pasted, NOV);
    expect(result.movedRows).toBeUndefined();
    expect(c3.grade).toBe("medium");
    expect(result.typedOver!.cells.map((c) => [c.customer, c.field, c.typed])).toEqual([
      ["Customer 1", "score", c3.score],
      ["Customer 1", "grade", "Medium"],
      ["Customer 1", "recommendedLimit", c3.recommendedLimit],
    ]);
  });

  test("a customer's id and name both typed over on its row: one customer added and one gone, no row moved", () => {
    const { workbook } = reviewedInOctober();
    const rows = dataRows(workbook);
    const replaced = dataPasted(
      workbook,
      rows.map((line, r) => (r === 1 ? ["C999", "Someone Else", ...line.slice(2)] : line)),
    );
    const { result } = reviewWorkbook(replaced, NOV);
    expect([result.movedRows, result.typedOver]).toEqual([undefined, undefined]);
    expect(result.changes!.added.map((c) => c.id)).toEqual(["C999"]);
    expect(result.changes!.gone.map((c) => c.id)).toEqual(["C101"]);
  });

  test("a newcomer inserted on the row of a customer still on the sheet, one at the end gone: every row below moved", () => {
    const { workbook } = reviewedInOctober();
    const rows = dataRows(workbook);
    const { result } = reviewWorkbook(dataPasted(workbook, [rows[0], NEWCOMER, ...rows.slice(1, 5)]), NOV);
    // The newcomer on Customer 1's row, Customers 1 to 4 a row down; Customer 5 gone.
    expect(result.movedRows?.count).toBe(5);
    expect(result.typedOver).toBeUndefined();
  });

  test("a sort of whole rows takes the review's cells along: nothing moved under them, nothing typed", () => {
    const { workbook } = reviewedInOctober();
    const sorted = { ...workbook, customers: [workbook.customers[0], ...workbook.customers.slice(1).reverse()] };
    const { result } = reviewWorkbook(sorted, NOV);
    expect([result.typedOver, result.movedRows]).toEqual([undefined, undefined]);
  });

  test("a sort of the data columns alone moves every row under the review's columns: none typed over", () => {
    const { workbook } = reviewedInOctober();
    const { result } = reviewWorkbook(dataPasted(workbook, dataRows(workbook).reverse()), NOV);
    expect(result.typedOver).toBeUndefined();
    expect(result.movedRows?.count).toBe(6);
  });

  test("with nothing moved, the last customer's cells cleared by hand are typed over, not taken for a row pushed down", () => {
    const { workbook, column } = reviewedInOctober();
    const cleared = typed(workbook, column, [
      [5, "score", null],
      [5, "grade", null],
      [5, "zScore", null],
      [5, "recommendedLimit", null],
    ]);
    const { result } = reviewWorkbook(cleared, NOV);
    expect(result.movedRows).toBeUndefined();
    // The Z-score was blank (no financial statements): clearing it changed nothing.
    expect(result.typedOver!.cells.map((c) => [c.customer, c.field, c.typed])).toEqual([
      ["Customer 5", "score", null],
      ["Customer 5", "grade", null],
      ["Customer 5", "recommendedLimit", null],
    ]);
  });

  test("two customers alike in score, grade and limit swapped in the data columns moved, though each row's kept fields are also its own's", () => {
    // Customers 0 and 7 score alike (1.5 on every factor); customer 7's balance differs, so its other columns do.
    const customers = sheet(8);
    customers[8][8] = 60000;
    const { result: first, workbook } = reviewWorkbook({ customers }, OCT);
    const [a, b] = [first.customers[0], first.customers[7]];
    expect([a.score, a.grade, a.recommendedLimit]).toEqual([b.score, b.grade, b.recommendedLimit]);
    expect(a.utilisation).not.toBe(b.utilisation);
    const rows = dataRows(workbook);
    const { result } = reviewWorkbook(dataPasted(workbook, [rows[7], ...rows.slice(1, 7), rows[0]]), NOV);
    expect(result.movedRows?.count).toBe(2);
    expect(result.typedOver).toBeUndefined();
  });
});

describe("an Action taken column the data moved away from", () => {
  test("a response left beside another customer is named with its row, and counted for neither", () => {
    const { workbook } = reviewedInOctober();
    // November: the team's responses to October's High customers (4 and 5) in a column after the review's.
    const withColumn = workbook.customers.map((line, r) => [...line, r === 0 ? "Action taken" : null]);
    withColumn[5][withColumn[0].length - 1] = "Prepayment agreed 11-05";
    withColumn[6][withColumn[0].length - 1] = "Guarantee requested";
    const november = reviewWorkbook({ ...workbook, customers: withColumn }, NOV).workbook;
    // December: customers 4 and 5 swapped in the data columns alone; the Action taken column stays.
    const rows = dataRows(november);
    const { result } = reviewWorkbook(dataPasted(november, [...rows.slice(0, 4), rows[5], rows[4]]), DEC);
    expect(result.movedRows).toMatchObject({ count: 2, rows: [6, 7] });
    expect(result.responsesLeftBehind).toEqual({ reviewDate: NOV, historySheet: undefined, rows: [6, 7] });
    expect(result.typedOver).toBeUndefined();
    const responses = result.changes!.responses!;
    expect(responses.customers.map((c) => [c.name, c.response])).toEqual([
      ["Customer 5", undefined],
      ["Customer 4", undefined],
    ]);
    expect(responses.responded).toBe(0);
    const en = responsesLeftBehindText(result.responsesLeftBehind!, "en");
    expect(en).toBe(
      'The "Action taken" text on rows 6, 7 is the response recorded at the review of 2026-11-30 for the customer then on the row: the column did not move with the rows (they were sorted or moved without it), so it is not counted as the response of the customer now beside it; sort whole rows, the "Action taken" column with them, or move each response to its customer\'s row',
    );
    const zh = responsesLeftBehindText(result.responsesLeftBehind!, "zh");
    expect(zh).toBe(
      "第 6、7 行的“已采取措施”仍是 2026年11月30日审查时该行原客户的处理措施：该列未随行一起移动（排序或移动时未包含该列），不计为现在所在客户的处理措施；请按整行排序（包括“已采取措施”列），或把每条处理措施移到其客户所在的行",
    );
    // Every face says it, after the rows moved.
    expect(toTable(result, "en", "out.xlsx")).toContain(en);
    expect(reviewedNotice(result).render(translator("zh"), "zh").lines).toContain(zh);
    expect(toJson(result, "en", "out.xlsx").responsesLeftBehind).toEqual({
      reviewDate: "2026-11-30",
      historySheet: null,
      rows: [6, 7],
      text: en,
    });
    // On the summary sheet, under the rows moved and why, wrapped as its lines are.
    const lines = summaryLines(result, "en");
    const why = summaryLineRows(message("en", "review.movedRowsWhy"));
    const at = lines.findIndex((line) => line[0] === why[0]) + why.length;
    const left = summaryLineRows(en);
    expect(left[0]).toMatch(/^The "Action taken" text on rows 6, 7 is the response/);
    expect(lines.slice(at, at + left.length)).toEqual(left.map((row) => [row]));
  });

  /** November's workbook with Customers 4 and 5's responses in a column after the review's, and its archive. */
  function answeredInNovember() {
    const { workbook } = reviewedInOctober();
    const withColumn = workbook.customers.map((line, r) => [...line, r === 0 ? "Action taken" : null]);
    withColumn[5][withColumn[0].length - 1] = "Prepayment agreed 11-05";
    withColumn[6][withColumn[0].length - 1] = "Guarantee requested";
    return reviewWorkbook({ ...workbook, customers: withColumn }, NOV).workbook;
  }

  test("left where it is, a response left behind stays no one's the month after; a response typed over it is its customer's", () => {
    const november = answeredInNovember();
    const rows = dataRows(november);
    const december = reviewWorkbook(dataPasted(november, [...rows.slice(0, 4), rows[5], rows[4]]), DEC);
    expect(december.result.foreignResponses).toEqual([6, 7]);
    // The archive keeps the sheet's text, marked as another customer's.
    const check = ARCHIVE_FIELDS.indexOf("outputCheck");
    const decemberRows = december.workbook.archive!.filter((line) => line[0] === DEC);
    expect(decemberRows.map((line) => String(line[check]).endsWith("/!"))).toEqual([false, false, false, false, true, true]);
    // January: nothing touched. No move now, and neither text is its neighbour's response.
    const january = reviewWorkbook(december.workbook, serial("2027-01-31"));
    expect(january.result.movedRows).toBeUndefined();
    expect(january.result.foreignResponses).toEqual([6, 7]);
    expect(january.result.changes!.responses!.customers.map((c) => [c.name, c.response])).toEqual([
      ["Customer 5", undefined],
      ["Customer 4", undefined],
    ]);
    expect(responseCounts(january.result.changes!.responses!, "en").help).toBe(
      "The \"Action taken\" text on rows 6, 7 is another customer's response, left there when the data moved without the column: counted for no one; write each customer's own response on its row",
    );
    expect(responseCounts(january.result.changes!.responses!, "zh").help).toBe(
      "第 6、7 行的“已采取措施”是其他客户的处理措施（数据移动时该列未随之移动）：不计入任何客户；请在每位客户所在行填写其自己的处理措施",
    );
    // February: the team writes Customer 5's response over the one left beside it: its own.
    const actionAt = january.workbook.customers[0].indexOf("Action taken");
    const answered = january.workbook.customers.map((line) => [...line]);
    answered[5][actionAt] = "Prepayment received 02-10";
    const february = reviewWorkbook({ ...january.workbook, customers: answered }, serial("2027-02-28")).result;
    expect(february.foreignResponses).toEqual([7]);
    expect(february.changes!.responses!.customers.map((c) => [c.name, c.response])).toEqual([
      ["Customer 5", "Prepayment received 02-10"],
      ["Customer 4", undefined],
    ]);
  });

  test("with an archive whose checks an earlier version wrote, the responses left behind are not read back from it either", () => {
    const november = answeredInNovember();
    const check = ARCHIVE_FIELDS.indexOf("outputCheck");
    const archive = november.archive!.map((line, r) =>
      r === 0 ? line : line.map((v, c) => (c === check ? String(v).slice(0, String(v).lastIndexOf("/")) : v)),
    );
    const rows = dataRows(november);
    const { result } = reviewWorkbook({ ...dataPasted(november, [...rows.slice(0, 4), rows[5], rows[4]]), archive }, DEC);
    expect(result.responsesLeftBehind?.rows).toEqual([6, 7]);
    const responses = result.changes!.responses!;
    expect(responses.customers.map((c) => [c.name, c.response, c.archiveRow])).toEqual([
      ["Customer 5", undefined, undefined],
      ["Customer 4", undefined, undefined],
    ]);
  });

  test("whole rows sorted but for the Action taken column (a filter set before it was added): the responses left behind are found, named and counted for neither", () => {
    const november = answeredInNovember();
    // December: Customers 4 and 5 swapped with every column of theirs and of the review's, the
    // Action taken column (the last) left where it was.
    const actionAt = november.customers[0].length - 1;
    const swapped = november.customers.map((line, r) =>
      r === 5 || r === 6 ? [...november.customers[r === 5 ? 6 : 5].slice(0, actionAt), line[actionAt]] : line,
    );
    const { result, workbook } = reviewWorkbook({ ...november, customers: swapped }, DEC);
    // Each row holds its own customer's review cells: nothing moved under them, nothing typed.
    expect([result.movedRows, result.typedOver]).toEqual([undefined, undefined]);
    expect(result.responsesLeftBehind).toEqual({ reviewDate: NOV, historySheet: undefined, rows: [6, 7] });
    expect(result.foreignResponses).toEqual([6, 7]);
    expect(result.changes!.responses!.customers.map((c) => [c.name, c.response])).toEqual([
      ["Customer 5", undefined],
      ["Customer 4", undefined],
    ]);
    expect(result.changes!.responses!.responded).toBe(0);
    expect(toTable(result, "en", "out.xlsx")).toContain(responsesLeftBehindText(result.responsesLeftBehind!, "en"));
    // The archive marks both texts as another customer's: January, untouched, still credits neither.
    const january = reviewWorkbook(workbook, serial("2027-01-31")).result;
    expect(january.foreignResponses).toEqual([6, 7]);
    expect(january.changes!.responses!.responded).toBe(0);
  });

  test("the review run again on its date keeps the responses left behind no one's, and so does the month after", () => {
    const november = answeredInNovember();
    const at = november.customers[0].length - 1;
    const swapped = november.customers.map((line, r) =>
      r === 5 || r === 6 ? [...november.customers[r === 5 ? 6 : 5].slice(0, at), line[at]] : line,
    );
    const first = reviewWorkbook({ ...november, customers: swapped }, DEC);
    expect(first.result.foreignResponses).toEqual([6, 7]);
    // Run again on 2026-12-31: the sheet is the first run's, nothing moved since; the marks it archived say it.
    const again = reviewWorkbook(first.workbook, DEC);
    expect(again.result.foreignResponses).toEqual([6, 7]);
    expect(again.result.changes!.responses!.responded).toBe(0);
    const january = reviewWorkbook(again.workbook, serial("2027-01-31")).result;
    expect(january.foreignResponses).toEqual([6, 7]);
  });

  test("whole rows sorted with the Action taken column: each response stays its customer's", () => {
    const november = answeredInNovember();
    const swapped = november.customers.map((line, r) =>
      r === 5 ? november.customers[6] : r === 6 ? november.customers[5] : line,
    );
    const { result } = reviewWorkbook({ ...november, customers: swapped }, DEC);
    expect([result.movedRows, result.responsesLeftBehind, result.foreignResponses]).toEqual([undefined, undefined, undefined]);
    expect(result.changes!.responses!.responded).toBe(2);
  });

  test("whole rows sorted with the Action taken column, each response a step further: one happening to be its new neighbour's last month is no response left behind", () => {
    const { workbook } = reviewedInOctober();
    const withColumn = workbook.customers.map((line, r) => [...line, r === 0 ? "Action taken" : null]);
    const at = withColumn[0].length - 1;
    [withColumn[4][at], withColumn[5][at], withColumn[6][at]] = ["Reminder sent", "Call made", "Final notice"];
    const november = reviewWorkbook({ ...workbook, customers: withColumn }, NOV).workbook;
    // December: each response escalated one step, then the whole sheet sorted, Customers 5, 3, 4 on rows 5 to 7.
    const escalated = november.customers.map((line) => [...line]);
    [escalated[4][at], escalated[5][at], escalated[6][at]] = ["Call made", "Final notice", "Legal action"];
    const sorted = escalated.map((line, r) => (r === 4 ? escalated[6] : r === 5 ? escalated[4] : r === 6 ? escalated[5] : line));
    const { result } = reviewWorkbook({ ...november, customers: sorted }, DEC);
    expect([result.movedRows, result.responsesLeftBehind, result.foreignResponses]).toEqual([undefined, undefined, undefined]);
  });

  test("a customer's row deleted and a newcomer added below: the rows between shift, and a phrase the customer before had is no response left behind", () => {
    const { workbook } = reviewedInOctober();
    const withColumn = workbook.customers.map((line, r) => [...line, r === 0 ? "Action taken" : null]);
    const at = withColumn[0].length - 1;
    withColumn[5][at] = "Reminder sent";
    withColumn[6][at] = "Guarantee requested";
    const november = reviewWorkbook({ ...workbook, customers: withColumn }, NOV).workbook;
    const december = november.customers.map((line) => [...line]);
    december.splice(5, 1);
    december[5][at] = "Reminder sent";
    december.push([...NEWCOMER, ...new Array(december[0].length - NEWCOMER.length).fill(null)]);
    december[6][at] = "Guarantee requested";
    const { result } = reviewWorkbook({ ...november, customers: december }, DEC);
    expect([result.responsesLeftBehind, result.foreignResponses]).toEqual([undefined, undefined]);
  });

  test("every customer with the same standard phrase, whole rows sorted: the phrase says nothing of which way the column went", () => {
    const { workbook } = reviewedInOctober();
    const withColumn = workbook.customers.map((line, r) => [...line, r === 0 ? "Action taken" : "Reminder sent"]);
    const november = reviewWorkbook({ ...workbook, customers: withColumn }, NOV).workbook;
    const [header, ...rows] = november.customers;
    const at = header.length - 1;
    // The data and the review's columns reversed, the Action taken column left where it was: all alike anyway.
    const reversed = rows.map((line, r) => [...rows[rows.length - 1 - r].slice(0, at), line[at]]);
    const { result } = reviewWorkbook({ ...november, customers: [header, ...reversed] }, DEC);
    expect([result.responsesLeftBehind, result.foreignResponses]).toEqual([undefined, undefined]);
    expect(result.changes!.responses!.responded).toBe(result.changes!.responses!.customers.length);
  });

  test("an Action taken column that moved with the data: a standard phrase two customers share is no response left behind", () => {
    // The column among the data columns, so a sort of the data columns takes it along.
    const customers = sheet(6).map((line, r) => [...line, r === 0 ? "Action taken" : null]);
    const data = customers[0].length;
    const { workbook } = reviewWorkbook({ customers }, OCT);
    const answered = workbook.customers.map((line) => [...line]);
    answered[5][data - 1] = "Legal action started";
    answered[6][data - 1] = "Reminder sent";
    const november = reviewWorkbook({ ...workbook, customers: answered }, NOV).workbook;
    // December: Customer 5 escalated to the same words as Customer 4's; then the two swapped in the data columns.
    const escalated = november.customers.map((line) => [...line]);
    escalated[6][data - 1] = "Legal action started";
    const swapped = escalated.map((line, r) =>
      r === 5
        ? [...escalated[6].slice(0, data), ...line.slice(data)]
        : r === 6
          ? [...escalated[5].slice(0, data), ...line.slice(data)]
          : line,
    );
    const { result } = reviewWorkbook({ ...november, customers: swapped }, DEC);
    expect(result.movedRows?.count).toBe(2);
    expect(result.responsesLeftBehind).toBeUndefined();
    expect(result.changes!.responses!.customers.map((c) => [c.name, c.response, c.unchanged])).toEqual([
      ["Customer 5", "Legal action started", false],
      ["Customer 4", "Legal action started", true],
    ]);
  });
});

describe("a sort of the data columns with part of the review's columns", () => {
  /** The customer rows reversed in their first `upTo` columns, the rest left where they were (Excel's "continue with the current selection"). */
  function sortedUpTo(workbook: CycleWorkbook, upTo: number): CycleWorkbook {
    const rows = workbook.customers.slice(1);
    const reversed = [...rows].reverse();
    return {
      ...workbook,
      customers: [workbook.customers[0], ...rows.map((line, r) => [...reversed[r].slice(0, upTo), ...line.slice(upTo)])],
    };
  }

  test.each<[string, OutputField]>([
    ["the score, its points and the grade", "grade"],
    ["every column up to the recommended limit (the checked ones)", "recommendedLimit"],
    ["every column up to the monitoring", "monitoring"],
  ])("taking %s along: every row that changed moved, none typed over, none archived so", (_, last) => {
    const { workbook, column } = reviewedInOctober();
    const sorted = sortedUpTo(workbook, column(last) + 1);
    // Rows not holding their own customer's review cells: one alike in the columns left behind with the customer that stood on its row (two Medium) holds its own.
    const own = new Map(workbook.customers.map((line) => [line[0], line]));
    const changed = sorted.customers.filter((line) => line.some((v, c) => c >= column("score") && v !== own.get(line[0])![c]));
    expect(changed.length).toBeGreaterThanOrEqual(4);
    const { result, workbook: november } = reviewWorkbook(sorted, NOV);
    expect(result.typedOver).toBeUndefined();
    // The rows that changed, by their place on the sheet (the data's first row under the header on row 1).
    const changedRows = changed.map((line) => sorted.customers.indexOf(line) + 1).sort((a, b) => a - b);
    expect(result.movedRows).toEqual({ reviewDate: OCT, historySheet: undefined, count: changed.length, rows: changedRows });
    expect(typedOverRows(november.archive, NOV).every(([, typedOver]) => typedOver === null)).toBe(true);
  });

  test.each<[string, number, OutputField, string | number, number]>([
    // Customer 3's row held its own before the typing (the Medium customer before it left its cells alike behind).
    ["on a row that held its own", 2, "grade", "Low", 5],
    // Low is what the review wrote for Customer 0, whose cells stayed on Customer 5's row: typed all the same.
    ["on a moved row, the value its customer then had there", 0, "grade", "Low", 4],
    // A limit is among the cells the sort left behind: that cell alone is typed, not the others left behind with it.
    ["on a moved row, in a column the sort left behind", 0, "recommendedLimit", 5000, 4],
  ])("a value typed over besides is found, alone, %s", (_, row, field, value, movedCount) => {
    const { workbook, column, first } = reviewedInOctober();
    const sorted = typed(sortedUpTo(workbook, column("grade") + 1), column, [[row, field, value]]);
    const { result } = reviewWorkbook(sorted, NOV);
    expect(result.movedRows?.count).toBe(movedCount);
    const customer = sorted.customers[row + 1][1];
    // What the review wrote in that cell: for its customer before the sort's last column, for the customer then on the row after it.
    const wroteFor = column(field) <= column("grade") ? first.customers.find((c) => c.name === customer)! : first.customers[row];
    const wrote = field === "grade" ? wroteFor.grade : wroteFor.recommendedLimit;
    expect(result.typedOver!.cells.map((c) => [c.customer, c.field, c.typed, c.written])).toEqual([
      [customer, field, value, wrote],
    ]);
  });

  test("not when a customer was added since: where each row's customer was then is not known", () => {
    const { workbook, column } = reviewedInOctober();
    const grown = { ...workbook, customers: [...workbook.customers, [...NEWCOMER]] };
    const { result } = reviewWorkbook(sortedUpTo(grown, column("grade") + 1), NOV);
    expect(result.typedOver?.count).toBeGreaterThan(0);
  });
});

describe("a renamed customer sheet", () => {
  test("its cells are checked against the history it was reviewed under, named in English and Chinese, and kept in its own archive rows", () => {
    const { workbook, column, first } = reviewedInOctober();
    const { result, workbook: november } = reviewWorkbook(
      typed(workbook, column, [[1, "score", 9]]),
      NOV,
      "en",
      DEFAULT_POLICY,
      "Debtors",
    );
    expect(result.changes?.otherSheets).toEqual([CYCLE_SHEET]);
    const over = result.typedOver!;
    expect([over.reviewDate, over.historySheet, over.count]).toEqual([OCT, CYCLE_SHEET, 1]);
    expect(over.cells.map((c) => [c.customer, c.typed, c.written])).toEqual([["Customer 1", 9, first.customers[1].score]]);
    expect(typedOverText(over, "Debtors", "en")).toMatch(
      /^1 cell of the review's own columns changed by hand since the review of 2026-10-31 of sheet "Customers"; .*Debtors!\w+3 Risk score of Customer 1: 9\.00 \(the review wrote 2\.00\)$/,
    );
    expect(typedOverText(over, "Debtors", "zh")).toMatch(
      /^自 2026年10月31日（工作表“Customers”）的审查以来，审查输出列中有 1 个单元格被手工改动/,
    );
    expect(toJson(result, "en", "out.xlsx").typedOver).toMatchObject({ historySheet: CYCLE_SHEET, count: 1 });
    const rows = november.archive!.filter((line) => line[0] === NOV);
    expect(rows.map((line) => [line[ARCHIVE_FIELDS.indexOf("sheet")], line[2], line[TYPED_AT] ?? null])).toEqual([
      ["Debtors", "C100", null],
      ["Debtors", "C101", "Risk score: 9.00 (the review of 2026-10-31 wrote 2.00)"],
      ...["C102", "C103", "C104", "C105"].map((id) => ["Debtors", id, null]),
    ]);
    // From its first review on, it has a history of its own.
    const december = reviewWorkbook(november, DEC, "en", DEFAULT_POLICY, "Debtors").result;
    expect(december.typedOver).toBeUndefined();
  });

  test("beside another portfolio's reviews (same ids, other values), it is checked against the sheet it was, not the other", () => {
    const { workbook, column } = reviewedInOctober();
    const exportSheet = sheet(6).map((line, r) => (r === 0 ? line : [...line.slice(0, 2), ...five(4.5), ...line.slice(7)]));
    const both = reviewWorkbook({ customers: exportSheet, archive: workbook.archive }, OCT, "en", DEFAULT_POLICY, "Export");
    const renamed = typed({ ...workbook, archive: both.workbook.archive }, column, [[4, "recommendedLimit", 7]]);
    const over = reviewWorkbook(renamed, NOV, "en", DEFAULT_POLICY, "Debtors").result.typedOver!;
    expect(over.historySheet).toBe(CYCLE_SHEET);
    expect(over.cells.map((c) => [c.customer, c.field, c.typed])).toEqual([["Customer 4", "recommendedLimit", 7]]);
  });

  test("cells most of which no archived sheet's review wrote are not checked against one", () => {
    const { workbook, column } = reviewedInOctober();
    const edits = Array.from({ length: 4 }, (_, i) => [i, "recommendedLimit", 1] as [number, OutputField, unknown]);
    const result = reviewWorkbook(typed(workbook, column, edits), NOV, "en", DEFAULT_POLICY, "Debtors").result;
    expect([result.typedOver, result.movedRows]).toEqual([undefined, undefined]);
    // Fewer than half of them typed over: checked.
    const few = reviewWorkbook(typed(workbook, column, edits.slice(0, 2)), NOV, "en", DEFAULT_POLICY, "Debtors").result;
    expect(few.typedOver?.count).toBe(2);
  });
});

/**
 * The pane grows the customer sheet's Excel table over the review's columns, as the command line
 * does in the file: against the fake's tables, which name their columns from their header cells
 * as Excel does (a blank one "Column1", a repeated one "Name2"), so the order of the resize and
 * the cells shows in the names. The question before the write says what will become of the table,
 * from the tables the review's read took.
 */
import { columnLetter } from "../../../src/engine/a1";
import { Lang } from "../../../src/engine/i18n";
import { serialFromYMD } from "../../../src/engine/cells";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { readForReviewWith, writePlanWith } from "../../../src/taskpane/excel";
import { customerTableLines, planOptionsOf, reviewInputOf, targetCheck } from "../../../src/taskpane/model";
import { writeNotice } from "../../../src/taskpane/notices";
import { translator } from "../../../src/engine/i18n";
import { FakeExcel, installExcelGlobals, officeError } from "../../support/fake-excel";
import { customerSheet, HEADER, LEDGER } from "./workbooks";

const AS_OF = serialFromYMD(2026, 3, 31);
let fake: FakeExcel;
installExcelGlobals(() => fake);

function workbook(rows: number): FakeExcel {
  fake = new FakeExcel();
  fake.addSheet("Customers", customerSheet(rows));
  return fake;
}

/**
 * The pane's review and write: the read (and its syncs), the question's lines on the customer
 * table (what Write back lists among its changes), then the write. `beforeWrite` runs while the
 * question waits.
 */
async function review(lang: Lang = "en", beforeWrite?: () => void) {
  const before = fake.syncs.length;
  const read = await readForReviewWith(
    fake.context,
    "Customers",
    fake.sheets.map((s) => s.name),
  );
  const readSyncs = fake.syncs.length - before;
  const result = runReview(reviewInputOf(read, DEFAULT_POLICY, AS_OF), lang);
  const plan = buildWritePlan(result, lang, planOptionsOf(read));
  const question = customerTableLines(read, plan, translator(lang));
  beforeWrite?.();
  const outcome = await writePlanWith(fake.context, plan, lang, targetCheck(read, result));
  return { plan, outcome, question, readSyncs };
}

/** Excel without ExcelApi 1.13 (no Table.resize), every other requirement set there. */
function withoutTableResize() {
  (globalThis as { Office?: unknown }).Office = {
    context: { requirements: { isSetSupported: (_set: string, version: string) => version !== "1.13" } },
  };
}

/** The review's headers on row 1 from column L on, as written. */
function reviewHeaders(): string[] {
  const s = fake.sheet("Customers")!;
  const out: string[] = [];
  for (let c = HEADER.length; s.text(0, c); c++) out.push(s.text(0, c));
  return out;
}

/** Where in the successful syncs' writes on the customer sheet the resize came, among its values writes. */
function writesOrder(): string[] {
  return fake
    .writes()
    .filter((o) => o.sheet === "Customers" && (o.kind === "values" || o.kind === "resizeTable"))
    .map((o) => o.kind);
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test("the user's table grows over the review's columns after its cells: named as their headers, one more read sync", async () => {
  workbook(3);
  const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
  const { outcome, readSyncs } = await review();
  const headers = reviewHeaders();
  expect(headers.length).toBeGreaterThan(5);
  const last = columnLetter(HEADER.length + headers.length - 1);
  expect(outcome.ok).toBe(true);
  expect(table.area).toEqual({ row: 0, column: 0, rows: 4, columns: HEADER.length + headers.length });
  expect(table.columns).toEqual([...HEADER, ...headers]);
  expect(writesOrder().at(-1)).toBe("resizeTable");
  // The read and the sheet's tables (for the question), the check, the table's range and names again, then the writes.
  expect(readSyncs).toBe(2);
  expect(fake.syncs[1].ops.map((o) => o.kind)).toEqual(["loadTable", "tableRange", "tableColumns"]);
  expect(fake.syncs[3].ops.map((o) => o.kind)).toEqual(["loadTable", "tableRange", "tableColumns"]);
  expect(outcome.written.find((p) => p.role === "table")?.table).toEqual({
    table: "Book",
    from: { row: 0, column: 0, rows: 4, columns: HEADER.length },
    to: table.area,
  });
  const notice = writeNotice(outcome, headers).render(translator("en"), "en");
  expect(notice.lines).toContain(
    `Sheet "Customers": the Excel table "Book" now covers A1:${last}4, the review's columns with it, so sorting or filtering the table keeps each review beside its customer.`,
  );
  expect(writeNotice(outcome, headers).intent).toBe("success");
});

test("a month later in Chinese the grown table keeps its cells, its columns renamed by the headers written: no resize", async () => {
  workbook(3);
  const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
  await review("en");
  const grown = { ...table.area };
  fake.syncs = [];
  const { outcome, question } = await review("zh");
  expect(outcome.ok).toBe(true);
  // Only renamed by the headers written: the question, as the notice after, says nothing of it.
  expect(question).toEqual([]);
  expect(table.area).toEqual(grown);
  expect(table.columns).toEqual([...HEADER, ...reviewHeaders()]);
  expect(reviewHeaders()[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(writesOrder()).not.toContain("resizeTable");
});

test("aging columns the review clears a month later (no ledger): the table leaves them before they are cleared, none named Column1", async () => {
  workbook(3);
  fake.addSheet("Invoices", LEDGER);
  const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
  await review();
  expect(table.columns).toContain("Aging:\n91+");
  const grown = table.area.columns;
  fake.sheets = fake.sheets.filter((s) => s.name !== "Invoices");
  fake.syncs = [];
  const { outcome, question } = await review();
  expect(question).toEqual([
    `Sheet "Customers": the Excel table "Book" (A1:${columnLetter(grown - 1)}4) will be narrowed to A1:K4, so that no column of it is left without a header.`,
  ]);
  expect(outcome.ok).toBe(true);
  // The aging's five columns cleared between the review's others and its last (Review issues):
  // a table over them would name them Column1…, so it goes back to the user's columns.
  expect(fake.sheet("Customers")!.text(0, 30)).toBe("");
  expect(table.columns).toEqual(HEADER);
  expect(writesOrder()[0]).toBe("resizeTable");
  const part = outcome.written.find((p) => p.role === "table")?.table;
  expect(part).toEqual({
    table: "Book",
    from: { row: 0, column: 0, rows: 4, columns: grown },
    to: { row: 0, column: 0, rows: 4, columns: HEADER.length },
  });
  expect(writeNotice(outcome, []).render(translator("en"), "en").lines).toContain(
    `Sheet "Customers": the Excel table "Book" now covers A1:K4 (it covered A1:${columnLetter(grown - 1)}4 before): no column of it is left without a header.`,
  );
  // The ledger back a month later: the aging returns to the columns it left, and the table grows over them again.
  fake.addSheet("Invoices", LEDGER);
  const back = await review();
  expect(back.outcome.ok).toBe(true);
  expect(fake.sheet("Customers")!.text(0, 30)).toBe("Aging:\nCurrent");
  expect(table.area.columns).toBe(grown);
  expect(table.columns).toEqual([...HEADER, ...reviewHeaders()]);
});

test("a column of the user's table already named as a review header: the table stays the user's, and the notice says why", async () => {
  workbook(3);
  const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
  // A name the header cell does not show (a table part written by another program, say).
  table.columns[1] = "RECOMMENDATION";
  const { outcome } = await review();
  expect(outcome.ok).toBe(true);
  expect(table.area).toEqual({ row: 0, column: 0, rows: 4, columns: HEADER.length });
  expect(outcome.tableNotExtended).toEqual({ table: "Book", sheet: "Customers", names: ["Recommendation"] });
  const notice = writeNotice(outcome, []);
  expect(notice.intent).toBe("warning");
  expect(notice.render(translator("en"), "en").lines.at(-1)).toBe(
    'The Excel table "Book" on sheet "Customers" was not extended over the review\'s columns: it already has a column named "Recommendation". Sorting or filtering that table moves its rows without the review\'s cells beside them; rename its column and review again',
  );
});

test("no table beside the review's columns: no read beyond the check; a table there that is not the customer table stays", async () => {
  workbook(3);
  const aside = fake.sheet("Customers")!.addTable("Rates", "N8:O10");
  const plain = await review();
  // The read takes the sheet's one table for the question (which finds it is not the customer table), the check none.
  expect(plain.readSyncs).toBe(2);
  expect(plain.question).toEqual([]);
  expect(fake.syncs.slice(2).some((s) => s.ops.some((o) => o.kind === "loadTable"))).toBe(false);
  expect(plain.outcome.ok).toBe(true);
  expect(aside.area).toEqual({ row: 7, column: 13, rows: 3, columns: 2 });

  workbook(3);
  // Its first two rows only: a sort of it would not move every customer.
  const partial = fake.sheet("Customers")!.addTable("Top", "A1:K3");
  const { outcome, question } = await review();
  expect(question).toEqual([]);
  expect(outcome.ok).toBe(true);
  expect(partial.area).toEqual({ row: 0, column: 0, rows: 3, columns: HEADER.length });
  expect(writesOrder()).not.toContain("resizeTable");
});

test("an Excel without ExcelApi 1.13 (no Table.resize): the table is left as it is, nothing more read", async () => {
  withoutTableResize();
  workbook(3);
  const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
  const { outcome } = await review();
  expect(outcome.ok).toBe(true);
  expect(table.area).toEqual({ row: 0, column: 0, rows: 4, columns: HEADER.length });
  expect(
    fake.syncs.some((s) => s.ops.some((o) => o.kind === "getTables" || o.kind === "loadTables" || o.kind === "loadTable")),
  ).toBe(false);
});

test("Excel refusing to grow the table (a merged cell where it would grow, say): the review stays written, in a sync of its own, and the notice says so", async () => {
  workbook(3);
  const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
  fake.failAt = (_n, ops) =>
    ops.some((o) => o.kind === "resizeTable") ? officeError("InvalidOperation", "This operation is not permitted.") : undefined;
  const { outcome } = await review();
  expect(outcome.ok).toBe(true);
  expect(outcome.tableNotGrown).toMatchObject({ table: "Book", sheet: "Customers" });
  expect(table.area.columns).toBe(HEADER.length);
  // Alone in the last sync: every other part of the review went through.
  const refused = fake.syncs.at(-1)!;
  expect(refused.ok).toBe(false);
  expect(refused.ops.filter((o) => o.write).map((o) => o.kind)).toEqual(["resizeTable"]);
  expect(reviewHeaders().length).toBeGreaterThan(5);
  expect(fake.sheet("Credit Review Summary")).toBeDefined();
  const notice = writeNotice(outcome, []);
  expect(notice.intent).toBe("warning");
  expect(notice.render(translator("en"), "en").lines.at(-1)).toMatch(
    /^Sheet "Customers": Excel did not extend the table "Book" over the review's columns \(.+\)\. The review is written;/,
  );
});

test("a clash a month after the table grew: taken back to the user's columns, the notice giving the clash as the reason, not the shrink's", async () => {
  workbook(3);
  const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
  await review();
  expect(table.area.columns).toBeGreaterThan(HEADER.length);
  table.columns[1] = "RECOMMENDATION";
  const { outcome } = await review();
  expect(table.area.columns).toBe(HEADER.length);
  expect(outcome.written.some((p) => p.role === "table")).toBe(true);
  const lines = writeNotice(outcome, []).render(translator("en"), "en").lines;
  expect(lines.filter((l) => l.includes('"Book"'))).toEqual([
    'The Excel table "Book" on sheet "Customers" was not extended over the review\'s columns: it already has a column named "Recommendation". Sorting or filtering that table moves its rows without the review\'s cells beside them; rename its column and review again',
  ]);
});

describe("the write question says what will become of the table before the write", () => {
  /** The review's last column on row 1 once written (L on: eleven columns of the user's). */
  const lastColumn = () => columnLetter(HEADER.length + reviewHeaders().length - 1);

  test.each([
    [
      "en",
      (last: string) =>
        `Sheet "Customers": the Excel table "Book" (A1:K4) will be extended over the review's columns to A1:${last}4, so sorting or filtering it keeps each review beside its customer.`,
    ],
    [
      "zh",
      (last: string) =>
        `工作表“Customers”：Excel 表格“Book”（A1:K4）将扩展到审查的各列，变为 A1:${last}4，对表格排序或筛选时每条审查结果仍留在其客户旁边。`,
    ],
  ] as const)("a table to grow (%s): its cells now and after, as the write then makes them", async (lang, line) => {
    workbook(3);
    const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
    const { question, outcome } = await review(lang);
    expect(outcome.ok).toBe(true);
    expect(question).toEqual([line(lastColumn())]);
    expect(table.area).toEqual({ row: 0, column: 0, rows: 4, columns: HEADER.length + reviewHeaders().length });
  });

  test.each([
    [
      "en",
      "Recommendation",
      'Sheet "Customers": the Excel table "Book" will not be extended over the review\'s columns: it already has a column named "Recommendation". Sorting or filtering it would move its rows without the review\'s cells; to have it extended, cancel, rename that column and review again.',
    ],
    [
      "zh",
      "政策建议",
      '工作表“Customers”：Excel 表格“Book”不会扩展到审查的各列：表格中已有名为 "政策建议" 的列。对该表格排序或筛选时，其行会移动，而旁边审查的单元格不会随之移动；如需扩展，请取消，将该列改名后重新审查。',
    ],
  ] as const)(
    "a clash of names (%s): the reason, said before the write as the notice says it after",
    async (lang, header, line) => {
      workbook(3);
      const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
      // A name the header cell does not show (a table part written by another program, say).
      table.columns[1] = header.toUpperCase();
      const { question, outcome } = await review(lang);
      expect(question).toEqual([line]);
      expect(outcome.tableNotExtended).toEqual({ table: "Book", sheet: "Customers", names: [header] });
    },
  );

  test("a clash a month after the table grew: the clash, not the shrink back that comes with it", async () => {
    workbook(3);
    const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
    await review();
    table.columns[1] = "RECOMMENDATION";
    const { question } = await review();
    expect(question).toEqual([expect.stringMatching(/^Sheet "Customers": the Excel table "Book" will not be extended/)]);
  });

  test.each(["en", "zh"] as const)(
    "no table on the sheet (%s): nothing said of one, and the read stays one sync",
    async (lang) => {
      workbook(3);
      const { question, readSyncs, outcome } = await review(lang);
      expect(outcome.ok).toBe(true);
      expect(question).toEqual([]);
      expect(readSyncs).toBe(1);
      expect(fake.syncs[0].ops.some((o) => o.kind === "loadTables")).toBe(true);
      expect(fake.syncs.some((s) => s.ops.some((o) => o.kind === "loadTable"))).toBe(false);
    },
  );

  test.each(["en", "zh"] as const)(
    "an Excel without ExcelApi 1.13 (%s): the table is not read for the question, nor spoken of",
    async (lang) => {
      withoutTableResize();
      workbook(3);
      const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
      const { question, readSyncs, outcome } = await review(lang);
      expect(question).toEqual([]);
      expect(readSyncs).toBe(1);
      expect(outcome.ok).toBe(true);
      expect(table.area.columns).toBe(HEADER.length);
    },
  );

  test("the table changed while the question waited: the write's check finds it as it is now, and the notice says what was done", async () => {
    workbook(3);
    const table = fake.sheet("Customers")!.addTable("Book", "A1:K4");
    const { question, outcome } = await review("en", () => (table.columns[1] = "RECOMMENDATION"));
    expect(question).toEqual([expect.stringMatching(/will be extended over the review's columns/)]);
    expect(table.area.columns).toBe(HEADER.length);
    expect(outcome.tableNotExtended).toEqual({ table: "Book", sheet: "Customers", names: ["Recommendation"] });
    expect(writeNotice(outcome, []).render(translator("en"), "en").lines.at(-1)).toMatch(
      /^The Excel table "Book" .* was not extended/,
    );
  });

  test("a workbook read in pages takes the sheet's tables as the one-sync read does", async () => {
    workbook(400);
    fake.sheet("Customers")!.addTable("Book", "A1:K401");
    const names = fake.sheets.map((s) => s.name);
    const whole = await readForReviewWith(fake.context, "Customers", names);
    const wholeBytes = fake.syncs[0].responseBytes;
    expect(whole.tables).toEqual([
      {
        name: "Book",
        area: { row: 0, column: 0, rows: 401, columns: HEADER.length },
        headerRows: 1,
        totalsRows: 0,
        columnNames: HEADER,
      },
    ]);
    fake.syncs = [];
    fake.responseLimit = Math.floor(wholeBytes / 4);
    const paged = await readForReviewWith(fake.context, "Customers", names, { maxResponseBytes: fake.responseLimit });
    expect(fake.syncs.length).toBeGreaterThan(4);
    expect(paged).toEqual(whole);
  });
});

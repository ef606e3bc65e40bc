/**
 * Every review-owned output cell changed by hand since the review that wrote it is found, not
 * only the four the archive keeps as written: a recommendation typed over, a next-review date
 * cleared, an aging figure edited. Found against the archive row's output check, named on every
 * face and kept in the archive, and never said of an untouched sheet (either language, a
 * spreadsheet's 15-digit rounding and "\r\n" line breaks, an archive from before the check).
 */
import fc from "fast-check";
import { CreditError, describeError } from "../../../src/engine/errors";
import { CellValue } from "../../../src/engine/cells";
import { toJson, toTable } from "../../../src/cli/report";
import { Lang, translator } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { ARCHIVE_FIELDS } from "../../../src/engine/review/archive";
import { runReview } from "../../../src/engine/review/review";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { headerOnOneLine, OutputField } from "../../../src/engine/review/fields";
import {
  cellCheck,
  holdsCheck,
  outputCheckText,
  readChecks,
  readOutputCheck,
  HASHED_FIELDS,
} from "../../../src/engine/review/output-check";
import { typedOverText } from "../../../src/engine/review/texts";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { CYCLE_SHEET, CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { applyBlocks, customerSheet, Grid, serial, utcDate, Z_INPUT_HEADERS } from "../../support/review-grid";
import { sheet, typed } from "../../support/typed-cells";
import { columnLetter } from "../../../src/engine/a1";

const OCT = serial("2026-10-31");
const NOV = serial("2026-11-30");
const TYPED_OVER_AT = ARCHIVE_FIELDS.indexOf("typedOver");
const CHECK_AT = ARCHIVE_FIELDS.indexOf("outputCheck");

/** Open invoices of the first customers, some overdue on the first review's date: the aging columns hold figures. */
function ledger(): Grid {
  return [
    ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
    ["C100", "INV-1", serial("2026-10-15"), 12000, 0],
    ["C100", "INV-2", serial("2026-06-30"), 8000.5, 1000],
    ["C101", "INV-3", serial("2026-11-20"), 5000, 0],
    ["C103", "INV-4", serial("2026-06-01"), 20000, 0],
  ];
}

function reviewedOnce(lang: Lang = "en", withLedger = false) {
  const start: CycleWorkbook = { customers: sheet(4), ...(withLedger && { ledger: ledger() }) };
  const { result, workbook } = reviewWorkbook(start, OCT, lang);
  const column = (field: OutputField) => result.layout.outputColumns[field];
  return { workbook, column, first: result };
}

/** The customer sheet's header row (its first) cell of a column. */
const headerOf = (workbook: CycleWorkbook, column: number) => workbook.customers[0][column];

describe("every output cell typed over is found", () => {
  test("a recommendation typed over: named by cell, header and customer, on every face, and kept in the archive", () => {
    const { workbook, column } = reviewedOnce();
    const memo = "Committee 2026-12-05: keep terms, parent guarantee in place";
    const { result, workbook: after } = reviewWorkbook(typed(workbook, column, [[1, "recommendation", memo]]), NOV);
    const over = result.typedOver!;
    expect(over.count).toBe(1);
    expect(over.reviewDate).toBe(OCT);
    expect(over.cells).toEqual([
      {
        row: 3,
        column: column("recommendation"),
        field: "recommendation",
        header: "Recommendation",
        customer: "Customer 1",
        typed: memo,
      },
    ]);
    const cell = `${columnLetter(column("recommendation"))}3`;
    const text = typedOverText(over, CYCLE_SHEET, "en");
    // A long text is shortened in the line, as a typed-over grade's is.
    expect(text).toContain(
      `${cell} Recommendation of Customer 1: "Committee 2026-12-05: keep terms, par..." (not what the review wrote)`,
    );
    expect(typedOverText(over, CYCLE_SHEET, "zh")).toContain(
      "（Customer 1的政策建议）：“Committee 2026-12-05: keep terms, par...”（与审查写入的不同）",
    );
    expect(toTable(result, "en", "out.xlsx")).toContain(text);
    const json = toJson(result, "en", "out.xlsx").typedOver!;
    expect(json.cells).toEqual([
      { cell, field: "recommendation", header: "Recommendation", customer: "Customer 1", typed: memo, written: undefined },
    ]);
    expect(reviewedNotice(result).render(translator("en"), "en").lines).toContain(text);
    // The archive's row of this review for that customer keeps it, whole; the others' stay blank.
    const rows = after.archive!.filter((line) => line[0] === NOV);
    expect(rows.map((line) => line[TYPED_OVER_AT])).toEqual([
      null,
      `Recommendation: "${memo}" (not what the review of 2026-10-31 wrote)`,
      null,
      null,
    ]);
    // Written again: the next review finds nothing.
    expect(reviewWorkbook(after, serial("2026-12-31")).result.typedOver).toBeUndefined();
  });

  test("a next-review date cleared, and a monitoring text and points typed over, with a limit: each cell named, in sheet order", () => {
    const { workbook, column, first } = reviewedOnce();
    expect(typeof first.customers[0].nextReview).toBe("number");
    const edited = typed(workbook, column, [
      [0, "nextReview", null],
      [2, "recommendedLimit", 1],
      [2, "monitoring", "Weekly"],
      [3, "paymentHistoryPoints", 0.5],
    ]);
    const over = reviewWorkbook(edited, NOV).result.typedOver!;
    expect(over.cells.map((c) => [c.row, c.field, c.typed, c.written])).toEqual([
      [2, "nextReview", null, undefined],
      ...[
        [4, "recommendedLimit", 1, first.customers[2].recommendedLimit],
        [4, "monitoring", "Weekly", undefined],
      ].sort((a, b) => column(a[1] as OutputField) - column(b[1] as OutputField)),
      [5, "paymentHistoryPoints", 0.5, undefined],
    ]);
    expect(typedOverText(over, CYCLE_SHEET, "en")).toContain("Next review of Customer 0: blank (not what the review wrote)");
  });

  test("a formula without a saved value, or a date, typed over a cell is named by what a reader shows of it, never [object Object]", () => {
    const { workbook, column } = reviewedOnce();
    const unsaved = { error: 'formula "=I5*1.1" has no saved value' };
    const edited = typed(workbook, column, [
      [0, "recommendation", unsaved],
      [1, "nextReview", new Date(Date.UTC(2027, 0, 15))],
    ]);
    const over = reviewWorkbook(edited, NOV).result.typedOver!;
    expect(over.cells.map((c) => [c.row, c.field, c.typed])).toEqual([
      [2, "recommendation", 'formula "=I5*1.1" has no saved value'],
      [3, "nextReview", serial("2027-01-15")],
    ]);
    expect(typedOverText(over, CYCLE_SHEET, "en")).not.toContain("[object");
  });

  test("an aging figure edited is found by its bucket's header", () => {
    const { workbook, first } = reviewedOnce("en", true);
    const buckets = first.layout.agingColumns;
    expect(buckets.length).toBeGreaterThan(1);
    const bucket = buckets.findIndex((_, b) => first.customers[0].aging?.[b]);
    expect(bucket).toBeGreaterThanOrEqual(0);
    const customers = workbook.customers.map((line) => [...line]);
    customers[1][buckets[bucket]] = 0;
    const { result } = reviewWorkbook({ ...workbook, customers }, NOV);
    expect(result.typedOver!.cells.map((c) => [c.row, c.column, c.field, c.header, c.typed])).toEqual([
      // The header as a message quotes it, on one line.
      [2, buckets[bucket], "aging", headerOnOneLine(String(headerOf(workbook, buckets[bucket]))), 0],
    ]);
  });

  test("the overdue figures and the Z zone, which the archive keeps too, say what the review wrote there", () => {
    const customers = customerSheet(
      ["Credit limit", "Outstanding balance", ...Z_INPUT_HEADERS],
      [
        { id: "C100", extra: [100000, 40000, 500, 200, 1000, 400, 300, 150, 1500, 600] },
        { id: "C101", extra: [100000, 40000, 500, 200, 1000, 400, 300, 150, 1500, 600] },
      ],
    );
    const { result: first, workbook } = reviewWorkbook({ customers, ledger: ledger() }, OCT);
    expect(first.customers.map((c) => c.zZone)).toEqual(["safe", "safe"]);
    const overdue = first.customers[0].overdueAmount!;
    const days = first.customers[0].daysPastDue!;
    expect(overdue).toBeGreaterThan(0);
    const column = (field: OutputField) => first.layout.outputColumns[field];
    // The two customers were written alike in the kept fields (score, grade, Z-score, limit):
    // each row, typed over elsewhere, is still its own customer's, not taken for the other's moved there.
    const edited = typed(workbook, column, [
      [0, "overdueBalance", 1],
      [0, "oldestDaysOverdue", 7],
      [1, "zZone", "Distress"],
    ]);
    for (const lang of ["en", "zh"] as const) {
      const { result } = reviewWorkbook(edited, NOV, lang);
      const over = result.typedOver!;
      expect(over.cells.map((c) => [c.row, c.field, c.typed, c.written])).toEqual([
        [2, "overdueBalance", 1, overdue],
        [2, "oldestDaysOverdue", 7, days],
        [3, "zZone", "Distress", "safe"],
      ]);
      const text = typedOverText(over, CYCLE_SHEET, lang);
      if (lang === "en") {
        expect(text).toContain(`1.00 (the review wrote ${overdue.toLocaleString("en", { minimumFractionDigits: 2 })})`);
        expect(text).toContain(`: 7 (the review wrote ${days})`);
        expect(text).toContain('Z zone of Customer 2: "Distress" (the review wrote Safe)');
      } else expect(text).toContain("“Distress”（审查写入 安全区）");
      const json = toJson(result, lang, "out.xlsx").typedOver!.cells;
      expect(json[2]).toMatchObject({ field: "zZone", typed: "Distress", typedZone: "distress", written: "safe" });
    }
    // An archive row whose kept figure was edited since no longer says what was written: the check alone tells the change.
    const archive = workbook.archive!.map((line) => [...line]);
    const at = archive.findIndex((line) => line[ARCHIVE_FIELDS.indexOf("id")] === "C100");
    archive[at][ARCHIVE_FIELDS.indexOf("overdueAmount")] = 5;
    const changed = reviewWorkbook({ ...edited, archive }, NOV).result.typedOver!;
    const cell = changed.cells.find((c) => c.field === "overdueBalance")!;
    expect(cell.typed).toBe(1);
    expect(cell).not.toHaveProperty("written");
    expect(typedOverText(changed, CYCLE_SHEET, "en")).toContain("1.00 (not what the review wrote)");
  });

  test("the review issues cleared by hand: the issue the review wrote is named, whole in the archive", () => {
    const customers = sheet(3);
    customers[2][2] = "high";
    const { result: first, workbook } = reviewWorkbook({ customers }, OCT);
    const issue = first.customers[1].errors.length;
    expect(issue).toBe(1);
    const column = (field: OutputField) => first.layout.outputColumns[field];
    const written = workbook.customers[2][column("issues")] as string;
    expect(written).toContain("payment history must be a number");
    const { result, workbook: after } = reviewWorkbook(typed(workbook, column, [[1, "issues", null]]), NOV);
    expect(result.typedOver!.cells.map((c) => [c.row, c.field, c.typed, c.written])).toEqual([[3, "issues", null, written]]);
    expect(typedOverText(result.typedOver!, CYCLE_SHEET, "en")).toContain(
      `Review issues of Customer 1: blank (the review wrote "${written.slice(0, 37)}...")`,
    );
    const archived = after.archive!.find((line) => line[0] === NOV && line[ARCHIVE_FIELDS.indexOf("id")] === "C101")!;
    expect(archived[TYPED_OVER_AT]).toBe(`Review issues: blank (the review of 2026-10-31 wrote "${written}")`);
  });

  test("a table away from A1, blank rows between customers: each row's check is its own, an aging figure edited found at its cell", () => {
    const origin = { row: 3, column: 2 };
    const base = sheet(4);
    const customers: Grid = [base[0], base[1], [], base[2], [null], [], base[3], base[4]];
    const review = (values: Grid, archive: Grid | undefined, asOf: number) => {
      const ledgerSheet = { sheetName: "Invoices", values: ledger() };
      const result = runReview(
        { sheetName: CYCLE_SHEET, values, origin, asOf, policy: DEFAULT_POLICY, archive, ledger: ledgerSheet },
        "en",
      );
      const plan = buildWritePlan(result, "en", { sheetNames: [CYCLE_SHEET], archiveValues: archive });
      const archivePlan = plan.sheets.find((s) => s.kind === "archive")!;
      return {
        result,
        values: applyBlocks(values, plan.target.blocks, origin),
        archive: applyBlocks(archive ?? [], archivePlan.blocks),
      };
    };
    const october = review(customers, undefined, OCT);
    const untouched = review(october.values, october.archive, NOV).result;
    expect([untouched.typedOver, untouched.movedRows, untouched.clearedColumns]).toEqual([undefined, undefined, undefined]);
    // Customer 2, on the table's seventh line: sheet row 3 + 7 = 10, 1-based.
    const bucket = october.result.layout.agingColumns[0];
    expect(october.values[6][1]).toBe("Customer 2");
    const edited = october.values.map((line) => [...line]);
    edited[6][bucket] = 1;
    const found = review(edited, october.archive, NOV).result.typedOver!;
    expect(found.cells.map((c) => [c.row, c.column, c.field, c.customer, c.typed])).toEqual([
      [10, bucket + origin.column, "aging", "Customer 2", 1],
    ]);
  });

  describe("the policy's aging edges changed: the buckets take the earlier aging columns in order", () => {
    const edges = (agingEdges: number[]) => completePolicy({ ...DEFAULT_POLICY, agingEdges });
    const withLedger = (): CycleWorkbook => ({ customers: sheet(4), ledger: ledger() });

    test.each([
      ["fewer", [45, 90]],
      ["as many", [45, 90, 120]],
      ["more", [30, 60, 90, 120]],
    ])("%s buckets under new headers, untouched: none that month or the next", (_, agingEdges) => {
      const { workbook } = reviewWorkbook(withLedger(), OCT);
      const changed = reviewWorkbook(workbook, NOV, "en", edges(agingEdges));
      expect(changed.result.typedOver).toBeUndefined();
      expect(reviewWorkbook(changed.workbook, serial("2026-12-31"), "en", edges(agingEdges)).result.typedOver).toBeUndefined();
    });

    test("as many buckets: a figure edited in a column kept under its header is still found", () => {
      const { workbook, result: first } = reviewWorkbook(withLedger(), OCT);
      const current = first.layout.agingColumns[0];
      const customers = workbook.customers.map((line) => [...line]);
      customers[1][current] = 1;
      const { result } = reviewWorkbook({ ...workbook, customers }, NOV, "en", edges([45, 90, 120]));
      expect(result.layout.agingColumns[0]).toBe(current);
      expect(result.typedOver!.cells.map((c) => [c.row, c.column, c.field, c.header, c.typed])).toEqual([
        [2, current, "aging", "Aging: Current", 1],
      ]);
    });

    test("a sheet that had its buckets split (two after Review issues, a blank among them): gathered back, none said typed over", () => {
      const policy = edges([30, 60, 90, 120]);
      const { workbook, result: first } = reviewWorkbook(withLedger(), OCT, "en", policy);
      const [a0, , , , a4, a5] = first.layout.agingColumns;
      const issues = first.layout.outputColumns.issues;
      expect([a5 + 1, first.customers[0].aging![4], first.customers[0].aging![5]]).toEqual([issues, 0, 7000.5]);
      // What the review wrote, with 91–120 and 121+ moved after Review issues and a blank where they stood.
      const split = workbook.customers.map((line) => [...line.slice(0, a4), null, line[issues], line[a4], line[a5]]);
      const { result, workbook: after } = reviewWorkbook({ ...workbook, customers: split }, NOV, "en", policy);
      expect(result.layout.agingColumns).toEqual([a0, a0 + 1, a0 + 2, a0 + 3, a4, a4 + 2]);
      expect(result.typedOver).toBeUndefined();
      expect(after.customers[0].slice(a0)).toEqual([
        "Aging:\nCurrent",
        "Aging:\n1–30",
        "Aging:\n31–60",
        "Aging:\n61–90",
        "Aging:\n91–120",
        "Review issues",
        "Aging:\n121+",
        null,
      ]);
    });
  });

  test.each(["en", "zh"] as const)(
    "an untouched reviewed sheet (%s) with a ledger: none, a month on, in either language",
    (lang) => {
      const { workbook } = reviewedOnce(lang, true);
      // Every output column and bucket of every customer row has its check.
      const check = readOutputCheck(workbook.archive![1][CHECK_AT])!;
      expect(check.fields).toHaveLength(HASHED_FIELDS.length);
      expect(check.aging.length).toBeGreaterThan(1);
      expect(reviewWorkbook(workbook, OCT, lang).result.typedOver).toBeUndefined();
      expect(reviewWorkbook(workbook, NOV, lang).result.typedOver).toBeUndefined();
      expect(reviewWorkbook(workbook, NOV, lang === "en" ? "zh" : "en").result.typedOver).toBeUndefined();
    },
  );

  test("a check read back: the output cells', the aging buckets' and the Action taken text's tokens; an earlier version's without the last", () => {
    const { workbook } = reviewedOnce("en", true);
    const written = String(workbook.archive![1][CHECK_AT]);
    const check = readOutputCheck(written)!;
    expect(check.response).toBe(".");
    const cells = written.slice(0, written.lastIndexOf("/"));
    expect(readOutputCheck(cells)).toEqual({ fields: check.fields, aging: check.aging });
    expect(readOutputCheck(`${cells}/AbC1`)).toEqual({ ...check, response: "AbC1" });
    // Anything else is no check this version wrote.
    expect(readOutputCheck(`${cells}/AbC`)).toBeUndefined();
    expect(readOutputCheck(`${cells}/./.`)).toBeUndefined();
    expect(readOutputCheck(`${cells}/AbC1AbC1`)).toBeUndefined();
  });

  test("as another spreadsheet saves it (15 significant digits, \\r\\n line breaks, dates as dates, blanks as empty texts): none", () => {
    // Credit limits of 70,000 over balances of 40,000: a utilisation of 16 significant digits, saved with 15.
    // The last customer over its limit and long overdue: two warnings, two lines of findings.
    const customers = sheet(4).map((line, r) =>
      r === 0 ? line : [...line.slice(0, 7), 70000, ...(r === 4 ? [90000, 120] : line.slice(8))],
    );
    const { result: first, workbook } = reviewWorkbook({ customers, ledger: ledger() }, OCT);
    const nextReview = first.layout.outputColumns.nextReview;
    const saved = workbook.customers.map((line, r) =>
      line.map((v, c) => {
        if (r === 0) return v;
        if (c === nextReview && typeof v === "number") return utcDate(new Date((v - 25569) * 864e5).toISOString().slice(0, 10));
        if (typeof v === "number") return Number(v.toPrecision(15));
        if (typeof v === "string") return v.replace(/\n/g, "\r\n");
        return v === null ? "" : v;
      }),
    );
    // Some figure is a hair off as saved, and some text has a line break: the check is not idle.
    expect(saved.some((line, r) => line.some((v, c) => typeof v === "number" && v !== workbook.customers[r][c]))).toBe(true);
    expect(saved.some((line) => line.some((v) => typeof v === "string" && v.includes("\r\n")))).toBe(true);
    expect(reviewWorkbook({ ...workbook, customers: saved }, NOV).result.typedOver).toBeUndefined();
  });

  test("an archive from before the output check: the four kept fields are still checked, the other columns cannot be", () => {
    const { workbook, column, first } = reviewedOnce();
    const archive = workbook.archive!.map((line) => line.slice(0, CHECK_AT));
    const edited = typed({ ...workbook, archive }, column, [
      [0, "recommendation", "Keep terms"],
      [1, "recommendedLimit", 5],
    ]);
    const over = reviewWorkbook(edited, NOV).result.typedOver!;
    expect(over.cells.map((c) => [c.field, c.written])).toEqual([["recommendedLimit", first.customers[1].recommendedLimit]]);
    // Rewritten under the current header, its new rows carry the check: the review after can tell.
    const after = reviewWorkbook(edited, NOV).workbook;
    expect(after.archive![0][CHECK_AT]).toBe("Output check");
    const again = typed(after, column, [[0, "recommendation", "Keep terms"]]);
    expect(reviewWorkbook(again, serial("2026-12-31")).result.typedOver!.cells.map((c) => c.field)).toEqual(["recommendation"]);
  });

  test.each(["en", "zh"] as const)(
    "an archive from before the output check with a column of the user's where the check goes: refused before anything is written, naming it (%s)",
    (lang) => {
      const { workbook } = reviewedOnce(lang);
      const archive = workbook.archive!.map((line, r) => [
        ...line.slice(0, CHECK_AT),
        r === 0 ? "My notes" : r === 1 ? "called the CFO" : null,
      ]);
      let thrown: unknown;
      try {
        reviewWorkbook({ ...workbook, archive }, NOV, lang);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CreditError);
      expect(thrown).toMatchObject({ key: "archive.userColumn", params: { column: "Z", header: "My notes", lastColumn: "AA" } });
      expect(describeError(thrown as CreditError, lang)).toContain("My notes");
      // Without it, the same archive is rewritten under the full header.
      const plain = workbook.archive!.map((line) => line.slice(0, CHECK_AT));
      expect(reviewWorkbook({ ...workbook, archive: plain }, NOV, lang).workbook.archive![0]).toHaveLength(ARCHIVE_FIELDS.length);
    },
  );

  test("the archive's output check column is headed in the archive's language, hidden and off the printout", () => {
    const { first: result } = reviewedOnce();
    const zh = reviewWorkbook({ customers: sheet(2) }, OCT, "zh");
    expect(zh.workbook.archive![0][CHECK_AT]).toBe("输出校验");
    const { archivePrintArea, archiveColumns } = reviewWorkbook({ customers: sheet(2) }, OCT, "en");
    // Printed to the last column its rows fill (no responses here: the customer sheet's), never the check.
    expect(archivePrintArea!.columns).toBe(ARCHIVE_FIELDS.indexOf("sheet") + 1);
    expect(archiveColumns!.filter((c) => c.hidden).map((c) => c.column)).toEqual([CHECK_AT]);
    expect(archiveColumns!.find((c) => c.column === CHECK_AT)).toMatchObject({ wrap: false, width: 8 });
    expect(result.customers).toHaveLength(4);
  });

  test("a cell's check is what any face reads back: a blank, a number saved with 15 digits, a date as its serial, a text's line breaks", () => {
    expect(cellCheck(null)).toBe(cellCheck(""));
    expect(cellCheck(undefined)).toBe(cellCheck(""));
    expect(cellCheck(0.1 + 0.2)).toBe(cellCheck(0.3));
    expect(cellCheck(0.1 + 0.2)).not.toBe(cellCheck(0.3000001));
    expect(cellCheck(-0)).toBe(cellCheck(0));
    expect(cellCheck(utcDate("2026-12-31"))).toBe(cellCheck(serial("2026-12-31")));
    expect(cellCheck("a\r\nb")).toBe(cellCheck("a\nb"));
    expect(cellCheck("5")).not.toBe(cellCheck(5));
    expect(cellCheck("Monthly")).toMatch(/^[A-Za-z0-9_-]{4}$/);
    // LibreOffice saves 27/35 (0.77142857142857146) as 0.771428571428572, its 15th digit not the rounded one:
    // read back, still what was written. A cent on a million is a change.
    expect(holdsCheck(readChecks(0.771428571428572), cellCheck(27 / 35))).toBe(true);
    expect(holdsCheck(readChecks(1234567.5 + 1e-9), cellCheck(1234567.5))).toBe(true);
    expect(holdsCheck(readChecks(1000000.01), cellCheck(1000000))).toBe(false);
    expect(holdsCheck(readChecks(0.77142857142), cellCheck(27 / 35))).toBe(false);
    // A figure at a rounding edge of its 12th digit, read a unit of its 15th off, either side.
    for (const read of [1.00000000000049999, 1.0000000000005001])
      expect(holdsCheck(readChecks(read), cellCheck(1.0000000000005))).toBe(true);
  });

  test("a check's tokens stay those earlier versions wrote, so their archives are read back unchanged", () => {
    // Tokens taken from archives written before the check was made in one buffer: a change of
    // the hash would call every cell of every earlier review typed over.
    const written: [CellValue, string][] = [
      ["Monthly", "WaX5"],
      ["a\r\nb", "O73e"],
      ["a\rb", "O73e"],
      ["中文 – ‘x’\nline2", "DqbL"],
      [1234.5, "4XQZ"],
      [27 / 35, "etdV"],
      [0, "fMz1"],
      [1e15, "hl7x"],
      [1e-8, "c1p_"],
      [true, "L5wW"],
      [utcDate("2026-12-31"), "PVkM"],
      [null, "."],
    ];
    for (const [value, token] of written) expect([value, cellCheck(value)]).toEqual([value, token]);
    expect(outputCheckText(["Monthly", 1234.5, null, "x\r\ny"], [0, 12.25, null])).toBe("WaX54XQZ.tKt3/fMz1vmAy.");
  });

  test("property: any figure saved with 15 significant digits, or a unit of its 15th off either way, reads back as written; one a unit of its 11th off does not", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).filter((v) => Math.abs(v) > 1e-5),
        (written) => {
          const saved = Number(written.toPrecision(15));
          const unit = 10 ** (Math.floor(Math.log10(Math.abs(saved))) - 14);
          for (const read of [saved, saved + unit, saved - unit])
            expect(holdsCheck(readChecks(read), cellCheck(written))).toBe(true);
          const changed = written + 10 ** (Math.floor(Math.log10(Math.abs(written))) - 10);
          expect(holdsCheck(readChecks(changed), cellCheck(written))).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

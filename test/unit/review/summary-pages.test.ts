/**
 * How the summary prints: a month that fits one landscape page at a size still read prints as the
 * one-page dashboard; a longer one (a second month with many changes) as a report one page wide at
 * a readable size, a page starting between two sections rather than inside a table, its rows no
 * taller than a line so the dashboard's two halves never stretch each other's rows.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { message } from "../../../src/engine/i18n";
import { PAGE_ROOM } from "../../../src/engine/review/page-bands";
import { isUsersPageSetup, LEAST_REPORT_SCALE } from "../../../src/engine/review/page-setup";
import { runReview } from "../../../src/engine/review/review";
import { LINE_HEIGHT } from "../../../src/engine/review/sheet-layout";
import { summarySheet } from "../../../src/engine/review/summary-sheet";
import {
  emptiestPage,
  FULL_PAGE,
  LEAST_ONE_PAGE_SCALE,
  pageBreaks,
  PAGE_WIDTH,
  reportPages,
  rowHeightsOf,
  widthScale,
} from "../../../src/engine/review/summary-pages";
import { buildWritePlan, PrintSetup, SheetPlan } from "../../../src/engine/review/write-plan";
import { runCli } from "../../support/cli";
import { editRows, reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const EXTRA = ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"];

/** Forty customers, and the same a month later with every other one's factors worse and over its limit: many changes to tell. */
function twoMonths() {
  const customers = customerSheet(
    EXTRA,
    Array.from({ length: 40 }, (_, i) => ({
      id: `C${i}`,
      name: `Customer number ${i} of a long-named trading company`,
      factors: [1 + (i % 3), 2, 2, 2, 1],
      extra: [100_000, 50_000 + i * 1_000, 0, 0],
    })),
  );
  const first = reviewWorkbook({ customers }, serial("2026-09-30"));
  const edits = Object.fromEntries(
    Array.from({ length: 20 }, (_, i) => [`C${i * 2}`, { 2: 5, 3: 4, 8: 10_000, 10: 20_000, 11: 120 }]),
  );
  const second = reviewWorkbook(
    { ...first.workbook, customers: editRows(first.workbook.customers, edits) },
    serial("2026-10-31"),
  );
  const plan = buildWritePlan(second.result, "en", {
    sheetNames: ["Customers"],
    archiveValues: first.workbook.archive,
    policyHistoryValues: first.workbook.policyHistory,
  });
  return { first, summary: plan.sheets.find((s) => s.kind === "summary")! };
}

/** The sheet row of the first block whose first cell starts `text` (a title wrapped over two rows starts it). */
function rowOf(summary: SheetPlan, text: string): number {
  return summary.blocks.find((b) => {
    const first = b.values[0][0];
    return typeof first === "string" && first.length >= 8 && text.startsWith(first);
  })!.row;
}

/** The sheet row of the block whose first cell is `text` (a title or a header on one row). */
function titleRow(summary: SheetPlan, text: string): number {
  return summary.blocks.find((b) => b.values[0][0] === text)!.row;
}

/** The last row a plan's cells take. */
function lastRow(summary: SheetPlan): number {
  return Math.max(...summary.blocks.map((b) => b.row + b.values.length - 1));
}

test("a month that fits one landscape page at a size still read prints as the one-page dashboard", () => {
  const result = runReview({
    sheetName: "Customers",
    values: customerSheet(EXTRA, [{ id: "A", name: "Calm", factors: [1, 1, 1, 1, 1], extra: [100_000, 40_000, 0, 0] }]),
    asOf: serial("2026-09-30"),
    policy: DEFAULT_POLICY,
  });
  const summary = buildWritePlan(result, "en", { sheetNames: [] }).sheets[0];
  expect(summary.print).toEqual({ orientation: "landscape", fitToWidth: 1, fitToHeight: 1, followsLength: true });
  // The right half's tables start beside the figures, under the charts.
  expect(summary.blocks.find((b) => b.values[0][0] === message("en", "summary.topRisks"))!.column).toBe(5);
});

describe("a second month with many changes", () => {
  const { summary } = twoMonths();
  const print = summary.print as PrintSetup & { scale: number; rowBreaks: readonly number[] };

  test("prints as a report one page wide at a readable size, not squeezed onto one page", () => {
    expect(print).toMatchObject({ orientation: "landscape", fitToWidth: 0, fitToHeight: 0, followsLength: true });
    expect(print.scale).toBeGreaterThanOrEqual(60);
    // Its columns fit the page's width at that size (the narrower of A4 and Letter).
    expect(widthScale(summary.columns!)).toBeGreaterThanOrEqual(print.scale);
    // Its sections one under the other, in the columns from A: the top risks under the figures.
    const topRisks = rowOf(summary, message("en", "summary.topRisks"));
    expect(summary.blocks.find((b) => b.row === topRisks)!.column).toBe(0);
    expect(topRisks).toBeGreaterThan(rowOf(summary, message("en", "summary.grade")));
  });

  test("no row is taller than a line: long texts run over the rows under them", () => {
    expect(summary.rowHeights ?? []).toEqual([]);
  });

  test("each page starts between two sections, never inside a table, and holds what the shorter paper holds", () => {
    expect(print.rowBreaks.length).toBeGreaterThanOrEqual(2);
    const topRisks = rowOf(summary, message("en", "summary.topRisks"));
    const decisions = rowOf(summary, message("en", "summary.decisions"));
    const grades = rowOf(summary, message("en", "summary.grade"));
    for (const at of print.rowBreaks) {
      // Not inside the top risks, nor inside the grade table with its chart beside it.
      expect(at <= topRisks || at >= decisions - 1).toBe(true);
      expect(at <= grades || at > grades + 10).toBe(true);
      // A page starts with something written, not an empty row.
      expect(summary.blocks.some((b) => b.row === at)).toBe(true);
    }
    const pages = [0, ...print.rowBreaks, lastRow(summary) + 1];
    const room = (PAGE_ROOM.landscape * 100) / print.scale;
    for (let i = 1; i < pages.length; i++) expect((pages[i] - pages[i - 1]) * LINE_HEIGHT).toBeLessThanOrEqual(room);
  });

  test("an earlier run's setup, one page or a scale of the report's, is the review's; a fit of the user's stays theirs", () => {
    const onePage = { orientation: "landscape" as const, fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
    expect(isUsersPageSetup(onePage, print)).toBe(false);
    expect(isUsersPageSetup({ orientation: "landscape", fitToPage: false, scale: 64 }, print)).toBe(false);
    expect(isUsersPageSetup({ orientation: "landscape", fitToPage: false, scale: LEAST_REPORT_SCALE - 5 }, print)).toBe(true);
    expect(isUsersPageSetup({ ...onePage, fitToHeight: 2 }, print)).toBe(true);
    expect(isUsersPageSetup({ ...onePage, orientation: "portrait" }, print)).toBe(true);
  });
});

/**
 * The sample reviewed at two month-ends by the command line, in each language: the second
 * month's summary, longer than one page holds, prints as the report. Its first page is the
 * dashboard's top: the headline figures, the grade table and the aging table with their charts.
 */
describe("the sample's second month as a report", () => {
  const SAMPLE = path.resolve(__dirname, "../../../examples/customers.xlsx");
  let dir: string;
  const reports = new Map<"en" | "zh", SheetPlan>();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-summary-pages-"));
    for (const lang of ["en", "zh"] as const) {
      const first = path.join(dir, `${lang}-1.xlsx`);
      expect((await runCli(SAMPLE, "--lang", lang, "--as-of", "2026-11-30", "--out", first)).code).toBe(0);
      const second = await runCli(first, "--lang", lang, "--as-of", "2026-12-31", "--out", path.join(dir, `${lang}-2.xlsx`));
      expect(second.code).toBe(0);
      reports.set(lang, summarySheet(second.result!, "Summary", lang));
    }
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(["en", "zh"] as const)(
    "%s: the headline, the grade table and the aging table with their charts on the first page, every page, the last too, two thirds full",
    (lang) => {
      const summary = reports.get(lang)!;
      const print = summary.print as PrintSetup & { scale: number; rowBreaks: readonly number[] };
      expect(print.fitToHeight).toBe(0);
      // The first page ends where the top risks start, under the aging table's notes.
      expect(titleRow(summary, message(lang, "summary.agingBucket"))).toBeLessThan(print.rowBreaks[0]);
      expect(print.rowBreaks[0]).toBe(titleRow(summary, message(lang, "summary.topRisks")));
      const heights = rowHeightsOf(summary, lastRow(summary) + 1);
      const space = (PAGE_ROOM.landscape * 100) / print.scale;
      // No page of a few rows on their own (the portfolio over time alone under a full page).
      expect(emptiestPage(heights, print.rowBreaks, space)).toBeGreaterThanOrEqual(FULL_PAGE);
      // What each page holds fits the shorter paper at the size it prints at.
      const pages = [0, ...print.rowBreaks, heights.length];
      for (let i = 1; i < pages.length; i++)
        expect(heights.slice(pages[i - 1], pages[i]).reduce((sum, h) => sum + h, 0)).toBeLessThanOrEqual(space);
    },
  );

  test("each a little smaller than its width allows, on the fewest pages a size down to five sixths of it takes", () => {
    const scaleOf = (lang: "en" | "zh") => (reports.get(lang)!.print as { scale: number }).scale;
    const widthOf = (lang: "en" | "zh") => widthScale(reports.get(lang)!.columns!);
    // In English the top risks and the decisions together are a row too many for a page above 72%.
    expect([widthOf("en"), scaleOf("en")]).toEqual([76, 72]);
    expect([widthOf("zh"), scaleOf("zh")]).toEqual([81, 69]);
    const pages = { en: 5, zh: 4 };
    for (const lang of ["en", "zh"] as const) {
      const { rowBreaks } = reports.get(lang)!.print as { rowBreaks: readonly number[] };
      expect(rowBreaks.length + 1).toBe(pages[lang]);
    }
  });

  test.each(["en", "zh"] as const)(
    "%s: the portfolio over time prints on the page of the customers with problems before it, not on a page of its own",
    (lang) => {
      const summary = reports.get(lang)!;
      const { rowBreaks } = summary.print as PrintSetup & { rowBreaks: readonly number[] };
      const problems = titleRow(summary, message(lang, "summary.problems"));
      const trend = titleRow(summary, message(lang, "trend.title"));
      expect(trend).toBeGreaterThan(problems);
      expect(rowBreaks.filter((at) => at > problems && at <= trend)).toEqual([]);
    },
  );

  test.each(["en", "zh"] as const)(
    "%s: what changed since the last review, longer than a page, breaks once, between two of its parts",
    (lang) => {
      const summary = reports.get(lang)!;
      const { rowBreaks } = summary.print as PrintSetup & { rowBreaks: readonly number[] };
      const prefix = message(lang, "changes.title", { date: "\u0000" }).split("\u0000")[0];
      const title = summary.blocks.find((b) => typeof b.values[0][0] === "string" && b.values[0][0].startsWith(prefix))!;
      const warnings = titleRow(summary, message(lang, "summary.warning"));
      const inside = rowBreaks.filter((at) => at > title.row && at < warnings);
      expect(inside).toHaveLength(1);
      // A part's first row: a count's label or a paragraph's first line, not a customer listed under a count.
      const first = summary.blocks.filter((b) => b.row === inside[0]);
      expect(first.length).toBeGreaterThan(0);
      expect(first.every((b) => b.column === 0 && !b.indented?.[0])).toBe(true);
    },
  );
});

describe("the report's size", () => {
  const lines = (n: number) => new Array<number>(n).fill(LINE_HEIGHT);
  /** Rows a page holds at full size when printed at `scale`. */
  const rowsAt = (scale: number) => (PAGE_ROOM.landscape * 100) / scale / LINE_HEIGHT;

  test("a block that misses the page above by a row or two goes up onto it at a size a little smaller", () => {
    // The Chinese sample's second month: the headline and the grade table (29 rows), the aging
    // table beside its chart (12), the top risks and the decisions (35), what changed (24).
    const spans = [
      { first: 0, last: 28 },
      { first: 29, last: 40 },
      { first: 41, last: 75 },
      { first: 76, last: 99 },
    ];
    expect(rowsAt(82)).toBeLessThan(41);
    // At 82% the aging table would start a page of its own, less than a third of it full.
    expect(pageBreaks(lines(100), spans, rowsAt(82) * LINE_HEIGHT)).toEqual([29, 41, 76]);
    expect(reportPages(82, lines(100), spans)).toEqual({
      orientation: "landscape",
      fitToWidth: 0,
      fitToHeight: 0,
      scale: 79,
      followsLength: true,
      rowBreaks: [41, 76],
    });
  });

  test("where no size down to five sixths of the width's fills the pages more, the size the width allows stays", () => {
    // Blocks of 25 rows, each less than two thirds of a page at 82% and two never on one page down to 69%.
    const spans = Array.from({ length: 4 }, (_, i) => ({ first: i * 25, last: i * 25 + 24 }));
    expect(2 * 25).toBeGreaterThan(rowsAt(69));
    expect(reportPages(82, lines(100), spans)).toMatchObject({ scale: 82, rowBreaks: [25, 50, 75] });
  });

  test("a last page under a third full goes up onto the pages above at a size still allowed", () => {
    // Three blocks of 36 rows fill three pages at 82% (39.6 rows a page); a fourth block of 8 rows
    // (the portfolio over time) would be a page of its own, a fifth of it full.
    const block = (i: number, rows = 36) => ({ first: i * 36, last: i * 36 + rows - 1 });
    const spans = [block(0), block(1), block(2), block(3, 8)];
    const space82 = rowsAt(82) * LINE_HEIGHT;
    expect(pageBreaks(lines(116), spans, space82)).toEqual([36, 72, 108]);
    expect(emptiestPage(lines(116), [36, 72, 108], space82)).toBeLessThan(1 / 3);
    // At 73% a page holds 44.5 rows, the third block and the fourth together 44: the largest size that takes it up.
    expect(rowsAt(74)).toBeLessThan(44);
    expect(reportPages(82, lines(116), spans)).toMatchObject({ scale: 73, rowBreaks: [36, 72] });
    // Where no size down to five sixths (69%, 47 rows) takes it up, the size the width allows stays.
    const longer = [block(0), block(1), block(2), block(3, 12)];
    expect(rowsAt(69)).toBeLessThan(48);
    expect(reportPages(82, lines(120), longer)).toMatchObject({ scale: 82, rowBreaks: [36, 72, 108] });
  });

  test("a size down to five sixths that takes a page fewer is taken, though the last page at the width's size is a third full", () => {
    // Three blocks of 33 rows and one of 14: four pages at 82% (39.6 rows a page), the last 35% full;
    // at 69%, five sixths of 82%, a page holds 47 rows: the third block and the fourth together.
    const spans = [0, 33, 66, 99].map((first, i) => ({ first, last: first + (i < 3 ? 32 : 13) }));
    expect(emptiestPage(lines(113), [33, 66, 99], rowsAt(82) * LINE_HEIGHT)).toBeGreaterThan(1 / 3);
    expect(rowsAt(70)).toBeLessThan(47);
    expect(reportPages(82, lines(113), spans)).toMatchObject({ scale: 69, rowBreaks: [33, 66] });
  });

  test("never under the least size a report prints at", () => {
    const spans = [
      { first: 0, last: 69 },
      { first: 70, last: 139 },
    ];
    expect(reportPages(LEAST_REPORT_SCALE + 2, lines(140), spans).scale).toBeGreaterThanOrEqual(LEAST_REPORT_SCALE);
    expect(reportPages(30, lines(140), spans).scale).toBe(LEAST_REPORT_SCALE);
  });

  test("the emptiest page, the last included: the share of its room its rows fill", () => {
    expect(emptiestPage(lines(10), [4, 6], 8 * LINE_HEIGHT)).toBeCloseTo(2 / 8, 10);
    expect(emptiestPage(lines(10), [4], 8 * LINE_HEIGHT)).toBeCloseTo(4 / 8, 10);
    expect(emptiestPage(lines(6), [], 8 * LINE_HEIGHT)).toBeCloseTo(6 / 8, 10);
  });
});

test("the dashboard at its size: the one-page print is not shrunk below LEAST_ONE_PAGE_SCALE", () => {
  expect(LEAST_ONE_PAGE_SCALE).toBeGreaterThanOrEqual(45);
});

describe("page breaks", () => {
  const lines = (n: number) => new Array<number>(n).fill(LINE_HEIGHT);

  test("a page starts before a span that would not fit the rest of the page, not inside it", () => {
    // Four lines a page; rows 2 to 5 kept together: the page breaks before row 2, then before row 6.
    expect(pageBreaks(lines(10), [{ first: 2, last: 5 }], 4 * LINE_HEIGHT)).toEqual([2, 6]);
  });

  test("a span taller than a page, with no parts kept together within it, breaks into as few pages as evenly full as can be", () => {
    // Four lines a page: 4, 3 and 3 rows, not 4, 4 and 2.
    expect(pageBreaks(lines(10), [{ first: 0, last: 9 }], 4 * LINE_HEIGHT)).toEqual([4, 7]);
  });

  test("a span taller than a page breaks between the spans kept together within it, never inside one", () => {
    // A section of rows 0–9, its parts rows 1–3 and 4–7 kept together, five lines a page: the first
    // page ends before the second part (row 4) rather than inside it (row 5); the second holds it,
    // and rows 8 and 9 the third.
    const parts = [
      { first: 0, last: 9 },
      { first: 1, last: 3 },
      { first: 4, last: 7 },
    ];
    expect(pageBreaks(lines(10), parts, 5 * LINE_HEIGHT)).toEqual([4, 8]);
    // Without its parts, where the page is full.
    expect(pageBreaks(lines(10), [parts[0]], 5 * LINE_HEIGHT)).toEqual([5]);
  });

  test("a short section goes onto the page of the one before it where they fit together, not alone under a full page", () => {
    // Sections of 35, 20, 15 and 8 rows, 40 lines a page: filled in order, the last 8 rows would be
    // a page of their own, a fifth full; the 15 go down with them, and no page is emptier than half.
    const spans = [0, 35, 55, 70].map((first, i) => ({ first, last: first + [35, 20, 15, 8][i] - 1 }));
    const breaks = pageBreaks(lines(78), spans, 40 * LINE_HEIGHT);
    expect(breaks).toEqual([35, 55]);
    expect(emptiestPage(lines(78), breaks, 40 * LINE_HEIGHT)).toBe(0.5);
    // Where it fits with neither section beside it (30, 15 and 30 rows), the short one stays alone:
    // no section is cut to fill its page.
    const longer = [0, 35, 65, 80].map((first, i) => ({ first, last: first + [35, 30, 15, 30][i] - 1 }));
    expect(pageBreaks(lines(110), longer, 40 * LINE_HEIGHT)).toEqual([35, 65, 80]);
  });

  test("rows that fit one page need no break", () => {
    expect(pageBreaks(lines(4), [], 4 * LINE_HEIGHT)).toEqual([]);
  });
});

test("the width a page holds: the narrower of A4 and Letter on its side, less the margins; a narrow sheet prints at full size", () => {
  expect(PAGE_WIDTH).toBeCloseTo(11 * 72 - 1.4 * 72, 6);
  expect(widthScale([{ column: 0, width: 60, wrap: false, indent: false }])).toBe(100);
  expect(widthScale([{ column: 0, width: 200, wrap: false, indent: false }])).toBe(61);
});

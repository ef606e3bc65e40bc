/**
 * How a table printed on pages down (the archive) breaks into bands of pages: no last band of a
 * few stray rows where a scale from 60% down to 50% avoids one on A4 and Letter, in Excel and
 * LibreOffice, and never a last band emptier than at 60%. Checked against a model of the
 * application: rows on a page while they fit under the repeated header, on the page heights
 * Excel and LibreOffice give A4 and Letter.
 */
import fc from "fast-check";
import { PAGE_ROOM, printedBands } from "../../../src/engine/review/page-bands";
import { laidOut, LINE_HEIGHT } from "../../../src/engine/review/sheet-layout";
import { LEAST_PRINT_SCALE, PRINT_SCALE } from "../../../src/engine/review/page-setup";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import type { Block, PlanValue, PrintSetup, SheetPlan } from "../../../src/engine/review/write-plan";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { customerSheet, serial } from "../../support/review-grid";

/** Wide enough (12 columns of 22 characters) to print at 60% on pages across, as the archive does. */
const COLUMNS = 12;
const cell = "x".repeat(20);
/** Its last column holds a text of `lines` lines (wrapped): a row that many lines tall. */
const row = (lines: number): PlanValue[] => [
  ...Array.from({ length: COLUMNS - 1 }, () => cell),
  Array.from({ length: lines }, () => "y".repeat(20)).join("\n"),
];
const texts = (values: PlanValue[]) => values.map(() => "text" as const);

/** A table under a one-line header in row 1, its rows printed (as the archive's of a review), `lines` a row. */
function table(lines: readonly number[], header: PlanValue[] = row(1).map((_, i) => `H${i}`)): SheetPlan {
  const rows = lines.map(row);
  const blocks: Block[] = [{ row: 0, column: 0, values: [header], formats: texts(header), bold: true }];
  if (rows.length) blocks.push({ row: 1, column: 0, values: rows, formats: texts(rows[0]) });
  return {
    name: "Archive",
    kind: "archive",
    mode: "replace",
    blocks,
    titleColumns: [{ first: 0, last: 1 }],
    printArea: { row: 1, column: 0, rows: rows.length, columns: COLUMNS },
  };
}

/** The table's rows rewritten below a header the sheet keeps (a later review's), `keptHeader` the plan says is there. */
function rewritten(lines: readonly number[], keptHeader: string[]): SheetPlan {
  const rows = lines.map(row);
  return {
    name: "Archive",
    kind: "archive",
    mode: "rewrite-from",
    fromRow: 1,
    blocks: [{ row: 1, column: 0, values: rows, formats: texts(rows[0]) }],
    printArea: { row: 1, column: 0, rows: rows.length, columns: COLUMNS },
    keptHeader,
  };
}

const ones = (n: number) => new Array<number>(n).fill(1);

/** One-line rows a landscape page holds at `scale` under a one-line header, on the shorter paper. */
const perPage = (scale: number) => Math.floor(((PAGE_ROOM.landscape * 100) / scale - LINE_HEIGHT) / LINE_HEIGHT);

test("the shorter paper's page: A4 on its side, 210 mm less the default 0.75 in margins top and bottom, 53 one-line rows at 60%", () => {
  expect(PAGE_ROOM.landscape).toBeCloseTo((210 / 25.4) * 72 - 108, 6);
  expect(PAGE_ROOM.portrait).toBe(11 * 72 - 108);
  expect(perPage(PRINT_SCALE)).toBe(53);
  expect(perPage(LEAST_PRINT_SCALE)).toBe(63);
});

test("a table whose last band of pages at 60% would print two rows prints a little smaller instead, on one band", () => {
  const print = laidOut(table(ones(55)), "en", "table").print!;
  expect(print).toEqual({
    orientation: "landscape",
    fitToWidth: 0,
    fitToHeight: 0,
    scale: 58,
    shrinksToBands: true,
    overThenDown: true,
    repeatRows: { first: 0, last: 0 },
    repeatColumns: { first: 0, last: 1 },
    area: { row: 1, column: 0, rows: 55, columns: COLUMNS },
  });
});

test("a table that fits one band at 60%, or whose last band is full enough there on every paper, prints at 60%", () => {
  for (const rows of [30, 90]) {
    const print = laidOut(table(ones(rows)), "en", "table").print!;
    expect({ rows, print }).toMatchObject({ rows, print: { scale: PRINT_SCALE, shrinksToBands: true } });
  }
});

test("a last band under a third of a page goes up into the bands above (its pages across mostly blank); a third or more stays at 60%", () => {
  // 53 one-line rows fill a band at 60%: ten more are a fifth of a page on each page across.
  const fifth = laidOut(table(ones(63)), "en", "table").print!;
  expect(fifth.scale).toBeLessThan(PRINT_SCALE);
  expect(
    printedBands(
      ones(63).map(() => LINE_HEIGHT),
      LINE_HEIGHT,
      PAGE_ROOM.landscape,
      fifth.scale!,
    ).bands,
  ).toBe(1);
  // Twenty more are over a third: not stray rows, and no scale down to 50% takes them up.
  expect(laidOut(table(ones(73)), "en", "table").print!.scale).toBe(PRINT_SCALE);
});

test("rows made taller by their wrapped text count as tall as the plan makes them", () => {
  // 49 rows: one band at 60% when each is one line; two when three of them take three lines, the second a few rows.
  expect(laidOut(table(ones(49)), "en", "table").print).toMatchObject({ scale: PRINT_SCALE });
  const plan = laidOut(table([...ones(46), 3, 3, 3]), "en", "table");
  expect(plan.rowHeights).toEqual([47, 48, 49].map((r) => ({ row: r, height: 3 * LINE_HEIGHT })));
  expect(plan.print!.scale).toBeLessThan(PRINT_SCALE);
});

test("a header the sheet keeps counts as tall as it prints on every page: a long one wrapped over its column", () => {
  // 53 rows fill a page at 60% under a one-line header; under a two-line one the last goes to a band of its own.
  const short = row(1).map((_, i) => `H${i}`);
  const scaleUnder = (plan: SheetPlan) => laidOut(plan, "en", "table").print!.scale;
  expect(scaleUnder(rewritten(ones(53), short))).toBe(PRINT_SCALE);
  const long = row(1).map((_, i) => `A header of column ${i} that wraps`);
  expect(scaleUnder(rewritten(ones(53), long))).toBeLessThan(PRINT_SCALE);
  // Written by the plan, the same header counts the same.
  expect(scaleUnder(table(ones(53), long))).toBe(scaleUnder(rewritten(ones(53), long)));
});

/** Page heights (points at full size) an application gives rows: Excel on A4 and Letter, LibreOffice on A4 and Letter (a few more). */
const ROOMS = [PAGE_ROOM.landscape, 504, 516, 533];

/** The rows of each band as an application prints them at `scale`. */
function modelBands(heights: readonly number[], header: number, room: number, scale: number): number[][] {
  const space = (room * 100) / scale - header;
  const bands: number[][] = [[]];
  let used = 0;
  for (const height of heights) {
    if (used > 0 && used + height > space) {
      bands.push([]);
      used = 0;
    }
    bands[bands.length - 1].push(height);
    used += height;
  }
  return bands;
}

test("property: between 60% and 50%, a last band of a few rows only where no scale in that range avoids one on every paper, and never emptier than at 60%", () => {
  fc.assert(
    fc.property(
      // Of any length up to 300 rows (the default size would keep arrays to a few), most one line.
      fc
        .integer({ min: 1, max: 300 })
        .chain((n) => fc.array(fc.constantFrom(1, 1, 1, 1, 1, 2, 2, 3, 6), { minLength: n, maxLength: n })),
      (lines) => {
        const print = laidOut(table(lines), "en", "table").print!;
        const heights = lines.map((n) => n * LINE_HEIGHT);
        const emptiest = (scale: number) => {
          let least = 1;
          for (const room of ROOMS) {
            const bands = modelBands(heights, LINE_HEIGHT, room, scale);
            const last = bands[bands.length - 1].reduce((sum, h) => sum + h, 0);
            if (bands.length > 1) least = Math.min(least, last / ((room * 100) / scale - LINE_HEIGHT));
          }
          return least;
        };
        const scale = print.scale!;
        expect(scale).toBeGreaterThanOrEqual(LEAST_PRINT_SCALE);
        expect(scale).toBeLessThanOrEqual(PRINT_SCALE);
        expect(emptiest(scale)).toBeGreaterThanOrEqual(emptiest(PRINT_SCALE));
        // Where some scale in the range leaves a third of a page or more on every paper, the one chosen does.
        const candidates = Array.from({ length: PRINT_SCALE - LEAST_PRINT_SCALE + 1 }, (_, i) => PRINT_SCALE - i);
        if (candidates.some((s) => emptiest(s) >= 1 / 3)) expect(emptiest(scale)).toBeGreaterThanOrEqual(1 / 3);
        // The engine's bands are the model's, on every paper.
        for (const room of ROOMS) {
          const model = modelBands(heights, LINE_HEIGHT, room, scale);
          const last = model[model.length - 1].reduce((sum, h) => sum + h, 0);
          const engine = printedBands(heights, LINE_HEIGHT, room, scale);
          expect(engine.bands).toBe(model.length);
          expect(engine.lastShare).toBeCloseTo(model.length > 1 ? last / ((room * 100) / scale - LINE_HEIGHT) : 1, 9);
        }
      },
    ),
    { numRuns: 150 },
  );
});

test("printedBands: rows go on a page while they fit under the header, a row taller than a page on one of its own", () => {
  // 100 points of room under a 10-point header: 90 for rows.
  expect(printedBands([], 10, 100, 100)).toEqual({ bands: 0, lastShare: 1 });
  expect(printedBands([30, 30, 30], 10, 100, 100)).toEqual({ bands: 1, lastShare: 1 });
  expect(printedBands([30, 30, 30, 9], 10, 100, 100)).toEqual({ bands: 2, lastShare: 0.1 });
  // A row taller than a page fills its band, never more.
  expect(printedBands([10, 200], 10, 100, 100)).toEqual({ bands: 2, lastShare: 1 });
  // A header taller than the page: every row on a band of its own, none judged short.
  expect(printedBands([30, 30], 120, 100, 100)).toEqual({ bands: 2, lastShare: 1 });
  // At 50% twice as many rows fit.
  expect(printedBands([30, 30, 30, 30, 30, 30], 10, 100, 50).bands).toBe(1);
});

describe("the customer sheet's printed bands", () => {
  /** The customer sheet's print setup and its rows' heights after a review of `count` customers (header in row 1). */
  function customerPrint(count: number) {
    const values = customerSheet(
      [],
      Array.from({ length: count }, () => ({})),
    );
    const result = runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, "en");
    const { target } = buildWritePlan(result, "en", { sheetNames: [] });
    const heights = new Float64Array(count).fill(LINE_HEIGHT);
    for (const { row, height } of target.rowHeights ?? []) if (row >= 1 && row <= count) heights[row - 1] = height;
    const header = target.rowHeights?.find((h) => h.row === 0)?.height ?? LINE_HEIGHT;
    return { print: target.print!, bands: (scale: number) => printedBands(heights, header, PAGE_ROOM.landscape, scale).bands };
  }

  test("a few customers over a band at 60% go up into the bands above, printed a little smaller", () => {
    // Find the first count that spills a second band at 60%: its stray rows are what the shrink saves.
    let count = 20;
    while (customerPrint(count).bands(PRINT_SCALE) < 2) count++;
    const { print, bands } = customerPrint(count);
    expect(print.scale).toBeLessThan(PRINT_SCALE);
    expect(print.scale).toBeGreaterThanOrEqual(LEAST_PRINT_SCALE);
    expect(print.shrinksToBands).toBe(true);
    expect(bands(print.scale!)).toBe(1);
  });

  test("customers that fill one band, or whose last band is full enough, print at 60%", () => {
    expect(customerPrint(10).print).toMatchObject({ scale: PRINT_SCALE, overThenDown: true, repeatRows: { first: 0, last: 0 } });
    let count = 20;
    while (customerPrint(count).bands(PRINT_SCALE) < 2) count++;
    // A third of a band more: a last band full enough on every paper keeps 60%.
    const full = customerPrint(count + 10);
    expect(full.bands(PRINT_SCALE)).toBe(2);
    expect(full.print.scale).toBe(PRINT_SCALE);
  });
});

/**
 * How the summary prints: on one landscape page (the dashboard) while that keeps it at a size
 * still read (LEAST_ONE_PAGE_SCALE), else as a report one page wide at the largest size its width
 * allows, or a little smaller where that takes fewer pages or fills them more evenly (reportPages),
 * on as many pages down as it takes, each page starting between two sections rather than in the
 * middle of a table (the sheet's manual row breaks), and no short section alone on a page where it
 * fits on the page of the one before (pageBreaks).
 *
 * Worked out from the plan's column widths and row heights, as page-bands.ts works out the
 * archive's bands: the applications' pages are modelled, never asked.
 */
import { PAGE_ROOM, POINTS_PER_INCH } from "./page-bands";
import { DEFAULT_MARGINS, LEAST_REPORT_SCALE } from "./page-setup";
import { LINE_HEIGHT } from "./sheet-layout";
import type { ColumnLayout, PrintSetup, SheetLayout } from "./write-plan";

const MILLIMETRES_PER_INCH = 25.4;

/**
 * The width a landscape page has for columns at full size, in points: the narrower of A4
 * (297 mm) and Letter (11 in), less the default left and right margins.
 */
export const PAGE_WIDTH =
  Math.min((297 / MILLIMETRES_PER_INCH) * POINTS_PER_INCH, 11 * POINTS_PER_INCH) -
  (DEFAULT_MARGINS.left + DEFAULT_MARGINS.right) * POINTS_PER_INCH;

/**
 * Points a column takes at full size for each character of its width, as LibreOffice prints it
 * (measured on the summary's printed columns: 5.55), a little more than Excel's digit of Calibri
 * 11, 7 pixels at 96 an inch (5.25): the wider, so a page holds the columns in both.
 */
const POINTS_PER_CHARACTER = 5.6;
/** A column the plan does not lay out keeps a new sheet's width, in characters. */
const DEFAULT_COLUMN_WIDTH = 8.43;

/**
 * The least size (percent) the dashboard prints at on its one page: about what the sample's
 * first month has always printed at (its 11-point text at 5 points), read closely but read. A
 * dashboard that one page would shrink further (a month with many changes to tell) prints as the
 * report, its sections one under the other at the size its width allows, 60% to 80% for the
 * samples' reports.
 */
export const LEAST_ONE_PAGE_SCALE = 45;

/** The scale (percent, whole, at most 100) at which the laid-out columns fill a landscape page's width. */
export function widthScale(columns: readonly ColumnLayout[]): number {
  const last = Math.max(-1, ...columns.map((c) => c.column));
  let characters = 0;
  for (let column = 0; column <= last; column++)
    characters += columns.find((c) => c.column === column)?.width ?? DEFAULT_COLUMN_WIDTH;
  if (characters === 0) return 100;
  return Math.min(100, Math.floor((PAGE_WIDTH * 100) / (characters * POINTS_PER_CHARACTER)));
}

/** The heights (points, at full size) of the sheet's rows from row 0 to `rows` − 1, as the plan makes them. */
export function rowHeightsOf(layout: Pick<SheetLayout, "rowHeights">, rows: number): Float64Array {
  const heights = new Float64Array(rows).fill(LINE_HEIGHT);
  for (const { row, height } of layout.rowHeights ?? []) if (row < rows) heights[row] = height;
  return heights;
}

/** The scale (percent) at which rows this tall in all (points) fit one landscape page, on the shorter paper. */
function heightScale(heights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < heights.length; i++) total += heights[i];
  return total > 0 ? (PAGE_ROOM.landscape * 100) / total : Infinity;
}

/**
 * Whether a dashboard whose columns print at `scale` (widthScale) and whose rows are `heights`
 * fits one landscape page at LEAST_ONE_PAGE_SCALE or more.
 */
export function fitsOnePage(scale: number, heights: ArrayLike<number>): boolean {
  return Math.min(scale, heightScale(heights)) >= LEAST_ONE_PAGE_SCALE;
}

/** The dashboard's print setup: one landscape page. */
export function onePage(): PrintSetup {
  return { orientation: "landscape", fitToWidth: 1, fitToHeight: 1, followsLength: true };
}

/**
 * The least share of its page's room every page of the report's fills, the last too, where a size
 * allows it: no page left more than a third empty (not the aging table and its chart alone on a
 * page, under a page of the figures above it; not the portfolio over time alone on the last).
 */
export const FULL_PAGE = 2 / 3;

/**
 * The least size the report is shrunk to, against the size its width allows, so that it takes
 * fewer pages or fills them more evenly: five sixths, the archive's least against its own size
 * (page-setup.ts), a step down still read at the same distance.
 */
const LEAST_SHRINK = 5 / 6;

/**
 * The report's print setup: one page wide, its rows (`heights`) on pages down, broken where
 * pageBreaks breaks them (between the kept-together spans, `spans`: 0-based first and last rows).
 * At the size, from the one its width allows (`scale`, widthScale) down to LEAST_SHRINK of it
 * (never under LEAST_REPORT_SCALE), that prints it on the fewest pages: the largest such size whose
 * every page, the last too, fills FULL_PAGE of its room, else the one whose emptiest page is the
 * fullest. A narrower sheet (the Chinese labels take fewer character widths than the English)
 * prints larger. At a scale rather than fitted to one page wide: an application may ignore manual
 * breaks on a sheet fitted to pages.
 */
export function reportPages(
  scale: number,
  heights: ArrayLike<number>,
  spans: readonly { readonly first: number; readonly last: number }[],
): PrintSetup {
  const widest = Math.max(LEAST_REPORT_SCALE, scale);
  const least = Math.max(LEAST_REPORT_SCALE, Math.ceil(widest * LEAST_SHRINK));
  const sizes: { at: number; breaks: number[]; emptiest: number }[] = [];
  for (let at = widest; at >= least; at--) {
    const space = (PAGE_ROOM.landscape * 100) / at;
    const breaks = pageBreaks(heights, spans, space);
    sizes.push({ at, breaks, emptiest: emptiestPage(heights, breaks, space) });
  }
  const fewest = Math.min(...sizes.map((s) => s.breaks.length));
  const onFewest = sizes.filter((s) => s.breaks.length === fewest);
  const printed =
    onFewest.find((s) => s.emptiest >= FULL_PAGE) ?? onFewest.reduce((best, s) => (s.emptiest > best.emptiest ? s : best));
  return {
    orientation: "landscape",
    fitToWidth: 0,
    fitToHeight: 0,
    scale: printed.at,
    followsLength: true,
    ...(printed.breaks.length ? { rowBreaks: printed.breaks } : {}),
  };
}

/**
 * The share of its room (`space` points at full size) the emptiest page fills, the last included,
 * of the rows of these heights broken into pages before the rows `breaks`.
 */
export function emptiestPage(heights: ArrayLike<number>, breaks: readonly number[], space: number): number {
  let emptiest = Infinity;
  const starts = [0, ...breaks, heights.length];
  for (let page = 1; page < starts.length; page++) {
    let used = 0;
    for (let row = starts[page - 1]; row < starts[page]; row++) used += heights[row];
    emptiest = Math.min(emptiest, used / space);
  }
  return emptiest;
}

/** A way to print the rows from one on: what its breaks cost, how empty its emptiest page, where its first page ends. */
interface PagePlan {
  readonly cost: number;
  readonly emptiest: number;
  readonly next: number;
}

/**
 * The rows (0-based) that start a page when rows of these heights are printed on pages `space`
 * points tall (at full size), each page holding what fits it (a row taller than a page on one of
 * its own), chosen of every way to break them:
 * 1. cutting as few kept-together spans as can be (a break before a row cuts each span the row is
 *    inside, past its first row), a break inside more spans at once the worse: a section too long
 *    for a page breaks between the parts kept together within it, never inside one, and where a
 *    span has no such parts, where the page is full;
 * 2. then on the fewest pages;
 * 3. then with its emptiest page, the last included, as full as can be: a short section goes onto
 *    the page of the one before it, where they fit together, rather than alone on a page of its
 *    own under a full one;
 * 4. then with each page as full as it can be, from the first: the rows go on in reading order.
 */
export function pageBreaks(
  heights: ArrayLike<number>,
  spans: readonly { readonly first: number; readonly last: number }[],
  space: number,
): number[] {
  const rows = heights.length;
  // How many spans each row is inside (past their first row): a break before it cuts them all.
  const inside = new Uint16Array(rows);
  for (const { first, last } of spans) for (let row = first + 1; row <= last && row < rows; row++) inside[row]++;
  // A break costs 1, and one cutting k spans (rows + 1)^k: one cut more outweighs any number of
  // pages more (there are fewer breaks than rows), and a cut deeper any number of shallower ones.
  const base = rows + 1;
  // best[row]: the best way to print the rows from `row` on, worked out from the last row back.
  const best: PagePlan[] = new Array(rows + 1);
  best[rows] = { cost: 0, emptiest: Infinity, next: rows };
  for (let start = rows - 1; start >= 0; start--) {
    let chosen: PagePlan | undefined;
    let used = 0;
    for (let end = start + 1; end <= rows; end++) {
      used += heights[end - 1];
      if (used > space && end > start + 1) break;
      const rest = best[end];
      const plan: PagePlan = {
        cost: rest.cost + (end < rows ? base ** inside[end] : 0),
        emptiest: Math.min(used / space, rest.emptiest),
        next: end,
      };
      // Ties go to the later end: the fuller first page.
      if (!chosen || plan.cost < chosen.cost || (plan.cost === chosen.cost && plan.emptiest >= chosen.emptiest)) chosen = plan;
    }
    best[start] = chosen!;
  }
  const breaks: number[] = [];
  for (let row = best[0].next; row < rows; row = best[row].next) breaks.push(row);
  return breaks;
}

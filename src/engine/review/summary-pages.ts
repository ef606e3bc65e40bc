/**
 * How the summary prints: on one landscape page (the dashboard) while that keeps it at a size
 * still read (LEAST_ONE_PAGE_SCALE), else as a report one page wide at the largest size its width
 * allows, or a little smaller where that fills its pages (reportPages), on as many pages down as
 * it takes, a page starting before a block that would not fit the rest of the page (the sheet's
 * manual row breaks) rather than in the middle of a table.
 *
 * Worked out from the plan's column widths and row heights, as page-bands.ts works out the
 * archive's bands: the applications' pages are modelled, never asked.
 */
import { FULL_ENOUGH, PAGE_ROOM, POINTS_PER_INCH } from "./page-bands";
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
 * The least share of its page's room a page of the report's, but its last, fills: a page starts
 * before a block that would not fit the rest of it, and may leave a third of it empty, not more
 * (not the aging table and its chart alone on a page, under a page of the figures above it).
 */
export const FULL_PAGE = 2 / 3;

/**
 * The least size the report is shrunk to, against the size its width allows, so that a block that
 * would leave the page above it emptier than FULL_PAGE goes up onto it: five sixths, the archive's
 * least against its own size (page-setup.ts), a step down still read at the same distance.
 */
const LEAST_SHRINK = 5 / 6;

/**
 * The report's print setup: one page wide, its rows (`heights`) on pages down, each page starting
 * at a row where a break keeps every kept-together span whole (`spans`, 0-based first and last
 * rows) unless a span is taller than a page. At the size its width allows (`scale`, widthScale),
 * or a little smaller (down to LEAST_SHRINK of it, never under LEAST_REPORT_SCALE) where that
 * size would leave a page but the last emptier than FULL_PAGE: the largest size that fills each
 * page that much; and smaller again, within the same bounds, where that spares a last page under
 * a third full. A narrower sheet (the Chinese labels take fewer character widths than the
 * English) prints larger, and at its larger size a block can miss the page above by a few rows.
 * At a scale rather than fitted to one page wide: an application may ignore manual breaks on a
 * sheet fitted to pages.
 */
export function reportPages(
  scale: number,
  heights: ArrayLike<number>,
  spans: readonly { readonly first: number; readonly last: number }[],
): PrintSetup {
  const widest = Math.max(LEAST_REPORT_SCALE, scale);
  const least = Math.max(LEAST_REPORT_SCALE, Math.ceil(widest * LEAST_SHRINK));
  const space = (at: number) => (PAGE_ROOM.landscape * 100) / at;
  let printed = widest;
  for (let at = widest; at >= least; at--)
    if (emptiestPage(heights, pageBreaks(heights, spans, space(at)), space(at)) >= FULL_PAGE) {
      printed = at;
      break;
    }
  let rowBreaks = pageBreaks(heights, spans, space(printed));
  // A last page of a few rows (the portfolio over time alone, under a page of problems) goes up
  // onto the pages above where a size still allowed takes it there, each of them still full enough.
  // (Under a third full, as the archive spares a last band of pages: page-bands.ts.)
  if (rowBreaks.length > 0 && lastPageShare(heights, rowBreaks, space(printed)) < FULL_ENOUGH)
    for (let at = printed - 1; at >= least; at--) {
      const breaks = pageBreaks(heights, spans, space(at));
      if (breaks.length < rowBreaks.length && emptiestPage(heights, breaks, space(at)) >= FULL_PAGE) {
        [printed, rowBreaks] = [at, breaks];
        break;
      }
    }
  return {
    orientation: "landscape",
    fitToWidth: 0,
    fitToHeight: 0,
    scale: printed,
    followsLength: true,
    ...(rowBreaks.length ? { rowBreaks } : {}),
  };
}

/** The share of its room (`space` points at full size) the last page fills, of rows broken before `breaks`. */
export function lastPageShare(heights: ArrayLike<number>, breaks: readonly number[], space: number): number {
  let used = 0;
  for (let row = breaks.length ? breaks[breaks.length - 1] : 0; row < heights.length; row++) used += heights[row];
  return used / space;
}

/**
 * The share of its room (`space` points at full size) the emptiest page fills of the rows of these
 * heights broken into pages before the rows `breaks`, the last page not counted (whatever rows
 * are over): 1 on one page.
 */
export function emptiestPage(heights: ArrayLike<number>, breaks: readonly number[], space: number): number {
  let emptiest = 1;
  let start = 0;
  for (const at of breaks) {
    let used = 0;
    for (let row = start; row < at; row++) used += heights[row];
    emptiest = Math.min(emptiest, used / space);
    start = at;
  }
  return emptiest;
}

/**
 * The rows (0-based) that start a page when rows of these heights are printed on pages `space`
 * points tall (at full size): each page takes rows while they fit; the first that does not
 * starts the next page at the last row since the page began where a break cuts no span (a row
 * that starts a span or stands in none), or, where there is none (a span taller than a page),
 * at the last where it cuts the fewest (a section too long for a page breaks between the parts
 * kept together within it), else at that row itself, as the application would break it.
 */
export function pageBreaks(
  heights: ArrayLike<number>,
  spans: readonly { readonly first: number; readonly last: number }[],
  space: number,
): number[] {
  // How many spans each row is inside (past their first row): a break goes where the fewest are cut.
  const inside = new Uint16Array(heights.length);
  for (const { first, last } of spans) for (let row = first + 1; row <= last && row < heights.length; row++) inside[row]++;
  const breaks: number[] = [];
  let start = 0;
  let used = 0;
  for (let row = 0; row < heights.length; row++) {
    if (used > 0 && used + heights[row] > space) {
      let at = row;
      for (let r = row; r > start && inside[at] > 0; r--) if (inside[r] < inside[at]) at = r;
      breaks.push(at);
      start = at;
      used = 0;
      for (let r = at; r < row; r++) used += heights[r];
    }
    used += heights[row];
  }
  return breaks;
}

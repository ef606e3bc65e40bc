/**
 * How a table printed on pages down breaks into bands (a band: the pages across that one run of
 * rows prints on), from its rows' heights, as a spreadsheet application breaks it: rows go on a
 * page while they fit under the header it repeats, and the first that does not starts the next.
 *
 * A table printed at a fixed scale leaves its last band whatever rows are over, as few as one. So
 * a table that takes more than one band is printed at the largest scale, down to a least one, at
 * which it takes one band fewer, worked out on the shorter of A4 and Letter: its last band's rows
 * go up into the bands above. Where they need more shrinking than that, the last band is a long
 * one. A scale, not a fit to a number of pages tall: a fit is the whole sheet's, and would squeeze
 * every review's rows onto this review's pages once the print area is cleared, or once the rows
 * grow under a print setup the user keeps. (On roomier paper, LibreOffice's Letter fitting a few
 * rows more a page, a table of ten bands or more can still end on a short band.)
 */
import { DEFAULT_MARGINS } from "./page-setup";

/** Points in an inch: page sizes and margins (inches in the file format) against row heights (points). */
export const POINTS_PER_INCH = 72;
const MILLIMETRES_PER_INCH = 25.4;

/** The paper's height in points, each way up: the shorter of A4 (210 × 297 mm) and Letter (8.5 × 11 in). */
const PAPER_HEIGHT = {
  portrait: Math.min((297 / MILLIMETRES_PER_INCH) * POINTS_PER_INCH, 11 * POINTS_PER_INCH),
  landscape: Math.min((210 / MILLIMETRES_PER_INCH) * POINTS_PER_INCH, 8.5 * POINTS_PER_INCH),
} as const;

/**
 * The height a page has for rows at full size, in points: the paper's, less the default top and
 * bottom margins (Excel prints the page's header and footer within them). On the shorter paper,
 * so rows estimated to fit a page do on either.
 */
export const PAGE_ROOM = {
  portrait: PAPER_HEIGHT.portrait - (DEFAULT_MARGINS.top + DEFAULT_MARGINS.bottom) * POINTS_PER_INCH,
  landscape: PAPER_HEIGHT.landscape - (DEFAULT_MARGINS.top + DEFAULT_MARGINS.bottom) * POINTS_PER_INCH,
} as const;

/**
 * How rows of these heights (points, in print order) break into bands of pages printed at `scale`
 * percent on pages with `room` points for rows at full size, under a header `header` points tall
 * repeated on each: how many bands, and the share of a page's room the last band fills (1 when
 * the rows take one band, or when no row fits under the header). A row taller than a page goes on
 * one of its own.
 */
export function printedBands(
  heights: ArrayLike<number>,
  header: number,
  room: number,
  scale: number,
): { readonly bands: number; readonly lastShare: number } {
  const space = (room * 100) / scale - header;
  let bands = heights.length > 0 ? 1 : 0;
  let used = 0;
  for (let i = 0; i < heights.length; i++) {
    if (used > 0 && used + heights[i] > space) {
      bands++;
      used = 0;
    }
    used += heights[i];
  }
  return { bands, lastShare: bands > 1 && space > 0 ? Math.min(1, used / space) : 1 };
}

/**
 * The rows a page holds at full size, in points, as the applications print a landscape page of
 * the review's (default margins, the page's own header and footer within them): Excel on A4 and
 * on Letter, LibreOffice on A4 and on Letter. A table's last band is judged on each.
 */
const LANDSCAPE_ROOMS = [PAGE_ROOM.landscape, 504, 516, 533] as const;

/**
 * A last band this full of its page or more is kept. A table prints at a scale only when it is
 * two pages wide or more, so its last band spends that many pages: under a third of a page of
 * rows (say five customers, each a few lines tall) across three pages is mostly blank paper.
 */
export const FULL_ENOUGH = 1 / 3;

/**
 * The scale, a whole percent from `scale` down to `least`, a table printed on landscape pages down
 * is printed at so that its last band of pages is not a few stray rows on A4 or Letter, in Excel
 * or LibreOffice: `scale` itself when its last band is full enough on every one of them, else the
 * largest scale whose emptiest last band is the fullest. Only landscape: the review prints its
 * tables that way.
 */
export function bandScale(heights: ArrayLike<number>, header: number, scale: number, least: number): number {
  const emptiest = (s: number) => Math.min(...LANDSCAPE_ROOMS.map((room) => printedBands(heights, header, room, s).lastShare));
  let best = scale;
  let bestShare = emptiest(scale);
  for (let s = scale - 1; s >= least && bestShare < FULL_ENOUGH; s--) {
    const share = emptiest(s);
    if (share > bestShare) [best, bestShare] = [s, share];
  }
  return best;
}

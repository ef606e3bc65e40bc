/**
 * How a table printed on pages down breaks into bands (a band: the pages across that one run of
 * rows prints on), from its rows' heights, as a spreadsheet application breaks it: rows go on a
 * page while they fit under the header it repeats, and the first that does not starts the next.
 *
 * A table printed at a fixed scale leaves its last band whatever rows are over, as few as one, and
 * how many are over depends on the paper and on the application (LibreOffice fits a tenth more
 * rows on a page than Excel). Fitted to a number of pages tall instead, the application works out
 * the scale from its own paper and row heights so the rows fill that many bands. So a table that
 * takes more than one band is fitted to one band fewer than it takes at its scale, where that
 * keeps it at the least scale given or more: its last band's rows go up into the bands above.
 * Where they need more shrinking than that, the last band is a long one. (Past a few dozen bands
 * the application's scale, a whole percent, can itself leave a short last band: each band then
 * holds a little more than the fit needs.)
 */
import { DEFAULT_MARGINS } from "./page-setup";

const POINTS_PER_INCH = 72;
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
 * How many bands of pages rows of these heights (points, in print order) take printed at `scale`
 * percent on pages with `room` points for rows at full size, under a header `header` points tall
 * repeated on each. A row taller than a page goes on one of its own.
 */
export function bandsAt(heights: ArrayLike<number>, header: number, room: number, scale: number): number {
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
  return bands;
}

/**
 * How many pages tall a table that prints at `scale` on pages down is fitted to instead: one band
 * fewer than it takes at that scale, when the rows fit that many at `least` percent; undefined
 * when it takes one band, or needs more shrinking than that to lose one.
 */
export function pagesTall(
  heights: ArrayLike<number>,
  header: number,
  orientation: "portrait" | "landscape",
  scale: number,
  least: number,
): number | undefined {
  const room = PAGE_ROOM[orientation];
  const bands = bandsAt(heights, header, room, scale);
  if (bands < 2 || bandsAt(heights, header, room, least) >= bands) return undefined;
  return bands - 1;
}

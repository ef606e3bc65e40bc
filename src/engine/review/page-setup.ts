/**
 * A print setup the user made on one of the review's own sheets: landscape or portrait, fitted to
 * pages or at a scale, margins, gridlines, headings, centring. Each run writes these sheets' setup
 * again (the command line replaces the summary's part and patches the others', the pane adds the
 * summary again for its charts and rewrites the others), and each prints the same way every run,
 * so a setup that differs from the one its plan says is the user's, and stays; one that matches is
 * an earlier run's, redone. The paper is never the review's to choose: the one the sheet prints on
 * stays either way.
 */
import type { ReviewSheet } from "./sheets";
import type { PrintSetup } from "./write-plan";

/** Page margins, in inches, as the file format holds them. */
export interface Margins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/** The size (percent) a table too wide for one page prints at, on pages across: small, still read without a lens. */
export const PRINT_SCALE = 60;
/**
 * The least size (percent) the archive is shrunk to so its last band of pages is not a few stray
 * rows (bandScale): five sixths of PRINT_SCALE, still read without a lens.
 */
export const LEAST_PRINT_SCALE = 50;

/**
 * The least size (percent) the summary prints at as a report on pages down (summary-pages.ts),
 * however wide its tables: below it nothing reads.
 */
export const LEAST_REPORT_SCALE = 40;

/** Excel's "Normal" margins: what the review gives a sheet it writes whole, and what a new sheet has. */
export const DEFAULT_MARGINS: Margins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/**
 * The review's own sheets whose print setup of the user's is kept: each prints the same way every
 * run, so a setup unlike the plan's can only be the user's. The summary on one landscape page, or
 * when longer landscape at a scale on pages down; the
 * policy on one page, landscape (its settings' meanings alone are wider than a portrait page); the
 * archive and the policy history at the review's scale, landscape, across before down (their
 * columns, a fixed set, are too many for one page across even at that scale). Which of the
 * archive's rows print (this review's) is no part of it: that moves every run.
 */
export const KEEPS_USERS_PAGE_SETUP: ReadonlySet<ReviewSheet> = new Set(["summary", "policy", "archive", "policyHistory"]);

/** A sheet's print setup as a writer reads it (what it does not say is the file format's default). */
export interface PageSetupNow {
  readonly orientation?: "portrait" | "landscape";
  /** Fitted to pages (fitToWidth by fitToHeight, 0: as many as it takes), else printed at `scale`. */
  readonly fitToPage: boolean;
  readonly fitToWidth?: number;
  readonly fitToHeight?: number;
  /** Percent of full size. */
  readonly scale?: number;
  readonly margins?: Partial<Margins>;
  readonly gridlines?: boolean;
  readonly headings?: boolean;
  readonly centerHorizontally?: boolean;
  readonly centerVertically?: boolean;
}

/** A margin set by hand differs by more than a rounding to hundredths (a writer's points and centimetres). */
const MARGIN_TOLERANCE = 0.01;

/**
 * Whether a print setup one of the review's own sheets has is the user's, and stays in place of
 * the plan's (`ours`): anything in it other than what the plan prints with, the default margins
 * and no gridlines, headings or centring. A new sheet's (portrait at full size, nothing else set)
 * is no one's: a sheet the review has not laid out yet (one typed by hand, or written where the
 * pane could not set up pages) gets the plan's.
 */
export function isUsersPageSetup(now: PageSetupNow, ours: PrintSetup): boolean {
  const margins = now.margins ?? {};
  if (
    (Object.keys(DEFAULT_MARGINS) as (keyof Margins)[]).some(
      (side) => Math.abs((margins[side] ?? DEFAULT_MARGINS[side]) - DEFAULT_MARGINS[side]) > MARGIN_TOLERANCE,
    )
  )
    return true;
  if (now.gridlines || now.headings || now.centerHorizontally || now.centerVertically) return true;
  const orientation = now.orientation ?? "portrait";
  if (orientation === "portrait" && !now.fitToPage && (now.scale ?? 100) === 100) return false;
  // The policy history prints one page wide, either way round, until its versions pass a page's
  // width, then at the review's scale on pages across: any of these of an earlier run's is the review's.
  if (ours.followsWidth)
    return now.fitToPage
      ? (now.fitToWidth ?? 1) !== 1 || (now.fitToHeight ?? 1) !== 0
      : orientation !== "landscape" || (now.scale ?? 100) !== PRINT_SCALE;
  if (orientation !== ours.orientation) return true;
  // The summary prints on one page or at a scale on pages down, as long as it is this run: either
  // way of an earlier run's is the review's (a fit one page wide and tall, or a scale of its range).
  if (ours.followsLength) {
    if (now.fitToPage) return (now.fitToWidth ?? 1) !== 1 || (now.fitToHeight ?? 1) !== 1;
    const scale = now.scale ?? 100;
    return scale < LEAST_REPORT_SCALE || scale > 100;
  }
  const fitted = ours.scale === undefined;
  if (now.fitToPage !== fitted) return true;
  // The archive's scale moves with its rows (page-bands): whichever an earlier run wrote is the review's.
  if (ours.shrinksToBands) {
    const scale = now.scale ?? 100;
    return scale < LEAST_PRINT_SCALE || scale > PRINT_SCALE;
  }
  return fitted
    ? (now.fitToWidth ?? 1) !== ours.fitToWidth || (now.fitToHeight ?? 1) !== ours.fitToHeight
    : (now.scale ?? 100) !== ours.scale;
}

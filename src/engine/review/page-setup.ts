/**
 * A print setup the user made on the summary, which each run writes whole (the command line
 * replaces its part, the pane deletes and adds it again for its charts): landscape or portrait,
 * fitted to pages or at a scale, margins, gridlines, headings, centring. The summary prints the
 * same way every run, so a setup that differs from the one its plan says is the user's, and
 * stays; one that matches is an earlier run's, redone. The paper is never the review's to choose:
 * the one the sheet prints on stays either way.
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

/** Excel's "Normal" margins: what the review gives a sheet it writes whole, and what a new sheet has. */
export const DEFAULT_MARGINS: Margins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** The review's own sheets whose print setup of the user's is kept: the summary's print setup is the same every run. */
export const KEEPS_USERS_PAGE_SETUP: ReadonlySet<ReviewSheet> = new Set(["summary"]);

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
 * Whether a print setup a sheet the review writes whole has is the user's, and is written back in
 * place of the plan's (`ours`): anything in it other than what the plan prints with, the default
 * margins and no gridlines, headings or centring.
 */
export function isUsersPageSetup(now: PageSetupNow, ours: PrintSetup): boolean {
  const fitted = ours.scale === undefined;
  if ((now.orientation ?? "portrait") !== ours.orientation || now.fitToPage !== fitted) return true;
  if (
    fitted
      ? (now.fitToWidth ?? 1) !== ours.fitToWidth || (now.fitToHeight ?? 1) !== ours.fitToHeight
      : (now.scale ?? 100) !== ours.scale
  )
    return true;
  const margins = now.margins ?? {};
  if (
    (Object.keys(DEFAULT_MARGINS) as (keyof Margins)[]).some(
      (side) => Math.abs((margins[side] ?? DEFAULT_MARGINS[side]) - DEFAULT_MARGINS[side]) > MARGIN_TOLERANCE,
    )
  )
    return true;
  return Boolean(now.gridlines || now.headings || now.centerHorizontally || now.centerVertically);
}

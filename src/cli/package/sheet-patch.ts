/**
 * A sheet of the user's (the customer sheet, an archive appended to) patched: the plan's cells
 * merged into its rows and its layout, fills, filter and page setup into the children around
 * them. Everything the patch needs is plain data (a job), so the same patch runs on the main
 * thread or, for a large sheet the review owns, on a worker thread beside the customer sheet.
 */
import { columnLetter, parseAddress, referenceColumn, referenceRow } from "../../engine/a1";
import { Lang } from "../../engine/i18n";
import { isUsersHeaderFooter } from "../../engine/review/page-headers";
import { isEarlierRunFilter } from "../../engine/review/sheet-layout";
import type { Area, ConditionalFill, FilterArea, SheetLayout } from "../../engine/review/write-plan";
import {
  autoFilterXml,
  fittedPageSetup,
  fittedSheetPr,
  frozenViews,
  headerFooterTexts,
  headerFooterXml,
  sheetCols,
  withTabSelected,
} from "./layout-xml";
import { PackageError } from "./package-error";
import { RowPlan, RowPlanData } from "./row-plan";
import { editChildren, SheetPatcher } from "./sheet-writer";
import { Styles } from "./styles";
import { CellWriter, fillsXml, sqrefTopLeft } from "./worksheet-xml";
import { elementsOf, rootPrefix } from "./xml-edit";
import { ZipReader } from "./zip-reader";
import { PartText } from "./zip-writer";

/** Whether a conditional format's range starts inside one of the areas the plan says a re-run clears. */
function startsIn(sqref: string, areas: readonly Area[]): boolean {
  const topLeft = sqrefTopLeft(sqref);
  const row = referenceRow(topLeft) - 1;
  const column = referenceColumn(topLeft) - 1;
  return areas.some((a) => row >= a.row && row < a.row + a.rows && column >= a.column && column < a.column + a.columns);
}

/** The dimension element widened to take in the rows and columns the plan writes. */
function widenDimension(head: string, plan: RowPlan): string {
  if (plan.lastRow < 0) return head;
  return head.replace(/(<(?:\w+:)?dimension\s+ref=")([^"]*)(")/, (whole, open: string, ref: string, close: string) => {
    const [from, to = from] = ref.split(":");
    const lastColumn = Math.max(referenceColumn(to), plan.lastColumn + 1);
    const lastRow = Math.max(referenceRow(to), plan.lastRow + 1);
    if (!referenceColumn(from) || !referenceRow(from)) return whole;
    return `${open}${from}:${columnLetter(lastColumn - 1)}${lastRow}${close}`;
  });
}

/**
 * An earlier run's filter (see isEarlierRunFilter) with no criteria in it: replaced rather than
 * kept. Empty either way a writer puts it: `<autoFilter ref="…"/>`, or with an end tag as
 * LibreOffice writes it.
 */
export function isEarlierRunTag(tag: string, ours: FilterArea | undefined): boolean {
  const m = /^<(?:\w+:)?autoFilter\s+ref="([^"]+)"\s*(?:\/>|>\s*<\/(?:\w+:)?autoFilter>)$/.exec(tag);
  if (!m) return false;
  try {
    return isEarlierRunFilter(parseAddress(m[1]), ours);
  } catch {
    return false;
  }
}

/** What the user has set up on a worksheet that a plan's layout leaves alone. */
export interface UserSetup {
  /** A filter or a table of the user's (not an earlier run's filter): then it gets no filter of ours. */
  readonly ownFilter: boolean;
  /**
   * A print setup of the user's (isUsersPrintSetup; on the review's own sheets isUsersPageSetup):
   * then it gets no print setup of ours.
   */
  readonly ownPrint: boolean;
  /** The sheet's <headerFooter> element whole, when it has one: on a sheet written whole, what of it the review does not write stays. */
  readonly headerFooter?: string;
  /** The sheet's print setup as its elements' tags: on one of the review's own sheets, one of the user's stays (isUsersPageSetup). */
  readonly page?: PageElements;
}

/** A worksheet's print setup as it holds it: its tags (as written, where it has them) and its fit to pages. */
export interface PageElements {
  readonly fitToPage: boolean;
  readonly pageSetup?: string;
  readonly pageMargins?: string;
  readonly printOptions?: string;
}

/** A patch as plain data: what the plan writes on the sheet and what is already set up there. */
export interface PatchJob {
  readonly sheetName: string;
  /** The sheet's part in the input package. */
  readonly part: string;
  /** The plan's cells, their styles already worked out (the styles part is the main thread's alone). */
  readonly plan: RowPlanData;
  readonly layout: SheetLayout;
  readonly fills: readonly ConditionalFill[];
  /** The differential style of each fill, in the styles part as it will be written. */
  readonly fillStyles: readonly number[];
  readonly clearFillsOn: readonly Area[];
  /** What the user has set up there already. */
  readonly user: UserSetup;
  /**
   * One of the review's own sheets (an archive rewritten from a row on): its header's and
   * footer's centre sections are the review's, redone every run, beside a left or right section
   * of the user's. On the user's sheet a header or footer of theirs stays whole.
   */
  readonly ownSheet?: boolean;
  /** Its tab selected (true) or not (false) in the workbook's first window; as it is when not said. */
  readonly tabSelected?: boolean;
  readonly lang: Lang;
  readonly date1904: boolean;
}

/** The streaming patcher a job describes. */
function sheetPatcher(job: PatchJob): SheetPatcher {
  const { layout, fills, clearFillsOn } = job;
  const rows = RowPlan.fromData(job.plan);
  // Only the styles' indexes, already in the plan, are used: this writer adds no style.
  const writer = new CellWriter(new Styles(), job.lang, job.date1904);
  return new SheetPatcher(
    rows,
    writer,
    {
      head: (head) => {
        writer.prefix = rootPrefix(head);
        const p = writer.prefix;
        const text = widenDimension(head, rows);
        const children = elementsOf(text).elements.filter((e) => e.depth === 1);
        const child = (local: string) => children.find((e) => e.local === local);
        const xmlOf = (local: string) => {
          const e = child(local);
          return e ? text.slice(e.start, e.end) : "";
        };
        const print = !job.user.ownPrint ? layout.print : undefined;
        const replacing = new Set(["cols", "sheetViews", ...(print ? ["sheetPr"] : [])]);
        return editChildren(
          text,
          1,
          {
            drop: (e) => replacing.has(e.local),
            add: [
              { local: "sheetPr", xml: print ? fittedSheetPr(xmlOf("sheetPr"), p, print.scale === undefined) : "" },
              {
                local: "sheetViews",
                xml: selectedViews(frozenViews(xmlOf("sheetViews"), layout.freezeRows, p), job.tabSelected),
              },
              { local: "cols", xml: sheetCols(xmlOf("cols"), layout, p) },
            ],
          },
          text.length,
        );
      },
      tail: (tail) => {
        const p = writer.prefix;
        const { elements } = elementsOf(tail);
        const dropped = (e: { local: string; depth: number; attrs: Map<string, string> }) =>
          e.depth === 0 && e.local === "conditionalFormatting" && startsIn(e.attrs.get("sqref") ?? "", clearFillsOn);
        let priority = 0;
        let inDropped = -1;
        for (const e of elements) {
          if (e.depth === 0) inDropped = dropped(e) ? e.end : -1;
          if (e.local === "cfRule" && !(inDropped >= 0 && e.start < inDropped))
            priority = Math.max(priority, Number(e.attrs.get("priority") ?? 0));
        }
        const pageSetup = elements.find((e) => e.depth === 0 && e.local === "pageSetup");
        const print = layout.print && !job.user.ownPrint ? layout.print : undefined;
        const headerFooter = elements.find((e) => e.depth === 0 && e.local === "headerFooter");
        const pagesNow = headerFooter ? tail.slice(headerFooter.start, headerFooter.end) : "";
        const usersPages = !job.ownSheet && pagesNow !== "" && isUsersHeaderFooter(headerFooterTexts(pagesNow));
        const pages = usersPages ? undefined : layout.headerFooter;
        const filter = layout.autoFilter && !job.user.ownFilter ? layout.autoFilter : undefined;
        const close = tail.lastIndexOf("</");
        return editChildren(
          tail,
          0,
          {
            drop: (e) =>
              dropped(e) ||
              (print !== undefined && e.depth === 0 && e.start === pageSetup?.start) ||
              (pages !== undefined && e.depth === 0 && e.start === headerFooter?.start) ||
              (filter !== undefined &&
                e.depth === 0 &&
                e.local === "autoFilter" &&
                isEarlierRunTag(tail.slice(e.start, e.end), filter)),
            add: [
              { local: "autoFilter", xml: filter ? autoFilterXml(filter, p) : "" },
              { local: "conditionalFormatting", xml: fillsXml(fills, job.fillStyles, priority + 1, p) },
              {
                local: "pageSetup",
                xml: print ? fittedPageSetup(pageSetup ? tail.slice(pageSetup.start, pageSetup.end) : "", print, p) : "",
              },
              { local: "headerFooter", xml: pages ? headerFooterXml(pages, p, pagesNow) : "" },
            ],
          },
          close < 0 ? tail.length : close,
        );
      },
    },
    job.sheetName,
  );
}

/** Streams the job's sheet from the input package through its patch to `write`. */
export async function patchPart(zip: ZipReader, job: PatchJob, write: (text: PartText) => Promise<void>): Promise<void> {
  const entry = zip.entry(job.part);
  if (!entry) throw new PackageError("cli.package.sheetPartMissing", { sheet: job.sheetName, part: job.part });
  const patcher = sheetPatcher(job);
  await zip.readText(entry, (chunk) => patcher.push(chunk, write));
  await patcher.end(write);
}

export function selectedViews(sheetViews: string, tabSelected: boolean | undefined): string {
  return tabSelected === undefined || !sheetViews ? sheetViews : withTabSelected(sheetViews, tabSelected);
}

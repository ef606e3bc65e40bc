/**
 * One sheet of the plan into the package: a sheet of the user's (the customer sheet, an
 * archive appended to) streamed through with the plan's cells, fills and layout merged in; a
 * sheet the review owns written whole, with its charts as drawing and chart parts.
 */
import { columnLetter, parseAddress, referenceColumn, referenceRow } from "../../engine/a1";
import { Lang } from "../../engine/i18n";
import { isUsersHeaderFooter } from "../../engine/review/page-headers";
import { isEarlierRunFilter, isEarlierRunTitles, isUsersPrintSetup } from "../../engine/review/sheet-layout";
import type {
  Area,
  Block,
  CellAlignment,
  ConditionalFill,
  FilterArea,
  SheetLayout,
  SheetPlan,
} from "../../engine/review/write-plan";
import { CHART_REL, CHART_TYPE, chartXml, DRAWING_REL, DRAWING_TYPE, drawingXml, relationshipsXml } from "./chart";
import {
  autoFilterXml,
  filterRef,
  fittedPageSetup,
  fittedSheetPr,
  frozenViews,
  headerFooterTexts,
  headerFooterXml,
  layoutChildren,
  mergedCols,
  printTitlesRef,
  titleRowsOf,
  withTabSelected,
} from "./layout-xml";
import { relsPartOf, SheetInfo } from "./package";
import { PackageEdit, Rel } from "./package-edit";
import { newWorksheet, RowPlan } from "./row-plan";
import { backgroundSheet } from "./sheet-worker";
import { editChildren } from "./sheet-writer";
import { SheetPatcher } from "./sheet-writer";
import { Styles } from "./styles";
import { CellWriter, fillsXml, sqrefTopLeft } from "./worksheet-xml";
import { elementsOf, rootPrefix } from "./xml-edit";

const PAGE_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

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

function alignedColumns(layout: SheetLayout): Map<number, CellAlignment> {
  return new Map((layout.columns ?? []).filter((c) => c.wrap || c.indent).map((c) => [c.column, c]));
}

/**
 * An earlier run's filter (see isEarlierRunFilter) with no criteria in it: replaced rather than
 * kept. Empty either way a writer puts it: `<autoFilter ref="…"/>`, or with an end tag as
 * LibreOffice writes it.
 */
function isEarlierRunTag(tag: string, ours: FilterArea | undefined): boolean {
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
  /** A print setup of the user's (isUsersPrintSetup): then it gets no print setup of ours. */
  readonly ownPrint: boolean;
}

/**
 * What the user has set up on a worksheet, read in one pass over its text before it is
 * streamed through: the print setup stands after the cells, but the fit is said in <sheetPr>,
 * before them.
 */
export async function userSetup(edit: PackageEdit, sheet: SheetInfo, ours: FilterArea | undefined): Promise<UserSetup> {
  const rels = await edit.pkg.relationships(sheet.part);
  let ownFilter = rels.some((r) => r.type.endsWith("/table"));
  // The names are looked for as plain text first: a pattern starting at "<" would be tried at
  // every tag of a sheet of millions of cells.
  const filterIn = (text: string): boolean => {
    if (text.includes("tableParts") && /<(?:\w+:)?tableParts[\s/>]/.test(text)) return true;
    if (!text.includes("autoFilter")) return false;
    // A filter element whole: empty (self-closed or with its end tag), or its start tag followed by
    // a child (criteria: the user's). A start tag at the end of the text is seen whole in the seam.
    for (const m of text.matchAll(/<(?:\w+:)?autoFilter[\s/>][^>]*?(?:\/>|>\s*<\/(?:\w+:)?autoFilter>|>\s*<(?!\/))/g))
      if (m[0].endsWith("<") || !isEarlierRunTag(m[0], ours)) return true;
    return false;
  };
  let fitToPage = false;
  let pageSetup: string | undefined;
  const printIn = (text: string) => {
    if (text.includes("pageSetUpPr") && /<(?:\w+:)?pageSetUpPr\s[^>]*\bfitToPage="(1|true)"/.test(text)) fitToPage = true;
    if (pageSetup === undefined && text.includes("pageSetup")) pageSetup = /<(?:\w+:)?pageSetup[\s/][^>]*>/.exec(text)?.[0];
  };
  let carry = "";
  await edit.pkg.zip.peekText(edit.pkg.zip.entry(sheet.part)!, (chunk) => {
    // A tag cut between two chunks is seen whole in the seam.
    const seam = carry + chunk.slice(0, 200);
    if (!ownFilter) ownFilter = filterIn(seam) || filterIn(chunk);
    printIn(seam);
    printIn(chunk);
    carry = chunk.slice(-200);
    return true;
  });
  const number = (name: string) => {
    const m = pageSetup && new RegExp(`\\s${name}="(\\d+)"`).exec(pageSetup);
    return m ? Number(m[1]) : undefined;
  };
  // The file format's defaults: a fit one page tall, a scale of 100%.
  const ownPrint = isUsersPrintSetup({ fitToPage, fitToHeight: number("fitToHeight") ?? 1, scale: number("scale") });
  return { ownFilter, ownPrint };
}

export interface UserSheet {
  readonly sheet: SheetInfo;
  readonly blocks: readonly Block[];
  readonly fills: readonly ConditionalFill[];
  readonly clearFillsOn: readonly Area[];
  readonly layout: SheetLayout;
  /** What the user has set up there already. */
  readonly user: UserSetup;
  /**
   * One of the review's own sheets (an archive rewritten from a row on): its header and footer
   * are the review's, redone every run. On the user's sheet a header or footer of theirs stays.
   */
  readonly ownSheet?: boolean;
  /** Its tab selected (true) or not (false) in the workbook's first window; as it is when not said. */
  readonly tabSelected?: boolean;
}

/** A sheet of the user's, streamed through with the plan's cells, fills and layout merged in. */
export function patchSheet(edit: PackageEdit, styles: Styles, lang: Lang, target: UserSheet): void {
  const { sheet, blocks, fills, clearFillsOn, layout } = target;
  const zip = edit.pkg.zip;
  const writer = new CellWriter(styles, lang, edit.pkg.date1904);
  const rows = new RowPlan(blocks, sheet.name, writer, alignedColumns(layout), layout.rowHeights, layout.fitRows);
  const patcher = new SheetPatcher(
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
        const print = !target.user.ownPrint ? layout.print : undefined;
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
                xml: selectedViews(frozenViews(xmlOf("sheetViews"), layout.freezeRows, p), target.tabSelected),
              },
              { local: "cols", xml: mergedCols(xmlOf("cols"), layout.columns ?? [], p) },
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
        const print = layout.print && !target.user.ownPrint ? layout.print : undefined;
        const headerFooter = elements.find((e) => e.depth === 0 && e.local === "headerFooter");
        const usersPages =
          !target.ownSheet &&
          headerFooter !== undefined &&
          isUsersHeaderFooter(headerFooterTexts(tail.slice(headerFooter.start, headerFooter.end)));
        const pages = usersPages ? undefined : layout.headerFooter;
        const filter = layout.autoFilter && !target.user.ownFilter ? layout.autoFilter : undefined;
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
              { local: "conditionalFormatting", xml: fillsXml(fills, styles, priority + 1, p) },
              {
                local: "pageSetup",
                xml: print ? fittedPageSetup(pageSetup ? tail.slice(pageSetup.start, pageSetup.end) : "", print, p) : "",
              },
              { local: "headerFooter", xml: pages ? headerFooterXml(pages, p) : "" },
            ],
          },
          close < 0 ? tail.length : close,
        );
      },
    },
    sheet.name,
  );
  const entry = zip.entry(sheet.part)!;
  edit.replaced.set(sheet.part.toLowerCase(), async (part) => {
    await zip.readText(entry, (chunk) => patcher.push(chunk, part.write));
    await patcher.end(part.write);
  });
  nameSheet(edit, sheet.name, layout, target.user, true);
}

function selectedViews(sheetViews: string, tabSelected: boolean | undefined): string {
  return tabSelected === undefined || !sheetViews ? sheetViews : withTabSelected(sheetViews, tabSelected);
}

/** The sheet's print titles and filter as the workbook's built-in names. */
function nameSheet(edit: PackageEdit, sheet: string, layout: SheetLayout, user: UserSetup, usersSheet: boolean): void {
  const print = layout.print;
  if (print && !user.ownPrint && (print.repeatRows || print.repeatColumns))
    edit.sheetNames.push({
      sheet,
      name: "_xlnm.Print_Titles",
      ref: printTitlesRef(sheet, print),
      // Titles of the user's own stay; an earlier run's (over the same header row) are redone.
      keepExisting: usersSheet ? (ref) => !isEarlierRunTitles(titleRowsOf(ref), print) : undefined,
    });
  if (layout.autoFilter && !user.ownFilter)
    edit.sheetNames.push({ sheet, name: "_xlnm._FilterDatabase", ref: filterRef(sheet, layout.autoFilter) });
}

/** A sheet the review owns, written whole at `part`, with its charts; `tabSelected`: its tab selected in the first window. */
export function writeOwnSheet(
  edit: PackageEdit,
  styles: Styles,
  lang: Lang,
  plan: SheetPlan,
  part: string,
  tabSelected?: boolean,
): void {
  const zip = edit.pkg.zip;
  const writer = new CellWriter(styles, lang, edit.pkg.date1904);
  const rows = new RowPlan(plan.blocks, plan.name, writer, alignedColumns(plan), plan.rowHeights, plan.fitRows);
  const children = [
    ...layoutChildren(plan).map((c) => (c.local === "sheetViews" ? { ...c, xml: selectedViews(c.xml, tabSelected) } : c)),
    { local: "conditionalFormatting" as const, xml: fillsXml(plan.fills ?? [], styles, 1) },
    { local: "pageMargins" as const, xml: PAGE_MARGINS },
  ];
  const charts = plan.charts ?? [];
  const sheetRels: Rel[] = [];
  if (charts.length) {
    const drawing = edit.freshPart(`${edit.wbDir}drawings/`, "drawing");
    const drawingRels: Rel[] = [];
    charts.forEach((chart, i) => {
      const chartPart = edit.freshPart(`${edit.wbDir}charts/`, "chart");
      edit.added.push({ name: chartPart, content: chartXml(chart, plan.name, plan.blocks, lang) });
      edit.overrides.push({ part: chartPart, type: CHART_TYPE });
      drawingRels.push({
        id: `rId${i + 1}`,
        type: CHART_REL,
        target: `../charts/${chartPart.slice(chartPart.lastIndexOf("/") + 1)}`,
      });
    });
    edit.added.push({ name: drawing, content: drawingXml(charts) });
    edit.added.push({ name: relsPartOf(drawing), content: relationshipsXml(drawingRels) });
    edit.overrides.push({ part: drawing, type: DRAWING_TYPE });
    sheetRels.push({ id: "rId1", type: DRAWING_REL, target: `../drawings/${drawing.slice(drawing.lastIndexOf("/") + 1)}` });
    children.push({ local: "drawing", xml: '<drawing r:id="rId1"/>' });
  }
  const cells = plan.blocks.reduce((sum, b) => sum + b.values.length * b.formats.length, 0);
  const background = backgroundSheet({ plan: rows.toData(), children, date1904: edit.pkg.date1904 }, cells, plan.name);
  if (background) edit.background.push(background);
  edit.put(part, background ? { compressed: background.done } : newWorksheet(rows, writer, children));
  const rels = relsPartOf(part);
  if (sheetRels.length) edit.put(rels, relationshipsXml(sheetRels));
  else if (zip.entry(rels)) edit.removed.add(rels.toLowerCase());
  nameSheet(edit, plan.name, plan, { ownFilter: false, ownPrint: false }, false);
}

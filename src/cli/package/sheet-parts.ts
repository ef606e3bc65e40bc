/**
 * One sheet of the plan into the package: a sheet of the user's (the customer sheet, an
 * archive appended to) streamed through with the plan's cells, fills and layout merged in; a
 * sheet the review owns written whole, with its charts as drawing and chart parts.
 */
import { Lang } from "../../engine/i18n";
import { isUsersPageSetup, KEEPS_USERS_PAGE_SETUP } from "../../engine/review/page-setup";
import { isEarlierRunTitles, isUsersPrintSetup } from "../../engine/review/sheet-layout";
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
import { areaReference, layoutChildren, numberAttr, pageSetupNow, printTitlesRef, titleRowsOf } from "./layout-xml";
import { relsPartOf, SheetInfo } from "./package";
import { PackageEdit, Rel } from "./package-edit";
import { newWorksheet, RowPlan } from "./row-plan";
import { isEarlierRunTag, PageElements, PatchJob, patchPart, selectedViews, UserSetup } from "./sheet-patch";
import { backgroundPatch, backgroundSheet, patchWeight } from "./sheet-worker";
import { Styles } from "./styles";
import { CellWriter, fillsXml } from "./worksheet-xml";

function alignedColumns(layout: SheetLayout): Map<number, CellAlignment> {
  // Top-aligned, every column the plan writes is (the layout has one for each).
  if (layout.topAligned)
    return new Map((layout.columns ?? []).map((c) => [c.column, { wrap: c.wrap, indent: c.indent, top: true }]));
  return new Map((layout.columns ?? []).filter((c) => c.wrap || c.indent).map((c) => [c.column, c]));
}

/**
 * What the user has set up on a worksheet, read before it is streamed through: the print setup
 * stands after the cells, but the fit is said in <sheetPr>, before them.
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
  let pageMargins: string | undefined;
  let printOptions: string | undefined;
  const printIn = (text: string) => {
    if (text.includes("pageSetUpPr") && /<(?:\w+:)?pageSetUpPr\s[^>]*\bfitToPage="(1|true)"/.test(text)) fitToPage = true;
    if (pageSetup === undefined && text.includes("pageSetup")) pageSetup = /<(?:\w+:)?pageSetup[\s/][^>]*>/.exec(text)?.[0];
    if (pageMargins === undefined && text.includes("pageMargins"))
      pageMargins = /<(?:\w+:)?pageMargins[\s/][^>]*>/.exec(text)?.[0];
    if (printOptions === undefined && text.includes("printOptions"))
      printOptions = /<(?:\w+:)?printOptions[\s/][^>]*>/.exec(text)?.[0];
  };
  const pages = new ElementText("headerFooter");
  let carry = "";
  const lookThrough = (chunk: string) => {
    // A tag cut between two chunks is seen whole in the seam.
    const seam = carry + chunk.slice(0, 200);
    if (!ownFilter) ownFilter = filterIn(seam) || filterIn(chunk);
    printIn(seam);
    printIn(chunk);
    pages.push(chunk);
    carry = chunk.slice(-200);
  };
  // What is set up stands around the cells: when the sheet's read kept that text, it is all there is to look through.
  const around = edit.pkg.surroundings.get(sheet.part.toLowerCase());
  if (around) {
    lookThrough(around.head);
    lookThrough(around.tail);
  } else await edit.pkg.zip.peekText(edit.pkg.zip.entry(sheet.part)!, lookThrough);
  const number = (name: string) => numberAttr(pageSetup, name);
  // The file format's defaults: a fit one page tall, a scale of 100%.
  const ownPrint = isUsersPrintSetup({ fitToPage, fitToHeight: number("fitToHeight") ?? 1, scale: number("scale") });
  return { ownFilter, ownPrint, headerFooter: pages.element, page: { fitToPage, pageSetup, pageMargins, printOptions } };
}

/**
 * The first element of a name in a text read chunk by chunk, whole (from its start tag to its
 * end tag, or its start tag alone if it closes itself), however the chunks cut it.
 */
class ElementText {
  /** The element once whole. */
  element?: string;
  private partial?: string;
  private carry = "";
  private readonly start: RegExp;
  private readonly end: RegExp;

  constructor(private readonly local: string) {
    this.start = new RegExp(`<(?:\\w+:)?${local}[\\s/>]`);
    this.end = new RegExp(`^<(?:\\w+:)?${local}\\b[^>]*?\\/>|<\\/(?:\\w+:)?${local}\\s*>`);
  }

  push(chunk: string): void {
    if (this.element !== undefined) return;
    if (this.partial === undefined) {
      // A start tag cut between two chunks is seen whole in the seam. The name is looked for as
      // plain text first: a pattern starting at "<" would be tried at every tag of a sheet of
      // millions of cells, and the chunks without it are most of them.
      const carry = this.carry;
      this.carry = chunk.length >= 64 ? chunk.slice(-64) : (carry + chunk).slice(-64);
      if (!chunk.includes(this.local) && !(carry + chunk.slice(0, 64)).includes(this.local)) return;
      const text = carry + chunk;
      const at = text.search(this.start);
      if (at < 0) return;
      this.partial = text.slice(at);
    } else this.partial += chunk;
    const end = this.end.exec(this.partial);
    if (end) this.element = this.partial.slice(0, end.index + end[0].length);
  }
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
   * One of the review's own sheets (an archive rewritten from a row on): its header's and
   * footer's centre sections are the review's, redone every run, beside a left or right section
   * of the user's. On the user's sheet a header or footer of theirs stays whole.
   */
  readonly ownSheet?: boolean;
  /** Its tab selected (true) or not (false) in the workbook's first window; as it is when not said. */
  readonly tabSelected?: boolean;
}

/** A sheet of the user's, streamed through with the plan's cells, fills and layout merged in. */
/** A sheet of the user's, streamed through with the plan's cells, fills and layout merged in. */
export function patchSheet(edit: PackageEdit, styles: Styles, lang: Lang, target: UserSheet): void {
  const { sheet, blocks, fills, clearFillsOn, layout } = target;
  const zip = edit.pkg.zip;
  const writer = new CellWriter(styles, lang, edit.pkg.date1904);
  const rows = new RowPlan(blocks, sheet.name, writer, alignedColumns(layout), layout.rowHeights, layout.fitRows);
  const job: PatchJob = {
    sheetName: sheet.name,
    part: sheet.part,
    plan: rows.toData(),
    layout,
    fills,
    fillStyles: fills.map((fill) => styles.fill(fill.color)),
    clearFillsOn,
    user: target.user,
    ownSheet: target.ownSheet,
    tabSelected: target.tabSelected,
    lang,
    date1904: edit.pkg.date1904,
  };
  // A sheet of the review's own (an archive a month longer) is patched beside the customer
  // sheet; the customer sheet's text is already in memory from its read, and is patched here.
  const background = target.ownSheet ? backgroundPatch(job, zip, patchWeight(rows, zip.entry(sheet.part)!)) : undefined;
  if (background) edit.background.push(background);
  edit.replaced.set(
    sheet.part.toLowerCase(),
    background ? { compressed: background.done } : (part) => patchPart(zip, job, part.write),
  );
  nameSheet(edit, sheet.name, layout, target.user, true);
}
/** The sheet's print titles, printed cells and filter as the workbook's built-in names. */
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
  // The cells printed are the plan's (the archive's, this review's rows), whoever set up how they print.
  if (print?.area) edit.sheetNames.push({ sheet, name: "_xlnm.Print_Area", ref: areaReference(sheet, print.area) });
  if (layout.autoFilter && !user.ownFilter)
    edit.sheetNames.push({ sheet, name: "_xlnm._FilterDatabase", ref: areaReference(sheet, layout.autoFilter) });
}

/** Whether the print setup a sheet of the review's own has (`page`) is the user's, to stay (isUsersPageSetup). */
function isUsersPageOf(plan: SheetPlan, page: PageElements | undefined): boolean {
  return (
    page !== undefined &&
    plan.print !== undefined &&
    KEEPS_USERS_PAGE_SETUP.has(plan.kind) &&
    isUsersPageSetup(pageSetupNow(page), plan.print)
  );
}

/**
 * What the user has set up on a sheet the review owns and rewrites from a row on: its print setup
 * is theirs when it is unlike the plan's (isUsersPageSetup). The customer sheet's rule
 * (isUsersPrintSetup) does not know the plan: the policy's one page would pass for the user's, and
 * a page of the user's, portrait or one page wide, for an earlier run's.
 */
export async function ownSheetSetup(edit: PackageEdit, sheet: SheetInfo, plan: SheetPlan): Promise<UserSetup> {
  const user = await userSetup(edit, sheet, plan.autoFilter);
  return KEEPS_USERS_PAGE_SETUP.has(plan.kind) ? { ...user, ownPrint: isUsersPageOf(plan, user.page) } : user;
}

/**
 * A sheet the review owns, written whole at `part`, with its charts; `tabSelected`: its tab
 * selected in the first window; `replaced`: what the user had set up on the sheet it replaces.
 */
export function writeOwnSheet(
  edit: PackageEdit,
  styles: Styles,
  lang: Lang,
  plan: SheetPlan,
  part: string,
  tabSelected?: boolean,
  replaced?: UserSetup,
): void {
  const zip = edit.pkg.zip;
  const writer = new CellWriter(styles, lang, edit.pkg.date1904);
  const rows = new RowPlan(plan.blocks, plan.name, writer, alignedColumns(plan), plan.rowHeights, plan.fitRows);
  const fills = plan.fills ?? [];
  // A print setup of the user's on the sheet replaced is written back in place of the plan's.
  const page = replaced?.page;
  const usersPage = isUsersPageOf(plan, page);
  const children = [
    ...layoutChildren(plan, "", replaced?.headerFooter, page, usersPage).map((c) =>
      c.local === "sheetViews" ? { ...c, xml: selectedViews(c.xml, tabSelected) } : c,
    ),
    {
      local: "conditionalFormatting" as const,
      xml: fillsXml(
        fills,
        fills.map((fill) => styles.fill(fill.color)),
        1,
      ),
    },
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
  const background = backgroundSheet({ plan: rows.toData(), children, date1904: edit.pkg.date1904 }, rows.cellCount, plan.name);
  if (background) edit.background.push(background);
  edit.put(part, background ? { compressed: background.done } : newWorksheet(rows, writer, children));
  const rels = relsPartOf(part);
  if (sheetRels.length) edit.put(rels, relationshipsXml(sheetRels));
  else if (zip.entry(rels)) edit.removed.add(rels.toLowerCase());
  nameSheet(edit, plan.name, plan, { ownFilter: false, ownPrint: usersPage }, false);
}

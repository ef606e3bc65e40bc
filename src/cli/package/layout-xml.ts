/**
 * The plan's sheet layout as worksheet children: column widths (<cols>), the frozen header
 * (<sheetViews><pane>), the filter (<autoFilter>), print fitting (<sheetPr><pageSetUpPr>,
 * <pageSetup>), the printed pages' header and footer (<headerFooter>) and page breaks (<rowBreaks>). On a sheet of the user's,
 * each is merged into what the sheet has: the user's other columns, an existing frozen pane,
 * filter or table, an existing fit to pages, and a header or footer of the user's stay.
 */
import { columnLetter, sheetReference } from "../../engine/a1";
import { withOurCentre } from "../../engine/review/page-headers";
import { DEFAULT_MARGINS, Margins, PageSetupNow } from "../../engine/review/page-setup";
import { setsResponseWidth } from "../../engine/review/sheet-layout";
import type { ColumnLayout, HeaderFooter, PrintSetup, SheetLayout } from "../../engine/review/write-plan";
import type { PageElements } from "./sheet-patch";
import { WORKSHEET_ORDER, areaRef } from "./worksheet-xml";
import { decodeXml, escapeCellText, unescapeCellText } from "./xml";
import { applySplices, Element, elementsOf, withAttributes } from "./xml-edit";

type Child = { readonly local: (typeof WORKSHEET_ORDER)[number]; readonly xml: string };

function colXml(p: string, min: number, max: number, attrs: string): string {
  return `<${p}col min="${min}" max="${max}"${attrs}/>`;
}

function ownCol(p: string, c: ColumnLayout): string {
  return colXml(p, c.column + 1, c.column + 1, ` width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ""}`);
}

/**
 * The <cols> element with the plan's columns set: `existing` (the sheet's own <cols>, or "")
 * keeps every column the plan does not set, a range the plan cuts into split around it. A
 * column of the user's the plan only widens (`users`, 0-based) keeps its other attributes (a
 * style, hidden, an outline level).
 */
export function mergedCols(
  existing: string,
  columns: readonly ColumnLayout[],
  p: string,
  users: ReadonlySet<number> = new Set(),
): string {
  if (!columns.length) return existing;
  const ours = new Map(columns.map((c) => [c.column + 1, c]));
  const widened = new Set<number>();
  const items: { min: number; xml: string }[] = [];
  for (const e of elementsOf(existing).elements) {
    if (e.local !== "col") continue;
    const min = Number(e.attrs.get("min"));
    const max = Number(e.attrs.get("max"));
    if (!(min > 0 && max >= min)) continue;
    const tag = existing.slice(e.start, e.end);
    const rest = tag
      .replace(/^<[^\s/>]+/, "")
      .replace(/\s(min|max)="[^"]*"/g, "")
      .replace(/\s*\/?>[\s\S]*$/, "");
    let from = min;
    for (let c = min; c <= max + 1; c++) {
      const planned = ours.get(c);
      if (c <= max && !planned) continue;
      if (c > from) items.push({ min: from, xml: from === min && c - 1 === max ? tag : colXml(p, from, c - 1, rest) });
      if (planned && users.has(c - 1) && !widened.has(c)) {
        widened.add(c);
        const width = ` width="${planned.width}" customWidth="1"${planned.hidden ? ' hidden="1"' : ""}`;
        const kept = rest.replace(
          planned.hidden ? /\s(width|customWidth|hidden)="[^"]*"/g : /\s(width|customWidth)="[^"]*"/g,
          "",
        );
        items.push({ min: c, xml: colXml(p, c, c, `${kept}${width}`) });
      }
      from = c + 1;
    }
  }
  for (const c of columns) if (!widened.has(c.column + 1)) items.push({ min: c.column + 1, xml: ownCol(p, c) });
  items.sort((a, b) => a.min - b.min);
  return `<${p}cols>${items.map((i) => i.xml).join("")}</${p}cols>`;
}

/**
 * The width a sheet's <cols> gives a column (0-based) of its own, in characters: undefined when
 * none covers it, or the one that does keeps the default width (no customWidth).
 */
export function ownColumnWidth(cols: string, column: number): number | undefined {
  for (const e of elementsOf(cols).elements) {
    if (e.local !== "col") continue;
    const min = Number(e.attrs.get("min"));
    const max = Number(e.attrs.get("max"));
    if (!(column + 1 >= min && column + 1 <= max)) continue;
    const width = Number(e.attrs.get("width"));
    return /^(1|true)$/.test(e.attrs.get("customWidth") ?? "") && Number.isFinite(width) ? width : undefined;
  }
  return undefined;
}

/**
 * The sheet's <cols> with the plan's columns set, and the response column's width where it is
 * the review's to set (setsResponseWidth), its other attributes kept.
 */
export function sheetCols(cols: string, layout: SheetLayout, p: string): string {
  const columns = layout.columns ?? [];
  const response = layout.responseColumn;
  if (!response || !setsResponseWidth(ownColumnWidth(cols, response.column), response)) return mergedCols(cols, columns, p);
  const widened = { column: response.column, width: response.width, wrap: false, indent: false };
  return mergedCols(cols, [...columns, widened], p, new Set([response.column]));
}

function paneXml(p: string, rows: number): string {
  const cell = `A${rows + 1}`;
  return (
    `<${p}pane ySplit="${rows}" topLeftCell="${cell}" activePane="bottomLeft" state="frozen"/>` +
    `<${p}selection pane="bottomLeft" activeCell="${cell}" sqref="${cell}"/>`
  );
}

/** <sheetViews> with the top rows frozen, unless its first view already has a pane (the user's split or freeze). */
export function frozenViews(existing: string, rows: number | undefined, p: string): string {
  if (!rows) return existing;
  if (!existing) return `<${p}sheetViews><${p}sheetView workbookViewId="0">${paneXml(p, rows)}</${p}sheetView></${p}sheetViews>`;
  const { elements } = elementsOf(existing);
  const view = elements.find((e) => e.local === "sheetView");
  if (!view || elements.some((e) => e.local === "pane")) return existing;
  const openTag = existing.slice(view.start, existing.indexOf(">", view.start) + 1);
  const inner = openTag.endsWith("/>") ? `${openTag.slice(0, -2).trimEnd()}>` : openTag;
  const close = openTag.endsWith("/>") ? `</${view.name}>` : "";
  return existing.slice(0, view.start) + inner + paneXml(p, rows) + close + existing.slice(view.start + openTag.length);
}

/**
 * <sheetViews> with the sheet's view in the workbook's first window (workbookViewId 0) selected
 * or not (tabSelected); its views in other windows, and every other setting, stay as they are.
 */
export function withTabSelected(existing: string, selected: boolean): string {
  const splices = elementsOf(existing)
    .elements.filter((e) => e.local === "sheetView" && (e.attrs.get("workbookViewId") ?? "0") === "0")
    .map((view) => {
      const end = existing.indexOf(">", view.start) + 1;
      const unselected = existing.slice(view.start, end).replace(/\s+tabSelected\s*=\s*("[^"]*"|'[^']*')/, "");
      return { start: view.start, end, text: selected ? withAttributes(unselected, { tabSelected: "1" }) : unselected };
    });
  return applySplices(existing, splices);
}

/** <sheetPr> saying whether the sheet prints fitted to pages (or at the page setup's scale). */
export function fittedSheetPr(existing: string, p: string, fit = true): string {
  const value = fit ? "1" : "0";
  if (!existing) return `<${p}sheetPr><${p}pageSetUpPr fitToPage="${value}"/></${p}sheetPr>`;
  const { elements } = elementsOf(existing);
  const setUp = elements.find((e) => e.local === "pageSetUpPr");
  if (setUp) {
    return (
      existing.slice(0, setUp.start) +
      withAttributes(existing.slice(setUp.start, setUp.end), { fitToPage: value }) +
      existing.slice(setUp.end)
    );
  }
  const root = elements[0];
  const add = `<${p}pageSetUpPr fitToPage="${value}"/>`;
  // pageSetUpPr is sheetPr's last child: it goes before the closing tag.
  if (existing.trimEnd().endsWith("/>") && elements.length === 1)
    return `${existing.trimEnd().slice(0, -2).trimEnd()}>${add}</${root.name}>`;
  const close = existing.lastIndexOf("</");
  return existing.slice(0, close) + add + existing.slice(close);
}

/**
 * <pageSetup> with the plan's orientation and fit or scale, the sheet's other settings (paper,
 * printer) kept; on a new tag, `existing` may be the paper to print on (paperOf).
 */
export function fittedPageSetup(existing: string | Readonly<Record<string, string>>, print: PrintSetup, p: string): string {
  const attrs: Record<string, string> =
    print.scale === undefined
      ? { orientation: print.orientation, fitToWidth: String(print.fitToWidth), fitToHeight: String(print.fitToHeight) }
      : { orientation: print.orientation, scale: String(print.scale) };
  if (print.overThenDown) attrs.pageOrder = "overThenDown";
  if (typeof existing !== "string") return withAttributes(`<${p}pageSetup/>`, { ...existing, ...attrs });
  if (!existing) return withAttributes(`<${p}pageSetup/>`, attrs);
  return withAttributes(existing, attrs);
}

/** The text of element `i` of elementsOf(xml) (a header or footer, as Excel's codes write it); undefined where there is none. */
function elementText(
  xml: string,
  elements: readonly Element[],
  closes: ReadonlyMap<number, number>,
  i: number,
): string | undefined {
  const close = closes.get(i);
  if (i < 0 || close === undefined) return undefined;
  const open = xml.indexOf(">", elements[i].start) + 1;
  return open > close ? "" : unescapeCellText(decodeXml(xml.slice(open, close)));
}

/**
 * <headerFooter> with the plan's header and footer in their centre sections (&C), the same on
 * every page. `existing`, the sheet's own <headerFooter> (or ""), keeps what the review does not
 * write: the left and right sections of its header and footer (withOurCentre), the first and even
 * pages' and the element's settings, as they were.
 */
export function headerFooterXml(pages: HeaderFooter, p = "", existing = ""): string {
  const { elements, closes } = elementsOf(existing);
  const root = elements[0]?.local === "headerFooter" ? elements[0] : undefined;
  const children = root ? elements.filter((e) => e.depth === 1) : [];
  const textOf = (local: string) =>
    elementText(
      existing,
      elements,
      closes,
      elements.findIndex((e) => e.depth === 1 && e.local === local),
    ) ?? "";
  const prefix = root ? root.name.slice(0, root.name.length - root.local.length) : p;
  const section = (local: string, ours: string | undefined) => {
    const text = ours === undefined ? textOf(local) : withOurCentre(textOf(local), ours);
    return text ? `<${prefix}${local}>${escapeCellText(text)}</${prefix}${local}>` : "";
  };
  // CT_HeaderFooter's order: the odd (every) page's header and footer first, then the even and first pages'.
  const rest = children
    .filter((e) => e.local !== "oddHeader" && e.local !== "oddFooter")
    .map((e) => existing.slice(e.start, e.end))
    .join("");
  const open = root
    ? existing.slice(root.start, existing.indexOf(">", root.start) + 1).replace(/\s*\/>$/, ">")
    : `<${p}headerFooter>`;
  const close = root ? `</${root.name}>` : `</${p}headerFooter>`;
  return `${open}${section("oddHeader", pages.header)}${section("oddFooter", pages.footer)}${rest}${close}`;
}

/**
 * The texts of a <headerFooter> element's headers and footers (odd, even and first pages), as
 * Excel's codes, and whether the first or even pages are set to differ.
 */
export function headerFooterTexts(xml: string): { headers: string[]; footers: string[]; differentPages: boolean } {
  const { elements, closes } = elementsOf(xml);
  const on = (name: string) => /^(1|true)$/.test(elements[0]?.attrs.get(name) ?? "");
  const headers: string[] = [];
  const footers: string[] = [];
  elements.forEach((e, i) => {
    const into = /^(odd|even|first)Header$/.test(e.local)
      ? headers
      : /^(odd|even|first)Footer$/.test(e.local)
        ? footers
        : undefined;
    const text = into && elementText(xml, elements, closes, i);
    if (into && text !== undefined) into.push(text);
  });
  return { headers, footers, differentPages: on("differentFirst") || on("differentOddEven") };
}

/** <pageMargins> at the default margins: what the review gives a sheet it writes whole. */
function defaultMargins(p: string): string {
  const attrs = Object.entries(DEFAULT_MARGINS).map(([side, inches]) => ` ${side}="${inches}"`);
  return `<${p}pageMargins${attrs.join("")}/>`;
}

/** A lone tag's attributes (qualified names), decoded, read by the XML scanner; none when there is no tag. */
function attributesOf(tag: string | undefined): ReadonlyMap<string, string> {
  return (tag && elementsOf(tag).elements[0]?.attrs) || new Map<string, string>();
}

/** A number attribute of a tag, when it has one that reads as a number. */
export function numberAttr(tag: string | undefined, name: string): number | undefined {
  const value = attributesOf(tag).get(name)?.trim();
  const number = value ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}

/** A flag attribute of a tag ("1" or "true"). */
function flagAttr(tag: string | undefined, name: string): boolean {
  const value = attributesOf(tag).get(name)?.trim();
  return value === "1" || value === "true";
}

/** A worksheet's print setup, from its tags, for the engine to judge (isUsersPageSetup). */
export function pageSetupNow(page: PageElements): PageSetupNow {
  const { pageSetup, pageMargins, printOptions } = page;
  const orientation = attributesOf(pageSetup).get("orientation");
  const margin = (side: keyof Margins) => numberAttr(pageMargins, side);
  return {
    orientation: orientation === "landscape" || orientation === "portrait" ? orientation : undefined,
    fitToPage: page.fitToPage,
    fitToWidth: numberAttr(pageSetup, "fitToWidth"),
    fitToHeight: numberAttr(pageSetup, "fitToHeight"),
    scale: numberAttr(pageSetup, "scale"),
    margins: Object.fromEntries(
      (Object.keys(DEFAULT_MARGINS) as (keyof Margins)[]).flatMap((side) => {
        const inches = margin(side);
        return inches === undefined ? [] : [[side, inches]];
      }),
    ),
    gridlines: flagAttr(printOptions, "gridLines"),
    headings: flagAttr(printOptions, "headings"),
    centerHorizontally: flagAttr(printOptions, "horizontalCentered"),
    centerVertically: flagAttr(printOptions, "verticalCentered"),
  };
}

/** The paper a <pageSetup> says (its size, or its own height and width), as attributes to carry over. */
const PAPER_ATTRIBUTES = ["paperSize", "paperHeight", "paperWidth"] as const;

function paperOf(pageSetup: string | undefined): Record<string, string> {
  const attributes = attributesOf(pageSetup);
  const paper: Record<string, string> = {};
  for (const name of PAPER_ATTRIBUTES) {
    const value = attributes.get(name);
    if (value !== undefined) paper[name] = value;
  }
  return paper;
}

/**
 * A <pageSetup> tag kept on a sheet written whole, without its link to the printer's settings
 * (r:id): that part went with the sheet replaced.
 */
function withoutPrinterSettings(tag: string): string {
  return tag.replace(/\s[\w]+:id\s*=\s*("[^"]*"|'[^']*')/g, "");
}

/**
 * The layout children of a sheet written whole; `headerFooter`: the <headerFooter> the sheet it
 * replaces had, whose sections the review does not write stay (headerFooterXml); `page`: that
 * sheet's print setup, written back whole when `usersPage` (isUsersPageSetup), else only its paper
 * under the plan's setup.
 */
export function layoutChildren(layout: SheetLayout, p = "", headerFooter = "", page?: PageElements, usersPage = false): Child[] {
  const children: Child[] = [];
  const kept = usersPage ? page : undefined;
  if (kept) children.push({ local: "sheetPr", xml: fittedSheetPr("", p, kept.fitToPage) });
  else if (layout.print) children.push({ local: "sheetPr", xml: fittedSheetPr("", p, layout.print.scale === undefined) });
  children.push({
    local: "sheetViews",
    xml: frozenViews("", layout.freezeRows, p) || `<${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews>`,
  });
  if (layout.columns?.length) children.push({ local: "cols", xml: mergedCols("", layout.columns, p) });
  if (layout.autoFilter) children.push({ local: "autoFilter", xml: autoFilterXml(layout.autoFilter, p) });
  if (kept?.printOptions) children.push({ local: "printOptions", xml: kept.printOptions });
  children.push({ local: "pageMargins", xml: kept?.pageMargins ?? defaultMargins(p) });
  if (kept?.pageSetup) children.push({ local: "pageSetup", xml: withoutPrinterSettings(kept.pageSetup) });
  else if (layout.print && !kept)
    children.push({ local: "pageSetup", xml: fittedPageSetup(paperOf(page?.pageSetup), layout.print, p) });
  if (layout.headerFooter) children.push({ local: "headerFooter", xml: headerFooterXml(layout.headerFooter, p, headerFooter) });
  // The plan's page breaks go with its print setup: under a setup of the user's they would fall elsewhere.
  const breaks = kept ? undefined : layout.print?.rowBreaks;
  if (breaks?.length) children.push({ local: "rowBreaks", xml: rowBreaksXml(breaks, p) });
  return children;
}

/** <rowBreaks> with a manual page break before each of `rows` (0-based): a break's id is the last row above it, 1-based. */
export function rowBreaksXml(rows: readonly number[], p = ""): string {
  const breaks = rows.map((row) => `<${p}brk id="${row}" max="16383" man="1"/>`).join("");
  return `<${p}rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</${p}rowBreaks>`;
}

export function autoFilterXml(area: { row: number; column: number; rows: number; columns: number }, p = ""): string {
  return `<${p}autoFilter ref="${areaRef(area)}"/>`;
}

/** "'Sheet'!$A:$B,'Sheet'!$1:$1": the columns printed at the left of every page, the rows at its top. */
export function printTitlesRef(sheet: string, print: Pick<PrintSetup, "repeatRows" | "repeatColumns">): string {
  const { repeatColumns: columns, repeatRows: rows } = print;
  return [
    ...(columns ? [`${sheetReference(sheet)}!$${columnLetter(columns.first)}:$${columnLetter(columns.last)}`] : []),
    ...(rows ? [`${sheetReference(sheet)}!$${rows.first + 1}:$${rows.last + 1}`] : []),
  ].join(",");
}

/** The rows (0-based) print titles as a workbook name holds them repeat, if any: "'Sheet'!$A:$B,'Sheet'!$3:$4" → 2 to 3. */
export function titleRowsOf(ref: string): { first: number; last: number } | undefined {
  const m = /!\$?(\d+):\$?(\d+)(?:,|$)/.exec(ref.trim());
  return m ? { first: Number(m[1]) - 1, last: Number(m[2]) - 1 } : undefined;
}

/** "'Sheet'!$A$1:$K$20": an area as a workbook name holds it (the filtered table, the printed cells). */
export function areaReference(sheet: string, area: { row: number; column: number; rows: number; columns: number }): string {
  const first = `$${columnLetter(area.column)}$${area.row + 1}`;
  const last = `$${columnLetter(area.column + area.columns - 1)}$${area.row + area.rows}`;
  return `${sheetReference(sheet)}!${first}:${last}`;
}

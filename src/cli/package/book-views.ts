/**
 * Which tab the reviewed copy opens on: the summary, which managers receive the copy for, when
 * that can be done safely. The workbook's first window (its first <workbookView>) names the
 * active tab; each sheet's view says whether its tab is selected (tabSelected). A sheet selected
 * besides the active one makes Excel open with the sheets grouped, and an edit then goes to
 * every grouped sheet: so the copy is switched only from the customer sheet (whose view the
 * review rewrites) or from the summary itself, and only when no other sheet's tab is selected.
 * Otherwise the views stay exactly as the user left them.
 */
import { WORKBOOK_ORDER } from "./defined-names";
import { WorkbookPackage } from "./package";
import { applySplices, elementsOf, orderedPosition, withAttributes } from "./xml-edit";

/** A sheet's views stand before its cells, mostly in its first few hundred bytes: no more than this is inflated to find them. */
const VIEWS_LOOK_LIMIT = 1024 * 1024;

/** The first window's active tab: its position among the workbook's <sheet> elements (0 when not said, -1 when not a position). */
export function activeTab(workbookXml: string): number {
  const view = elementsOf(workbookXml).elements.find((e) => e.local === "workbookView");
  const value = Number(view?.attrs.get("activeTab") ?? 0);
  return Number.isInteger(value) && value >= 0 ? value : -1;
}

/**
 * Whether a sheet part has a view with its tab selected, from its text up to its cells; undefined
 * when that could not be told (no end of its views within the look's limit: taken as selected).
 */
async function tabSelected(pkg: WorkbookPackage, part: string): Promise<boolean | undefined> {
  const zip = pkg.zip;
  const entry = zip.entry(part);
  if (!entry) return false;
  let head = "";
  let whole = true;
  await zip.peekHead(entry, VIEWS_LOOK_LIMIT, (chunk) => {
    head += chunk;
    const end = /<\/(?:\w+:)?sheetViews\s*>|<(?:\w+:)?sheetData[\s/>]/.exec(head);
    if (end) {
      head = head.slice(0, end.index);
      return false;
    }
    whole = head.length < VIEWS_LOOK_LIMIT;
    return whole;
  });
  if (!whole) return undefined;
  for (const view of head.matchAll(/<(?:\w+:)?sheetView[\s/>][^>]*/g))
    if (/\stabSelected\s*=\s*["'](1|true)["']/.test(view[0])) return true;
  return false;
}

export interface SummaryTab {
  /** The customer sheet's name: the review rewrites its view, so the copy may switch from it. */
  readonly customerSheet: string;
  /** The summary's name. */
  readonly summary: string;
  /** Parts the review writes whole (its own sheets replaced): their old views go with them. */
  readonly writtenWhole: ReadonlySet<string>;
}

/** Whether the copy can open on the summary: see the file's comment. */
export async function canOpenOnSummary(
  pkg: WorkbookPackage,
  { customerSheet, summary, writtenWhole }: SummaryTab,
): Promise<boolean> {
  const tabs = pkg.tabs;
  const active = tabs[activeTab(pkg.workbookXml)];
  if (!active || (active.name !== customerSheet && active.name !== summary)) return false;
  // The review writes the summary visible; one the user hid stays hidden, and a hidden tab cannot be the active one.
  const existing = tabs.find((t) => t.name === summary);
  if (existing && existing.state !== "visible") return false;
  for (const tab of tabs) {
    if (tab === active || !tab.part || writtenWhole.has(tab.part.toLowerCase())) continue;
    if ((await tabSelected(pkg, tab.part)) !== false) return false;
  }
  return true;
}

/**
 * workbook.xml with the first window's active tab at `index` (and its first tab shown no later),
 * every other attribute kept; a workbook without windows gets one.
 */
export function withActiveTab(workbookXml: string, index: number): string {
  const { elements, closes } = elementsOf(workbookXml);
  const view = elements.find((e) => e.local === "workbookView");
  if (!view) {
    const root = elements[0];
    const p = root.name.slice(0, root.name.length - root.local.length);
    const at = orderedPosition(
      elements.filter((e) => e.depth === 1),
      WORKBOOK_ORDER,
      "bookViews",
      closes.get(0)!,
    );
    const bookViews = elements.find((e) => e.local === "bookViews" && e.depth === 1);
    const xml = `<${p}workbookView activeTab="${index}"/>`;
    // An empty <bookViews/> (the schema wants a window in it) is given one.
    if (bookViews)
      return applySplices(workbookXml, [
        { start: bookViews.start, end: bookViews.end, text: `<${bookViews.name}>${xml}</${bookViews.name}>` },
      ]);
    return applySplices(workbookXml, [{ start: at, end: at, text: `<${p}bookViews>${xml}</${p}bookViews>` }]);
  }
  const attrs: Record<string, string> = {};
  if (Number(view.attrs.get("activeTab") ?? 0) !== index) attrs.activeTab = String(index);
  if (Number(view.attrs.get("firstSheet") ?? 0) > index) attrs.firstSheet = String(index);
  if (!Object.keys(attrs).length) return workbookXml;
  const end = workbookXml.indexOf(">", view.start) + 1;
  return applySplices(workbookXml, [{ start: view.start, end, text: withAttributes(workbookXml.slice(view.start, end), attrs) }]);
}

/**
 * The workbook's built-in names for a sheet's print titles, printed cells and filter
 * (_xlnm.Print_Titles, _xlnm.Print_Area, _xlnm._FilterDatabase), edited in workbook.xml: a name
 * of ours replaces the same name of the same sheet, every other name stays as it was.
 */
import { decodeXml, escapeXml } from "./xml";
import { applySplices, elementsOf, orderedPosition } from "./xml-edit";

export interface SheetName {
  readonly name: "_xlnm.Print_Titles" | "_xlnm.Print_Area" | "_xlnm._FilterDatabase";
  /** 0-based position of the sheet among the workbook's <sheet> elements. */
  readonly sheetIndex: number;
  readonly ref: string;
  /** Whether to keep a name the workbook has already (the user's own print titles), given its reference, rather than replace it. */
  readonly keepExisting?: (existingRef: string) => boolean;
}

/** CT_Workbook's children in schema order. */
export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** The position (0-based, among <sheet> elements) of each sheet by name. */
export function sheetIndexes(workbookXml: string): Map<string, number> {
  const indexes = new Map<string, number>();
  for (const e of elementsOf(workbookXml).elements) if (e.local === "sheet") indexes.set(e.attrs.get("name") ?? "", indexes.size);
  return indexes;
}

export function withSheetNames(workbookXml: string, names: readonly SheetName[]): string {
  if (!names.length) return workbookXml;
  const { elements, closes } = elementsOf(workbookXml);
  const root = elements[0];
  const p = root.name.slice(0, root.name.length - root.local.length);
  const key = (name: string, sheet: string | undefined) => `${name.toLowerCase()}|${sheet ?? ""}`;
  const existing = new Map<string, (typeof elements)[number]>();
  const list = elements.findIndex((e) => e.local === "definedNames" && e.depth === 1);
  for (const e of elements)
    if (e.local === "definedName" && e.depth === 2) existing.set(key(e.attrs.get("name") ?? "", e.attrs.get("localSheetId")), e);
  const splices: { start: number; end: number; text: string }[] = [];
  let added = "";
  for (const n of names) {
    const xml = `<${p}definedName name="${n.name}" localSheetId="${n.sheetIndex}"${n.name === "_xlnm._FilterDatabase" ? ' hidden="1"' : ""}>${escapeXml(n.ref)}</${p}definedName>`;
    const old = existing.get(key(n.name, String(n.sheetIndex)));
    if (
      old &&
      n.keepExisting?.(decodeXml(workbookXml.slice(workbookXml.indexOf(">", old.start) + 1, old.end).replace(/<\/[^>]*>$/, "")))
    )
      continue;
    if (old) splices.push({ start: old.start, end: old.end, text: xml });
    else added += xml;
  }
  if (added) {
    if (list >= 0) {
      const at = closes.get(list)!;
      const element = elements[list];
      if (at === element.start) {
        // <definedNames/>: opened up to take the names.
        splices.push({ start: element.start, end: element.end, text: `<${element.name}>${added}</${element.name}>` });
      } else splices.push({ start: at, end: at, text: added });
    } else {
      const children = elements.filter((e) => e.depth === 1);
      const at = orderedPosition(children, WORKBOOK_ORDER, "definedNames", closes.get(0)!);
      splices.push({ start: at, end: at, text: `<${p}definedNames>${added}</${p}definedNames>` });
    }
  }
  return applySplices(workbookXml, splices);
}

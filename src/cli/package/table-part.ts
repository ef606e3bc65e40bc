/**
 * The customer sheet's Excel table (its table part, xl/tables/tableN.xml) grown over the review's
 * columns when it is the customer table (extendedTable): its ref, its filter's ref and one
 * <tableColumn> per column added. Every other byte of the part stays as it was: its style, its
 * totals row, the user's filter criteria and sort, attributes and extensions the review knows
 * nothing of. A table the review does not grow is not touched at all.
 */
import { a1, Area, parseAddress, sameArea } from "../../engine/a1";
import { extendedTable, ReviewColumns, SheetTable, tableOutcome } from "../../engine/review/customer-table";
import type { TableClash, TableResized } from "../../engine/review/texts";
import { SheetInfo } from "./package";
import { PackageEdit } from "./package-edit";
import { escapeXml, unescapeCellText } from "./xml";
import { applySplices, elementsOf, Element, Splice, withAttributes } from "./xml-edit";

/** What the review did to the customer table: resized it, or left it to the user's columns for a clash of names (or both: shrunk back on a clash). */
export interface TableOutcome {
  readonly resized?: TableResized;
  readonly clash?: TableClash;
}

/**
 * Grows the customer table on `sheet` (the first of its tables that is the customer table) in
 * the edit. Returns what became of it (resized, or left alone for a clash of names), if anything.
 */
export async function growCustomerTable(
  edit: PackageEdit,
  sheet: SheetInfo,
  review: ReviewColumns,
): Promise<TableOutcome | undefined> {
  const rels = await edit.pkg.relationships(sheet.part);
  for (const rel of rels) {
    if (!rel.type.endsWith("/table") || rel.external || !rel.part) continue;
    const entry = edit.pkg.zip.entry(rel.part);
    if (!entry) continue;
    const xml = await edit.pkg.zip.text(entry);
    const reviewed = reviewedTablePart(xml, review);
    if (!reviewed) continue;
    if (reviewed.xml !== xml) edit.replaced.set(entry.name.toLowerCase(), reviewed.xml);
    return { resized: reviewed.resized, clash: reviewed.clash };
  }
  return undefined;
}

/**
 * A table part as the review leaves it: undefined when the table is not the customer table or
 * is left as it is (see extendedTable); else its text (the same text when nothing changes) and,
 * when names would clash, the clash the report names.
 */
export function reviewedTablePart(
  xml: string,
  review: ReviewColumns,
): { xml: string; clash?: TableClash; resized?: TableResized } | undefined {
  const found = tableOf(xml);
  if (!found) return undefined;
  const extension = extendedTable(found.table, review);
  if (!extension) return undefined;
  const names = extension.kind === "extend" ? extension.names : [];
  return { xml: tableXml(xml, found, extension.area, names), ...tableOutcome(found.name, found.table, extension) };
}

interface TablePart {
  readonly name: string;
  readonly table: SheetTable;
  readonly root: Element;
  readonly autoFilter?: Element;
  readonly columns: Element;
  readonly columnList: readonly Element[];
  /** The filter's criteria, each on one column of the table (its colId, counted from the table's first). */
  readonly filterColumns: readonly Element[];
}

/**
 * A worksheet table as its part describes it; undefined for one the review does not grow: the
 * table of a query or of an XML map (its columns are the source's), or a part it cannot read.
 */
function tableOf(xml: string): TablePart | undefined {
  const { elements } = elementsOf(xml);
  const root = elements[0];
  if (root?.local !== "table") return undefined;
  const type = root.attrs.get("tableType");
  if (type !== undefined && type !== "worksheet") return undefined;
  const ref = root.attrs.get("ref");
  const columns = elements.find((e) => e.depth === 1 && e.local === "tableColumns");
  if (!ref || !columns) return undefined;
  const columnList = elements.filter(
    (e) => e.depth === 2 && e.local === "tableColumn" && e.start > columns.start && e.end <= columns.end,
  );
  // The schema wants one column at least: a part without any is not one to add to.
  if (!columnList.length) return undefined;
  let area;
  try {
    area = parseAddress(ref);
  } catch {
    return undefined;
  }
  return {
    name: root.attrs.get("displayName") ?? root.attrs.get("name") ?? "",
    table: {
      area: { row: area.row, column: area.column, rows: area.rows, columns: area.columns },
      headerRows: Number(root.attrs.get("headerRowCount") ?? 1),
      totalsRows: Number(root.attrs.get("totalsRowCount") ?? 0),
      columnNames: columnList.map((c) => unescapeCellText(c.attrs.get("name") ?? "")),
    },
    root,
    autoFilter: elements.find((e) => e.depth === 1 && e.local === "autoFilter"),
    filterColumns: elements.filter((e) => e.depth === 2 && e.local === "filterColumn"),
    columns,
    columnList,
  };
}

/**
 * The part with the table over `area`: its ref, its filter's ref (a filter criterion on a column
 * no longer in the table dropped), and its columns, the user's first ones byte for byte, then
 * the review's named `names` (a column it has already keeps its id and everything else, only its
 * name set; one it lacks is added after the largest id), any past them removed.
 */
function tableXml(xml: string, part: TablePart, area: Area, names: readonly string[]): string {
  if (sameTable(part, area, names)) return xml;
  const count = area.columns;
  const kept = count - names.length;
  const lastColumn = area.column + count - 1;
  const splices: Splice[] = [startTagSplice(xml, part.root, { ref: a1(area, { bothCorners: true }) })];
  const filterRef = part.autoFilter?.attrs.get("ref");
  if (part.autoFilter && filterRef) {
    const filter = parseAddress(filterRef);
    const fitted = { row: filter.row, column: filter.column, rows: filter.rows, columns: lastColumn - filter.column + 1 };
    splices.push(startTagSplice(xml, part.autoFilter, { ref: a1(fitted, { bothCorners: true }) }));
    for (const criterion of part.filterColumns)
      if (Number(criterion.attrs.get("colId")) >= count) splices.push({ start: criterion.start, end: criterion.end, text: "" });
  }
  splices.push(startTagSplice(xml, part.columns, { count: String(count) }));
  const named = (name: string) => escapeXml(xstring(name));
  names.forEach((name, i) => {
    const column = part.columnList[kept + i];
    if (column && unescapeCellText(column.attrs.get("name") ?? "") !== name)
      splices.push(startTagSplice(xml, column, { name: named(name) }));
  });
  for (const column of part.columnList.slice(count)) splices.push({ start: column.start, end: column.end, text: "" });
  let id = Math.max(0, ...part.columnList.map((c) => Number(c.attrs.get("id")) || 0));
  const prefix = part.columns.name.slice(0, part.columns.name.length - part.columns.local.length);
  const added = names
    .slice(Math.max(0, part.columnList.length - kept))
    .map((name) => `<${prefix}tableColumn id="${++id}" name="${named(name)}"/>`)
    .join("");
  if (added) {
    const close = xml.lastIndexOf("</", part.columns.end);
    splices.push({ start: close, end: close, text: added });
  }
  return applySplices(xml, splices);
}

/** Whether the table is over `area` already, its columns from the review's first named `names`. */
function sameTable(part: TablePart, area: Area, names: readonly string[]): boolean {
  const { area: now, columnNames } = part.table;
  if (!sameArea(now, area)) return false;
  return columnNames.slice(area.columns - names.length).every((name, i) => name === names[i]);
}

/** The start tag of an element: up to the first ">" outside its quoted attribute values. */
function startTagOf(xml: string, element: Element): string {
  const match = /^<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/.exec(xml.slice(element.start, element.end));
  if (!match) throw new Error(`an unreadable <${element.name}> tag`);
  return match[0];
}

/** A splice that sets attributes on an element's start tag, the rest of the tag as it was. */
function startTagSplice(xml: string, element: Element, attrs: Readonly<Record<string, string>>): Splice {
  const tag = startTagOf(xml, element);
  return { start: element.start, end: element.start + tag.length, text: withAttributes(tag, attrs) };
}

/**
 * A column name as SpreadsheetML's escaped strings (ST_Xstring) carry it in an attribute:
 * characters XML cannot carry, and the line feed, carriage return and tab (an attribute's
 * reader would turn them into spaces) as _xHHHH_; the underscore of a literal "_xHHHH_" as _x005F_.
 */
export function xstring(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u001f\ufffe\uffff]/g, (c) =>
    c === "_" ? "_x005F_" : `_x${c.charCodeAt(0).toString(16).padStart(4, "0")}_`,
  );
}

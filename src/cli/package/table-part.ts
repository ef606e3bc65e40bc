/**
 * The customer sheet's Excel table (its table part, xl/tables/tableN.xml) grown over the review's
 * columns when it is the customer table (extendedTable): its ref, its filter's ref and one
 * <tableColumn> per column added. Every other byte of the part stays as it was: its style, its
 * totals row, the user's filter criteria and sort, attributes and extensions the review knows
 * nothing of. A table the review does not grow is not touched at all.
 */
import { a1, parseAddress } from "../../engine/a1";
import { extendedTable, ReviewColumns, SheetTable, TableExtension } from "../../engine/review/customer-table";
import { SheetInfo } from "./package";
import { PackageEdit } from "./package-edit";
import { escapeXml, unescapeCellText } from "./xml";
import { applySplices, elementsOf, Element, Splice, withAttributes } from "./xml-edit";

/** A table the review left alone because a name it would add is already one of the table's columns. */
export interface TableClash {
  /** The table's name, as Excel shows it (its displayName). */
  readonly table: string;
  readonly names: readonly string[];
}

/**
 * Grows the customer table on `sheet` (the first of its tables that is the customer table) in
 * the edit. Returns the table left alone for a clash of names, if one was.
 */
export async function growCustomerTable(
  edit: PackageEdit,
  sheet: SheetInfo,
  review: ReviewColumns,
): Promise<TableClash | undefined> {
  const rels = await edit.pkg.relationships(sheet.part);
  for (const rel of rels) {
    if (!rel.type.endsWith("/table") || rel.external || !rel.part) continue;
    const entry = edit.pkg.zip.entry(rel.part);
    if (!entry) continue;
    const xml = await edit.pkg.zip.text(entry);
    const found = tableOf(xml);
    if (!found) continue;
    const extension = extendedTable(found.table, review);
    if (!extension) continue;
    if (extension.kind === "clash") return { table: found.name, names: extension.names };
    edit.replaced.set(entry.name.toLowerCase(), extendedTableXml(xml, found, extension));
    return undefined;
  }
  return undefined;
}

interface TablePart {
  readonly name: string;
  readonly table: SheetTable;
  readonly root: Element;
  readonly autoFilter?: Element;
  readonly columns: Element;
  readonly columnList: readonly Element[];
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
    columns,
    columnList,
  };
}

/** The part with the table's ref, its filter's ref and its columns grown as `extension` says. */
function extendedTableXml(xml: string, part: TablePart, extension: TableExtension & { kind: "extend" }): string {
  const { area } = extension;
  const lastColumn = area.column + area.columns - 1;
  const splices: Splice[] = [startTagSplice(xml, part.root, { ref: a1(area, { bothCorners: true }) })];
  const filterRef = part.autoFilter?.attrs.get("ref");
  if (part.autoFilter && filterRef) {
    const filter = parseAddress(filterRef);
    const widened = { row: filter.row, column: filter.column, rows: filter.rows, columns: lastColumn - filter.column + 1 };
    splices.push(startTagSplice(xml, part.autoFilter, { ref: a1(widened, { bothCorners: true }) }));
  }
  const count = part.columnList.length + extension.names.length;
  splices.push(startTagSplice(xml, part.columns, { count: String(count) }));
  let id = Math.max(0, ...part.columnList.map((c) => Number(c.attrs.get("id")) || 0));
  const prefix = part.columns.name.slice(0, part.columns.name.length - part.columns.local.length);
  const added = extension.names.map((name) => `<${prefix}tableColumn id="${++id}" name="${escapeXml(xstring(name))}"/>`).join("");
  const close = xml.lastIndexOf("</", part.columns.end);
  splices.push({ start: close, end: close, text: added });
  return applySplices(xml, splices);
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

/**
 * SpreadsheetML for what the review writes on a sheet: cells in the plan's formats, column
 * widths, conditional fills, the drawing that holds a chart; and the order the schema gives a
 * worksheet's children, so each one lands where Excel expects it (the layout's children, in
 * layout-xml.ts, are placed with the same order).
 */
import { Lang } from "../../engine/i18n";
import { numberFormat } from "../../engine/review/formats";
import { CellAlignment, CellFormat, ConditionalFill, fillCondition, PlanValue } from "../../engine/review/write-plan";
import { cellA1 } from "../../engine/a1";
import { storedIn1904 } from "../../engine/date-system";
import { Styles, UNALIGNED } from "./styles";
import { escapeCellText, escapeXml } from "./xml";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** CT_Worksheet's children in schema order. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

/** Writes plan values as cells: the style for their format, dates in the workbook's date system, text never as a formula. */
export class CellWriter {
  constructor(
    private readonly styles: Styles,
    private readonly lang: Lang,
    private readonly date1904: boolean,
    /** Namespace prefix of the sheet's elements ("" or "x:"), set once the sheet's root is read. */
    public prefix = "",
  ) {}

  private readonly styleCache = new Map<string, number>();

  style(format: CellFormat, bold: boolean, alignment: CellAlignment = UNALIGNED, right = false): number {
    const key = `${format}|${bold ? 1 : 0}|${alignment.wrap ? 1 : 0}|${alignment.indent ? 1 : 0}|${alignment.top ? 1 : 0}|${right ? 1 : 0}`;
    let style = this.styleCache.get(key);
    if (style === undefined)
      this.styleCache.set(key, (style = this.styles.cellStyle(numberFormat(format, this.lang), bold, alignment, right)));
    return style;
  }

  /** Escaped text of the strings written over and over (grades, recommendations), kept up to a bound. */
  private readonly texts = new Map<string, string>();

  /** The text element of an inline string; spaces at either end are kept only when it says so. */
  private textElement(text: string): string {
    let xml = this.texts.get(text);
    if (xml === undefined) {
      const p = this.prefix;
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
      xml = `<${p}t${space}>${escapeCellText(text)}</${p}t>`;
      if (this.texts.size < 10_000) this.texts.set(text, xml);
    }
    return xml;
  }

  /** One cell's XML at `ref` ("W4") with its style, or "" for a blank (a blank clears the cell: nothing is written). */
  cell(ref: string, value: PlanValue, style: number, format: CellFormat): string {
    if (value === null) return "";
    const p = this.prefix;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return `<${p}c r="${ref}" s="${style}" t="e"><${p}v>#NUM!</${p}v></${p}c>`;
      const stored = this.date1904 ? storedIn1904(value, format) : value;
      return `<${p}c r="${ref}" s="${style}"><${p}v>${stored}</${p}v></${p}c>`;
    }
    if (typeof value === "boolean") return `<${p}c r="${ref}" s="${style}" t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
    // An inline string: the shared strings part stays as it was, and "=…" stays text.
    return `<${p}c r="${ref}" s="${style}" t="inlineStr"><${p}is>${this.textElement(value)}</${p}is></${p}c>`;
  }
}

export function colsXml(widths: readonly number[] | undefined, prefix = ""): string {
  if (!widths?.length) return "";
  const cols = widths.map((w, i) => `<${prefix}col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  return `<${prefix}cols>${cols}</${prefix}cols>`;
}

export function areaRef(area: { row: number; column: number; rows: number; columns: number }): string {
  const first = cellA1(area.row, area.column);
  return area.rows === 1 && area.columns === 1
    ? first
    : `${first}:${cellA1(area.row + area.rows - 1, area.column + area.columns - 1)}`;
}

/** One conditionalFormatting element per fill; priorities count up from `priority`. */
export function fillsXml(fills: readonly ConditionalFill[], dxfIds: readonly number[], priority: number, prefix = ""): string {
  return fills
    .map((fill, i) => {
      const p = prefix;
      return `<${p}conditionalFormatting sqref="${areaRef(fill.area)}"><${p}cfRule type="expression" dxfId="${dxfIds[i]}" priority="${priority + i}"><${p}formula>${escapeXml(fillCondition(fill))}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    })
    .join("");
}

/** The top-left cell of a conditional format's first range, which tells a fill the review wrote. */
export function sqrefTopLeft(sqref: string): string {
  return sqref.trim().split(/\s+/)[0].split(":")[0].replace(/\$/g, "").toUpperCase();
}

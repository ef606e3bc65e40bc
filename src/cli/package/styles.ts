/**
 * The styles part: read for which cell styles show dates (a 1904 workbook stores its dates
 * 1,462 days lower), and added to for the review's cell formats, bold headers and conditional
 * fills. An entry the part already has is reused, so re-runs do not grow it; nothing the user
 * made is changed or renumbered.
 */
import { isDateFormat } from "../../engine/date-system";
import type { CellAlignment } from "../../engine/review/write-plan";
import { Token, XmlScanner, escapeXml } from "./xml";

/** A cell's text as it comes: neither wrapped nor indented. */
export const UNALIGNED: CellAlignment = { wrap: false, indent: false };

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The built-in formats' codes (ECMA-376 §18.8.30), as far as a cell's shown text tells them apart
 * (shownNumber): a date as year-month-day, a time by whether it shows seconds, a date and time,
 * an elapsed time; the East Asian ones (27–36, 50–58) as their dates and times. Excel writes no
 * code for these ids, and a locale's own (m/d/yyyy, d/m/yyyy) reads the same.
 */
const BUILTIN_CODES: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  ...Object.fromEntries([14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, "yyyy-mm-dd"])),
  ...Object.fromEntries([18, 20, 32, 34, 55].map((id) => [id, "hh:mm"])),
  ...Object.fromEntries([19, 21, 33, 35, 56].map((id) => [id, "hh:mm:ss"])),
  22: "yyyy-mm-dd hh:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Built-in formats the review's codes match, so no custom entry is needed for them. */
const BUILTIN_IDS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** Order of the style sheet's children in the schema: new children go where Excel expects them. */
const STYLE_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

interface Child {
  readonly local: string;
  readonly start: number;
  readonly end: number;
  /** Raw XML of each entry (numFmt, font, xf, dxf). */
  readonly items: string[];
}

const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export class Styles {
  private readonly children = new Map<string, Child>();
  private readonly prefix: string;
  private readonly rootEnd: number;
  /** numFmtId → format code, for the custom formats. */
  private readonly formats = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private changed = false;
  private readonly added: Record<string, string[]> = { numFmts: [], fonts: [], cellXfs: [], dxfs: [] };
  private boldFont: number | undefined;

  /** `xml` undefined: the workbook has no styles part, and one is made. */
  constructor(private readonly xml: string = EMPTY_STYLES) {
    const scanner = new XmlScanner();
    scanner.feed(xml);
    scanner.finish();
    let depth = 0;
    let child: { local: string; start: number; items: string[] } | undefined;
    let itemStart = -1;
    let prefix = "";
    let rootEnd = -1;
    for (;;) {
      const token = scanner.next();
      if (token === Token.End) break;
      if (token === Token.Open) {
        const local = scanner.local();
        if (depth === 0) prefix = scanner.name.slice(0, scanner.name.length - local.length);
        if (depth === 1) child = { local, start: scanner.start, items: [] };
        if (depth === 2 && child) {
          itemStart = scanner.start;
          if (child.local === "numFmts" && local === "numFmt") {
            const attrs = scanner.attributes();
            this.formats.set(Number(attrs.get("numFmtId")), attrs.get("formatCode") ?? "");
          } else if (child.local === "cellXfs" && local === "xf") {
            this.xfFormats.push(Number(scanner.attributes().get("numFmtId") ?? 0));
          }
        }
        if (scanner.selfClosing) {
          if (depth === 2 && child) child.items.push(xml.slice(itemStart, scanner.end));
          if (depth === 1 && child) this.children.set(local, { ...child, end: scanner.end });
        } else depth++;
      } else if (token === Token.Close) {
        depth--;
        if (depth === 2 && child) child.items.push(xml.slice(itemStart, scanner.end));
        if (depth === 1 && child) this.children.set(child.local, { ...child, end: scanner.end });
        if (depth === 0) rootEnd = scanner.start;
      }
    }
    this.prefix = prefix;
    this.rootEnd = rootEnd;
    if (xml === EMPTY_STYLES) this.changed = true;
  }

  /** The number format code of a cell style, as far as a cell's shown text needs it (BUILTIN_CODES); undefined for General. */
  formatCode(style: number): string | undefined {
    const id = this.xfFormats[style];
    if (id === undefined) return undefined;
    return this.formats.get(id) ?? BUILTIN_CODES[id];
  }

  /** Cell style indexes whose format shows a date. */
  dateStyles(): Set<number> {
    const dates = new Set<number>();
    this.xfFormats.forEach((id, index) => {
      if (isDateFormat(this.formats.get(id) ?? BUILTIN_CODES[id] ?? "")) dates.add(index);
    });
    return dates;
  }

  private items(local: string): string[] {
    return [...(this.children.get(local)?.items ?? []), ...this.added[local]];
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_IDS[code];
    if (builtin !== undefined) return builtin;
    for (const [id, existing] of this.formats) if (existing === code) return id;
    const id = Math.max(163, ...this.formats.keys()) + 1;
    this.formats.set(id, code);
    this.added.numFmts.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    this.changed = true;
    return id;
  }

  private bold(): number {
    if (this.boldFont !== undefined) return this.boldFont;
    const fonts = this.items("fonts");
    const base = fonts[0] ?? `<${this.prefix}font/>`;
    const p = this.prefix;
    const inner = base.endsWith("/>") ? "" : base.slice(base.indexOf(">") + 1, base.lastIndexOf("<"));
    const font = `<${p}font><${p}b/>${inner.replace(new RegExp(`<${p}b(\\s[^>]*)?/>`), "")}</${p}font>`;
    this.boldFont = this.indexOrAdd("fonts", font);
    return this.boldFont;
  }

  private indexOrAdd(local: string, item: string): number {
    const items = this.items(local);
    const found = items.indexOf(item);
    if (found >= 0) return found;
    this.added[local].push(item);
    this.changed = true;
    return items.length;
  }

  /** The cell style for a number format code, bold or not, its text wrapped and indented or right-aligned or not, at its row's top or not. */
  cellStyle(code: string, bold: boolean, alignment: CellAlignment = UNALIGNED, right = false): number {
    const numFmtId = this.formatId(code);
    const font = bold ? this.bold() : 0;
    const p = this.prefix;
    const head = `<${p}xf numFmtId="${numFmtId}" fontId="${font}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${bold ? ' applyFont="1"' : ""}`;
    // An indent counts only with a horizontal alignment that has one (left, right, distributed).
    const horizontal = right ? ' horizontal="right"' : alignment.indent ? ' horizontal="left" indent="1"' : "";
    const attributes = `${horizontal}${alignment.top ? ' vertical="top"' : ""}${alignment.wrap ? ' wrapText="1"' : ""}`;
    return this.indexOrAdd(
      "cellXfs",
      attributes ? `${head} applyAlignment="1"><${p}alignment${attributes}/></${p}xf>` : `${head}/>`,
    );
  }

  /** The differential format (for a conditional format) filling a cell with a colour ("#C6EFCE"). */
  fill(color: string): number {
    const p = this.prefix;
    const rgb = `FF${color.replace("#", "").toUpperCase()}`;
    return this.indexOrAdd(
      "dxfs",
      `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor rgb="${rgb}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  get isChanged(): boolean {
    return this.changed;
  }

  /** The part with the additions, every other byte as it was. */
  toXml(): string {
    const p = this.prefix;
    const edits: { start: number; end: number; text: string }[] = [];
    for (const local of ["numFmts", "fonts", "cellXfs", "dxfs"]) {
      if (this.added[local].length === 0) continue;
      const all = this.items(local);
      const text = `<${p}${local} count="${all.length}">${all.join("")}</${p}${local}>`;
      const existing = this.children.get(local);
      if (existing) {
        edits.push({ start: existing.start, end: existing.end, text });
        continue;
      }
      // A missing child goes before the first one that must follow it.
      const later = STYLE_ORDER.slice(STYLE_ORDER.indexOf(local) + 1)
        .map((l) => this.children.get(l))
        .filter((c): c is Child => c !== undefined)
        .sort((a, b) => a.start - b.start)[0];
      const at = later ? later.start : this.rootEnd;
      edits.push({ start: at, end: at, text });
    }
    edits.sort((a, b) => a.start - b.start);
    let out = "";
    let from = 0;
    for (const edit of edits) {
      out += this.xml.slice(from, edit.start) + edit.text;
      from = edit.end;
    }
    return out + this.xml.slice(from);
  }
}

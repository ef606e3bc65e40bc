/**
 * Over 300 lines for one reason: one streaming pass per sheet, its cell decoding and bounds kept beside the loop that runs them.
 *
 * A worksheet's cells as the engine reads them (values from A1, as Office.js hands them over),
 * streamed from the part: shared and inline strings, booleans, error codes, formulas by their
 * saved results, ISO dates (t="d") as serials, and a 1904 workbook's dates moved to the 1900
 * system the engine counts in. A formula with no saved value (no <v>, or an empty one where a
 * number belongs) is not read as blank: it becomes an error value that says so, and is listed
 * for the user. Every cell is checked against
 * Excel's grid and the workbook's cell budget as it is met, before anything is kept for it.
 */
import "../../engine/i18n/cli";
import { CellValue, serialFromYMD } from "../../engine/cells";
import { dateFrom1904 } from "../../engine/date-system";
import { message, Lang } from "../../engine/i18n";
import { BoundError, CellBudget } from "./bounds";
import { PackageError } from "./package-error";
import { columnLetter, EXCEL_COLUMNS, EXCEL_ROWS, referenceColumn, referenceRow } from "../../engine/a1";
import { ownString, Token, unescapeCellText, XmlScanner } from "./xml";
import { ZipReader } from "./zip-reader";
import { SheetInfo, SheetSurroundings } from "./package";

/**
 * A cell in its most common shape: reference, then style, then type, then a plain value or a
 * plain inline string (as the review's own sheets, the archive among them, are written).
 */
const COMMON_CELL =
  /<c r="([A-Z]{1,3})(\d{1,7})"(?: s="(\d{1,9})")?(?: t="([a-zA-Z]{1,9})")?>(?:<v>([^<&]*)<\/v>|<is><t>([^<&]*)<\/t><\/is>)?<\/c>/y;

/** Texts up to this long are kept once however often they are read, up to this many of them. */
const SHARED_TEXT = { maxLength: 256, maxCount: 500_000 };

/** A cell's text as it is kept: its own string (not a view into the XML read), once per workbook when short. */
function keptText(text: string, texts: Map<string, string> | undefined): string {
  if (!texts || text.length > SHARED_TEXT.maxLength) return ownString(text);
  let kept = texts.get(text);
  if (kept === undefined) {
    kept = ownString(text);
    if (texts.size < SHARED_TEXT.maxCount) texts.set(kept, kept);
  }
  return kept;
}

/** A row with no cells, shared by every such row of every sheet (a sparse sheet reaching row 1,048,576). */
const NO_CELLS: readonly CellValue[] = Object.freeze([]);

export interface ReadContext {
  readonly zip: ZipReader;
  readonly strings: readonly string[];
  /** Cell styles that show dates, when the workbook counts dates from 1904 (else empty). */
  readonly dates1904: ReadonlySet<number>;
  readonly lang: Lang;
  /** Cells still allowed to be read, over every sheet of the review. */
  budget: CellBudget;
  /** "Sheet!A1" of each formula met without a saved value (or with one not to be read: see formulasUncalculated). */
  readonly noValue: string[];
  /**
   * The workbook asks to be calculated when opened, so a value saved with a formula was never
   * calculated: read, XlsxWriter's 0 in a balance column would pass the over-limit check silently.
   */
  readonly formulasUncalculated: boolean;
  /** Formula cells whose saved values were read as their results. */
  readonly formulas: { read: number };
  /**
   * Cell texts already read, each kept once: an archive repeats its review's date, version,
   * grades and codes, and each customer's id and name, on every review's rows.
   */
  readonly texts?: Map<string, string>;
  /**
   * A column (1-based) whose number cells' styles the next read whole records, by 0-based row:
   * the team's responses, shown as their cells show them (shown-text.ts), not as bare numbers.
   */
  styledColumn?: { readonly column: number; readonly styles: Map<number, number> };
  /** Where a sheet read whole leaves the text around its cells, by part name in lower case. */
  readonly surroundings?: Map<string, SheetSurroundings>;
}

/**
 * The text around a sheet's cells is kept up to this many characters; a sheet with more (tens
 * of thousands of merged areas or hyperlinks) is looked through again when it is written.
 */
export const SURROUNDINGS = { maxChars: 1 << 22 };

/** Cell types (the t attribute) as small numbers, so the hot loop compares integers. */
const enum CellType {
  Number,
  Shared,
  Inline,
  FormulaString,
  Boolean,
  Error,
  IsoDate,
}

function cellType(t: string): CellType {
  switch (t) {
    case "s":
      return CellType.Shared;
    case "inlineStr":
      return CellType.Inline;
    case "str":
      return CellType.FormulaString;
    case "b":
      return CellType.Boolean;
    case "e":
      return CellType.Error;
    case "d":
      return CellType.IsoDate;
    default:
      return CellType.Number;
  }
}

function isoSerial(text: string): CellValue {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!match) return ownString(text);
  const day = serialFromYMD(Number(match[1]), Number(match[2]), Number(match[3]));
  const seconds = Number(match[4] ?? 0) * 3600 + Number(match[5] ?? 0) * 60 + Number(match[6] ?? 0);
  return day + seconds / 86400;
}

/**
 * Reads `sheet`'s cells, down to row `maxRows` when given (the top rows, to recognise a sheet).
 * values[r][c] is the cell at row r + 1, column c + 1; missing cells are null, missing rows empty.
 */
export async function readSheet(context: ReadContext, sheet: SheetInfo, maxRows = EXCEL_ROWS): Promise<CellValue[][]> {
  const entry = context.zip.entry(sheet.part);
  if (!entry) throw new PackageError("cli.package.sheetPartMissing", { sheet: sheet.name, part: sheet.part });
  const { strings, dates1904, budget, texts } = context;
  const styled = maxRows === EXCEL_ROWS ? context.styledColumn : undefined;
  const rows: CellValue[][] = [];
  const scanner = new XmlScanner();
  let inData = false;
  let done = false;
  let rowIndex = 0; // 1-based row being read
  let line: CellValue[] = [];
  let column = 0; // 1-based column of the cell being read
  let type = CellType.Number;
  let style = 0;
  let inCell = false;
  let hasValue = false;
  let hasFormula = false;
  let formula = "";
  let value = "";
  // What text is being collected: 0 none, 1 <v>, 2 <f>, 3 <t> of an inline string.
  let collecting = 0;
  let inInline = false;
  let phonetic = 0;
  let afterData = false;
  const merges: string[] = [];
  let head = "";
  let tail = "";

  const outside = (ref: string): never => {
    throw new BoundError("cli.outsideGrid", { sheet: sheet.name, cell: ref.slice(0, 24) });
  };

  const endRow = () => {
    if (line.length > 0) rows[rowIndex - 1] = line;
  };

  const startRow = (r: number) => {
    endRow();
    for (let i = rows.length; i < r - 1; i++) rows[i] = NO_CELLS as CellValue[];
    rowIndex = r;
    line = [];
    column = 0;
  };

  const finishCell = () => {
    let cell: CellValue;
    if (type === CellType.Inline) cell = keptText(unescapeCellText(value), texts);
    else if (!hasValue || (hasFormula && (context.formulasUncalculated || (type === CellType.Number && value.trim() === "")))) {
      // openpyxl writes a formula it never calculated with an empty <v/>: a number formula has no
      // empty result, so that is no saved value (t="str" may save an empty text).
      if (!hasFormula) return;
      const where = `${sheet.name}!${columnLetter(column - 1)}${rowIndex}`;
      context.noValue.push(where);
      const shown = formula.length > 40 ? `${formula.slice(0, 37)}...` : formula;
      const key = hasValue && value.trim() !== "" ? "cli.formulaNotCalculated" : "cli.formulaNoValue";
      cell = { error: message(context.lang, key, { formula: shown || "…" }) };
    } else {
      if (hasFormula) context.formulas.read++;
      switch (type) {
        case CellType.Shared: {
          const index = Number(value);
          const text = strings[index];
          if (text === undefined)
            throw new PackageError("cli.package.sharedString", {
              sheet: sheet.name,
              cell: `${columnLetter(column - 1)}${rowIndex}`,
              index: value.slice(0, 12),
            });
          cell = text;
          break;
        }
        case CellType.FormulaString:
          cell = keptText(unescapeCellText(value), texts);
          break;
        case CellType.Boolean:
          cell = value.trim() === "1" || value.trim() === "true";
          break;
        case CellType.Error:
          cell = keptText(value.trim(), texts);
          break;
        case CellType.IsoDate:
          cell = isoSerial(value);
          break;
        default: {
          const number = Number(value);
          cell = value.trim() === "" || Number.isNaN(number) ? keptText(value, texts) : number;
          if (typeof cell === "number" && dates1904.size > 0 && dates1904.has(style)) cell = dateFrom1904(cell);
          if (typeof cell === "number" && styled !== undefined && column === styled.column)
            styled.styles.set(rowIndex - 1, style);
        }
      }
    }
    for (let i = line.length; i < column - 1; i++) line[i] = null;
    line[column - 1] = cell;
  };

  /**
   * Most cells have one shape, <c r="B7" s="3" t="s"><v>12</v></c> or an inline string's
   * <c r="B7" t="inlineStr"><is><t>text</t></is></c>: read in one step, not five tokens or more.
   * Anything else (formulas, rich text, entities, other attribute orders, a cell cut by the end
   * of the text read so far) goes through the scanner token by token.
   */
  const fastCell = (): boolean => {
    COMMON_CELL.lastIndex = scanner.pos;
    const m = COMMON_CELL.exec(scanner.buf);
    if (!m) return false;
    const t = m[4] === undefined ? CellType.Number : cellType(m[4]);
    // Inline text under another type is left to the tokens, before this cell is counted.
    if (m[6] !== undefined && t !== CellType.Inline) return false;
    const c = referenceColumn(m[1]);
    const r = Number(m[2]);
    if (c > EXCEL_COLUMNS || r < 1 || r > EXCEL_ROWS) outside(`${m[1]}${m[2]}`);
    if (rowIndex === 0) startRow(1);
    if (r > rowIndex && line.length === 0) startRow(r);
    else if (r !== rowIndex) return false;
    if (--budget.cells < 0) throw budget.exceeded();
    column = c;
    style = m[3] === undefined ? 0 : Number(m[3]);
    type = t;
    hasValue = m[5] !== undefined || m[6] !== undefined;
    value = m[5] ?? m[6] ?? "";
    hasFormula = false;
    finishCell();
    scanner.pos = COMMON_CELL.lastIndex;
    return true;
  };

  const scan = (): boolean => {
    for (;;) {
      // "<c " between cells: try the common shape before tokenizing.
      const at = scanner.pos;
      const buf = scanner.buf;
      if (
        inData &&
        !inCell &&
        buf.charCodeAt(at) === 60 &&
        buf.charCodeAt(at + 1) === 99 &&
        buf.charCodeAt(at + 2) === 32 &&
        fastCell()
      ) {
        scanner.mark = scanner.pos;
        continue;
      }
      const token = scanner.next();
      if (token === Token.NeedMore || token === Token.End) return true;
      if (token === Token.Open) {
        const name = scanner.name;
        const local = name.length === 1 || name.indexOf(":") < 0 ? name : scanner.local();
        if (inCell) {
          if (local === "v") collecting = scanner.selfClosing ? 0 : 1;
          else if (local === "f") {
            hasFormula = true;
            collecting = scanner.selfClosing ? 0 : 2;
          } else if (local === "is") inInline = true;
          else if (local === "rPh") phonetic += scanner.selfClosing ? 0 : 1;
          else if (local === "t" && inInline && phonetic === 0) collecting = scanner.selfClosing ? 0 : 3;
          if (local === "v") hasValue = true;
        } else if (local === "c" && inData) {
          let hasRef = false;
          let t = CellType.Number;
          style = 0;
          let refColumn = 0;
          let refRow = 0;
          while (scanner.nextAttr()) {
            if (scanner.attrIs("r")) {
              scanner.attrRef();
              hasRef = true;
              refColumn = scanner.refColumn;
              refRow = scanner.refRow;
            } else if (scanner.attrIs("t")) t = cellType(scanner.attrValue());
            else if (scanner.attrIs("s")) style = scanner.attrInt();
          }
          if (rowIndex === 0) startRow(1);
          if (hasRef) {
            if (refColumn < 1 || refColumn > EXCEL_COLUMNS || refRow < 1 || refRow > EXCEL_ROWS)
              outside(scanner.buf.slice(scanner.attrValueStart, scanner.attrValueEnd));
            // A row written without its number takes it from its first cell.
            if (refRow > rowIndex && line.length === 0) startRow(refRow);
            else if (refRow !== rowIndex)
              throw new PackageError("cli.package.cellRow", { sheet: sheet.name, row: refRow, inRow: rowIndex });
            column = refColumn;
          } else if (++column > EXCEL_COLUMNS) outside(`row ${rowIndex}, column ${column}`);
          if (--budget.cells < 0) throw budget.exceeded();
          type = t;
          hasValue = false;
          hasFormula = false;
          formula = "";
          value = "";
          inInline = false;
          phonetic = 0;
          collecting = 0;
          inCell = !scanner.selfClosing;
        } else if (local === "row" && inData) {
          let r = rowIndex + 1;
          while (scanner.nextAttr()) {
            if (scanner.attrIs("r")) {
              r = scanner.attrInt();
              if (r < 1 || r > EXCEL_ROWS) outside(`A${scanner.attrValue().slice(0, 20)}`);
            }
          }
          if (r <= rowIndex) throw new PackageError("cli.package.rowOrder", { sheet: sheet.name, row: r, previous: rowIndex });
          if (r > maxRows) return false;
          startRow(r);
        } else if (local === "sheetData") {
          inData = !scanner.selfClosing;
          afterData = scanner.selfClosing;
          if (afterData && maxRows < EXCEL_ROWS) return false;
        } else if (local === "mergeCell" && afterData) {
          while (scanner.nextAttr()) if (scanner.attrName === "ref") merges.push(scanner.attrValue());
        }
      } else if (token === Token.Text) {
        if (collecting === 1) value += scanner.text();
        else if (collecting === 2) formula += scanner.text();
        else if (collecting === 3) value += scanner.text();
      } else if (token === Token.Close) {
        const name = scanner.name;
        const local = name.length === 1 || name.indexOf(":") < 0 ? name : name.slice(name.indexOf(":") + 1);
        if (local === "c" && inCell) {
          finishCell();
          inCell = false;
        } else if (local === "v" || local === "f" || local === "t") collecting = 0;
        else if (local === "rPh") phonetic--;
        else if (local === "is") inInline = false;
        else if (local === "sheetData") {
          inData = false;
          afterData = true;
          // The top rows are read to recognise a sheet: what follows its cells is not needed.
          if (maxRows < EXCEL_ROWS) return false;
        }
      }
      if (!inData && head.length + tail.length < SURROUNDINGS.maxChars) {
        if (afterData) tail += scanner.buf.slice(scanner.mark, scanner.pos);
        else head += scanner.buf.slice(scanner.mark, scanner.pos);
      }
      scanner.mark = scanner.pos;
    }
  };

  await context.zip.readText(entry, (chunk) => {
    if (done) return false;
    scanner.feed(chunk);
    if (!scan()) done = true;
    return !done;
  });
  if (!done) {
    scanner.finish();
    scan();
    if (head.length + tail.length < SURROUNDINGS.maxChars) context.surroundings?.set(entry.name.toLowerCase(), { head, tail });
  }
  endRow();
  fillMerges(rows, merges, budget);
  return rows;
}

/**
 * A merged area reads as its top-left value in each of its cells, as a two-row header merged
 * over "Customer" is meant to be read; only over rows the sheet has, and counted in the budget.
 */
function fillMerges(rows: CellValue[][], merges: readonly string[], budget: CellBudget): void {
  for (const ref of merges) {
    const [from, to = from] = ref.split(":");
    const top = referenceRow(from) - 1;
    const left = referenceColumn(from) - 1;
    const bottom = Math.min(referenceRow(to) - 1, rows.length - 1);
    const right = referenceColumn(to) - 1;
    if (top < 0 || left < 0 || right >= EXCEL_COLUMNS || right < left) continue;
    const master = rows[top]?.[left];
    if (master === null || master === undefined) continue;
    for (let r = top; r <= bottom; r++) {
      const line = rows[r] === NO_CELLS ? (rows[r] = []) : rows[r];
      if (!line) continue;
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        if (--budget.cells < 0) throw budget.exceeded();
        for (let i = line.length; i < c; i++) line[i] = null;
        line[c] = master;
      }
    }
  }
}

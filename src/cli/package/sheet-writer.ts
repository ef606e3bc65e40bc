/**
 * Carries a sheet's part of the write plan into worksheet XML: a sheet the review owns is
 * written whole; a sheet of the user's (the customer sheet, an archive to append to) is
 * streamed through with only the rows the plan writes rewritten and every other byte copied.
 */
import { Block } from "../../engine/review/write-plan";
import { BoundError, EXCEL_ROWS, PackageError } from "./bounds";
import { columnNumber } from "./cell-ref";
import { CellWriter, MAIN_NS, REL_NS, WORKSHEET_ORDER } from "./worksheet-xml";
import { Token, XmlScanner } from "./xml";
import { applySplices, Element, elementsOf, orderedPosition, Splice } from "./xml-edit";

/** Which blocks write on which rows, in row order. */
export class RowPlan {
  readonly rows: number[];
  private readonly byRow = new Map<number, Block[]>();
  readonly lastRow: number;
  readonly lastColumn: number;

  constructor(blocks: readonly Block[], sheetName: string) {
    let lastRow = -1;
    let lastColumn = -1;
    for (const block of blocks) {
      const end = block.row + block.values.length - 1;
      if (end >= EXCEL_ROWS) throw new BoundError("cli.sheetFull", { sheet: sheetName });
      for (let r = block.row; r <= end; r++) {
        const list = this.byRow.get(r);
        if (list) list.push(block);
        else this.byRow.set(r, [block]);
      }
      if (block.values.length) {
        lastRow = Math.max(lastRow, end);
        lastColumn = Math.max(lastColumn, block.column + block.formats.length - 1);
      }
    }
    this.rows = [...this.byRow.keys()].sort((a, b) => a - b);
    this.lastRow = lastRow;
    this.lastColumn = lastColumn;
  }

  /** The columns the plan writes on a row (0-based, inclusive ranges), and the cells' XML in column order. */
  cells(row: number, writer: CellWriter): { ranges: [number, number][]; cells: { column: number; xml: string }[] } {
    const blocks = [...(this.byRow.get(row) ?? [])].sort((a, b) => a.column - b.column);
    const ranges: [number, number][] = [];
    const cells: { column: number; xml: string }[] = [];
    for (const block of blocks) {
      const line = block.values[row - block.row];
      const width = Math.max(line.length, block.formats.length);
      ranges.push([block.column, block.column + width - 1]);
      for (let c = 0; c < width; c++) {
        const xml = writer.cell(row, block.column + c, line[c] ?? null, block.formats[c] ?? "general", block.bold === true);
        if (xml) cells.push({ column: block.column + c + 1, xml });
      }
    }
    return { ranges, cells };
  }

  /** A whole new row's XML ("" when every value on it is blank). */
  newRow(row: number, writer: CellWriter): string {
    const { cells } = this.cells(row, writer);
    const p = writer.prefix;
    return cells.length ? `<${p}row r="${row + 1}">${cells.map((c) => c.xml).join("")}</${p}row>` : "";
  }
}

/** Edits of a worksheet's children other than its cells: what to drop and what to add, in schema order. */
export interface ChildEdits {
  readonly drop?: (element: Element) => boolean;
  /** Children to add (local name → XML), each placed by WORKSHEET_ORDER. */
  readonly add?: readonly { readonly local: (typeof WORKSHEET_ORDER)[number]; readonly xml: string }[];
}

/**
 * Applies child edits to a run of a worksheet's children: the part before <sheetData> (with
 * the root's opening tag, children at depth 1) or after it (children at depth 0, ending with
 * the root's closing tag).
 */
export function editChildren(text: string, childDepth: number, edits: ChildEdits, end: number): string {
  const { elements } = elementsOf(text);
  const children = elements.filter((e) => e.depth === childDepth);
  const splices: Splice[] = [];
  for (const child of children) if (edits.drop?.(child)) splices.push({ start: child.start, end: child.end, text: "" });
  const kept = children.filter((c) => !edits.drop?.(c));
  for (const add of edits.add ?? []) {
    if (!add.xml) continue;
    const at = orderedPosition(kept, WORKSHEET_ORDER, add.local, end);
    splices.push({ start: at, end: at, text: add.xml });
  }
  return applySplices(text, splices);
}

/** Edits around a patched sheet's cells: of the text before <sheetData> (with the root's opening tag) and after it. */
export interface PatchEdits {
  readonly head: (text: string) => string;
  readonly tail: (text: string) => string;
}

type Out = (text: string) => Promise<void>;

/**
 * Streams a user's worksheet through, rewriting the rows the plan writes on (their other cells
 * kept as they were), inserting rows the sheet did not have, and applying child edits around
 * the cells. Rows and cells written without a position get one, since rows are inserted
 * among them.
 */
export class SheetPatcher {
  private readonly scanner = new XmlScanner();
  private phase: "head" | "data" | "tail" = "head";
  private next = 0; // index into plan.rows of the next row to write
  private rowIndex = 0; // 1-based number of the last row met
  private capture = -1; // start of an edited row being collected
  private captureRow = 0;
  private head = "";
  private tail = "";
  private depth = 0;

  constructor(
    private readonly plan: RowPlan,
    private readonly writer: CellWriter,
    private readonly edits: PatchEdits,
    private readonly sheetName: string,
  ) {}

  async push(chunk: string, out: Out): Promise<void> {
    this.scanner.feed(chunk);
    await this.scan(out);
  }

  async end(out: Out): Promise<void> {
    this.scanner.finish();
    await this.scan(out);
    if (this.phase !== "tail") throw new PackageError(`sheet "${this.sheetName}" has no cell data`);
    this.tail += this.scanner.take(this.scanner.buf.length);
    await out(this.edits.tail(this.tail));
  }

  /** New rows the plan writes above row `before` (1-based), which the sheet does not have. */
  private rowsBefore(before: number): string {
    let xml = "";
    const rows = this.plan.rows;
    while (this.next < rows.length && rows[this.next] + 1 < before) xml += this.plan.newRow(rows[this.next++], this.writer);
    return xml;
  }

  private async scan(out: Out): Promise<void> {
    const s = this.scanner;
    const p = this.writer.prefix;
    for (;;) {
      const token = s.next();
      if (token === Token.NeedMore || token === Token.End) break;
      if (this.phase === "tail") continue;
      if (this.phase === "head") {
        if (token === Token.Open && this.depth === 1 && s.local() === "sheetData") {
          this.head += s.take(s.start);
          await out(this.edits.head(this.head));
          this.head = "";
          if (s.selfClosing) {
            s.take(s.end);
            await out(`<${p}sheetData>${this.rowsBefore(EXCEL_ROWS + 2)}</${p}sheetData>`);
            this.phase = "tail";
          } else this.phase = "data";
          continue;
        }
        if (token === Token.Open && !s.selfClosing) this.depth++;
        else if (token === Token.Close) this.depth--;
        continue;
      }
      // Cell data.
      if (token === Token.Open && s.local() === "row") {
        let r = 0;
        while (s.nextAttr()) if (s.attrName === "r") r = Number(s.attrValue());
        const numbered = r > 0;
        if (!numbered) r = this.rowIndex + 1;
        this.rowIndex = r;
        const inserted = this.rowsBefore(r);
        const edited = this.next < this.plan.rows.length && this.plan.rows[this.next] + 1 === r;
        if (inserted || edited || !numbered) {
          await out(s.take(s.start) + inserted);
        }
        if (edited) {
          this.next++;
          if (s.selfClosing) {
            // An empty row (its height or hidden flag kept): opened up to take the plan's cells.
            const tag = s.take(s.end);
            const name = s.name;
            const open = numbered ? tag : `<${name} r="${r}"${tag.slice(name.length + 1)}`;
            await out(this.rewriteRow(`${open.replace(/\s*\/>$/, ">")}</${name}>`, r));
          } else {
            this.capture = s.mark;
            this.captureRow = r;
          }
        } else if (!numbered) {
          const tag = s.take(s.end);
          const name = s.name;
          await out(`<${name} r="${r}"${tag.slice(name.length + 1)}`);
        }
      } else if (token === Token.Close && s.local() === "row" && this.capture >= 0) {
        // The row was marked where it starts, and the mark moves with the buffer as it is refilled.
        const text = s.take(s.end);
        this.capture = -1;
        await out(this.rewriteRow(text, this.captureRow));
      } else if (token === Token.Close && s.local() === "sheetData") {
        await out(s.take(s.start) + this.rowsBefore(EXCEL_ROWS + 2));
        this.phase = "tail";
        this.tail = "";
        continue;
      }
      // Copy what is not being rewritten in chunks, so memory stays flat over a long sheet.
      if (this.capture < 0 && s.pos - s.mark > 1 << 20) await out(s.take(s.pos));
    }
    if (this.phase === "head") this.head += s.take(s.pos);
  }

  /** One of the user's rows with the plan's cells put in: their other cells as they were. */
  private rewriteRow(text: string, r: number): string {
    const scanner = new XmlScanner();
    scanner.feed(text);
    scanner.finish();
    scanner.next(); // <row …>
    const rowTag = text.slice(0, scanner.end).replace(/\s+spans="[^"]*"/, "");
    const cells: { column: number; xml: string }[] = [];
    let tailStart = -1;
    let column = 0;
    let depth = 0;
    let cellStart = -1;
    let cellColumn = 0;
    let cellHasRef = true;
    for (;;) {
      const token = scanner.next();
      if (token === Token.End) break;
      if (token === Token.Open && depth === 0) {
        if (scanner.local() === "c") {
          let ref = "";
          while (scanner.nextAttr()) if (scanner.attrName === "r") ref = scanner.attrValue();
          column = ref ? columnNumber(ref) : column + 1;
          cellStart = scanner.start;
          cellColumn = column;
          cellHasRef = ref !== "";
          if (scanner.selfClosing) {
            cells.push({ column, xml: this.withRef(text.slice(cellStart, scanner.end), cellHasRef, r, column) });
            cellStart = -1;
          } else depth++;
        } else if (tailStart < 0) {
          tailStart = scanner.start;
          if (!scanner.selfClosing) depth++;
        }
      } else if (token === Token.Open && !scanner.selfClosing) depth++;
      else if (token === Token.Close) {
        if (depth === 0) break; // </row>
        depth--;
        if (depth === 0 && cellStart >= 0) {
          cells.push({ column: cellColumn, xml: this.withRef(text.slice(cellStart, scanner.end), cellHasRef, r, cellColumn) });
          cellStart = -1;
        }
      }
    }
    const close = text.lastIndexOf("</");
    const extra = tailStart >= 0 ? text.slice(tailStart, close) : "";
    const { ranges, cells: planned } = this.plan.cells(r - 1, this.writer);
    const inRanges = (c: number) => ranges.some(([a, b]) => c - 1 >= a && c - 1 <= b);
    const all = [...cells.filter((c) => !inRanges(c.column)), ...planned].sort((a, b) => a.column - b.column);
    const open = /\sr="/.test(rowTag) ? rowTag : `${rowTag.slice(0, -1).replace(/^(<[^\s>]+)/, `$1 r="${r}"`)}>`;
    return `${open}${all.map((c) => c.xml).join("")}${extra}${text.slice(close)}`;
  }

  private withRef(xml: string, hasRef: boolean, row: number, column: number): string {
    if (hasRef) return xml;
    const name = /^<([^\s/>]+)/.exec(xml)![1];
    return `<${name} r="${columnLetterOf(column)}${row}"${xml.slice(name.length + 1)}`;
  }
}

function columnLetterOf(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet the review owns, written whole: the plan's cells and column widths, and any extra children. */
export function* newWorksheet(plan: RowPlan, writer: CellWriter, widths: string, extra: readonly string[]): Generator<string> {
  const dimension = plan.lastRow >= 0 ? `<dimension ref="A1:${columnLetterOf(plan.lastColumn + 1)}${plan.lastRow + 1}"/>` : "";
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${dimension}<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${widths}<sheetData>`;
  let batch = "";
  for (const row of plan.rows) {
    batch += plan.newRow(row, writer);
    if (batch.length > 1 << 20) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}</sheetData>${extra.join("")}</worksheet>`;
}

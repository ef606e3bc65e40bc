/**
 * A sheet of the user's (the customer sheet, an archive to append to) streamed through with
 * only the rows the plan writes rewritten and every other byte copied, and the edits of its
 * other children. (A sheet the review owns is written whole by row-plan.ts.)
 */
import { PackageError } from "./package-error";
import { columnLetter, EXCEL_ROWS, referenceColumn } from "../../engine/a1";
import { BATCH_CHARS, RowPlan } from "./row-plan";
import { CellWriter, WORKSHEET_ORDER } from "./worksheet-xml";
import { Token, XmlScanner } from "./xml";
import { applySplices, Element, elementsOf, orderedPosition, Splice } from "./xml-edit";
import { PartText } from "./zip-writer";

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

type Out = (text: PartText) => Promise<void>;

/**
 * An unprefixed cell with its reference, up to its end: self-closing, or up to the first </c>.
 * Its other attributes are read as quoted values, which may hold '>' and '/>'.
 */
const WHOLE_CELL = /<c r="[A-Z]{1,3}\d{1,7}"(?:\s+[^\s=<>/"']+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(?:\/>|>(?:[^<]|<(?!\/c>))*<\/c>)/y;

/** A row or sheetData tag, opening or closing, with its prefix ("x:") if it has one. */
const ROW_OR_DATA = /<\/?([\w.-]+:)?(?:row|sheetData)[\s/>]/g;
/** The key under which the position of the next such tag under another prefix is kept. */
const FOREIGN = "\u0000foreign";

/** A row's cells are noted as four numbers each, in one array: 1-based column, start, end, 1 when it has its own reference. */
const CELL_FIELDS = 4;

/** A row being rewritten, as the scanner reads it: offsets are from the row's start. */
interface RowScan {
  readonly tagEnd: number;
  /**
   * Each cell as CELL_FIELDS numbers: column, start, end, has its own reference. Flat, not an
   * array per cell: a re-run's customer sheet has some four million cells to note.
   */
  readonly cells: number[];
  tailStart: number;
  depth: number;
  column: number;
  /** Where in `cells` the cell being read starts, or -1. */
  open: number;
}

/**
 * Streams a user's worksheet through, rewriting the rows the plan writes on (their other cells
 * kept as they were), inserting rows the sheet did not have, and applying child edits around
 * the cells. Rows and cells written without a position get one, since rows are inserted
 * among them.
 */
export class SheetPatcher {
  private readonly scanner = new XmlScanner();
  private phase: "head" | "data" | "tail" = "head";
  private next: number; // the next row (0-based) the plan writes on and the patcher has not yet met
  private rowIndex = 0; // 1-based number of the last row met
  private capture = -1; // start of an edited row being collected
  private captureRow = 0;
  private row: RowScan = { tagEnd: 0, cells: [], tailStart: -1, depth: 0, column: 0, open: -1 };
  private head = "";
  private tail = "";
  private depth = 0;

  constructor(
    private readonly plan: RowPlan,
    private readonly writer: CellWriter,
    private readonly edits: PatchEdits,
    private readonly sheetName: string,
  ) {
    this.next = plan.firstRowFrom(0);
  }

  async push(chunk: string, out: Out): Promise<void> {
    this.scanner.feed(chunk);
    this.found.clear();
    await this.scan(out);
  }

  async end(out: Out): Promise<void> {
    this.scanner.finish();
    await this.scan(out);
    if (this.phase !== "tail") throw new PackageError("cli.package.noCellData", { sheet: this.sheetName });
    this.tail += this.scanner.take(this.scanner.buf.length);
    await out(this.edits.tail(this.tail));
  }

  /** Output gathered for the next hand-over, and its length in characters. */
  private pieces: string[] = [];
  private chars = 0;

  private put(text: string): void {
    this.pieces.push(text);
    this.chars += text.length;
  }

  /** Hands the gathered output on: a hundred thousand rows are not a hundred thousand writes. */
  private async handOver(out: Out): Promise<void> {
    const pieces = this.pieces;
    this.pieces = [];
    this.chars = 0;
    await out(pieces);
  }

  /** New rows the plan writes above row `before` (1-based), which the sheet does not have. */
  private async rowsBefore(before: number, out: Out): Promise<void> {
    while (this.next + 1 < before) {
      this.chars += this.plan.pushRow(this.next, this.writer, this.pieces);
      this.next = this.plan.firstRowFrom(this.next + 1);
      if (this.chars >= BATCH_CHARS) await this.handOver(out);
    }
  }

  private async scan(out: Out): Promise<void> {
    const s = this.scanner;
    for (;;) {
      if (this.chars >= BATCH_CHARS) await this.handOver(out);
      const token = s.next();
      if (token === Token.NeedMore || token === Token.End) break;
      if (this.phase === "tail") continue;
      if (this.phase === "head") {
        if (token === Token.Open && this.depth === 1 && s.local() === "sheetData") {
          this.head += s.take(s.start);
          this.put(this.edits.head(this.head));
          this.head = "";
          if (s.selfClosing) {
            // Opened under its own name: the prefix the head edit gives the writer is not known before it runs.
            const name = s.name;
            s.take(s.end);
            this.put(`<${name}>`);
            await this.rowsBefore(EXCEL_ROWS + 2, out);
            this.put(`</${name}>`);
            this.phase = "tail";
          } else this.phase = "data";
          continue;
        }
        if (token === Token.Open && !s.selfClosing) this.depth++;
        else if (token === Token.Close) this.depth--;
        continue;
      }
      if (this.capture >= 0) {
        // Inside a row being rewritten: note where each of its cells is, relative to the row's start.
        this.noteCell(token);
        while (this.capture >= 0 && this.row.depth === 0 && this.wholeCell()) {
          // Cells of the usual shape are taken whole, without their inner tokens.
        }
        if (this.capture >= 0) continue;
        this.rewriteRow(s.take(s.end), this.captureRow, this.row);
        continue;
      }
      if (token === Token.Open && s.local() === "row") {
        let r = 0;
        while (s.nextAttr()) if (s.attrIs("r")) r = s.attrInt();
        const numbered = r > 0;
        if (!numbered) r = this.rowIndex + 1;
        this.rowIndex = r;
        if (this.next + 1 < r) {
          this.put(s.take(s.start));
          await this.rowsBefore(r, out);
        }
        const edited = this.next + 1 === r;
        if (edited || !numbered) this.put(s.take(s.start));
        if (edited) {
          this.next = this.plan.firstRowFrom(this.next + 1);
          const name = s.name;
          if (s.selfClosing) {
            // An empty row (its height or hidden flag kept): opened up to take the plan's cells.
            const tag = s.take(s.end);
            const open = `${tag.replace(/\s*\/>$/, ">")}`;
            this.rewriteRow(`${open}</${name}>`, r, {
              tagEnd: open.length,
              cells: [],
              tailStart: -1,
              depth: 0,
              column: 0,
              open: -1,
            });
          } else {
            this.capture = s.mark;
            this.captureRow = r;
            this.row = { tagEnd: s.end - s.mark, cells: [], tailStart: -1, depth: 0, column: 0, open: -1 };
          }
        } else {
          if (!numbered) {
            const tag = s.take(s.end);
            const name = s.name;
            this.put(`<${name} r="${r}"${tag.slice(name.length + 1)}`);
          }
          if (!s.selfClosing) this.passRow();
        }
      } else if (token === Token.Close && s.local() === "sheetData") {
        this.put(s.take(s.start));
        await this.rowsBefore(EXCEL_ROWS + 2, out);
        this.phase = "tail";
        this.tail = "";
        continue;
      }
      // Copy what is not being rewritten in pieces, so memory stays flat over a long sheet.
      if (s.pos - s.mark > 1 << 20) this.put(s.take(s.pos));
    }
    if (this.phase === "head") this.head += s.take(s.pos);
    else if (this.phase === "data" && this.capture < 0) this.put(s.take(s.pos));
    if (this.pieces.length) await this.handOver(out);
  }

  /**
   * Moves past the cells of a row the plan does not write on, to the next row's tag or the end
   * of the cells, without their tokens: they are copied as they are. An archive is mostly
   * earlier reviews' rows, passed through on every re-run. Where a row tag could hide in what
   * would be passed over (a comment, CDATA, a processing instruction, a row or the end of the
   * cells under another prefix than the root's), or neither tag is in the text so far, the
   * tokens decide as usual.
   */
  private passRow(): void {
    const s = this.scanner;
    const p = this.writer.prefix;
    let to = s.buf.indexOf(`<${p}row`, s.pos);
    const end = this.after(`</${p}sheetData`);
    if (end >= 0 && (to < 0 || end < to)) to = end;
    if (to <= s.pos) return;
    const hidden = (at: number) => at >= 0 && at < to;
    if (hidden(this.after("<!")) || hidden(this.after("<?")) || hidden(this.foreignTag())) return;
    s.pos = to;
  }

  /**
   * Where the next row or sheetData tag under another prefix than the root's is, or -1: such a
   * tag is not what passRow looks for, so it must not be passed over unseen.
   */
  private foreignTag(): number {
    const s = this.scanner;
    const known = this.found.get(FOREIGN);
    if (known !== undefined && (known < 0 || known >= s.pos)) return known;
    const own = this.writer.prefix;
    let at = -1;
    ROW_OR_DATA.lastIndex = s.pos;
    for (let m = ROW_OR_DATA.exec(s.buf); m; m = ROW_OR_DATA.exec(s.buf)) {
      if ((m[1] ?? "") !== own) {
        at = m.index;
        break;
      }
    }
    this.found.set(FOREIGN, at);
    return at;
  }

  /**
   * Where `text` next occurs at or after the scanner's position, or -1: found once per text fed,
   * not once per row (a search for what is not there reads to the end of the text).
   */
  private after(text: string): number {
    const s = this.scanner;
    const known = this.found.get(text);
    if (known !== undefined && (known < 0 || known >= s.pos)) return known;
    const at = s.buf.indexOf(text, s.pos);
    this.found.set(text, at);
    return at;
  }

  /** Positions `after` found, valid until the next text is fed (which moves every offset). */
  private readonly found = new Map<string, number>();

  /** A cell with a reference at the scanner's position, taken whole; false when it is not one. */
  private wholeCell(): boolean {
    const s = this.scanner;
    if (!s.buf.startsWith("<c r=", s.pos)) return false;
    WHOLE_CELL.lastIndex = s.pos;
    if (!WHOLE_CELL.test(s.buf)) return false;
    // The column from the reference's letters, read in place after '<c r="'.
    const column = referenceColumn(s.buf, s.pos + 6);
    this.row.column = column;
    this.row.cells.push(column, s.pos - s.mark, WHOLE_CELL.lastIndex - s.mark, 1);
    s.pos = WHOLE_CELL.lastIndex;
    return true;
  }

  /** The cells of the row being rewritten, as its tokens go by; ends the capture at </row>. */
  private noteCell(token: Token): void {
    const s = this.scanner;
    const row = this.row;
    if (token === Token.Open) {
      if (row.depth === 0) {
        if (s.local() === "c") {
          let hasRef = 0;
          while (s.nextAttr()) {
            if (s.attrIs("r")) {
              s.attrRef();
              hasRef = 1;
            }
          }
          row.column = hasRef ? s.refColumn : row.column + 1;
          if (!s.selfClosing) {
            row.open = row.cells.length;
            row.depth++;
          }
          row.cells.push(row.column, s.start - s.mark, s.end - s.mark, hasRef);
        } else {
          if (row.tailStart < 0) row.tailStart = s.start - s.mark;
          if (!s.selfClosing) row.depth++;
        }
      } else if (!s.selfClosing) row.depth++;
    } else if (token === Token.Close) {
      if (row.depth === 0) {
        this.capture = -1; // </row>
        return;
      }
      row.depth--;
      if (row.depth === 0 && row.open >= 0) {
        row.cells[row.open + 2] = s.end - s.mark;
        row.open = -1;
      }
    }
  }

  /** One of the user's rows with the plan's cells put in: their other cells as they were. */
  private rewriteRow(text: string, r: number, row: RowScan): void {
    const rowTag = text.slice(0, row.tagEnd).replace(/\s+spans\s*=\s*("[^"]*"|'[^']*')/, "");
    const found = row.cells;
    const close = text.lastIndexOf("</");
    const extra = row.tailStart >= 0 ? text.slice(row.tailStart, close) : "";
    const numbered = /\sr\s*=/.test(rowTag) ? rowTag : `${rowTag.slice(0, -1).replace(/^(<[^\s>]+)/, `$1 r="${r}"`)}>`;
    this.put(this.fitted(numbered, r - 1));
    const firstPlanned = this.plan.firstColumnOn(r - 1);
    // The usual row: the user's cells left of the review's columns, each with its reference,
    // then (on a re-run) only cells the plan writes over.
    const F = CELL_FIELDS;
    let kept = 0;
    while (kept < found.length && found[kept] < firstPlanned && found[kept + 3] === 1) kept += F;
    let usual = true;
    for (let i = kept; usual && i < found.length; i += F) usual = this.plan.covers(r - 1, found[i]);
    if (usual) {
      if (kept) this.put(text.slice(found[1], found[kept - F + 2]));
      const from = this.pieces.length;
      this.plan.pushCells(r - 1, this.writer, this.pieces);
      for (let i = from; i < this.pieces.length; i++) this.chars += this.pieces[i].length;
    } else {
      const planned = this.plan.cells(r - 1, this.writer);
      const inRanges = (c: number) => planned.ranges.some(([a, b]) => c >= a && c <= b);
      const all: { column: number; xml: string }[] = [];
      for (let i = 0; i < found.length; i += F) {
        const [c, start, end, hasRef] = found.slice(i, i + F);
        if (!inRanges(c)) all.push({ column: c, xml: this.withRef(text.slice(start, end), hasRef === 1, r, c) });
      }
      planned.columns.forEach((c, i) => all.push({ column: c, xml: planned.xmls[i] }));
      all.sort((a, b) => a.column - b.column);
      for (const cell of all) this.put(cell.xml);
    }
    this.put(extra);
    this.put(text.slice(close));
  }

  /** The row's tag with the height the plan gives it (RowPlan.heightFor): taller for wrapped text, back down when it got shorter. */
  private fitted(tag: string, row: number): string {
    const now = /\sht\s*=\s*["']([\d.]+)["']/.exec(tag);
    const custom = /\scustomHeight\s*=\s*["'](1|true)["']/.test(tag);
    const height = this.plan.heightFor(row, { height: now ? Number(now[1]) : undefined, custom });
    if (height === "keep") return tag;
    const bare = tag.replace(/\s(ht|customHeight)\s*=\s*("[^"]*"|'[^']*')/g, "");
    return height === "default" ? bare : bare.replace(/\s*(\/?>)$/, ` ht="${height}" customHeight="1"$1`);
  }

  private withRef(xml: string, hasRef: boolean, row: number, column: number): string {
    if (hasRef) return xml;
    const name = /^<([^\s/>]+)/.exec(xml)![1];
    return `<${name} r="${columnLetter(column - 1)}${row}"${xml.slice(name.length + 1)}`;
  }
}

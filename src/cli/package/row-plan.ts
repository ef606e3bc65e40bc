/**
 * The plan's cells by row, for the sheet writers: which blocks write on which rows, each row's
 * cells as XML, the heights wrapped text needs; and a sheet the review owns written whole.
 */
import "../../engine/i18n/cli";
import { columnLetter, EXCEL_ROWS } from "../../engine/a1";
import { rowHeightToWrite } from "../../engine/review/sheet-layout";
import { Block, CellAlignment, CellFormat, SheetLayout, standsAtTop } from "../../engine/review/write-plan";
import { BoundError } from "./bounds";
import { CellWriter, MAIN_NS, REL_NS, WORKSHEET_ORDER } from "./worksheet-xml";
import { PartText } from "./zip-writer";

/**
 * Output is gathered in batches of about this many characters, then joined and handed on. A
 * batch's cells are young strings: kept small, a batch is done with before the next minor
 * collection and dies young. Batches of a megabyte outlived it, were promoted and had to be
 * collected again from the old generation (an archive of 100,000 rows took ~1.6× as long).
 */
export const BATCH_CHARS = 1 << 16;

interface BlockCells {
  readonly block: Block;
  readonly end: number; // last row, inclusive
  readonly width: number;
  /** Per column of the block: its letters and cell style, worked out once rather than per cell. */
  readonly letters: string[];
  readonly styles: number[];
  readonly formats: CellFormat[];
}

/** A plan as plain data, to hand to a worker thread and rebuild there. */
export interface RowPlanData {
  readonly blocks: BlockCells[];
  readonly ranges: [number, number][];
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly heights: [number, number][];
  readonly fitRows: SheetLayout["fitRows"];
}

/** Where `RowPlan.on` stands: the last row asked for, and the blocks open on it. */
interface RowWalk {
  row: number;
  /** The next of `byStart` not yet opened. */
  next: number;
  /** Indexes into the plan's blocks, by first row. */
  readonly byStart: number[];
  /** Indexes of the blocks open on `row`, ascending (so in column order). */
  open: number[];
  blocks: BlockCells[];
}

/** Which blocks write on which rows: rows kept as ranges, so a million-row plan costs no per-row bookkeeping. */
export class RowPlan {
  private readonly blocks: BlockCells[];
  /** Disjoint, ascending [first, last] row ranges the plan writes on. */
  private readonly ranges: [number, number][];
  readonly lastRow: number;
  readonly lastColumn: number;

  /** Rows (0-based) the plan's wrapped text makes taller, in points. */
  readonly heights: ReadonlyMap<number, number>;
  /** The rows whose height the plan decides: `heights`, else one line. */
  readonly fitRows: SheetLayout["fitRows"];

  /**
   * `aligned`: how the plan's cells align, by 0-based sheet column (wrapped, indented); `heights`:
   * the rows wrapping makes taller, `fitRows` the rows whose height the plan decides.
   */
  constructor(
    blocks: readonly Block[],
    sheetName: string,
    writer: CellWriter,
    aligned: ReadonlyMap<number, CellAlignment> = new Map(),
    heights: readonly { row: number; height: number }[] = [],
    fitRows?: SheetLayout["fitRows"],
  ) {
    this.heights = new Map(heights.map((h) => [h.row, h.height]));
    this.fitRows = fitRows;
    let lastRow = -1;
    let lastColumn = -1;
    const spans: [number, number][] = [];
    this.blocks = [];
    for (const block of blocks) {
      if (block.values.length === 0) continue;
      const end = block.row + block.values.length - 1;
      if (end >= EXCEL_ROWS) throw new BoundError("cli.sheetFull", { sheet: sheetName });
      const width = Math.max(block.formats.length, ...block.values.slice(0, 1).map((l) => l.length));
      const letters: string[] = [];
      const styles: number[] = [];
      const formats: CellFormat[] = [];
      for (let c = 0; c < width; c++) {
        letters.push(columnLetter(block.column + c));
        formats.push(block.formats[c] ?? "general");
        const column = aligned.get(block.column + c);
        // A header stands at the bottom of its row on a sheet whose other cells stand at the top.
        const alignment = column && { ...column, top: standsAtTop(column.top, block) };
        styles.push(
          writer.style(
            formats[c],
            block.bold === true,
            block.indented?.[c] ? { wrap: alignment?.wrap ?? false, indent: true, top: alignment?.top } : alignment,
            block.rightAligned?.[c] === true,
          ),
        );
      }
      this.blocks.push({ block, end, width, letters, styles, formats });
      spans.push([block.row, end]);
      lastRow = Math.max(lastRow, end);
      lastColumn = Math.max(lastColumn, block.column + width - 1);
    }
    this.blocks.sort((a, b) => a.block.column - b.block.column);
    spans.sort((a, b) => a[0] - b[0]);
    this.ranges = [];
    for (const span of spans) {
      const last = this.ranges[this.ranges.length - 1];
      if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1]);
      else this.ranges.push([span[0], span[1]]);
    }
    this.lastRow = lastRow;
    this.lastColumn = lastColumn;
  }

  /** The cells the plan writes, blanks included. */
  get cellCount(): number {
    return this.blocks.reduce((sum, b) => sum + b.block.values.length * b.width, 0);
  }

  toData(): RowPlanData {
    const { blocks, ranges, lastRow, lastColumn, fitRows } = this;
    return { blocks, ranges, lastRow, lastColumn, heights: [...this.heights], fitRows };
  }

  /** The plan `toData` gave, rebuilt; its cells' styles were worked out when it was first made. */
  static fromData(data: RowPlanData): RowPlan {
    return Object.assign(Object.create(RowPlan.prototype) as RowPlan, { ...data, heights: new Map(data.heights) });
  }

  /** The first row at or after `row` that the plan writes on, or Infinity. */
  firstRowFrom(row: number): number {
    for (const [first, last] of this.ranges) {
      if (row <= last) return Math.max(row, first);
    }
    return Infinity;
  }

  /**
   * Where the walk down the rows stands (see `on`); made on first use, so a plan rebuilt by
   * `fromData` on a worker makes its own.
   */
  private walk?: RowWalk;

  /**
   * The blocks that write on a row, in column order. A column is cut into a run of rows around
   * each cell with a format of its own (a thousand blocks on a sheet of 100,000 customers), so
   * asking every block on every row cost more than writing the row; rows are asked for going
   * down the sheet, and the blocks met so far carry from one row to the next.
   */
  private on(row: number): readonly BlockCells[] {
    let walk = this.walk;
    if (walk === undefined || row < walk.row) {
      const byStart = this.blocks.map((_, i) => i).sort((a, b) => this.blocks[a].block.row - this.blocks[b].block.row);
      walk = this.walk = { row: -1, next: 0, byStart, open: [], blocks: [] };
    }
    if (row === walk.row) return walk.blocks;
    walk.row = row;
    let changed = false;
    while (walk.next < walk.byStart.length && this.blocks[walk.byStart[walk.next]].block.row <= row) {
      walk.open.push(walk.byStart[walk.next++]);
      changed = true;
    }
    let kept = 0;
    for (const i of walk.open) if (this.blocks[i].end >= row) walk.open[kept++] = i;
    if (kept < walk.open.length) {
      walk.open.length = kept;
      changed = true;
    }
    if (changed) {
      // `blocks` is in column order, so its indexes are too.
      walk.open.sort((a, b) => a - b);
      walk.blocks = walk.open.map((i) => this.blocks[i]);
    }
    return walk.blocks;
  }

  /** The first (1-based) column the plan writes on a row, or Infinity. */
  firstColumnOn(row: number): number {
    const first = this.on(row)[0];
    return first === undefined ? Infinity : first.block.column + 1;
  }

  /** Whether the plan writes (a value or a blank) on a row at a 1-based column. */
  covers(row: number, column: number): boolean {
    for (const b of this.on(row)) if (column > b.block.column && column <= b.block.column + b.width) return true;
    return false;
  }

  /**
   * Appends the plan's cells on a row to `out`, one string a cell, in column order. Cells are
   * gathered in an array and encoded one by one by the compressor (PartText): a string grown
   * cell by cell is a tree of pieces that costs more to flatten than it took to build.
   */
  pushCells(row: number, writer: CellWriter, out: string[]): void {
    const rowText = String(row + 1);
    for (const b of this.on(row)) {
      const line = b.block.values[row - b.block.row];
      for (let c = 0; c < b.width; c++) {
        const cell = writer.cell(b.letters[c] + rowText, line[c] ?? null, b.styles[c], b.formats[c]);
        if (cell) out.push(cell);
      }
    }
  }

  /**
   * The plan's cells on a row, each with its 1-based column, and the column ranges the plan
   * covers there (blank values clear a cell, so they count): for merging into a row of the user's.
   */
  cells(row: number, writer: CellWriter): { ranges: [number, number][]; columns: number[]; xmls: string[] } {
    const ranges: [number, number][] = [];
    const columns: number[] = [];
    const xmls: string[] = [];
    const rowText = String(row + 1);
    for (const b of this.on(row)) {
      const line = b.block.values[row - b.block.row];
      ranges.push([b.block.column + 1, b.block.column + b.width]);
      for (let c = 0; c < b.width; c++) {
        const cell = writer.cell(b.letters[c] + rowText, line[c] ?? null, b.styles[c], b.formats[c]);
        if (!cell) continue;
        columns.push(b.block.column + c + 1);
        xmls.push(cell);
      }
    }
    return { ranges, columns, xmls };
  }

  /**
   * The height to give one of the sheet's rows (0-based) that has the height `now` (`custom`: its
   * customHeight): see rowHeightToWrite. Outside fitRows a row's own height is never the plan's
   * to redo: it only grows to what `heights` says.
   */
  heightFor(row: number, now: { height?: number; custom: boolean }): number | "keep" | "default" {
    const fit = this.fitRows;
    const fitted = fit !== undefined && row >= fit.first && row <= fit.last;
    return rowHeightToWrite(fitted ? now : { height: now.height, custom: false }, this.heights.get(row));
  }

  /** The row tag's height attributes when the plan's wrapped text makes the row taller, else "". */
  heightAttributes(row: number): string {
    const height = this.heights.get(row);
    return height ? ` ht="${height}" customHeight="1"` : "";
  }

  /** Appends a whole new row (nothing when every value on it is blank); returns the characters added. */
  pushRow(row: number, writer: CellWriter, out: string[]): number {
    const before = out.length;
    const p = writer.prefix;
    out.push(`<${p}row r="${row + 1}"${this.heightAttributes(row)}>`);
    this.pushCells(row, writer, out);
    if (out.length === before + 1) {
      out.length = before;
      return 0;
    }
    out.push(`</${p}row>`);
    let chars = 0;
    for (let i = before; i < out.length; i++) chars += out[i].length;
    return chars;
  }
}

/** A worksheet child other than its cells, as XML. */
export interface SheetChild {
  readonly local: (typeof WORKSHEET_ORDER)[number];
  readonly xml: string;
}

/** A sheet the review owns, written whole: the plan's cells, and its other children (layout, fills, drawing) in schema order. */
export function* newWorksheet(plan: RowPlan, writer: CellWriter, children: readonly SheetChild[]): Generator<PartText> {
  const dimension = plan.lastRow >= 0 ? `<dimension ref="A1:${columnLetter(plan.lastColumn)}${plan.lastRow + 1}"/>` : "";
  const all = [
    ...children,
    { local: "dimension" as const, xml: dimension },
    { local: "sheetFormatPr" as const, xml: '<sheetFormatPr defaultRowHeight="15"/>' },
  ];
  const rank = (local: string) => WORKSHEET_ORDER.indexOf(local as (typeof WORKSHEET_ORDER)[number]);
  all.sort((a, b) => rank(a.local) - rank(b.local));
  const data = rank("sheetData");
  const before = all.filter((c) => rank(c.local) < data).map((c) => c.xml);
  const after = all.filter((c) => rank(c.local) > data).map((c) => c.xml);
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${before.join("")}<sheetData>`;
  let batch: string[] = [];
  let chars = 0;
  for (let row = plan.firstRowFrom(0); row !== Infinity; row = plan.firstRowFrom(row + 1)) {
    chars += plan.pushRow(row, writer, batch);
    if (chars > BATCH_CHARS) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  batch.push(`</sheetData>${after.join("")}</worksheet>`);
  yield batch;
}

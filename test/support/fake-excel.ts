/**
 * A small in-memory workbook behind an office-addin-mock request context, for the task
 * pane's unit tests and the benchmark of its Excel module. Built for thousands of syncs:
 *  - a sync settles only the mock objects created or loaded since the previous sync (re-syncing
 *    every mock ever made is quadratic over thousands of syncs) and yields
 *    with setImmediate instead of setTimeout(0);
 *  - each sync also records `responseBytes`: the JSON size of the values and addresses it
 *    loaded (what Excel would send back), next to `bytes`, the request's operations.
 * Beyond that:
 *
 * What is office-addin-mock: every object the code LOADS (worksheets.items, the active
 * sheet, used ranges, loaded ranges, sheet protection) is an OfficeMockObject, so a
 * property read before load + sync comes back as "Error, property was not loaded" /
 * "Error, context.sync() was not called" instead of data, as real Office.js does.
 *
 * What is faked here (office-addin-mock has no such thing): writes. Setting values or
 * numberFormat, bold, fills, column widths, conditional formats, charts, sheet add/delete/
 * clear, select and suspendApiCalculationUntilNextSync are queued as operations and applied
 * to the in-memory cells only when context.sync() succeeds, in order, like an Office.js
 * batch. Batches are not transactions in Excel either: when an operation fails (a protected
 * sheet → AccessDenied, a missing sheet → ItemNotFound) the ones before it stay applied.
 * A failure injected with `failAt` rejects a whole sync before anything in it is applied
 * (a request refused for its size, or Excel in cell-edit mode). `isNullObject` is a plain
 * property set when the object is asked for, not at sync.
 *
 * Excel's calculation: `calculation` is what workbook.application's calculationMode and
 * calculationState read (taken at their place in the sync, so after a calculate() queued before
 * them); application.calculate() is applied at sync: recorded in `calculations`, the state
 * "Done", and `onCalculate` run (the fake holds values, not formulas: it puts the values the
 * formulas come to).
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseAddress } from "../../src/engine/a1";
import { serialFromYMD } from "../../src/engine/cells";
import { DATE_1904_OFFSET } from "../../src/engine/date-system";

export type Cell = string | number | boolean | null;
type Area = { row: number; column: number; rows: number; columns: number };

export interface FakeChart {
  type: string;
  seriesBy: string;
  values: string;
  title?: string;
  seriesName?: string;
  categories?: string;
  legendVisible?: boolean;
  position?: string;
  positionEnd?: string;
  dataLabels?: boolean;
  /** What the series' data labels were told: their format and whether it follows the cells'. */
  dataLabelFormat?: { numberFormat?: string; linkNumberFormat?: boolean };
  categoryType?: string;
  categoryNumberFormat?: string;
  categoryFormatLinked?: boolean;
  /** What the value axis was told, property by property. */
  valueAxis?: FakeValueAxis;
}

export interface FakeValueAxis {
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
  visible?: boolean;
  numberFormat?: string;
  linkNumberFormat?: boolean;
  majorGridlines?: boolean;
}

/** What the page layout API was told: orientation, fit to pages, paper, margins (points) and the rows repeated on each page. */
export interface FakePrint {
  orientation?: string;
  paperSize?: string;
  leftMargin?: number;
  rightMargin?: number;
  topMargin?: number;
  bottomMargin?: number;
  headerMargin?: number;
  footerMargin?: number;
  printGridlines?: boolean;
  printHeadings?: boolean;
  centerHorizontally?: boolean;
  centerVertically?: boolean;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  titleRows?: string;
  titleColumns?: string;
  printOrder?: string;
  area?: string;
  /** The rows (0-based) a manual page break stands above, in the order added. */
  rowBreaks?: number[];
}

/** The sections of the header and footer printed on every page (what headersFooters.defaultForAllPages holds), and their state. */
export interface FakeHeaderFooter {
  state?: string;
  leftHeader?: string;
  centerHeader?: string;
  rightHeader?: string;
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
}

export interface FakeFill {
  area: string;
  type: string;
  formula?: string;
  color?: string;
}

/** A new sheet's print setup as Excel reads it: portrait at 100% on Letter, the Normal margins, nothing else printed. */
export const NEW_SHEET_PRINT = {
  orientation: "Portrait",
  zoom: { scale: 100 },
  paperSize: "Letter",
  leftMargin: 50.4,
  rightMargin: 50.4,
  topMargin: 54,
  bottomMargin: 54,
  headerMargin: 21.6,
  footerMargin: 21.6,
  printGridlines: false,
  printHeadings: false,
  centerHorizontally: false,
  centerVertically: false,
} as const satisfies FakePrint;

/** The print settings a fake pageLayout reads and writes as plain properties. */
const PRINT_PROPERTIES = Object.keys(NEW_SHEET_PRINT).filter((k) => k !== "zoom") as (keyof typeof NEW_SHEET_PRINT)[];

/** An Excel table: its cells (header and totals rows included) and its columns' names, first to last. */
export interface FakeTable {
  name: string;
  area: Area;
  showHeaders: boolean;
  showTotals: boolean;
  columns: string[];
}

/**
 * An area given a setting, added to the ranges that hold it: rows right below an area of the same
 * setting extend it, the same cells as one operation over both (a block written in halves, when
 * a request was refused for its size, formats as one written whole).
 */
function addArea<T extends { area: Area }>(list: T[], area: Area, setting: Omit<T, "area">): void {
  const same = (item: T) => (Object.keys(setting) as (keyof typeof setting)[]).every((k) => item[k as keyof T] === setting[k]);
  const above = list.find(
    (item) =>
      same(item) &&
      item.area.column === area.column &&
      item.area.columns === area.columns &&
      item.area.row + item.area.rows === area.row,
  );
  if (above) above.area = { ...above.area, rows: above.area.rows + area.rows };
  else list.push({ area: { ...area }, ...setting } as T);
}

export class FakeSheet {
  cells: Cell[][] = [];
  formats: (string | undefined)[][] = [];
  bold = new Set<string>();
  fills = new Map<string, string>();
  widths = new Map<number, number>();
  /** Columns hidden (0-based). */
  hiddenColumns = new Set<number>();
  charts: FakeChart[] = [];
  conditional: FakeFill[] = [];
  /** Cells ("r,c") whose text wraps. */
  wrapped = new Set<string>();
  /** Ranges given an indent level, and ranges given a horizontal alignment, in the order set (kept as ranges: a plan indents whole columns of 100,000 rows). */
  indented: { area: Area; level: number }[] = [];
  horizontal: { area: Area; alignment: string }[] = [];
  /** Ranges given a vertical alignment, in the order set. */
  vertical: { area: Area; alignment: string }[] = [];
  /** Rows frozen at the top (0: none). */
  frozenRows = 0;
  /** The autofilter's address, when the sheet has one, and whether it hides rows. */
  autoFilter?: string;
  filtered = false;
  /** Excel tables (ListObjects) on the sheet. */
  tables: FakeTable[] = [];
  print: FakePrint = {};
  headerFooter: FakeHeaderFooter = {};
  /** Excel's default row height at Calibri 11, in points. */
  standardHeight = 15;
  /** Excel's default column width at Calibri 11, in characters (a column not in `widths` is this wide). */
  standardWidth = 8.43;
  /** Rows (0-based) with a height of their own, in points; any other row is the standard height. */
  heights = new Map<number, number>();
  /** Seen by worksheets' items/visibility. */
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Seen by sheet.protection.protected. */
  protected = false;
  /** Refuses writes (AccessDenied) without saying so in `protection`: protected after the check, say. */
  refuseWrites = false;

  constructor(public name: string) {}

  get(row: number, column: number): Cell {
    return this.cells[row]?.[column] ?? null;
  }

  /** The displayed text of a cell, "" for blank. */
  text(row: number, column: number): string {
    const v = this.get(row, column);
    return v === null ? "" : String(v);
  }

  set(row: number, column: number, value: Cell): void {
    (this.cells[row] ??= [])[column] = value;
    for (const table of this.tables)
      if (
        table.showHeaders &&
        row === table.area.row &&
        column >= table.area.column &&
        column < table.area.column + table.area.columns
      )
        table.columns[column - table.area.column] = this.columnName(table, column - table.area.column);
  }

  /**
   * Adds an Excel table over `ref` ("A1:F13", its header row first), its columns named from
   * their header cells as Excel names them.
   */
  addTable(name: string, ref: string, options: { showTotals?: boolean } = {}): FakeTable {
    const { row, column, rows, columns } = parseAddress(ref);
    const area = { row, column, rows, columns };
    const table: FakeTable = { name, area, showHeaders: true, showTotals: options.showTotals ?? false, columns: [] };
    for (let i = 0; i < area.columns; i++) table.columns.push(this.columnName(table, i));
    this.tables.push(table);
    return table;
  }

  /**
   * The name Excel gives a table's column `index` from its header cell: the cell's text, "Column"
   * and its position when blank, a number after a name another column has (any case).
   */
  columnName(table: FakeTable, index: number): string {
    const base = this.text(table.area.row, table.area.column + index) || `Column${index + 1}`;
    const others = new Set(table.columns.filter((_, i) => i !== index).map((n) => n.toLocaleUpperCase("en-US")));
    let name = base;
    for (let n = 2; others.has(name.toLocaleUpperCase("en-US")); n++) name = `${base}${n}`;
    return name;
  }

  /** The table holding a cell, if any. */
  tableAt(row: number, column: number): FakeTable | undefined {
    return this.tables.find((t) => overlaps(t.area, { row, column, rows: 1, columns: 1 }));
  }

  format(row: number, column: number): string | undefined {
    return this.formats[row]?.[column];
  }

  /** Bounding box of the cells holding a value (used range with valuesOnly). */
  usedArea(): Area | undefined {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.cells.forEach((line, r) => {
      if (!line) return;
      line.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      });
    });
    if (top < 0) return undefined;
    return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Each cell's number format in an area, "General" where none was set. */
  formatsOf(area: Area): string[][] {
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => this.formats[area.row + r]?.[area.column + c] ?? "General"),
    );
  }

  valuesOf(area: Area): Cell[][] {
    const out: Cell[][] = [];
    for (let r = 0; r < area.rows; r++) {
      const line: Cell[] = [];
      const source = this.cells[area.row + r];
      for (let c = 0; c < area.columns; c++) {
        const v = source?.[area.column + c];
        line.push(v === null || v === undefined ? "" : v);
      }
      out.push(line);
    }
    return out;
  }

  /** Puts a grid of values with its top-left cell at (row, column). */
  put(values: readonly (readonly unknown[])[], row = 0, column = 0): this {
    values.forEach((line, r) => line.forEach((v, c) => this.set(row + r, column + c, (v ?? null) as Cell)));
    return this;
  }
}

function letters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function address(area: Area): string {
  const start = `${letters(area.column)}${area.row + 1}`;
  if (area.rows === 1 && area.columns === 1) return start;
  return `${start}:${letters(area.column + area.columns - 1)}${area.row + area.rows}`;
}

function quoted(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface Op {
  readonly kind: string;
  readonly sheet: string;
  readonly address?: string;
  readonly value?: unknown;
  /** Applies the op; may throw an Office-like error. */
  readonly apply: () => void;
  readonly write: boolean;
}

export interface SyncRecord {
  readonly number: number;
  readonly ops: readonly Op[];
  /** JSON size of the operations' values in this sync (what a request would carry). */
  readonly bytes: number;
  /** JSON size of the values and addresses loaded in this sync (what the response would carry). */
  readonly responseBytes: number;
  readonly ok: boolean;
}

const fillAreas = new WeakMap<FakeFill, Area>();
/** Excel gets at most five million cells in one request, on every platform. */
const MAX_GET_CELLS = 5_000_000;

function contains(outer: Area, inner: Area): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.column + inner.columns <= outer.column + outer.columns
  );
}

function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

export function officeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  active = "";
  syncCount = 0;
  suspendCalls = 0;
  /** What application.calculationMode and calculationState say. */
  calculation: { mode: "Automatic" | "AutomaticExceptTables" | "Manual"; state: "Done" | "Calculating" | "Pending" } = {
    mode: "Automatic",
    state: "Done",
  };
  /** The type of each application.calculate() applied by a sync, in order. */
  calculations: string[] = [];
  /** The workbook counts dates from 1904: what workbook.functions.date says (its cells hold dates so counted). */
  date1904 = false;
  /** What a calculation brings up to date: the formulas' new values, put on the sheets. */
  onCalculate?: () => void;
  /** Every sync: its operations and whether it succeeded. */
  syncs: SyncRecord[] = [];
  /** Return an error to reject sync number `n` before anything in it is applied. */
  failAt?: (n: number, ops: readonly Op[]) => Error | undefined;
  /**
   * Excel on the web's payload limits (5 MB there; none on desktop): a sync whose request or
   * response is larger is refused whole, before anything in it is applied, with Office's codes.
   */
  requestLimit?: number;
  responseLimit?: number;
  readonly context: Excel.RequestContext;
  private pending: Op[] = [];
  /** Mocks created or loaded since the last sync: only these need settling. */
  private mocks = new Set<OfficeMockObject>();
  /** Sizes of what was loaded since the last sync, computed at sync time. */
  private loads: (() => number)[] = [];
  private root: OfficeMockObject;

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const worksheets = {
      getItem: (name: string) => fake.sheetProxy(name, "item"),
      getItemOrNullObject: (name: string) => fake.sheetProxy(name, "orNull"),
      getActiveWorksheet: () => fake.mock({ name: fake.active }),
      add: (name: string) => {
        fake.queue({ kind: "addSheet", sheet: name, write: true, apply: () => fake.addSheetNow(name) });
        return fake.sheetProxy(name, "added");
      },
      load: (what: string) => {
        // office-addin-mock cannot load "items/name" through an array: load the items scalar, filled now.
        const every = "items/pageLayout/headersFooters/defaultForAllPages/";
        const sections = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];
        const print = "items/pageLayout/";
        const supported = [
          "items/name",
          "items/position",
          "items/visibility",
          "items/protection/protected",
          ...sections.map((k) => every + k),
          ...Object.keys(NEW_SHEET_PRINT).map((k) => print + k),
        ];
        const paths = what.split(",").map((p) => p.trim());
        if (!paths.includes("items/name") || paths.some((p) => !supported.includes(p)))
          throw new Error(`fake worksheets.load: unsupported "${what}"`);
        const collection = fake.root.workbook.worksheets as OfficeMockObject;
        collection["setValue"](
          "items",
          fake.sheets.map((s, position) => ({
            name: s.name,
            position,
            visibility: s.visibility,
            protection: { protected: s.protected ?? false },
            pageLayout: {
              ...Object.fromEntries(
                paths
                  .filter((p) => p.startsWith(print) && !p.slice(print.length).includes("/"))
                  .map((p) => {
                    const key = p.slice(print.length) as keyof typeof NEW_SHEET_PRINT;
                    return [key, s.print[key] ?? NEW_SHEET_PRINT[key]];
                  }),
              ),
              headersFooters: {
                defaultForAllPages: Object.fromEntries(
                  paths
                    .filter((p) => p.startsWith(every))
                    .map((p) => [p.slice(every.length), s.headerFooter[p.slice(every.length) as keyof FakeHeaderFooter] ?? ""]),
                ),
              },
            },
          })),
        );
        OfficeMockObject.prototype.load.call(fake.root.workbook.worksheets, "items");
      },
    };
    this.root = new OfficeMockObject({
      workbook: {
        worksheets,
        functions: {
          // DATE as Excel works it out in this workbook's date system, known when the sync has run.
          date: (year: number, month: number, day: number) =>
            fake.mock({ value: serialFromYMD(year, month, day) - (fake.date1904 ? DATE_1904_OFFSET : 0) }),
        },
        application: {
          calculationMode: "Automatic",
          calculationState: "Done",
          suspendApiCalculationUntilNextSync: () => {
            fake.suspendCalls++;
            fake.queue({ kind: "suspendCalculation", sheet: "", write: false, apply: () => undefined });
          },
          load: (what: string) => {
            const paths = what.split(",").map((p) => p.trim());
            if (paths.some((p) => p !== "calculationMode" && p !== "calculationState"))
              throw new Error(`fake application.load: unsupported "${what}"`);
            const application = fake.root.workbook.application as OfficeMockObject;
            // Set to what they are now and loaded: read before the sync, they say so; the sync takes them again in queue order.
            const take = () => {
              application["setValue"]("calculationMode", fake.calculation.mode);
              application["setValue"]("calculationState", fake.calculation.state);
              OfficeMockObject.prototype.load.call(application, paths.join(","));
            };
            take();
            fake.queue({ kind: "loadCalculation", sheet: "", write: false, apply: take });
            fake.loads.push(() => paths.length * JSON.stringify(fake.calculation.mode).length);
          },
          calculate: (type: string) =>
            fake.queue({
              kind: "calculate",
              sheet: "",
              value: type,
              write: false,
              apply: () => {
                fake.calculations.push(type);
                fake.onCalculate?.();
                fake.calculation = { ...fake.calculation, state: "Done" };
              },
            }),
        },
      },
    });
    const sync = async () => {
      fake.syncCount++;
      const ops = fake.pending;
      fake.pending = [];
      const bytes = JSON.stringify(ops.map((o) => [o.kind, o.sheet, o.address, o.value])).length;
      const responseBytes = fake.loads.reduce((sum, size) => sum + size(), 0);
      fake.loads = [];
      const injected =
        fake.failAt?.(fake.syncCount, ops) ??
        (bytes > (fake.requestLimit ?? Infinity) ? officeError("RequestPayloadSizeLimitExceeded") : undefined) ??
        (responseBytes > (fake.responseLimit ?? Infinity) ? officeError("ResponsePayloadSizeLimitExceeded") : undefined);
      if (injected) {
        fake.syncs.push({ number: fake.syncCount, ops, bytes, responseBytes, ok: false });
        throw injected;
      }
      try {
        for (const op of ops) op.apply();
      } catch (error) {
        fake.syncs.push({ number: fake.syncCount, ops, bytes, responseBytes, ok: false });
        throw error;
      }
      fake.syncs.push({ number: fake.syncCount, ops, bytes, responseBytes, ok: true });
      await OfficeMockObject.prototype.sync.call(fake.root);
      const mocks = [...fake.mocks];
      fake.mocks.clear();
      for (const m of mocks) await m.sync();
      // office-addin-mock copies loaded values up in un-awaited callbacks: let them run.
      await new Promise((resolve) => setImmediate(resolve));
    };
    this.root.sync = sync;
    this.context = this.root as unknown as Excel.RequestContext;
  }

  addSheet(name: string, values: readonly (readonly unknown[])[] = [], row = 0, column = 0): FakeSheet {
    const sheet = new FakeSheet(name).put(values, row, column);
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Operations of successful syncs that change the workbook. */
  writes(kind?: string): Op[] {
    return this.syncs.filter((s) => s.ok).flatMap((s) => s.ops.filter((o) => o.write && (kind === undefined || o.kind === kind)));
  }

  private addSheetNow(name: string): void {
    if (this.sheet(name)) throw officeError("ItemAlreadyExists", `sheet ${name} exists`);
    this.sheets.push(new FakeSheet(name));
  }

  private mock(data: Record<string, unknown>, isNull = false): OfficeMockObject {
    const m = new OfficeMockObject(data as never);
    m.isNullObject = isNull;
    this.mocks.add(m);
    const load = m.load.bind(m);
    m.load = (what: Parameters<OfficeMockObject["load"]>[0]) => {
      this.mocks.add(m);
      if (typeof what === "string")
        this.loads.push(() =>
          what
            .split(",")
            .map((p) => (p in data ? JSON.stringify(data[p]).length : 0))
            .reduce((a, b) => a + b, 0),
        );
      return load(what);
    };
    return m;
  }

  /** A range too large to get: loading its values fails the sync with RangeExceedsLimit, as Excel does. */
  private refusingValues(data: Record<string, unknown>, sheet: string, area: Area): OfficeMockObject {
    const m = this.mock({ ...data, values: [] });
    const load = m.load.bind(m);
    m.load = (what: Parameters<OfficeMockObject["load"]>[0]) => {
      if (typeof what === "string" && what.split(",").includes("values"))
        this.queue({
          kind: "getValues",
          sheet,
          address: address(area),
          write: false,
          apply: () => {
            throw officeError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
          },
        });
      return load(what);
    };
    return m;
  }

  private queue(op: Op): void {
    this.pending.push(op);
  }

  private need(name: string, write: boolean): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw officeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    if (write && (sheet.protected || sheet.refuseWrites))
      throw officeError("AccessDenied", `The cell or chart is on a protected sheet: ${name}`);
    return sheet;
  }

  private sheetProxy(name: string, how: "item" | "orNull" | "added") {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const exists = this.sheet(name) !== undefined;
    if (how === "item") this.queue({ kind: "getItem", sheet: name, write: false, apply: () => void fake.need(name, false) });
    const writeOp = (kind: string, area: Area | undefined, value: unknown, apply: (s: FakeSheet) => void) =>
      fake.queue({
        kind,
        sheet: name,
        address: area && address(area),
        value,
        write: true,
        apply: () => apply(fake.need(name, true)),
      });
    const range = (area: Area) => fake.rangeProxy(name, area, writeOp);
    const protection = fake.mock({ protected: fake.sheet(name)?.protected ?? false });
    const standard = fake.mock({
      standardHeight: fake.sheet(name)?.standardHeight ?? 15,
      standardWidth: fake.sheet(name)?.standardWidth ?? 8.43,
    });
    return {
      isNullObject: how === "orNull" && !exists,
      name,
      getUsedRangeOrNullObject: () => {
        const sheet = fake.sheet(name);
        const area = sheet?.usedArea();
        if (!sheet || !area) return fake.mock({ address: "", values: [] }, true);
        const at = `${quoted(sheet.name)}!${address(area)}`;
        if (area.rows * area.columns > MAX_GET_CELLS) return fake.refusingValues({ address: at }, name, area);
        return fake.mock({ address: at, values: sheet.valuesOf(area) });
      },
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => range({ row, column, rows, columns }),
      getRange: () => range({ row: 0, column: 0, rows: 1048576, columns: 16384 }),
      protection,
      load: (what: string) => {
        for (const one of what.split(",")) {
          if (one === "standardHeight" || one === "standardWidth") standard.load(one);
          else if (one === "protection/protected") protection.load("protected");
          else throw new Error(`fake worksheet.load: unsupported "${one}"`);
        }
      },
      get standardHeight(): unknown {
        return (standard as unknown as { standardHeight: unknown }).standardHeight;
      },
      get standardWidth(): unknown {
        return (standard as unknown as { standardWidth: unknown }).standardWidth;
      },
      autoFilter: (() => {
        const sheet = fake.sheet(name);
        const loaded = fake.mock({ enabled: sheet?.autoFilter !== undefined, isDataFiltered: sheet?.filtered ?? false });
        const read = loaded as unknown as { enabled: unknown; isDataFiltered: unknown };
        return {
          load: (what: string) => loaded.load(what),
          get enabled() {
            return read.enabled;
          },
          get isDataFiltered() {
            return read.isDataFiltered;
          },
          getRangeOrNullObject: () => {
            const at = sheet?.autoFilter;
            return fake.mock({ address: at ? `${quoted(name)}!${at}` : "" }, at === undefined);
          },
          remove: () => writeOp("removeAutoFilter", undefined, undefined, (s) => (s.autoFilter = undefined)),
          apply: (r: { area: Area }) =>
            writeOp("autoFilter", r.area, undefined, (s) => {
              if (s.autoFilter !== undefined) throw officeError("InvalidOperation", "The sheet has a filter already.");
              s.autoFilter = address(r.area);
            }),
        };
      })(),
      tables: (() => {
        const counted = fake.mock({ count: fake.sheet(name)?.tables.length ?? 0 });
        let items: ReturnType<FakeExcel["tableProxy"]>[] | undefined;
        return {
          // "count", or the tables' names ("items/name"), found at sync.
          load: (what: string) => {
            if (what === "count") return counted.load(what);
            if (what !== "items/name") throw new Error(`fake worksheet.tables.load: unsupported "${what}"`);
            fake.queue({
              kind: "loadTables",
              sheet: name,
              write: false,
              apply: () => {
                const sheet = fake.need(name, false);
                items = sheet.tables.map((t) => fake.tableProxy(name, () => (sheet.tables.includes(t) ? t : undefined), t.name));
              },
            });
          },
          get count(): unknown {
            return (counted as unknown as { count: unknown }).count;
          },
          get items() {
            if (!items) throw new Error("Error, property was not loaded");
            return items;
          },
          getItem: (tableName: string) =>
            fake.tableProxy(name, () => fake.need(name, false).tables.find((t) => t.name === tableName)),
        };
      })(),
      freezePanes: {
        getLocationOrNullObject: () => {
          const rows = fake.sheet(name)?.frozenRows ?? 0;
          return fake.mock({ address: rows ? `A1:A${rows}` : "" }, rows === 0);
        },
        freezeRows: (count: number) => writeOp("freezeRows", undefined, count, (s) => (s.frozenRows = count)),
      },
      pageLayout: (() => {
        const loaded = fake.mock({ zoom: fake.sheet(name)?.print.zoom ?? { scale: 100 } });
        const layout = {
          load: (what: string) => loaded.load(what),
          get zoom(): unknown {
            return (loaded as unknown as { zoom: unknown }).zoom;
          },
          set zoom(v: unknown) {
            writeOp("pageZoom", undefined, v, (s) => (s.print.zoom = v as FakePrint["zoom"]));
          },
          set orientation(v: string) {
            writeOp("pageOrientation", undefined, v, (s) => (s.print.orientation = v));
          },
          set printOrder(v: string) {
            writeOp("printOrder", undefined, v, (s) => (s.print.printOrder = v));
          },
          setPrintTitleRows: (rows: string) => writeOp("printTitleRows", undefined, rows, (s) => (s.print.titleRows = rows)),
          setPrintTitleColumns: (columns: string) =>
            writeOp("printTitleColumns", undefined, columns, (s) => (s.print.titleColumns = columns)),
          setPrintArea: (area: string) => writeOp("printArea", undefined, area, (s) => (s.print.area = area)),
          headersFooters: (() => {
            const now = fake.sheet(name)?.headerFooter ?? {};
            const group = fake.mock({ state: now.state ?? "Default" });
            const sections = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;
            const loaded = fake.mock(Object.fromEntries(sections.map((k) => [k, now[k] ?? ""])));
            const every = { load: (what: string) => loaded.load(what) };
            for (const section of sections)
              Object.defineProperty(every, section, {
                get: () => (loaded as unknown as Record<string, unknown>)[section],
                set: (v: string) => writeOp("headerFooter", undefined, { [section]: v }, (s) => (s.headerFooter[section] = v)),
              });
            return {
              load: (what: string) => group.load(what),
              get state(): unknown {
                return (group as unknown as { state: unknown }).state;
              },
              defaultForAllPages: every,
            };
          })(),
        };
        for (const key of PRINT_PROPERTIES)
          if (key !== "orientation")
            Object.defineProperty(layout, key, {
              set: (v: never) => writeOp(`page ${key}`, undefined, v, (s) => (s.print[key] = v)),
            });
        return layout;
      })(),
      horizontalPageBreaks: {
        add: (at: { area: Area }) =>
          writeOp("pageBreak", at.area, at.area.row, (s) => (s.print.rowBreaks ??= []).push(at.area.row)),
      },
      charts: {
        add: (type: string, source: { area: Area }, seriesBy: string) => {
          const chart: FakeChart = { type, seriesBy, values: address(source.area) };
          writeOp("addChart", source.area, type, (s) => s.charts.push(chart));
          return {
            title: {
              set text(v: string) {
                chart.title = v;
              },
            },
            legend: {
              set visible(v: boolean) {
                chart.legendVisible = v;
              },
            },
            series: {
              getItemAt: () => ({
                set name(v: string) {
                  chart.seriesName = v;
                },
                setXAxisValues: (r: { area: Area }) => (chart.categories = address(r.area)),
                set hasDataLabels(v: boolean) {
                  chart.dataLabels = v;
                },
                dataLabels: {
                  set numberFormat(v: string) {
                    (chart.dataLabelFormat ??= {}).numberFormat = v;
                  },
                  set linkNumberFormat(v: boolean) {
                    (chart.dataLabelFormat ??= {}).linkNumberFormat = v;
                  },
                },
              }),
            },
            axes: {
              categoryAxis: {
                set categoryType(v: string) {
                  chart.categoryType = v;
                },
                set numberFormat(v: string) {
                  chart.categoryNumberFormat = v;
                },
                set linkNumberFormat(v: boolean) {
                  chart.categoryFormatLinked = v;
                },
              },
              valueAxis: {
                set minimum(v: number) {
                  (chart.valueAxis ??= {}).minimum = v;
                },
                set maximum(v: number) {
                  (chart.valueAxis ??= {}).maximum = v;
                },
                set majorUnit(v: number) {
                  (chart.valueAxis ??= {}).majorUnit = v;
                },
                set visible(v: boolean) {
                  (chart.valueAxis ??= {}).visible = v;
                },
                set numberFormat(v: string) {
                  (chart.valueAxis ??= {}).numberFormat = v;
                },
                set linkNumberFormat(v: boolean) {
                  (chart.valueAxis ??= {}).linkNumberFormat = v;
                },
                majorGridlines: {
                  set visible(v: boolean) {
                    (chart.valueAxis ??= {}).majorGridlines = v;
                  },
                },
              },
            },
            setPosition: (r: { area: Area }, end?: { area: Area }) => {
              chart.position = address(r.area);
              chart.positionEnd = end && address(end.area);
            },
          };
        },
      },
      delete: () =>
        fake.queue({
          kind: "deleteSheet",
          sheet: name,
          write: true,
          apply: () => {
            const s = fake.need(name, true);
            fake.sheets = fake.sheets.filter((x) => x !== s);
          },
        }),
      set position(to: number) {
        fake.queue({
          kind: "position",
          sheet: name,
          value: to,
          write: true,
          apply: () => {
            const s = fake.need(name, true);
            const rest = fake.sheets.filter((x) => x !== s);
            rest.splice(to, 0, s);
            fake.sheets = rest;
          },
        });
      },
      activate: () =>
        fake.queue({
          kind: "activate",
          sheet: name,
          write: false,
          apply: () => void (fake.active = fake.need(name, false).name),
        }),
    };
  }

  /**
   * An Excel table on `sheetName` (ItemNotFound at sync when `find` finds none): its properties,
   * range and columns read at sync in queue order, and resize (ExcelApi 1.13), which keeps the
   * header row where it is and names new columns from their header cells as Excel does.
   * `name`: known already (an item of a loaded collection).
   */
  private tableProxy(sheetName: string, find: () => FakeTable | undefined, name?: string) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const found = () =>
      find() ??
      (() => {
        throw officeError("ItemNotFound", `The requested resource doesn't exist: table on ${sheetName}`);
      })();
    const read = (kind: string, fn: (t: FakeTable) => void) =>
      fake.queue({ kind, sheet: sheetName, write: false, apply: () => fn(found()) });
    let props: { name: string; showHeaders: boolean; showTotals: boolean } | undefined =
      name === undefined ? undefined : { name, showHeaders: true, showTotals: false };
    const loaded = () =>
      props ??
      (() => {
        throw new Error("Error, property was not loaded");
      })();
    let at: string | undefined;
    let columns: { name: string }[] | undefined;
    return {
      load: (what: string) => {
        if (what.split(",").some((p) => !["name", "showHeaders", "showTotals"].includes(p.trim())))
          throw new Error(`fake table.load: unsupported "${what}"`);
        read("loadTable", (t) => (props = { name: t.name, showHeaders: t.showHeaders, showTotals: t.showTotals }));
      },
      get name() {
        return loaded().name;
      },
      get showHeaders() {
        return loaded().showHeaders;
      },
      get showTotals() {
        return loaded().showTotals;
      },
      getRange: () => ({
        load: (what: string) => {
          if (what !== "address") throw new Error(`fake table.getRange().load: unsupported "${what}"`);
          read("tableRange", (t) => (at = `${quoted(sheetName)}!${address(t.area)}`));
        },
        get address() {
          if (at === undefined) throw new Error("Error, property was not loaded");
          return at;
        },
      }),
      columns: {
        load: (what: string) => {
          if (what !== "items/name") throw new Error(`fake table.columns.load: unsupported "${what}"`);
          read("tableColumns", (t) => (columns = t.columns.map((n) => ({ name: n }))));
        },
        get items() {
          if (!columns) throw new Error("Error, property was not loaded");
          return columns;
        },
      },
      resize: (range: { area: Area }) =>
        fake.queue({
          kind: "resizeTable",
          sheet: sheetName,
          address: address(range.area),
          write: true,
          apply: () => {
            const sheet = fake.need(sheetName, true);
            const t = found();
            const to = range.area;
            if (to.row !== t.area.row || !overlaps(to, t.area))
              throw officeError("InvalidArgument", "The table's header row must stay where it is.");
            t.area = { ...to };
            t.columns = t.columns.slice(0, to.columns);
            for (let i = t.columns.length; i < to.columns; i++) t.columns.push(sheet.columnName(t, i));
          },
        }),
    };
  }

  private rangeProxy(
    sheetName: string,
    area: Area,
    writeOp: (kind: string, area: Area | undefined, value: unknown, apply: (s: FakeSheet) => void) => void,
  ) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    let loaded: OfficeMockObject | undefined;
    const forEachCell = (fn: (r: number, c: number) => void) => {
      for (let r = 0; r < area.rows; r++) for (let c = 0; c < area.columns; c++) fn(area.row + r, area.column + c);
    };
    return {
      area,
      set columnHidden(v: boolean) {
        writeOp("columnHidden", area, v, (s) => {
          for (let c = area.column; c < area.column + area.columns; c++) v ? s.hiddenColumns.add(c) : s.hiddenColumns.delete(c);
        });
      },
      get values(): unknown {
        return loaded ? loaded.values : "Error, property was not loaded";
      },
      get numberFormat(): unknown {
        return loaded ? (loaded as unknown as { numberFormat: unknown }).numberFormat : "Error, property was not loaded";
      },
      set values(v: unknown) {
        const grid = v as Cell[][];
        if (!Array.isArray(grid) || grid.length !== area.rows || grid.some((line) => line.length !== area.columns)) {
          throw new Error(`fake: values of ${address(area)} must be ${area.rows}×${area.columns}`);
        }
        writeOp("values", area, grid, (s) =>
          grid.forEach((line, r) => line.forEach((x, c) => x !== null && s.set(area.row + r, area.column + c, x))),
        );
      },
      set numberFormat(v: unknown) {
        writeOp("numberFormat", area, v, (s) =>
          forEachCell((r, c) => {
            const f = Array.isArray(v) ? (v as string[][])[r - area.row][c - area.column] : (v as string);
            (s.formats[r] ??= [])[c] = f;
          }),
        );
      },
      format: {
        font: {
          set bold(v: boolean) {
            writeOp("bold", area, v, (s) => forEachCell((r, c) => (v ? s.bold.add(`${r},${c}`) : s.bold.delete(`${r},${c}`))));
          },
        },
        fill: {
          set color(v: string) {
            writeOp("fillColor", area, v, (s) => forEachCell((r, c) => s.fills.set(`${r},${c}`, v)));
          },
        },
        set columnWidth(v: number) {
          writeOp("columnWidth", area, v, (s) => s.widths.set(area.column, v));
        },
        set wrapText(v: boolean) {
          writeOp("wrapText", area, v, (s) =>
            forEachCell((r, c) => (v ? s.wrapped.add(`${r},${c}`) : s.wrapped.delete(`${r},${c}`))),
          );
        },
        set horizontalAlignment(v: string) {
          writeOp("horizontalAlignment", area, v, (s) => addArea(s.horizontal, area, { alignment: v }));
        },
        set verticalAlignment(v: string) {
          writeOp("verticalAlignment", area, v, (s) => addArea(s.vertical, area, { alignment: v }));
        },
        set indentLevel(v: number) {
          writeOp("indentLevel", area, v, (s) => addArea(s.indented, area, { level: v }));
        },
        // Excel measures the rows again: the fake cannot measure text, so a row fitted is back at the standard height.
        autofitRows: () =>
          writeOp("autofitRows", area, undefined, (s) => {
            for (let r = area.row; r < area.row + area.rows; r++) s.heights.delete(r);
          }),
      },
      conditionalFormats: {
        clearAll: () =>
          writeOp(
            "clearConditionalFormats",
            area,
            undefined,
            (s) => (s.conditional = s.conditional.filter((f) => !overlaps(fillAreas.get(f)!, area))),
          ),
        add: (type: string) => {
          const fill: FakeFill = { area: address(area), type };
          fillAreas.set(fill, area);
          writeOp("addConditionalFormat", area, fill, (s) => s.conditional.push(fill));
          return {
            custom: {
              rule: {
                set formula(f: string) {
                  fill.formula = f;
                },
              },
              format: {
                fill: {
                  set color(c: string) {
                    fill.color = c;
                  },
                },
              },
            },
          };
        },
      },
      clear: (applyTo?: string) =>
        writeOp("clear", area, applyTo, (s) => {
          s.cells = [];
          s.formats = [];
          s.bold.clear();
          s.fills.clear();
          s.conditional = [];
          s.charts = [];
          s.wrapped.clear();
          s.indented = [];
          s.horizontal = [];
          s.vertical = [];
          s.autoFilter = undefined;
        }),
      /** ExcelApi 1.9's per-row read: only format.rowHeight here; the value is there once the sync has run. */
      getRowProperties: (options: { format?: { rowHeight?: boolean } }) => {
        if (Object.keys(options).some((k) => k !== "format") || Object.keys(options.format ?? {}).some((k) => k !== "rowHeight"))
          throw new Error(`fake getRowProperties: unsupported ${JSON.stringify(options)}`);
        let value: { format: { rowHeight: number } }[] | undefined;
        const rows = () => {
          const sheet = fake.sheet(sheetName);
          return Array.from({ length: area.rows }, (_, i) => ({
            format: { rowHeight: sheet?.heights.get(area.row + i) ?? sheet?.standardHeight ?? 15 },
          }));
        };
        fake.queue({
          kind: "getRowProperties",
          sheet: sheetName,
          address: address(area),
          write: false,
          apply: () => void (value = rows()),
        });
        fake.loads.push(() => JSON.stringify(rows()).length);
        return {
          get value() {
            if (value === undefined) throw new Error("Error, context.sync() was not called");
            return value;
          },
        };
      },
      /** ExcelApi 1.9's per-column read: only format.columnWidth here, in points (a column of no width of its own at the standard width, in whole pixels as Excel shows it). */
      getColumnProperties: (options: { format?: { columnWidth?: boolean } }) => {
        if (
          Object.keys(options).some((k) => k !== "format") ||
          Object.keys(options.format ?? {}).some((k) => k !== "columnWidth")
        )
          throw new Error(`fake getColumnProperties: unsupported ${JSON.stringify(options)}`);
        let value: { format: { columnWidth: number } }[] | undefined;
        const columns = () => {
          const sheet = fake.sheet(sheetName);
          const standard = ((Math.round((sheet?.standardWidth ?? 8.43) * 7) + 5) * 3) / 4;
          return Array.from({ length: area.columns }, (_, i) => ({
            format: { columnWidth: sheet?.widths.get(area.column + i) ?? standard },
          }));
        };
        fake.queue({
          kind: "getColumnProperties",
          sheet: sheetName,
          address: address(area),
          write: false,
          apply: () => void (value = columns()),
        });
        fake.loads.push(() => JSON.stringify(columns()).length);
        return {
          get value() {
            if (value === undefined) throw new Error("Error, context.sync() was not called");
            return value;
          },
        };
      },
      /** ExcelApi 1.9: the tables the range touches (all of them, or only those inside it), each with its name once loaded. */
      getTables: (fullyContained = false) => {
        let items: ReturnType<FakeExcel["tableProxy"]>[] | undefined;
        return {
          load: (what: string) => {
            if (what !== "items/name") throw new Error(`fake getTables().load: unsupported "${what}"`);
            fake.queue({
              kind: "getTables",
              sheet: sheetName,
              address: address(area),
              write: false,
              apply: () => {
                const sheet = fake.need(sheetName, false);
                items = sheet.tables
                  .filter((t) => (fullyContained ? contains(area, t.area) : overlaps(area, t.area)))
                  .map((t) => fake.tableProxy(sheetName, () => (sheet.tables.includes(t) ? t : undefined), t.name));
              },
            });
          },
          get items() {
            if (!items) throw new Error("Error, property was not loaded");
            return items;
          },
        };
      },
      select: () =>
        fake.queue({
          kind: "select",
          sheet: sheetName,
          address: address(area),
          write: false,
          apply: () => void fake.need(sheetName, false),
        }),
      load: (props: string) => {
        const sheet = fake.sheet(sheetName);
        if (area.rows * area.columns > MAX_GET_CELLS) loaded = fake.refusingValues({}, sheetName, area);
        else {
          // Formats only when asked for: a large sheet's would be millions of "General"s.
          const formats = props.split(",").some((p) => p.trim() === "numberFormat");
          loaded = fake.mock({
            values: sheet ? sheet.valuesOf(area) : [],
            ...(formats ? { numberFormat: sheet ? sheet.formatsOf(area) : [] } : {}),
          });
        }
        loaded.load(props);
      },
    };
  }
}

/** Installs the Excel enums and Excel.run (handing out the fake's context) as globals. */
export function installExcelGlobals(fake: () => FakeExcel): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered", line: "Line" },
    ChartSeriesBy: { columns: "Columns" },
    ChartAxisCategoryType: { textAxis: "TextAxis" },
    ClearApplyTo: { all: "All" },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(fake().context),
  };
}

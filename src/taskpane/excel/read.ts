/**
 * Reading what a review needs. In ONE sync whatever the row count: the sheet names, the chosen
 * sheet's used range, the archive and policy sheets and every other sheet (so the ledger can be
 * picked, and our own sheets the user renamed are known by their top rows), and one more only
 * when the chosen sheet has Excel tables. A workbook too large for one response goes again in
 * pages of just under the limit, and so does one counting dates from 1904, its cells' number
 * formats read with the values (a date-formatted number is counted up into the engine's 1900 days).
 */
import { a1, Area, parseAddress } from "../../engine/a1";
import { CellValue } from "../../engine/cells";
import { HEADER_SCAN_ROWS } from "../../engine/review/headers";
import { responseColumnOf } from "../../engine/review/columns";
import { InputField } from "../../engine/review/fields";
import { shownNumber } from "../../engine/shown-text";
import { findLedger, IncompleteLedger, LedgerInput } from "../../engine/review/ledger";
import { findOwnSheets } from "../../engine/review/own-sheets";
import { NamedSheetTable } from "../../engine/review/customer-table";
import { SheetVisibility } from "../../engine/review/sheet-choice";
import { OwnSheets, ownSheetsByName, SheetRoles, sheetRoles } from "../../engine/review/sheets";
import { datesFrom1904 } from "../../engine/date-system";
import { loadCalculation, StaleCalculation } from "./calculation";
import { loadDateSystem } from "./date-system";
import { loadSheetTables } from "./customer-table";
import { CellSizes, PageRequest, takePages } from "./paging";
import { MAX_BATCH_BYTES } from "./payload";
import { classifyError, ExcelProblem, throwIfCancelled } from "./problems";

type Context = Excel.RequestContext;
export type Origin = { readonly row: number; readonly column: number };

export interface SheetRead {
  readonly name: string;
  /** The used range's address ("Sheet1!B3:F20"); undefined for an empty sheet. */
  readonly address?: string;
  /** 0-based sheet row and column of values[0][0]. */
  readonly origin: Origin;
  readonly values: CellValue[][];
}

export interface WorkbookState {
  /** Every sheet, in workbook order (our own review sheets included). */
  readonly sheetNames: string[];
  readonly activeSheet: string;
  /** Each sheet's visibility, by name: a customer sheet is picked among the visible ones first, never a very hidden one. */
  readonly visibility?: Readonly<Record<string, SheetVisibility>>;
  /** Our own sheets in the workbook: by name, else known by their corner. */
  readonly ownSheets: OwnSheets;
  /**
   * The policy sheet's name and its values from A1, when the workbook has one: the whole sheet
   * under our name, the corner of a renamed one (which holds every setting the review writes;
   * the review's own read takes the whole sheet).
   */
  readonly policy?: { readonly name: string; readonly values: CellValue[][] };
  /**
   * The top-left corner of every other sheet (TOP_ROWS × TOP_COLUMNS from A1), enough for the
   * engine's header search to tell a customer sheet or an invoice ledger from the rest.
   */
  readonly tops: readonly { readonly name: string; readonly values: CellValue[][] }[];
}

export interface ReviewRead {
  readonly sheetNames: string[];
  /** Our own sheets in the workbook, by name or, renamed, by their top rows: the write plan writes them under these names. */
  readonly ownSheets: OwnSheets;
  readonly target: SheetRead;
  /** Archive and policy sheets' values counted from A1, as the engine expects them. */
  readonly archive?: { readonly name: string; readonly values: CellValue[][] };
  readonly policy?: { readonly name: string; readonly values: CellValue[][] };
  /** The policy history sheet's values from A1: the write plan adds a version only when it is not there. */
  readonly policyHistory?: { readonly name: string; readonly values: CellValue[][] };
  /** The first other sheet that is an invoice ledger (the engine's findLedger). */
  readonly ledger?: LedgerInput;
  /** With no ledger: the first other sheet meant as one but lacking a required column (the review reports it). */
  readonly incompleteLedger?: IncompleteLedger;
  /**
   * The customer sheet's Excel tables, when it has any and Excel can resize them (ExcelApi
   * 1.13): the write question says from them what the write will make of the customer table.
   */
  readonly tables?: readonly NamedSheetTable[];
  /**
   * Excel had not calculated everything when the values were read (ExcelApi 1.9; absent when it
   * had, or cannot tell): figures the sheets compute with formulas may be out of date.
   */
  readonly calculation?: StaleCalculation;
}

type Loaded = { range: Excel.Range; name: string };

/**
 * The used range of a sheet known to exist (getItem: a sheet deleted since it was listed
 * fails the sync with ItemNotFound rather than chaining calls on a null object).
 */
function usedRange(context: Context, name: string): Loaded {
  const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
  range.load("values,address");
  return { range, name };
}

function sheetRead({ range, name }: Loaded): SheetRead {
  if (range.isNullObject) return { name, origin: { row: 0, column: 0 }, values: [] };
  const address = range.address;
  const parsed = parseAddress(address);
  return { name, address, origin: { row: parsed.row, column: parsed.column }, values: range.values as CellValue[][] };
}

/**
 * A used range's values placed so that [0][0] is A1: the plan and the policy/archive
 * readers count rows from the top of the sheet.
 */
export function padToA1(values: readonly (readonly CellValue[])[], origin: Origin): CellValue[][] {
  const lead: CellValue[] = new Array<CellValue>(origin.column).fill("");
  const out: CellValue[][] = [];
  for (let r = 0; r < origin.row; r++) out.push([]);
  for (const line of values) out.push(origin.column ? [...lead, ...line] : [...line]);
  return out;
}

/** A sheet's values counted from A1, as the engine's policy, archive and ledger readers take them; undefined for an empty sheet. */
function fromA1(read: SheetRead): { name: string; values: CellValue[][] } | undefined {
  return read.address === undefined ? undefined : { name: read.name, values: padToA1(read.values, read.origin) };
}

function sheetNamesOf(sheets: Excel.WorksheetCollection): string[] {
  return sheets.items.map((s) => s.name);
}

/** Excel's sheet visibility in the engine's terms. */
function visibilityOf(visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" | undefined): SheetVisibility {
  return visibility === "Hidden" ? "hidden" : visibility === "VeryHidden" ? "veryHidden" : "visible";
}

/** Rows and columns of a sheet's corner read at start: the header search looks at the first 30 rows. */
export const TOP_ROWS = HEADER_SCAN_ROWS;
export const TOP_COLUMNS = 64;
/** Sheets whose corner is read at start; a workbook with more has the rest offered unclassified. */
export const MAX_TOP_SHEETS = 200;

/**
 * The sheet list and the active sheet (one sync), then in a second sync the policy sheet's
 * values and the top-left corner of every other sheet (at most 30 × 64 cells each), so the pane
 * can offer customer sheets and not ledgers, and knows our own sheets the user renamed (a renamed
 * policy sheet is read from its corner). Two syncs whatever the workbook holds.
 */
export async function readWorkbookStateWith(context: Context): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  await context.sync();
  const sheetNames = sheetNamesOf(sheets);
  const named = ownSheetsByName(sheetNames);
  const policyRange = named.policy === undefined ? undefined : usedRange(context, named.policy);
  const corners = sheetRoles(sheetNames, named)
    .candidates.slice(0, MAX_TOP_SHEETS)
    .map((name) => {
      const range = context.workbook.worksheets.getItem(name).getRangeByIndexes(0, 0, TOP_ROWS, TOP_COLUMNS);
      range.load("values");
      return { name, range };
    });
  await context.sync();
  const tops = corners.map(({ name, range }) => ({ name, values: range.values as CellValue[][] }));
  const cornerOf = new Map(tops.map((top) => [top.name, top.values]));
  const ownSheets = findOwnSheets(sheetNames, (name) => cornerOf.get(name));
  const renamedPolicy = ownSheets.policy === undefined ? undefined : cornerOf.get(ownSheets.policy);
  return {
    sheetNames,
    activeSheet: active.name,
    visibility: Object.fromEntries(sheets.items.map((s) => [s.name, visibilityOf(s.visibility)])),
    ownSheets,
    policy: policyRange ? fromA1(sheetRead(policyRange)) : renamedPolicy && { name: ownSheets.policy!, values: renamedPolicy },
    tops,
  };
}

/** How far a read in pages has got: the sheet of the last page, its rows read so far, and all the cells. */
export interface ReadProgress {
  readonly sheet: string;
  readonly rowsRead: number;
  readonly rows: number;
  readonly cellsRead: number;
  readonly totalCells: number;
}

export interface ReadOptions {
  /** What one response may carry when the workbook is read in pages (Excel on the web refuses more than 5 MB). */
  readonly maxResponseBytes?: number;
  /** Called after each page of a paged read. */
  readonly onPageRead?: (progress: ReadProgress) => void;
  /** Cancel: the read stops before its next sync with ExcelProblem "cancelled". */
  readonly signal?: AbortSignal;
  /** The headers mapped by hand, with which the review finds the sheet's Action taken column. */
  readonly mapping?: Readonly<Record<string, InputField>>;
}

/**
 * Everything a review needs, in ONE sync whatever the row count: the sheet names, the
 * chosen sheet's used range (values and address), the archive and policy sheets, and the
 * used range of every other sheet, so the engine's findLedger can pick the ledger and our
 * own sheets the user renamed are known by their top rows (findOwnSheets). With them the names
 * of the chosen sheet's Excel tables; when it has any, a second small sync reads their ranges
 * and column names (for the write question to say what becomes of the customer table). The same
 * sync takes Excel's calculation state, so a read of formulas not calculated yet is known.
 * `knownSheets` is the sheet list the pane has: a sheet added since is not read, one
 * deleted since fails the read (ItemNotFound → "sheetMissing", and the pane re-lists).
 *
 * A workbook too large for one response (Excel on the web refuses more than 5 MB) is read
 * again in pages instead: one sync for the used ranges' addresses, then responses of just
 * under the limit, so the number of syncs grows with the bytes of the data, not the rows.
 */
export async function readForReviewWith(
  context: Context,
  sheet: string,
  knownSheets: readonly string[],
  options: ReadOptions = {},
): Promise<ReviewRead> {
  return withShownResponses(context, await readSheets(context, sheet, knownSheets, options), options);
}

/**
 * Whether the Action taken column under `mapping` holds a number the read has not shown as its
 * cell does: a column mapped to it after the read, whose cells' formats were not read. The pane
 * reads the sheet again rather than archive "46371" for a date.
 */
export function responsesUnshown(read: ReviewRead, mapping?: Readonly<Record<string, InputField>>): boolean {
  return numberResponses(read, mapping) !== undefined;
}

/** The Action taken column under `mapping` and its rows holding numbers, or nothing when no response is a number. */
function numberResponses(
  { target }: ReviewRead,
  mapping?: Readonly<Record<string, InputField>>,
): { column: number; rows: number[] } | undefined {
  const column = responseColumnOf(target.name, target.values.slice(0, HEADER_SCAN_ROWS), mapping);
  if (column === undefined) return undefined;
  const rows: number[] = [];
  target.values.forEach((line, r) => {
    if (typeof line[column] === "number") rows.push(r);
  });
  return rows.length === 0 ? undefined : { column, rows };
}

/** How many cells of responses typed as numbers have their formats read one by one; past it, the rows they span at once. */
const SHOWN_ONE_BY_ONE = 2000;

/**
 * The team's responses read as their cells show them (shown-text.ts): Excel keeps a response
 * typed 2026-12-15 as a date's number, 50% as 0.5. Only when the customer sheet's Action taken
 * column holds a number does this cost a sync, for those cells' number formats.
 */
async function withShownResponses(context: Context, read: ReviewRead, { mapping, signal }: ReadOptions): Promise<ReviewRead> {
  const responses = numberResponses(read, mapping);
  if (!responses) return read;
  const { target } = read;
  const { column, rows } = responses;
  throwIfCancelled(signal, target.name);
  const sheet = context.workbook.worksheets.getItem(target.name);
  const at = target.origin.column + column;
  const first = rows[0];
  const span = rows[rows.length - 1] - first + 1;
  const ranges = (rows.length <= SHOWN_ONE_BY_ONE ? rows.map((r) => ({ from: r, rows: 1 })) : [{ from: first, rows: span }]).map(
    ({ from, rows: count }) => {
      const range = sheet.getRangeByIndexes(target.origin.row + from, at, count, 1);
      range.load("numberFormat");
      return { from, range };
    },
  );
  await context.sync();
  const values = target.values.slice();
  for (const { from, range } of ranges)
    (range.numberFormat as string[][]).forEach(([code], i) => {
      const value = values[from + i]?.[column];
      if (typeof value !== "number") return;
      const line = [...values[from + i]];
      line[column] = shownNumber(value, code);
      values[from + i] = line;
    });
  return { ...read, target: { ...target, values } };
}

async function readSheets(
  context: Context,
  sheet: string,
  knownSheets: readonly string[],
  options: ReadOptions,
): Promise<ReviewRead> {
  const names = { sheet, ...sheetRoles(knownSheets, ownSheetsByName(knownSheets), sheet) };
  throwIfCancelled(options.signal, sheet);
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const loaded = loadAll(names, (name) => usedRange(context, name));
    const tables = loadSheetTables(sheets.getItem(sheet));
    const calculation = loadCalculation(context);
    const dateSystem = loadDateSystem(context);
    await context.sync();
    throwIfCancelled(options.signal, sheet);
    // A 1904 workbook's dates are known by their cells' number formats: read again with them.
    if (dateSystem.in1904())
      return readInPages(context, names, knownSheets, options.maxResponseBytes ?? MAX_BATCH_BYTES, options);
    return withCalculation(
      withTables(
        assemble(sheetNamesOf(sheets), knownSheets, loaded, (l) => sheetRead(l)),
        await tables.read(context),
      ),
      calculation(),
    );
  } catch (error) {
    if (classifyError(error).code !== "tooLarge") throw error;
  }
  return readInPages(context, names, knownSheets, options.maxResponseBytes ?? MAX_BATCH_BYTES, options);
}

/** The read with the customer sheet's tables, when it has any. */
function withTables(read: ReviewRead, found: { tables?: NamedSheetTable[] }): ReviewRead {
  return found.tables?.length ? { ...read, tables: found.tables } : read;
}

/** The read with Excel's calculation, when Excel had not calculated everything. */
function withCalculation(read: ReviewRead, calculation: StaleCalculation | undefined): ReviewRead {
  return calculation ? { ...read, calculation } : read;
}

interface Roles<T> {
  readonly target: T;
  readonly archive?: T;
  readonly policy?: T;
  readonly policyHistory?: T;
  readonly candidates: readonly T[];
}

function loadAll<T>(names: SheetRoles & { sheet: string }, load: (name: string) => T): Roles<T> {
  return {
    target: load(names.sheet),
    archive: names.archive === undefined ? undefined : load(names.archive),
    policy: names.policy === undefined ? undefined : load(names.policy),
    policyHistory: names.policyHistory === undefined ? undefined : load(names.policyHistory),
    candidates: names.candidates.map(load),
  };
}

/**
 * What was read, in its roles: our own sheets by name, else the first other sheet whose top rows
 * are one of ours (every other sheet is read whole anyway); the ledger among the sheets left.
 */
function assemble<T>(
  sheetNames: string[],
  knownSheets: readonly string[],
  loaded: Roles<T>,
  read: (loaded: T) => SheetRead,
): ReviewRead {
  const target = read(loaded.target);
  const others = [loaded.archive, loaded.policy, loaded.policyHistory, ...loaded.candidates].filter((l) => l !== undefined);
  const byName = new Map(others.map((l) => [read(l).name, l]));
  const atA1 = (name: string | undefined) => {
    const l = name === undefined ? undefined : byName.get(name);
    return l === undefined ? undefined : fromA1(read(l));
  };
  // Only the top rows are placed from A1 to be looked at: a large sheet that is none of ours is not copied for it.
  const topOf = (name: string) => {
    const l = byName.get(name);
    if (l === undefined) return undefined;
    const { values, origin } = read(l);
    return padToA1(values.slice(0, Math.max(0, HEADER_SCAN_ROWS - origin.row)), origin);
  };
  const own = findOwnSheets(knownSheets, topOf, target.name);
  const roles = sheetRoles(knownSheets, own, target.name);
  const { ledger, incomplete } = findLedger(roles.candidates, (name) => atA1(name)?.values);
  return {
    sheetNames,
    ownSheets: own,
    target,
    archive: atA1(own.archive),
    policy: atA1(own.policy),
    policyHistory: atA1(own.policyHistory),
    ledger,
    incompleteLedger: incomplete,
  };
}

/**
 * The corner of each sheet read with the used ranges' addresses (the same sync), so that a
 * sheet's first page is planned on its own cells rather than on a guess: a title, a header and
 * some rows of data.
 */
const SAMPLE_ROWS = 16;
const SAMPLE_COLUMNS = 32;

/** The cells of a sheet's corner (read from A1) that lie in its used range. */
function cornerOf(top: readonly (readonly CellValue[])[], area: Area): CellValue[][] {
  return top.slice(area.row, area.row + area.rows).map((line) => line.slice(area.column, area.column + area.columns));
}

/** Five times what Excel gives in one get: 100,000 customers of 22 columns are 2.2 million. */
const MAX_READ_CELLS = 25_000_000;

async function readInPages(
  context: Context,
  names: SheetRoles & { sheet: string },
  knownSheets: readonly string[],
  maxBytes: number,
  { onPageRead, signal }: ReadOptions,
): Promise<ReviewRead> {
  let budget = maxBytes;
  const sheets = context.workbook.worksheets;
  let tables = loadSheetTables(sheets.getItem(names.sheet));
  let calculation = loadCalculation(context);
  let dateSystem = loadDateSystem(context);
  // Everything this sync loads is queued again for the retry: a refused sync fulfils none of it.
  const addresses = (sample: boolean) => {
    sheets.load("items/name");
    return loadAll(names, (name) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load("address");
      const top = sample ? sheet.getRangeByIndexes(0, 0, SAMPLE_ROWS, SAMPLE_COLUMNS) : undefined;
      top?.load("values");
      return { name, range, top };
    });
  };
  let ranges = addresses(true);
  try {
    await context.sync();
  } catch (error) {
    // The corners' cells are a few hundred, but each may hold 32,767 characters: where they pass
    // the limit, the addresses come alone and the first pages are planned on the first guess.
    if (classifyError(error).code !== "tooLarge") throw error;
    ranges = addresses(false);
    tables = loadSheetTables(sheets.getItem(names.sheet));
    calculation = loadCalculation(context);
    dateSystem = loadDateSystem(context);
    await context.sync();
  }
  // In a 1904 workbook each page takes its cells' number formats too, about as long as the values.
  const in1904 = dateSystem.in1904();
  if (in1904) budget = Math.floor(budget / 2);
  // Taken with the addresses, before the pages: what the pages read is what Excel had calculated then.
  const calculated = calculation();
  const tablesRead = await tables.read(context);
  const all = [
    ranges.target,
    ...(ranges.archive ? [ranges.archive] : []),
    ...(ranges.policy ? [ranges.policy] : []),
    ...(ranges.policyHistory ? [ranges.policyHistory] : []),
    ...ranges.candidates,
  ];
  const reads = new Map<string, SheetRead & { values: CellValue[][] }>();
  let pending: PageRequest[] = [];
  const rowsOf = new Map<string, number>();
  for (const { name, range } of all) {
    if (range.isNullObject) {
      reads.set(name, { name, origin: { row: 0, column: 0 }, values: [] });
      continue;
    }
    const area = parseAddress(range.address);
    // A stray cell at the far end of a sheet makes a used range of billions of empty cells.
    if (area.rows * area.columns > MAX_READ_CELLS) throw new ExcelProblem("usedRangeTooLarge", name, a1(area));
    reads.set(name, { name, address: range.address, origin: { row: area.row, column: area.column }, values: [] });
    pending.push({ sheet: name, row: area.row, column: area.column, rows: area.rows, columns: area.columns });
    rowsOf.set(name, area.rows);
  }
  const totalCells = pending.reduce((sum, p) => sum + p.rows * p.columns, 0);
  let cellsRead = 0;
  const sizes = new CellSizes();
  for (const { name, range, top } of all)
    if (top && !range.isNullObject) sizes.sampled(name, cornerOf(top.values as CellValue[][], parseAddress(range.address)));
  while (pending.length > 0) {
    throwIfCancelled(signal, names.sheet);
    const { page, rest } = takePages(pending, budget, (sheet) => sizes.of(sheet));
    const loaded = page.map((p) => {
      const range = context.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(p.row, p.column, p.rows, p.columns);
      if (in1904) range.load("values,numberFormat");
      else range.load("values");
      return { p, range };
    });
    try {
      // One sync per response of several MB, not per row: each must stay under Excel on the web's limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const oneRow = page.length === 1 && page[0].rows === 1;
      if (classifyError(error).code !== "tooLarge" || oneRow) throw error;
      // A page sized from measured cells too was refused because this host's limit is lower: halve
      // the budget. A page of first guesses only: its cells are longer than guessed, assume twice as long.
      if (page.some((p) => sizes.measured(p.sheet))) budget = Math.floor(budget / 2);
      else for (const p of page) sizes.guessedTooLow(p.sheet);
      continue;
    }
    pending = rest;
    for (const { p, range } of loaded) {
      const values = range.values as CellValue[][];
      if (in1904) datesFrom1904(values, range.numberFormat as string[][]);
      const target = reads.get(p.sheet)!.values;
      for (const line of values) target.push(line);
      sizes.record(p.sheet, values, p.columns);
      cellsRead += p.rows * p.columns;
    }
    const last = page[page.length - 1].sheet;
    onPageRead?.({ sheet: last, rowsRead: reads.get(last)!.values.length, rows: rowsOf.get(last)!, cellsRead, totalCells });
  }
  const byName = (l: { name: string }) => reads.get(l.name)!;
  return withCalculation(withTables(assemble(sheetNamesOf(sheets), knownSheets, ranges, byName), tablesRead), calculated);
}
// ---- the Excel.run wrappers the pane calls ----------------------------------------------

export function readWorkbookState(): Promise<WorkbookState> {
  return Excel.run((context) => readWorkbookStateWith(context)).catch((error: unknown) => {
    throw classifyError(error);
  });
}

export function readForReview(sheet: string, knownSheets: readonly string[], options: ReadOptions = {}): Promise<ReviewRead> {
  return Excel.run((context) => readForReviewWith(context, sheet, knownSheets, options)).catch((error: unknown) => {
    throw classifyError(error, sheet);
  });
}

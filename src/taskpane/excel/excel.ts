/**
 * The only code of the task pane that touches Office.js: reading what a review needs,
 * writing a WritePlan, selecting a customer's row, the workbook's settings and the
 * display language. The Office.js twin of src/cli/workbook-io.ts: it carries out the
 * engine's plan and decides no cell, header, format or colour itself.
 *
 * Each `…With(context, …)` function takes a request context so tests can hand in a mock;
 * the exported wrappers open it with Excel.run.
 */
import { CellValue } from "../../engine/cells";
import { Lang, message } from "../../engine/i18n";
import { NUMBER_FORMATS } from "../../engine/review/formats";
import { INPUT_FIELDS, InputField } from "../../engine/review/fields";
import { findLedger, LedgerInput } from "../../engine/review/ledger";
import { Area, Block, ChartPlan, COLORS, ConditionalFill, SheetPlan, WritePlan } from "../../engine/review/write-plan";
import {
  a1,
  blockArea,
  BlockSlice,
  cellsForExcel,
  columnWidthPoints,
  fillFormula,
  insideAreas,
  MAX_BATCH_BYTES,
  OP_OVERHEAD_BYTES,
  Packable,
  packBatches,
  CellSizes,
  padToA1,
  PageRequest,
  parseAddress,
  takePages,
  sameRow,
} from "./helpers";
import { reviewSheetKind, SheetRoles, sheetRoles } from "../../engine/review/sheets";

type Context = Excel.RequestContext;
type Origin = { readonly row: number; readonly column: number };

// ---- problems -------------------------------------------------------------------------

export type ExcelProblemCode =
  "shapeChanged" | "sheetMissing" | "protected" | "editMode" | "tooLarge" | "usedRangeTooLarge" | "outsideOutput" | "excel";

/** A failure told in the pane's words: a code for the message key, the sheet involved, Excel's own text. */
export class ExcelProblem extends Error {
  constructor(
    readonly code: ExcelProblemCode,
    readonly sheet?: string,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "ExcelProblem";
  }
}

/** Maps an Office.js error (OfficeExtension.Error has a `code`) to what the user can do about it. */
export function classifyError(error: unknown, sheet?: string): ExcelProblem {
  if (error instanceof ExcelProblem) return error;
  const code = typeof error === "object" && error !== null ? String((error as { code?: unknown }).code ?? "") : "";
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "AccessDenied":
      return new ExcelProblem("protected", sheet, detail);
    case "InvalidOperationInCellEditMode":
      return new ExcelProblem("editMode", sheet, detail);
    // Excel on the web's 5 MB payload limits, and more than 5 million cells in one get (every
    // platform): the read goes again in pages, a write batch again in halves.
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "PayloadTooLarge":
    case "RangeExceedsLimit":
      return new ExcelProblem("tooLarge", sheet, detail);
    case "ItemNotFound":
      return new ExcelProblem("sheetMissing", sheet, detail);
    default:
      return new ExcelProblem("excel", sheet, detail);
  }
}

// ---- reading --------------------------------------------------------------------------

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
  /** The policy sheet's name and its values from A1, when the workbook has one. */
  readonly policy?: { readonly name: string; readonly values: CellValue[][] };
}

export interface ReviewRead {
  readonly sheetNames: string[];
  readonly target: SheetRead;
  /** Archive and policy sheets' values counted from A1, as the engine expects them. */
  readonly archive?: { readonly name: string; readonly values: CellValue[][] };
  readonly policy?: { readonly name: string; readonly values: CellValue[][] };
  /** The first other sheet that is an invoice ledger (the engine's findLedger). */
  readonly ledger?: LedgerInput;
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

function fromA1(loaded: Loaded): { name: string; values: CellValue[][] } | undefined {
  if (loaded.range.isNullObject) return undefined;
  const read = sheetRead(loaded);
  return { name: read.name, values: padToA1(read.values, read.origin) };
}

function sheetNamesOf(sheets: Excel.WorksheetCollection): string[] {
  return sheets.items.map((s) => s.name);
}

/**
 * The sheet list and the active sheet (one sync), then the policy sheet's values when
 * the workbook has one (a second sync, only then).
 */
export async function readWorkbookStateWith(context: Context): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  await context.sync();
  const sheetNames = sheetNamesOf(sheets);
  const policyName = sheetRoles(sheetNames).policy;
  let policy: WorkbookState["policy"];
  if (policyName) {
    const loaded = usedRange(context, policyName);
    await context.sync();
    policy = fromA1(loaded);
  }
  return { sheetNames, activeSheet: active.name, policy };
}

export interface ReadOptions {
  /** What one response may carry when the workbook is read in pages (Excel on the web refuses more than 5 MB). */
  readonly maxResponseBytes?: number;
  /** Called after each page of a paged read: cells read so far, of all the cells to read. */
  readonly onPageRead?: (cellsRead: number, totalCells: number) => void;
}

/**
 * Everything a review needs, in ONE sync whatever the row count: the sheet names, the
 * chosen sheet's used range (values and address), the archive and policy sheets, and the
 * used range of every other sheet, so the engine's findLedger can pick the ledger.
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
  const names = { sheet, ...sheetRoles(knownSheets, sheet) };
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const loaded = loadAll(names, (name) => usedRange(context, name));
    await context.sync();
    return assemble(sheetNamesOf(sheets), loaded, (l) => sheetRead(l));
  } catch (error) {
    if (classifyError(error).code !== "tooLarge") throw error;
  }
  return readInPages(context, names, options.maxResponseBytes ?? MAX_BATCH_BYTES, options.onPageRead);
}

interface Roles<T> {
  readonly target: T;
  readonly archive?: T;
  readonly policy?: T;
  readonly candidates: readonly T[];
}

function loadAll<T>(names: SheetRoles & { sheet: string }, load: (name: string) => T): Roles<T> {
  return {
    target: load(names.sheet),
    archive: names.archive === undefined ? undefined : load(names.archive),
    policy: names.policy === undefined ? undefined : load(names.policy),
    candidates: names.candidates.map(load),
  };
}

function assemble<T>(sheetNames: string[], loaded: Roles<T>, read: (loaded: T) => SheetRead): ReviewRead {
  const a1 = (l: T | undefined) => {
    if (l === undefined) return undefined;
    const r = read(l);
    return r.address === undefined ? undefined : { name: r.name, values: padToA1(r.values, r.origin) };
  };
  const candidates = new Map(loaded.candidates.map((candidate) => [read(candidate).name, candidate]));
  const ledger = findLedger([...candidates.keys()], (name) => a1(candidates.get(name))?.values);
  return { sheetNames, target: read(loaded.target), archive: a1(loaded.archive), policy: a1(loaded.policy), ledger };
}

/** Five times what Excel gives in one get: 100,000 customers of 22 columns are 2.2 million. */
const MAX_READ_CELLS = 25_000_000;

async function readInPages(
  context: Context,
  names: SheetRoles & { sheet: string },
  maxBytes: number,
  onPageRead?: ReadOptions["onPageRead"],
): Promise<ReviewRead> {
  let budget = maxBytes;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const ranges = loadAll(names, (name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("address");
    return { name, range };
  });
  await context.sync();
  const all = [
    ranges.target,
    ...(ranges.archive ? [ranges.archive] : []),
    ...(ranges.policy ? [ranges.policy] : []),
    ...ranges.candidates,
  ];
  const reads = new Map<string, SheetRead & { values: CellValue[][] }>();
  let pending: PageRequest[] = [];
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
  }
  const totalCells = pending.reduce((sum, p) => sum + p.rows * p.columns, 0);
  let cellsRead = 0;
  const sizes = new CellSizes();
  while (pending.length > 0) {
    const { page, rest } = takePages(pending, budget, (sheet) => sizes.of(sheet));
    const loaded = page.map((p) => {
      const range = context.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(p.row, p.column, p.rows, p.columns);
      range.load("values");
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
      const target = reads.get(p.sheet)!.values;
      for (const line of values) target.push(line);
      sizes.record(p.sheet, values, p.columns);
      cellsRead += p.rows * p.columns;
    }
    onPageRead?.(cellsRead, totalCells);
  }
  const byName = (l: { name: string }) => reads.get(l.name)!;
  return assemble(sheetNamesOf(sheets), ranges, byName);
}

// ---- writing --------------------------------------------------------------------------

/** What was read, to check before writing that the sheet has not changed shape since. */
export interface TargetCheck {
  readonly sheet: string;
  readonly address?: string;
  readonly origin: Origin;
  /** 0-based index of the header row in the values read. */
  readonly headerIndex: number;
  readonly header: readonly CellValue[];
}

export type PartRole = "output" | "fills" | "summary" | "archive" | "policy" | "sheet";

/** One piece of the plan, for telling the user what was written where. */
export interface WritePart {
  readonly sheet: string;
  readonly role: PartRole;
  /** 0-based sheet area of the cells; absent for sheet preparation, fills and charts. */
  readonly area?: Area;
  readonly chart?: boolean;
}

export interface WriteOutcome {
  readonly ok: boolean;
  /** Confirmed written (their sync succeeded). */
  readonly written: WritePart[];
  /** In the sync that failed: Excel may have applied some of them. */
  readonly uncertain: WritePart[];
  readonly notWritten: WritePart[];
  readonly problem?: ExcelProblem;
  /** Set when a failure left the workbook part-written: where the "incomplete" mark went and whether it got there. */
  readonly marked?: { readonly sheet: string; readonly ok: boolean };
  readonly syncs: number;
  readonly batches: number;
}

export interface WriteOptions {
  readonly maxBatchBytes?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The part of a plan a writer carries out: the target is absent when only sheets are written (Save policy). */
export type PlanToWrite = Pick<WritePlan, "sheets"> & Partial<Pick<WritePlan, "target" | "outputArea">>;

interface Step extends Packable<Step> {
  readonly part: WritePart;
  run(sheet: (name: string) => Excel.Worksheet, context: Context): void;
}

function roleOf(name: string): PartRole {
  return reviewSheetKind(name) ?? "sheet";
}

/** Number formats per block column first ("@" before the text, so "=HYPERLINK(…)" stays text), then the values. */
function writeBlock(ws: Excel.Worksheet, block: Block, lang: Lang): void {
  const rows = block.values.length;
  block.formats.forEach((format, c) => {
    const column = ws.getRangeByIndexes(block.row, block.column + c, rows, 1);
    // One format for the whole column range: Office.js applies a single value to every cell.
    (column as unknown as { numberFormat: string }).numberFormat = NUMBER_FORMATS[lang][format];
  });
  const range = ws.getRangeByIndexes(block.row, block.column, rows, block.formats.length);
  range.values = cellsForExcel(block.values);
  if (block.bold) range.format.font.bold = true;
}

function blockStep(sheetName: string, role: PartRole, rows: BlockSlice, lang: Lang): Step {
  const pair = (parts: [BlockSlice, BlockSlice] | undefined): [Step, Step] | undefined =>
    parts && [blockStep(sheetName, role, parts[0], lang), blockStep(sheetName, role, parts[1], lang)];
  return {
    bytes: rows.bytes,
    part: { sheet: sheetName, role, area: rows.area },
    run: (sheet) => writeBlock(sheet(sheetName), rows.piece, lang),
    splitTo: (room) => pair(rows.splitTo(room)),
    splitSmallest: () => pair(rows.splitSmallest()),
  };
}

function blockSteps(sheetName: string, role: PartRole, blocks: readonly Block[], lang: Lang): Step[] {
  return blocks.map((block) => blockStep(sheetName, role, BlockSlice.of(block), lang));
}

function rangeOf(ws: Excel.Worksheet, area: Area): Excel.Range {
  return ws.getRangeByIndexes(area.row, area.column, area.rows, area.columns);
}

function addFill(ws: Excel.Worksheet, fill: ConditionalFill): void {
  const format = rangeOf(ws, fill.area).conditionalFormats.add(Excel.ConditionalFormatType.custom);
  format.custom.rule.formula = fillFormula(fill);
  format.custom.format.fill.color = fill.color;
}

function addChart(ws: Excel.Worksheet, plan: ChartPlan): void {
  const chart = ws.charts.add(Excel.ChartType.columnClustered, rangeOf(ws, plan.values), Excel.ChartSeriesBy.columns);
  chart.title.text = plan.title;
  chart.legend.visible = false;
  const series = chart.series.getItemAt(0);
  series.name = plan.seriesName;
  series.setXAxisValues(rangeOf(ws, plan.categories));
  chart.setPosition(rangeOf(ws, { row: plan.anchor.row, column: plan.anchor.column, rows: 1, columns: 1 }));
}

/** `position`: where the sheet is now, or undefined when the workbook has no such sheet yet. */
function sheetSteps(plan: SheetPlan, position: number | undefined, lang: Lang): Step[] {
  const role = roleOf(plan.name);
  const name = plan.name;
  const steps: Step[] = [];
  steps.push({
    bytes: OP_OVERHEAD_BYTES * 2,
    part: { sheet: name, role },
    run: (sheet, context) => {
      const sheets = context.workbook.worksheets;
      if (position === undefined) {
        sheets.add(name);
      } else if (plan.mode === "replace") {
        if (plan.chart) {
          // A replaced sheet with a chart: delete and add (the old chart goes too), back in its place.
          sheets.getItem(name).delete();
          sheets.add(name).position = position;
        } else {
          // Clearing keeps the sheet (and formulas elsewhere that point at it).
          sheet(name).getRange().clear(Excel.ClearApplyTo.all);
        }
      }
    },
  });
  steps.push(...blockSteps(name, role, plan.blocks, lang));
  if (plan.columnWidths?.length) {
    const widths = plan.columnWidths;
    steps.push({
      bytes: OP_OVERHEAD_BYTES * widths.length,
      part: { sheet: name, role },
      run: (sheet) =>
        widths.forEach((w, i) => (sheet(name).getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnWidthPoints(w))),
    });
  }
  if (plan.chart) {
    const chart = plan.chart;
    steps.push({
      bytes: OP_OVERHEAD_BYTES * 8,
      part: { sheet: name, role, chart: true },
      run: (sheet) => addChart(sheet(name), chart),
    });
  }
  return steps;
}

function targetSteps(plan: PlanToWrite, lang: Lang): Step[] {
  if (!plan.target) return [];
  const target = plan.target;
  const allowed = plan.outputArea ?? [];
  // Never outside the output columns on the user's sheet: checked before anything is sent.
  for (const block of target.blocks)
    if (!insideAreas(blockArea(block), allowed)) throw new ExcelProblem("outsideOutput", target.sheet, a1(blockArea(block)));
  // A fill reaching past the output area (the engine gives a header-only sheet a one-row
  // data area below it) is left out rather than written over the user's cells.
  const fills = target.fills.filter((fill) => insideAreas(fill.area, allowed));
  const clearOn = target.clearFillsOn.filter((area) => insideAreas(area, allowed));
  const steps = blockSteps(target.sheet, "output", target.blocks, lang);
  steps.push({
    bytes: OP_OVERHEAD_BYTES * (clearOn.length + fills.length * 3),
    part: { sheet: target.sheet, role: "fills" },
    run: (sheet) => {
      const ws = sheet(target.sheet);
      for (const area of clearOn) rangeOf(ws, area).conditionalFormats.clearAll();
      for (const fill of fills) addFill(ws, fill);
    },
  });
  return steps;
}

function summaryNameOf(plan: PlanToWrite): string | undefined {
  return plan.sheets.find((s) => roleOf(s.name) === "summary")?.name;
}

/** Below this a request refused for its size is not split again: a single row that large can't be written. */
const MIN_BATCH_BYTES = 16_000;

/**
 * Carries out a plan: one sync to check the target sheet still has the shape that was read
 * (and which of our sheets exist), then the work packed into syncs under the payload limit,
 * calculation suspended in each. Never syncs per row. Throws nothing: a failure comes back
 * in the outcome, with what was and was not written.
 */
export async function writePlanWith(
  context: Context,
  plan: PlanToWrite,
  lang: Lang,
  check: TargetCheck | undefined,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  const maxBytes = options.maxBatchBytes ?? MAX_BATCH_BYTES;
  let syncs = 0;
  const none = (problem: ExcelProblem): WriteOutcome => ({
    ok: false,
    written: [],
    uncertain: [],
    notWritten: [],
    problem,
    syncs,
    batches: 0,
  });

  let target: Step[];
  try {
    target = targetSteps(plan, lang);
  } catch (error) {
    return none(classifyError(error, plan.target?.sheet));
  }

  // Sync 1: the check. Nothing is written in it.
  const sheets = context.workbook.worksheets;
  // Every sheet the plan touches is checked for protection here, before anything is written:
  // a protected archive found mid-write would leave the customer sheet half done.
  sheets.load("items/name,items/position,items/protection/protected");
  let used: Excel.Range | undefined;
  let header: Excel.Range | undefined;
  let targetSheet: Excel.Worksheet | undefined;
  if (check) {
    targetSheet = sheets.getItem(check.sheet);
    targetSheet.load("protection/protected");
    used = targetSheet.getUsedRangeOrNullObject(true);
    used.load("address");
    if (check.header.length > 0) {
      header = targetSheet.getRangeByIndexes(check.origin.row + check.headerIndex, check.origin.column, 1, check.header.length);
      header.load("values");
    }
  }
  try {
    syncs++;
    await context.sync();
  } catch (error) {
    return none(classifyError(error, check?.sheet));
  }
  if (check) {
    const address = used!.isNullObject ? undefined : used!.address;
    const headerNow = header ? (header.values[0] as CellValue[]) : [];
    if (address !== check.address || !sameRow(headerNow, check.header))
      return none(new ExcelProblem("shapeChanged", check.sheet));
    if (targetSheet!.protection.protected) return none(new ExcelProblem("protected", check.sheet));
  }

  const protectedSheet = sheets.items.find(
    (s) => s.protection.protected && plan.sheets.some((p) => p.name.toLowerCase() === s.name.toLowerCase()),
  );
  if (protectedSheet) return none(new ExcelProblem("protected", protectedSheet.name));

  const positions = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.position]));
  const steps = [...target, ...plan.sheets.flatMap((s) => sheetSteps(s, positions.get(s.name.toLowerCase()), lang))];
  let batches = packBatches(steps, maxBytes);
  const written: WritePart[] = [];
  for (let b = 0; b < batches.length; b++) {
    const cache = new Map<string, Excel.Worksheet>();
    const sheet = (name: string) => {
      let ws = cache.get(name);
      if (!ws) cache.set(name, (ws = context.workbook.worksheets.getItem(name)));
      return ws;
    };
    try {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const step of batches[b]) step.run(sheet, context);
      syncs++;
      // One sync per batch of several MB, never per row: the loop is what keeps each request under the limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const failedSheet = batches[b][0]?.part.sheet;
      const problem = classifyError(error, failedSheet);
      const smaller = Math.floor(batches[b].reduce((sum, step) => sum + step.bytes, 0) / 2);
      if (problem.code === "tooLarge" && smaller >= MIN_BATCH_BYTES) {
        // Excel on the web refuses an oversized request before running any of it, so the same
        // work can go again in smaller syncs (our estimate missed its wire size).
        batches = [...batches.slice(0, b), ...packBatches(batches.slice(b).flat(), smaller)];
        b--;
        continue;
      }
      // A request refused for its size ran none of it; any other failure may have run some of it.
      const refused = problem.code === "tooLarge";
      const failed = batches[b].map((s) => s.part);
      const outcome: WriteOutcome = {
        ok: false,
        written,
        uncertain: refused ? [] : failed,
        notWritten: [...(refused ? failed : []), ...batches.slice(b + 1).flatMap((batch) => batch.map((s) => s.part))],
        problem,
        syncs,
        batches: batches.length,
      };
      return outcome;
    }
    written.push(...batches[b].map((s) => s.part));
    options.onProgress?.(b + 1, batches.length);
  }
  return { ok: true, written, uncertain: [], notWritten: [], syncs, batches: batches.length };
}

/**
 * After a failed write: "Incomplete — re-run the review" in A1 of the summary sheet (added
 * if it is not there), best effort, in a fresh request. Returns whether it got there.
 */
export async function markIncompleteWith(context: Context, summarySheet: string, lang: Lang): Promise<boolean> {
  try {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(summarySheet);
    await context.sync();
    const ws = existing.isNullObject ? sheets.add(summarySheet) : existing;
    const cell = ws.getRangeByIndexes(0, 0, 1, 1);
    cell.numberFormat = [[NUMBER_FORMATS[lang].text]];
    cell.values = [[message(lang, "ui.write.incompleteMark")]];
    cell.format.font.bold = true;
    cell.format.fill.color = COLORS.issue;
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/** Selects a customer's row on its sheet (and shows the sheet). */
export async function selectRowWith(context: Context, sheet: string, area: Area): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  rangeOf(ws, area).select();
  await context.sync();
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

/** Writes a plan; on a part-written failure marks the summary sheet incomplete in a second request. */
export async function writePlan(
  plan: PlanToWrite,
  lang: Lang,
  check: TargetCheck | undefined,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  let outcome: WriteOutcome;
  try {
    outcome = await Excel.run((context) => writePlanWith(context, plan, lang, check, options));
  } catch (error) {
    return {
      ok: false,
      written: [],
      uncertain: [],
      notWritten: [],
      problem: classifyError(error, check?.sheet),
      syncs: 0,
      batches: 0,
    };
  }
  return finishOutcome(outcome, plan, lang, (name) => Excel.run((context) => markIncompleteWith(context, name, lang)));
}

/** Adds the incomplete mark to a failed outcome when something may have been written. */
export async function finishOutcome(
  outcome: WriteOutcome,
  plan: PlanToWrite,
  lang: Lang,
  mark: (summarySheet: string) => Promise<boolean>,
): Promise<WriteOutcome> {
  if (outcome.ok || outcome.written.length + outcome.uncertain.length === 0) return outcome;
  const name = summaryNameOf(plan) ?? plan.sheets[0]?.name;
  if (!name) return outcome;
  const ok = await mark(name).catch(() => false);
  return { ...outcome, marked: { sheet: name, ok } };
}

export function selectRow(sheet: string, area: Area): Promise<void> {
  return Excel.run((context) => selectRowWith(context, sheet, area));
}

// ---- workbook settings, language, start-up ----------------------------------------------

export const MAPPING_SETTING = "credit.columnMapping";

/** The user's header → field mapping remembered in this workbook (unknown fields dropped). */
export function loadMapping(): Record<string, InputField> {
  const raw: unknown = Office.context?.document?.settings?.get(MAPPING_SETTING);
  const mapping: Record<string, InputField> = {};
  if (raw && typeof raw === "object") {
    for (const [header, field] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof field === "string" && (INPUT_FIELDS as readonly string[]).includes(field)) mapping[header] = field as InputField;
    }
  }
  return mapping;
}

export function saveMapping(mapping: Readonly<Record<string, InputField>>): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(MAPPING_SETTING, { ...mapping });
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new Error(result.error?.message ?? "settings.saveAsync failed"));
    });
  });
}

export function displayLanguage(): string | undefined {
  return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
}

export function onOfficeReady(start: () => void): void {
  void Office.onReady(() => start());
}

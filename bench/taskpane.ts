/**
 * Benchmark part 4: the task pane's Excel module (src/taskpane/excel) against an
 * office-addin-mock fake (test/support/fake-excel.ts, shared with the unit tests), and a naive row-by-row reader and writer
 * of the same data, the way a first-time add-in author would write them. Excel's round
 * trip is simulated, not slept: simulated wall time = measured JS time + syncs × 50 ms.
 */
import { parseAddress } from "../src/engine/a1";
import { CellValue, serialFromYMD } from "../src/engine/cells";
import { Lang } from "../src/engine/i18n";
import { DEFAULT_POLICY } from "../src/engine/policy";
import { numberFormat } from "../src/engine/review/formats";
import { detectLedger } from "../src/engine/review/ledger";
import { runReview } from "../src/engine/review/review";
import { Block, buildWritePlan, WritePlan } from "../src/engine/review/write-plan";
import {
  cellsForExcel,
  fillFormula,
  insideAreas,
  padToA1,
  MAX_BATCH_BYTES,
  PAYLOAD_LIMIT_BYTES,
  ReviewRead,
  readForReviewWith,
  TargetCheck,
  writePlanWith,
} from "../src/taskpane/excel";
import { planOptionsOf, reviewInputOf } from "../src/taskpane/model";
import { ownSheetsByName, reviewSheetKind } from "../src/engine/review/sheets";
import { portfolio } from "./data";
import { FakeExcel, SyncRecord } from "../test/support/fake-excel";
import { median, nowMs } from "./measure";

/** A typical Excel on the web round trip per context.sync. */
export const LATENCY_MS = 50;

type Context = Excel.RequestContext;

/** Installs the Excel enums writePlanWith uses (the module only reads them at call time). */
function installExcelGlobals(): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
    ClearApplyTo: { all: "All" },
  };
}

// ---- the naive versions ---------------------------------------------------------------------

/**
 * The same read as readForReviewWith, row by row: list the sheets, then for each sheet to
 * read its used range's address, then each row's values loaded and synced on its own.
 */
export async function naiveReadForReview(context: Context, sheet: string, knownSheets: readonly string[]): Promise<ReviewRead> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const readSheet = async (name: string) => {
    const ws = sheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address");
    await context.sync();
    if (used.isNullObject) return { name, origin: { row: 0, column: 0 }, values: [] as CellValue[][] };
    const area = parseAddress(used.address);
    const values: CellValue[][] = [];
    for (let r = 0; r < area.rows; r++) {
      const line = ws.getRangeByIndexes(area.row + r, area.column, 1, area.columns);
      line.load("values");
      // The naive pattern on purpose: one round trip per row.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      values.push(line.values[0] as CellValue[]);
    }
    return { name, address: used.address, origin: { row: area.row, column: area.column }, values };
  };
  const target = await readSheet(sheet);
  let ledger: ReviewRead["ledger"];
  for (const name of knownSheets.filter((n) => n !== sheet && reviewSheetKind(n) === undefined)) {
    const read = await readSheet(name);
    const values = padToA1(read.values, read.origin);
    if (detectLedger(values)) {
      ledger = { sheetName: name, values };
      break;
    }
  }
  return { sheetNames: sheets.items.map((s) => s.name), ownSheets: ownSheetsByName(knownSheets), target, ledger };
}

/**
 * The same write as writePlanWith, row by row: each output row's number formats and
 * values set and synced on its own, then each sheet of ours the same way; column widths,
 * chart and conditional fills one sync each. No shape check, no batching.
 */
export async function naiveWritePlan(context: Context, plan: WritePlan, lang: Lang): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const writeRows = async (ws: Excel.Worksheet, blocks: readonly Block[]) => {
    for (const block of blocks) {
      const formats = [block.formats.map((f) => numberFormat(f, lang))];
      for (let r = 0; r < block.values.length; r++) {
        const line = ws.getRangeByIndexes(block.row + r, block.column, 1, block.formats.length);
        line.numberFormat = formats;
        line.values = cellsForExcel([block.values[r]]);
        if (block.bold) line.format.font.bold = true;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
    }
  };
  const target = sheets.getItem(plan.target.sheet);
  await writeRows(target, plan.target.blocks);
  for (const area of plan.outputArea)
    target.getRangeByIndexes(area.row, area.column, area.rows, area.columns).conditionalFormats.clearAll();
  for (const fill of plan.target.fills.filter((f) => insideAreas(f.area, plan.outputArea))) {
    const format = target
      .getRangeByIndexes(fill.area.row, fill.area.column, fill.area.rows, fill.area.columns)
      .conditionalFormats.add(Excel.ConditionalFormatType.custom);
    format.custom.rule.formula = fillFormula(fill);
    format.custom.format.fill.color = fill.color;
  }
  await context.sync();
  for (const sheetPlan of plan.sheets) {
    const ws = existing.has(sheetPlan.name.toLowerCase()) ? sheets.getItem(sheetPlan.name) : sheets.add(sheetPlan.name);
    if (existing.has(sheetPlan.name.toLowerCase()) && sheetPlan.mode === "replace") ws.getRange().clear(Excel.ClearApplyTo.all);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    await writeRows(ws, sheetPlan.blocks);
    if (sheetPlan.columnWidths?.length) {
      sheetPlan.columnWidths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = (w * 7 + 5) * 0.75));
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    for (const c of sheetPlan.charts ?? []) {
      const range = (a: { row: number; column: number; rows: number; columns: number }) =>
        ws.getRangeByIndexes(a.row, a.column, a.rows, a.columns);
      const chart = ws.charts.add(Excel.ChartType.columnClustered, range(c.values), Excel.ChartSeriesBy.columns);
      chart.title.text = c.title;
      chart.legend.visible = false;
      const series = chart.series.getItemAt(0);
      series.name = c.seriesName;
      series.setXAxisValues(range(c.categories));
      chart.setPosition(range({ ...c.place, rows: 1, columns: 1 }));
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
  }
}

// ---- the driver ------------------------------------------------------------------------------

export interface SideResult {
  readonly syncs: number;
  /** Request + response JSON of the largest single sync. */
  readonly largestSyncBytes: number;
  /** Request + response JSON of all its syncs. */
  readonly totalBytes: number;
  /** Median measured JS time of the call against the fake (the fake's bookkeeping included). */
  readonly computeMs: number;
  /** computeMs + syncs × LATENCY_MS. */
  readonly simulatedMs: number;
  /** True when scaled linearly from `measuredAt` rows instead of run at this size. */
  readonly extrapolated: boolean;
  readonly measuredAt: number;
}

export interface TaskpaneSize {
  readonly n: number;
  readonly invoices: number;
  readonly ours: { readonly read: SideResult; readonly write: SideResult & { readonly batches: number } };
  readonly naive: { readonly read: SideResult; readonly write: SideResult };
  /** The naive read returned the same values; the naive write left the same cells and formats (where run). */
  readonly readAgrees: boolean | null;
  readonly writeAgrees: boolean | null;
  /** 1 + ⌈total write request bytes / 5 MB⌉. */
  readonly writeSyncLimit: number;
  readonly writeSyncsWithinLimit: boolean;
  /** The same read and write against a fake that refuses what Excel on the web refuses (over 5 MB). */
  readonly web: WebSide;
}

export interface WebSide {
  readonly readSyncs: number;
  /** Refused syncs among them (the one-sync attempt, pages guessed too large). */
  readonly readRefused: number;
  readonly readLargestResponseBytes: number;
  /** What the one-sync read would have returned: pages can't do with fewer than ⌈this / 5 MB⌉ responses. */
  readonly readBytes: number;
  /** 2 (the refused attempt, the addresses) + ⌈readBytes / 5 MB⌉, or 1 when one response is enough. */
  readonly readSyncFloor: number;
  /** The floor plus one page: a sheet's first page is read before its cells' size is known. */
  readonly readSyncLimit: number;
  readonly writeSyncs: number;
  readonly writeRefused: number;
  readonly writeLargestRequestBytes: number;
  /** Same values read, same workbook written as without the limit. */
  readonly agrees: boolean;
}

export interface TaskpaneResult {
  readonly measured: true;
  readonly latencyMsPerSync: number;
  readonly naiveCap: number;
  readonly sizes: TaskpaneSize[];
  readonly readSyncsConstant: boolean;
  readonly writeSyncsWithinLimit: boolean;
  readonly payloadLimitBytes: number;
}

const AS_OF = serialFromYMD(2026, 11, 30);
const LANG: Lang = "en";

function workbook(customers: CellValue[][], ledger: CellValue[][]): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("Customers", customers);
  fake.addSheet("Invoices", ledger);
  fake.addSheet("Notes", [["Just some notes"]]);
  return fake;
}

function traffic(records: readonly SyncRecord[]) {
  let largest = 0;
  let total = 0;
  let requestTotal = 0;
  for (const s of records) {
    const size = s.bytes + s.responseBytes;
    largest = Math.max(largest, size);
    total += size;
    requestTotal += s.bytes;
  }
  return { syncs: records.length, largestSyncBytes: largest, totalBytes: total, requestTotal };
}

/** Runs `call` on a fresh workbook `runs` times; the syncs and bytes of the last run, the median time. */
async function timed<T>(
  make: () => FakeExcel,
  call: (fake: FakeExcel) => Promise<T>,
  warmup: number,
  runs: number,
): Promise<{ value: T; fake: FakeExcel; ms: number; traffic: ReturnType<typeof traffic> }> {
  for (let i = 0; i < warmup; i++) await call(make());
  const times: number[] = [];
  let last: { value: T; fake: FakeExcel; traffic: ReturnType<typeof traffic> } | undefined;
  for (let i = 0; i < runs; i++) {
    const fake = make();
    const start = nowMs();
    const value = await call(fake);
    times.push(nowMs() - start);
    last = { value, fake, traffic: traffic(fake.syncs) };
  }
  return { ...last!, ms: median(times) };
}

type Measured = { readonly ms: number; readonly traffic: ReturnType<typeof traffic> };

function side(t: Measured, n: number, scale = 1): SideResult {
  const syncs = Math.round(t.traffic.syncs * scale);
  const computeMs = t.ms * scale;
  return {
    syncs,
    largestSyncBytes: t.traffic.largestSyncBytes,
    totalBytes: Math.round(t.traffic.totalBytes * scale),
    computeMs: Number(computeMs.toPrecision(3)),
    simulatedMs: Math.round(computeMs + syncs * LATENCY_MS),
    extrapolated: scale !== 1,
    measuredAt: Math.round(n / scale),
  };
}

function sameSheets(a: FakeExcel, b: FakeExcel): boolean {
  const key = (fake: FakeExcel) =>
    JSON.stringify(
      fake.sheets.map((s) => [
        s.name,
        s.cells.map((line) => line?.map((v) => (v === "" ? null : v))),
        s.formats,
        [...s.bold].sort(),
        s.conditional.map((f) => [f.area, f.formula, f.color]),
        s.charts.length,
      ]),
    );
  return key(a) === key(b);
}

export async function benchTaskpane(
  sizes: readonly number[],
  naiveCap: number,
  runsFor: (n: number) => { warmup: number; repeats: number },
  progress: (text: string) => void,
): Promise<TaskpaneResult> {
  installExcelGlobals();
  const results: TaskpaneSize[] = [];
  let naiveBase: { n: number; read: Measured; write: Measured } | undefined;
  for (const n of sizes) {
    progress(`task pane n=${n}`);
    const { customers, ledger, invoices } = portfolio(n, AS_OF);
    const make = () => workbook(customers, ledger);
    const names = ["Customers", "Invoices", "Notes"];
    // Large sizes: one timed run, no warm-up (each run builds a fresh workbook of n rows).
    const runs = runsFor(n);
    const warmup = n > 10_000 ? 0 : Math.min(runs.warmup, 1);
    const repeats = n > 10_000 ? 1 : Math.min(runs.repeats, 3);
    const read = await timed(make, (fake) => readForReviewWith(fake.context, "Customers", names), warmup, repeats);
    const r = read.value;
    const result = runReview(reviewInputOf(r, DEFAULT_POLICY, AS_OF), LANG);
    if (result.customers.length !== n)
      throw new Error(`task pane review saw ${result.customers.length} customers, expected ${n}`);
    const plan = buildWritePlan(result, LANG, planOptionsOf(r));
    const headerIndex = result.layout.headerRow;
    const check: TargetCheck = {
      sheet: r.target.name,
      address: r.target.address,
      origin: r.target.origin,
      headerIndex,
      header: r.target.values[headerIndex] ?? [],
    };
    const write = await timed(make, (fake) => writePlanWith(fake.context, plan, LANG, check), warmup, repeats);
    if (!write.value.ok) throw new Error(`writePlanWith failed at n=${n}: ${write.value.problem?.message}`);
    if (write.value.syncs !== write.traffic.syncs)
      throw new Error(`writePlanWith counted ${write.value.syncs} syncs, the fake ${write.traffic.syncs}`);

    const web = await webSide(make, names, plan, check, read.fake.syncs[0].responseBytes, r, write.fake);

    let readAgrees: boolean | null = null;
    let writeAgrees: boolean | null = null;
    if (n <= naiveCap) {
      progress(`task pane n=${n}: naive row-by-row read and write`);
      const naiveRead = await timed(make, (fake) => naiveReadForReview(fake.context, "Customers", names), 0, 1);
      const naiveWrite = await timed(make, (fake) => naiveWritePlan(fake.context, plan, LANG), 0, 1);
      const nr = naiveRead.value;
      readAgrees =
        JSON.stringify([nr.target.values, nr.target.address, nr.ledger]) ===
        JSON.stringify([r.target.values, r.target.address, r.ledger]);
      writeAgrees = sameSheets(write.fake, naiveWrite.fake);
      naiveBase = {
        n,
        read: { ms: naiveRead.ms, traffic: naiveRead.traffic },
        write: { ms: naiveWrite.ms, traffic: naiveWrite.traffic },
      };
    }
    if (!naiveBase) throw new Error("the naive version runs at the smallest size first");
    const scale = n / naiveBase.n;
    // Each sync is packed to MAX_BATCH_BYTES, 4 % under the web's limit: the fewest syncs that payload can take at that fill.
    const limit = 1 + Math.ceil(write.traffic.requestTotal / MAX_BATCH_BYTES);
    results.push({
      n,
      invoices,
      ours: { read: side(read, n), write: { ...side(write, n), batches: write.value.batches } },
      naive: { read: side(naiveBase.read, n, scale), write: side(naiveBase.write, n, scale) },
      readAgrees,
      writeAgrees,
      writeSyncLimit: limit,
      writeSyncsWithinLimit: write.traffic.syncs <= limit && web.writeSyncs <= limit,
      web,
    });
  }
  return {
    measured: true,
    latencyMsPerSync: LATENCY_MS,
    naiveCap,
    sizes: results,
    readSyncsConstant: results.every((s) => s.ours.read.syncs === results[0].ours.read.syncs),
    writeSyncsWithinLimit: results.every((s) => s.writeSyncsWithinLimit),
    payloadLimitBytes: PAYLOAD_LIMIT_BYTES,
  };
}

/** One read and one write on a workbook that refuses, like Excel on the web, any request or response over 5 MB. */
async function webSide(
  make: () => FakeExcel,
  names: readonly string[],
  plan: WritePlan,
  check: TargetCheck,
  readBytes: number,
  desktopRead: ReviewRead,
  desktopWritten: FakeExcel,
): Promise<WebSide> {
  const limited = () => {
    const fake = make();
    fake.requestLimit = PAYLOAD_LIMIT_BYTES;
    fake.responseLimit = PAYLOAD_LIMIT_BYTES;
    return fake;
  };
  const readFake = limited();
  const read = await readForReviewWith(readFake.context, "Customers", names);
  const writeFake = limited();
  const outcome = await writePlanWith(writeFake.context, plan, LANG, check);
  if (!outcome.ok) throw new Error(`writePlanWith failed under the 5 MB limit: ${outcome.problem?.message}`);
  const ok = (fake: FakeExcel) => fake.syncs.filter((s) => s.ok);
  const readSyncFloor = readBytes <= PAYLOAD_LIMIT_BYTES ? 1 : 2 + Math.ceil(readBytes / PAYLOAD_LIMIT_BYTES);
  return {
    readSyncs: readFake.syncs.length,
    readRefused: readFake.syncs.length - ok(readFake).length,
    readLargestResponseBytes: Math.max(...ok(readFake).map((s) => s.responseBytes)),
    readBytes,
    readSyncFloor,
    readSyncLimit: readSyncFloor > 1 ? readSyncFloor + 1 : 1,
    writeSyncs: writeFake.syncs.length,
    writeRefused: writeFake.syncs.length - ok(writeFake).length,
    writeLargestRequestBytes: Math.max(...ok(writeFake).map((s) => s.bytes)),
    agrees: JSON.stringify(read) === JSON.stringify(desktopRead) && sameSheets(writeFake, desktopWritten),
  };
}

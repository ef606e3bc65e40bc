/// <reference types="custom-functions-runtime" />
/**
 * Performance benchmarks: CREDIT.AGING and CREDIT.SCORE through the function adapter
 * against a bare loop and HyperFormula, the review engine on generated portfolios, the
 * task pane's Excel module against a naive row-by-row version (sync counts and simulated
 * latency, bench/taskpane.ts), and the bundle sizes. Every figure is the median of repeated runs after warm-up, all in
 * one process. Results and method: BENCHMARKS.md.
 *
 *   npm run bench              table on stdout (progress on stderr)
 *   npm run bench -- --json    one JSON object on stdout
 *   npm run bench -- --quick   tiny sizes, few repeats (the unit test uses this)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as zlib from "node:zlib";
import { HyperFormula } from "hyperformula";
import { serialFromYMD } from "../src/engine/cells";
import { DEFAULT_POLICY, normaliseWeights } from "../src/engine/policy";
import { runReview } from "../src/engine/review/review";
import { buildWritePlan } from "../src/engine/review/write-plan";
import { agingColumns, factorRange, portfolio } from "./data";
import { consume, fullGc, gcSource, hasGc, heapUsed, measure, nowMs } from "./measure";
import { benchTaskpane, LATENCY_MS, TaskpaneResult } from "./taskpane";
import { benchFirstRender, FirstRenderResult } from "./first-render";
import { benchCli, CliSize } from "./cli";

// ---- CustomFunctions stub (what Office's runtime provides), installed before the library runs.
class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: StubError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CREDIT_FUNCTIONS } = require("../src/functions/library") as typeof import("../src/functions/library");

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const JSON_OUT = args.has("--json");
const ROOT = path.resolve(__dirname, "../..");
const AS_OF = serialFromYMD(2026, 11, 30);
/** GPL licence key; rows raised from HyperFormula's default 40,000 to Excel's 1,048,576. */
const HF_CONFIG = { licenseKey: "gpl-v3", maxRows: 1_048_576 };
/** Largest HyperFormula run we attempt: the brief allows about 30 s per measurement. */
const HF_BUDGET_MS = QUICK ? 5_000 : 30_000;

const SIZES = QUICK
  ? {
      aging: [1_000, 10_000],
      agingHf: [1_000, 10_000],
      score: [1_000],
      scoreHf: [1_000],
      review: [100, 1_000],
      taskpane: [100, 1_000],
      cli: [200, 1_000],
    }
  : {
      aging: [10_000, 100_000, 1_048_576],
      agingHf: [10_000, 100_000, 1_048_576],
      score: [10_000, 100_000, 1_000_000],
      scoreHf: [10_000, 100_000],
      review: [1_000, 10_000, 100_000],
      taskpane: [1_000, 10_000, 100_000],
      cli: [10_000, 100_000],
    };

/** Warm-up and timed runs by problem size: small inputs get more runs. */
function runsFor(n: number): { warmup: number; repeats: number } {
  if (QUICK) return { warmup: 1, repeats: 3 };
  if (n <= 10_000) return { warmup: 5, repeats: 15 };
  if (n <= 100_000) return { warmup: 3, repeats: 9 };
  return { warmup: 2, repeats: 7 };
}

function progress(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

const round = (x: number, digits = 3) => Number(x.toPrecision(digits));
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

// ---------------------------------------------------------------------------------------
// 1. CREDIT.AGING
// ---------------------------------------------------------------------------------------

const EDGES = DEFAULT_POLICY.agingEdges;

/** The floor: the same five bucket totals in a bare loop over the same arrays. */
function agingFloor(amounts: unknown[][], dueDates: unknown[][], asOf: number): number[] {
  let current = 0,
    b1 = 0,
    b2 = 0,
    b3 = 0,
    over = 0;
  const [e1, e2, e3] = EDGES;
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i][0];
    if (typeof amount !== "number" || amount === 0) continue;
    const age = asOf - (dueDates[i][0] as number);
    if (age <= 0) current += amount;
    else if (age <= e1) b1 += amount;
    else if (age <= e2) b2 += amount;
    else if (age <= e3) b3 += amount;
    else over += amount;
  }
  return [current, b1, b2, b3, over].map((v) => Math.round(v * 100) / 100);
}

/** The sheet a spreadsheet user would build: amounts in A, due dates in B, as-of in C1, one SUMIFS per bucket in D1:D5. */
function agingSheet(amounts: unknown[][], dueDates: unknown[][], asOf: number): unknown[][] {
  const n = amounts.length;
  const a = `A1:A${n}`;
  const b = `B1:B${n}`;
  const formulas = [
    `=SUMIFS(${a},${b},">="&C1)`,
    `=SUMIFS(${a},${b},"<"&C1,${b},">="&(C1-${EDGES[0]}))`,
    `=SUMIFS(${a},${b},"<"&(C1-${EDGES[0]}),${b},">="&(C1-${EDGES[1]}))`,
    `=SUMIFS(${a},${b},"<"&(C1-${EDGES[1]}),${b},">="&(C1-${EDGES[2]}))`,
    `=SUMIFS(${a},${b},"<"&(C1-${EDGES[2]}))`,
  ];
  const rows: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++)
    rows[i] = [amounts[i][0], dueDates[i][0], i === 0 ? asOf : null, i < formulas.length ? formulas[i] : null];
  return rows;
}

function readHfBuckets(hf: HyperFormula): number[] {
  const out: number[] = [];
  for (let r = 0; r < 5; r++) out.push(Math.round((hf.getCellValue({ sheet: 0, row: r, col: 3 }) as number) * 100) / 100);
  return out;
}

interface HfAgingResult {
  readonly n: number;
  readonly measured: boolean;
  readonly reason?: string;
  /** buildFromArray with the data and the five formulas: parse, graph, first evaluation. */
  readonly buildMs?: number;
  /** Recalculation after the as-of cell changes: the five SUMIFS evaluated again. */
  readonly recalcMs?: number;
  readonly heapMB?: number;
  readonly agrees?: boolean;
  /** When not measured: the recalculation time extrapolated linearly from the largest measured size. */
  readonly projectedRecalcMs?: number;
}

function benchAgingHf(
  n: number,
  amounts: unknown[][],
  dueDates: unknown[][],
  expected: number[],
  previous?: HfAgingResult,
): HfAgingResult {
  if (previous?.buildMs !== undefined) {
    const scale = n / previous.n;
    const projected = (previous.buildMs + 5 * (previous.recalcMs ?? 0)) * scale;
    const projectedRecalcMs = round((previous.recalcMs ?? 0) * scale);
    const heapNeeded = (previous.heapMB ?? 0) * scale * 1e6;
    const heapFree = v8.getHeapStatistics().heap_size_limit - heapUsed();
    const memory = `~${Math.round(heapNeeded / 1e6)} MB of heap projected, ${Math.round(heapFree / 1e6)} MB free`;
    if (projected > HF_BUDGET_MS) {
      return {
        n,
        measured: false,
        projectedRecalcMs,
        reason: `build + 1 warm-up + 3 recalcs projected at ${Math.round(projected / 1000)} s from ${previous.n} rows (over the ${HF_BUDGET_MS / 1000} s budget); ${memory}`,
      };
    }
    if (heapNeeded * 1.5 > heapFree) return { n, measured: false, projectedRecalcMs, reason: memory };
  }
  const sheet = agingSheet(amounts, dueDates, AS_OF);
  const big = n > 200_000;
  fullGc();
  const before = heapUsed();
  // Building is done `repeats` times except for the full column, where one build is the budget.
  const builds = big || QUICK ? 1 : 3;
  const buildTimes: number[] = [];
  let hf: HyperFormula | undefined;
  let heapMB = 0;
  for (let i = 0; i < builds; i++) {
    hf?.destroy();
    hf = undefined;
    fullGc();
    const start = nowMs();
    hf = HyperFormula.buildFromArray(sheet as never, HF_CONFIG);
    buildTimes.push(nowMs() - start);
    heapMB = Math.max(heapMB, (heapUsed() - before) / 1e6);
  }
  const engine = hf!;
  const agrees = readHfBuckets(engine).every((v, i) => Math.abs(v - expected[i]) < 0.011);
  const { warmup, repeats } = big ? { warmup: 1, repeats: 3 } : runsFor(n);
  const recalc = measure(
    (run) => engine.setCellContents({ sheet: 0, row: 0, col: 2 }, [[AS_OF + 1 + (run < 0 ? 100 - run : run)]]),
    warmup,
    repeats,
  );
  engine.destroy();
  fullGc();
  buildTimes.sort((x, y) => x - y);
  return {
    n,
    measured: true,
    buildMs: round(buildTimes[buildTimes.length >> 1]),
    recalcMs: round(recalc.medianMs),
    heapMB: round(heapMB),
    agrees,
  };
}

function benchAging() {
  const results = [];
  let previousHf: HfAgingResult | undefined;
  for (const n of SIZES.aging) {
    progress(`AGING n=${n}`);
    const { amounts, dueDates, blanks } = agingColumns(n, AS_OF);
    const { warmup, repeats } = runsFor(n);
    const adapterOut = CREDIT_FUNCTIONS.AGING(amounts, dueDates, AS_OF);
    if (!Array.isArray(adapterOut)) throw new Error(`AGING returned an error: ${JSON.stringify(adapterOut)}`);
    const fromAdapter = adapterOut[0];
    const fromFloor = agingFloor(amounts, dueDates, AS_OF);
    const adapter = measure(() => CREDIT_FUNCTIONS.AGING(amounts, dueDates, AS_OF), warmup, repeats);
    const floor = measure(() => agingFloor(amounts, dueDates, AS_OF), warmup, repeats);
    let hf: HfAgingResult = { n, measured: false, reason: "not in this run's sizes" };
    if (SIZES.agingHf.includes(n)) {
      progress(`AGING n=${n}: HyperFormula SUMIFS`);
      try {
        hf = benchAgingHf(n, amounts, dueDates, fromAdapter, previousHf);
      } catch (error) {
        hf = { n, measured: false, reason: `HyperFormula failed: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (hf.measured) previousHf = hf;
    }
    results.push({
      n,
      blanks,
      adapterMs: round(adapter.medianMs),
      floorMs: round(floor.medianMs),
      adapterInvoicesPerSec: perSecond(n, adapter.medianMs),
      floorInvoicesPerSec: perSecond(n, floor.medianMs),
      adapterOverFloor: round(adapter.medianMs / floor.medianMs),
      agreesWithFloor: fromAdapter.every((v, i) => Math.abs(v - fromFloor[i]) < 0.011),
      hyperformula: hf,
      speedupVsSumifsRecalc: hf.recalcMs !== undefined ? round(hf.recalcMs / adapter.medianMs) : undefined,
      speedupVsSumifsBuild: hf.buildMs !== undefined ? round(hf.buildMs / adapter.medianMs) : undefined,
      projectedSpeedupVsSumifsRecalc:
        hf.projectedRecalcMs !== undefined ? round(hf.projectedRecalcMs / adapter.medianMs) : undefined,
      runs: adapter.runs,
    });
  }
  return results;
}

// ---------------------------------------------------------------------------------------
// 2. CREDIT.SCORE
// ---------------------------------------------------------------------------------------

const WEIGHTS = normaliseWeights(DEFAULT_POLICY.weights);

/** The floor: the weighted sum per row, rounded and clamped like the engine, into the same n×1 shape. */
function scoreFloor(rows: number[][]): number[][] {
  const [w0, w1, w2, w3, w4] = WEIGHTS;
  const out: number[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const f = rows[r];
    let s = w0 * f[0] + w1 * f[1] + w2 * f[2] + w3 * f[3] + w4 * f[4];
    s = Math.round(s * 1e10) / 1e10;
    out[r] = [s < 1 ? 1 : s > 5 ? 5 : s];
  }
  return out;
}

function benchScoreHf(rows: number[][], expected: number[][]) {
  const n = rows.length;
  const sheet: unknown[][] = rows.map((f, r) => [
    ...f,
    `=SUMPRODUCT(A${r + 1}:E${r + 1},$G$1:$K$1)`,
    ...(r === 0 ? WEIGHTS : []),
  ]);
  const builds = QUICK || n > 50_000 ? 1 : 3;
  const times: number[] = [];
  let hf: HyperFormula | undefined;
  for (let i = 0; i < builds; i++) {
    hf?.destroy();
    fullGc();
    const start = nowMs();
    hf = HyperFormula.buildFromArray(sheet as never, HF_CONFIG);
    times.push(nowMs() - start);
  }
  const engine = hf!;
  let agrees = true;
  for (let r = 0; r < n; r += Math.max(1, Math.floor(n / 1000))) {
    if (Math.abs((engine.getCellValue({ sheet: 0, row: r, col: 5 }) as number) - expected[r][0]) > 1e-9) agrees = false;
  }
  // Changing one weight makes every SUMPRODUCT recalculate, as a policy change would.
  const { warmup, repeats } = n > 50_000 ? { warmup: 1, repeats: 3 } : runsFor(n);
  const recalc = measure(
    (run) => engine.setCellContents({ sheet: 0, row: 0, col: 6 }, [[WEIGHTS[0] + 1e-6 * (run + 10)]]),
    warmup,
    repeats,
  );
  engine.destroy();
  fullGc();
  times.sort((x, y) => x - y);
  return { n, measured: true, buildMs: round(times[times.length >> 1]), recalcMs: round(recalc.medianMs), agrees };
}

function benchScore() {
  const results = [];
  for (const n of SIZES.score) {
    progress(`SCORE n=${n}`);
    const rows = factorRange(n);
    const singles = rows.map((row) => [row]);
    const { warmup, repeats } = runsFor(n);
    const spilled = CREDIT_FUNCTIONS.SCORE(rows) as number[][];
    const floorOut = scoreFloor(rows);
    const agreesWithFloor = spilled.every((v, r) => v[0] === floorOut[r][0]);
    const spill = measure(() => CREDIT_FUNCTIONS.SCORE(rows), warmup, repeats);
    const single = measure(
      () => {
        let last: unknown;
        for (let r = 0; r < singles.length; r++) last = CREDIT_FUNCTIONS.SCORE(singles[r]);
        return last;
      },
      warmup,
      repeats,
    );
    const floor = measure(() => scoreFloor(rows), warmup, repeats);
    let hf: { n: number; measured: boolean; reason?: string; buildMs?: number; recalcMs?: number; agrees?: boolean } = {
      n,
      measured: false,
      reason: "not attempted: 10⁶ SUMPRODUCT formulas exceed the ~30 s budget",
    };
    if (SIZES.scoreHf.includes(n)) {
      progress(`SCORE n=${n}: HyperFormula SUMPRODUCT`);
      try {
        hf = benchScoreHf(rows, spilled);
      } catch (error) {
        hf = { n, measured: false, reason: `HyperFormula failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    results.push({
      n,
      spilledMs: round(spill.medianMs),
      singleCallsMs: round(single.medianMs),
      floorMs: round(floor.medianMs),
      spilledRowsPerSec: perSecond(n, spill.medianMs),
      singleCallsRowsPerSec: perSecond(n, single.medianMs),
      floorRowsPerSec: perSecond(n, floor.medianMs),
      spilledOverFloor: round(spill.medianMs / floor.medianMs),
      singleOverSpilled: round(single.medianMs / spill.medianMs),
      agreesWithFloor,
      hyperformula: hf,
      runs: spill.runs,
    });
  }
  return results;
}

// ---------------------------------------------------------------------------------------
// 3. Review engine
// ---------------------------------------------------------------------------------------

interface ReviewSize {
  readonly n: number;
  readonly invoices: number;
  readonly withErrors: number;
  readonly reviewMs: number;
  readonly planMs: number;
  readonly totalMs: number;
  readonly customersPerSec: number;
  readonly heapGrowthMB: number;
  readonly retainedMB: number;
  readonly runs: number;
}

function benchReview() {
  const results: ReviewSize[] = [];
  for (const n of SIZES.review) {
    progress(`review n=${n}`);
    const { customers, ledger, invoices } = portfolio(n, AS_OF);
    const input = {
      sheetName: "Customers",
      values: customers,
      asOf: AS_OF,
      policy: DEFAULT_POLICY,
      ledger: { sheetName: "Invoices", values: ledger },
    };
    const options = { sheetNames: ["Customers", "Invoices"] };
    const check = runReview(input, "en");
    if (check.customers.length !== n) throw new Error(`review saw ${check.customers.length} customers, expected ${n}`);
    const withErrors = check.portfolio.withErrors;
    // Small sizes take a few ms, where one young-generation GC or JIT tier-up more or less
    // swings a median: they get twice the runs, each measurement starts from a collected heap.
    const { warmup, repeats } = n >= 100_000 ? { warmup: 1, repeats: 5 } : QUICK ? runsFor(n) : { warmup: 10, repeats: 31 };
    const measured = (fn: () => unknown) => {
      fullGc();
      return measure(fn, warmup, repeats);
    };
    const review = measured(() => runReview(input, "en"));
    const plan = measured(() => buildWritePlan(check, "en", options));
    const total = measured(() => buildWritePlan(runReview(input, "en"), "en", options));
    // Memory: heap used after a full GC, then one review + plan held alive.
    fullGc();
    const before = heapUsed();
    const result = runReview(input, "en");
    const writePlan = buildWritePlan(result, "en", options);
    const grownMB = (heapUsed() - before) / 1e6;
    fullGc();
    const retainedMB = (heapUsed() - before) / 1e6;
    consume([result, writePlan]);
    results.push({
      n,
      invoices,
      withErrors,
      reviewMs: round(review.medianMs),
      planMs: round(plan.medianMs),
      totalMs: round(total.medianMs),
      customersPerSec: perSecond(n, total.medianMs),
      heapGrowthMB: round(grownMB),
      retainedMB: round(retainedMB),
      runs: total.runs,
    });
    consume(undefined);
  }
  const growth = results.slice(1).map((r, i) => ({
    from: results[i].n,
    to: r.n,
    timeRatio: round(r.totalMs / results[i].totalMs),
    retainedRatio: round(r.retainedMB / results[i].retainedMB),
  }));
  return { sizes: results, growth };
}

// ---------------------------------------------------------------------------------------
// 4. Task-pane Excel module (sync counts)
// ---------------------------------------------------------------------------------------

/** Naive row-by-row runs stop here (one sync per row); larger sizes are extrapolated linearly. */
const NAIVE_CAP = QUICK ? 1_000 : 10_000;

async function benchTaskpaneSafe(): Promise<TaskpaneResult | { measured: false; reason: string }> {
  try {
    return await benchTaskpane(SIZES.taskpane, NAIVE_CAP, runsFor, progress);
  } catch (error) {
    return { measured: false, reason: `task-pane bench failed: ${error instanceof Error ? error.stack : String(error)}` };
  }
}

// ---------------------------------------------------------------------------------------
// 5. Bundle sizes
// ---------------------------------------------------------------------------------------

interface BundleSize {
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}
type Bundles =
  | { readonly built: false; readonly reason: string }
  | {
      readonly built: true;
      readonly builtAt: string;
      readonly files: BundleSize[];
      readonly taskpaneInitial: { scripts: string[]; rawBytes: number; gzipBytes: number };
    };

function benchBundles(): Bundles {
  const dist = path.join(ROOT, "dist");
  const files = ["functions.js", "taskpane.js"];
  if (!files.every((f) => fs.existsSync(path.join(dist, f))))
    return { built: false, reason: "dist/ missing: run npm run build first" };
  const size = (f: string) => {
    const bytes = fs.readFileSync(path.join(dist, f));
    return { file: `dist/${f}`, rawBytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const html = fs.existsSync(path.join(dist, "taskpane.html")) ? fs.readFileSync(path.join(dist, "taskpane.html"), "utf8") : "";
  // The task pane's initial JS: every local <script> of taskpane.html (office.js comes from Microsoft's CDN).
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s) && fs.existsSync(path.join(dist, s)));
  const initial = (scripts.length ? scripts : ["taskpane.js"]).map(size);
  const mtime = fs.statSync(path.join(dist, "functions.js")).mtime.toISOString();
  return {
    built: true,
    builtAt: mtime,
    files: files.map(size),
    taskpaneInitial: {
      scripts: initial.map((s) => s.file),
      rawBytes: initial.reduce((s, f) => s + f.rawBytes, 0),
      gzipBytes: initial.reduce((s, f) => s + f.gzipBytes, 0),
    },
  };
}

// ---------------------------------------------------------------------------------------

function machine() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const line = fs
      .readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) cpu = line.split(":")[1].trim();
  } catch {
    /* not Linux */
  }
  return {
    cpu,
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    memoryGB: round(os.totalmem() / 1e9),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

function targets(
  aging: ReturnType<typeof benchAging>,
  review: ReturnType<typeof benchReview>,
  taskpane: Awaited<ReturnType<typeof benchTaskpaneSafe>>,
  bundles: ReturnType<typeof benchBundles>,
  cli: readonly CliSize[],
) {
  const full = aging[aging.length - 1];
  const big = cli[cli.length - 1];
  const sumifs = [...aging].reverse().find((a) => a.speedupVsSumifsRecalc !== undefined);
  const last = review.sizes[review.sizes.length - 1];
  const worstGrowth = Math.max(...review.growth.map((g) => g.timeRatio));
  const KB = 1024;
  const fn = bundles.built ? bundles.files.find((f) => f.file.endsWith("functions.js")) : undefined;
  const pane = bundles.built ? bundles.taskpaneInitial : undefined;
  const list = [
    { target: `AGING on ${full.n} rows < 100 ms`, measured: `${full.adapterMs} ms`, met: full.adapterMs < 100 },
    {
      target: "AGING ≥ 20× faster than SUMIFS (HyperFormula recalculation)",
      measured: sumifs
        ? `${sumifs.speedupVsSumifsRecalc}× at ${sumifs.n} rows${sumifs.n !== full.n ? `; full column not measurable in HyperFormula, ~${full.projectedSpeedupVsSumifsRecalc}× extrapolated` : ""}`
        : "HyperFormula not measured",
      met: sumifs ? (sumifs.speedupVsSumifsRecalc as number) >= 20 : null,
    },
    { target: `review of ${last.n} customers < 1 s`, measured: `${last.totalMs} ms`, met: last.totalMs < 1000 },
    {
      target: "review grows linearly (time ratio per 10× ≤ 13)",
      measured: review.growth.map((g) => `${g.timeRatio}×`).join(", "),
      met: worstGrowth <= 13,
    },
    {
      target: "task pane read: syncs constant in the row count (no payload limit: desktop Excel)",
      measured: taskpane.measured ? taskpane.sizes.map((s) => `${s.ours.read.syncs} at ${s.n}`).join(", ") : "not measured",
      met: taskpane.measured ? taskpane.readSyncsConstant : null,
    },
    {
      target: "task pane read under Excel on the web's 5 MB limit: 1 sync while the response fits, else ≤ 3 + ⌈response / 5 MB⌉",
      measured: taskpane.measured
        ? taskpane.sizes.map((s) => `${s.web.readSyncs} ≤ ${s.web.readSyncLimit} at ${s.n}`).join(", ")
        : "not measured",
      met: taskpane.measured ? taskpane.sizes.every((s) => s.web.agrees && s.web.readSyncs <= s.web.readSyncLimit) : null,
    },
    {
      target: "task pane write: syncs ≤ 1 + ⌈payload / 5 MB⌉ (with and without the 5 MB limit)",
      measured: taskpane.measured
        ? taskpane.sizes.map((s) => `${s.ours.write.syncs} (web ${s.web.writeSyncs}) ≤ ${s.writeSyncLimit} at ${s.n}`).join(", ")
        : "not measured",
      met: taskpane.measured ? taskpane.writeSyncsWithinLimit : null,
    },
    {
      target: "functions.js ≤ 30 KB gzip",
      measured: fn ? `${round(fn.gzipBytes / KB)} KB` : "not built",
      met: fn ? fn.gzipBytes <= 30 * KB : null,
    },
    {
      target: "task pane initial JS ≤ 300 KB gzip",
      measured: pane ? `${round(pane.gzipBytes / KB)} KB (${pane.scripts.join(" + ")})` : "not built",
      met: pane ? pane.gzipBytes <= 300 * KB : null,
    },
    {
      target: `command line at ${big.customers} customers within 1.5× of the bare inflate-scan-deflate pass`,
      measured: `${big.cli.ms} ms vs ${big.bare.ms} ms (${big.cliOverBare}×)`,
      met: big.cli.ok ? big.cliOverBare <= 1.5 : false,
    },
    {
      target: `command line at ${big.customers} customers ≥ 10× faster than exceljs read + write`,
      measured:
        big.speedupVsExceljs === null
          ? `exceljs failed: ${big.exceljs.error}`
          : `${big.speedupVsExceljs}× (${big.exceljs.ms} ms)`,
      met: big.speedupVsExceljs === null ? null : big.speedupVsExceljs >= 10,
    },
    {
      target: `command line at ${big.customers} customers ≤ ¼ of exceljs's peak memory`,
      measured:
        big.memoryVsExceljs === null
          ? "exceljs failed"
          : `${big.cli.peakMB} MB vs ${big.exceljs.peakMB} MB (${big.memoryVsExceljs}×)`,
      met: big.memoryVsExceljs === null ? null : big.memoryVsExceljs <= 0.25,
    },
  ];
  // Quick runs use tiny sizes: the size targets do not apply to them.
  return QUICK ? list.map((t) => ({ ...t, met: null, note: "quick run: sizes too small to judge" })) : list;
}

function table(head: string[], rows: unknown[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map((c) => (c === undefined ? "–" : String(c))).join(" | ")} |`),
  ].join("\n");
}

async function benchFirstRenderSafe(): Promise<FirstRenderResult> {
  try {
    return await benchFirstRender(ROOT, QUICK ? 1 : 9, progress);
  } catch (error) {
    return { measured: false, reason: `headless Chromium failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function main(): Promise<void> {
  const started = nowMs();
  const aging = benchAging();
  const score = benchScore();
  const review = benchReview();
  const taskpane = await benchTaskpaneSafe();
  const bundles = benchBundles();
  const firstRender = await benchFirstRenderSafe();
  const cli = await benchCli(ROOT, SIZES.cli, AS_OF, "2026-11-30", progress);
  const report = {
    meta: {
      date: new Date().toISOString(),
      command: `node ${path.relative(ROOT, __filename)} ${process.argv.slice(2).join(" ")}`.trim(),
      quick: QUICK,
      gc: hasGc ? gcSource : "none",
      machine: machine(),
      seconds: round((nowMs() - started) / 1000),
    },
    aging,
    score,
    review,
    taskpane,
    bundles,
    firstRender,
    cli,
    targets: targets(aging, review, taskpane, bundles, cli),
  };
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const m = report.meta.machine;
  const out: string[] = [
    `${m.cpu}, ${m.nproc} CPUs, node ${m.node}; ${report.meta.date}; median of repeated runs after warm-up${QUICK ? " (quick)" : ""}`,
    "",
  ];
  out.push("CREDIT.AGING (ms, invoices/s)");
  out.push(
    table(
      [
        "rows",
        "adapter ms",
        "floor ms",
        "adapter/floor",
        "adapter inv/s",
        "HF build ms",
        "HF recalc ms",
        "× vs SUMIFS recalc",
        "× vs HF build",
      ],
      aging.map((a) => [
        a.n,
        a.adapterMs,
        a.floorMs,
        a.adapterOverFloor,
        a.adapterInvoicesPerSec,
        a.hyperformula.buildMs ?? a.hyperformula.reason,
        a.hyperformula.recalcMs,
        a.speedupVsSumifsRecalc,
        a.speedupVsSumifsBuild,
      ]),
    ),
  );
  out.push("", "CREDIT.SCORE (ms)");
  out.push(
    table(
      [
        "rows",
        "spilled ms",
        "n single calls ms",
        "floor ms",
        "spilled/floor",
        "single/spilled",
        "spilled rows/s",
        "HF build ms",
        "HF recalc ms",
      ],
      score.map((s) => [
        s.n,
        s.spilledMs,
        s.singleCallsMs,
        s.floorMs,
        s.spilledOverFloor,
        s.singleOverSpilled,
        s.spilledRowsPerSec,
        s.hyperformula.buildMs ?? s.hyperformula.reason,
        s.hyperformula.recalcMs,
      ]),
    ),
  );
  out.push("", "Review engine (runReview + buildWritePlan)");
  out.push(
    table(
      ["customers", "runReview ms", "buildWritePlan ms", "total ms", "customers/s", "heap growth MB", "retained MB"],
      review.sizes.map((r) => [r.n, r.reviewMs, r.planMs, r.totalMs, r.customersPerSec, r.heapGrowthMB, r.retainedMB]),
    ),
  );
  out.push(
    `growth per 10×: ${review.growth.map((g) => `${g.from}→${g.to}: time ${g.timeRatio}×, memory ${g.retainedRatio}×`).join("; ")}`,
  );
  if (taskpane.measured) {
    const kb = (b: number) => `${round(b / 1024)} KB`;
    const naive = (s: { syncs: number; extrapolated: boolean }, text: string | number) => (s.extrapolated ? `(~${text})` : text);
    out.push(
      "",
      `Task pane Excel module vs naive row-by-row (office-addin-mock fake, ${LATENCY_MS} ms per sync simulated; (~…) = extrapolated linearly from ${NAIVE_CAP} customers)`,
    );
    out.push(
      table(
        [
          "customers",
          "read syncs ours",
          "read syncs naive",
          "read largest sync",
          "read sim. ms ours",
          "read sim. ms naive",
          "write syncs ours",
          "write limit",
          "write syncs naive",
          "write largest sync",
          "write sim. ms ours",
          "write sim. ms naive",
          "JS ms ours read/write",
          "naive agrees",
        ],
        taskpane.sizes.map((s) => [
          s.n,
          s.ours.read.syncs,
          naive(s.naive.read, s.naive.read.syncs),
          kb(s.ours.read.largestSyncBytes),
          s.ours.read.simulatedMs,
          naive(s.naive.read, s.naive.read.simulatedMs),
          s.ours.write.syncs,
          s.writeSyncLimit,
          naive(s.naive.write, s.naive.write.syncs),
          kb(s.ours.write.largestSyncBytes),
          s.ours.write.simulatedMs,
          naive(s.naive.write, s.naive.write.simulatedMs),
          `${s.ours.read.computeMs} / ${s.ours.write.computeMs}`,
          s.readAgrees === null ? "–" : `${s.readAgrees && s.writeAgrees ? "yes" : "NO"}`,
        ]),
      ),
    );
    out.push(
      "",
      `The same read and write against a fake that refuses, like Excel on the web, any request or response over ${round(taskpane.payloadLimitBytes / 1e6)} MB`,
    );
    out.push(
      table(
        [
          "customers",
          "one-sync response",
          "read syncs (refused)",
          "read limit",
          "largest response",
          "write syncs (refused)",
          "write limit",
          "largest request",
          "same result",
        ],
        taskpane.sizes.map((s) => [
          s.n,
          kb(s.web.readBytes),
          `${s.web.readSyncs} (${s.web.readRefused})`,
          s.web.readSyncLimit,
          kb(s.web.readLargestResponseBytes),
          `${s.web.writeSyncs} (${s.web.writeRefused})`,
          s.writeSyncLimit,
          kb(s.web.writeLargestRequestBytes),
          s.web.agrees ? "yes" : "NO",
        ]),
      ),
    );
  } else out.push("", `Task pane: ${taskpane.reason}`);
  out.push("", "Bundles");
  if (bundles.built) {
    out.push(
      table(
        ["file", "raw bytes", "gzip bytes"],
        [
          ...bundles.files.map((f) => [f.file, f.rawBytes, f.gzipBytes]),
          [
            `initial task pane (${bundles.taskpaneInitial.scripts.join(" + ")})`,
            bundles.taskpaneInitial.rawBytes,
            bundles.taskpaneInitial.gzipBytes,
          ],
        ],
      ),
    );
  } else out.push(bundles.reason);
  out.push("", "Task pane load in headless Chromium (ms from navigation; office.js answered by the test host)");
  if (firstRender.measured) {
    const r = firstRender.medians;
    out.push(
      table(
        ["runs", "viewport", "first contentful paint", "heading rendered", "ready (sheet list read)"],
        [[firstRender.runs, firstRender.viewport, r.firstContentfulPaintMs ?? "–", r.headingMs, r.readyMs]],
      ),
    );
  } else out.push(firstRender.reason);
  out.push("", "Command line (one run each, its own process; peak = maxRSS)");
  out.push(
    table(
      [
        "customers",
        "file MB",
        "credit-review ms",
        "peak MB",
        "bare pass ms",
        "peak MB",
        "exceljs read+write ms",
        "peak MB",
        "÷ bare",
        "× faster than exceljs",
        "memory ÷ exceljs",
      ],
      cli.map((c) => [
        c.customers,
        c.fileMB,
        c.cli.ms,
        c.cli.peakMB,
        c.bare.ms,
        c.bare.peakMB,
        c.exceljs.ok ? c.exceljs.ms : c.exceljs.error,
        c.exceljs.peakMB,
        c.cliOverBare,
        c.speedupVsExceljs,
        c.memoryVsExceljs,
      ]),
    ),
  );
  out.push("", "Targets");
  out.push(
    table(
      ["target", "measured", "met"],
      report.targets.map((t) => [t.target, t.measured, t.met === null ? "n/a" : t.met ? "yes" : "NO"]),
    ),
  );
  out.push("", `${report.meta.seconds} s in all`);
  process.stdout.write(`${out.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

/**
 * Benchmark part 1: CREDIT.AGING through the function adapter on n×1 columns as Excel passes
 * them, against the floor (the same five bucket totals in a bare loop over the same arrays)
 * and what a spreadsheet user would build instead: one SUMIFS per bucket, in HyperFormula.
 */
import "../test/support/custom-functions-stub";
import * as v8 from "node:v8";
import { HyperFormula } from "hyperformula";
import { DEFAULT_POLICY } from "../src/engine/policy";
import { CREDIT_FUNCTIONS } from "../src/functions/library";
import { AS_OF, BenchConfig, HF_CONFIG, perSecond, progress, round } from "./config";
import { agingColumns } from "./data";
import { fullGc, heapUsed, measure, nowMs } from "./measure";

const EDGES = DEFAULT_POLICY.agingEdges;

/** The floor: the same five bucket totals in a bare loop over the same arrays. */
export function agingFloor(amounts: unknown[][], dueDates: unknown[][], asOf: number): number[] {
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

export interface HfAgingResult {
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
  config: BenchConfig,
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
    if (projected > config.hfBudgetMs) {
      return {
        n,
        measured: false,
        projectedRecalcMs,
        reason: `build + 1 warm-up + 3 recalcs projected at ${Math.round(projected / 1000)} s from ${previous.n} rows (over the ${config.hfBudgetMs / 1000} s budget); ${memory}`,
      };
    }
    if (heapNeeded * 1.5 > heapFree) return { n, measured: false, projectedRecalcMs, reason: memory };
  }
  const sheet = agingSheet(amounts, dueDates, AS_OF);
  const big = n > 200_000;
  fullGc();
  const before = heapUsed();
  // Building is done `repeats` times except for the full column, where one build is the budget.
  const builds = big || config.quick ? 1 : 3;
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
  const { warmup, repeats } = big ? { warmup: 1, repeats: 3 } : config.runsFor(n);
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

export function benchAging(config: BenchConfig) {
  const results = [];
  let previousHf: HfAgingResult | undefined;
  for (const n of config.sizes.aging) {
    progress(`AGING n=${n}`);
    const { amounts, dueDates, blanks } = agingColumns(n, AS_OF);
    const { warmup, repeats } = config.runsFor(n);
    const adapterOut = CREDIT_FUNCTIONS.AGING(amounts, dueDates, AS_OF);
    if (!Array.isArray(adapterOut)) throw new Error(`AGING returned an error: ${JSON.stringify(adapterOut)}`);
    const fromAdapter = adapterOut[0];
    const fromFloor = agingFloor(amounts, dueDates, AS_OF);
    const adapter = measure(() => CREDIT_FUNCTIONS.AGING(amounts, dueDates, AS_OF), warmup, repeats);
    const floor = measure(() => agingFloor(amounts, dueDates, AS_OF), warmup, repeats);
    let hf: HfAgingResult = { n, measured: false, reason: "not in this run's sizes" };
    if (config.sizes.agingHf.includes(n)) {
      progress(`AGING n=${n}: HyperFormula SUMIFS`);
      try {
        hf = benchAgingHf(config, n, amounts, dueDates, fromAdapter, previousHf);
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

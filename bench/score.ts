/**
 * Benchmark part 2: CREDIT.SCORE through the function adapter, spilled over an n×5 range and
 * as n single-row calls, against the floor (the weighted sum in a bare loop) and one
 * SUMPRODUCT per row in HyperFormula.
 */
import "../test/support/custom-functions-stub";
import { HyperFormula } from "hyperformula";
import { DEFAULT_POLICY, normaliseWeights } from "../src/engine/policy";
import { CREDIT_FUNCTIONS } from "../src/functions/library";
import { BenchConfig, HF_CONFIG, perSecond, progress, round } from "./config";
import { factorRange } from "./data";
import { fullGc, measure, nowMs } from "./measure";

const WEIGHTS = normaliseWeights(DEFAULT_POLICY.weights);

/** The floor: the weighted sum per row, rounded and clamped like the engine, into the same n×1 shape. */
export function scoreFloor(rows: number[][]): number[][] {
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

function benchScoreHf(config: BenchConfig, rows: number[][], expected: number[][]) {
  const n = rows.length;
  const sheet: unknown[][] = rows.map((f, r) => [
    ...f,
    `=SUMPRODUCT(A${r + 1}:E${r + 1},$G$1:$K$1)`,
    ...(r === 0 ? WEIGHTS : []),
  ]);
  const builds = config.quick || n > 50_000 ? 1 : 3;
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
  const { warmup, repeats } = n > 50_000 ? { warmup: 1, repeats: 3 } : config.runsFor(n);
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

export function benchScore(config: BenchConfig) {
  const results = [];
  for (const n of config.sizes.score) {
    progress(`SCORE n=${n}`);
    const rows = factorRange(n);
    const singles = rows.map((row) => [row]);
    const { warmup, repeats } = config.runsFor(n);
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
    if (config.sizes.scoreHf.includes(n)) {
      progress(`SCORE n=${n}: HyperFormula SUMPRODUCT`);
      try {
        hf = benchScoreHf(config, rows, spilled);
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

/**
 * What every benchmark shares: the problem sizes and run counts of a full or a quick run, the
 * as-of date of the generated data, HyperFormula's configuration, and the rounding of figures.
 */
import * as path from "node:path";
import { serialFromYMD } from "../src/engine/cells";

/** The repository: bench.js runs from lib/bench/. */
export const ROOT = path.resolve(__dirname, "../..");
export const AS_OF = serialFromYMD(2026, 11, 30);
/** GPL licence key; rows raised from HyperFormula's default 40,000 to Excel's 1,048,576. */
export const HF_CONFIG = { licenseKey: "gpl-v3", maxRows: 1_048_576 };

export interface Sizes {
  readonly aging: readonly number[];
  readonly agingHf: readonly number[];
  readonly score: readonly number[];
  readonly scoreHf: readonly number[];
  readonly review: readonly number[];
  readonly taskpane: readonly number[];
  /** Customers in the command line's generated workbooks (three invoices each). */
  readonly cli: readonly number[];
}

export interface BenchConfig {
  /** Tiny sizes and few repeats: checks that the benchmark runs, its figures judge nothing. */
  readonly quick: boolean;
  readonly sizes: Sizes;
  /** Largest HyperFormula run attempted: about 30 s per measurement in a full run. */
  readonly hfBudgetMs: number;
  /** Naive row-by-row task-pane runs stop here (one sync per row); larger sizes are extrapolated linearly. */
  readonly naiveCap: number;
  /** Warm-up and timed runs by problem size: small inputs get more runs. */
  runsFor(n: number): { warmup: number; repeats: number };
}

export function benchConfig(quick: boolean): BenchConfig {
  return {
    quick,
    sizes: quick
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
        },
    hfBudgetMs: quick ? 5_000 : 30_000,
    naiveCap: quick ? 1_000 : 10_000,
    runsFor(n) {
      if (quick) return { warmup: 1, repeats: 3 };
      if (n <= 10_000) return { warmup: 5, repeats: 15 };
      if (n <= 100_000) return { warmup: 3, repeats: 9 };
      return { warmup: 2, repeats: 7 };
    },
  };
}

export function progress(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

export const round = (x: number, digits = 3) => Number(x.toPrecision(digits));
export const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

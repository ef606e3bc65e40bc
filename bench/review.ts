/**
 * Benchmark part 3: the review engine (runReview + buildWritePlan) on generated portfolios of
 * customers with an invoice ledger: time, heap growth and what a result keeps alive, and how
 * both grow per 10× customers.
 */
import { DEFAULT_POLICY } from "../src/engine/policy";
import { runReview } from "../src/engine/review/review";
import { buildWritePlan } from "../src/engine/review/write-plan";
import { AS_OF, BenchConfig, perSecond, progress, round } from "./config";
import { portfolio } from "./data";
import { consume, fullGc, heapUsed, measure } from "./measure";

export interface ReviewSize {
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

export function benchReview(config: BenchConfig) {
  const results: ReviewSize[] = [];
  for (const n of config.sizes.review) {
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
    const { warmup, repeats } =
      n >= 100_000 ? { warmup: 1, repeats: 5 } : config.quick ? config.runsFor(n) : { warmup: 10, repeats: 31 };
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

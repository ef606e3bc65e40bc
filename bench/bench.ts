/**
 * Performance benchmarks, all in one process, every figure the median of repeated runs after
 * warm-up: CREDIT.AGING and CREDIT.SCORE through the function adapter against a bare loop and
 * HyperFormula (aging.ts, score.ts), the review engine on generated portfolios (review.ts), the
 * task pane's Excel module against a naive row-by-row version (taskpane.ts), the bundle sizes
 * (bundles.ts), the pane's load in headless Chromium (first-render.ts) and the command line against
 * exceljs and a bare package pass (cli.ts); targets.ts judges
 * them and report.ts prints them. Results and method: BENCHMARKS.md.
 *
 *   npm run bench              table on stdout (progress on stderr)
 *   npm run bench -- --json    one JSON object on stdout
 *   npm run bench -- --quick   tiny sizes, few repeats: checks that it runs, judges nothing
 */
import * as path from "node:path";
import { benchAging } from "./aging";
import { benchBundles } from "./bundles";
import { benchCli } from "./cli";
import { AS_OF, BenchConfig, benchConfig, progress, ROOT, round } from "./config";
import { benchFirstRender, FirstRenderResult } from "./first-render";
import { gcSource, hasGc, nowMs } from "./measure";
import { machine, Report, reportText, TaskpaneOutcome } from "./report";
import { benchReview } from "./review";
import { benchScore } from "./score";
import { benchTaskpane } from "./taskpane";
import { targets } from "./targets";

const args = new Set(process.argv.slice(2));
const config = benchConfig(args.has("--quick"));

async function benchTaskpaneSafe(config: BenchConfig): Promise<TaskpaneOutcome> {
  try {
    return await benchTaskpane(config.sizes.taskpane, config.naiveCap, config.runsFor, progress);
  } catch (error) {
    return { measured: false, reason: `task-pane bench failed: ${error instanceof Error ? error.stack : String(error)}` };
  }
}

async function benchFirstRenderSafe(config: BenchConfig): Promise<FirstRenderResult> {
  try {
    return await benchFirstRender(ROOT, config.quick ? 1 : 9, progress);
  } catch (error) {
    return { measured: false, reason: `headless Chromium failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function main(): Promise<void> {
  const started = nowMs();
  const aging = benchAging(config);
  const score = benchScore(config);
  const review = benchReview(config);
  const taskpane = await benchTaskpaneSafe(config);
  const bundles = benchBundles(ROOT);
  const firstRender = await benchFirstRenderSafe(config);
  const cli = await benchCli(ROOT, config.sizes.cli, AS_OF, "2026-11-30", "2026-12-31", progress, config.quick ? 1 : 3);
  const report: Report = {
    meta: {
      date: new Date().toISOString(),
      command: `node ${path.relative(ROOT, __filename)} ${process.argv.slice(2).join(" ")}`.trim(),
      quick: config.quick,
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
    targets: targets(config.quick, aging, review, taskpane, bundles, cli),
  };
  if (args.has("--json")) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  process.stdout.write(reportText(report));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

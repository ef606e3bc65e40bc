/**
 * The benchmark's helpers, without running a benchmark (speed is measured by `npm run bench`,
 * never in a test): the floors it compares the functions with compute the same figures, its
 * generated portfolio is one the review reads without errors, medians are medians, and the
 * report judges the targets and prints the tables from given figures.
 */
import "../../support/custom-functions-stub";
import { CREDIT_FUNCTIONS } from "../../../src/functions/library";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { agingFloor } from "../../../bench/aging";
import { AS_OF, benchConfig } from "../../../bench/config";
import { agingColumns, factorRange, portfolio } from "../../../bench/data";
import { measure, median } from "../../../bench/measure";
import { AgingResult, Report, reportText, ReviewResult, table, TaskpaneOutcome } from "../../../bench/report";
import { scoreFloor } from "../../../bench/score";
import { targets } from "../../../bench/targets";
import * as fs from "node:fs";
import * as path from "node:path";
import { benchBundles, Bundles } from "../../../bench/bundles";
import { tempDirPerTest } from "../../support/cli";
import { CliSize, medianRun } from "../../../bench/cli";

describe("the floors", () => {
  test("the aging floor gives CREDIT.AGING's bucket totals", () => {
    const { amounts, dueDates, blanks } = agingColumns(2_000, AS_OF);
    expect(blanks).toBeGreaterThan(0);
    const [fromFunction] = CREDIT_FUNCTIONS.AGING(amounts, dueDates, AS_OF) as number[][];
    const fromFloor = agingFloor(amounts, dueDates, AS_OF);
    expect(fromFloor).toHaveLength(5);
    fromFloor.forEach((total, i) => expect(total).toBeCloseTo(fromFunction[i], 2));
    expect(fromFloor.reduce((s, t) => s + t, 0)).toBeGreaterThan(0);
  });

  test("the score floor gives CREDIT.SCORE's scores", () => {
    const rows = factorRange(500);
    expect(scoreFloor(rows)).toEqual(CREDIT_FUNCTIONS.SCORE(rows));
  });
});

test("the generated portfolio is reviewed without a row error, with warnings to find", () => {
  const { customers, ledger, invoices } = portfolio(70, AS_OF);
  expect(invoices).toBe(210);
  expect(ledger).toHaveLength(invoices + 1);
  const result = runReview(
    {
      sheetName: "Customers",
      values: customers,
      asOf: AS_OF,
      policy: DEFAULT_POLICY,
      ledger: { sheetName: "Invoices", values: ledger },
    },
    "en",
  );
  expect(result.customers).toHaveLength(70);
  expect(result.portfolio.withErrors).toBe(0);
  expect(result.customers.filter((c) => c.findings.length > 0).length).toBeGreaterThan(0);
});

describe("timing", () => {
  test("median of an odd and an even count", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test("measure runs the warm-ups (negative run numbers), then the timed runs", () => {
    const runs: number[] = [];
    const timing = measure((run) => runs.push(run), 2, 3);
    expect(runs).toEqual([-1, -2, 0, 1, 2]);
    expect(timing.runs).toBe(3);
    expect(timing.minMs).toBeLessThanOrEqual(timing.medianMs);
    expect(timing.medianMs).toBeLessThanOrEqual(timing.maxMs);
  });

  test("a quick run has smaller sizes and fewer runs than a full one", () => {
    const [quick, full] = [benchConfig(true), benchConfig(false)];
    for (const key of Object.keys(full.sizes) as (keyof typeof full.sizes)[]) {
      expect({ key, largest: Math.max(...quick.sizes[key]) < Math.max(...full.sizes[key]) }).toEqual({ key, largest: true });
    }
    expect(quick.runsFor(1_000).repeats).toBeLessThan(full.runsFor(1_000).repeats);
    expect(full.runsFor(1_000).repeats).toBeGreaterThan(full.runsFor(1_000_000).repeats);
  });
});

// ---- the report, from figures given here ---------------------------------------------------

const aging = [
  {
    n: 10_000,
    adapterMs: 1.5,
    floorMs: 0.5,
    speedupVsSumifsRecalc: 40,
    speedupVsSumifsBuild: 300,
    hyperformula: { n: 10_000, measured: true, buildMs: 450, recalcMs: 60 },
  },
  {
    n: 1_048_576,
    adapterMs: 120,
    floorMs: 30,
    projectedSpeedupVsSumifsRecalc: 35,
    hyperformula: { n: 1_048_576, measured: false, reason: "over the budget" },
  },
] as unknown as AgingResult;

const review = {
  sizes: [
    { n: 10_000, totalMs: 60, reviewMs: 50, planMs: 10, customersPerSec: 166_667, heapGrowthMB: 20, retainedMB: 8 },
    { n: 100_000, totalMs: 650, reviewMs: 550, planMs: 100, customersPerSec: 153_846, heapGrowthMB: 200, retainedMB: 80 },
  ],
  growth: [{ from: 10_000, to: 100_000, timeRatio: 10.8, retainedRatio: 10 }],
} as unknown as ReviewResult;

const notMeasured: TaskpaneOutcome = { measured: false, reason: "task-pane bench failed: no fake" };

const cli: CliSize[] = [
  {
    customers: 100_000,
    invoices: 300_000,
    fileMB: 25,
    cli: { ms: 6_000, peakMB: 470, ok: true },
    exceljs: { ms: 190_000, peakMB: 4_000, ok: true },
    bare: { ms: 2_000, peakMB: 190, ok: true },
    bareOutput: { ms: 3_000, peakMB: 200, ok: true },
    cliOverBare: 3,
    cliOverBareOutput: 2,
    speedupVsExceljs: 31.7,
    memoryVsExceljs: 0.118,
    nextMonth: { ms: 9_000, peakMB: 700, ok: true },
    nextMonthInputMB: 56,
    nextMonthOverBare: 3,
  },
];
const built: Bundles = {
  built: true,
  builtAt: "2026-11-30T00:00:00.000Z",
  files: [
    { file: "dist/functions.js", rawBytes: 90_000, gzipBytes: 25 * 1024 },
    { file: "dist/taskpane.js", rawBytes: 360_000, gzipBytes: 110 * 1024 },
  ],
  taskpaneInitial: { scripts: ["dist/taskpane.js"], rawBytes: 360_000, gzipBytes: 110 * 1024 },
};

describe("targets", () => {
  const judged = (quick = false, bundles: Bundles = built) =>
    Object.fromEntries(targets(quick, aging, review, notMeasured, bundles, cli).map((t) => [t.target, [t.measured, t.met]]));

  test("each target judged from its figure", () => {
    expect(judged()).toEqual({
      "AGING on 1048576 rows < 100 ms": ["120 ms", false],
      "AGING ≥ 20× faster than SUMIFS (HyperFormula recalculation)": [
        "40× at 10000 rows; full column not measurable in HyperFormula, ~35× extrapolated",
        true,
      ],
      "review of 100000 customers < 1 s": ["650 ms", true],
      "review grows linearly (time ratio per 10× ≤ 13)": ["10.8×", true],
      "task pane read: syncs constant in the row count (no payload limit: desktop Excel)": ["not measured", null],
      "task pane read under Excel on the web's 5 MB limit: 1 sync while the response fits, else ≤ 3 + ⌈response / 5 MB⌉": [
        "not measured",
        null,
      ],
      "task pane write: syncs ≤ 1 + ⌈payload / 4.8 MB⌉ (each sync packed to 4.8 MB, 4 % under the web's 5 MB; with and without that limit)":
        ["not measured", null],
      "functions.js ≤ 30 KB gzip": ["25 KB", true],
      "task pane initial JS ≤ 300 KB gzip": ["110 KB (dist/taskpane.js)", true],
      "command line at 100000 customers within 1.5× of the bare inflate-scan-deflate pass": ["6000 ms vs 2000 ms (3×)", false],
      "command line at 100000 customers ≥ 10× faster than exceljs read + write": ["31.7× (190000 ms)", true],
      "command line at 100000 customers ≤ ¼ of exceljs's peak memory": ["470 MB vs 4000 MB (0.118×)", true],
    });
  });

  test("nothing built: the bundle targets are not judged", () => {
    const none = judged(false, { built: false, reason: "dist/ missing: run npm run build first" });
    expect(none["functions.js ≤ 30 KB gzip"]).toEqual(["not built", null]);
    expect(none["task pane initial JS ≤ 300 KB gzip"]).toEqual(["not built", null]);
  });

  test("a quick run judges none, and says why", () => {
    const quick = targets(true, aging, review, notMeasured, built, cli);
    expect(quick.map((t) => [t.met, t.note])).toEqual(quick.map(() => [null, "quick run: sizes too small to judge"]));
  });
});

describe("the printed report", () => {
  test("a Markdown table shows a missing figure as a dash", () => {
    expect(
      table(
        ["rows", "ms"],
        [
          [10, 1.5],
          [20, undefined],
        ],
      ),
    ).toBe("| rows | ms |\n|---|---|\n| 10 | 1.5 |\n| 20 | – |");
  });

  test("one section per benchmark in order, the targets last, a measurement's absence explained", () => {
    const report = {
      meta: {
        date: "2026-11-30T12:00:00.000Z",
        command: "node lib/bench/bench.js",
        quick: false,
        gc: "--expose-gc",
        machine: { cpu: "Test CPU", nproc: 2, memoryGB: 24, node: "v20.0.0", platform: "linux x64" },
        seconds: 42,
      },
      aging,
      score: [],
      review,
      taskpane: notMeasured,
      bundles: built,
      firstRender: { measured: false, reason: "no Chromium at /usr/bin/chromium" },
      cli,
      targets: targets(false, aging, review, notMeasured, built, cli),
    } as unknown as Report;
    const lines = reportText(report).split("\n");
    expect(lines[0]).toBe("Test CPU, 2 CPUs, node v20.0.0; 2026-11-30T12:00:00.000Z; median of repeated runs after warm-up");
    const headings = [
      "CREDIT.AGING (ms, invoices/s)",
      "CREDIT.SCORE (ms)",
      "Review engine (runReview + buildWritePlan)",
      "Task pane: task-pane bench failed: no fake",
      "Bundles",
      "Task pane load in headless Chromium (ms from navigation; office.js answered by the test host)",
      "no Chromium at /usr/bin/chromium",
      "Command line (each in its own process; credit-review and the bare pass: the median of three alternated runs, the rest one run; peak = maxRSS)",
      "The command line the month after (on its own reviewed copy, the archive holding the first review)",
      "Targets",
      "42 s in all",
    ];
    const at = headings.map((h) => lines.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(lines).toContain("| 1048576 | 120 | 30 | – | – | over the budget | – | – | – |");
    expect(lines).toContain("growth per 10×: 10000→100000: time 10.8×, memory 10×");
    expect(lines).toContain("| review of 100000 customers < 1 s | 650 ms | yes |");
    expect(lines).toContain("| AGING on 1048576 rows < 100 ms | 120 ms | NO |");
    expect(lines).toContain("| functions.js ≤ 30 KB gzip | 25 KB | yes |");
    expect(lines).toContain("| 100000 | 25 | 6000 | 470 | 2000 | 190 | 3000 | 190000 | 4000 | 3 | 2 | 31.7 | 0.118 |");
    expect(lines).toContain("| 100000 | 56 | 9000 | 700 | 3000 | 3 |");
    expect(lines).toContain(
      "| task pane write: syncs ≤ 1 + ⌈payload / 4.8 MB⌉ (each sync packed to 4.8 MB, 4 % under the web's 5 MB; with and without that limit) | not measured | n/a |",
    );
  });
});

test("the command line's figure is the run of median time, a failed run the result whenever there is one", () => {
  const run = (ms: number, peakMB = 100) => ({ ms, peakMB, ok: true });
  expect(medianRun([run(19_300), run(12_800, 90), run(14_200, 95)])).toEqual(run(14_200, 95));
  expect(medianRun([run(5), run(7)])).toEqual(run(5));
  const failed = { ms: 3, peakMB: 0, ok: false, error: "out of memory" };
  expect(medianRun([run(5), failed, run(7)])).toBe(failed);
});

describe("the bundles' sizes", () => {
  const dir = tempDirPerTest("bench-bundles-");

  test("the pane's initial JavaScript is every script its page loads, asked for with the build's hash or not", () => {
    const dist = path.join(dir(), "dist");
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, "functions.js"), "f".repeat(1000));
    fs.writeFileSync(path.join(dist, "taskpane.js"), "t".repeat(3000));
    fs.writeFileSync(
      path.join(dist, "taskpane.html"),
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=functions.js?754d48></script><script defer src="taskpane.js#x"></script>',
    );
    const bundles = benchBundles(dir());
    if (!bundles.built) throw new Error(bundles.reason);
    expect(bundles.taskpaneInitial.scripts).toEqual(["dist/functions.js", "dist/taskpane.js"]);
    expect(bundles.taskpaneInitial.rawBytes).toBe(4000);
  });
});

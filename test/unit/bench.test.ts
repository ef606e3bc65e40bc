/**
 * The benchmark script runs and reports well-formed figures. No timing is asserted:
 * speed depends on the machine. Needs lib/ built first (npm run build:cli).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "lib/bench/bench.js");

type Json = Record<string, unknown>;

function positive(value: unknown, where: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${where} should be a finite positive number, got ${JSON.stringify(value)}`);
  }
}

/** Memory deltas are measurements around a garbage collection: on tiny inputs they can be ~0 or slightly negative. */
function finite(value: unknown, where: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`${where} should be a finite number, got ${JSON.stringify(value)}`);
  }
}

function allPositive(record: Json, keys: readonly string[], where: string): void {
  for (const key of keys) positive(record[key], `${where}.${key}`);
}

describe("npm run bench -- --quick --json", () => {
  let report: Json;
  let stdout = "";

  beforeAll(() => {
    if (!fs.existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run npm run build:cli first (npm test does)`);
    const run = spawnSync(process.execPath, [SCRIPT, "--quick", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`bench exited with ${run.status}: ${run.stderr}`);
    stdout = run.stdout;
    report = JSON.parse(stdout) as Json;
  }, 150_000);

  it("prints exactly one JSON object on stdout", () => {
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(typeof report).toBe("object");
    expect(Array.isArray(report)).toBe(false);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(["meta", "aging", "score", "review", "taskpane", "bundles", "cli", "targets"]),
    );
  });

  it("describes the machine and the run", () => {
    const meta = report.meta as Json;
    expect(meta.quick).toBe(true);
    expect(Number.isNaN(Date.parse(String(meta.date)))).toBe(false);
    const machine = meta.machine as Json;
    expect(typeof machine.cpu).toBe("string");
    expect(String(machine.node)).toMatch(/^v\d+/);
    positive(machine.nproc, "meta.machine.nproc");
    positive(meta.seconds, "meta.seconds");
  });

  it("times CREDIT.AGING against the bare loop and HyperFormula, with the same totals", () => {
    const aging = report.aging as Json[];
    expect(aging.length).toBeGreaterThan(0);
    for (const row of aging) {
      allPositive(
        row,
        ["n", "adapterMs", "floorMs", "adapterInvoicesPerSec", "floorInvoicesPerSec", "adapterOverFloor"],
        `aging[${row.n}]`,
      );
      expect(row.agreesWithFloor).toBe(true);
      const hf = row.hyperformula as Json;
      if (hf.measured) {
        allPositive(hf, ["buildMs", "recalcMs"], `aging[${row.n}].hyperformula`);
        expect(hf.agrees).toBe(true);
        allPositive(row, ["speedupVsSumifsRecalc", "speedupVsSumifsBuild"], `aging[${row.n}]`);
      } else {
        expect(typeof hf.reason).toBe("string");
      }
    }
    expect(aging.some((row) => (row.hyperformula as Json).measured)).toBe(true);
  });

  it("times CREDIT.SCORE spilled, per row and as a bare loop", () => {
    const score = report.score as Json[];
    expect(score.length).toBeGreaterThan(0);
    for (const row of score) {
      allPositive(
        row,
        [
          "n",
          "spilledMs",
          "singleCallsMs",
          "floorMs",
          "spilledRowsPerSec",
          "singleCallsRowsPerSec",
          "floorRowsPerSec",
          "spilledOverFloor",
          "singleOverSpilled",
        ],
        `score[${row.n}]`,
      );
      expect(row.agreesWithFloor).toBe(true);
      const hf = row.hyperformula as Json;
      if (hf.measured) {
        allPositive(hf, ["buildMs", "recalcMs"], `score[${row.n}].hyperformula`);
        expect(hf.agrees).toBe(true);
      }
    }
  });

  it("times the review engine with memory and growth per 10×", () => {
    const review = report.review as Json;
    const sizes = review.sizes as Json[];
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const row of sizes) {
      allPositive(row, ["n", "invoices", "reviewMs", "planMs", "totalMs", "customersPerSec"], `review[${row.n}]`);
      finite(row.heapGrowthMB, `review[${row.n}].heapGrowthMB`);
      finite(row.retainedMB, `review[${row.n}].retainedMB`);
      expect(row.withErrors).toBe(0);
    }
    const growth = review.growth as Json[];
    expect(growth).toHaveLength(sizes.length - 1);
    for (const g of growth) {
      allPositive(g, ["from", "to", "timeRatio"], "review.growth");
      // A ratio of two memory deltas: anything goes when the smaller one is near zero.
      expect(typeof g.retainedRatio === "number" || g.retainedRatio === null).toBe(true);
    }
  });

  it("reports the task pane and the bundles, measured or why not", () => {
    const taskpane = report.taskpane as Json;
    expect(typeof taskpane.measured).toBe("boolean");
    if (!taskpane.measured) expect(typeof taskpane.reason).toBe("string");
    else {
      positive(taskpane.latencyMsPerSync, "taskpane.latencyMsPerSync");
      const sizes = taskpane.sizes as Json[];
      expect(sizes.length).toBeGreaterThanOrEqual(2);
      for (const row of sizes) {
        positive(row.n, "taskpane.n");
        for (const who of ["ours", "naive"]) {
          for (const op of ["read", "write"]) {
            const s = (row[who] as Json)[op] as Json;
            allPositive(
              s,
              ["syncs", "largestSyncBytes", "totalBytes", "computeMs", "simulatedMs"],
              `taskpane[${row.n}].${who}.${op}`,
            );
            expect(typeof s.extrapolated).toBe("boolean");
          }
        }
        expect([true, null]).toContain(row.readAgrees);
        expect([true, null]).toContain(row.writeAgrees);
        expect(typeof row.writeSyncsWithinLimit).toBe("boolean");
        const web = row.web as Json;
        allPositive(
          web,
          ["readSyncs", "readBytes", "readSyncFloor", "readSyncLimit", "writeSyncs", "writeLargestRequestBytes"],
          `taskpane[${row.n}].web`,
        );
        // Under the 5 MB limit the same data comes back and the same workbook is written.
        expect(web.agrees).toBe(true);
      }
      expect(typeof taskpane.readSyncsConstant).toBe("boolean");
    }
    const firstRender = report.firstRender as Json;
    if (!firstRender.measured) expect(firstRender.reason).toMatch(/chromium|dist/i);
    else {
      const medians = firstRender.medians as Json;
      allPositive(medians, ["headingMs", "readyMs"], "firstRender.medians");
      expect(medians.readyMs as number).toBeGreaterThanOrEqual(medians.headingMs as number);
    }
    const bundles = report.bundles as Json;
    if (bundles.built) {
      for (const file of bundles.files as Json[]) allPositive(file, ["rawBytes", "gzipBytes"], `bundles.${String(file.file)}`);
      allPositive(bundles.taskpaneInitial as Json, ["rawBytes", "gzipBytes"], "bundles.taskpaneInitial");
    } else {
      expect(bundles.reason).toMatch(/npm run build/);
    }
  });

  it("times the command line against exceljs and the bare package pass, with peak memory", () => {
    const cli = report.cli as Json[];
    expect(cli.length).toBe(2);
    for (const size of cli) {
      positive(size.customers, "cli.customers");
      expect(size.invoices).toBe(3 * (size.customers as number));
      for (const who of ["cli", "exceljs", "bare"]) {
        const run = size[who] as Json;
        expect({ who, ok: run.ok }).toEqual({ who, ok: true });
        allPositive(run, ["ms", "peakMB"], `cli[${size.customers}].${who}`);
      }
      allPositive(size, ["cliOverBare", "speedupVsExceljs", "memoryVsExceljs"], `cli[${size.customers}]`);
    }
  });

  it("lists every target with what was measured", () => {
    const targets = report.targets as Json[];
    expect(targets).toHaveLength(12);
    for (const t of targets) {
      expect(typeof t.target).toBe("string");
      expect(typeof t.measured).toBe("string");
      expect([true, false, null]).toContain(t.met);
    }
  });
});

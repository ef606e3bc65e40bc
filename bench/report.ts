/**
 * The benchmark's report: the machine, the targets with what was measured against each, and
 * the figures as the text tables `npm run bench` prints (BENCHMARKS.md quotes them).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import type { benchAging } from "./aging";
import type { Bundles } from "./bundles";
import type { CliSize } from "./cli";
import { round } from "./config";
import type { FirstRenderResult } from "./first-render";
import type { benchReview } from "./review";
import type { benchScore } from "./score";
import type { TaskpaneResult } from "./taskpane";

export type AgingResult = ReturnType<typeof benchAging>;
export type ScoreResult = ReturnType<typeof benchScore>;
export type ReviewResult = ReturnType<typeof benchReview>;
export type TaskpaneOutcome = TaskpaneResult | { readonly measured: false; readonly reason: string };

export interface Target {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | null;
  readonly note?: string;
}

export interface Report {
  readonly meta: {
    readonly date: string;
    readonly command: string;
    readonly quick: boolean;
    readonly gc: string;
    readonly machine: ReturnType<typeof machine>;
    readonly seconds: number;
  };
  readonly aging: AgingResult;
  readonly score: ScoreResult;
  readonly review: ReviewResult;
  readonly taskpane: TaskpaneOutcome;
  readonly bundles: Bundles;
  readonly firstRender: FirstRenderResult;
  readonly cli: readonly CliSize[];
  readonly targets: Target[];
}

/** The machine the figures come from. */
export function machine() {
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

/** A Markdown table; an undefined cell shows as "–". */
export function table(head: string[], rows: unknown[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map((c) => (c === undefined ? "–" : String(c))).join(" | ")} |`),
  ].join("\n");
}

/** The report as `npm run bench` prints it: one table per benchmark, then the targets. */
export function reportText(report: Report): string {
  const { aging, score, review, taskpane, bundles, firstRender, cli } = report;
  const m = report.meta.machine;
  const out: string[] = [
    `${m.cpu}, ${m.nproc} CPUs, node ${m.node}; ${report.meta.date}; median of repeated runs after warm-up${report.meta.quick ? " (quick)" : ""}`,
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
      `Task pane Excel module vs naive row-by-row (office-addin-mock fake, ${taskpane.latencyMsPerSync} ms per sync simulated; (~…) = extrapolated linearly from ${taskpane.naiveCap} customers)`,
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
  out.push(
    "",
    "Command line (each in its own process; credit-review and the bare pass: the median of three alternated runs, the rest one run; peak = maxRSS)",
  );
  out.push(
    table(
      [
        "customers",
        "file MB",
        "credit-review ms",
        "peak MB",
        "bare pass ms",
        "peak MB",
        "bare pass over the output ms",
        "exceljs read+write ms",
        "peak MB",
        "÷ bare",
        "÷ bare over the output",
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
        c.bareOutput.ms,
        c.exceljs.ok ? c.exceljs.ms : (c.exceljs.error ?? "failed"),
        c.exceljs.peakMB,
        c.cliOverBare,
        c.cliOverBareOutput,
        c.speedupVsExceljs ?? "–",
        c.memoryVsExceljs ?? "–",
      ]),
    ),
  );
  out.push("", "The command line the month after (on its own reviewed copy, the archive holding the first review)");
  out.push(
    table(
      ["customers", "input MB", "credit-review ms", "peak MB", "bare pass over its input ms", "÷ bare"],
      cli.map((c) => [
        c.customers,
        c.nextMonthInputMB,
        c.nextMonth.ok ? c.nextMonth.ms : (c.nextMonth.error ?? "failed"),
        c.nextMonth.peakMB,
        c.bareOutput.ms,
        c.nextMonthOverBare,
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
  return `${out.join("\n")}\n`;
}

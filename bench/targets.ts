/**
 * The targets the benchmark holds the code to, each with what this run measured and whether it
 * was met: null when it could not be measured (nothing built, no Chromium) or in a quick run.
 */
import { round } from "./config";
import type { AgingResult, ReviewResult, Target, TaskpaneOutcome } from "./report";
import type { Bundles } from "./bundles";
import type { CliSize } from "./cli";

export function targets(
  quick: boolean,
  aging: AgingResult,
  review: ReviewResult,
  taskpane: TaskpaneOutcome,
  bundles: Bundles,
  cli: readonly CliSize[],
): Target[] {
  const big = cli[cli.length - 1];
  const full = aging[aging.length - 1];
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
      target:
        "task pane write: syncs ≤ 1 + ⌈payload / 4.8 MB⌉ (each sync packed to 4.8 MB, 4 % under the web's 5 MB; with and without that limit)",
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
  return quick ? list.map((t) => ({ ...t, met: null, note: "quick run: sizes too small to judge" })) : list;
}

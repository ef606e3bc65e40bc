/**
 * The command line on generated workbooks (n customers, 3 invoices each), against what a user
 * would do without it (exceljs reading and writing the same file) and against the floor (a bare
 * pass that inflates every part, scans it for cells and deflates it again at the writer's
 * level). Each run is its own node process, so peak memory is that run's alone (maxRSS).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { portfolio } from "./data";

export interface Run {
  readonly ms: number;
  readonly peakMB: number;
  readonly ok: boolean;
  readonly error?: string;
}

export interface CliSize {
  readonly customers: number;
  readonly invoices: number;
  readonly fileMB: number;
  readonly cli: Run;
  readonly exceljs: Run;
  readonly bare: Run;
  /**
   * The same bare pass over the reviewed copy: the floor for writing what the review writes,
   * whose output (output columns, archive) is about twice its input.
   */
  readonly bareOutput: Run;
  /** CLI time over the bare pass's. */
  readonly cliOverBare: number;
  /** CLI time over the bare pass's over the reviewed copy. */
  readonly cliOverBareOutput: number;
  /** exceljs's time over the CLI's. */
  readonly speedupVsExceljs: number | null;
  /**
   * The month after: credit-review on its own reviewed copy a month later, the archive holding
   * the first review (what a credit team runs every month after the first), and that copy's size.
   */
  readonly nextMonth: Run;
  readonly nextMonthInputMB: number;
  /** The month after's time over the bare pass over its input (the reviewed copy). */
  readonly nextMonthOverBare: number;
  /** CLI peak memory over exceljs's. */
  readonly memoryVsExceljs: number | null;
}

async function writeWorkbook(file: string, n: number, asOf: number): Promise<void> {
  const { customers, ledger } = portfolio(n, asOf);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  for (const [name, rows] of [
    ["Customers", customers],
    ["Invoices", ledger],
  ] as const) {
    const sheet = wb.addWorksheet(name);
    for (const row of rows) sheet.addRow(row as unknown[]).commit();
    sheet.commit();
  }
  await wb.commit();
}

/** Runs `script` in a fresh node; it prints nothing but its own work, then its peak memory. */
function timed(root: string, script: string, args: readonly string[]): Run {
  const wrapped = `${script};\nprocess.on("exit", () => process.stderr.write("\\nMAXRSS " + process.resourceUsage().maxRSS + "\\n"));`;
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--max-old-space-size=16384", "-e", wrapped, "--", ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /MAXRSS (\d+)/.exec(run.stderr ?? "");
  const peakMB = rss ? Number(rss[1]) / 1024 : 0;
  if (run.status !== 0) return { ms, peakMB, ok: false, error: (run.stderr ?? "").split("\n").slice(0, 3).join(" ") };
  return { ms: Math.round(ms), peakMB: Math.round(peakMB), ok: true };
}

/**
 * The run of median time of `runs` runs of the command line and of the bare pass, alternated so a
 * drift of the machine's speed falls on both: on this shared VM one run of the same code on the
 * same workbook took anywhere from 12.8 to 19.3 s.
 */
function alternated(runs: number, first: () => Run, second: () => Run): [Run, Run] {
  const a: Run[] = [];
  const b: Run[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(first());
    b.push(second());
  }
  return [medianRun(a), medianRun(b)];
}

/** The run whose time is the median (a failed run is the result as soon as there is one). */
export function medianRun(runs: readonly Run[]): Run {
  const failed = runs.find((r) => !r.ok);
  if (failed) return failed;
  return [...runs].sort((x, y) => x.ms - y.ms)[Math.floor((runs.length - 1) / 2)];
}

const CLI = `require("./lib/src/cli/main.js").main(process.argv.slice(1)).then((code) => { process.exitCode = code; })`;

const EXCELJS = `const ExcelJS = require("exceljs");
(async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(process.argv[1]); await wb.xlsx.writeFile(process.argv[2]); })()
  .catch((e) => { console.error(e.message); process.exitCode = 1; });`;

const BARE = `const fs = require("fs");
const { ZipReader } = require("./lib/src/cli/package/zip-reader.js");
const { ZipWriter } = require("./lib/src/cli/package/zip-writer.js");
(async () => {
  const zip = await ZipReader.open(process.argv[1], process.argv[1]);
  const fd = fs.openSync(process.argv[2], "w");
  const out = new ZipWriter(fd);
  let cells = 0;
  for (const entry of zip.entries.values()) {
    const part = out.begin(entry.name);
    await zip.readText(entry, (text) => { for (let i = text.indexOf("<c "); i >= 0; i = text.indexOf("<c ", i + 3)) cells++; return part.write(text); });
    await part.end();
  }
  out.finish();
  fs.closeSync(fd);
  if (cells === 0) process.exitCode = 1;
})();`;

export async function benchCli(
  root: string,
  sizes: readonly number[],
  asOf: number,
  asOfText: string,
  nextAsOfText: string,
  progress: (text: string) => void,
  runs = 3,
): Promise<CliSize[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-bench-cli-"));
  const results: CliSize[] = [];
  try {
    for (const n of sizes) {
      const input = path.join(dir, `customers-${n}.xlsx`);
      progress(`command line n=${n}: writing the workbook`);
      await writeWorkbook(input, n, asOf);
      const fileMB = Math.round((fs.statSync(input).size / 1e6) * 10) / 10;
      progress(`command line n=${n}: bare pass and credit-review, ${runs} times each, alternated`);
      const [bare, cli] = alternated(
        runs,
        () => timed(root, BARE, [input, path.join(dir, "bare.zip")]),
        () => timed(root, CLI, [input, "--as-of", asOfText, "--out", path.join(dir, "reviewed.xlsx")]),
      );
      progress(`command line n=${n}: bare pass over the reviewed copy`);
      const bareOutput = timed(root, BARE, [path.join(dir, "reviewed.xlsx"), path.join(dir, "bare-output.zip")]);
      progress(`command line n=${n}: credit-review the month after, on its reviewed copy`);
      const nextMonth = timed(root, CLI, [
        path.join(dir, "reviewed.xlsx"),
        "--as-of",
        nextAsOfText,
        "--out",
        path.join(dir, "reviewed-next.xlsx"),
      ]);
      const nextMonthInputMB = Math.round((fs.statSync(path.join(dir, "reviewed.xlsx")).size / 1e6) * 10) / 10;
      progress(`command line n=${n}: exceljs read + write`);
      const exceljs = timed(root, EXCELJS, [input, path.join(dir, "exceljs.xlsx")]);
      for (const f of ["bare.zip", "bare-output.zip", "reviewed.xlsx", "reviewed-next.xlsx", "exceljs.xlsx"])
        fs.rmSync(path.join(dir, f), { force: true });
      const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
      results.push({
        customers: n,
        invoices: 3 * n,
        fileMB,
        cli,
        exceljs,
        bare,
        bareOutput,
        cliOverBare: ratio(cli.ms, bare.ms),
        cliOverBareOutput: ratio(cli.ms, bareOutput.ms),
        speedupVsExceljs: exceljs.ok ? ratio(exceljs.ms, cli.ms) : null,
        nextMonth,
        nextMonthInputMB,
        nextMonthOverBare: ratio(nextMonth.ms, bareOutput.ms),
        memoryVsExceljs: exceljs.ok ? ratio(cli.peakMB, exceljs.peakMB) : null,
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

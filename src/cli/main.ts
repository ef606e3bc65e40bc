/**
 * credit-review: the portfolio review over an .xlsx file. Reads with exceljs, runs the
 * engine, writes the engine's plan to a new workbook. Exit 0 done, 2 bad input, 1 bug.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readDate, todaySerial } from "../engine/cells";
import { CreditError, describeError } from "../engine/errors";
import { Lang, message, MessageKey, MessageParams } from "../engine/i18n";
import { completePolicy, DEFAULT_POLICY, Policy } from "../engine/policy";
import { HEADER_SCAN_ROWS } from "../engine/review/headers";
import { findLedger } from "../engine/review/ledger";
import { readPolicySheet } from "../engine/review/policy-sheet";
import { looksLikeCustomerSheet } from "../engine/review/columns";
import { runReview, ReviewResult } from "../engine/review/review";
import { isReviewSheet, sheetRoles } from "../engine/review/sheets";
import { buildWritePlan } from "../engine/review/write-plan";
import { readOptions, UsageError, USAGE } from "./options";
import { toJson, toTable } from "./report";
import { applyPlan, sheetValues } from "./workbook-io";

/** Bad input: said in one line, exit 2, nothing written. */
class InputError extends Error {}

function fail(lang: Lang, key: MessageKey, params?: MessageParams): never {
  throw new InputError(message(lang, key, params));
}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  progress: boolean;
  /** Writes the finished workbook to a file; tests replace it to simulate faults (a full disk). */
  writeWorkbook?: (workbook: ExcelJS.Workbook, file: string) => Promise<void>;
}

const writeWithExcelJs = (workbook: ExcelJS.Workbook, file: string): Promise<void> => workbook.xlsx.writeFile(file);

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text + "\n"),
  stderr: (text) => process.stderr.write(text + "\n"),
  progress: Boolean(process.stderr.isTTY),
  writeWorkbook: writeWithExcelJs,
};

async function readWorkbook(file: string, lang: Lang): Promise<ExcelJS.Workbook> {
  let reason = "";
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) reason = "not a file";
  } catch {
    reason = "no such file";
  }
  if (!reason) {
    const head = Buffer.alloc(4);
    const fd = fs.openSync(file, "r");
    fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
    if (head.toString("latin1", 0, 2) !== "PK") reason = "not a zip-based .xlsx file";
  }
  if (reason) fail(lang, "cli.notXlsx", { file, reason });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    fail(lang, "cli.notXlsx", { file, reason: (error as Error).message.slice(0, 120) });
  }
  return workbook;
}

function pickSheet(workbook: ExcelJS.Workbook, wanted: string | undefined, lang: Lang): ExcelJS.Worksheet {
  const names = workbook.worksheets.map((s) => s.name);
  if (wanted !== undefined) {
    const sheet = workbook.getWorksheet(wanted);
    if (!sheet) fail(lang, "cli.noSheet", { sheet: wanted, sheets: names.join(", ") });
    return sheet;
  }
  for (const sheet of workbook.worksheets) {
    if (isReviewSheet(sheet.name)) continue;
    const top: unknown[][] = [];
    for (let r = 1; r <= Math.min(sheet.rowCount, HEADER_SCAN_ROWS); r++) {
      top.push(((sheet.getRow(r).values as unknown[]) ?? []).slice(1));
    }
    if (looksLikeCustomerSheet(top)) return sheet;
  }
  return fail(lang, "cli.noCustomerSheet", { sheets: names.join(", ") });
}

/** The sheet of that name; none for no name (exceljs's getWorksheet(undefined) is the first sheet). */
function sheetNamed(workbook: ExcelJS.Workbook, name: string | undefined): ExcelJS.Worksheet | undefined {
  return name === undefined ? undefined : workbook.getWorksheet(name);
}

function readPolicy(file: string | undefined, workbook: ExcelJS.Workbook, lang: Lang): Policy {
  if (file !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      fail(lang, "cli.badPolicy", { file, reason: (error as Error).message.slice(0, 120) });
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      fail(lang, "cli.badPolicy", { file, reason: "not a JSON object" });
    return completePolicy(raw as Record<string, unknown>);
  }
  const sheet = sheetNamed(workbook, sheetRoles(workbook.worksheets.map((s) => s.name)).policy);
  return sheet ? readPolicySheet(sheetValues(sheet)) : DEFAULT_POLICY;
}

function outputPath(input: string, out: string | undefined): string {
  if (out !== undefined) return out;
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.reviewed.xlsx`);
}

/** Writes next to the target and renames, so a failed write (full disk) leaves no half file. */
async function writeAtomically(
  workbook: ExcelJS.Workbook,
  file: string,
  lang: Lang,
  write: NonNullable<Io["writeWorkbook"]>,
): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    // A read-only output file is refused, not replaced behind its owner's back (rename would allow it).
    if (fs.existsSync(file)) fs.closeSync(fs.openSync(file, "r+"));
    await write(workbook, temp);
    fs.renameSync(temp, file);
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The folder itself is unusable (not a directory, gone): there is no temp file to remove.
    }
    fail(lang, "cli.writeFailed", { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
}

export async function review(argv: readonly string[], io: Io = defaultIo): Promise<{ code: number; result?: ReviewResult }> {
  let lang: Lang = "en";
  try {
    const options = readOptions(argv, process.env);
    lang = options.lang;
    if (options.help) {
      io.stdout(USAGE);
      return { code: 0 };
    }
    const output = outputPath(options.input, options.out);
    if (path.resolve(output) === path.resolve(options.input)) fail(lang, "cli.sameAsInput");
    let asOf = todaySerial();
    if (options.asOf !== undefined) {
      const reading = readDate(options.asOf);
      if (reading.kind !== "date") fail(lang, "cli.badAsOf", { value: options.asOf });
      asOf = reading.serial;
    }
    if (io.progress) io.stderr(message(lang, "cli.reading", { file: options.input }));
    const workbook = await readWorkbook(options.input, lang);
    const policy = readPolicy(options.policy, workbook, lang);
    const sheet = pickSheet(workbook, options.sheet, lang);
    const names = workbook.worksheets.map((s) => s.name);
    const roles = sheetRoles(names, sheet.name);
    const archiveSheet = sheetNamed(workbook, roles.archive);
    const archive = archiveSheet ? sheetValues(archiveSheet) : undefined;
    const ledger = findLedger(roles.candidates, (name) => sheetValues(workbook.getWorksheet(name)!));
    const values = sheetValues(sheet);
    if (io.progress) io.stderr(message(lang, "cli.reviewing", { count: values.length, sheet: sheet.name }));
    const result = runReview({ sheetName: sheet.name, values, asOf, policy, archive, ledger }, lang);
    const plan = buildWritePlan(result, lang, { sheetNames: names, archiveValues: archive });
    applyPlan(workbook, plan, lang);
    if (io.progress) io.stderr(message(lang, "cli.writing", { file: output }));
    await writeAtomically(workbook, output, lang, io.writeWorkbook ?? writeWithExcelJs);
    io.stdout(options.json ? JSON.stringify(toJson(result, lang, output), null, 2) : toTable(result, lang, output));
    return { code: 0, result };
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`credit-review: ${error.message}\n${USAGE.split("\n")[0]}`);
      return { code: 2 };
    }
    if (error instanceof InputError) {
      io.stderr(`credit-review: ${error.message}`);
      return { code: 2 };
    }
    if (error instanceof CreditError) {
      io.stderr(`credit-review: ${describeError(error, lang)}`);
      return { code: 2 };
    }
    io.stderr(`credit-review: internal error: ${(error as Error).stack ?? String(error)}`);
    return { code: 1 };
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  return (await review(argv)).code;
}

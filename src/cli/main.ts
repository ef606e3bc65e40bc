/**
 * credit-review: the portfolio review over an .xlsx file. Reads the sheets it needs as streams,
 * runs the engine, and writes the engine's plan into a copy of the package that keeps every
 * part it does not own byte for byte. Exit 0 done, 2 bad input, 1 bug.
 */
import "../engine/i18n/cli";
import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import * as v8 from "node:v8";
import * as zlib from "node:zlib";
import { a1 } from "../engine/a1";
import { CellValue, daysInMonth, isoFromSerial, readDate, todaySerial } from "../engine/cells";
import { CreditError, describeError } from "../engine/errors";
import { Lang, message, MessageKey, MessageParams } from "../engine/i18n";
import { DEFAULT_POLICY, Policy, POLICY_FIELDS } from "../engine/policy";
import { LedgerSearch, searchLedger } from "../engine/review/ledger";
import { readPolicySheet, settingLabel } from "../engine/review/policy-sheet";
import { ColumnMapping, MappingUse, mappingUse } from "../engine/review/column-mapping";
import { customerHeaderLang, earlierReviewLang, responseColumnOf } from "../engine/review/columns";
import { runReview, ReviewResult } from "../engine/review/review";
import { findOwnSheets, sheetsToRecognise } from "../engine/review/own-sheets";
import { CustomerSheetPick, notCustomerSheet, pickCustomerSheet, sheetKinds } from "../engine/review/sheet-choice";
import { OwnSheets, reviewSheetKind, sameSheetName, sheetRoles } from "../engine/review/sheets";
import { buildWritePlan } from "../engine/review/write-plan";
import {
  customerTableMessages,
  FaceMessage,
  nearMissLines,
  asOfAheadText,
  asOfFarText,
  tableClashMessage,
  tableResizedMessage,
} from "../engine/review/texts";
import { fileErrorReason, HEAD_BYTES, notPackageReason } from "./file-reason";
import { KeptMappingRead, mappingJson, mappingLines, mappingOf, readKeptMapping, unreadableMappingLine } from "./kept-mapping";
import { askedLang, readOptions, usage, UsageError } from "./options";
import { BoundError, checkReviewMemory } from "./package/bounds";
import { asPackageError } from "./package/package-error";
import { SheetInfo } from "./package/package";
import { Workbook } from "./package/workbook";
import type { TableOutcome } from "./package/table-part";
import type { WriteNotes } from "./package/write-package";
import { PolicyFile, PolicyFileError, readPolicyFile } from "./policy-file";
import { toJson, toTable } from "./report";
import { safeJson, safeText } from "./terminal";
import "../engine/i18n/report";

/** Bad input: said in one line, exit 2, nothing written. */
class InputError extends Error {
  constructor(
    readonly key: MessageKey,
    text: string,
  ) {
    super(text);
  }
}

function fail(lang: Lang, key: MessageKey, params?: MessageParams): never {
  throw new InputError(key, message(lang, key, params));
}

/** The version in the project's package.json, found from this module upwards (src/cli in tests, lib/src/cli installed). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version ?? "";
    if (path.dirname(dir) === dir) return "";
  }
}

/** Whether the command line asks for --json, read before its options are (a command line that cannot be read is answered in JSON too). */
function asksJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).includes("--json");
}

/**
 * A failure as --json gives it on stdout, beside the line on stderr: a script reading stdout gets
 * one JSON object whatever happened, with the exit code, what kind of failure it was and the
 * message's key (stable across languages and wordings) and text.
 */
function failureJson(exitCode: number, kind: string, key: string | undefined, text: string): string {
  return safeJson(JSON.stringify({ error: { exitCode, kind, ...(key ? { key } : {}), message: text } }, null, 2));
}

/** Writes the reviewed package into `file` through `produce`; tests replace it to simulate faults (a full disk). */
export type WorkbookWriter = (file: string, mode: number, produce: (fd: number) => Promise<void>) => Promise<void>;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  progress: boolean;
  writeWorkbook?: WorkbookWriter;
  /** The terminal's width when the report is shown in one; undefined when it goes to a file or a pipe. */
  columns?: number;
}

/** Creates the file with the input's permission bits (a private workbook stays private), writes it, and syncs it. */
export const writeToFile: WorkbookWriter = async (file, mode, produce) => {
  const fd = fs.openSync(file, "wx", mode);
  try {
    fs.fchmodSync(fd, mode);
    await produce(fd);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
};

/** The narrowest terminal the report is laid out for; a narrower one is written to as a file is, unfolded. */
const LEAST_TERMINAL = 40;

const defaultIo: Io = {
  stdout: (text) => process.stdout.write(text + "\n"),
  stderr: (text) => process.stderr.write(text + "\n"),
  progress: Boolean(process.stderr.isTTY),
  writeWorkbook: writeToFile,
  // Some pseudo-terminals give 0 (or a width no report fits): folded at it, every line would be one character a line.
  columns: process.stdout.isTTY && process.stdout.columns >= LEAST_TERMINAL ? process.stdout.columns : undefined,
};

/**
 * A calendar date, year first (2026-11-30, 2026/11/30, 2026.11.30 or 20261130): never a number
 * ("1e4", "46356" would otherwise be read as a serial or a year), never day and month in an order
 * to guess.
 */
const AS_OF_DAY = /^(\d{4})([-/.]?)(\d{2})\2(\d{2})$/;

/** --as-of as a serial, or a usage failure that says what is wrong with it: its form, or a day the month has not. */
function asOfSerial(value: string, lang: Lang): number {
  const parts = AS_OF_DAY.exec(value.trim());
  if (!parts) return fail(lang, "cli.badAsOf", { value: value.slice(0, 40) });
  const [year, month] = [Number(parts[1]), Number(parts[3])];
  const reading = readDate(`${parts[1]}-${parts[3]}-${parts[4]}`);
  if (reading.kind === "date") return reading.serial;
  if (month >= 1 && month <= 12 && year >= 1900) {
    return fail(lang, "cli.asOfNoSuchDay", {
      value: value.trim(),
      month: `${parts[1]}-${parts[3]}`,
      days: daysInMonth(year, month),
    });
  }
  return fail(lang, "cli.badAsOf", { value: value.slice(0, 40) });
}

/** Checks the input is a readable zip file and returns its permission bits, for the output. */
function inputMode(file: string, lang: Lang): number {
  let reason: string | undefined;
  let mode = 0o644;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) reason = message(lang, "cli.reason.notFile");
    mode = stat.mode & 0o777;
  } catch (error) {
    reason = fileErrorReason(error, lang);
  }
  if (!reason) {
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      const fd = fs.openSync(file, "r");
      let length = 0;
      try {
        length = fs.readSync(fd, head, 0, head.length, 0);
      } finally {
        fs.closeSync(fd);
      }
      reason = notPackageReason(head.subarray(0, length), lang);
    } catch (error) {
      reason = fileErrorReason(error, lang);
    }
  }
  if (reason) fail(lang, "cli.notXlsx", { file, reason });
  return mode;
}

/**
 * The review's own sheets in the workbook, under our names or renamed: the top rows of the
 * other sheets are read only when one of ours has no sheet of its name.
 */
async function ownSheetsOf(workbook: Workbook): Promise<OwnSheets> {
  const names = workbook.sheets.map((s) => s.name);
  const tops = new Map<string, CellValue[][]>();
  for (const name of sheetsToRecognise(names)) tops.set(name, await workbook.top(workbook.sheet(name)!));
  return findOwnSheets(names, (name) => tops.get(name));
}

/** The customer sheet: the one --sheet names, else the one the task pane would preselect (pickCustomerSheet), with the others that qualify too. */
async function pickSheet(
  workbook: Workbook,
  wanted: string | undefined,
  own: OwnSheets,
  mapping: ColumnMapping | undefined,
  lang: Lang,
): Promise<{ sheet: SheetInfo; pick?: CustomerSheetPick }> {
  const names = workbook.sheets.filter((s) => s.state !== "veryHidden").map((s) => s.name);
  if (wanted !== undefined) {
    // Excel's names are one sheet's whatever their case: --sheet customers finds "Customers".
    const sheet =
      workbook.sheet(wanted) ?? workbook.sheets.find((s) => s.state !== "veryHidden" && sameSheetName(s.name, wanted));
    if (!sheet) fail(lang, "cli.noSheet", { sheet: wanted, sheets: names });
    const kind = notCustomerSheet(sheet.name, await workbook.top(sheet), own, mapping);
    if (kind !== undefined) {
      // Said with the sheet the review would take without --sheet, the one meant more often than not.
      const suggest = (await customerSheetPick(workbook, own, mapping))?.sheet;
      const then =
        suggest === undefined
          ? message(lang, "cli.noCustomerSheet", { sheets: names })
          : message(lang, "cli.reviewCustomersWith", { suggest });
      fail(lang, kind === "ledger" ? "cli.sheetIsLedger" : "cli.sheetIsOwn", { sheet: sheet.name, kind, then });
    }
    return { sheet };
  }
  const pick = await customerSheetPick(workbook, own, mapping);
  if (!pick) return fail(lang, "cli.noCustomerSheet", { sheets: names });
  return { sheet: workbook.sheet(pick.sheet)!, pick };
}

/** The customer sheet the review takes when none is named (the one the task pane would preselect), with the others that qualify. */
async function customerSheetPick(
  workbook: Workbook,
  own: OwnSheets,
  mapping: ColumnMapping | undefined,
): Promise<CustomerSheetPick | undefined> {
  // A very hidden sheet is never picked, nor one of ours: their top rows are not read.
  const ours = new Set(Object.values(own));
  const candidates = workbook.sheets.filter((s) => s.state !== "veryHidden" && !ours.has(s.name) && !reviewSheetKind(s.name));
  const tops: { name: string; values: CellValue[][] }[] = [];
  for (const sheet of candidates) tops.push({ name: sheet.name, values: await workbook.top(sheet) });
  const candidateNames = candidates.map((s) => s.name);
  const kinds = sheetKinds(candidateNames, tops, own, mapping);
  return pickCustomerSheet(candidateNames, kinds, (name) => workbook.sheet(name)?.state, workbook.activeSheet);
}

/** The line saying which sheet was picked and which others hold customers too, with --sheet; none when it was the only one. */
function pickLine(pick: CustomerSheetPick | undefined, lang: Lang): string | undefined {
  if (!pick?.others.length) return undefined;
  const reason = { active: "cli.pickedActive", first: "cli.pickedFirst", firstHidden: "cli.pickedFirstHidden" } as const;
  return message(lang, "cli.pickedOthers", {
    sheet: pick.sheet,
    reason: message(lang, reason[pick.reason]),
    others: pick.others.map((sheet) => message(lang, "cli.quotedSheet", { sheet })),
    count: pick.others.length,
    first: pick.others[0],
  });
}

/**
 * The policy: the workbook's policy sheet (else the defaults), with the settings a --policy file
 * names over it; and, for stderr, which settings the file set and where the others came from, in
 * the language the run settles on once the customer sheet is read (see reviewWorkbook).
 */
async function readPolicy(
  file: string | undefined,
  workbook: Workbook,
  own: OwnSheets,
  lang: Lang,
): Promise<{ policy: Policy; line?: (lang: Lang) => string }> {
  const sheet = own.policy === undefined ? undefined : workbook.sheet(own.policy);
  const values = sheet && (await workbook.values(sheet));
  const fromWorkbook = () => (sheet && values ? readPolicySheet(values, sheet.name) : DEFAULT_POLICY);
  if (file === undefined) return { policy: fromWorkbook() };
  let read: PolicyFile;
  try {
    read = readPolicyFile(file, lang, fromWorkbook);
  } catch (error) {
    if (error instanceof PolicyFileError) fail(lang, error.key, error.params);
    throw error;
  }
  if (read.named.length === POLICY_FIELDS.length) return { policy: read.policy };
  const line = (lang: Lang) => {
    const settings = read.named.map((key) => settingLabel(key, lang)).join(message(lang, "sep.list"));
    return safeText(
      `credit-review: ${message(lang, sheet ? "cli.policyFileOverSheet" : "cli.policyFileOverDefaults", {
        file,
        settings: settings || message(lang, "summary.none"),
        sheet: sheet?.name ?? "",
      })}`,
    );
  };
  return { policy: read.policy, line };
}

/**
 * The end of a name the command line gave a reviewed copy: `.reviewed-2026-11-30`, with ` (2)`
 * when that was taken, or `.reviewed` alone as earlier versions named it.
 */
const REVIEWED_SUFFIX = /\.reviewed(?:-\d{4}-\d{2}-\d{2})?(?: \(\d+\))?$/;

/**
 * Where the reviewed copy goes without --out: beside the input, named by the review date
 * (customers.reviewed-2026-11-30.xlsx), so a month's copy reviewed the next month gives
 * customers.reviewed-2026-12-31.xlsx, not a name growing by a suffix a month. A name already
 * taken (the input itself, or a copy someone may have worked in since) is never replaced: the
 * next free " (2)", " (3)"… is. --out names a file to replace on purpose.
 */
function outputPath(input: string, out: string | undefined, asOf: number): string {
  return out ?? freeReviewedName(input, asOf);
}

/** The first of the reviewed copy's default names (see outputPath) that no file has. */
function freeReviewedName(input: string, asOf: number): string {
  const parsed = path.parse(input);
  // A macro-enabled workbook stays one: its reviewed copy keeps the VBA project and the .xlsm name.
  const extension = /^\.xlsm$/i.test(parsed.ext) ? parsed.ext : ".xlsx";
  const name = `${parsed.name.replace(REVIEWED_SUFFIX, "")}.reviewed-${isoFromSerial(asOf)}`;
  for (let n = 1; ; n++) {
    const file = path.join(parsed.dir, `${name}${n === 1 ? "" : ` (${n})`}${extension}`);
    if (!named(file)) return file;
  }
}

/** Whether a name is in use, by anything: a link pointing nowhere holds its name too. */
function named(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** --out names a file to create or replace, in a folder that exists: not a device, a FIFO or a socket. */
function checkOutput(file: string, lang: Lang): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    // Said before the review, by the folder's name: "no such file" after it left the user guessing.
    const folder = path.dirname(file);
    if (!fs.existsSync(folder)) fail(lang, "cli.outNoFolder", { file, folder });
    return;
  }
  if (!stat.isFile() && !stat.isDirectory()) fail(lang, "cli.outNotFile", { file });
}

/**
 * Writes next to the target and renames, so a failed write (full disk) leaves no half file.
 * `nextFree` is given when the name was chosen as free rather than named by --out: a second run
 * the same day may have taken it while this one reviewed, and its copy is never replaced; the
 * copy is given the next free name instead. Returns the name written.
 */
async function writeAtomically(
  file: string,
  mode: number,
  lang: Lang,
  write: WorkbookWriter,
  produce: (fd: number) => Promise<void>,
  nextFree?: () => string,
): Promise<string> {
  // Random, not the process id alone: two machines writing to one shared folder may run under the same id.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    // A read-only output file is refused, not replaced behind its owner's back (rename would allow it).
    if (fs.existsSync(file)) fs.closeSync(fs.openSync(file, "r+"));
    await write(temp, mode, produce);
    if (nextFree) file = claimName(temp, file, nextFree);
    else fs.renameSync(temp, file);
    return file;
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The folder itself is unusable (not a directory, gone): there is no temp file to remove.
    }
    if (error instanceof BoundError || error instanceof CreditError || asPackageError(error)) throw error;
    fail(lang, "cli.writeFailed", { file, reason: fileErrorReason(error, lang) });
  }
}

/**
 * Gives the written copy at `temp` the name `file`, or the next free one when another process has
 * taken it since: a hard link is made only where no file has the name, which a rename does not
 * check. Where the link cannot be made for another reason (a file system without hard links: FAT
 * and exFAT, some network shares, each saying so with its own code), the name is checked just
 * before the rename instead, and a real problem with the folder is said by the rename.
 */
function claimName(temp: string, file: string, nextFree: () => string): string {
  for (;;) {
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") {
        file = nextFree();
        continue;
      }
      if (named(file)) file = nextFree();
      fs.renameSync(temp, file);
      return file;
    }
    // The copy has its name: the temporary name is only tidied away (a virus scanner may hold a
    // file just written for a moment), never a reason to call the run failed.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.rmSync(temp, { force: true });
        break;
      } catch {
        // Tried once more, then left.
      }
    }
    return file;
  }
}

/** A review done, with what the report says besides the result: how its sheet was picked and the mapping kept in the workbook. */
interface Reviewed {
  readonly result: ReviewResult;
  readonly pick?: CustomerSheetPick;
  readonly kept?: KeptMappingRead;
  readonly use?: MappingUse;
  /** The language the review is written and reported in. */
  readonly lang: Lang;
  /** Set when that language is the one the sheet was last reviewed in, not --lang's or the locale's. */
  readonly langOfLastReview?: boolean;
  /** The review is in the language of the sheet's headers: never reviewed, and the locale names none. */
  readonly langOfHeaders?: boolean;
  /** What became of the customer sheet's Excel table: resized, or not extended over the review's columns for a clash of names. */
  readonly table?: TableOutcome;
  /** The reviewed copy's name: the one chosen, or the next free one when another run took it meanwhile. */
  readonly output: string;
}

/** The rows holding any cell: a few customers spread over the grid cost the review a few rows, not the grid. */
function rowsWithCells(values: readonly (readonly CellValue[])[]): number {
  let rows = 0;
  for (const row of values) if (row.length > 0) rows++;
  return rows;
}

async function reviewWorkbook(
  workbook: Workbook,
  options: ReturnType<typeof readOptions>,
  asOf: number,
  output: string,
  mode: number,
  io: Io,
): Promise<Reviewed> {
  let lang = options.lang;
  const own = await ownSheetsOf(workbook);
  const { policy, line: policyLine } = await readPolicy(options.policy, workbook, own, lang);
  // The headers the user mapped by hand in the pane: the sheet is picked and read with them, as the pane does.
  const kept = await readKeptMapping(workbook, lang);
  const mapping = mappingOf(kept);
  const unreadableLine = (lang: Lang) => {
    const unreadable = kept && unreadableMappingLine(kept, lang);
    return unreadable ? safeText(`credit-review: ${unreadable}`) : undefined;
  };
  // Said once the language is settled (every line of a run in the run's language), or before a
  // failure to find the sheet, which the mapping may explain.
  const sayPending = (lang: Lang) => {
    for (const line of [policyLine?.(lang), unreadableLine(lang)]) if (line) io.stderr(line);
  };
  let picked: Awaited<ReturnType<typeof pickSheet>>;
  try {
    picked = await pickSheet(workbook, options.sheet, own, mapping, lang);
  } catch (error) {
    sayPending(lang);
    throw error;
  }
  const { sheet, pick } = picked;
  const names = workbook.sheets.map((s) => s.name);
  const roles = sheetRoles(names, own, sheet.name);
  const archiveSheet = roles.archive === undefined ? undefined : workbook.sheet(roles.archive);
  const archive = archiveSheet ? await workbook.values(archiveSheet) : undefined;
  const historySheet = roles.policyHistory === undefined ? undefined : workbook.sheet(roles.policyHistory);
  const policyHistoryValues = historySheet ? await workbook.values(historySheet) : undefined;
  // The engine's candidates, told apart by their top rows only: a ledger's full read waits until it is the one.
  let search: LedgerSearch = {};
  let ledger: { sheetName: string; values: CellValue[][] } | undefined;
  for (const name of roles.candidates) {
    const other = workbook.sheet(name);
    if (!other || other.state === "veryHidden") continue;
    search = searchLedger(search, other.name, await workbook.top(other));
    if (search.ledger) {
      ledger = { sheetName: other.name, values: await workbook.values(other) };
      break;
    }
  }
  const incompleteLedger = search.incomplete;
  // The team's responses read as their cells show them: a date typed as a response is a date's number to Excel.
  const responses = responseColumnOf(sheet.name, await workbook.top(sheet), mapping);
  const values = await workbook.values(sheet, true, responses);
  // Month after month the workbook keeps one language: without --lang, a sheet reviewed before is
  // reviewed again in the language its columns carry, whatever the locale of the machine running it.
  const earlier = options.langAsked ? undefined : earlierReviewLang(values);
  const langOfLastReview = earlier !== undefined && earlier !== options.lang;
  if (langOfLastReview) lang = earlier;
  // A sheet never reviewed, on a machine whose locale names no language (C, POSIX: a server, a
  // container): the language its headers are written in, not English for a Chinese sheet for good.
  const fromHeaders =
    options.langAsked || earlier !== undefined || options.localeNamesLang ? undefined : customerHeaderLang(values);
  const langOfHeaders = fromHeaders !== undefined && fromHeaders !== lang;
  if (langOfHeaders) lang = fromHeaders;
  sayPending(lang);
  checkReviewMemory(sheet.name, workbook.cellsRead, rowsWithCells(values), archive ? rowsWithCells(archive) : 0);
  if (io.progress) io.stderr(message(lang, "cli.reviewing", { count: values.length, sheet: sheet.name }));
  const result = runReview(
    {
      sheetName: sheet.name,
      values,
      asOf,
      policy,
      archive,
      policyHistory: policyHistoryValues,
      ledger,
      incompleteLedger,
      mapping,
    },
    lang,
  );
  const use = mapping && mappingUse(mapping, result.columns, values[result.columns.headerRow - 1] ?? []);
  const policySheet = own.policy === undefined ? undefined : workbook.sheet(own.policy);
  const policyValues = policySheet ? await workbook.values(policySheet) : undefined;
  const plan = buildWritePlan(result, lang, { ownSheets: own, archiveValues: archive, policyValues, policyHistoryValues });
  if (io.progress) io.stderr(message(lang, "cli.writing", { file: output }));
  let written: WriteNotes = {};
  const nextFree = options.out === undefined ? () => freeReviewedName(options.input, asOf) : undefined;
  const file = await writeAtomically(
    output,
    mode,
    lang,
    io.writeWorkbook ?? writeToFile,
    async (fd) => {
      written = await workbook.write(plan, lang, fd);
    },
    nextFree,
  );
  return { result, pick, kept, use, lang, langOfLastReview, langOfHeaders, table: written.table, output: file };
}

export async function review(argv: readonly string[], io: Io = defaultIo): Promise<{ code: number; result?: ReviewResult }> {
  let lang: Lang = "en";
  let input = "";
  let json = asksJson(argv);
  try {
    const options = readOptions(argv, process.env);
    lang = options.lang;
    input = options.input;
    json = options.json;
    if (options.help) {
      io.stdout(usage(lang, true));
      return { code: 0 };
    }
    if (options.version) {
      io.stdout(`credit-review ${packageVersion()}`);
      return { code: 0 };
    }
    let asOf = todaySerial();
    if (options.asOf !== undefined) {
      asOf = asOfSerial(options.asOf, lang);
      const far = asOfFarText(asOf, todaySerial(), lang);
      if (far) fail(lang, "cli.asOfFar", { reason: far });
    }
    const output = outputPath(options.input, options.out, asOf);
    if (path.resolve(output) === path.resolve(options.input)) fail(lang, "cli.sameAsInput");
    // A macro-enabled package under an .xlsx name is a file Excel refuses to open.
    if (/\.xlsm$/i.test(options.input) && !/\.xlsm$/i.test(output)) fail(lang, "cli.keepXlsm", { file: output });
    // Any other name (report.csv) would hold an .xlsx package that its name's program cannot open.
    if (!/\.xlsm$/i.test(options.input) && !/\.xlsx$/i.test(output)) fail(lang, "cli.outExtension", { file: output });
    checkOutput(output, lang);
    const mode = inputMode(options.input, lang);
    if (io.progress) io.stderr(message(lang, "cli.reading", { file: options.input }));
    const workbook = await Workbook.open(options.input, options.input, lang);
    let reviewed: Reviewed;
    try {
      reviewed = await reviewWorkbook(workbook, options, asOf, output, mode, io);
    } finally {
      workbook.close();
    }
    const { result, pick, kept, use } = reviewed;
    lang = reviewed.lang;
    const noValue = workbook.formulasWithoutValue;
    const { clash, resized } = reviewed.table ?? {};
    const say = ({ key, params }: FaceMessage) => message(lang, key, params);
    if (noValue.length) {
      const cells = noValue.length > 5 ? [...noValue.slice(0, 5), "…"] : noValue;
      const key = workbook.calculatesOnOpen ? "cli.noValueUncalculated" : "cli.noValue";
      io.stderr(safeText(`credit-review: ${message(lang, key, { count: noValue.length, cells })}`));
    }
    for (const line of nearMissLines(result, lang)) io.stderr(safeText(`credit-review: ${line}`));
    const today = todaySerial();
    const ahead = asOfAheadText(asOf, today, lang);
    if (ahead) io.stderr(`credit-review: ${ahead}`);
    const maybeStale = workbook.formulasMaybeStale;
    if (maybeStale > 0) io.stderr(safeText(`credit-review: ${message(lang, "cli.manualCalculation", { count: maybeStale })}`));
    if (options.json) {
      const json = {
        ...toJson(result, lang, reviewed.output),
        sheetChoice: { by: pick?.reason ?? "option", otherCustomerSheets: pick?.others ?? [] },
        columnMapping: mappingJson(kept, use),
        formulasWithoutValue: noValue,
        ...(workbook.calculatesOnOpen ? { calculatesOnOpen: true } : {}),
        ...(maybeStale > 0 ? { formulasMaybeStale: maybeStale } : {}),
        ...(ahead ? { asOfAhead: { days: asOf - today, text: ahead } } : {}),
        language: {
          lang,
          by: options.langAsked
            ? "option"
            : reviewed.langOfLastReview
              ? "lastReview"
              : reviewed.langOfHeaders
                ? "headers"
                : "locale",
        },
        ...(clash
          ? { tableNotExtended: { table: clash.table, names: clash.names, text: say(tableClashMessage(clash, result.sheet)) } }
          : {}),
        ...(resized
          ? {
              tableResized: {
                table: resized.table,
                from: a1(resized.from),
                to: a1(resized.to),
                text: say(tableResizedMessage(resized, result.sheet)),
              },
            }
          : {}),
      };
      io.stdout(safeJson(JSON.stringify(json, null, 2)));
    } else {
      // Under the table's heading: the mapping the sheet was read with, and the other sheets it could have been.
      const notes = kept && "mapping" in kept && use ? [...mappingLines(kept, use, lang)] : [];
      const picked = pickLine(pick, lang);
      if (picked) notes.push(picked);
      if (reviewed.langOfLastReview) notes.push(message(lang, "cli.langOfLastReview", { sheet: result.sheet }));
      if (reviewed.langOfHeaders) notes.push(message(lang, "cli.langOfHeaders", { sheet: result.sheet }));
      notes.push(...customerTableMessages(reviewed.table ?? {}, result.sheet).map(say));
      io.stdout(safeText(toTable(result, lang, reviewed.output, notes, io.columns)));
    }
    return { code: 0, result };
  } catch (error) {
    const failed = failure(error, lang, input);
    io.stderr(failed.stderr);
    if (json) io.stdout(failureJson(failed.code, failed.kind, failed.key, failed.message));
    return { code: failed.code };
  }
}

/** What a failure says: its exit code, its kind and key for --json, its message, and stderr's text (the usage line under a usage error, the stack under a bug). */
function failure(
  error: unknown,
  lang: Lang,
  input: string,
): { code: number; kind: string; key?: string; message: string; stderr: string } {
  // JSON escapes what a terminal must not receive (safeJson); the line on stderr shows it as \u escapes.
  const said = (kind: string, key: string | undefined, text: string) => ({
    code: 2,
    kind: key === "cli.notXlsx" ? "workbook" : kind,
    key,
    message: text,
    stderr: safeText(`credit-review: ${text}`),
  });
  if (error instanceof UsageError) {
    const usageError = said("usage", error.key, error.message);
    return { ...usageError, stderr: `${usageError.stderr}\n${usage(error.lang)}` };
  }
  if (error instanceof InputError) return said("input", error.key, error.message);
  if (error instanceof BoundError) return said("bound", error.key, message(lang, error.key, error.params));
  const unreadable = asPackageError(error);
  if (unreadable) return said("workbook", unreadable.key, unreadable.text(lang, input));
  if (error instanceof CreditError) return said("data", error.key, describeError(error, lang));
  const text = (error as Error)?.message ?? String(error);
  return {
    code: 1,
    kind: "internal",
    message: `internal error: ${text}`,
    stderr: `credit-review: internal error: ${(error as Error)?.stack ?? String(error)}`,
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  // A larger young generation: reading a sheet makes many short-lived strings, and with V8's
  // default 16 MB semi-space a 100,000-customer review spent a third of its time collecting them.
  v8.setFlagsFromString("--max-semi-space-size=64");
  const lang = askedLang(argv, process.env);
  // Every part read and written is checked against its CRC-32 with zlib's, which Node has from 20.15.
  if (typeof zlib.crc32 !== "function") {
    process.stderr.write(`credit-review: ${message(lang, "cli.nodeTooOld", { version: process.version })}\n`);
    return 2;
  }
  const stdout = guardStdout(lang);
  const { code } = await review(argv);
  return stdout.failed ? 2 : code;
}

/**
 * What becomes of a report standard output cannot take. A reader that stops early (`| head`: a
 * broken pipe) wanted no more of it: the rest is dropped and the run ends as it would have (the
 * reviewed copy is written before the report). A write that fails (a full disk under `>`) is one
 * line on stderr and exit 2. Unheard, either was node's stack trace and exit 1, "internal error",
 * after a review that had succeeded.
 */
function guardStdout(lang: Lang): { failed: boolean } {
  const state = { failed: false, met: false };
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (state.met) return;
    state.met = true;
    if (error.code === "EPIPE") return;
    state.failed = true;
    process.stderr.write(`credit-review: ${message(lang, "cli.stdoutFailed", { reason: error.code ?? error.message })}\n`);
    // The run may have ended before the error came back from the stream.
    process.exitCode = 2;
  });
  return state;
}

/**
 * Writing a plan: one sync to check the customer sheet still has the shape that was read, then the
 * work packed into syncs under the payload limit, then an outcome that says what was written, what
 * may have been and what was not, with the "incomplete" mark after a part-written failure.
 */
import "../../engine/i18n/ui";
import { CellValue } from "../../engine/cells";
import { Lang, message } from "../../engine/i18n";
import { numberFormat } from "../../engine/review/formats";
import { COLORS, SheetLayout, SheetPlan } from "../../engine/review/write-plan";
import type { TableClash } from "../../engine/review/texts";
import { MAX_BATCH_BYTES, packBatches } from "./payload";
import { classifyError, ExcelProblem } from "./problems";
import type { Origin } from "./read";
import { parseAddress } from "../../engine/a1";
import { isUsersHeaderFooter, USERS_SECTIONS } from "../../engine/review/page-headers";
import { isEarlierRunFilter, isUsersPrintSetup, setsResponseWidth } from "../../engine/review/sheet-layout";
import { isUsersPageSetup, KEEPS_USERS_PAGE_SETUP } from "../../engine/review/page-setup";
import {
  layoutSupported,
  NO_USER_SETUP,
  ownWidth,
  PAGE_PRINT_PROPERTIES,
  PagePrint,
  pageSetupNow,
  UserSetup,
} from "./layout-steps";
import { datesFrom1904 } from "../../engine/date-system";
import { loadDateSystem } from "./date-system";
import {
  DATES_1900,
  DateSystem,
  PageNow,
  PlanToWrite,
  sheetSteps,
  Step,
  targetSteps,
  UsersSections,
  WritePart,
} from "./write-steps";
import { CustomerTable, customerTableSteps, lookForCustomerTable } from "./customer-table";

type Context = Excel.RequestContext;

/** What was read, to check before writing that the sheet has not changed shape since. */
export interface TargetCheck {
  readonly sheet: string;
  readonly address?: string;
  readonly origin: Origin;
  /** 0-based index of the header row in the values read. */
  readonly headerIndex: number;
  readonly header: readonly CellValue[];
}

export interface WriteOutcome {
  readonly ok: boolean;
  /** Confirmed written (their sync succeeded). */
  readonly written: WritePart[];
  /** In the sync that failed: Excel may have applied some of them. */
  readonly uncertain: WritePart[];
  readonly notWritten: WritePart[];
  readonly problem?: ExcelProblem;
  /** Set when a failure left the workbook part-written: where the "incomplete" mark went and whether it got there. */
  readonly marked?: { readonly sheet: string; readonly ok: boolean };
  readonly syncs: number;
  readonly batches: number;
  /**
   * The customer sheet's Excel table left to the user's columns because a review header is
   * already the name of one of them (extendedTable's clash): the table's name and those names.
   */
  readonly tableNotExtended?: TableClash & { readonly sheet: string };
  /** The customer sheet's Excel table that Excel refused to grow over the review's columns (the review itself written). */
  readonly tableNotGrown?: { readonly table: string; readonly sheet: string; readonly problem: ExcelProblem };
}

export interface WriteOptions {
  readonly maxBatchBytes?: number;
  /** Parts (syncs of work) done of all: called with 0 before the first is sent, then after each. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Cancel: the write stops before its next sync, and the outcome says what was written, as
   * after a failure (a sync already sent runs to its end; Excel has no way to call it back).
   */
  readonly signal?: AbortSignal;
}

/** Header cells compared the way Excel shows them: blanks and "" alike, numbers and their text alike. */
export function sameRow(a: readonly CellValue[] | undefined, b: readonly CellValue[] | undefined): boolean {
  const norm = (line: readonly CellValue[] | undefined) => {
    const out = (line ?? []).map((v) => (v === null || v === undefined ? "" : String(v)));
    while (out.length > 0 && out[out.length - 1] === "") out.pop();
    return out;
  };
  const x = norm(a);
  const y = norm(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * Asks, in the check sync, what the user has set up on the customer sheet: a filter or a
 * table, frozen panes, a print setup fitted to pages, a header or footer, the heights of the rows
 * the plan fits, the width of the Action taken column the layout would widen. Where Excel lacks
 * the API (before ExcelApi 1.9) nothing is asked and the layout is not applied either.
 */
function loadUserSetup(ws: Excel.Worksheet, layout: SheetLayout | undefined): { read: () => UserSetup } {
  if (!layoutSupported()) return { read: () => ({ ...NO_USER_SETUP }) };
  const ours = layout?.autoFilter;
  const filter = ws.autoFilter;
  filter.load("enabled,isDataFiltered");
  const filtered = filter.getRangeOrNullObject();
  filtered.load("address");
  const tables = ws.tables;
  tables.load("count");
  const frozen = ws.freezePanes.getLocationOrNullObject();
  frozen.load("address");
  const page = ws.pageLayout;
  page.load("zoom");
  const pages = page.headersFooters;
  pages.load("state");
  const every = pages.defaultForAllPages;
  every.load("leftHeader,centerHeader,rightHeader,leftFooter,centerFooter,rightFooter");
  // The heights of the rows the plan fits, in one read: a height the user set stays (rowsToFit).
  const fit = layout?.fitRows;
  const fitCount = fit ? Math.min(fit.last - fit.first + 1, MAX_HEIGHTS_READ) : 0;
  const heights =
    fit && fitCount > 0
      ? ws.getRangeByIndexes(fit.first, 0, fitCount, 1).getRowProperties({ format: { rowHeight: true } })
      : undefined;
  // The response column's width: set only where it is the standard width or an earlier run's.
  const response = layout?.responseColumn;
  const responseWidth = response
    ? ws.getRangeByIndexes(0, response.column, 1, 1).getColumnProperties({ format: { columnWidth: true } })
    : undefined;
  if (heights || responseWidth)
    ws.load([heights ? "standardHeight" : "", responseWidth ? "standardWidth" : ""].filter(Boolean).join(","));
  // read() is called once the check sync has run: everything it reads was loaded for that sync.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  return {
    read: () => {
      const earlier =
        filter.enabled &&
        !filter.isDataFiltered &&
        !filtered.isNullObject &&
        isEarlierRunFilter(parseAddress(filtered.address), ours);
      return {
        ownFilter: (filter.enabled && !earlier) || tables.count > 0,
        earlierFilter: earlier,
        frozen: !frozen.isNullObject,
        ownPrint: isUsersPrintSetup({
          fitToPage: Boolean(page.zoom?.horizontalFitToPages || page.zoom?.verticalFitToPages),
          // As in the file format: a fit that does not say how many pages tall is one page tall.
          fitToHeight: page.zoom?.verticalFitToPages ?? 1,
          scale: page.zoom?.scale,
        }),
        ownHeaderFooter: isUsersHeaderFooter({
          headers: [every.leftHeader, every.centerHeader, every.rightHeader],
          footers: [every.leftFooter, every.centerFooter, every.rightFooter],
          differentPages: pages.state !== "Default",
        }),
        setsResponseWidth: Boolean(
          response &&
          responseWidth &&
          setsResponseWidth(ownWidth(responseWidth.value[0]?.format?.columnWidth ?? NaN, ws.standardWidth), response),
        ),
        heightsNow: heights?.value.map((row) => {
          const height = row.format?.rowHeight;
          return height === undefined || height === null || Math.abs(height - ws.standardHeight) < 0.01 ? undefined : height;
        }),
      };
    },
  };
  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
}

/**
 * The most rows whose heights the check sync reads: about 30 bytes of response each, so 100,000
 * stay well inside Excel on the web's 5 MB. Rows further down (a longer table) are fitted to
 * their text, as every row was before heights were read.
 */
const MAX_HEIGHTS_READ = 100_000;

/** The outcome of a write that failed before any of the work was sent. */
function nothingWritten(problem: ExcelProblem, syncs: number): WriteOutcome {
  return { ok: false, written: [], uncertain: [], notWritten: [], problem, syncs, batches: 0 };
}

function summaryNameOf(plan: PlanToWrite): string | undefined {
  return plan.sheets.find((s) => s.kind === "summary")?.name;
}

/** Below this a request refused for its size is not split again: a single row that large can't be written. */
const MIN_BATCH_BYTES = 16_000;

/**
 * Carries out a plan: one sync to check the target sheet still has the shape that was read
 * (and which of our sheets exist), then the work packed into syncs under the payload limit,
 * calculation suspended in each. Never syncs per row. Throws nothing: a failure comes back
 * in the outcome, with what was and was not written.
 */
export async function writePlanWith(
  context: Context,
  plan: PlanToWrite,
  lang: Lang,
  check: TargetCheck | undefined,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  const maxBytes = options.maxBatchBytes ?? MAX_BATCH_BYTES;
  let syncs = 0;
  const none = (problem: ExcelProblem) => nothingWritten(problem, syncs);

  // Filled from the check sync before any step runs: the user's filter, frozen panes and print fitting stay.
  const user: UserSetup = { ...NO_USER_SETUP };
  const dates: DateSystem = { ...DATES_1900 };
  let target: Step[];
  try {
    target = targetSteps(plan, lang, user, dates);
  } catch (error) {
    return none(classifyError(error, plan.target?.sheet));
  }

  // Sync 1: the check. Nothing is written in it.
  const sheets = context.workbook.worksheets;
  // Every sheet the plan touches is checked for protection here, before anything is written:
  // a protected archive found mid-write would leave the customer sheet half done.
  // With them the sections of each sheet's header and footer the review does not write: a sheet
  // deleted and added again (the summary, for its charts) gets the user's back.
  const pagesLoaded = layoutSupported();
  sheets.load(
    [
      "items/name,items/position,items/protection/protected",
      ...(pagesLoaded ? USERS_SECTIONS.map((section) => `items/pageLayout/headersFooters/defaultForAllPages/${section}`) : []),
      ...(pagesLoaded ? PAGE_PRINT_PROPERTIES.map((property) => `items/pageLayout/${property}`) : []),
    ].join(","),
  );
  const dateSystem = loadDateSystem(context);
  let used: Excel.Range | undefined;
  let header: Excel.Range | undefined;
  let targetSheet: Excel.Worksheet | undefined;
  let setup: ReturnType<typeof loadUserSetup> | undefined;
  let lookForTable: ReturnType<typeof lookForCustomerTable> | undefined;
  if (check) {
    targetSheet = sheets.getItem(check.sheet);
    targetSheet.load("protection/protected");
    setup = loadUserSetup(targetSheet, plan.target);
    lookForTable = lookForCustomerTable(targetSheet, plan.target?.reviewColumns);
    used = targetSheet.getUsedRangeOrNullObject(true);
    used.load("address");
    if (check.header.length > 0) {
      header = targetSheet.getRangeByIndexes(check.origin.row + check.headerIndex, check.origin.column, 1, check.header.length);
      // With its formats: in a 1904 workbook the read counted a date in the header up, and so must this.
      header.load("values,numberFormat");
    }
  }
  try {
    syncs++;
    await context.sync();
  } catch (error) {
    return none(classifyError(error, check?.sheet));
  }
  dates.in1904 = dateSystem.in1904();
  if (check) {
    const address = used!.isNullObject ? undefined : used!.address;
    const headerNow = header ? (header.values[0] as CellValue[]) : [];
    if (header && dates.in1904) datesFrom1904([headerNow], header.numberFormat as string[][]);
    if (address !== check.address || !sameRow(headerNow, check.header))
      return none(new ExcelProblem("shapeChanged", check.sheet));
    if (targetSheet!.protection.protected) return none(new ExcelProblem("protected", check.sheet));
    Object.assign(user, setup!.read());
  }
  // The customer table's range and names: one more read, only when a table stands beside the review's columns.
  let table: CustomerTable | undefined;
  try {
    const found = await lookForTable?.read(context);
    syncs += found?.syncs ?? 0;
    table = found?.table;
  } catch (error) {
    syncs++;
    return none(classifyError(error, check?.sheet));
  }
  const tableNotExtended =
    table?.change.kind === "clash"
      ? { tableNotExtended: { table: table.name, sheet: check!.sheet, names: table.change.names } }
      : {};

  const protectedSheet = sheets.items.find(
    (s) => s.protection.protected && plan.sheets.some((p) => p.name.toLowerCase() === s.name.toLowerCase()),
  );
  if (protectedSheet) return none(new ExcelProblem("protected", protectedSheet.name));

  const positions = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.position]));
  const sectionsOf = (name: string): UsersSections | undefined => {
    if (!pagesLoaded) return undefined;
    const sheet = sheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const every = sheet?.pageLayout.headersFooters.defaultForAllPages;
    return every && (Object.fromEntries(USERS_SECTIONS.map((section) => [section, every[section]])) as UsersSections);
  };
  // The print setup of one of our sheets whose user's setup stays, and whether it is the user's.
  const pageOf = (s: SheetPlan): PageNow | undefined => {
    if (!pagesLoaded || !s.print || !KEEPS_USERS_PAGE_SETUP.has(s.kind)) return undefined;
    const sheet = sheets.items.find((item) => item.name.toLowerCase() === s.name.toLowerCase());
    if (!sheet) return undefined;
    const print = Object.fromEntries(
      PAGE_PRINT_PROPERTIES.map((property) => [property, sheet.pageLayout[property]]),
    ) as unknown as PagePrint;
    return { print, users: isUsersPageSetup(pageSetupNow(print), s.print) };
  };
  const steps = [
    ...target,
    ...plan.sheets.flatMap((s) => sheetSteps(s, positions.get(s.name.toLowerCase()), lang, sectionsOf(s.name), pageOf(s), dates)),
  ];
  // The customer table's resize in a sync of its own: Excel may refuse it (a merged cell or a
  // spill where it would grow, a query's table), and that must not take the review's cells with
  // it. Shrinking goes first, before the cells it must precede; growing goes last, and a refusal
  // there leaves the review written, the outcome saying the table was not extended.
  const resize = customerTableSteps(check?.sheet ?? "", table);
  const grow = resize.after[0];
  let batches = [...resize.before.map((s) => [s]), ...packBatches(steps, maxBytes), ...(grow ? [[grow]] : [])];
  const written: WritePart[] = [];
  options.onProgress?.(0, batches.length);
  for (let b = 0; b < batches.length; b++) {
    if (options.signal?.aborted) {
      return {
        ok: false,
        written,
        uncertain: [],
        notWritten: batches.slice(b).flatMap((batch) => batch.map((s) => s.part)),
        problem: new ExcelProblem("cancelled", check?.sheet),
        syncs,
        batches: batches.length,
        ...tableNotExtended,
      };
    }
    const cache = new Map<string, Excel.Worksheet>();
    const sheet = (name: string) => {
      let ws = cache.get(name);
      if (!ws) cache.set(name, (ws = context.workbook.worksheets.getItem(name)));
      return ws;
    };
    try {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const step of batches[b]) step.run(sheet, context);
      syncs++;
      // One sync per batch of several MB, never per row: the loop is what keeps each request under the limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const failedSheet = batches[b][0]?.part.sheet;
      const problem = classifyError(error, failedSheet);
      const smaller = Math.floor(batches[b].reduce((sum, step) => sum + step.bytes, 0) / 2);
      if (problem.code === "tooLarge" && smaller >= MIN_BATCH_BYTES) {
        // Excel on the web refuses an oversized request before running any of it, so the same
        // work can go again in smaller syncs (our estimate missed its wire size).
        const rest = batches
          .slice(b)
          .flat()
          .filter((s) => s !== grow);
        batches = [...batches.slice(0, b), ...packBatches(rest, smaller), ...(grow ? [[grow]] : [])];
        b--;
        continue;
      }
      if (grow && batches[b][0] === grow)
        return {
          ok: true,
          written,
          uncertain: [],
          notWritten: [],
          syncs,
          batches: batches.length,
          tableNotGrown: { table: table!.name, sheet: check!.sheet, problem },
        };
      // A request refused for its size ran none of it; any other failure may have run some of it.
      const refused = problem.code === "tooLarge";
      const failed = batches[b].map((s) => s.part);
      const outcome: WriteOutcome = {
        ok: false,
        written,
        uncertain: refused ? [] : failed,
        notWritten: [...(refused ? failed : []), ...batches.slice(b + 1).flatMap((batch) => batch.map((s) => s.part))],
        problem,
        syncs,
        batches: batches.length,
        ...tableNotExtended,
      };
      return outcome;
    }
    written.push(...batches[b].map((s) => s.part));
    options.onProgress?.(b + 1, batches.length);
  }
  return { ok: true, written, uncertain: [], notWritten: [], syncs, batches: batches.length, ...tableNotExtended };
}

/**
 * After a failed write: "Incomplete — re-run the review" in A1 of the summary sheet (added
 * if it is not there), best effort, in a fresh request. Returns whether it got there.
 */
export async function markIncompleteWith(context: Context, summarySheet: string, lang: Lang): Promise<boolean> {
  try {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(summarySheet);
    await context.sync();
    const ws = existing.isNullObject ? sheets.add(summarySheet) : existing;
    const cell = ws.getRangeByIndexes(0, 0, 1, 1);
    cell.numberFormat = [[numberFormat("text", lang)]];
    cell.values = [[message(lang, "ui.write.incompleteMark")]];
    cell.format.font.bold = true;
    cell.format.fill.color = COLORS.issue;
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

// ---- the Excel.run wrapper the pane calls -----------------------------------------------

/** Writes a plan; on a part-written failure marks the summary sheet incomplete in a second request. */
export async function writePlan(
  plan: PlanToWrite,
  lang: Lang,
  check: TargetCheck | undefined,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  let outcome: WriteOutcome;
  try {
    outcome = await Excel.run((context) => writePlanWith(context, plan, lang, check, options));
  } catch (error) {
    return nothingWritten(classifyError(error, check?.sheet), 0);
  }
  return finishOutcome(outcome, plan, lang, (name) => Excel.run((context) => markIncompleteWith(context, name, lang)));
}

/** Adds the incomplete mark to a failed outcome when something may have been written. */
export async function finishOutcome(
  outcome: WriteOutcome,
  plan: PlanToWrite,
  lang: Lang,
  mark: (summarySheet: string) => Promise<boolean>,
): Promise<WriteOutcome> {
  if (outcome.ok || outcome.written.length + outcome.uncertain.length === 0) return outcome;
  const name = summaryNameOf(plan) ?? plan.sheets[0]?.name;
  if (!name) return outcome;
  const ok = await mark(name).catch(() => false);
  return { ...outcome, marked: { sheet: name, ok } };
}

/**
 * The plan as Office.js operations. Each piece of a WritePlan (a block of cells, a sheet to add
 * or clear, column widths, the customer sheet's conditional fills, the summary's chart) becomes a
 * Step that knows its request size and the part of the workbook it writes (the layout and
 * charts as layout-steps.ts has them). Every cell, format and
 * colour comes from the engine's plan; nothing here decides one.
 */
import { a1, Area } from "../../engine/a1";
import { Lang } from "../../engine/i18n";
import { numberFormat } from "../../engine/review/formats";
import {
  Block,
  CellFormat,
  ConditionalFill,
  fillCondition,
  PlanValue,
  SheetPlan,
  WritePlan,
} from "../../engine/review/write-plan";
import { isDateCellFormat, storedIn1904 } from "../../engine/date-system";
import {
  addChart,
  applyLayout,
  layoutOperations,
  NO_USER_SETUP,
  PagePrint,
  restorePage,
  RESTORE_PAGE_OPERATIONS,
  UserSetup,
} from "./layout-steps";
import { BlockSlice, OP_OVERHEAD_BYTES, Packable } from "./payload";
import { ExcelProblem } from "./problems";
import { USERS_SECTIONS } from "../../engine/review/page-headers";
import type { TableResized } from "../../engine/review/texts";

type Context = Excel.RequestContext;

export type PartRole = "output" | "fills" | "table" | "summary" | "archive" | "policy" | "policyHistory" | "sheet";

/** One piece of the plan, for telling the user what was written where. */
export interface WritePart {
  readonly sheet: string;
  readonly role: PartRole;
  /** 0-based sheet area of the cells; absent for sheet preparation, fills and charts. */
  readonly area?: Area;
  /** A chart's title, for the part that adds it. */
  readonly chart?: string;
  /** The customer sheet's Excel table resized: its name, its cells before and after. */
  readonly table?: TableResized;
}

/** The part of a plan a writer carries out: the target is absent when only sheets are written (Save policy). */
export type PlanToWrite = Pick<WritePlan, "sheets"> & Partial<Pick<WritePlan, "target" | "outputArea">>;

export interface Step extends Packable<Step> {
  readonly part: WritePart;
  run(sheet: (name: string) => Excel.Worksheet, context: Context): void;
}

/**
 * The workbook's date system, as the write's check sync finds it (the target's steps are made
 * before it, and read this when they run): a 1904 workbook stores each date 1,462 lower.
 */
export interface DateSystem {
  in1904: boolean;
}
export const DATES_1900: Readonly<DateSystem> = { in1904: false };

/**
 * A block's values as Office.js takes them: blanks as "" (where a values array holds null, Excel
 * leaves the cell unchanged), and in a 1904 workbook each date counted as it stores them.
 */
export function cellsForExcel(
  values: readonly (readonly PlanValue[])[],
  formats: readonly CellFormat[] = [],
  dates: Readonly<DateSystem> = DATES_1900,
): (string | number | boolean)[][] {
  const shifted = dates.in1904 ? formats.map(isDateCellFormat) : [];
  if (!shifted.includes(true)) return values.map((line) => line.map((v) => (v === null ? "" : v)));
  return values.map((line) =>
    line.map((v, c) => (v === null ? "" : typeof v === "number" && shifted[c] ? storedIn1904(v, formats[c]) : v)),
  );
}

/** The block as an area (0-based sheet coordinates). */
export function blockArea(block: Block): Area {
  return { row: block.row, column: block.column, rows: block.values.length, columns: block.formats.length };
}

export function contains(outer: Area, inner: Area): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.column + inner.columns <= outer.column + outer.columns
  );
}

/** True when the area lies inside one of the allowed areas. */
export function insideAreas(area: Area, allowed: readonly Area[]): boolean {
  return allowed.some((outer) => contains(outer, area));
}

/**
 * The custom conditional-format formula of a plan fill, relative to the fill's top-left
 * cell. The same formulas the command line writes into the sheet's XML (fillsXml in
 * src/cli/package/worksheet-xml.ts).
 */
export function fillFormula(fill: ConditionalFill): string {
  return `=${fillCondition(fill)}`;
}

/** Number formats per block column first ("@" before the text, so "=HYPERLINK(…)" stays text), then the values. */
function writeBlock(ws: Excel.Worksheet, block: Block, lang: Lang, dates: Readonly<DateSystem>): void {
  const rows = block.values.length;
  block.formats.forEach((format, c) => {
    const column = ws.getRangeByIndexes(block.row, block.column + c, rows, 1);
    // One format for the whole column range: Office.js applies a single value to every cell.
    (column as unknown as { numberFormat: string }).numberFormat = numberFormat(format, lang);
  });
  const range = ws.getRangeByIndexes(block.row, block.column, rows, block.formats.length);
  range.values = cellsForExcel(block.values, block.formats, dates);
  if (block.bold) range.format.font.bold = true;
  block.rightAligned?.forEach((right, c) => {
    if (right) ws.getRangeByIndexes(block.row, block.column + c, rows, 1).format.horizontalAlignment = "Right";
  });
  block.indented?.forEach((indented, c) => {
    if (!indented) return;
    const cells = ws.getRangeByIndexes(block.row, block.column + c, rows, 1);
    cells.format.horizontalAlignment = "Left";
    cells.format.indentLevel = 1;
  });
}

function blockStep(sheetName: string, role: PartRole, rows: BlockSlice, lang: Lang, dates: Readonly<DateSystem>): Step {
  const pair = (parts: [BlockSlice, BlockSlice] | undefined): [Step, Step] | undefined =>
    parts && [blockStep(sheetName, role, parts[0], lang, dates), blockStep(sheetName, role, parts[1], lang, dates)];
  return {
    bytes: rows.bytes,
    part: { sheet: sheetName, role, area: rows.area },
    run: (sheet) => writeBlock(sheet(sheetName), rows.piece, lang, dates),
    splitTo: (room) => pair(rows.splitTo(room)),
    splitSmallest: () => pair(rows.splitSmallest()),
  };
}

function blockSteps(
  sheetName: string,
  role: PartRole,
  blocks: readonly Block[],
  lang: Lang,
  dates: Readonly<DateSystem>,
): Step[] {
  return blocks.map((block) => blockStep(sheetName, role, BlockSlice.of(block), lang, dates));
}

export function rangeOf(ws: Excel.Worksheet, area: Area): Excel.Range {
  return ws.getRangeByIndexes(area.row, area.column, area.rows, area.columns);
}

function addFill(ws: Excel.Worksheet, fill: ConditionalFill): void {
  const format = rangeOf(ws, fill.area).conditionalFormats.add(Excel.ConditionalFormatType.custom);
  format.custom.rule.formula = fillFormula(fill);
  format.custom.format.fill.color = fill.color;
}

/**
 * The sections of a sheet's header and footer the review does not write (USERS_SECTIONS), as
 * the sheet has them: "" where empty.
 */
export type UsersSections = Readonly<Record<(typeof USERS_SECTIONS)[number], string>>;

/** The print setup one of the review's own sheets has, and whether it is the user's (isUsersPageSetup). */
export interface PageNow {
  readonly print: PagePrint;
  readonly users: boolean;
}

/**
 * `position`: where the sheet is now, or undefined when the workbook has no such sheet yet;
 * `sections`: the sections of its header and footer the user typed, which stay; `page`: its print
 * setup, which stays when the user's (its paper either way).
 */
export function sheetSteps(
  plan: SheetPlan,
  position: number | undefined,
  lang: Lang,
  sections?: UsersSections,
  page?: PageNow,
  dates: Readonly<DateSystem> = DATES_1900,
): Step[] {
  const role = plan.kind;
  const name = plan.name;
  const steps: Step[] = [];
  // A replaced sheet with charts is deleted and added again (the old chart goes too).
  const readded = position !== undefined && plan.mode === "replace" && Boolean(plan.charts?.length);
  // Only a sheet deleted and added again loses them: a sheet cleared or rewritten keeps its page layout.
  const typed = readded ? USERS_SECTIONS.filter((section) => sections?.[section]) : [];
  steps.push({
    bytes: OP_OVERHEAD_BYTES * (2 + typed.length + (readded && page ? RESTORE_PAGE_OPERATIONS : 0)),
    part: { sheet: name, role },
    run: (sheet, context) => {
      const sheets = context.workbook.worksheets;
      if (position === undefined) {
        sheets.add(name);
      } else if (plan.mode === "replace") {
        if (readded) {
          // A replaced sheet with charts: delete and add (the old chart goes too), back in its
          // place, with the sections of its header and footer the user typed.
          sheets.getItem(name).delete();
          const added = sheets.add(name);
          added.position = position;
          if (sections && typed.length) {
            const every = added.pageLayout.headersFooters.defaultForAllPages;
            for (const section of typed) every[section] = sections[section];
          }
          if (page) restorePage(added, page.print, page.users);
        } else {
          // Clearing keeps the sheet (and formulas elsewhere that point at it).
          sheet(name).getRange().clear(Excel.ClearApplyTo.all);
        }
      }
    },
  });
  steps.push(...blockSteps(name, role, plan.blocks, lang, dates));
  steps.push({
    bytes: OP_OVERHEAD_BYTES * layoutOperations(plan, plan.blocks),
    part: { sheet: name, role },
    run: (sheet) =>
      applyLayout(sheet(name), plan, plan.blocks, page?.users ? { ...NO_USER_SETUP, ownPrint: true } : NO_USER_SETUP),
  });
  for (const chart of plan.charts ?? []) {
    steps.push({
      bytes: OP_OVERHEAD_BYTES * 9,
      part: { sheet: name, role, chart: chart.title },
      run: (sheet) => addChart(sheet(name), chart, lang),
    });
  }
  return steps;
}

/**
 * `user`: what the user has set up on the customer sheet, and `dates`, the workbook's date system:
 * known once the check sync has run (read when the steps run).
 */
export function targetSteps(
  plan: PlanToWrite,
  lang: Lang,
  user: Readonly<UserSetup> = NO_USER_SETUP,
  dates: Readonly<DateSystem> = DATES_1900,
): Step[] {
  if (!plan.target) return [];
  const target = plan.target;
  const allowed = plan.outputArea ?? [];
  // Never outside the output columns on the user's sheet: checked before anything is sent.
  for (const block of target.blocks)
    if (!insideAreas(blockArea(block), allowed)) throw new ExcelProblem("outsideOutput", target.sheet, a1(blockArea(block)));
  // A fill or a clearing reaching past the output area is left out rather than applied to the user's cells.
  const fills = target.fills.filter((fill) => insideAreas(fill.area, allowed));
  const clearOn = target.clearFillsOn.filter((area) => insideAreas(area, allowed));
  const steps = blockSteps(target.sheet, "output", target.blocks, lang, dates);
  steps.push({
    bytes: OP_OVERHEAD_BYTES * (clearOn.length + fills.length * 3),
    part: { sheet: target.sheet, role: "fills" },
    run: (sheet) => {
      const ws = sheet(target.sheet);
      for (const area of clearOn) rangeOf(ws, area).conditionalFormats.clearAll();
      for (const fill of fills) addFill(ws, fill);
    },
  });
  steps.push({
    // Read when the steps are packed, after the check sync: the runs of rows fitted depend on the heights it read.
    get bytes() {
      return OP_OVERHEAD_BYTES * layoutOperations(target, target.blocks, user);
    },
    part: { sheet: target.sheet, role: "fills" },
    run: (sheet) => applyLayout(sheet(target.sheet), target, target.blocks, user),
  });
  return steps;
}

/**
 * The parts of the workbook a plan writes, in the order it writes them: what Write back shows
 * before it asks (built from the same steps the writer runs, so the preview and the outcome
 * name the same sheets, columns and rows). Throws ExcelProblem "outsideOutput" as the writer would.
 */
export function planParts(plan: PlanToWrite, lang: Lang): WritePart[] {
  return [...targetSteps(plan, lang), ...plan.sheets.flatMap((s) => sheetSteps(s, undefined, lang))].map((s) => s.part);
}

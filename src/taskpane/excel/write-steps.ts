/**
 * The plan as Office.js operations. Each piece of a WritePlan (a block of cells, a sheet to add
 * or clear, column widths, the customer sheet's conditional fills, the summary's chart) becomes a
 * Step that knows its request size and the part of the workbook it writes. Every cell, format and
 * colour comes from the engine's plan; nothing here decides one.
 */
import { a1, Area } from "../../engine/a1";
import { Lang } from "../../engine/i18n";
import { NUMBER_FORMATS } from "../../engine/review/formats";
import { reviewSheetKind } from "../../engine/review/sheets";
import {
  Block,
  ChartPlan,
  ConditionalFill,
  fillCondition,
  PlanValue,
  SheetPlan,
  WritePlan,
} from "../../engine/review/write-plan";
import { BlockSlice, OP_OVERHEAD_BYTES, Packable } from "./payload";
import { ExcelProblem } from "./problems";

type Context = Excel.RequestContext;

export type PartRole = "output" | "fills" | "summary" | "archive" | "policy" | "policyHistory" | "sheet";

/** One piece of the plan, for telling the user what was written where. */
export interface WritePart {
  readonly sheet: string;
  readonly role: PartRole;
  /** 0-based sheet area of the cells; absent for sheet preparation, fills and charts. */
  readonly area?: Area;
  readonly chart?: boolean;
}

/** The part of a plan a writer carries out: the target is absent when only sheets are written (Save policy). */
export type PlanToWrite = Pick<WritePlan, "sheets"> & Partial<Pick<WritePlan, "target" | "outputArea">>;

export interface Step extends Packable<Step> {
  readonly part: WritePart;
  run(sheet: (name: string) => Excel.Worksheet, context: Context): void;
}

export function roleOf(name: string): PartRole {
  return reviewSheetKind(name) ?? "sheet";
}

/** Office.js leaves a cell unchanged where a values array holds null: blanks must be written as "". */
export function cellsForExcel(values: readonly (readonly PlanValue[])[]): (string | number | boolean)[][] {
  return values.map((line) => line.map((v) => (v === null ? "" : v)));
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
 * cell. The same formulas the command line writes with exceljs (src/cli/workbook-io.ts).
 */
export function fillFormula(fill: ConditionalFill): string {
  return `=${fillCondition(fill)}`;
}

/**
 * Excel's column width in characters (what the plan gives, as exceljs takes it) to the
 * points Office.js takes: pixels = chars × 7 + 5 at the default 11-point font, points = pixels × 0.75.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Number formats per block column first ("@" before the text, so "=HYPERLINK(…)" stays text), then the values. */
function writeBlock(ws: Excel.Worksheet, block: Block, lang: Lang): void {
  const rows = block.values.length;
  block.formats.forEach((format, c) => {
    const column = ws.getRangeByIndexes(block.row, block.column + c, rows, 1);
    // One format for the whole column range: Office.js applies a single value to every cell.
    (column as unknown as { numberFormat: string }).numberFormat = NUMBER_FORMATS[lang][format];
  });
  const range = ws.getRangeByIndexes(block.row, block.column, rows, block.formats.length);
  range.values = cellsForExcel(block.values);
  if (block.bold) range.format.font.bold = true;
}

function blockStep(sheetName: string, role: PartRole, rows: BlockSlice, lang: Lang): Step {
  const pair = (parts: [BlockSlice, BlockSlice] | undefined): [Step, Step] | undefined =>
    parts && [blockStep(sheetName, role, parts[0], lang), blockStep(sheetName, role, parts[1], lang)];
  return {
    bytes: rows.bytes,
    part: { sheet: sheetName, role, area: rows.area },
    run: (sheet) => writeBlock(sheet(sheetName), rows.piece, lang),
    splitTo: (room) => pair(rows.splitTo(room)),
    splitSmallest: () => pair(rows.splitSmallest()),
  };
}

function blockSteps(sheetName: string, role: PartRole, blocks: readonly Block[], lang: Lang): Step[] {
  return blocks.map((block) => blockStep(sheetName, role, BlockSlice.of(block), lang));
}

export function rangeOf(ws: Excel.Worksheet, area: Area): Excel.Range {
  return ws.getRangeByIndexes(area.row, area.column, area.rows, area.columns);
}

function addFill(ws: Excel.Worksheet, fill: ConditionalFill): void {
  const format = rangeOf(ws, fill.area).conditionalFormats.add(Excel.ConditionalFormatType.custom);
  format.custom.rule.formula = fillFormula(fill);
  format.custom.format.fill.color = fill.color;
}

function addChart(ws: Excel.Worksheet, plan: ChartPlan): void {
  const chart = ws.charts.add(Excel.ChartType.columnClustered, rangeOf(ws, plan.values), Excel.ChartSeriesBy.columns);
  chart.title.text = plan.title;
  chart.legend.visible = false;
  const series = chart.series.getItemAt(0);
  series.name = plan.seriesName;
  series.setXAxisValues(rangeOf(ws, plan.categories));
  chart.setPosition(rangeOf(ws, { row: plan.anchor.row, column: plan.anchor.column, rows: 1, columns: 1 }));
}

/** `position`: where the sheet is now, or undefined when the workbook has no such sheet yet. */
export function sheetSteps(plan: SheetPlan, position: number | undefined, lang: Lang): Step[] {
  const role = roleOf(plan.name);
  const name = plan.name;
  const steps: Step[] = [];
  steps.push({
    bytes: OP_OVERHEAD_BYTES * 2,
    part: { sheet: name, role },
    run: (sheet, context) => {
      const sheets = context.workbook.worksheets;
      if (position === undefined) {
        sheets.add(name);
      } else if (plan.mode === "replace") {
        if (plan.chart) {
          // A replaced sheet with a chart: delete and add (the old chart goes too), back in its place.
          sheets.getItem(name).delete();
          sheets.add(name).position = position;
        } else {
          // Clearing keeps the sheet (and formulas elsewhere that point at it).
          sheet(name).getRange().clear(Excel.ClearApplyTo.all);
        }
      }
    },
  });
  steps.push(...blockSteps(name, role, plan.blocks, lang));
  if (plan.columnWidths?.length) {
    const widths = plan.columnWidths;
    steps.push({
      bytes: OP_OVERHEAD_BYTES * widths.length,
      part: { sheet: name, role },
      run: (sheet) =>
        widths.forEach((w, i) => (sheet(name).getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnWidthPoints(w))),
    });
  }
  if (plan.chart) {
    const chart = plan.chart;
    steps.push({
      bytes: OP_OVERHEAD_BYTES * 8,
      part: { sheet: name, role, chart: true },
      run: (sheet) => addChart(sheet(name), chart),
    });
  }
  return steps;
}

export function targetSteps(plan: PlanToWrite, lang: Lang): Step[] {
  if (!plan.target) return [];
  const target = plan.target;
  const allowed = plan.outputArea ?? [];
  // Never outside the output columns on the user's sheet: checked before anything is sent.
  for (const block of target.blocks)
    if (!insideAreas(blockArea(block), allowed)) throw new ExcelProblem("outsideOutput", target.sheet, a1(blockArea(block)));
  // A fill or a clearing reaching past the output area is left out rather than applied to the user's cells.
  const fills = target.fills.filter((fill) => insideAreas(fill.area, allowed));
  const clearOn = target.clearFillsOn.filter((area) => insideAreas(area, allowed));
  const steps = blockSteps(target.sheet, "output", target.blocks, lang);
  steps.push({
    bytes: OP_OVERHEAD_BYTES * (clearOn.length + fills.length * 3),
    part: { sheet: target.sheet, role: "fills" },
    run: (sheet) => {
      const ws = sheet(target.sheet);
      for (const area of clearOn) rangeOf(ws, area).conditionalFormats.clearAll();
      for (const fill of fills) addFill(ws, fill);
    },
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

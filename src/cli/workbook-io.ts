/**
 * exceljs on one side, the engine's plain 2-D cell values and write plan on the other.
 * The only module of the command line that knows exceljs.
 */
import ExcelJS from "exceljs";
import { CellValue, EPOCH_MS, MS_PER_DAY } from "../engine/cells";
import { Lang } from "../engine/i18n";
import { NUMBER_FORMATS } from "../engine/review/formats";
import { Area, Block, ConditionalFill, fillCondition, SheetPlan, WritePlan } from "../engine/review/write-plan";
import { columnLetter } from "../engine/review/headers";

/**
 * A date cell as the serial the file stores, which is what Office.js gives. exceljs's Date
 * counts days straight from 1899-12-30 (a 1904 workbook's shifted to match), so reading its
 * calendar fields would put every date before 1900-03-01 a day off (Excel counts the phantom
 * 1900-02-29).
 */
function storedSerial(date: Date): CellValue {
  const time = date.getTime();
  return Number.isNaN(time) ? date : (time - EPOCH_MS) / MS_PER_DAY;
}

/**
 * A cell as Office.js would give it: a date as its serial, rich text as its text, a formula
 * as its last result, an error as its code.
 */
function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return storedSerial(value);
  if (typeof value !== "object") return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value)
    return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  return null;
}

export function sheetValues(sheet: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  const count = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
  for (let r = 1; r <= count; r++) {
    // findRow, not getRow: getRow creates every missing row, a million of them on a sheet used down to its last row.
    const row = sheet.findRow(r);
    const line: CellValue[] = [];
    if (row && row.cellCount > 0) {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        line[c - 1] = plainValue(cell.value);
      });
      for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
    }
    rows.push(line);
  }
  return rows;
}

const ARGB = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function ref(area: Area): string {
  return `${columnLetter(area.column)}${area.row + 1}:${columnLetter(area.column + area.columns - 1)}${area.row + area.rows}`;
}

function writeBlock(sheet: ExcelJS.Worksheet, block: Block, lang: Lang): void {
  block.values.forEach((line, r) => {
    line.forEach((value, c) => {
      // Nothing to clear in a cell that does not exist: creating it would cost a cell object per row
      // between far-apart customers (a sheet with one on row 1,048,576).
      if (value === null && sheet.findCell(block.row + r + 1, block.column + c + 1) === undefined) return;
      const cell = sheet.getCell(block.row + r + 1, block.column + c + 1);
      const format = block.formats[c] ?? "general";
      // A plain string in exceljs is stored as a string cell: "=HYPERLINK(...)" stays text.
      cell.value = value === null ? null : value;
      cell.numFmt = NUMBER_FORMATS[lang][format];
      if (block.bold) cell.font = { bold: true };
    });
  });
}

function addFills(sheet: ExcelJS.Worksheet, fills: readonly ConditionalFill[]): void {
  for (const fill of fills) {
    const style = { fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb: ARGB(fill.color) } } };
    const formula = fillCondition(fill);
    sheet.addConditionalFormatting({
      ref: ref(fill.area),
      rules: [{ type: "expression", priority: 1, formulae: [formula], style }],
    });
  }
}

/** Whether a conditional format's range ("M2:M40", "$M$2") starts inside one of the areas. */
function startsIn(cfRef: string, areas: readonly Area[]): boolean {
  const start = /^\$?([A-Z]+)\$?(\d+)/.exec(cfRef);
  if (!start) return false;
  const row = Number(start[2]) - 1;
  return areas.some(
    (a) =>
      row >= a.row &&
      row < a.row + a.rows &&
      Array.from({ length: a.columns }, (_, i) => columnLetter(a.column + i)).includes(start[1]),
  );
}

/** Drops the conditional formats the plan clears (an earlier run's, on the output columns), so re-runs don't pile them up. */
function dropOldFills(sheet: ExcelJS.Worksheet, areas: readonly Area[]): void {
  const list = (sheet as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings;
  if (!list) return;
  const kept = list.filter((cf) => !startsIn(cf.ref, areas));
  list.splice(0, list.length, ...kept);
}

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan, lang: Lang): void {
  let sheet = workbook.getWorksheet(plan.name);
  if (sheet && plan.mode === "replace") {
    // Cleared in place rather than deleted and re-added, so the sheet keeps its tab position.
    if (sheet.rowCount > 0) sheet.spliceRows(1, sheet.rowCount);
    const formats = (sheet as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings;
    formats?.splice(0, formats.length);
  }
  if (!sheet) sheet = workbook.addWorksheet(plan.name);
  for (const block of plan.blocks) writeBlock(sheet, block, lang);
  plan.columnWidths?.forEach((width, i) => (sheet!.getColumn(i + 1).width = width));
  if (plan.chart) {
    // exceljs cannot create native charts: the chart's data gets in-cell data bars instead.
    const values = plan.chart.values;
    sheet.addConditionalFormatting({
      ref: ref(values),
      rules: [
        {
          type: "dataBar",
          priority: 1,
          minLength: 0,
          maxLength: 100,
          gradient: false,
          border: false,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: "FF5B9BD5" },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
}

export function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan, lang: Lang): void {
  const target = workbook.getWorksheet(plan.target.sheet);
  if (!target) throw new Error(`sheet ${plan.target.sheet} disappeared`);
  for (const block of plan.target.blocks) writeBlock(target, block, lang);
  dropOldFills(target, plan.target.clearFillsOn);
  addFills(target, plan.target.fills);
  for (const sheet of plan.sheets) writeSheet(workbook, sheet, lang);
}

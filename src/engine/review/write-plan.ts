/**
 * What a review writes, described once as data: the output columns beside the input
 * table with their conditional fills, the managers' summary sheet with its chart, the
 * archive rows, the policy sheet and a new policy version's column in the history. The task pane and the command line each carry out
 * this plan with their own writer; neither decides a cell, a header or a colour.
 *
 * This module holds the plan's types (the vocabulary both writers share), the fills, and
 * buildWritePlan, which puts together the parts each built by its own module.
 */
import { Area, cellA1 } from "../a1";
import { CellValue, CurrencyMark } from "../cells";
import { dateText, Lang, message } from "../i18n";
import { GRADES } from "../policy";
import type { FIGURE_DECIMAL_COUNTS, FigureDecimals } from "../precision";
import { archiveSheetPlan } from "./archive-plan";
import type { SETTING_PERCENT_DECIMALS } from "./formats";
import { outputColumnsPlan, outputEnd } from "./output-columns";
import { customerSheetHeaderFooter, ownSheetHeaderFooter } from "./page-headers";
import { policyHistoryPlan } from "./policy-history";
import { policySheetPlan } from "./policy-sheet-plan";
import { ReviewResult } from "./review";
import type { ReviewColumns } from "./customer-table";
import { customerSheetLayout, laidOut } from "./sheet-layout";
import { OwnSheets, ownSheetsByName, ReviewSheet, reviewSheetName } from "./sheets";
import { summarySheet } from "./summary-sheet";
import { gradeName, informationPrefix } from "./texts";
import "../i18n/report";

export type PlanValue = string | number | boolean | null;
/**
 * "text" cells hold data people typed (names, messages): writers must store them literally, never as formulas.
 * "month" shows a date by its month alone: a chart's axis under a point a full date would wrap on.
 */
export type CellFormat =
  | "general"
  | "text"
  | "score"
  | FinerFormat
  | "money"
  | MoneyInCurrencyFormat
  | "date"
  | "month"
  | "percent"
  | SettingPercentFormat
  | "ratio"
  | "integer";
/**
 * A score or a Z-score with more decimals than "score"'s and "ratio"'s two: the fewest that keep
 * its figure in its band or zone (scoreDecimals, zDecimals).
 */
export type FinerFormat = `decimals${Exclude<FigureDecimals, (typeof FIGURE_DECIMAL_COUNTS)[0]>}`;
/**
 * An amount in a currency the review learns from its sheet, "USD 963,000.00": a figure (a formula
 * can use it) shown with its currency as a sentence names it (amountInCurrencyText).
 */
export type MoneyInCurrencyFormat = `money ${CurrencyMark}`;
/** A share a policy setting holds, with its own decimals where they are not "percent"'s one (percentDecimals). */
export type SettingPercentFormat = `percent${(typeof SETTING_PERCENT_DECIMALS)[number]}`;

export interface Block {
  /** 0-based sheet row and column of values[0][0]. */
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly PlanValue[])[];
  /** One format per column of the block. */
  readonly formats: readonly CellFormat[];
  readonly bold?: boolean;
  /** A lone text (a title) that may run over the empty cells to its right: it does not widen its column. */
  readonly overflow?: boolean;
  /** Per column of the block, true where its cells are right-aligned: a table's header over its figures. */
  readonly rightAligned?: readonly boolean[];
  /**
   * Per column of the block, true where its cells are left-aligned one indent in though their
   * column is not indented (it holds figures elsewhere): a text right of a right-aligned figure.
   */
  readonly indented?: readonly boolean[];
}

export type { Area };

/** A fill that follows the cell's value (a conditional format), so it stays right when the value changes. */
export interface ConditionalFill {
  readonly area: Area;
  /**
   * `equals`: the cell's text is this; `startsWith`: it begins with this; `notBlank`: it holds
   * something (that does not begin with `unless`, when given: a cell for another fill).
   */
  readonly when:
    { readonly equals: string } | { readonly startsWith: string } | { readonly notBlank: true; readonly unless?: string };
  readonly color: string;
}

/**
 * A chart's value axis, which its bars and points are read against: the scale's floor, its labels
 * (in the chart's `format`, whole units) and a gridline across the plot at each label.
 */
export interface ValueAxisPlan {
  /**
   * The axis' lowest value: 0 for amounts, so a bar's or a point's height is its amount and a fall
   * of 4% looks like 4%, not a collapse; absent where an amount is below 0 (a customer in credit),
   * for the viewer to scale the axis down to it rather than cut the bar off.
   */
  readonly minimum?: number;
  /**
   * The axis' highest value and the step between its labels, a round step with room above the
   * highest bar for its label: a viewer's own scale can end at the tallest bar's top, where its
   * label runs into the chart's title. Absent when no amount is above 0.
   */
  readonly maximum?: number;
  readonly majorUnit?: number;
  /** The axis and its tick labels shown beside it. */
  readonly labels: boolean;
  /** A major gridline across the plot at each label. */
  readonly gridlines: boolean;
}

/**
 * A native chart of one series: "column" bars stand up, "bar" bars lie down (long category names
 * read better), a "line" joins its points in category order (a figure over time), unlabelled.
 */
export interface ChartPlan {
  readonly kind: "column" | "bar" | "line";
  readonly title: string;
  /** Both on the chart's own sheet, one column each. */
  readonly categories: Area;
  readonly values: Area;
  readonly seriesName: string;
  /** The cells the chart covers: its top-left corner is the first cell, its bottom-right the last. */
  readonly place: Area;
  /** Number format of the value axis and data labels. */
  readonly format: CellFormat;
  readonly valueAxis: ValueAxisPlan;
  /** How the categories' cells show (dates): texts when absent. */
  readonly categoryFormat?: CellFormat;
}

/** How the plan's cells in one column set their text. */
export interface CellAlignment {
  /** Wrapped at the column's width; the row grows to show it. */
  readonly wrap: boolean;
  /**
   * Left-aligned one indent in (Excel's indent of 1, three spaces): a column of texts starts
   * clear of the right-aligned figures of the column before it instead of running into them.
   */
  readonly indent: boolean;
  /** Standing at the top of its row (the application's default is the bottom). */
  readonly top?: boolean;
}

/** One column's width in characters (Excel's unit: the default font's digit) and how the plan's cells in it align. */
export interface ColumnLayout extends CellAlignment {
  /** 0-based sheet column. */
  readonly column: number;
  readonly width: number;
  /** Not shown on screen or in print: a column the review keeps for its next run (SheetPlan.hiddenColumn). */
  readonly hidden?: true;
}

/**
 * How a sheet prints: fitted to pages across and down (0: as many as it takes), or, with `scale`,
 * at that size on as many pages across and down as it takes; rows and columns repeated on every page.
 */
export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  readonly fitToWidth: number;
  readonly fitToHeight: number;
  /** Percent of full size, not fitted to pages: a table too wide to fit one page across at a readable size. */
  readonly scale?: number;
  /**
   * The scale is worked out from the rows printed, between LEAST_PRINT_SCALE and PRINT_SCALE, so
   * that no last band of pages holds a few stray rows (the archive's): any scale in that range is
   * the review's.
   */
  readonly shrinksToBands?: boolean;
  /** 0-based first and last sheet row printed at the top of every page. */
  readonly repeatRows?: { readonly first: number; readonly last: number };
  /** 0-based first and last sheet column printed at the left of every page: a table printed on pages across names each row on each. */
  readonly repeatColumns?: { readonly first: number; readonly last: number };
  /**
   * Pages across before the next pages down: the pages of one band of rows come one after the
   * other, so a customer's row reads across consecutive pages (the default prints a whole
   * column of pages first).
   */
  readonly overThenDown?: boolean;
  /** The cells printed, when not every cell the sheet holds (the rows repeated at the top print on every page besides). */
  readonly area?: Area;
  /**
   * How it prints follows its length (the summary's): on one page fitted while that keeps it
   * readable, else at a scale on pages down. Either is the review's, whichever an earlier run wrote.
   */
  readonly followsLength?: boolean;
  /**
   * How it prints follows its width (the policy history's, which gains a column a version): one
   * page wide, portrait or landscape, while that keeps it readable, else at PRINT_SCALE on pages
   * across. Any of these is the review's, whichever an earlier run wrote.
   */
  readonly followsWidth?: boolean;
  /** 0-based rows that start a new printed page (manual page breaks), so no page starts inside a table. */
  readonly rowBreaks?: readonly number[];
}

/**
 * What prints centred at the top and at the foot of every page, as Excel's header and footer
 * text: codes such as &P (the page's number) and &N (the number of pages), a literal "&" as "&&".
 */
export interface HeaderFooter {
  readonly header?: string;
  readonly footer: string;
}

/** A filter over a table that holds the review's columns: `reviewFrom` is the first of them (0-based). */
export interface FilterArea extends Area {
  readonly reviewFrom: number;
}

/**
 * How a sheet is laid out beyond its cells. On the user's own sheet a writer leaves what the
 * user set up: an existing filter or table keeps the filter off, existing frozen panes stay.
 */
export interface SheetLayout {
  readonly columns?: readonly ColumnLayout[];
  /** Rows frozen at the top (from row 1): the header stays in view when scrolling. */
  readonly freezeRows?: number;
  /** The filterable table: its first row holds the headers with the filter buttons. */
  readonly autoFilter?: FilterArea;
  readonly print?: PrintSetup;
  /** On the user's sheet only where it has no header or footer of its own (isUsersHeaderFooter). */
  readonly headerFooter?: HeaderFooter;
  /**
   * Rows that wrapped text makes taller, in points (0-based sheet rows; only those taller than
   * one line): a file is not re-measured when it is opened, so the height is written with it.
   */
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  /**
   * The rows the plan's wrapped columns write on (0-based, first to last): each is as tall as
   * `rowHeights` says, else one line. A height an earlier run wrote there is the plan's to redo,
   * so a row whose text got shorter comes back down; a height the user set stays (rowHeightToWrite).
   */
  readonly fitRows?: { readonly first: number; readonly last: number };
  /**
   * The user's Action taken column (the review reads it as the team's responses and never writes
   * its cells): given `width` only where its width is the sheet's default or one an earlier run
   * gave it (setsResponseWidth); a width of the user's stays.
   */
  readonly responseColumn?: ResponseColumnLayout;
  /**
   * The plan's cells stand at the top of their rows, but for its headers (bold blocks), which stand
   * at the bottom over their columns: on the review's own sheets, where a row made tall by one
   * wrapped text (a customer's review issues) would otherwise show its name, codes and figures at
   * the bottom, lines below where that text starts.
   */
  readonly topAligned?: boolean;
}

/**
 * Whether a block's cells stand at the top of their rows (SheetLayout.topAligned): on a
 * top-aligned sheet, every block but a header, which stands at the bottom over its column's first
 * line. Both writers ask it.
 */
export function standsAtTop(topAligned: boolean | undefined, block: Pick<Block, "bold">): boolean {
  return topAligned === true && block.bold !== true;
}

/** The width the review gives the user's Action taken column, and the widths earlier runs gave it. */
export interface ResponseColumnLayout {
  /** 0-based sheet column. */
  readonly column: number;
  readonly width: number;
  /** The widths the last review and a review on this date (a re-run) gave the column, from the responses they archived. */
  readonly earlier: readonly number[];
}

export interface SheetPlan extends SheetLayout {
  readonly name: string;
  /** Which of our sheets it is, whatever its name: a sheet the user renamed is written under its new name. */
  readonly kind: ReviewSheet;
  /**
   * "replace": the sheet is ours, clear it and write; "rewrite-from": the rows from `fromRow` on
   * are rewritten by the blocks (which blank the old rows left below them), the rows above and
   * the rest of the sheet stay as they are.
   */
  readonly mode: "replace" | "rewrite-from";
  /** 0-based first row a "rewrite-from" plan writes. */
  readonly fromRow?: number;
  readonly blocks: readonly Block[];
  /**
   * Cells already on the sheet, not written, that its columns are fitted to as if they were:
   * a sheet laid out again (its page header's date) without a row added keeps its widths.
   */
  readonly measured?: readonly Block[];
  /** Widths (characters) from column A the sheet wants at least; the layout widens them to fit what is written. */
  readonly columnWidths?: readonly number[];
  /**
   * The columns naming a row (0-based, first to last), in order of preference: a table printed
   * on pages across repeats the first narrow enough on each.
   */
  readonly titleColumns?: readonly { readonly first: number; readonly last: number }[];
  /** The cells its printout shows below its repeated header, when not all of them: the archive's of this review. */
  readonly printArea?: Area;
  /**
   * The reviews whose rows the print area leaves off the pages (the archive's others), by their
   * count and first and last dates: its page header says so.
   */
  readonly unprintedReviews?: { readonly count: number; readonly first: number; readonly last: number };
  /**
   * A column (0-based) the review keeps for its next run, not for reading (the archive's output
   * check): hidden, at its width from columnWidths, never wrapped, and left out of the width the
   * printout is laid out for, so its code neither fills the screen nor makes rows taller.
   */
  readonly hiddenColumn?: number;
  /**
   * The header a plan rewriting the rows below it leaves as it is (row 0), which prints at the top
   * of every page: how tall it is counts in how many rows a page holds.
   */
  readonly keptHeader?: readonly string[];
  readonly fills?: readonly ConditionalFill[];
  readonly charts?: readonly ChartPlan[];
}

export interface WritePlan {
  readonly target: SheetLayout & {
    readonly sheet: string;
    readonly blocks: readonly Block[];
    readonly fills: readonly ConditionalFill[];
    /**
     * The output columns, where an earlier run left its fills: a writer removes the conditional
     * formats on these areas before adding `fills`, so re-runs do not pile them up. Nothing
     * outside them is cleared: the user's own formats elsewhere on the sheet stay.
     */
    readonly clearFillsOn: readonly Area[];
    /** Where the review's columns stand, for a writer to grow the customer sheet's Excel table over them (extendedTable). */
    readonly reviewColumns?: ReviewColumns;
  };
  readonly sheets: readonly SheetPlan[];
  /** Every cell of the input sheet the plan writes, for the "never over the user's cells" check. */
  readonly outputArea: readonly Area[];
}

export const COLORS = {
  low: "#C6EFCE",
  medium: "#FFEB9C",
  high: "#FFC7CE",
  warning: "#FFEB9C",
  issue: "#FFC7CE",
  // A review-issues cell that only informs (which of two figures was used, what a figure is): not the data error's red.
  information: "#D9E1F2",
  header: "#DDEBF7",
} as const;

/** The conditional fills of the output columns' data rows: grade colours, warnings and issues. */
function outputFills(result: ReviewResult, lang: Lang): ConditionalFill[] {
  const { layout, origin } = result;
  const end = outputEnd(result);
  if (end < layout.firstRow) return [];
  const dataArea = (field: "grade" | "warnings" | "issues"): Area => ({
    row: layout.firstRow + origin.row,
    column: layout.outputColumns[field] + origin.column,
    rows: end - layout.firstRow + 1,
    columns: 1,
  });
  return [
    ...GRADES.map((g) => ({
      area: dataArea("grade"),
      when: { equals: gradeName(g, lang) },
      color: COLORS[g],
    })),
    { area: dataArea("warnings"), when: { notBlank: true }, color: COLORS.warning },
    { area: dataArea("issues"), when: { notBlank: true, unless: informationPrefix(lang) }, color: COLORS.issue },
    { area: dataArea("issues"), when: { startsWith: informationPrefix(lang) }, color: COLORS.information },
  ];
}

/**
 * A fill's condition as a spreadsheet formula relative to the fill's top-left cell (without
 * the leading "="), the same for every writer: the pane's Office.js conditional formats and the
 * command line's <conditionalFormatting> elements (src/cli/package/worksheet-xml.ts).
 */
export function fillCondition(fill: ConditionalFill): string {
  const topLeft = cellA1(fill.area.row, fill.area.column);
  const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const begins = (text: string) => `EXACT(LEFT(${topLeft},${text.length}),${quoted(text)})`;
  if ("equals" in fill.when) return `EXACT(${topLeft},${quoted(fill.when.equals)})`;
  if ("startsWith" in fill.when) return begins(fill.when.startsWith);
  if (fill.when.unless !== undefined) return `AND(LEN(TRIM(${topLeft}))>0,NOT(${begins(fill.when.unless)}))`;
  return `LEN(TRIM(${topLeft}))>0`;
}

export interface PlanOptions {
  /** Our sheets the workbook has, under their names there now (findOwnSheets): they are written under those names. */
  readonly ownSheets?: OwnSheets;
  /** Without `ownSheets`: the workbook's sheet names, among which ours are found by their names only. */
  readonly sheetNames?: readonly string[];
  /** The archive sheet's current values (counted from A1), to put this review's rows in their place. */
  readonly archiveValues?: readonly (readonly CellValue[])[];
  /** The policy sheet's current values: the table is written over them, a note beside it kept. */
  readonly policyValues?: readonly (readonly CellValue[])[];
  /** The policy history sheet's current values: a version already there is not added again. */
  readonly policyHistoryValues?: readonly (readonly CellValue[])[];
}

export function buildWritePlan(result: ReviewResult, lang: Lang, options: PlanOptions): WritePlan {
  const output = outputColumnsPlan(result, lang);
  const own = options.ownSheets ?? ownSheetsByName(options.sheetNames ?? []);
  const summaryName = reviewSheetName("summary", own, lang);
  const archiveName = reviewSheetName("archive", own, lang);
  const historyName = reviewSheetName("policyHistory", own, lang);
  const history = policyHistoryPlan(result.policy, result.asOf, historyName, lang, options.policyHistoryValues ?? []);
  return {
    target: {
      sheet: result.sheet,
      blocks: output.blocks,
      fills: outputFills(result, lang),
      clearFillsOn: output.areas,
      ...customerSheetLayout(result, output.blocks, lang),
      headerFooter: customerSheetHeaderFooter(lang),
      reviewColumns: reviewColumnsOf(result, output.blocks),
    },
    outputArea: output.areas,
    sheets: [
      summarySheet(result, summaryName, lang),
      laidOut(archiveSheetPlan(result, archiveName, lang, options.archiveValues ?? [], output.checks), lang, "table"),
      laidOut(policySheetPlan(result.policy, lang, own, options.policyValues), lang, "page"),
      followsWidth(laidOut(history, lang, "table")),
    ].map((plan) => ({
      ...plan,
      headerFooter: ownSheetHeaderFooter(printedTitle(plan, lang), result.asOf, lang, unprintedText(plan, lang)),
    })),
  };
}

/** The review's header row, customer rows and columns with their headers, in sheet rows and columns. */
function reviewColumnsOf(result: ReviewResult, blocks: readonly Block[]): ReviewColumns {
  const { layout, origin } = result;
  return {
    headerRow: layout.headerRow + origin.row,
    customerRows: { first: layout.firstRow + origin.row, last: layout.lastRow + origin.row },
    headers: blocks
      .filter((b) => b.row === layout.headerRow + origin.row)
      .flatMap((b) => b.values[0].map((text, i) => ({ column: b.column + i, text: typeof text === "string" ? text : null }))),
  };
}

/** A plan whose print setup follows its width (followsWidth). */
function followsWidth(plan: SheetPlan): SheetPlan {
  return plan.print ? { ...plan, print: { ...plan.print, followsWidth: true } } : plan;
}

/**
 * What a sheet's pages leave out, when its print area does: a reader of the archive's pages, which
 * hold this review's rows, learns that the earlier reviews its notes cite are on the sheet.
 */
function unprintedText(plan: SheetPlan, lang: Lang): string | undefined {
  const other = plan.unprintedReviews;
  // Only where the layout prints an area (under a header on every page): else every row prints.
  if (!other || !plan.print?.area) return undefined;
  const [first, last] = [dateText(other.first, lang), dateText(other.last, lang)];
  return message(lang, "print.otherReviews", {
    count: other.count,
    dates: first === last ? first : message(lang, "print.dateRange", { first, last }),
  });
}

/**
 * What a printed page of one of our sheets is called: the summary by the title it shows on top,
 * the others, which have no title row, by their sheet's name as the workbook has it.
 */
function printedTitle(plan: SheetPlan, lang: Lang): string {
  return plan.kind === "summary" ? message(lang, "summary.title") : plan.name;
}

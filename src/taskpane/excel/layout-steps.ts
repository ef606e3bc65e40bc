/**
 * The plan's sheet layout and charts as Office.js operations: column widths, wrapped text,
 * the frozen header, the filter, the print setup and page breaks, the printed pages' header and
 * footer and the summary's charts. On the user's sheet what the user set up stays: a filter or table of theirs
 * keeps ours off, frozen panes of theirs stay, a print setup or a header or footer of theirs
 * stays, a row height of theirs stays (what the check sync read).
 */
import { a1, Area, columnLetter } from "../../engine/a1";
import { standsAtTop } from "../../engine/review/write-plan";
import type { Block, ChartPlan, SheetLayout } from "../../engine/review/write-plan";
import type { Lang } from "../../engine/i18n";
import { chartNumberFormat, numberFormat } from "../../engine/review/formats";
import { rowsToFit } from "../../engine/review/sheet-layout";
import { DEFAULT_MARGINS, Margins, PageSetupNow } from "../../engine/review/page-setup";
import { POINTS_PER_INCH } from "../../engine/review/page-bands";
import { excelApiSupported } from "./office";

/**
 * Excel's column width in characters (what the plan gives) to the points Office.js takes:
 * pixels = chars × 7 + 5 at the default 11-point font, points = pixels × 0.75.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The inverse of columnWidthPoints: a width in points Office.js reads, in characters. */
export function columnWidthCharacters(points: number): number {
  return (points / 0.75 - 5) / 7;
}

/**
 * A column's width as the engine judges it (setsResponseWidth), from its width and the sheet's
 * standard width as Office.js reads them: undefined when it is the standard width (within half
 * a pixel), else in characters. Office.js does not say whether a width was set; the standard one
 * is taken as not set.
 */
export function ownWidth(points: number, standardWidth: number): number | undefined {
  return Math.abs(points - columnWidthPoints(standardWidth)) < 0.375 ? undefined : columnWidthCharacters(points);
}

/** What the user has set up on their sheet, read in the check sync before anything is written. */
export interface UserSetup {
  /** An autofilter or an Excel table of theirs. */
  ownFilter: boolean;
  /** An earlier run's filter, filtering nothing: replaced by the plan's. */
  earlierFilter: boolean;
  /** Frozen rows or columns of theirs. */
  frozen: boolean;
  /**
   * A print setup of theirs (isUsersPrintSetup: fitted to pages tall, or at a scale of theirs; on
   * the review's own sheets isUsersPageSetup, unlike the plan's).
   */
  ownPrint: boolean;
  /** A header or footer of theirs (isUsersHeaderFooter), or headers that differ on the first or even pages. */
  ownHeaderFooter: boolean;
  /**
   * The heights of the plan's fitRows as the sheet has them, in points, from fitRows.first on
   * (undefined: the sheet's standard height, or not read): rowsToFit keeps a height of the user's.
   */
  heightsNow?: readonly (number | undefined)[];
  /**
   * The layout's response column has the sheet's standard width, or one an earlier run gave it
   * (setsResponseWidth): the plan's width is set. Not read (false) keeps a width of the user's.
   */
  setsResponseWidth: boolean;
}

export const NO_USER_SETUP: Readonly<UserSetup> = {
  setsResponseWidth: false,
  ownFilter: false,
  earlierFilter: false,
  frozen: false,
  ownPrint: false,
  ownHeaderFooter: false,
};

/**
 * The page layout (its headers and footers too), frozen panes, filter and the charts' axis formats
 * need ExcelApi 1.9; an older Excel still gets the cells, widths and charts (their value axis from 0).
 */
export function layoutSupported(): boolean {
  return excelApiSupported("1.9");
}

function rangeOf(ws: Excel.Worksheet, area: Area): Excel.Range {
  return ws.getRangeByIndexes(area.row, area.column, area.rows, area.columns);
}

/**
 * Runs of rows fitted at most, one row fit each per block: more would be heights apart from the
 * review's on row after row, which is Excel's own measure at a line height other than 15 points
 * (another font), not heights set one by one, and a request too large for a sync.
 */
const MAX_FITTED_RUNS = 500;

/** The runs of rows whose height Excel measures again (autofit): the plan's fitRows but the user's heights. */
function fittedRuns(layout: SheetLayout, user: Readonly<UserSetup>): { first: number; last: number }[] {
  const fit = layout.fitRows;
  if (!fit) return [];
  const runs = rowsToFit(layout, (row) => user.heightsNow?.[row - fit.first]);
  return runs.length > MAX_FITTED_RUNS ? [fit] : runs;
}

/**
 * Rectangles covering exactly the cells of `areas` (which do not overlap), in as few as joining
 * neighbours allows: a column cut into runs of rows around cells of their own formats, and the
 * blocks beside it, are one range again, so a layout sends one operation where it would send one
 * per run.
 */
export function joinedAreas(areas: readonly Area[]): Area[] {
  let joined = [...areas];
  for (;;) {
    const before = joined.length;
    joined = joinAlong(joinAlong(joined, "down"), "across");
    if (joined.length === before) return joined;
  }
}

/** Neighbours of the same span joined one way: stacked (`down`) or side by side (`across`). */
function joinAlong(areas: readonly Area[], way: "down" | "across"): Area[] {
  const down = way === "down";
  const sorted = [...areas].sort((a, b) =>
    down
      ? a.column - b.column || a.columns - b.columns || a.row - b.row
      : a.row - b.row || a.rows - b.rows || a.column - b.column,
  );
  const out: Area[] = [];
  for (const area of sorted) {
    const last = out[out.length - 1];
    if (last && down && last.column === area.column && last.columns === area.columns && last.row + last.rows === area.row)
      out[out.length - 1] = { ...last, rows: last.rows + area.rows };
    else if (last && !down && last.row === area.row && last.rows === area.rows && last.column + last.columns === area.column)
      out[out.length - 1] = { ...last, columns: last.columns + area.columns };
    else out.push(area);
  }
  return out;
}

const areaOf = (block: Block): Area => ({
  row: block.row,
  column: block.column,
  rows: block.values.length,
  columns: block.formats.length,
});

/** The ranges a layout formats beyond its columns' widths: each list one operation a range (indented: two). */
interface LayoutRanges {
  readonly indented: readonly Area[];
  readonly wrapped: readonly Area[];
  readonly atTop: readonly Area[];
  readonly fitted: readonly Area[];
}

function layoutRanges(layout: SheetLayout, blocks: readonly Block[], user: Readonly<UserSetup>): LayoutRanges {
  const columns = layout.columns ?? [];
  // Only the plan's own cells are formatted: what else a column holds is not ours.
  const inColumn = (column: number): Area[] =>
    joinedAreas(
      blocks
        .filter((b) => column >= b.column && column < b.column + b.formats.length)
        .map((b) => ({ row: b.row, column, rows: b.values.length, columns: 1 })),
    );
  const wrappedColumns = new Set(columns.filter((c) => c.wrap).map((c) => c.column));
  const runs = fittedRuns(layout, user);
  const fitted: Area[] = [];
  const wrapping = joinedAreas(blocks.filter((b) => b.formats.some((_, c) => wrappedColumns.has(b.column + c))).map(areaOf));
  for (const area of wrapping)
    for (const run of runs) {
      const from = Math.max(run.first, area.row);
      const to = Math.min(run.last, area.row + area.rows - 1);
      if (from <= to) fitted.push({ ...area, row: from, rows: to - from + 1 });
    }
  return {
    indented: columns.filter((c) => c.indent).flatMap((c) => inColumn(c.column)),
    wrapped: columns.filter((c) => c.wrap).flatMap((c) => inColumn(c.column)),
    atTop: joinedAreas(blocks.filter((b) => standsAtTop(layout.topAligned, b)).map(areaOf)),
    fitted,
  };
}

/** How many operations a layout sends, for the request size of its step. */
export function layoutOperations(
  layout: SheetLayout,
  blocks: readonly Block[],
  user: Readonly<UserSetup> = NO_USER_SETUP,
): number {
  // As applyLayout sends them: per column its width (and hiding), then one a range of layoutRanges
  // (two for an indent), and at most 10 for freezing, filter, print and page headers.
  const columns = layout.columns ?? [];
  const ranges = layoutRanges(layout, blocks, user);
  let operations = columns.length + (layout.print?.rowBreaks?.length ?? 0) + 10;
  for (const column of columns) if (column.hidden) operations++;
  return operations + 2 * ranges.indented.length + ranges.wrapped.length + ranges.atTop.length + ranges.fitted.length;
}

/** The margins as Office.js names them, in points, by the file format's names. */
const MARGINS = {
  left: "leftMargin",
  right: "rightMargin",
  top: "topMargin",
  bottom: "bottomMargin",
  header: "headerMargin",
  footer: "footerMargin",
} as const satisfies Record<keyof Margins, string>;

/** A sheet's print setup as Office.js reads and writes it (pageLayout's properties). */
export interface PagePrint {
  readonly orientation: string;
  readonly zoom: Excel.PageLayoutZoomOptions;
  readonly paperSize: string;
  readonly leftMargin: number;
  readonly rightMargin: number;
  readonly topMargin: number;
  readonly bottomMargin: number;
  readonly headerMargin: number;
  readonly footerMargin: number;
  readonly printGridlines: boolean;
  readonly printHeadings: boolean;
  readonly centerHorizontally: boolean;
  readonly centerVertically: boolean;
}

/** PagePrint's properties: what the check sync reads of the review's own sheets. */
export const PAGE_PRINT_PROPERTIES: readonly (keyof PagePrint)[] = [
  "orientation",
  "zoom",
  "paperSize",
  ...Object.values(MARGINS),
  "printGridlines",
  "printHeadings",
  "centerHorizontally",
  "centerVertically",
];

/** A sheet's print setup as read, for the engine to judge (isUsersPageSetup). */
export function pageSetupNow(page: PagePrint): PageSetupNow {
  const zoom = page.zoom ?? {};
  return {
    orientation: page.orientation === "Landscape" ? "landscape" : "portrait",
    fitToPage: Boolean(zoom.horizontalFitToPages || zoom.verticalFitToPages),
    fitToWidth: zoom.horizontalFitToPages,
    fitToHeight: zoom.verticalFitToPages,
    scale: zoom.scale,
    margins: Object.fromEntries(
      (Object.keys(DEFAULT_MARGINS) as (keyof Margins)[]).map((side) => [side, page[MARGINS[side]] / POINTS_PER_INCH]),
    ),
    gridlines: page.printGridlines,
    headings: page.printHeadings,
    centerHorizontally: page.centerHorizontally,
    centerVertically: page.centerVertically,
  };
}

/**
 * What a sheet added again gets back of the print setup the sheet it replaces had: all of it when
 * it was the user's (`users`), else its paper, under the plan's setup.
 */
export function restorePage(ws: Excel.Worksheet, page: PagePrint, users: boolean): void {
  const layout = ws.pageLayout;
  layout.paperSize = page.paperSize as Excel.PaperType;
  if (!users) return;
  layout.orientation = page.orientation as Excel.PageOrientation;
  layout.zoom = page.zoom;
  for (const property of Object.values(MARGINS)) layout[property] = page[property];
  layout.printGridlines = page.printGridlines;
  layout.printHeadings = page.printHeadings;
  layout.centerHorizontally = page.centerHorizontally;
  layout.centerVertically = page.centerVertically;
}

/** Operations restorePage sends at most. */
export const RESTORE_PAGE_OPERATIONS = PAGE_PRINT_PROPERTIES.length;

/** Applies a sheet's layout; `user` says what the user has set up there (nothing, on the review's own sheets). */
export function applyLayout(ws: Excel.Worksheet, layout: SheetLayout, blocks: readonly Block[], user: Readonly<UserSetup>): void {
  for (const column of layout.columns ?? []) {
    const top = ws.getRangeByIndexes(0, column.column, 1, 1);
    top.format.columnWidth = columnWidthPoints(column.width);
    if (column.hidden) top.columnHidden = true;
  }
  const ranges = layoutRanges(layout, blocks, user);
  const range = (area: Area) => ws.getRangeByIndexes(area.row, area.column, area.rows, area.columns);
  for (const area of ranges.indented) {
    const cells = range(area);
    cells.format.horizontalAlignment = "Left";
    cells.format.indentLevel = 1;
  }
  for (const area of ranges.wrapped) range(area).format.wrapText = true;
  for (const area of ranges.atTop) range(area).format.verticalAlignment = "Top";
  const response = layout.responseColumn;
  if (response && user.setsResponseWidth)
    ws.getRangeByIndexes(0, response.column, 1, 1).format.columnWidth = columnWidthPoints(response.width);
  // Excel measures the rows itself: the plan's estimated heights are for files no one re-measures.
  // A height the user set stays (rowsToFit): only the runs of rows around it are measured.
  for (const area of ranges.fitted) range(area).format.autofitRows();
  if (!layoutSupported()) return;
  if (layout.freezeRows && !user.frozen) ws.freezePanes.freezeRows(layout.freezeRows);
  if (layout.autoFilter && !user.ownFilter) {
    if (user.earlierFilter) ws.autoFilter.remove();
    ws.autoFilter.apply(rangeOf(ws, layout.autoFilter));
  }
  const print = layout.print;
  if (print && !user.ownPrint) {
    ws.pageLayout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    // 0 pages: as many as it takes, as in the file format's fitToHeight="0".
    ws.pageLayout.zoom =
      print.scale === undefined
        ? { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight }
        : { scale: print.scale };
    if (print.overThenDown) ws.pageLayout.printOrder = "OverThenDown";
    if (print.repeatRows) ws.pageLayout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
    const columns = print.repeatColumns;
    if (columns) ws.pageLayout.setPrintTitleColumns(`$${columnLetter(columns.first)}:$${columnLetter(columns.last)}`);
    // A page starts before each of these rows; under a print setup of the user's they would fall elsewhere.
    for (const row of print.rowBreaks ?? []) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(row, 0, 1, 1));
  }
  // The cells printed are the plan's (the archive's, this review's rows), whoever set up how they print.
  if (print?.area) ws.pageLayout.setPrintArea(a1(print.area));
  const pages = layout.headerFooter;
  if (pages && !user.ownHeaderFooter) {
    const every = ws.pageLayout.headersFooters.defaultForAllPages;
    if (pages.header !== undefined) every.centerHeader = pages.header;
    every.centerFooter = pages.footer;
  }
}

export function addChart(ws: Excel.Worksheet, plan: ChartPlan, lang: Lang): void {
  const type =
    plan.kind === "bar"
      ? Excel.ChartType.barClustered
      : plan.kind === "line"
        ? Excel.ChartType.line
        : Excel.ChartType.columnClustered;
  const chart = ws.charts.add(type, rangeOf(ws, plan.values), Excel.ChartSeriesBy.columns);
  chart.title.text = plan.title;
  chart.legend.visible = false;
  const series = chart.series.getItemAt(0);
  series.name = plan.seriesName;
  series.setXAxisValues(rangeOf(ws, plan.categories));
  // A line's points are read off its value axis (see chart.ts).
  series.hasDataLabels = plan.kind !== "line";
  // Dates as categories are one point each, evenly spaced, as the package's chart has them: Excel
  // would make them a time axis, where two reviews in one month could share a place.
  if (plan.categoryFormat && layoutSupported()) {
    const axis = chart.axes.categoryAxis;
    axis.categoryType = Excel.ChartAxisCategoryType.textAxis;
    // The plan's form of the dates (a month), not the cells' full dates, as the package's chart labels them.
    axis.linkNumberFormat = false;
    axis.numberFormat = numberFormat(plan.categoryFormat, lang);
  }
  // The value axis as the plan has it (the package's chart's too): Excel's own scale would start a
  // line of amounts near its lowest point, where a small fall looks like a collapse.
  const values = chart.axes.valueAxis;
  if (plan.valueAxis.minimum !== undefined) values.minimum = plan.valueAxis.minimum;
  if (plan.valueAxis.maximum !== undefined) values.maximum = plan.valueAxis.maximum;
  if (plan.valueAxis.majorUnit !== undefined) values.majorUnit = plan.valueAxis.majorUnit;
  values.majorGridlines.visible = plan.valueAxis.gridlines;
  if (layoutSupported()) {
    values.visible = plan.valueAxis.labels;
    values.linkNumberFormat = false;
    values.numberFormat = chartNumberFormat(plan.format, lang);
    // A bar's label in the axis's whole amounts, as the package's chart has it: linked to the
    // cells, Excel would label each bar with its cents.
    if (plan.kind !== "line") {
      series.dataLabels.linkNumberFormat = false;
      series.dataLabels.numberFormat = chartNumberFormat(plan.format, lang);
    }
  }
  const { row, column, rows, columns } = plan.place;
  chart.setPosition(
    rangeOf(ws, { row, column, rows: 1, columns: 1 }),
    rangeOf(ws, { row: row + rows - 1, column: column + columns - 1, rows: 1, columns: 1 }),
  );
}

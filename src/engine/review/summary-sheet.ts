/**
 * The managers' summary sheet. Its figures: the headline figures (customers, exposure, credit
 * limits and their utilisation, the amount and share overdue, the exposure at risk), customers and
 * exposure by grade, the aging table (with a ledger, and what it leaves out), what changed since
 * the last archived review, and the warning counts; its two charts (exposure by grade, aging); its
 * customers: the top risks ranked by exposure at risk with the reason for each and what to do, the
 * decisions the committee takes (limits cut, prepayment, held orders, collection, legal action, a
 * re-assessment now, a review of the financial statements), the customers with problems, each list
 * capped; with an earlier review archived, the portfolio over the last reviews.
 *
 * Laid out as a one-page dashboard (the figures left, the customers' tables right under the
 * charts) while it fits one page at the size its width prints it; longer (a month with many
 * changes), as a report of the same sections one under the other, printed one page wide at a
 * readable size on pages down (summary-pages.ts). Every long text wraps over rows, one line a row,
 * so no row is taller than a line and the two halves of the dashboard keep their rows apart.
 */
import { Area, sheetReference } from "../a1";
import { CellValue, currencyMarkText } from "../cells";
import { sameCents } from "../money";
import { placeCell, withHeader } from "../errors";
import { Lang, message, MessageKey, monthText } from "../i18n";
import { GRADES } from "../policy";
import { withoutSumDust } from "../precision";
import { archiveKey } from "./archive";
import { gradeMovers } from "./changes";
import { FIELD_LABELS, LANGS_OF_HEADERS, OUTPUT_HEADERS } from "./fields";
import { moneyInCurrencyFormat } from "./formats";
import { OwnFormatCell, withOwnFormats } from "./own-format-cells";
import { otherDecisions, customersAtRows } from "./portfolio";
import type { CustomerProblem, CustomerResult, ReviewResult } from "./review";
import {
  changedCustomersText,
  changesTitle,
  sameBalancesText,
  headlineSameBalancesText,
  customerName,
  formatCount,
  gradeName,
  gradedChanges,
  gradedLines,
  labelled,
  laterReviewsText,
  moreAtRiskText,
  overdueShareBaseText,
  overdueShareText,
  pastDueLines,
  responseCounts,
  renamedLines,
  idChangedLines,
  policyChangeText,
  unitChangeText,
  portfolioWarningList,
  problemText,
  topRiskText,
  topRisksTitle,
  customerAmountText,
  totalAmountText,
  moreDecisionsText,
  movedLines,
  shortDecisionsText,
  typedOverCellTexts,
  checkedReviewText,
  clearedColumnList,
  checkMissingText,
  previousScoreSourceText,
  totalNotAddedText,
  shareOfExposureNotAdded,
  twoCurrencyColumnsLines,
  undatedArchiveText,
  gradeMovesFromPolicy,
  unmatchedText,
  warningChangeCounts,
  moneyChangeCounts,
  overdueTotalText,
  warningTitle,
  utilisationLeavesOutText,
  responsesLeftBehindText,
  rowNumbersText,
} from "./texts";
import { BOLD_FACTOR, displayWidth, laidOut, planValueAt, renderedText, WIDTH, wrappedText } from "./sheet-layout";
import { fitsOnePage, onePage, reportPages, rowHeightsOf, widthScale } from "./summary-pages";
import { TWO_CURRENCY_NOTES } from "./ledger";
import { amountMark, AmountTotal, amountMarks } from "./total-currencies";
import { SHOWN_REVIEWS, trendCurrenciesText, trendGapLines, trendHeaders } from "./trend";
import { CUSTOMER_WARNING_CODES, WarningCode } from "./warnings";
import type { Block, CellFormat, ChartPlan, PlanValue, SheetPlan, ValueAxisPlan } from "./write-plan";
import "../i18n/report";

/** The dashboard's right half's first column: one empty column after the figures' four. */
const RIGHT = 5;
/** The charts' height in rows in the dashboard: side by side above its right half, the trend's beside its table. */
const CHART_ROWS = 15;
/** The rows from a report's table's title to below its chart beside it (exposure by grade, the aging, the trend). */
const REPORT_CHART_ROWS = 11;

/**
 * Where a report's chart stands beside the table whose title is on `row`: right of the figures'
 * four columns, over the grade and the text columns of the customers' tables further down; from
 * the row under the title, as a section often starts a printed page, and a frame starting on a
 * page's first row prints its top edge as a stray rule at the foot of the page before (LibreOffice).
 */
function besideReportTable(row: number): Area {
  return { row: row + 1, column: 4, rows: REPORT_CHART_ROWS - 1, columns: 2 };
}

/** The first row clear of a report's chart beside the table whose title is on `row`. */
function belowReportChart(row: number): number {
  const place = besideReportTable(row);
  return place.row + place.rows;
}

/** Problems listed before "and N more": more would push a month's dashboard past one page. */
export const SHOWN_PROBLEMS = 8;

/**
 * The figures' columns' widths (A to D, in characters), at least: the left half's long lines
 * (responses, customers past due, warnings by name) wrap within them, one line a row, and so stay
 * clear of the right half and inside the printed page.
 */
const FIGURE_WIDTHS = [30, 14, 16, 12];

/**
 * The room of the customers' tables' last column (why at risk and what to do, the decision, the
 * problem), in character widths, by arrangement: its texts wrap there one line a row, so no row is
 * taller than a line and the figures beside the tables keep their rows together. Wider on the
 * dashboard, whose rows decide whether it fits one page; narrower in the report, whose width
 * decides the size it prints at.
 */
const TEXT_ROOM = { dashboard: 60, report: 46 } as const;
/**
 * That column's width over its room, in characters: its indent, and some to spare where
 * LibreOffice sets a line a little wider than Excel (a line too wide for its cell would wrap there
 * and make the row taller after all, or show its first line alone in Excel).
 */
const TEXT_SPARE = 8;
/** The customers' tables' text column, counted from their first: after name, row, exposure, warnings and grade. */
const TEXT_COLUMN = 5;
/**
 * The customers' tables' texts after their figures (the grade, the text column), one indent in: in
 * the report their columns hold the trend's figures too, so are not indented as a whole.
 */
const CUSTOMER_INDENTS = [false, false, false, false, true, true];
/** The customers' tables' column of balances (after the name and the row). */
const BALANCE_COLUMN = 2;

/**
 * The room of a label of the figures' in character widths: a longer one (a count of the moves the
 * policy change alone made, of the cells typed over since a date) runs on under it.
 */
const LABEL_ROOM = 40;

/** The room a line has from a column of the figures' on to their last, in character widths. */
function figuresRoom(from: number): number {
  return FIGURE_WIDTHS.slice(from).reduce((sum, width) => sum + width, 0) - WIDTH.padding;
}

/**
 * The rows a line of the summary's left half is written on, one wrapped line a row: from column
 * A (`column` 0) for a lone line, from B (1) for a note beside its label.
 */
export function summaryLineRows(text: string, column: 0 | 1 = 0, bold = false): string[] {
  return wrappedText(text, bold ? Math.floor(figuresRoom(column) / BOLD_FACTOR) : figuresRoom(column));
}

/** The rows an item listed under its count is written on, one indent in (see the pane's item). */
export function summaryItemRows(text: string): string[] {
  return wrappedText(text, figuresRoom(0) - WIDTH.indent);
}

/** The rows a label of the figures' is written on: its first line beside its figure, the rest under it. */
export function summaryLabelRows(label: string): string[] {
  return wrappedText(label, LABEL_ROOM);
}

/** Rows (0-based, first to last) kept on one printed page where they fit one. */
interface Span {
  readonly first: number;
  readonly last: number;
}

/**
 * A column of tables written downwards from a sheet cell, an empty row between sections;
 * `wrapped`: its long lines wrap within the figures' columns (the left half's), one line a row.
 * `spans` collects the rows to keep on one page (keep, and each empty row with the row above it,
 * so no page starts with one).
 */
function pane(blocks: Block[], spans: Span[], column: number, row: number, wrapped = false, textRoom: number = TEXT_ROOM.report) {
  /** A text as the rows it takes from `at` columns in: its wrapped lines, or itself. */
  const rowsOf = (text: string, at: 0 | 1, bold = false) => (wrapped ? summaryLineRows(text, at, bold) : [text]);
  /** Lone texts one a row from `at` columns in, each running over the empty cells to its right: they do not widen their column. */
  const put = (texts: readonly string[], bold: boolean, at: number) =>
    texts.forEach((text, i) =>
      blocks.push({ row: row + i, column: column + at, values: [[text]], formats: ["text"], bold, overflow: true }),
    );
  return {
    /**
     * `rightAligned`: per column, a header standing over right-aligned figures; `indented`: per
     * column, a text that stands right of a right-aligned figure; `own`: the cells of a format
     * other than their column's (withOwnFormats).
     */
    add(
      values: PlanValue[][],
      formats: CellFormat[],
      bold = false,
      rightAligned?: boolean[],
      indented?: boolean[],
      own: readonly OwnFormatCell[] = [],
    ) {
      const block: Block = {
        row,
        column,
        values,
        formats,
        bold,
        ...(rightAligned && { rightAligned }),
        ...(indented && { indented }),
      };
      blocks.push(...withOwnFormats(block, own));
      row += values.length;
    },
    /**
     * A label and its figure; a label longer than LABEL_ROOM (wrapped, in the figures' columns)
     * runs on under it, one line a row, so the labels' column stays as wide as the common ones.
     */
    pair(label: string, value: PlanValue, format: CellFormat) {
      const [first, ...rest] = wrapped ? summaryLabelRows(label) : [label];
      this.add([[first, value]], ["text", format]);
      put(rest, false, 0);
      row += rest.length;
    },
    /**
     * A table's rows whose last column is a text wrapped within `textRoom`, one line a row: a row
     * as tall as its text would set the height of the rows beside it too. `own`: the cells of a
     * format other than their column's, by their row in `values`.
     */
    rows(
      values: readonly (readonly PlanValue[])[],
      formats: CellFormat[],
      indented?: boolean[],
      rightAligned?: boolean[],
      own: readonly OwnFormatCell[] = [],
    ) {
      const last = formats.length - 1;
      const lines: PlanValue[][] = [];
      // Each row's first line, where its cells of their own format stand.
      const firstLines: number[] = [];
      for (const line of values) {
        const text = line[last];
        const parts = typeof text === "string" && text !== "" ? wrappedText(text, textRoom) : [text ?? null];
        firstLines.push(lines.length);
        lines.push([...line.slice(0, last), parts[0]]);
        for (const part of parts.slice(1)) lines.push([...line.slice(0, last).map(() => null), part]);
      }
      const ownOnLines = own.map((cell) => ({ ...cell, row: firstLines[cell.row] }));
      this.add(lines, formats, false, rightAligned, indented, ownOnLines);
    },
    /** A row of cells, and after them a text that runs over the empty cells to its right (a header over a text too long for its column). */
    spill(values: PlanValue[], formats: CellFormat[], text: string, bold = false) {
      const at = row;
      this.add([values], formats, bold);
      blocks.push({ row: at, column: column + values.length, values: [[text]], formats: ["text"], bold, overflow: true });
    },
    /** A lone text (a title, a long line), on as many rows as it wraps to. */
    line(text: string, bold = false) {
      const texts = rowsOf(text, 0, bold);
      put(texts, bold, 0);
      row += texts.length;
    },
    /**
     * An item listed under its count (a customer, a cell), one indent in, as the printed report and
     * the pane set them: at the labels' edge it would read as a label of its own. On as many rows as it wraps to.
     */
    item(text: string) {
      const texts = wrapped ? summaryItemRows(text) : [text];
      texts.forEach((part, i) =>
        blocks.push({ row: row + i, column, values: [[part]], formats: ["text"], overflow: true, indented: [true] }),
      );
      row += texts.length;
    },
    /** A label with a text that runs on to its right, on as many rows as the text wraps to. */
    note(label: string, text: string) {
      const texts = rowsOf(text, 1);
      put(texts, false, 1);
      this.add([[label]], ["text"]);
      row += texts.length - 1;
    },
    /** A text under a table's row, from its second column on: what the row's cell could only say in short. */
    under(text: string) {
      const texts = rowsOf(text, 1);
      put(texts, false, 1);
      row += texts.length;
    },
    /** An empty row, printed with the row above it: no page starts with it. */
    gap() {
      if (row > 0) spans.push({ first: row - 1, last: row });
      row++;
    },
    /** Rows left to a chart. */
    skip(rows: number) {
      row += rows;
    },
    /** The rows written since `from`, kept on one printed page. */
    keep(from: number) {
      if (row - 1 > from) spans.push({ first: from, last: row - 1 });
    },
    get row() {
      return row;
    },
  };
}

type Pane = ReturnType<typeof pane>;

/**
 * How the summary is laid out: the "dashboard", the figures on the left and the customers'
 * tables on the right under the two charts, for one landscape page; or the "report", the same
 * sections one under the other, as narrow as its widest table, to print at a readable size on
 * pages down (summary-pages.ts).
 */
export type SummaryArrangement = "dashboard" | "report";

/**
 * True when a sheet's top rows are a summary's: the labels of its rows 2 and 3 (the as-of date and
 * the customer sheet, in one language), as summarySheetPlan writes them below the title. Row 1 is
 * not asked: a part-written review marks it incomplete in place of the title.
 */
export function isSummaryTop(top: readonly (readonly CellValue[])[]): boolean {
  const label = (row: number) => {
    const cell = top[row]?.[0];
    return typeof cell === "string" ? cell.trim() : "";
  };
  return LANGS_OF_HEADERS.some(
    (lang) => label(1) === message(lang, "summary.asOf") && label(2) === message(lang, "summary.sheet"),
  );
}

/**
 * The summary sheet laid out and set up to print: the dashboard on one landscape page while one
 * page keeps it at a size still read (fitsOnePage), else the report, one page wide at the size its
 * width allows, on pages down, each page starting between two sections.
 */
export function summarySheet(result: ReviewResult, name: string, lang: Lang): SheetPlan {
  const facts = summaryFacts(result);
  const dashboard = laidOut(summaryDraft(result, name, lang, "dashboard", facts).plan, lang, "dashboard");
  if (fitsOnePage(widthScale(dashboard.columns ?? []), rowHeightsOf(dashboard, rowsTaken(dashboard))))
    return { ...dashboard, print: onePage() };
  const { plan, spans } = summaryDraft(result, name, lang, "report", facts);
  const report = laidOut(plan, lang, "dashboard");
  return { ...report, print: reportPages(widthScale(report.columns ?? []), rowHeightsOf(report, rowsTaken(report)), spans) };
}

/** How many rows of the sheet a plan takes: its cells' and its charts'. */
function rowsTaken(plan: SheetPlan): number {
  let rows = 0;
  for (const b of plan.blocks) rows = Math.max(rows, b.row + b.values.length);
  for (const c of plan.charts ?? []) rows = Math.max(rows, c.place.row + c.place.rows);
  return rows;
}

/** What the summary reads of the customers, in one pass each, for either arrangement. */
interface SummaryFacts {
  /** The top risks' customers by row. */
  readonly atRisk: ReadonlyMap<number, CustomerResult>;
  /** The customers of the problems listed, by row. */
  readonly withProblems: ReadonlyMap<number, CustomerResult>;
  readonly decisions: ReturnType<typeof otherDecisions>;
  /** With a ledger: the customers whose invoices could not be aged (their ledger rows to fix), none named twice. */
  readonly notAged: readonly CustomerResult[];
}

function summaryFacts(result: ReviewResult): SummaryFacts {
  const p = result.portfolio;
  const notAged: CustomerResult[] = [];
  if (p.aging) {
    const keys = new Set<string>();
    for (const c of result.customers) {
      // A customer billed in two currencies is not aged by rule, not for a ledger row to fix (its note says so).
      if (c.aging !== undefined || (c.id === "" && c.name === "") || c.notes.some((n) => TWO_CURRENCY_NOTES.has(n.reason.key)))
        continue;
      const key = archiveKey(c.id, c.name);
      if (keys.has(key)) continue;
      keys.add(key);
      notAged.push(c);
    }
  }
  return {
    atRisk: customersAtRows(result.customers, p.topRisks),
    withProblems: customersAtRows(result.customers, p.problems.slice(0, SHOWN_PROBLEMS)),
    decisions: otherDecisions(result.customers, p),
    notAged,
  };
}

/** The summary's cells and charts as the dashboard arranges them, not yet laid out (summarySheet lays it out). */
export function summarySheetPlan(result: ReviewResult, name: string, lang: Lang): SheetPlan {
  return summaryDraft(result, name, lang, "dashboard", summaryFacts(result)).plan;
}

/** The summary's cells and charts in an arrangement, and the rows to keep on one printed page. */
function summaryDraft(
  result: ReviewResult,
  name: string,
  lang: Lang,
  arrangement: SummaryArrangement,
  facts: SummaryFacts,
): { readonly plan: SheetPlan; readonly spans: readonly Span[] } {
  const t = (key: MessageKey, params?: Record<string, string | number>) => message(lang, key, params);
  const p = result.portfolio;
  const blocks: Block[] = [];
  const spans: Span[] = [];
  const charts: ChartPlan[] = [];
  const shareOfExposure = (amount: number) => (p.exposure! > 0 ? amount / p.exposure! : 0);
  // A total of a column the sheet does not have, or of amounts in two currencies, is unknown: said so in its place, never a 0.
  const unknown = (total: Parameters<typeof totalNotAddedText>[0]) => totalNotAddedText(total, result, lang);
  const noBalances = unknown("exposure");
  /** A chart of the amounts its table has just written, on their value axis (amountAxis). */
  const addChart = (chart: Omit<ChartPlan, "valueAxis">) => {
    const { row, column, rows } = chart.values;
    const amounts = Array.from({ length: rows }, (_, i) => planValueAt(blocks, row + i, column));
    charts.push({ ...chart, valueAxis: amountAxis(amounts) });
  };
  const pairIn = (into: Pane) => (label: string, value: PlanValue, format: CellFormat) => into.pair(label, value, format);
  /**
   * A total's cell: its figure, for a formula to use; where the portfolio says its totals'
   * currencies (some other is in two), shown with its currency, "USD 963,000.00", or written as
   * that text where no number format can show the currency (moneyInCurrencyFormat).
   */
  const totalCell = (amount: number, total: AmountTotal): [PlanValue, CellFormat] => {
    const currency = p.totalCurrencies?.[total];
    if (currency === undefined) return [amount, "money"];
    const format = moneyInCurrencyFormat(currency, lang);
    return format ? [amount, format] : [totalAmountText(amount, total, p, lang), "text"];
  };
  /** Under a table whose amounts stay figures for its chart, the currency they are in where the portfolio says its totals'. */
  const currencyUnder = (total: AmountTotal, into: Pane) => {
    const currency = p.totalCurrencies?.[total];
    if (currency !== undefined) into.note(t("summary.amountUnit"), currencyMarkText(currency));
  };

  /**
   * An amount with its share of the exposure beside it (the overdue amount, the exposure at risk);
   * under it, why there is no share when the two are in two currencies; in its place, why there is
   * no amount.
   */
  const amountOfExposure = (total: "overdueAmount" | "exposureAtRisk", amount: number | undefined, label: string, into: Pane) => {
    const why = unknown(total) ?? (amount === undefined ? t("summary.notAvailable") : undefined);
    if (why !== undefined) return into.note(label, why);
    const noShare = shareOfExposureNotAdded(total, p, lang);
    const [cell, format] = totalCell(amount!, total);
    if (noShare === undefined) return into.add([[label, cell, shareOfExposure(amount!)]], ["text", format, "percent"]);
    into.pair(label, cell, format);
    into.under(noShare);
  };

  /** The headline figures under the title; `wide`: nothing stands to their right (the report). */
  const headline = (into: Pane, wide: boolean) => {
    const pair = pairIn(into);
    /**
     * A percentage with what qualifies it (what the utilisation leaves out, the share's base): in
     * the report, in brackets on the figure's row over the empty columns to its right; in the
     * dashboard, whose right half holds the charts there, under it.
     */
    const withAside = (label: string, share: number, aside: string | undefined) => {
      if (!aside) pair(label, share, "percent");
      else if (wide) into.spill([label, share], ["text", "percent"], message(lang, "sep.asideAlone", { aside }));
      else {
        pair(label, share, "percent");
        into.under(aside);
      }
    };
    into.line(t("summary.title"), true);
    pair(t("summary.asOf"), result.asOf, "date");
    if (result.laterReviews) into.line(laterReviewsText(result.asOf, result.laterReviews, lang));
    if (result.undatedArchiveRows) into.line(undatedArchiveText(result.undatedArchiveRows, lang));
    const stale = headlineSameBalancesText(result.changes, lang);
    if (stale) into.line(stale, true);
    pair(t("summary.sheet"), result.sheet, "text");
    pair(t("summary.policyVersion"), result.policy.version, "text");
    // A report forwarded on its own says what its amounts are in, when the customer sheet says so.
    if (result.amountUnits.unit) pair(t("summary.amountUnit"), result.amountUnits.unit.label, "text");
    // Figures no customer has, its columns being in two currencies: why their cells are blank on every row.
    for (const line of twoCurrencyColumnsLines(result, lang)) into.line(line);
    pair(t("summary.customers"), p.reviewed, "integer");
    pair(t("summary.withErrors"), p.withErrors, "integer");
    if (noBalances) into.note(t("summary.exposure"), noBalances);
    else pair(t("summary.exposure"), ...totalCell(p.exposure!, "exposure"));
    if (!noBalances && p.exposureNotGraded! > 0)
      pair(t("summary.exposureNotGraded"), ...totalCell(p.exposureNotGraded!, "exposure"));
    const noLimits = unknown("creditLimits");
    if (noLimits) into.note(t("summary.creditLimits"), noLimits);
    else pair(t("summary.creditLimits"), ...totalCell(p.creditLimits!, "creditLimits"));
    const noUtilisation = unknown("utilisation");
    if (noUtilisation) into.note(t("summary.utilisation"), noUtilisation);
    else if (p.utilisation === undefined) pair(t("summary.utilisation"), t("summary.noLimits"), "text");
    else withAside(t("summary.utilisation"), p.utilisation, utilisationLeavesOutText(p, lang));
    amountOfExposure("overdueAmount", p.overdueAmount, t("summary.overdueAmount"), into);
    if (p.overdueShare === undefined) pair(t("summary.overdueShare"), t("summary.notAvailable"), "text");
    else withAside(t("summary.overdueShare"), p.overdueShare, overdueShareBaseText(p, lang));
    amountOfExposure("exposureAtRisk", p.exposureAtRisk, t("summary.exposureAtRisk"), into);
    pair(t("summary.customersAtRisk"), p.customersAtRisk, "integer");
    pair(t("summary.customersNeedingAction"), p.customersNeedingAction, "integer");
    into.note(t("summary.portfolioWarnings"), portfolioWarningList(p.findings, lang));
  };

  /** Customers and exposure by grade, the customers not graded and a total: its rows for the chart. */
  const grades = (into: Pane): { first: number; rows: number } => {
    const from = into.row;
    into.add(
      [[t("summary.grade"), t("summary.gradeCustomers"), t("summary.gradeExposure"), t("summary.gradeShare")]],
      ["text", "text", "text", "text"],
      true,
      [false, true, true, true],
    );
    const first = into.row;
    // Without a balance column, or with balances in two currencies, the exposure is unknown (the
    // headline says why): its cells stay empty.
    const exposureOf = (amount: number | undefined) => (noBalances ? [null, null] : [amount!, shareOfExposure(amount!)]);
    into.add(
      GRADES.map((g) => [gradeName(g, lang), p.byGrade[g], ...exposureOf(p.exposureByGrade?.[g])]),
      ["text", "integer", "money", "percent"],
    );
    // The customers not graded and a total, so the table (and the chart's bars) add up to the headline's exposure and 100%.
    if (p.withErrors > 0)
      into.add(
        [[t("summary.notGraded"), p.withErrors, ...exposureOf(p.exposureNotGraded)]],
        ["text", "integer", "money", "percent"],
      );
    const rows = into.row - first;
    into.add([[t("summary.total"), p.customers, ...exposureOf(p.exposure)]], ["text", "integer", "money", "percent"], true);
    // Balances in two currencies: why the exposure column is empty, under it as the aging says its own.
    if (p.twoCurrencies?.exposure) into.note(t("summary.gradeExposure"), noBalances!);
    currencyUnder("exposure", into);
    into.keep(from);
    return { first, rows };
  };

  /** The ledger's aging and its total, what it leaves out and why: its bucket rows for the chart. */
  const aging = (into: Pane): number | undefined => {
    if (!p.aging) return undefined;
    const from = into.row;
    const totals = p.aging.totals;
    const total = totals && withoutSumDust(totals.reduce((sum, x) => sum + x, 0));
    // Each bucket's share of what was aged, as an aging report gives it; none where a bucket is
    // in credit (credit notes outweighing its invoices): shares of a net total then run past 100%.
    const shared = total !== undefined && total > 0 && totals!.every((amount) => amount >= 0);
    const shareOf = (amount: number) => (shared ? amount / total! : null);
    into.add([[t("summary.agingBucket"), t("summary.amount"), t("summary.agingShare")]], ["text", "text", "text"], true, [
      false,
      true,
      true,
    ]);
    const first = into.row;
    // Invoices in two currencies are not added up: the buckets' cells stay empty, and the line under them says why.
    const amountOf = (amount: number | undefined) => (amount === undefined ? [null, null] : [amount, shareOf(amount)]);
    into.add(
      p.aging.labels.map((label, i) => [label, ...amountOf(totals?.[i])]),
      ["text", "money", "percent"],
    );
    into.add([[t("summary.total"), ...amountOf(total)]], ["text", "money", "percent"], true);
    const notAdded = unknown("aging");
    if (notAdded) into.note(t("summary.amount"), notAdded);
    currencyUnder("aging", into);
    // A customer whose ledger rows could not be aged has none of its invoices in the table: said, with its balance.
    if (facts.notAged.length) {
      const balance = withoutSumDust(facts.notAged.reduce((sum, c) => sum + (c.balance ?? 0), 0));
      // Not added up from balances in two currencies: why, as the headline says it.
      if (p.exposure === undefined) into.note(t("summary.notAged"), noBalances!);
      else {
        const [cell, format] = totalCell(balance, "exposure");
        into.add([[t("summary.notAged"), cell]], ["text", format]);
      }
      into.line(
        t("summary.notAgedWho", { customers: changedCustomersText(facts.notAged, lang), problems: t("summary.problems") }),
      );
    }
    const u = p.unmatchedInvoices;
    if (u?.customers) {
      into.line(t("summary.unmatched"));
      into.line(unmatchedText(u, p, lang));
    } else if (u) into.line(labelled(t("summary.unmatched"), t("summary.unmatchedNone"), lang));
    into.keep(from);
    return first;
  };

  /** What changed since the last archived review. */
  const changesSince = (into: Pane) => {
    const pair = pairIn(into);
    const changes = result.changes;
    const section = into.row;
    let from = into.row;
    into.line(changes ? changesTitle(changes, lang) : t("changes.none"), true);
    if (changes?.previousReview === undefined) return;
    // First, above the figures it casts doubt on, in bold: every move below may come of it.
    const stale = sameBalancesText(changes, lang);
    if (stale) into.line(stale, true);
    into.add(
      [[t("changes.fromTo"), ...GRADES.map((g) => gradeName(g, lang))]],
      ["text", ...GRADES.map(() => "text" as const)],
      true,
      [false, ...GRADES.map(() => true)],
    );
    into.add(
      GRADES.map((was) => [gradeName(was, lang), ...GRADES.map((now) => changes.migration[was][now])]),
      ["text", ...GRADES.map(() => "integer" as const)],
    );
    // The counts below stand in the grid's first grade column: an empty row ends the grid, so
    // "New warnings 1" is not read as a figure of its "Low" column.
    into.gap();
    // Of the moves the grid counts, the ones a moved band or weight made, when the policy changed.
    for (const { label, count } of gradeMovesFromPolicy(changes)) pair(t(label), count, "integer");
    into.keep(from);
    /** A count with its customers by name under it, one a line across the figures' width, kept together. */
    const counted = (label: string, count: number, lines: readonly string[]) => {
      from = into.row;
      pair(label, count, "integer");
      for (const text of lines) into.item(text);
      into.keep(from);
    };
    // Each customer's amounts with their currency where the portfolio's are in two, as its lists give them.
    const marks = amountMarks(result);
    // A new warning with its figure and threshold, as the customer's findings give it; a cleared
    // one with why it cleared; the last review's warnings not checked this time, when there are some.
    for (const { label, count, customers } of warningChangeCounts(changes, lang, result.policy, result.customers, marks))
      counted(t(label), count, customers);
    // The money: the portfolio's overdue then and now, then whose overdue and recommended limit
    // moved. Only what moved: four lines of 0 would cost a month's dashboard its one page (the
    // terminal and the pane, with room to spare, say 0).
    const overdue = overdueTotalText(changes, p, lang);
    if (overdue && changes.overdue && !sameCents(changes.overdue.now, changes.overdue.then))
      into.note(t("changes.overdueTotal"), overdue);
    for (const { label, count, customers } of moneyChangeCounts(changes, result.customers, lang, marks))
      if (count > 0) counted(t(label), count, customers);
    // Customers added and gone by name, as the pane and the printed report give them.
    for (const [label, list] of [
      [t("changes.added"), changes.added],
      [t("changes.gone"), changes.gone],
    ] as const) {
      if (list.length === 0) pair(label, 0, "integer");
      else {
        from = into.row;
        into.note(label, changedCustomersText(list, lang));
        into.keep(from);
      }
    }
    // The count, then one a line (each carries two names), only when some customer was renamed.
    if (changes.renamed.length) counted(t("changes.renamed"), changes.renamed.length, renamedLines(changes.renamed, lang));
    if (changes.idChanged.length)
      counted(t("changes.idChanged"), changes.idChanged.length, idChangedLines(changes.idChanged, lang));
    // Graded in one review of the two only: the count, then the customers one a line.
    for (const { label, customers, now } of gradedChanges(changes))
      counted(t(label), customers.length, gradedLines(customers, now, lang));
    if (changes.policy) {
      from = into.row;
      into.note(t("changes.policy"), policyChangeText(changes.policy, lang));
      into.keep(from);
    }
    if (changes.units) into.note(t("changes.units"), unitChangeText(changes.units, lang));
    // Both ways, as the pane gives them: a customer recovering is news as much as one slipping;
    // each count beside its label, as every other count here, the customers by name under it.
    for (const [label, move] of [
      ["changes.riskier", "riskier"],
      ["changes.safer", "safer"],
    ] as const) {
      const moved = gradeMovers(changes, result.customers, move);
      counted(t(label), moved.length, moved.length ? movedLines(moved, lang) : []);
    }
    counted(t("changes.pastDue"), result.reviewsPastDue.count, pastDueLines(result.reviewsPastDue, lang));
    // What the team recorded about the last review's recommendations, the customers one a line.
    if (changes.responses) {
      const { counts, help } = responseCounts(changes.responses, lang);
      for (const { label, count, customers } of counts) counted(label, count, customers);
      // How to record responses: a paragraph over rows, kept whole on one page.
      if (help) {
        const at = into.row;
        into.line(help);
        into.keep(at);
      }
    }
    // The section on one page where it fits one, under its title; a longer one breaks between its
    // parts (each kept together above), never inside one.
    into.keep(section);
  };

  /** The cells typed over since the last review, and data moved under the review's columns. */
  const typedOver = (into: Pane) => {
    const pair = pairIn(into);
    // The cells typed over are written again by this review: the report keeps what they held.
    const over = result.typedOver;
    const from = into.row + 1;
    if (over) {
      into.gap();
      pair(t("summary.typedOver", { date: checkedReviewText(over, lang) }), over.count, "integer");
      for (const text of typedOverCellTexts(over, result.sheet, lang)) into.item(text);
      if (over.count > over.cells.length)
        into.item(t("summary.typedOverMore", { count: formatCount(over.count - over.cells.length, lang) }));
    }
    // Data moved under the review's columns changed their cells too: said, so it is not taken for typing.
    const moved = result.movedRows;
    if (moved) {
      if (!over) into.gap();
      pair(t("summary.movedRows", { date: checkedReviewText(moved, lang) }), moved.count, "integer");
      into.line(t("summary.movedRowsWhich", { count: moved.count, rows: rowNumbersText(moved.rows, lang) }));
      into.line(t("review.movedRowsWhy"));
    }
    // Another customer's response beside each of these rows: said, as it counts for neither.
    const left = result.responsesLeftBehind;
    if (left) {
      if (!over && !moved) into.gap();
      into.line(responsesLeftBehindText(left, lang));
    }
    // Columns emptied whole: written again, and nothing of anyone's lost.
    const cleared = result.clearedColumns;
    if (cleared) {
      if (!over && !moved && !left) into.gap();
      pair(t("summary.clearedColumns", { date: checkedReviewText(cleared, lang) }), cleared.columns.length, "integer");
      const columns = cleared.all ? t("summary.clearedAllColumns") : clearedColumnList(cleared, lang);
      into.line(t("summary.clearedColumnsWhich", { columns, count: cleared.columns.length }));
    }
    if (over || moved || left || cleared) into.keep(from);
  };

  /** The customers per warning, and the portfolio's own warning apart. */
  const warnings = (into: Pane) => {
    const from = into.row;
    into.add([[t("summary.warning"), t("summary.code"), t("summary.warningCustomers")]], ["text", "text", "text"], true, [
      false,
      false,
      true,
    ]);
    // A check switched off for want of a column found nobody, and counted nobody: it says so, and
    // under its row what it lacks.
    const skipped = new Set(result.columns.skippedChecks);
    const missing = (code: WarningCode) => into.under(checkMissingText(code, result.columns, lang));
    // Under the score's rise, what it was measured from when that is not the sheet's own column.
    const scoreSource = previousScoreSourceText(result, lang);
    for (const code of CUSTOMER_WARNING_CODES) {
      const title = warningTitle(code, lang, result.policy);
      if (!skipped.has(code)) {
        into.add([[title, code, p.warningCounts[code]]], ["text", "text", "integer"]);
        if (code === "SCORE_RISE" && scoreSource) into.under(scoreSource);
      } else {
        into.add([[title, code, t("check.notChecked")]], ["text", "text", "text"]);
        missing(code);
      }
    }
    // The portfolio's warning is no customer's: its figure against its threshold, under a header of
    // its own, both running over the columns to their right (a text, no count to line up with).
    into.spill([t("summary.portfolioWarnings"), t("summary.code")], ["text", "text"], t("summary.overdueShare"), true);
    const shareSkipped = skipped.has("OVERDUE_SHARE");
    into.spill(
      [warningTitle("OVERDUE_SHARE", lang, result.policy), "OVERDUE_SHARE"],
      ["text", "text"],
      shareSkipped ? t("check.notChecked") : overdueShareText(p, result.policy, lang),
    );
    if (shareSkipped) missing("OVERDUE_SHARE");
    into.keep(from);
  };

  /** The customers' tables' header: name, row, exposure, warnings, grade, and the text column's title. */
  const customersHeader = (into: Pane, text: string) =>
    into.add(
      [
        [
          FIELD_LABELS.name[lang],
          t("summary.row"),
          t("summary.gradeExposure"),
          // A count of them, not the warnings themselves as the customer sheet's column has them.
          t("summary.warningCount"),
          OUTPUT_HEADERS.grade[lang],
          text,
        ],
      ],
      ["text", "text", "text", "text", "text", "text"],
      true,
      [false, true, true, true, false, false],
      CUSTOMER_INDENTS,
    );
  // Amounts in two currencies: each balance a figure in its own customer's currency's format, a
  // cell of its own format as no one format holds two currencies; as its text, standing where the
  // figures stand, where no number format can show its currency (moneyInCurrencyFormat).
  const marks = amountMarks(result);
  const markedBalances =
    marks.marked.has("balance") && result.customers.some((c) => amountMark(c, "balance", marks) !== undefined);
  const customerFormats: CellFormat[] = ["text", "integer", "money", "integer", "text", "text"];
  // A balance written as its text stands right-aligned, as the figures around it.
  const customerAligned = markedBalances ? [false, false, true, false, false, false] : undefined;
  /** A balance's own format where it names its currency: its currency's, or "text" where no format shows that. */
  const balanceFormat = (c: Pick<CustomerResult, "balance" | "currencies">): CellFormat | undefined => {
    const mark = markedBalances && c.balance !== undefined ? amountMark(c, "balance", marks) : undefined;
    return mark === undefined ? undefined : (moneyInCurrencyFormat(mark, lang) ?? "text");
  };
  const balanceCell = (c: Pick<CustomerResult, "balance" | "currencies">): PlanValue =>
    c.balance === undefined
      ? null
      : balanceFormat(c) === "text"
        ? customerAmountText(c.balance, c, "balance", marks, lang)
        : c.balance;
  const gradeOf = (c: Pick<CustomerResult, "grade">) => (c.grade ? gradeName(c.grade, lang) : t("grade.dataError"));
  /** A customer tables' row: name and row, the customer's exposure, warnings and grade (blank where not given), the text. */
  const customerLine = (
    named: { readonly id: string; readonly name: string; readonly row: number },
    c: Pick<CustomerResult, "balance" | "currencies" | "findings" | "grade"> | undefined,
    text: string,
  ): PlanValue[] => [
    customerName(named),
    named.row,
    c ? balanceCell(c) : null,
    c ? c.findings.length : null,
    c ? gradeOf(c) : null,
    text,
  ];

  /** A customer table's rows (customerLine's), each balance in its own format where it has one (balanceFormat). */
  const customerRows = (into: Pane, lines: readonly Parameters<typeof customerLine>[]) => {
    const own: OwnFormatCell[] = [];
    lines.forEach(([, c], row) => {
      const format = c && balanceFormat(c);
      if (format) own.push({ row, column: BALANCE_COLUMN, format });
    });
    into.rows(
      lines.map((line) => customerLine(...line)),
      customerFormats,
      CUSTOMER_INDENTS,
      customerAligned,
      own,
    );
  };

  /** The top risks, each with why it is at risk and what its decisions ask. */
  const topRisks = (into: Pane) => {
    const from = into.row;
    // Section titles stand on their own line, so the name column is as wide as the names. The grade
    // (a text) stands before the reason, so a right-aligned number never runs into its sentence.
    into.line(topRisksTitle(p, lang), true);
    customersHeader(into, t("summary.reason"));
    if (p.topRisks.length)
      customerRows(
        into,
        p.topRisks.map((r) => {
          const c = facts.atRisk.get(r.row)!;
          return [r, c, topRiskText(r.reason, c, lang, result.policy, marks)];
        }),
      );
    else into.line(t("summary.none"));
    const more = moreAtRiskText(p, result.sheet, lang);
    if (more) into.line(more);
    into.keep(from);
  };

  /** The other customers needing action beyond the top risks (whose own are under them), the largest balance first. */
  const decisions = (into: Pane) => {
    const from = into.row;
    const { customers, count } = facts.decisions;
    if (!count) {
      into.line(labelled(t("summary.decisions"), t("summary.none"), lang), true);
      return;
    }
    into.line(t("summary.decisions"), true);
    if (customers.length) {
      customersHeader(into, t("summary.decision"));
      customerRows(
        into,
        customers.map((c) => [c, c, shortDecisionsText(c, lang, marks)]),
      );
    }
    if (count > customers.length) into.line(moreDecisionsText(count - customers.length, result.sheet, lang));
    into.keep(from);
  };

  /** The customers with problems, capped. */
  const problems = (into: Pane) => {
    if (!p.problems.length) return false;
    const from = into.row;
    into.line(t("summary.problems"), true);
    // Under the other customer tables' headers: a problem's customer weighed as theirs are.
    customersHeader(into, t("summary.problem"));
    customerRows(
      into,
      p.problems.slice(0, SHOWN_PROBLEMS).map((q, i, shown) => {
        // The cell to go to (the ledger's with its sheet) first, then what is wrong there.
        const text = problemText(
          { affects: q.affects, reason: { key: q.reason.key, params: q.reason.params, place: {} } },
          lang,
          result.policy,
        );
        const cell = problemCell(q, lang);
        // A customer's figures once, on its first problem's line: repeated, they read as several exposures.
        const again = i > 0 && shown[i - 1].row === q.row;
        return [q, again ? undefined : facts.withProblems.get(q.row), cell === undefined ? text : labelled(cell, text, lang)];
      }),
    );
    const more = p.problems.length - SHOWN_PROBLEMS;
    if (more > 0) into.line(t("summary.moreProblems", { count: more, column: OUTPUT_HEADERS.issues[lang] }));
    into.keep(from);
    return true;
  };

  /**
   * The portfolio over the last reviews (with an earlier one archived), and its chart. On the
   * dashboard one table of the seven figures, the chart beside it; in the report, whose fifth and
   * sixth columns are the customers' grade and wide text columns, the amounts and then the counts,
   * each under the figures' four columns, the chart to their right as the report's other charts.
   */
  const trend = (into: Pane, dashboard: boolean) => {
    const shown = result.trend.slice(-SHOWN_REVIEWS);
    if (shown.length <= 1) return;
    const from = into.row;
    into.line(t("trend.title"), true);
    const headers = trendHeaders(lang);
    const formats: CellFormat[] = ["date", "money", "money", "money", "integer", "integer", "integer"];
    const rows = shown.map((r) => [
      r.date,
      r.exposure ?? null,
      r.exposureAtRisk ?? null,
      r.overdueAmount ?? null,
      r.customers ?? null,
      r.highGrade ?? null,
      r.customersWithWarnings ?? null,
    ]);
    /** A table of the trend's `columns` (the date first), its first figures' row returned. */
    const table = (columns: readonly number[]) => {
      const pick = <T>(values: readonly T[]) => columns.map((c) => values[c]);
      const values = rows.map(pick);
      into.add(
        stackedHeaders(pick(headers), values, pick(formats), lang),
        columns.map(() => "text" as const),
        true,
        // The dates too: in the wide label column they stand right, as figures do.
        columns.map(() => true),
      );
      const first = into.row;
      into.add(values, pick(formats));
      return first;
    };
    const first = dashboard ? table([0, 1, 2, 3, 4, 5, 6]) : table([0, 1, 2, 3]);
    if (!dashboard) {
      into.gap();
      table([0, 4, 5, 6]);
    }
    // A figure not given stays a blank cell, which the chart leaves a gap at (never a 0, never a
    // sum across currencies): why, under the table, by review.
    // Its amounts stay figures for the chart: their currencies, where the totals say theirs, under it.
    const currencies = trendCurrenciesText(p, lang);
    if (currencies !== undefined) into.note(t("summary.amountUnit"), currencies);
    for (const gap of trendGapLines(shown, result, lang)) into.line(gap);
    // Beside the table, a column clear of its last figures, under the top risks' reasons, which end
    // above it; in the report, from the title down over the text column alone: the trend's tables
    // fill all four figure columns, and a chart in the next would touch their last figures.
    const place = dashboard
      ? { row: from, column: RIGHT + 3, rows: CHART_ROWS, columns: 3 }
      : { ...besideReportTable(from), column: TEXT_COLUMN, columns: 1 };
    if (!dashboard) into.skip(Math.max(0, belowReportChart(from) - into.row));
    addChart({
      kind: "line",
      title: t("trend.chart"),
      seriesName: t("trend.atRisk"),
      categories: { row: first, column: 0, rows: shown.length, columns: 1 },
      values: { row: first, column: 2, rows: shown.length, columns: 1 },
      place,
      format: "money",
      categoryFormat: oneReviewAMonth(shown.map((r) => r.date)) ? "month" : "date",
    });
    into.keep(from);
  };

  /** The two charts: exposure by grade (every balance, the customers not graded too) and the aging. */
  const addCharts = (
    gradeRows: { first: number; rows: number },
    agingRows: number | undefined,
    places: { grades: Area; aging: Area },
  ) => {
    // Without balances there are no bars to draw: the table's exposure cells are empty.
    if (!noBalances)
      addChart({
        kind: "column",
        title: t("summary.exposureChart"),
        seriesName: t("summary.gradeExposure"),
        categories: { row: gradeRows.first, column: 0, rows: gradeRows.rows, columns: 1 },
        values: { row: gradeRows.first, column: 2, rows: gradeRows.rows, columns: 1 },
        place: places.grades,
        format: "money",
      });
    // Nor for invoices in two currencies: the table's amounts are empty, and say why.
    if (agingRows !== undefined && p.aging?.totals)
      addChart({
        kind: "column",
        title: t("summary.agingChart"),
        seriesName: t("summary.amount"),
        categories: { row: agingRows, column: 0, rows: p.aging.labels.length, columns: 1 },
        values: { row: agingRows, column: 1, rows: p.aging.labels.length, columns: 1 },
        place: places.aging,
        format: "money",
      });
  };

  if (arrangement === "dashboard") {
    // Left, the figures; right, under the charts, the customers' tables; below both, the trend,
    // its seven columns under the right half's first ones.
    const left = pane(blocks, spans, 0, 0, true);
    headline(left, false);
    left.gap();
    const gradeRows = grades(left);
    left.gap();
    const agingRows = aging(left);
    if (agingRows !== undefined) left.gap();
    changesSince(left);
    typedOver(left);
    left.gap();
    warnings(left);
    addCharts(gradeRows, agingRows, {
      grades: { row: 0, column: RIGHT, rows: CHART_ROWS, columns: 5 },
      aging: { row: 0, column: RIGHT + 5, rows: CHART_ROWS, columns: 1 },
    });
    const right = pane(blocks, spans, RIGHT, CHART_ROWS + 1, false, TEXT_ROOM.dashboard);
    topRisks(right);
    right.gap();
    decisions(right);
    if (p.problems.length) right.gap();
    problems(right);
    trend(pane(blocks, spans, 0, Math.max(left.row, right.row) + 1), true);
  } else {
    // One under the other, the managers' first: the headline figures, the charts, the tables
    // behind them, the customers to act on; then what changed, the warnings and the problems.
    const report = pane(blocks, spans, 0, 0, true);
    headline(report, true);
    report.gap();
    /** A table with its chart beside it, the rows the chart takes kept with the table's. */
    const withChart = <T>(table: (into: Pane) => T): { at: number; table: T } => {
      const at = report.row;
      const written = table(report);
      report.skip(Math.max(0, belowReportChart(at) - report.row));
      report.keep(at);
      return { at, table: written };
    };
    const gradeRows = withChart(grades);
    report.gap();
    const agingRows = p.aging ? withChart(aging) : undefined;
    addCharts(gradeRows.table, agingRows?.table, {
      grades: besideReportTable(gradeRows.at),
      aging: besideReportTable(agingRows?.at ?? 0),
    });
    if (agingRows !== undefined) report.gap();
    topRisks(report);
    report.gap();
    decisions(report);
    report.gap();
    changesSince(report);
    typedOver(report);
    report.gap();
    warnings(report);
    if (p.problems.length) report.gap();
    problems(report);
    report.gap();
    trend(report, false);
  }
  // The figures' columns at least as wide as their lines wrap within, and the customers' text column as wide as its lines.
  const columnWidths = [...FIGURE_WIDTHS];
  columnWidths[(arrangement === "dashboard" ? RIGHT : 0) + TEXT_COLUMN] = TEXT_ROOM[arrangement] + TEXT_SPARE;
  return {
    plan: { name, kind: "summary", mode: "replace", blocks, columnWidths: Array.from(columnWidths, (w) => w ?? 0), charts },
    spans,
  };
}

/**
 * The value axis of a chart of amounts: shown, labelled and gridded, from 0, so each bar's or
 * point's height is its amount; where one is below 0 (a customer in credit, the aging's Current
 * of a portfolio in credit) no floor, for the viewer to scale down to it. Its top is a round step
 * above the highest amount, with room for that bar's label (amountScale).
 */
export function amountAxis(amounts: readonly PlanValue[]): ValueAxisPlan {
  let highest = 0;
  let inCredit = false;
  for (const v of amounts)
    if (typeof v === "number" && Number.isFinite(v)) {
      highest = Math.max(highest, v);
      inCredit ||= v < 0;
    }
  return { ...(inCredit ? {} : { minimum: 0 }), ...amountScale(highest), labels: true, gridlines: true };
}

/** Room above the highest bar for its label, as a share of its height. */
const BAR_LABEL_ROOM = 0.15;
/** At most this many steps from 0 to the axis' top: more would crowd labels on a chart a few rows tall. */
const MOST_STEPS = 5;
/** Round steps, within a power of ten. */
const ROUND_STEPS = [1, 2, 2.5, 5, 10];

/** The axis' top and its step for amounts up to `highest`: the smallest round step that reaches past it with BAR_LABEL_ROOM in MOST_STEPS. */
export function amountScale(highest: number): Pick<ValueAxisPlan, "maximum" | "majorUnit"> {
  if (!(highest > 0) || !Number.isFinite(highest)) return {};
  const reach = highest * (1 + BAR_LABEL_ROOM);
  const power = 10 ** Math.floor(Math.log10(reach / MOST_STEPS));
  // Rounded to 12 digits: a step under 1 (0.2 = 2 × 0.1) carries binary noise into its multiples.
  const round = (x: number) => Number(x.toPrecision(12));
  const majorUnit = round(ROUND_STEPS.map((m) => m * power).find((step) => Math.ceil(reach / step) <= MOST_STEPS)!);
  return { maximum: round(Math.ceil(reach / majorUnit) * majorUnit), majorUnit };
}

/**
 * A table's headers on two rows where one is wider than the figures under it ("Customers" over
 * "reviewed" over a count of two digits), split at the space that makes its longer line the
 * shortest, the others on the lower row: the header does not widen a column its figures do not
 * need, which the tables above share. One row when none is wider.
 */
export function stackedHeaders(
  headers: readonly string[],
  rows: readonly (readonly PlanValue[])[],
  formats: readonly CellFormat[],
  lang: Lang,
): PlanValue[][] {
  const split = headers.map((header, c) => {
    const widest = Math.max(0, ...rows.map((r) => displayWidth(renderedText(r[c] ?? null, formats[c], lang))));
    if (displayWidth(header) <= widest) return undefined;
    let best: [string, string] | undefined;
    for (let at = header.indexOf(" "); at > 0; at = header.indexOf(" ", at + 1)) {
      const parts: [string, string] = [header.slice(0, at), header.slice(at + 1)];
      if (!best || Math.max(...parts.map(displayWidth)) < Math.max(...best.map(displayWidth))) best = parts;
    }
    return best;
  });
  if (split.every((s) => s === undefined)) return [[...headers]];
  return [split.map((s) => s?.[0] ?? null), headers.map((header, c) => split[c]?.[1] ?? header)];
}

/**
 * Whether no two of the reviews fall in one month: the chart then labels each by its month, short
 * enough to stand on one line under its point; else by its date, which tells them apart.
 */
function oneReviewAMonth(dates: readonly number[]): boolean {
  const months = new Set(dates.map((d) => monthText(d, "en")));
  return months.size === dates.length;
}

/**
 * Where a problem is, as the user goes to it: its cell ("E24 (Industry risk)"; on the ledger
 * "Invoices!C123 (Due date)"); undefined when it is the customer's row as a whole.
 */
function problemCell(q: CustomerProblem, lang: Lang): string | undefined {
  const place = q.reason.place;
  const cell = placeCell(place);
  if (cell === undefined) return undefined;
  const sheet = place.sheet === undefined ? "" : `${sheetReference(place.sheet, "whenNeeded")}!`;
  return `${sheet}${withHeader(cell.address, cell.header, lang)}`;
}

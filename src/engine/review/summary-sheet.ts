/**
 * The managers' summary sheet as a one-page dashboard. Left, the figures: the headline
 * figures (customers, exposure, credit limits and their utilisation, the amount and share
 * overdue, the exposure at risk), customers and exposure by grade, the aging table (with a
 * ledger), what changed since the last archived review, and the warning counts. Right, the
 * two charts (exposure by grade, aging) above the top risks ranked by exposure at risk with
 * the reason for each, and the customers with problems, capped so the page stays one page.
 * Below both, with an earlier review archived, the portfolio over the last reviews.
 */
import { sheetReference } from "../a1";
import { CellValue } from "../cells";
import { placeCell, withHeader } from "../errors";
import { Lang, message, MessageKey, monthText } from "../i18n";
import { GRADES } from "../policy";
import { withoutSumDust } from "../precision";
import { gradeMovers } from "./changes";
import { FIELD_LABELS, LANGS_OF_HEADERS, OUTPUT_HEADERS } from "./fields";
import { topRiskCustomers } from "./portfolio";
import type { CustomerProblem, ReviewResult } from "./review";
import {
  changedCustomersText,
  changesTitle,
  customerName,
  formatCount,
  gradeName,
  gradedChanges,
  gradedLines,
  laterReviewsText,
  moreAtRiskText,
  overdueShareText,
  pastDueLines,
  responseCounts,
  renamedLines,
  policyChangeText,
  unitChangeText,
  portfolioWarningList,
  problemText,
  reasonDetail,
  movedLines,
  typedOverCellTexts,
  checkedReviewText,
  checkMissingText,
  totalWithoutColumnText,
  undatedArchiveText,
  gradeMovesFromPolicy,
  unmatchedText,
  warningChangeCounts,
  warningTitle,
} from "./texts";
import { WIDTH, wrappedText } from "./sheet-layout";
import { SHOWN_REVIEWS, trendHeaders } from "./trend";
import { CUSTOMER_WARNING_CODES, WarningCode } from "./warnings";
import type { Block, CellFormat, ChartPlan, PlanValue, SheetPlan } from "./write-plan";

/** The right half's first column: one empty column after the figures' four. */
const RIGHT = 5;
/** The charts' height in rows, side by side above the right half's tables. */
const CHART_ROWS = 15;
/** Problems listed before "and N more": more would push the dashboard past one page. */
export const SHOWN_PROBLEMS = 8;

/**
 * The figures' columns' widths (A to D, in characters), at least: the left half's long lines
 * (responses, customers past due, warnings by name) wrap within them, one line a row, and so stay
 * clear of the right half and inside the printed page.
 */
const FIGURE_WIDTHS = [30, 14, 16, 12];

/** The room a line has from a column of the figures' on to their last, in character widths. */
function figuresRoom(from: number): number {
  return FIGURE_WIDTHS.slice(from).reduce((sum, width) => sum + width, 0) - WIDTH.padding;
}

/**
 * The rows a line of the summary's left half is written on, one wrapped line a row: from column
 * A (`column` 0) for a lone line, from B (1) for a note beside its label.
 */
export function summaryLineRows(text: string, column: 0 | 1 = 0): string[] {
  return wrappedText(text, figuresRoom(column));
}

/**
 * A column of tables written downwards from a sheet cell, an empty row between sections;
 * `wrapped`: its long lines wrap within the figures' columns (the left half's), one line a row.
 */
function pane(blocks: Block[], column: number, row: number, wrapped = false) {
  /** A text as the rows it takes from `at` columns in: its wrapped lines, or itself. */
  const rowsOf = (text: string, at: 0 | 1) => (wrapped ? summaryLineRows(text, at) : [text]);
  /** Lone texts one a row from `at` columns in, each running over the empty cells to its right: they do not widen their column. */
  const put = (texts: readonly string[], bold: boolean, at: number) =>
    texts.forEach((text, i) =>
      blocks.push({ row: row + i, column: column + at, values: [[text]], formats: ["text"], bold, overflow: true }),
    );
  return {
    /** `rightAligned`: per column, a header standing over right-aligned figures. */
    add(values: PlanValue[][], formats: CellFormat[], bold = false, rightAligned?: boolean[]) {
      blocks.push(rightAligned ? { row, column, values, formats, bold, rightAligned } : { row, column, values, formats, bold });
      row += values.length;
    },
    /** A lone text (a title, a long line), on as many rows as it wraps to. */
    line(text: string, bold = false) {
      const texts = rowsOf(text, 0);
      put(texts, bold, 0);
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
    gap() {
      row++;
    },
    get row() {
      return row;
    },
  };
}

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

export function summarySheetPlan(result: ReviewResult, name: string, lang: Lang): SheetPlan {
  const t = (key: MessageKey, params?: Record<string, string | number>) => message(lang, key, params);
  const p = result.portfolio;
  const blocks: Block[] = [];
  const left = pane(blocks, 0, 0, true);
  const pair = (label: string, value: PlanValue, format: CellFormat) => left.add([[label, value]], ["text", format]);
  const note = (label: string, text: string) => left.note(label, text);
  const shareOfExposure = (amount: number) => (p.exposure > 0 ? amount / p.exposure : 0);
  // A total of a column the sheet does not have is unknown: said so in its place, never a 0.
  const unknown = (total: Parameters<typeof totalWithoutColumnText>[0]) => totalWithoutColumnText(total, result.columns, lang);
  const noBalances = unknown("exposure");

  left.line(t("summary.title"), true);
  pair(t("summary.asOf"), result.asOf, "date");
  if (result.laterReviews) left.line(laterReviewsText(result.asOf, result.laterReviews, lang));
  if (result.undatedArchiveRows) left.line(undatedArchiveText(result.undatedArchiveRows, lang));
  pair(t("summary.sheet"), result.sheet, "text");
  pair(t("summary.policyVersion"), result.policy.version, "text");
  // A report forwarded on its own says what its amounts are in, when the customer sheet says so.
  if (result.amountUnits.unit) pair(t("summary.amountUnit"), result.amountUnits.unit.label, "text");
  pair(t("summary.customers"), p.reviewed, "integer");
  pair(t("summary.withErrors"), p.withErrors, "integer");
  if (noBalances) note(t("summary.exposure"), noBalances);
  else pair(t("summary.exposure"), p.exposure, "money");
  if (p.exposureNotGraded > 0) pair(t("summary.exposureNotGraded"), p.exposureNotGraded, "money");
  const noLimits = unknown("creditLimits");
  if (noLimits) note(t("summary.creditLimits"), noLimits);
  else pair(t("summary.creditLimits"), p.creditLimits, "money");
  const noUtilisation = unknown("utilisation");
  if (noUtilisation) note(t("summary.utilisation"), noUtilisation);
  else if (p.utilisation === undefined) pair(t("summary.utilisation"), t("summary.noLimits"), "text");
  else pair(t("summary.utilisation"), p.utilisation, "percent");
  if (p.overdueAmount === undefined) pair(t("summary.overdueAmount"), t("summary.notAvailable"), "text");
  else left.add([[t("summary.overdueAmount"), p.overdueAmount, shareOfExposure(p.overdueAmount)]], ["text", "money", "percent"]);
  if (p.overdueShare === undefined) pair(t("summary.overdueShare"), t("summary.notAvailable"), "text");
  else pair(t("summary.overdueShare"), p.overdueShare, "percent");
  if (noBalances) note(t("summary.exposureAtRisk"), noBalances);
  else
    left.add([[t("summary.exposureAtRisk"), p.exposureAtRisk, shareOfExposure(p.exposureAtRisk)]], ["text", "money", "percent"]);
  pair(t("summary.customersAtRisk"), p.customersAtRisk, "integer");
  pair(t("summary.customersNeedingAction"), p.customersNeedingAction, "integer");
  note(t("summary.portfolioWarnings"), portfolioWarningList(p.findings, lang));

  left.gap();
  left.add(
    [[t("summary.grade"), t("summary.gradeCustomers"), t("summary.gradeExposure"), t("summary.gradeShare")]],
    ["text", "text", "text", "text"],
    true,
    [false, true, true, true],
  );
  const gradeRows = left.row;
  // Without a balance column the exposure is unknown (the headline says why): its cells stay empty.
  const exposureOf = (amount: number, share: number) => (noBalances ? [null, null] : [amount, share]);
  left.add(
    GRADES.map((g) => [
      gradeName(g, lang),
      p.byGrade[g],
      ...exposureOf(p.exposureByGrade[g], shareOfExposure(p.exposureByGrade[g])),
    ]),
    ["text", "integer", "money", "percent"],
  );
  // The customers not graded and a total, so the table adds up to the headline's exposure and 100%.
  if (p.withErrors > 0)
    left.add(
      [[t("summary.notGraded"), p.withErrors, ...exposureOf(p.exposureNotGraded, shareOfExposure(p.exposureNotGraded))]],
      ["text", "integer", "money", "percent"],
    );
  left.add(
    [[t("summary.total"), p.customers, ...exposureOf(p.exposure, p.exposure > 0 ? 1 : 0)]],
    ["text", "integer", "money", "percent"],
    true,
  );
  const charts: ChartPlan[] = [];
  if (!noBalances)
    charts.push({
      kind: "column",
      title: t("summary.exposureChart"),
      seriesName: t("summary.gradeExposure"),
      categories: { row: gradeRows, column: 0, rows: GRADES.length, columns: 1 },
      values: { row: gradeRows, column: 2, rows: GRADES.length, columns: 1 },
      place: { row: 0, column: RIGHT, rows: CHART_ROWS, columns: 5 },
      format: "money",
    });
  if (p.aging) {
    left.gap();
    left.add([[t("summary.agingBucket"), t("summary.amount")]], ["text", "text"], true, [false, true]);
    const start = left.row;
    left.add(
      p.aging.labels.map((label, i) => [label, p.aging!.totals[i]]),
      ["text", "money"],
    );
    left.add([[t("summary.total"), withoutSumDust(p.aging.totals.reduce((sum, x) => sum + x, 0))]], ["text", "money"], true);
    charts.push({
      kind: "column",
      title: t("summary.agingChart"),
      seriesName: t("summary.amount"),
      categories: { row: start, column: 0, rows: p.aging.labels.length, columns: 1 },
      values: { row: start, column: 1, rows: p.aging.labels.length, columns: 1 },
      place: { row: 0, column: RIGHT + 5, rows: CHART_ROWS, columns: 1 },
      format: "money",
    });
    const u = p.unmatchedInvoices;
    if (u?.customers) {
      left.line(t("summary.unmatched"));
      left.line(unmatchedText(u, lang));
    } else if (u) note(t("summary.unmatched"), t("summary.unmatchedNone"));
  }

  left.gap();
  const changes = result.changes;
  left.line(changes ? changesTitle(changes, lang) : t("changes.none"), true);
  if (changes?.previousReview !== undefined) {
    left.add(
      [[t("changes.fromTo"), ...GRADES.map((g) => gradeName(g, lang))]],
      ["text", ...GRADES.map(() => "text" as const)],
      true,
      [false, ...GRADES.map(() => true)],
    );
    left.add(
      GRADES.map((from) => [gradeName(from, lang), ...GRADES.map((to) => changes.migration[from][to])]),
      ["text", ...GRADES.map(() => "integer" as const)],
    );
    // Of the moves the grid counts, the ones a moved band or weight made, when the policy changed.
    for (const { label, count } of gradeMovesFromPolicy(changes)) pair(t(label), count, "integer");
    // Each count with its customers by name under it, one a line across the figures' width.
    for (const { label, count, customers } of warningChangeCounts(changes, lang, result.policy)) {
      pair(t(label), count, "integer");
      for (const text of customers) left.line(text);
    }
    // Customers added and gone by name, as the pane and the printed report give them.
    for (const [label, list] of [
      [t("changes.added"), changes.added],
      [t("changes.gone"), changes.gone],
    ] as const) {
      if (list.length === 0) pair(label, 0, "integer");
      else note(label, changedCustomersText(list, lang));
    }
    // The count, then one a line (each carries two names), only when some customer was renamed.
    if (changes.renamed.length) {
      pair(t("changes.renamed"), changes.renamed.length, "integer");
      for (const text of renamedLines(changes.renamed, lang)) left.line(text);
    }
    // Graded in one review of the two only: the count, then the customers one a line.
    for (const { label, customers, now } of gradedChanges(changes)) {
      pair(t(label), customers.length, "integer");
      for (const text of gradedLines(customers, now, lang)) left.line(text);
    }
    if (changes.policy) note(t("changes.policy"), policyChangeText(changes.policy, lang));
    if (changes.units) note(t("changes.units"), unitChangeText(changes.units, lang));
    // Both ways by name, as the pane gives them: a customer recovering is news as much as one slipping.
    for (const [label, move] of [
      ["changes.riskier", "riskier"],
      ["changes.safer", "safer"],
    ] as const) {
      const moved = gradeMovers(changes, result.customers, move);
      if (moved.length === 0) note(t(label), t("summary.none"));
      else {
        // One a line across the figures' width: a list on one line would run under the right half.
        left.line(t(label));
        for (const text of movedLines(moved, lang)) left.line(text);
      }
    }
    // The count, then the customers one a line, as the new warnings' are.
    pair(t("changes.pastDue"), result.reviewsPastDue.count, "integer");
    for (const text of pastDueLines(result.reviewsPastDue, lang)) left.line(text);
    // What the team recorded about the last review's recommendations, the customers one a line.
    if (changes.responses) {
      const { counts, help } = responseCounts(changes.responses, lang);
      for (const { label, count, customers } of counts) {
        pair(label, count, "integer");
        for (const text of customers) left.line(text);
      }
      if (help) left.line(help);
    }
  }

  // The cells typed over are written again by this review: the report keeps what they held.
  const over = result.typedOver;
  if (over) {
    left.gap();
    pair(t("summary.typedOver", { date: checkedReviewText(over, lang) }), over.count, "integer");
    for (const text of typedOverCellTexts(over, result.sheet, lang)) left.line(text);
    if (over.count > over.cells.length)
      left.line(t("summary.typedOverMore", { count: formatCount(over.count - over.cells.length, lang) }));
  }
  // Data moved under the review's columns changed their cells too: said, so it is not taken for typing.
  const moved = result.movedRows;
  if (moved) {
    if (!over) left.gap();
    pair(t("summary.movedRows", { date: checkedReviewText(moved, lang) }), moved.count, "integer");
    left.line(t("review.movedRowsWhy"));
  }

  left.gap();
  left.add([[t("summary.warning"), t("summary.code"), t("summary.warningCustomers")]], ["text", "text", "text"], true, [
    false,
    false,
    true,
  ]);
  // A check switched off for want of a column found nobody, and counted nobody: it says so, and
  // under its row what it lacks.
  const skipped = new Set(result.columns.skippedChecks);
  const warningRow = (code: WarningCode, shown: PlanValue, format: CellFormat) => {
    const title = warningTitle(code, lang, result.policy);
    if (!skipped.has(code)) left.add([[title, code, shown]], ["text", "text", format]);
    else {
      left.add([[title, code, t("check.notChecked")]], ["text", "text", "text"]);
      left.under(checkMissingText(code, result.columns, lang));
    }
  };
  for (const code of CUSTOMER_WARNING_CODES) warningRow(code, p.warningCounts[code], "integer");
  // The portfolio's warning is no customer's: its figure against its threshold, under a header of its own.
  left.add([[t("summary.portfolioWarnings"), t("summary.code"), t("summary.overdueShare")]], ["text", "text", "text"], true);
  warningRow("OVERDUE_SHARE", overdueShareText(p, result.policy, lang), "text");

  const right = pane(blocks, RIGHT, CHART_ROWS + 1);
  // Section titles stand on their own line, so the name column is as wide as the names. The grade
  // (a text) stands before the reason, so a right-aligned number never runs into its sentence.
  right.line(t("summary.topRisks"), true);
  right.add(
    [
      [
        FIELD_LABELS.name[lang],
        t("summary.row"),
        t("summary.gradeExposure"),
        OUTPUT_HEADERS.warnings[lang],
        OUTPUT_HEADERS.grade[lang],
        t("summary.reason"),
      ],
    ],
    ["text", "text", "text", "text", "text", "text"],
    true,
    [false, true, true, true, false, false],
  );
  const atRisk = topRiskCustomers(result.customers, p.topRisks);
  if (p.topRisks.length)
    right.add(
      p.topRisks.map((r) => [
        customerName(r),
        r.row,
        r.balance ?? null,
        atRisk.get(r.row)!.findings.length,
        r.grade ? gradeName(r.grade, lang) : t("grade.dataError"),
        reasonDetail(r.reason, atRisk.get(r.row)!, lang, result.policy),
      ]),
      ["text", "integer", "money", "integer", "text", "text"],
    );
  else right.line(t("summary.none"));
  const more = moreAtRiskText(p, result.sheet, lang);
  if (more) right.line(more);

  if (p.problems.length) {
    right.gap();
    right.line(t("summary.problems"), true);
    right.add(
      [[FIELD_LABELS.name[lang], t("summary.cell"), null, null, null, t("summary.problem")]],
      ["text", "text", "text", "text", "text", "text"],
      true,
    );
    right.add(
      p.problems.slice(0, SHOWN_PROBLEMS).map((q) => {
        // The cell, the ledger's too, has a column of its own: the text says what is wrong there.
        const text = problemText(
          { affects: q.affects, reason: { key: q.reason.key, params: q.reason.params, place: {} } },
          lang,
          result.policy,
        );
        return [customerName(q), problemCell(q, lang), null, null, null, text];
      }),
      ["text", "text", "text", "text", "text", "text"],
    );
    const more = p.problems.length - SHOWN_PROBLEMS;
    if (more > 0) right.line(t("summary.moreProblems", { count: more, column: OUTPUT_HEADERS.issues[lang] }));
  }

  // Below both halves: its seven columns run under the right half's first ones.
  const shown = result.trend.slice(-SHOWN_REVIEWS);
  if (shown.length > 1) {
    const trend = pane(blocks, 0, Math.max(left.row, right.row) + 1);
    trend.line(t("trend.title"), true);
    trend.add(
      [trendHeaders(lang)],
      ["text", "text", "text", "text", "text", "text", "text"],
      true,
      // The dates too: in the wide label column they stand right, as figures do.
      [true, true, true, true, true, true, true],
    );
    const first = trend.row;
    trend.add(
      shown.map((r) => [
        r.date,
        r.exposure ?? null,
        r.exposureAtRisk ?? null,
        r.overdueAmount ?? null,
        r.customers ?? null,
        r.highGrade ?? null,
        r.customersWithWarnings ?? null,
      ]),
      ["date", "money", "money", "money", "integer", "integer", "integer"],
    );
    // Beside the table, a column clear of its last figures, under the top risks' reasons, which end above it.
    charts.push({
      kind: "line",
      title: t("trend.chart"),
      seriesName: t("trend.atRisk"),
      categories: { row: first, column: 0, rows: shown.length, columns: 1 },
      values: { row: first, column: 2, rows: shown.length, columns: 1 },
      place: { row: first - 2, column: RIGHT + 3, rows: CHART_ROWS, columns: 3 },
      format: "money",
      categoryFormat: oneReviewAMonth(shown.map((r) => r.date)) ? "month" : "date",
    });
  }
  return { name, kind: "summary", mode: "replace", blocks, columnWidths: FIGURE_WIDTHS, charts };
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
 * "Invoices!C123 (Due date)"), else the customer's row.
 */
function problemCell(q: CustomerProblem, lang: Lang): string {
  const place = q.reason.place;
  const cell = placeCell(place);
  if (cell === undefined) return String(q.row);
  const sheet = place.sheet === undefined ? "" : `${sheetReference(place.sheet, "whenNeeded")}!`;
  return `${sheet}${withHeader(cell.address, cell.header, lang)}`;
}

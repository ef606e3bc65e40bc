/**
 * The managers' summary sheet: the review's key figures, customers and exposure by grade,
 * warning counts, the aging table (with a ledger) and its chart, the top risks, every
 * customer with a problem, and what changed since the last archived review (grade migration
 * and counts).
 */
import { isoFromSerial } from "../cells";
import { Lang, message, MessageKey } from "../i18n";
import { GRADES } from "../policy";
import { OUTPUT_HEADERS } from "./fields";
import type { CustomerResult, ReviewResult } from "./review";
import { customerName, formatFigure, gradeName, portfolioWarningList, problemText, warningList, warningTitle } from "./texts";
import { WARNING_CODES } from "./warnings";
import type { Block, CellFormat, ChartPlan, PlanValue, SheetPlan } from "./write-plan";

export function summarySheetPlan(result: ReviewResult, name: string, lang: Lang): SheetPlan {
  const t = (key: MessageKey, params?: Record<string, string | number>) => message(lang, key, params);
  const p = result.portfolio;
  const blocks: Block[] = [];
  let row = 0;
  const add = (values: PlanValue[][], formats: CellFormat[], bold = false) => {
    blocks.push({ row, column: 0, values, formats, bold });
    row += values.length;
  };
  blocks.push({ row, column: 0, values: [[t("summary.title")]], formats: ["text"], bold: true, overflow: true });
  row++;
  const pair = (label: string, value: PlanValue, format: CellFormat) => add([[label, value]], ["text", format]);
  pair(t("summary.asOf"), result.asOf, "date");
  pair(t("summary.sheet"), result.sheet, "text");
  pair(t("summary.policyVersion"), result.policy.version, "text");
  pair(t("summary.customers"), p.reviewed, "integer");
  pair(t("summary.withErrors"), p.withErrors, "integer");
  pair(t("summary.exposure"), p.exposure, "money");
  if (p.exposureNotGraded > 0) pair(t("summary.exposureNotGraded"), p.exposureNotGraded, "money");
  if (p.overdueShare === undefined) pair(t("summary.overdueShare"), t("summary.notAvailable"), "text");
  else pair(t("summary.overdueShare"), p.overdueShare, "percent");
  pair(t("summary.portfolioWarnings"), portfolioWarningList(p.warnings, lang, result.policy), "text");
  const u = p.unmatchedInvoices;
  if (u) {
    const amount = formatFigure(u.amount, "money", lang);
    const text = u.customers ? t("summary.unmatchedText", { ...u, amount, keys: u.keys.join(", ") }) : t("summary.unmatchedNone");
    pair(t("summary.unmatched"), text, "text");
  }
  row++;
  add(
    [[t("summary.grade"), t("summary.gradeCustomers"), t("summary.gradeExposure"), t("summary.gradeShare")]],
    ["text", "text", "text", "text"],
    true,
  );
  add(
    GRADES.map((g) => [
      gradeName(g, lang),
      p.byGrade[g],
      p.exposureByGrade[g],
      p.exposure > 0 ? p.exposureByGrade[g] / p.exposure : 0,
    ]),
    ["text", "integer", "money", "percent"],
  );
  const gradeRows = { row: row - GRADES.length };
  row++;
  add([[t("summary.warning"), t("summary.code"), t("summary.warningCustomers")]], ["text", "text", "text"], true);
  add(
    WARNING_CODES.map((code) => [warningTitle(code, lang, result.policy), code, p.warningCounts[code]]),
    ["text", "text", "integer"],
  );
  row++;
  const charts: ChartPlan[] = [
    {
      kind: "column",
      title: t("summary.exposureChart"),
      seriesName: t("summary.gradeExposure"),
      categories: { row: gradeRows.row, column: 0, rows: GRADES.length, columns: 1 },
      values: { row: gradeRows.row, column: 2, rows: GRADES.length, columns: 1 },
      place: chartPlace(0),
      format: "money",
    },
  ];
  if (p.aging) {
    add([[t("summary.agingBucket"), t("summary.amount")]], ["text", "text"], true);
    const start = row;
    add(
      p.aging.labels.map((label, i) => [label, p.aging!.totals[i]]),
      ["text", "money"],
    );
    charts.push({
      kind: "column",
      title: t("summary.agingChart"),
      seriesName: t("summary.amount"),
      categories: { row: start, column: 0, rows: p.aging.labels.length, columns: 1 },
      values: { row: start, column: 1, rows: p.aging.labels.length, columns: 1 },
      place: chartPlace(1),
      format: "money",
    });
  }
  row++;
  const top = topRisks(result.customers, 10);
  add(
    [
      [
        t("summary.topRisks"),
        t("summary.row"),
        OUTPUT_HEADERS.score[lang],
        OUTPUT_HEADERS.grade[lang],
        OUTPUT_HEADERS.warnings[lang],
      ],
    ],
    ["text", "text", "text", "text", "text"],
    true,
  );
  if (top.length) {
    add(
      top.map((c) => [customerName(c), c.row, c.score!, gradeName(c.grade!, lang), warningList(c.findings, lang)]),
      ["text", "integer", "score", "text", "text"],
    );
  }
  if (p.problems.length) {
    row++;
    add(
      [[t("summary.problems"), t("summary.row"), t("summary.column"), t("summary.problem")]],
      ["text", "text", "text", "text"],
      true,
    );
    add(
      p.problems.map((q) => {
        // A ledger row's place names its own sheet and row, so it stays in the text.
        const place = q.reason.place.sheet === undefined ? {} : q.reason.place;
        const text = problemText(
          { affects: q.affects, reason: { key: q.reason.key, params: q.reason.params, place } },
          lang,
          result.policy,
        );
        return [customerName(q), q.row, q.reason.place.sheet === undefined ? (q.reason.place.column ?? "") : "", text];
      }),
      ["text", "integer", "text", "text"],
    );
  }
  row++;
  const changes = result.changes;
  if (changes?.previousReview === undefined) add([[t("changes.none")]], ["text"], true);
  else {
    add([[t("changes.title", { date: isoFromSerial(changes.previousReview) })]], ["text"], true);
    add([[t("changes.fromTo"), ...GRADES.map((g) => gradeName(g, lang))]], ["text", ...GRADES.map(() => "text" as const)], true);
    add(
      GRADES.map((from) => [gradeName(from, lang), ...GRADES.map((to) => changes.migration[from][to])]),
      ["text", ...GRADES.map(() => "integer" as const)],
    );
    pair(t("changes.newWarnings"), changes.newWarnings, "integer");
    pair(t("changes.clearedWarnings"), changes.clearedWarnings, "integer");
    pair(t("changes.added"), changes.added.length, "integer");
    pair(t("changes.gone"), changes.gone.length, "integer");
  }
  return { name, mode: "replace", blocks, columnWidths: [34, 14, 16, 14, 40], charts };
}

/** Where the summary's charts go: side by side with the tables, right of them, one below the other. */
const CHART_SIZE = { rows: 16, columns: 7 };
function chartPlace(index: number): ChartPlan["place"] {
  return { row: index * (CHART_SIZE.rows + 1), column: 6, ...CHART_SIZE };
}

/** Riskier first: higher score, then more warnings, then the earlier row. */
const riskier = (a: CustomerResult, b: CustomerResult) =>
  b.score! - a.score! || b.findings.length - a.findings.length || a.row - b.row;

/**
 * The `count` riskiest customers reviewed without errors, kept in order as the portfolio is
 * read once (an insertion into a list of ten): sorting the whole portfolio for ten names made
 * the write plan a third slower.
 */
function topRisks(customers: readonly CustomerResult[], count: number): CustomerResult[] {
  const top: CustomerResult[] = [];
  for (const c of customers) {
    if (c.errors.length > 0 || c.score === undefined) continue;
    if (top.length === count && riskier(c, top[count - 1]) >= 0) continue;
    let i = top.length === count ? count - 1 : top.length;
    while (i > 0 && riskier(c, top[i - 1]) < 0) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = c;
  }
  return top;
}

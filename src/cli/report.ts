/** What the command line prints: a readable table, or the JSON documented in README. */
import "../engine/i18n/cli";
import type { CurrencyMark } from "../engine/cells";
import { columnLetter } from "../engine/a1";
import { describeError } from "../engine/errors";
import { currencyMarkText, isoFromSerial } from "../engine/cells";
import { dateText, Lang, message, MessageKey } from "../engine/i18n";
import { FACTORS, GRADES, Policy } from "../engine/policy";
import { CLOSING_PUNCTUATION, OPENING_PUNCTUATION, WIDE_CLASS } from "../engine/text-width";
import { scoreDecimals } from "../engine/score";
import { zDecimals } from "../engine/zscore";
import { FIELD_LABELS, OUTPUT_HEADERS } from "../engine/review/fields";
import { ClearedWarning, ClearedWhy, gradeMovers, ReviewChanges } from "../engine/review/changes";
import { gradeByName, zoneByName } from "../engine/review/archive";
import { moneyMoves, OverdueMove } from "../engine/review/money-moves";
import { Responses } from "../engine/review/responses";
import { customersWithProblems, customersAtRows, otherDecisions } from "../engine/review/portfolio";
import { CustomerResult, PortfolioResult, ReviewResult } from "../engine/review/review";
import {
  AmountMarks,
  amountMarks,
  customerCurrencies,
  NO_MARKS,
  overdueCurrency,
  rowCurrency,
} from "../engine/review/total-currencies";
import {
  SHOWN_REVIEWS,
  TrendAmount,
  trendCurrencies,
  trendCurrenciesLine,
  trendGapLines,
  trendGapText,
  trendHeaders,
} from "../engine/review/trend";
import { CUSTOMER_WARNING_CODES, Finding, WarningCode } from "../engine/review/warnings";
import {
  actionNames,
  amountOfExposureText,
  changedCustomersText,
  changesTitle,
  sameBalancesText,
  headlineSameBalancesText,
  customerName,
  decisionLine,
  explainFinding,
  FindingOwner,
  formatCount,
  formatFigure,
  formatShare,
  formatScore,
  gradeName,
  gradedChanges,
  gradedLines,
  labelled,
  moreAtRiskText,
  moneyChangeCounts,
  overdueTotalText,
  pastDueLines,
  pastDueText,
  ledgerNoticeText,
  policyChangeText,
  renamedLines,
  idChangedLines,
  responseCounts,
  unitChangeText,
  portfolioWarningList,
  zWithoutSalesText,
  problemText,
  reasonDetail,
  customerRecommendation,
  movedLines,
  nextReviewText,
  shortDecisionsText,
  topRiskText,
  moreDecisionsText,
  limitsText,
  gradeMovesFromPolicy,
  leftOutText,
  amountUnitsLines,
  twoCurrencyColumnsLines,
  typedOverText,
  movedRowsText,
  responsesLeftBehindText,
  clearedColumnsText,
  ownCellsLines,
  laterReviewsText,
  replacesRunText,
  undatedArchiveText,
  unmatchedText,
  warningListWithFigures,
  warningChangeCounts,
  WARNINGS_FROM_POLICY,
  warningTitle,
  clearedWarningText,
  notCheckedWarningText,
  totalAmountText,
  totalNotAddedText,
  totalInTwoCurrenciesText,
  topRisksTitle,
  checkMissingText,
  previousScoreSourceLine,
  overdueShareBaseText,
  overdueShareWithBaseText,
  utilisationLeavesOutText,
  utilisationText,
  customerAmountText,
} from "../engine/review/texts";
import "../engine/i18n/report";

/**
 * A score or Z-score in the JSON: four decimals, or the more `decimals` says it needs to stay on
 * its side of a band or zone line (3.49996 is not 3.5: scoreDecimals; 2.900004 is not 2.9: zDecimals).
 */
const figureJson = (value: number, decimals: number) => {
  const scale = 10 ** Math.max(4, decimals);
  return Math.round(value * scale) / scale;
};

/** Points and other figures in the JSON: four decimals, more than any face shows. */
const fourPlaces = (n: number) => figureJson(n, 4);

/** A finding's figure and threshold (dates as ISO days, as every date of the JSON) and their unit. */
const findingFigures = (f: Finding) => {
  const figure = (n: number) => (f.format === "date" ? isoFromSerial(n) : n);
  return { value: figure(f.value), threshold: figure(f.threshold), format: f.format };
};

/** A warning in the JSON, a customer's (`c`) or the portfolio's: its figures and the sentence saying them, its amounts marked as `marks` says. */
const findingJson = (f: Finding, c: FindingOwner, lang: Lang, marks: AmountMarks) => ({
  code: f.code,
  ...findingFigures(f),
  text: explainFinding(f, c, lang, marks),
});

/**
 * The portfolio's totals not added up for their amounts' two currencies (null above), by total:
 * the currency and a row of each, and why in words; {} when every total is added up.
 */
const twoCurrenciesJson = (p: PortfolioResult, lang: Lang) =>
  Object.fromEntries(
    Object.entries(p.twoCurrencies ?? {}).map(([total, amounts]) => [
      total,
      { ...amounts, text: totalInTwoCurrenciesText(amounts, lang) },
    ]),
  );

/** Each figure's currency (a total's, a trend amount's) as its ISO code ("$" for a bare sign), as a customer's `currency` gives one. */
const currencyCodes = (currencies: Readonly<Partial<Record<string, CurrencyMark>>>): Record<string, string> =>
  Object.fromEntries(Object.entries(currencies).map(([total, mark]) => [total, currencyMarkText(mark!)]));

/** The currency a customer's balance, credit limit and overdue amount are in, as its ISO code ("$" for a bare sign); null when none is named, or its row's are in two. */
const currencyOf = (c: CustomerResult, result: ReviewResult) => {
  const currency = rowCurrency(customerCurrencies(c, result.amountUnits.receivables));
  return currency === undefined ? null : currencyMarkText(currency);
};

/** The currency a customer's overdue amount and aging are in (a ledger's invoices' can be another than its row's), as currencyOf gives one. */
const overdueCurrencyOf = (c: CustomerResult, result: ReviewResult) => {
  const currency = overdueCurrency(c, result.amountUnits.receivables);
  return currency === undefined ? null : currencyMarkText(currency);
};

/** The trend's amounts' currencies (trendCurrencies) as the JSON names currencies; undefined when the totals say none. */
const trendCurrenciesOf = (p: Pick<PortfolioResult, "totalCurrencies">) => {
  const currencies = trendCurrencies(p);
  return currencies && currencyCodes(currencies);
};

export function toJson(result: ReviewResult, lang: Lang, output?: string) {
  const p = result.portfolio;
  const atRisk = customersAtRows(result.customers, p.topRisks);
  // The texts' amounts with their currency where the portfolio's are in two, as the printed report's.
  const marks = amountMarks(result);
  const trendIn = trendCurrenciesOf(p);
  return {
    asOf: isoFromSerial(result.asOf),
    sheet: result.sheet,
    output,
    policyVersion: result.policy.version,
    columns: {
      ...result.columns,
      twoCurrencies: twoCurrencyColumnsLines(result, lang).map((text, i) => ({ ...result.columns.twoCurrencies[i], text })),
    },
    ledgerNotices: result.ledgerNotices.map((n) => ({
      ...n,
      ...(n.kind === "daysForDueDates" && { date: isoFromSerial(n.date) }),
      text: ledgerNoticeText(n, lang),
    })),
    customers: result.customers.map((c) => ({
      row: c.row,
      id: c.id,
      name: c.name,
      score: c.score === undefined ? null : figureJson(c.score, scoreDecimals(c.score, result.policy)),
      previousScore:
        c.previousScore === undefined ? null : figureJson(c.previousScore, scoreDecimals(c.previousScore, result.policy)),
      previousScoreFrom: c.previousScoreFrom ?? null,
      factorPoints: c.factorPoints ? Object.fromEntries(FACTORS.map((f, i) => [f, fourPlaces(c.factorPoints![i])])) : null,
      grade: c.grade ?? null,
      zScore: c.zScore === undefined ? null : figureJson(c.zScore, c.zZone ? zDecimals(c.zScore, c.zZone) : 0),
      zZone: c.zZone ?? null,
      warnings: c.findings.map((f) => f.code),
      findings: c.findings.map((f) => findingJson(f, c, lang, marks)),
      recommendation: customerRecommendation(c, lang, result.policy),
      actions: c.actions.map((d) => ({ code: d.code, because: d.because, text: decisionLine(d, c, lang, result.policy, marks) })),
      recommendedLimit: c.recommendedLimit ?? null,
      monitoring: c.monitoring ?? null,
      nextReview: c.nextReview === undefined ? null : isoFromSerial(c.nextReview),
      actionTaken: c.actionTaken ?? null,
      currency: currencyOf(c, result),
      balance: c.balance ?? null,
      creditLimit: c.creditLimit ?? null,
      utilisation: c.utilisation ?? null,
      availableCredit: c.availableCredit ?? null,
      overdueAmount: c.overdueAmount ?? null,
      overdueCurrency: overdueCurrencyOf(c, result),
      daysPastDue: c.daysPastDue ?? null,
      aging: c.aging ?? null,
      notes: c.notes.map((n) => ({ affects: n.affects, toFix: n.toFix, text: problemText(n, lang, result.policy) })),
      errors: c.errors.map((e) => describeError(e, lang)),
    })),
    portfolio: {
      customers: p.customers,
      reviewed: p.reviewed,
      withErrors: p.withErrors,
      byGrade: p.byGrade,
      exposureByGrade: p.exposureByGrade ?? null,
      exposure: p.exposure ?? null,
      exposureNotGraded: p.exposureNotGraded ?? null,
      creditLimits: p.creditLimits ?? null,
      utilisation: p.utilisation ?? null,
      withoutLimit: {
        amount: p.withoutLimit.amount ?? null,
        customers: p.withoutLimit.customers,
        text: utilisationLeavesOutText(p, lang) ?? null,
      },
      overdueAmount: p.overdueAmount ?? null,
      overdueCustomers: p.overdueCustomers,
      overdueShare: p.overdueShare ?? null,
      overdueShareBase:
        p.overdueShare === undefined ? null : { customers: p.overdueCounted, text: overdueShareBaseText(p, lang) ?? null },
      exposureAtRisk: p.exposureAtRisk ?? null,
      customersAtRisk: p.customersAtRisk,
      customersNeedingAction: p.customersNeedingAction,
      customersWithWarnings: p.customersWithWarnings,
      topRisks: p.topRisks.map((r) => ({
        ...r,
        // A customer with a data error is at risk by its warnings and actions: no grade or score.
        grade: r.grade ?? null,
        score: r.score ?? null,
        balance: r.balance ?? null,
        text: reasonDetail(r.reason, atRisk.get(r.row)!, lang, result.policy, marks),
      })),
      warnings: p.warnings,
      // The portfolio's warnings weigh shares of customers, no customer's amounts.
      findings: p.findings.map((f) => findingJson(f, {}, lang, NO_MARKS)),
      warningCounts: p.warningCounts,
      aging: p.aging ? { labels: p.aging.labels, totals: p.aging.totals ?? null } : null,
      problems: p.problems.map((q) => ({
        row: q.row,
        id: q.id,
        name: q.name,
        fatal: q.fatal,
        affects: q.affects,
        text: problemText(q, lang, result.policy),
      })),
      unmatchedInvoices: p.unmatchedInvoices ? { ...p.unmatchedInvoices, amount: p.unmatchedInvoices.amount ?? null } : null,
      twoCurrencies: twoCurrenciesJson(p, lang),
      ...(p.totalCurrencies && { currencies: currencyCodes(p.totalCurrencies) }),
    },
    changes: result.changes ? changesJson(result.changes, result.customers, lang, result.policy, marks, p) : null,
    reviewsPastDue: {
      count: result.reviewsPastDue.count,
      customers: result.reviewsPastDue.customers.map((c) => ({
        ...c,
        lastReview: isoFromSerial(c.lastReview),
        due: isoFromSerial(c.due),
      })),
      intervalsAssumed: result.reviewsPastDue.intervalsAssumed ?? [],
      text: pastDueText(result.reviewsPastDue, lang),
    },
    trend: result.trend.map((r) => ({
      date: isoFromSerial(r.date),
      customers: r.customers ?? null,
      exposure: r.exposure ?? null,
      highGrade: r.highGrade ?? null,
      exposureAtRisk: r.exposureAtRisk ?? null,
      overdueAmount: r.overdueAmount ?? null,
      customersWithWarnings: r.customersWithWarnings ?? null,
      amountsNotAdded: r.notAdded
        ? Object.fromEntries(
            Object.entries(r.notAdded).map(([amount, why]) => [
              amount,
              { ...why, text: trendGapText(r, amount as TrendAmount, result, r.date === result.asOf, lang) },
            ]),
          )
        : null,
    })),
    // The currency of each trend amount, where the totals say theirs (some total in two currencies).
    ...(trendIn && { trendCurrencies: trendIn }),
    leftOutRows: result.leftOutRows,
    amountUnits: {
      unit: result.amountUnits.unit ?? null,
      column: result.amountUnits.column ?? null,
      converted: result.amountUnits.converted,
      otherCurrency: result.amountUnits.otherCurrency,
      text: amountUnitsLines(result.amountUnits, lang).join("\n") || null,
    },
    laterReviews: result.laterReviews?.map(isoFromSerial) ?? null,
    replacesRun: result.replacesRun ?? false,
    undatedArchiveRows: result.undatedArchiveRows
      ? { ...result.undatedArchiveRows, text: undatedArchiveText(result.undatedArchiveRows, lang) }
      : null,
    typedOver: result.typedOver
      ? {
          reviewDate: isoFromSerial(result.typedOver.reviewDate),
          count: result.typedOver.count,
          cells: result.typedOver.cells.map((c) => ({
            cell: `${columnLetter(c.column)}${c.row}`,
            field: c.field,
            header: c.header,
            customer: c.customer,
            typed: c.typed,
            // A grade or zone cell's text as the grade or zone it names, to compare with `written`, the code the review wrote.
            ...(c.field === "grade" && { typedGrade: gradeByName(c.typed) ?? null }),
            ...(c.field === "zZone" && { typedZone: zoneByName(c.typed) ?? null }),
            written: c.written,
          })),
          historySheet: result.typedOver.historySheet ?? null,
          text: typedOverText(result.typedOver, result.sheet, lang),
        }
      : null,
    movedRows: result.movedRows
      ? {
          reviewDate: isoFromSerial(result.movedRows.reviewDate),
          historySheet: result.movedRows.historySheet ?? null,
          count: result.movedRows.count,
          rows: result.movedRows.rows,
          text: movedRowsText(result.movedRows, lang),
        }
      : null,
    responsesLeftBehind: result.responsesLeftBehind
      ? {
          reviewDate: isoFromSerial(result.responsesLeftBehind.reviewDate),
          historySheet: result.responsesLeftBehind.historySheet ?? null,
          rows: result.responsesLeftBehind.rows,
          text: responsesLeftBehindText(result.responsesLeftBehind, lang),
        }
      : null,
    clearedColumns: result.clearedColumns
      ? {
          reviewDate: isoFromSerial(result.clearedColumns.reviewDate),
          historySheet: result.clearedColumns.historySheet ?? null,
          columns: result.clearedColumns.columns.map((c) => ({ column: columnLetter(c.column), header: c.header })),
          all: result.clearedColumns.all,
          text: clearedColumnsText(result.clearedColumns, lang),
        }
      : null,
  };
}

/**
 * A cleared warning in the JSON: its code, why it cleared (`reason`, ClearedWhy's kind) with that
 * reason's figures by name (clearedFigures), whether the policy change alone cleared it, and the
 * sentence every face says.
 */
function clearedJson(
  w: ClearedWarning,
  fromPolicy: readonly WarningCode[],
  c: FindingOwner,
  lang: Lang,
  policy: Policy,
  marks: AmountMarks,
) {
  return {
    code: w.code,
    reason: w.why.kind,
    figures: clearedFigures(w.why),
    fromPolicy: fromPolicy.includes(w.code),
    text: clearedWarningText(w, fromPolicy, c, lang, policy, marks),
  };
}

/**
 * The figures a cleared warning's reason stands on, named as the rest of the JSON names them
 * (numbers as numbers, dates as ISO days): today's figure against the warning's threshold, as a
 * finding gives it; the score then and now since the review that scored it; the news's date against
 * the look-back's first day; the grade now with the news's date; the overdue amount with the days
 * past due; the Z-score and its zone. None for a reason with no figure (the news date gone from
 * the sheet, a check that found nothing).
 */
function clearedFigures(why: ClearedWhy) {
  switch (why.kind) {
    case "figure":
      return findingFigures(why.figure);
    case "score":
      return { from: why.from, to: why.to, change: why.change, threshold: why.threshold, since: isoFromSerial(why.since) };
    case "newsAged":
      return { date: isoFromSerial(why.date), since: isoFromSerial(why.since), months: why.months };
    case "notHighRisk":
      return { grade: why.grade, date: isoFromSerial(why.date) };
    case "nothingOverdue":
      return { overdueAmount: why.amount, daysPastDue: why.days };
    case "zone":
      return { zScore: figureJson(why.z, zDecimals(why.z, why.zone)), zZone: why.zone };
    case "noNews":
    case "nothingFound":
      return {};
  }
}

/** What changed since the last review, as JSON: dates as ISO days, unknowns as null. */
function changesJson(
  changes: ReviewChanges,
  customers: ReviewResult["customers"],
  lang: Lang,
  policy: Policy,
  marks: AmountMarks,
  totals: Pick<PortfolioResult, "totalCurrencies">,
) {
  // The currency the overdue amounts then and now are in, where the texts mark them (amounts in two currencies).
  const overdueIn = <K extends string>(key: K, currency: CurrencyMark | undefined): Partial<Record<K, string | null>> =>
    marks.marked.has("overdueAmount")
      ? ({ [key]: currency === undefined ? null : currencyMarkText(currency) } as Record<K, string | null>)
      : {};
  const moveJson = ({ currency, ...m }: OverdueMove) => ({
    ...m,
    daysPastDue: m.daysPastDue ?? null,
    previousDaysPastDue: m.previousDaysPastDue ?? null,
    ...overdueIn("currency", currency),
  });
  const day = (serial: number | undefined) => (serial === undefined ? null : isoFromSerial(serial));
  const moves = moneyMoves(changes, customers);
  // A cleared warning's figures are the customer's now, its amounts in its row's currency now.
  const customerAt = new Map(customers.map((c) => [c.row, c]));
  return {
    previousReview: day(changes.previousReview),
    migration: changes.migration,
    newWarnings: changes.newWarnings,
    clearedWarnings: changes.clearedWarnings,
    notCheckedWarnings: changes.notCheckedWarnings,
    newFromPolicy: changes.newFromPolicy,
    clearedFromPolicy: changes.clearedFromPolicy,
    riskierFromPolicy: changes.riskierFromPolicy,
    saferFromPolicy: changes.saferFromPolicy,
    added: changes.added,
    gone: changes.gone,
    renamed: changes.renamed,
    idChanged: changes.idChanged,
    nowGraded: changes.nowGraded,
    notGradedNow: changes.notGradedNow.map(({ grade, ...c }) => ({ ...c, previousGrade: grade })),
    policy: changes.policy
      ? {
          from: changes.policy.from,
          to: changes.policy.to,
          settings: changes.policy.settings?.map(({ setting, from, to }) => ({ setting, from, to })) ?? null,
          editedRow: changes.policy.editedAt && "row" in changes.policy.editedAt ? changes.policy.editedAt.row : null,
          editedColumn: changes.policy.editedAt && "column" in changes.policy.editedAt ? changes.policy.editedAt.column : null,
        }
      : null,
    units: changes.units ? { ...changes.units, text: unitChangeText(changes.units, lang) } : null,
    sameBalances:
      changes.sameBalances === undefined
        ? null
        : {
            customers: changes.sameBalances.unchanged,
            compared: changes.sameBalances.compared,
            text: sameBalancesText(changes, lang),
          },
    otherSheets: changes.otherSheets ?? null,
    responses: changes.responses ? responsesJson(changes.responses, lang) : null,
    overdue: changes.overdue ? { ...changes.overdue, text: overdueTotalText(changes, totals, lang) } : null,
    overdueMoves: { grew: moves.overdue.grew.map(moveJson), fell: moves.overdue.fell.map(moveJson) },
    // Each recommended limit that moved, by how against its credit limit: a raise withdrawn is no cut.
    limitMoves: moves.limits,
    // The credit limits changed by hand since the review that recommended the last limit.
    creditLimitMoves: moves.creditLimits ?? null,
    moneyText: moneyChangeCounts(changes, customers, lang, marks).map(({ label, count, customers: names }) => ({
      label: message(lang, label),
      count,
      customers: names,
    })),
    customers: changes.customers.map((c) => ({
      row: c.row,
      id: c.id,
      name: c.name,
      previousName: c.previousName ?? null,
      previousId: c.previousId ?? null,
      previousReview: day(c.previousDate),
      previousScore: c.previousScore ?? null,
      scoreChange: c.scoreChange ?? null,
      previousGrade: c.previousGrade ?? null,
      gradeMove: c.gradeMove ?? null,
      gradeMoveFromPolicy: c.gradeMoveFromPolicy,
      newWarnings: c.newWarnings,
      clearedWarnings: c.clearedWarnings.map((w) =>
        clearedJson(w, c.clearedFromPolicy, customerAt.get(c.row) ?? {}, lang, policy, marks),
      ),
      newFromPolicy: c.newFromPolicy,
      clearedFromPolicy: c.clearedFromPolicy,
      notCheckedWarnings: c.notCheckedWarnings.map((w) => ({
        code: w.code,
        reason: w.why.kind,
        text: notCheckedWarningText(w, lang, policy),
      })),
      previousLimit: c.previousLimit ?? null,
      previousCreditLimit: c.previousCreditLimit ?? null,
      limitChange: c.limitChange ?? null,
      limitMoveFromPolicy: c.limitMoveFromPolicy,
      previousOverdueAmount: c.previousOverdue ?? null,
      previousOverdueReview: c.previousOverdueDate === undefined ? null : isoFromSerial(c.previousOverdueDate),
      previousDaysPastDue: c.previousDaysPastDue ?? null,
      ...overdueIn("overdueCurrency", c.overdueCurrency),
    })),
  };
}

/** What the team recorded about the last review's recommendations, as JSON: every customer asked, its response or null. */
function responsesJson(responses: Responses, lang: Lang) {
  return {
    recommendedOn: isoFromSerial(responses.recommendedOn),
    column: responses.column,
    recommended: responses.customers.length,
    responded: responses.responded,
    notTheirs: responses.notTheirs ?? [],
    customers: responses.customers.map((c) => ({
      row: c.row,
      id: c.id,
      name: c.name,
      recommended: c.recommended,
      recommendedText: actionNames(c.recommended, lang),
      response: c.response ?? null,
      archiveRow: c.archiveRow ?? null,
      unchanged: c.unchanged,
    })),
    text: responsesLines(responses, lang).join("\n"),
  };
}

/**
 * The printed report's block on what changed: the grade migration and the counts; without an
 * archive (the customer sheet exported alone), that there is nothing to compare with.
 */
function changesLines(
  changes: ReviewChanges | undefined,
  customers: ReviewResult["customers"],
  lang: Lang,
  policy: ReviewResult["policy"],
  marks: AmountMarks,
  totals: Pick<PortfolioResult, "totalCurrencies">,
): string[] {
  const t = (key: MessageKey, params?: Record<string, string | number>) => message(lang, key, params);
  if (!changes) return [t("changes.none")];
  const pair = (label: MessageKey, value: string | number) => labelled(t(label), value, lang);
  const lines = [changesTitle(changes, lang)];
  if (changes.previousReview === undefined) return lines;
  // That the balances are last period's is said once, above the customers table (toTable).
  const widths = [Math.max(14, width(t("changes.fromTo"))), ...GRADES.map(() => 10)];
  lines.push(
    [t("changes.fromTo"), ...GRADES.map((g) => gradeName(g, lang))]
      .map((h, i) => fit(h, widths[i], i > 0))
      .join(" ")
      .trimEnd(),
  );
  for (const from of GRADES) {
    const cells = [gradeName(from, lang), ...GRADES.map((to) => formatCount(changes.migration[from][to], lang))];
    lines.push(
      cells
        .map((cell, i) => fit(cell, widths[i], i > 0))
        .join(" ")
        .trimEnd(),
    );
  }
  // The grade moves the policy change alone explains, each way on one line.
  const gradesFromPolicy = gradeMovesFromPolicy(changes).map(({ label, count }) => pair(label, formatCount(count, lang)));
  if (gradesFromPolicy.length) lines.push(gradesFromPolicy.join("   "));
  const listed = (entry: { label: MessageKey; count: number; customers: readonly string[] }) =>
    lines.push(...countedLines(t(entry.label), entry.count, entry.customers, lang));
  // New, cleared and not checked each with its customers (a new warning with its figure and
  // threshold, a cleared one with why it cleared), then the policy change's share on one line.
  const counts = warningChangeCounts(changes, lang, policy, customers, marks);
  for (const entry of counts) if (!WARNINGS_FROM_POLICY.has(entry.label)) listed(entry);
  const fromPolicy = counts
    .filter((entry) => WARNINGS_FROM_POLICY.has(entry.label))
    .map(({ label, count }) => pair(label, formatCount(count, lang)));
  if (fromPolicy.length) lines.push(fromPolicy.join("   "));
  // The money: the portfolio's overdue then and now, the customers whose overdue and recommended limit moved.
  const overdue = overdueTotalText(changes, totals, lang);
  if (overdue) lines.push(pair("changes.overdueTotal", overdue));
  for (const entry of moneyChangeCounts(changes, customers, lang, marks)) listed(entry);
  lines.push(pair("changes.added", changedCustomersText(changes.added, lang)));
  lines.push(pair("changes.gone", changedCustomersText(changes.gone, lang)));
  // Each count with its customers one a line under it, as the pane and the summary list them.
  if (changes.renamed.length)
    listed({ label: "changes.renamed", count: changes.renamed.length, customers: renamedLines(changes.renamed, lang) });
  if (changes.idChanged.length)
    listed({ label: "changes.idChanged", count: changes.idChanged.length, customers: idChangedLines(changes.idChanged, lang) });
  for (const { label, customers: graded, now } of gradedChanges(changes))
    listed({ label, count: graded.length, customers: gradedLines(graded, now, lang) });
  if (changes.policy) lines.push(pair("changes.policy", policyChangeText(changes.policy, lang)));
  if (changes.units) lines.push(pair("changes.units", unitChangeText(changes.units, lang)));
  for (const move of ["riskier", "safer"] as const) {
    const moved = gradeMovers(changes, customers, move);
    listed({ label: `changes.${move}`, count: moved.length, customers: movedLines(moved, lang) });
  }
  return lines;
}

/**
 * What the team recorded about the last review's recommendations, the printed report's and the
 * JSON's: each count on a line, its customers indented under it, one a line (each carries its
 * actions and its response, too long to run on).
 */
function responsesLines(responses: Responses, lang: Lang): string[] {
  const { counts, help } = responseCounts(responses, lang);
  const lines = counts.flatMap((entry) => countedLines(entry.label, entry.count, entry.customers, lang));
  return help ? [...lines, help] : lines;
}

/** A count on its label's line, then what it counts one a line under it: every list of customers the report gives. */
function countedLines(label: string, count: number, items: readonly string[], lang: Lang): string[] {
  return [labelled(label, formatCount(count, lang), lang), ...items.map((text) => `  ${text}`)];
}

/**
 * The printed report's portfolio over the last reviews, one line each, oldest first: only with
 * an earlier review archived. An unknown figure is left empty.
 */
function trendLines(trend: ReviewResult["trend"], lang: Lang, terminal?: number): string[] {
  const shown = trend.slice(-SHOWN_REVIEWS);
  if (shown.length < 2) return [];
  const t = (key: MessageKey) => message(lang, key);
  const head = trendHeaders(lang);
  const money = (n: number | undefined) => (n === undefined ? t("trend.notGiven") : formatFigure(n, "money", lang));
  const count = (n: number | undefined) => (n === undefined ? t("trend.notGiven") : formatCount(n, lang));
  const rows = shown.map((r) => [
    dateText(r.date, lang),
    money(r.exposure),
    money(r.exposureAtRisk),
    money(r.overdueAmount),
    count(r.customers),
    count(r.highGrade),
    count(r.customersWithWarnings),
  ]);
  // Each column as wide as its widest cell, the figures right-aligned under their headers; in a
  // terminal too narrow for that, a header wider than its figures takes two lines ("Customers" over
  // "graded", 已评级 over 客户数), never a word broken.
  const widest = (i: number) => Math.max(...rows.map((cells) => width(cells[i])));
  let headLines = head.map((h) => [h]);
  if (terminal !== undefined && tableWidth(head.map((h, i) => Math.max(width(h), widest(i)))) + head.length - 1 > terminal)
    headLines = head.map((h, i) => {
      if (width(h) <= widest(i)) return [h];
      // Its two lines as even as the words allow: 逾期/金额, not 逾期金/额.
      const longestWord = Math.max(...(h.match(BREAKABLE) ?? []).map((word) => width(word.trimEnd())));
      let w = Math.max(Math.ceil(width(h) / 2), longestWord);
      while (wrapText(h, w).length > 2) w++;
      return wrapText(h, w);
    });
  const widths = headLines.map((lines, i) => Math.max(...lines.map(width), widest(i)));
  const line = (cells: string[]) => tableLines(cells, widths, TREND_FIGURES, "  ");
  const headRows = Array.from({ length: Math.max(...headLines.map((l) => l.length)) }, (_, r) =>
    line(headLines.map((lines) => lines[r] ?? "")).join(""),
  );
  return [t("trend.title"), ...headRows, ...rows.flatMap(line)];
}

/** How far a line's further lines stand in under its first when it is folded in a terminal. */
const FOLD_INDENT = 2;

/**
 * A line of the report in a terminal `terminal` columns wide: as it is when it fits (a file or a
 * pipe folds no line), else wrapped between words, its further lines standing in under its first,
 * so a list's items stay apart from each other and from the next label.
 */
function folded(line: string, terminal?: number): string[] {
  if (terminal === undefined || width(line) <= terminal) return [line];
  const lead = line.length - line.trimStart().length;
  return wrapText(line.trimStart(), Math.max(1, terminal - lead - FOLD_INDENT)).map(
    (part, i) => " ".repeat(i === 0 ? lead : lead + FOLD_INDENT) + part,
  );
}

/** The characters that take two terminal columns: CJK, Hangul and full-width forms. */
const WIDE_CHARACTER = new RegExp(`[${WIDE_CLASS}]`);
/** Closing punctuation after a piece: a line never starts with it. */
const CLOSING = `[${CLOSING_PUNCTUATION}]*`;
/** Opening brackets and quotes before a piece: a line never ends with one. */
const OPENING = `[${OPENING_PUNCTUATION}]*`;
/** A Chinese date ("2026年10月30日"): one word, never broken after its month. */
const CHINESE_DATE = "\\d{1,4}年\\d{1,2}月\\d{1,2}日";
/**
 * Where a line may break: after a word and its spaces, or after any wide character (Chinese has
 * no spaces) but within a Chinese date, each with the closing punctuation after it ("1.00）"
 * stays whole) and the opening brackets before it ("（0.74" too).
 */
const BREAKABLE = new RegExp(
  `${OPENING}(?:${CHINESE_DATE}${CLOSING}\\s*|[${WIDE_CLASS}]${CLOSING}|[^\\s${WIDE_CLASS}]+${CLOSING}\\s*)|\\s+`,
  "g",
);

/** Terminal width of a string: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE_CHARACTER.test(ch) ? 2 : 1;
  return w;
}

/**
 * A text in lines of at most `size` terminal columns, broken between words (or wide characters),
 * inside a word only when it is longer than a line: a table cell shows its whole text, never cut.
 */
function wrapText(text: string, size: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  const next = () => {
    lines.push(line.trimEnd());
    line = "";
    used = 0;
  };
  for (const piece of text.match(BREAKABLE) ?? []) {
    const word = piece.trimEnd();
    if (used > 0 && used + width(word) > size) next();
    if (used === 0 && word === "") continue;
    if (width(word) <= size) {
      line += piece;
      used += width(piece);
      continue;
    }
    for (const ch of piece) {
      if (used + width(ch) > size) next();
      line += ch;
      used += width(ch);
    }
  }
  if (line.trim() !== "" || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/**
 * A table row of cells in columns of `widths`, each cell wrapped in its column: as many lines as
 * its longest cell takes. Columns of figures (`figures`) are set flush right, so their digits
 * line up as in a spreadsheet.
 */
function tableLines(
  cells: readonly string[],
  widths: readonly number[],
  figures: ReadonlySet<number> = NO_FIGURES,
  gap = " ",
): string[] {
  const wrapped = cells.map((cell, i) => wrapText(cell, widths[i]));
  const count = Math.max(...wrapped.map((lines) => lines.length));
  return Array.from({ length: count }, (_, r) =>
    wrapped
      .map((lines, i) => fit(lines[r] ?? "", widths[i], figures.has(i)))
      .join(gap)
      .trimEnd(),
  );
}

const NO_FIGURES: ReadonlySet<number> = new Set();
/** The trend's columns after its dates: every one a figure. */
const TREND_FIGURES: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6]);

/** A text in `size` terminal columns: cut with an ellipsis when longer, padded after it (before it, `flushRight`). */
function fit(text: string, size: number, flushRight = false): string {
  let out = "";
  let w = 0;
  for (const ch of text) {
    const cw = width(ch);
    if (w + cw > size) {
      out = out.slice(0, -1) + "…";
      w = size;
      break;
    }
    out += ch;
    w += cw;
  }
  const padding = " ".repeat(Math.max(0, size - w));
  return flushRight ? padding + out : out + padding;
}

/** Unrecognised headers the printed report names before "… and N more": the JSON has them all. */
const SHOWN_UNKNOWN = 10;

/**
 * The printed report's word on the sheet's columns: the headers not recognised (with the one each
 * likely misspells), the repeated ones, and each check switched off with what it lacks. Nothing
 * when every column was recognised and every check ran.
 */
function columnsLines(result: ReviewResult, lang: Lang): string[] {
  const t = (key: MessageKey, params?: Record<string, string | number>) => message(lang, key, params);
  const { unknown, duplicates, skippedChecks, zWithoutSales, headerRow } = result.columns;
  const scoreSource = previousScoreSourceLine(result, lang);
  if (!unknown.length && !duplicates.length && !skippedChecks.length && !zWithoutSales && !scoreSource) return [];
  const lines = [t("cli.columns", { row: headerRow })];
  if (unknown.length) {
    const named = unknown.slice(0, SHOWN_UNKNOWN).map((u) => {
      const header = t("cli.columnsUnknownHeader", { column: u.column, header: u.header });
      return u.suggestion ? t("cli.columnsMeant", { header, meant: u.suggestion.header }) : header;
    });
    if (unknown.length > SHOWN_UNKNOWN)
      named.push(t("cli.columnsMore", { count: formatCount(unknown.length - SHOWN_UNKNOWN, lang) }));
    lines.push(`  ${labelled(t("cli.columnsUnknown"), named.join(t("sep.list")), lang)}`);
  }
  if (duplicates.length) {
    const repeats = duplicates.map((d) =>
      t("cli.columnsRepeat", { column: d.column, field: FIELD_LABELS[d.field][lang], usedColumn: d.usedColumn }),
    );
    lines.push(`  ${labelled(t("cli.columnsRepeated"), repeats.join(t("sep.items")), lang)}`);
  }
  if (skippedChecks.length) {
    lines.push(`  ${labelled(t("cli.columnsNotChecked"), "", lang).trimEnd()}`);
    for (const code of skippedChecks)
      lines.push(`    ${labelled(warningTitle(code, lang, result.policy), checkMissingText(code, result.columns, lang), lang)}`);
  }
  if (zWithoutSales) lines.push(`  ${zWithoutSalesText(result.policy, lang)}`);
  if (scoreSource) lines.push(`  ${scoreSource}`);
  return lines;
}

const SHOWN_ROWS = 60;
/** The least room a top risk's reason keeps beside its figures in a terminal: a few words a line. */
const LEAST_REASON_WIDTH = 40;
const SHOWN_PROBLEMS = 30;

/**
 * The customers table's columns, in terminal columns: row, name, score, grade, utilisation,
 * overdue amount, credit limit and recommended limit (side by side, as wide as each other, so a
 * cut reads apart from a raise), next review (a Chinese date takes 14, "（立即重新评估）" under it
 * 16), warnings (42: "Overdue over 90 days (107 days > 90 days);" on a line of its own),
 * recommendation.
 */
const CUSTOMER_COLUMNS = [5, 28, 10, 10, 12, 20, 17, 17, 16, 42, 54];
/** The columns of figures the stacked form keeps on a customer's first line: row to overdue amount. */
const STACKED_FIGURES = 6;
/**
 * The columns that give up room in a terminal narrower than the table (name, warnings,
 * recommendation: their texts wrap within them), and the least each keeps: a line of a few words.
 */
const NARROWING_COLUMNS: readonly (readonly [column: number, least: number])[] = [
  [1, 16],
  [9, 20],
  [10, 24],
];
/** The least a customer's name keeps in the stacked form, its figures beside it. */
const LEAST_STACKED_NAME = 12;
/**
 * The most a customer's name takes in the stacked form, room or not: a longer name wraps in it
 * rather than push every customer's figures far from its name.
 */
const MOST_STACKED_NAME = 40;
/** How far the stacked form's warnings and recommendation lines stand in: under the name. */
const STACKED_INDENT = 6;

/** The terminal columns a table of `widths` takes, a space between two columns. */
const tableWidth = (widths: readonly number[]) => widths.reduce((sum, w) => sum + w, 0) + widths.length - 1;

/**
 * How the customers table is laid out in a terminal `terminal` columns wide (undefined: not a
 * terminal but a file or a pipe, where no line is folded): its columns' widths, the text columns
 * narrowed, each in proportion to the room it can spare, so every line fits the terminal; in a
 * terminal too narrow for eleven columns even so, "stacked": the six columns of figures on a
 * customer's first line, the name as wide as `widestName` (the widest name shown, header
 * included, in terminal columns) within the room and MOST_STACKED_NAME, its limit and the
 * recommended one with its next review, its warnings and its recommendation each on labelled lines
 * under them.
 */
export function customerTableLayout(terminal?: number, widestName = MOST_STACKED_NAME): { widths: number[]; stacked: boolean } {
  const widths = [...CUSTOMER_COLUMNS];
  const total = tableWidth(widths);
  if (terminal === undefined || terminal >= total) return { widths, stacked: false };
  const spare = NARROWING_COLUMNS.reduce((sum, [c, least]) => sum + widths[c] - least, 0);
  if (total - terminal > spare) {
    const figures = widths.slice(0, STACKED_FIGURES);
    const room = terminal - (tableWidth(figures) - figures[1]);
    // No wider than its names: in a wide terminal, the figures stay beside them, not at its far side.
    figures[1] = Math.max(LEAST_STACKED_NAME, Math.min(room, widestName, MOST_STACKED_NAME));
    return { widths: figures, stacked: true };
  }
  const cut = total - terminal;
  let left = cut;
  NARROWING_COLUMNS.forEach(([c, least], i) => {
    const give = i === NARROWING_COLUMNS.length - 1 ? left : Math.round((cut * (widths[c] - least)) / spare);
    widths[c] -= give;
    left -= give;
  });
  return { widths, stacked: false };
}

/**
 * The printed report; `notes` go under its heading: what the result does not hold (the mapping the
 * sheet was read with, how it was chosen). `terminal`: the width of the terminal it is shown in.
 */
export function toTable(
  result: ReviewResult,
  lang: Lang,
  output: string,
  notes: readonly string[] = [],
  terminal?: number,
): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => message(lang, key, params);
  const pair = (label: MessageKey, value: string | number) => labelled(t(label), value, lang);
  const count = (n: number) => formatCount(n, lang);
  const lines: string[] = [];
  // A table's rows, laid out in columns for the terminal already: folded at spaces, a row too wide
  // for a narrow one would part its figures from their headers (the terminal folds it whole instead).
  const inTable = new Set<number>();
  const tableRows = (...rows: string[]) => {
    for (const row of rows) inTable.add(lines.push(row) - 1);
  };
  const p = result.portfolio;
  lines.push(
    t("cli.heading", {
      title: t("summary.title"),
      sheet: result.sheet,
      date: dateText(result.asOf, lang),
    }),
  );
  lines.push(...notes);
  if (result.laterReviews) lines.push(laterReviewsText(result.asOf, result.laterReviews, lang));
  if (result.replacesRun) lines.push(replacesRunText(result, lang));
  if (result.undatedArchiveRows) lines.push(undatedArchiveText(result.undatedArchiveRows, lang));
  // The table's amounts read in the sheet's unit, as the summary sheet says.
  if (result.amountUnits.unit) lines.push(pair("summary.amountUnit", result.amountUnits.unit.label));
  // Before every figure it casts doubt on, as the summary says it under its date: after the table,
  // it would come after a month of "no raise while overdue" it explains.
  const stale = headlineSameBalancesText(result.changes, lang);
  if (stale) lines.push(stale);
  // Each amount with its currency where the portfolio's are in two: two rows' figures are not one currency's.
  const marks = amountMarks(result);
  const shown = result.customers.slice(0, SHOWN_ROWS);
  const widestName = Math.max(width(FIELD_LABELS.name[lang]), ...shown.map((c) => width(customerName(c))));
  const { widths, stacked } = customerTableLayout(terminal, widestName);
  /** A customer's labelled line in the stacked form, wrapped within the terminal under the name. */
  const under = (line: string) =>
    wrapText(line, Math.max(1, (terminal ?? 0) - STACKED_INDENT)).map((part) => " ".repeat(STACKED_INDENT) + part);
  // The row, the score, the utilisation, the overdue amount, the credit and recommended limits and the next review's date.
  const figures = new Set([0, 2, 4, 5, 6, 7, 8]);
  const head = [
    t("summary.row"),
    FIELD_LABELS.name[lang],
    OUTPUT_HEADERS.score[lang],
    OUTPUT_HEADERS.grade[lang],
    OUTPUT_HEADERS.utilisation[lang],
    OUTPUT_HEADERS.overdueBalance[lang],
    FIELD_LABELS.creditLimit[lang],
    OUTPUT_HEADERS.recommendedLimit[lang],
    OUTPUT_HEADERS.nextReview[lang],
    OUTPUT_HEADERS.warnings[lang],
    OUTPUT_HEADERS.recommendation[lang],
  ];
  tableRows(...tableLines(head.slice(0, widths.length), widths, figures));
  for (const c of shown) {
    // A data error's first message after the warnings that need no grade, which it does not stop.
    const warnings = [warningListWithFigures(c, lang, marks), ...c.errors.slice(0, 1).map((e) => describeError(e, lang))]
      .filter((text) => text !== "")
      .join(t("sep.items"));
    // Held, as the sheet holds them, while the customer's data is fixed: the problems list says why.
    const held = c.errors.length > 0;
    const cells = [
      String(c.row),
      customerName(c),
      c.score === undefined || held ? "—" : formatScore(c.score, result.policy, lang),
      c.grade ? gradeName(c.grade, lang) : t("grade.dataError"),
      c.utilisation === undefined ? "" : formatShare(c.utilisation, lang),
      c.overdueAmount === undefined ? "" : customerAmountText(c.overdueAmount, c, "overdueAmount", marks, lang),
      // The sheet's own figure, beside the recommendation it is held against, even while that is held.
      c.creditLimit === undefined ? "" : customerAmountText(c.creditLimit, c, "creditLimit", marks, lang),
      c.recommendedLimit === undefined || held ? "" : customerAmountText(c.recommendedLimit, c, "creditLimit", marks, lang),
      // "2026-11-30 (re-assess now)", as the pane gives it: the review's own date alone reads as a slip.
      held ? "" : (nextReviewText(c, lang) ?? ""),
      warnings,
      customerRecommendation(c, lang, result.policy),
    ];
    tableRows(...tableLines(cells.slice(0, widths.length), widths, figures));
    if (stacked) {
      // "Limit: 540,000.00 → 270,000.00", as the top risks give a cut; the credit limit alone while the recommendation is held.
      const limits = held ? undefined : limitsText(c, lang, marks);
      const decided = [
        limits === undefined ? cells[6] && labelled(head[6], cells[6], lang) : labelled(t("cli.limits"), limits, lang),
        cells[8] && labelled(head[8], cells[8], lang),
      ].filter((text) => text !== "");
      if (decided.length) lines.push(...under(decided.join("   ")));
      for (const i of [9, 10]) if (cells[i] !== "") lines.push(...under(labelled(head[i], cells[i], lang)));
    }
  }
  if (result.customers.length > SHOWN_ROWS) lines.push(t("cli.more", { count: count(result.customers.length - SHOWN_ROWS) }));
  lines.push("");
  lines.push(`${pair("summary.customers", count(p.reviewed))}   ${pair("summary.withErrors", count(p.withErrors))}`);
  // Labelled and listed as the warning counts below are: "Customers per grade: Low 31; Medium 6; High 6".
  lines.push(pair("cli.gradeCounts", GRADES.map((g) => `${gradeName(g, lang)} ${count(p.byGrade[g])}`).join(t("sep.items"))));
  // Each total with its currency where another is in two currencies (totalAmountText).
  const money = (n: number, total: "exposure" | "creditLimits") => totalAmountText(n, total, p, lang);
  // A total of a column the sheet does not have, or of amounts in two currencies, is unknown: said so in its place, never a 0.
  const unknown = (total: Parameters<typeof totalNotAddedText>[0]) => totalNotAddedText(total, result, lang);
  lines.push(pair("summary.exposure", unknown("exposure") ?? money(p.exposure!, "exposure")));
  lines.push(
    `${pair("summary.creditLimits", unknown("creditLimits") ?? money(p.creditLimits!, "creditLimits"))}   ` +
      pair(
        "summary.utilisation",
        unknown("utilisation") ?? (p.utilisation === undefined ? t("summary.noLimits") : utilisationText(p, lang)),
      ),
  );
  const overdueNotAdded = unknown("overdueAmount");
  if (overdueNotAdded) lines.push(pair("summary.overdueAmount", overdueNotAdded));
  else if (p.overdueAmount !== undefined)
    lines.push(pair("summary.overdueAmount", amountOfExposureText(p.overdueAmount, "overdueAmount", p, lang)));
  if (p.overdueShare !== undefined) lines.push(pair("summary.overdueShare", overdueShareWithBaseText(p, lang)));
  lines.push(
    `${pair("summary.exposureAtRisk", unknown("exposureAtRisk") ?? amountOfExposureText(p.exposureAtRisk!, "exposureAtRisk", p, lang))}   ` +
      t("sep.aside", {
        main: pair("summary.customersAtRisk", count(p.customersAtRisk)),
        aside: pair("summary.customersNeedingAction", count(p.customersNeedingAction)),
      }),
  );
  // The top risks, then the other customers needing action, as the summary sheet lists them: each
  // column named (the figure is the balance, not the amount at risk), what to do after why.
  const row = (name: string, balance: string, why: string) => `  ${fit(name, 28)} ${fit(balance, 19, true)}  ${why}`;
  // In a terminal, the text wraps in its column; one too narrow for a column of words has it under the figures.
  const whyAt = width(row("", "", ""));
  const whyWidth = terminal === undefined ? Infinity : terminal - whyAt;
  // Each balance with its currency when the portfolio's are in two: 120,000.00 in dollars is no more than 80,000.00 in euros.
  const balanceOf = (c: Pick<CustomerResult, "balance" | "currencies">) =>
    c.balance === undefined ? "" : customerAmountText(c.balance, c, "balance", marks, lang);
  const customerRows = (header: string, customers: readonly { name: string; balance: string; text: string }[]) => {
    tableRows(row(FIELD_LABELS.name[lang], FIELD_LABELS.balance[lang], header));
    for (const c of customers) {
      const balance = c.balance;
      if (whyWidth < LEAST_REASON_WIDTH) {
        tableRows(row(c.name, balance, "").trimEnd());
        lines.push(`    ${c.text}`);
      } else {
        const [first, ...next] = whyWidth === Infinity ? [c.text] : wrapText(c.text, whyWidth);
        tableRows(row(c.name, balance, first), ...next.map((part) => " ".repeat(whyAt) + part));
      }
    }
  };
  if (p.topRisks.length) {
    const atRisk = customersAtRows(result.customers, p.topRisks);
    lines.push(labelled(topRisksTitle(p, lang), "", lang).trimEnd());
    customerRows(
      t("summary.reason"),
      p.topRisks.map((r) => ({
        name: customerName(r),
        balance: balanceOf(atRisk.get(r.row)!),
        text: topRiskText(r.reason, atRisk.get(r.row)!, lang, result.policy, marks),
      })),
    );
    const more = moreAtRiskText(p, result.sheet, lang);
    if (more) lines.push(`  ${more}`);
  }
  const deciding = otherDecisions(result.customers, p);
  if (deciding.count) {
    lines.push(t("summary.decisions"));
    customerRows(
      t("summary.decision"),
      deciding.customers.map((c) => ({ name: customerName(c), balance: balanceOf(c), text: shortDecisionsText(c, lang, marks) })),
    );
    if (deciding.count > deciding.customers.length)
      lines.push(`  ${moreDecisionsText(deciding.count - deciding.customers.length, result.sheet, lang)}`);
  }
  lines.push(pair("summary.portfolioWarnings", portfolioWarningList(p.findings, lang)));
  // The customers' warnings; the portfolio's own is on the line above, with its figure and threshold.
  const counts = CUSTOMER_WARNING_CODES.filter((code) => p.warningCounts[code] > 0);
  if (counts.length)
    lines.push(
      pair(
        "cli.warningCounts",
        counts.map((code) => `${warningTitle(code, lang, result.policy)} ${count(p.warningCounts[code])}`).join(t("sep.items")),
      ),
    );
  const u = p.unmatchedInvoices;
  if (u && u.customers > 0) lines.push(pair("summary.unmatched", unmatchedText(u, p, lang)));
  if (p.problems.length) {
    // A customer with two problems has two lines: counted apart, so 4 customers over 5 lines is no slip.
    const customers = customersWithProblems(p.problems);
    lines.push(
      customers === p.problems.length
        ? t("cli.problems", { count: count(customers) })
        : t("cli.problemsMore", { count: count(customers), problems: count(p.problems.length) }),
    );
    for (const q of p.problems.slice(0, SHOWN_PROBLEMS))
      lines.push(`  ${labelled(customerName(q), problemText(q, lang, result.policy), lang)}`);
    if (p.problems.length > SHOWN_PROBLEMS) lines.push(`  … +${count(p.problems.length - SHOWN_PROBLEMS)}`);
  }
  if (result.leftOutRows.length) lines.push(leftOutText(result.leftOutRows, lang));
  lines.push(...ownCellsLines(result, lang));
  lines.push(...changesLines(result.changes, result.customers, lang, result.policy, marks, p));
  if (result.changes?.previousReview !== undefined)
    lines.push(
      ...countedLines(t("changes.pastDue"), result.reviewsPastDue.count, pastDueLines(result.reviewsPastDue, lang), lang),
    );
  if (result.changes?.responses) lines.push(...responsesLines(result.changes.responses, lang));
  const trendTable = trendLines(result.trend, lang, terminal);
  tableRows(...trendTable);
  // Under the table, why each "n/a" in it is not given.
  if (trendTable.length) {
    const currencies = trendCurrenciesLine(p, lang);
    if (currencies !== undefined) lines.push(currencies);
    lines.push(...trendGapLines(result.trend.slice(-SHOWN_REVIEWS), result, lang));
  }
  lines.push(...columnsLines(result, lang));
  lines.push(...result.ledgerNotices.map((n) => ledgerNoticeText(n, lang)));
  lines.push(...amountUnitsLines(result.amountUnits, lang));
  lines.push(...twoCurrencyColumnsLines(result, lang));
  // The output's path whole, as a terminal copies it.
  return [...lines.flatMap((line, i) => (inTable.has(i) ? [line] : folded(line, terminal))), `→ ${output}`].join("\n");
}

/**
 * One customer reviewed: its row read, its facts worked out (score, grade, Z, ratios, aging),
 * the warning checks run on them, and the policy's response (actions, limit, monitoring,
 * next review). Only a bad factor or a row naming no customer stops its score, and what rests on
 * the score; the checks that need none still run. Any other problem switches off the figures and
 * checks that need it and says so in a note.
 */
import { AgingTotals, overdueOf } from "../aging";
import { CurrencyMark, sameCurrencyMark } from "../cells";
import { CreditError, ErrorPlace } from "../errors";
import { monitoringMonths, monitoringOf, nextReview, recommendedLimit } from "../limit";
import { FACTORS, Grade, MAX_FACTOR, MIN_FACTOR, normaliseWeights, Policy } from "../policy";
import { currentRatio, debtRatio, interestCoverage } from "../ratios";
import { factorPoints, gradeOf, riskScoreCore } from "../score";
import { Z_MODEL_SPECS, ZInputs, zScore, ZZone, zZone } from "../zscore";
import type { ZModel } from "../z-models";
import type { ArchivedScore } from "./archive";
import { blankInputNotes } from "./blank-inputs";
import { CustomerRow, RowContext } from "./customer-row";
import { isClearForRaise, reviewsNow, sharedDecisions } from "./decisions";
import { InputField } from "./fields";
import { columnLetter } from "../a1";
import { customerKey } from "../customer-key";
import { invoicesInTwoCurrenciesReason, LedgerAging, LedgerCustomer, ledgerCustomer } from "./ledger";
import { CustomerNote, FIELD_AFFECTS, figureAffects, noteOf, NoteTarget } from "./notes";
import { rowInTwoCurrencies, twoCurrenciesReason } from "./row-currencies";
import type { CustomerResult } from "./review";
import { customerCurrencies, marksReceivable, ReceivableCurrencies, receivableCurrencies } from "./total-currencies";
import { moneyText } from "../money";
import { scoreText } from "./texts";
import {
  CustomerCheck,
  CustomerFacts,
  Finding,
  newsAfterReview,
  scoreRisePast,
  WarningCode,
  warningSet,
  Z_FIELDS,
} from "./warnings";
import "../i18n/report";

/** What every customer of one review shares, worked out once per review. */
export interface CustomerContext {
  readonly policy: Policy;
  readonly asOf: number;
  readonly weights: readonly number[];
  readonly activeChecks: readonly CustomerCheck[];
  readonly activeCodes: ReadonlySet<WarningCode>;
  readonly ledger?: LedgerAging;
  /** The ledger customer matched last: the next customer of the sheet is looked for after it first (see ledgerCustomer). */
  readonly ledgerPlace: { matched: LedgerCustomer | undefined };
  /**
   * Each customer the archive has seen before this review, with its latest archived score and
   * that review's date (undefined when no earlier review could score it).
   */
  readonly archive?: ReadonlyMap<string, ArchivedScore | undefined>;
  /** The next review date depends only on the grade: worked out once per review, not per customer. */
  readonly nextReviewOf: (grade: Grade) => number;
  /** Customers alike in what the decisions read share one list of them: worked out once per review, too. */
  readonly decisionsFor: ReturnType<typeof sharedDecisions>;
  /** The last review's policy when it differs from this one's (and the history holds it), with its weights normalised. */
  readonly lastPolicy?: { readonly policy: Policy; readonly weights: readonly number[] };
  /** Valid factors' score and points; customers scored alike share one (see scoredAlike). */
  readonly scored: (factors: readonly number[]) => Scored;
}

/** A customer's factors with the score and points they make. */
interface Scored {
  readonly factors: readonly number[];
  readonly score: number;
  readonly points: readonly number[];
}

/** How many ways there are to score the factors in whole points. */
const WHOLE_SCORINGS = (MAX_FACTOR - MIN_FACTOR + 1) ** FACTORS.length;

/**
 * The score and points of valid factors, worked out once per way of scoring them in whole points
 * (3,125 of them), and those customers share the factors' and the points' lists: a review holds
 * one result per customer, and two lists fewer each make a large review's result about a fifth
 * smaller. Factors with a fraction are worked out each time.
 */
function scoredAlike(weights: readonly number[]): (factors: readonly number[]) => Scored {
  const shared = new Array<Scored | undefined>(WHOLE_SCORINGS).fill(undefined);
  const score = (factors: readonly number[]): Scored => ({
    factors,
    score: riskScoreCore(factors, weights),
    points: factorPoints(factors, weights),
  });
  return (factors) => {
    let key = 0;
    for (let i = 0; i < factors.length; i++) {
      const f = factors[i];
      if (f !== Math.floor(f)) return score(factors);
      key = key * (MAX_FACTOR - MIN_FACTOR + 1) + (f - MIN_FACTOR);
    }
    let scored = shared[key];
    if (scored === undefined) {
      const own = score(Object.freeze([...factors]));
      shared[key] = scored = { ...own, points: Object.freeze(own.points) };
    }
    return scored;
  };
}

export function customerContext(
  policy: Policy,
  asOf: number,
  activeChecks: readonly CustomerCheck[],
  ledger: LedgerAging | undefined,
  archive: ReadonlyMap<string, ArchivedScore | undefined> | undefined,
  lastPolicy?: Policy,
): CustomerContext {
  const reviewDates = new Map<Grade, number>();
  const nextReviewOf = (grade: Grade) => {
    let date = reviewDates.get(grade);
    if (date === undefined) reviewDates.set(grade, (date = nextReview(asOf, grade, policy)));
    return date;
  };
  const weights = normaliseWeights(policy.weights);
  return {
    policy,
    asOf,
    weights,
    activeChecks,
    activeCodes: new Set(activeChecks.map((c) => c.code)),
    ledger,
    ledgerPlace: { matched: undefined },
    archive,
    nextReviewOf,
    decisionsFor: sharedDecisions(policy),
    lastPolicy: lastPolicy && { policy: lastPolicy, weights: normaliseWeights(lastPolicy.weights) },
    scored: scoredAlike(weights),
  };
}

/** Today's factors scored and graded again with the last review's weights and bands. */
function scoredUnder(
  last: NonNullable<CustomerContext["lastPolicy"]>,
  factors: readonly number[],
): { readonly score: number; readonly grade: Grade } {
  const score = riskScoreCore(factors, last.weights);
  return { score, grade: gradeOf(score, last.policy) };
}

/**
 * The warnings today's figures would raise under the last review's policy (a warningSet): with
 * the score and grade it gives them (scoredUnder), every check with its thresholds. A warning
 * that comes or goes with the policy alone is then told apart from the customer's own.
 */
function warningsUnder(
  last: NonNullable<CustomerContext["lastPolicy"]>,
  facts: CustomerFacts,
  scored: { readonly score: number; readonly grade: Grade },
  run: CustomerContext,
  defaultModelInputs: ZInputs | undefined,
): number {
  let then: CustomerFacts = { ...facts, score: scored.score, grade: scored.grade };
  // A customer on the policy's default Z model is judged by the last policy's default.
  const model = last.policy.defaultZModel;
  if (defaultModelInputs && model !== run.policy.defaultZModel) {
    const usable = defaultModelInputs.sales !== undefined || !Z_MODEL_SPECS[model].usesSales;
    const z = usable ? zScoreOrUndefined(defaultModelInputs, model) : undefined;
    then = {
      ...then,
      zScore: z,
      zZone: z === undefined ? undefined : zZone(z, model),
      zDistressBelow: Z_MODEL_SPECS[model].distress,
    };
  }
  const findings: Finding[] = [];
  for (let i = 0; i < run.activeChecks.length; i++) {
    const finding = run.activeChecks[i].evaluate(then, last.policy, run.asOf);
    if (finding) findings.push(finding);
  }
  return warningSet(findings);
}

/** The warnings this review's checks find in a customer's facts: the shared empty list when none. */
function findingsOf(facts: CustomerFacts, run: CustomerContext): readonly Finding[] {
  let findings: Finding[] | undefined;
  for (let i = 0; i < run.activeChecks.length; i++) {
    const finding = run.activeChecks[i].evaluate(facts, run.policy, run.asOf);
    if (!finding) continue;
    if (findings) findings.push(finding);
    else findings = [finding];
  }
  return findings ?? NONE;
}

function zScoreOrUndefined(inputs: ZInputs, model: ZModel): number | undefined {
  try {
    return zScore(inputs, model);
  } catch (error) {
    if (error instanceof CreditError) return undefined;
    throw error;
  }
}

/** What a customer uses of its limit when its balance and limit cannot be weighed against each other. */
const NO_CREDIT_USE: { utilisation?: number; availableCredit?: number } = Object.freeze({});

/** A sheet balance and a ledger's open amount further apart than a cent disagree. */
const CENT = 0.005;

/** A customer named on other rows too, placed at the cell that names it (its id, else its name). */
function duplicateError(row: CustomerRow, alsoOnRows: readonly number[], ctx: RowContext): CreditError {
  const field = row.id !== "" ? "id" : "name";
  const customer = row.id !== "" ? row.id : row.name;
  return new CreditError("value", "review.duplicate", { customer, rows: alsoOnRows }).at(placeOf(field, row.row, ctx));
}

/** Where a field's cell is, for an error found in it. */
function placeOf(field: InputField, row: number, ctx: RowContext): ErrorPlace {
  const column = ctx.columns[field] as number;
  return { row, column: `${columnLetter(column + ctx.originColumn)} (${ctx.headers[column]})` };
}

const RATIO_AFFECTS = {
  current: figureAffects("currentRatio"),
  debt: figureAffects("debtRatio"),
  coverage: figureAffects("interestCoverage"),
};

/** A ratio, or a note when numbers so large make it overflow (placed at its denominator's column). */
function ratioOf(
  compute: (a: number, b: number) => number,
  a: number,
  b: number,
  affects: readonly NoteTarget[],
  row: number,
  ctx: RowContext,
  note: (affects: readonly NoteTarget[], reason: CreditError) => void,
): number | undefined {
  try {
    return compute(a, b);
  } catch (error) {
    if (!(error instanceof CreditError)) throw error;
    note(affects, error.at(placeOf(error.params.param as InputField, row, ctx)));
    return undefined;
  }
}

/**
 * How much of its limit a customer uses, and what it has left: a limit of 0 leaves the
 * utilisation undefined, and numbers too large for a finite result leave the figure out;
 * either says why in a note placed at the cell to blame.
 */
function creditUse(
  balance: number | undefined,
  limit: number | undefined,
  note: (reason: CreditError, field: InputField, affects: readonly NoteTarget[]) => void,
): { utilisation?: number; availableCredit?: number } {
  if (balance === undefined || limit === undefined) return {};
  let utilisation: number | undefined;
  if (limit === 0) note(new CreditError("num", "note.limitZero"), "creditLimit", ["utilisation"]);
  else {
    utilisation = balance / limit;
    if (!Number.isFinite(utilisation)) {
      utilisation = undefined;
      note(new CreditError("num", "ratio.notFinite"), "creditLimit", ["utilisation"]);
    }
  }
  let availableCredit: number | undefined = limit - balance;
  if (!Number.isFinite(availableCredit)) {
    availableCredit = undefined;
    note(new CreditError("num", "note.availableNotFinite"), "balance", ["availableCredit"]);
  }
  return { utilisation, availableCredit };
}

/**
 * Says which previous score was used (the archive's) when the sheet's column would have decided
 * the score-rise check otherwise: a warning the sheet's figure implies is not silently missing,
 * nor one it does not. A column left as it was before the archive began, differing from it for
 * every customer but deciding nothing, is not said customer by customer. The sheet is not wrong
 * for it, so it is a note that holds nothing against the customer.
 */
function previousScoreNote(
  score: number,
  onSheet: number,
  archived: ArchivedScore | undefined,
  row: number,
  ctx: RowContext,
  run: CustomerContext,
  note: (affects: readonly NoteTarget[], reason: CreditError) => void,
): void {
  const rises = (previous: number | undefined) =>
    previous !== undefined && scoreRisePast(score, previous, run.policy) !== undefined;
  if (rises(onSheet) === rises(archived?.score)) return;
  const sheet = scoreText(onSheet, run.policy);
  const reason =
    archived?.score === undefined
      ? new CreditError("value", "note.previousScoreUnscored", { sheet })
      : new CreditError("value", "note.previousScoreArchived", {
          sheet,
          archived: scoreText(archived.score, run.policy),
          date: archived.date!,
        });
  note([], reason.at(placeOf("previousScore", row, ctx)));
}

/**
 * A customer's review from its row as read. `key`: the customer's key (archiveKey), by which it
 * meets its invoices and its history. `alsoOnRows`: the other rows with the same key; such a row
 * is not scored, as its invoices and its history could belong to any of them.
 */
export function reviewCustomer(
  row: CustomerRow,
  key: string,
  ctx: RowContext,
  run: CustomerContext,
  alsoOnRows?: readonly number[],
  previousId?: string,
): CustomerResult {
  const { policy, asOf } = run;
  const n = row.numbers;
  const fatal = alsoOnRows ? [...row.fatal, duplicateError(row, alsoOnRows, ctx)] : row.fatal;
  let notes: CustomerNote[] | undefined;
  const note = (affects: readonly NoteTarget[], reason: CreditError) =>
    (notes ??= []).push(noteOf(affects, reason, run.activeCodes));
  // The archive is the record of earlier reviews; the sheet's previous-score column serves only
  // customers it has never seen (not one an earlier review saw but could not score).
  const inArchive = run.archive?.has(key) ?? false;
  const archived = run.archive?.get(key);
  const zModel = row.zModel ?? policy.defaultZModel;
  const zModelBad = row.zModel === undefined && row.badCells.some((b) => b.field === "zModel");
  const usesSales = !zModelBad && Z_MODEL_SPECS[zModel].usesSales;
  for (let i = 0; i < row.badCells.length; i++) {
    const bad = row.badCells[i];
    // With a ledger the overdue columns are not read; with an archive the previous score need not
    // be; the nonmanufacturing and emerging models' Z-score takes no sales.
    const unused =
      ((bad.field === "overdueAmount" || bad.field === "daysPastDue") && run.ledger) ||
      (bad.field === "previousScore" && inArchive) ||
      (bad.field === "sales" && !zModelBad && !usesSales);
    note(unused ? [] : (FIELD_AFFECTS[bad.field] ?? []), bad.error);
  }
  // News dated after the review date is not counted against the customer: said, not silently passed over.
  const newsLater = newsAfterReview(row.negativeNewsDate, asOf, "review");
  if (newsLater) note(["NEGATIVE_NEWS"], newsLater.at(placeOf("negativeNewsDate", row.row, ctx)));
  // What amounts in two currencies switch off: the sheet's columns' for every row (said once for
  // the sheet), and a row with a marked amount its own, said at its cell.
  let refused = usesSales ? ctx.refusedWithSales : ctx.refusedBySheet;
  if (row.marks !== undefined) {
    const own = rowInTwoCurrencies(row.marks, ctx.columnCurrencies, n, usesSales, refused);
    if (own.length) {
      refused = new Set([...refused, ...own.flatMap((r) => r.affects)]);
      for (const r of own) note(r.affects, twoCurrenciesReason(r).at(placeOf(r.second.field, row.row, ctx)));
    }
  }
  // The currencies the portfolio's totals add its amounts in, for a row whose own marks name one (the sheet's columns name them for the rest).
  const currencies =
    row.marks !== undefined && marksReceivable(row.marks) ? receivableCurrencies(ctx.columnCurrencies, row.marks) : undefined;
  // What the customer uses of its limit needs no score: a collector sees it even for a row with a bad factor.
  // Refused only where both are there to weigh: a customer with no limit (or no balance) is told
  // that, as on any sheet, not that the two are in two currencies.
  const creditUseRefused = refused.has("utilisation") && n.creditLimit !== undefined && n.balance !== undefined;
  const { utilisation, availableCredit } = creditUseRefused
    ? NO_CREDIT_USE
    : creditUse(n.balance, n.creditLimit, (reason, field, affects) => note(affects, reason.at(placeOf(field, row.row, ctx))));
  // Ledger aging replaces the overdue columns: it is the more detailed record of what is overdue.
  // Worked out before the factors are checked: what a customer owes and how late does not depend
  // on its score, and its invoices are then never reported as those of a customer not on the sheet.
  let aging: AgingTotals | undefined;
  let ledgerDaysPastDue: number | undefined;
  let overduePastLegalAction: number | undefined;
  // The overdue amount of a customer whose invoices are in two currencies, which has no aging to take it from.
  let ledgerOverdue: number | undefined;
  let ledgerCurrency: CurrencyMark | undefined;
  if (run.ledger && !alsoOnRows) {
    let entry = ledgerCustomer(run.ledger, key, row.id, row.name, run.ledgerPlace.matched);
    // A customer whose id was corrected since the last review, its invoices still under the old id (a ledger not corrected with it).
    if (entry === undefined && previousId) {
      entry = run.ledger.customers.get(customerKey(previousId));
      if (entry && !entry.matched)
        note(
          [],
          new CreditError("value", row.id === "" ? "note.ledgerPreviousIdNoneNow" : "note.ledgerPreviousId", {
            id: previousId,
          }).at(placeOf("id", row.row, ctx)),
        );
      else entry = undefined;
    }
    if (entry) {
      entry.matched = true;
      run.ledgerPlace.matched = entry;
    }
    const inCurrencies = entry?.inCurrencies;
    if (entry?.error) note(["overdue", "OVERDUE_90"], entry.error);
    else if (inCurrencies) {
      // Invoices in two currencies: days past due stands (each currency's credits settle its own
      // invoices); no aging, and no overdue amount when two currencies still owe overdue, which
      // the checks and decisions then read as an overdue amount not known.
      ledgerDaysPastDue = entry!.oldestDays;
      const overdueIn = inCurrencies.overdue;
      if (overdueIn) note(["overdueAmount", "aging"], invoicesInTwoCurrenciesReason(overdueIn, true));
      else {
        ledgerOverdue = inCurrencies.overdueAmount;
        // The one currency still owing overdue, if any does: a credit in another took nothing off it.
        ledgerCurrency = entry!.overdueCurrency?.mark;
        overduePastLegalAction = entry!.owedPastLegalAction;
        note(["aging"], invoicesInTwoCurrenciesReason(inCurrencies.open, false));
      }
    } else {
      aging = entry?.aging ?? new AgingTotals(policy.agingEdges);
      // Its open invoices' one currency: its aging's, and its overdue amount's.
      ledgerCurrency = entry?.currency?.mark;
      ledgerDaysPastDue = entry?.oldestDays ?? 0;
      overduePastLegalAction = entry?.owedPastLegalAction ?? 0;
    }
    // Exposure stays the sheet balance: the ledger may hold only part of what is owed (no
    // credit notes, no uninvoiced deliveries), and OVER_LIMIT compares that same balance.
    // Invoices without a due date still count in the ledger's open amount; an unreadable amount
    // leaves it unknown, and so do invoices in two currencies (added, they would be in neither):
    // the balance is then not compared, the note above saying which two.
    const open = entry ? (inCurrencies ? undefined : entry.open) : 0;
    if (
      n.balance !== undefined &&
      open !== undefined &&
      Math.abs(n.balance - open) > CENT &&
      !invoicedInOtherCurrency(ledgerCurrency, currencies, ctx)
    ) {
      const reason = new CreditError("value", "note.ledgerMismatch", {
        balance: moneyText(n.balance),
        ledger: moneyText(open),
        sheet: run.ledger.sheet,
      });
      note([], reason.at(placeOf("balance", row.row, ctx)));
    }
  }
  // Credit notes settle the oldest amounts owed first: what is overdue and how late is what is
  // still owed after them, never below nothing (a credit beyond it is owed to the customer).
  const agingBuckets = aging?.buckets;
  const overdueAmount = run.ledger ? (agingBuckets ? overdueOf(agingBuckets) : ledgerOverdue) : n.overdueAmount;
  const daysPastDue = run.ledger ? ledgerDaysPastDue : n.daysPastDue;

  let z: number | undefined;
  let zone: ZZone | undefined;
  let zAssetsNoted = false;
  const hasZInputs = Z_FIELDS.every((f) => n[f] !== undefined);
  const zInputs: ZInputs | undefined = hasZInputs
    ? {
        workingCapital: n.currentAssets! - n.currentLiabilities!,
        retainedEarnings: n.retainedEarnings!,
        ebit: n.ebit!,
        equity: n.equity!,
        sales: n.sales,
        totalAssets: n.totalAssets!,
        totalLiabilities: n.totalLiabilities!,
      }
    : undefined;
  if (!zModelBad && zInputs && (n.sales !== undefined || !usesSales) && !refused.has("zScore")) {
    try {
      z = zScore(zInputs, zModel);
      zone = zZone(z, zModel);
    } catch (error) {
      if (!(error instanceof CreditError)) throw error;
      z = undefined;
      if (error.key === "z.liabilitiesZero") {
        // A debt-free company: nothing wrong with the customer, only X4 has no value.
        note(["zScore", "Z_DISTRESS"], new CreditError("num", "note.debtFree").at(placeOf("totalLiabilities", row.row, ctx)));
      } else if (error.params.param === "totalLiabilities") {
        note(["zScore", "Z_DISTRESS"], error.at(placeOf("totalLiabilities", row.row, ctx)));
      } else {
        const assetsZero = n.totalAssets! <= 0;
        zAssetsNoted = assetsZero;
        note(
          assetsZero ? ["zScore", "debtRatio", "Z_DISTRESS", "LEVERAGE"] : ["zScore", "Z_DISTRESS"],
          error.at(placeOf("totalAssets", row.row, ctx)),
        );
      }
    }
  }

  const ratios: CustomerResult["ratios"] = {};
  if (
    n.currentAssets !== undefined &&
    n.currentLiabilities !== undefined &&
    n.currentLiabilities > 0 &&
    !refused.has("currentRatio")
  )
    ratios.currentRatio = ratioOf(currentRatio, n.currentAssets, n.currentLiabilities, RATIO_AFFECTS.current, row.row, ctx, note);
  if (n.totalLiabilities !== undefined && n.totalAssets !== undefined && !refused.has("debtRatio")) {
    if (n.totalAssets > 0)
      ratios.debtRatio = ratioOf(debtRatio, n.totalLiabilities, n.totalAssets, RATIO_AFFECTS.debt, row.row, ctx, note);
    else if (!zAssetsNoted)
      note(RATIO_AFFECTS.debt, new CreditError("num", "note.assetsZero").at(placeOf("totalAssets", row.row, ctx)));
  }
  // No interest expense means nothing to cover: not a warning, and not a division by zero.
  if (n.ebit !== undefined && n.interestExpense !== undefined && n.interestExpense > 0 && !refused.has("interestCoverage"))
    ratios.interestCoverage = ratioOf(interestCoverage, n.ebit, n.interestExpense, RATIO_AFFECTS.coverage, row.row, ctx, note);
  // Every figure's cells given (every Z input: every ratio's too) is the common row, and costs nothing more.
  if (!hasZInputs || (usesSales && n.sales === undefined)) blankInputNotes(row, zModelBad ? undefined : zModel, ctx, note);

  // An error (a bad factor, no name, a customer on several rows) leaves the customer without a
  // score, grade or previous score; the checks that need them do not fire (CustomerFacts), every
  // other one runs on its row's figures.
  const scored = fatal.length === 0 ? run.scored(row.factors) : undefined;
  const grade = scored && gradeOf(scored.score, policy);
  // The archive is the record of earlier reviews; the sheet's column serves customers it has not seen.
  const previousScore = scored && (inArchive ? archived?.score : n.previousScore);
  if (scored && inArchive && n.previousScore !== undefined)
    previousScoreNote(scored.score, n.previousScore, archived, row.row, ctx, run, note);
  const facts: CustomerFacts = {
    score: scored?.score,
    grade,
    previousScore,
    previousScoreDate: previousScore !== undefined && inArchive ? archived?.date : undefined,
    // A limit in another currency than the balance is not weighed against it: the over-limit check does not run.
    creditLimit: creditUseRefused ? undefined : n.creditLimit,
    balance: n.balance,
    overdueAmount,
    daysPastDue,
    negativeNewsDate: row.negativeNewsDate,
    zScore: z,
    zZone: zone,
    zDistressBelow: Z_MODEL_SPECS[zModel].distress,
    currentRatio: ratios.currentRatio,
    debtRatio: ratios.debtRatio,
    interestCoverage: ratios.interestCoverage,
  };
  const hasNotes = notes !== undefined && notes.some((x) => x.toFix);
  // A balance not known, or not to be weighed against the limit (two currencies), leaves the over-limit check unrun.
  const unchecked = n.balance === undefined || creditUseRefused || (overdueAmount === undefined && daysPastDue === undefined);
  const noCredit = n.creditLimit === 0;

  if (!scored || grade === undefined) {
    // Its score and grade wait for the fix, and what rests on them; what needs neither (over its
    // limit, overdue, the balance sheet's warnings and the actions they call for) is checked as for
    // any customer: 150% over its limit and seven months late is not just "a data error". A row
    // naming no customer names no one to act on: its figures are shown, nothing is decided.
    const named = row.id !== "" || row.name !== "";
    const findings = named ? findingsOf(facts, run) : NONE;
    const actions = named ? run.decisionsFor({ findings, overdueAmount, daysPastDue, hasNotes, unchecked, noCredit }) : NONE;
    return {
      row: row.row,
      id: row.id,
      name: row.name,
      // The factors that could be read, for the archive; the others undefined (the errors say why).
      factors: Array.from(row.factors),
      zScore: z,
      zZone: zone,
      ratios,
      balance: n.balance,
      creditLimit: n.creditLimit,
      utilisation,
      availableCredit,
      overdueAmount,
      daysPastDue,
      negativeNewsDate: row.negativeNewsDate,
      overduePastLegalAction,
      aging: agingBuckets,
      currencies,
      ledgerCurrency,
      findings,
      warningsUnderLastPolicy: undefined,
      gradeUnderLastPolicy: undefined,
      limitUnderLastPolicy: undefined,
      actions,
      actionTaken: row.actionTaken,
      notes: notes ?? NONE,
      errors: fatal,
    };
  }

  const { factors, score, points } = scored;
  const findings = findingsOf(facts, run);
  const decisionFacts = { grade, findings, overdueAmount, daysPastDue, hasNotes, unchecked, noCredit };
  const actions = run.decisionsFor(decisionFacts);
  let limit: number | undefined;
  if (n.creditLimit !== undefined) {
    try {
      limit = recommendedLimit(n.creditLimit, grade, !isClearForRaise(decisionFacts), policy);
    } catch (error) {
      // A limit so large that the recommendation overflows: only the recommendation is lost.
      if (!(error instanceof CreditError)) throw error;
      note(["recommendedLimit"], error.at(placeOf("creditLimit", row.row, ctx)));
    }
  }
  const last = run.lastPolicy;
  const then = last && scoredUnder(last, row.factors);
  const warningsThen =
    last && warningsUnder(last, facts, then!, run, row.zModel === undefined && !zModelBad ? zInputs : undefined);
  // The limit today's figures get under the last review's policy: its grade, its warnings, its multipliers.
  let limitThen: number | undefined;
  if (last && limit !== undefined && n.creditLimit !== undefined) {
    const clearThen = warningsThen === 0 && isClearForRaise({ ...decisionFacts, grade: then!.grade, findings: NONE });
    try {
      limitThen = recommendedLimit(n.creditLimit, then!.grade, !clearThen, last.policy);
    } catch (error) {
      // Overflowing under the last policy's multipliers only: nothing to tell the move by.
      if (!(error instanceof CreditError)) throw error;
    }
  }
  // One object literal of one shape for every customer: the review holds 100,000 of them.
  return {
    row: row.row,
    id: row.id,
    name: row.name,
    factors,
    score,
    factorPoints: points,
    previousScore,
    previousScoreFrom: previousScore === undefined ? undefined : inArchive ? "archive" : "sheet",
    grade,
    zScore: z,
    zZone: zone,
    ratios,
    balance: n.balance,
    creditLimit: n.creditLimit,
    overdueAmount,
    daysPastDue,
    negativeNewsDate: row.negativeNewsDate,
    overduePastLegalAction,
    aging: agingBuckets,
    currencies,
    ledgerCurrency,
    utilisation,
    availableCredit,
    findings,
    warningsUnderLastPolicy: warningsThen,
    gradeUnderLastPolicy: then?.grade,
    limitUnderLastPolicy: limitThen,
    actions,
    recommendedLimit: limit,
    monitoring: monitoringOf(grade, policy),
    monitoringMonths: monitoringMonths(grade, policy),
    // "Re-assess now" means now: the next review is the as-of date itself.
    nextReview: reviewsNow(actions) ? asOf : run.nextReviewOf(grade),
    actionTaken: row.actionTaken,
    notes: notes ?? NONE,
    errors: NONE,
  };
}

/**
 * The empty list every customer without findings, actions, notes or errors holds: one shared
 * list rather than one each keeps a 100,000-customer review about 8% smaller in memory.
 */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Whether a customer's open invoices (in `ledgerCurrency`) are in another currency than its
 * balance (its own marks', else the sheet's columns'): billed in US dollars, kept in euros, two
 * amounts no rate is known to compare, so no difference between them to note.
 */
function invoicedInOtherCurrency(
  ledgerCurrency: CurrencyMark | undefined,
  own: ReceivableCurrencies | undefined,
  ctx: Pick<RowContext, "columnCurrencies">,
): boolean {
  if (ledgerCurrency === undefined) return false;
  const balance = customerCurrencies({ currencies: own }, receivableCurrencies(ctx.columnCurrencies))?.balance;
  return balance !== undefined && !sameCurrencyMark(ledgerCurrency, balance);
}

/**
 * One customer reviewed: its row read, its facts worked out (score, grade, Z, ratios, aging),
 * the warning checks run on them, and the policy's response (actions, limit, monitoring,
 * next review). A bad cell makes that customer's error, never the whole review's.
 */
import { AgingTotals } from "../aging";
import { CellValue } from "../cells";
import { CreditError, ErrorPlace } from "../errors";
import { monitoringMonths, monitoringOf, nextReview, recommendedLimit } from "../limit";
import { Grade, normaliseWeights, Policy } from "../policy";
import { currentRatio, debtRatio, interestCoverage } from "../ratios";
import { gradeOf, riskScoreCore } from "../score";
import { Z_MODEL_SPECS, zScore, ZZone, zZone } from "../zscore";
import { archiveKey } from "./archive";
import { CustomerRow, readCustomerRow, RowContext } from "./customer-row";
import { InputField } from "./fields";
import { columnLetter } from "../a1";
import { LedgerAging, ledgerEntry } from "./ledger";
import type { CustomerResult } from "./review";
import { CustomerCheck, CustomerFacts, Finding, sharedActionsFor, Z_FIELDS } from "./warnings";

/** What every customer of one review shares, worked out once per review. */
export interface CustomerContext {
  readonly policy: Policy;
  readonly asOf: number;
  readonly weights: readonly number[];
  readonly activeChecks: readonly CustomerCheck[];
  readonly ledger?: LedgerAging;
  readonly archive?: ReadonlyMap<string, number>;
  /** The next review date depends only on the grade: worked out once per review, not per customer. */
  readonly nextReviewOf: (grade: Grade) => number;
  /** Customers alike in grade and warnings share one list of actions: worked out once per review, too. */
  readonly actionsFor: ReturnType<typeof sharedActionsFor>;
}

export function customerContext(
  policy: Policy,
  asOf: number,
  activeChecks: readonly CustomerCheck[],
  ledger: LedgerAging | undefined,
  archive: ReadonlyMap<string, number> | undefined,
): CustomerContext {
  const reviewDates = new Map<Grade, number>();
  const nextReviewOf = (grade: Grade) => {
    let date = reviewDates.get(grade);
    if (date === undefined) reviewDates.set(grade, (date = nextReview(asOf, grade, policy)));
    return date;
  };
  return {
    policy,
    asOf,
    weights: normaliseWeights(policy.weights),
    activeChecks,
    ledger,
    archive,
    nextReviewOf,
    actionsFor: sharedActionsFor(policy),
  };
}

/** Where a field's cell is, for an error found in it. */
function placeOf(field: InputField, row: number, ctx: RowContext): ErrorPlace {
  const column = ctx.columns[field] as number;
  return { row, column: `${columnLetter(column + ctx.originColumn)} (${ctx.headers[column]})` };
}

export function reviewCustomer(line: readonly CellValue[], index: number, ctx: RowContext, run: CustomerContext): CustomerResult {
  let row: CustomerRow;
  try {
    row = readCustomerRow(line, index, ctx);
  } catch (error) {
    if (!(error instanceof CreditError)) throw error;
    const id = String(line[ctx.columns.id ?? -1] ?? "").trim();
    const name = String(line[ctx.columns.name ?? -1] ?? "").trim();
    return { row: index + 1 + ctx.originRow, id, name, ratios: {}, findings: NONE, actions: NONE, errors: [error] };
  }
  const { policy, asOf } = run;
  const n = row.numbers;
  const errors: CreditError[] = [];

  // Ledger aging replaces the overdue columns: it is the more detailed record.
  let aging: AgingTotals | undefined;
  if (run.ledger) {
    const ledgerError = ledgerEntry(run.ledger.errors, row.id, row.name);
    if (ledgerError) errors.push(ledgerError);
    aging = ledgerEntry(run.ledger.byCustomer, row.id, row.name) ?? new AgingTotals(policy.agingEdges);
  }
  const overdueAmount = aging ? aging.overdue : n.overdueAmount;
  const daysPastDue = aging ? aging.oldestDays : n.daysPastDue;

  const score = riskScoreCore(row.factors, run.weights);
  const grade = gradeOf(score, policy);
  // The archive is the record of earlier reviews; the sheet's column serves customers it has not seen.
  const previousScore = run.archive?.get(archiveKey(row.id, row.name)) ?? n.previousScore;

  const zModel = row.zModel ?? policy.defaultZModel;
  let z: number | undefined;
  let zone: ZZone | undefined;
  const hasZInputs = Z_FIELDS.every((f) => n[f] !== undefined);
  if (hasZInputs && (n.sales !== undefined || !Z_MODEL_SPECS[zModel].usesSales)) {
    try {
      z = zScore(
        {
          workingCapital: n.currentAssets! - n.currentLiabilities!,
          retainedEarnings: n.retainedEarnings!,
          ebit: n.ebit!,
          equity: n.equity!,
          sales: n.sales,
          totalAssets: n.totalAssets!,
          totalLiabilities: n.totalLiabilities!,
        },
        zModel,
      );
      zone = zZone(z, zModel);
    } catch (error) {
      if (!(error instanceof CreditError)) throw error;
      const field = error.params.param === "totalLiabilities" ? "totalLiabilities" : "totalAssets";
      errors.push(error.at(placeOf(field, row.row, ctx)));
    }
  }

  const ratios: CustomerResult["ratios"] = {};
  try {
    if (n.currentAssets !== undefined && n.currentLiabilities !== undefined && n.currentLiabilities > 0) {
      ratios.currentRatio = currentRatio(n.currentAssets, n.currentLiabilities);
    }
    if (n.totalLiabilities !== undefined && n.totalAssets !== undefined && n.totalAssets > 0)
      ratios.debtRatio = debtRatio(n.totalLiabilities, n.totalAssets);
    // No interest expense means nothing to cover: not a warning, and not a division by zero.
    if (n.ebit !== undefined && n.interestExpense !== undefined && n.interestExpense > 0) {
      ratios.interestCoverage = interestCoverage(n.ebit, n.interestExpense);
    }
  } catch (error) {
    // Numbers so large that a ratio overflows: the ratios name their denominator's column.
    if (!(error instanceof CreditError)) throw error;
    errors.push(error.at(placeOf(error.params.param as InputField, row.row, ctx)));
  }

  let hasErrors = errors.length > 0;
  let findings: readonly Finding[] = NONE;
  if (!hasErrors) {
    const facts: CustomerFacts = {
      score,
      grade,
      previousScore,
      creditLimit: n.creditLimit,
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
    let found: Finding[] | undefined;
    for (const check of run.activeChecks) {
      const finding = check.evaluate(facts, policy, asOf);
      if (!finding) continue;
      if (found) found.push(finding);
      else found = [finding];
    }
    if (found) findings = found;
  }
  let limit: number | undefined;
  if (!hasErrors && n.creditLimit !== undefined) {
    try {
      limit = recommendedLimit(n.creditLimit, grade, findings.length > 0, policy);
    } catch (error) {
      // A limit so large that the recommendation overflows is this row's error, not the review's.
      if (!(error instanceof CreditError)) throw error;
      errors.push(error.at(placeOf("creditLimit", row.row, ctx)));
      hasErrors = true;
      findings = NONE;
    }
  }
  // One object literal of one shape for every customer: the review holds 100,000 of them.
  return {
    row: row.row,
    id: row.id,
    name: row.name,
    factors: row.factors,
    score,
    previousScore,
    grade,
    zScore: z,
    zZone: zone,
    ratios,
    balance: n.balance,
    creditLimit: n.creditLimit,
    overdueAmount,
    daysPastDue,
    aging: aging?.buckets,
    findings,
    actions: hasErrors ? NONE : run.actionsFor(grade, findings, daysPastDue),
    recommendedLimit: limit,
    monitoring: hasErrors ? undefined : monitoringOf(grade, policy),
    monitoringMonths: hasErrors ? undefined : monitoringMonths(grade, policy),
    nextReview: hasErrors ? undefined : run.nextReviewOf(grade),
    errors: hasErrors ? errors : NONE,
  };
}

/**
 * The empty list every customer without findings, actions or errors holds: one shared list
 * rather than one each keeps a 100,000-customer review about 8% smaller in memory.
 */
const NONE: readonly never[] = Object.freeze([]);

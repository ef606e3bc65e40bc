/**
 * The portfolio figures over every reviewed customer: counts and exposure by grade, credit
 * limits and their utilisation, the amount and share overdue and its warning, warning counts,
 * the ledger's aging totals, the exposure at risk with the customers carrying most of it, and
 * every customer with a problem. A total whose amounts are in two currencies is not added up
 * (total-currencies.ts); the counts stand.
 */
import { AgingSums, bucketLabels } from "../aging";
import { CreditError } from "../errors";
import { Lang } from "../i18n";
import { Grade, Policy } from "../policy";
import { withoutSumDust } from "../precision";
import { archiveKey } from "./archive";
import { asksForAction, Decision, isOverdue, Reason } from "./decisions";
import { UnmatchedInvoices } from "./ledger";
import type { CustomerProblem, CustomerResult, PortfolioResult, TopRisk } from "./review";
import {
  byBalance,
  customerCurrencies,
  PortfolioTotal,
  ReceivableCurrencies,
  TotalCurrency,
  totalCurrencies,
  TotalInTwoCurrencies,
  TotalsInTwoCurrencies,
  twoTotalsCurrencies,
} from "./total-currencies";
import {
  CUSTOMER_WARNING_CODES,
  CustomerWarningCode,
  Finding,
  SERIOUSNESS,
  WarningCode,
  WARNING_CODES,
  warningSet,
} from "./warnings";

/** How many customers the summary names as the top risks. */
export const TOP_RISKS = 10;

/**
 * Why a customer's balance is at risk, or undefined when it is not: its most serious warning,
 * else a payment overdue, else the high-risk grade. A customer with a data error has no grade,
 * and is at risk by its warnings and actions alone (see reasonAtRisk).
 */
export function riskReason(c: CustomerResult): Reason | undefined {
  // A row naming no customer is no one's risk: its error asks for a name first.
  if (c.id === "" && c.name === "") return undefined;
  let worst: WarningCode | undefined;
  // Indexed loops over a customer's lists here and below: most are the shared frozen empty list,
  // which for...of walked through an iterator object per customer.
  for (let i = 0; i < c.findings.length; i++) {
    const code = c.findings[i].code;
    if (worst === undefined || SERIOUSNESS[code] < SERIOUSNESS[worst]) worst = code;
  }
  return reasonAtRisk(worst, c.overdueAmount, c.daysPastDue, c.grade);
}

/**
 * The rule riskReason applies, from a customer's most serious warning (any warning tells
 * whether it is at risk) and figures: asked of an archived review's rows by the trend too, from
 * what each row records. Money overdue is at risk whether or not the customer could be graded: a
 * customer whose data stops its grade is no safer for it, and the exposure at risk is then never
 * less than the money overdue.
 */
export function reasonAtRisk(
  worst: WarningCode | undefined,
  overdueAmount: number | undefined,
  daysPastDue: number | undefined,
  grade: Grade | undefined,
): Reason | undefined {
  if (worst !== undefined) return worst;
  if (isOverdue(overdueAmount, daysPastDue)) return "OVERDUE";
  return grade === "high" ? "GRADE_HIGH" : undefined;
}

/** The customers at these rows (the top risks, the problems listed), read in one pass over the portfolio: their reasons are told with their figures. */
export function customersAtRows(
  customers: readonly CustomerResult[],
  risks: readonly { readonly row: number }[],
): Map<number, CustomerResult> {
  const wanted = new Set(risks.map((r) => r.row));
  const found = new Map<number, CustomerResult>();
  for (let i = 0; i < customers.length; i++) if (wanted.has(customers[i].row)) found.set(customers[i].row, customers[i]);
  return found;
}

/**
 * Whether a customer's decisions ask for more than keeping its terms (prepayment, a restricted
 * limit, held orders, collection, legal action, a re-assessment now, a review of the financial statements): whom the team acts on.
 */
export function needsAction(actions: readonly Decision[]): boolean {
  for (let i = 0; i < actions.length; i++) if (asksForAction(actions[i].code)) return true;
  return false;
}

/** What ranks a customer at risk: whether it needs action, its balance, score and row. */
export interface RiskRank {
  readonly needsAction: boolean;
  readonly balance?: number;
  readonly score?: number;
  readonly row: number;
}

export function riskRank(c: CustomerResult): RiskRank {
  return { needsAction: needsAction(c.actions), balance: c.balance, score: c.score, row: c.row };
}

/**
 * A customer needing action first (a small balance 128 days late before a large one two days
 * late whose terms are kept), then the larger balance at risk (`balances`: see byBalance), the
 * higher score, the earlier row: the top risks' order, and the pane's for the customers at risk,
 * so both name the same first.
 */
export function moreAtRisk(a: RiskRank, b: RiskRank, balances: boolean): number {
  return (
    Number(b.needsAction) - Number(a.needsAction) ||
    (balances ? (b.balance ?? 0) - (a.balance ?? 0) : 0) ||
    (b.score ?? 0) - (a.score ?? 0) ||
    a.row - b.row
  );
}

/**
 * The customers needing action (needsAction: prepayment, a lower limit, held orders, collection,
 * legal action, a re-assessment now, a review of the financial statements), the largest balance
 * first (when `balances` rank them: see byBalance), then the earlier row, but those on the rows
 * `listed` already (the top risks, each with its decisions): the first `shown` of them, and how
 * many there are. Every customer needing action is on the summary by name or in that count: one
 * escalated to collection is as much the manager's as one whose limit is cut. A customer named on
 * several rows is one, listed by the first of its rows in that order.
 */
export function moreNeedingAction(
  customers: readonly CustomerResult[],
  shown: number,
  balances: boolean,
  listed: ReadonlySet<number> = new Set(),
): { readonly customers: readonly CustomerResult[]; readonly count: number } {
  const deciding: CustomerResult[] = [];
  for (let i = 0; i < customers.length; i++)
    if (needsAction(customers[i].actions) && !listed.has(customers[i].row)) deciding.push(customers[i]);
  deciding.sort((a, b) => (balances ? (b.balance ?? 0) - (a.balance ?? 0) : 0) || a.row - b.row);
  const keys = new Set<string>();
  const first: CustomerResult[] = [];
  for (const c of deciding) {
    const key = archiveKey(c.id, c.name) || `row ${c.row}`;
    if (keys.has(key)) continue;
    keys.add(key);
    if (first.length < shown) first.push(c);
  }
  return { customers: first, count: keys.size };
}

/** The customers needing action named beyond the top risks, before "… and N more": every face names as many. */
export const SHOWN_DECISIONS = 8;

/** The customers needing action beyond the portfolio's top risks (which name theirs), as every face lists them: see moreNeedingAction. */
export function otherDecisions(customers: readonly CustomerResult[], p: Pick<PortfolioResult, "topRisks" | "twoCurrencies">) {
  return moreNeedingAction(customers, SHOWN_DECISIONS, byBalance(p), new Set(p.topRisks.map((r) => r.row)));
}

/**
 * Keeps `top` the `count` largest risks in order as the portfolio is read once (an insertion
 * into a list of ten): sorting the whole portfolio for ten names made the write plan slower.
 */
function keepTop(top: TopRisk[], risk: TopRisk, count: number, balances: boolean): void {
  if (top.length === count && moreAtRisk(risk, top[count - 1], balances) >= 0) return;
  let i = top.length === count ? count - 1 : top.length;
  while (i > 0 && moreAtRisk(risk, top[i - 1], balances) < 0) {
    top[i] = top[i - 1];
    i--;
  }
  top[i] = risk;
}

/** A customer at risk as the top risks list it. */
function topRiskOf(c: CustomerResult, reason: Reason, acts = needsAction(c.actions)): TopRisk {
  return {
    row: c.row,
    id: c.id,
    name: c.name,
    grade: c.grade,
    score: c.score,
    balance: c.balance,
    reason,
    needsAction: acts,
  };
}

/**
 * Every error and every note with data to fix, of every customer, in sheet order, errors of a
 * customer first (a note that only says a figure has no value, as for a debt-free company, is
 * the customer's own column's to say, not a problem).
 */
function problemsOf(customers: readonly CustomerResult[]): CustomerProblem[] {
  const problems: CustomerProblem[] = [];
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    if (c.errors.length === 0 && c.notes.length === 0) continue;
    for (const reason of c.errors) problems.push({ row: c.row, id: c.id, name: c.name, fatal: true, affects: [], reason });
    for (const n of c.notes)
      if (n.toFix) problems.push({ row: c.row, id: c.id, name: c.name, fatal: false, affects: n.affects, reason: n.reason });
  }
  return problems;
}

/** How many customers the problems are of: a customer named on several rows is one; a row naming none is one of its own. */
export function customersWithProblems(problems: readonly CustomerProblem[]): number {
  return new Set(problems.map((q) => archiveKey(q.id, q.name) || q.row)).size;
}

/**
 * What the summary counts of a customer named on several rows, gathered over its rows: it is one
 * customer, at risk (and needing action, warned, overdue) when any of its rows is, once.
 */
interface RepeatedCustomer {
  rows: number;
  counted: boolean;
  overdue: boolean;
  warnings: number;
  needsAction: boolean;
  /** A row of it owes a balance no limit weighs (counted once among the customers utilisation leaves out). */
  withoutLimit?: boolean;
  /** Its row most at risk (moreAtRisk), which stands for it among the top risks. */
  risk?: TopRisk;
}

/** What the portfolio's totals know of currencies beyond each customer's own marks (CustomerResult.currencies). */
export interface PortfolioCurrencies {
  /** Every customer's receivables' currencies as the sheet's columns name them (receivableCurrencies); absent when they name none. */
  readonly sheet?: ReceivableCurrencies;
  /** With a ledger: the currency of the invoices the aging adds (agedInvoicesCurrency). */
  readonly invoices?: TotalCurrency;
  /** With a ledger: the currency of the invoices the overdue amount adds (overdueInvoicesCurrency). */
  readonly overdueInvoices?: TotalCurrency;
  /** With a ledger: the currency of the open invoices of customers not on the sheet (unmatchedInvoicesCurrency). */
  readonly unmatchedInvoices?: TotalCurrency;
}

/**
 * The currency of every balance that can be read, looked at before the portfolio is added up: it
 * decides whether the top risks are ranked by balance. Undefined when nothing names a currency.
 */
function balancesCurrency(
  customers: readonly CustomerResult[],
  sheet: ReceivableCurrencies | undefined,
): TotalCurrency | undefined {
  let total: TotalCurrency | undefined;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    const currency = customerCurrencies(c, sheet)?.balance;
    if (currency !== undefined) (total ??= new TotalCurrency()).addAmount(c.balance, currency, "balances", c.row);
  }
  return total;
}

/** The totals whose amounts are in two currencies, by total; undefined when none is. */
function inTwoCurrencies(totals: Partial<Record<PortfolioTotal, TotalCurrency>>): TotalsInTwoCurrencies | undefined {
  let found: Partial<Record<PortfolioTotal, TotalInTwoCurrencies>> | undefined;
  for (const [total, currency] of Object.entries(totals) as [PortfolioTotal, TotalCurrency | undefined][]) {
    if (currency?.twoCurrencies) (found ??= {})[total] = currency.twoCurrencies;
  }
  // The overdue amount's share of the exposure, each in one currency, but not the same.
  const share = totals.overdueAmount && totals.exposure && twoTotalsCurrencies(totals.overdueAmount, totals.exposure);
  if (share) (found ??= {}).overdueAmountShare = share;
  return found;
}

/**
 * The portfolio's figures. `repeatedKeys`: the keys (archiveKey) named on more than one row: such
 * a customer counts once in every count (at risk, top risks, per warning, not graded, overdue),
 * while each row's balance adds to the amounts as every balance on the sheet does. `currencies`:
 * the currencies the sheet's columns and its ledger name (each row's own marks are its own).
 */
export function summarise(
  customers: readonly CustomerResult[],
  policy: Policy,
  overdueKnown: boolean,
  unmatchedInvoices: UnmatchedInvoices | undefined,
  lang: Lang,
  repeatedKeys?: ReadonlySet<string>,
  currencies: PortfolioCurrencies = {},
): PortfolioResult {
  const byGrade = { low: 0, medium: 0, high: 0 } as Record<Grade, number>;
  const exposureByGrade = { low: 0, medium: 0, high: 0 } as Record<Grade, number>;
  const warningCounts = Object.fromEntries(CUSTOMER_WARNING_CODES.map((c) => [c, 0])) as Record<CustomerWarningCode, number>;
  const agingSums = unmatchedInvoices ? new AgingSums(policy.agingEdges.length + 2) : undefined;
  let reviewed = 0;
  // The overdue share is over every graded customer (one whose status cannot be told counts as
  // not overdue, as before) and every customer not graded whose overdue status can be told.
  let overdueCounted = 0;
  let overdueCustomers = 0;
  let overdueStatusKnown = 0;
  let exposure = 0;
  let exposureNotGraded = 0;
  let creditLimits = 0;
  /** The limits the utilisation weighs balances against: all but those a customer's balance is in another currency than. */
  let weighedLimits = 0;
  let limitedExposure = 0;
  let unlimitedExposure = 0;
  let unlimitedCustomers = 0;
  let overdueAmount: number | undefined;
  let exposureAtRisk = 0;
  let customersAtRisk = 0;
  let customersNeedingAction = 0;
  let customersWithWarnings = 0;
  const topRisks: TopRisk[] = [];
  const repeated = repeatedKeys?.size ? new Map<string, RepeatedCustomer>() : undefined;
  // Each total's currency, where a column, a row's marks or the ledger name one (most sheets: none, and nothing to note).
  const sheet = currencies.sheet;
  const balances = balancesCurrency(customers, sheet);
  const balancesRanked = balances?.twoCurrencies === undefined;
  const noted = sheet !== undefined || customers.some((c) => c.currencies !== undefined);
  const totals: Partial<Record<PortfolioTotal, TotalCurrency>> = noted
    ? {
        exposure: balances,
        exposureAtRisk: new TotalCurrency(),
        creditLimits: new TotalCurrency(),
        utilisation: new TotalCurrency(),
        withoutLimit: new TotalCurrency(),
        ...(!currencies.overdueInvoices && { overdueAmount: new TotalCurrency() }),
      }
    : {};
  // With a ledger, its invoices are what the overdue amount and the aging add, each its own.
  if (currencies.overdueInvoices) totals.overdueAmount = currencies.overdueInvoices;
  if (currencies.invoices) totals.aging = currencies.invoices;
  if (currencies.unmatchedInvoices) totals.unmatchedInvoices = currencies.unmatchedInvoices;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    // Only a sheet naming a customer twice asks each row for its key.
    let repeat: RepeatedCustomer | undefined;
    if (repeated) {
      const key = archiveKey(c.id, c.name);
      if (repeatedKeys!.has(key)) {
        repeat = repeated.get(key);
        if (!repeat) {
          repeat = { rows: 0, counted: false, overdue: false, warnings: 0, needsAction: false };
          repeated.set(key, repeat);
        }
        repeat.rows++;
      }
    }
    const currency = noted ? customerCurrencies(c, sheet) : undefined;
    // Limits and their use count every customer whose limit can be read, graded or not, as the exposure does.
    const limited = c.creditLimit !== undefined && c.creditLimit > 0;
    if (limited) {
      creditLimits += c.creditLimit!;
      if (currency) totals.creditLimits!.addAmount(c.creditLimit, currency.creditLimit, "creditLimits", c.row);
    }
    // A balance and limit the customer's utilisation could not weigh (two currencies) are weighed in no total either.
    if (limited && (c.balance === undefined || c.utilisation !== undefined)) {
      weighedLimits += c.creditLimit!;
      limitedExposure += c.balance ?? 0;
      if (currency) {
        totals.utilisation!.addAmount(c.creditLimit, currency.creditLimit, "creditLimits", c.row);
        totals.utilisation!.addAmount(c.balance, currency.balance, "balances", c.row);
      }
    } else if (c.balance !== undefined && c.balance > 0) {
      // What utilisation cannot weigh: owed with no limit to weigh it against (a customer on several rows counted once).
      unlimitedExposure += c.balance;
      if (currency) totals.withoutLimit!.addAmount(c.balance, currency.balance, "balances", c.row);
      if (!repeat) unlimitedCustomers++;
      else if (!repeat.withoutLimit) {
        repeat.withoutLimit = true;
        unlimitedCustomers++;
      }
    }
    // What is owed and overdue counts for every customer, graded or not, as the exposure does.
    if (c.overdueAmount !== undefined) {
      overdueAmount = (overdueAmount ?? 0) + c.overdueAmount;
      // With a ledger, the ledger's overdue invoices' currency is the overdue amounts' (currencies.overdueInvoices).
      if (currency && !currencies.overdueInvoices)
        totals.overdueAmount!.addAmount(c.overdueAmount, currency.overdueAmount, "overdueAmounts", c.row);
    }
    if (agingSums && c.aging) agingSums.add(c.aging);
    const graded = c.errors.length === 0 && c.grade !== undefined;
    const statusKnown = c.overdueAmount !== undefined || c.daysPastDue !== undefined;
    if (statusKnown) overdueStatusKnown++;
    // A customer that could not be graded is still a customer who pays late or not; a graded one
    // with blank overdue cells pays on time; one whose overdue figures could not be computed (an
    // unreadable cell, an open invoice without a due date) may pay late or not: not counted.
    const counted = statusKnown || (graded && !c.notes.some((n) => n.affects.includes("overdue")));
    if (repeat) {
      repeat.counted ||= counted;
      repeat.overdue ||= isOverdue(c.overdueAmount, c.daysPastDue);
    } else if (counted) {
      overdueCounted++;
      if (isOverdue(c.overdueAmount, c.daysPastDue)) overdueCustomers++;
    }
    if (graded) {
      reviewed++;
      byGrade[c.grade!]++;
      exposureByGrade[c.grade!] += c.balance ?? 0;
      exposure += c.balance ?? 0;
    } else {
      // A balance that can be read is owed whether or not the customer could be graded.
      exposureNotGraded += c.balance ?? 0;
    }
    // At risk, warned and needing action count every customer, graded or not: over its limit or
    // months late is a risk whatever its score, as its own warnings and actions say.
    const reason = riskReason(c);
    if (reason !== undefined && currency) totals.exposureAtRisk!.addAmount(c.balance, currency.balance, "balances", c.row);
    if (reason !== undefined && repeat) {
      exposureAtRisk += c.balance ?? 0;
      const risk = topRiskOf(c, reason);
      repeat.needsAction ||= risk.needsAction;
      if (!repeat.risk || moreAtRisk(risk, repeat.risk, balancesRanked) < 0) repeat.risk = risk;
    } else if (reason !== undefined) {
      customersAtRisk++;
      exposureAtRisk += c.balance ?? 0;
      const acts = needsAction(c.actions);
      if (acts) customersNeedingAction++;
      // Asked of the customer first: most at risk never make the top, and need no record of their own.
      if (
        topRisks.length < TOP_RISKS ||
        moreAtRisk(
          { needsAction: acts, balance: c.balance, score: c.score, row: c.row },
          topRisks[TOP_RISKS - 1],
          balancesRanked,
        ) < 0
      ) {
        keepTop(topRisks, topRiskOf(c, reason, acts), TOP_RISKS, balancesRanked);
      }
    }
    if (repeat) repeat.warnings |= warningSet(c.findings);
    else {
      if (c.findings.length > 0) customersWithWarnings++;
      for (let f = 0; f < c.findings.length; f++) warningCounts[c.findings[f].code as CustomerWarningCode]++;
    }
  }
  // Each customer named on several rows, once.
  let repeatedRows = 0;
  for (const repeat of repeated?.values() ?? []) {
    repeatedRows += repeat.rows - 1;
    if (repeat.counted) overdueCounted++;
    if (repeat.overdue) overdueCustomers++;
    if (repeat.risk) {
      customersAtRisk++;
      if (repeat.needsAction) customersNeedingAction++;
      keepTop(topRisks, repeat.risk, TOP_RISKS, balancesRanked);
    }
    if (repeat.warnings !== 0) customersWithWarnings++;
    for (let w = 0; w < WARNING_CODES.length; w++)
      if (repeat.warnings & (1 << w)) warningCounts[WARNING_CODES[w] as CustomerWarningCode]++;
  }
  // Each balance is a number, but together they can pass the largest one (1e308 + 1e308).
  exposure += exposureNotGraded;
  const sums = [
    exposure,
    creditLimits,
    weighedLimits,
    limitedExposure,
    unlimitedExposure,
    overdueAmount ?? 0,
    exposureAtRisk,
    ...(agingSums?.sums ?? []),
  ];
  if (!sums.every(Number.isFinite)) throw new CreditError("num", "aging.notFinite");
  exposure = withoutSumDust(exposure);
  exposureNotGraded = withoutSumDust(exposureNotGraded);
  creditLimits = withoutSumDust(creditLimits);
  weighedLimits = withoutSumDust(weighedLimits);
  limitedExposure = withoutSumDust(limitedExposure);
  unlimitedExposure = withoutSumDust(unlimitedExposure);
  if (overdueAmount !== undefined) overdueAmount = withoutSumDust(overdueAmount);
  exposureAtRisk = withoutSumDust(exposureAtRisk);
  for (const grade of Object.keys(exposureByGrade) as Grade[]) exposureByGrade[grade] = withoutSumDust(exposureByGrade[grade]);
  const agingTotals = agingSums?.totals;
  // With a ledger whose every customer's rows were unusable, nobody is known to be overdue or not: unknown, not 0%.
  const shareKnown = overdueKnown && overdueCounted > 0 && (overdueStatusKnown > 0 || unmatchedInvoices === undefined);
  const overdueShare = shareKnown ? overdueCustomers / overdueCounted : undefined;
  // The portfolio's warning is a share of customers, a count: the currencies of their amounts do not touch it.
  const findings: Finding[] = [];
  if (overdueShare !== undefined && overdueShare > policy.overdueShare) {
    findings.push({ code: "OVERDUE_SHARE", value: overdueShare, threshold: policy.overdueShare, format: "percent" });
  }
  // A total in two currencies is not added up: its figure is undefined, and twoCurrencies says why.
  const twoCurrencies = inTwoCurrencies(totals);
  const added = (total: PortfolioTotal, sum: number) => (twoCurrencies?.[total] ? undefined : sum);
  const exposureAdded = !twoCurrencies?.exposure;
  const agingAdded = agingTotals && !twoCurrencies?.aging;
  const currenciesSaid = totalCurrencies(totals, twoCurrencies);
  return {
    customers: customers.length - repeatedRows,
    reviewed,
    withErrors: customers.length - repeatedRows - reviewed,
    byGrade,
    exposureByGrade: exposureAdded ? exposureByGrade : undefined,
    exposure: added("exposure", exposure),
    exposureNotGraded: exposureAdded ? exposureNotGraded : undefined,
    creditLimits: added("creditLimits", creditLimits),
    utilisation: weighedLimits > 0 && !twoCurrencies?.utilisation ? limitedExposure / weighedLimits : undefined,
    withoutLimit: { amount: added("withoutLimit", unlimitedExposure), customers: unlimitedCustomers },
    overdueAmount: overdueAmount === undefined ? undefined : added("overdueAmount", overdueAmount),
    overdueCustomers,
    overdueCounted,
    overdueShare,
    exposureAtRisk: added("exposureAtRisk", exposureAtRisk),
    customersAtRisk,
    customersNeedingAction,
    customersWithWarnings,
    topRisks,
    warnings: findings.map((f) => f.code),
    findings,
    warningCounts,
    aging: agingTotals
      ? { labels: bucketLabels(policy.agingEdges, lang), totals: agingAdded ? agingTotals : undefined }
      : undefined,
    problems: problemsOf(customers),
    unmatchedInvoices:
      unmatchedInvoices && twoCurrencies?.unmatchedInvoices ? { ...unmatchedInvoices, amount: undefined } : unmatchedInvoices,
    ...(twoCurrencies && { twoCurrencies }),
    ...(currenciesSaid && { totalCurrencies: currenciesSaid }),
  };
}

/**
 * The portfolio figures over every reviewed customer: counts and exposure by grade, the
 * share overdue and its warning, warning counts, the ledger's aging totals, and every
 * customer with a problem.
 */
import { bucketLabels } from "../aging";
import { CreditError } from "../errors";
import { Lang } from "../i18n";
import { Grade, Policy } from "../policy";
import { isOverdue } from "./decisions";
import { UnmatchedInvoices } from "./ledger";
import type { CustomerProblem, CustomerResult, PortfolioResult } from "./review";
import { WarningCode, WARNING_CODES } from "./warnings";

/** Every error and note of every customer, in sheet order, errors of a customer first. */
function problemsOf(customers: readonly CustomerResult[]): CustomerProblem[] {
  const problems: CustomerProblem[] = [];
  for (const c of customers) {
    if (c.errors.length === 0 && c.notes.length === 0) continue;
    for (const reason of c.errors) problems.push({ row: c.row, id: c.id, name: c.name, fatal: true, affects: [], reason });
    for (const n of c.notes)
      problems.push({ row: c.row, id: c.id, name: c.name, fatal: false, affects: n.affects, reason: n.reason });
  }
  return problems;
}

export function summarise(
  customers: readonly CustomerResult[],
  policy: Policy,
  overdueKnown: boolean,
  unmatchedInvoices: UnmatchedInvoices | undefined,
  lang: Lang,
): PortfolioResult {
  const byGrade = { low: 0, medium: 0, high: 0 } as Record<Grade, number>;
  const exposureByGrade = { low: 0, medium: 0, high: 0 } as Record<Grade, number>;
  const warningCounts = Object.fromEntries(WARNING_CODES.map((c) => [c, 0])) as Record<WarningCode, number>;
  const agingTotals = unmatchedInvoices ? new Array<number>(policy.agingEdges.length + 2).fill(0) : undefined;
  let reviewed = 0;
  let overdueCustomers = 0;
  let exposure = 0;
  let exposureNotGraded = 0;
  for (const c of customers) {
    if (c.errors.length > 0 || c.grade === undefined) {
      // A balance that can be read is owed whether or not the customer could be graded.
      exposureNotGraded += c.balance ?? 0;
      continue;
    }
    reviewed++;
    byGrade[c.grade]++;
    exposureByGrade[c.grade] += c.balance ?? 0;
    exposure += c.balance ?? 0;
    if (isOverdue(c.overdueAmount, c.daysPastDue)) overdueCustomers++;
    for (const f of c.findings) warningCounts[f.code]++;
    if (agingTotals && c.aging) for (let i = 0; i < c.aging.length; i++) agingTotals[i] += c.aging[i];
  }
  // Each balance is a number, but together they can pass the largest one (1e308 + 1e308).
  exposure += exposureNotGraded;
  if (![exposure, ...(agingTotals ?? [])].every(Number.isFinite)) throw new CreditError("num", "aging.notFinite");
  const overdueShare = overdueKnown && reviewed > 0 ? overdueCustomers / reviewed : undefined;
  const warnings: WarningCode[] = [];
  if (overdueShare !== undefined && overdueShare > policy.overdueShare) {
    warnings.push("OVERDUE_SHARE");
    warningCounts.OVERDUE_SHARE = overdueCustomers;
  }
  return {
    customers: customers.length,
    reviewed,
    withErrors: customers.length - reviewed,
    byGrade,
    exposureByGrade,
    exposure,
    exposureNotGraded,
    overdueCustomers,
    overdueShare,
    warnings,
    warningCounts,
    aging: agingTotals ? { labels: bucketLabels(policy.agingEdges, lang), totals: agingTotals } : undefined,
    problems: problemsOf(customers),
    unmatchedInvoices,
  };
}

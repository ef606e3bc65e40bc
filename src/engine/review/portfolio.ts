/**
 * The portfolio figures over every reviewed customer: counts and exposure by grade, the
 * share overdue and its warning, warning counts, and the ledger's aging totals.
 */
import { bucketLabels } from "../aging";
import { CreditError } from "../errors";
import { Lang } from "../i18n";
import { Grade, Policy } from "../policy";
import type { CustomerResult, PortfolioResult } from "./review";
import { WarningCode, WARNING_CODES } from "./warnings";

function isOverdue(c: CustomerResult): boolean {
  return (c.overdueAmount ?? 0) > 0 || ((c.daysPastDue ?? 0) > 0 && c.overdueAmount === undefined);
}

export function summarise(
  customers: readonly CustomerResult[],
  policy: Policy,
  overdueKnown: boolean,
  hasLedger: boolean,
  lang: Lang,
): PortfolioResult {
  const byGrade = { low: 0, medium: 0, high: 0 } as Record<Grade, number>;
  const exposureByGrade = { low: 0, medium: 0, high: 0 } as Record<Grade, number>;
  const warningCounts = Object.fromEntries(WARNING_CODES.map((c) => [c, 0])) as Record<WarningCode, number>;
  const agingTotals = hasLedger ? new Array<number>(policy.agingEdges.length + 2).fill(0) : undefined;
  let reviewed = 0;
  let overdueCustomers = 0;
  let exposure = 0;
  for (const c of customers) {
    if (c.errors.length > 0 || c.grade === undefined) continue;
    reviewed++;
    byGrade[c.grade]++;
    exposureByGrade[c.grade] += c.balance ?? 0;
    exposure += c.balance ?? 0;
    if (isOverdue(c)) overdueCustomers++;
    for (const f of c.findings) warningCounts[f.code]++;
    if (agingTotals && c.aging) for (let i = 0; i < c.aging.length; i++) agingTotals[i] += c.aging[i];
  }
  // Each balance is a number, but together they can pass the largest one (1e308 + 1e308).
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
    overdueCustomers,
    overdueShare,
    warnings,
    warningCounts,
    aging: agingTotals ? { labels: bucketLabels(policy.agingEdges, lang), totals: agingTotals } : undefined,
  };
}

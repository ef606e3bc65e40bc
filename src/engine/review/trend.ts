/**
 * The portfolio over time: the summary's headline figures for every review the archive holds
 * before this one, and this review's own, oldest first. Each earlier review's figures are worked
 * out from what its archive rows record, by the summary's own definitions (portfolio.ts), summed
 * in the same order, so a review's figures read back from the archive are the ones its summary
 * showed, whichever version of the review wrote them.
 */
import { numberOrUnknown } from "../cells";
import { Lang, message } from "../i18n";
import { withoutSumDust } from "../precision";
import { ARCHIVE_COLUMNS, ARCHIVE_FIELDS, ArchiveContents, ArchiveField } from "./archive";
import { reasonAtRisk } from "./portfolio";
import type { PortfolioResult } from "./review";
import { FIELD_LABELS } from "./fields";
import { AmountUnit, restated } from "./units";
import "../i18n/report";

/**
 * One review's portfolio figures, its amounts in this review's unit. A figure is undefined when
 * that review's archive rows cannot tell it: a column the archive lacks, no overdue amount known
 * for any customer (never 0), or amounts in another currency than this review's.
 */
export interface TrendPoint {
  readonly date: number;
  /** The customers graded (the summary's "customers reviewed"). */
  readonly customers?: number;
  /** Every balance that can be read, graded or not. */
  readonly exposure?: number;
  /** The graded customers graded High. */
  readonly highGrade?: number;
  /** The balance of the customers graded High, carrying a warning or overdue (graded or not, as the summary counts it). */
  readonly exposureAtRisk?: number;
  /** What every customer whose overdue amount is known has overdue. */
  readonly overdueAmount?: number;
  /** The customers carrying at least one warning of their own. */
  readonly customersWithWarnings?: number;
}

/** The trend table's headers, in TrendPoint's order after the date: the summary and the printed report show the same. */
export function trendHeaders(lang: Lang): string[] {
  return [
    ARCHIVE_COLUMNS.reviewDate.header[lang],
    message(lang, "summary.gradeExposure"),
    message(lang, "trend.atRisk"),
    // The amount, named as every sheet and text names it: "Overdue" alone next to amounts could be a count of customers.
    FIELD_LABELS.overdueAmount[lang],
    message(lang, "summary.customers"),
    message(lang, "trend.highGrade"),
    message(lang, "trend.withWarnings"),
  ];
}

/** How many reviews the summary and the printed report show: a year of monthly reviews. */
export const SHOWN_REVIEWS = 12;

const AT = Object.fromEntries(ARCHIVE_FIELDS.map((f, i) => [f, i])) as Record<ArchiveField, number>;

/** One earlier review's figures as its rows are read; exposure apart for the graded and the others, as summarise adds them. */
interface Totals {
  customers: number;
  highGrade: number;
  gradedExposure: number;
  otherExposure: number;
  exposureAtRisk: number;
  overdueAmount?: number;
  /** The customers carrying a warning, by key: a customer archived on two rows (named twice on its sheet) counts once, as its summary counted it. */
  warned: Set<string>;
  /** True when a row's amount cannot be stated in this review's unit (another currency, or past the largest number): no amount of the review is known. */
  amountsUnknown: boolean;
}

/**
 * Every review in the archive dated before `asOf`, then this review (`asOf`, its summary's
 * figures), oldest first. Rows dated `asOf` are an earlier run of this review and rows dated
 * after it belong to later reviews: neither is in the trend. One pass over the rows already read;
 * each row's amounts are converted from the unit it states into `unit`, this review's.
 */
export function portfolioTrend(
  contents: ArchiveContents | undefined,
  asOf: number,
  portfolio: PortfolioResult,
  unit?: AmountUnit,
): TrendPoint[] {
  const byDate = new Map<number, Totals>();
  for (const e of contents?.entries ?? []) {
    if (e.date === undefined || e.date >= asOf) continue;
    let totals = byDate.get(e.date);
    if (!totals) {
      totals = {
        customers: 0,
        highGrade: 0,
        gradedExposure: 0,
        otherExposure: 0,
        exposureAtRisk: 0,
        warned: new Set(),
        amountsUnknown: false,
      };
      byDate.set(e.date, totals);
    }
    const stated = numberOrUnknown(e.line[AT.balance]);
    const overdueStated = numberOrUnknown(e.line[AT.overdueAmount]);
    const restatedBalance = stated === undefined ? undefined : restated(stated, e.unit, unit);
    const overdue = overdueStated === undefined ? undefined : restated(overdueStated, e.unit, unit);
    if ((stated !== undefined && restatedBalance === undefined) || (overdueStated !== undefined && overdue === undefined))
      totals.amountsUnknown = true;
    const balance = restatedBalance ?? 0;
    if (overdue !== undefined) totals.overdueAmount = (totals.overdueAmount ?? 0) + overdue;
    // A customer the review could not grade has no grade in the archive (its errors stopped it);
    // its balance, overdue amount and warnings need none, and count as the summary counts them.
    if (e.grade === undefined) totals.otherExposure += balance;
    else {
      totals.customers++;
      totals.gradedExposure += balance;
      if (e.grade === "high") totals.highGrade++;
    }
    if ((e.warnings?.length ?? 0) > 0) totals.warned.add(e.key);
    // At risk as a review counts it, from what its row records (see reasonAtRisk).
    if (e.key !== "" && reasonAtRisk(e.warnings?.[0], overdue, numberOrUnknown(e.line[AT.daysPastDue]), e.grade) !== undefined)
      totals.exposureAtRisk += balance;
  }
  const has = (...fields: ArchiveField[]) => fields.every((f) => contents?.fields.has(f));
  // An archive edited by hand can hold amounts whose sum passes the largest number: unknown, never Infinity.
  const sum = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? withoutSumDust(value) : undefined);
  const graded = has("grade");
  const earlier = [...byDate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([date, t]): TrendPoint => ({
      date,
      customers: graded ? t.customers : undefined,
      exposure: has("grade", "balance") && !t.amountsUnknown ? sum(t.gradedExposure + t.otherExposure) : undefined,
      highGrade: graded ? t.highGrade : undefined,
      exposureAtRisk:
        has("grade", "balance", "warnings", "overdueAmount", "daysPastDue") && !t.amountsUnknown
          ? sum(t.exposureAtRisk)
          : undefined,
      overdueAmount: t.amountsUnknown ? undefined : sum(t.overdueAmount),
      customersWithWarnings: has("grade", "warnings") ? t.warned.size : undefined,
    }));
  return [
    ...earlier,
    {
      date: asOf,
      customers: portfolio.reviewed,
      exposure: portfolio.exposure,
      highGrade: portfolio.byGrade.high,
      exposureAtRisk: portfolio.exposureAtRisk,
      overdueAmount: portfolio.overdueAmount,
      customersWithWarnings: portfolio.customersWithWarnings,
    },
  ];
}

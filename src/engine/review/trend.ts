/**
 * The portfolio over time: the summary's headline figures for every review the archive holds
 * before this one, and this review's own, oldest first. Each earlier review's figures are worked
 * out from what its archive rows record, by the summary's own definitions (portfolio.ts), summed
 * in the same order, so a review's figures read back from the archive are the ones its summary
 * showed, whichever version of the review wrote them.
 *
 * The trend's amounts are in one currency, as every total is (total-currencies.ts): an archive
 * row states the unit its amounts were in, its own currency where its review's unit named none
 * (rowUnit). An earlier review whose amounts are in two currencies has no amount added up, as its
 * summary had none, and one whose amounts are all in another currency than this review's is not
 * set beside them; each says why (AmountNotAdded).
 */
import { CurrencyMark, currencyMarkText, numberOrUnknown, sameCurrencyMark } from "../cells";
import { dateText, Lang, message } from "../i18n";
import { OneCurrency } from "../one-currency";
import { withoutSumDust } from "../precision";
import { ARCHIVE_COLUMNS, ARCHIVE_FIELDS, ArchiveContents, ArchiveField } from "./archive";
import { reasonAtRisk } from "./portfolio";
import type { CustomerResult, PortfolioResult } from "./review";
import { FIELD_LABELS } from "./fields";
import { amountPlaceText, labelled, totalInTwoCurrenciesText, totalNotAddedText } from "./texts";
import {
  customerCurrencies,
  overdueCurrency,
  PlacedCurrency,
  ReceivableCurrencies,
  TotalCurrency,
  TotalInTwoCurrencies,
} from "./total-currencies";
import { AmountUnit, restated, RowUnits, sameCurrency } from "./units";
import "../i18n/report";

/** The amounts a trend point adds up, as PortfolioResult names them. */
export const TREND_AMOUNTS = ["exposure", "exposureAtRisk", "overdueAmount"] as const;
export type TrendAmount = (typeof TREND_AMOUNTS)[number];

/**
 * Why a point's amount is not given for its currencies: its amounts are in two (`twoCurrencies`,
 * a row or, for an earlier review, a customer of each named), or all in `currency`, another than
 * this review's, `trendCurrency` (`otherCurrency`): no rate is known either way.
 */
export type AmountNotAdded =
  | { readonly kind: "twoCurrencies"; readonly amounts: TotalInTwoCurrencies }
  | { readonly kind: "otherCurrency"; readonly amounts: PlacedCurrency; readonly trendCurrency: CurrencyMark };

/**
 * One review's portfolio figures, its amounts in this review's unit. A figure is undefined when
 * that review's archive rows cannot tell it: a column the archive lacks, no overdue amount known
 * for any customer (never 0), or amounts in two currencies or in another currency than this
 * review's (notAdded says which).
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
  /** The amounts not given for their currencies, each with why; absent when none is. */
  readonly notAdded?: Readonly<Partial<Record<TrendAmount, AmountNotAdded>>>;
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

/** The trend's figures in trendHeaders' order after the date. */
export const TREND_FIGURES = [
  "exposure",
  "exposureAtRisk",
  "overdueAmount",
  "customers",
  "highGrade",
  "customersWithWarnings",
] as const satisfies readonly (keyof TrendPoint)[];
export type TrendFigure = (typeof TREND_FIGURES)[number];

/**
 * The currency each of the trend's amounts is in, where the portfolio says its totals'
 * (PortfolioResult.totalCurrencies: some total is in two currencies): the trend sets earlier
 * reviews' amounts beside this review's only in its currencies, so its totals' are the trend's.
 * Undefined otherwise: the trend's figures are then as bare as the totals.
 */
export function trendCurrencies(
  p: Pick<PortfolioResult, "totalCurrencies">,
): Readonly<Partial<Record<TrendAmount, CurrencyMark>>> | undefined {
  const said = p.totalCurrencies;
  let currencies: Partial<Record<TrendAmount, CurrencyMark>> | undefined;
  for (const amount of TREND_AMOUNTS) if (said?.[amount] !== undefined) (currencies ??= {})[amount] = said[amount];
  return currencies;
}

/**
 * Each of the trend's amounts' currency once, its figures named as the table heads them and those
 * in one currency together: "Exposure, At risk EUR; Overdue amount USD" (trendCurrencies), said
 * under the table as the summary's "Amounts in" (trendCurrenciesLine); undefined when the totals
 * say none.
 */
export function trendCurrenciesText(p: Pick<PortfolioResult, "totalCurrencies">, lang: Lang): string | undefined {
  const currencies = trendCurrencies(p);
  if (currencies === undefined) return undefined;
  const headers = trendHeaders(lang).slice(1);
  const byCurrency = new Map<CurrencyMark, string[]>();
  TREND_AMOUNTS.forEach((amount) => {
    const currency = currencies[amount];
    if (currency === undefined) return;
    const header = headers[TREND_FIGURES.indexOf(amount)];
    const figures = byCurrency.get(currency);
    if (figures) figures.push(header);
    else byCurrency.set(currency, [header]);
  });
  const groups = [...byCurrency].map(([currency, figures]) =>
    message(lang, "trend.amountsIn", { figures: figures.join(message(lang, "sep.list")), currency: currencyMarkText(currency) }),
  );
  return groups.join(message(lang, "sep.items"));
}

/** Under a printed trend table: "Amounts in: Exposure, At risk EUR; Overdue amount USD" (trendCurrenciesText). */
export function trendCurrenciesLine(p: Pick<PortfolioResult, "totalCurrencies">, lang: Lang): string | undefined {
  const text = trendCurrenciesText(p, lang);
  return text === undefined ? undefined : labelled(message(lang, "summary.amountUnit"), text, lang);
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
  /** True when a row's amount passes the largest number in this review's unit: no amount of the review is known. */
  amountsUnknown: boolean;
  /** The currency of each amount it adds, where its rows state one: its amounts by the archive's rows (1-based). */
  currencies?: Record<TrendAmount, TotalCurrency>;
}

/** The currencies a review's amounts are in: its balances' (`amounts`) and its overdue amounts' (`overdue`). */
export interface TrendCurrencies {
  readonly amounts?: CurrencyMark;
  readonly overdue?: CurrencyMark;
}

/**
 * The currencies this review's amounts are in, as the trend sets earlier reviews' beside them:
 * its balances' (`amounts`: its unit's, else the one its rows' own currencies name, rowUnit) and
 * its overdue amounts' (`overdue`: the same, but where a ledger's invoices name another,
 * RowUnits.overdue); each undefined when they name none or two.
 */

export function reviewCurrencies(
  customers: readonly CustomerResult[],
  unit: AmountUnit | undefined,
  receivables: ReceivableCurrencies | undefined,
  ledgerRead: boolean,
): TrendCurrencies {
  // A unit naming a currency holds every row's amounts in it (RowUnits.row): only a ledger's invoices can name another.
  if (unit?.currency !== undefined && !ledgerRead) return { amounts: unit.currency, overdue: unit.currency };
  const units = new RowUnits(unit);
  const amounts = new OneCurrency();
  const overdue = new OneCurrency();
  let amountsInTwo = false;
  let overdueInTwo = false;
  for (const c of customers) {
    const currencies = customerCurrencies(c, receivables);
    if (currencies === undefined && c.ledgerCurrency === undefined) continue;
    const row = units.row(currencies);
    amountsInTwo ||= amounts.join("", row?.currency) !== undefined;
    // An overdue amount of 0 is in any currency, as the portfolio's total takes it (a customer the ledger does not bill).
    if (c.overdueAmount)
      overdueInTwo ||= overdue.join("", units.overdue(row, overdueCurrency(c, receivables))?.currency) !== undefined;
  }
  const one = (total: OneCurrency, inTwo: boolean) => (inTwo ? undefined : (total.mark ?? unit?.currency));
  return { amounts: one(amounts, amountsInTwo), overdue: one(overdue, overdueInTwo) };
}

/**
 * Every review in the archive dated before `asOf`, then this review (`asOf`, its summary's
 * figures), oldest first. Rows dated `asOf` are an earlier run of this review and rows dated
 * after it belong to later reviews: neither is in the trend. One pass over the rows already read;
 * each row's amounts are converted from the unit it states into `unit`, this review's, whose
 * amounts are in `currencies` (reviewCurrencies); its overdue amount from the unit it states for
 * that (an invoice ledger's currency), into this review's overdue amounts' currency.
 */
export function portfolioTrend(
  contents: ArchiveContents | undefined,
  asOf: number,
  portfolio: PortfolioResult,
  unit?: AmountUnit,
  currencies: TrendCurrencies = { amounts: unit?.currency, overdue: unit?.currency },
): TrendPoint[] {
  // This review's overdue amounts' unit: another currency than its unit's where its ledger bills in one.
  const overdueUnit = new RowUnits(unit).overdue(unit, currencies.overdue);
  const byDate = new Map<number, Totals>();
  /** The customers of the archive's rows whose units name a currency, by row (1-based): each reason names customers, not rows of a sheet since changed. */
  const customers = new Map<number, string>();
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
    // Amounts in another currency than this review's stand as they are: not converted, and not shown (notAdded).
    const converted = (value: number | undefined, from: AmountUnit | undefined, to: AmountUnit | undefined) =>
      value === undefined || (from !== undefined && to !== undefined && !sameCurrency(from, to))
        ? value
        : restated(value, from, to);
    const restatedBalance = converted(stated, e.unit, unit);
    const overdue = converted(overdueStated, e.overdueUnit, overdueUnit);
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
    const atRisk =
      e.key !== "" && reasonAtRisk(e.warnings?.[0], overdue, numberOrUnknown(e.line[AT.daysPastDue]), e.grade) !== undefined;
    if (atRisk) totals.exposureAtRisk += balance;
    const rowCurrency = e.unit?.currency;
    const overdueIn = e.overdueUnit?.currency;
    if (rowCurrency !== undefined || overdueIn !== undefined) {
      const row = e.row + 1;
      customers.set(row, e.name || e.id);
      const c = (totals.currencies ??= {
        exposure: new TotalCurrency(),
        exposureAtRisk: new TotalCurrency(),
        overdueAmount: new TotalCurrency(),
      });
      c.exposure.addAmount(stated, rowCurrency, "balances", row);
      if (atRisk) c.exposureAtRisk.addAmount(stated, rowCurrency, "balances", row);
      c.overdueAmount.addAmount(overdueStated, overdueIn, "overdueAmounts", row);
    }
  }
  const has = (...fields: ArchiveField[]) => fields.every((f) => contents?.fields.has(f));
  // An archive edited by hand can hold amounts whose sum passes the largest number: unknown, never Infinity.
  const sum = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? withoutSumDust(value) : undefined);
  const graded = has("grade");
  const placed = (at: PlacedCurrency): PlacedCurrency => ({ ...at, customer: customers.get(at.row) });
  const notAddedOf = (t: Totals) => {
    let found: Partial<Record<TrendAmount, AmountNotAdded>> | undefined;
    for (const amount of TREND_AMOUNTS) {
      const total = t.currencies?.[amount];
      const two = total?.twoCurrencies;
      const one = total?.currency;
      const currency = amount === "overdueAmount" ? currencies.overdue : currencies.amounts;
      if (two)
        (found ??= {})[amount] = { kind: "twoCurrencies", amounts: { first: placed(two.first), second: placed(two.second) } };
      else if (one && currency !== undefined && !sameCurrencyMark(one.currency, currency))
        (found ??= {})[amount] = { kind: "otherCurrency", amounts: placed(one), trendCurrency: currency };
    }
    return found;
  };
  const earlier = [...byDate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([date, t]): TrendPoint => {
      const notAdded = notAddedOf(t);
      const shown = (amount: TrendAmount, value: number | undefined) =>
        notAdded?.[amount] || t.amountsUnknown ? undefined : sum(value);
      return {
        date,
        customers: graded ? t.customers : undefined,
        exposure: has("grade", "balance") ? shown("exposure", t.gradedExposure + t.otherExposure) : undefined,
        highGrade: graded ? t.highGrade : undefined,
        exposureAtRisk: has("grade", "balance", "warnings", "overdueAmount", "daysPastDue")
          ? shown("exposureAtRisk", t.exposureAtRisk)
          : undefined,
        overdueAmount: shown("overdueAmount", t.overdueAmount),
        customersWithWarnings: has("grade", "warnings") ? t.warned.size : undefined,
        ...(notAdded && { notAdded }),
      };
    });
  const two = portfolio.twoCurrencies;
  const notAddedNow: Partial<Record<TrendAmount, AmountNotAdded>> = {};
  for (const amount of TREND_AMOUNTS) if (two?.[amount]) notAddedNow[amount] = { kind: "twoCurrencies", amounts: two[amount] };
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
      ...(Object.keys(notAddedNow).length > 0 && { notAdded: notAddedNow }),
    },
  ];
}

/**
 * Why a trend point's figure is not given: its amounts' currencies (notAdded), this review's own
 * reason (a column the sheet lacks, no overdue data: as the summary says it), or, for an earlier
 * review, that its archive rows do not hold it. `now`: the point is this review's.
 */
export function trendGapText(
  point: TrendPoint,
  figure: TrendFigure,
  result: Parameters<typeof totalNotAddedText>[1],
  now: boolean,
  lang: Lang,
): string {
  const notAdded = point.notAdded?.[figure as TrendAmount];
  if (notAdded?.kind === "twoCurrencies")
    return message(lang, "summary.notAdded", { why: totalInTwoCurrenciesText(notAdded.amounts, lang) });
  if (notAdded?.kind === "otherCurrency")
    return message(lang, "trend.otherCurrency", {
      mark: notAdded.amounts.currency,
      place: amountPlaceText(notAdded.amounts, lang),
      otherMark: notAdded.trendCurrency,
    });
  if (!now) return message(lang, "trend.unknown");
  const total = (TREND_AMOUNTS as readonly string[]).includes(figure) ? (figure as TrendAmount) : undefined;
  return (total && totalNotAddedText(total, result, lang)) ?? message(lang, "summary.notAvailable");
}

/**
 * Under a trend table: for each figure not given (printed "n/a", blank on the summary sheet), which and why, the figures
 * of one reason together, and the reviews of the same figures and reason on one line, so a column
 * no review had adds one line, not one a month: "Exposure, At risk on 2026-12-31: n/a (balances
 * in USD, e.g. row 2, and EUR, e.g. row 3; no rate is known to add them)".
 */
export function trendGapLines(
  shown: readonly TrendPoint[],
  result: Parameters<typeof totalNotAddedText>[1] & { readonly asOf: number },
  lang: Lang,
): string[] {
  const headers = trendHeaders(lang).slice(1);
  const gaps = new Map<string, { figures: string[]; why: string; dates: string[] }>();
  for (const point of shown) {
    const byWhy = new Map<string, string[]>();
    TREND_FIGURES.forEach((figure, i) => {
      if (point[figure] !== undefined) return;
      const why = trendGapText(point, figure, result, point.date === result.asOf, lang);
      const figures = byWhy.get(why);
      if (figures) figures.push(headers[i]);
      else byWhy.set(why, [headers[i]]);
    });
    for (const [why, figures] of byWhy) {
      const key = `${figures.join("\n")}\n${why}`;
      const gap = gaps.get(key);
      if (gap) gap.dates.push(dateText(point.date, lang));
      else gaps.set(key, { figures, why, dates: [dateText(point.date, lang)] });
    }
  }
  const list = (items: readonly string[]) => items.join(message(lang, "sep.list"));
  return [...gaps.values()].map((gap) =>
    message(lang, "trend.missing", { figures: list(gap.figures), date: list(gap.dates), why: gap.why }),
  );
}

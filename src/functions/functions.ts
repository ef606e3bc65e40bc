/*
 * The CREDIT.* custom functions as Excel sees them. custom-functions-metadata-plugin
 * reads the JSDoc below into functions.json (ids, names, help) and appends the
 * CustomFunctions.associate calls, so each body only forwards to the library.
 * Ids are stored in users' workbooks: never rename one.
 * Parameters are typed `any` so that Excel hands over what the cell holds (text
 * numbers, blanks, booleans) and params.ts decides, instead of Excel failing first.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { resolveLang } from "../engine/i18n";
import { setErrorLanguage } from "./excel-errors";
import { CREDIT_FUNCTIONS, setLabelLanguage } from "./library";

/**
 * Weighted 1–5 credit-risk score (1 = low risk) of five factor scores: payment history, contract performance, industry risk, market reputation, compliance record. An n×5 range gives one score per row.
 * @customfunction SCORE SCORE
 * @param {any[][]} factors Factor scores 1–5 in the order payment history, contract performance, industry risk, market reputation, compliance record: one row of 5 per customer. Entirely blank rows are skipped.
 * @param {any[][]} [weights] Five weights in the same order, as fractions or percents, in cells or as text like "30,25,20,15,10"; normalised. Default 30%, 25%, 20%, 15%, 10%.
 * @returns {any[][]} One risk score per row of factors; an empty cell for a row with no factor at all.
 */
export function score(factors: any[][], weights?: any[][]): any[][] {
  return CREDIT_FUNCTIONS.SCORE(factors, weights);
}

/**
 * Risk grade of a 1–5 score: "low", "medium" or "high".
 * @customfunction GRADE GRADE
 * @param {any} score Risk score from 1 to 5.
 * @param {any} [mediumFrom] Score at which medium risk starts. Default 2.5.
 * @param {any} [highFrom] Score at which high risk starts. Default 3.5.
 * @returns {string} low, medium or high.
 */
export function grade(score: any, mediumFrom?: any, highFrom?: any): string {
  return CREDIT_FUNCTIONS.GRADE(score, mediumFrom, highFrom);
}

/**
 * Altman Z-score: "private" (Z′, default, as the review scores a customer whose row names no model), "public" (1968 model), "nonmanufacturing" (Z″, no sales) or "emerging" (Z″-EM). All amounts in one currency and unit.
 * @customfunction ZSCORE ZSCORE
 * @param {any} workingCapital Current assets minus current liabilities.
 * @param {any} retainedEarnings Retained earnings.
 * @param {any} ebit Earnings before interest and taxes.
 * @param {any} equity Market value of equity (public model) or book equity (other models).
 * @param {any} sales Sales (revenue); must not be negative. The nonmanufacturing and emerging models do not use it: there it may be blank and is not read.
 * @param {any} totalAssets Total assets; must be greater than 0.
 * @param {any} totalLiabilities Total liabilities; must be greater than 0.
 * @param {any} [model] public, private, nonmanufacturing or emerging. Default private.
 * @returns {number} The Z-score.
 */
export function zscore(
  workingCapital: any,
  retainedEarnings: any,
  ebit: any,
  equity: any,
  sales: any,
  totalAssets: any,
  totalLiabilities: any,
  model?: any,
): number {
  return CREDIT_FUNCTIONS.ZSCORE(workingCapital, retainedEarnings, ebit, equity, sales, totalAssets, totalLiabilities, model);
}

/**
 * Zone of an Altman Z-score under its model (the review's default, private, unless named): "safe", "grey" or "distress".
 * @customfunction ZONE ZONE
 * @param {any} z The Z-score.
 * @param {any} [model] public, private, nonmanufacturing or emerging. Default private.
 * @returns {string} safe, grey or distress.
 */
export function zone(z: any, model?: any): string {
  return CREDIT_FUNCTIONS.ZONE(z, model);
}

/**
 * Receivables aging: what is still owed per bucket of days past due (Current, 1–30, 31–60, 61–90, 91+ by default), as one row. Without customers the range is read as one customer's invoices: a credit note settles the oldest amounts owed anywhere in it. With customers, each customer's credit notes settle its own oldest invoices only and the buckets add the customers' up. Credit beyond everything a customer owes shows as a negative Current.
 * @customfunction AGING AGING
 * @volatile
 * @param {any[][]} amounts What is still unpaid of each invoice (its amount less payments), in a column or any range; credit notes are negative. Blank rows are skipped.
 * @param {any[][]} dueDates Due dates (dates, not days past due), same shape as amounts. A credit note may have none; an amount owed must.
 * @param {any} [asOf] Date to age at, within a century of today. Default today.
 * @param {any[][]} [edges] Bucket edges in days, increasing, e.g. {30,60,90,120}, {365,730,1095} or the text "365,730". Default {30,60,90}.
 * @param {any[][]} [customers] The customer (id or name) of each amount, same shape as amounts, to age a ledger of several customers: each one's credit notes settle only its own invoices. Every amount must name one. Left out, the range is one customer's invoices. Default none.
 * @returns {number[][]} One row of bucket totals: Current, then one per edge, then over the last edge.
 */
export function aging(amounts: any[][], dueDates: any[][], asOf?: any, edges?: any[][], customers?: any[][]): any[][] {
  return CREDIT_FUNCTIONS.AGING(amounts, dueDates, asOf, edges, customers);
}

/**
 * Labels of the aging buckets, one row to put above CREDIT.AGING: Current, 1–30, …, 91+.
 * @customfunction AGINGLABELS AGINGLABELS
 * @param {any[][]} [edges] Bucket edges in days, as given to CREDIT.AGING ("365,730" as text is two edges). Default {30,60,90}.
 * @returns {string[][]} One row of labels.
 */
export function agingLabels(edges?: any[][]): string[][] {
  return CREDIT_FUNCTIONS.AGINGLABELS(edges);
}

/**
 * Current ratio: current assets / current liabilities.
 * @customfunction CURRENTRATIO CURRENTRATIO
 * @param {any} currentAssets Current assets; must not be negative.
 * @param {any} currentLiabilities Current liabilities; must be greater than 0.
 * @returns {number} The current ratio.
 */
export function currentRatio(currentAssets: any, currentLiabilities: any): number {
  return CREDIT_FUNCTIONS.CURRENTRATIO(currentAssets, currentLiabilities);
}

/**
 * Quick ratio: (current assets − inventory) / current liabilities.
 * @customfunction QUICKRATIO QUICKRATIO
 * @param {any} currentAssets Current assets; must not be negative.
 * @param {any} inventory Inventory, a part of current assets: not negative, and not more than current assets.
 * @param {any} currentLiabilities Current liabilities; must be greater than 0.
 * @returns {number} The quick ratio.
 */
export function quickRatio(currentAssets: any, inventory: any, currentLiabilities: any): number {
  return CREDIT_FUNCTIONS.QUICKRATIO(currentAssets, inventory, currentLiabilities);
}

/**
 * Debt ratio: total liabilities / total assets.
 * @customfunction DEBTRATIO DEBTRATIO
 * @param {any} totalLiabilities Total liabilities; must not be negative.
 * @param {any} totalAssets Total assets; must be greater than 0.
 * @returns {number} The debt ratio (0.7 = 70%).
 */
export function debtRatio(totalLiabilities: any, totalAssets: any): number {
  return CREDIT_FUNCTIONS.DEBTRATIO(totalLiabilities, totalAssets);
}

/**
 * Interest coverage: EBIT / interest expense.
 * @customfunction COVERAGE COVERAGE
 * @param {any} ebit Earnings before interest and taxes.
 * @param {any} interestExpense Interest expense; must be greater than 0.
 * @returns {number} Times interest is covered.
 */
export function coverage(ebit: any, interestExpense: any): number {
  return CREDIT_FUNCTIONS.COVERAGE(ebit, interestExpense);
}

/**
 * Days sales outstanding: receivables / sales × days in the period.
 * @customfunction DSO DSO
 * @param {any} receivables Accounts receivable at the end of the period; must not be negative.
 * @param {any} sales Credit sales of the period; must be greater than 0.
 * @param {any} [days] Days in the period the sales are for: 90 for a quarter's. Default 365.
 * @returns {number} Days sales outstanding.
 */
export function daysSalesOutstanding(receivables: any, sales: any, days?: any): number {
  return CREDIT_FUNCTIONS.DSO(receivables, sales, days);
}

/**
 * Recommended credit limit under the default policy: ×0.5 for high risk, ×1.0 for medium, ×1.1 for low risk without warnings (×1.0 with).
 * @customfunction LIMIT LIMIT
 * @param {any} currentLimit The customer's current credit limit.
 * @param {any} score Risk score from 1 to 5.
 * @param {any} [hasWarnings] TRUE when the customer has a warning, money overdue, data to fix or no balance to check: the review then keeps the limit rather than raise it. Default FALSE.
 * @returns {number} The recommended credit limit.
 */
export function limit(currentLimit: any, score: any, hasWarnings?: any): number {
  return CREDIT_FUNCTIONS.LIMIT(currentLimit, score, hasWarnings);
}

/**
 * Next review date: 1 month after asOf for high risk, 3 months for medium and low; asOf itself when the customer must be re-assessed now (its score up more than 1 point since previousScore, or a high-risk customer with negative news within the last month).
 * @customfunction NEXTREVIEW NEXTREVIEW
 * @volatile
 * @param {any} score Risk score from 1 to 5.
 * @param {any} [asOf] Date of this review, within a century of today. Default today.
 * @param {any} [previousScore] The customer's risk score at the last review, from 1 to 5. Default none.
 * @param {any} [newsDate] Date of the customer's latest negative news, on or before asOf (news after it is refused: the review does not count it), within a century of asOf. Default none.
 * @returns {number} The next review date as a date serial (format the cell as a date).
 */
export function nextReview(score: any, asOf?: any, previousScore?: any, newsDate?: any): number {
  return CREDIT_FUNCTIONS.NEXTREVIEW(score, asOf, previousScore, newsDate);
}

// Error texts and labels follow Office's display language. Outside Office (tests) there is no Office global.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => {
    const lang = resolveLang(Office.context?.displayLanguage);
    setErrorLanguage(lang);
    setLabelLanguage(lang);
  });
}

/**
 * The warning triggers, as a table: each check says which columns it needs (so a missing
 * column switches it off by name) and how it compares a customer's figure with its policy
 * threshold. The policy's responses to the warnings are in decisions.ts.
 */
import { addMonths } from "../cells";
import { CreditError } from "../errors";
import { Grade, Policy } from "../policy";
import { ZZone } from "../zscore";
import { InputField } from "./fields";

export const WARNING_CODES = [
  "SCORE_RISE",
  "OVERDUE_SHARE",
  "NEGATIVE_NEWS",
  "OVER_LIMIT",
  "OVERDUE_90",
  "Z_DISTRESS",
  "LIQUIDITY",
  "LEVERAGE",
  "COVERAGE",
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * How serious each warning is, most serious first: money already late or beyond its limit, then
 * the signals that it may not pay (news, a rising score, distress), then the balance-sheet ratios.
 * Which finding a top risk is listed for when it has several, and which financial warning the
 * review of the statements names: the same customer gives the same reason in both. A record, so a
 * new warning cannot be left out.
 */
export const SERIOUSNESS: Readonly<Record<WarningCode, number>> = {
  OVERDUE_90: 0,
  OVER_LIMIT: 1,
  NEGATIVE_NEWS: 2,
  SCORE_RISE: 3,
  Z_DISTRESS: 4,
  COVERAGE: 5,
  LIQUIDITY: 6,
  LEVERAGE: 7,
  OVERDUE_SHARE: 8,
};

/** The portfolio's one warning, on the share of customers overdue: no customer carries it. */
export type PortfolioWarningCode = "OVERDUE_SHARE";
/** The warnings a customer carries: what its row, its archive row and the counts per warning hold. */
export type CustomerWarningCode = Exclude<WarningCode, PortfolioWarningCode>;
export const CUSTOMER_WARNING_CODES = WARNING_CODES.filter((code): code is CustomerWarningCode => code !== "OVERDUE_SHARE");

/**
 * What a warning's figure is held against: a policy setting, or a figure of the customer's own
 * row (its credit limit; its Z model's distress line, the setting's model when the row names none).
 * Written down for a reader of the archive's codes (the policy sheet's legend); the checks below
 * and the portfolio's compare with these.
 */
export type WarningThreshold =
  { readonly setting: keyof Policy } | { readonly column: InputField; readonly otherwise?: keyof Policy };

export const WARNING_THRESHOLDS: Readonly<Record<WarningCode, WarningThreshold>> = {
  SCORE_RISE: { setting: "scoreRise" },
  OVERDUE_SHARE: { setting: "overdueShare" },
  NEGATIVE_NEWS: { setting: "newsMonths" },
  OVER_LIMIT: { column: "creditLimit" },
  OVERDUE_90: { setting: "overdueDays" },
  Z_DISTRESS: { column: "zModel", otherwise: "defaultZModel" },
  LIQUIDITY: { setting: "minCurrentRatio" },
  LEVERAGE: { setting: "maxDebtRatio" },
  COVERAGE: { setting: "minInterestCoverage" },
};

/**
 * Which side of its threshold a warning's figure is on when it fires: above it, below it, or (a
 * news date) on or after the first day of the look-back. Shown between the two in a warning's
 * short form, "Low liquidity (0.85 < 1.00)".
 */
export const WARNING_SIDE: Readonly<Record<WarningCode, ">" | "<" | "≥">> = {
  SCORE_RISE: ">",
  OVERDUE_SHARE: ">",
  NEGATIVE_NEWS: "≥",
  OVER_LIMIT: ">",
  OVERDUE_90: ">",
  Z_DISTRESS: "<",
  LIQUIDITY: "<",
  LEVERAGE: ">",
  COVERAGE: "<",
};

/** How a figure is shown next to its threshold. */
export type FigureFormat = "score" | "money" | "days" | "ratio" | "percent" | "date" | "z";

export interface Finding {
  readonly code: WarningCode;
  readonly value: number;
  readonly threshold: number;
  readonly format: FigureFormat;
  /**
   * A score's rise only: the previous score and today's (as shown), and the date of the review
   * that scored it before (undefined: the sheet's Previous score column gave it), so the rise
   * reads "from 1.95 to 4.00 since 2026-10-31", not a bare difference.
   */
  readonly from?: number;
  readonly to?: number;
  readonly since?: number;
}

/**
 * What the checks know of one customer; undefined where the sheet has no figure. A customer whose
 * factors could not be read has no score or grade: the checks that need them (SCORE_RISE,
 * NEGATIVE_NEWS) do not fire for it, and every other check runs on its figures as usual.
 */
export interface CustomerFacts {
  readonly score?: number;
  readonly grade?: Grade;
  readonly previousScore?: number;
  /** The date of the archived review that gave the previous score; undefined when the sheet's column gave it. */
  readonly previousScoreDate?: number;
  readonly creditLimit?: number;
  readonly balance?: number;
  readonly overdueAmount?: number;
  readonly daysPastDue?: number;
  readonly negativeNewsDate?: number;
  readonly zScore?: number;
  readonly zZone?: ZZone;
  readonly zDistressBelow?: number;
  readonly currentRatio?: number;
  readonly debtRatio?: number;
  readonly interestCoverage?: number;
}

export interface CustomerCheck {
  readonly code: CustomerWarningCode;
  /** Each inner list is one way to have the data: the check runs if all fields of any one list are present. */
  readonly needs: readonly (readonly (InputField | "archive" | "ledger")[])[];
  evaluate(facts: CustomerFacts, policy: Policy, asOf: number): Finding | undefined;
}

/**
 * A score at two decimals, as the review shows it away from a band's edge (scoreDecimals): rises
 * and changes are compared on these figures, so a rise of exactly the threshold reads as one.
 */
export function shownScore(score: number): number {
  return Math.round(score * 100) / 100;
}

export const Z_FIELDS: readonly InputField[] = [
  "currentAssets",
  "currentLiabilities",
  "retainedEarnings",
  "ebit",
  "equity",
  "totalAssets",
  "totalLiabilities",
];

/** The rise from `previous` to `score` as SCORE_RISE measures it (the figures shown), when past the policy's threshold. */
export function scoreRisePast(score: number, previous: number, policy: Pick<Policy, "scoreRise">): number | undefined {
  const rise = shownScore(shownScore(score) - shownScore(previous));
  return rise > policy.scoreRise + 1e-9 ? rise : undefined;
}

/** The first day of the negative-news look-back: news on or after it, up to the review date, warns. */
export function newsSince(asOf: number, policy: Pick<Policy, "newsMonths">): number {
  return addMonths(asOf, -policy.newsMonths);
}

/**
 * Why negative news dated after the review date is not counted (NEGATIVE_NEWS reads news up to
 * it): said rather than passed over, by the review at the customer's cell and by
 * CREDIT.NEXTREVIEW as its error. `reviewDate` names the review date: "review" (the review
 * date), or the argument that holds it ("asOf"). Undefined for news on or before it.
 */
export function newsAfterReview(newsDate: number | undefined, asOf: number, reviewDate: string): CreditError | undefined {
  return newsDate !== undefined && newsDate > asOf
    ? new CreditError("value", "note.newsAfterReview", {
        date: newsDate,
        other: reviewDate,
        asOf,
        // The review goes on without the news; a function's answer would pass it over, so it says what to give it.
        then: reviewDate === "review" ? "review" : "argument",
      })
    : undefined;
}

export const CUSTOMER_CHECKS: readonly CustomerCheck[] = [
  {
    code: "SCORE_RISE",
    needs: [["previousScore"], ["archive"]],
    // Compared as the figures shown (two decimals): a rise of exactly the threshold does not fire.
    evaluate: (f, p) => {
      if (f.score === undefined || f.previousScore === undefined) return undefined;
      const rise = scoreRisePast(f.score, f.previousScore, p);
      if (rise === undefined) return undefined;
      return {
        code: "SCORE_RISE",
        value: rise,
        threshold: p.scoreRise,
        format: "score",
        from: shownScore(f.previousScore),
        to: shownScore(f.score),
        since: f.previousScoreDate,
      };
    },
  },
  {
    code: "NEGATIVE_NEWS",
    needs: [["negativeNewsDate"]],
    // Only a high-risk customer's news is a warning: a customer without a grade waits for its data fix.
    evaluate: (f, p, asOf) => {
      if (f.grade !== "high" || f.negativeNewsDate === undefined) return undefined;
      const since = newsSince(asOf, p);
      return f.negativeNewsDate >= since && f.negativeNewsDate <= asOf
        ? { code: "NEGATIVE_NEWS", value: f.negativeNewsDate, threshold: since, format: "date" }
        : undefined;
    },
  },
  {
    code: "OVER_LIMIT",
    needs: [["creditLimit", "balance"]],
    evaluate: (f) =>
      f.creditLimit !== undefined && f.balance !== undefined && f.balance > f.creditLimit
        ? { code: "OVER_LIMIT", value: f.balance, threshold: f.creditLimit, format: "money" }
        : undefined,
  },
  {
    code: "OVERDUE_90",
    needs: [["daysPastDue"], ["ledger"]],
    evaluate: (f, p) =>
      f.daysPastDue !== undefined && f.daysPastDue > p.overdueDays && (f.overdueAmount === undefined || f.overdueAmount > 0)
        ? { code: "OVERDUE_90", value: f.daysPastDue, threshold: p.overdueDays, format: "days" }
        : undefined,
  },
  {
    code: "Z_DISTRESS",
    needs: [Z_FIELDS],
    evaluate: (f) =>
      f.zZone === "distress" && f.zScore !== undefined && f.zDistressBelow !== undefined
        ? { code: "Z_DISTRESS", value: f.zScore, threshold: f.zDistressBelow, format: "z" }
        : undefined,
  },
  {
    code: "LIQUIDITY",
    needs: [["currentAssets", "currentLiabilities"]],
    evaluate: (f, p) =>
      f.currentRatio !== undefined && f.currentRatio < p.minCurrentRatio
        ? { code: "LIQUIDITY", value: f.currentRatio, threshold: p.minCurrentRatio, format: "ratio" }
        : undefined,
  },
  {
    code: "LEVERAGE",
    needs: [["totalLiabilities", "totalAssets"]],
    evaluate: (f, p) =>
      f.debtRatio !== undefined && f.debtRatio > p.maxDebtRatio
        ? { code: "LEVERAGE", value: f.debtRatio, threshold: p.maxDebtRatio, format: "percent" }
        : undefined,
  },
  {
    code: "COVERAGE",
    needs: [["ebit", "interestExpense"]],
    evaluate: (f, p) =>
      f.interestCoverage !== undefined && f.interestCoverage < p.minInterestCoverage
        ? { code: "COVERAGE", value: f.interestCoverage, threshold: p.minInterestCoverage, format: "ratio" }
        : undefined,
  },
];

/**
 * Which warnings a customer has, as one number (bit i stands for WARNING_CODES[i]): customers
 * alike in their warnings share their actions and texts under it.
 */
export function warningSet(findings: readonly Finding[]): number {
  let set = 0;
  for (let i = 0; i < findings.length; i++) set |= 1 << WARNING_CODES.indexOf(findings[i].code);
  return set;
}

export function hasWarning(set: number, code: WarningCode): boolean {
  return (set & (1 << WARNING_CODES.indexOf(code))) !== 0;
}

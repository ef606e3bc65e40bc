/**
 * What changed since the last review: each customer against its own latest archived review
 * before the as-of date (score, grade, warnings, recommended limit), and the portfolio against
 * the latest review date before it (grade migration, warnings that came and went, customers
 * added and gone, and the policy when it is not the one that review used: warnings come and go
 * with a threshold, and grades with a band, as much as with a customer's figures), and what the
 * team recorded about the last review's recommendations (responses.ts). Pure: it reads the
 * review's customers, what the archive holds and the policy history.
 */
import { CellValue, CurrencyMark, numberOrUnknown } from "../cells";
import { CreditError } from "../errors";
import { Grade, GRADES, Policy } from "../policy";
import { ARCHIVE_FIELDS, ArchiveEntry, archiveKey, EarlierReviews, versionOf } from "./archive";
import { HistoryPlace, HistoryPolicy, policyInHistory, SETTING_ROWS } from "./policy-history";
import { settingCell } from "./policy-sheet";
import type { CellFormat, PlanValue } from "./write-plan";
import type { CustomerResult } from "./review";
import { customerKey } from "../customer-key";
import { AmountUnit, AmountUnits, restated, rowUnit, RowUnits, UnitChange, unitChange } from "./units";
import { Finding, hasWarning, newsSince, shownScore, WarningCode } from "./warnings";
import { CheckNeed, checkInTwoCurrencies, missingNeeds } from "./columns";
import type { TwoCurrencies } from "./row-currencies";
import type { InputField } from "./fields";
import type { CustomerNote } from "./notes";
import type { ZZone } from "../zscore";
import { responseTally, Responses } from "./responses";
import { sameCents } from "../money";
import { customerCurrencies, overdueCurrency, ReceivableCurrencies } from "./total-currencies";

export type GradeMove = "riskier" | "safer" | "same";

/**
 * Why a warning of the last review is gone, its check having run this time: today's figure on
 * the quiet side of its threshold, or what else ended it. A credit manager reading "cleared" asks
 * whether anything was resolved: news that only aged out of the look-back was not.
 */
export type ClearedWhy =
  /** Today's figure against its threshold. */
  | { readonly kind: "figure"; readonly figure: Finding & { readonly code: FigureWarning } }
  /** The score's move since the review that scored it before (shown figures), against the rise that warns. */
  | {
      readonly kind: "score";
      readonly from: number;
      readonly to: number;
      readonly change: number;
      readonly threshold: number;
      readonly since: number;
    }
  /** The news is dated before the look-back's first day now (`since`: that day; `months`: the look-back). */
  | { readonly kind: "newsAged"; readonly date: number; readonly since: number; readonly months: number }
  /** The news is within the look-back, but the customer is no longer graded High (only a high-risk customer's news warns). */
  | { readonly kind: "notHighRisk"; readonly grade: Grade; readonly date: number }
  /** The sheet gives the customer no negative news date now. */
  | { readonly kind: "noNews" }
  /** Days past due over the threshold, but nothing is overdue (the overdue amount is 0 or less). */
  | { readonly kind: "nothingOverdue"; readonly amount: number; readonly days: number; readonly currency?: CurrencyMark }
  /** The Z-score now, out of the distress zone. */
  | { readonly kind: "zone"; readonly z: number; readonly zone: ZZone }
  /** The check ran and found nothing, with no figure to show (no current liabilities, no interest to cover). */
  | { readonly kind: "nothingFound" };

/** The warnings a figure of the customer's own clears against its threshold (ClearedWhy "figure"). */
export type FigureWarning = "OVER_LIMIT" | "OVERDUE_90" | "LIQUIDITY" | "LEVERAGE" | "COVERAGE";

export interface ClearedWarning {
  readonly code: WarningCode;
  readonly why: ClearedWhy;
}

/**
 * Why a warning of the last review was not checked this time, in the review's own words: the
 * sheet lacks a column the check needs (each way it could run, what it lacks: see missingNeeds),
 * a note of the customer's switched the check off, or a cell the check compares is blank.
 */
export type NotCheckedWhy =
  | { readonly kind: "column"; readonly missing: readonly (readonly CheckNeed[])[] }
  | { readonly kind: "currencies"; readonly columns: TwoCurrencies }
  | { readonly kind: "note"; readonly note: CustomerNote }
  | { readonly kind: "blank"; readonly fields: readonly InputField[] };

export interface NotCheckedWarning {
  readonly code: WarningCode;
  readonly why: NotCheckedWhy;
}

/** How this review ran its checks: what tells a warning gone since the last review from one not checked. */
export interface ChecksRun {
  readonly policy: Policy;
  readonly asOf: number;
  /** The checks the sheet's columns cannot support (ColumnReport.skippedChecks). */
  readonly skipped: readonly WarningCode[];
  /** The input fields the sheet has a column for. */
  readonly found: readonly InputField[];
  /** See ColumnReport.zWithoutSales. */
  readonly zWithoutSales: boolean;
  /** See ColumnReport.twoCurrencies. */
  readonly twoCurrencies: readonly TwoCurrencies[];
}

export interface CustomerChange {
  /** 1-based sheet row, as on CustomerResult. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** The name its id was last archived under, when it was another (see renamedFrom); undefined otherwise. */
  readonly previousName?: string;
  /** The id its history was archived under, when it was corrected, given ("") or taken off since (see corrected-ids.ts); undefined otherwise. */
  readonly previousId?: string;
  /** Date of the customer's previous archived review that scored it; undefined for a customer no earlier review scored. */
  readonly previousDate?: number;
  /** The archive holds earlier reviews of the customer, none of which could score it (data errors). */
  readonly neverScored: boolean;
  readonly previousScore?: number;
  /** Today's score minus the previous one, both rounded as shown. */
  readonly scoreChange?: number;
  readonly previousGrade?: Grade;
  readonly gradeMove?: GradeMove;
  /**
   * The grade moved, and the policy change alone explains it: today's factors under the last
   * review's policy (its weights and bands) get the previous grade. False when the policy is the
   * last review's or its settings are not known.
   */
  readonly gradeMoveFromPolicy: boolean;
  /**
   * Warnings today that the previous review did not have, and the other way round (empty when it
   * is not known). A warning whose check did not run for the customer this time is not cleared:
   * it is in notCheckedWarnings instead.
   */
  readonly newWarnings: readonly WarningCode[];
  /** Each with why it went. */
  readonly clearedWarnings: readonly ClearedWarning[];
  /** The previous review's warnings whose check did not run for the customer this time, and why. */
  readonly notCheckedWarnings: readonly NotCheckedWarning[];
  /**
   * Of those, the ones the policy change alone explains: today's figures would not raise the new
   * one under the last review's policy, and would still raise the cleared one.
   */
  readonly newFromPolicy: readonly WarningCode[];
  readonly clearedFromPolicy: readonly WarningCode[];
  readonly previousLimit?: number;
  /**
   * The credit limit that recommendation was held against, in this review's unit: a recommended
   * limit that moved only because the credit limit was changed by hand is no move of the review's.
   * Undefined when that review did not archive it.
   */
  readonly previousCreditLimit?: number;
  /** Recommended limit today minus the previous review's recommended limit. */
  readonly limitChange?: number;
  /**
   * The recommended limit moved, and the policy change alone explains it: today's figures under
   * the last review's policy get the previous limit. False when the policy is the last review's.
   */
  readonly limitMoveFromPolicy: boolean;
  /**
   * The last review's overdue amount for the customer, graded then or not, in this review's unit;
   * undefined when the last review did not hold the customer or did not know the amount.
   */
  readonly previousOverdue?: number;
  /**
   * The currency previousOverdue and the overdue amount now are compared in: the customer's
   * overdue amount's now (overdueCurrency), or, once it owes nothing, the one it owed in then (0
   * is 0 in any currency, and a ledger customer paid off has no invoice left to name one).
   */
  readonly overdueCurrency?: CurrencyMark;
  readonly previousDaysPastDue?: number;
  /** The last review's date, when previousOverdue is known: a review that graded the customer may be older (previousDate). */
  readonly previousOverdueDate?: number;
  /** The previous review's unit when it is not this one's: its limit converted, or (another currency) not compared. */
  readonly units?: UnitChange;
}

/** The portfolio's overdue amount at the last review and now. */
export interface OverdueTotals {
  readonly then: number;
  readonly now: number;
}

/** One policy setting the last review had otherwise: its name on the policy sheet ("maxDebtRatio", "weight.industryRisk"). */
export interface SettingChange {
  readonly setting: string;
  readonly from: PlanValue;
  readonly to: PlanValue;
  /** How the policy sheet shows the new value (a share: a percent format; a text quotes each value with its own decimals). */
  readonly format: CellFormat;
}

/** The policy of this review against the last review's, when they differ. */
export interface PolicyChange {
  readonly from: string;
  readonly to: string;
  /** Each setting that differs, in the policy sheet's order; undefined when the policy history does not hold the last review's version. */
  readonly settings?: readonly SettingChange[];
  /** Where the history holds `from` when its settings were changed by hand since (no settings compared). */
  readonly editedAt?: HistoryPlace;
}

export interface ReviewChanges {
  /** The latest archived review date before the as-of date; undefined when the archive has none. */
  readonly previousReview?: number;
  readonly customers: readonly CustomerChange[];
  /** migration[from][to]: customers whose previous grade was `from` and whose grade is now `to`. */
  readonly migration: Readonly<Record<Grade, Readonly<Record<Grade, number>>>>;
  readonly newWarnings: number;
  readonly clearedWarnings: number;
  /** How many of the last review's warnings were not checked this time (see CustomerChange.notCheckedWarnings). */
  readonly notCheckedWarnings: number;
  /** How many of the new and cleared warnings the policy change alone explains (0 when the policy is the last review's). */
  readonly newFromPolicy: number;
  readonly clearedFromPolicy: number;
  /** How many of the grade moves each way the policy change alone explains (0 when the policy is the last review's). */
  readonly riskierFromPolicy: number;
  readonly saferFromPolicy: number;
  /** The portfolio's overdue amount then and now; undefined when either review did not know it. */
  readonly overdue?: OverdueTotals;
  /** Customers on the sheet that were not in the previous review. */
  readonly added: readonly { readonly row: number; readonly id: string; readonly name: string }[];
  /** Customers in the previous review that are no longer on the sheet. */
  readonly gone: readonly { readonly id: string; readonly name: string }[];
  /** Customers on the sheet whose id an earlier review archived under another name, in sheet order. */
  readonly renamed: readonly RenamedCustomer[];
  /** Customers on the sheet whose history the archive holds under another id, corrected since, in sheet order. */
  readonly idChanged: readonly IdChangedCustomer[];
  /** Customers the last review could not grade (a data error) that this one grades, in sheet order, with their grade now. */
  readonly nowGraded: readonly GradedCustomer[];
  /** Customers the last review graded that this one cannot (a data error now), in sheet order, with their grade then. */
  readonly notGradedNow: readonly GradedCustomer[];
  /** Undefined when the last review used this review's policy (or the archive does not say which it used). */
  readonly policy?: PolicyChange;
  /** The last review's unit when it is not this one's: its amounts converted, or (another currency) not compared. */
  readonly units?: UnitChange;
  /**
   * How many customers have the balance they had at the last review, of how many whose balance
   * both reviews know, when that is nearly all of them (SAME_BALANCES_SHARE, and at least
   * SAME_BALANCES_LEAST): a customer sheet not refreshed since, or refreshed only in part, whose
   * month then reads as nothing paid and everything a month more overdue. Undefined when enough
   * balances moved or too few are known.
   */
  readonly sameBalances?: SameBalances;
  /**
   * With no earlier review of this sheet: the customer sheets the archive holds earlier reviews of
   * (a sheet renamed since starts a history of its own, and the reader is told how to carry it over).
   */
  readonly otherSheets?: readonly string[];
  /**
   * The customers the last review asked the team to act on, with the response the sheet's
   * Action taken column records (see responses.ts); undefined when it asked for no action.
   */
  readonly responses?: Responses;
}

/** A customer graded in one of two reviews only, and the grade it had in that one. */
export interface GradedCustomer {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly grade: Grade;
}

/** A customer whose history the archive holds under another id (corrected-ids.ts). */
export interface IdChangedCustomer {
  readonly row: number;
  readonly name: string;
  /** The id its latest archived review gave it. */
  readonly from: string;
  readonly to: string;
}

/**
 * The id a customer's latest archived review gave it, when the sheet now gives another (its
 * history read under the new one): "" when it had none then and has one now; its old id when it
 * has none now.
 */
export function idChangedFrom(id: string, archived: ArchiveEntry | undefined): string | undefined {
  if (!archived || archived.id === id) return undefined;
  if (id === "" || archived.id === "") return archived.id;
  return customerKey(archived.id) === customerKey(id) ? undefined : archived.id;
}

/** A customer whose id the archive holds under another name: the archive shows both from this review on. */
export interface RenamedCustomer {
  readonly row: number;
  readonly id: string;
  /** The name its latest archived review gave it. */
  readonly from: string;
  readonly to: string;
}

/**
 * The name a customer's id was last archived under, when the sheet now calls it otherwise. Names
 * are compared as customers are matched by name (customerKey: case, full- and half-width forms,
 * spaces around them), runs of spaces inside counted as one: "ACME  Ltd" for "Acme Ltd" is the
 * same name typed again, not a rename. A customer without an id is known by its name, so it
 * cannot be renamed; a name blank on either side is not a rename either.
 */
export function renamedFrom(id: string, name: string, archived: ArchiveEntry | undefined): string | undefined {
  if (id === "" || name === "" || !archived || archived.id === "" || archived.name === "") return undefined;
  // The same text, as nearly every customer's is, is told without folding either.
  if (archived.name === name) return undefined;
  return customerNameKey(archived.name) === customerNameKey(name) ? undefined : archived.name;
}

/** A customer's name as names are compared: as customers are matched (customerKey), runs of spaces inside counted as one. */
export const customerNameKey = (name: string) => customerKey(name.replace(/\s+/g, " "));

/** The customers whose grade moved this way since their previous review, in sheet order. */
export function movedCustomers(changes: ReviewChanges, move: Exclude<GradeMove, "same">): CustomerChange[] {
  return changes.customers.filter((c) => c.gradeMove === move);
}

function gradeMove(from: Grade, to: Grade): GradeMove {
  const d = GRADES.indexOf(to) - GRADES.indexOf(from);
  return d > 0 ? "riskier" : d < 0 ? "safer" : "same";
}

const NO_WARNINGS: readonly WarningCode[] = Object.freeze([]);
const NONE_CLEARED: readonly ClearedWarning[] = Object.freeze([]);
const NONE_NOT_CHECKED: readonly NotCheckedWarning[] = Object.freeze([]);

/**
 * Why a warning of the last review is not raised today, when its check did not run for the
 * customer this time; undefined when it ran. A check the sheet has no columns for, one a note of
 * the customer's switched off, one whose compared cell is blank (no note says so: a blank balance,
 * limit or days past due is not a data error) did not run, and its warning is not cleared.
 */
function notCheckedWhy(code: WarningCode, c: CustomerResult, checks: ChecksRun): NotCheckedWhy | undefined {
  if (checks.skipped.includes(code)) {
    const columns = checkInTwoCurrencies(code, checks.found, checks.twoCurrencies);
    return columns ? { kind: "currencies", columns } : { kind: "column", missing: missingNeeds(code, checks.found) };
  }
  const note = c.notes.find((n) => n.affects.includes(code));
  if (note) return { kind: "note", note };
  if (code === "OVER_LIMIT" && (c.balance === undefined || c.creditLimit === undefined)) {
    const fields: InputField[] = [];
    if (c.creditLimit === undefined) fields.push("creditLimit");
    if (c.balance === undefined) fields.push("balance");
    return { kind: "blank", fields };
  }
  if (code === "OVERDUE_90" && c.daysPastDue === undefined) return { kind: "blank", fields: ["daysPastDue"] };
  // No score to measure a rise against (neither the archive's nor the sheet's): the rise was not checked.
  if (code === "SCORE_RISE" && c.previousScore === undefined) return { kind: "blank", fields: ["previousScore"] };
  // Its model needs sales, which a sheet without the column does not give (said once for the sheet, not per customer).
  if (code === "Z_DISTRESS" && c.zScore === undefined && checks.zWithoutSales) return { kind: "column", missing: [["sales"]] };
  // Its model takes sales, which the sheet states in another currency than the Z-score's other columns (said once for the sheet).
  const salesApart = code === "Z_DISTRESS" && c.zScore === undefined ? checks.twoCurrencies.find((t) => t.withSales) : undefined;
  if (salesApart) return { kind: "currencies", columns: salesApart };
  return undefined;
}

/** Why a warning of the last review is not raised today, its check having run (see ClearedWhy). */
function clearedWhy(
  code: WarningCode,
  c: CustomerResult,
  before: ArchiveEntry,
  checks: ChecksRun,
  overdueIn: CurrencyMark | undefined,
): ClearedWhy {
  const { policy } = checks;
  const figure = (code: FigureWarning, value: number | undefined, threshold: number, format: Finding["format"]): ClearedWhy =>
    value === undefined ? { kind: "nothingFound" } : { kind: "figure", figure: { code, value, threshold, format } };
  switch (code) {
    case "SCORE_RISE":
      if (c.score === undefined || c.previousScore === undefined || before.date === undefined) return { kind: "nothingFound" };
      return {
        kind: "score",
        from: shownScore(c.previousScore),
        to: shownScore(c.score),
        change: shownScore(shownScore(c.score) - shownScore(c.previousScore)),
        threshold: policy.scoreRise,
        since: before.date,
      };
    case "NEGATIVE_NEWS": {
      const date = c.negativeNewsDate;
      if (date === undefined) return { kind: "noNews" };
      const since = newsSince(checks.asOf, policy);
      if (date < since) return { kind: "newsAged", date, since, months: policy.newsMonths };
      if (c.grade !== undefined && c.grade !== "high") return { kind: "notHighRisk", grade: c.grade, date };
      return { kind: "nothingFound" };
    }
    case "OVER_LIMIT":
      return c.balance === undefined || c.creditLimit === undefined
        ? { kind: "nothingFound" }
        : figure(code, c.balance, c.creditLimit, "money");
    case "OVERDUE_90":
      // Late, but nothing left to pay (credits settled it): the warning needs an amount overdue.
      if (
        c.daysPastDue !== undefined &&
        c.daysPastDue > policy.overdueDays &&
        c.overdueAmount !== undefined &&
        c.overdueAmount <= 0
      )
        return { kind: "nothingOverdue", amount: c.overdueAmount, days: c.daysPastDue, currency: overdueIn };
      return figure(code, c.daysPastDue, policy.overdueDays, "days");
    case "Z_DISTRESS":
      return c.zScore === undefined || c.zZone === undefined
        ? { kind: "nothingFound" }
        : { kind: "zone", z: c.zScore, zone: c.zZone };
    case "LIQUIDITY":
      return figure(code, c.ratios.currentRatio, policy.minCurrentRatio, "ratio");
    case "LEVERAGE":
      return figure(code, c.ratios.debtRatio, policy.maxDebtRatio, "percent");
    case "COVERAGE":
      return figure(code, c.ratios.interestCoverage, policy.minInterestCoverage, "ratio");
    case "OVERDUE_SHARE":
      return { kind: "nothingFound" };
  }
}

/** The fewest unchanged balances said to be the last review's: a handful of dormant accounts is no sign of a sheet left as it was. */
export const SAME_BALANCES_LEAST = 5;

/**
 * The share of the balances both reviews know that, left as the last review found them, reads as
 * a sheet not refreshed (or refreshed for a few customers only): in a month's trading most
 * balances move, and a sheet refreshed for one customer in forty is still last month's.
 */
export const SAME_BALANCES_SHARE = 0.9;

/** The balances left as the last review found them, of those both reviews know. */
export interface SameBalances {
  readonly unchanged: number;
  readonly compared: number;
}

function sameBalances(unchanged: number, compared: number): SameBalances | undefined {
  return unchanged >= SAME_BALANCES_LEAST && unchanged >= compared * SAME_BALANCES_SHARE ? { unchanged, compared } : undefined;
}

const BALANCE_AT = ARCHIVE_FIELDS.indexOf("balance");
const CREDIT_LIMIT_AT = ARCHIVE_FIELDS.indexOf("creditLimit");
const OVERDUE_AT = ARCHIVE_FIELDS.indexOf("overdueAmount");
const DAYS_PAST_DUE_AT = ARCHIVE_FIELDS.indexOf("daysPastDue");

/** The unit and currency a customer's overdue amount then and now are compared in (CustomerChange.overdueCurrency). */
interface OverdueIn {
  readonly unit: AmountUnit | undefined;
  readonly currency: CurrencyMark | undefined;
}

/**
 * Its overdue amount's own unit then and now: a ledger's invoices can be in another currency than
 * its row. A customer that owes nothing now is compared in the currency it owed in then, at this
 * review's scale: nothing is owed in any currency, so a paid-off customer's drop is no amount in
 * another currency, and its invoices, all paid, name none today.
 */
function overdueCompared(
  c: CustomerResult,
  row: AmountUnit | undefined,
  inLast: ArchiveEntry | undefined,
  rowUnits: RowUnits,
  sheet: ReceivableCurrencies | undefined,
): OverdueIn {
  const owedThen = inLast?.overdueUnit?.currency;
  if (owedThen !== undefined && c.overdueAmount !== undefined && sameCents(c.overdueAmount, 0))
    return { unit: rowUnits.overdue(row, owedThen), currency: owedThen };
  const currency = overdueCurrency(c, sheet);
  return { unit: rowUnits.overdue(row, currency), currency };
}

/**
 * One literal of one shape for every customer, seen before or not: built by spreading a base
 * object, a 100,000-customer review spent half a second here.
 */
function customerChange(
  c: CustomerResult,
  before: ArchiveEntry | undefined,
  unit: AmountUnit | undefined,
  overdueIn: OverdueIn,
  previousName: string | undefined,
  previousId: string | undefined,
  archived: boolean,
  inLast: ArchiveEntry | undefined,
  checks: ChecksRun,
): CustomerChange {
  // Money owed is compared with the last review's row, graded or not: the portfolio's overdue then
  // and now count every customer, so the customers whose overdue moved must add up to its change.
  const overdueStated = inLast && numberOrUnknown(inLast.line[OVERDUE_AT]);
  const previousOverdue = overdueStated === undefined ? undefined : restated(overdueStated, inLast!.overdueUnit, overdueIn.unit);
  const overdueCurrency = overdueIn.currency;
  const previousDaysPastDue = inLast && numberOrUnknown(inLast.line[DAYS_PAST_DUE_AT]);
  const previousOverdueDate = previousOverdue === undefined ? undefined : inLast!.date;
  if (!before) {
    return {
      row: c.row,
      id: c.id,
      name: c.name,
      previousName,
      previousId,
      previousDate: undefined,
      neverScored: archived,
      previousScore: undefined,
      scoreChange: undefined,
      previousGrade: undefined,
      gradeMove: undefined,
      gradeMoveFromPolicy: false,
      newWarnings: NO_WARNINGS,
      clearedWarnings: NONE_CLEARED,
      notCheckedWarnings: NONE_NOT_CHECKED,
      newFromPolicy: NO_WARNINGS,
      clearedFromPolicy: NO_WARNINGS,
      previousLimit: undefined,
      previousCreditLimit: undefined,
      limitChange: undefined,
      limitMoveFromPolicy: false,
      previousOverdue,
      overdueCurrency,
      previousDaysPastDue,
      previousOverdueDate,
      units: undefined,
    };
  }
  const known = before.warnings !== undefined && c.errors.length === 0;
  // In this review's unit: a sheet switched from 元 to 万元 is not every limit cut 10,000-fold.
  const previousLimit = before.recommendedLimit === undefined ? undefined : restated(before.recommendedLimit, before.unit, unit);
  const creditLimitStated = previousLimit === undefined ? undefined : numberOrUnknown(before.line[CREDIT_LIMIT_AT]);
  const previousCreditLimit = creditLimitStated === undefined ? undefined : restated(creditLimitStated, before.unit, unit);
  let newWarnings = NO_WARNINGS;
  let clearedWarnings = NONE_CLEARED;
  let notCheckedWarnings = NONE_NOT_CHECKED;
  let newFromPolicy = NO_WARNINGS;
  let clearedFromPolicy = NO_WARNINGS;
  if (known) {
    const was = before.warnings!;
    const now = c.findings.map((f) => f.code);
    if (now.length || was.length) {
      newWarnings = now.filter((w) => !was.includes(w));
      const gone = was.filter((w) => !now.includes(w));
      if (gone.length) {
        // A warning whose check did not run this time is not known to be gone: said apart, not counted cleared.
        const cleared: ClearedWarning[] = [];
        const notChecked: NotCheckedWarning[] = [];
        for (const code of gone) {
          const why = notCheckedWhy(code, c, checks);
          if (why) notChecked.push({ code, why });
          else cleared.push({ code, why: clearedWhy(code, c, before, checks, overdueCurrency) });
        }
        clearedWarnings = cleared;
        if (notChecked.length) notCheckedWarnings = notChecked;
      }
      const then = c.warningsUnderLastPolicy;
      if (then !== undefined) {
        newFromPolicy = newWarnings.filter((w) => !hasWarning(then, w));
        clearedFromPolicy = clearedWarnings.filter((w) => hasWarning(then, w.code)).map((w) => w.code);
      }
    }
  }
  const move = c.grade === undefined || before.grade === undefined ? undefined : gradeMove(before.grade, c.grade);
  const limitChange =
    c.recommendedLimit === undefined || previousLimit === undefined ? undefined : c.recommendedLimit - previousLimit;
  return {
    row: c.row,
    id: c.id,
    name: c.name,
    previousName,
    previousId,
    previousDate: before.date,
    neverScored: false,
    previousScore: before.score,
    scoreChange:
      c.score === undefined || before.score === undefined
        ? undefined
        : shownScore(shownScore(c.score) - shownScore(before.score)),
    previousGrade: before.grade,
    gradeMove: move,
    gradeMoveFromPolicy: move !== undefined && move !== "same" && c.gradeUnderLastPolicy === before.grade,
    newWarnings,
    clearedWarnings,
    notCheckedWarnings,
    newFromPolicy,
    clearedFromPolicy,
    previousLimit,
    previousCreditLimit,
    limitChange,
    limitMoveFromPolicy:
      limitChange !== undefined &&
      !sameCents(limitChange, 0) &&
      c.limitUnderLastPolicy !== undefined &&
      sameCents(c.limitUnderLastPolicy, previousLimit!),
    previousOverdue,
    overdueCurrency,
    previousDaysPastDue,
    previousOverdueDate,
    units: unitChange(before.unit, unit),
  };
}

/**
 * The last review's policy against this one's: its version from the archive's rows of that
 * review, its settings from the policy history (every review adds its version there).
 */
export function policyChange(
  earlier: EarlierReviews,
  policy: Policy,
  history: readonly (readonly CellValue[])[] | undefined,
): { readonly change: PolicyChange; readonly before?: Policy } | undefined {
  let from: string | undefined;
  for (const e of earlier.last?.entries ?? []) if ((from = versionOf(e)) !== undefined) break;
  if (from === undefined || from === policy.version) return undefined;
  const found = history && previousPolicy(history, from);
  if (!found) return { change: { from, to: policy.version } };
  // Settings typed over in the history are not the last review's: comparing them would misname what changed.
  if (found.edited) return { change: { from, to: policy.version, editedAt: found.at } };
  const before = found.policy;
  const settings: SettingChange[] = [];
  for (const row of SETTING_ROWS) {
    // Compared as the history shows them, so a setting counts as changed exactly when its cell would.
    const was = settingCell(row, before, "en");
    const now = settingCell(row, policy, "en");
    if (was.value !== now.value) settings.push({ setting: row.name, from: was.value, to: now.value, format: now.format });
  }
  return { change: { from, to: policy.version, settings }, before };
}

/** The last review's policy as the history holds it; a row edited out of shape is as good as missing. */
export function previousPolicy(history: readonly (readonly CellValue[])[], version: string): HistoryPolicy | undefined {
  try {
    return policyInHistory(history, version);
  } catch (error) {
    if (error instanceof CreditError) return undefined;
    throw error;
  }
}

/**
 * Each customer and the portfolio against the last review. `units`: this review's unit and the
 * currency its columns put receivables in (see units.ts): an earlier review's amounts in another
 * scale are converted into it to compare, and in another currency are not compared; a customer's
 * own, each in the unit its row is in then (as archived) and now (rowUnit), its overdue amount in
 * its own (RowUnits.overdue: a ledger's invoices' currency). `checks`: how this review ran its checks, which tells a
 * warning gone since from one not checked. `actionColumn`: the sheet has an Action taken column.
 * `repeatedKeys`: keys on several rows, none of which is said renamed. `responsesLeftBehind`: rows
 * whose Action taken text is another customer's response (see MovedRows).
 */
export function whatChanged(
  customers: readonly CustomerResult[],
  earlier: EarlierReviews,
  units: Pick<AmountUnits, "unit" | "receivables">,
  checks: ChecksRun,
  policy?: PolicyChange,
  otherSheets?: readonly string[],
  actionColumn = false,
  overdue?: { readonly then?: number; readonly now?: number },
  repeatedKeys?: ReadonlySet<string>,
  responsesLeftBehind?: ReadonlySet<number>,
): ReviewChanges {
  const migration = Object.fromEntries(GRADES.map((from) => [from, Object.fromEntries(GRADES.map((to) => [to, 0]))])) as Record<
    Grade,
    Record<Grade, number>
  >;
  const changes: CustomerChange[] = [];
  const onSheet = new Set<string>();
  const added: ReviewChanges["added"][number][] = [];
  const renamed: RenamedCustomer[] = [];
  const idChanged: IdChangedCustomer[] = [];
  const nowGraded: GradedCustomer[] = [];
  const notGradedNow: GradedCustomer[] = [];
  // A customer named on several rows is listed once.
  const gradeChecked = new Set<string>();
  let newWarnings = 0;
  let clearedWarnings = 0;
  let notCheckedWarnings = 0;
  let newFromPolicy = 0;
  let clearedFromPolicy = 0;
  let riskierFromPolicy = 0;
  let saferFromPolicy = 0;
  const lastKeys = new Set(earlier.last?.entries.map((e) => e.key));
  let balancesCompared = 0;
  let balancesUnchanged = 0;
  const responses = responseTally(earlier, actionColumn, responsesLeftBehind);
  const rowUnits = new RowUnits(units.unit);
  for (const c of customers) {
    const key = archiveKey(c.id, c.name);
    onSheet.add(key);
    responses?.add(c, key);
    if (earlier.last && !lastKeys.has(key)) added.push({ row: c.row, id: c.id, name: c.name });
    // Graded in one of the two reviews only: neither a grade move nor a customer added or gone says so.
    const latest = earlier.latest.get(key);
    if (latest && lastKeys.has(key) && (latest.grade === undefined) !== (c.grade === undefined) && !gradeChecked.has(key)) {
      gradeChecked.add(key);
      if (c.grade !== undefined) nowGraded.push({ row: c.row, id: c.id, name: c.name, grade: c.grade });
      else notGradedNow.push({ row: c.row, id: c.id, name: c.name, grade: latest.grade! });
    }
    // A customer's id on several rows is a data error, not a rename, whatever the second row's name.
    const previousName = repeatedKeys?.has(key) ? undefined : renamedFrom(c.id, c.name, latest);
    if (previousName !== undefined) renamed.push({ row: c.row, id: c.id, from: previousName, to: c.name });
    const previousId = idChangedFrom(c.id, latest);
    if (previousId !== undefined) idChanged.push({ row: c.row, name: c.name, from: previousId, to: c.id });
    const before = earlier.byCustomer.get(key);
    // The customer's row in the last review, whether that review could grade it or not.
    const inLast = latest !== undefined && latest.date === earlier.last?.date ? latest : undefined;
    const unit = rowUnits.row(customerCurrencies(c, units.receivables));
    const overdueIn = overdueCompared(c, unit, inLast, rowUnits, units.receivables);
    const change = customerChange(c, before, unit, overdueIn, previousName, previousId, latest !== undefined, inLast, checks);
    if (inLast !== undefined && c.balance !== undefined) {
      const archived = numberOrUnknown(inLast.line[BALANCE_AT]);
      const then = archived === undefined ? undefined : restated(archived, inLast.unit, unit);
      if (then !== undefined) {
        balancesCompared++;
        if (sameCents(then, c.balance)) balancesUnchanged++;
      }
    }
    changes.push(change);
    if (change.previousGrade !== undefined && c.grade !== undefined) migration[change.previousGrade][c.grade]++;
    newWarnings += change.newWarnings.length;
    clearedWarnings += change.clearedWarnings.length;
    notCheckedWarnings += change.notCheckedWarnings.length;
    newFromPolicy += change.newFromPolicy.length;
    clearedFromPolicy += change.clearedFromPolicy.length;
    if (change.gradeMoveFromPolicy) {
      if (change.gradeMove === "riskier") riskierFromPolicy++;
      else saferFromPolicy++;
    }
  }
  const gone: { id: string; name: string }[] = [];
  const goneKeys = new Set<string>();
  for (const e of earlier.last?.entries ?? []) {
    if (onSheet.has(e.key) || goneKeys.has(e.key)) continue;
    goneKeys.add(e.key);
    gone.push({ id: e.id, name: e.name });
  }
  return {
    previousReview: earlier.last?.date,
    customers: changes,
    overdue:
      earlier.last && overdue?.then !== undefined && overdue.now !== undefined
        ? { then: overdue.then, now: overdue.now }
        : undefined,
    migration,
    newWarnings,
    clearedWarnings,
    notCheckedWarnings,
    newFromPolicy,
    clearedFromPolicy,
    riskierFromPolicy,
    saferFromPolicy,
    added,
    gone,
    renamed,
    idChanged,
    nowGraded,
    notGradedNow,
    policy,
    units: unitChange(reviewUnit(earlier.last?.entries), rowUnit(units.unit, units.receivables)),
    sameBalances: sameBalances(balancesUnchanged, balancesCompared),
    otherSheets: earlier.last === undefined && otherSheets?.length ? otherSheets : undefined,
    responses: responses?.result(),
  };
}

/**
 * The unit a review's amounts were in, as its archive rows state them: a row in a currency of its
 * own (rowUnit) states it only where the review's unit named none, so a row naming no currency
 * states the review's; when every row names one, theirs if it is one, else none (each customer is
 * compared in its own).
 */
function reviewUnit(entries: readonly ArchiveEntry[] | undefined): AmountUnit | undefined {
  const marked: AmountUnit[] = [];
  for (const e of entries ?? []) {
    if (e.unit?.currency === undefined) return e.unit;
    marked.push(e.unit);
  }
  return marked.every((u) => u.currency === marked[0].currency) ? marked[0] : undefined;
}

/** A customer whose grade moved: from which grade to which, and whether the policy change alone moved it. */
export interface MovedCustomer {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly previousGrade?: Grade;
  readonly grade: Grade;
  readonly fromPolicy: boolean;
}

/** The customers whose grade moved one way since their last review, in sheet order, with the grade they moved to. */
export function gradeMovers(
  changes: ReviewChanges,
  customers: readonly CustomerResult[],
  move: Exclude<GradeMove, "same">,
): MovedCustomer[] {
  const gradeAt = new Map(customers.map((c) => [c.row, c.grade]));
  return movedCustomers(changes, move)
    .filter((c) => gradeAt.get(c.row) !== undefined)
    .map((c) => ({
      row: c.row,
      id: c.id,
      name: c.name,
      previousGrade: c.previousGrade,
      grade: gradeAt.get(c.row)!,
      fromPolicy: c.gradeMoveFromPolicy,
    }));
}

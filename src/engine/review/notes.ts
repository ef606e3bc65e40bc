/**
 * What could not be worked out for a customer whose factors are valid, and why: a bad cell
 * or an input that makes a figure undefined switches off only the figures and checks that
 * need it. The customer keeps its score, grade and decisions; the note names the cell. A few
 * notes hold nothing against the customer: what a figure is (a debt-free company), which of
 * two figures the review used (the archive's previous score over the sheet's), or that the
 * archive keeps only the start of a long Action taken text.
 */
import { CreditError } from "../errors";
import { InputField } from "./fields";
import { WarningCode } from "./warnings";

/** The figures a note can switch off besides the warning checks. */
export const NOTE_FIGURES = [
  "zScore",
  "currentRatio",
  "debtRatio",
  "interestCoverage",
  "recommendedLimit",
  "exposure",
  "overdue",
  "utilisation",
  "availableCredit",
] as const;
export type NoteFigure = (typeof NOTE_FIGURES)[number];

/** A figure, or the warning check of that code. */
export type NoteTarget = NoteFigure | WarningCode;

export interface CustomerNote {
  /** What was not computed because of it, figures first; empty when nothing depends on the cell. */
  readonly affects: readonly NoteTarget[];
  /** Why, placed at its cell (row, and column letter with header; a ledger row names its sheet). */
  readonly reason: CreditError;
  /**
   * False when nothing in the data is wrong, only a figure has no value for this customer (a
   * debt-free company has no equity / liabilities term): said, but not held against it.
   */
  readonly toFix: boolean;
}

/**
 * Notes that say what a customer's figures are, or which of two figures the review used, not
 * what is wrong with its data.
 */
const NOTHING_TO_FIX: ReadonlySet<string> = new Set([
  "note.debtFree",
  "note.previousScoreArchived",
  "note.previousScoreUnscored",
  // The team's record of what it did, kept shorter in the archive: nothing about the customer's credit.
  "review.actionTakenLong",
]);

const Z: readonly NoteTarget[] = ["zScore", "Z_DISTRESS"];

/** What an unreadable cell of each field switches off (the factors, id and name stop the customer instead). */
export const FIELD_AFFECTS: Readonly<Partial<Record<InputField, readonly NoteTarget[]>>> = {
  previousScore: ["SCORE_RISE"],
  creditLimit: ["recommendedLimit", "utilisation", "availableCredit", "OVER_LIMIT"],
  balance: ["exposure", "utilisation", "availableCredit", "OVER_LIMIT"],
  overdueAmount: ["overdue"],
  daysPastDue: ["overdue", "OVERDUE_90"],
  negativeNewsDate: ["NEGATIVE_NEWS"],
  zModel: Z,
  currentAssets: ["zScore", "currentRatio", "Z_DISTRESS", "LIQUIDITY"],
  currentLiabilities: ["zScore", "currentRatio", "Z_DISTRESS", "LIQUIDITY"],
  totalAssets: ["zScore", "debtRatio", "Z_DISTRESS", "LEVERAGE"],
  totalLiabilities: ["zScore", "debtRatio", "Z_DISTRESS", "LEVERAGE"],
  retainedEarnings: Z,
  equity: Z,
  sales: Z,
  ebit: ["zScore", "interestCoverage", "Z_DISTRESS", "COVERAGE"],
  interestExpense: ["interestCoverage", "COVERAGE"],
  inventory: [],
  actionTaken: [],
};

/**
 * Only the checks this review runs: a check its sheet has no columns for is already reported
 * as skipped for everyone, not once per customer.
 */
export function noteOf(affects: readonly NoteTarget[], reason: CreditError, activeCodes: ReadonlySet<WarningCode>): CustomerNote {
  return {
    affects: affects.filter((a) => !isWarningCode(a) || activeCodes.has(a)),
    reason,
    toFix: !NOTHING_TO_FIX.has(reason.key),
  };
}

function isWarningCode(target: NoteTarget): target is WarningCode {
  return !(NOTE_FIGURES as readonly string[]).includes(target);
}

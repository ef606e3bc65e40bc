/**
 * What could not be worked out for a customer whose factors are valid, and why: a bad cell, a
 * blank cell among financial statements the row otherwise gives, or an input that makes a figure
 * undefined switches off only the figures and checks that need it. The customer keeps its score,
 * grade and decisions; the note names the cell. A few notes hold nothing against the customer:
 * what a figure is (a debt-free company), which of two figures the review used (the archive's
 * previous score over the sheet's), that the row gives no financial statements at all, or that
 * the archive keeps only the start of a long Action taken text.
 */
import { CreditError } from "../errors";
import { InputField } from "./fields";
import { WarningCode, Z_FIELDS } from "./warnings";
import "../i18n/report";

/** The figures a note can switch off besides the warning checks. */
export const NOTE_FIGURES = [
  "zScore",
  "currentRatio",
  "debtRatio",
  "interestCoverage",
  "recommendedLimit",
  "exposure",
  "overdue",
  // With a ledger whose invoices of one customer are in two currencies: its days past due stand.
  "overdueAmount",
  "aging",
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
  // A customer without financial statements on the sheet: its figures have no value, nothing is wrong.
  "note.noStatements",
  // Its invoices found under its previous id: read all the same; the ledger's id is what to correct.
  "note.ledgerPreviousId",
  "note.ledgerPreviousIdNoneNow",
  // The team's record of what it did, kept shorter in the archive: nothing about the customer's credit.
  "review.actionTakenLong",
  // A customer billed in two currencies with nothing overdue in both: its aging is not added up, yet nothing in its data is wrong.
  // (Overdue invoices in two currencies stay a problem to see: its overdue amount is blank; its days past due tell it overdue.)
  "note.ledgerTwoCurrencies",
]);

/** A figure worked out from a customer's financial statements: the cells it takes, and the check that reads it. */
export interface StatementFigure {
  readonly figure: NoteFigure;
  readonly check: WarningCode;
  readonly inputs: readonly InputField[];
}

/** The Z-score takes sales only on a model that uses it (Z_MODEL_SPECS); the other models do without. */
export const STATEMENT_FIGURES: readonly StatementFigure[] = [
  { figure: "zScore", check: "Z_DISTRESS", inputs: [...Z_FIELDS, "sales"] },
  { figure: "currentRatio", check: "LIQUIDITY", inputs: ["currentAssets", "currentLiabilities"] },
  { figure: "debtRatio", check: "LEVERAGE", inputs: ["totalLiabilities", "totalAssets"] },
  { figure: "interestCoverage", check: "COVERAGE", inputs: ["ebit", "interestExpense"] },
];

/** A statement figure with its check: what a problem with the figure alone switches off. */
export function figureAffects(figure: NoteFigure): readonly NoteTarget[] {
  const found = STATEMENT_FIGURES.find((f) => f.figure === figure)!;
  return [found.figure, found.check];
}

/** What a cell of the financial statements switches off: the figures that take it, then their checks. */
function statementAffects(field: InputField): readonly NoteTarget[] {
  const figures = STATEMENT_FIGURES.filter((f) => f.inputs.includes(field));
  return [...figures.map((f) => f.figure), ...figures.map((f) => f.check)];
}

/** What an unreadable cell of each field switches off (the factors, id and name stop the customer instead). */
export const FIELD_AFFECTS: Readonly<Partial<Record<InputField, readonly NoteTarget[]>>> = {
  previousScore: ["SCORE_RISE"],
  creditLimit: ["recommendedLimit", "utilisation", "availableCredit", "OVER_LIMIT"],
  balance: ["exposure", "utilisation", "availableCredit", "OVER_LIMIT"],
  overdueAmount: ["overdue"],
  daysPastDue: ["overdue", "OVERDUE_90"],
  negativeNewsDate: ["NEGATIVE_NEWS"],
  zModel: ["zScore", "Z_DISTRESS"],
  currentAssets: statementAffects("currentAssets"),
  currentLiabilities: statementAffects("currentLiabilities"),
  totalAssets: statementAffects("totalAssets"),
  totalLiabilities: statementAffects("totalLiabilities"),
  retainedEarnings: statementAffects("retainedEarnings"),
  equity: statementAffects("equity"),
  sales: statementAffects("sales"),
  ebit: statementAffects("ebit"),
  interestExpense: statementAffects("interestExpense"),
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

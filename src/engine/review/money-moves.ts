/**
 * The money that moved since the last review, from what changes.ts compares: the customers whose
 * overdue amount grew or fell, whose recommended limit moved (a cut or a raise, or either
 * withdrawn) and whose credit limit was changed by hand. Its own module, of types only from changes.ts, so the texts can list them without
 * loading the comparison.
 */
import type { CurrencyMark } from "../cells";
import { roundCents, sameCents } from "../money";
import type { ReviewChanges } from "./changes";
import type { CustomerResult } from "./review";

/** A customer whose overdue amount moved since its last review: from what to what, and how late its oldest unpaid amount is now. */
export interface OverdueMove {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly from: number;
  readonly to: number;
  /** The currency of both (CustomerChange.overdueCurrency): the one it owed in then, for a customer paid off since. */
  readonly currency?: CurrencyMark;
  readonly daysPastDue?: number;
  readonly previousDaysPastDue?: number;
}

/**
 * A customer whose recommended limit moved since its last review, the credit limit it is held
 * against now and was then, and whether the policy change alone moved it.
 */
export interface LimitMove {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly creditLimit: number;
  /** The credit limit the last recommendation was held against; the one today when that review did not archive it. */
  readonly previousCreditLimit: number;
  readonly fromPolicy: boolean;
}

/**
 * How a recommended limit moved, told by the share of the credit limit it recommends now against
 * the share it recommended then: a smaller share and below the credit limit, a cut ("cut", new or
 * deeper); a smaller share but not below it, a raise withdrawn (or made smaller); a larger share
 * and above it, a raise; a larger share but not above it, a cut withdrawn (or made smaller). A
 * limit that went from 649,000 back to the credit limit of 590,000 when the customer fell overdue
 * is no cut: the recommendation is to keep the limit it has. One that only followed a credit limit
 * changed by hand (half of 100,000, then half of the 50,000 the analyst set) is no move of the
 * review's: the analyst's change is listed on its own (CreditLimitMove).
 */
export const LIMIT_MOVES = ["cut", "raiseWithdrawn", "raised", "cutWithdrawn"] as const;
export type LimitMoveKind = (typeof LIMIT_MOVES)[number];

/** The share of its credit limit a recommended limit is; a limit of nothing is kept as it is. */
const shareOf = (recommended: number, creditLimit: number) => (creditLimit > 0 ? recommended / creditLimit : 1);

/** The most two shares of limits rounded to the cent can differ by when their multiplier is the same. */
const roundingSlack = (creditLimit: number) => (creditLimit > 0 ? 0.005 / creditLimit : 0);

function limitMoveKind(to: number, from: number, creditLimit: number, previousCreditLimit: number): LimitMoveKind | undefined {
  const now = shareOf(to, creditLimit);
  const then = shareOf(from, previousCreditLimit);
  if (Math.abs(now - then) <= roundingSlack(creditLimit) + roundingSlack(previousCreditLimit)) return undefined;
  const kept = sameCents(to, creditLimit);
  if (now < then) return !kept && to < creditLimit ? "cut" : "raiseWithdrawn";
  return !kept && to > creditLimit ? "raised" : "cutWithdrawn";
}

/** A customer whose credit limit itself was changed since the review that last recommended one: the analyst's decision, not the review's. */
export interface CreditLimitMove {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

/** What moved, each list the largest move first (then sheet order). */
export interface MoneyMoves {
  readonly overdue: Readonly<Record<"grew" | "fell", readonly OverdueMove[]>>;
  readonly limits: Readonly<Record<LimitMoveKind, readonly LimitMove[]>>;
  /** Undefined when the last review archived no credit limit: nothing is known to have changed, not nothing changed. */
  readonly creditLimits?: readonly CreditLimitMove[];
}

const largestFirst = (a: { from: number; to: number; row: number }, b: { from: number; to: number; row: number }) =>
  Math.abs(b.to - b.from) - Math.abs(a.to - a.from) || a.row - b.row;

/** The customers whose overdue amount, recommended limit or credit limit moved since their last review. */
export function moneyMoves(changes: ReviewChanges, customers: readonly CustomerResult[]): MoneyMoves {
  const now = new Map(customers.map((c) => [c.row, c]));
  const grew: OverdueMove[] = [];
  const fell: OverdueMove[] = [];
  const limits: Record<LimitMoveKind, LimitMove[]> = { cut: [], raiseWithdrawn: [], raised: [], cutWithdrawn: [] };
  const creditLimits: CreditLimitMove[] = [];
  for (const change of changes.customers) {
    const c = now.get(change.row);
    if (c === undefined) continue;
    const { row, id, name } = change;
    // A customer whose amount either review did not know is left out.
    if (change.previousOverdue !== undefined && c.overdueAmount !== undefined) {
      const moved = c.overdueAmount - change.previousOverdue;
      if (!sameCents(moved, 0))
        (moved > 0 ? grew : fell).push({
          row,
          id,
          name,
          from: change.previousOverdue,
          to: c.overdueAmount,
          currency: change.overdueCurrency,
          daysPastDue: c.daysPastDue,
          previousDaysPastDue: change.previousDaysPastDue,
        });
    }
    const creditLimit = c.creditLimit;
    if (creditLimit === undefined) continue;
    const previousCreditLimit = change.previousCreditLimit ?? creditLimit;
    if (!sameCents(previousCreditLimit, creditLimit))
      creditLimits.push({ row, id, name, from: previousCreditLimit, to: creditLimit });
    // A recommended limit is the credit limit's, times the grade's multiplier: one without the other is not compared.
    // One left as it was can still have moved against a credit limit changed by hand.
    if (change.limitChange === undefined || change.previousLimit === undefined) continue;
    // Both limits are whole cents: their sum carries no float dust once rounded to a cent.
    const to = roundCents(change.previousLimit + change.limitChange);
    const kind = limitMoveKind(to, change.previousLimit, creditLimit, previousCreditLimit);
    if (kind === undefined) continue;
    limits[kind].push({
      row,
      id,
      name,
      from: change.previousLimit,
      to,
      creditLimit,
      previousCreditLimit,
      fromPolicy: change.limitMoveFromPolicy,
    });
  }
  for (const list of [grew, fell, creditLimits, ...Object.values(limits)]) list.sort(largestFirst);
  const creditLimitsKnown = changes.customers.some((c) => c.previousCreditLimit !== undefined);
  return { overdue: { grew, fell }, limits, creditLimits: creditLimitsKnown ? creditLimits : undefined };
}

/**
 * The money that moved since the last review, from what changes.ts compares: the customers whose
 * overdue amount grew or fell, and whose recommended limit moved (a cut or a raise, or either
 * withdrawn). Its own module, of types only from changes.ts, so the texts can list them without
 * loading the comparison.
 */
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
  readonly daysPastDue?: number;
  readonly previousDaysPastDue?: number;
}

/**
 * The customers whose overdue amount grew (or fell) since their last review, the largest move
 * first (then sheet order): a payment that brought 177,000 down to 99,000 is news to a credit
 * manager as much as a grade move. A customer whose amount either review did not know is left out.
 */
export function overdueMoves(changes: ReviewChanges, customers: readonly CustomerResult[], way: "grew" | "fell"): OverdueMove[] {
  const now = new Map(customers.map((c) => [c.row, c]));
  const moves: OverdueMove[] = [];
  for (const change of changes.customers) {
    const c = now.get(change.row);
    if (change.previousOverdue === undefined || c?.overdueAmount === undefined) continue;
    const moved = c.overdueAmount - change.previousOverdue;
    if (sameCents(moved, 0) || moved > 0 !== (way === "grew")) continue;
    moves.push({
      row: change.row,
      id: change.id,
      name: change.name,
      from: change.previousOverdue,
      to: c.overdueAmount,
      daysPastDue: c.daysPastDue,
      previousDaysPastDue: change.previousDaysPastDue,
    });
  }
  return moves.sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from) || a.row - b.row);
}

/**
 * A customer whose recommended limit moved since its last review, the credit limit it is held
 * against now, and whether the policy change alone moved it.
 */
export interface LimitMove {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly creditLimit: number;
  readonly fromPolicy: boolean;
}

/**
 * How a recommended limit moved, told by where it stands now against the customer's credit limit:
 * lower and below it, a cut ("cut", new or deeper); lower but not below it, a raise withdrawn (or
 * made smaller); higher and above it, a raise; higher but not above it, a cut withdrawn (or made
 * smaller). A limit that went from 649,000 back to the credit limit of 590,000 when the customer
 * fell overdue is no cut: the recommendation is to keep the limit it has.
 */
export const LIMIT_MOVES = ["cut", "raiseWithdrawn", "raised", "cutWithdrawn"] as const;
export type LimitMoveKind = (typeof LIMIT_MOVES)[number];

function limitMoveKind(to: number, from: number, creditLimit: number): LimitMoveKind {
  const kept = sameCents(to, creditLimit);
  if (to < from) return !kept && to < creditLimit ? "cut" : "raiseWithdrawn";
  return !kept && to > creditLimit ? "raised" : "cutWithdrawn";
}

/** The customers whose recommended limit moved (`kind`: how) since their last review, the largest move first (then sheet order). */
export function limitMoves(changes: ReviewChanges, customers: readonly CustomerResult[], kind: LimitMoveKind): LimitMove[] {
  const creditLimits = new Map(customers.map((c) => [c.row, c.creditLimit]));
  const moves: LimitMove[] = [];
  for (const c of changes.customers) {
    const creditLimit = creditLimits.get(c.row);
    // A recommended limit is the credit limit's, times the grade's multiplier: one without the other is not compared.
    if (c.limitChange === undefined || c.previousLimit === undefined || creditLimit === undefined) continue;
    if (sameCents(c.limitChange, 0)) continue;
    // Both limits are whole cents: their sum carries no float dust once rounded to a cent.
    const to = roundCents(c.previousLimit + c.limitChange);
    if (limitMoveKind(to, c.previousLimit, creditLimit) !== kind) continue;
    moves.push({
      row: c.row,
      id: c.id,
      name: c.name,
      from: c.previousLimit,
      to,
      creditLimit,
      fromPolicy: c.limitMoveFromPolicy,
    });
  }
  return moves.sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from) || a.row - b.row);
}

/**
 * The money that moved since the last review, from what changes.ts compares: the customers whose
 * overdue amount grew or fell, and whose recommended limit was cut or raised. Its own module, of
 * types only from changes.ts, so the texts can list them without loading the comparison.
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

/** A customer whose recommended limit moved since its last review, and whether the policy change alone moved it. */
export interface LimitMove {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly fromPolicy: boolean;
}

/** The customers whose recommended limit was cut (or raised) since their last review, the largest move first (then sheet order). */
export function limitMoves(changes: ReviewChanges, way: "cut" | "raised"): LimitMove[] {
  const moves: LimitMove[] = [];
  for (const c of changes.customers) {
    if (c.limitChange === undefined || c.previousLimit === undefined || sameCents(c.limitChange, 0)) continue;
    if (c.limitChange > 0 !== (way === "raised")) continue;
    moves.push({
      row: c.row,
      id: c.id,
      name: c.name,
      from: c.previousLimit,
      // Both limits are whole cents: their sum carries no float dust once rounded to a cent.
      to: roundCents(c.previousLimit + c.limitChange),
      fromPolicy: c.limitMoveFromPolicy,
    });
  }
  return moves.sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from) || a.row - b.row);
}

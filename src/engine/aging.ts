/** Receivables aging: open items bucketed by days past due (Current, then one bucket per edge), with their totals. */
import { CellValue, MAX_SERIAL, readDate, readNumber } from "./cells";
import { CreditError, ErrorPlace } from "./errors";
import { Lang, message } from "./i18n";
import { moneyText } from "./money";

/** Bucket of an item `age` days past due: 0 is Current (not yet due), then one per edge, then "over the last edge". */
export function bucketOf(age: number, edges: readonly number[]): number {
  if (age <= 0) return 0;
  for (let i = 0; i < edges.length; i++) if (age <= edges[i]) return i + 1;
  return edges.length + 1;
}

export function bucketLabels(edges: readonly number[], lang: Lang): string[] {
  const labels = [message(lang, "aging.current")];
  let from = 1;
  for (const edge of edges) {
    labels.push(message(lang, "aging.range", { from, to: edge }));
    from = edge + 1;
  }
  labels.push(message(lang, "aging.over", { from }));
  return labels;
}

/** Running totals of one customer's (or one range's) open items. */
export class AgingTotals {
  readonly buckets: number[];
  /** Days past due of the oldest item with money still owed; 0 when nothing is overdue. */
  oldestDays = 0;

  constructor(readonly edges: readonly number[]) {
    // Sized exactly: a ledger keeps one per customer, and an array grown by push reserves room for 17.
    this.buckets = new Array<number>(edges.length + 2).fill(0);
  }

  /** The hot path of CREDIT.AGING on a full column: one bucket add, nothing derivable kept twice. */
  add(amount: number, age: number): void {
    this.buckets[bucketOf(age, this.edges)] += amount;
    if (age > this.oldestDays && amount > 0) this.oldestDays = age;
  }

  get total(): number {
    let sum = 0;
    for (const b of this.buckets) sum += b;
    return sum;
  }

  /** Everything past due: every bucket but Current. */
  get overdue(): number {
    let sum = 0;
    for (let i = 1; i < this.buckets.length; i++) sum += this.buckets[i];
    return sum;
  }

  /** Sum of the items more than `days` past due (credit notes included). */
  overdueBeyond(days: number): number {
    let sum = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      const lowerEdge = i === 0 ? -Infinity : i === 1 ? 0 : this.edges[i - 2];
      if (lowerEdge >= days) sum += this.buckets[i];
    }
    return sum;
  }
}

/** Column accessors, so a caller can age an Excel range without copying it. */
export interface AgingItems {
  readonly length: number;
  amount(index: number): CellValue;
  due(index: number): CellValue;
  /** Where item `index` sits as the user sees it (row, and column in a range more than one wide). */
  place(index: number): ErrorPlace;
}

/** An open amount with no due date: an error naming the amount as money, never aged as "Current". */
export function dueDateMissing(amount: number): CreditError {
  return new CreditError("value", "review.ledgerNoDue", { amount: moneyText(amount) });
}

/**
 * Ages every item against `asOf` (an Excel serial). A row with no amount is skipped; a
 * row with an amount but no due date is an error naming both cells, never "Current".
 */
export function ageItems(
  items: AgingItems,
  asOf: number,
  edges: readonly number[],
  totals = new AgingTotals(edges),
): AgingTotals {
  // Plain numbers are read inline rather than through numberOrProblem and serialOrProblem: on a
  // full column (a million items) the calls cost CREDIT.AGING about a tenth more.
  for (let i = 0; i < items.length; i++) {
    const rawAmount = items.amount(i);
    let amount: number;
    if (typeof rawAmount === "number" && Number.isFinite(rawAmount)) {
      amount = rawAmount;
    } else {
      const reading = readNumber(rawAmount);
      if (reading.kind === "blank") continue;
      if (reading.kind === "invalid") {
        throw new CreditError("value", "aging.amountInvalid", { value: reading.shown }, { param: "amounts", ...items.place(i) });
      }
      amount = reading.value;
    }
    if (amount === 0) continue;
    const rawDue = items.due(i);
    let due: number;
    if (typeof rawDue === "number" && rawDue >= 1 && rawDue <= MAX_SERIAL) {
      due = Math.floor(rawDue);
    } else {
      const reading = readDate(rawDue);
      if (reading.kind === "blank") throw dueDateMissing(amount).at({ param: "dueDates", ...items.place(i) });
      if (reading.kind === "invalid") {
        throw new CreditError("value", "aging.dueInvalid", { value: reading.shown }, { param: "dueDates", ...items.place(i) });
      }
      due = reading.serial;
    }
    totals.add(amount, asOf - due);
  }
  if (!Number.isFinite(totals.total) || totals.buckets.some((b) => !Number.isFinite(b))) {
    throw new CreditError("num", "aging.notFinite");
  }
  return totals;
}

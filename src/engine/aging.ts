/** Receivables aging: open items bucketed by days past due (Current, then one bucket per edge), with their totals. */
import { CellValue, CurrencyMark, currencyMarkText, joinedCurrency, MAX_SERIAL, readAmount, readDate, showValue } from "./cells";
import { CreditError, ErrorPlace, notDateError, notNumberError } from "./errors";
import { Lang, message } from "./i18n";
import { moneyText } from "./money";
import { withoutFloatDust } from "./precision";

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

/**
 * Running totals of one customer's (or one range's) open items. Credit notes (negative open
 * amounts) are kept apart from what is owed: as cash application does by default, they settle
 * the oldest amounts owed first, whatever their own date, so the buckets show what is still owed.
 */
export class AgingTotals {
  /** What is owed per bucket (the positive open amounts), before credits. */
  private readonly owed: number[];
  /** The credit notes: the sum of the negative open amounts (0 or less), dated or not. */
  credits = 0;

  constructor(readonly edges: readonly number[]) {
    // Sized exactly: a ledger keeps one per customer, and an array grown by push reserves room for 17.
    this.owed = new Array<number>(edges.length + 2).fill(0);
  }

  /** The hot path of CREDIT.AGING on a full column: one add, nothing derivable kept twice. A credit's age is not read. */
  add(amount: number, age: number): void {
    if (amount > 0) this.owed[bucketOf(age, this.edges)] += amount;
    else this.credits += amount;
  }

  /** A credit note with no due date: it settles the oldest amounts owed as a dated one does. */
  addCredit(amount: number): void {
    this.credits += amount;
  }

  /** False once a sum has overflowed: no figure of these totals can be shown. */
  get isFinite(): boolean {
    // A sum is finite only when each term is: one sum covers an overflow anywhere (a ledger asks after every row).
    let sum = this.credits;
    for (let i = 0; i < this.owed.length; i++) sum += this.owed[i];
    return Number.isFinite(sum);
  }

  /**
   * What is still owed per bucket (Current first) once the credits settled the oldest amounts:
   * never negative, but for a credit beyond everything owed, which shows as a negative Current
   * (the customer is in credit). Free of float dust: 1,000 less 999.99 paid is 0.01.
   */
  get buckets(): number[] {
    // Without credits nothing is settled: what is owed is the answer, cleaned of dust where it
    // stands (a review reads every customer's buckets, and a copy each is one more list per customer).
    const buckets = this.credits === 0 ? this.owed : this.owed.slice();
    let credit = -this.credits;
    for (let i = buckets.length - 1; i >= 0 && credit > 0; i--) {
      const settled = Math.min(buckets[i], credit);
      buckets[i] -= settled;
      credit -= settled;
    }
    if (credit > 0) buckets[0] -= credit;
    for (let i = 0; i < buckets.length; i++) buckets[i] = withoutFloatDust(buckets[i]);
    return buckets;
  }
}

/** Everything past due and still owed after credits (every bucket of AgingTotals.buckets but Current): never below 0. */
export function overdueOf(buckets: readonly number[]): number {
  let sum = 0;
  for (let i = 1; i < buckets.length; i++) sum += buckets[i];
  return withoutFloatDust(sum);
}

/**
 * Days past due of the oldest item still owed once `credits` (0 or less) settled the oldest
 * items first; 0 when nothing overdue is still owed. `ages` and `amounts` are the positive open
 * items, in any order. A remainder that is only float dust is settled.
 */
export function oldestStillOwed(ages: readonly number[], amounts: readonly number[], credits: number): number {
  const oldestFirst = ages.map((_, i) => i).sort((a, b) => ages[b] - ages[a]);
  let credit = -credits;
  for (const i of oldestFirst) {
    if (withoutFloatDust(amounts[i] - credit) > 0) return Math.max(0, ages[i]);
    credit -= amounts[i];
  }
  return 0;
}

/**
 * What is still owed of `owedBeyond` (the positive open amounts more than some number of days
 * past due) once `credits` settled the oldest first: those amounts are the oldest, so the credits
 * reach them before any younger one.
 */
export function stillOwedBeyond(owedBeyond: number, credits: number): number {
  return withoutFloatDust(Math.max(0, owedBeyond + credits));
}

/**
 * No receivable is a century overdue or due a century ahead: a gap that wide is a number that is
 * no date (days past due, payment terms, a year) passed where one belongs, read as a day of 1900.
 */
export const CENTURY_DAYS = 36_525;

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
 * credit note needs no due date (it settles the oldest amounts owed); an amount owed with no
 * due date is an error naming both cells, never "Current". Text amounts marked with two
 * currencies ("USD 1,200" and "EUR 800") are an error naming the second: added as they stand,
 * their total would be in neither. A due date more than a century from `asOf` is an error too,
 * never an amount in the oldest bucket: see CENTURY_DAYS.
 */
export function ageItems(
  items: AgingItems,
  asOf: number,
  edges: readonly number[],
  totals = new AgingTotals(edges),
): AgingTotals {
  // Plain numbers are read inline rather than through numberOrProblem and serialOrProblem: on a
  // full column (a million items) the calls cost CREDIT.AGING about a tenth more.
  let currency: CurrencyMark | undefined;
  for (let i = 0; i < items.length; i++) {
    const rawAmount = items.amount(i);
    let amount: number;
    if (typeof rawAmount === "number" && Number.isFinite(rawAmount)) {
      amount = rawAmount;
    } else {
      const reading = readAmount(rawAmount);
      if (reading.kind === "blank") continue;
      if (reading.kind === "invalid")
        throw notNumberError(reading, "aging.amountInvalid", {}, { param: "amounts", ...items.place(i) });
      amount = reading.value;
      if (reading.currency !== undefined) {
        const joined = joinedCurrency(currency, reading.currency);
        if (joined === undefined)
          throw new CreditError(
            "value",
            "aging.mixedCurrencies",
            { first: currencyMarkText(currency!), second: currencyMarkText(reading.currency) },
            { param: "amounts", ...items.place(i) },
          );
        currency = joined;
      }
    }
    if (amount === 0) continue;
    const rawDue = items.due(i);
    let due: number;
    if (typeof rawDue === "number" && rawDue >= 1 && rawDue <= MAX_SERIAL) {
      due = Math.floor(rawDue);
    } else {
      const reading = readDate(rawDue);
      if (reading.kind === "blank") {
        // A credit note settles the oldest amounts owed whatever its date, so it needs none.
        if (amount < 0) {
          totals.addCredit(amount);
          continue;
        }
        throw dueDateMissing(amount).at({ param: "dueDates", ...items.place(i) });
      }
      if (reading.kind === "invalid") {
        throw notDateError(reading, "aging.dueInvalid", {}, { param: "dueDates", ...items.place(i) });
      }
      due = reading.serial;
    }
    const age = asOf - due;
    if (age > CENTURY_DAYS || age < -CENTURY_DAYS)
      throw new CreditError(
        "value",
        "aging.dueFarFromAsOf",
        { due, value: showValue(rawDue), other: "asOf", asOf },
        { param: "dueDates", ...items.place(i) },
      );
    totals.add(amount, age);
  }
  if (!totals.isFinite) {
    throw new CreditError("num", "aging.notFinite");
  }
  return totals;
}

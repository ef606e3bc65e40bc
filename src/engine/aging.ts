/** Receivables aging: open items bucketed by days past due (Current, then one bucket per edge), with their totals. */
import {
  CellValue,
  CurrencyMark,
  currencyMarkText,
  isMoreThanACentury,
  joinedCurrency,
  MAX_SERIAL,
  readAmount,
  readDate,
  showValue,
} from "./cells";
import { customerKey } from "./customer-key";
import { CreditError, ErrorPlace, notDateError, notNumberError } from "./errors";
import { Lang, message } from "./i18n";
import { moneyText } from "./money";
import { withoutFloatDust, withoutSumDust } from "./precision";

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
 * Customers' buckets (AgingTotals.buckets, each customer's credits having settled its own
 * invoices) added up as a portfolio adds them: each as it stands, so a customer in credit takes
 * its negative Current off the others' Current.
 */
export class AgingSums {
  /** The running sums, float dust and all (see totals). */
  readonly sums: number[];

  constructor(size: number) {
    this.sums = new Array<number>(size).fill(0);
  }

  add(buckets: readonly number[]): void {
    for (let i = 0; i < buckets.length; i++) this.sums[i] += buckets[i];
  }

  /** The sums free of the dust adding leaves (0.1 + 0.2 is 0.3). */
  get totals(): number[] {
    return this.sums.map(withoutSumDust);
  }
}

/**
 * The open items of several customers, each customer's aged on its own as the review ages a
 * ledger's (its credits settle its own oldest amounts owed, never another customer's), the
 * customers known by customerKey as a ledger's are.
 */
class CustomersAging {
  private readonly byKey = new Map<string, AgingTotals>();
  /** A ledger lists a customer's rows together: the previous row's customer is most often this one's. */
  private previousCell: CellValue = undefined;
  private previous: AgingTotals | undefined;

  constructor(private readonly edges: readonly number[]) {}

  /** The totals of the customer `cell` names; undefined for a blank cell (no one's). */
  of(cell: CellValue): AgingTotals | undefined {
    if (cell === this.previousCell && this.previous !== undefined) return this.previous;
    const key = cell === null || cell === undefined ? "" : customerKey(String(cell));
    if (key === "") return undefined;
    let totals = this.byKey.get(key);
    if (totals === undefined) this.byKey.set(key, (totals = new AgingTotals(this.edges)));
    this.previousCell = cell;
    this.previous = totals;
    return totals;
  }

  /** The customers' buckets added up (AgingSums); a sum past the largest number is an error, as one customer's is. */
  get buckets(): number[] {
    const sums = new AgingSums(this.edges.length + 2);
    for (const totals of this.byKey.values()) sums.add(totals.buckets);
    if (!sums.sums.every(Number.isFinite)) throw new CreditError("num", "aging.notFinite");
    return sums.totals;
  }
}

/** Column accessors, so a caller can age an Excel range without copying it. */
export interface AgingItems {
  readonly length: number;
  amount(index: number): CellValue;
  due(index: number): CellValue;
  /**
   * The customer of item `index`, when the items are several customers': each customer's are aged
   * on its own. Without it they are one customer's, its credits settling its oldest amounts owed.
   */
  customer?(index: number): CellValue;
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
 * never an amount in the oldest bucket: see isMoreThanACentury. With `items.customer`, each
 * customer's items are aged apart and the buckets are the customers' added up (AgingSums); an
 * amount whose customer is blank is an error naming its place. Returns what is still owed per
 * bucket (AgingTotals.buckets).
 */
export function ageItems(items: AgingItems, asOf: number, edges: readonly number[]): number[] {
  const customers = items.customer === undefined ? undefined : new CustomersAging(edges);
  const single = customers === undefined ? new AgingTotals(edges) : undefined;
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
    const totals = single ?? customers!.of(items.customer!(i));
    if (totals === undefined)
      throw new CreditError(
        "value",
        "aging.customerBlank",
        { amount: moneyText(amount) },
        { param: "customers", ...items.place(i) },
      );
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
    if (isMoreThanACentury(age))
      throw new CreditError(
        "value",
        "aging.dueFarFromAsOf",
        { due, value: showValue(rawDue), other: "asOf", asOf },
        { param: "dueDates", ...items.place(i) },
      );
    totals.add(amount, age);
  }
  if (customers !== undefined) return customers.buckets;
  if (!single!.isFinite) throw new CreditError("num", "aging.notFinite");
  return single!.buckets;
}

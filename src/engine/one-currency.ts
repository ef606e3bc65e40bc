/**
 * Amounts a figure is worked out from together (a ratio's two sides, a Z-score's inputs) must be
 * in one currency: no rate is known, so a ratio of dollars to euros would be a number that means
 * nothing. Each amount is named (an argument, a column) so that a refusal can say which two disagree.
 * The functions and the review's customer rows (review/row-currencies.ts) both go by this rule.
 */
import { CurrencyMark, currencyMarkText, joinedCurrency } from "./cells";
import { CreditError } from "./errors";

/** The amount noted before whose currency another amount's mark cannot name, and that currency. */
export interface CurrencyClash {
  readonly other: string;
  readonly otherMark: CurrencyMark;
}

/**
 * The currency of one set of named amounts, noted one amount at a time. Two marks that can name
 * one currency ("$" and "USD", "元" and "RMB") are one. An amount with no mark (a plain number,
 * or text such as "1,200"; a cell formatted as currency reaches a function as a plain number) is
 * taken to be in the currency the marked ones name, as CREDIT.AGING adds it with them: it says
 * nothing against them, and a sheet often marks only the amounts typed as text.
 */
export class OneCurrency {
  /** The currency the marked amounts noted so far name; undefined while none is marked. */
  private currency: CurrencyMark | undefined;
  /** The amount whose mark says `currency` most narrowly ("USD" rather than the "$" before it). */
  private markedBy = "";

  /**
   * Joins amount `name`'s mark (undefined when it carries none) to those noted before: the amount
   * and currency it clashes with when it cannot name their currency (it is then not noted),
   * undefined when it can.
   */
  join(name: string, mark: CurrencyMark | undefined): CurrencyClash | undefined {
    if (mark === undefined) return undefined;
    const joined = joinedCurrency(this.currency, mark);
    if (joined === undefined) return { other: this.markedBy, otherMark: this.currency! };
    if (joined !== this.currency) {
      this.currency = joined;
      this.markedBy = name;
    }
    return undefined;
  }

  /** The currency the amounts noted so far name; undefined while none is marked. */
  get mark(): CurrencyMark | undefined {
    return this.currency;
  }

  /** The currency the amounts noted so far name, and the amount that says it most narrowly; undefined while none is marked. */
  get marked(): { readonly name: string; readonly mark: CurrencyMark } | undefined {
    return this.currency === undefined ? undefined : { name: this.markedBy, mark: this.currency };
  }

  /**
   * Notes amount `name`'s mark (undefined when it carries none). A mark that cannot name the
   * currency of the amounts noted before is a CreditError naming both amounts and both marks.
   */
  note(name: string, mark: CurrencyMark | undefined): void {
    const clash = this.join(name, mark);
    if (clash)
      throw new CreditError("value", "arg.mixedCurrencies", {
        param: name,
        mark: currencyMarkText(mark!),
        other: clash.other,
        otherMark: currencyMarkText(clash.otherMark),
      });
  }
}

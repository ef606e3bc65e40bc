/**
 * A date cell the review reads (an invoice's due date, a customer's negative news date) held
 * against the review date: one more than a century from it is a number that is no date (days
 * past due, payment terms, days since the news) read as a day of 1900, refused at its cell
 * rather than aged 91+ or taken for old news.
 */
import { CellValue, isMoreThanACentury, showValue } from "../cells";
import { CreditError } from "../errors";
import "../i18n/report";

/** The error for `cell`, read as the date `serial`, when that is more than a century from the review date `asOf`; else undefined. */
export function farFromReviewDate(serial: number, cell: CellValue, asOf: number): CreditError | undefined {
  return isMoreThanACentury(asOf - serial)
    ? new CreditError("value", "review.farFromReviewDate", { value: showValue(cell), date: serial, asOf })
    : undefined;
}

/**
 * A date argument read against the date it goes with: more than a century apart, it is a number
 * that is no date (a year, a number of days, another argument's value in its place) read as a day
 * of 1900 or of a century to come. The rule CREDIT.AGING holds due dates to (CENTURY_DAYS), said
 * of any date argument and its reference.
 */
import { CellValue, isMoreThanACentury, showValue } from "./cells";
import { CreditError } from "./errors";

/**
 * Refuses argument `param`, read as the date `date` from `cell`, when it is more than a century
 * from `reference`: today when `referenceParam` is left out (what a date defaulting to today is
 * read against), else the argument of that name.
 */
export function checkDateNear(param: string, date: number, cell: CellValue, reference: number, referenceParam?: string): void {
  if (!isMoreThanACentury(date - reference)) return;
  const typed = { param, date, value: showValue(cell) };
  throw referenceParam === undefined
    ? new CreditError("value", "arg.dateFarFromToday", { ...typed, today: reference })
    : new CreditError("value", "arg.dateFarFrom", { ...typed, other: referenceParam, reference });
}

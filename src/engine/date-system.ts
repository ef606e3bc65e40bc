/**
 * A workbook's date system. The engine counts dates as Excel's default 1900 system does; a
 * workbook saved in the 1904 system (an option of Excel's, the default of old Mac versions)
 * stores the same day 1,462 lower. Every face reads a date-formatted number up into the 1900
 * count and writes a date back down, so a review shows the same day in either workbook.
 */
import type { CellValue } from "./cells";
import type { CellFormat } from "./review/write-plan";

/** Days between the 1900 and 1904 date systems' day 0. */
export const DATE_1904_OFFSET = 1462;

/**
 * A number format code without its quoted texts and escaped characters ("\-", "_)", "*-"), read
 * left to right as Excel reads it: a quote escaped between two quoted texts ('"US"\""D "', a
 * currency named with a quote) is part of neither.
 */
export function withoutLiterals(code: string): string {
  return code.replace(/"[^"]*"|\\.|_.|\*./g, "");
}

/** Whether a number format code shows a date or time: d, m, y, h or s outside quotes, escapes and [colour] sections. */
export function isDateFormat(code: string): boolean {
  const bare = withoutLiterals(code)
    .replace(/\[[^\]]*\]/g, (section) => (/^\[(h+|m+|s+)\]$/i.test(section) ? "h" : ""))
    .replace(/General/gi, "");
  return /[dmyhs]/i.test(bare);
}

/**
 * A date-formatted number of a 1904 workbook in the 1900 count. A 0 stays 0: the engine reads it as
 * a blank date (a formula's "no date"), as it does in a 1900 workbook, not as 1 January 1904.
 */
export function dateFrom1904(value: number): number {
  return value === 0 ? 0 : value + DATE_1904_OFFSET;
}

/** The plan's formats that show a date: their numbers are day serials. */
export function isDateCellFormat(format: CellFormat): boolean {
  return format === "date" || format === "month";
}

/** A plan's number as a 1904 workbook stores it: a date's serial 1,462 lower, anything else as it is. */
export function storedIn1904(value: number, format: CellFormat): number {
  return isDateCellFormat(format) ? value - DATE_1904_OFFSET : value;
}

/**
 * A 1904 workbook's values as the engine reads them: each number whose cell shows a date (its
 * number format, `formats`, cell by cell as Office.js gives them) counted in the 1900 system.
 * Changed in place, since a sheet's values are read afresh for each review.
 */
export function datesFrom1904(values: CellValue[][], formats: readonly (readonly string[])[]): void {
  const dateFormat = new Map<string, boolean>();
  values.forEach((line, r) => {
    const lineFormats = formats[r];
    if (lineFormats === undefined) return;
    for (let c = 0; c < line.length; c++) {
      const value = line[c];
      if (typeof value !== "number") continue;
      const format = lineFormats[c] ?? "General";
      let isDate = dateFormat.get(format);
      if (isDate === undefined) dateFormat.set(format, (isDate = isDateFormat(format)));
      if (isDate) line[c] = dateFrom1904(value);
    }
  });
}

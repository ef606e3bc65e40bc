/** A number in a text column (the team's responses) read as its cell shows it, by its number format. */
import { booleanText, sameResponse, shownNumber } from "../../../src/engine/shown-text";

test.each<[string, number, string | undefined, string]>([
  ["a date typed as a response, in Excel's short date", 46371, "m/d/yyyy", "2026-12-15"],
  ["in a Chinese date format", 46371, 'yyyy"年"m"月"d"日"', "2026-12-15"],
  ["a date and time", 46371.5, "yyyy-mm-dd hh:mm", "2026-12-15 12:00"],
  ["a date and time at midnight: the date alone", 46371, "yyyy-mm-dd hh:mm", "2026-12-15"],
  ["a date format over a time a minute short of midnight", 46371.9999999, "yyyy-mm-dd hh:mm", "2026-12-16"],
  ["a percentage", 0.5, "0%", "50%"],
  ["a percentage with decimals", 0.125, "0.00%", "12.50%"],
  ["a percentage with a colour for negatives", -0.1, "0.0%;[Red]-0.0%", "-10.0%"],
  ["a number with the format's decimals", 12.5, "0.00", "12.50"],
  ["with thousands separators", 1234.5, "#,##0.00", "1,234.50"],
  ["a negative number by the format's own section", -1234.5, "#,##0.00;(#,##0.00)", "(1,234.50)"],
  ["a negative percentage in brackets", -0.05, "0.00%;(0.00%)", "(5.00%)"],
  ["a negative number without a second section", -3, "0", "-3"],
  ["a percentage rounded as Excel rounds it", 0.145, "0%", "15%"],
  ["a currency's quoted and bracketed marks left out", 1234.5, '[$¥-804]#,##0.00;"-"[$¥-804]#,##0.00', "1,234.50"],
  ["a fraction as the number", 0.5, "# ?/?", "0.5"],
  ["an exponent as the number", 12345, "0.00E+00", "12345"],
  ["Excel's date and time for en-US (built-in 22)", 46371.4375, "m/d/yyyy h:mm", "2026-12-15 10:30"],
  ["a time a few seconds short of midnight, cut to its minute", 46371 + 86390 / 86400, "yyyy-mm-dd hh:mm", "2026-12-15 23:59"],
  ["a time of day alone", 0.3958333333333333, "h:mm", "09:30"],
  ["a time of day in twelve hours, shown in 24", 0.6458333333333334, "h:mm AM/PM", "15:30"],
  ["a time with seconds", 0.5000115740740741, "h:mm:ss", "12:00:01"],
  ["an elapsed time in hours", 1.5, "[h]:mm:ss", "36:00:00"],
  ["months alone show the date", 46371, "mmmm", "2026-12-15"],
  ["minutes and seconds alone", 0.5 + 75 / 86400, "mm:ss", "01:15"],
  ["commas after the digits scale by thousands", 1234567, "0.0,,", "1.2"],
  ["thousands, grouped", 12345678, "#,##0.00,", "12,345.68"],
  ["General", 46371, "General", "46371"],
  ["no format", 46371, undefined, "46371"],
  ["a date format over a number no date can be", -3, "yyyy-mm-dd", "-3"],
  ["a date format over a number under a day", 0.5, "yyyy-mm-dd", "0.5"],
  ["a quoted d is no date", 7, '0 "days"', "7"],
  // A currency named with a quote, as the summary's amounts in two currencies write it: read left to right, no date.
  ["a quote escaped between quoted texts is neither", 1234.5, '"US"\\""D "#,##0.00;"US"\\""D "-#,##0.00', "1,234.50"],
  ["nor is one between quoted months and days", 1234.5, '"M"\\""S "#,##0.00', "1,234.50"],
])("%s", (_name, value, code, shown) => {
  expect(shownNumber(value, code)).toBe(shown);
});

test("booleans as Excel shows them", () => {
  expect([booleanText(true), booleanText(false)]).toEqual(["TRUE", "FALSE"]);
});

test.each<[string, string | undefined, string | undefined, boolean]>([
  ["the same text", "Called, paid half", "Called, paid half", true],
  ["a date archived as its bare number", "46371", "2026-12-15", true],
  ["a date and time", "46371.4375", "2026-12-15 10:30", true],
  ["a percentage", "0.5", "50%", true],
  ["a grouped figure with decimals", "1234.5", "1,234.50", true],
  ["a bracketed negative", "-1234.5", "(1,234.50)", true],
  ["a time of day", "0.3958333333333333", "09:30", true],
  ["a boolean", "true", "TRUE", true],
  ["another date", "46371", "2026-12-16", false],
  ["another share", "0.5", "51%", false],
  ["a number typed as text and one kept as a number alike", "7", "7", true],
  ["a number with its format's decimals", "3", "3.00", true],
  ["a number it only rounds to is another response", "2.5", "3", false],
  ["nor one rounding to zero", "0.4", "0", false],
  ["a date read before without its time (Excel's built-in 22)", "2026-12-15", "2026-12-15 09:30", true],
  ["a date and time read before to the minute", "2026-12-15 09:30", "2026-12-15 09:30:00", true],
  ["another time that day", "2026-12-15 09:30", "2026-12-15 10:30", false],
  ["a text that merely looks like a number", "46371 ok", "2026-12-15", false],
  ["a response where none was", undefined, "50%", false],
  ["none now", "0.5", undefined, false],
])("a response read now against the one archived before responses were read as shown: %s", (_name, archived, now, same) => {
  expect(sameResponse(archived, now)).toBe(same);
});

/** A number in a text column (the team's responses) read as its cell shows it, by its number format. */
import { booleanText, shownNumber } from "../../../src/engine/shown-text";

test.each<[string, number, string | undefined, string]>([
  ["a date typed as a response, in Excel's short date", 46371, "m/d/yyyy", "2026-12-15"],
  ["in a Chinese date format", 46371, 'yyyy"年"m"月"d"日"', "2026-12-15"],
  ["a date and time", 46371.5, "yyyy-mm-dd hh:mm", "2026-12-15 12:00"],
  ["a date and time at midnight: the date alone", 46371, "yyyy-mm-dd hh:mm", "2026-12-15"],
  ["a date format over a time a minute short of midnight", 46371.9999999, "yyyy-mm-dd hh:mm", "2026-12-16"],
  ["a percentage", 0.5, "0%", "50%"],
  ["a percentage with decimals", 0.125, "0.00%", "12.50%"],
  ["a percentage with a colour for negatives", -0.1, "0.0%;[Red]-0.0%", "-10.0%"],
  ["a plain number", 12.5, "0.00", "12.5"],
  ["General", 46371, "General", "46371"],
  ["no format", 46371, undefined, "46371"],
  ["a date format over a number no date can be", -3, "yyyy-mm-dd", "-3"],
  ["a quoted d is no date", 7, '0 "days"', "7"],
])("%s", (_name, value, code, shown) => {
  expect(shownNumber(value, code)).toBe(shown);
});

test("booleans as Excel shows them", () => {
  expect([booleanText(true), booleanText(false)]).toEqual(["TRUE", "FALSE"]);
});

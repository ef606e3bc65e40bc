/**
 * Where a bad value is, as each language says it: a sheet's column by its letters with its header
 * after the column's whole name ("第 24 行 E 列（行业风险）", never "第 24 行，E（行业风险）列"), a
 * column counted in a function's range by its number ("第 3 列"), a sheet or a row alone.
 */
import { describeError, ErrorPlace } from "../../../src/engine/errors";
import { Lang } from "../../../src/engine/i18n";

const error = (place: ErrorPlace) => ({ key: "arg.blank" as const, params: { param: "industryRisk" }, place });

test.each<[string, ErrorPlace, Lang, string]>([
  ["a cell with its header", { row: 24, column: "E (Industry risk)" }, "en", "row 24, column E (Industry risk): "],
  ["a cell with its header", { row: 24, column: "E (行业风险)" }, "zh", "第 24 行 E 列（行业风险）："],
  ["a cell whose column has no header", { row: 24, column: "E" }, "en", "row 24, column E: "],
  ["a cell whose column has no header", { row: 24, column: "E" }, "zh", "第 24 行 E 列："],
  [
    "a cell on another sheet",
    { sheet: "Invoices", row: 123, column: "C (Due date)" },
    "en",
    "sheet Invoices, row 123, column C (Due date): ",
  ],
  [
    "a cell on another sheet",
    { sheet: "Invoices", row: 123, column: "C (到期日)" },
    "zh",
    "工作表“Invoices”第 123 行 C 列（到期日）：",
  ],
  ["a header holding brackets of its own", { row: 2, column: "I (Balance (EUR))" }, "zh", "第 2 行 I 列（Balance (EUR)）："],
  ["a row on another sheet", { sheet: "Invoices", row: 123 }, "zh", "工作表“Invoices”第 123 行："],
  ["a row alone", { row: 7 }, "zh", "第 7 行："],
  ["a sheet alone", { sheet: "Credit Policy" }, "zh", "工作表“Credit Policy”："],
  ["a function's range, counted", { param: "amounts", row: 2, column: "3" }, "en", "amounts row 2, column 3: "],
  ["a function's range, counted", { param: "amounts", row: 2, column: "3" }, "zh", "amounts第 2 行第 3 列："],
  ["a function's one-row range, counted", { param: "amounts", column: "3" }, "en", "amounts column 3: "],
  ["a function's one-row range, counted", { param: "amounts", column: "3" }, "zh", "amounts第 3 列："],
])("%s (%s)", (_, place, lang, where) => {
  const text = describeError(error(place), lang);
  expect(text.startsWith(where)).toBe(true);
  // The place once, then the error's own sentence.
  expect(text.slice(where.length)).toBe(describeError(error({}), lang));
});

/** The cell readers every front end shares: what a cell means must not depend on where it came from. */
import {
  addMonths,
  addMonthsFromMonthEnd,
  amountOrProblem,
  currencyMarkOf,
  isBlankCell,
  isEmptyCell,
  isoFromSerial,
  readAmount,
  readDate,
  readNumber,
  sameCurrencyMark,
  serialFromYMD,
  todaySerial,
  ymdFromSerial,
} from "../../../src/engine/cells";
import { roundCents } from "../../../src/engine/money";

describe("blank and empty cells", () => {
  // An input of spaces reads as empty; a sheet's cell of spaces is something someone typed, which
  // the review keeps and compares.
  test.each([
    [null, true, true],
    [undefined, true, true],
    ["", true, true],
    ["  ", false, true],
    ["\u3000", false, true],
    [0, false, false],
    [false, false, false],
    ["x", false, false],
  ])("%j: blank %s, empty %s", (value, blank, empty) => {
    expect(isBlankCell(value)).toBe(blank);
    expect(isEmptyCell(value)).toBe(empty);
  });
});

describe("readNumber", () => {
  test.each([
    [42, 42],
    [-0, 0],
    ["1,234.5", 1234.5],
    [" 12 ", 12],
    ["70%", 0.7],
    ["12.5%", 0.125],
    ["(500)", -500],
    ["-1,000", -1000],
    ["¥3,000", 3000],
    ["$3,400.50", 3400.5],
    ["3,000元", 3000],
    ["RMB 1,200", 1200],
    ["１２３", 123],
    ["1e3", 1000],
    ["12.5", 12.5],
    ["0.125", 0.125],
    ["(1,234.00)", -1234],
    ["1 234 567.89", 1234567.89],
    ["1'234.5", 1234.5],
    // The European notation, where its separators leave no doubt.
    ["1.250.000", 1250000],
    ["12.500,50", 12500.5],
    ["1.250.000,00", 1250000],
    ["1 250 000,00", 1250000],
    ["1\u00a0250\u00a0000,00", 1250000],
    ["-1.250.000", -1250000],
    ["+5", 5],
    ["¥-3,000", -3000],
    ["-¥3,000", -3000],
    ["€1.250.000,00", 1250000],
    // A ratio or a score is no amount: its dot is a decimal point.
    ["12.500", 12.5],
    ["1.250", 1.25],
    ["12,500", 12500],
    [new Date(Date.UTC(2026, 10, 30)), 46356],
    [{ formula: "A1*2", result: 8 }, 8],
  ])("%p reads as %p", (cell, expected) => {
    expect(readNumber(cell)).toEqual({ kind: "number", value: expected });
  });

  test.each([null, undefined, "", "   "])("%p is blank", (cell) => {
    expect(readNumber(cell)).toEqual({ kind: "blank" });
  });

  test.each([
    ["abc", "abc"],
    ["N/A", "N/A"],
    ["#N/A", "#N/A"],
    [true, "TRUE"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    ["1e999", "1e999"],
    ["1,23,4", "1,23,4"],
    ["1.234.56", "1.234.56"],
    ["1,234,56", "1,234,56"],
    ["1.234,567.8", "1.234,567.8"],
    // A decimal comma alone is as likely a slip in "1,234" (or "0,125" in "125"): refused, not guessed.
    ["12,34", "12,34"],
    ["0,125", "0,125"],
    [{ error: "#REF!" }, "#REF!"],
    // One sign at most: two would read a loss typed "(-58,091)" as a profit.
    ["(-58,091)", "(-58,091)"],
    ["--5", "--5"],
    ["- -5", "- -5"],
    ["+-5", "+-5"],
    ["-¥-3,000", "-¥-3,000"],
  ])("%p is invalid, shown as %p", (cell, shown) => {
    expect(readNumber(cell)).toEqual({ kind: "invalid", shown });
  });
});

describe("readAmount", () => {
  test.each([
    ["12.500", 12500, 12.5],
    ["1.250", 1250, 1.25],
    ["100.000", 100000, 100],
    ["-12.500", -12500, -12.5],
    ["(12.500)", -12500, -12.5],
    ["€12.500", 12500, 12.5],
    ["１２．５００", 12500, 12.5],
  ])("%p could be %p or %p: reported with both, not guessed", (cell, grouped, decimal) => {
    expect(readAmount(cell)).toEqual({ kind: "invalid", shown: cell, ambiguous: { grouped, decimal } });
    expect(amountOrProblem(cell)).toEqual({ kind: "invalid", shown: cell, ambiguous: { grouped, decimal } });
  });

  test.each([
    ["12.5", 12.5],
    ["0.500", 0.5],
    ["1234.500", 1234.5],
    ["12,500", 12500],
    ["1,250.500", 1250.5],
    ["1.250.000", 1250000],
    ["12.500,00", 12500],
    [12.5, 12.5],
  ])("%p leaves no doubt: %p", (cell, value) => {
    expect(readAmount(cell)).toEqual({ kind: "number", value });
    expect(amountOrProblem(cell)).toBe(value);
  });

  test.each(["12.500%", "20%", "(5%)"])(
    "%p is a percentage where an amount belongs: refused as one, though a number reads it",
    (cell) => {
      expect(readAmount(cell)).toEqual({ kind: "invalid", shown: cell, percent: true });
      expect(readNumber(cell).kind).toBe("number");
    },
  );

  test.each([
    ["USD 30,000", 30000, "USD"],
    ["US$30,000", 30000, "USD"],
    ["30,000 usd", 30000, "USD"],
    ["HK$ 1,200", 1200, "HKD"],
    ["€1.250.000,00", 1250000, "EUR"],
    ["EUR 12,500.50", 12500.5, "EUR"],
    ["¥3,000", 3000, "yen"],
    ["RMB 1,200", 1200, "CNY"],
    ["3,000元", 3000, "CNY"],
    ["3,000美元", 3000, "USD"],
    ["人民币3,000", 3000, "CNY"],
    ["$3,400.50", 3400.5, "dollar"],
    ["(£500)", -500, "GBP"],
  ])("%p is %p marked %p", (cell, value, currency) => {
    expect(readAmount(cell)).toEqual({ kind: "number", value, currency });
    expect(amountOrProblem(cell)).toEqual({ kind: "number", value, currency });
    // readNumber reads the figure alone.
    expect(readNumber(cell)).toEqual({ kind: "number", value });
  });

  test.each([
    ["(USD 500)", "USD"],
    ["-$500", "dollar"],
    [" 30,000 EUR ", "EUR"],
    ["3,000元", "CNY"],
    ["-1,234.50", undefined],
    ["(500)", undefined],
    ["12%", undefined],
    ["USD", undefined],
    ["Customer 12", undefined],
    [500, undefined],
    [null, undefined],
  ])("the currency mark of %p is %p, as readAmount reads it", (cell, mark) => {
    expect(currencyMarkOf(cell)).toBe(mark);
  });

  test("a bare sign can be any currency of its family; a code is one currency", () => {
    expect(sameCurrencyMark("dollar", "USD")).toBe(true);
    expect(sameCurrencyMark("HKD", "dollar")).toBe(true);
    expect(sameCurrencyMark("yen", "CNY")).toBe(true);
    expect(sameCurrencyMark("yen", "JPY")).toBe(true);
    expect(sameCurrencyMark("USD", "USD")).toBe(true);
    expect(sameCurrencyMark("USD", "EUR")).toBe(false);
    expect(sameCurrencyMark("dollar", "EUR")).toBe(false);
    expect(sameCurrencyMark("dollar", "yen")).toBe(false);
    expect(sameCurrencyMark("CNY", "JPY")).toBe(false);
  });
});

describe("dates", () => {
  test.each([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 3, 1, 61],
    [2024, 2, 29, 45351],
    [2026, 11, 30, 46356],
    [9999, 12, 31, 2958465],
  ])("%i-%i-%i is serial %i, and back", (year, month, day, serial) => {
    expect(serialFromYMD(year, month, day)).toBe(serial);
    expect(ymdFromSerial(serial)).toEqual({ year, month, day });
  });

  test("serial 60 is Excel's 1900-02-29, which never existed but Excel counts", () => {
    expect(ymdFromSerial(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(isoFromSerial(60)).toBe("1900-02-29");
  });

  test.each([
    [46356, 46356],
    ["2026-11-30", 46356],
    ["2026/11/30", 46356],
    ["2026年11月30日", 46356],
    ["２０２６年１１月３０日", 46356],
    ["Nov 30, 2026", 46356],
    ["November 30 2026", 46356],
    ["30 Nov 2026", 46356],
    ["30-nov-2026", 46356],
    ["Sept. 1, 2026", 46266],
    ["46356", 46356],
    [46356.75, 46356],
    [new Date(Date.UTC(2026, 10, 30)), 46356],
  ])("%p reads as serial %p", (cell, serial) => {
    expect(readDate(cell)).toEqual({ kind: "date", serial });
  });

  test.each([0, null, "", "  "])("%p is a blank date (an empty cell reaches desktop functions as 0)", (cell) => {
    expect(readDate(cell)).toEqual({ kind: "blank" });
  });

  test.each([
    "11/30/2026",
    "05/08/2026",
    "2026-02-30",
    "Feb 30, 2026",
    "Novemberish 3 2026",
    "30 Mayor 2026",
    "tomorrow",
    -5,
    2958466,
    true,
  ])("%p is not a date (a day-or-month order to guess is refused)", (cell) => {
    expect(readDate(cell).kind).toBe("invalid");
  });

  test.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2026-03-31", -1, "2026-02-28"],
  ])("%s plus %i months is %s", (from, months, to) => {
    const start = readDate(from);
    if (start.kind !== "date") throw new Error("bad fixture");
    expect(isoFromSerial(addMonths(start.serial, months))).toBe(to);
  });

  test.each([
    // A month's last day lands on a month's last day: a month-end cycle does not drift to the 28th.
    ["2027-02-28", 1, "2027-03-31"],
    ["2027-02-28", 3, "2027-05-31"],
    ["2028-02-29", 1, "2028-03-31"],
    ["2026-11-30", 1, "2026-12-31"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    // Any other day keeps its day, as addMonths does.
    ["2028-02-28", 1, "2028-03-28"],
    ["2026-12-15", 3, "2027-03-15"],
    ["2026-01-30", 1, "2026-02-28"],
  ])("%s plus %i months from month-end is %s", (from, months, to) => {
    const start = readDate(from);
    if (start.kind !== "date") throw new Error("bad fixture");
    expect(isoFromSerial(addMonthsFromMonthEnd(start.serial, months))).toBe(to);
  });

  test("today follows the local calendar", () => {
    expect(todaySerial(new Date(2026, 10, 30, 23, 59))).toBe(46356);
    expect(todaySerial(new Date(2026, 10, 30, 0, 1))).toBe(46356);
  });
});

test.each([
  [0.1 + 0.2, 0.3],
  [1234.565, 1234.57],
  [-0.004, 0],
  [1e15 + 0.5, 1e15 + 0.5],
])("roundCents(%p) = %p", (value, expected) => {
  expect(roundCents(value)).toBe(expected);
});

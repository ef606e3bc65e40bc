/**
 * Hostile input for every CREDIT.* function: arguments shaped like anything Excel
 * can pass, and some it never does (NaN, Infinity, undefined), at least 10,000 cases per
 * function. The answer must always be a finite number, a string, rows of those, or a
 * CustomFunctions.Error with a message that explains it — never NaN, Infinity, a raw
 * exception or "Internal error". Plus Excel's largest ranges: 1,048,576 rows.
 */
import "../../support/custom-functions-stub";
import fc from "fast-check";
import { onDay } from "../../support/clock";
import { CENTURY_DAYS } from "../../../src/engine/cells";
import { ERROR_CODES, StubError } from "../../support/custom-functions-stub";
import { CREDIT_FUNCTIONS, CreditFunctionId } from "../../../src/functions/library";

const RUNS = 10_000;
const EXCEL_ROWS = 1_048_576;
const LONG = 10_000;

// ---- generators ------------------------------------------------------------------------

const specialNumbers = fc.constantFrom(
  0,
  -0,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  5e-324,
  -5e-324,
  Number.EPSILON,
  NaN,
  Infinity,
  -Infinity,
  0.5,
  1,
  2.5,
  3.5,
  5,
  6,
  // Serial dates: blank-as-0, Excel's first day, its nonexistent 1900-02-29, its last day and one past it.
  1,
  60,
  61,
  46356,
  2958465,
  2958466,
);
const plausibleNumbers = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 40000, max: 50000 }),
  fc.integer({ min: -1_000_000, max: 100_000_000 }),
);
const anyDouble = fc.double();

const longStrings = [
  "x".repeat(LONG),
  "(".repeat(LONG),
  "9".repeat(LONG),
  "1,".repeat(LONG / 2),
  "😀".repeat(LONG / 2),
  " ".repeat(LONG),
  `2026-11-01T${"1".repeat(LONG)}`,
];
const specialText = fc.constantFrom(
  "",
  " ",
  "\t\n",
  "1,234.5",
  "12%",
  "-12 %",
  "(500)",
  "（500）",
  "¥1,200,000",
  "$3,400.50",
  "1 200",
  "１２０，０００",
  "1e308",
  "-1e308",
  "1e999",
  "5e-324",
  "NaN",
  "Infinity",
  "N/A",
  "#N/A",
  "#REF!",
  "#DIV/0!",
  "=1+1",
  "=cmd|' /C calc'!A0",
  "<script>alert(1)</script>",
  "😀",
  "\u0000",
  "\uD800",
  "2026-11-01",
  "2026年11月1日",
  "2026年13月1日",
  "9999-12-31",
  "10000-01-01",
  "1900-02-29",
  "1899-12-30",
  "11/01/2026",
  "TRUE",
  "是",
  "public",
  "private",
  "nonmanufacturing",
  "emerging",
  "Z″-EM",
  "high",
  ...longStrings,
);
const anyText = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ maxLength: 12, unit: "binary" }));

/** One cell as Excel (or something worse) hands it over. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: specialNumbers },
  { weight: 3, arbitrary: plausibleNumbers },
  { weight: 1, arbitrary: anyDouble },
  { weight: 3, arbitrary: specialText },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
);

/** Rectangular ranges, ragged ones, empty ones and nesting Excel never produces. */
function rangeOf(width: fc.Arbitrary<number>, height: fc.Arbitrary<number>): fc.Arbitrary<unknown[][]> {
  return fc
    .tuple(width, height)
    .chain(([w, h]) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }));
}
const oddRange: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>([], [[]], [[], []], [[1], []], [[1, 2], [3]], [1, 2, 3], [[[1]]], [[null]], [[undefined]]),
  fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 4 }),
);
const range: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: rangeOf(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 })) },
  { weight: 2, arbitrary: rangeOf(fc.constant(5), fc.integer({ min: 1, max: 8 })) },
  { weight: 1, arbitrary: rangeOf(fc.constant(1), fc.constant(5)) },
  { weight: 1, arbitrary: oddRange },
);
const argument = (kind: "cell" | "range"): fc.Arbitrary<unknown> =>
  kind === "cell"
    ? fc.oneof({ weight: 9, arbitrary: cell }, { weight: 1, arbitrary: range })
    : fc.oneof({ weight: 1, arbitrary: cell }, { weight: 6, arbitrary: range });

/** What each function takes, so most cases reach past the first parameter. */
const SIGNATURES: Record<CreditFunctionId, readonly ("cell" | "range")[]> = {
  SCORE: ["range", "range"],
  GRADE: ["cell", "cell", "cell"],
  ZSCORE: ["cell", "cell", "cell", "cell", "cell", "cell", "cell", "cell"],
  ZONE: ["cell", "cell"],
  AGING: ["range", "range", "cell", "range"],
  AGINGLABELS: ["range"],
  CURRENTRATIO: ["cell", "cell"],
  QUICKRATIO: ["cell", "cell", "cell"],
  DEBTRATIO: ["cell", "cell"],
  COVERAGE: ["cell", "cell"],
  DSO: ["cell", "cell", "cell"],
  LIMIT: ["cell", "cell", "cell"],
  NEXTREVIEW: ["cell", "cell", "cell", "cell"],
};

/** Arguments for one call: the declared ones (some left off, as Excel does), sometimes one too many. */
function callArgs(id: CreditFunctionId): fc.Arbitrary<unknown[]> {
  const kinds = SIGNATURES[id];
  const full = fc.tuple(...kinds.map(argument)).map((args) => [...args] as unknown[]);
  return fc.oneof(
    { weight: 6, arbitrary: full },
    { weight: 2, arbitrary: fc.tuple(full, fc.nat({ max: kinds.length })).map(([args, n]) => args.slice(0, n)) },
    { weight: 1, arbitrary: fc.tuple(full, cell).map(([args, extra]) => [...args, extra]) },
  );
}

/** AGING with amounts and due dates of the same shape, so cases reach the aging itself. */
const agingArgs: fc.Arbitrary<unknown[]> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 30 }))
  .chain(([w, h]) =>
    fc.tuple(
      rangeOf(fc.constant(w), fc.constant(h)),
      rangeOf(fc.constant(w), fc.constant(h)),
      argument("cell"),
      fc.oneof(fc.constant(undefined), argument("range")),
    ),
  )
  .map((args) => [...args]);

// ---- the contract ----------------------------------------------------------------------

/** The only error codes whose custom message Excel shows: any other would hide the reason from the user. */
const CODES = new Set<string>([ERROR_CODES.invalidValue, ERROR_CODES.notAvailable]);

/** Why `value` is not an acceptable answer for a cell, or undefined when it is. */
function problemWith(value: unknown, depth = 0): string | undefined {
  if (value instanceof StubError) {
    if (!CODES.has(value.code)) return `${value.code}, whose message Excel does not show`;
    if (typeof value.message !== "string" || value.message.trim() === "") return `${value.code} without a message`;
    if (value.message.startsWith("Internal error")) return `a bug reached the cell: ${value.message}`;
    return undefined;
  }
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `non-finite number ${value}`;
  if (typeof value === "string") return undefined;
  if (Array.isArray(value) && depth === 0) {
    if (value.length === 0) return "an empty array";
    for (const row of value) {
      if (!Array.isArray(row) || row.length === 0) return "a row that is not a non-empty array";
      for (const item of row) {
        const problem = problemWith(item, 2);
        if (problem) return problem;
      }
    }
    return undefined;
  }
  return `a ${typeof value} (${String(value).slice(0, 40)})`;
}

function call(id: CreditFunctionId, args: readonly unknown[]): unknown {
  try {
    return (CREDIT_FUNCTIONS[id] as (...raw: unknown[]) => unknown)(...args);
  } catch (thrown) {
    // The adapter throws CustomFunctions.Error (Excel shows it in the cell); anything else is a crash.
    if (thrown instanceof StubError) return thrown;
    return `THREW ${thrown instanceof Error ? thrown.stack : String(thrown)}`;
  }
}

function expectExcelAnswer(id: CreditFunctionId, args: readonly unknown[]): void {
  const answer = call(id, args);
  if (typeof answer === "string" && answer.startsWith("THREW ")) throw new Error(`${id} threw: ${answer}`);
  // A date answer must be a date Excel can show (1900-01-01 … 9999-12-31), not a serial past its end.
  const problem =
    problemWith(answer) ??
    (id === "NEXTREVIEW" && typeof answer === "number" && !(answer >= 1 && answer <= 2958465)
      ? `date serial ${answer}`
      : undefined);
  if (problem) throw new Error(`${id}(${args.map((a) => JSON.stringify(a)?.slice(0, 60)).join(", ")}) gave ${problem}`);
}

describe.each(Object.keys(CREDIT_FUNCTIONS) as CreditFunctionId[])("%s under hostile input", (id) => {
  test(`${RUNS} Excel-shaped calls: a finite value or an explained Excel error`, () => {
    fc.assert(
      fc.property(callArgs(id), (args) => expectExcelAnswer(id, args)),
      { numRuns: RUNS },
    );
  });
});

test(`AGING with matching shapes: ${RUNS} calls reach the aging and stay finite`, () => {
  fc.assert(
    fc.property(agingArgs, (args) => expectExcelAnswer("AGING", args)),
    { numRuns: RUNS },
  );
});

// ---- regressions of bugs the fuzzing found ---------------------------------------------

function errorOf(answer: unknown): StubError {
  expect(answer).toBeInstanceOf(StubError);
  return answer as StubError;
}

test("DSO that overflows after the division is #VALUE! with its reason, not Infinity", () => {
  const error = errorOf(call("DSO", [1e308, 1, 365]));
  expect(error.code).toBe("#VALUE!");
  expect(error.message).toBe("the inputs are too large to give a finite ratio");
});

test("SCORE weights near the largest double are normalised like any others", () => {
  const huge = [[1e308, 1e308, 1e308, 1e308, 1e308]];
  expect(call("SCORE", [[[1, 2, 3, 4, 5]], huge])).toEqual([[3]]);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 5, maxLength: 5 }),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }).filter((w) => w.some((x) => x > 0)),
      (factors, weights) => {
        const [[plain]] = call("SCORE", [[factors], [weights]]) as number[][];
        const [[scaled]] = call("SCORE", [[factors], [weights.map((w) => w * 1e306)]]) as number[][];
        expect(scaled).toBeCloseTo(plain, 9);
      },
    ),
    { numRuns: 1000 },
  );
});

test("NEXTREVIEW never answers a date after 9999-12-31", () => {
  // Called in Excel's last year, so its last as-of dates are within a century of today.
  onDay("9999-06-30", () => {
    expect(errorOf(call("NEXTREVIEW", [3, 2958465])).message).toBe(
      "the next review date would fall after 9999-12-31, Excel's last date",
    );
    expect(call("NEXTREVIEW", [4, 2958434])).toBe(2958465); // 9999-11-30, a month's last day, + 1 month = 9999-12-31
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.integer({ min: 2958465 - CENTURY_DAYS, max: 2958465 }),
        (score, asOf) => {
          const answer = call("NEXTREVIEW", [score, asOf]);
          if (answer instanceof StubError) expect(answer.code).toBe("#VALUE!");
          else expect(answer).toBeLessThanOrEqual(2958465);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// ---- serial dates at Excel's edges -----------------------------------------------------

describe("serial dates 0, 1, 60, 2958465, 2958466", () => {
  test("as a due date: 0 is a blank (an error with an amount), 1 and 60 are dates, 2958466 is past Excel's last day", () => {
    onDay("2026-11-30", () => {
      expect(errorOf(call("AGING", [[[100]], [[0]], 46356])).message).toBe(
        "dueDates row 1: due date is blank but 100.00 is still open",
      );
      // A century before the as-of date it is a number of days passed as a date, not an invoice to age.
      expect(errorOf(call("AGING", [[[100]], [[1]], 46356])).message).toBe(
        "dueDates row 1: due date 1900-01-01 (the cell holds 1) is more than a century from asOf (2026-11-30): both must be dates, not a number of days (days past due, payment terms) or a year",
      );
      expect(errorOf(call("AGING", [[[100]], [[2958466]], 46356])).message).toBe(
        'dueDates row 1: due date must be a date (such as 2026-11-30), got "2958466"',
      );
    });
    // Aged in 1950 and in 9999, so the as-of dates are within a century of the day the call is made.
    onDay("1950-01-15", () => {
      expect(call("AGING", [[[100]], [[1]], 92])).toEqual([[0, 0, 0, 0, 100]]);
      expect(call("AGING", [[[100]], [[60]], 61])).toEqual([[0, 100, 0, 0, 0]]);
    });
    onDay("9999-12-01", () => expect(call("AGING", [[[100]], [[2958465]], 2958465])).toEqual([[100, 0, 0, 0, 0]]));
  });

  test("as an as-of date: 0 means today, 60 is 1900-02-29 (Lotus's leap day), 2958466 is refused", () => {
    // Called in 1950, so Excel's first dates are within a century of today.
    onDay("1950-01-15", () => {
      expect(call("NEXTREVIEW", [3, 0])).toBe(18368); // 1950-01-15 + 3 months = 1950-04-15
      expect(call("NEXTREVIEW", [4, 60])).toBe(91); // 1900-02-29, the month's last day in Excel's calendar, + 1 month = 1900-03-31
      expect(call("NEXTREVIEW", [3, 1])).toBe(92); // 1900-01-01 + 3 months = 1900-04-01
      expect(errorOf(call("NEXTREVIEW", [3, 2958466])).message).toBe('asOf must be a date (such as 2026-11-30), got "2958466"');
    });
    // Called in 2026, 1900-01-01 is a number that is no date.
    onDay("2026-11-30", () =>
      expect(errorOf(call("NEXTREVIEW", [3, 1])).message).toBe(
        "asOf 1900-01-01 (the cell holds 1) is more than a century from today (2026-11-30): it must be a date, not a year or a number of days, nor another argument's value typed in its place",
      ),
    );
  });
});

// ---- Excel's largest ranges ------------------------------------------------------------

describe(`ranges of ${EXCEL_ROWS.toLocaleString("en")} rows (a whole column)`, () => {
  test("AGING over a 1,048,576×1 range of numbers, text numbers, blanks and credit notes", () => {
    const amounts: unknown[][] = new Array(EXCEL_ROWS);
    const dueDates: unknown[][] = new Array(EXCEL_ROWS);
    let expected = 0;
    for (let i = 0; i < EXCEL_ROWS; i++) {
      const kind = i % 4;
      const amount = kind === 3 ? -5 : (i % 1000) + 0.25;
      amounts[i] = [kind === 1 ? `${amount}` : kind === 2 && i % 8 === 2 ? null : amount];
      if (amounts[i][0] !== null) expected += amount;
      dueDates[i] = [kind === 0 ? 46000 + (i % 400) : kind === 1 ? "2026-01-15" : 46356];
    }
    const answer = call("AGING", [amounts, dueDates, 46356]);
    expect(problemWith(answer)).toBeUndefined();
    const [totals] = answer as number[][];
    expect(totals).toHaveLength(5);
    expect(totals.reduce((s, t) => s + t, 0)).toBeCloseTo(expected, 2);
  });

  test("AGING names the one bad row of a 1,048,576×1 range", () => {
    const amounts = Array.from({ length: EXCEL_ROWS }, () => [100]);
    const dueDates: unknown[][] = Array.from({ length: EXCEL_ROWS }, () => [46000]);
    dueDates[EXCEL_ROWS - 1] = [null];
    expect(errorOf(call("AGING", [amounts, dueDates, 46356])).message).toBe(
      `dueDates row ${EXCEL_ROWS}: due date is blank but 100.00 is still open`,
    );
  });

  test("SCORE over a 1,048,576×1 range is a shape error, not a hang", () => {
    const column = Array.from({ length: EXCEL_ROWS }, () => [3]);
    expect(errorOf(call("SCORE", [column])).message).toBe(
      `factors must have 5 columns (one row per customer) or be one column of 5; got ${EXCEL_ROWS}×1`,
    );
  });

  test("SCORE over a 1,048,576×5 range: one score per row, bad rows are errors in their row only", () => {
    const rows: unknown[][] = new Array(EXCEL_ROWS);
    for (let i = 0; i < EXCEL_ROWS; i++) {
      const f = 1 + (i % 5);
      rows[i] = i % 100_000 === 7 ? [f, "high", f, f, f] : [f, f, f, f, f];
    }
    const answer = call("SCORE", [rows]) as unknown[][];
    expect(answer).toHaveLength(EXCEL_ROWS);
    const errors: string[] = [];
    let wrong = 0;
    for (let i = 0; i < EXCEL_ROWS; i++) {
      const value = answer[i][0];
      if (value instanceof StubError) errors.push(value.message ?? "");
      else if (value !== 1 + (i % 5)) wrong++;
    }
    expect(wrong).toBe(0);
    expect(errors).toHaveLength(11);
    expect(errors[10]).toBe('factors row 1000008: contract performance must be a number from 1 to 5, got "high"');
  });
});

/**
 * Properties that must hold for every input Excel can pass: scores stay in [1, 5] and
 * rise with each factor, aging buckets add up to the amounts, and no function ever
 * answers NaN, Infinity or a raw exception.
 */
import "../../support/custom-functions-stub";
import fc from "fast-check";
import { StubError } from "../../support/custom-functions-stub";
import { EXCEL_ROWS } from "../../../src/engine/a1";
import { CREDIT_FUNCTIONS, CreditFunctionId } from "../../../src/functions/library";

const factor = fc.double({ min: 1, max: 5, noNaN: true });
const factorRow = fc.array(factor, { minLength: 5, maxLength: 5 });
const weightRow = fc
  .array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 })
  .filter((w) => w.some((x) => x > 1e-6));

test("SCORE stays within [1, 5] for any valid factors and weights", () => {
  fc.assert(
    fc.property(factorRow, weightRow, (row, weights) => {
      const [[score]] = CREDIT_FUNCTIONS.SCORE([row], [weights]) as number[][];
      expect(score).toBeGreaterThanOrEqual(1);
      expect(score).toBeLessThanOrEqual(5);
    }),
  );
});

test("SCORE never falls when one factor rises", () => {
  fc.assert(
    fc.property(factorRow, weightRow, fc.nat({ max: 4 }), factor, (row, weights, index, raised) => {
      const higher = [...row];
      higher[index] = Math.max(row[index], raised);
      const [[before], [after]] = CREDIT_FUNCTIONS.SCORE([row, higher], [weights]) as number[][];
      expect(after).toBeGreaterThanOrEqual(before - 1e-12);
    }),
  );
});

test("SCORE over a whole column (1,048,576 rows) of a few customers and then nothing spills their scores and empty cells", () => {
  const blankRow = [null, null, null, null, null];
  const column = Array.from({ length: 1_048_576 }, (_, r) => (r < 2 ? [r + 1, r + 1, r + 1, r + 1, r + 1] : blankRow));
  const result = CREDIT_FUNCTIONS.SCORE(column) as unknown[][];
  expect(result).toHaveLength(column.length);
  expect(result.slice(0, 3)).toEqual([[1], [2], [""]]);
  expect(result.every((row, r) => r < 2 || row[0] === "")).toBe(true);
});

test("edges from a whole column (1,048,576 cells): three edges then empty cells read alike on desktop (0) and on the web (null); a column of numbers is still refused by the bound, naming its count", () => {
  const column = (rest: unknown) => {
    // Every row below the edges is one shared row: the function only reads them.
    const rows = new Array<unknown[]>(EXCEL_ROWS).fill([rest]);
    rows.splice(0, 3, [30], [60], [90]);
    return rows;
  };
  const labels = [["Current", "1–30", "31–60", "61–90", "91+"]];
  expect(CREDIT_FUNCTIONS.AGINGLABELS(column(0))).toEqual(labels);
  expect(CREDIT_FUNCTIONS.AGINGLABELS(column(null))).toEqual(labels);
  let thrown: unknown;
  try {
    CREDIT_FUNCTIONS.AGINGLABELS(column(120));
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toEqual(new StubError("#VALUE!", `edges must list 1 to 20 bucket edges, got ${EXCEL_ROWS}`));
});

test("AGING buckets add up to the total of the amounts", () => {
  const item = fc.record({
    amount: fc.integer({ min: -1_000_000, max: 10_000_000 }).map((cents) => cents / 100),
    due: fc.integer({ min: 40000, max: 50000 }),
  });
  const edges = fc
    .uniqueArray(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 6 })
    .map((e) => [e.sort((a, b) => a - b)]);
  fc.assert(
    fc.property(
      fc.array(item, { minLength: 1, maxLength: 200 }),
      fc.integer({ min: 40000, max: 50000 }),
      edges,
      (items, asOf, edgeRow) => {
        const [totals] = CREDIT_FUNCTIONS.AGING(
          items.map((i) => [i.amount]),
          items.map((i) => [i.due]),
          asOf,
          edgeRow,
        ) as number[][];
        expect(totals).toHaveLength(edgeRow[0].length + 2);
        const sum = items.reduce((s, i) => s + i.amount, 0);
        expect(totals.reduce((s, t) => s + t, 0)).toBeCloseTo(sum, 4);
      },
    ),
  );
});

test("AGING after credits: no bucket below 0 but a Current holding credits beyond everything owed; the oldest are settled first", () => {
  const item = fc.record({
    cents: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    due: fc.oneof(fc.integer({ min: 45600, max: 46100 }), fc.constant(null)),
  });
  const edges = [30, 60, 90];
  const asOf = 46000;
  fc.assert(
    fc.property(fc.array(item, { minLength: 1, maxLength: 60 }), (drawn) => {
      // Only a credit may go without a due date.
      const items = drawn.map((i) => (i.cents > 0 && i.due === null ? { ...i, due: 45990 } : i));
      const [totals] = CREDIT_FUNCTIONS.AGING(
        items.map((i) => [i.cents / 100]),
        items.map((i) => [i.due]),
        asOf,
        [edges],
      ) as number[][];
      const cents = totals.map((t) => Math.round(t * 100));
      // In cents, so the sums compare exactly.
      const owed = [0, 0, 0, 0, 0];
      let credit = 0;
      for (const i of items) {
        if (i.cents > 0) owed[[0, 30, 60, 90, Infinity].findIndex((edge) => asOf - i.due! <= edge)] += i.cents;
        else credit -= i.cents;
      }
      const net = owed.reduce((s, v) => s + v, 0) - credit;
      expect(cents.reduce((s, v) => s + v, 0)).toBe(net);
      cents.slice(1).forEach((c) => expect(c).toBeGreaterThanOrEqual(0));
      if (cents[0] < 0) expect(cents.slice(1)).toEqual([0, 0, 0, 0]);
      expect(cents[0]).toBe(net < 0 ? net : Math.min(owed[0], net));
      // A bucket is cut only when every older one is settled in full.
      for (let b = 1; b < 5; b++) if (cents[b] < owed[b]) cents.slice(b + 1).forEach((older) => expect(older).toBe(0));
    }),
  );
});

/** What Excel can hand a custom function in one cell. */
export const excelScalar = fc.oneof(
  fc.double(),
  fc.integer({ min: -100, max: 3_000_000 }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 60, 2958465, 2958466, null, "", " ", true, false),
  fc.constantFrom("1,234.5", "12%", "N/A", "#N/A", "=1+1", "😀", "2026-11-01", "2026年11月1日", "(500)", "¥3,000", "1e999"),
  fc.string({ maxLength: 20 }),
);
export const excelMatrix = fc.oneof(
  fc
    .integer({ min: 1, max: 6 })
    .chain((w) => fc.array(fc.array(excelScalar, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 })),
  fc.array(fc.array(excelScalar, { maxLength: 6 }), { maxLength: 4 }),
);
const excelArg = fc.oneof(excelScalar, excelMatrix);

function assertExcelAnswer(value: unknown): void {
  if (value instanceof StubError) {
    expect(typeof value.message).toBe("string");
    expect(value.message!.length).toBeGreaterThan(0);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((row) => {
      expect(Array.isArray(row)).toBe(true);
      (row as unknown[]).forEach(assertExcelAnswer);
    });
    return;
  }
  if (typeof value === "number") {
    expect(Number.isFinite(value)).toBe(true);
    return;
  }
  expect(typeof value).toBe("string");
}

test.each(Object.keys(CREDIT_FUNCTIONS) as CreditFunctionId[])(
  "%s answers a finite value or an Excel error with a message for any Excel-shaped input",
  (id) => {
    fc.assert(
      fc.property(fc.array(excelArg, { maxLength: 9 }), (args) => {
        let answer: unknown;
        try {
          answer = CREDIT_FUNCTIONS[id](...args);
        } catch (thrown) {
          expect(thrown).toBeInstanceOf(StubError);
          answer = thrown;
        }
        assertExcelAnswer(answer);
        if (answer instanceof StubError) expect(answer.message).not.toMatch(/^Internal error/);
      }),
      { numRuns: 2000 },
    );
  },
);

test("one bad row of a spilled SCORE is an error in that row only", () => {
  const result = CREDIT_FUNCTIONS.SCORE([
    [1, 1, 1, 1, 1],
    [1, 7, 1, 1, 1],
    [5, 5, 5, 5, 5],
  ]) as unknown[][];
  expect(result[0][0]).toBe(1);
  expect(result[2][0]).toBe(5);
  const error = result[1][0] as StubError;
  expect(error).toBeInstanceOf(StubError);
  expect(error.code).toBe("#VALUE!");
  expect(error.message).toBe("factors row 2: contract performance must be between 1 and 5, got 7");
});

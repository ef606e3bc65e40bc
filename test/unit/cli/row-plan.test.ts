/**
 * Which of a plan's blocks write on a row. The writers ask going down the sheet, and the plan
 * carries the blocks open on one row to the next; these cases ask in every order (down, up,
 * a row twice, rows no block writes on) and compare with reading every block on every row.
 */
import fc from "fast-check";
import { Block, PlanValue } from "../../../src/engine/review/write-plan";
import { RowPlan } from "../../../src/cli/package/row-plan";
import { Styles } from "../../../src/cli/package/styles";
import { CellWriter } from "../../../src/cli/package/worksheet-xml";

interface Stripe {
  readonly column: number;
  readonly width: number;
  readonly cuts: readonly number[];
  readonly first: number;
  readonly last: number;
}

/** Columns cut into runs of rows, as a column with cells of their own format is: each run a block. */
const runsArb: fc.Arbitrary<Stripe[]> = fc.array(
  fc.record({
    column: fc.integer({ min: 0, max: 6 }),
    width: fc.integer({ min: 1, max: 3 }),
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }),
    first: fc.integer({ min: 0, max: 10 }),
    last: fc.integer({ min: 0, max: 40 }),
  }),
  { maxLength: 4 },
);

/** Blocks whose cells never overlap: each stripe of columns is claimed once, then cut into runs. */
function blocksOf(stripes: readonly Stripe[]): Block[] {
  const taken = new Set<number>();
  const blocks: Block[] = [];
  for (const stripe of stripes) {
    const columns = Array.from({ length: stripe.width }, (_, c) => stripe.column * 4 + c);
    if (columns.some((c) => taken.has(c))) continue;
    columns.forEach((c) => taken.add(c));
    const first = Math.min(stripe.first, stripe.last);
    const last = Math.max(stripe.first, stripe.last);
    const edges = [first, ...stripe.cuts.filter((c) => c > first && c <= last).sort((a, b) => a - b), last + 1];
    for (let i = 0; i + 1 < edges.length; i++) {
      const values: PlanValue[][] = [];
      for (let row = edges[i]; row < edges[i + 1]; row++) values.push(columns.map((c) => `r${row}c${c}`));
      blocks.push({ row: edges[i], column: columns[0], values, formats: columns.map(() => "text" as const) });
    }
  }
  return blocks;
}

/** What a plan writes on a row, read from every block. */
function naive(blocks: readonly Block[], row: number) {
  const on = blocks
    .filter((b) => row >= b.row && row < b.row + b.values.length)
    .sort((a, b) => a.column - b.column);
  return {
    first: on.length ? on[0].column + 1 : Infinity,
    texts: on.flatMap((b) => b.values[row - b.row] as string[]),
    ranges: on.map((b) => [b.column + 1, b.column + b.formats.length]),
  };
}

describe("RowPlan: the blocks on a row", () => {
  test("asked in any order, a row gets the blocks that write on it, in column order", () => {
    fc.assert(
      fc.property(runsArb, fc.array(fc.integer({ min: 0, max: 45 }), { maxLength: 60 }), (stripes, asked) => {
        const blocks = blocksOf(stripes);
        const writer = new CellWriter(new Styles(), "en", false);
        const plan = new RowPlan(blocks, "Customers", writer);
        // Down the sheet first, as the writers ask, then the arbitrary order.
        for (const row of [...Array.from({ length: 46 }, (_, r) => r), ...asked]) {
          const want = naive(blocks, row);
          expect(plan.firstColumnOn(row)).toBe(want.first);
          const cells = plan.cells(row, writer);
          expect(cells.ranges).toEqual(want.ranges);
          expect(cells.xmls.map((x) => /<t[^>]*>([^<]*)<\/t>/.exec(x)?.[1])).toEqual(want.texts);
          for (let column = 1; column <= 30; column++)
            expect(plan.covers(row, column)).toBe(want.ranges.some(([a, b]) => column >= a && column <= b));
          const pushed: string[] = [];
          plan.pushCells(row, writer, pushed);
          expect(pushed).toEqual(cells.xmls);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("a column cut into a thousand runs: each row gets its own run's cell, going down and coming back up", () => {
    const runs: Block[] = Array.from({ length: 1000 }, (_, i) => ({
      row: 2 * i,
      column: 3,
      values: [[`a${2 * i}`], [`a${2 * i + 1}`]],
      formats: ["text"],
    }));
    const beside: Block = { row: 0, column: 1, values: Array.from({ length: 2000 }, (_, r) => [r]), formats: ["integer"] };
    const writer = new CellWriter(new Styles(), "en", false);
    const plan = new RowPlan([...runs, beside], "Customers", writer);
    for (const row of [0, 1, 2, 1500, 1999, 7, 0, 1999]) {
      const cells = plan.cells(row, writer);
      expect(cells.columns).toEqual([2, 4]);
      expect(cells.xmls[0]).toContain(`<v>${row}</v>`);
      expect(cells.xmls[1]).toContain(`>a${row}<`);
    }
    expect(plan.firstColumnOn(2000)).toBe(Infinity);
    expect(plan.covers(2000, 4)).toBe(false);
  });
});

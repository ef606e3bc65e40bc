/**
 * The size a layout step is packed with counts the operations applyLayout sends; and a column cut
 * into runs of rows around cells of their own formats is formatted as one range again, not one
 * operation a run (the archive of 100,000 customers cuts its Z-score column into ~1,000 runs).
 */
import { applyLayout, joinedAreas, layoutOperations, NO_USER_SETUP } from "../../../src/taskpane/excel/layout-steps";
import { FakeExcel } from "../../support/fake-excel";
import { cellsOfAreas } from "../../support/review-grid";
import type { Block, SheetLayout } from "../../../src/engine/review/write-plan";

const block = (row: number, column: number, rows: number, columns: number): Block => ({
  row,
  column,
  values: Array.from({ length: rows }, () => new Array(columns).fill(1)),
  formats: new Array(columns).fill("ratio"),
});

// Column 0 wrapped, column 1 indented, column 2 a plain number; rows 1–100 fitted to their text.
const layout: SheetLayout = {
  columns: [
    { column: 0, width: 40, wrap: true, indent: false },
    { column: 1, width: 20, wrap: false, indent: true },
    { column: 2, width: 10, wrap: false, indent: false },
  ],
  fitRows: { first: 1, last: 100 },
};

test("a block of the plain column alone sends nothing of the wrapped and indented columns' layout", () => {
  const whole = layoutOperations(layout, [block(0, 0, 101, 3)]);
  const cut = layoutOperations(layout, [block(0, 0, 101, 2), block(0, 2, 50, 1), block(50, 2, 1, 1), block(51, 2, 50, 1)]);
  expect(cut).toBe(whole);
});

test("a block reaching the wrapped column counts its wrapping, indent and the fitted rows it reaches", () => {
  const base = layoutOperations(layout, []);
  // Wrapped (1) and indented (2) columns, and one fitted run (rows 1–100) it reaches.
  expect(layoutOperations(layout, [block(0, 0, 101, 2)]) - base).toBe(4);
  // Outside the fitted rows: the wrapping and indent only.
  expect(layoutOperations(layout, [block(200, 0, 5, 2)]) - base).toBe(3);
});

describe("on a top-aligned sheet (the review's own)", () => {
  const top: SheetLayout = { ...layout, topAligned: true };
  const header: Block = { ...block(0, 0, 1, 3), bold: true };
  const cut = [header, block(1, 0, 100, 2), block(1, 2, 50, 1), block(51, 2, 1, 1), block(52, 2, 49, 1)];

  test("the blocks but the header count one alignment more, joined into one range", () => {
    expect(layoutOperations(top, cut) - layoutOperations(layout, cut)).toBe(1);
  });

  /** The operations applyLayout queues on a workbook for this layout and these blocks. */
  async function sent(sheetLayout: SheetLayout, blocks: readonly Block[]): Promise<number> {
    const fake = new FakeExcel();
    fake.addSheet("Archive");
    applyLayout(fake.context.workbook.worksheets.getItem("Archive"), sheetLayout, blocks, NO_USER_SETUP);
    await fake.context.sync();
    return fake.writes().length;
  }

  test("as many more as applyLayout sends: top alignment over the blocks but the header", async () => {
    const more = (await sent(top, cut)) - (await sent(layout, cut));
    expect(more).toBe(layoutOperations(top, cut) - layoutOperations(layout, cut));
    const fake = new FakeExcel();
    fake.addSheet("Archive");
    applyLayout(fake.context.workbook.worksheets.getItem("Archive"), top, cut, NO_USER_SETUP);
    await fake.context.sync();
    expect(fake.writes("verticalAlignment").map((op) => op.address)).toEqual(["A2:C101"]);
  });
});

describe("joinedAreas", () => {
  const area = (row: number, column: number, rows: number, columns: number) => ({ row, column, rows, columns });
  const cells = cellsOfAreas;

  test("a column cut into runs beside two whole blocks is one area", () => {
    const parts = [area(1, 0, 100, 2), area(1, 2, 50, 1), area(51, 2, 1, 1), area(52, 2, 49, 1), area(1, 3, 100, 4)];
    expect(joinedAreas(parts)).toEqual([area(1, 0, 100, 7)]);
  });

  test("areas that only touch at a corner, or differ in span, stay apart and cover the same cells", () => {
    const parts = [area(0, 0, 2, 2), area(2, 2, 2, 2), area(0, 2, 1, 2), area(4, 0, 3, 1)];
    const joined = joinedAreas(parts);
    expect(joined.length).toBe(4);
    expect(cells(joined)).toEqual(cells(parts));
  });

  test("a header row over a gap keeps the gap out", () => {
    const parts = [area(0, 0, 1, 3), area(2, 0, 5, 3)];
    expect(joinedAreas(parts)).toEqual(parts);
  });
});

/** The Excel module's pure helpers: addresses, payload estimates, chunking and packing, fill formulas. */
import fc from "fast-check";
import { reviewSheetKind } from "../../../src/engine/review/sheets";
import { Block } from "../../../src/engine/review/write-plan";
import { a1, parseAddress } from "../../../src/engine/a1";
import {
  cellsForExcel,
  classifyError,
  columnWidthPoints,
  BlockSlice,
  CellSizes,
  jsonBytes,
  fillFormula,
  insideAreas,
  packBatches,
  padToA1,
  sameRow,
} from "../../../src/taskpane/excel";

describe("parseAddress", () => {
  test.each([
    ["Sheet1!A1:K11", { sheet: "Sheet1", row: 0, column: 0, rows: 11, columns: 11 }],
    ["'My ''big'' sheet'!C4:M7", { sheet: "My 'big' sheet", row: 3, column: 2, rows: 4, columns: 11 }],
    ["客户!B2", { sheet: "客户", row: 1, column: 1, rows: 1, columns: 1 }],
    ["Data!$AA$10:$AB$12", { sheet: "Data", row: 9, column: 26, rows: 3, columns: 2 }],
    ["XFD1048576", { sheet: "", row: 1048575, column: 16383, rows: 1, columns: 1 }],
  ])("%s", (address, expected) => {
    expect(parseAddress(address)).toEqual(expected);
  });

  test("whole rows or columns are not cell ranges", () => {
    expect(() => parseAddress("Sheet1!1:3")).toThrow(/not a cell range/);
  });

  test("a1 is its inverse", () => {
    expect(a1({ row: 3, column: 2, rows: 4, columns: 11 })).toBe("C4:M7");
    expect(a1({ row: 0, column: 0, rows: 1, columns: 1 })).toBe("A1");
  });
});

test("padToA1 puts a used range back at A1", () => {
  expect(padToA1([["k", 1]], { row: 2, column: 1 })).toEqual([[], [], ["", "k", 1]]);
  expect(padToA1([["k"]], { row: 0, column: 0 })).toEqual([["k"]]);
});

describe("jsonBytes: the exact UTF-8 size of a request's values", () => {
  const sent = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

  test.each<[string, unknown]>([
    ["ASCII", [["abc"]]],
    ["Chinese (3 bytes a character)", [["风险", "高"]]],
    ["numbers as JSON writes them", [[1, 2.4999999999999996, -0, 1e21, 46356]]],
    ["blanks and flags", [[null, true, false]]],
    ["escapes", [['say "hi"\\', "tab\tnew\nline\u0001"]]],
    ["emoji (a surrogate pair) and a lone surrogate", [["😀", "\ud800x"]]],
    ["not finite numbers go as null", [[NaN, Infinity]]],
    ["empty rows and arrays", [[], [[]]]],
  ])("%s", (_, value) => {
    expect(jsonBytes(value)).toBe(sent(value));
  });

  test("any grid of cell values", () => {
    const cell = fc.oneof(fc.string({ unit: "binary" }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (grid) => jsonBytes(grid) === sent(grid)),
    );
  });
});

describe("BlockSlice", () => {
  const block: Block = {
    row: 4,
    column: 3,
    values: [...Array(1000)].map((_, i) => [`row ${i} 行`, i % 7 === 0 ? null : i / 3]),
    formats: ["text", "integer"],
  };
  const whole = BlockSlice.of(block);
  const sent = (values: Block["values"]) => Buffer.byteLength(JSON.stringify(cellsForExcel(values)));
  const fixed = whole.bytes - sent(block.values);

  test('its size is the values as sent (blanks as "") plus a fixed cost for its operations', () => {
    expect(fixed).toBeGreaterThan(0);
    const [head, tail] = whole.splitTo(20_000)!;
    expect(head.bytes - fixed).toBe(sent(head.piece.values));
    expect(tail.bytes - fixed).toBe(sent(tail.piece.values));
  });

  test("splitTo takes the most leading rows that fit, and places both parts on the sheet", () => {
    for (const room of [fixed + 30, 5_000, 12_345, whole.bytes - 1]) {
      const [head, tail] = whole.splitTo(room)!;
      expect(head.bytes).toBeLessThanOrEqual(room);
      const oneMore = BlockSlice.of({ ...block, values: block.values.slice(0, head.rows + 1) });
      expect(oneMore.bytes).toBeGreaterThan(room);
      expect([...head.piece.values, ...tail.piece.values]).toEqual(block.values);
      expect(head.area).toEqual({ row: 4, column: 3, rows: head.rows, columns: 2 });
      expect(tail.piece.row).toBe(4 + head.rows);
      expect(tail.area.row).toBe(tail.piece.row);
    }
  });

  test("nothing to split when no row fits or all do; one row can always go alone", () => {
    expect(whole.splitTo(fixed + 5)).toBeUndefined();
    expect(whole.splitTo(whole.bytes)).toBeUndefined();
    expect(whole.piece).toBe(block);
    const [first, rest] = whole.splitSmallest()!;
    expect(first.rows).toBe(1);
    expect(rest.rows).toBe(999);
    expect(first.splitSmallest()).toBeUndefined();
  });

  test("each right-aligned column is one operation more, counted like a column's number format", () => {
    const aligned = BlockSlice.of({ ...block, rightAligned: [false, true] }).bytes;
    const perColumn = BlockSlice.of({ ...block, formats: ["text", "integer", "text"] }).bytes - whole.bytes;
    expect(aligned - whole.bytes).toBe(perColumn);
    expect(BlockSlice.of({ ...block, rightAligned: [false, false] }).bytes).toBe(whole.bytes);
  });
});

describe("packBatches", () => {
  test("keeps order and closes a batch when an item that can't be cut doesn't fit", () => {
    const items = [40, 40, 40, 90, 10, 10].map((bytes, i) => ({ bytes, i }));
    expect(packBatches(items, 100).map((b) => b.map((x) => x.i))).toEqual([[0, 1], [2], [3, 4], [5]]);
    expect(packBatches([], 100)).toEqual([]);
  });

  test("cuts blocks between rows to fill every batch to the brim, every row once, in order", () => {
    const blocks: Block[] = [300, 5, 1200, 40].map((rows, b) => ({
      row: b * 2000,
      column: 0,
      values: [...Array(rows)].map((_, i) => [`${b}:${i}`, i * 1.5, "x".repeat(i % 13)]),
      formats: ["text", "ratio", "text"],
    }));
    const slices = blocks.map((block) => BlockSlice.of(block));
    const total = slices.reduce((sum, s) => sum + s.bytes, 0);
    const max = 8_000;
    const batches = packBatches(slices, max);
    for (const batch of batches) expect(batch.reduce((sum, s) => sum + s.bytes, 0)).toBeLessThanOrEqual(max);
    // Only the last row of a batch may be left over (at most ~40 bytes here) and each cut adds one fixed cost.
    const fixedCost = slices[1].bytes - Buffer.byteLength(JSON.stringify(blocks[1].values));
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(total / (max - fixedCost - 40)));
    expect(batches.flat().flatMap((s) => s.piece.values)).toEqual(blocks.flatMap((b) => b.values));
  });

  test("a row larger than the budget still goes, alone", () => {
    const huge = BlockSlice.of({ row: 0, column: 0, values: [["x".repeat(5000)], ["y"], ["z"]], formats: ["text"] });
    expect(packBatches([huge], 2000).map((b) => b.map((s) => s.rows))).toEqual([[1], [2]]);
  });
});

test("cellsForExcel writes blanks as empty strings (Office.js ignores null)", () => {
  expect(cellsForExcel([[null, "a", 0, false]])).toEqual([["", "a", 0, false]]);
});

test("fillFormula: relative to the top-left cell, quotes doubled", () => {
  expect(fillFormula({ area: { row: 1, column: 12, rows: 5, columns: 1 }, when: { equals: 'say "hi"' }, color: "#000000" })).toBe(
    '=EXACT(M2,"say ""hi""")',
  );
  expect(fillFormula({ area: { row: 1, column: 0, rows: 5, columns: 1 }, when: { notBlank: true }, color: "#000000" })).toBe(
    "=LEN(TRIM(A2))>0",
  );
});

test("insideAreas", () => {
  const allowed = [{ row: 0, column: 10, rows: 11, columns: 10 }];
  expect(insideAreas({ row: 1, column: 12, rows: 10, columns: 1 }, allowed)).toBe(true);
  expect(insideAreas({ row: 1, column: 12, rows: 11, columns: 1 }, allowed)).toBe(false);
  expect(insideAreas({ row: 0, column: 9, rows: 1, columns: 1 }, allowed)).toBe(false);
});

test("sameRow ignores trailing blanks and compares numbers as shown", () => {
  expect(sameRow(["a", 1, ""], ["a", "1"])).toBe(true);
  expect(sameRow(["a", "b"], ["a", "c"])).toBe(false);
  expect(sameRow(undefined, [])).toBe(true);
});

test("reviewSheetKind knows our sheets in both languages", () => {
  expect(reviewSheetKind("credit review summary")).toBe("summary");
  expect(reviewSheetKind("信用政策")).toBe("policy");
  expect(reviewSheetKind("Customers")).toBeUndefined();
});

test("columnWidthPoints: Excel's default 8.43 characters is about 48 points", () => {
  expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0);
});

test("classifyError maps Office.js error codes to what the user can do", () => {
  const err = (code: string) => Object.assign(new Error(code), { code });
  expect(classifyError(err("AccessDenied"), "S").code).toBe("protected");
  expect(classifyError(err("InvalidOperationInCellEditMode")).code).toBe("editMode");
  expect(classifyError(err("RequestPayloadSizeLimitExceeded")).code).toBe("tooLarge");
  expect(classifyError(err("ResponsePayloadSizeLimitExceeded")).code).toBe("tooLarge");
  expect(classifyError(err("RangeExceedsLimit")).code).toBe("tooLarge");
  expect(classifyError(err("ItemNotFound")).code).toBe("sheetMissing");
  expect(classifyError(new Error("boom"))).toMatchObject({ code: "excel", detail: "boom" });
});

describe("CellSizes: bytes per cell for planning a paged read", () => {
  test("a guess before anything is read, doubled when a page of guesses is refused", () => {
    const sizes = new CellSizes();
    expect(sizes.of("A")).toBe(24);
    expect(sizes.measured("A")).toBe(false);
    sizes.guessedTooLow("A");
    expect(sizes.of("A")).toBe(48);
  });

  test("what a page took, with a margin; a sheet not read yet is taken to be twice as dense as the densest", () => {
    const sizes = new CellSizes();
    // The response's bytes less each row's brackets and commas, spread over the cells.
    const values = [
      ["abcdefgh", 1],
      [2, 3],
    ];
    sizes.record("A", values, 2);
    expect(sizes.measured("A")).toBe(true);
    const perCell = (Buffer.byteLength(JSON.stringify(values)) - 2 * 4) / 4;
    expect(sizes.of("A")).toBeCloseTo(perCell * 1.08);
    expect(sizes.of("B")).toBeCloseTo(perCell * 2);
    // A sparser page later does not lower the estimate: rows further down may be long again.
    sizes.record("A", [[1, 2]], 2);
    expect(sizes.of("A")).toBeCloseTo(perCell * 1.08);
  });

  test("a sheet's corner stands in until a page of it is read: a guess (doubled when refused), never under 4 bytes", () => {
    const sizes = new CellSizes();
    const corner = [
      ["Customer ID", "Customer name", "Credit limit"],
      ["C0001", "Company 1", 350000],
    ];
    sizes.sampled("A", corner);
    const perCell = (Buffer.byteLength(JSON.stringify(corner)) - 2 * 5) / 6;
    expect(sizes.of("A")).toBeCloseTo(perCell * 1.08);
    expect(sizes.measured("A")).toBe(false);
    sizes.guessedTooLow("A");
    expect(sizes.of("A")).toBeCloseTo(perCell * 1.08 * 2);
    sizes.record("A", [[1, 2, 3]], 3);
    expect(sizes.of("A")).toBeCloseTo(((9 - 5) / 3) * 1.08); // "[[1,2,3]]" less its brackets and commas
    // A corner of blanks says little: four bytes a cell at least.
    sizes.sampled("B", [
      ["", ""],
      ["", 1],
    ]);
    expect(sizes.of("B")).toBe(4);
  });
});

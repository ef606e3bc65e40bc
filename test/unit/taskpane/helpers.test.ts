/** The Excel module's pure helpers: addresses, payload estimates, chunking and packing, fill formulas. */
import { reviewSheetKind } from "../../../src/engine/review/sheets";
import { Block } from "../../../src/engine/review/write-plan";
import {
  a1,
  cellsForExcel,
  chunkBlock,
  classifyError,
  columnWidthPoints,
  estimateBytes,
  fillFormula,
  insideAreas,
  packBatches,
  padToA1,
  parseAddress,
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

test("estimateBytes counts UTF-8: Chinese text costs three bytes a character", () => {
  expect(estimateBytes([["abc"]])).toBe(2 + 2 + 3 + 3);
  expect(estimateBytes([["风险"]])).toBe(2 + 2 + 3 + 6);
  expect(estimateBytes([[1, null, true]])).toBe(2 + 2 + 2 + 4 + 5);
  expect(estimateBytes([[2.4999999999999996]])).toBe(2 + 2 + 19);
});

describe("chunkBlock", () => {
  const block: Block = {
    row: 4,
    column: 3,
    values: [...Array(1000)].map((_, i) => [`row ${i}`, i]),
    formats: ["text", "integer"],
  };

  test("a small block stays whole", () => {
    expect(chunkBlock(block, 1e9)).toEqual([block]);
  });

  test("a big block splits by rows, keeps every row once, each piece under the limit, rows shifted", () => {
    const pieces = chunkBlock(block, 5000);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.flatMap((p) => p.values)).toEqual(block.values);
    let row = block.row;
    for (const p of pieces) {
      expect(p.row).toBe(row);
      expect(p.column).toBe(3);
      expect(p.formats).toEqual(block.formats);
      row += p.values.length;
    }
  });

  test("one row larger than the limit still goes, alone", () => {
    const huge: Block = { row: 0, column: 0, values: [["x".repeat(100)], ["y"]], formats: ["text"] };
    expect(chunkBlock(huge, 50).map((p) => p.values.length)).toEqual([1, 1]);
  });
});

test("packBatches keeps order and fills each batch up to the limit", () => {
  const items = [40, 40, 40, 90, 10, 10].map((bytes, i) => ({ bytes, i }));
  expect(packBatches(items, 100).map((b) => b.map((x) => x.i))).toEqual([[0, 1], [2], [3, 4], [5]]);
  expect(packBatches([], 100)).toEqual([]);
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
  expect(classifyError(err("ItemNotFound")).code).toBe("sheetMissing");
  expect(classifyError(new Error("boom"))).toMatchObject({ code: "excel", detail: "boom" });
});

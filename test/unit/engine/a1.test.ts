/** A1 addressing, the one every face names columns and ranges with. */
import fc from "fast-check";
import { a1, cellA1, columnLetter, parseAddress, sheetReference } from "../../../src/engine/a1";

test.each([
  [0, "A"],
  [25, "Z"],
  [26, "AA"],
  [51, "AZ"],
  [52, "BA"],
  [701, "ZZ"],
  [702, "AAA"],
  [16383, "XFD"],
])("columnLetter(%i) is %s", (index, letters) => {
  expect(columnLetter(index)).toBe(letters);
});

test("cellA1 counts rows from 1", () => {
  expect(cellA1(0, 0)).toBe("A1");
  expect(cellA1(1048575, 16383)).toBe("XFD1048576");
});

test("one cell is written short unless both corners are asked for", () => {
  const cell = { row: 2, column: 1, rows: 1, columns: 1 };
  expect(a1(cell)).toBe("B3");
  expect(a1(cell, { bothCorners: true })).toBe("B3:B3");
  expect(a1({ row: 2, column: 1, rows: 18, columns: 5 }, { bothCorners: true })).toBe("B3:F20");
});

test("parseAddress reads back every area a1 writes, on any sheet name", () => {
  const area = fc.record({
    row: fc.integer({ min: 0, max: 1048575 }),
    column: fc.integer({ min: 0, max: 16383 }),
    rows: fc.integer({ min: 1, max: 1000 }),
    columns: fc.integer({ min: 1, max: 100 }),
  });
  fc.assert(
    fc.property(area, fc.boolean(), (a, bothCorners) => {
      expect(parseAddress(`'It''s'!${a1(a, { bothCorners })}`)).toEqual({ sheet: "It's", ...a });
    }),
  );
});

test.each([
  ["Invoices", "'Invoices'", "Invoices"],
  ["发票明细", "'发票明细'", "发票明细"],
  ["Open items", "'Open items'", "'Open items'"],
  ["O'Brien", "'O''Brien'", "'O''Brien'"],
  ["AB12", "'AB12'", "'AB12'"],
  ["2026", "'2026'", "'2026'"],
])("sheetReference(%j): %s always, %s when needed; read back by parseAddress", (sheet, always, whenNeeded) => {
  expect(sheetReference(sheet)).toBe(always);
  expect(sheetReference(sheet, "whenNeeded")).toBe(whenNeeded);
  for (const ref of [always, whenNeeded]) expect(parseAddress(`${ref}!C5`).sheet).toBe(sheet);
});

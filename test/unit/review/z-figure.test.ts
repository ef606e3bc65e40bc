/**
 * A Z-score is never shown as a figure on the other side of its model's zone line: 2.90004 is Safe
 * for the private model (above 2.9) and reads 2.90004 beside Safe, never "2.90", in the customer
 * sheet's cell, the archive's, the JSON and the pane's text, in both languages; a Z a hundredth
 * or more from every line reads with two decimals as before.
 */
import { CellValue } from "../../../src/engine/cells";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { numberFormat } from "../../../src/engine/review/formats";
import { renderedText } from "../../../src/engine/review/sheet-layout";
import { explainFinding, formatZ } from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";
import { buildWritePlan, CellFormat } from "../../../src/engine/review/write-plan";
import { nearZoneLine, zDecimals, zZone } from "../../../src/engine/zscore";
import { toJson } from "../../../src/cli/report";
import { blockCells, customerSheet, serial, STATEMENT_HEADERS } from "../../support/review-grid";

describe("zDecimals: two, or the fewest more that keep the figure in the Z's zone", () => {
  test.each([
    // The private model's Safe line is 2.9 (above it): "2.90" beside Safe would read as on the line.
    { z: 2.90004, zone: "safe", decimals: 5 },
    // On the line or under it is Grey, so "2.90" beside Grey is true.
    { z: 2.89996, zone: "grey", decimals: 2 },
    { z: 2.9, zone: "grey", decimals: 2 },
    // The public model's Distress line is 1.81 (below it): 1.80996 would read "1.81", in Grey.
    { z: 1.80996, zone: "distress", decimals: 5 },
    // Halfway at two decimals (Excel and a browser may round either way) above the public Safe line 2.99.
    { z: 2.995, zone: "safe", decimals: 3 },
    { z: 2.991, zone: "safe", decimals: 3 },
    { z: 3.5, zone: "safe", decimals: 2 },
    { z: 0.42, zone: "distress", decimals: 2 },
    { z: -12.3456, zone: "distress", decimals: 2 },
    // The emerging-markets lines are 5.85 and 4.35.
    { z: 4.349999, zone: "distress", decimals: 6 },
  ] as const)("$z in the $zone zone: $decimals decimals", ({ z, zone, decimals }) => {
    expect(zDecimals(z, zone)).toBe(decimals);
  });

  test("only a Z within a shown unit of some model's line is near one", () => {
    expect([2.905, 2.895, 1.801, 5.859, 4.341, 1.0899].map(nearZoneLine)).toEqual([true, true, true, true, true, false]);
    expect([3.5, 2.7, -12, 100, Number.NaN, 2.01].map(nearZoneLine)).toEqual([false, false, false, false, false, false]);
  });

  test("the figure at those decimals lies in the zone under every model that puts the Z there", () => {
    const outOfZone: unknown[] = [];
    for (let i = -12_000; i <= 12_000; i += 7) {
      for (const line of [1.1, 1.23, 1.81, 2.6, 2.9, 2.99, 4.35, 5.85]) {
        const z = Math.round((line + i / 1e6) * 1e10) / 1e10;
        for (const model of ["public", "private", "nonmanufacturing", "emerging"] as const) {
          const zone = zZone(z, model);
          const shown = Number(z.toFixed(zDecimals(z, zone)));
          if (zZone(shown, model) !== zone) outOfZone.push([z, model, shown]);
        }
      }
    }
    expect(outOfZone).toEqual([]);
  });
});

const HEADERS = [...STATEMENT_HEADERS, "Sales", "Equity", "Z model"];
/**
 * No working capital, retained earnings, EBIT or sales, so Z is its X4 term alone: with total
 * assets 1,000,000 and liabilities chosen so the model's X4 coefficient over them is 10⁻⁶, Z is
 * the equity in millions.
 */
function zRow(equity: number, model: "public" | "private"): CellValue[] {
  const liabilities = model === "private" ? 420_000 : 600_000;
  // Current assets, current liabilities, total assets, total liabilities, retained earnings, EBIT, sales, equity, model.
  return [1000, 1000, 1_000_000, liabilities, 0, 0, 0, equity, model];
}
const values = customerSheet(HEADERS, [
  { id: "C001", factors: [2, 2, 2, 2, 2], extra: zRow(2_900_040, "private") },
  { id: "C002", factors: [2, 2, 2, 2, 2], extra: zRow(2_899_960, "private") },
  { id: "C003", factors: [2, 2, 2, 2, 2], extra: zRow(1_809_960, "public") },
  { id: "C004", factors: [2, 2, 2, 2, 2], extra: zRow(3_500_000, "public") },
]);
const result = runReview({ sheetName: "Customers", values, asOf: serial("2026-03-15"), policy: DEFAULT_POLICY }, "en");

test("the review works out the Z-scores and zones the test is about", () => {
  expect(result.customers.map((c) => [c.zScore, c.zZone])).toEqual([
    [2.90004, "safe"],
    [2.89996, "grey"],
    [1.80996, "distress"],
    [3.5, "safe"],
  ]);
});

describe.each(["en", "zh"] as const)("%s", (lang) => {
  const plan = buildWritePlan(result, lang, { sheetNames: [] });
  const shownZ = (cells: ReturnType<typeof blockCells>, column: number) =>
    cells
      .filter((c) => c.column === column && typeof c.value === "number")
      .map((c) => [c.value, renderedText(c.value as number, c.format as CellFormat, lang)]);

  test("the customer sheet's Z cells show the figure in its zone", () => {
    expect(shownZ(blockCells(plan.target.blocks), result.layout.outputColumns.zScore)).toEqual([
      [2.90004, "2.90004"],
      [2.89996, "2.90"],
      [1.80996, "1.80996"],
      [3.5, "3.50"],
    ]);
    expect(numberFormat("decimals5", lang)).toBe("0.00000");
  });

  test("only the Z column is cut around its own cells: every other column stays one block down the sheet", () => {
    const column = result.layout.outputColumns.zScore;
    const others = plan.target.blocks.filter((b) => column < b.column || column >= b.column + b.formats.length);
    const tallest = Math.max(...plan.target.blocks.map((b) => b.values.length));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((b) => b.values.length === tallest)).toBe(true);
    // The Z column: runs of rows in "ratio" and each own cell a block of its own.
    const zBlocks = plan.target.blocks.filter((b) => b.column === column && b.formats.length === 1);
    expect(zBlocks.map((b) => b.formats[0])).toEqual(["ratio", "decimals5", "ratio", "decimals5", "ratio"]);
  });

  test("the archive's Z cells too, by the zone the row names", () => {
    const archive = plan.sheets.find((s) => s.kind === "archive")!;
    const cells = blockCells(archive.blocks);
    const header = cells.find((c) => c.row === cells[0].row && c.value === (lang === "en" ? "Z-score" : "Z 值"))!;
    expect(shownZ(cells, header.column)).toEqual([
      [2.90004, "2.90004"],
      [2.89996, "2.90"],
      [1.80996, "1.80996"],
      [3.5, "3.50"],
    ]);
  });

  test("the pane's text and the JSON", () => {
    expect(result.customers.map((c) => formatZ(c.zScore!, c.zZone!, lang))).toEqual(["2.90004", "2.90", "1.80996", "3.50"]);
    expect(toJson(result, lang).customers.map((c) => c.zScore)).toEqual([2.90004, 2.9, 1.80996, 3.5]);
  });
});

test("the distress warning's text tells a Z from its line however close, as its cell does", () => {
  const finding = { code: "Z_DISTRESS", value: 1.8099999, threshold: 1.81, format: "z" } as const;
  expect(explainFinding(finding, {}, "en", NO_MARKS)).toContain("1.8099999");
  expect(explainFinding(finding, {}, "en", NO_MARKS)).toContain("1.8100000");
  expect(formatZ(1.8099999, "distress", "en")).toBe("1.8099999");
});

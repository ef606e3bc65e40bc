/**
 * A score is never shown as a figure that lies in another band than the score: 3.497 under High
 * from 3.50 reads 3.497 (never "3.50" beside Medium) in the sheet's cell, the texts that quote it
 * and the archive, in both languages; a score a hundredth or more from every edge reads with two
 * decimals as before.
 */
import fc from "fast-check";
import { Lang } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { GradeBands, gradeOf, scoreDecimals } from "../../../src/engine/score";
import { CustomerChange } from "../../../src/engine/review/changes";
import { numberFormat } from "../../../src/engine/review/formats";
import { runReview } from "../../../src/engine/review/review";
import { customerChangeLines, formatScore, reasonDetail, typedOverCellTexts } from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";
import { renderedText } from "../../../src/engine/review/sheet-layout";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { applyBlocks, blockCells, customerSheet, serial } from "../../support/review-grid";

/** The brief's policy: weights that are not round. 0.33×3.9 + 0.27×4 + 0.2×3 + 0.1×3 + 0.1×2.3 = 3.497. */
const POLICY = completePolicy({ weights: [0.33, 0.27, 0.2, 0.1, 0.1] });
const UNDER_HIGH = [3.9, 4, 3, 3, 2.3];

describe("scoreDecimals: two, or the fewest more that keep the figure in the score's band", () => {
  test.each([
    { score: 3.497, bands: DEFAULT_POLICY as GradeBands, decimals: 3 },
    { score: 3.45, bands: DEFAULT_POLICY as GradeBands, decimals: 2 },
    { score: 2.5, bands: DEFAULT_POLICY as GradeBands, decimals: 2 },
    { score: 3.5, bands: DEFAULT_POLICY as GradeBands, decimals: 2 },
    { score: 3.49, bands: DEFAULT_POLICY as GradeBands, decimals: 2 },
    // Above an edge a figure rounded down to it is still in the band.
    { score: 3.5004, bands: DEFAULT_POLICY as GradeBands, decimals: 2 },
    { score: 2.4951, bands: DEFAULT_POLICY as GradeBands, decimals: 3 },
    { score: 3.4999, bands: DEFAULT_POLICY as GradeBands, decimals: 4 },
    // Halfway at three decimals: Excel and a browser may round 3.4995 either way, and 3.500 is High.
    { score: 3.4995, bands: DEFAULT_POLICY as GradeBands, decimals: 4 },
    { score: 3.4999999999, bands: DEFAULT_POLICY as GradeBands, decimals: 10 },
    // An edge with three decimals: 3.5049 reads 3.50, under it; the edge itself halfway at two reads 3.505.
    { score: 3.5049, bands: { mediumFrom: 2.5, highFrom: 3.505 } as GradeBands, decimals: 2 },
    { score: 3.505, bands: { mediumFrom: 2.5, highFrom: 3.505 } as GradeBands, decimals: 3 },
  ])("$score under High from $bands.highFrom: $decimals decimals", ({ score, bands, decimals }) => {
    expect(scoreDecimals(score, bands)).toBe(decimals);
  });

  const bands = fc
    .tuple(fc.integer({ min: 100, max: 499 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 3 }))
    .map(([medium, gap, finer]) => ({
      mediumFrom: (medium * 10 ** finer) / 10 ** (2 + finer),
      highFrom: Math.min(5, (medium + gap) / 100),
    }))
    .filter((b) => b.highFrom > b.mediumFrom);
  // Scores of up to ten decimals, many of them just under or over an edge.
  const scoreNear = (b: GradeBands) =>
    fc.oneof(
      fc.integer({ min: 10_000_000_000, max: 50_000_000_000 }).map((n) => n / 1e10),
      fc.tuple(fc.constantFrom(b.mediumFrom, b.highFrom), fc.integer({ min: -9_999_999, max: 9_999_999 })).map(([e, d]) => {
        const s = Math.round((e + d / 1e9) * 1e10) / 1e10;
        return Math.min(5, Math.max(1, s));
      }),
    );

  test("the figure, as Excel's format and the texts round it, is graded as the score is", () => {
    fc.assert(
      fc.property(
        bands.chain((b) => fc.tuple(fc.constant(b), scoreNear(b))),
        ([b, score]) => {
          const decimals = scoreDecimals(score, b);
          const grade = gradeOf(score, b);
          expect(gradeOf(Number(score.toFixed(decimals)), b)).toBe(grade);
          const shown = Number(formatScore(score, b, "en").replace(/,/g, ""));
          expect(gradeOf(shown, b)).toBe(grade);
          expect(gradeOf(Number(formatScore(score, b, "zh")), b)).toBe(grade);
          // Away from the edges a score keeps its two decimals.
          if (Math.abs(score - b.mediumFrom) >= 0.01 && Math.abs(score - b.highFrom) >= 0.01) expect(decimals).toBe(2);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe.each(["en", "zh"] as const)("a score under an edge in the texts (%s)", (lang: Lang) => {
  test.each([
    [3.497, "3.497"],
    [2.5, "2.50"],
    [3.45, "3.45"],
    [3.4999, "3.4999"],
  ])("formatScore(%d) = %s", (score, shown) => {
    expect(formatScore(score, DEFAULT_POLICY, lang)).toBe(shown);
  });

  test("the grade's reason quotes 3.497 under High from 3.50", () => {
    const subject = { score: 3.497, findings: [], overdueAmount: 0, daysPastDue: 0 } as never;
    const text = reasonDetail("GRADE_MEDIUM", subject, lang, POLICY, NO_MARKS);
    expect(text).toContain("3.497");
    expect(text).not.toContain("3.50 ");
  });

  test("what changed since the last review names 3.497, not 3.50", () => {
    const change: CustomerChange = {
      row: 2,
      id: "C001",
      name: "Alpha",
      previousDate: serial("2026-02-15"),
      neverScored: false,
      previousScore: 3.2,
      scoreChange: 0.3,
      previousGrade: "medium",
      gradeMove: "same",
      gradeMoveFromPolicy: false,
      limitMoveFromPolicy: false,
      newWarnings: [],
      clearedWarnings: [],
      notCheckedWarnings: [],
      newFromPolicy: [],
      clearedFromPolicy: [],
    };
    const [line] = customerChangeLines(change, { score: 3.497, grade: "medium" }, lang, POLICY);
    expect(line).toContain("3.20 → 3.497");
  });
});

test.each([
  ["en", "3.500 (the review wrote 3.497)"],
  ["zh", "3.497"],
] as const)("a score typed over with one that reads alike is told apart from what the review wrote (%s)", (lang, shown) => {
  const cell = {
    row: 2,
    column: 7,
    field: "score",
    header: "Risk score",
    customer: "Alpha",
    typed: 3.5,
    written: 3.497,
  } as const;
  const [text] = typedOverCellTexts(
    { reviewDate: serial("2026-10-31"), count: 1, cells: [cell], byCustomerRow: new Map() },
    "Customers",
    lang,
  );
  expect(text).toContain(shown);
  expect(text).toContain("3.500");
});

describe("the write plan gives a score under an edge a cell format that shows it under", () => {
  const values = customerSheet(
    [],
    [
      { id: "C001", factors: UNDER_HIGH },
      { id: "C002", factors: [3, 3, 3, 3, 3] },
      { id: "C003", factors: [4, 4, 3, 3, 3] },
    ],
  );
  const result = runReview({ sheetName: "Customers", values, asOf: serial("2026-03-15"), policy: POLICY }, "en");

  test("the review grades 3.497 Medium under High from 3.5", () => {
    expect(result.customers.map((c) => [c.score, c.grade])).toEqual([
      [3.497, "medium"],
      [3, "medium"],
      [3.6, "high"],
    ]);
  });

  test.each(["en", "zh"] as const)(
    "%s: the customer sheet's score cell shows 0.000, the rest of the row and the others as before",
    (lang) => {
      const plan = buildWritePlan(result, lang, { sheetNames: [] });
      const cells = blockCells(plan.target.blocks);
      const scoreColumn = result.layout.outputColumns.score;
      const scores = cells.filter((c) => c.column === scoreColumn && c.row > 0);
      expect(scores.map((c) => [c.value, c.format])).toEqual([
        [3.497, "decimals3"],
        [3, "score"],
        [3.6, "score"],
      ]);
      expect(numberFormat("decimals3", lang)).toBe("0.000");
      expect(numberFormat("score", lang)).toBe("0.00");
      // The row around the cell keeps its columns' formats and values, each cell written once.
      const keys = cells.map((c) => `${c.row},${c.column}`);
      expect(new Set(keys).size).toBe(keys.length);
      const unsplit = buildWritePlan(
        runReview({ sheetName: "Customers", values, asOf: serial("2026-03-15"), policy: DEFAULT_POLICY }, "en"),
        lang,
        { sheetNames: [] },
      );
      const byPlace = (a: { row: number; column: number }, b: { row: number; column: number }) =>
        a.row - b.row || a.column - b.column;
      expect(
        blockCells(unsplit.target.blocks)
          .sort(byPlace)
          .map((c) => [c.row, c.column, c.column === scoreColumn ? "score" : c.format]),
      ).toEqual([...cells].sort(byPlace).map((c) => [c.row, c.column, c.column === scoreColumn ? "score" : c.format]));
      const written = applyBlocks(values, plan.target.blocks);
      expect(written[1][scoreColumn]).toBe(3.497);
      expect(written[1][result.layout.outputColumns.grade]).toBe(lang === "en" ? "Medium" : "中");
      expect(written[1][result.layout.outputColumns.paymentHistoryPoints]).toBe(1.287);
    },
  );

  test("the archive's score cell too", () => {
    const archive = buildWritePlan(result, "en", { sheetNames: [] }).sheets.find((s) => s.kind === "archive")!;
    const scores = blockCells(archive.blocks).filter((c) => c.value === 3.497 || c.value === 3 || c.value === 3.6);
    expect(scores.filter((c) => c.format === "score" || c.format.startsWith("decimals")).map((c) => [c.value, c.format])).toEqual(
      [
        [3.497, "decimals3"],
        [3, "score"],
        [3.6, "score"],
      ],
    );
  });
});

test("a finer score format is measured for the column's width as it shows", () => {
  expect(renderedText(3.49996, "decimals5", "en")).toBe("3.49996");
  expect(renderedText(3.497, "decimals3", "zh")).toBe("3.497");
  expect(numberFormat("decimals10", "zh")).toBe("0.0000000000");
});

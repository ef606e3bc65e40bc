/**
 * The write plan (issue text): re-running replaces its own output columns instead of
 * appending new ones; the user's input cells are never overwritten; text from the data
 * (customer names) is always written as text, never as a formula.
 */
import { CellValue } from "../../../src/engine/cells";
import { Lang } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY, Policy } from "../../../src/engine/policy";
import { OUTPUT_FIELDS } from "../../../src/engine/review/fields";
import { readPolicySheet } from "../../../src/engine/review/policy-sheet";
import { ReviewInput, runReview } from "../../../src/engine/review/review";
import { Block, buildWritePlan, WritePlan } from "../../../src/engine/review/write-plan";
import { applyBlocks, blockCells, copyGrid, customerSheet, Grid, serial, utcDate } from "../../support/review-grid";
import { OUTPUT_HEADERS_EN, OUTPUT_HEADERS_ZH } from "../../support/output-headers";

const asOf = serial("2026-03-15");
const EN_OUT = OUTPUT_HEADERS_EN;
const ZH_OUT = OUTPUT_HEADERS_ZH;

const EXTRA = ["Credit limit", "Outstanding balance", "Days past due", "Negative news date"];
function sampleSheet(): Grid {
  return customerSheet(EXTRA, [
    { id: "C001", name: "Alpha", factors: [1, 2, 1, 2, 1], extra: [10000, 2000, 0, null] },
    { id: "C002", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [20000, 25000, 120, utcDate("2026-03-01")] },
    { id: "C003", name: "Gamma", factors: [3, "bad", 3, 3, 3], extra: [5000, 100, 0, null] },
    { id: "C004", name: "Delta", factors: [3, 3, 3, 3, 3], extra: [8000, 100, 10, null] },
  ]);
}

type Opts = Partial<Pick<ReviewInput, "origin" | "policy">>;
function reviewAndPlan(values: Grid, lang: Lang = "en", opts: Opts = {}) {
  const result = runReview(
    { sheetName: "Customers", values, asOf, policy: opts.policy ?? DEFAULT_POLICY, origin: opts.origin },
    lang,
  );
  return { result, plan: buildWritePlan(result, lang, { sheetNames: [] }) };
}
const reviewAndPlanAt = (when: number) => ({
  result: runReview({ sheetName: "Customers", values: sampleSheet(), asOf: when, policy: DEFAULT_POLICY }, "en"),
});
const apply = (values: Grid, plan: WritePlan, origin?: { row: number; column: number }, blank: null | "" = null) =>
  applyBlocks(values, plan.target.blocks, origin, blank);

/** Every non-empty input cell, by position. */
function filledCells(values: Grid): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  values.forEach((line, r) => line.forEach((v, c) => v !== null && v !== undefined && v !== "" && cells.set(`${r},${c}`, v)));
  return cells;
}

function expectInputUntouched(before: Grid, plan: WritePlan, origin = { row: 0, column: 0 }) {
  const filled = filledCells(before);
  const usedColumns = new Set([...filled.keys()].map((k) => Number(k.split(",")[1])));
  for (const cell of blockCells(plan.target.blocks)) {
    expect(usedColumns.has(cell.column - origin.column)).toBe(false);
    expect(filled.has(`${cell.row - origin.row},${cell.column - origin.column}`)).toBe(false);
  }
  const after = apply(before, plan, origin);
  for (const [key, value] of filled) {
    const [r, c] = key.split(",").map(Number);
    expect(after[r][c]).toEqual(value);
  }
  // The areas reported for the "never over the user's cells" check match the blocks exactly.
  expect(plan.outputArea).toEqual(
    plan.target.blocks.map((b) => ({ row: b.row, column: b.column, rows: b.values.length, columns: b.values[0].length })),
  );
}

describe("output columns", () => {
  test("land right of the table, as one block with the English headers and one line per row", () => {
    const values = sampleSheet();
    const { result, plan } = reviewAndPlan(values);
    expect(plan.target.sheet).toBe("Customers");
    expect(plan.target.blocks).toHaveLength(1);
    const block = plan.target.blocks[0];
    expect([block.row, block.column]).toEqual([0, 11]);
    expect(block.values[0]).toEqual(EN_OUT);
    expect(block.values).toHaveLength(5);
    expect(result.layout.outputColumns).toEqual(Object.fromEntries(OUTPUT_FIELDS.map((f, i) => [f, 11 + i])));
    const line = (r: number) => Object.fromEntries(EN_OUT.map((h, i) => [h, block.values[r][i]]));
    expect(line(1)).toEqual({
      "Risk score": expect.closeTo(1.4, 10),
      // The five factors' points add up to the score.
      "Payment points": expect.closeTo(0.3, 10),
      "Contract points": expect.closeTo(0.5, 10),
      "Industry points": expect.closeTo(0.2, 10),
      "Reputation points": expect.closeTo(0.3, 10),
      "Compliance points": expect.closeTo(0.1, 10),
      "Risk grade": "Low",
      "Z-score": null,
      "Z zone": null,
      Warnings: null,
      Findings: null,
      Recommendation: "Keep terms; the limit may rise (low risk, no warning)",
      "Recommended limit": 11000,
      Monitoring: "Quarterly",
      "Next review": serial("2026-06-15"),
      Utilisation: 0.2,
      "Available credit": 8000,
      // The sheet has days past due but no overdue amount column.
      "Total overdue amount": null,
      "Oldest days overdue": 0,
      "Review issues": null,
    });
    expect(line(2)).toMatchObject({
      "Risk grade": "High",
      Warnings: "Negative news; Over credit limit; Overdue over 90 days",
      Recommendation:
        "Require prepayment (high risk); Restrict the credit limit (high risk); Ask for a guarantee or credit insurance (high risk); Hold new orders until the balance is back under the limit (Over credit limit); Escalate collection and stop shipments (Overdue over 90 days); Re-assess the customer now (Negative news)",
      "Recommended limit": 10000,
      Monitoring: "Monthly",
      // Re-assess now: the next review is the as-of date, not a month out.
      "Next review": asOf,
    });
    expect(line(3)).toMatchObject({
      "Risk score": null,
      "Risk grade": "Data error",
      "Review issues": 'row 4, column D (Contract performance): contract performance must be a number from 1 to 5, got "bad"',
    });
    expect(block.formats).toEqual([
      ...["score", "score", "score", "score", "score", "score", "text", "ratio", "text", "text", "text", "text"],
      ...["money", "text", "date", "percent", "money", "money", "integer", "text"],
    ]);
    // Conditional fills cover the data rows of the grade, warnings and issues columns only.
    expect(plan.target.fills.map((f) => [f.area.row, f.area.column, f.area.rows, f.area.columns, f.color])).toEqual([
      [1, 17, 4, 1, "#C6EFCE"],
      [1, 17, 4, 1, "#FFEB9C"],
      [1, 17, 4, 1, "#FFC7CE"],
      [1, 20, 4, 1, "#FFEB9C"],
      [1, 30, 4, 1, "#FFC7CE"],
      [1, 30, 4, 1, "#D9E1F2"],
    ]);
    expect(plan.target.fills.slice(0, 3).map((f) => f.when)).toEqual([
      { equals: "Low" },
      { equals: "Medium" },
      { equals: "High" },
    ]);
  });

  const row = (at: number, text: string): CellValue[] => Object.assign(new Array<CellValue>(at).fill(null), { [at]: text });
  test.each([
    [
      "a title above the table reaching further right",
      (g: Grid) => g.unshift(["Credit review", ...row(12, "prepared by AR")]),
      14,
    ],
    ["a note far below the table", (g: Grid) => g.push([], [], row(15, "checked")), 16],
    ["a note in a blank row inside the table", (g: Grid) => g.splice(2, 0, row(12, "see memo")), 13],
  ] as const)("go right of the last used column on any row: %s", (_name, edit, firstOutput) => {
    const values = sampleSheet();
    edit(values);
    const { plan } = reviewAndPlan(values);
    expect(plan.target.blocks.map((b) => b.column)).toEqual([firstOutput]);
    expectInputUntouched(values, plan);
  });

  test("a header over figures stands right, over its figures; a header over texts left", () => {
    const { plan } = reviewAndPlan(sampleSheet());
    const block = plan.target.blocks[0];
    const right = new Map(block.values[0].map((header, c) => [header, block.rightAligned?.[c] === true]));
    // "Total overdue / amount" left-aligned put "amount" beside "Available credit" on the header's last line.
    for (const figure of [
      "Risk score",
      "Z-score",
      "Recommended limit",
      "Next review",
      "Utilisation",
      "Available credit",
      "Total overdue amount",
      "Oldest days overdue",
    ])
      expect([figure, right.get(figure)]).toEqual([figure, true]);
    for (const text of ["Risk grade", "Z zone", "Warnings", "Recommendation", "Monitoring", "Review issues"])
      expect([text, right.get(text)]).toEqual([text, false]);
  });

  test("the plan never touches an input cell, unknown and duplicate columns included", () => {
    const values = customerSheet(
      [...EXTRA, "Sales rep", "Credit limit"],
      [{ extra: [1000, 900, 0, null, "Ann", 1] }, { extra: [1000, 1900, 100, null, null, 2] }],
    );
    values.push([], [], [null, null, null, null, null, null, null, null, null, null, null, null, null, "footnote"]);
    const before = copyGrid(values);
    const { result, plan } = reviewAndPlan(values);
    expect(result.columns.duplicates).toHaveLength(1);
    expectInputUntouched(before, plan);
    expect(values).toEqual(before); // planning does not mutate what it was given
  });

  test("a table away from A1: blocks are in sheet coordinates and miss every input cell", () => {
    const values = sampleSheet();
    const origin = { row: 3, column: 2 };
    const { result, plan } = reviewAndPlan(values, "en", { origin });
    expect(plan.target.blocks.map((b) => [b.row, b.column])).toEqual([[3, 13]]);
    expect(result.customers[2].errors[0].place.column).toBe("F (Contract performance)");
    expectInputUntouched(values, plan, origin);
    const { plan: again } = reviewAndPlan(apply(values, plan, origin), "en", { origin });
    expect(again.target).toEqual(plan.target);
  });
});

describe("re-running", () => {
  test.each([
    ["blanks as null (exceljs)", null],
    ['blanks as "" (Office.js)', ""],
  ] as const)("reuses its own columns and gives identical values: %s", (_name, blank) => {
    const values = sampleSheet();
    const first = reviewAndPlan(values);
    const once = apply(values, first.plan, undefined, blank);
    const second = reviewAndPlan(once);
    expect(second.result.layout.outputColumns).toEqual(first.result.layout.outputColumns);
    expect(second.result.columns.unknown).toEqual([]);
    expect(second.result.columns.found).toEqual(first.result.columns.found);
    expect(second.plan.target).toEqual(first.plan.target);
    expect(second.plan.outputArea).toEqual(first.plan.outputArea);
    const twice = apply(once, second.plan, undefined, blank);
    expect(twice).toEqual(once);
    expect(Math.max(...twice.map((l) => l.length))).toBe(31);
    expect(second.result.customers).toEqual(first.result.customers);
  });

  test("a re-run with fewer customers clears the rows the longer run left", () => {
    const values = sampleSheet();
    const once = apply(values, reviewAndPlan(values).plan);
    // The user deletes the last two customers' input cells.
    for (const r of [3, 4]) for (let c = 0; c < 11; c++) once[r][c] = null;
    const { result, plan } = reviewAndPlan(once);
    expect(result.layout.lastRow).toBe(2);
    expect(result.layout.staleOutputUntil).toBe(4);
    const after = apply(once, plan);
    expect(after[3].slice(11, 31)).toEqual(new Array(20).fill(null));
    expect(after[4].slice(11, 31)).toEqual(new Array(20).fill(null));
    expect(after[2][11]).toBe(4);
  });

  test("a re-run keeps what the user typed under the table in the review's columns; an earlier run's rows are known by their grade", () => {
    const values = sampleSheet();
    const once = apply(values, reviewAndPlan(values).plan);
    // The user deletes the last customer's input cells, and types a memo and a note under the table.
    for (let c = 0; c < 11; c++) once[4][c] = null;
    once.push(new Array(31).fill(null), new Array(31).fill(null));
    once[5][30] = "see memo";
    once[6][11] = "note under score";
    const { result, plan } = reviewAndPlan(once);
    expect(result.layout.lastRow).toBe(3);
    // Row 4 holds the earlier run's grade: cleared. Rows 5 and 6 hold only what the user typed: kept.
    expect(result.layout.staleOutputUntil).toBe(4);
    const after = apply(once, plan);
    expect(after[4].slice(11, 31)).toEqual(new Array(20).fill(null));
    expect(after[5][30]).toBe("see memo");
    expect(after[6][11]).toBe("note under score");
  });

  test("an output column the user deleted comes back right of everything, the others stay", () => {
    const values = sampleSheet();
    const once = apply(values, reviewAndPlan(values).plan);
    for (const line of once) line.splice(19, 1); // "Z zone" column deleted: later ones shift left
    once[1][30] = "user note";
    const { result, plan } = reviewAndPlan(once);
    expect(result.layout.outputColumns).toMatchObject({ score: 11, grade: 17, zScore: 18, warnings: 19, issues: 29, zZone: 31 });
    expect(plan.target.blocks.map((b) => [b.column, b.values[0].length])).toEqual([
      [11, 19],
      [31, 1],
    ]);
    expect(blockCells(plan.target.blocks).filter((c) => c.column === 30)).toEqual([]);
    expect(apply(once, plan)[1][30]).toBe("user note");
    expectInputUntouched(values, plan);
  });

  test("Chinese output headers, and a sheet reviewed in zh then in en updates the same columns", () => {
    const values = sampleSheet();
    const zh = reviewAndPlan(values, "zh");
    expect(zh.plan.target.blocks[0].values[0]).toEqual(ZH_OUT);
    expect(zh.plan.target.blocks[0].values[1].slice(6, 7)).toEqual(["低"]);
    const once = apply(values, zh.plan);

    const en = reviewAndPlan(once, "en");
    expect(en.result.layout.outputColumns).toEqual(zh.result.layout.outputColumns);
    expect(en.result.columns.unknown).toEqual([]);
    expect(en.plan.target.blocks.map((b) => [b.row, b.column])).toEqual([[0, 11]]);
    const twice = apply(once, en.plan);
    expect(twice[0].slice(11)).toEqual(EN_OUT);
    expect(twice[1][17]).toBe("Low");
    expect(Math.max(...twice.map((l) => l.length))).toBe(31);

    // And back to zh: still the same columns.
    const back = reviewAndPlan(twice, "zh");
    expect(back.plan.target).toEqual(zh.plan.target);
  });

  test("a Chinese input sheet reviewed in zh, then again: same columns", () => {
    const values: Grid = [
      [
        "客户编号",
        "客户名称",
        "付款历史",
        "合同履行情况",
        "行业风险",
        "市场口碑",
        "合规记录",
        "信用额度（元）",
        "应收账款余额（元）",
      ],
      ["K1", "甲公司", 2, 2, 2, 2, 2, 1000, 1000.01],
      ["K2", "乙公司", 5, 5, 5, 5, 5, 1000, 10],
    ];
    const first = reviewAndPlan(values, "zh");
    expect(first.plan.target.blocks[0].column).toBe(9);
    const again = reviewAndPlan(apply(values, first.plan), "zh");
    expect(again.plan.target).toEqual(first.plan.target);
    expect(again.plan.target.blocks[0].values[1][9]).toBe("超出信用额度");
    expect(again.plan.target.blocks[0].values[1][10]).toBe("应收账款余额 1,000.01 超过信用额度 1,000.00。");
  });
});

describe("text from the data stays text", () => {
  const NAMES = ['=HYPERLINK("http://x")', "+1-555", "-2+3", "@SUM(A1:A2)", "=1+1"];
  const values = customerSheet(
    ["Credit limit"],
    // Graded high, so the summary lists each among its top risks.
    NAMES.map((name, i) => ({ id: i === 4 ? "=cmd|' /C calc'!A0" : undefined, name, factors: [5, 5, 5, 5, 5], extra: [100] })),
  );
  const { result, plan } = reviewAndPlan(values);

  test("names are carried as the literal strings", () => {
    expect(result.customers.map((c) => c.name)).toEqual(NAMES);
    expect(result.customers[4].id).toBe("=cmd|' /C calc'!A0");
  });

  test("the name and id columns are never part of the output", () => {
    const columns = new Set(blockCells(plan.target.blocks).map((c) => c.column));
    expect(columns.has(0)).toBe(false);
    expect(columns.has(1)).toBe(false);
    for (const cell of blockCells(plan.target.blocks)) expect(NAMES).not.toContain(cell.value);
  });

  test("the archive and summary write names literally, in text-formatted cells", () => {
    const archive = plan.sheets[1];
    const archiveCells = blockCells(archive.blocks);
    for (const name of NAMES) {
      const cell = archiveCells.find((c) => c.value === name)!;
      expect(cell).toMatchObject({ column: 3, format: "text" });
    }
    expect(archiveCells.find((c) => c.value === "=cmd|' /C calc'!A0")).toMatchObject({ column: 2, format: "text" });
    const summaryCells = blockCells(plan.sheets[0].blocks);
    for (const name of NAMES) expect(summaryCells.find((c) => c.value === name)).toMatchObject({ format: "text" });
  });

  test("no sheet of the plan has a formula-like string in a cell that is not text-formatted", () => {
    const blocks: Block[] = [...plan.target.blocks, ...plan.sheets.flatMap((s) => s.blocks)];
    const suspicious = blockCells(blocks).filter(
      (c) => typeof c.value === "string" && /^[=+\-@]/.test(c.value) && c.format !== "text",
    );
    expect(suspicious).toEqual([]);
  });
});

describe("archive plan", () => {
  const values = sampleSheet();
  const { result } = reviewAndPlan(values);
  const archiveOf = (archiveValues?: Grid, lang: Lang = "en", review = result) =>
    buildWritePlan(review, lang, { sheetNames: [], archiveValues }).sheets[1];
  const HEADER = [
    "Review date",
    "Policy version",
    "Customer ID",
    "Customer",
    "Payment history",
    "Contract performance",
    "Industry risk",
    "Market reputation",
    "Compliance record",
    "Risk score",
    "Risk grade",
    "Z-score",
    "Z zone",
    "Outstanding balance",
    "Credit limit",
    "Recommended limit",
    "Overdue amount",
    "Days past due",
    "Warning codes",
    "Action codes",
    "Review issues",
    "Customer sheet",
    "Amounts in",
    "Typed over by hand",
    "Action taken",
    "Output check",
    "Overdue amount in",
  ];
  const OLD_HEADER = HEADER.slice(0, 4).concat(["Risk score", "Risk grade"]);

  test("the archive's header stands right over its figures, left over its texts", () => {
    const [header] = archiveOf().blocks;
    const right = new Map(header.values[0].map((h, c) => [h, header.rightAligned?.[c] === true]));
    for (const figure of ["Review date", "Payment history", "Risk score", "Z-score", "Outstanding balance", "Days past due"])
      expect([figure, right.get(figure)]).toEqual([figure, true]);
    for (const text of ["Policy version", "Customer", "Risk grade", "Z zone", "Warning codes", "Action taken"])
      expect([text, right.get(text)]).toEqual([text, false]);
  });

  test("a new archive: the header, then one audit row per customer, errors included", () => {
    const archive = archiveOf();
    expect(archive.mode).toBe("rewrite-from");
    expect(archive.fromRow).toBe(0);
    expect(archive.name).toBe("Credit Review Archive");
    expect(archive.blocks.map((b) => [b.row, b.column, b.values.length])).toEqual([
      [0, 0, 1],
      [1, 0, 4],
    ]);
    expect(archive.blocks[0].values[0]).toEqual(HEADER);
    const [alpha, beta, gamma] = archive.blocks[1].values;
    expect(alpha).toEqual([
      asOf,
      DEFAULT_POLICY.version,
      "C001",
      "Alpha",
      1,
      2,
      1,
      2,
      1,
      1.4,
      "Low",
      null,
      null,
      2000,
      10000,
      11000,
      null,
      0,
      // Nothing to say is a blank cell, never an empty text (Excel counts those).
      null,
      "RAISE_LIMIT",
      null,
      // The sheet reviewed; no unit stated on it; nothing typed over by hand (a first review has nothing
      // to check); no Action taken column on the sheet; the check of the output cells it wrote (no aging
      // buckets without a ledger), then the blank Action taken's token. Its overdue amount is in its
      // row's unit, as every row's here: that last column is not sent at all.
      "Customers",
      null,
      null,
      null,
      expect.stringMatching(/^[A-Za-z0-9_.-]+\/\/\.$/),
    ]);
    expect(beta.slice(0, 11)).toEqual([asOf, DEFAULT_POLICY.version, "C002", "Beta", 4, 4, 4, 4, 4, 4, "High"]);
    expect(beta.slice(18, 20)).toEqual([
      "NEGATIVE_NEWS, OVER_LIMIT, OVERDUE_90",
      "PREPAYMENT, RESTRICT_LIMIT, GUARANTEE, HOLD_ORDERS, ESCALATE_COLLECTION, REASSESS",
    ]);
    // Gamma's factor "bad" stops its score: archived with its id, name, the factors it has (the bad one
    // blank), no score or grade, and the error in words.
    expect(gamma.slice(2, 11)).toEqual(["C003", "Gamma", 3, null, 3, 3, 3, null, null]);
    expect(gamma[20]).toMatch(/Contract performance/);
    expect(archive.blocks[1].formats).toEqual([
      "date",
      "text",
      "text",
      "text",
      "general",
      "general",
      "general",
      "general",
      "general",
      "score",
      "text",
      "ratio",
      "text",
      "money",
      "money",
      "money",
      "money",
      "integer",
      "text",
      "text",
      "text",
      "text",
      "text",
      "text",
      "text",
      "text",
    ]);
    // Every column laid out, the one no row fills too: a later review may fill it.
    expect(archive.columnWidths).toHaveLength(HEADER.length);
  });

  test("a later review goes below the existing rows (trailing blank rows ignored) without a second header", () => {
    const first = applyBlocks([], archiveOf(undefined, "en", reviewAndPlanAt(serial("2026-02-15")).result).blocks);
    const existing: Grid = [...first, [null, null], []];
    const archive = archiveOf(existing);
    expect(archive.fromRow).toBe(5);
    expect(archive.blocks.map((b) => [b.row, b.values.length])).toEqual([[5, 4]]);
    const grid = applyBlocks(existing, archive.blocks);
    expect(grid.filter((l) => l[0] === "Review date")).toHaveLength(1);
    expect(grid.slice(5).map((l) => [l[0], l[2]])).toEqual(["C001", "C002", "C003", "C004"].map((id) => [asOf, id]));
  });

  test("running twice on the same day leaves the archive as the first run wrote it", () => {
    const once = applyBlocks([], archiveOf().blocks);
    const again = archiveOf(once);
    expect(again.fromRow).toBe(1);
    expect(applyBlocks(once, again.blocks)).toEqual(once);
  });

  test("a back-dated review goes between the earlier and the later reviews", () => {
    let grid = applyBlocks([], archiveOf(undefined, "en", reviewAndPlanAt(serial("2026-01-15")).result).blocks);
    grid = applyBlocks(grid, archiveOf(grid).blocks);
    const backDated = archiveOf(grid, "en", reviewAndPlanAt(serial("2026-02-15")).result);
    expect(backDated.fromRow).toBe(5);
    grid = applyBlocks(grid, backDated.blocks);
    expect(grid.slice(1).map((l) => l[0])).toEqual([
      ...Array(4).fill(serial("2026-01-15")),
      ...Array(4).fill(serial("2026-02-15")),
      ...Array(4).fill(asOf),
    ]);
  });

  test("a re-run with fewer customers blanks the rows it no longer needs", () => {
    const once = applyBlocks([], archiveOf().blocks);
    const fewer = reviewAndPlan(values.slice(0, 3)).result;
    const grid = applyBlocks(once, archiveOf(once, "en", fewer).blocks);
    expect(grid.slice(1, 3).map((l) => l[2])).toEqual(["C001", "C002"]);
    expect(grid.slice(3).every((l) => l.every((v) => v === null))).toBe(true);
  });

  test("an archive in the old six-column layout is rewritten whole under the current header, its rows kept", () => {
    const existing: Grid = [
      ["Notes above the archive"],
      OLD_HEADER,
      [serial("2026-02-15"), "v", "C001", "Alpha", 1.5, "Low"],
      [utcDate("2026-02-15"), "v", "C002", "Beta", 4, "High"],
    ];
    const archive = archiveOf(existing);
    expect(archive.fromRow).toBe(1);
    const grid = applyBlocks(existing, archive.blocks);
    expect(grid[0]).toEqual(["Notes above the archive"]);
    expect(grid[1]).toEqual(HEADER);
    expect(grid[2]).toEqual([
      serial("2026-02-15"),
      "v",
      "C001",
      "Alpha",
      null,
      null,
      null,
      null,
      null,
      1.5,
      "Low",
      ...Array(10).fill(null),
      // Its customers are this sheet's (C001 and C002 both on it): named after it; its unit not known;
      // nothing typed over kept; no Action taken recorded (the column did not exist); no output check
      // kept; its overdue amount in that unit, the last column, not sent as no row fills it.
      "Customers",
      null,
      null,
      null,
      null,
    ]);
    expect(grid[3][0]).toBe(serial("2026-02-15"));
    expect(grid.slice(4).map((l) => l[2])).toEqual(["C001", "C002", "C003", "C004"]);
  });

  test("an archive started in Chinese is continued in English without a new header", () => {
    const zhHeader = archiveOf(undefined, "zh").blocks[0].values[0];
    expect(zhHeader.slice(0, 6)).toEqual(["审查日期", "政策版本", "客户编号", "客户名称", "付款历史", "合同履行情况"]);
    const zhRow = archiveOf(undefined, "zh").blocks[1].values[0];
    expect(zhRow[10]).toBe("低");
    const archive = archiveOf([zhHeader as CellValue[], [serial("2026-02-15"), "v", "C001", "Alpha", 1, 1, 1, 1, 1, 1, "低"]]);
    expect(archive.blocks.map((b) => b.row)).toEqual([2]);
  });

  test("an archive that would pass Excel's last row is refused, saying how many rows it would need", () => {
    const full: Grid = [];
    full[1_048_574] = [serial("2026-01-01"), "v", "X", "X", 1, 1, 1, 1, 1, 1, "Low"];
    full[0] = HEADER;
    expect(() => archiveOf(full)).toThrow(/would pass Excel's last row \(1,048,576\): the archive would need 1,048,579 rows/);
  });
});

describe("policy sheet round trip", () => {
  const changed = completePolicy({
    version: "2026-Q1 tightened",
    weights: [40, 20, 20, 10, 10],
    mediumFrom: 2.25,
    highFrom: 3.25,
    scoreRise: 0.75,
    overdueShare: 0.08,
    newsMonths: 2,
    overdueDays: 60,
    minCurrentRatio: 1.2,
    maxDebtRatio: 0.65,
    minInterestCoverage: 2,
    limitHigh: 0.25,
    monitorOtherMonths: 6,
    agingEdges: [30, 60, 90, 120],
    defaultZModel: "nonmanufacturing",
  });

  test.each([
    ["default policy, en", DEFAULT_POLICY, "en"],
    ["changed thresholds, en", changed, "en"],
    ["changed thresholds, zh", changed, "zh"],
  ] as const)("%s", (_name, policy: Policy, lang: Lang) => {
    const { result } = reviewAndPlan(sampleSheet(), lang, { policy });
    const sheet = buildWritePlan(result, lang, { sheetNames: [] }).sheets[2];
    expect(sheet.mode).toBe("replace");
    expect(sheet.name).toBe(lang === "zh" ? "信用政策" : "Credit Policy");
    const grid = applyBlocks([], sheet.blocks);
    expect(readPolicySheet(grid)).toEqual(policy);
    // The settings and the legend of codes under them print as one page.
    expect(sheet.print).toMatchObject({ fitToWidth: 1, fitToHeight: 1 });
  });

  test("a threshold changed on the sheet is read back and used", () => {
    const { result } = reviewAndPlan(sampleSheet());
    const grid = applyBlocks([], buildWritePlan(result, "en", { sheetNames: [] }).sheets[2].blocks);
    const row = grid.findIndex((l) => l[0] === "Days past due that trigger the overdue warning");
    grid[row][1] = 119;
    const policy = readPolicySheet(grid);
    expect(policy).toEqual(completePolicy({ overdueDays: 119 }));
    const rerun = runReview({ sheetName: "Customers", values: sampleSheet(), asOf, policy });
    expect(rerun.customers[1].findings.map((f) => f.code)).toEqual(["NEGATIVE_NEWS", "OVER_LIMIT", "OVERDUE_90"]);
    const stricter = readPolicySheet(grid.map((l, r) => (r === row ? [l[0], 120, l[2]] : l)));
    const rerun2 = runReview({ sheetName: "Customers", values: sampleSheet(), asOf, policy: stricter });
    expect(rerun2.customers[1].findings.map((f) => f.code)).toEqual(["NEGATIVE_NEWS", "OVER_LIMIT"]);
  });
});

describe("output columns belong to the review only when they are recognisably its own", () => {
  const { runReview } = jest.requireActual("../../../src/engine/review/review");
  const { DEFAULT_POLICY } = jest.requireActual("../../../src/engine/policy");
  const header = [
    "Customer",
    "Payment history",
    "Contract performance",
    "Industry risk",
    "Market reputation",
    "Compliance record",
  ];

  test("a user's own column headed like an output column is left alone", () => {
    const values = [
      [...header, "Warnings"],
      ["A", 1, 1, 1, 1, 1, "call them first"],
    ];
    const result = runReview({ sheetName: "S", values, asOf: 46000, policy: DEFAULT_POLICY });
    expect(result.layout.outputColumns.warnings).toBeGreaterThan(6);
    expect(result.layout.outputColumns.score).toBe(7);
  });

  test("with the review's columns present, a user column of the same name to their left is not reused", () => {
    const outputs = OUTPUT_HEADERS_EN;
    const values = [
      [...header, "Warnings", ...outputs],
      ["A", 1, 1, 1, 1, 1, "mine", 1, 0.3, 0.25, 0.2, 0.15, 0.1, "Low", null, null, null, null, "Keep", 100, "Quarterly", 46090],
    ];
    const result = runReview({ sheetName: "S", values, asOf: 46000, policy: DEFAULT_POLICY });
    expect(result.layout.outputColumns.score).toBe(7);
    expect(result.layout.outputColumns.warnings).toBe(16);
  });
});

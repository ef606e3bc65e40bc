/**
 * The customer sheet as a collections worklist and the why behind each review: factor points,
 * findings, utilisation, available credit, overdue figures and (with a ledger) aging buckets,
 * each blank with its reason in the issues column when it cannot be computed; re-runs with
 * other buckets, or none, clear the columns they no longer write and never touch a user cell.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { CellValue } from "../../../src/engine/cells";
import { Lang } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY, Policy } from "../../../src/engine/policy";
import { ReviewInput, runReview } from "../../../src/engine/review/review";
import { fitColumns, LINE_HEIGHT, rowHeightToWrite, WIDTH } from "../../../src/engine/review/sheet-layout";
import { buildWritePlan, WritePlan } from "../../../src/engine/review/write-plan";
import { typedOverText } from "../../../src/engine/review/texts";
import { reviewWorkbook } from "../../support/review-cycle";
import { AGING_HEADERS_EN, AGING_HEADERS_ZH, OUTPUT_HEADERS_EN, OUTPUT_HEADERS_ZH } from "../../support/output-headers";
import { applyBlocks, blockCells, customerSheet, Grid, serial } from "../../support/review-grid";

const asOf = serial("2026-03-15");
const due = (days: number) => asOf - days;

function sheet(): Grid {
  return customerSheet(
    ["Credit limit", "Outstanding balance", "Days past due"],
    [
      { id: "C001", name: "Alpha", factors: [1, 2, 1, 2, 1], extra: [1000, 750, 0] },
      { id: "C002", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [500, 1200, 100] },
      { id: "C003", name: "Gamma", factors: [3, 3, 3, 3, 3], extra: [0, 80, 0] },
    ],
  );
}

const LEDGER: CellValue[][] = [
  ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
  ["C001", "I-1", due(-10), 100, null], // current
  ["C001", "I-2", due(20), 250, null], // 1–30
  ["C001", "I-3", due(45), 400, null], // 31–60
  ["C002", "I-4", due(100), 1200, null], // 91+
  ["C003", "I-5", due(5), 80, null], // 1–30
];

type Opts = { ledger?: boolean; policy?: Policy };
function review(values: Grid, lang: Lang = "en", opts: Opts = {}) {
  const input: ReviewInput = {
    sheetName: "Customers",
    values,
    asOf,
    policy: opts.policy ?? DEFAULT_POLICY,
    ledger: opts.ledger ? { sheetName: "Invoices", values: LEDGER } : undefined,
  };
  const result = runReview(input, lang);
  return { result, plan: buildWritePlan(result, lang, { sheetNames: [] }) };
}
const apply = (values: Grid, plan: WritePlan) => applyBlocks(values, plan.target.blocks);

/** The written output row of one customer (1-based sheet row), by header. */
function outputRow(after: Grid, row: number): Record<string, CellValue> {
  const header = after[0];
  const first = header.indexOf(OUTPUT_HEADERS_EN[0]) >= 0 ? header.indexOf(OUTPUT_HEADERS_EN[0]) : header.indexOf("风险评分");
  return Object.fromEntries(header.slice(first).map((h, i) => [String(h), after[row - 1][first + i] ?? null]));
}

describe("the why on the customer sheet", () => {
  test("factor points add up to the score, in the result, the sheet and nowhere rounded apart", () => {
    const { result } = review(sheet());
    for (const c of result.customers) {
      expect(c.factorPoints).toHaveLength(5);
      expect(c.factorPoints!.reduce((a, b) => a + b, 0)).toBeCloseTo(c.score!, 12);
    }
    expect(result.customers[1].factorPoints).toEqual([1.2, 1, 0.8, 0.6, 0.4]);
    // 0.15 × 3 and 0.1 × 3 in binary floats are 0.44999999999999996 and 0.30000000000000004: shown as on paper.
    expect(result.customers[2].factorPoints).toEqual([0.9, 0.75, 0.6, 0.45, 0.3]);
  });

  test("findings: one line per warning, each figure against its threshold, in a wrapped column", () => {
    const values = sheet();
    const { plan } = review(values);
    const row = outputRow(apply(values, plan), 3);
    expect(row.Findings).toBe(
      [
        "Outstanding balance 1,200.00 is above the credit limit 500.00.",
        "The oldest unpaid amount is 100 days past due (more than 90 days triggers a warning).",
      ].join("\n"),
    );
    const findings = plan.target.blocks[0].column + OUTPUT_HEADERS_EN.indexOf("Findings");
    const layout = plan.target.columns!.find((c) => c.column === findings)!;
    expect(layout.wrap).toBe(true);
    // Its lines are longer than the widest text column: each wraps again at the wrap width, and the row grows.
    expect(layout.width).toBe(WIDTH.wrapAt + WIDTH.indent);
    expect(layout.indent).toBe(true);
    expect(plan.target.rowHeights!.find((h) => h.row === 2)!.height).toBeGreaterThanOrEqual(4 * LINE_HEIGHT);
  });

  test("a re-run fits the rows its columns write on: a customer whose warnings cleared comes back to one line", () => {
    const values = sheet();
    const first = review(values).plan;
    const tall = first.target.rowHeights!.find((h) => h.row === 2)!.height;
    expect(tall).toBeGreaterThanOrEqual(4 * LINE_HEIGHT);
    // A month later Beta is paid up, within its limit and scored low: no warning, no finding.
    const after = apply(values, first);
    after[2].splice(2, 8, 1, 1, 1, 1, 1, 500, 100, 0);
    const { result, plan } = review(after);
    expect(result.customers[1].findings).toEqual([]);
    // The rows the plan fits are the header's to the last customer's; Beta's is not among the taller ones.
    expect(plan.target.fitRows).toEqual({ first: 0, last: 3 });
    expect(plan.target.rowHeights?.find((h) => h.row === 2)).toBeUndefined();
    // The height the first run wrote on its row is redone to one line; a height of the user's stays.
    expect(rowHeightToWrite({ height: tall, custom: true }, undefined)).toBe("default");
    expect(rowHeightToWrite({ height: tall + 5, custom: true }, undefined)).toBe("keep");
  });

  test("a text of several short lines wraps; one short line does not", () => {
    const block = { row: 0, column: 0, values: [["a\nb"], ["c"]], formats: ["text" as const] };
    expect(fitColumns([block], "en")).toEqual([{ column: 0, width: 8, wrap: true, indent: false }]);
    expect(fitColumns([{ ...block, values: [["a b"]] }], "en")).toEqual([{ column: 0, width: 8, wrap: false, indent: false }]);
  });
});

describe("the worklist figures", () => {
  test("utilisation and available credit for every customer; a limit of 0 leaves utilisation blank and says why", () => {
    const values = sheet();
    const { result, plan } = review(values);
    expect(result.customers.map((c) => [c.utilisation, c.availableCredit])).toEqual([
      [0.75, 250],
      [2.4, -700],
      [undefined, -80],
    ]);
    const after = apply(values, plan);
    expect(outputRow(after, 4)).toMatchObject({
      Utilisation: null,
      "Available credit": -80,
      "Review issues":
        "row 4, column H (Credit limit): utilisation not computed: the credit limit is 0, so utilisation (balance / limit) is undefined",
    });
    expect(outputRow(after, 3)).toMatchObject({ Utilisation: 2.4, "Available credit": -700, "Total overdue amount": null });
  });

  test("a customer whose factor is bad still shows its credit use; a bad limit cell blanks it and says so", () => {
    const values = customerSheet(
      ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"],
      [
        { id: "C1", factors: [1, "x", 1, 1, 1], extra: [100, 50, 30, 45] },
        { id: "C2", factors: [1, 1, 1, 1, 1], extra: ["abc", 50] },
      ],
    );
    const { result, plan } = review(values);
    expect([result.customers[0].utilisation, result.customers[0].availableCredit]).toEqual([0.5, 50]);
    const after = apply(values, plan);
    // What is owed and how late needs no score either: the collector sees it on the row in error.
    expect(outputRow(after, 2)).toMatchObject({
      Utilisation: 0.5,
      "Available credit": 50,
      "Total overdue amount": 30,
      "Oldest days overdue": 45,
    });
    expect(outputRow(after, 2)["Risk score"]).toBeNull();
    expect(outputRow(after, 3)).toMatchObject({ Utilisation: null, "Available credit": null });
    expect(outputRow(after, 3)["Review issues"]).toContain("utilisation, available credit");
    // Nothing the plan writes is NaN or infinite.
    for (const cell of blockCells(plan.target.blocks))
      if (typeof cell.value === "number") expect(Number.isFinite(cell.value)).toBe(true);
  });

  test("limits and balances too large for a finite figure: blank, with the reason", () => {
    const values = customerSheet(
      ["Credit limit", "Outstanding balance"],
      [{ id: "C1", factors: [1, 1, 1, 1, 1], extra: [1e-300, -1.7e308] }],
    );
    const { result } = review(values);
    expect(result.customers[0].utilisation).toBeUndefined();
    expect(result.customers[0].notes.map((n) => n.affects)).toContainEqual(["utilisation"]);
  });

  test("with a ledger: overdue, oldest days and the aging buckets from it, labelled by the policy's edges, before the issues", () => {
    const values = sheet();
    const { result, plan } = review(values, "en", { ledger: true });
    expect(result.layout.agingColumns).toEqual([29, 30, 31, 32, 33]);
    expect(plan.target.blocks).toHaveLength(1);
    const header = plan.target.blocks[0].values[0];
    expect(header).toEqual([...OUTPUT_HEADERS_EN.slice(0, -1), ...AGING_HEADERS_EN, "Review issues"]);
    const after = apply(values, plan);
    expect(outputRow(after, 2)).toMatchObject({
      "Total overdue amount": 650,
      "Oldest days overdue": 45,
      "Aging:\nCurrent": 100,
      "Aging:\n1–30": 250,
      "Aging:\n31–60": 400,
      "Aging:\n61–90": 0,
      "Aging:\n91+": 0,
    });
    expect(outputRow(after, 3)).toMatchObject({ "Total overdue amount": 1200, "Oldest days overdue": 100, "Aging:\n91+": 1200 });
    const zh = review(values, "zh", { ledger: true });
    expect(zh.plan.target.blocks[0].values[0]).toEqual([...OUTPUT_HEADERS_ZH.slice(0, -1), ...AGING_HEADERS_ZH, "审查问题"]);
    // On two lines, which a cell shows only wrapped.
    const aging = zh.plan.target.columns!.filter((c) => zh.result.layout.agingColumns.includes(c.column));
    expect(aging.map((c) => c.wrap)).toEqual([true, true, true, true, true]);
  });
});

describe("headers an earlier version wrote", () => {
  test("Chinese headers written without the space before 值 or 天 are the review's: re-written in place, nothing added", () => {
    const values = sheet();
    const once = apply(values, review(values, "zh", { ledger: true }).plan);
    const header = once[0];
    const older = (text: string) => text.replace(/ (值|天)/g, "$1");
    const renamed = header.map((h) => (typeof h === "string" ? older(h) : h));
    expect(renamed).toContain("Z值");
    expect(renamed).toContain("Z值区间");
    expect(renamed).toContain("账龄：\n91天以上");
    const before = [renamed, ...once.slice(1)];
    const twice = apply(before, review(before, "zh", { ledger: true }).plan);
    expect(twice).toEqual(once);
  });
});

describe("re-runs with more or fewer columns", () => {
  const edges = (agingEdges: number[]) => completePolicy({ ...DEFAULT_POLICY, agingEdges });

  /** The header row from the first aging column to one past Review issues (blank cells as null). */
  const agingBlock = (grid: Grid, issues: string) => {
    const header = grid[0];
    return header.slice(29, header.indexOf(issues) + 1).map((h) => h ?? null);
  };

  test("fewer aging edges (30/60/90 to 30/60): the buckets take the earlier aging columns in order, the one left over is cleared", () => {
    const values = sheet();
    const once = apply(values, review(values, "en", { ledger: true }).plan);
    once[0][35] = "Collector";
    once[1][35] = "Ann";
    const { result, plan } = review(once, "en", { ledger: true, policy: edges([30, 60]) });
    expect(result.layout.agingColumns).toEqual([29, 30, 31, 32]);
    expect(result.layout.clearedColumns).toEqual([33]);
    const twice = apply(once, plan);
    expect(agingBlock(twice, "Review issues")).toEqual([
      "Aging:\nCurrent",
      "Aging:\n1–30",
      "Aging:\n31–60",
      "Aging:\n61+",
      null,
      "Review issues",
    ]);
    // Beta's 1,200 at 100 days, under 61+ now, where 61–90 stood; the column of 91+ holds nothing any more.
    expect(twice[2][32]).toBe(1200);
    expect(twice.map((line) => line[33] ?? null)).toEqual([null, null, null, null]);
    expect(twice[0][35]).toBe("Collector");
    expect(twice[1][35]).toBe("Ann");
    expect(blockCells(plan.target.blocks).filter((c) => c.column >= 35)).toEqual([]);
    // And again with the same policy: nothing moves.
    const again = review(twice, "en", { ledger: true, policy: edges([30, 60]) });
    expect(again.result.layout.agingColumns).toEqual([29, 30, 31, 32]);
    expect(apply(twice, again.plan)).toEqual(twice);
    // Back to three edges: the fifth bucket goes into the column cleared among the review's, one block again.
    const back = review(twice, "en", { ledger: true });
    expect(back.result.layout.agingColumns).toEqual([29, 30, 31, 32, 33]);
    expect(agingBlock(apply(twice, back.plan), "Review issues")).toEqual([...AGING_HEADERS_EN, "Review issues"]);
  });

  test("more aging edges (30/60/90 to 30/60/90/120): the earlier columns reused in order; only the bucket beyond them goes right of the user's column", () => {
    const values = sheet();
    const once = apply(values, review(values, "en", { ledger: true }).plan);
    once[0][35] = "Collector";
    once[1][35] = "Ann";
    const { result, plan } = review(once, "en", { ledger: true, policy: edges([30, 60, 90, 120]) });
    expect(result.layout.agingColumns).toEqual([29, 30, 31, 32, 33, 36]);
    expect(result.layout.clearedColumns).toEqual([]);
    const twice = apply(once, plan);
    expect(twice[0].slice(29)).toEqual([
      "Aging:\nCurrent",
      "Aging:\n1–30",
      "Aging:\n31–60",
      "Aging:\n61–90",
      "Aging:\n91–120",
      "Review issues",
      "Collector",
      "Aging:\n121+",
    ]);
    // Beta's 1,200 at 100 days is in 91–120, the column 91+ had.
    expect([twice[2][33], twice[2][36]]).toEqual([1200, 0]);
    expect(twice[1][35]).toBe("Ann");
    expect(blockCells(plan.target.blocks).filter((c) => c.column === 35)).toEqual([]);
    const again = review(twice, "en", { ledger: true, policy: edges([30, 60, 90, 120]) });
    expect(again.result.layout.agingColumns).toEqual([29, 30, 31, 32, 33, 36]);
    expect(apply(twice, again.plan)).toEqual(twice);
  });

  test("other edges in Chinese (30/60/90 to 45/90), after an English review too: the buckets in order under their Chinese headers", () => {
    const values = sheet();
    for (const firstLang of ["zh", "en"] as const) {
      const once = apply(values, review(values, firstLang, { ledger: true }).plan);
      const { result, plan } = review(once, "zh", { ledger: true, policy: edges([45, 90]) });
      expect(result.layout.agingColumns).toEqual([29, 30, 31, 32]);
      expect(result.layout.clearedColumns).toEqual([33]);
      const twice = apply(once, plan);
      expect(agingBlock(twice, "审查问题")).toEqual([
        "账龄：\n未到期",
        "账龄：\n1–45 天",
        "账龄：\n46–90 天",
        "账龄：\n91 天以上",
        null,
        "审查问题",
      ]);
      // Alpha's 400 at 45 days in 1–45, Beta's 1,200 at 100 days in 91+.
      expect(twice[1].slice(29, 34).map((v) => v ?? null)).toEqual([100, 650, 0, 0, null]);
      expect(twice[2][32]).toBe(1200);
    }
  });

  test("a sheet an earlier version split (a bucket after the user's column, a blank among the review's): the buckets gathered back in order", () => {
    const values = sheet();
    const once = apply(values, review(values, "en", { ledger: true }).plan);
    // As that version left a change from 30/60/90 to 30/60/90/120: 91+ blanked, 91–120 and 121+ after Collector.
    const split = once.map((line) => [...line.slice(0, 33), null, line[34], null, null]);
    split[0].splice(35, 2, "Collector", "Aging:\n91–120", "Aging:\n121+");
    split[1].splice(35, 2, "Ann", 0, 0);
    split[2].splice(35, 2, null, 1200, 0);
    split[3].splice(35, 2, null, 0, 0);
    const { result, plan } = review(split, "en", { ledger: true, policy: edges([30, 60, 90, 120]) });
    expect(result.layout.agingColumns).toEqual([29, 30, 31, 32, 33, 36]);
    expect(result.layout.clearedColumns).toEqual([37]);
    const after = apply(split, plan);
    expect(after[0].slice(29).map((h) => h ?? null)).toEqual([
      "Aging:\nCurrent",
      "Aging:\n1–30",
      "Aging:\n31–60",
      "Aging:\n61–90",
      "Aging:\n91–120",
      "Review issues",
      "Collector",
      "Aging:\n121+",
      null,
    ]);
    expect(after[2][33]).toBe(1200);
    expect(after[1][35]).toBe("Ann");
  });

  test("an aging-headed column of the user's left of the review's columns stays the user's, whatever the edges", () => {
    // A business system's export with a bucket of its own among the data columns.
    const values = customerSheet(
      ["Credit limit", "Outstanding balance", "Days past due", "Aging:\n1–30"],
      [
        { id: "C001", name: "Alpha", factors: [1, 2, 1, 2, 1], extra: [1000, 750, 0, 250] },
        { id: "C002", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [500, 1200, 100, 0] },
      ],
    );
    let grid = values;
    for (const agingEdges of [
      [30, 60, 90],
      [30, 60, 90],
      [45, 90],
    ]) {
      const { result, plan } = review(grid, "en", { ledger: true, policy: edges(agingEdges) });
      expect(result.layout.agingColumns).not.toContain(10);
      expect(result.layout.clearedColumns).not.toContain(10);
      grid = apply(grid, plan);
      expect(grid.map((line) => line[10])).toEqual(["Aging:\n1–30", 250, 0]);
    }
    expect(grid[0].slice(30).map((h) => h ?? null)).toEqual([
      "Aging:\nCurrent",
      "Aging:\n1–45",
      "Aging:\n46–90",
      "Aging:\n91+",
      null,
      "Review issues",
    ]);
  });

  test("a re-run reads the aging columns as the review's own, never as unknown columns of the user's", () => {
    const values = sheet();
    const once = apply(values, review(values, "en", { ledger: true }).plan);
    const again = review(once, "en", { ledger: true });
    expect(again.result.columns.unknown).toEqual([]);
    expect(review(once, "zh").result.columns.unknown).toEqual([]);
  });

  test("a run without the ledger clears the aging columns of a run with one; a run with it puts them back where they were", () => {
    const values = sheet();
    const once = apply(values, review(values, "en", { ledger: true }).plan);
    const { result, plan } = review(once);
    expect(result.layout.agingColumns).toEqual([]);
    expect(result.layout.clearedColumns).toEqual([29, 30, 31, 32, 33]);
    const twice = apply(once, plan);
    expect(twice.map((line) => line.slice(29, 34).filter((v) => v !== null && v !== undefined))).toEqual([[], [], [], []]);
    expect(twice[0][34]).toBe("Review issues");
    const back = review(twice, "en", { ledger: true });
    // The columns it cleared, between the review's others and Review issues: its columns side by side again.
    expect(back.result.layout.agingColumns).toEqual([29, 30, 31, 32, 33]);
    expect(apply(twice, back.plan)[0].slice(29)).toEqual([...AGING_HEADERS_EN, "Review issues"]);
  });

  test("a sheet an earlier version reviewed (ten columns): they are reused, the new ones go right of them", () => {
    const OLD = ["Risk score", "Risk grade", "Z-score", "Z zone", "Warnings"];
    const OLD_END = ["Recommendation", "Recommended limit", "Monitoring", "Next review", "Review issues"];
    const values = sheet();
    values[0].push(...OLD, ...OLD_END);
    values[1].push(1.4, "Low", null, null, null, "Keep", 1000, "Quarterly", 46000, null);
    const { result, plan } = review(values);
    expect(result.layout.outputColumns).toMatchObject({ score: 10, grade: 11, issues: 19, paymentHistoryPoints: 20 });
    const after = apply(values, plan);
    expect(after[0].slice(10)).toEqual([
      ...OLD,
      ...OLD_END,
      ...OUTPUT_HEADERS_EN.filter((h) => !OLD.includes(h) && !OLD_END.includes(h)),
    ]);
    expect(new Set(after[0]).size).toBe(after[0].length);
  });

  test("an aging-like header the user wrote beside a lone output-like column is the user's", () => {
    const values = sheet();
    values[0].push("Warnings", "Aging:\n1–30");
    values[1].push("mine", "also mine");
    const { result, plan } = review(values, "en", { ledger: true });
    expect(result.layout.clearedColumns).toEqual([]);
    expect(apply(values, plan)[1].slice(10, 12)).toEqual(["mine", "also mine"]);
  });
});

describe("the customer sheet stays printable", () => {
  test("a long header over short figures wraps at its widest word; the header row grows to show it", () => {
    const values = sheet();
    const { plan } = review(values, "en", { ledger: true });
    const at = (header: string) =>
      plan.target.columns!.find(
        (c) => c.column === plan.target.blocks[0].column + plan.target.blocks[0].values[0].indexOf(header),
      )!;
    expect(at("Oldest days overdue")).toEqual({
      column: expect.any(Number),
      width: "overdue".length + WIDTH.padding,
      wrap: true,
      indent: false,
    });
    expect(at("Reputation points").width).toBe("Reputation".length + WIDTH.padding);
    expect(at("Available credit").width).toBe("Available".length + WIDTH.padding);
    expect(plan.target.rowHeights).toContainEqual({ row: 0, height: 3 * LINE_HEIGHT });
    // The table is fitted to the page width: every character saved makes the printed sheet larger.
    const width = (columns: readonly { width: number }[]) => columns.reduce((sum, c) => sum + c.width, 0);
    expect(width(plan.target.columns!)).toBeLessThan(width(fitColumns(plan.target.blocks, "en")) - 50);
  });
});

describe("every face shows the same figures", () => {
  test("--json carries the breakdown, credit use, overdue figures and aging the sheet shows", () => {
    const values = sheet();
    const { result, plan } = review(values, "en", { ledger: true });
    const json = toJson(result, "en");
    expect(json.customers[1]).toMatchObject({
      factorPoints: {
        paymentHistory: 1.2,
        contractPerformance: 1,
        industryRisk: 0.8,
        marketReputation: 0.6,
        complianceRecord: 0.4,
      },
      findings: [
        {
          code: "OVER_LIMIT",
          value: 1200,
          threshold: 500,
          text: "Outstanding balance 1,200.00 is above the credit limit 500.00.",
        },
        { code: "OVERDUE_90", value: 100, threshold: 90 },
      ],
      balance: 1200,
      creditLimit: 500,
      utilisation: 2.4,
      availableCredit: -700,
      overdueAmount: 1200,
      daysPastDue: 100,
      aging: [0, 0, 0, 0, 1200],
    });
    expect(json.customers[2]).toMatchObject({ utilisation: null, availableCredit: -80, aging: [0, 80, 0, 0, 0] });
    expect(json.portfolio.aging!.labels).toEqual(["Current", "1–30", "31–60", "61–90", "91+"]);
    // The sheet's cells are the same numbers.
    const row = outputRow(apply(values, plan), 3);
    expect([row["Utilisation"], row["Available credit"], row["Total overdue amount"], row["Aging:\n91+"]]).toEqual([
      2.4, -700, 1200, 1200,
    ]);
    // The printed table shows the utilisation and the total overdue amount too.
    const line = toTable(result, "en", "out.xlsx")
      .split("\n")
      .find((l) => l.includes("Beta"))!;
    expect(line).toContain("240.0%");
    expect(line).toContain("1,200.00");
  });
});

test("a Chinese aging header, on two lines on the sheet, is quoted on one: a cell typed over under it", () => {
  const first = reviewWorkbook({ customers: sheet(), ledger: LEDGER }, asOf, "zh");
  const customers = first.workbook.customers.map((line) => [...line]);
  const current = customers[0].indexOf(AGING_HEADERS_ZH[0]);
  expect(current).toBeGreaterThan(0);
  customers[1][current] = 12345;
  const { result } = reviewWorkbook({ ...first.workbook, customers }, asOf + 31, "zh");
  expect(result.typedOver?.cells.map((c) => c.header)).toEqual(["账龄：未到期"]);
  const text = typedOverText(result.typedOver!, result.sheet, "zh");
  expect(text).toContain("账龄：未到期");
  expect(text).not.toContain("\n");
});

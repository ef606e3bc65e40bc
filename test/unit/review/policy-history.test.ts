/**
 * The policy history sheet: the write plan adds one row per new policy version (its first
 * review date and every setting) and no cell when the version is there already, though the sheet
 * is laid out again (its printed pages carry that review's date), in either language; the sheet
 * is one of the review's own, never reviewed as a customer sheet.
 */
import { CreditError } from "../../../src/engine/errors";
import { Lang, message } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY, Policy } from "../../../src/engine/policy";
import { historyVersions, policyInHistory } from "../../../src/engine/review/policy-history";
import { headerWordWidth } from "../../../src/engine/review/sheet-layout";
import { runReview } from "../../../src/engine/review/review";
import { isReviewSheet, ownSheetsByName, sheetRoles } from "../../../src/engine/review/sheets";
import { buildWritePlan, SheetPlan } from "../../../src/engine/review/write-plan";
import { applyBlocks, customerSheet, Grid, serial } from "../../support/review-grid";

const SHEET = customerSheet([], [{ id: "C001", name: "Alpha", factors: [1, 2, 1, 2, 1] }]);

/** The history sheet a review on `asOf` with `policy` would write onto `history`. */
function historyPlan(policy: Policy, asOf: string, history: Grid | undefined, lang: Lang = "en"): SheetPlan | undefined {
  const result = runReview({ sheetName: "Customers", values: SHEET, asOf: serial(asOf), policy }, lang);
  const sheetNames = history ? ["Customers", lang === "zh" ? "信用政策历史" : "Credit Policy History"] : ["Customers"];
  const plan = buildWritePlan(result, lang, { sheetNames, policyHistoryValues: history });
  return plan.sheets.find((s) => s.name === "Credit Policy History" || s.name === "信用政策历史");
}

function applied(history: Grid, plan: SheetPlan | undefined): Grid {
  return plan ? applyBlocks(history, plan.blocks) : history;
}

/** A plan that writes no cell on the history: its version is there already. */
function addsNothing(plan: SheetPlan | undefined): void {
  expect(plan?.blocks).toEqual([]);
}

const tightened = completePolicy({ maxDebtRatio: "60%", overdueDays: 60 });

describe("policy history", () => {
  test("a first review: the header, then the version with its first review date and every setting", () => {
    const plan = historyPlan(DEFAULT_POLICY, "2026-01-31", undefined)!;
    expect(plan.name).toBe("Credit Policy History");
    expect(plan.mode).toBe("rewrite-from");
    const grid = applied([], plan);
    expect(grid).toHaveLength(2);
    const [header, row] = grid;
    expect(header.slice(0, 4)).toEqual([
      "Policy version",
      "First used",
      "Weight: payment history",
      "Weight: contract performance",
    ]);
    expect(header).toHaveLength(2 + 23);
    expect(row.slice(0, 4)).toEqual([DEFAULT_POLICY.version, serial("2026-01-31"), 0.3, 0.25]);
    expect(row[header.indexOf("Maximum debt ratio")]).toBe(0.7);
    expect(row[header.indexOf("Z-score model when a customer names none")]).toBe("private");
    expect(plan.blocks[1].formats.slice(0, 2)).toEqual(["text", "date"]);
    expect(plan.columnWidths).toHaveLength(header.length);
  });

  test("a header over figures stands right, over its figures; over texts left", () => {
    const plan = historyPlan(DEFAULT_POLICY, "2026-01-31", undefined)!;
    const [header] = plan.blocks;
    const right = new Map(header.values[0].map((h, c) => [h, header.rightAligned?.[c] === true]));
    for (const figure of [
      "First used",
      "Weight: payment history",
      "Maximum debt ratio",
      "Days past due that trigger the overdue warning",
    ])
      expect([figure, right.get(figure)]).toEqual([figure, true]);
    for (const text of ["Policy version", "Aging bucket edges (days)", "Z-score model when a customer names none"])
      expect([text, right.get(text)]).toEqual([text, false]);
  });

  test("the same version again (a re-run, a later review): nothing added", () => {
    const grid = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined));
    addsNothing(historyPlan(DEFAULT_POLICY, "2026-01-31", grid));
    const later = historyPlan(completePolicy({ weights: [30, 25, 20, 15, 10] }), "2026-04-30", grid)!;
    addsNothing(later);
    // Laid out again as when its rows were written, its pages headed with this review's date.
    const first = historyPlan(DEFAULT_POLICY, "2026-01-31", undefined)!;
    expect(later.columns).toEqual(first.columns);
    expect(later.print).toEqual(first.print);
    expect(later.freezeRows).toBe(1);
    expect(later.headerFooter?.header).toBe("Credit Policy History — 2026-04-30");
  });

  test("a changed policy: one row appended below, no second header; going back adds nothing", () => {
    let grid = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined));
    const plan = historyPlan(tightened, "2026-04-30", grid)!;
    expect(plan.blocks.map((b) => [b.row, b.values.length])).toEqual([[2, 1]]);
    grid = applied(grid, plan);
    expect(grid.map((line) => [line[0], line[1]])).toEqual([
      ["Policy version", "First used"],
      [DEFAULT_POLICY.version, serial("2026-01-31")],
      [tightened.version, serial("2026-04-30")],
    ]);
    expect(grid[2][grid[0].indexOf("Days past due that trigger the overdue warning")]).toBe(60);
    addsNothing(historyPlan(DEFAULT_POLICY, "2026-07-31", grid));
    expect(historyVersions(grid)).toEqual(new Set([DEFAULT_POLICY.version, tightened.version]));
  });

  test.each(["en", "zh"] as const)(
    "%s: a version added under the header keeps every column as wide as its header's widest word and every row",
    (lang) => {
      const first = historyPlan(DEFAULT_POLICY, "2026-01-31", undefined, lang)!;
      const grid = applied([], first);
      const added = historyPlan(tightened, "2026-04-30", grid, lang)!;
      expect(added.blocks.map((b) => b.row)).toEqual([2]);
      const header = grid[0] as string[];
      expect(added.columns).toHaveLength(header.length);
      for (const column of added.columns!) {
        expect(column.width).toBeGreaterThanOrEqual(headerWordWidth(header[column.column]));
        // The row written before fits as it did: no column narrower than when it was the only row.
        expect(column.width).toBeGreaterThanOrEqual(first.columns!.find((c) => c.column === column.column)!.width);
      }
      const ratio = header.indexOf(message(lang, "policy.maxDebtRatio"));
      expect(added.columns![ratio].width).toBeGreaterThan(8);
    },
  );

  test("zh: no header's closing bracket wraps onto a line of its own, at the room laid out or a character roomier (LibreOffice's)", () => {
    const plan = historyPlan(DEFAULT_POLICY, "2026-01-31", undefined, "zh")!;
    const header = plan.blocks[0].values[0] as string[];
    /** The last line of `text` filled character by character into `room` display widths (a Chinese character two). */
    const lastLine = (text: string, room: number) => {
      let used = 0;
      let start = 0;
      [...text].forEach((character, i) => {
        const width = /[\u3000-\u9fff\uff00-\uffef]/.test(character) ? 2 : 1;
        if (used > 0 && used + width > room) [start, used] = [i, 0];
        used += width;
      });
      return text.slice(start);
    };
    const bracketed = header.filter((h) => h.endsWith("）"));
    expect(bracketed.length).toBeGreaterThanOrEqual(4);
    for (const column of plan.columns!) {
      const text = header[column.column];
      // The room the bold header has in its column: the width less padding, over bold's factor.
      const room = Math.floor((column.width - 2) / 1.1);
      for (const r of [room, room + 2]) expect({ text, r, last: lastLine(text, r) }).not.toMatchObject({ last: "）" });
    }
  });

  test.each(["en", "zh"] as const)("%s: each version's row reads back as the exact policy it was", (lang) => {
    let grid = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined, lang));
    const odd = completePolicy({
      weights: [5, 0, 1, 2, 3],
      overdueShare: "12.5%",
      agingEdges: [15, 45],
      defaultZModel: "新兴市场",
    });
    grid = applied(grid, historyPlan(odd, "2026-02-28", grid, lang));
    expect(policyInHistory(grid, DEFAULT_POLICY.version)).toEqual({ policy: DEFAULT_POLICY, row: 2, edited: false });
    expect(policyInHistory(grid, odd.version)).toEqual({ policy: odd, row: 3, edited: false });
    expect(policyInHistory(grid, "P-000000")).toBeUndefined();
  });

  test("a history started in Chinese is continued by an English review without a new header", () => {
    const zh = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined, "zh"));
    expect(zh[0].slice(0, 3)).toEqual(["政策版本", "首次使用", "权重：付款历史"]);
    expect(zh[1][zh[0].indexOf("客户未指定时使用的 Z 模型")]).toBe("非上市");
    addsNothing(historyPlan(DEFAULT_POLICY, "2026-02-28", zh, "en"));
    const plan = historyPlan(tightened, "2026-04-30", zh, "en")!;
    expect(plan.name).toBe("Credit Policy History");
    expect(plan.blocks.map((b) => b.row)).toEqual([2]);
    // The row added under the Chinese header names the Z model in Chinese, as the rows above it do.
    const continued = applied(zh, plan);
    expect(continued[2][zh[0].indexOf("客户未指定时使用的 Z 模型")]).toBe("非上市");
    expect(policyInHistory(continued, tightened.version)).toEqual({ policy: tightened, row: 3, edited: false });
  });

  test.each(["en", "zh"] as const)(
    "%s: a row whose settings were typed over after it was written no longer holds its version, and says so",
    (lang) => {
      let grid = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined, lang));
      grid = applied(grid, historyPlan(tightened, "2026-04-30", grid, lang));
      const days = grid[0].indexOf(message(lang, "policy.overdueDays"));
      expect(days).toBeGreaterThan(1);
      const forged = grid.map((line, r) => (r === 2 ? line.map((v, c) => (c === days ? 45 : v)) : line));
      expect(policyInHistory(forged, tightened.version)).toMatchObject({ row: 3, edited: true });
      expect(policyInHistory(forged, DEFAULT_POLICY.version)).toMatchObject({ row: 2, edited: false });
      // A history from before a setting had its column cannot be checked: its rows are taken as written.
      const older = forged.map((line) => line.filter((_, c) => c !== days));
      expect(policyInHistory(older, tightened.version)?.edited).toBe(false);
    },
  );

  test("user notes above the table do not hide the versions; a sheet without our header gets one below its rows", () => {
    const grid: Grid = [
      ["Our policy versions"],
      [],
      ["Policy version", "First used"],
      [DEFAULT_POLICY.version, serial("2026-01-31")],
    ];
    addsNothing(historyPlan(DEFAULT_POLICY, "2026-03-31", grid));
    const notes: Grid = [["just a note"]];
    const plan = historyPlan(DEFAULT_POLICY, "2026-03-31", notes)!;
    expect(plan.blocks.map((b) => [b.row, b.values[0][0]])).toEqual([
      [1, "Policy version"],
      [2, DEFAULT_POLICY.version],
    ]);
  });

  test("the history sheet is one of the review's own: never a customer sheet or a ledger candidate", () => {
    expect(isReviewSheet("Credit Policy History")).toBe(true);
    expect(isReviewSheet("信用政策历史")).toBe(true);
    const names = ["Customers", "信用政策历史", "Invoices"];
    const roles = sheetRoles(names, ownSheetsByName(names), "Customers");
    expect(roles.policyHistory).toBe("信用政策历史");
    expect(roles.candidates).toEqual(["Invoices"]);
    expect(() => runReview({ sheetName: "Credit Policy History", values: SHEET, asOf: 46000, policy: DEFAULT_POLICY })).toThrow(
      CreditError,
    );
  });
});

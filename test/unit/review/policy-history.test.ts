/**
 * The policy history sheet: the write plan adds one column per new policy version (its first
 * review date and every setting, down the labels) and no cell when the version is there already,
 * though the sheet is laid out again (its printed pages carry that review's date), in either
 * language; a history kept in rows, as reviews wrote it before, is read and continued in rows;
 * the sheet is one of the review's own, never reviewed as a customer sheet.
 */
import { CreditError } from "../../../src/engine/errors";
import { Lang, message } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY, Policy } from "../../../src/engine/policy";
import { historyVersions, policyInHistory, SETTING_ROWS } from "../../../src/engine/review/policy-history";
import { settingCell, settingLabel } from "../../../src/engine/review/policy-sheet";
import { displayWidth } from "../../../src/engine/review/sheet-layout";
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

/** The labels down column A, in order. */
const labelsOf = (grid: Grid) => grid.map((line) => line[0]);
/** A label's value in a version's column (1 = B). */
const valueOf = (grid: Grid, label: string, column: number) => grid[labelsOf(grid).indexOf(label)]?.[column];

/** A history kept in rows, as reviews wrote it before it was kept in columns: a header, then a row per version. */
function historyInRows(versions: readonly [Policy, string][], lang: Lang = "en"): Grid {
  return [
    [
      settingLabel("version", lang),
      message(lang, "policyHistory.firstUsed"),
      ...SETTING_ROWS.map((r) => settingLabel(r.name, lang)),
    ],
    ...versions.map(([policy, asOf]) => [
      policy.version,
      serial(asOf),
      ...SETTING_ROWS.map((r) => settingCell(r, policy, lang).value),
    ]),
  ];
}

const tightened = completePolicy({ maxDebtRatio: "60%", overdueDays: 60 });

describe("policy history, a version a column", () => {
  test("a first review: the labels down column A, the version with its first review date and every setting beside them", () => {
    const plan = historyPlan(DEFAULT_POLICY, "2026-01-31", undefined)!;
    expect(plan.name).toBe("Credit Policy History");
    expect(plan.mode).toBe("rewrite-from");
    const grid = applied([], plan);
    expect(grid).toHaveLength(2 + 23);
    expect(grid.slice(0, 4)).toEqual([
      ["Policy version", DEFAULT_POLICY.version],
      ["First used", serial("2026-01-31")],
      ["Weight: payment history", 0.3],
      ["Weight: contract performance", 0.25],
    ]);
    expect(valueOf(grid, "Maximum debt ratio", 1)).toBe(0.7);
    expect(valueOf(grid, "Z-score model when a customer names none", 1)).toBe("private");
    // Each setting in its own format: the date a date, the shares percentages.
    const formatAt = (label: string) =>
      plan.blocks.find(
        (b) =>
          b.column === 1 && b.row <= labelsOf(grid).indexOf(label) && labelsOf(grid).indexOf(label) < b.row + b.values.length,
      )!.formats[0];
    expect(formatAt("First used")).toBe("date");
    expect(formatAt("Maximum debt ratio")).toBe("percent0");
    expect(formatAt("Aging bucket edges (days)")).toBe("text");
    // The versions' row is the header, printed on every page down; the labels name each row on every page across.
    expect(plan.freezeRows).toBe(1);
    expect(plan.print).toMatchObject({ orientation: "portrait", repeatRows: { first: 0, last: 0 } });
    expect(plan.titleColumns).toEqual([{ first: 0, last: 0 }]);
  });

  test("the version stands right, over its figures, and so do its texts; the labels left", () => {
    const plan = historyPlan(DEFAULT_POLICY, "2026-01-31", undefined)!;
    const [header, labels] = plan.blocks;
    expect(header).toMatchObject({ row: 0, column: 0, bold: true, rightAligned: [false, true] });
    expect(labels.rightAligned).toBeUndefined();
    const texts = plan.blocks.filter((b) => b.column === 1 && b.formats[0] === "text" && !b.bold);
    expect(texts.length).toBeGreaterThan(0);
    for (const block of texts) expect(block.rightAligned).toEqual([true]);
  });

  test.each(["en", "zh"] as const)("%s: every label on one line, in a column as wide as the widest", (lang) => {
    const plan = historyPlan(DEFAULT_POLICY, "2026-01-31", undefined, lang)!;
    const labels = labelsOf(applied([], plan)) as string[];
    const width = plan.columns!.find((c) => c.column === 0)!.width;
    for (const label of labels) expect([label, displayWidth(label) <= width]).toEqual([label, true]);
    expect(plan.rowHeights ?? []).toEqual([]);
  });

  test("the same version again (a re-run, a later review): nothing added", () => {
    const grid = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined));
    addsNothing(historyPlan(DEFAULT_POLICY, "2026-01-31", grid));
    const later = historyPlan(completePolicy({ weights: [30, 25, 20, 15, 10] }), "2026-04-30", grid)!;
    addsNothing(later);
    // Laid out again as when its version was written, its pages headed with this review's date.
    const first = historyPlan(DEFAULT_POLICY, "2026-01-31", undefined)!;
    expect(later.columns).toEqual(first.columns);
    expect(later.print).toEqual(first.print);
    expect(later.freezeRows).toBe(1);
    expect(later.headerFooter?.header).toBe("Credit Policy History — 2026-04-30");
  });

  test("a changed policy: a column added right of the last, down the same labels; going back adds nothing", () => {
    let grid = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined));
    const plan = historyPlan(tightened, "2026-04-30", grid)!;
    expect(new Set(plan.blocks.map((b) => b.column))).toEqual(new Set([2]));
    expect(plan.blocks[0]).toMatchObject({ row: 0, values: [[tightened.version]], bold: true, rightAligned: [true] });
    grid = applied(grid, plan);
    expect(grid.slice(0, 2)).toEqual([
      ["Policy version", DEFAULT_POLICY.version, tightened.version],
      ["First used", serial("2026-01-31"), serial("2026-04-30")],
    ]);
    expect(valueOf(grid, "Days past due that trigger the overdue warning", 2)).toBe(60);
    expect(valueOf(grid, "Days past due that trigger the overdue warning", 1)).toBe(90);
    addsNothing(historyPlan(DEFAULT_POLICY, "2026-07-31", grid));
    expect(historyVersions(grid)).toEqual(new Set([DEFAULT_POLICY.version, tightened.version]));
    // Versions of years on one page: eight versions still print on one page's width, the ninth on
    // a page across with the labels repeated.
    let many = grid;
    for (let i = 0; i < 6; i++)
      many = applied(many, historyPlan(completePolicy({ overdueDays: 61 + i }), `2027-0${i + 1}-28`, many));
    expect(historyVersions(many).size).toBe(8);
    expect(historyPlan(DEFAULT_POLICY, "2028-01-31", many)!.print).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
    many = applied(many, historyPlan(completePolicy({ overdueDays: 70 }), "2027-07-31", many));
    expect(historyPlan(DEFAULT_POLICY, "2028-01-31", many)!.print).toMatchObject({
      fitToWidth: 0,
      repeatRows: { first: 0, last: 0 },
      repeatColumns: { first: 0, last: 0 },
    });
  });

  test.each(["en", "zh"] as const)("%s: a version added keeps every column as wide as it was", (lang) => {
    const first = historyPlan(DEFAULT_POLICY, "2026-01-31", undefined, lang)!;
    const grid = applied([], first);
    const added = historyPlan(tightened, "2026-04-30", grid, lang)!;
    expect(added.columns).toHaveLength(3);
    for (const column of first.columns!) expect(added.columns![column.column].width).toBeGreaterThanOrEqual(column.width);
    expect(added.columns![2].width).toBe(added.columns![1].width);
  });

  test.each(["en", "zh"] as const)("%s: each version's column reads back as the exact policy it was", (lang) => {
    let grid = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined, lang));
    const odd = completePolicy({
      weights: [5, 0, 1, 2, 3],
      overdueShare: "12.5%",
      agingEdges: [15, 45],
      defaultZModel: "新兴市场",
    });
    grid = applied(grid, historyPlan(odd, "2026-02-28", grid, lang));
    expect(policyInHistory(grid, DEFAULT_POLICY.version)).toEqual({ policy: DEFAULT_POLICY, at: { column: "B" }, edited: false });
    expect(policyInHistory(grid, odd.version)).toEqual({ policy: odd, at: { column: "C" }, edited: false });
    expect(policyInHistory(grid, "P-000000")).toBeUndefined();
  });

  test("a history started in Chinese is continued by an English review in Chinese", () => {
    const zh = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined, "zh"));
    expect(labelsOf(zh).slice(0, 3)).toEqual(["政策版本", "首次使用", "权重：付款历史"]);
    expect(valueOf(zh, "客户未指定时使用的 Z 模型", 1)).toBe("非上市");
    addsNothing(historyPlan(DEFAULT_POLICY, "2026-02-28", zh, "en"));
    const plan = historyPlan(tightened, "2026-04-30", zh, "en")!;
    expect(plan.name).toBe("Credit Policy History");
    // The column added beside the Chinese labels names the Z model in Chinese, as the one before it does.
    const continued = applied(zh, plan);
    expect(labelsOf(continued)).toEqual(labelsOf(zh));
    expect(valueOf(continued, "客户未指定时使用的 Z 模型", 2)).toBe("非上市");
    expect(policyInHistory(continued, tightened.version)).toEqual({ policy: tightened, at: { column: "C" }, edited: false });
  });

  test.each(["en", "zh"] as const)(
    "%s: a version whose settings were typed over after it was written no longer holds its version, and says so",
    (lang) => {
      let grid = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined, lang));
      grid = applied(grid, historyPlan(tightened, "2026-04-30", grid, lang));
      const days = labelsOf(grid).indexOf(message(lang, "policy.overdueDays"));
      expect(days).toBeGreaterThan(1);
      const forged = grid.map((line, r) => (r === days ? line.map((v, c) => (c === 2 ? 45 : v)) : line));
      expect(policyInHistory(forged, tightened.version)).toMatchObject({ at: { column: "C" }, edited: true });
      expect(policyInHistory(forged, DEFAULT_POLICY.version)).toMatchObject({ at: { column: "B" }, edited: false });
      // A history from before a setting had its label cannot be checked: its versions are taken as written.
      const older = forged.filter((_, r) => r !== days);
      expect(policyInHistory(older, tightened.version)?.edited).toBe(false);
    },
  );

  test("a setting the history's labels lack (added to the policy since): its label goes under the others, with the new version's value", () => {
    const full = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined));
    const days = labelsOf(full).indexOf("Days past due that trigger the overdue warning");
    const older = full.filter((_, r) => r !== days);
    const plan = historyPlan(tightened, "2026-04-30", older)!;
    const grid = applied(older, plan);
    expect(grid).toHaveLength(full.length);
    expect(grid[grid.length - 1]).toEqual(["Days past due that trigger the overdue warning", null, 60]);
    expect(policyInHistory(grid, tightened.version)).toEqual({ policy: tightened, at: { column: "C" }, edited: false });
    // The version written before the label was added still reads back, the setting it lacks at its default.
    expect(policyInHistory(grid, DEFAULT_POLICY.version)).toEqual({
      policy: DEFAULT_POLICY,
      at: { column: "B" },
      edited: false,
    });
    // A setting emptied among a version's values is not read as its default: refused, as on the policy sheet.
    const ratio = labelsOf(grid).indexOf("Maximum debt ratio");
    const emptied = grid.map((line, r) => (r === ratio ? line.map((v, c) => (c === 1 ? null : v)) : line));
    expect(() => policyInHistory(emptied, DEFAULT_POLICY.version)).toThrow(CreditError);
    // A note the user wrote right under the labels stays: the label goes in the first free row after it.
    const noted = [...older, ["Reviewed by the credit committee"]];
    const below = applied(noted, historyPlan(tightened, "2026-04-30", noted)!);
    expect(below[older.length]).toEqual(["Reviewed by the credit committee"]);
    expect(below[older.length + 1]).toEqual(["Days past due that trigger the overdue warning", null, 60]);
    expect(policyInHistory(below, tightened.version)?.policy).toEqual(tightened);
  });

  test("a note the user wrote beside the versions stays: the next version goes right of it", () => {
    const grid = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined));
    const noted = grid.map((line, r) => (r === 3 ? [...line, "approved by the board"] : line));
    const plan = historyPlan(tightened, "2026-04-30", noted)!;
    expect(new Set(plan.blocks.map((b) => b.column))).toEqual(new Set([3]));
    expect(applied(noted, plan)[3][2]).toBe("approved by the board");
  });

  test("a sheet of a million rows is not turned on its side whole: a history at its top is still read", () => {
    const grid = applied([], historyPlan(DEFAULT_POLICY, "2026-01-31", undefined));
    const tall: Grid = [...grid];
    tall[1_048_575] = ["a note at the last row"];
    expect(historyVersions(tall)).toEqual(new Set([DEFAULT_POLICY.version]));
    expect(policyInHistory(tall, DEFAULT_POLICY.version)?.policy).toEqual(DEFAULT_POLICY);
  });

  test("a history begun under many rows of notes is read back whole: the same version adds nothing, a new one no label twice", () => {
    const notes: Grid = Array.from({ length: 85 }, (_, i) => [`note ${i + 1}`]);
    const grid = applied(notes, historyPlan(DEFAULT_POLICY, "2026-01-31", notes));
    expect(grid[85]).toEqual(["Policy version", DEFAULT_POLICY.version]);
    addsNothing(historyPlan(DEFAULT_POLICY, "2026-02-28", grid));
    const next = applied(grid, historyPlan(tightened, "2026-04-30", grid));
    expect(next).toHaveLength(grid.length);
    expect(policyInHistory(next, tightened.version)).toEqual({ policy: tightened, at: { column: "C" }, edited: false });
    expect(policyInHistory(next, DEFAULT_POLICY.version)?.policy).toEqual(DEFAULT_POLICY);
  });

  test("user notes above the table do not hide the versions; a sheet without a history gets one below its rows", () => {
    const grid: Grid = [
      ["Our policy versions"],
      [],
      ["Policy version", DEFAULT_POLICY.version],
      ["First used", serial("2026-01-31")],
    ];
    addsNothing(historyPlan(DEFAULT_POLICY, "2026-03-31", grid));
    const notes: Grid = [["just a note"]];
    const plan = historyPlan(DEFAULT_POLICY, "2026-03-31", notes)!;
    expect(plan.blocks[0]).toMatchObject({ row: 1, column: 0, values: [["Policy version", DEFAULT_POLICY.version]] });
    expect(applied(notes, plan)[2]).toEqual(["First used", serial("2026-03-31")]);
  });
});

describe("a history kept in rows, as reviews wrote it before", () => {
  const rows = historyInRows([[DEFAULT_POLICY, "2026-01-31"]]);

  test("is read: its versions, each as the exact policy it was, named by its row", () => {
    expect(historyVersions(rows)).toEqual(new Set([DEFAULT_POLICY.version]));
    expect(policyInHistory(rows, DEFAULT_POLICY.version)).toEqual({ policy: DEFAULT_POLICY, at: { row: 2 }, edited: false });
    addsNothing(historyPlan(DEFAULT_POLICY, "2026-03-31", rows));
  });

  test("is continued in rows: a new version a row under the last, nothing above rewritten", () => {
    const plan = historyPlan(tightened, "2026-04-30", rows)!;
    expect(plan.blocks.map((b) => [b.row, b.column, b.values.length])).toEqual([[2, 0, 1]]);
    const grid = applied(rows, plan);
    expect(grid.slice(0, 2)).toEqual(rows);
    expect(grid[2].slice(0, 2)).toEqual([tightened.version, serial("2026-04-30")]);
    expect(policyInHistory(grid, tightened.version)).toEqual({ policy: tightened, at: { row: 3 }, edited: false });
    // Printed as before: each row a version, its version named on each page across.
    expect(plan.titleColumns).toEqual([{ first: 0, last: 0 }]);
    expect(plan.freezeRows).toBe(1);
  });

  test("a column of the user's among the settings stays theirs: each cell goes under its label", () => {
    const header = rows[0];
    const withUsers = rows.map((line, r) => [...line.slice(0, 2), r === 0 ? "Approved by" : "Board", ...line.slice(2)]);
    const plan = historyPlan(tightened, "2026-04-30", withUsers)!;
    // No cell written in the user's column C.
    expect(plan.blocks.some((b) => b.column <= 2 && b.column + b.formats.length > 2)).toBe(false);
    const grid = applied(withUsers, plan);
    expect(grid[2].slice(0, 2)).toEqual([tightened.version, serial("2026-04-30")]);
    expect(grid[2][header.indexOf("Maximum debt ratio") + 1]).toBe(0.6);
    expect(policyInHistory(grid, tightened.version)).toEqual({ policy: tightened, at: { row: 3 }, edited: false });
    expect(policyInHistory(grid, DEFAULT_POLICY.version)?.policy).toEqual(DEFAULT_POLICY);
  });

  test("a setting the header lacks gets its label right of the others; the rows before read as they were", () => {
    const days = rows[0].indexOf("Days past due that trigger the overdue warning");
    const older = rows.map((line) => line.filter((_, c) => c !== days));
    const plan = historyPlan(tightened, "2026-04-30", older)!;
    const grid = applied(older, plan);
    expect(grid[0]).toHaveLength(rows[0].length);
    expect(grid[0][rows[0].length - 1]).toBe("Days past due that trigger the overdue warning");
    expect(grid[2][rows[0].length - 1]).toBe(60);
    expect(plan.blocks.find((b) => b.row === 0)).toMatchObject({ bold: true, rightAligned: [true] });
    expect(policyInHistory(grid, tightened.version)?.policy).toEqual(tightened);
    expect(policyInHistory(grid, DEFAULT_POLICY.version)?.policy).toEqual(DEFAULT_POLICY);
  });

  test.each(["en", "zh"] as const)("%s: a row typed over is named by its row", (lang) => {
    const grid = historyInRows(
      [
        [DEFAULT_POLICY, "2026-01-31"],
        [tightened, "2026-04-30"],
      ],
      lang,
    );
    const days = grid[0].indexOf(message(lang, "policy.overdueDays"));
    const forged = grid.map((line, r) => (r === 2 ? line.map((v, c) => (c === days ? 45 : v)) : line));
    expect(policyInHistory(forged, tightened.version)).toMatchObject({ at: { row: 3 }, edited: true });
  });
});

describe("policy history", () => {
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

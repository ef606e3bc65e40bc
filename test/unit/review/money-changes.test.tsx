/** @jest-environment jsdom */
/**
 * The money in what changed since the last review: the portfolio's overdue then and now, the
 * customers whose overdue amount grew and fell (with how late they are now), whose recommended
 * limit was cut, raised or had either withdrawn, told by the credit limit it is held against (a
 * move the policy change alone explains said so), and each new warning
 * with its figure against its threshold (a score's rise from what, to what, since when), alike in
 * the engine, the printed report, the JSON, the summary sheet and the pane, in both languages.
 */
import { screen } from "@testing-library/react";
import { toJson, toTable } from "../../../src/cli/report";
import { Lang, translator } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { LimitMoveKind, moneyMoves } from "../../../src/engine/review/money-moves";
import { summarySheetPlan } from "../../../src/engine/review/summary-sheet";
import {
  customerChangeLines,
  moneyChangeCounts,
  overdueTotalText,
  warningChangeCounts,
  warningChangeText,
} from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";
import { factLine, renderChanges } from "../../support/changes-summary";
import { printedList } from "../../support/printed-report";
import { reviewWorkbook } from "../../support/review-cycle";
import { FACTOR_HEADERS, FACTOR_HEADERS_ZH, Grid, serial } from "../../support/review-grid";

const HEADERS: Record<Lang, unknown[]> = {
  en: ["Customer ID", "Customer", ...FACTOR_HEADERS, "Credit limit", "Outstanding balance", "Overdue amount", "Days past due"],
  zh: ["客户编号", "客户名称", ...FACTOR_HEADERS_ZH, "信用额度", "应收账款余额", "逾期金额", "逾期天数"],
};
const five = (x: number) => [x, x, x, x, x];
const OCTOBER = serial("2026-10-31");
const NOVEMBER = serial("2026-11-30");

/** Each customer's [score, overdue amount, days past due]; every limit 100,000, every balance 60,000. */
const sheet = (lang: Lang, rows: Record<string, readonly [number, number, number]>): Grid => [
  HEADERS[lang],
  ...[
    ["A001", "Alpine Ski House"],
    ["B002", "Bellows College"],
    ["C003", "Coho Winery"],
    ["D004", "Datum Corporation"],
    ["E005", "Eagle Eye"],
  ].map(([id, name]) => {
    const [score, overdue, days] = rows[id];
    return [id, name, ...five(score), 100000, 60000, overdue, days];
  }),
];

// Alpine pays 25,000 and, at 3.30, is High once the band moves down to 3.2: its limit halves by the
// policy alone, a cut. Bellows falls 30,000 behind; Coho 5,000 (no raise while overdue: its raise
// withdrawn, back to its credit limit, no cut); Datum is as it was; Eagle's score rises from 1.50
// to 3.00 (Medium: its raise withdrawn too).
const october = (lang: Lang) =>
  sheet(lang, { A001: [3.3, 40000, 100], B002: [3.6, 0, 0], C003: [2, 0, 0], D004: [4, 10000, 120], E005: [1.5, 0, 0] });
const november = (lang: Lang) =>
  sheet(lang, {
    A001: [3.3, 15000, 130],
    B002: [3.6, 30000, 95],
    C003: [2, 5000, 10],
    D004: [4, 10000, 150],
    E005: [3, 0, 0],
  });
const lowered = completePolicy({ ...DEFAULT_POLICY, highFrom: 3.2 });

function cycle(lang: Lang) {
  const { workbook } = reviewWorkbook({ customers: october(lang) }, OCTOBER, lang);
  return reviewWorkbook({ ...workbook, customers: november(lang) }, NOVEMBER, lang, lowered).result;
}

const EXPECTED: Record<Lang, { total: string; lists: [string, number, string[]][]; newWarnings: string[] }> = {
  en: {
    total: "50,000.00 → 60,000.00 (+10,000.00)",
    lists: [
      [
        "Overdue grew",
        2,
        ["Bellows College 0.00 → 30,000.00 (95 days past due)", "Coho Winery 0.00 → 5,000.00 (10 days past due)"],
      ],
      ["Overdue fell", 1, ["Alpine Ski House 40,000.00 → 15,000.00 (130 days past due)"]],
      ["Credit limit changed", 0, []],
      ["Recommended limit cut", 1, ["Alpine Ski House 100,000.00 → 50,000.00 (from the policy change)"]],
      ["Recommended raise withdrawn or smaller", 2, ["Coho Winery 110,000.00 → 100,000.00", "Eagle Eye 110,000.00 → 100,000.00"]],
      ["Recommended limit raised", 0, []],
      ["Recommended cut withdrawn or smaller", 0, []],
    ],
    newWarnings: [
      "Bellows College: The oldest unpaid amount is 95 days past due (more than 90 days triggers a warning).",
      "Eagle Eye: The risk score rose from 1.50 to 3.00 since the review of 2026-10-31: 1.50 points (more than 1.00 points triggers a warning).",
    ],
  },
  zh: {
    total: "50,000.00 → 60,000.00（+10,000.00）",
    lists: [
      ["逾期金额增加的客户", 2, ["Bellows College 0.00 → 30,000.00（逾期 95 天）", "Coho Winery 0.00 → 5,000.00（逾期 10 天）"]],
      ["逾期金额减少的客户", 1, ["Alpine Ski House 40,000.00 → 15,000.00（逾期 130 天）"]],
      ["信用额度已调整的客户", 0, []],
      ["建议下调额度的客户", 1, ["Alpine Ski House 100,000.00 → 50,000.00（因政策变更）"]],
      ["上调建议撤回或减少的客户", 2, ["Coho Winery 110,000.00 → 100,000.00", "Eagle Eye 110,000.00 → 100,000.00"]],
      ["建议上调额度的客户", 0, []],
      ["下调建议撤回或减少的客户", 0, []],
    ],
    newWarnings: [
      "Bellows College：最早的未收款项已逾期 95 天（超过 90 天即预警）。",
      "Eagle Eye：风险评分自 2026年10月31日的审查以来由 1.50 升至 3.00，上升了 1.50 分（超过 1.00 分即预警）。",
    ],
  },
};

describe.each(["en", "zh"] as const)("the money that moved since the last review (%s)", (lang) => {
  const t = translator(lang);
  const result = cycle(lang);
  const changes = result.changes!;
  const expected = EXPECTED[lang];

  test("each customer's overdue then, and the limit move the policy alone explains", () => {
    const by = (id: string) => changes.customers.find((c) => c.id === id)!;
    expect(by("A001")).toMatchObject({ previousOverdue: 40000, previousDaysPastDue: 100, limitChange: -50000 });
    expect(by("A001").limitMoveFromPolicy).toBe(true);
    expect(by("C003")).toMatchObject({ previousOverdue: 0, limitChange: -10000, limitMoveFromPolicy: false });
    expect(by("D004")).toMatchObject({ previousOverdue: 10000, limitChange: 0, limitMoveFromPolicy: false });
    expect(changes.overdue).toEqual({ then: 50000, now: 60000 });
    expect(moneyMoves(changes, result.customers).overdue.grew.map((m) => [m.id, m.from, m.to, m.daysPastDue])).toEqual([
      ["B002", 0, 30000, 95],
      ["C003", 0, 5000, 10],
    ]);
    expect(moneyMoves(changes, result.customers).overdue.fell.map((m) => [m.id, m.from, m.to, m.daysPastDue])).toEqual([
      ["A001", 40000, 15000, 130],
    ]);
    const moves = (kind: LimitMoveKind) =>
      moneyMoves(changes, result.customers).limits[kind].map((m) => [m.id, m.from, m.to, m.creditLimit, m.fromPolicy]);
    expect(moves("cut")).toEqual([["A001", 100000, 50000, 100000, true]]);
    // Back to the credit limit they have: no cut, the raise recommended last month withdrawn.
    expect(moves("raiseWithdrawn")).toEqual([
      ["C003", 110000, 100000, 100000, false],
      ["E005", 110000, 100000, 100000, false],
    ]);
    expect(moves("raised")).toEqual([]);
    expect(moves("cutWithdrawn")).toEqual([]);
  });

  test("the texts every face lists: the total, then each list's count and customers", () => {
    expect(overdueTotalText(changes, {}, lang)).toBe(expected.total);
    expect(moneyChangeCounts(changes, result.customers, lang, NO_MARKS).map((e) => [t(e.label), e.count, e.customers])).toEqual(
      expected.lists,
    );
  });

  test("the customer's details: its overdue move, and a limit the policy moved says so", () => {
    const alpine = result.customers.find((c) => c.id === "A001")!;
    const lines = customerChangeLines(changes.customers[0], alpine, lang, lowered);
    expect(lines).toContain(
      lang === "en" ? "Overdue 40,000.00 → 15,000.00 (-25,000.00)" : "逾期金额 40,000.00 → 15,000.00（-25,000.00）",
    );
    expect(lines).toContain(
      lang === "en"
        ? "Recommended limit 100,000.00 → 50,000.00 (-50,000.00, from the policy change)"
        : "建议额度 100,000.00 → 50,000.00（-50,000.00，因政策变更）",
    );
  });

  test("the printed report: a count, then its customers one a line, new warnings with their figures, within the terminal", () => {
    const lines = toTable(result, lang, "out.xlsx").split("\n");
    const sep = lang === "en" ? ": " : "：";
    expect(lines).toContain(`${t("changes.overdueTotal")}${sep}${expected.total}`);
    for (const [label, count, customers] of expected.lists) {
      const at = lines.indexOf(`${label}${sep}${count}`);
      expect(at).toBeGreaterThan(0);
      expect(lines.slice(at + 1, at + 1 + customers.length)).toEqual(customers.map((c) => `  ${c}`));
    }
    const at = lines.indexOf(`${t("changes.newWarnings")}${sep}2`);
    expect(lines.slice(at + 1, at + 3)).toEqual(expected.newWarnings.map((w) => `  ${w}`));
    // In a terminal 60 columns wide, each warning wraps under its first line rather than running past the edge.
    const narrow = toTable(result, lang, "out.xlsx", [], 60).split("\n");
    const from = narrow.indexOf(`${t("changes.newWarnings")}${sep}2`);
    const to = narrow.indexOf(`${t("changes.clearedWarnings")}${sep}0`);
    const block = narrow.slice(from + 1, to);
    expect(block.length).toBeGreaterThan(2);
    const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    expect(Math.max(...block.map(width))).toBeLessThanOrEqual(60);
    const words = (text: string) => text.replace(/\s+/g, "");
    expect(words(block.join(""))).toBe(words(expected.newWarnings.join("")));
  });

  test("the JSON: the totals, each list in full, each customer's overdue then", () => {
    const json = toJson(result, lang).changes!;
    expect(json.overdue).toEqual({ then: 50000, now: 60000, text: expected.total });
    expect(json.overdueMoves.fell).toEqual([
      {
        row: 2,
        id: "A001",
        name: "Alpine Ski House",
        from: 40000,
        to: 15000,
        daysPastDue: 130,
        previousDaysPastDue: 100,
      },
    ]);
    expect(json.limitMoves.cut.map((m) => [m.id, m.fromPolicy])).toEqual([["A001", true]]);
    expect(json.limitMoves.raiseWithdrawn.map((m) => [m.id, m.to, m.creditLimit])).toEqual([
      ["C003", 100000, 100000],
      ["E005", 100000, 100000],
    ]);
    expect([json.limitMoves.raised, json.limitMoves.cutWithdrawn]).toEqual([[], []]);
    // The archive holds the credit limits: none changed, known as such.
    expect(json.creditLimitMoves).toEqual([]);
    expect(json.customers[0]).toMatchObject({
      previousOverdueAmount: 40000,
      previousDaysPastDue: 100,
      limitMoveFromPolicy: true,
    });
  });

  test("the summary sheet: the total beside its label, each count with its customers under it", () => {
    const plan = summarySheetPlan(result, "Summary", lang);
    const cells = plan.blocks.flatMap((b) => b.values.map((line) => line.join("|")));
    expect(cells).toContain(expected.total);
    expect(cells).toContain(t("changes.overdueTotal"));
    for (const [label, count, customers] of expected.lists) {
      // A list with nothing in it is left off the summary's page (the terminal and the pane say 0).
      if (count === 0) {
        expect(cells.filter((c) => c.startsWith(`${label}|`))).toEqual([]);
        continue;
      }
      const at = cells.indexOf(`${label}|${count}`);
      expect(at).toBeGreaterThan(0);
      expect(cells.slice(at + 1, at + 1 + customers.length)).toEqual(customers);
    }
    // A long warning wraps onto the rows under it, within the figures' width.
    const at = cells.indexOf(`${t("changes.newWarnings")}|2`);
    const words = (text: string) => text.replace(/\s+/g, "");
    expect(words(cells.slice(at + 1, at + 6).join(""))).toContain(words(expected.newWarnings.join("")));
  });

  test("the pane: the same counts and customers, one fact each", () => {
    const { unmount } = renderChanges(lang, result);
    const fact = (term: string) => factLine(screen.getByText(term, { selector: "dt" }), lang);
    expect(fact(t("changes.overdueTotal"))).toBe(expected.total);
    const [grew, fell, , cut, withdrawn] = expected.lists;
    const named = ([, count, customers]: (typeof expected.lists)[number]) =>
      lang === "en" ? `${count} (${customers.join("; ")})` : `${count}（${customers.join("；")}）`;
    expect([grew, fell, cut, withdrawn].map(([label]) => fact(label))).toEqual([grew, fell, cut, withdrawn].map(named));
    // Each new warning is explained in a sentence: the next starts after it as a sentence does, never ".;".
    const explained = lang === "en" ? `2 (${expected.newWarnings.join(" ")})` : `2（${expected.newWarnings.join("")}）`;
    expect(fact(t("changes.newWarnings"))).toBe(explained);
    unmount();
  });
});

test("each way a recommended limit moves is told by the credit limit it is held against now", () => {
  // Every credit limit 100,000: High halves it, Medium keeps it, Low with nothing overdue raises it to 110,000.
  const { workbook } = reviewWorkbook(
    { customers: sheet("en", { A001: [4, 0, 0], B002: [2, 0, 0], C003: [3, 0, 0], D004: [1.5, 0, 0], E005: [2, 0, 0] }) },
    OCTOBER,
    "en",
  );
  // Alpine High → Medium, Bellows Low → High, Coho Medium → Low, Datum falls overdue, Eagle as it was.
  const result = reviewWorkbook(
    {
      ...workbook,
      customers: sheet("en", { A001: [3, 0, 0], B002: [4, 0, 0], C003: [2, 0, 0], D004: [1.5, 5000, 10], E005: [2, 0, 0] }),
    },
    NOVEMBER,
    "en",
  ).result;
  const moves = (kind: LimitMoveKind) =>
    moneyMoves(result.changes!, result.customers).limits[kind].map((m) => [m.id, m.from, m.to]);
  expect(moves("cut")).toEqual([["B002", 110000, 50000]]);
  expect(moves("raiseWithdrawn")).toEqual([["D004", 110000, 100000]]);
  expect(moves("raised")).toEqual([["C003", 100000, 110000]]);
  expect(moves("cutWithdrawn")).toEqual([["A001", 50000, 100000]]);
  const printed = toTable(result, "en", "out.xlsx");
  expect(printedList(printed, "Recommended cut withdrawn or smaller", "en")).toEqual({
    count: "1",
    items: ["Alpine Ski House 50,000.00 → 100,000.00"],
  });
  expect(printedList(printed, "Recommended limit raised", "en")).toEqual({
    count: "1",
    items: ["Coho Winery 100,000.00 → 110,000.00"],
  });
});

describe("a credit limit the analyst changed by hand", () => {
  // Every credit limit 100,000 in October; November's as the analyst set them.
  const withLimits = (grid: Grid, limits: Record<string, number>) =>
    grid.map((line) =>
      typeof line[0] === "string" && line[0] in limits ? line.map((v, c) => (c === 7 ? limits[line[0] as string] : v)) : line,
    );
  function handChangedCycle(lang: Lang) {
    const { workbook } = reviewWorkbook(
      { customers: sheet(lang, { A001: [3, 0, 0], B002: [4, 0, 0], C003: [4, 0, 0], D004: [1.5, 0, 0], E005: [3, 0, 0] }) },
      OCTOBER,
      lang,
    );
    // Alpine stays Medium, its limit raised to 120,000; Bellows stays High, cut to 50,000 as recommended;
    // Coho goes High → Medium, its limit left; Datum stays Low, raised to 110,000 as recommended;
    // Eagle goes Medium → High as its limit is raised to 200,000.
    const november = withLimits(
      sheet(lang, { A001: [3, 0, 0], B002: [4, 0, 0], C003: [3, 0, 0], D004: [1.5, 0, 0], E005: [4, 0, 0] }),
      { A001: 120000, B002: 50000, D004: 110000, E005: 200000 },
    );
    return reviewWorkbook({ ...workbook, customers: november }, NOVEMBER, lang).result;
  }

  test("a recommendation that only followed the credit limit is no move; one against a changed limit is told with it", () => {
    const result = handChangedCycle("en");
    const moves = moneyMoves(result.changes!, result.customers);
    const ids = (kind: LimitMoveKind) =>
      moves.limits[kind].map((m) => [m.id, m.from, m.to, m.previousCreditLimit, m.creditLimit]);
    // Alpine's 100,000 → 120,000 is its raised limit kept, not a cut withdrawn; Bellows' 50,000 → 25,000
    // and Datum's 110,000 → 121,000 are last month's advice taken and given again, not news.
    expect(ids("cut")).toEqual([["E005", 100000, 100000, 100000, 200000]]);
    expect(ids("cutWithdrawn")).toEqual([["C003", 50000, 100000, 100000, 100000]]);
    expect([ids("raised"), ids("raiseWithdrawn")]).toEqual([[], []]);
    expect(moves.creditLimits!.map((m) => [m.id, m.from, m.to])).toEqual([
      ["E005", 100000, 200000],
      ["B002", 100000, 50000],
      ["A001", 100000, 120000],
      ["D004", 100000, 110000],
    ]);
    expect(toJson(result, "en").changes!.customers.find((c) => c.id === "A001")).toMatchObject({
      previousLimit: 100000,
      previousCreditLimit: 100000,
      limitChange: 20000,
    });
  });

  test.each(["en", "zh"] as const)("every face lists the credit limits changed, and a cut against one with it (%s)", (lang) => {
    const result = handChangedCycle(lang);
    const t = translator(lang);
    const lists = moneyChangeCounts(result.changes!, result.customers, lang, NO_MARKS).map((e) => [
      t(e.label),
      e.count,
      e.customers,
    ]);
    const expected =
      lang === "en"
        ? [
            [
              "Credit limit changed",
              4,
              [
                "Eagle Eye 100,000.00 → 200,000.00",
                "Bellows College 100,000.00 → 50,000.00",
                "Alpine Ski House 100,000.00 → 120,000.00",
                "Datum Corporation 100,000.00 → 110,000.00",
              ],
            ],
            ["Recommended limit cut", 1, ["Eagle Eye 100,000.00 → 100,000.00 (credit limit 100,000.00 → 200,000.00)"]],
          ]
        : [
            [
              "信用额度已调整的客户",
              4,
              [
                "Eagle Eye 100,000.00 → 200,000.00",
                "Bellows College 100,000.00 → 50,000.00",
                "Alpine Ski House 100,000.00 → 120,000.00",
                "Datum Corporation 100,000.00 → 110,000.00",
              ],
            ],
            ["建议下调额度的客户", 1, ["Eagle Eye 100,000.00 → 100,000.00（信用额度 100,000.00 → 200,000.00）"]],
          ];
    expect(lists.filter(([, count]) => count !== 0).slice(0, 2)).toEqual(expected);
    const printed = toTable(result, lang, "out.xlsx");
    expect(printedList(printed, expected[0][0] as string, lang)).toEqual({ count: "4", items: expected[0][2] });
    const alpine = result.customers.find((c) => c.id === "A001")!;
    const lines = customerChangeLines(result.changes!.customers[0], alpine, lang, DEFAULT_POLICY);
    expect(lines).toEqual(
      expect.arrayContaining(
        lang === "en"
          ? ["Credit limit 100,000.00 → 120,000.00 (+20,000.00)", "Recommended limit 100,000.00 → 120,000.00 (+20,000.00)"]
          : ["信用额度 100,000.00 → 120,000.00（+20,000.00）", "建议额度 100,000.00 → 120,000.00（+20,000.00）"],
      ),
    );
  });
});

describe("customers the review cannot grade", () => {
  // Datum's industry risk is typed 6 in both months (a data error): it cannot be graded, but
  // what it owes is known, and its 10,000 overdue grew to 40,000.
  const withError = (grid: Grid) => grid.map((line, r) => (r === 4 ? line.map((v, c) => (c === 4 ? 6 : v)) : line));
  function erroredCycle() {
    const octoberSheet = withError(october("en"));
    const novemberSheet = withError(november("en")).map((line, r) =>
      r === 4 ? line.map((v, c) => (c === 9 ? 40000 : v)) : line,
    );
    const { workbook } = reviewWorkbook({ customers: octoberSheet }, OCTOBER, "en");
    return reviewWorkbook({ ...workbook, customers: novemberSheet }, NOVEMBER, "en").result;
  }

  test("their overdue moves are listed, so the lists add up to the portfolio's overdue change", () => {
    const result = erroredCycle();
    const datum = result.customers.find((c) => c.id === "D004")!;
    expect(datum.grade).toBeUndefined();
    const changes = result.changes!;
    expect(changes.overdue).toEqual({ then: 50000, now: 90000 });
    const grew = moneyMoves(changes, result.customers).overdue.grew;
    // The largest first, a tie in sheet order.
    expect(grew.map((m) => [m.id, m.from, m.to])).toEqual([
      ["B002", 0, 30000],
      ["D004", 10000, 40000],
      ["C003", 0, 5000],
    ]);
    const fell = moneyMoves(changes, result.customers).overdue.fell;
    const moved = [...grew, ...fell].reduce((sum, m) => sum + m.to - m.from, 0);
    expect(moved).toBe(changes.overdue!.now - changes.overdue!.then);
    expect(toJson(result, "en", "out.xlsx").changes!.overdueMoves.grew[1]).toMatchObject({ id: "D004", from: 10000, to: 40000 });
  });

  test("their balances count among those compared with the last review's", () => {
    // Every balance left as it was, the customer not graded with the rest: five of five the same.
    const octoberSheet = withError(october("en"));
    const { workbook } = reviewWorkbook({ customers: octoberSheet }, OCTOBER, "en");
    const result = reviewWorkbook({ ...workbook, customers: octoberSheet }, NOVEMBER, "en").result;
    expect(result.changes!.sameBalances).toEqual({ unchanged: 5, compared: 5 });
  });
});

describe("a customer's overdue against the last review when an older one last graded it", () => {
  const withDatum = (overdue: number, error: boolean): Grid => [
    HEADERS.en,
    ["A001", "Alpine Ski House", ...five(2), 100000, 60000, 0, 0],
    ["D004", "Datum Corporation", ...(error ? [4, 4, 6, 4, 4] : five(4)), 100000, 60000, overdue, 100],
  ];
  function threeMonths() {
    // Graded in October (10,000 overdue), a data error in November (30,000), graded again in December (40,000).
    let workbook = reviewWorkbook({ customers: withDatum(10000, false) }, OCTOBER, "en").workbook;
    workbook = reviewWorkbook({ ...workbook, customers: withDatum(30000, true) }, NOVEMBER, "en").workbook;
    return reviewWorkbook({ ...workbook, customers: withDatum(40000, false) }, serial("2026-12-31"), "en").result;
  }

  test("the overdue line says which review its figure is from; the JSON gives that review's date", () => {
    const result = threeMonths();
    const datum = result.customers.find((c) => c.id === "D004")!;
    const change = result.changes!.customers.find((c) => c.id === "D004")!;
    expect(customerChangeLines(change, datum, "en", DEFAULT_POLICY)).toEqual([
      "Score 4.00 → 4.00 (0.00 points), still High since 2026-10-31",
      "Overdue 30,000.00 → 40,000.00 (+10,000.00) since 2026-11-30",
    ]);
    expect(customerChangeLines(change, datum, "zh", DEFAULT_POLICY)).toContain(
      "自 2026年11月30日起，逾期金额 30,000.00 → 40,000.00（+10,000.00）",
    );
    const json = toJson(result, "en", "out.xlsx").changes!.customers.find((c: { id: string }) => c.id === "D004");
    expect(json).toMatchObject({
      previousReview: "2026-10-31",
      previousOverdueAmount: 30000,
      previousOverdueReview: "2026-11-30",
    });
  });

  test("one the archive never graded still shows what it owed then", () => {
    const { workbook } = reviewWorkbook({ customers: withDatum(30000, true) }, NOVEMBER, "en");
    const result = reviewWorkbook({ ...workbook, customers: withDatum(40000, true) }, serial("2026-12-31"), "en").result;
    const datum = result.customers.find((c) => c.id === "D004")!;
    const change = result.changes!.customers.find((c) => c.id === "D004")!;
    const lines = customerChangeLines(change, datum, "en", DEFAULT_POLICY);
    expect(lines[lines.length - 1]).toBe("Overdue 30,000.00 → 40,000.00 (+10,000.00) since 2026-11-30");
  });
});

test.each([
  ["en", "And 2 more."],
  ["zh", "另有 2 位。"],
] as const)(
  "past five new warnings explained, how many more is a sentence of its own, and names keep their case (%s)",
  (lang, more) => {
    const names = ["Alfa", "eBay Resale", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"];
    const rows = (days: number) => [
      HEADERS[lang],
      ...names.map((name, i) => [`X${i}`, name, ...five(2), 100000, 60000, days ? 10000 : 0, days]),
    ];
    const { workbook } = reviewWorkbook({ customers: rows(0) }, OCTOBER, lang);
    const result = reviewWorkbook({ ...workbook, customers: rows(120) }, NOVEMBER, lang).result;
    const [added] = warningChangeCounts(result.changes!, lang, DEFAULT_POLICY, result.customers, NO_MARKS);
    expect(added.count).toBe(7);
    expect(added.customers).toHaveLength(6);
    expect(added.customers[1].startsWith("eBay Resale")).toBe(true);
    expect(added.customers[5]).toBe(more);
    const text = warningChangeText(added, lang);
    expect(text).toContain(lang === "en" ? ". eBay Resale" : "。eBay Resale");
    expect(text).not.toMatch(/[.。][;；]/);
    expect(text.endsWith(lang === "en" ? `. ${more})` : `。${more}）`)).toBe(true);
  },
);

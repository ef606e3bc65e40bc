/**
 * The review cycle over six months, as a credit team runs it: three quarterly reviews of one
 * workbook edited by hand between them (factors changed, a customer added, a paid-up customer
 * removed), a same-day re-run after a typo is fixed, and a back-dated review run last. Every
 * customer's SCORE_RISE, the archive's rows and what changed are asserted at each step, with
 * the review in English, in Chinese, and switching language from one review to the next.
 */
import { isoFromSerial } from "../../../src/engine/cells";
import { toJson, toTable } from "../../../src/cli/report";
import { Lang, message, translator } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { ReviewResult } from "../../../src/engine/review/review";
import {
  clearedWarningText,
  customerChangeLines,
  customerName,
  explainFinding,
  notCheckedWarningText,
  labelled,
  laterReviewsText,
  policyChangeText,
  undatedArchiveText,
  warningTitle,
} from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { CYCLE_SHEET, CycleWorkbook, editRows, reviewWorkbook } from "../../support/review-cycle";
import { FACTOR_HEADERS, FACTOR_HEADERS_ZH, Grid, serial } from "../../support/review-grid";
import { summaryItemRows, summaryLabelRows, summaryLineRows } from "../../../src/engine/review/summary-sheet";
import { printedList } from "../../support/printed-report";

const HEADERS: Record<Lang, unknown[]> = {
  en: ["Customer ID", "Customer", ...FACTOR_HEADERS, "Credit limit", "Outstanding balance", "Previous score", "Days past due"],
  zh: ["客户编号", "客户名称", ...FACTOR_HEADERS_ZH, "信用额度", "应收账款余额", "上期评分", "逾期天数"],
};
const five = (x: number) => [x, x, x, x, x];
const factors = (x: number) => Object.fromEntries(five(x).map((v, i) => [i + 2, v]));
const BALANCE = 8;

/** The sheet before the first review: the "Previous score" column is hand-kept and stale (1.2, 3). */
function firstSheet(lang: Lang): Grid {
  return [
    HEADERS[lang],
    ["A001", "Alpha", ...five(2.5), 100000, 50000, 1.2, 0],
    ["B002", "Beta", ...five(2), 80000, 20000, 3, 0],
    ["C003", "Gamma", ...five(2), 50000, 60000, null, 0],
    ["D004", "Delta", ...five(4), 30000, 10000, null, 120],
  ];
}

const R1 = serial("2026-01-31");
const R2 = serial("2026-04-30");
const R3 = serial("2026-07-31");
const BACK = serial("2026-03-31");

/** What one customer came out with: its score, grade and warning codes. */
const outcome = (r: ReviewResult) =>
  Object.fromEntries(r.customers.map((c) => [c.id, [c.score, c.grade, c.findings.map((f) => f.code).join(" ")]]));
const rises = (r: ReviewResult) => r.customers.filter((c) => c.findings.some((f) => f.code === "SCORE_RISE")).map((c) => c.id);

/** The archive's rows as [date, id, score, warning codes], without the header. */
function archiveRows(archive: Grid | undefined): [string, unknown, unknown, unknown][] {
  return (archive ?? []).slice(1).map((l) => [isoFromSerial(l[0] as number), l[2], l[9], l[18]]);
}

function changesOf(r: ReviewResult) {
  const c = r.changes!;
  const migration = Object.entries(c.migration).flatMap(([from, tos]) =>
    Object.entries(tos)
      .filter(([, n]) => n > 0)
      .map(([to, n]) => `${from}→${to} ${n}`),
  );
  return {
    previousReview: c.previousReview === undefined ? undefined : isoFromSerial(c.previousReview),
    migration,
    newWarnings: c.newWarnings,
    clearedWarnings: c.clearedWarnings,
    added: c.added.map((a) => a.id),
    gone: c.gone.map((g) => g.id),
  };
}

const customerChange = (r: ReviewResult, id: string) => r.changes!.customers.find((c) => c.id === id)!;

describe.each([
  ["English", ["en", "en", "en", "en", "en"]],
  ["Chinese", ["zh", "zh", "zh", "zh", "zh"]],
  ["switching language between reviews", ["zh", "en", "zh", "en", "zh"]],
] as [string, Lang[]][])("the review cycle, %s", (_name, langs) => {
  const [l1, l2a, l2b, l3, lBack] = langs;
  let workbook: CycleWorkbook = { customers: firstSheet(l1) };
  let r1: ReviewResult, r2a: ReviewResult, r2b: ReviewResult, r3: ReviewResult, back: ReviewResult;
  let archiveAfterR2a: Grid, archiveAfterR3: Grid;

  beforeAll(() => {
    ({ result: r1, workbook } = reviewWorkbook(workbook, R1, l1));

    // April: Beta's factors worsen, Gamma's too but pays down its balance, Delta paid up and left, Epsilon is new;
    // Alpha's factors are typed wrong (4.5) in the first run and fixed for a re-run the same day.
    const april = editRows(workbook.customers, {
      A001: factors(4.5),
      B002: factors(3.25),
      C003: { ...factors(3), [BALANCE]: 40000 },
    }).filter((line) => line[0] !== "D004");
    april.push(["E005", "Epsilon", ...five(1.5), 60000, 10000, null, 0]);
    ({ result: r2a, workbook } = reviewWorkbook({ ...workbook, customers: april }, R2, l2a));
    archiveAfterR2a = workbook.archive!;
    ({ result: r2b, workbook } = reviewWorkbook(
      { ...workbook, customers: editRows(workbook.customers, { A001: factors(2.5) }) },
      R2,
      l2b,
    ));

    // July: Alpha worsens past the high band, Gamma recovers.
    const july = editRows(workbook.customers, { A001: factors(3.6), C003: factors(2) });
    ({ result: r3, workbook } = reviewWorkbook({ ...workbook, customers: july }, R3, l3));
    archiveAfterR3 = workbook.archive!;

    // Last, a month-end review of March that was missed, run on a restored copy of the sheet.
    const march = editRows(firstSheet(lBack), { A001: factors(2.6) });
    ({ result: back, workbook } = reviewWorkbook({ customers: march, archive: workbook.archive }, BACK, lBack));
  });

  test("first review: no archive yet, so the sheet's previous-score column serves", () => {
    expect(outcome(r1)).toEqual({
      A001: [2.5, "medium", "SCORE_RISE"],
      B002: [2, "low", ""],
      C003: [2, "low", "OVER_LIMIT"],
      D004: [4, "high", "OVERDUE_90"],
    });
    expect(r1.changes).toBeUndefined();
    expect(archiveRows(workbook.archive).slice(0, 4)).toEqual([
      ["2026-01-31", "A001", 2.5, "SCORE_RISE"],
      ["2026-01-31", "B002", 2, null],
      ["2026-01-31", "C003", 2, "OVER_LIMIT"],
      ["2026-01-31", "D004", 4, "OVERDUE_90"],
    ]);
  });

  test("second review: the archive wins over the stale column; a rise of exactly 1 does not fire", () => {
    expect(rises(r2a)).toEqual(["A001", "B002"]);
    expect(outcome(r2b)).toEqual({
      A001: [2.5, "medium", ""], // the sheet still says 1.2: unchanged since January, no rise
      B002: [3.25, "medium", "SCORE_RISE"], // +1.25 since January, though the sheet says 3
      C003: [3, "medium", ""], // +1.00 exactly, and back under its limit
      E005: [1.5, "low", ""], // new: no earlier score anywhere
    });
    expect(r2b.customers.map((c) => c.previousScore)).toEqual([2.5, 2, 2, undefined]);
  });

  test("second review: what changed since January", () => {
    expect(changesOf(r2b)).toEqual({
      previousReview: "2026-01-31",
      migration: ["low→medium 2", "medium→medium 1"],
      newWarnings: 1,
      clearedWarnings: 2,
      added: ["E005"],
      gone: ["D004"],
    });
    expect(customerChange(r2b, "B002")).toMatchObject({
      previousScore: 2,
      scoreChange: 1.25,
      previousGrade: "low",
      gradeMove: "riskier",
      newWarnings: ["SCORE_RISE"],
      clearedWarnings: [],
      previousLimit: 88000,
      limitChange: -8000,
    });
    expect(customerChange(r2b, "C003")).toMatchObject({
      scoreChange: 1,
      clearedWarnings: [{ code: "OVER_LIMIT" }],
      limitChange: 0,
    });
    expect(customerChange(r2b, "A001")).toMatchObject({
      scoreChange: 0,
      gradeMove: "same",
      clearedWarnings: [{ code: "SCORE_RISE" }],
    });
    expect(customerChange(r2b, "E005").previousDate).toBeUndefined();
  });

  test("the same-day re-run replaced the first run's rows: as many rows, the corrected figures", () => {
    expect(archiveAfterR2a).toHaveLength(9);
    expect(archiveRows(archiveAfterR2a).slice(4, 5)).toEqual([["2026-04-30", "A001", 4.5, "SCORE_RISE"]]);
    expect(archiveRows(archiveAfterR3).slice(4, 8)).toEqual([
      ["2026-04-30", "A001", 2.5, null],
      ["2026-04-30", "B002", 3.25, "SCORE_RISE"],
      ["2026-04-30", "C003", 3, null],
      ["2026-04-30", "E005", 1.5, null],
    ]);
  });

  test("third review: compared with April, not January", () => {
    expect(outcome(r3)).toEqual({
      A001: [3.6, "high", "SCORE_RISE"], // +1.10 since April
      B002: [3.25, "medium", ""], // unchanged; its April rise is cleared
      C003: [2, "low", ""],
      E005: [1.5, "low", ""],
    });
    expect(changesOf(r3)).toEqual({
      previousReview: "2026-04-30",
      migration: ["low→low 1", "medium→low 1", "medium→medium 1", "medium→high 1"],
      newWarnings: 1,
      clearedWarnings: 1,
      added: [],
      gone: [],
    });
    expect(customerChange(r3, "C003")).toMatchObject({ scoreChange: -1, gradeMove: "safer" });
  });

  test("the back-dated review compares with the review before its own date and goes in its place", () => {
    expect(back.customers.map((c) => c.previousScore)).toEqual([2.5, 2, 2, 4]);
    expect(rises(back)).toEqual([]);
    expect(changesOf(back)).toMatchObject({ previousReview: "2026-01-31", added: [], gone: [] });
    const rows = archiveRows(workbook.archive);
    expect(rows.map((r) => r[0])).toEqual([
      ...Array(4).fill("2026-01-31"),
      ...Array(4).fill("2026-03-31"),
      ...Array(4).fill("2026-04-30"),
      ...Array(4).fill("2026-07-31"),
    ]);
    expect(rows.slice(4, 8).map((r) => r[1])).toEqual(["A001", "B002", "C003", "D004"]);
    // The later reviews' rows are carried down unchanged.
    expect(workbook.archive!.slice(9)).toEqual(archiveAfterR3.slice(5));
    expect(workbook.archive![0]).toEqual(archiveAfterR3[0]);
  });

  test("the back-dated review says the archive holds later reviews, which the sheet and summary no longer show, in every face", () => {
    expect(r3.laterReviews).toBeUndefined();
    expect(back.laterReviews).toEqual([R2, R3]);
    const said = laterReviewsText(BACK, [R2, R3], lBack);
    expect(said).toContain(
      lBack === "en"
        ? "before the archive's later reviews of this sheet (2026-04-30, 2026-07-31)"
        : "（2026年4月30日、2026年7月31日）",
    );
    const summary = buildWritePlan(back, lBack, { sheetNames: [CYCLE_SHEET] }).sheets.find((s) => s.kind === "summary")!;
    // On the summary a long line is wrapped over rows, one line a row.
    expect(summary.blocks.flatMap((b) => b.values.flat())).toEqual(expect.arrayContaining(summaryLineRows(said)));
    expect(toTable(back, lBack, "out.xlsx").split("\n")).toContain(said);
    expect(toJson(back, lBack).laterReviews).toEqual(["2026-04-30", "2026-07-31"]);
    expect(toJson(r3, l3).laterReviews).toBeNull();
    expect(reviewedNotice(back).render(translator(lBack), lBack).lines).toContain(said);
  });

  test("the archive's header and every row's words are in the first review's language, whatever each review's", () => {
    const header = workbook.archive![0];
    expect(header[0]).toBe(l1 === "en" ? "Review date" : "审查日期");
    expect(header[18]).toBe(l1 === "en" ? "Warning codes" : "预警代码");
    const gradeOfFirstRow = (lang: Lang) => (lang === "en" ? "Medium" : "中");
    expect(workbook.archive![1][10]).toBe(gradeOfFirstRow(l1));
    expect(workbook.archive![13][10]).toBe(l1 === "en" ? "High" : "高");
  });
});

describe.each(["en", "zh"] as const)("an archive row whose review date was typed as text (%s)", (lang) => {
  const { workbook } = reviewWorkbook({ customers: firstSheet(lang) }, R1, lang);
  // The second archive row's date retyped day-first, as a user's locale might: no longer a date the review reads.
  const archive = workbook.archive!.map((line, r) => (r === 2 ? ["31/01/2026", ...line.slice(1)] : [...line]));
  const { result } = reviewWorkbook({ ...workbook, archive }, R2, lang);

  test("it is kept but not compared with, and every face names its row and what it holds", () => {
    expect(result.undatedArchiveRows).toEqual({ count: 1, rows: [{ row: 3, shown: "31/01/2026" }] });
    const said = undatedArchiveText(result.undatedArchiveRows!, lang);
    expect(said).toContain(lang === "en" ? 'row 3 ("31/01/2026")' : "第 3 行（“31/01/2026”）");
    const summary = buildWritePlan(result, lang, { sheetNames: [CYCLE_SHEET] }).sheets.find((s) => s.kind === "summary")!;
    expect(summary.blocks.flatMap((b) => b.values.flat())).toEqual(expect.arrayContaining(summaryLineRows(said)));
    expect(toTable(result, lang, "out.xlsx").split("\n")).toContain(said);
    expect(toJson(result, lang).undatedArchiveRows).toEqual({ count: 1, rows: [{ row: 3, shown: "31/01/2026" }], text: said });
    expect(reviewedNotice(result).render(translator(lang), lang).lines).toContain(said);
    // The customer of that row is compared with nothing from it: it has no previous review of its own.
    expect(result.changes!.customers.map((c) => c.previousDate === undefined)).toEqual([false, true, false, false]);
  });

  test("a clean archive says nothing", () => {
    expect(reviewWorkbook(workbook, R2, lang).result.undatedArchiveRows).toBeUndefined();
  });
});

describe.each(["en", "zh"] as const)("a policy changed between two reviews (%s)", (lang) => {
  // A month later the team raises the maximum debt ratio from 70% to 75%: warnings may clear for the threshold alone.
  const raised = completePolicy({ ...DEFAULT_POLICY, maxDebtRatio: 0.75 });
  const { workbook } = reviewWorkbook({ customers: firstSheet(lang) }, R1, lang);
  const { result } = reviewWorkbook(workbook, R2, lang, raised);
  const t = (key: Parameters<typeof message>[1], params?: Record<string, string>) => message(lang, key, params);
  const moved = t("changes.policyMove", {
    from: DEFAULT_POLICY.version,
    to: raised.version,
    settings: t("changes.setting", { setting: t("policy.maxDebtRatio"), from: "70%", to: "75%" }),
  });

  test("what changed names the policy's versions and each changed setting, old → new", () => {
    expect(result.changes!.policy).toEqual({
      from: DEFAULT_POLICY.version,
      to: raised.version,
      settings: [{ setting: "maxDebtRatio", from: 0.7, to: 0.75, format: "percent0" }],
    });
    expect(policyChangeText(result.changes!.policy!, lang)).toBe(moved);
  });

  test("the summary sheet, the printed report and the JSON say it", () => {
    const summary = buildWritePlan(result, lang, { sheetNames: [CYCLE_SHEET] }).sheets[0];
    const texts = summary.blocks.flatMap((b) => b.values.flat());
    expect(texts).toEqual(expect.arrayContaining([t("changes.policy"), ...summaryLineRows(moved, 1)]));
    expect(toTable(result, lang, "out.xlsx").split("\n")).toContain(labelled(t("changes.policy"), moved, lang));
    expect(toJson(result, lang).changes!.policy).toEqual({
      from: DEFAULT_POLICY.version,
      to: raised.version,
      settings: [{ setting: "maxDebtRatio", from: 0.7, to: 0.75 }],
      editedRow: null,
      editedColumn: null,
    });
  });

  test("the same policy again: nothing said; without the policy history: the versions, and that the settings are not known", () => {
    expect(reviewWorkbook(workbook, R2, lang).result.changes!.policy).toBeUndefined();
    const { result: blind } = reviewWorkbook({ ...workbook, policyHistory: undefined }, R2, lang, raised);
    expect(blind.changes!.policy).toEqual({ from: DEFAULT_POLICY.version, to: raised.version });
    expect(policyChangeText(blind.changes!.policy!, lang)).toBe(
      t("changes.policyUnknown", { from: DEFAULT_POLICY.version, to: raised.version }),
    );
    expect(toJson(blind, lang).changes!.policy!.settings).toBeNull();
  });
  test("a policy history version changed by hand since it was written: its settings are not compared, and that is said", () => {
    const history = workbook.policyHistory!;
    const ratio = history.findIndex((line) => line[0] === t("policy.maxDebtRatio"));
    expect(history[0][1]).toBe(DEFAULT_POLICY.version);
    // The last review's version now claims 90%: under its own version, it would misname what changed.
    const forged = history.map((line, r) => (r === ratio ? line.map((v, c) => (c === 1 ? 0.9 : v)) : line));
    const { result: edited } = reviewWorkbook({ ...workbook, policyHistory: forged }, R2, lang, raised);
    expect(edited.changes!.policy).toEqual({ from: DEFAULT_POLICY.version, to: raised.version, editedAt: { column: "B" } });
    const said = t("changes.policyEditedColumn", { from: DEFAULT_POLICY.version, to: raised.version, column: "B" });
    expect(policyChangeText(edited.changes!.policy!, lang)).toBe(said);
    expect(toTable(edited, lang, "out.xlsx").split("\n")).toContain(labelled(t("changes.policy"), said, lang));
    expect(toJson(edited, lang).changes!.policy).toEqual({
      from: DEFAULT_POLICY.version,
      to: raised.version,
      settings: null,
      editedRow: null,
      editedColumn: "B",
    });
  });

  test("the same in a history kept in rows, as reviews wrote it before: the row is named", () => {
    // The history above, one row per version (its labels across the header row).
    const columns = workbook.policyHistory!;
    const rows = columns[0].map((_, c) => columns.map((line) => line[c] ?? null));
    const ratio = rows[0].indexOf(t("policy.maxDebtRatio"));
    expect(rows[1][0]).toBe(DEFAULT_POLICY.version);
    const { result: kept } = reviewWorkbook({ ...workbook, policyHistory: rows }, R2, lang, raised);
    expect(kept.changes!.policy!.settings).toMatchObject([{ setting: "maxDebtRatio", from: 0.7, to: 0.75 }]);
    const forged = rows.map((line, r) => (r === 1 ? line.map((v, c) => (c === ratio ? 0.9 : v)) : line));
    const { result: edited } = reviewWorkbook({ ...workbook, policyHistory: forged }, R2, lang, raised);
    expect(edited.changes!.policy).toEqual({ from: DEFAULT_POLICY.version, to: raised.version, editedAt: { row: 2 } });
    const said = t("changes.policyEdited", { from: DEFAULT_POLICY.version, to: raised.version, row: "2" });
    expect(policyChangeText(edited.changes!.policy!, lang)).toBe(said);
    expect(toJson(edited, lang).changes!.policy).toMatchObject({ editedRow: 2, editedColumn: null });
  });
});

describe.each(["en", "zh"] as const)("warnings the policy change alone explains, told apart (%s)", (lang) => {
  const DAYS = 10; // the "Days past due" column
  const { workbook } = reviewWorkbook({ customers: firstSheet(lang) }, R1, lang);
  // By the next review Beta is 100 days late (its own doing) and Gamma 75; the team lowers the
  // overdue threshold from 90 to 60 days, so Gamma's warning comes with the policy alone.
  const later = editRows(workbook.customers, { B002: { [DAYS]: 100 }, C003: { [DAYS]: 75 } });
  const stricter = completePolicy({ ...DEFAULT_POLICY, overdueDays: 60 });
  const { result } = reviewWorkbook({ ...workbook, customers: later }, R2, lang, stricter);
  const t = (key: Parameters<typeof message>[1], params?: Record<string, string>) => message(lang, key, params);

  test("each customer's new warnings, and which of them the policy change alone explains", () => {
    expect(customerChange(result, "B002")).toMatchObject({ newWarnings: ["OVERDUE_90"], newFromPolicy: [] });
    expect(customerChange(result, "C003")).toMatchObject({ newWarnings: ["OVERDUE_90"], newFromPolicy: ["OVERDUE_90"] });
    // Alpha's SCORE_RISE (against the sheet's stale previous score at the first review) clears on its own.
    expect(result.changes).toMatchObject({ newWarnings: 2, newFromPolicy: 1, clearedWarnings: 1, clearedFromPolicy: 0 });
  });

  test("a threshold raised past a customer's figure clears its warning by the policy alone; one whose figure fell clears on its own", () => {
    const looser = completePolicy({ ...DEFAULT_POLICY, overdueDays: 150 });
    // Delta (120 days at the first review) is still 120 days late; under 150 days it no longer warns.
    const { result: loosened } = reviewWorkbook(workbook, R2, lang, looser);
    expect(customerChange(loosened, "D004")).toMatchObject({
      clearedWarnings: [{ code: "OVERDUE_90" }],
      clearedFromPolicy: ["OVERDUE_90"],
    });
    const paid = editRows(workbook.customers, { D004: { [DAYS]: 20 } });
    const { result: paidUp } = reviewWorkbook({ ...workbook, customers: paid }, R2, lang, looser);
    expect(customerChange(paidUp, "D004")).toMatchObject({
      clearedWarnings: [{ code: "OVERDUE_90" }],
      clearedFromPolicy: [],
    });
    // Why each cleared: still 120 days late, under the new threshold; 20 days late, the customer's own doing.
    const why = (r: ReviewResult) => {
      const c = customerChange(r, "D004");
      return clearedWarningText(c.clearedWarnings[0], c.clearedFromPolicy, {}, lang, looser, NO_MARKS);
    };
    expect([why(loosened), why(paidUp)]).toEqual(
      lang === "en"
        ? [
            "Overdue over 150 days — the oldest unpaid amount is now 120 days past due (more than 150 days triggers a warning). The policy change alone cleared it.",
            "Overdue over 150 days — the oldest unpaid amount is now 20 days past due (more than 150 days triggers a warning).",
          ]
        : [
            "逾期超过 150 天——最早的未收款项现逾期 120 天（超过 150 天即预警）。此预警仅因政策变更而解除。",
            "逾期超过 150 天——最早的未收款项现逾期 20 天（超过 150 天即预警）。",
          ],
    );
    expect(toJson(loosened, lang).changes!.customers.find((c) => c.id === "D004")!.clearedWarnings).toEqual([
      {
        code: "OVERDUE_90",
        reason: "figure",
        figures: { value: 120, threshold: 150, format: "days" },
        fromPolicy: true,
        text: why(loosened),
      },
    ]);
  });

  test("every face counts them apart, and the customer's details say which came with the policy", () => {
    const summary = buildWritePlan(result, lang, { sheetNames: [CYCLE_SHEET] }).sheets[0];
    const rows = summary.blocks.flatMap((b) => b.values);
    expect(rows).toEqual(
      expect.arrayContaining([
        [t("changes.newWarnings"), 2],
        [t("changes.newFromPolicy"), 1],
      ]),
    );
    const report = toTable(result, lang, "out.xlsx").split("\n");
    expect(report.some((l) => l.includes(labelled(t("changes.newFromPolicy"), "1", lang)))).toBe(true);
    expect(toJson(result, lang).changes).toMatchObject({ newWarnings: 2, newFromPolicy: 1, clearedFromPolicy: 0 });
    // Who, under the counts: each customer with its new warnings, each with its figure against its
    // threshold as its findings say it, the policy's own said so.
    const finding = (id: string) =>
      explainFinding(
        result.customers.find((c) => c.id === id)!.findings.find((f) => f.code === "OVERDUE_90")!,
        {},
        lang,
        NO_MARKS,
      );
    const named = [
      `${customerName(customerChange(result, "B002"))}${lang === "en" ? ": " : "："}${finding("B002")}`,
      `${customerName(customerChange(result, "C003"))}${lang === "en" ? ": " : "："}${t("changes.byPolicySentence", { warning: finding("C003") })}`,
    ];
    expect(named[0]).toContain(lang === "en" ? "100 days past due (more than 60 days" : "已逾期 100 天（超过 60 天");
    const lines = summary.blocks.flatMap((b) => b.values.map((line) => line.join("|")));
    const at = lines.indexOf(`${t("changes.newWarnings")}|2`);
    // Long, they wrap onto the rows under their count.
    const words = (text: string) => text.replace(/\s+/g, "");
    expect(words(lines.slice(at + 1, at + 6).join(""))).toContain(words(named.join("")));
    const listed = report.indexOf(labelled(t("changes.newWarnings"), "2", lang));
    expect(report.slice(listed + 1, listed + 3)).toEqual(named.map((line) => `  ${line}`));
    const gamma = result.customers.find((c) => c.id === "C003")!;
    const details = customerChangeLines(customerChange(result, "C003"), gamma, lang, stricter);
    expect(details.join("\n")).toContain(t("changes.byPolicy", { warning: warningTitle("OVERDUE_90", lang, stricter) }));
  });

  test("with the same policy nothing is told apart, and no line for it is shown", () => {
    const { result: same } = reviewWorkbook({ ...workbook, customers: later }, R2, lang);
    expect(same.changes).toMatchObject({ newWarnings: 1, newFromPolicy: 0 });
    expect(same.customers.every((c) => c.warningsUnderLastPolicy === undefined)).toBe(true);
    expect(toTable(same, lang, "out.xlsx")).not.toContain(t("changes.newFromPolicy"));
  });
});

/** The Altman Z's inputs, as a sheet heads them. */
const Z_INPUT_HEADERS = [
  "Current assets",
  "Current liabilities",
  "Retained earnings",
  "EBIT",
  "Equity",
  "Total assets",
  "Total liabilities",
  "Sales",
];

test("a customer on the default Z model whose zone moves with the policy's default model: the policy change explains it", () => {
  const headers = [...HEADERS.en.slice(0, 7), ...Z_INPUT_HEADERS];
  // Z′ (private, the default) 1.25: grey; Z (public) 1.03: distress.
  const sheet: Grid = [headers, ["A001", "Alpha", ...five(2), 40, 30, 10, 10, 40, 100, 60, 50]];
  const { workbook } = reviewWorkbook({ customers: sheet }, R1, "en");
  const publicModel = completePolicy({ ...DEFAULT_POLICY, defaultZModel: "public" });
  const { result } = reviewWorkbook(workbook, R2, "en", publicModel);
  expect(result.changes!.policy!.settings!.map((s) => s.setting)).toEqual(["defaultZModel"]);
  expect(customerChange(result, "A001")).toMatchObject({ newWarnings: ["Z_DISTRESS"], newFromPolicy: ["Z_DISTRESS"] });
});

describe.each(["en", "zh"] as const)("grade moves the policy change alone explains, told apart (%s)", (lang) => {
  const OCTOBER = serial("2026-10-31");
  const NOVEMBER = serial("2026-11-30");
  const sheet = (scores: Record<string, number | readonly number[]>): Grid => [
    HEADERS[lang],
    ...[
      ["A001", "Alpine Ski House"],
      ["B002", "Bellows College"],
      ["C003", "Coho Winery"],
      ["D004", "Datum Corporation"],
    ].map(([id, name]) => {
      const score = scores[id];
      return [id, name, ...(typeof score === "number" ? five(score) : score), 100000, 10000, null, 0];
    }),
  ];
  // Alpine Ski House scores 3.30 both months; Bellows College rises past the old High band too;
  // Coho Winery rises, but not past the old band; Datum Corporation is High throughout.
  const october = sheet({ A001: 3.3, B002: 3, C003: 2.5, D004: 4 });
  const november = sheet({ A001: 3.3, B002: 3.6, C003: 3.4, D004: 4 });
  // Between the reviews the High band moves from 3.5 down to 3.2.
  const lowered = completePolicy({ ...DEFAULT_POLICY, highFrom: 3.2 });
  const { workbook } = reviewWorkbook({ customers: october }, OCTOBER, lang);
  const { result } = reviewWorkbook({ ...workbook, customers: november }, NOVEMBER, lang, lowered);
  const t = (key: Parameters<typeof message>[1], params?: Record<string, string>) => message(lang, key, params);
  const move = (key: "changes.move" | "changes.moveByPolicy", name: string) =>
    t(key, { name, from: t("grade.medium"), to: t("grade.high") });
  const riskier = [
    move("changes.moveByPolicy", "Alpine Ski House"),
    move("changes.move", "Bellows College"),
    move("changes.moveByPolicy", "Coho Winery"),
  ];

  test("a grade that moved only because a band moved is the policy's; one whose score crossed the old band too is the customer's", () => {
    expect(customerChange(result, "A001")).toMatchObject({
      previousScore: 3.3,
      scoreChange: 0,
      previousGrade: "medium",
      gradeMove: "riskier",
      gradeMoveFromPolicy: true,
    });
    expect(customerChange(result, "B002")).toMatchObject({ gradeMove: "riskier", gradeMoveFromPolicy: false });
    // Coho's score rose 0.90, but under the old bands it would still be Medium: the move is the band's.
    expect(customerChange(result, "C003")).toMatchObject({ gradeMove: "riskier", gradeMoveFromPolicy: true });
    expect(customerChange(result, "D004")).toMatchObject({ gradeMove: "same", gradeMoveFromPolicy: false });
    expect(result.changes).toMatchObject({ riskierFromPolicy: 2, saferFromPolicy: 0 });
    expect(result.changes!.migration.medium.high).toBe(3);
  });

  test("the summary sheet, the printed report and the JSON say which moves are the policy's", () => {
    const summary = buildWritePlan(result, lang, { sheetNames: [CYCLE_SHEET] }).sheets[0];
    const lines = summary.blocks.flatMap((b) => b.values.map((line) => line.join("|")));
    const at = lines.indexOf(`${t("changes.riskier")}|3`);
    expect(lines.slice(at + 1, at + 4)).toEqual(riskier);
    // Each count beside its label's first line, a long label running on under it.
    const counted = (label: string, count: number) => {
      const [first, ...more] = summaryLabelRows(label);
      const at = lines.indexOf(`${first}|${count}`);
      return at >= 0 && lines.slice(at + 1, at + 1 + more.length).join("\n") === more.join("\n");
    };
    expect([counted(t("changes.riskierFromPolicy"), 2), counted(t("changes.saferFromPolicy"), 0)]).toEqual([true, true]);
    const printed = toTable(result, lang, "out.xlsx");
    const report = printed.split("\n");
    expect(printedList(printed, t("changes.riskier"), lang)).toEqual({ count: "3", items: riskier });
    expect(report.some((l) => l.includes(labelled(t("changes.riskierFromPolicy"), "2", lang)))).toBe(true);
    const json = toJson(result, lang).changes!;
    expect(json).toMatchObject({ riskierFromPolicy: 2, saferFromPolicy: 0 });
    expect(json.customers.map((c) => [c.id, c.gradeMove, c.gradeMoveFromPolicy])).toEqual([
      ["A001", "riskier", true],
      ["B002", "riskier", false],
      ["C003", "riskier", true],
      ["D004", "same", false],
    ]);
  });

  test("the customer's details say its grade moved with the policy", () => {
    const alpine = result.customers.find((c) => c.id === "A001")!;
    const details = customerChangeLines(customerChange(result, "A001"), alpine, lang, lowered);
    expect(details[0]).toContain(t("changes.gradeByPolicy", { from: t("grade.medium"), to: t("grade.high") }));
    const bellows = result.customers.find((c) => c.id === "B002")!;
    const own = customerChangeLines(customerChange(result, "B002"), bellows, lang, lowered);
    expect(own[0]).toContain(t("changes.grade", { from: t("grade.medium"), to: t("grade.high") }));
    expect(own[0]).not.toContain(t("changes.gradeByPolicy", { from: t("grade.medium"), to: t("grade.high") }));
  });

  test("a band raised past a customer's score makes it safer by the policy alone; one whose score fell is safer on its own", () => {
    const { workbook: highs } = reviewWorkbook({ customers: november }, OCTOBER, lang);
    const raised = completePolicy({ ...DEFAULT_POLICY, highFrom: 3.8 });
    // Bellows stays at 3.60 (Medium under 3.8); Coho (3.40, Medium both ways) does not move.
    const { result: loosened } = reviewWorkbook(highs, NOVEMBER, lang, raised);
    expect(customerChange(loosened, "B002")).toMatchObject({ gradeMove: "safer", gradeMoveFromPolicy: true });
    expect(customerChange(loosened, "C003")).toMatchObject({ gradeMove: "same", gradeMoveFromPolicy: false });
    expect(loosened.changes).toMatchObject({ riskierFromPolicy: 0, saferFromPolicy: 1 });
    // Bellows's score falls to 3.00 as well: Medium under the old band too, its own move.
    const fell = editRows(november, { B002: factors(3) });
    const { result: own } = reviewWorkbook({ ...highs, customers: fell }, NOVEMBER, lang, raised);
    expect(customerChange(own, "B002")).toMatchObject({ gradeMove: "safer", gradeMoveFromPolicy: false });
    expect(own.changes).toMatchObject({ riskierFromPolicy: 0, saferFromPolicy: 0 });
  });

  test("new weights that alone move the score across a band: the move is the policy's", () => {
    // 3.10 (Medium) under the default weights; 3.80 (High) when payment history weighs half.
    const weighted = sheet({ A001: [5, 1, 3, 3, 3], B002: 3, C003: 2.5, D004: 4 });
    const { workbook: before } = reviewWorkbook({ customers: weighted }, OCTOBER, lang);
    const reweighted = completePolicy({ ...DEFAULT_POLICY, weights: [0.5, 0.1, 0.2, 0.1, 0.1] });
    const { result: after } = reviewWorkbook(before, NOVEMBER, lang, reweighted);
    const alpine = after.customers.find((c) => c.id === "A001")!;
    expect([alpine.score, alpine.grade]).toEqual([expect.closeTo(3.8, 9), "high"]);
    expect(customerChange(after, "A001")).toMatchObject({ previousGrade: "medium", gradeMoveFromPolicy: true });
  });

  test("with the same policy, or without the history of the last one, no move is the policy's and no count is shown", () => {
    const { result: same } = reviewWorkbook({ ...workbook, customers: november }, NOVEMBER, lang);
    const { result: blind } = reviewWorkbook(
      { ...workbook, customers: november, policyHistory: undefined },
      NOVEMBER,
      lang,
      lowered,
    );
    for (const r of [same, blind]) {
      expect(r.changes!.customers.some((c) => c.gradeMoveFromPolicy)).toBe(false);
      expect(r.changes).toMatchObject({ riskierFromPolicy: 0, saferFromPolicy: 0 });
      expect(toTable(r, lang, "out.xlsx")).not.toContain(t("changes.riskierFromPolicy"));
    }
    expect(customerChange(blind, "A001")).toMatchObject({ gradeMove: "riskier", gradeMoveFromPolicy: false });
  });
});

describe.each(["en", "zh"] as const)("why each cleared warning cleared, and warnings not checked this time (%s)", (lang) => {
  const t = (key: Parameters<typeof message>[1], params?: Record<string, string>) => message(lang, key, params);
  const JANUARY = serial("2026-01-31");
  const MARCH = serial("2026-03-31");
  const headers = [
    ...HEADERS.en.slice(0, 7),
    "Credit limit",
    "Outstanding balance",
    "Previous score",
    "Days past due",
    "Negative news date",
    "Current assets",
    "Current liabilities",
  ];
  // Columns: H limit, I balance, J previous score, K days past due, L news date, M–N current assets and liabilities.
  const [BALANCE_AT, DAYS, NEWS, ASSETS] = [8, 10, 11, 12];
  const january: Grid = [
    headers,
    // Over its limit, with low liquidity; by March within the limit, the ratio 1.50.
    ["A001", "Alder", ...five(2), 70000, 90000, null, 0, null, 80, 100],
    // 120 days late; by March 12.
    ["B002", "Birch", ...five(2), 100000, 10000, null, 120, null, null, null],
    // High risk, in the news on 2026-01-16: by March that is older than the month the policy looks back.
    ["C003", "Cedar", ...five(4), 100000, 10000, null, 0, serial("2026-01-16"), null, null],
    // High risk with news; by March news again (2026-03-20), but the customer is Medium.
    ["D004", "Dogwood", ...five(4), 100000, 10000, null, 0, serial("2026-01-20"), null, null],
    // Its score rose 1.50 on the sheet's hand-kept previous score; by March it moved +0.10.
    ["E005", "Elm", ...five(2.5), 100000, 10000, 1, 0, null, null, null],
    // 150 days late; in March its days past due cell holds text, so the check cannot run.
    ["G007", "Gum", ...five(2), 100000, 10000, null, 150, null, null, null],
    // Over its limit; in March its balance is blank, so the check cannot run.
    ["H008", "Hazel", ...five(2), 50000, 80000, null, 0, null, null, null],
  ];
  const { result: first, workbook } = reviewWorkbook({ customers: january }, JANUARY, lang);
  const march = editRows(workbook.customers, {
    A001: { [BALANCE_AT]: 60000, [ASSETS]: 150 },
    B002: { [DAYS]: 12 },
    D004: { ...factors(3), [NEWS]: serial("2026-03-20") },
    E005: factors(2.6),
    G007: { [DAYS]: "abc" },
    H008: { [BALANCE_AT]: null },
  });
  const { result } = reviewWorkbook({ ...workbook, customers: march }, MARCH, lang);
  const change = (id: string) => customerChange(result, id);
  const text = (id: string) =>
    change(id).clearedWarnings.map((w) => clearedWarningText(w, [], {}, lang, DEFAULT_POLICY, NO_MARKS));
  const notChecked = (id: string) => change(id).notCheckedWarnings.map((w) => notCheckedWarningText(w, lang, DEFAULT_POLICY));
  const line = (id: string, texts: readonly string[]) =>
    t("changes.customerWarnings", {
      name: customerName(change(id)),
      warnings: texts.join(t("sep.sentences")),
    });

  const EXPECTED = {
    en: {
      A001: [
        "Over credit limit — the outstanding balance 60,000.00 is within the credit limit 70,000.00.",
        "Low liquidity — the current ratio is now 1.50 (below 1.00 triggers a warning).",
      ],
      B002: ["Overdue over 90 days — the oldest unpaid amount is now 12 days past due (more than 90 days triggers a warning)."],
      C003: ["Negative news — the news of 2026-01-16 is now older than the 1-month look-back (on or after 2026-02-28)."],
      D004: [
        "Negative news — the customer is graded Medium now, and negative news (of 2026-03-20) triggers a warning for a high-risk customer only.",
      ],
      E005: [
        "Score rose — the score moved +0.10 points since the review of 2026-01-31, from 2.50 to 2.60 (a rise of more than 1.00 points triggers a warning).",
      ],
      G007: ['Overdue over 90 days (row 7, column K (Days past due): must be a number, got "abc")'],
      H008: ["Over credit limit (no Outstanding balance on its row)"],
    },
    zh: {
      A001: [
        "超出信用额度——应收账款余额 60,000.00 未超过信用额度 70,000.00。",
        "流动性不足——流动比率现为 1.50（低于 1.00 即预警）。",
      ],
      B002: ["逾期超过 90 天——最早的未收款项现逾期 12 天（超过 90 天即预警）。"],
      C003: ["负面新闻——2026年1月16日的负面新闻已超出 1 个月的回溯期（不早于 2026年2月28日）。"],
      D004: ["负面新闻——客户现为中风险，而负面新闻（2026年3月20日）仅对高风险客户预警。"],
      E005: ["评分上升——风险评分自 2026年1月31日的审查以来由 2.50 变为 2.60，变动 +0.10 分（上升超过 1.00 分即预警）。"],
      G007: ["逾期超过 90 天（第 7 行 K 列（Days past due）：必须是数字，实际为“abc”）"],
      H008: ["超出信用额度（该行未填“应收账款余额”）"],
    },
  }[lang];
  const CLEARED = ["A001", "B002", "C003", "D004", "E005"] as const;

  test("January raised the warnings March finds gone", () => {
    expect(Object.fromEntries(first.customers.map((c) => [c.id, c.findings.map((f) => f.code)]))).toEqual({
      A001: ["OVER_LIMIT", "LIQUIDITY"],
      B002: ["OVERDUE_90"],
      C003: ["NEGATIVE_NEWS"],
      D004: ["NEGATIVE_NEWS"],
      E005: ["SCORE_RISE"],
      G007: ["OVERDUE_90"],
      H008: ["OVER_LIMIT"],
    });
    expect(result.customers.every((c) => c.findings.length === 0)).toBe(true);
  });

  test("each cleared warning says why, with today's figure against its threshold or what else ended it", () => {
    expect(CLEARED.map((id) => change(id).clearedWarnings.map((w) => w.why.kind))).toEqual([
      ["figure", "figure"],
      ["figure"],
      ["newsAged"],
      ["notHighRisk"],
      ["score"],
    ]);
    expect(Object.fromEntries(CLEARED.map((id) => [id, text(id)]))).toEqual(
      Object.fromEntries(CLEARED.map((id) => [id, EXPECTED[id]])),
    );
  });

  test("a warning whose check did not run this time is not cleared: it is counted and listed apart, with the review's reason", () => {
    for (const id of ["G007", "H008"]) expect(change(id).clearedWarnings).toEqual([]);
    expect(change("G007").notCheckedWarnings.map((w) => [w.code, w.why.kind])).toEqual([["OVERDUE_90", "note"]]);
    expect(change("H008").notCheckedWarnings.map((w) => [w.code, w.why.kind])).toEqual([["OVER_LIMIT", "blank"]]);
    expect([notChecked("G007"), notChecked("H008")]).toEqual([EXPECTED.G007, EXPECTED.H008]);
    expect(result.changes).toMatchObject({ clearedWarnings: 6, notCheckedWarnings: 2, newWarnings: 0 });
  });

  test("the printed report lists each cleared warning with why, and those not checked apart", () => {
    const printed = toTable(result, lang, "out.xlsx");
    expect(printedList(printed, t("changes.clearedWarnings"), lang)).toEqual({
      count: "6",
      items: CLEARED.map((id) => line(id, EXPECTED[id])),
    });
    expect(printedList(printed, t("changes.notCheckedWarnings"), lang)).toEqual({
      count: "2",
      items: ["G007", "H008"].map((id) =>
        t("changes.customerWarnings", { name: customerName(change(id)), warnings: EXPECTED[id as "G007" | "H008"][0] }),
      ),
    });
  });

  test("the JSON lists each cleared warning once, with its reason, that reason's figures and its text, and the warnings not checked apart", () => {
    const json = toJson(result, lang).changes!;
    expect(json).toMatchObject({ clearedWarnings: 6, notCheckedWarnings: 2 });
    const of = (id: string) => json.customers.find((c) => c.id === id)!;
    const cleared = (code: string, reason: string, figures: object, text: string) => ({
      code,
      reason,
      figures,
      fromPolicy: false,
      text,
    });
    expect(Object.fromEntries(CLEARED.map((id) => [id, of(id).clearedWarnings]))).toEqual({
      A001: [
        cleared("OVER_LIMIT", "figure", { value: 60000, threshold: 70000, format: "money" }, EXPECTED.A001[0]),
        cleared("LIQUIDITY", "figure", { value: 1.5, threshold: 1, format: "ratio" }, EXPECTED.A001[1]),
      ],
      B002: [cleared("OVERDUE_90", "figure", { value: 12, threshold: 90, format: "days" }, EXPECTED.B002[0])],
      // The news's date, the look-back's first day and its months: the text's figures, as data.
      C003: [cleared("NEGATIVE_NEWS", "newsAged", { date: "2026-01-16", since: "2026-02-28", months: 1 }, EXPECTED.C003[0])],
      D004: [cleared("NEGATIVE_NEWS", "notHighRisk", { grade: "medium", date: "2026-03-20" }, EXPECTED.D004[0])],
      E005: [
        cleared("SCORE_RISE", "score", { from: 2.5, to: 2.6, change: 0.1, threshold: 1, since: "2026-01-31" }, EXPECTED.E005[0]),
      ],
    });
    expect(json.customers.some((c) => "clearedReasons" in c)).toBe(false);
    expect(of("G007")).toMatchObject({
      clearedWarnings: [],
      notCheckedWarnings: [{ code: "OVERDUE_90", reason: "note", text: EXPECTED.G007[0] }],
    });
    expect(of("H008").notCheckedWarnings).toEqual([{ code: "OVER_LIMIT", reason: "blank", text: EXPECTED.H008[0] }]);
  });

  test("the summary sheet counts them apart and lists each under its count", () => {
    const summary = buildWritePlan(result, lang, { sheetNames: [CYCLE_SHEET] }).sheets[0];
    const lines = summary.blocks.flatMap((b) => b.values.map((l) => l.join("|")));
    const under = (label: string, count: number, ids: readonly string[], texts: (id: string) => readonly string[]) => {
      const at = lines.indexOf(`${label}|${count}`);
      expect(at).toBeGreaterThan(0);
      const rows = ids.flatMap((id) => summaryItemRows(line(id, texts(id))));
      expect(lines.slice(at + 1, at + 1 + rows.length)).toEqual(rows);
    };
    under(t("changes.clearedWarnings"), 6, CLEARED, (id) => EXPECTED[id as (typeof CLEARED)[number]]);
    under(t("changes.notCheckedWarnings"), 2, ["G007", "H008"], (id) => EXPECTED[id as "G007" | "H008"]);
  });

  test("the customer's details say each cleared warning's reason, and a warning not checked as such", () => {
    const details = (id: string) =>
      customerChangeLines(
        change(id),
        result.customers.find((c) => c.id === id)!,
        lang,
        DEFAULT_POLICY,
      );
    expect(details("A001")).toContain(labelled(t("changes.clearedWarnings"), EXPECTED.A001.join(t("sep.sentences")), lang));
    expect(details("G007")).toContain(labelled(t("changes.notCheckedWarnings"), EXPECTED.G007[0], lang));
    expect(details("G007").join("\n")).not.toContain(t("changes.clearedWarnings"));
  });

  test("the balance sheet's warnings, news taken off the sheet, a score unchanged, nothing late or owed: each says why it cleared", () => {
    type Cells = readonly (number | null)[];
    const sheet = (k: Cells, l: Cells, m: Cells): Grid => [
      [
        ...HEADERS.en.slice(0, 7),
        "Previous score",
        "Overdue amount",
        "Days past due",
        "Negative news date",
        ...Z_INPUT_HEADERS,
        "Interest expense",
      ],
      // Altman Z (private) 1.18, in distress; debt ratio 80%; interest coverage 1.00.
      ["K011", "Kapok", ...five(2), ...k],
      // High risk, its score up from the sheet's 2.00, in the news, 5,000.00 owed 100 days late.
      ["L012", "Larch", ...five(4), ...l],
      // 8,000.00 owed 120 days late.
      ["M013", "Maple", ...five(2), ...m],
    ];
    const before = sheet(
      [null, 0, 0, null, 40, 30, 10, 10, 40, 100, 80, 50, 10],
      [2, 5000, 100, serial("2026-01-20")],
      [null, 8000, 120],
    );
    // By March: Kapok's liabilities 60 (Z 1.25, grey; debt ratio 60%), no interest expense; Larch's
    // score as in January, its news taken off, nothing late; Maple still 120 days, but nothing owed.
    const after = sheet([null, 0, 0, null, 40, 30, 10, 10, 40, 100, 60, 50, 0], [2, 0, 0, null], [null, 0, 120]);
    const { workbook: kept } = reviewWorkbook({ customers: before }, JANUARY, lang);
    const { result: now } = reviewWorkbook({ ...kept, customers: after }, MARCH, lang);
    const said = (id: string) =>
      now
        .changes!.customers.find((c) => c.id === id)!
        .clearedWarnings.map((w) => [w.code, w.why.kind, clearedWarningText(w, [], {}, lang, DEFAULT_POLICY, NO_MARKS)]);
    expect([said("K011"), said("L012"), said("M013")]).toEqual(
      lang === "en"
        ? [
            [
              ["Z_DISTRESS", "zone", "Z-score in distress zone — the Altman Z is now 1.25, in the Grey zone."],
              ["LEVERAGE", "figure", "High leverage — the debt ratio is now 60.0% (above 70% triggers a warning)."],
              ["COVERAGE", "nothingFound", "Weak interest coverage — the check found nothing this time."],
            ],
            [
              [
                "SCORE_RISE",
                "score",
                "Score rose — the score is 4.00, unchanged since the review of 2026-01-31 (a rise of more than 1.00 points triggers a warning).",
              ],
              ["NEGATIVE_NEWS", "noNews", "Negative news — the sheet gives no negative news date now."],
              ["OVERDUE_90", "figure", "Overdue over 90 days — nothing is past due now (more than 90 days triggers a warning)."],
            ],
            [
              [
                "OVERDUE_90",
                "nothingOverdue",
                "Overdue over 90 days — the overdue amount is 0.00 now, so nothing is overdue (though the oldest open item is 120 days past due).",
              ],
            ],
          ]
        : [
            [
              ["Z_DISTRESS", "zone", "Z 值处于困境区——Altman Z 值现为 1.25，处于灰色区。"],
              ["LEVERAGE", "figure", "负债率过高——资产负债率现为 60.0%（高于 70% 即预警）。"],
              ["COVERAGE", "nothingFound", "利息保障不足——本次检查未发现此情形。"],
            ],
            [
              ["SCORE_RISE", "score", "评分上升——风险评分为 4.00，自 2026年1月31日的审查以来未变（上升超过 1.00 分即预警）。"],
              ["NEGATIVE_NEWS", "noNews", "负面新闻——表中现已没有负面新闻日期。"],
              ["OVERDUE_90", "figure", "逾期超过 90 天——现已无逾期款项（超过 90 天即预警）。"],
            ],
            [
              [
                "OVERDUE_90",
                "nothingOverdue",
                "逾期超过 90 天——逾期金额现为 0.00，已无逾期款项（尽管最早的未结项目已逾期 120 天）。",
              ],
            ],
          ],
    );
    expect(now.changes).toMatchObject({ clearedWarnings: 7, notCheckedWarnings: 0 });
    // In the JSON each with its reason's figures: none where the reason has none.
    const json = toJson(now, lang);
    const figures = (id: string) =>
      json.changes!.customers.find((c) => c.id === id)!.clearedWarnings.map((w) => [w.code, w.reason, w.figures]);
    // The Z-score as the customer's own in the JSON: 1.25 shown.
    const z = json.customers.find((c) => c.id === "K011")!.zScore!;
    expect(z).toBeCloseTo(1.25, 1);
    expect([figures("K011"), figures("L012"), figures("M013")]).toEqual([
      [
        ["Z_DISTRESS", "zone", { zScore: z, zZone: "grey" }],
        ["LEVERAGE", "figure", { value: 0.6, threshold: 0.7, format: "percent" }],
        ["COVERAGE", "nothingFound", {}],
      ],
      [
        ["SCORE_RISE", "score", { from: 4, to: 4, change: 0, threshold: 1, since: "2026-01-31" }],
        ["NEGATIVE_NEWS", "noNews", {}],
        ["OVERDUE_90", "figure", { value: 0, threshold: 90, format: "days" }],
      ],
      [["OVERDUE_90", "nothingOverdue", { overdueAmount: 0, daysPastDue: 120 }]],
    ]);
    // No line for warnings not checked when every one was.
    expect(toTable(now, lang, "out.xlsx")).not.toContain(t("changes.notCheckedWarnings"));
  });

  test("a column gone since the last review: its check's warnings are not checked, named by the column, and not cleared", () => {
    const withoutNews = march.map((l) => l.filter((_, i) => i !== NEWS));
    const { result: blind } = reviewWorkbook({ ...workbook, customers: withoutNews }, MARCH, lang);
    expect(blind.columns.skippedChecks).toContain("NEGATIVE_NEWS");
    const own = (id: string) => blind.changes!.customers.find((c) => c.id === id)!;
    expect(own("C003").clearedWarnings).toEqual([]);
    const said = t("changes.notCheckedWarning", {
      warning: warningTitle("NEGATIVE_NEWS", lang, DEFAULT_POLICY),
      why: lang === "en" ? "no Negative news date column" : "缺少“负面新闻日期”列",
    });
    for (const id of ["C003", "D004"]) {
      expect(own(id).notCheckedWarnings.map((w) => notCheckedWarningText(w, lang, DEFAULT_POLICY))).toEqual([said]);
    }
    expect(blind.changes).toMatchObject({ clearedWarnings: 4, notCheckedWarnings: 4 });
    expect(printedList(toTable(blind, lang, "out.xlsx"), t("changes.notCheckedWarnings"), lang).count).toBe("4");
  });
});

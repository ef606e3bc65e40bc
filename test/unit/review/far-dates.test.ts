/**
 * A date the review reads more than a century from the review date is a number that is no date
 * (days past due, payment terms, days since the news) read as a day of 1900: a ledger row with
 * one is a bad row of its customer's, never aged 91+ toward legal action; a ledger with no due
 * date within a century is not used, said once for the sheet; a negative news date is a bad cell.
 * The boundary is CREDIT.AGING's: a century to the day (36,525 days) is still a date.
 */
import { CellValue, CENTURY_DAYS } from "../../../src/engine/cells";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { ledgerNoticeText, problemText } from "../../../src/engine/review/texts";
import { toJson, toTable } from "../../../src/cli/report";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-11-30");
const LEDGER_HEADER = ["Customer ID", "Invoice", "Due date", "Amount", "Paid"];
const SHEET = customerSheet(
  ["Outstanding balance", "Days past due"],
  [
    { id: "C001", extra: [1000, 0] },
    { id: "C002", extra: [500, 12] },
  ],
);

const review = (ledger: CellValue[][], values = SHEET) =>
  runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY, ledger: { sheetName: "Ledger", values: ledger } });
const notes = (c: { notes: readonly Parameters<typeof problemText>[0][] }, lang: "en" | "zh" = "en") =>
  c.notes.map((n) => problemText(n, lang, DEFAULT_POLICY));

/** C001's invoices are dated; C002's second invoice has `due` for its due date. */
const ledgerWith = (due: CellValue): CellValue[][] => [
  LEDGER_HEADER,
  ["C001", "INV-1", asOf - 10, 1000, 0],
  ["C002", "INV-2", asOf - 5, 300, 0],
  ["C002", "INV-3", due, 200, 0],
];

describe("a ledger row whose due date is more than a century from the review date", () => {
  test("a number of days as the due date is a bad row of its customer's, naming the cell, what it holds, the date it reads as and why; in both languages", () => {
    const result = review(ledgerWith(45));
    const [dated, days] = result.customers;
    expect(notes(days)).toEqual([
      'sheet Ledger, row 4, column C (Due date): overdue figures and Overdue over 90 days check not computed: "45" reads as the date 1900-02-14, more than a century from the review date (2026-11-30): the cell must hold a date, not a number of days or a year',
    ]);
    expect(notes(days, "zh")).toEqual([
      "工作表“Ledger”第 4 行 C 列（Due date）：逾期数据、逾期超过 90 天检查未计算：“45”被读作日期 1900年2月14日，与审查日期（2026年11月30日）相距超过一百年：此单元格必须是日期，而不是天数或年份",
    ]);
    // Not aged: no 91+ amount, no days past due, no overdue warning nor legal action.
    expect(days).toMatchObject({ aging: undefined, overdueAmount: undefined, daysPastDue: undefined, findings: [] });
    expect(days.actions.map((a) => a.code)).not.toContain("LEGAL_ACTION");
    // The other customer's invoices, and the ledger itself, stand.
    expect(notes(dated)).toEqual([]);
    expect(dated).toMatchObject({ aging: [0, 1000, 0, 0, 0], overdueAmount: 1000, daysPastDue: 10 });
    expect(result.ledgerSheet).toBe("Ledger");
    expect(result.ledgerNotices).toEqual([]);
  });

  test("the value is quoted as the cell holds it: a text count of days, a fraction", () => {
    expect(notes(review(ledgerWith("30")).customers[1])[0]).toContain('"30" reads as the date 1900-01-30');
    expect(notes(review(ledgerWith(60.5)).customers[1])[0]).toContain('"60.5" reads as the date 1900-02-29');
  });

  test("a normal ledger is aged as before: no note, no notice", () => {
    const result = review(ledgerWith(asOf - 95));
    expect(result.customers.map((c) => notes(c))).toEqual([[], []]);
    expect(result.customers[1]).toMatchObject({ aging: [0, 300, 0, 0, 200], overdueAmount: 500, daysPastDue: 95 });
    expect(result.customers[1].findings.map((f) => f.code)).toEqual(["OVERDUE_90"]);
    expect(result.ledgerNotices).toEqual([]);
  });

  // CREDIT.AGING's boundary (test/cases/functions/aging.json): a century to the day is aged, a day more is refused.
  test.each([
    ["a century before the review date is aged 91+", -CENTURY_DAYS, [0, 300, 0, 0, 200], 36_525],
    ["a century after the review date is aged Current", CENTURY_DAYS, [200, 300, 0, 0, 0], 5],
  ] as const)("%s; a day more is refused", (_name, offset, buckets, days) => {
    const exact = review(ledgerWith(asOf + offset)).customers[1];
    expect(notes(exact)).toEqual([]);
    expect(exact).toMatchObject({ aging: buckets, daysPastDue: days });
    const beyond = review(ledgerWith(asOf + offset + Math.sign(offset))).customers[1];
    expect(beyond.aging).toBeUndefined();
    expect(notes(beyond)).toHaveLength(1);
    expect(notes(beyond)[0]).toContain("more than a century from the review date (2026-11-30)");
  });

  test("a credit note's due date is held to the same rule, as CREDIT.AGING holds it", () => {
    const ledger = [...ledgerWith(asOf - 100), ["C002", "CN-1", 30, -100, 0]];
    const [, credited] = review(ledger).customers;
    expect(credited.aging).toBeUndefined();
    expect(notes(credited)[0]).toMatch(/^sheet Ledger, row 5, column C \(Due date\): .*"30" reads as the date 1900-01-30/);
  });
});

describe("a ledger with no due date within a century of the review date", () => {
  const DAYS_LEDGER: CellValue[][] = [
    LEDGER_HEADER,
    ["C001", "INV-1", 45, 1000, 0],
    ["C002", "INV-2", "12", 300, 0],
    ["C002", "INV-3", null, -50, 0], // a credit note needs no date
    ["C002", "INV-4", 95, 200, 0],
  ];
  const result = review(DAYS_LEDGER);
  const notice = {
    kind: "daysForDueDates",
    sheet: "Ledger",
    row: 2,
    column: "C (Due date)",
    value: "45",
    date: serial("1900-02-14"),
    far: 3,
    notDates: 0,
  };

  test("is not used: said once for the sheet, naming the column, the first cell, what it holds and the date it reads as", () => {
    expect(result.ledgerNotices).toEqual([notice]);
    expect(ledgerNoticeText(result.ledgerNotices[0], "en")).toBe(
      'Sheet "Ledger" was not used as the invoice ledger: every due date in its column C (Due date) is more than a century from the review date, so that column holds numbers of days, not dates: row 2 holds "45", read as 1900-02-14 (overdue figures come from the customer sheet, if it has them)',
    );
    expect(ledgerNoticeText(result.ledgerNotices[0], "zh")).toBe(
      "工作表“Ledger”未作为发票明细账使用：其 C 列（Due date）中的每个到期日都与审查日期相距超过一百年，该列是天数而不是日期：第 2 行为“45”，读作 1900年2月14日（逾期数据取自客户表中的逾期列，如有）",
    );
    expect(result.ledgerSheet).toBeUndefined();
  });

  test("no customer carries it as a note: the overdue figures come from the customer sheet's own column", () => {
    expect(result.customers.map((c) => notes(c))).toEqual([[], []]);
    expect(result.customers.map((c) => [c.aging, c.daysPastDue])).toEqual([
      [undefined, 0],
      [undefined, 12],
    ]);
    expect(result.layout.agingColumns).toEqual([]);
  });

  test("without overdue columns on the customer sheet, the overdue checks are not run, said once for the sheet", () => {
    const bare = review(DAYS_LEDGER, customerSheet(["Outstanding balance"], [{ id: "C001", extra: [1000] }]));
    expect(bare.columns.skippedChecks).toEqual(expect.arrayContaining(["OVERDUE_90", "OVERDUE_SHARE"]));
    expect(bare.customers[0]).toMatchObject({ overdueAmount: undefined, daysPastDue: undefined, findings: [] });
    expect(notes(bare.customers[0])).toEqual([]);
  });

  test("the printed report and --json carry the notice, its date as every date of the JSON", () => {
    const text = ledgerNoticeText(result.ledgerNotices[0], "en");
    expect(toTable(result, "en", "out.xlsx").split("\n")).toContain(text);
    expect(toJson(result, "en").ledgerNotices).toEqual([{ ...notice, date: "1900-02-14", text }]);
    expect(toJson(result, "zh").ledgerNotices[0].text).toBe(ledgerNoticeText(result.ledgerNotices[0], "zh"));
  });

  test("due dates that are no date at all beside the far ones: the notice counts each rather than call every due date far, in both languages", () => {
    const unread = review([...DAYS_LEDGER, ["C001", "INV-5", "next week", 100, 0], ["C002", "INV-6", null, 80, 0]]);
    expect(unread.ledgerNotices).toEqual([{ ...notice, far: 3, notDates: 2 }]);
    expect(ledgerNoticeText(unread.ledgerNotices[0], "en")).toBe(
      'Sheet "Ledger" was not used as the invoice ledger: no due date in its column C (Due date) is a date within a century of the review date (3 are more than a century from it, 2 are not dates), so that column holds numbers of days, not dates: row 2 holds "45", read as 1900-02-14 (overdue figures come from the customer sheet, if it has them)',
    );
    expect(ledgerNoticeText(unread.ledgerNotices[0], "zh")).toBe(
      "工作表“Ledger”未作为发票明细账使用：其 C 列（Due date）中没有一个到期日是与审查日期相距一百年以内的日期（3 个相距超过一百年，2 个不是日期），该列是天数而不是日期：第 2 行为“45”，读作 1900年2月14日（逾期数据取自客户表中的逾期列，如有）",
    );
    // One unreadable beside one far: each counted in the singular.
    const one = review([LEDGER_HEADER, ["C001", "INV-1", 45, 1000, 0], ["C002", "INV-2", "soon", 300, 0]]);
    expect(ledgerNoticeText(one.ledgerNotices[0], "en")).toContain("(1 is more than a century from it, 1 is not a date)");
  });

  test("one due date within a century keeps the ledger: the others are its customers' bad rows", () => {
    const mixed = review([...DAYS_LEDGER, ["C001", "INV-5", asOf - 20, 100, 0]]);
    expect(mixed.ledgerNotices).toEqual([]);
    expect(mixed.ledgerSheet).toBe("Ledger");
    const onLedger = (c: (typeof mixed.customers)[number]) => notes(c).filter((n) => n.startsWith("sheet Ledger"));
    expect(mixed.customers.map(onLedger).map((found) => found.map((n) => n.slice(0, 45)))).toEqual([
      ["sheet Ledger, row 2, column C (Due date): ove"],
      ["sheet Ledger, row 3, column C (Due date): ove"],
    ]);
  });
});

describe("a negative news date more than a century from the review date", () => {
  const withNews = (news: CellValue) =>
    runReview({
      sheetName: "Customers",
      values: customerSheet(["Negative news date"], [{ factors: [4, 4, 4, 4, 4], extra: [news] }]),
      asOf,
      policy: DEFAULT_POLICY,
    }).customers[0];

  test("days since the news in the date column is a bad cell switching off the news check, in both languages", () => {
    const c = withNews(12);
    expect(notes(c)).toEqual([
      'row 2, column H (Negative news date): Negative news check not computed: "12" reads as the date 1900-01-12, more than a century from the review date (2026-11-30): the cell must hold a date, not a number of days or a year',
    ]);
    expect(notes(c, "zh")).toEqual([
      "第 2 行 H 列（Negative news date）：负面新闻检查未计算：“12”被读作日期 1900年1月12日，与审查日期（2026年11月30日）相距超过一百年：此单元格必须是日期，而不是天数或年份",
    ]);
    expect(c.negativeNewsDate).toBeUndefined();
    expect(c.grade).toBe("high");
  });

  test.each([
    ["a century before is old news, not noted", asOf - CENTURY_DAYS, 0],
    ["a day more before is refused", asOf - CENTURY_DAYS - 1, 1],
  ] as const)("%s", (_name, news, noted) => {
    expect(notes(withNews(news))).toHaveLength(noted);
  });

  test("a century after is news after the review date; a day more is refused as no date, not as later news", () => {
    expect(notes(withNews(asOf + CENTURY_DAYS))[0]).toContain("the negative news is dated 2126-12-01, after the review date");
    const beyond = notes(withNews(asOf + CENTURY_DAYS + 1));
    expect(beyond).toHaveLength(1);
    expect(beyond[0]).toContain('"82882" reads as the date 2126-12-02, more than a century from the review date');
  });

  test("a recent news date still raises the warning", () => {
    expect(withNews(asOf - 3).findings.map((f) => f.code)).toEqual(["NEGATIVE_NEWS"]);
  });
});

/**
 * The archive's customer-sheet and unit columns: two customer sheets of one workbook reviewed
 * the same day keep each other's rows, each compares only with its own history, and a sheet
 * whose amounts' unit changed between reviews is compared in one unit (or, in another
 * currency, not compared, and said so).
 */
import { toJson, toTable } from "../../../src/cli/report";
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { ARCHIVE_FIELDS, readArchive } from "../../../src/engine/review/archive";
import { CustomerChange } from "../../../src/engine/review/changes";
import { ReviewResult } from "../../../src/engine/review/review";
import { changesTitle, customerChangeLines, unitChangeText } from "../../../src/engine/review/texts";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { reviewWorkbook } from "../../support/review-cycle";
import { FACTOR_HEADERS, Grid, serial } from "../../support/review-grid";
import { summaryLineRows } from "../../../src/engine/review/summary-sheet";

const OCT = serial("2026-10-31");
const NOV = serial("2026-11-30");
const five = (x: number) => [x, x, x, x, x];

/** A customer sheet with its amounts stated in `unit` in the headers' brackets. */
function sheet(unit: string, rows: [id: string, name: string, factor: number, limit: number, balance: number][]): Grid {
  const header = ["Customer ID", "Customer", ...FACTOR_HEADERS, `Credit limit (${unit})`, `Outstanding balance (${unit})`];
  return [header, ...rows.map(([id, name, factor, limit, balance]) => [id, name, ...five(factor), limit, balance])];
}

// C001 is on both sheets (one customer buying from both desks): each sheet's history is its own.
const DOMESTIC = sheet("元", [
  ["C001", "Alpha", 1.5, 1_000_000, 400_000],
  ["C002", "Beta", 3, 500_000, 200_000],
  ["C003", "Gamma", 2, 200_000, 100_000],
]);
const EXPORT = sheet("USD", [
  ["C001", "Alpha Export", 4, 100_000, 50_000],
  ["E002", "Delta", 2, 80_000, 10_000],
]);

interface Book {
  readonly sheets: Readonly<Record<string, Grid>>;
  readonly archive?: Grid;
  readonly policyHistory?: Grid;
}

/** One review of one of the book's sheets, as a front end runs it: the book after its write. */
function review(
  book: Book,
  name: string,
  asOf: number,
  lang: Lang = "en",
  reviewedAs = name,
): { result: ReviewResult; book: Book } {
  const { result, workbook } = reviewWorkbook(
    { customers: book.sheets[name], archive: book.archive, policyHistory: book.policyHistory },
    asOf,
    lang,
    DEFAULT_POLICY,
    reviewedAs,
  );
  return {
    result,
    book: {
      sheets: { ...book.sheets, [name]: workbook.customers },
      archive: workbook.archive,
      policyHistory: workbook.policyHistory,
    },
  };
}

const SHEET_AT = 21;
const UNIT_AT = 22;
/** The archive's rows as [date, sheet, id, score, unit]. */
const rowsOf = (archive: Grid | undefined) =>
  (archive ?? []).slice(1).map((line) => [line[0], line[SHEET_AT], line[2], line[9], line[UNIT_AT]]);

/** Domestic then Export reviewed on 31 October. */
function october(): Book {
  const domestic = review({ sheets: { Domestic: DOMESTIC, Export: EXPORT } }, "Domestic", OCT).book;
  return review(domestic, "Export", OCT).book;
}

const changeOf = (result: ReviewResult, id: string): CustomerChange => result.changes!.customers.find((c) => c.id === id)!;

describe("the archive's sheet and unit columns", () => {
  test.each([
    ["en", ["Customer sheet", "Amounts in"]],
    ["zh", ["客户工作表", "金额单位"]],
  ] as const)("headed in the review's language (%s), last, and read back", (lang, headers) => {
    const { book } = review({ sheets: { Domestic: DOMESTIC } }, "Domestic", OCT, lang);
    const archive = book.archive!;
    expect(archive[0]).toHaveLength(ARCHIVE_FIELDS.length);
    expect(archive[0].slice(SHEET_AT, UNIT_AT + 1)).toEqual(headers);
    expect(archive.slice(1).map((line) => line.slice(SHEET_AT, UNIT_AT + 1))).toEqual(Array(3).fill(["Domestic", "元"]));
    const contents = readArchive(archive)!;
    expect(contents.current).toBe(true);
    expect(contents.entries.map((e) => [e.sheet, e.unit?.label, e.unit?.factor, e.unit?.currency])).toEqual(
      Array(3).fill(["Domestic", "元", 1, "CNY"]),
    );
  });

  test("a sheet stating no unit leaves the unit blank", () => {
    const plain = DOMESTIC.map((line, i) => (i === 0 ? line.map((h) => String(h).replace(" (元)", "")) : line));
    const { book } = review({ sheets: { Customers: plain } }, "Customers", OCT);
    expect(rowsOf(book.archive).map((r) => r[4])).toEqual([null, null, null]);
  });

  test("two sheets reviewed the same day keep each other's rows", () => {
    const book = october();
    expect(rowsOf(book.archive)).toEqual([
      [OCT, "Domestic", "C001", 1.5, "元"],
      [OCT, "Domestic", "C002", 3, "元"],
      [OCT, "Domestic", "C003", 2, "元"],
      [OCT, "Export", "C001", 4, "USD"],
      [OCT, "Export", "E002", 2, "USD"],
    ]);
  });

  test("a re-run of one sheet replaces only its own rows of the day, its deleted customer's too, where they were", () => {
    const book = october();
    // Gamma deleted, Alpha's scores changed, and the sheet re-run the same day.
    const edited = DOMESTIC.filter((line) => line[0] !== "C003").map((line) =>
      line[0] === "C001" ? ["C001", "Alpha", ...five(2.5), 1_000_000, 400_000] : line,
    );
    const rerun = review({ ...book, sheets: { ...book.sheets, Domestic: edited } }, "Domestic", OCT);
    // A re-run is no review of its own: nothing earlier of its sheet to compare with, Export's rows neither.
    expect(rerun.result.changes?.previousReview).toBeUndefined();
    expect(rerun.result.customers[0].previousScore).toBeUndefined();
    expect(rowsOf(rerun.book.archive)).toEqual([
      [OCT, "Domestic", "C001", 2.5, "元"],
      [OCT, "Domestic", "C002", 3, "元"],
      [OCT, "Export", "C001", 4, "USD"],
      [OCT, "Export", "E002", 2, "USD"],
    ]);
    // The other sheet re-run in turn: the Domestic rows stay as they are.
    const again = review(rerun.book, "Export", OCT);
    expect(again.book.archive).toEqual(rerun.book.archive);
  });

  test("sheet names compare as Excel's do, without case; a row naming no sheet is the sheet's whose customers it holds", () => {
    const book = october();
    const archive = book.archive!.map((line, i) =>
      i === 0 ? line : line[SHEET_AT] === "Domestic" ? Object.assign([...line], { [SHEET_AT]: "DOMESTIC" }) : line,
    );
    // Gamma's row names no sheet (an archive from before the column): its customer is on Domestic, not on Export.
    archive[3][SHEET_AT] = null;
    const rerun = review({ ...book, archive }, "Domestic", OCT);
    expect(rowsOf(rerun.book.archive).map((r) => [r[1], r[2]])).toEqual([
      ["Domestic", "C001"],
      ["Domestic", "C002"],
      ["Domestic", "C003"],
      ["Export", "C001"],
      ["Export", "E002"],
    ]);
    const next = review({ ...book, archive }, "Export", NOV).result;
    expect(next.changes!.gone).toEqual([]);
  });

  test("the next review of each sheet compares with that sheet's last review only", () => {
    const book = october();
    const domestic = review(book, "Domestic", NOV);
    const d = domestic.result;
    expect(d.changes!.previousReview).toBe(OCT);
    // Alpha's previous score is the Domestic 1.5, not Export's 4 for the same id the same day.
    expect(d.customers.map((c) => c.previousScore)).toEqual([1.5, 3, 2]);
    expect(changeOf(d, "C001").scoreChange).toBe(0);
    expect(changeOf(d, "C001").previousLimit).toBe(1_000_000);
    // Export's customers are neither gone from nor added to the Domestic sheet.
    expect(d.changes!.gone).toEqual([]);
    expect(d.changes!.added).toEqual([]);
    // The trend's October point is the Domestic review's: 3 customers, 700,000 of balances.
    expect(d.trend.map((p) => [p.date, p.customers, p.exposure])).toEqual([
      [OCT, 3, 700_000],
      [NOV, 3, 700_000],
    ]);

    // Export a month on, its Alpha worse: SCORE_RISE against Export's own 4, not Domestic's 1.5.
    const worse = EXPORT.map((line) => (line[0] === "C001" ? ["C001", "Alpha Export", ...five(5), 100_000, 50_000] : line));
    const exported = review({ ...domestic.book, sheets: { ...domestic.book.sheets, Export: worse } }, "Export", NOV).result;
    expect(exported.customers.map((c) => c.previousScore)).toEqual([4, 2]);
    expect(exported.customers[0].findings.map((f) => f.code)).not.toContain("SCORE_RISE");
    expect(exported.changes!.gone).toEqual([]);
    expect(exported.trend.map((p) => [p.date, p.customers, p.exposure])).toEqual([
      [OCT, 2, 60_000],
      [NOV, 2, 60_000],
    ]);
  });

  test("typed-over asks what the sheet's own reviews wrote: another sheet's value for the same id is typed over", () => {
    const book = october();
    const domestic = book.sheets.Domestic;
    const limitColumn = domestic[0].indexOf("Recommended limit");
    const exportLimit = book.sheets.Export[1][book.sheets.Export[0].indexOf("Recommended limit")];
    expect(exportLimit).not.toBe(domestic[1][limitColumn]);
    const edited = domestic.map((line, i) => (i === 1 ? Object.assign([...line], { [limitColumn]: exportLimit }) : line));
    const over = review({ ...book, sheets: { ...book.sheets, Domestic: edited } }, "Domestic", NOV).result.typedOver!;
    expect(over.cells.map((c) => [c.customer, c.typed, c.written])).toEqual([["Alpha", exportLimit, 1_000_000]]);
  });

  test("a renamed sheet starts a history of its own, and what changed says how to carry the old one over", () => {
    const book = october();
    const renamed = review({ ...book, sheets: { ...book.sheets, "Domestic 2027": DOMESTIC } }, "Domestic 2027", NOV);
    expect(renamed.result.changes!.previousReview).toBeUndefined();
    expect(renamed.result.changes!.otherSheets).toEqual(["Domestic", "Export"]);
    expect(changesTitle(renamed.result.changes!, "en")).toBe(
      "No earlier review of this sheet in the archive to compare with (it holds reviews of Domestic, Export; " +
        "to carry a renamed sheet's history over, type its new name over the old one in the archive's Customer sheet column)",
    );
    expect(changesTitle(renamed.result.changes!, "zh")).toBe(
      "审查档案中没有本工作表可比较的上次审查（审查档案中有Domestic、Export的审查；若工作表已改名，在审查档案的“客户工作表”列中把旧名改为新名即可接续历史）",
    );
    // A sheet with a history of its own is not told of the others.
    expect(review(book, "Domestic", NOV).result.changes!.otherSheets).toBeUndefined();
    expect(renamed.result.trend).toHaveLength(1);
    expect(rowsOf(renamed.book.archive).filter((r) => r[1] === "Domestic 2027")).toHaveLength(3);
  });
});

describe("an archive in the previous layout (no sheet, no unit)", () => {
  /** The October Domestic archive as the previous layout wrote it: its first 21 columns. */
  const previous = () =>
    october()
      .archive!.filter((line, i) => i === 0 || line[SHEET_AT] === "Domestic")
      .map((l) => l.slice(0, 21));

  test("is read as the history of the sheet holding most of its customers, in this review's unit, and rewritten naming it", () => {
    const archive = previous();
    const contents = readArchive(archive)!;
    expect(contents.current).toBe(false);
    expect(contents.entries.map((e) => [e.sheet, e.unit])).toEqual(Array(3).fill(["", undefined]));
    // Read by a sheet of another name holding two of its three customers, in 万元: its rows are that
    // sheet's (and say so once written back), their figures taken as they stand.
    const wan = sheet("万元", [
      ["C001", "Alpha", 1.5, 100, 40],
      ["C002", "Beta", 3, 50, 20],
    ]);
    const next = review({ sheets: { Branch: wan }, archive }, "Branch", NOV);
    expect(next.result.customers[0].previousScore).toBe(1.5);
    expect(next.result.changes!.units).toBeUndefined();
    expect(changeOf(next.result, "C001").previousLimit).toBe(1_000_000);
    const written = next.book.archive!;
    expect(written[0]).toHaveLength(ARCHIVE_FIELDS.length);
    expect(written[0].slice(SHEET_AT, UNIT_AT + 1)).toEqual(["Customer sheet", "Amounts in"]);
    expect(rowsOf(written)).toEqual([
      [OCT, "Branch", "C001", 1.5, null],
      [OCT, "Branch", "C002", 3, null],
      [OCT, "Branch", "C003", 2, null],
      [NOV, "Branch", "C001", 1.5, "万元"],
      [NOV, "Branch", "C002", 3, "万元"],
    ]);
  });

  test("a same-day re-run replaces its rows, as before the columns", () => {
    const archive = previous();
    const rerun = review({ sheets: { Domestic: DOMESTIC.slice(0, 3) }, archive }, "Domestic", OCT).book.archive!;
    expect(rowsOf(rerun)).toEqual([
      [OCT, "Domestic", "C001", 1.5, "元"],
      [OCT, "Domestic", "C002", 3, "元"],
    ]);
  });

  test("another sheet reviewed the same day keeps its rows: they are not its customers", () => {
    const archive = previous();
    const exported = review({ sheets: { Domestic: DOMESTIC, Export: EXPORT }, archive }, "Export", OCT).book.archive!;
    expect(rowsOf(exported)).toEqual([
      [OCT, null, "C001", 1.5, null],
      [OCT, null, "C002", 3, null],
      [OCT, null, "C003", 2, null],
      [OCT, "Export", "C001", 4, "USD"],
      [OCT, "Export", "E002", 2, "USD"],
    ]);
  });

  test("the next month each sheet compares with its own: the other sheet, sharing a customer id, is not given them", () => {
    const book = { sheets: { Domestic: DOMESTIC, Export: EXPORT }, archive: previous() };
    const domestic = review(book, "Domestic", NOV);
    expect(domestic.result.changes!.previousReview).toBe(OCT);
    expect(domestic.result.customers[0].previousScore).toBe(1.5);
    const exported = review(domestic.book, "Export", NOV).result;
    // Export's first review: nothing to compare with, no score rise of its C001 against Domestic's Alpha.
    expect(exported.changes!.previousReview).toBeUndefined();
    expect(exported.customers[0].previousScore).toBeUndefined();
    expect(exported.customers[0].findings.map((f) => f.code)).not.toContain("SCORE_RISE");
    expect(exported.trend).toHaveLength(1);
  });
});

describe("a sheet whose amounts' unit changed since its last review", () => {
  /** The Domestic sheet restated in 万元 (its amounts ÷ 10,000), the review's own columns left as October wrote them. */
  function inWan(book: Book): Grid {
    return book.sheets.Domestic.map((line, i) =>
      i === 0
        ? line.map((h) => (typeof h === "string" ? h.replace("(元)", "(万元)") : h))
        : line.map((v, c) => (c === 7 || c === 8 ? (v as number) / 10_000 : v)),
    );
  }

  test("a unit stated last time and none now: compared as they stand, and said, naming last time's unit", () => {
    const book = october();
    const unstated = book.sheets.Domestic.map((line, i) =>
      i === 0 ? line.map((h) => (typeof h === "string" ? h.replace(" (元)", "") : h)) : line,
    );
    const r = review({ ...book, sheets: { ...book.sheets, Domestic: unstated } }, "Domestic", NOV).result;
    expect(r.amountUnits.unit).toBeUndefined();
    expect(r.changes!.units).toEqual({ from: "元", to: "", compared: true });
    expect(changeOf(r, "C001")).toMatchObject({ previousLimit: 1_000_000, limitChange: 0 });
    expect(unitChangeText(r.changes!.units!, "en")).toBe(
      "the last review's in 元; this sheet states no unit, so they are compared as they stand",
    );
    expect(unitChangeText(r.changes!.units!, "zh")).toBe("上次审查以元计；本表未注明单位，按原数比较");
  });

  test("元 → 万元: limits and balances converted, no limit change, nothing typed over", () => {
    const book = october();
    const values = inWan(book);
    const november = review({ ...book, sheets: { ...book.sheets, Domestic: values } }, "Domestic", NOV);
    const r = november.result;
    expect(r.amountUnits.unit?.label).toBe("万元");
    expect(r.customers[0].recommendedLimit).toBe(100);
    expect(changeOf(r, "C001")).toMatchObject({ previousLimit: 100, limitChange: 0 });
    expect(r.changes!.customers.map((c) => c.limitChange)).toEqual([0, 0, 0]);
    expect(r.changes!.units).toEqual({ from: "元", to: "万元", compared: true });
    const lines = customerChangeLines(changeOf(r, "C001"), r.customers[0], "en", DEFAULT_POLICY);
    expect(lines.join("\n")).not.toMatch(/Recommended limit/);
    expect(r.trend.map((p) => [p.exposure, p.customers])).toEqual([
      [70, 3],
      [70, 3],
    ]);
    // The limit cells still hold October's 1,100,000 元: the review's, not typed over; nor once converted by hand.
    expect(r.typedOver).toBeUndefined();
    const limitColumn = values[0].indexOf("Recommended limit");
    const converted = values.map((line, i) =>
      i === 0 ? line : Object.assign([...line], { [limitColumn]: (line[limitColumn] as number) / 10_000 }),
    );
    expect(
      review({ ...book, sheets: { ...book.sheets, Domestic: converted } }, "Domestic", NOV).result.typedOver,
    ).toBeUndefined();
    // A limit typed by hand still is, named with what the review wrote in today's unit.
    const typed = converted.map((line, i) => (i === 1 ? Object.assign([...line], { [limitColumn]: 99 }) : line));
    const over = review({ ...book, sheets: { ...book.sheets, Domestic: typed } }, "Domestic", NOV).result.typedOver!;
    expect(over.cells.map((c) => [c.customer, c.typed, c.written])).toEqual([["Alpha", 99, 100]]);
    // Each face says the last review's amounts were converted.
    expect(toTable(r, "en", "out.xlsx")).toContain("Amounts: the last review's in 元, converted to 万元 to compare");
    expect(toJson(r, "zh", "out.xlsx").changes!.units).toEqual({
      from: "元",
      to: "万元",
      compared: true,
      text: "上次审查以元计，已换算为万元后比较",
    });
    // And the archive's November rows say 万元.
    expect(
      rowsOf(november.book.archive)
        .filter((row) => row[0] === NOV)
        .map((row) => row[4]),
    ).toEqual(["万元", "万元", "万元"]);
  });

  test("USD → CNY: amounts not compared across currencies, and said so in both languages", () => {
    const book = october();
    const cny = book.sheets.Export.map((line, i) =>
      i === 0 ? line.map((h) => (typeof h === "string" ? h.replace("(USD)", "(CNY)") : h)) : line,
    );
    const r = review({ ...book, sheets: { ...book.sheets, Export: cny } }, "Export", NOV).result;
    expect(r.changes!.units).toEqual({ from: "USD", to: "CNY", compared: false });
    // Scores and grades still compare; limits do not.
    expect(r.changes!.customers.map((c) => [c.previousScore, c.previousLimit, c.limitChange])).toEqual([
      [4, undefined, undefined],
      [2, undefined, undefined],
    ]);
    const delta = changeOf(r, "E002");
    expect(customerChangeLines(delta, r.customers[1], "en", DEFAULT_POLICY)).toContain(
      "Recommended limit not compared: the last review stated it in USD, this one in CNY, another currency",
    );
    expect(customerChangeLines(delta, r.customers[1], "zh", DEFAULT_POLICY)).toContain(
      "建议额度未比较：上次审查以 USD 计，本次以 CNY 计，币种不同",
    );
    // The trend's October amounts are unknown; its counts stand.
    expect(r.trend[0]).toMatchObject({
      date: OCT,
      customers: 2,
      exposure: undefined,
      exposureAtRisk: undefined,
      overdueAmount: undefined,
    });
    expect(r.trend[1].exposure).toBe(60_000);
    const en = "not compared: the last review stated them in USD, this one in CNY, another currency (no exchange rate is known)";
    expect(toTable(r, "en", "out.xlsx")).toContain(`Amounts: ${en}`);
    expect(toJson(r, "en", "out.xlsx").changes!.units).toEqual({ from: "USD", to: "CNY", compared: false, text: en });
    const summary = (lang: Lang) =>
      buildWritePlan(r, lang, { sheetNames: [] })
        .sheets.find((s) => s.kind === "summary")!
        .blocks.flatMap((b) => b.values.flat());
    // A note beside its label, wrapped over rows, one line a row.
    expect(summary("en")).toEqual(expect.arrayContaining(summaryLineRows(en, 1)));
    expect(summary("zh")).toEqual(
      expect.arrayContaining(summaryLineRows("未比较：上次审查以 USD 计，本次以 CNY 计，币种不同（没有汇率）", 1)),
    );
    // The limit cells October wrote in USD are still the review's: not typed over.
    expect(r.typedOver).toBeUndefined();
  });
});

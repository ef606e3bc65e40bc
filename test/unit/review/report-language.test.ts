/**
 * The report reads as its reader's finance department writes: a date in a sentence in the
 * language's date form, Chinese punctuation in Chinese texts (full-width brackets, "；" between
 * problems, no space after a Chinese date), one term for the overdue amount, counts that say what
 * they count, a count of none said in words, and every reason a sentence with its full stop.
 */
import { CellValue } from "../../../src/engine/cells";
import { dateText, Lang, message, MessageKey } from "../../../src/engine/i18n";
import { en } from "../../../src/engine/i18n/en";
import { zh } from "../../../src/engine/i18n/zh";
import { reportEn } from "../../../src/engine/i18n/report-en";
import { reportZh } from "../../../src/engine/i18n/report-zh";
import { cliEn } from "../../../src/engine/i18n/cli-en";
import { cliZh } from "../../../src/engine/i18n/cli-zh";
import { uiEn } from "../../../src/engine/i18n/ui-en";
import "../../../src/engine/i18n/cli";
import "../../../src/engine/i18n/ui";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { RULES } from "../../../src/engine/review/decisions";
import { FIELD_LABELS, OUTPUT_HEADERS } from "../../../src/engine/review/fields";
import { ARCHIVE_COLUMNS } from "../../../src/engine/review/archive";
import { runReview } from "../../../src/engine/review/review";
import { issuesText, moreAtRiskText, reasonDetail } from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";
import { trendHeaders } from "../../../src/engine/review/trend";
import { buildWritePlan, ChartPlan } from "../../../src/engine/review/write-plan";
import { reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, FACTOR_HEADERS_ZH, Grid, serial } from "../../support/review-grid";
import { withPlaceholdersKept } from "../../setup/missing-params";

const ASOF = serial("2025-11-30");

/** A Chinese customer sheet: one customer with news dated after the review, one with a factor out of range. */
function chineseSheet(): Grid {
  const header: CellValue[] = ["客户编号", "客户名称", ...FACTOR_HEADERS_ZH, "信用额度", "应收账款余额", "负面新闻日期"];
  return [
    header,
    ["C001", "远航自行车", 5, 5, 5, 5, 5, 100_000, 50_000, serial("2026-11-16")],
    ["C002", "南岭影视", 2, 2, 6, 2, 2, 100_000, 50_000, null],
  ];
}

function reviewed(lang: Lang) {
  return runReview({ sheetName: "客户", values: chineseSheet(), asOf: ASOF, policy: DEFAULT_POLICY }, lang);
}

describe("a date inside a note is in the language's date form", () => {
  test.each([
    ["zh", "负面新闻日期为 2026年11月16日，晚于审查日期（2025年11月30日），因此不计入"],
    ["en", "the negative news is dated 2026-11-16, after the review date (2025-11-30), so the review does not count it"],
  ] as const)("%s", (lang, said) => {
    const c = reviewed(lang).customers[0];
    const text = issuesText(c, lang, DEFAULT_POLICY);
    expect(text).toContain(said);
  });

  test("no Chinese text the review writes holds a date as year-month-day digits", () => {
    const plan = buildWritePlan(reviewed("zh"), "zh", { sheetNames: [] });
    const texts = [...plan.target.blocks, ...plan.sheets.flatMap((s) => s.blocks)]
      .flatMap((b) => b.values.flat())
      .filter((v): v is string => typeof v === "string" && /\p{Script=Han}/u.test(v));
    expect(texts.filter((t) => /\d{4}-\d{2}-\d{2}/.test(t))).toEqual([]);
  });
});

describe("Chinese punctuation in Chinese texts", () => {
  test("a column's header stands in full-width brackets, in the message and in the summary's problem's cell", () => {
    const result = reviewed("zh");
    expect(issuesText(result.customers[1], "zh", DEFAULT_POLICY)).toBe(
      "第 3 行 E 列（行业风险）：行业风险必须介于 1 到 5 之间，实际为 6",
    );
    const summary = buildWritePlan(result, "zh", { sheetNames: [] }).sheets[0];
    const cells = summary.blocks.flatMap((b) => b.values.flat());
    // The cell to go to before what is wrong there, with the language's colon.
    expect(cells.some((v) => typeof v === "string" && v.startsWith("E3（行业风险）："))).toBe(true);
    expect(cells.filter((v) => typeof v === "string" && /[A-Z]+\d+ \(/.test(v))).toEqual([]);
  });

  test("in English the same places keep their half-width brackets", () => {
    const values = customerSheet([], [{ factors: [2, 2, 6, 2, 2] }]);
    const result = runReview({ sheetName: "Customers", values, asOf: ASOF, policy: DEFAULT_POLICY }, "en");
    expect(issuesText(result.customers[0], "en", DEFAULT_POLICY)).toBe(
      "row 2, column E (Industry risk): industry risk must be between 1 and 5, got 6",
    );
    const cells = buildWritePlan(result, "en", { sheetNames: [] }).sheets[0].blocks.flatMap((b) => b.values.flat());
    expect(cells.some((v) => typeof v === "string" && v.startsWith("E2 (Industry risk): "))).toBe(true);
  });

  test("a customer's problems are joined by the language's separator: the issues column and the archive's", () => {
    const sheet = chineseSheet();
    // Both problems on one customer: news after the review and a factor out of range.
    sheet[1][4] = 6;
    const result = runReview({ sheetName: "客户", values: sheet, asOf: ASOF, policy: DEFAULT_POLICY }, "zh");
    const text = issuesText(result.customers[0], "zh", DEFAULT_POLICY);
    expect(text).toContain("实际为 6；第 2 行 J 列（负面新闻日期）");
    expect(text).not.toContain("; ");
    const archive = buildWritePlan(result, "zh", { sheetNames: [] }).sheets.find((s) => s.kind === "archive")!;
    expect(archive.blocks.flatMap((b) => b.values.flat())).toContain(text);
    const english = runReview({ sheetName: "客户", values: sheet, asOf: ASOF, policy: DEFAULT_POLICY }, "en");
    expect(issuesText(english.customers[0], "en", DEFAULT_POLICY)).toContain("got 6; row 2, column J (负面新闻日期)");
  });

  const chineseTexts = Object.entries({ ...zh, ...reportZh, ...cliZh }) as [MessageKey, string][];

  test("no space between a Chinese date and the Chinese text after it", () => {
    const day = dateText(serial("2026-07-31"), "zh");
    // Every Chinese text with each parameter that names a date given one; the news warning's figures are dates too.
    const dates = { date: day, last: day, due: day, latest: day, since: day };
    const lookBack = message("zh", "warning.newsLookBack", { since: day });
    const dated = [
      ...withPlaceholdersKept(() => chineseTexts.map(([key]) => message("zh", key, dates))),
      message("zh", "warning.NEGATIVE_NEWS.detail", { value: day, lookBack }),
      message("zh", "changes.cleared.newsAged", { date: day, months: 1, lookBack }),
    ].filter((text) => text.includes(day));
    expect(dated.length).toBeGreaterThan(5);
    expect(dated.filter((text) => /日 \p{Script=Han}/u.test(text))).toEqual([]);
  });

  test("no half-width dash, semicolon or bracket joins Chinese words", () => {
    const ascii = chineseTexts.filter(([, text]) => / — |; |\p{Script=Han} ?\(|\) ?\p{Script=Han}/u.test(text));
    expect(ascii).toEqual([]);
  });
});

describe("one term for one thing", () => {
  test("the overdue amount is 逾期金额 wherever the Chinese report names it", () => {
    const names = [
      FIELD_LABELS.overdueAmount.zh,
      OUTPUT_HEADERS.overdueBalance.zh,
      ARCHIVE_COLUMNS.overdueAmount.header.zh,
      trendHeaders("zh")[3],
      message("zh", "summary.overdueAmount"),
    ];
    for (const name of names) expect(name).toContain("逾期金额");
    expect(JSON.stringify({ ...zh, ...reportZh, ...cliZh, headers: Object.values(OUTPUT_HEADERS) })).not.toContain("逾期余额");
  });

  test("the overdue amount is Overdue amount wherever the English report, the command line and the pane name it", () => {
    const names = [
      FIELD_LABELS.overdueAmount.en,
      OUTPUT_HEADERS.overdueBalance.en,
      ARCHIVE_COLUMNS.overdueAmount.header.en,
      message("en", "summary.overdueAmount"),
      message("en", "ui.field.overdueAmount"),
    ];
    for (const name of names) expect(name.toLowerCase()).toContain("overdue amount");
    // The review's total is not the input's header: a re-run would read its own output as input.
    expect(OUTPUT_HEADERS.overdueBalance.en).not.toBe(FIELD_LABELS.overdueAmount.en);
    const texts = JSON.stringify({ ...en, ...reportEn, ...cliEn, ...uiEn, headers: Object.values(OUTPUT_HEADERS) }).toLowerCase();
    expect(texts).not.toContain("overdue balance");
  });

  test.each([
    ["zh", "逾期金额合计", "逾期余额"],
    ["en", "Total overdue amount", "Overdue balance"],
    ["zh", "付款历史加权分", "付款历史分"],
    ["zh", "合规记录加权分", "合规记录分"],
  ] as const)(
    "a sheet reviewed when the column was headed otherwise has that column found as the review's own (%s)",
    (lang, now, before) => {
      const values = customerSheet(["Credit limit", "Outstanding balance"], [{ extra: [1_000, 500] }]);
      const first = reviewWorkbook({ customers: values }, ASOF, lang).workbook.customers;
      const header = first[0].map(String);
      const at = header.indexOf(now);
      expect(at).toBeGreaterThan(0);
      first[0][at] = before;
      const again = reviewWorkbook({ customers: first }, ASOF + 31, lang).workbook.customers;
      // Written over in place, under today's header: no second block of output columns to its right.
      expect(again[0].map(String)).toEqual(header);
    },
  );

  test.each([
    ["en", "Customers graded"],
    ["zh", "已评级客户数"],
  ] as const)("the trend counts the customers graded and says so (%s)", (lang, label) => {
    expect(trendHeaders(lang)[4]).toBe(label);
    expect(trendHeaders(lang)[4]).toBe(message(lang, "summary.customers"));
    expect(trendHeaders(lang)[4]).not.toBe(message(lang, "summary.gradeCustomers"));
  });
});

describe("counts and reasons read as sentences", () => {
  const risks = (n: number, acting: number) =>
    Array.from({ length: n }, (_, i) => ({ needsAction: i < acting })) as unknown as Parameters<
      typeof moreAtRiskText
    >[0]["topRisks"];

  test.each([
    ["zh", 2, "……另有 2 位有预警、逾期或高风险的客户，均无需采取措施，见工作表“客户”"],
    ["en", 2, "… and 2 more customers warned, overdue or high risk, none needing action — see sheet 客户"],
    ["en", 1, "… and 1 more customer warned, overdue or high risk, none needing action — see sheet 客户"],
  ] as const)("none of the customers left out needing action (%s, %i)", (lang, more, said) => {
    const p = { customersAtRisk: 10 + more, customersNeedingAction: 3, topRisks: risks(10, 3) };
    expect(moreAtRiskText(p, "客户", lang)).toBe(said);
  });

  test("some of them needing action are counted", () => {
    const p = { customersAtRisk: 12, customersNeedingAction: 4, topRisks: risks(10, 3) };
    expect(moreAtRiskText(p, "客户", "zh")).toBe("……另有 2 位有预警、逾期或高风险的客户，其中 1 位需采取措施，见工作表“客户”");
    expect(moreAtRiskText(p, "Customers", "en")).toBe(
      "… and 2 more customers warned, overdue or high risk, 1 of them needing action — see sheet Customers",
    );
  });

  test.each([
    ["zh", "逾期金额 60,000.00，付清前不提高额度。"],
    ["en", "60,000.00 is overdue: no limit raise until it is paid."],
  ] as const)("an overdue customer's reason is a sentence (%s)", (lang, said) => {
    expect(
      reasonDetail("OVERDUE", { overdueAmount: 60_000, daysPastDue: 10, findings: [] }, lang, DEFAULT_POLICY, NO_MARKS),
    ).toBe(said);
  });

  test.each(["en", "zh"] as const)("every rule's reason ends as a sentence, as a warning's does (%s)", (lang) => {
    const subjects = [
      { score: 4, balance: 1, overdueAmount: 60_000, daysPastDue: 200, findings: [] },
      { score: 4, daysPastDue: 200, findings: [] },
      { score: 4, balance: 1, overdueAmount: 60_000, daysPastDue: 200, overduePastLegalAction: 100, findings: [] },
    ];
    const texts = RULES.flatMap((rule) => subjects.map((c) => reasonDetail(rule, c, lang, DEFAULT_POLICY, NO_MARKS)));
    for (const text of texts) expect(text).toMatch(lang === "en" ? /^[A-Z\d].*\.$/ : /。$/);
    // The catalogue's own: each rule's details, in both languages.
    const keys = Object.keys(reportEn).filter((k) => /^rule\.\w+\.\w+$/.test(k)) as MessageKey[];
    expect(keys.length).toBeGreaterThan(8);
    for (const key of keys)
      expect(withPlaceholdersKept(() => [message("en", key).slice(-1), message("zh", key).slice(-1)])).toEqual([".", "。"]);
  });
});

describe("the trend chart's axis", () => {
  const sheet = customerSheet(["Credit limit", "Outstanding balance"], [{ extra: [1_000, 500] }]);
  const chartAfter = (dates: readonly string[], lang: Lang): ChartPlan => {
    let workbook = { customers: sheet } as Parameters<typeof reviewWorkbook>[0];
    let result!: ReturnType<typeof reviewWorkbook>["result"];
    for (const date of dates) ({ result, workbook } = reviewWorkbook(workbook, serial(date), lang));
    return buildWritePlan(result, lang, { sheetNames: [] }).sheets[0].charts!.find((c) => c.kind === "line")!;
  };

  test.each(["en", "zh"] as const)("monthly reviews are labelled by their month, short enough for one line (%s)", (lang) => {
    expect(chartAfter(["2026-09-30", "2026-10-31", "2026-11-30"], lang).categoryFormat).toBe("month");
  });

  test("two reviews in one month keep their dates, which tell them apart", () => {
    expect(chartAfter(["2026-11-01", "2026-11-30"], "zh").categoryFormat).toBe("date");
  });

  test("the exposure at risk is read off a value axis from 0, labelled in amounts and gridded: a small fall looks small", () => {
    const chart = chartAfter(["2026-10-31", "2026-11-30"], "en");
    expect(chart.format).toBe("money");
    expect(chart.valueAxis).toEqual({ minimum: 0, labels: true, gridlines: true });
  });
});

/**
 * The review's own columns are told by column, on a header row the review wrote (three or more
 * of its output headers): a header it once wrote over its own total ("Overdue balance", 逾期余额)
 * is the user's overdue amount on a sheet it never reviewed, and its own column on one it did.
 */
import { CellValue } from "../../../src/engine/cells";
import { mappingUse } from "../../../src/engine/review/column-mapping";
import { earlierReviewLang, reviewOwnColumns } from "../../../src/engine/review/columns";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { reviewWorkbook } from "../../support/review-cycle";
import { FACTOR_HEADERS, FACTOR_HEADERS_ZH, serial } from "../../support/review-grid";

const ASOF = serial("2026-11-30");

const HEADERS = {
  en: ["Customer ID", "Customer", ...FACTOR_HEADERS, "Credit limit", "Outstanding balance", "Overdue balance", "Days past due"],
  zh: ["客户编号", "客户名称", ...FACTOR_HEADERS_ZH, "信用额度", "应收账款余额", "逾期余额", "逾期天数"],
} as const;

/** One customer owing 50,000 of which 30,000 is 120 days overdue, and one with nothing overdue. */
function sheet(lang: "en" | "zh"): CellValue[][] {
  return [
    [...HEADERS[lang]],
    ["C1", "Late Co", 2, 2, 2, 2, 2, 100_000, 50_000, 30_000, 120],
    ["C2", "Prompt Co", 2, 2, 2, 2, 2, 100_000, 20_000, 0, 0],
  ];
}

describe.each(["en", "zh"] as const)("a sheet the review never wrote (%s)", (lang) => {
  const header = HEADERS[lang][9];

  test(`"${header}" is the user's overdue amount: read, warned about and counted`, () => {
    const result = runReview({ sheetName: "Customers", values: sheet(lang), asOf: ASOF, policy: DEFAULT_POLICY }, lang);
    expect(result.columns.found.find((f) => f.field === "overdueAmount")).toEqual({
      field: "overdueAmount",
      column: "J",
      header,
    });
    expect(result.columns.unknown).toEqual([]);
    expect(result.columns.skippedChecks).not.toContain("OVERDUE_SHARE");
    const late = result.customers[0];
    expect(late.overdueAmount).toBe(30_000);
    expect(late.daysPastDue).toBe(120);
    expect(late.findings.map((f) => f.code)).toContain("OVERDUE_90");
    expect(result.portfolio.overdueAmount).toBe(30_000);
  });

  test("the review writes its own columns right of the user's, and a re-run still reads the user's", () => {
    const first = reviewWorkbook({ customers: sheet(lang) }, ASOF, lang);
    const written = first.workbook.customers[0].map(String);
    expect(written.slice(0, 11)).toEqual(HEADERS[lang]);
    expect(written.length).toBeGreaterThan(11);
    const again = reviewWorkbook(first.workbook, ASOF + 31, lang);
    expect(again.result.columns.found.find((f) => f.field === "overdueAmount")?.column).toBe("J");
    expect(again.result.customers[0].overdueAmount).toBe(30_000);
    // Written over in place: no second block of output columns.
    expect(again.workbook.customers[0].map(String)).toEqual(written);
  });
});

describe.each([
  ["en", "Total overdue amount", "Overdue balance"],
  ["zh", "逾期金额合计", "逾期余额"],
] as const)("a sheet the review wrote (%s)", (lang, now, before) => {
  const plain = (): CellValue[][] => sheet(lang).map((line) => [...line.slice(0, 9)]);

  test(`its own "${before}" column (an earlier run's header) is its own, never read as the overdue amount`, () => {
    const first = reviewWorkbook({ customers: plain() }, ASOF, lang).workbook.customers;
    const at = first[0].map(String).indexOf(now);
    expect(at).toBeGreaterThan(8);
    first[0][at] = before;
    // A figure an earlier review wrote in its own column, not the user's.
    first[1][at] = 45_000;
    const again = reviewWorkbook({ customers: first }, ASOF + 31, lang);
    expect(again.result.columns.found.map((f) => f.field)).not.toContain("overdueAmount");
    expect(again.result.columns.unknown).toEqual([]);
    expect(again.result.customers[0].overdueAmount).toBeUndefined();
    expect(again.result.columns.skippedChecks).toContain("OVERDUE_SHARE");
    // Written over in place under today's header.
    expect(again.workbook.customers[0][at]).toBe(now);
  });
});

describe("reviewOwnColumns", () => {
  test("fewer than three of the review's headers on a row are the user's columns", () => {
    expect([...reviewOwnColumns(["Customer", "Warnings", "Overdue balance"]).all]).toEqual([]);
    expect([...reviewOwnColumns(["Customer", "Risk score", "Risk grade"]).all]).toEqual([]);
  });

  test("three or more are the review's: the rightmost of each, and its aging columns", () => {
    const row = [
      "Customer",
      "Warnings",
      "Overdue balance",
      "Risk score",
      "Risk grade",
      "Aging: 1–30",
      "Total overdue amount",
      "Note",
    ];
    const own = reviewOwnColumns(row);
    expect(own.fields).toEqual({ warnings: 1, score: 3, grade: 4, overdueBalance: 6 });
    expect(own.aging).toEqual([5]);
    expect([...own.all].sort()).toEqual([1, 3, 4, 5, 6]);
  });

  test("a user's column left of the review's, under a header the review once wrote, is the user's", () => {
    const values: CellValue[][] = [
      [...HEADERS.en, "Risk score", "Risk grade", "Warnings", "Total overdue amount"],
      ["C1", "Late Co", 2, 2, 2, 2, 2, 100_000, 50_000, 30_000, 120, 2, "Low", "", 0],
    ];
    const result = runReview({ sheetName: "Customers", values, asOf: ASOF, policy: DEFAULT_POLICY });
    expect(result.columns.found.find((f) => f.field === "overdueAmount")?.header).toBe("Overdue balance");
    expect(result.customers[0].overdueAmount).toBe(30_000);
    expect(result.layout.outputColumns.overdueBalance).toBe(14);
  });

  test("a header mapped by hand onto a lone column headed as one of the review's is read; on a reviewed row it is not", () => {
    const values = (extra: string[]): CellValue[][] => [
      ["Customer ID", "Customer", ...FACTOR_HEADERS, "Risk score", ...extra],
      ["C1", "A", 2, 2, 2, 2, 2, 3.1, ...extra.map(() => null)],
    ];
    const mapping = { "Risk score": "previousScore" } as const;
    const lone = runReview({ sheetName: "S", values: values([]), asOf: ASOF, policy: DEFAULT_POLICY, mapping });
    expect(lone.customers[0].previousScore).toBe(3.1);
    expect(mappingUse(mapping, lone.columns, values([])[0]).used).toEqual([
      { header: "Risk score", field: "previousScore", column: "H" },
    ]);
    const reviewed = values(["Risk grade", "Warnings"]);
    const ours = runReview({ sheetName: "S", values: reviewed, asOf: ASOF, policy: DEFAULT_POLICY, mapping });
    expect(ours.columns.found.map((f) => f.field)).not.toContain("previousScore");
    expect(mappingUse(mapping, ours.columns, reviewed[0]).unused).toEqual([
      { header: "Risk score", field: "previousScore", reason: "reviewColumn" },
    ]);
  });
});

describe("earlierReviewLang", () => {
  test("a sheet reviewed before says the language its review's headers are in", () => {
    for (const lang of ["en", "zh"] as const) {
      const reviewed = reviewWorkbook({ customers: sheet(lang) }, ASOF, lang).workbook.customers;
      // Whatever language the sheet's own headers are in: the review's columns decide.
      expect(earlierReviewLang(reviewed)).toBe(lang);
      const other = lang === "en" ? "zh" : "en";
      const mixed = [[...HEADERS[other], ...reviewed[0].slice(HEADERS[lang].length)], ...reviewed.slice(1)];
      expect(earlierReviewLang(mixed)).toBe(lang);
    }
  });

  test("under a title, the first row holding the review's columns counts", () => {
    const reviewed = reviewWorkbook({ customers: sheet("zh") }, ASOF, "zh").workbook.customers;
    expect(earlierReviewLang([["客户信用档案"], [], ...reviewed])).toBe("zh");
  });

  test("a sheet never reviewed, fewer than three of the review's headers, or as many in each language: none", () => {
    expect(earlierReviewLang(sheet("zh"))).toBeUndefined();
    expect(earlierReviewLang([["Customer", "Risk score", "风险等级"]])).toBeUndefined();
    expect(earlierReviewLang([["Customer", "Risk score", "Risk grade", "预警", "政策建议"]])).toBeUndefined();
    expect(earlierReviewLang([["Customer", "Risk score", "Risk grade", "Warnings", "政策建议"]])).toBe("en");
    expect(earlierReviewLang([])).toBeUndefined();
  });
});

/**
 * The printed report's Columns block, after the figures: the headers not recognised, each with
 * the header it likely misspells, the repeated ones, and each check switched off with what it
 * lacks; nothing when every column was recognised and every check ran. The JSON carries the
 * suggestion on each unrecognised header.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { CellValue } from "../../../src/engine/cells";
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { customerSheet, FACTOR_HEADERS_ZH, serial, STATEMENT_HEADERS } from "../../support/review-grid";

const asOf = serial("2026-11-30");
const review = (values: CellValue[][], lang: Lang) =>
  runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }, lang);
/** The block: from its heading to the line before the next that is not indented. */
function block(table: string, heading: string): string[] {
  const lines = table.split("\n");
  const at = lines.findIndex((l) => l.startsWith(heading));
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && !l.startsWith("  "));
  return lines.slice(at, end);
}

test("English: unrecognised headers with their likely meaning, a repeated column, each check switched off with what it lacks", () => {
  const values = customerSheet(
    ["Credt limit", "Region", "Outstanding balance", "Outstanding balance"],
    [{ extra: [100, "North", 50, 60] }],
  );
  const lines = block(toTable(review(values, "en"), "en", "out.xlsx"), "Columns");
  expect(lines).toEqual([
    "Columns (header on row 1):",
    '  Not recognised: column H "Credt limit" (did you mean "Credit limit"?), column I "Region"',
    "  Repeated: column K repeats Outstanding balance (column J is read)",
    "  Not checked:",
    "    Score rose: no Previous score column or archive of earlier reviews",
    "    Many customers overdue: no Overdue amount or Days past due column or invoice ledger",
    "    Negative news: no Negative news date column",
    "    Over credit limit: no Credit limit column",
    "    Overdue over 90 days: no Days past due column or invoice ledger",
    "    Z-score in distress zone: no Current assets, Current liabilities, Retained earnings, EBIT, Equity, Total assets and Total liabilities columns",
    "    Low liquidity: no Current assets and Current liabilities columns",
    "    High leverage: no Total liabilities and Total assets columns",
    "    Weak interest coverage: no EBIT and Interest expense columns",
  ]);
});

test("Chinese: the same block in Chinese", () => {
  const values: CellValue[][] = [
    [
      "客户编号",
      "客户名称",
      ...FACTOR_HEADERS_ZH,
      "信用额读",
      "应收账款余额",
      "逾期金额",
      "逾期天数",
      "上期评分",
      "负面新闻日期",
      "地区",
    ],
    ["C1", "华东机电", 2, 2, 2, 2, 2, 100, 50, 0, 0, 2, null, "华东"],
  ];
  const lines = block(toTable(review(values, "zh"), "zh", "out.xlsx"), "列（");
  expect(lines.slice(0, 5)).toEqual([
    "列（表头在第 1 行）：",
    "  未识别的表头：H 列“信用额读”（是否想写“信用额度”？）、N 列“地区”",
    "  未检查：",
    "    超出信用额度：缺少“信用额度”列",
    "    Z 值处于困境区：缺少“流动资产”、“流动负债”、“留存收益”、“息税前利润”、“股东权益”、“资产总额”、“负债总额”列",
  ]);
});

test("nothing when every column is recognised and every check runs (no previous score to measure a rise against)", () => {
  const headers = [
    "Previous score",
    "Credit limit",
    "Outstanding balance",
    "Overdue amount",
    "Days past due",
    "Negative news date",
    ...STATEMENT_HEADERS,
    "Interest expense",
    "Sales",
    "Equity",
  ];
  const result = review(
    customerSheet(headers, [{ extra: [null, 1000, 500, 0, 0, null, 500, 250, 2000, 800, 400, 300, 50, 3000, 1200] }]),
    "en",
  );
  expect(result.columns.skippedChecks).toEqual([]);
  const table = toTable(result, "en", "out.xlsx");
  expect(block(table, "Columns")).toEqual([]);
  expect(table).not.toContain("Not recognised");
});

test("the JSON gives an unrecognised header's likely meaning, and none when it is no near miss or its field is already read", () => {
  const values = customerSheet(
    ["Credt limit", "Region", "Outstanding balance", "Outstandng balance"],
    [{ extra: [100, "North", 50, 60] }],
  );
  expect(toJson(review(values, "en"), "en").columns.unknown).toEqual([
    { column: "H", header: "Credt limit", suggestion: { field: "creditLimit", header: "Credit limit" } },
    { column: "I", header: "Region" },
    { column: "K", header: "Outstandng balance" },
  ]);
});

test.each(["序号", "行号", "Contact person", "Notes", "地址"])("%s is not taken for a misspelling of a header", (header) => {
  const values = customerSheet([header], [{ extra: ["x"] }]);
  const unknown = review(values, "en").columns.unknown;
  expect(unknown.filter((u) => u.suggestion)).toEqual([]);
});

/**
 * A whole review of a sheet kept in Traditional characters, as a team in Taiwan or Hong Kong
 * keeps one: its headers, its unit line, its totals row and its invoice ledger are read as their
 * Simplified forms would be; and a sheet reviewed before, whose headers (the review's own too)
 * and archive were then converted to Traditional characters, is reviewed again in place.
 */
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { readArchive } from "../../../src/engine/review/archive";
import { runReview } from "../../../src/engine/review/review";
import { CycleWorkbook, editRows, reviewWorkbook } from "../../support/review-cycle";
import { Grid, serial } from "../../support/review-grid";
import { traditional } from "../../support/traditional";

const asOf = serial("2026-03-31");

const HEADER = [
  "客戶編號",
  "客戶名稱",
  "付款歷史",
  "合同履行情況",
  "行業風險",
  "市場口碑",
  "合規記錄",
  "信用額度",
  "應收帳款餘額",
  "逾期天數",
  "負面新聞日期",
  "已採取措施",
];

/** Amounts in 萬元, said on the line above the header. */
const SHEET: Grid = [
  ["客戶信用台帳（單位：萬元）"],
  HEADER,
  ["TW-01", "台北精密", 1, 1, 1, 1, 1, 100, 120, 0, null, null],
  ["TW-02", "高雄貿易", 4, 4, 4, 4, 4, 200, 50, 95, serial("2026-03-20"), "已要求預付"],
  ["HK-03", "香港物流", 2, 2, 2, 2, 2, 300, 100, 0, null, null],
  [null, "合計", null, null, null, null, null, 600, 270, null, null, null],
];

const codes = (c: { readonly findings: readonly { readonly code: string }[] }) => c.findings.map((f) => f.code);

describe("a sheet headed in Traditional characters", () => {
  const result = runReview({ sheetName: "客戶", values: SHEET, asOf, policy: DEFAULT_POLICY }, "zh");

  test("every column is found, none unknown, and the totals row is no customer", () => {
    expect(result.columns.headerRow).toBe(2);
    expect(result.columns.found.map((f) => [f.field, f.header])).toEqual([
      ["id", "客戶編號"],
      ["name", "客戶名稱"],
      ["paymentHistory", "付款歷史"],
      ["contractPerformance", "合同履行情況"],
      ["industryRisk", "行業風險"],
      ["marketReputation", "市場口碑"],
      ["complianceRecord", "合規記錄"],
      ["creditLimit", "信用額度"],
      ["balance", "應收帳款餘額"],
      ["daysPastDue", "逾期天數"],
      ["negativeNewsDate", "負面新聞日期"],
      ["actionTaken", "已採取措施"],
    ]);
    expect(result.columns.unknown).toEqual([]);
    expect(result.customers.map((c) => c.id)).toEqual(["TW-01", "TW-02", "HK-03"]);
    expect(result.leftOutRows).toEqual([{ sheet: "客戶", row: 6, label: "合計", kind: "totals" }]);
  });

  test("the customers are scored and warned as from a Simplified sheet", () => {
    const byId = Object.fromEntries(result.customers.map((c) => [c.id, c]));
    expect([byId["TW-01"].grade, codes(byId["TW-01"])]).toEqual(["low", ["OVER_LIMIT"]]);
    expect([byId["TW-02"].grade, codes(byId["TW-02"])]).toEqual(["high", ["NEGATIVE_NEWS", "OVERDUE_90"]]);
    expect(byId["TW-02"].actionTaken).toBe("已要求預付");
    expect([byId["HK-03"].grade, codes(byId["HK-03"])]).toEqual(["low", []]);
    expect(result.amountUnits.unit).toMatchObject({ factor: 1e4, label: "萬元" });
  });

  test("an invoice ledger headed in Traditional characters, in 元, is aged into the sheet's 萬元", () => {
    const ledger: Grid = [
      ["客戶編號", "發票號", "到期日", "金額（元）", "已收金額（元）"],
      ["TW-01", "INV-1", serial("2026-03-01"), 300_000, 100_000],
      ["TW-02", "INV-2", serial("2025-12-01"), 500_000, 0],
      ["合計", null, null, 800_000, 100_000],
    ];
    const withLedger = runReview(
      { sheetName: "客戶", values: SHEET, asOf, policy: DEFAULT_POLICY, ledger: { sheetName: "發票明細", values: ledger } },
      "zh",
    );
    expect(withLedger.ledgerSheet).toBe("發票明細");
    expect(withLedger.ledgerNotices).toEqual([]);
    const byId = Object.fromEntries(withLedger.customers.map((c) => [c.id, c]));
    expect([byId["TW-01"].overdueAmount, byId["TW-01"].daysPastDue]).toEqual([20, 30]);
    expect([byId["TW-02"].overdueAmount, byId["TW-02"].daysPastDue]).toEqual([50, 120]);
    expect(withLedger.leftOutRows).toContainEqual({ sheet: "發票明細", row: 4, label: "合計", kind: "totals" });
  });
});

/** The rows `rows` in Traditional characters, as a spreadsheet's conversion of a whole sheet leaves them. */
function convertedToTraditional(grid: Grid, rows: readonly number[]): Grid {
  return grid.map((line, r) =>
    rows.includes(r) ? line.map((cell) => (typeof cell === "string" ? traditional(cell) : cell)) : [...line],
  );
}

describe("a sheet reviewed before, then converted to Traditional characters", () => {
  const first: Grid = SHEET.slice(1, 5);
  const R1 = serial("2026-01-31");
  const R2 = serial("2026-04-30");

  test("the review finds its own columns and its archive again, and compares with the last review", () => {
    const once = reviewWorkbook({ customers: first }, R1, "zh").workbook;
    const width = once.customers[0].length;
    expect(width).toBeGreaterThan(HEADER.length + 10);
    const converted: CycleWorkbook = {
      customers: editRows(convertedToTraditional(once.customers, [0]), { "TW-01": { 2: 4, 3: 4, 4: 4 } }),
      archive: convertedToTraditional(once.archive!, [0]),
      policyHistory: once.policyHistory,
    };
    expect(converted.customers[0]).toContain("風險評分");
    expect(converted.archive![0]).toContain("審查日期");
    expect(readArchive(converted.archive!)?.current).toBe(true);

    const { result, workbook } = reviewWorkbook(converted, R2, "zh");
    // Written over its own columns, not beside them: the sheet is no wider.
    expect(workbook.customers[0].length).toBe(width);
    expect(result.columns.unknown).toEqual([]);
    const tw01 = result.customers.find((c) => c.id === "TW-01")!;
    expect(tw01.previousScoreFrom).toBe("archive");
    expect(codes(tw01)).toContain("SCORE_RISE");
    // The archive keeps its converted header and gains this review's rows under it.
    const archive = readArchive(workbook.archive!);
    expect(archive?.entries.map((e) => [e.key, e.date])).toEqual([
      ["tw-01", R1],
      ["tw-02", R1],
      ["hk-03", R1],
      ["tw-01", R2],
      ["tw-02", R2],
      ["hk-03", R2],
    ]);
  });
});

/** The units amounts are stated in, as finance sheets and ERP exports write them, and the conversions between them. */
import { toJson, toTable } from "../../../src/cli/report";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { amountUnitsText } from "../../../src/engine/review/texts";
import { conversion, convert, headerUnit, parseUnit, sheetUnit } from "../../../src/engine/review/units";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { customerSheet, Grid, serial } from "../../support/review-grid";

describe("parseUnit", () => {
  test.each([
    ["元", 1],
    ["units", 1],
    ["Units: thousands", 1e3],
    ["万元", 1e4],
    ["人民币万元", 1e4],
    ["万元人民币", 1e4],
    ["千元", 1e3],
    ["百万元", 1e6],
    ["亿元", 1e8],
    ["单位：万元", 1e4],
    ["金额单位：元", 1],
    ["USD", 1],
    ["RMB", 1],
    ["¥", 1],
    ["thousands", 1e3],
    ["USD thousands", 1e3],
    ["USD '000", 1e3],
    ["$000", 1e3],
    ["in thousands", 1e3],
    ["Amounts in thousands", 1e3],
    ["Unit: USD", 1],
    ["$m", 1e6],
    ["EUR mn", 1e6],
    ["millions", 1e6],
    ["ＵＳＤ　千", 1e3],
  ])("%s → ×%d", (text, factor) => {
    expect(parseUnit(text)).toEqual({ factor, label: expect.any(String) });
  });

  test.each(["optional", "net", "1-30", "北京分公司", "编制单位：某公司", "days", "%", "", "x".repeat(61)])(
    "%s is no unit",
    (text) => expect(parseUnit(text)).toBeUndefined(),
  );

  test("the label is the unit as written, without its brackets", () => {
    expect(parseUnit("（万元）")?.label).toBe("万元");
    expect(parseUnit("USD '000")?.label).toBe("USD '000");
  });
});

describe("headerUnit", () => {
  test("from a header's trailing bracket, full-width or not", () => {
    expect(headerUnit("应收账款余额（万元）")?.factor).toBe(1e4);
    expect(headerUnit("Credit limit (USD thousands)")?.factor).toBe(1e3);
    expect(headerUnit("Balance [USD '000]")?.factor).toBe(1e3);
    expect(headerUnit("金额(元)")?.factor).toBe(1);
  });
  test("none without a bracket naming a unit", () => {
    expect(headerUnit("Outstanding balance")).toBeUndefined();
    expect(headerUnit("Overdue (1-30)")).toBeUndefined();
    expect(headerUnit(12)).toBeUndefined();
    expect(headerUnit(null)).toBeUndefined();
  });
});

describe("sheetUnit", () => {
  test("a line above the header, alone or after the preparer's name", () => {
    expect(sheetUnit([["客户信用台账"], ["单位：万元"], ["客户编号"]], 2)?.factor).toBe(1e4);
    expect(sheetUnit([["编制单位：华东分公司    单位：元"], ["客户编号"]], 1)?.factor).toBe(1);
    expect(sheetUnit([[null, "Amounts in USD thousands"], ["Customer ID"]], 1)?.factor).toBe(1e3);
  });
  test("nothing from the header row down, nor from a line naming no unit", () => {
    expect(sheetUnit([["编制单位：华东分公司"], ["客户编号"]], 1)).toBeUndefined();
    expect(sheetUnit([["Customer ID"], ["单位：万元"]], 0)).toBeUndefined();
  });
});

describe("conversion", () => {
  const yuan = { factor: 1, label: "元" };
  const wan = { factor: 1e4, label: "万元" };
  test("into a larger unit divides by the exact power of ten, into a smaller one multiplies", () => {
    expect(convert(12345, conversion(yuan, wan)!)).toBe(1.2345);
    expect(convert(1.2345, conversion(wan, yuan)!)).toBe(12345);
  });
  test("nothing to do when either is unknown or both are one scale", () => {
    expect(conversion(undefined, wan)).toBeUndefined();
    expect(conversion(wan, undefined)).toBeUndefined();
    expect(conversion({ factor: 1, label: "USD" }, yuan)).toBeUndefined();
  });
});

test("a unit's label leaves out the words that introduce it", () => {
  expect(parseUnit("Amounts in USD")?.label).toBe("USD");
  expect(parseUnit("单位：万元")?.label).toBe("万元");
  expect(parseUnit("(in thousands)")?.label).toBe("thousands");
});

describe("a review across units", () => {
  const asOf = serial("2026-11-30");
  /** A customer sheet in 万元 (its limit in 元), with a ledger in 元 stated on the line above its header. */
  function review(lang: Lang) {
    const values: Grid = [
      ["客户信用台账"],
      ["编制单位：华东分公司    单位：万元"],
      ...customerSheet(
        ["信用额度（元）", "应收账款余额"],
        [
          { id: "C1", extra: [500000, 60] }, // 50 万元 limit, 60 万元 owed: over
          { id: "C2", extra: [800000, 60] }, // 80 万元 limit: under
        ],
      ),
    ];
    const ledger: Grid = [
      ["单位：元"],
      ["客户编号", "发票号", "到期日", "金额"],
      ["C1", "A-1", asOf - 120, 600000],
      ["C2", "B-1", asOf + 10, 600000],
    ];
    return runReview(
      { sheetName: "客户", values, asOf, policy: DEFAULT_POLICY, ledger: { sheetName: "发票", values: ledger } },
      lang,
    );
  }

  test("every amount is compared in the customer sheet's unit", () => {
    const result = review("zh");
    const [c1, c2] = result.customers;
    expect([c1.balance, c1.creditLimit, c1.overdueAmount]).toEqual([60, 50, 60]);
    expect(c1.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["OVER_LIMIT", "OVERDUE_90"]));
    expect([c2.creditLimit, c2.overdueAmount, c2.findings.map((f) => f.code)]).toEqual([80, 0, []]);
    // The sheet's balance and the ledger's open amount agree once in one unit: no note that they differ.
    expect([...c1.notes, ...c2.notes]).toEqual([]);
    expect(result.portfolio.exposure).toBe(120);
    expect(result.amountUnits.unit).toEqual({ factor: 1e4, label: "万元" });
    expect(result.amountUnits.converted.map((c) => [c.sheet, c.header, c.from.label])).toEqual([
      ["客户", "信用额度（元）", "元"],
      ["发票", "金额", "元"],
    ]);
  });

  test("every face says what was converted, and the summary what its amounts are in", () => {
    const zh = review("zh");
    const text = "金额已换算为客户表的单位（万元）：客户“信用额度（元）”（原为元）、发票“金额”（原为元）";
    expect(amountUnitsText(zh.amountUnits, "zh")).toBe(text);
    expect(toTable(zh, "zh", "out.xlsx")).toContain(text);
    expect(toJson(zh, "zh").amountUnits.text).toBe(text);
    expect(reviewedNotice(zh).render(translator("zh"), "zh").lines).toContain(text);
    const en = review("en");
    expect(amountUnitsText(en.amountUnits, "en")).toBe(
      'Amounts converted into 万元, the customer sheet\'s unit: 客户 "信用额度（元）" (in 元), 发票 "金额" (in 元)',
    );
    const summary = buildWritePlan(en, "en", { sheetNames: ["客户", "发票"] }).sheets.find((s) => s.kind === "summary")!;
    const cells = summary.blocks.flatMap((b) => b.values.flat());
    expect(cells[cells.indexOf("Amounts in") + 1]).toBe("万元");
  });

  test("nothing is converted, and nothing said, where units are not stated on both sides", () => {
    const values = customerSheet(["Credit limit", "Outstanding balance (USD)"], [{ id: "C1", extra: [100, 50] }]);
    const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }, "en");
    expect(result.customers[0].creditLimit).toBe(100);
    expect(result.amountUnits).toEqual({ unit: { factor: 1, label: "USD" }, column: "Outstanding balance (USD)", converted: [] });
    expect(amountUnitsText(result.amountUnits, "en")).toBe("");
    const plain = runReview({
      sheetName: "Customers",
      values: customerSheet(["Outstanding balance"], [{ extra: [5] }]),
      asOf,
      policy: DEFAULT_POLICY,
    });
    expect(plain.amountUnits).toEqual({ unit: undefined, column: undefined, converted: [] });
  });
});

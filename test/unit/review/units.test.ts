/** The units amounts are stated in, as finance sheets and ERP exports write them, and the conversions between them. */
import { toJson, toTable } from "../../../src/cli/report";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { amountUnitsLines, formatFigure } from "../../../src/engine/review/texts";
import { columnUnit, conversion, convert, headerUnit, parseUnit, sheetUnit } from "../../../src/engine/review/units";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { customerSheet, Grid, serial } from "../../support/review-grid";

/** A review of `values` with the invoice ledger `ledger`, as of 2026-11-30. */
function withLedger(sheetName: string, values: Grid, ledgerSheet: string, ledger: Grid, lang: Lang) {
  const asOf = serial("2026-11-30");
  return runReview({ sheetName, values, asOf, policy: DEFAULT_POLICY, ledger: { sheetName: ledgerSheet, values: ledger } }, lang);
}

describe("parseUnit", () => {
  test.each([
    ["元", 1],
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
    ["万元，含税", 1e4],
    ["（单位：万元）", 1e4],
    ["US$'000", 1e3],
    ["HK$'000", 1e3],
    ["S$'000", 1e3],
    ["HK$ thousands", 1e3],
    ["In thousands of US dollars", 1e3],
    ["USD in thousands", 1e3],
    ["(Amounts in thousands)", 1e3],
    ["Unit: Yuan", 1],
    ["Unit: RMB Yuan", 1],
    ["Unit: 10 thousand yuan", 1e4],
    ["USD 10,000", 1e4],
  ])("%s → ×%d", (text, factor) => {
    expect(parseUnit(text)).toMatchObject({ factor, label: expect.any(String) });
  });

  test.each(["optional", "net", "1-30", "北京分公司", "编制单位：某公司", "days", "%", "", "units", "b", "x".repeat(61)])(
    "%s is no unit",
    (text) => expect(parseUnit(text)).toBeUndefined(),
  );

  test("the label is the unit as written, without its brackets", () => {
    expect(parseUnit("（万元）")?.label).toBe("万元");
    expect(parseUnit("USD '000")?.label).toBe("USD '000");
  });
});

describe("units in Traditional characters, as sheets from Taiwan and Hong Kong state them", () => {
  test.each([
    ["萬元", 1e4, undefined],
    ["單位：萬元", 1e4, undefined],
    ["金額單位：元", 1, "CNY"],
    ["億元", 1e8, undefined],
    ["百萬元", 1e6, undefined],
    ["新臺幣千元", 1e3, "TWD"],
    ["新台幣元", 1, "TWD"],
    ["台幣萬元", 1e4, "TWD"],
    ["港幣千元", 1e3, "HKD"],
    ["人民幣萬元", 1e4, "CNY"],
    ["歐元", 1, "EUR"],
    ["英鎊", 1, "GBP"],
  ])("%s → ×%d, %s", (text, factor, currency) => {
    expect(parseUnit(text)).toMatchObject({ factor, label: text.replace(/^.*單位：/u, "") });
    if (currency !== undefined) expect(parseUnit(text)?.currency).toBe(currency);
  });

  test("read where the Simplified ones are: a header's bracket and a line above the table", () => {
    expect(headerUnit("應收帳款餘額（萬元）")).toMatchObject({ factor: 1e4, label: "萬元" });
    expect(sheetUnit([["客戶信用台帳（單位：萬元）"], ["客戶編號"]], 1)).toMatchObject({ factor: 1e4, label: "萬元" });
    expect(sheetUnit([["編製單位：台北分公司    單位：新臺幣千元"], ["客戶編號"]], 1)).toMatchObject({
      factor: 1e3,
      currency: "TWD",
    });
    // The preparer's line names no unit, in either script.
    expect(sheetUnit([["編製單位：台北分公司"], ["客戶編號"]], 1)).toBeUndefined();
  });
});

describe("columnUnit", () => {
  test("a header naming a currency alone takes the scale of the sheet's line", () => {
    const line = parseUnit("Amounts in thousands");
    expect(columnUnit("Credit limit (USD)", line)).toMatchObject({ factor: 1e3, label: "USD thousands", currency: "USD" });
    expect(columnUnit("应收账款余额（人民币）", parseUnit("单位：万元"))).toMatchObject({
      factor: 1e4,
      label: "万元",
      currency: "CNY",
    });
    // Another currency than the line's keeps its own scale (ones), and is not the line's unit.
    expect(columnUnit("Credit limit (CNY)", parseUnit("Amounts in USD thousands"))).toMatchObject({
      factor: 1,
      label: "CNY",
      currency: "CNY",
    });
    // 元 and yuan are ones and name the currency, in either language.
    for (const header of ["Credit limit (元)", "Credit limit (人民币元)", "Credit limit (Yuan)", "Credit limit (RMB yuan)"])
      expect(columnUnit(header, parseUnit("单位：万元"))).toMatchObject({ factor: 1, currency: "CNY" });
    expect(columnUnit("Credit limit (USD)", undefined)).toMatchObject({ factor: 1, currency: "USD" });
    expect(columnUnit("Credit limit (元)", line)).toMatchObject({ factor: 1 });
    expect(columnUnit("Credit limit", line)).toBe(line);
  });

  test.each([
    ["信用额度（美元）", "单位：千", "美元千"],
    ["信用额度（USD）", "单位：千", "USD 千"],
    ["Credit limit (美元)", "Amounts in thousands", "美元 thousands"],
  ])(
    "its label joins the header's currency and the line's scale as Chinese typography spaces them: %s under %s",
    (header, line, label) => {
      expect(columnUnit(header, parseUnit(line))).toMatchObject({ factor: 1e3, label, currency: "USD" });
    },
  );
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
  test("in a title's bracket, after a single space, or in brackets of its own", () => {
    expect(sheetUnit([["客户信用台账（单位：万元）"], ["客户编号"]], 1)?.factor).toBe(1e4);
    expect(sheetUnit([["客户信用台账 单位：万元"], ["客户编号"]], 1)?.factor).toBe(1e4);
    expect(sheetUnit([["(Amounts in thousands)"], ["Customer ID"]], 1)?.factor).toBe(1e3);
    expect(sheetUnit([["Report (2026)"], ["Customer ID"]], 1)).toBeUndefined();
  });
  test("the line nearest the table wins over a block higher up", () => {
    const values = [["单位：元"], ["其他表"], [null], ["单位：万元"], ["客户编号"]];
    expect(sheetUnit(values, 4)?.factor).toBe(1e4);
  });
  test("nothing from the header row down, nor from a line naming no unit", () => {
    expect(sheetUnit([["编制单位：华东分公司"], ["客户编号"]], 1)).toBeUndefined();
    expect(sheetUnit([["Customer ID"], ["单位：万元"]], 0)).toBeUndefined();
  });
});

describe("conversion", () => {
  const yuan = { factor: 1, label: "元", scaled: true };
  const wan = { factor: 1e4, label: "万元", scaled: true };
  test("into a larger unit divides by the exact power of ten, into a smaller one multiplies", () => {
    expect(convert(12345, conversion(yuan, wan)!)).toBe(1.2345);
    expect(convert(1.2345, conversion(wan, yuan)!)).toBe(12345);
  });
  test("nothing to do when either is unknown or both are one scale", () => {
    expect(conversion(undefined, wan)).toBeUndefined();
    expect(conversion(wan, undefined)).toBeUndefined();
    expect(conversion({ factor: 1, label: "USD", currency: "USD", scaled: false }, yuan)).toBeUndefined();
  });
  test("two currencies are not converted, whatever their scales", () => {
    const usd = { factor: 1, label: "USD", currency: "USD", scaled: false };
    expect(conversion(usd, { factor: 1e4, label: "人民币万元", currency: "CNY", scaled: true })).toBeUndefined();
    expect(conversion(usd, wan)).toEqual({ divide: 1e4 });
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
    return withLedger("客户", values, "发票", ledger, lang);
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
    expect(result.amountUnits.unit).toMatchObject({ factor: 1e4, label: "万元" });
    expect(result.amountUnits.converted.map((c) => [c.sheet, c.header, c.from.label])).toEqual([
      ["客户", "信用额度（元）", "元"],
      ["发票", "金额", "元"],
    ]);
  });

  test("every face says what was converted, and the summary what its amounts are in", () => {
    const zh = review("zh");
    const text = "金额已换算为客户表的单位（万元）：客户“信用额度（元）”（原为元）、发票“金额”（原为元）";
    expect(amountUnitsLines(zh.amountUnits, "zh")).toEqual([text]);
    expect(toTable(zh, "zh", "out.xlsx")).toContain(text);
    expect(toTable(zh, "zh", "out.xlsx").split("\n")[1]).toBe("金额单位：万元");
    expect(toJson(zh, "zh").amountUnits.text).toBe(text);
    expect(reviewedNotice(zh).render(translator("zh"), "zh").lines).toContain(text);
    const en = review("en");
    expect(amountUnitsLines(en.amountUnits, "en")).toEqual([
      'Amounts converted into 万元, the customer sheet\'s unit: 客户 "信用额度（元）" (in 元), 发票 "金额" (in 元)',
    ]);
    const summary = buildWritePlan(en, "en", { sheetNames: ["客户", "发票"] }).sheets.find((s) => s.kind === "summary")!;
    const cells = summary.blocks.flatMap((b) => b.values.flat());
    expect(cells[cells.indexOf("Amounts in") + 1]).toBe("万元");
  });

  test("nothing is converted, and nothing said, where units are not stated on both sides", () => {
    const values = customerSheet(["Credit limit", "Outstanding balance (USD)"], [{ id: "C1", extra: [100, 50] }]);
    const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }, "en");
    expect(result.customers[0].creditLimit).toBe(100);
    expect(result.amountUnits).toEqual({
      unit: { factor: 1, label: "USD", currency: "USD", scaled: false },
      column: "Outstanding balance (USD)",
      converted: [],
      otherCurrency: [],
      // The balance column's currency puts the row's other receivables in it too (receivableCurrencies).
      receivables: { balance: "USD", creditLimit: "USD", overdueAmount: "USD" },
    });
    expect(amountUnitsLines(result.amountUnits, "en")).toEqual([]);
    const plain = runReview({
      sheetName: "Customers",
      values: customerSheet(["Outstanding balance"], [{ extra: [5] }]),
      asOf,
      policy: DEFAULT_POLICY,
    });
    expect(plain.amountUnits).toEqual({ unit: undefined, column: undefined, converted: [], otherCurrency: [] });
  });
});

describe("a review across units, continued", () => {
  const asOf = serial("2026-11-30");
  test("a limit in USD under a line in thousands is in thousands: no false OVER_LIMIT", () => {
    const values: Grid = [
      ["Amounts in thousands"],
      ...customerSheet(["Credit limit (USD)", "Outstanding balance"], [{ extra: [500, 400] }]),
    ];
    const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }, "en");
    expect(result.customers[0].findings.map((f) => f.code)).not.toContain("OVER_LIMIT");
    expect(result.customers[0].utilisation).toBe(0.8);
    expect(result.amountUnits.converted).toEqual([]);
  });

  test("a ledger's unit stated on its amount column counts though it has an open-amount column", () => {
    const values: Grid = [["单位：万元"], ...customerSheet(["信用额度", "应收账款余额"], [{ id: "C1", extra: [500, 100] }])];
    const ledger: Grid = [
      ["客户编号", "发票号", "到期日", "金额（元）", "未收金额"],
      ["C1", "A-1", asOf - 30, 1000000, 1000000],
    ];
    const result = withLedger("客户", values, "发票", ledger, "zh");
    expect(result.customers[0].overdueAmount).toBe(100);
    expect(result.customers[0].notes).toEqual([]);
  });

  test("a ledger's row of units under its header is read for its unit and left out as no invoice, and said so", () => {
    const values: Grid = [["单位：万元"], ...customerSheet(["信用额度", "应收账款余额"], [{ id: "C1", extra: [500, 100] }])];
    const ledger: Grid = [
      ["客户编号", "发票号", "到期日", "金额", "已收金额"],
      [null, null, null, "元", "元"],
      ["C1", "A-1", asOf - 100, 1200000, 200000],
    ];
    const result = withLedger("客户", values, "发票", ledger, "zh");
    expect(result.customers[0].overdueAmount).toBe(100);
    expect(result.customers[0].daysPastDue).toBe(100);
    expect(result.customers[0].notes).toEqual([]);
    expect(result.customers[0].errors).toEqual([]);
    expect(result.leftOutRows).toEqual([{ sheet: "发票", row: 2, label: "元", kind: "units" }]);
    expect(result.amountUnits.converted.map((c) => [c.sheet, c.header, c.from.label])).toEqual([["发票", "金额", "元"]]);
  });

  test.each([["1,500,000"], ["10000"], ["¥10,000"]])(
    "a ledger's first invoice with its amount typed as text (%s) is an invoice, not a row of units",
    (amount) => {
      const values: Grid = customerSheet(["Credit limit", "Outstanding balance"], [{ id: "C1", extra: [5_000_000, 1_500_200] }]);
      const ledger: Grid = [
        ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
        ["C1", "INV-1", asOf - 100, amount, null],
        ["C1", "INV-2", asOf - 10, 200, null],
      ];
      const result = withLedger("Customers", values, "Invoices", ledger, "en");
      const figure = Number(amount.replace(/[^\d]/g, ""));
      expect(result.customers[0].overdueAmount).toBe(figure + 200);
      expect(result.customers[0].daysPastDue).toBe(100);
      expect(result.leftOutRows).toEqual([]);
      expect(result.amountUnits.converted).toEqual([]);
    },
  );

  test("a ledger in another currency is compared as it stands, and said so, not claimed converted", () => {
    const values: Grid = [
      ["单位：人民币万元"],
      ...customerSheet(["信用额度", "应收账款余额"], [{ id: "C1", extra: [500, 100] }]),
    ];
    const ledger: Grid = [
      ["Customer ID", "Invoice", "Due date", "Amount (USD)"],
      ["C1", "A-1", asOf - 30, 100],
    ];
    const result = withLedger("客户", values, "Invoices", ledger, "en");
    expect(result.customers[0].overdueAmount).toBe(100);
    expect(result.amountUnits.converted).toEqual([]);
    expect(amountUnitsLines(result.amountUnits, "en")).toEqual([
      'Amounts in another currency than the customer sheet\'s (人民币万元) are compared as they stand, not converted: Invoices "Amount (USD)" (in USD)',
    ]);
  });
});

test("the review's money columns name its unit when the customer sheet's own amount columns are in several", () => {
  const asOf = serial("2026-11-30");
  const mixed = customerSheet(["信用额度（元）", "应收账款余额（万元）"], [{ extra: [5000000, 600] }]);
  const plan = buildWritePlan(runReview({ sheetName: "客户", values: mixed, asOf, policy: DEFAULT_POLICY }, "zh"), "zh", {
    sheetNames: ["客户"],
  });
  const headers = plan.target.blocks.filter((b) => b.row === 0).flatMap((b) => b.values[0]);
  expect(headers).toContain("建议额度（万元）");
  expect(headers).toContain("可用额度（万元）");
  expect(headers).toContain("风险评分");
  const one = customerSheet(["信用额度（万元）", "应收账款余额（万元）"], [{ extra: [500, 600] }]);
  const plain = buildWritePlan(runReview({ sheetName: "客户", values: one, asOf, policy: DEFAULT_POLICY }, "zh"), "zh", {
    sheetNames: ["客户"],
  });
  expect(plain.target.blocks.filter((b) => b.row === 0).flatMap((b) => b.values[0])).toContain("建议额度");
});

test("a message about a ledger cell quotes its amount as the ledger states it, not converted", () => {
  const asOf = serial("2026-11-30");
  const values: Grid = [["单位：万元"], ...customerSheet(["信用额度", "应收账款余额"], [{ id: "C1", extra: [500, 0.7] }])];
  const ledger: Grid = [
    ["客户编号", "发票号", "到期日", "金额（元）"],
    ["C1", "A-1", null, 7000],
  ];
  const result = withLedger("客户", values, "发票", ledger, "en");
  const text = JSON.stringify(toJson(result, "en").customers[0].notes);
  expect(text).toContain("due date is blank but 7,000.00 is still open");
});

test("an amount that is not nothing never reads as 0.00 in a large unit; float dust still does", () => {
  expect(formatFigure(0.004, "money", "en")).toBe("0.004");
  expect(formatFigure(0.00004, "money", "zh")).toBe("0.00004");
  expect(formatFigure(-0.0012, "money", "en")).toBe("-0.001");
  expect(formatFigure(0.005, "money", "en")).toBe("0.01");
  expect(formatFigure(1e-12, "money", "en")).toBe("0.00");
  expect(formatFigure(0, "money", "en")).toBe("0.00");
});

test("amounts in US dollars beside a sheet in 万元 are not converted as if they were yuan", () => {
  const asOf = serial("2026-11-30");
  const values = customerSheet(["余额（万元）", "信用额度（美元）"], [{ id: "C1", extra: [50, 400000] }]);
  const result = runReview({ sheetName: "客户", values, asOf, policy: DEFAULT_POLICY }, "zh");
  expect(result.customers[0].creditLimit).toBe(400000);
  expect(result.amountUnits.converted).toEqual([]);
  // Weighed against the balance in 万元 by no customer: said with what that leaves out, not as compared as it stands.
  expect(result.amountUnits.otherCurrency).toEqual([]);
  expect(result.columns.twoCurrencies).toEqual([
    {
      affects: ["utilisation", "availableCredit", "OVER_LIMIT"],
      first: { field: "creditLimit", currency: "USD" },
      second: { field: "balance", currency: "CNY" },
    },
  ]);
  expect(result.customers[0].utilisation).toBeUndefined();
  const ledger: Grid = [
    ["客户编号", "发票号", "到期日", "Amount (US$)"],
    ["C1", "A-1", asOf - 10, 50000],
  ];
  const reviewed = withLedger("客户", values, "发票", ledger, "zh");
  expect(reviewed.customers[0].overdueAmount).toBe(50000);
  expect(reviewed.amountUnits.otherCurrency.map((c) => c.header)).toEqual(["Amount (US$)"]);
});

test("a row of units under the header gives each column its unit, and is left out as no customer", () => {
  const asOf = serial("2026-11-30");
  const [header, ...rows] = customerSheet(["信用额度", "应收账款余额"], [{ id: "C1", extra: [500000, 60] }]);
  const units = header.map((h) => (h === "信用额度" ? "元" : h === "应收账款余额" ? "万元" : null));
  const result = runReview({ sheetName: "客户", values: [header, units, ...rows], asOf, policy: DEFAULT_POLICY }, "zh");
  expect(result.customers).toHaveLength(1);
  expect(result.customers[0].errors).toEqual([]);
  expect([result.customers[0].creditLimit, result.customers[0].balance]).toEqual([50, 60]);
  expect(result.customers[0].findings.map((f) => f.code)).toContain("OVER_LIMIT");
  expect(result.leftOutRows).toEqual([{ sheet: "客户", row: 2, label: "元 / 万元", kind: "units" }]);
  expect(toTable(result, "zh", "out.xlsx")).toContain("客户 第 2 行（“元 / 万元”，上方各列的单位）");
  // A customer's row right under the header is a customer, as before.
  const plain = runReview({ sheetName: "客户", values: [header, ...rows], asOf, policy: DEFAULT_POLICY }, "zh");
  expect(plain.leftOutRows).toEqual([]);
  expect(plain.customers[0].creditLimit).toBe(500000);
});

test("a figure converted past the largest number is a bad cell naming its value, never Infinity", () => {
  const asOf = serial("2026-11-30");
  const values: Grid = [["单位：元"], ...customerSheet(["信用额度（亿元）", "应收账款余额"], [{ id: "C1", extra: [1e301, 60] }])];
  const result = runReview({ sheetName: "客户", values, asOf, policy: DEFAULT_POLICY }, "en");
  const c = result.customers[0];
  expect(c.creditLimit).toBeUndefined();
  expect(JSON.stringify(toJson(result, "en").customers[0].notes)).toContain("too large a number once converted");
  expect(Number.isFinite(result.portfolio.exposure)).toBe(true);
  // A ledger's amount converted past it leaves the customer's open amount unknown: no "∞" compared with the balance.
  const ledger: Grid = [
    ["客户编号", "发票号", "到期日", "金额（亿元）"],
    ["C1", "A-1", asOf - 10, 1e301],
  ];
  const withBig = withLedger("客户", values, "发票", ledger, "en");
  expect(JSON.stringify(toJson(withBig, "en"))).not.toMatch(/∞|Infinity|NaN/);
});

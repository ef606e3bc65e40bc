/**
 * A ledger as ERP exports head it: the customer by its code or number, what is still owed as an
 * open amount; and the review says when a sheet meant as the ledger is not used, or when every
 * invoice had to be taken as unpaid.
 */
import { CellValue } from "../../../src/engine/cells";
import { describeError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { headerKey, INPUT_ALIASES, LEDGER_ALIASES, OUTPUT_ALIASES, OUTPUT_HEADERS } from "../../../src/engine/review/fields";
import { detectLedger, findLedger } from "../../../src/engine/review/ledger";
import { runReview } from "../../../src/engine/review/review";
import { ledgerNoticeText, problemText } from "../../../src/engine/review/texts";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-11-30");
const SHEET = customerSheet(
  ["Credit limit", "Outstanding balance"],
  [
    { id: "C001", extra: [5000, 700] },
    { id: "C002", extra: [5000, 300] },
  ],
);

/** A review as both faces run it: the ledger picked among the other sheets by findLedger. */
function reviewWith(sheets: Record<string, CellValue[][]>, values: CellValue[][] = SHEET) {
  const { ledger, incomplete } = findLedger(Object.keys(sheets), (name) => sheets[name]);
  return runReview({
    sheetName: "Customers",
    values,
    asOf,
    policy: DEFAULT_POLICY,
    ledger,
    incompleteLedger: incomplete,
  });
}

const invoices = (customerHeader: string): CellValue[][] => [
  [customerHeader, "Invoice", "Due date", "Amount", "Paid"],
  ["C001", "INV-1", asOf - 120, 1000, 300], // 700 open, 120 days late
  ["C002", "INV-2", asOf + 10, 300, null], // not yet due
];

describe("the customer column as ERPs head it", () => {
  test.each([
    "Cust. ID",
    "Cust ID",
    "Customer code",
    "Customer no",
    "Customer No.",
    "Customer #",
    "Customer number",
    "Account no",
    "Account #",
    "Account number",
    "Debtor",
    "Debtor code",
    "Client ID",
    "客户编码",
    "客户代码",
    "客户编号",
    "客户号",
    "往来单位",
  ])("a ledger whose customer column is headed %s is used: the overdue customer gets OVERDUE_90, not a raise", (header) => {
    const result = reviewWith({ Invoices: invoices(header) });
    expect(result.ledgerSheet).toBe("Invoices");
    expect(result.ledgerNotices).toEqual([]);
    const c001 = result.customers[0];
    expect(c001.overdueAmount).toBe(700);
    expect(c001.daysPastDue).toBe(120);
    expect(c001.findings.map((f) => f.code)).toContain("OVERDUE_90");
    expect(result.columns.skippedChecks).not.toContain("OVERDUE_90");
  });

  test.each(["客户编码", "Cust. ID", "Customer code", "Debtor code", "Client ID", "Account number"])(
    "a customer sheet whose id column is headed %s has its ids read",
    (header) => {
      const values = SHEET.map((line, r) => (r === 0 ? [header, ...line.slice(1)] : line));
      const result = reviewWith({}, values);
      expect(result.columns.found.find((f) => f.field === "id")).toEqual({ field: "id", column: "A", header });
      expect(result.customers.map((c) => c.id)).toEqual(["C001", "C002"]);
    },
  );

  test.each(["Debtor", "Client", "客户简称"])("a customer sheet whose name column is headed %s has its names read", (header) => {
    const values = SHEET.map((line, r) => (r === 0 ? [line[0], header, ...line.slice(2)] : line));
    const result = reviewWith({}, values);
    expect(result.customers.map((c) => c.name)).toEqual(["Customer 1", "Customer 2"]);
  });

  test.each([
    ["input", INPUT_ALIASES],
    ["ledger", LEDGER_ALIASES],
    ["output", OUTPUT_ALIASES],
  ] as const)("no %s header names two fields: an alias never takes another field's column", (_name, aliases) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [field, headers] of Object.entries(aliases) as [string, readonly string[]][]) {
      for (const header of headers) {
        const key = headerKey(header);
        const other = owner.get(key);
        if (other !== undefined && other !== field) clashes.push(`${header}: ${other} and ${field}`);
        owner.set(key, field);
      }
    }
    expect(clashes).toEqual([]);
  });

  test("no header of the customer sheet is one the review writes today", () => {
    const output = new Set(Object.values(OUTPUT_HEADERS).flatMap((headers) => [headerKey(headers.en), headerKey(headers.zh)]));
    const taken = Object.values(INPUT_ALIASES)
      .flat()
      .filter((header) => output.has(headerKey(header)));
    expect(taken).toEqual([]);
  });
});

describe("a sheet meant as the ledger but not used", () => {
  const unknownCustomer = invoices("Kundennummer");

  test("is reported, naming the sheet and the missing column, in both languages", () => {
    const result = reviewWith({ Notes: [["notes"]], Export: unknownCustomer });
    expect(result.ledgerSheet).toBeUndefined();
    expect(result.ledgerNotices).toEqual([{ kind: "notUsed", sheet: "Export", missing: ["customer"] }]);
    expect(ledgerNoticeText(result.ledgerNotices[0], "en")).toBe(
      'Sheet "Export" has due dates and amounts but was not used as the invoice ledger: it has no "Customer ID" column (overdue figures come from the customer sheet, if it has them)',
    );
    expect(ledgerNoticeText(result.ledgerNotices[0], "zh")).toBe(
      "工作表“Export”有到期日和金额，但缺少“客户编号”列，未作为发票明细账使用（逾期数据取自客户表中的逾期列，如有）",
    );
  });

  test("is not reported when another sheet is the ledger", () => {
    const result = reviewWith({ Export: unknownCustomer, Invoices: invoices("Customer ID") });
    expect(result.ledgerSheet).toBe("Invoices");
    expect(result.ledgerNotices).toEqual([]);
  });

  test("a sheet without both a due date and an amount column is not taken for one", () => {
    const result = reviewWith({ Payments: [["Kundennummer", "Invoice", "Payment date", "Amount"]], Notes: [["Due date"]] });
    expect(result.ledgerNotices).toEqual([]);
  });
});

describe("what is still owed on an invoice", () => {
  const openLedger = (openHeader: string, withPaid = false): CellValue[][] => [
    ["Customer ID", "Invoice", "Due date", "Invoice amount", ...(withPaid ? ["Paid"] : []), openHeader],
    ["C001", "INV-1", asOf - 120, 1000, ...(withPaid ? [0] : []), 700],
    ["C001", "INV-2", asOf - 40, 500, ...(withPaid ? [0] : []), null], // paid in full: the export leaves it blank
    ["C002", "INV-3", asOf + 10, 300, ...(withPaid ? [0] : []), 300],
  ];

  test.each([
    "Open amount",
    "Balance due",
    "Outstanding",
    "Open balance",
    "未收金额",
    "未结金额",
    "余额",
    "未付金额",
    "未回款金额",
  ])("a column headed %s is the open amount: the invoice is aged at it, and the balances agree with the sheet", (header) => {
    expect(detectLedger(openLedger(header))?.columns.openAmount).toBe(4);
    const result = reviewWith({ Invoices: openLedger(header) });
    const [c001, c002] = result.customers;
    expect(c001.overdueAmount).toBe(700);
    expect(c001.aging).toEqual([0, 0, 0, 0, 700]);
    expect(c002.aging).toEqual([300, 0, 0, 0, 0]);
    // The sheet says 700 and 300: no "balance differs" note on either.
    expect(result.customers.flatMap((c) => c.notes)).toEqual([]);
    expect(result.ledgerNotices).toEqual([]);
  });

  test("with both a paid and an open amount column, the open amount is what is owed", () => {
    const result = reviewWith({ Invoices: openLedger("Open amount", true) });
    expect(result.customers[0].overdueAmount).toBe(700);
  });

  test("an open amount that is not a number is a note naming its cell, and the customer's overdue figures are not computed", () => {
    const values = openLedger("Open amount");
    values[1][4] = "n/a";
    const result = reviewWith({ Invoices: values });
    const c001 = result.customers[0];
    expect(c001.overdueAmount).toBeUndefined();
    expect(c001.notes.map((n) => describeError(n.reason, "en"))).toEqual([
      'sheet Invoices, row 2, column E (Open amount): must be a number, got "n/a"',
    ]);
    expect(problemText(c001.notes[0], "en", DEFAULT_POLICY)).toContain("column E (Open amount)");
  });

  test("a ledger with neither a paid nor an open amount column takes every invoice as unpaid, and says so once", () => {
    const unpaid: CellValue[][] = [
      ["Customer ID", "Invoice", "Due date", "Amount"],
      ["C001", "INV-1", asOf - 120, 700],
      ["C002", "INV-2", asOf + 10, 300],
    ];
    const result = reviewWith({ Invoices: unpaid });
    expect(result.customers[0].overdueAmount).toBe(700);
    expect(result.ledgerNotices).toEqual([{ kind: "takenAsUnpaid", sheet: "Invoices" }]);
    expect(ledgerNoticeText(result.ledgerNotices[0], "en")).toBe(
      'The invoice ledger "Invoices" has no "Paid" or "Open amount" column: every invoice was taken as unpaid, at its full amount',
    );
    expect(ledgerNoticeText(result.ledgerNotices[0], "zh")).toBe(
      "发票明细账“Invoices”没有“已收金额”或“未收金额”列：每张发票均按全额视为未收",
    );
  });

  test.each([
    "Paid",
    "Paid amount",
    "Received",
    "已收金额",
    "已付金额",
    "已付",
    "已收",
    "已收款",
    "实收金额",
    "已回款",
    "回款金额",
  ])(
    "a column headed %s is what was paid: the invoice is aged at its amount less it, and nothing is taken as unpaid",
    (header) => {
      const ledger = invoices("客户编号");
      ledger[0] = ["客户编号", "发票号", "到期日", "金额", header];
      expect(detectLedger(ledger)?.columns.paid).toBe(4);
      const result = reviewWith({ 发票: ledger });
      expect(result.customers[0].overdueAmount).toBe(700);
      expect(result.customers.flatMap((c) => c.notes)).toEqual([]);
      expect(result.ledgerNotices).toEqual([]);
    },
  );

  test("a ledger with a paid column has no such notice", () => {
    expect(reviewWith({ Invoices: invoices("Customer ID") }).ledgerNotices).toEqual([]);
  });
});

describe("a ledger in several currencies says no amounts in two are added up", () => {
  const inCurrencies = (...codes: (string | null)[]): CellValue[][] => [
    ["Customer ID", "Invoice", "Due date", "Amount", "Paid", "Currency"],
    ...codes.map((code, i) => ["C001", `INV-${i}`, asOf - 10, 100, 0, code]),
    ["C002", "INV-X", asOf - 10, 300, 300, "JPY"], // paid: not an open invoice, its currency not counted
  ];

  test("two currencies among the open invoices: one notice naming them, in both languages", () => {
    const result = reviewWith({ Invoices: inCurrencies("CNY", "cny ", "USD", null) });
    expect(result.ledgerNotices).toEqual([{ kind: "mixedCurrencies", sheet: "Invoices", currencies: ["CNY", "USD"] }]);
    expect(ledgerNoticeText(result.ledgerNotices[0], "en")).toBe(
      'The open invoices on sheet "Invoices" are in several currencies (CNY, USD): no amounts in two currencies are added up, as no rate is known; a customer whose invoices are in two has no aging, nor an overdue amount while its overdue invoices are in two, and its credit notes settle only invoices in their own currency',
    );
    expect(ledgerNoticeText(result.ledgerNotices[0], "zh")).toBe(
      "工作表“Invoices”中的未结发票有多种币种（CNY、USD）：没有汇率，不同币种的金额一律不相加；发票分属两种币种的客户不计账龄，逾期发票分属两种币种时也不计逾期金额，其贷项通知单只冲抵同币种的发票",
    );
  });

  test("one currency, or none named, says nothing; many are named five and '…'", () => {
    expect(reviewWith({ Invoices: inCurrencies("CNY", "CNY") }).ledgerNotices).toEqual([]);
    expect(reviewWith({ Invoices: inCurrencies(null, null) }).ledgerNotices).toEqual([]);
    const many = reviewWith({ Invoices: inCurrencies("A", "B", "C", "D", "E", "F", "G") }).ledgerNotices[0];
    expect(ledgerNoticeText(many, "en")).toContain("(A, B, C, D, E, …)");
  });

  test("币种 is the currency column's Chinese header", () => {
    const zh = inCurrencies("人民币", "美元");
    zh[0] = ["客户编号", "发票号", "到期日", "金额", "已收金额", "币种"];
    expect(reviewWith({ 发票明细: zh }).ledgerNotices).toEqual([
      { kind: "mixedCurrencies", sheet: "发票明细", currencies: ["人民币", "美元"] },
    ]);
  });
});

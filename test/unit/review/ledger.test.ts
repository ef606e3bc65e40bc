/** An invoice ledger aged per customer replaces the overdue columns. */
import { CellValue } from "../../../src/engine/cells";
import { CreditError, describeError } from "../../../src/engine/errors";
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { customerKey } from "../../../src/engine/customer-key";
import { runReview } from "../../../src/engine/review/review";
import { decisionLine, problemText } from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";
import { message } from "../../../src/engine/i18n";
import type { CustomerResult } from "../../../src/engine/review/review";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { toJson, toTable } from "../../../src/cli/report";
import { customerSheet, serial, utcDate } from "../../support/review-grid";

const asOf = serial("2026-03-15");
const due = (days: number) => asOf - days; // days past due → due-date serial
const dueDate = (days: number) => {
  const d = utcDate("2026-03-15");
  d.setUTCDate(d.getUTCDate() - days);
  return d;
};
const LEDGER_HEADER = ["Customer ID", "Invoice", "Due date", "Amount", "Paid"];

const LEDGER: CellValue[][] = [
  LEDGER_HEADER,
  ["C001", "INV-1", due(-10), 100, null], // current
  ["C001", "INV-2", dueDate(10), 200, 50], // 1–30, partly paid: 150
  ["C001", "INV-3", due(45), 300, 0], // 31–60
  ["C001", "INV-4", due(91), 400, null], // 91+
  ["C001", "INV-5", due(200), 1000, 1000], // paid in full: not open, not the oldest
  ["C001", "CN-1", due(5), -50, null], // credit note: settles the oldest first, 91+ 400 → 350
  ["c002", "INV-7", due(90), 500, null], // 61–90, exactly 90 days
  ["C002", "INV-8", due(30), 250, 100], // 1–30: 150
  ["C002", "INV-9", due(0), 70, null], // due today: current
  ["C003", "INV-10", due(10), 80, null],
  ["C003", "INV-11", null, 120, null], // open amount, no due date: error
  ["C004", "INV-12", 0, 60, null], // a due date of 0 is a blank: error
  [null, null, null, null, null],
];

const SHEET = customerSheet(
  ["Credit limit", "Outstanding balance", "Days past due"],
  [
    { id: "C001", extra: [5000, 750, 0] },
    { id: "C002", extra: [5000, 720, 5] },
    { id: "C003", extra: [5000, 200, 0] },
    { id: "C004", extra: [5000, 60, 0] },
    { id: "C005", extra: [5000, 0, 400] },
  ],
);

const review = (values = SHEET, ledger: CellValue[][] = LEDGER, policy = DEFAULT_POLICY) =>
  runReview({ sheetName: "Customers", values, asOf, policy, ledger: { sheetName: "Ledger", values: ledger } });

describe("ledger aging per customer", () => {
  const result = review();
  const byId = (id: string) => result.customers.find((c) => c.id === id)!;

  test.each([
    [
      "C001: buckets, partial payment, a credit note settling the oldest; 91 days → OVERDUE_90",
      "C001",
      [100, 150, 300, 0, 350],
      800,
      91,
      ["OVERDUE_90"],
    ],
    ["C002: 90 days is not more than 90; ledger replaces the days column", "C002", [70, 150, 0, 500, 0], 650, 90, []],
    ["C005: not in the ledger, so nothing is overdue (the sheet's 400 days are replaced)", "C005", [0, 0, 0, 0, 0], 0, 0, []],
  ] as const)("%s", (_name, id, buckets, overdue, days, codes) => {
    const c = byId(id);
    expect(c.errors).toEqual([]);
    expect(c.aging).toEqual(buckets);
    expect(c.overdueAmount).toBe(overdue);
    expect(c.daysPastDue).toBe(days);
    expect(c.findings.map((f) => f.code)).toEqual(codes);
  });

  test("credits beyond everything owed show as a negative Current (the customer is in credit), never as a negative overdue", () => {
    const sheet = customerSheet(
      ["Credit limit", "Outstanding balance"],
      [
        { id: "C001", extra: [5000, -5000] },
        { id: "C002", extra: [5000, 6000] },
      ],
    );
    const ledger: CellValue[][] = [
      LEDGER_HEADER,
      ["C001", "CN-1", due(40), -5000, null], // only a credit note, 40 days past its date
      ["C002", "INV-1", due(40), 10000, null],
      ["C002", "CN-2", due(35), -4000, null],
    ];
    const [credit, netted] = review(sheet, ledger).customers;
    expect(credit.aging).toEqual([-5000, 0, 0, 0, 0]);
    expect(credit.overdueAmount).toBe(0);
    expect(credit.daysPastDue).toBe(0);
    expect(credit.actions.map((a) => a.because)).not.toContain("OVERDUE");
    expect(netted.aging).toEqual([0, 0, 6000, 0, 0]);
    expect(netted.overdueAmount).toBe(6000);
    expect(netted.daysPastDue).toBe(40);
  });

  test("OVERDUE_90 from the ledger escalates collection", () => {
    expect(byId("C001").actions).toEqual([{ code: "ESCALATE_COLLECTION", because: "OVERDUE_90" }]);
    expect(byId("C001").findings[0]).toEqual({ code: "OVERDUE_90", value: 91, threshold: 90, format: "days" });
  });

  test("an amount without a due date switches off that customer's overdue figures, naming the ledger cell", () => {
    const notes = (id: string) => byId(id).notes.map((n) => problemText(n, "en", DEFAULT_POLICY));
    expect(notes("C003")).toEqual([
      "sheet Ledger, row 12, column C (Due date): overdue figures and Overdue over 90 days check not computed: due date is blank but 120.00 is still open",
    ]);
    expect(notes("C004")).toEqual([
      "sheet Ledger, row 13, column C (Due date): overdue figures and Overdue over 90 days check not computed: due date is blank but 60.00 is still open",
    ]);
    // The customer keeps its grade and decisions; only the overdue figures are unknown.
    expect(byId("C003")).toMatchObject({ errors: [], grade: "low", overdueAmount: undefined, daysPastDue: undefined });
    expect(byId("C003").findings).toEqual([]);
    expect(byId("C003").actions).toEqual([{ code: "KEEP_TERMS", because: "DATA_ISSUE" }]);
  });

  test("the share of customers overdue says its base where customers without overdue figures count neither way, in every face", () => {
    // C003 and C004 have an open amount without a due date: 2 overdue of the 3 others, not of 5.
    expect(result.portfolio).toMatchObject({ overdueCustomers: 2, overdueCounted: 3 });
    expect(result.portfolio.overdueShare).toBeCloseTo(2 / 3, 12);
    const base = "2 of 3 with overdue figures known";
    const summary = buildWritePlan(result, "en", { sheetNames: [] }).sheets[0];
    const shareRow = summary.blocks.find((b) => b.values[0]?.[0] === "Share of customers overdue")!;
    // On the one-page dashboard, under the figure (its right half holds the charts); the report has it beside, in brackets.
    const under = summary.blocks.find((b) => b.row === shareRow.row + 1 && b.column === shareRow.column + 1);
    expect(under?.values).toEqual([[base]]);
    expect(toTable(result, "en", "out.xlsx")).toContain(`Share of customers overdue: 66.7% (${base})`);
    expect(toJson(result, "en").portfolio.overdueShareBase).toEqual({ customers: 3, text: base });
    expect(toJson(result, "zh").portfolio.overdueShareBase?.text).toBe("逾期情况已知的 3 位中 2 位");
    // Every customer counted: the share alone.
    const counted = review(
      SHEET,
      LEDGER.filter((line) => line[1] !== "INV-11" && line[1] !== "INV-12"),
    );
    expect(counted.portfolio.overdueCounted).toBe(counted.portfolio.customers);
    expect(toJson(counted, "en").portfolio.overdueShareBase).toEqual({ customers: counted.portfolio.customers, text: null });
    expect(toTable(counted, "en", "out.xlsx")).toMatch(/Share of customers overdue: \d+\.\d%\n/);
  });

  test("portfolio: aging totals are the sum of the reviewed customers' open amounts", () => {
    expect(result.portfolio).toMatchObject({ customers: 5, reviewed: 5, withErrors: 0, overdueCustomers: 2 });
    expect(result.portfolio.aging).toEqual({
      labels: ["Current", "1–30", "31–60", "61–90", "91+"],
      totals: [170, 300, 300, 500, 350],
    });
    expect(result.portfolio.warnings).toEqual(["OVERDUE_SHARE"]);
    // The summary's aging table: each bucket with its share of what was aged, then their total.
    const summary = buildWritePlan(result, "en", { sheetNames: [] }).sheets[0];
    const rows = summary.blocks
      .filter((b) => b.column === 0)
      .flatMap((b) => b.values.map((line) => line.map((v) => (typeof v === "number" ? Math.round(v * 1e4) / 1e4 : v)).join("|")));
    const at = rows.indexOf("Aging bucket|Amount|Share of total");
    expect(rows.slice(at + 1, at + 7)).toEqual([
      "Current|170|0.1049",
      "1–30|300|0.1852",
      "31–60|300|0.1852",
      "61–90|500|0.3086",
      "91+|350|0.216",
      "Total|1620|1",
    ]);
    expect(result.columns.skippedChecks).toEqual([
      "SCORE_RISE",
      "NEGATIVE_NEWS",
      "Z_DISTRESS",
      "LIQUIDITY",
      "LEVERAGE",
      "COVERAGE",
    ]);
    expect(result.ledgerSheet).toBe("Ledger");
  });

  test("the summary sheet plans the aging table and chart, beside the chart of exposure by grade", () => {
    const summary = buildWritePlan(result, "en", { sheetNames: [] }).sheets[0];
    expect(summary.charts!.map((c) => c.title)).toEqual(["Exposure by risk grade", "Receivables aging"]);
    const chart = summary.charts![1];
    const cells = new Map<string, unknown>();
    for (const b of summary.blocks)
      b.values.forEach((line, r) => line.forEach((v, c) => cells.set(`${b.row + r},${b.column + c}`, v)));
    const labels = Array.from({ length: 5 }, (_, i) => cells.get(`${chart.categories.row + i},${chart.categories.column}`));
    const totals = Array.from({ length: 5 }, (_, i) => cells.get(`${chart.values.row + i},${chart.values.column}`));
    expect(labels).toEqual(["Current", "1–30", "31–60", "61–90", "91+"]);
    expect(totals).toEqual([170, 300, 300, 500, 350]);
    // Amounts from 0, labelled and gridded, in both charts: a bar's height is its amount. The aging's
    // top, 600 in steps of 200, leaves the 500 bar's label room under it.
    expect(summary.charts!.map((c) => c.valueAxis)).toEqual([
      { minimum: 0, maximum: 2000, majorUnit: 500, labels: true, gridlines: true },
      { minimum: 0, maximum: 600, majorUnit: 200, labels: true, gridlines: true },
    ]);
  });

  test("a portfolio in credit in its Current bucket: the aging chart's axis has no floor of 0 to cut that bar off", () => {
    const sheet = customerSheet(
      ["Credit limit", "Outstanding balance"],
      [
        { id: "C001", extra: [5000, -5000] },
        { id: "C002", extra: [5000, 6000] },
      ],
    );
    const ledger: CellValue[][] = [LEDGER_HEADER, ["C001", "CN-1", due(40), -5000, null], ["C002", "INV-1", due(40), 6000, null]];
    const inCredit = review(sheet, ledger);
    expect(inCredit.portfolio.aging!.totals).toEqual([-5000, 0, 6000, 0, 0]);
    const charts = buildWritePlan(inCredit, "en", { sheetNames: [] }).sheets[0].charts!;
    expect(charts.map((c) => [c.title, c.valueAxis])).toEqual([
      // The grades' exposure is 1,000 in all: from 0.
      ["Exposure by risk grade", { minimum: 0, maximum: 1250, majorUnit: 250, labels: true, gridlines: true }],
      ["Receivables aging", { maximum: 8000, majorUnit: 2000, labels: true, gridlines: true }],
    ]);
  });

  test("the aging table's shares are of what was aged; a bucket in credit (credit notes outweighing its invoices) leaves them blank", () => {
    const sheet = customerSheet(
      ["Credit limit", "Outstanding balance"],
      [
        { id: "C001", extra: [5000, -5000] },
        { id: "C002", extra: [5000, 1000] },
      ],
    );
    const shares = (ledger: CellValue[][]) => {
      const summary = buildWritePlan(review(sheet, ledger), "en", { sheetNames: [] }).sheets[0];
      const rows = summary.blocks.filter((b) => b.column === 0).flatMap((b) => b.values);
      const at = rows.findIndex((line) => line[0] === "Aging bucket");
      return rows.slice(at + 1, at + 7).map((line) => line[2]);
    };
    const NO_SHARES = new Array(6).fill(null);
    // 1,000 owed in 31–60, 500 in credit in Current: shares of the net 500 would read -100% and 200%.
    expect(shares([LEDGER_HEADER, ["C001", "CN-1", due(40), -500, null], ["C002", "INV-1", due(40), 1000, null]])).toEqual(
      NO_SHARES,
    );
    expect(shares([LEDGER_HEADER, ["C001", "INV-0", due(-5), 250, null], ["C002", "INV-1", due(40), 750, null]])).toEqual([
      0.25, 0, 0.75, 0, 0, 1,
    ]);
    expect(shares([LEDGER_HEADER, ["C001", "CN-1", due(40), -5000, null], ["C002", "INV-1", due(40), 1000, null]])).toEqual(
      NO_SHARES,
    );
  });
});

describe("credit notes settle the oldest amounts owed first, as cash application does by default", () => {
  const sheet = (balance: number) =>
    customerSheet(["Credit limit", "Outstanding balance"], [{ id: "C001", extra: [10000, balance] }]);
  const legalLine = (c: CustomerResult, lang: "en" | "zh" = "en") =>
    c.actions.filter((a) => a.code === "LEGAL_ACTION").map((a) => decisionLine(a, c, lang, DEFAULT_POLICY, NO_MARKS));

  test("a credit note that settles the oldest invoice: its age is not the days past due, nothing is 91+ and no legal action", () => {
    const [c] = review(sheet(100), [
      LEDGER_HEADER,
      ["C001", "INV-A", due(185), 1000, 0],
      ["C001", "CN-A", due(185), -1000, 0],
      ["C001", "INV-B", due(40), 100, 0],
    ]).customers;
    expect(c).toMatchObject({ aging: [0, 0, 100, 0, 0], overdueAmount: 100, daysPastDue: 40, overduePastLegalAction: 0 });
    expect(c.findings).toEqual([]);
    expect(c.actions).toEqual([{ code: "KEEP_TERMS", because: "OVERDUE" }]);
  });

  test("a credit dated after the invoices still settles the oldest; the oldest partly settled invoice keeps its age", () => {
    const [c] = review(sheet(600), [
      LEDGER_HEADER,
      ["C001", "CN-1", due(-20), -700, null], // not yet due itself: no matter
      ["C001", "INV-1", due(200), 500, null],
      ["C001", "INV-2", due(100), 300, null],
      ["C001", "INV-3", due(10), 500, null],
    ]).customers;
    // 700 settles INV-1 (500, 200 days) and 200 of INV-2 (100 days): 100 of INV-2 and INV-3 are still owed.
    expect(c).toMatchObject({ aging: [0, 500, 0, 0, 100], overdueAmount: 600, daysPastDue: 100, overduePastLegalAction: 0 });
    expect(c.findings.map((f) => f.code)).toEqual(["OVERDUE_90"]);
  });

  test("a credit note with no due date is not an error: it settles the oldest, and a debt 120 days overdue still raises OVERDUE_90", () => {
    const [c] = review(sheet(800), [
      LEDGER_HEADER,
      ["C001", "INV1", due(120), 1000, 0],
      ["C001", "CN1", null, -200, 0],
    ]).customers;
    expect(c.notes).toEqual([]);
    expect(c).toMatchObject({ aging: [0, 0, 0, 0, 800], overdueAmount: 800, daysPastDue: 120 });
    expect(c.findings).toEqual([{ code: "OVERDUE_90", value: 120, threshold: 90, format: "days" }]);
    expect(c.actions).toEqual([{ code: "ESCALATE_COLLECTION", because: "OVERDUE_90" }]);
  });

  test("legal action quotes what is past the legal-action days, not the whole overdue; figures free of float dust", () => {
    const [c] = review(sheet(50000.01), [
      LEDGER_HEADER,
      ["C001", "INV-A", due(400), 1000, 999.99],
      ["C001", "INV-B", due(5), 50000, 0],
    ]).customers;
    expect(c).toMatchObject({ aging: [0, 50000, 0, 0, 0.01], overdueAmount: 50000.01, daysPastDue: 400 });
    expect(c.overduePastLegalAction).toBe(0.01);
    expect(legalLine(c)).toEqual([
      "Consider legal action — 0.01 is overdue more than 180 days, the oldest 400 days past due (legal action after 180 days).",
    ]);
    expect(legalLine(c, "zh")).toEqual([
      `${message("zh", "action.LEGAL_ACTION")}：逾期超过 180 天的金额为 0.01，最早一笔已逾期 400 天（超过 180 天考虑法律行动）。`,
    ]);
  });

  test("credits settle the amount past the legal-action days before any younger one", () => {
    const [c] = review(sheet(1500), [
      LEDGER_HEADER,
      ["C001", "INV-1", due(300), 800, null],
      ["C001", "INV-2", due(200), 700, null],
      ["C001", "INV-3", due(100), 400, null],
      ["C001", "CN-1", due(1), -400, null],
    ]).customers;
    expect(c).toMatchObject({ aging: [0, 0, 0, 0, 1500], daysPastDue: 300, overduePastLegalAction: 1100 });
    expect(legalLine(c)[0]).toContain("1,100.00 is overdue more than 180 days, the oldest 300 days past due");
  });

  test("a credit that settles invoices to within float dust leaves nothing of them owed: the next one is the oldest", () => {
    const [c] = review(sheet(50), [
      LEDGER_HEADER,
      ["C001", "INV-1", due(200), 0.1, null],
      ["C001", "INV-2", due(200), 0.2, null],
      ["C001", "CN-1", due(1), -0.3, null],
      ["C001", "INV-3", due(20), 50, null],
    ]).customers;
    expect(c).toMatchObject({ aging: [0, 50, 0, 0, 0], overdueAmount: 50, daysPastDue: 20, overduePastLegalAction: 0 });
    expect(c.actions).toEqual([{ code: "KEEP_TERMS", because: "OVERDUE" }]);
  });

  test("a credit of an invalid date is still an error naming its cell; only a blank date is allowed, and only on a credit", () => {
    const [c] = review(sheet(800), [
      LEDGER_HEADER,
      ["C001", "INV1", due(120), 1000, 0],
      ["C001", "CN1", "soon", -200, 0],
    ]).customers;
    expect(c.overdueAmount).toBeUndefined();
    expect(c.notes.map((n) => describeError(n.reason, "en"))).toEqual([
      'sheet Ledger, row 3, column C (Due date): must be a date (such as 2026-11-30), got "soon"',
    ]);
  });
});

describe("ledger variants", () => {
  test("a clean ledger: portfolio aging totals equal the ledger's open amounts", () => {
    const ledger: CellValue[][] = [
      LEDGER_HEADER,
      ["A", "1", dueDate(3), 1000.1, 0.1],
      ["B", "2", dueDate(400), 2500.25, 500],
      ["A", "3", dueDate(-30), 333.33, null],
      ["C", "4", dueDate(61), 99.99, 9.99],
      ["B", "5", dueDate(60), 10, 4],
    ];
    const open = ledger.slice(1).reduce((s, l) => s + (l[3] as number) - ((l[4] as number | null) ?? 0), 0);
    const values = customerSheet([], [{ id: "A" }, { id: "B" }, { id: "C" }]);
    const r = review(values, ledger);
    expect(r.portfolio.withErrors).toBe(0);
    const totals = r.portfolio.aging!.totals!;
    expect(totals.reduce((s, v) => s + v, 0)).toBeCloseTo(open, 9);
    expect(totals.map((v) => Math.round(v * 100) / 100)).toEqual([333.33, 1000, 6, 90, 2000.25]);
    expect(r.customers.map((c) => c.daysPastDue)).toEqual([3, 400, 61]);
    expect(r.customers.map((c) => c.findings.map((f) => f.code))).toEqual([[], ["OVERDUE_90"], []]);
    expect(r.customers[1].actions).toEqual([
      { code: "ESCALATE_COLLECTION", because: "OVERDUE_90" },
      { code: "LEGAL_ACTION", because: "PAST_LEGAL_DAYS" },
    ]);
  });

  test("the policy's aging edges are used (ERP-style 30/60/90/120)", () => {
    const policy = completePolicy({ agingEdges: [30, 60, 90, 120] });
    const ledger = [
      LEDGER_HEADER,
      ["A", "1", due(100), 10, null],
      ["A", "2", due(121), 20, null],
      ["A", "3", due(120), 40, null],
    ];
    const r = review(customerSheet([], [{ id: "A" }]), ledger, policy);
    expect(r.customers[0].aging).toEqual([0, 0, 0, 0, 50, 20]);
    expect(r.portfolio.aging!.labels).toEqual(["Current", "1–30", "31–60", "61–90", "91–120", "121+"]);
  });

  test("Chinese ledger headers, customers matched by name", () => {
    const ledger = [
      ["客户名称", "发票号", "到期日", "金额", "已收金额"],
      ["甲公司", "F1", "2025-12-01", 800, 300],
    ];
    const values = customerSheet([], [{ id: "K1", name: "甲公司" }]);
    const r = review(values, ledger);
    expect(r.customers[0].aging).toEqual([0, 0, 0, 0, 500]);
    expect(r.customers[0].daysPastDue).toBe(104);
  });

  test("a text amount in the ledger is a note for that customer, naming the ledger cell", () => {
    const ledger = [LEDGER_HEADER, ["A", "1", due(10), "lots", null], ["B", "2", due(10), 5, null]];
    const r = review(customerSheet([], [{ id: "A" }, { id: "B" }]), ledger);
    expect(r.customers[0].errors).toEqual([]);
    expect(r.customers[0].notes.map((n) => describeError(n.reason, "en"))).toEqual([
      'sheet Ledger, row 2, column D (Amount): must be a number, got "lots"',
    ]);
    expect(r.customers[1].errors).toEqual([]);
    expect(r.portfolio.aging!.totals).toEqual([0, 5, 0, 0, 0]);
  });

  test("an id the sheet holds as a number (shown 00001) meets the ledger's text '00001'; other ids keep their zeros", () => {
    const sheet = customerSheet(
      ["Outstanding balance"],
      [
        { id: 1, extra: [300] },
        { id: "C007", extra: [200] },
      ],
    );
    const ledger: CellValue[][] = [LEDGER_HEADER, ["00001", "INV-1", due(40), 300, null], ["c007", "INV-2", due(100), 200, null]];
    const [numbered, lettered] = review(sheet, ledger).customers;
    expect(numbered).toMatchObject({ overdueAmount: 300, daysPastDue: 40, notes: [] });
    expect(lettered).toMatchObject({ overdueAmount: 200, daysPastDue: 100 });
    expect(customerKey("00001")).toBe("1");
    expect(customerKey("0")).toBe("0");
    expect(customerKey("007-A")).toBe("007-a");
  });

  test("a sheet that is not a ledger is refused by name", () => {
    expect(() =>
      review(SHEET, [
        ["Name", "Notes"],
        ["x", "y"],
      ]),
    ).toThrow(CreditError);
    expect(() =>
      review(SHEET, [
        ["Name", "Notes"],
        ["x", "y"],
      ]),
    ).toThrow('sheet "Ledger" does not look like an invoice ledger: it needs customer, due date and amount columns');
  });
});

test("a ledger none of whose customers' rows can be used leaves the share overdue unknown, not 0%", () => {
  const sheet = customerSheet(
    ["Outstanding balance"],
    [
      { id: "C001", extra: [300] },
      { id: "C002", extra: [200] },
    ],
  );
  const ledger: CellValue[][] = [LEDGER_HEADER, ["C001", "INV-1", null, 300, null], ["C002", "INV-2", "soon", 200, null]];
  const result = review(sheet, ledger);
  expect(result.customers.map((c) => c.overdueAmount)).toEqual([undefined, undefined]);
  expect(result.portfolio.overdueShare).toBeUndefined();
  expect(result.portfolio.warnings).toEqual([]);
  // One usable customer is enough for a share: of the customers whose overdue status can be told,
  // C002 alone (C001's open invoice has no due date: neither overdue nor on time).
  ledger[2] = ["C002", "INV-2", due(10), 200, null];
  const one = review(sheet, ledger);
  expect(one.customers.map((c) => c.overdueAmount)).toEqual([undefined, 200]);
  expect(one.portfolio.overdueShare).toBe(1);
});

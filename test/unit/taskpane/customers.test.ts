/** The customer list's logic: needs-attention order, the line under each name, actions and data errors. */
import { CreditError } from "../../../src/engine/errors";
import { translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { CustomerResult, runReview } from "../../../src/engine/review/review";
import {
  actionGroups,
  attentionGroup,
  errorLines,
  filterCustomers,
  gradeLabel,
  sortCustomers,
  standOutLine,
} from "../../../src/taskpane/customers";
import { customerSheet } from "./workbooks";

const en = translator("en");
const zh = translator("zh");

/** A customer as the review gives it, with what a case needs changed. */
function customer(row: number, parts: Partial<CustomerResult>): CustomerResult {
  return {
    row,
    id: `C${row}`,
    name: `Customer ${row}`,
    ratios: {},
    findings: [],
    actions: [{ code: "KEEP_TERMS", because: "GRADE_MEDIUM" }],
    notes: [],
    errors: [],
    ...parts,
  };
}
const finding = (code: "OVER_LIMIT" | "OVERDUE_90" | "NEGATIVE_NEWS") => ({
  code,
  value: 2,
  threshold: 1,
  format: "money" as const,
});
const bad = new CreditError("value", "review.notNumber", { value: "abc" }, { row: 24, column: "E (Total liabilities)" });

const CASES = [
  customer(2, { score: 1.5, grade: "low" }),
  customer(3, { score: 4.1, grade: "high", findings: [finding("OVER_LIMIT")] }),
  customer(4, { score: 2.9, grade: "medium", findings: [finding("OVER_LIMIT"), finding("OVERDUE_90")] }),
  customer(5, { errors: [bad] }),
  customer(6, { score: 4.6, grade: "high" }),
  customer(7, { score: 1.2, grade: "low", findings: [finding("OVER_LIMIT")] }),
  customer(8, { score: 2.7, grade: "medium" }),
];

describe("needs attention first", () => {
  test("customers at risk (a warning, overdue now, High), then rows that could not be graded, then the rest", () => {
    expect(CASES.map(attentionGroup)).toEqual([2, 0, 0, 1, 0, 0, 2]);
    // No balances: at risk by score, then sheet order; the rest by score.
    expect(sortCustomers(CASES, "attention", "en", true).map((c) => c.row)).toEqual([6, 3, 4, 7, 5, 8, 2]);
    const overdueNow = customer(9, { score: 1.2, grade: "low", overdueAmount: 500, daysPastDue: 12 });
    expect(attentionGroup(overdueNow)).toBe(0);
  });

  test("at risk, the larger balance first, as the summary's top risks: the pane and the report name the same customers first", () => {
    const list = [
      customer(2, { score: 4.6, grade: "high", balance: 1000 }),
      customer(3, { score: 1.4, grade: "low", balance: 90000, overdueAmount: 36000, daysPastDue: 20 }),
      customer(4, { score: 2.0, grade: "low", balance: 276000, findings: [finding("OVER_LIMIT")] }),
      customer(5, { score: 2.0, grade: "low", balance: 500000 }),
    ];
    expect(sortCustomers(list, "attention", "en", true).map((c) => c.row)).toEqual([4, 3, 2, 5]);
    const review = runReview({ sheetName: "Customers", values: customerSheet(40), asOf: 46000, policy: DEFAULT_POLICY }, "en");
    const top = review.portfolio.topRisks.map((r) => r.row);
    expect(top.length).toBeGreaterThan(0);
    expect(
      sortCustomers(review.customers, "attention", "en", true)
        .slice(0, top.length)
        .map((c) => c.row),
    ).toEqual(top);
  });

  test("the other orders: score, name (by the language's collation), sheet row; the input is left as it was", () => {
    const before = CASES.map((c) => c.row);
    expect(sortCustomers(CASES, "score", "en", true).map((c) => c.row)).toEqual([6, 3, 4, 8, 2, 7, 5]);
    expect(sortCustomers(CASES, "row", "en", true).map((c) => c.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const named = [customer(2, { name: "张三" }), customer(3, { name: "李四" }), customer(4, { name: "阿五" })];
    expect(sortCustomers(named, "name", "zh", true).map((c) => c.name)).toEqual(["阿五", "李四", "张三"]);
    expect(CASES.map((c) => c.row)).toEqual(before);
  });
});

describe("the line under a name", () => {
  test("the first warning and how many more, in either language", () => {
    expect(standOutLine(CASES[2], "en", en)).toBe("Over credit limit and 1 more");
    expect(standOutLine(CASES[2], "zh", zh)).toBe("超出信用额度，另有 1 项");
    expect(standOutLine(CASES[1], "en", en)).toBe("Over credit limit");
    expect(standOutLine(CASES[0], "en", en)).toBe("No warnings");
  });

  test("no warning: the data it could not use, else why it is at risk (overdue now, High), in either language", () => {
    const overdueNow = customer(9, { score: 1.2, grade: "low", overdueAmount: 36000, daysPastDue: 12 });
    expect(standOutLine(overdueNow, "en", en)).toBe("36,000.00 is overdue: no limit raise until it is paid.");
    expect(standOutLine(overdueNow, "zh", zh)).toBe("逾期金额 36,000.00，付清前不提高额度。");
    expect(standOutLine(CASES[4], "en", en)).toMatch(/^Risk score 4\.60/);
    const noted = customer(10, {
      score: 2,
      grade: "low",
      notes: [{ affects: ["utilisation"], reason: bad, toFix: true }],
    });
    expect(standOutLine(noted, "en", en)).toMatch(/^Data to fix: row 24, column E \(Total liabilities\)/);
    expect(standOutLine(noted, "zh", zh)).toMatch(/^数据待修正：/);
  });

  test("a data error says where it is", () => {
    expect(standOutLine(CASES[3], "en", en)).toBe(
      'Data error: row 24, column E (Total liabilities): must be a number, got "abc"',
    );
    expect(standOutLine(customer(5, { errors: [bad, bad] }), "en", en)).toMatch(/^2 data errors, first: row 24/);
    expect(gradeLabel(CASES[3], en)).toBe("Data error");
    expect(filterCustomers(CASES, "errors", "").map((c) => c.row)).toEqual([5]);
    expect(filterCustomers(CASES, "high", "").map((c) => c.row)).toEqual([3, 6]);
  });
});

describe("actions and errors for the details", () => {
  test("each action on its own line in the review's order, each with the rule or warning behind it", () => {
    const review = runReview({ sheetName: "Customers", values: customerSheet(9), asOf: 46000, policy: DEFAULT_POLICY }, "en");
    const high = review.customers.find((c) => c.grade === "high" && c.findings.some((f) => f.code === "OVERDUE_90"))!;
    // A rule's reason, worded to follow its action elsewhere, starts its own line here.
    const highBand = "Risk score 4.45 is in the high-risk band (from 3.50).";
    // The grade's three actions share one reason, said once under them.
    expect(actionGroups(high, "en", DEFAULT_POLICY)).toEqual([
      {
        actions: [
          { code: "PREPAYMENT", text: "Require prepayment" },
          { code: "RESTRICT_LIMIT", text: "Restrict the credit limit" },
          { code: "GUARANTEE", text: "Ask for a guarantee or credit insurance" },
        ],
        reason: highBand,
      },
      {
        actions: [{ code: "ESCALATE_COLLECTION", text: "Escalate collection and stop shipments" }],
        reason: "The oldest unpaid amount is 120 days past due (more than 90 days triggers a warning).",
      },
    ]);
    expect(actionGroups(high, "zh", DEFAULT_POLICY)[0]).toEqual({
      actions: [
        { code: "PREPAYMENT", text: "要求预付款" },
        { code: "RESTRICT_LIMIT", text: "限制信用额度" },
        { code: "GUARANTEE", text: "要求提供担保或投保信用保险" },
      ],
      reason: "风险评分 4.45 属于高风险区间（3.50 起）。",
    });
  });

  test("an error's cell: its column letters and row, on the customer's sheet or the one the error names", () => {
    expect(errorLines(CASES[3], "Customers", "en")).toEqual([
      {
        text: 'row 24, column E (Total liabilities): must be a number, got "abc"',
        cell: { sheet: "Customers", area: { row: 23, column: 4, rows: 1, columns: 1 }, address: "E24", elsewhere: false },
      },
    ]);
    const ledger = new CreditError(
      "value",
      "review.ledgerNoDue",
      { amount: 5 },
      { sheet: "Invoices", row: 7, column: "AB (Due)" },
    );
    expect(errorLines(customer(5, { errors: [ledger] }), "Customers", "en")[0].cell).toEqual({
      sheet: "Invoices",
      area: { row: 6, column: 27, rows: 1, columns: 1 },
      address: "AB7",
      elsewhere: true,
    });
    // An error that names no cell gets no Go-to.
    const rowOnly = new CreditError("value", "review.notNumber", { value: "x" }, { row: 9 });
    expect(errorLines(customer(5, { errors: [rowOnly] }), "Customers", "en")[0].cell).toBeUndefined();
  });

  test("a note (a figure not computed) is listed with its cell; the customer keeps its grade and is among those with data to fix", () => {
    const noted = customer(9, {
      score: 1.5,
      grade: "low",
      notes: [{ affects: ["recommendedLimit", "OVER_LIMIT"], reason: bad, toFix: true }],
    });
    expect(errorLines(noted, "Customers", "en")).toEqual([
      {
        text: 'row 24, column E (Total liabilities): recommended limit and Over credit limit check not computed: must be a number, got "abc"',
        cell: { sheet: "Customers", area: { row: 23, column: 4, rows: 1, columns: 1 }, address: "E24", elsewhere: false },
      },
    ]);
    expect(gradeLabel(noted, en)).toBe("Low");
    expect(filterCustomers([noted, CASES[0]], "errors", "").map((c) => c.row)).toEqual([9]);
    expect(filterCustomers([noted, CASES[0]], "low", "").map((c) => c.row)).toEqual([9, 2]);
  });

  test("with the review's policy, each action line carries its reason with the customer's figures", () => {
    const over = customer(3, {
      score: 1.5,
      grade: "low",
      findings: [{ code: "OVER_LIMIT", value: 1380000, threshold: 100000, format: "money" }],
      actions: [{ code: "HOLD_ORDERS", because: "OVER_LIMIT" }],
    });
    expect(actionGroups(over, "en", DEFAULT_POLICY)).toEqual([
      {
        actions: [{ code: "HOLD_ORDERS", text: "Hold new orders until the balance is back under the limit" }],
        reason: "Outstanding balance 1,380,000.00 is above the credit limit 100,000.00.",
      },
    ]);
  });
});

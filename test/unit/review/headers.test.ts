/** Header detection: where the header row is, what each column holds, what is missing. */
import { CellValue } from "../../../src/engine/cells";
import { CreditError, describeError } from "../../../src/engine/errors";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { headerKey, INPUT_ALIASES, INPUT_FIELDS, OUTPUT_HEADERS } from "../../../src/engine/review/fields";
import { runReview } from "../../../src/engine/review/review";
import { WARNING_CODES } from "../../../src/engine/review/warnings";
import { customerSheet, FACTOR_HEADERS, FACTOR_HEADERS_ZH, serial, utcDate } from "../../support/review-grid";

const asOf = serial("2026-03-15");
const review = (
  values: CellValue[][],
  extra: { origin?: { row: number; column: number }; mapping?: Record<string, never> } = {},
  lang: "en" | "zh" = "en",
) => runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY, ...extra }, lang);

function thrown(fn: () => unknown): CreditError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CreditError) return error;
    throw error;
  }
  throw new Error("expected a CreditError");
}

const EN_ALL = [
  "Customer ID",
  "Customer",
  ...FACTOR_HEADERS,
  "Previous score",
  "Credit limit",
  "Outstanding balance",
  "Overdue amount",
  "Days past due",
  "Negative news date",
  "Current assets",
  "Current liabilities",
  "Inventory",
  "Total assets",
  "Total liabilities",
  "Retained earnings",
  "EBIT",
  "Interest expense",
  "Sales",
  "Equity",
  "Z model",
  "Action taken",
];
const ZH_ALL = [
  "客户编号",
  "客户名称",
  ...FACTOR_HEADERS_ZH,
  "上期评分",
  "信用额度",
  "应收账款余额",
  "逾期金额",
  "逾期天数",
  "负面新闻日期",
  "流动资产",
  "流动负债",
  "存货",
  "资产总额",
  "负债总额",
  "留存收益",
  "息税前利润",
  "利息费用",
  "营业收入",
  "股东权益",
  "Z模型",
  "已采取措施",
];
// One customer with every column: high risk, over its limit, 91 days overdue, recent news, weak ratios.
const FULL_ROW: CellValue[] = [
  "K-01",
  "Kestrel Ltd",
  4,
  4,
  4,
  4,
  4,
  2.5,
  1000,
  1200,
  300,
  91,
  utcDate("2026-03-01"),
  90,
  100,
  10,
  1000,
  800,
  0,
  10,
  100,
  1000,
  0,
  "private",
  "  Limit cut to 600 on 03-02  ",
];

describe("header row and columns", () => {
  test.each([
    ["English", EN_ALL],
    ["Chinese", ZH_ALL],
  ])("%s headers: every field is found in its column and the review runs", (_name, headers) => {
    const result = review([headers, FULL_ROW]);
    expect(result.columns.headerRow).toBe(1);
    expect(result.columns.found.map((f) => f.field)).toEqual([...INPUT_FIELDS]);
    expect(result.columns.found.map((f) => f.column)).toEqual("ABCDEFGHIJKLMNOPQRSTUVWXY".split(""));
    expect(result.columns.found.map((f) => f.header)).toEqual(headers);
    expect(result.columns.missingOptional).toEqual([]);
    expect(result.columns.unknown).toEqual([]);
    expect(result.columns.duplicates).toEqual([]);
    expect(result.columns.skippedChecks).toEqual([]);
    const c = result.customers[0];
    expect(c.errors).toEqual([]);
    expect(c.id).toBe("K-01");
    expect(c.name).toBe("Kestrel Ltd");
    expect(c.actionTaken).toBe("Limit cut to 600 on 03-02");
    expect(c.grade).toBe("high");
    expect(c.findings.map((f) => f.code)).toEqual([
      "SCORE_RISE",
      "NEGATIVE_NEWS",
      "OVER_LIMIT",
      "OVERDUE_90",
      "Z_DISTRESS",
      "LIQUIDITY",
      "LEVERAGE",
      "COVERAGE",
    ]);
  });

  test("header on row 3 under a title: rows are numbered as on the sheet", () => {
    const values: CellValue[][] = [
      ["Customer credit review — March 2026", null, null],
      [],
      ...customerSheet(["Credit limit"], [{ extra: [5000] }, { factors: [2, 2, 0, 2, 2], extra: [10] }]),
    ];
    const result = review(values);
    expect(result.columns.headerRow).toBe(3);
    expect(result.layout.headerRow).toBe(2);
    expect(result.layout.firstRow).toBe(3);
    expect(result.customers.map((c) => c.row)).toEqual([4, 5]);
    expect(describeError(result.customers[1].errors[0], "en")).toBe(
      "row 5, column E (Industry risk): industry risk must be between 1 and 5, got 0",
    );
  });

  test("header found on row 30, not on row 31 (the first 30 rows are scanned)", () => {
    const sheet = customerSheet([], [{}]);
    const at = (row: number) => [...Array.from({ length: row - 1 }, () => ["note"] as CellValue[]), ...sheet];
    expect(review(at(30)).columns.headerRow).toBe(30);
    expect(thrown(() => review(at(31))).key).toBe("review.noHeader");
  });

  test("a table that does not start at A1: letters and rows count from its origin", () => {
    const values = customerSheet([], [{ factors: [2, "x", 2, 2, 2] }]);
    const result = review(values, { origin: { row: 4, column: 2 } });
    expect(result.columns.headerRow).toBe(5);
    expect(result.columns.found.slice(0, 3).map((f) => f.column)).toEqual(["C", "D", "E"]);
    expect(describeError(result.customers[0].errors[0], "en")).toBe(
      'row 6, column F (Contract performance): contract performance must be a number from 1 to 5, got "x"',
    );
  });

  test("unknown columns are reported by letter and header, and do not stop the review", () => {
    const values = customerSheet(["Sales rep", "Credit limit", "Region"], [{ extra: ["Ann", 100, "North"] }]);
    const result = review(values);
    expect(result.columns.unknown).toEqual([
      { column: "H", header: "Sales rep" },
      { column: "J", header: "Region" },
    ]);
    expect(result.columns.found.find((f) => f.field === "creditLimit")).toEqual({
      field: "creditLimit",
      column: "I",
      header: "Credit limit",
    });
    expect(result.customers[0].creditLimit).toBe(100);
  });

  test("duplicate headers are reported and the first one is used", () => {
    const values = customerSheet(
      ["Credit limit", "Outstanding balance", "credit limit", "客户名称"],
      [{ name: "First", extra: [1000, 1500, 99999, "Second"] }],
    );
    const result = review(values);
    expect(result.columns.duplicates).toEqual([
      { field: "creditLimit", column: "J", usedColumn: "H" },
      { field: "name", column: "K", usedColumn: "B" },
    ]);
    expect(result.columns.unknown).toEqual([]);
    const c = result.customers[0];
    expect(c.creditLimit).toBe(1000);
    expect(c.name).toBe("First");
    expect(c.findings.map((f) => f.code)).toEqual(["OVER_LIMIT"]);
  });

  test.each([
    ["CREDIT LIMIT (USD)", "creditLimit"],
    ["信用额度（元）", "creditLimit"],
    ["Credit limit [CNY]", "creditLimit"],
    ["  credit   limit ", "creditLimit"],
    ["Credit-Limit", "creditLimit"],
    ["credit_limit", "creditLimit"],
    ["应收账款余额(万元)", "balance"],
    ["Outstanding Balance (USD)", "balance"],
    ["DAYS PAST DUE (days)", "daysPastDue"],
    ["Days-past-due", "daysPastDue"],
    ["Negative news date:", "negativeNewsDate"],
    ["Z-Model", "zModel"],
    ["ＥＢＩＴ", "ebit"],
  ] as const)("header %j is the %s column", (header, field) => {
    expect(headerKey(header)).not.toBe("");
    const values = customerSheet(
      [header],
      [{ extra: [field === "negativeNewsDate" ? utcDate("2026-01-01") : field === "zModel" ? "public" : 7] }],
    );
    const result = review(values);
    expect(result.columns.found.find((f) => f.field === field)).toEqual({ field, column: "H", header: header.trim() });
    expect(result.columns.unknown).toEqual([]);
  });

  test.each([
    "Customer #",
    "Customer No.",
    "Customer no",
    "Account #",
    "Account no",
    "Account No.",
    "Client #",
    "Cust. #",
    "Customer №",
  ])("%j names the id column, beside a name column whose names are read", (header) => {
    const values = [
      [header, "Customer name", ...FACTOR_HEADERS],
      ["10042", "Harbour Foods", 1, 2, 2, 2, 2],
    ];
    const result = review(values);
    expect(result.columns.found.slice(0, 2)).toEqual([
      { field: "id", column: "A", header },
      { field: "name", column: "B", header: "Customer name" },
    ]);
    expect([result.columns.unknown, result.columns.duplicates]).toEqual([[], []]);
    expect(result.customers[0]).toMatchObject({ id: "10042", name: "Harbour Foods" });
  });

  test("a number sign reads as no, wherever it stands; a header of it alone names nothing", () => {
    expect(headerKey("Customer #")).toBe(headerKey("Customer no"));
    expect(headerKey("Account#")).toBe(headerKey("Account No"));
    expect(headerKey("Customer ＃ (SAP)")).toBe(headerKey("Customer no"));
    expect(headerKey("Customer #")).not.toBe(headerKey("Customer"));
    const values = [
      ["#", "Customer", ...FACTOR_HEADERS],
      [1, "Harbour Foods", 1, 2, 2, 2, 2],
    ];
    expect(review(values).columns.unknown).toEqual([{ column: "A", header: "#" }]);
  });

  test("a Chinese sheet headed in an analyst's own words has every column read, and its warnings follow", () => {
    const values = [
      [
        "客户代码",
        "公司名称",
        ...FACTOR_HEADERS_ZH,
        "上期风险评分",
        "赊销额度",
        "欠款余额",
        "逾期账款",
        "逾期日数",
        "主营业务收入",
      ],
      ["K-001", "华东机电", 2, 2, 2, 2, 2, 1.5, 100_000, 130_000, 40_000, 95, 5_000_000],
    ];
    const result = review(values, {}, "zh");
    expect(result.columns.found.map((f) => [f.field, f.header])).toEqual([
      ["id", "客户代码"],
      ["name", "公司名称"],
      ...FACTOR_HEADERS_ZH.map((h, i) => [
        ["paymentHistory", "contractPerformance", "industryRisk", "marketReputation", "complianceRecord"][i],
        h,
      ]),
      ["previousScore", "上期风险评分"],
      ["creditLimit", "赊销额度"],
      ["balance", "欠款余额"],
      ["overdueAmount", "逾期账款"],
      ["daysPastDue", "逾期日数"],
      ["sales", "主营业务收入"],
    ]);
    expect(result.columns.unknown).toEqual([]);
    const c = result.customers[0];
    expect([c.id, c.name, c.creditLimit, c.balance, c.overdueAmount, c.daysPastDue]).toEqual([
      "K-001",
      "华东机电",
      100_000,
      130_000,
      40_000,
      95,
    ]);
    expect(c.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["OVER_LIMIT", "OVERDUE_90"]));
  });

  test.each([
    ["客户编号", "id"],
    ["客户号", "id"],
    ["客商编码", "id"],
    ["客户名称", "name"],
    ["客户名", "name"],
    ["客户全称", "name"],
    ["企业名称", "name"],
    ["授信额度", "creditLimit"],
    ["信用限额", "creditLimit"],
    ["应收账款余额", "balance"],
    ["应收帐款余额", "balance"],
    ["应收款", "balance"],
    ["欠款", "balance"],
    ["逾期余额", "overdueAmount"],
    ["超期金额", "overdueAmount"],
    ["逾期天数", "daysPastDue"],
    ["超期天数", "daysPastDue"],
    ["拖欠天数", "daysPastDue"],
  ] as const)("%s names the %s column", (header, field) => {
    const named = field === "id" || field === "name";
    const values = [
      named ? [header, ...FACTOR_HEADERS_ZH] : ["客户", ...FACTOR_HEADERS_ZH, header],
      named ? ["华东机电", 2, 2, 2, 2, 2] : ["华东机电", 2, 2, 2, 2, 2, 100],
    ];
    const result = review(values, {}, "zh");
    expect(result.columns.found.find((f) => f.header === header)).toEqual({ field, column: named ? "A" : "G", header });
    expect(result.columns.unknown).toEqual([]);
  });

  test("every header alias names one input field, and none is a header the review writes", () => {
    const owner = new Map<string, string>();
    for (const [field, aliases] of Object.entries(INPUT_ALIASES)) {
      for (const alias of aliases) {
        expect([alias, owner.get(headerKey(alias)) ?? field]).toEqual([alias, field]);
        owner.set(headerKey(alias), field);
      }
    }
    for (const headers of Object.values(OUTPUT_HEADERS))
      for (const header of [headers.en, headers.zh]) expect([header, owner.has(headerKey(header))]).toEqual([header, false]);
  });

  test("a header the user mapped by hand is used", () => {
    const values = customerSheet(["Kreditlimit", "Saldo"], [{ extra: [100, 150] }]);
    const result = runReview({
      sheetName: "S",
      values,
      asOf,
      policy: DEFAULT_POLICY,
      mapping: { Kreditlimit: "creditLimit", Saldo: "balance" },
    });
    expect(result.columns.unknown).toEqual([]);
    expect(result.customers[0].findings.map((f) => f.code)).toEqual(["OVER_LIMIT"]);
  });
});

describe("missing columns", () => {
  test("missing required columns: a CreditError naming them (review.missingColumns)", () => {
    const values = [
      ["Customer ID", "Customer", "Payment history", "Contract performance", "Market reputation", "Credit limit"],
      ["C1", "A", 1, 2, 3, 100],
    ];
    const error = thrown(() => review(values));
    expect(error.key).toBe("review.missingColumns");
    expect(error.message).toBe(
      'sheet "Customers" (header on row 1) is missing required columns: "Industry risk", "Compliance record"',
    );
  });

  test("missing required columns in Chinese are named by their Chinese headers", () => {
    const values = [
      ["客户编号", "客户名称", "付款历史", "合同履行情况", "行业风险", "市场口碑"],
      ["C1", "甲", 1, 2, 3, 4],
    ];
    const error = thrown(() => review(values, {}, "zh"));
    expect(error.key).toBe("review.missingColumns");
    expect(describeError(error, "zh")).toContain("合规记录");
    expect(describeError(error, "zh")).not.toContain("complianceRecord");
  });

  test("neither a customer ID nor a name column: the customer column is named", () => {
    const values = [[...FACTOR_HEADERS], [1, 2, 3, 4, 5]];
    const error = thrown(() => review(values));
    expect(error.key).toBe("review.missingColumns");
    expect(error.message).toBe('sheet "Customers" (header on row 1) is missing required columns: "Customer"');
  });

  test("a customer ID alone (no name column) is enough", () => {
    const values = [
      ["Customer ID", ...FACTOR_HEADERS],
      ["C9", 1, 1, 1, 1, 1],
    ];
    const result = review(values);
    expect(result.customers[0]).toMatchObject({ id: "C9", name: "", errors: [] });
    expect(result.columns.missingOptional).not.toContain("name");
    expect(result.columns.missingOptional).not.toContain("id");
  });

  test.each([
    ["an empty sheet", []],
    [
      "numbers only",
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ],
    [
      "one known header is not a header row",
      [
        ["Customer", "Notes"],
        ["A", "x"],
      ],
    ],
    ["text that names nothing", [["Quarterly report"], ["Prepared by finance"]]],
  ] as const)("no header row (%s): review.noHeader", (_name, values) => {
    const error = thrown(() => review(values as unknown as CellValue[][]));
    expect(error.key).toBe("review.noHeader");
    expect(error.message).toBe('sheet "Customers" has no header row naming customer columns (looked in the first 30 rows)');
  });
});

describe("checks switched off by missing optional columns", () => {
  test.each([
    ["only the factors", [], [...WARNING_CODES]],
    [
      "no balance column: OVER_LIMIT",
      ["Credit limit", "Previous score", "Days past due", "Negative news date"],
      ["OVER_LIMIT", "Z_DISTRESS", "LIQUIDITY", "LEVERAGE", "COVERAGE"],
    ],
    [
      "no credit limit column: OVER_LIMIT",
      ["Outstanding balance", "Overdue amount"],
      ["SCORE_RISE", "NEGATIVE_NEWS", "OVER_LIMIT", "OVERDUE_90", "Z_DISTRESS", "LIQUIDITY", "LEVERAGE", "COVERAGE"],
    ],
    [
      "no interest expense: COVERAGE",
      ["EBIT", "Current assets", "Current liabilities", "Total assets", "Total liabilities"],
      ["SCORE_RISE", "OVERDUE_SHARE", "NEGATIVE_NEWS", "OVER_LIMIT", "OVERDUE_90", "Z_DISTRESS", "COVERAGE"],
    ],
    [
      "everything but the Z model inputs",
      EN_ALL.slice(7).filter((h) => !["Retained earnings", "Equity"].includes(h)),
      ["Z_DISTRESS"],
    ],
  ] as const)("%s", (_name, headers, skipped) => {
    const result = review(customerSheet(headers, [{}]));
    expect([...result.columns.skippedChecks].sort()).toEqual([...skipped].sort());
    expect(result.customers[0].errors).toEqual([]);
  });

  test("no balance column: a customer over its limit gets no OVER_LIMIT finding", () => {
    const result = review(customerSheet(["Credit limit"], [{ extra: [10] }]));
    expect(result.columns.skippedChecks).toContain("OVER_LIMIT");
    expect(result.columns.missingOptional).toContain("balance");
    expect(result.customers[0].findings).toEqual([]);
  });
});

describe("a header split over two rows", () => {
  test.each([
    [
      "en",
      'sheet "Customers" (header on row 3) is missing required columns: "Market reputation"; the header seems split over rows 3 and 4 (column E: "Market" above "reputation"): write each column\'s header in one cell on one row',
    ],
    [
      "zh",
      "工作表“Customers”（表头在第 3 行）缺少必需列：“市场口碑”；表头似乎分写在第 3 行和第 4 行（E 列：“Market”在“reputation”之上），请把每列的表头写在同一行的一个单元格中",
    ],
  ] as const)("the missing-columns error says the header seems to go on in the next row (%s)", (lang, said) => {
    const values: CellValue[][] = [
      ["Customer review 2026"],
      [],
      ["Customer", "Payment", "Contract", "Industry", "Market", "Compliance", "Credit"],
      [null, "history", "performance", "risk", "reputation", "record", "limit"],
      ["Alpha", 1, 2, 2, 2, 2, 1000],
    ];
    const error = thrown(() => review(values, {}, lang));
    expect(error.key).toBe("review.missingColumnsSplit");
    expect(describeError(error, lang)).toBe(said);
  });

  test("no header row at all, every header split: the error says where it seems to be", () => {
    // Each header broken where the column was too narrow for it, none of the halves a header alone.
    const values: CellValue[][] = [
      ["Cust", "Pay-", "Contract per-", "Indus-", "Market", "Compli-"],
      ["omer", "ment history", "formance", "try risk", "reputation", "ance record"],
      ["Alpha", 1, 2, 2, 2, 2],
    ];
    const error = thrown(() => review(values));
    expect(error.key).toBe("review.noHeaderSplit");
    expect(describeError(error, "en")).toBe(
      'sheet "Customers" has no header row naming customer columns (looked in the first 30 rows); the header seems split over rows 1 and 2 (column A: "Cust" above "omer"): write each column\'s header in one cell on one row',
    );
  });

  test("a header on one row with a units line under it is no split header: the usual message", () => {
    const values: CellValue[][] = [
      ["Customer", "Payment history", "Contract performance", "Industry risk", "Credit limit"],
      [null, null, null, null, "USD"],
      ["Alpha", 1, 2, 2, 1000],
    ];
    const error = thrown(() => review(values));
    expect(error.key).toBe("review.missingColumns");
  });
});

/**
 * Builds test/cases/hostile/: malformed and hostile workbooks for the command line, and
 * expectations.json saying what `credit-review <file> --as-of 2026-11-30 --lang en` must do
 * with each (test/unit/hostile/corpus.test.ts checks it). Each case is written next to its
 * expectation, so the two cannot drift apart. Deterministic apart from the zip timestamps.
 *
 *   npm run build:cli && node lib/scripts/make-hostile-corpus.js
 *
 * The 1,048,576-row dense sheet is not committed (it would be ~28 MB): the test builds it
 * in a temporary folder with `writeDenseSheet`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";

export const CORPUS_AS_OF = "2026-11-30";

export interface RowErrorExpectation {
  /** 1-based sheet row of the customer. */
  readonly row: number;
  /** Substring of that customer's error message (English). */
  readonly contains: string;
}

export interface Expectation {
  readonly file: string;
  readonly description: string;
  /** Extra command-line arguments after the file. */
  readonly args?: readonly string[];
  readonly exit: 0 | 2;
  /** exit 2: a substring of the one-line reason. */
  readonly message?: string;
  /** exit 0: the sheet reviewed and the number of customers found on it. */
  readonly sheet?: string;
  readonly customers?: number;
  /** exit 0: every customer with an error, and nothing else has one. */
  readonly rowErrors?: readonly RowErrorExpectation[];
  /** exit 0: scores the review must give (row → score), to show text numbers were read right. */
  readonly scores?: Readonly<Record<string, number>>;
  /** exit 0: exactly the warning codes these customers get (row → codes). */
  readonly warnings?: Readonly<Record<string, readonly string[]>>;
  /** exit 0: policy settings the review must have read from the workbook. */
  readonly policy?: Readonly<Record<string, unknown>>;
}

const FACTORS = ["Payment history", "Contract performance", "Industry risk", "Market reputation", "Compliance record"];
const FACTORS_ZH = ["付款历史", "合同履行情况", "行业风险", "市场口碑", "合规记录"];
const EXCEL_MAX_ROWS = 1_048_576;

type Cell = ExcelJS.CellValue;

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "credit-risk-addin hostile corpus";
  wb.created = utc(2026, 11, 30);
  wb.modified = wb.created;
  return wb;
}

/** A plain customer sheet: Customer ID, Customer, the five factors, then `extra` headers. */
function customers(wb: ExcelJS.Workbook, name: string, extra: readonly string[], rows: readonly Cell[][]): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(name);
  sheet.addRow(["Customer ID", "Customer", ...FACTORS, ...extra]);
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

interface Case extends Expectation {
  readonly build: (file: string) => Promise<void>;
}

const save = (wb: ExcelJS.Workbook) => (file: string) => wb.xlsx.writeFile(file);

function cases(): Case[] {
  const list: Case[] = [];
  const add = (c: Omit<Case, "build">, build: () => ExcelJS.Workbook | Promise<void>, raw?: (file: string) => Promise<void>) =>
    list.push({
      ...c,
      build: raw ?? (async (file) => save((await build()) as ExcelJS.Workbook)(file)),
    });

  add(
    {
      file: "empty-workbook.xlsx",
      description: "a workbook with no sheets at all",
      exit: 2,
      message: "no sheet with customer columns",
    },
    () => workbook(),
  );

  add(
    { file: "empty-sheet.xlsx", description: "one sheet, no cells", exit: 2, message: "no sheet with customer columns" },
    () => {
      const wb = workbook();
      wb.addWorksheet("Customers");
      return wb;
    },
  );

  add(
    {
      file: "header-only.xlsx",
      description: "the header row and no customers: said, not reviewed into an empty table",
      exit: 2,
      message: "has no customer rows under its header (row 1)",
    },
    () => {
      const wb = workbook();
      customers(wb, "Customers", ["Credit limit"], []);
      return wb;
    },
  );

  add(
    {
      file: "header-on-row-5.xlsx",
      description: "a merged title, notes and a blank row above the header on row 5",
      exit: 0,
      customers: 3,
      scores: { "6": 1, "7": 3, "8": 5 },
    },
    () => {
      const wb = workbook();
      const sheet = wb.addWorksheet("Customers");
      sheet.getCell("A1").value = "Customer credit file";
      sheet.mergeCells("A1:G1");
      sheet.getCell("A2").value = "Prepared by: credit desk";
      sheet.getCell("A3").value = "Scores 1 (low risk) to 5 (high risk)";
      sheet.getRow(5).values = ["Customer ID", "Customer", ...FACTORS];
      sheet.getRow(6).values = ["C1", "Alpha", 1, 1, 1, 1, 1];
      sheet.getRow(7).values = ["C2", "Beta", 3, 3, 3, 3, 3];
      sheet.getRow(8).values = ["C3", "Gamma", 5, 5, 5, 5, 5];
      return wb;
    },
  );

  add(
    {
      file: "duplicate-headers.xlsx",
      description: "Payment history twice (the first is used) and Customer twice",
      exit: 0,
      customers: 2,
      scores: { "2": 2, "3": 4 },
    },
    () => {
      const wb = workbook();
      const sheet = wb.addWorksheet("Customers");
      sheet.addRow(["Customer ID", "Customer", ...FACTORS, "Payment history", "Customer"]);
      sheet.addRow(["C1", "Alpha", 2, 2, 2, 2, 2, "not a score", "Alpha again"]);
      sheet.addRow(["C2", "Beta", 4, 4, 4, 4, 4, 99, "Beta again"]);
      return wb;
    },
  );

  add(
    {
      file: "merged-header-cells.xlsx",
      description: "a two-row header: Customer merged over rows 1-2, 'Risk factors' merged over the five factor columns",
      exit: 0,
      customers: 2,
      scores: { "3": 1, "4": 5 },
    },
    () => {
      const wb = workbook();
      const sheet = wb.addWorksheet("Customers");
      sheet.getRow(1).values = ["Customer", "Credit limit", "Risk factors"];
      sheet.getRow(2).values = ["Customer", "Credit limit", ...FACTORS];
      sheet.mergeCells("A1:A2");
      sheet.mergeCells("B1:B2");
      sheet.mergeCells("C1:G1");
      sheet.getRow(3).values = ["Alpha", 1000, 1, 1, 1, 1, 1];
      sheet.getRow(4).values = ["Beta", 2000, 5, 5, 5, 5, 5];
      return wb;
    },
  );

  add(
    {
      file: "numbers-as-text.xlsx",
      description: "amounts typed as text: thousands separators, currency symbols, spaces, accounting negatives",
      exit: 0,
      customers: 5,
      rowErrors: [
        { row: 5, contains: 'must be a number, got "12,34"' },
        { row: 6, contains: "must not be negative, got -500" },
      ],
      warnings: { "2": ["OVER_LIMIT"], "3": [], "4": ["OVER_LIMIT"] },
    },
    () => {
      const wb = workbook();
      customers(
        wb,
        "Customers",
        ["Credit limit", "Outstanding balance", "Overdue amount"],
        [
          ["C1", "Yen", "2", "2", "2", "2", "2", "¥1,200,000", "¥1,300,000.00", "0"],
          ["C2", "Dollar", 2, 2, 2, 2, 2, "$3,400.50", "3 400", " 0 "],
          ["C3", "Spaces", 2, 2, 2, 2, 2, "1 200", "1,200.01元", "RMB 0"],
          ["C4", "Bad separator", 2, 2, 2, 2, 2, "12,34", "1", "0"],
          ["C5", "Accounting", 2, 2, 2, 2, 2, "1000", "10", "(500)"],
        ],
      );
      return wb;
    },
  );

  add(
    {
      file: "percent-strings.xlsx",
      description: "percent strings: factors '300%' (= 3), a policy sheet with weights and shares as percent text",
      exit: 0,
      customers: 3,
      rowErrors: [{ row: 4, contains: "payment history must be between 1 and 5, got 0.5" }],
      scores: { "2": 3, "3": 2 },
      policy: { weights: [0.3, 0.25, 0.2, 0.15, 0.1], overdueShare: 0.15, maxDebtRatio: 0.65 },
    },
    () => {
      const wb = workbook();
      customers(
        wb,
        "Customers",
        [],
        [
          ["C1", "Alpha", "300%", "300%", "300%", "300%", "300%"],
          ["C2", "Beta", "200 %", 2, 2, 2, 2],
          ["C3", "Gamma", "50%", 2, 2, 2, 2],
        ],
      );
      const policy = wb.addWorksheet("Credit Policy");
      policy.addRow(["Setting", "Value", "Meaning"]);
      policy.addRow(["weights", "30%, 25%, 20%, 15%, 10%"]);
      policy.addRow(["overdueShare", "15%"]);
      policy.addRow(["maxDebtRatio", "65%"]);
      return wb;
    },
  );

  add(
    {
      file: "chinese-dates.xlsx",
      description: "Chinese dates (2026年11月1日) in the negative-news column and in the ledger's due dates",
      exit: 0,
      customers: 3,
      rowErrors: [{ row: 4, contains: 'must be a date (such as 2026-11-30), got "2026年13月1日"' }],
      warnings: { "2": ["NEGATIVE_NEWS", "OVERDUE_90"], "3": [] },
    },
    () => {
      const wb = workbook();
      customers(
        wb,
        "Customers",
        ["Negative news date"],
        [
          ["C1", "Alpha", 5, 5, 5, 5, 5, "2026年11月1日"],
          ["C2", "Beta", 1, 1, 1, 1, 1, "２０２６年１１月１日"],
          ["C3", "Gamma", 5, 5, 5, 5, 5, "2026年13月1日"],
        ],
      );
      const ledger = wb.addWorksheet("Invoices");
      ledger.addRow(["Customer ID", "Invoice", "Due date", "Amount", "Paid"]);
      ledger.addRow(["C1", "INV-1", "2026年7月1日", 1000, 0]);
      ledger.addRow(["C2", "INV-2", "2026 年 12 月 1 日", 500, 0]);
      return wb;
    },
  );

  add(
    {
      file: "date-serials-and-iso.xlsx",
      description: "news dates as serials, Date cells, ISO and slash text, ambiguous 11/01/2026, 0 (blank) and 60 (1900-02-29)",
      exit: 0,
      customers: 7,
      rowErrors: [
        { row: 7, contains: 'must be a date (such as 2026-11-30), got "11/01/2026"' },
        {
          row: 8,
          contains:
            'column H (Negative news date): "60" reads as the date 1900-02-29, more than a century from the review date (2026-11-30)',
        },
      ],
      warnings: {
        "2": ["NEGATIVE_NEWS"],
        "3": ["NEGATIVE_NEWS"],
        "4": ["NEGATIVE_NEWS"],
        "5": ["NEGATIVE_NEWS"],
        "6": [],
        "8": [],
      },
    },
    () => {
      const wb = workbook();
      const sheet = customers(
        wb,
        "Customers",
        ["Negative news date"],
        [
          ["C1", "Serial", 5, 5, 5, 5, 5, 46327],
          ["C2", "Date cell", 5, 5, 5, 5, 5, utc(2026, 11, 1)],
          ["C3", "ISO text", 5, 5, 5, 5, 5, "2026-11-01"],
          ["C4", "Slash text", 5, 5, 5, 5, 5, "2026/11/1"],
          ["C5", "Zero is blank", 5, 5, 5, 5, 5, 0],
          ["C6", "Ambiguous", 5, 5, 5, 5, 5, "11/01/2026"],
          ["C7", "Lotus leap day", 5, 5, 5, 5, 5, 60],
        ],
      );
      sheet.getColumn(8).numFmt = "yyyy-mm-dd";
      return wb;
    },
  );

  add(
    {
      file: "negative-credit-limit.xlsx",
      description: "a negative credit limit (number and text)",
      exit: 0,
      customers: 3,
      rowErrors: [
        { row: 2, contains: "column H (Credit limit): must not be negative, got -1000" },
        { row: 3, contains: "must not be negative, got -2500" },
      ],
    },
    () => {
      const wb = workbook();
      customers(
        wb,
        "Customers",
        ["Credit limit"],
        [
          ["C1", "Alpha", 2, 2, 2, 2, 2, -1000],
          ["C2", "Beta", 2, 2, 2, 2, 2, "-2,500"],
          ["C3", "Gamma", 2, 2, 2, 2, 2, 0],
        ],
      );
      return wb;
    },
  );

  add(
    {
      file: "factor-scores-out-of-range.xlsx",
      description: "factor scores 0, 6, 2.5, 'high', TRUE, blank and a date",
      exit: 0,
      customers: 7,
      rowErrors: [
        { row: 2, contains: "payment history must be between 1 and 5, got 0" },
        { row: 3, contains: "contract performance must be between 1 and 5, got 6" },
        { row: 5, contains: 'market reputation must be a number from 1 to 5, got "high"' },
        { row: 6, contains: 'compliance record must be a number from 1 to 5, got "TRUE"' },
        { row: 7, contains: "industry risk is blank" },
        { row: 8, contains: "payment history must be between 1 and 5, got 46327" },
      ],
      scores: { "4": 2.5 },
    },
    () => {
      const wb = workbook();
      customers(
        wb,
        "Customers",
        [],
        [
          ["C1", "Zero", 0, 1, 1, 1, 1],
          ["C2", "Six", 1, 6, 1, 1, 1],
          ["C3", "Half", 2.5, 2.5, 2.5, 2.5, 2.5],
          ["C4", "Word", 1, 1, 1, "high", 1],
          ["C5", "Boolean", 1, 1, 1, 1, true],
          ["C6", "Blank", 1, 1, null, 1, 1],
          ["C7", "Date", utc(2026, 11, 1), 1, 1, 1, 1],
        ],
      );
      return wb;
    },
  );

  add(
    {
      file: "last-excel-row.xlsx",
      description: "three customers at the top and one on row 1,048,576, Excel's last row (the sheet spans every row)",
      exit: 0,
      customers: 4,
      scores: { "2": 1, [String(EXCEL_MAX_ROWS)]: 5 },
    },
    () => {
      const wb = workbook();
      const sheet = customers(
        wb,
        "Customers",
        [],
        [
          ["C1", "Alpha", 1, 1, 1, 1, 1],
          ["C2", "Beta", 2, 2, 2, 2, 2],
          ["C3", "Gamma", 3, 3, 3, 3, 3],
        ],
      );
      sheet.getRow(EXCEL_MAX_ROWS).values = ["C4", "Omega", 5, 5, 5, 5, 5];
      return wb;
    },
  );

  add(
    {
      file: "hidden-rows.xlsx",
      description: "hidden rows and a hidden column are reviewed like the others, and stay hidden",
      exit: 0,
      customers: 4,
    },
    () => {
      const wb = workbook();
      const sheet = customers(
        wb,
        "Customers",
        ["Credit limit"],
        [
          ["C1", "Alpha", 1, 1, 1, 1, 1, 100],
          ["C2", "Hidden beta", 2, 2, 2, 2, 2, 200],
          ["C3", "Gamma", 3, 3, 3, 3, 3, 300],
          ["C4", "Hidden delta", 4, 4, 4, 4, 4, 400],
        ],
      );
      sheet.getRow(3).hidden = true;
      sheet.getRow(5).hidden = true;
      sheet.getColumn(8).hidden = true;
      return wb;
    },
  );

  add(
    {
      file: "formula-injection-names.xlsx",
      description: "customer names that are CSV/DDE formula injections: =cmd|' /C calc'!A0, @SUM, +, -",
      exit: 0,
      customers: 4,
    },
    () => {
      const wb = workbook();
      customers(
        wb,
        "Customers",
        [],
        [
          ["=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", 5, 5, 5, 5, 5],
          ["@SUM(1+1)*cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", 4, 4, 4, 4, 4],
          ["+1+1", "+1+1", 3, 3, 3, 3, 3],
          ["-2+3", '=HYPERLINK("http://example.invalid","click")', 2, 2, 2, 2, 2],
        ],
      );
      return wb;
    },
  );

  add(
    {
      file: "html-names.xlsx",
      description: "names carrying HTML/script: <script>alert(1)</script>, an img onerror, a javascript: URL",
      exit: 0,
      customers: 3,
    },
    () => {
      const wb = workbook();
      customers(
        wb,
        "Customers",
        [],
        [
          ["<b>C1</b>", "<script>alert(1)</script>", 5, 5, 5, 5, 5],
          ["C2", '"><img src=x onerror=alert(1)>', 4, 4, 4, 4, 4],
          ["C3", "javascript:alert(document.cookie)", 3, 3, 3, 3, 3],
        ],
      );
      return wb;
    },
  );

  add(
    {
      file: "formulas-and-error-values.xlsx",
      description: "formula cells (cached results read, formulas kept) and error values #N/A, #REF!, #DIV/0! in input cells",
      exit: 0,
      customers: 5,
      rowErrors: [
        { row: 3, contains: 'column H (Credit limit): must be a number, got "#N/A"' },
        { row: 4, contains: 'column I (Outstanding balance): must be a number, got "#REF!"' },
        { row: 5, contains: 'payment history must be a number from 1 to 5, got "#DIV/0!"' },
      ],
      scores: { "2": 3, "6": 2 },
    },
    () => {
      const wb = workbook();
      customers(wb, "Customers", ["Credit limit", "Outstanding balance"], [
        ["C1", "Formulas", { formula: "1+2", result: 3 }, 3, 3, 3, 3, { formula: "1000*2", result: 2000 }, 10],
        ["C2", "Not available", 2, 2, 2, 2, 2, { error: "#N/A" }, 10],
        ["C3", "Broken reference", 2, 2, 2, 2, 2, 100, { formula: "#REF!+1", result: { error: "#REF!" } }],
        ["C4", "Division by zero", { formula: "1/0", result: { error: "#DIV/0!" } }, 2, 2, 2, 2, 100, 10],
        [{ formula: '"C"&5', result: "C5" }, "Formula id", 2, 2, 2, 2, 2, 100, 10],
      ] as Cell[][]);
      return wb;
    },
  );

  add(
    {
      file: "ledger-missing-due-dates.xlsx",
      description: "an invoice ledger with open invoices that have no due date (blank, 0 and a blank string)",
      exit: 0,
      customers: 4,
      rowErrors: [
        { row: 2, contains: "sheet Invoices, row 2, column C (Due date): due date is blank but 1,000.00 is still open" },
        { row: 3, contains: "sheet Invoices, row 4, column C (Due date): due date is blank but 200.00 is still open" },
        { row: 4, contains: "sheet Invoices, row 5, column C (Due date): due date is blank but 300.00 is still open" },
      ],
    },
    () => {
      const wb = workbook();
      customers(
        wb,
        "Customers",
        [],
        [
          ["C1", "Alpha", 2, 2, 2, 2, 2],
          ["C2", "Beta", 2, 2, 2, 2, 2],
          ["C3", "Gamma", 2, 2, 2, 2, 2],
          ["C4", "Paid up", 2, 2, 2, 2, 2],
        ],
      );
      const ledger = wb.addWorksheet("Invoices");
      ledger.addRow(["Customer ID", "Invoice", "Due date", "Amount", "Paid"]);
      ledger.addRow(["C1", "INV-1", null, 1000, 0]);
      ledger.addRow(["C2", "INV-2", utc(2026, 10, 1), 500, 0]);
      ledger.addRow(["C2", "INV-3", 0, 200, 0]);
      ledger.addRow(["C3", "INV-4", " ", 300, 0]);
      ledger.addRow(["C4", "INV-5", null, 400, 400]);
      return wb;
    },
  );

  add(
    {
      file: "chinese-headers-and-numbers.xlsx",
      description: "Chinese headers, full-width digits, 元/￥, full-width comma, Chinese number formats",
      exit: 0,
      customers: 3,
      warnings: { "3": ["OVER_LIMIT"], "4": [] },
      rowErrors: [{ row: 5, contains: "(逾期金额): must not be negative, got -500" }],
    },
    () => {
      const wb = workbook();
      const sheet = wb.addWorksheet("客户");
      sheet.getCell("A1").value = "客户信用档案";
      sheet.getRow(2).values = ["客户编号", "客户名称", ...FACTORS_ZH, "信用额度（元）", "应收账款余额（元）", "逾期金额"];
      sheet.getRow(3).values = ["K001", "甲公司", "２", "２", "２", "２", "２", "１２０，０００", "150000元", 0];
      sheet.getRow(4).values = ["K002", "乙公司", 3, 3, 3, 3, 3, "￥80,000", 60000, "0元"];
      sheet.getRow(5).values = ["K003", "丙公司", 3, 3, 3, 3, 3, 10000, 100, "（500）"];
      sheet.getColumn(8).numFmt = '#,##0"元"';
      sheet.getColumn(9).numFmt = "[DBNum2][$-804]General";
      return wb;
    },
  );

  add(
    {
      file: "two-recognisable-columns.xlsx",
      description: "the header row names only two known columns (Customer, Payment history)",
      exit: 2,
      message: "no sheet with customer columns",
    },
    () => {
      const wb = workbook();
      const sheet = wb.addWorksheet("Customers");
      sheet.addRow(["Customer", "Payment history", "Colour", "Notes"]);
      sheet.addRow(["Alpha", 2, "red", "fine"]);
      return wb;
    },
  );

  add(
    {
      file: "two-recognisable-columns-named.xlsx",
      description: "the same sheet named with --sheet: the missing factor columns are named",
      args: ["--sheet", "Customers"],
      exit: 2,
      message: 'is missing required columns: "Contract performance", "Industry risk", "Market reputation", "Compliance record"',
    },
    () => {
      const wb = workbook();
      const sheet = wb.addWorksheet("Customers");
      sheet.addRow(["Customer", "Payment history", "Colour", "Notes"]);
      sheet.addRow(["Alpha", 2, "red", "fine"]);
      return wb;
    },
  );

  add(
    {
      file: "very-long-strings.xlsx",
      description: "32,767-character cells (Excel's limit): a name, 32,767 '(' in the header area, a factor",
      exit: 0,
      customers: 3,
      rowErrors: [{ row: 4, contains: "payment history must be a number from 1 to 5" }],
    },
    () => {
      const wb = workbook();
      const sheet = wb.addWorksheet("Customers");
      const brackets = "(".repeat(32767);
      sheet.addRow(["Customer ID", "Customer", ...FACTORS, "Notes", brackets]);
      sheet.addRow(["C1", "N".repeat(32767), 1, 1, 1, 1, 1, brackets, brackets]);
      sheet.addRow(["C2", "（".repeat(32767), 2, 2, 2, 2, 2, "[".repeat(32767)]);
      sheet.addRow(["C3", "Gamma", "9".repeat(32767), 2, 2, 2, 2]);
      for (let r = 5; r <= 30; r++) sheet.getCell(r, 10).value = brackets;
      return wb;
    },
  );

  add(
    {
      file: "sheet-named-like-output.xlsx",
      description: "the only customer sheet is named 'Credit Review Summary', a sheet the review writes",
      exit: 2,
      message: "no sheet with customer columns",
    },
    () => {
      const wb = workbook();
      customers(wb, "Credit Review Summary", [], [["C1", "Alpha", 1, 1, 1, 1, 1]]);
      return wb;
    },
  );

  add(
    {
      file: "sheet-named-like-output-chosen.xlsx",
      description: "--sheet names a customer sheet called 'Credit Review Summary': refused, the review would replace it",
      args: ["--sheet", "Credit Review Summary"],
      exit: 2,
      message: 'sheet "Credit Review Summary" has the name of a sheet the review writes',
    },
    () => {
      const wb = workbook();
      customers(wb, "Credit Review Summary", [], [["C1", "Alpha", 1, 1, 1, 1, 1]]);
      return wb;
    },
  );

  add(
    {
      file: "csv-renamed.xlsx",
      description: "a CSV file renamed to .xlsx",
      exit: 2,
      message: "not a zip-based .xlsx file",
    },
    () => workbook(),
    async (file) =>
      fs.writeFileSync(file, `Customer ID,Customer,${FACTORS.join(",")}\nC1,"=cmd|' /C calc'!A0",1,1,1,1,1\n`, "utf8"),
  );

  add(
    {
      file: "truncated-zip.xlsx",
      description: "a real workbook cut off half way (a broken download)",
      exit: 2,
      message: "is incomplete or damaged: its list of parts could not be read",
    },
    () => workbook(),
    async (file) => {
      const wb = workbook();
      customers(wb, "Customers", [], [["C1", "Alpha", 1, 1, 1, 1, 1]]);
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      fs.writeFileSync(file, buffer.subarray(0, Math.floor(buffer.length / 2)));
    },
  );

  add(
    {
      file: "last-excel-column.xlsx",
      description: "a note in column XFD, Excel's last column: no room for the review's columns to its right",
      exit: 2,
      message: "no room for the review's 20 columns",
    },
    () => {
      const wb = workbook();
      const sheet = customers(wb, "Customers", [], [["C1", "Alpha", 1, 1, 1, 1, 1]]);
      sheet.getCell("XFD1").value = "note";
      return wb;
    },
  );

  add(
    {
      file: "huge-balances.xlsx",
      description: "balances of 1e308: each is a number, but the portfolio's exposure passes the largest number",
      exit: 2,
      message: "the amounts add up to more than a number can hold",
    },
    () => {
      const wb = workbook();
      customers(
        wb,
        "Customers",
        ["Credit limit", "Outstanding balance"],
        [
          ["C1", "Alpha", 1, 1, 1, 1, 1, 1e308, 1e308],
          ["C2", "Beta", 1, 1, 1, 1, 1, 1e308, 1e308],
        ],
      );
      return wb;
    },
  );

  add(
    {
      file: "huge-numbers-per-row.xlsx",
      description: "one customer's numbers overflow: ledger amounts, a ratio, the recommended limit; only those rows fail",
      exit: 0,
      customers: 4,
      rowErrors: [
        { row: 2, contains: "sheet Invoices, row 3, column D (Amount): the amounts add up to more than a number can hold" },
        { row: 3, contains: "column K (Current liabilities): the inputs are too large to give a finite ratio" },
        { row: 4, contains: "column H (Credit limit): currentLimit is too large to give a finite limit" },
      ],
      scores: { "5": 1 },
    },
    () => {
      const wb = workbook();
      // Balances given, so a clear low-risk customer gets the ×1.1 raise that overflows C3's limit.
      customers(
        wb,
        "Customers",
        ["Credit limit", "Outstanding balance", "Current assets", "Current liabilities"],
        [
          ["C1", "Ledger overflow", 1, 1, 1, 1, 1, 1000, 0, null, null],
          ["C2", "Ratio overflow", 1, 1, 1, 1, 1, 1000, 0, 1e308, 0.001],
          ["C3", "Limit overflow", 1, 1, 1, 1, 1, 1.7e308, 0, null, null],
          ["C4", "Fine", 1, 1, 1, 1, 1, 1000, 100, 200, 100],
        ],
      );
      const ledger = wb.addWorksheet("Invoices");
      ledger.addRow(["Customer ID", "Invoice", "Due date", "Amount", "Paid"]);
      ledger.addRow(["C1", "INV-1", utc(2026, 1, 1), 1.7e308, 0]);
      ledger.addRow(["C1", "INV-2", utc(2026, 1, 1), 1.7e308, 0]);
      ledger.addRow(["C4", "INV-3", utc(2026, 11, 1), 100, 0]);
      return wb;
    },
  );

  add(
    {
      file: "rich-text-and-hyperlinks.xlsx",
      description: "rich-text and hyperlink cells as names and headers; they stay rich text and links",
      exit: 0,
      customers: 2,
      scores: { "2": 2, "3": 3 },
    },
    () => {
      const wb = workbook();
      const sheet = wb.addWorksheet("Customers");
      sheet.addRow(["Customer ID", { richText: [{ text: "Cust", font: { bold: true } }, { text: "omer" }] }, ...FACTORS]);
      sheet.addRow(["C1", { richText: [{ text: "Alpha ", font: { italic: true } }, { text: "Ltd" }] }, 2, 2, 2, 2, 2]);
      sheet.addRow(["C2", { text: "Beta", hyperlink: "https://example.invalid/beta" }, 3, 3, 3, 3, 3]);
      return wb;
    },
  );

  add(
    {
      file: "garbage-archive.xlsx",
      description: "a 'Credit Review Archive' sheet full of junk: bad dates, text scores, blanks; the review appends below it",
      exit: 0,
      customers: 1,
    },
    () => {
      const wb = workbook();
      customers(wb, "Customers", [], [["C1", "Alpha", 4, 4, 4, 4, 4]]);
      const archive = wb.addWorksheet("Credit Review Archive");
      archive.addRow(["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"]);
      archive.addRow(["yesterday", "x", "C1", "Alpha", "high", "?"]);
      archive.addRow([utc(2026, 1, 1), null, "C1", null, 1e308, null]);
      archive.addRow([{ error: "#N/A" }, null, null, null, 2, null]);
      archive.addRow([-5, "v", "C1", "Alpha", -1, "Low"]);
      return wb;
    },
  );

  add(
    {
      file: "bad-policy-sheet.xlsx",
      description: "a 'Credit Policy' sheet with a high-risk band below the medium one",
      exit: 2,
      message: "row 3, column B (Value): the high-risk band (2) must start above the medium-risk band (3)",
    },
    () => {
      const wb = workbook();
      customers(wb, "Customers", [], [["C1", "Alpha", 4, 4, 4, 4, 4]]);
      const policy = wb.addWorksheet("Credit Policy");
      policy.addRow(["Setting", "Value"]);
      policy.addRow(["mediumFrom", 3]);
      policy.addRow(["highFrom", "2"]);
      return wb;
    },
  );

  add(
    {
      file: "as-of-at-the-end-of-time.xlsx",
      description: "reviewed as of 9999-12-31: the next review would fall after Excel's last date",
      args: ["--as-of", "9999-12-31"],
      exit: 2,
      message: "after 9999-12-31",
    },
    () => {
      const wb = workbook();
      customers(wb, "Customers", [], [["C1", "Alpha", 4, 4, 4, 4, 4]]);
      return wb;
    },
  );

  return list;
}

/**
 * A dense customer sheet of `rows` rows including the header (1,048,576 = every row Excel has),
 * written with exceljs's streaming writer so that it fits in memory.
 */
export async function writeDenseSheet(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet("Customers");
  sheet.addRow(["Customer", ...FACTORS]).commit();
  for (let r = 2; r <= rows; r++) {
    const f = 1 + (r % 5);
    sheet.addRow([`C${r}`, f, f, f, f, f]).commit();
  }
  sheet.commit();
  await wb.commit();
}

export const CORPUS_DIR = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}lib${path.sep}`) ? "../.." : "..",
  "test/cases/hostile",
);

export async function makeHostileCorpus(dir = CORPUS_DIR): Promise<Expectation[]> {
  fs.mkdirSync(dir, { recursive: true });
  for (const old of fs.readdirSync(dir)) if (old.endsWith(".xlsx")) fs.rmSync(path.join(dir, old));
  const expectations: Expectation[] = [];
  for (const c of cases()) {
    const { build, ...expectation } = c;
    await build(path.join(dir, c.file));
    expectations.push(expectation);
  }
  const file = path.join(dir, "expectations.json");
  const json = JSON.stringify({ asOf: CORPUS_AS_OF, lang: "en", cases: expectations }, null, 2);
  // In the project's format, so that `prettier --check` passes on the committed file.
  const prettier = await import("prettier");
  const options = await prettier.resolveConfig(file);
  fs.writeFileSync(file, await prettier.format(json, { ...options, filepath: file }));
  return expectations;
}

if (require.main === module) {
  void makeHostileCorpus().then((list) => process.stdout.write(`wrote ${list.length} workbooks to ${CORPUS_DIR}\n`));
}

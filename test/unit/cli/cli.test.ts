/**
 * The credit-review command line end to end: real .xlsx files in, the written workbook
 * read back with exceljs, and every bad-input path ending in exit 2 with no output file.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { Workbook } from "../../../src/cli/package/workbook";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { columnLetter } from "../../../src/engine/a1";
import { isoFromSerial, todaySerial } from "../../../src/engine/cells";
import { loadWorkbook, runCli, tempDirPerTest, writeWorkbook } from "../../support/cli";
import { main, review, writeToFile } from "../../../src/cli/main";
import { FACTOR_HEADERS } from "../../support/review-grid";
import { AGING_HEADERS_EN, OUTPUT_HEADERS_EN, withAging } from "../../support/output-headers";
import { printedList } from "../../support/printed-report";
import { message, MessageKey, MessageParams } from "../../../src/engine/i18n";
import { findingWithFigure } from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";

const ROOT = path.resolve(__dirname, "../../..");
const EXAMPLES = path.join(ROOT, "examples");

const dir = tempDirPerTest("credit-review-");

function headerRow(sheet: ExcelJS.Worksheet, row: number): string[] {
  return ((sheet.getRow(row).values as unknown[]) ?? []).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));
}

function copyExample(name: string): string {
  const target = path.join(dir(), name);
  fs.copyFileSync(path.join(EXAMPLES, name), target);
  return target;
}

describe("the sample workbooks", () => {
  test("English sample: review written beside the input, output columns, summary, archive and policy sheets", async () => {
    const input = copyExample("customers.xlsx");
    const before = fs.readFileSync(input);
    const { code, result, stdout } = await runCli(input, "--as-of", "2026-11-30", "--lang", "en");
    expect(code).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const output = path.join(dir(), "customers.reviewed-2026-11-30.xlsx");
    expect(stdout).toContain(output);
    expect(stdout).toContain("Portfolio warnings: Many customers overdue (31.8% > 10%)");
    // Harbor Lights Retail has two problems: the five lines are of four customers, and said so.
    const problemsAt = stdout.split("\n").indexOf("Customers with problems (4; 5 problems):");
    expect(problemsAt).toBeGreaterThan(0);
    expect(
      stdout
        .split("\n")
        .slice(problemsAt + 1, problemsAt + 7)
        .filter((line) => line.startsWith("  ")),
    ).toHaveLength(5);
    const wb = await loadWorkbook(output);
    const sheet = wb.getWorksheet("Customers")!;
    const header = headerRow(sheet, 3);
    expect(header.slice(0, 2)).toEqual(["Customer ID", "Customer"]);
    const scoreCol = header.indexOf("Risk score");
    expect(header.slice(scoreCol)).toEqual(withAging(OUTPUT_HEADERS_EN, AGING_HEADERS_EN));
    // Northwind Traders: factors read back, score written as a number next to them.
    expect(sheet.getCell(4, 2).value).toBe("Northwind Traders");
    expect(typeof sheet.getCell(4, scoreCol + 1).value).toBe("number");
    const first = result!.customers[0];
    expect(sheet.getCell(4, scoreCol + 1).value).toBeCloseTo(first.score!, 9);
    // Every warning code fires at least once on the sample.
    const codes = new Set([...result!.customers.flatMap((c) => c.findings.map((f) => f.code)), ...result!.portfolio.warnings]);
    expect([...codes].sort()).toEqual([
      "COVERAGE",
      "LEVERAGE",
      "LIQUIDITY",
      "NEGATIVE_NEWS",
      "OVERDUE_90",
      "OVERDUE_SHARE",
      "OVER_LIMIT",
      "SCORE_RISE",
      "Z_DISTRESS",
    ]);
    // Bad factors stop a row's score; other bad cells only what needs them. All are reported with row and column.
    expect(result!.portfolio.withErrors).toBe(2);
    expect(result!.portfolio.problems.map((p) => [p.row, p.fatal])).toEqual([
      [24, true],
      [31, true],
      [37, false],
      [44, false],
      [44, false],
    ]);
    // The sample's one balance that differs from its open ledger amount (an invoice without a due date among them).
    expect(sheet.getCell(44, header.indexOf("Review issues") + 1).value).toContain(
      "row 44, column J (Outstanding balance): the balance 38,000.00 differs from the open amount 45,000.00 on the invoice ledger (Invoices)",
    );
    const issues = sheet.getCell(24, header.indexOf("Review issues") + 1).value as string;
    expect(issues).toBe("row 24, column E (Industry risk): industry risk must be between 1 and 5, got 6");
    const summary = wb.getWorksheet("Credit Review Summary")!;
    expect(summary.getCell("A1").value).toBe("Credit Review Summary");
    const archive = wb.getWorksheet("Credit Review Archive")!;
    expect(headerRow(archive, 1)).toEqual([
      "Review date",
      "Policy version",
      "Customer ID",
      "Customer",
      "Payment history",
      "Contract performance",
      "Industry risk",
      "Market reputation",
      "Compliance record",
      "Risk score",
      "Risk grade",
      "Z-score",
      "Z zone",
      "Outstanding balance",
      "Credit limit",
      "Recommended limit",
      "Overdue amount",
      "Days past due",
      "Warning codes",
      "Action codes",
      "Review issues",
      "Customer sheet",
      "Amounts in",
      "Typed over by hand",
      "Action taken",
      "Output check",
      "Overdue amount in",
    ]);
    // Every customer is archived, those with errors too (with the error in words).
    expect(archive.actualRowCount).toBe(1 + result!.customers.length);
    expect(headerRow(archive, 1 + result!.customers.findIndex((c) => c.row === 24) + 1)[20]).toBe(issues);
    const policy = wb.getWorksheet("Credit Policy")!;
    expect([policy.getCell("A2").value, policy.getCell("B2").value]).toEqual(["Policy version", result!.policy.version]);
    expect(policy.getCell("A3").value).toBe("Weight: payment history");
    const history = wb.getWorksheet("Credit Policy History")!;
    // The settings down column A, the version beside them.
    expect([history.getCell("A1").value, history.getCell("A2").value]).toEqual(["Policy version", "First used"]);
    expect(history.getCell("B1").value).toBe(result!.policy.version);
    expect(history.actualColumnCount).toBe(2);
  });

  test("Chinese sample reviewed in Chinese: Chinese headers, sheet names and texts", async () => {
    const input = copyExample("customers-zh.xlsx");
    const { code, result } = await runCli(input, "--as-of", "2026-11-30", "--lang", "zh", "--json");
    expect(code).toBe(0);
    expect(result!.customers).toHaveLength(45);
    const wb = await loadWorkbook(path.join(dir(), "customers-zh.reviewed-2026-11-30.xlsx"));
    const header = headerRow(wb.getWorksheet("客户")!, 3);
    expect(header).toContain("风险评分");
    expect(header).toContain("政策建议");
    expect(wb.getWorksheet("信用审查汇总")!.getCell("A1").value).toBe("信用审查汇总");
    expect(wb.getWorksheet("信用审查档案")).toBeDefined();
  });

  test("Chinese sample reviewed a year early: the news dated after the review in Chinese date form, Chinese brackets", async () => {
    const input = copyExample("customers-zh.xlsx");
    const { code, stdout } = await runCli(input, "--as-of", "2025-11-30", "--lang", "zh");
    expect(code).toBe(0);
    expect(stdout).toContain(
      "第 8 行 K 列（负面新闻日期）：负面新闻检查未计算：负面新闻日期为 2026年11月16日，晚于审查日期（2025年11月30日），因此不计入",
    );
    expect(stdout).toContain("第 24 行 E 列（行业风险）：行业风险必须介于 1 到 5 之间，实际为 6");
    // No date as digits and no half-width bracket inside a Chinese line.
    const chinese = stdout.split("\n").filter((line) => /\p{Script=Han}/u.test(line));
    expect(chinese.filter((line) => /\d{4}-\d{2}-\d{2}|\p{Script=Han} ?\(/u.test(line))).toEqual([]);
  });

  test("Chinese-header sample reviewed in Chinese, then re-reviewed in English, updates the same columns", async () => {
    const input = copyExample("customers-zh.xlsx");
    expect((await runCli(input, "--as-of", "2026-11-30", "--lang", "zh")).code).toBe(0);
    const zhOut = path.join(dir(), "customers-zh.reviewed-2026-11-30.xlsx");
    const enOut = path.join(dir(), "again-en.xlsx");
    const { code, result } = await runCli(zhOut, "--as-of", "2026-12-31", "--lang", "en", "--out", enOut);
    expect(code).toBe(0);
    expect(result!.customers).toHaveLength(45);
    const before = headerRow((await loadWorkbook(zhOut)).getWorksheet("客户")!, 3);
    const after = headerRow((await loadWorkbook(enOut)).getWorksheet("客户")!, 3);
    expect(after).toHaveLength(before.length);
    expect(after.slice(0, before.indexOf("风险评分"))).toEqual(before.slice(0, before.indexOf("风险评分")));
    expect(after.slice(before.indexOf("风险评分"))).toEqual(withAging(OUTPUT_HEADERS_EN, AGING_HEADERS_EN));
    // The sheets created in Chinese are found again by their Chinese names, not duplicated in English.
    const names = (await loadWorkbook(enOut)).worksheets.map((s) => s.name);
    expect(names).toEqual(["客户", "发票明细", "信用审查汇总", "信用审查档案", "信用政策", "信用政策历史"]);
    // The same policy, read back from the Chinese policy sheet: the same version, so no second history column.
    expect((await loadWorkbook(enOut)).getWorksheet("信用政策历史")!.actualColumnCount).toBe(2);
  });

  test("dates and money carry number formats for the language, not text", async () => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-11-30", "--lang", "zh")).code).toBe(0);
    const sheet = (await loadWorkbook(path.join(dir(), "customers.reviewed-2026-11-30.xlsx"))).getWorksheet("Customers")!;
    const header = headerRow(sheet, 3);
    const next = sheet.getCell(4, header.indexOf("下次复审") + 1);
    const limit = sheet.getCell(4, header.indexOf("建议额度") + 1);
    expect(next.value).toBeInstanceOf(Date);
    expect(next.numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(typeof limit.value).toBe("number");
    expect(limit.numFmt).toBe("#,##0.00");
  });

  test("--json prints the documented shape with stable codes", async () => {
    const input = copyExample("customers.xlsx");
    const { code, stdout } = await runCli(input, "--as-of", "2026-11-30", "--json", "--lang", "zh");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.asOf).toBe("2026-11-30");
    expect(json.sheet).toBe("Customers");
    const c = json.customers.find((x: { id: string }) => x.id === "C0005");
    // Negative news: re-assess now, so the next review is the as-of date.
    expect(c).toMatchObject({ row: 8, grade: "high", monitoring: "monthly", nextReview: "2026-11-30" });
    expect(c.actions).toContainEqual(expect.objectContaining({ code: "REASSESS", because: "NEGATIVE_NEWS" }));
    expect(c.warnings).toEqual(expect.arrayContaining(["NEGATIVE_NEWS"]));
    // A date finding's figures are ISO days, as every date of the JSON: the news and the look-back's start.
    expect(c.findings.find((f: { code: string }) => f.code === "NEGATIVE_NEWS")).toMatchObject({
      value: "2026-11-16",
      threshold: "2026-10-30",
      format: "date",
    });
    expect(typeof c.recommendation).toBe("string");
    expect(["safe", "grey", "distress", null]).toContain(c.zZone);
    expect(json.portfolio.byGrade).toEqual({ low: expect.any(Number), medium: expect.any(Number), high: expect.any(Number) });
    expect(json.portfolio.warnings).toEqual(["OVERDUE_SHARE"]);
    expect(json.portfolio.findings).toEqual([
      {
        code: "OVERDUE_SHARE",
        value: json.portfolio.overdueShare,
        threshold: 0.1,
        format: "percent",
        text: "31.8% 的客户有逾期付款（超过 10% 即预警）。",
      },
    ]);
    // The dashboard's headline figures, as the sample's customers add up.
    expect(json.portfolio).toMatchObject({
      exposure: 4_018_000,
      creditLimits: 14_780_000,
      overdueAmount: 963_000,
      exposureAtRisk: 2_080_500,
      customersAtRisk: 18,
    });
    expect(json.portfolio.utilisation).toBeCloseTo(0.265, 3);
    // Ranked by the balance at risk: the customer far over its limit first, with its reason in words.
    expect(json.portfolio.topRisks).toHaveLength(10);
    expect(json.portfolio.topRisks[0]).toMatchObject({
      name: "Wide World Importers",
      balance: 276_000,
      reason: "OVER_LIMIT",
      text: "应收账款余额 276,000.00 超过信用额度 20,000.00。",
    });
  });

  test("re-running on the reviewed workbook updates the same columns and archives one more review", async () => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-11-30")).code).toBe(0);
    const once = path.join(dir(), "customers.reviewed-2026-11-30.xlsx");
    const twice = path.join(dir(), "twice.xlsx");
    const second = await runCli(once, "--as-of", "2026-12-31", "--out", twice, "--json");
    expect(second.code).toBe(0);
    const [a, b] = [await loadWorkbook(once), await loadWorkbook(twice)];
    expect(headerRow(b.getWorksheet("Customers")!, 3)).toEqual(headerRow(a.getWorksheet("Customers")!, 3));
    const archiveA = a.getWorksheet("Credit Review Archive")!.actualRowCount;
    const archiveB = b.getWorksheet("Credit Review Archive")!.actualRowCount;
    expect(archiveB - archiveA).toBe(archiveA - 1);
    expect(headerRow(b.getWorksheet("Credit Review Archive")!, archiveA + 1)[0]).not.toBe("Review date");
    // Nothing was edited between the reviews: no score moved. The first review's rises came from the
    // sheet's previous-score column; now the archive's same scores serve, so they clear. A month on,
    // one customer's oldest invoice passed 90 days and one's negative news fell out of its window.
    const changes = second.result!.changes!;
    expect(changes.previousReview).toBeDefined();
    expect(changes.added).toEqual([]);
    expect(changes.gone).toEqual([]);
    const moved = changes.customers.filter((c) => c.newWarnings.length + c.clearedWarnings.length > 0);
    expect(moved.map((c) => [c.id, c.newWarnings, c.clearedWarnings.map((w) => w.code)])).toEqual([
      ["C0004", [], ["SCORE_RISE"]],
      ["C0005", [], ["NEGATIVE_NEWS"]],
      ["C0018", ["OVERDUE_90"], ["SCORE_RISE"]],
    ]);
    expect(changes.customers.filter((c) => c.scoreChange !== undefined && c.scoreChange !== 0)).toEqual([]);
    // Why each cleared, in the JSON one list a customer, each warning with its reason's figures and
    // its text: nothing was resolved. The rises' scores are unchanged, and the negative news of
    // 2026-11-16 only fell out of the month the policy looks back.
    const json = JSON.parse(second.stdout).changes.customers as { id: string; clearedWarnings: unknown[] }[];
    expect(json.filter((c) => c.clearedWarnings.length).map((c) => [c.id, c.clearedWarnings])).toEqual([
      [
        "C0004",
        [
          {
            code: "SCORE_RISE",
            reason: "score",
            figures: { from: 3.15, to: 3.15, change: 0, threshold: 1, since: "2026-11-30" },
            fromPolicy: false,
            text: "Score rose — the score is 3.15, unchanged since the review of 2026-11-30 (a rise of more than 1.00 points triggers a warning).",
          },
        ],
      ],
      [
        "C0005",
        [
          {
            code: "NEGATIVE_NEWS",
            reason: "newsAged",
            figures: { date: "2026-11-16", since: "2026-11-30", months: 1 },
            fromPolicy: false,
            text: "Negative news — the news of 2026-11-16 is now older than the 1-month look-back (on or after 2026-11-30).",
          },
        ],
      ],
      [
        "C0018",
        [
          {
            code: "SCORE_RISE",
            reason: "score",
            figures: { from: 4.05, to: 4.05, change: 0, threshold: 1, since: "2026-11-30" },
            fromPolicy: false,
            text: "Score rose — the score is 4.05, unchanged since the review of 2026-11-30 (a rise of more than 1.00 points triggers a warning).",
          },
        ],
      ],
    ]);
    expect(json.some((c) => "clearedReasons" in c)).toBe(false);
    expect(changes.notCheckedWarnings).toBe(0);
  });

  test.each(["en", "zh"] as const)(
    "the month after in --json (%s): each cleared warning once, with its reason's figures, the news's look-back said as its warning said it",
    async (lang) => {
      const t = (key: MessageKey, params?: MessageParams) => message(lang, key, params);
      const start = new ExcelJS.Workbook();
      start.addWorksheet("Customers").addRows([
        [
          ...["Customer ID", "Customer", "Payment history", "Contract performance", "Industry risk"],
          ...["Market reputation", "Compliance record", "Credit limit", "Outstanding balance", "Overdue amount"],
          ...["Days past due", "Negative news date"],
        ],
        // High risk, in the news in January; by March the news is older than the month the policy looks back.
        ["C003", "Cedar", 4, 4, 4, 4, 4, 100000, 10000, 0, 0, new Date(Date.UTC(2026, 0, 16))],
        // High risk, in the news; by March in the news again, but graded Medium.
        ["D004", "Dogwood", 4, 4, 4, 4, 4, 100000, 10000, 0, 0, new Date(Date.UTC(2026, 0, 20))],
        // 8,000.00 owed 120 days late; by March nothing owed, the oldest item still 120 days.
        ["M013", "Maple", 2, 2, 2, 2, 2, 100000, 10000, 8000, 120, null],
        // Over its limit; by March within it.
        ["O015", "Olive", 2, 2, 2, 2, 2, 50000, 80000, 0, 0, null],
      ]);
      await start.xlsx.writeFile(path.join(dir(), "start.xlsx"));
      const january = await runCli(path.join(dir(), "start.xlsx"), "--as-of", "2026-01-31", "--lang", lang);
      expect(january.code).toBe(0);
      const reviewed = await loadWorkbook(path.join(dir(), "start.reviewed-2026-01-31.xlsx"));
      const sheet = reviewed.getWorksheet("Customers")!;
      const row = (id: string) => sheet.getRow([2, 3, 4, 5].find((r) => sheet.getCell(r, 1).value === id)!);
      for (const factor of [3, 4, 5, 6, 7]) row("D004").getCell(factor).value = 3;
      row("D004").getCell(12).value = new Date(Date.UTC(2026, 2, 20));
      row("M013").getCell(10).value = 0;
      row("O015").getCell(9).value = 40000;
      await reviewed.xlsx.writeFile(path.join(dir(), "march-in.xlsx"));
      const march = await runCli(path.join(dir(), "march-in.xlsx"), "--as-of", "2026-03-31", "--lang", lang, "--json");
      expect(march.code).toBe(0);
      const customers = JSON.parse(march.stdout).changes.customers as { id: string; clearedWarnings: unknown[] }[];
      const texts = {
        en: {
          C003: "Negative news — the news of 2026-01-16 is now older than the 1-month look-back (on or after 2026-02-28).",
          D004: "Negative news — the customer is graded Medium now, and negative news (of 2026-03-20) triggers a warning for a high-risk customer only.",
          M013: "Overdue over 90 days — the overdue amount is 0.00 now, so nothing is overdue (though the oldest open item is 120 days past due).",
          O015: "Over credit limit — the outstanding balance 40,000.00 is within the credit limit 50,000.00.",
        },
        zh: {
          C003: "负面新闻——2026年1月16日的负面新闻已超出 1 个月的回溯期（不早于 2026年2月28日）。",
          D004: "负面新闻——客户现为中风险，而负面新闻（2026年3月20日）仅对高风险客户预警。",
          M013: "逾期超过 90 天——逾期金额现为 0.00，已无逾期款项（尽管最早的未结项目已逾期 120 天）。",
          O015: "超出信用额度——应收账款余额 40,000.00 未超过信用额度 50,000.00。",
        },
      }[lang];
      const cleared = (code: string, reason: string, figures: object, text: string) => [
        { code, reason, figures, fromPolicy: false, text },
      ];
      expect(Object.fromEntries(customers.map((c) => [c.id, c.clearedWarnings]))).toEqual({
        C003: cleared("NEGATIVE_NEWS", "newsAged", { date: "2026-01-16", since: "2026-02-28", months: 1 }, texts.C003),
        D004: cleared("NEGATIVE_NEWS", "notHighRisk", { grade: "medium", date: "2026-03-20" }, texts.D004),
        M013: cleared("OVERDUE_90", "nothingOverdue", { overdueAmount: 0, daysPastDue: 120 }, texts.M013),
        O015: cleared("OVER_LIMIT", "figure", { value: 40000, threshold: 50000, format: "money" }, texts.O015),
      });
      expect(customers.some((c) => "clearedReasons" in c)).toBe(false);
      // The news warning and the text saying it cleared name the look-back in the same words.
      const lookBack = (since: string) => t("warning.newsLookBack", { since });
      const warned = january.result!.customers.find((c) => c.id === "C003")!.findings[0];
      expect(findingWithFigure(warned, {}, lang, NO_MARKS)).toBe(
        lang === "en"
          ? `Negative news (2026-01-16, ${lookBack("2025-12-31")})`
          : `负面新闻（2026年1月16日，${lookBack("2025年12月31日")}）`,
      );
      expect(texts.C003).toContain(lookBack(lang === "en" ? "2026-02-28" : "2026年2月28日"));
    },
  );

  test("month after month the copies are named by review date, none ever replaced by a default name", async () => {
    const input = copyExample("customers.xlsx");
    const files = () => fs.readdirSync(dir()).sort();
    expect((await runCli(input, "--as-of", "2026-11-30")).code).toBe(0);
    // The next month's review of November's copy: the date replaced, not a suffix stacked on it.
    expect((await runCli(path.join(dir(), "customers.reviewed-2026-11-30.xlsx"), "--as-of", "2026-12-31")).code).toBe(0);
    expect(files()).toEqual(["customers.reviewed-2026-11-30.xlsx", "customers.reviewed-2026-12-31.xlsx", "customers.xlsx"]);
    const december = fs.readFileSync(path.join(dir(), "customers.reviewed-2026-12-31.xlsx"));
    // December again, from its own copy (which someone may have worked in) and from November's:
    // each a new file beside it.
    const again = await runCli(path.join(dir(), "customers.reviewed-2026-12-31.xlsx"), "--as-of", "2026-12-31");
    expect(again.stdout).toContain("customers.reviewed-2026-12-31 (2).xlsx");
    expect((await runCli(path.join(dir(), "customers.reviewed-2026-11-30.xlsx"), "--as-of", "2026-12-31")).code).toBe(0);
    expect(files()).toEqual([
      "customers.reviewed-2026-11-30.xlsx",
      "customers.reviewed-2026-12-31 (2).xlsx",
      "customers.reviewed-2026-12-31 (3).xlsx",
      "customers.reviewed-2026-12-31.xlsx",
      "customers.xlsx",
    ]);
    expect(fs.readFileSync(path.join(dir(), "customers.reviewed-2026-12-31.xlsx")).equals(december)).toBe(true);
    // January from a numbered copy, and from a copy named as older versions named them.
    expect((await runCli(path.join(dir(), "customers.reviewed-2026-12-31 (2).xlsx"), "--as-of", "2027-01-31")).code).toBe(0);
    fs.renameSync(path.join(dir(), "customers.reviewed-2026-11-30.xlsx"), path.join(dir(), "old.reviewed.xlsx"));
    expect((await runCli(path.join(dir(), "old.reviewed.xlsx"), "--as-of", "2027-01-31")).code).toBe(0);
    expect(files()).toContain("customers.reviewed-2027-01-31.xlsx");
    expect(files()).toContain("old.reviewed-2027-01-31.xlsx");
  });

  /** A run (--json) while another process writes `text` to `file`, after this one chose its output's name. */
  async function reviewWhileWritten(args: string[], file: string, text: string) {
    const out: string[] = [];
    const { code } = await review([...args, "--json"], {
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      progress: false,
      writeWorkbook: async (temp, mode, produce) => {
        fs.writeFileSync(file, text);
        await writeToFile(temp, mode, produce);
      },
    });
    return { code, json: JSON.parse(out.join("\n")) as { output: string } };
  }

  test.each([
    ["a file system with hard links", undefined],
    ["one without, saying EPERM (the name checked just before the rename)", "EPERM"],
    ["FAT on Windows, whose refusal reads EISDIR", "EISDIR"],
  ])(
    "a second run taking the default name while this one reviews: its copy is kept, this one's is numbered (%s)",
    async (_, linkRefused) => {
      const input = copyExample("customers.xlsx");
      const taken = path.join(dir(), "customers.reviewed-2026-11-30.xlsx");
      const nodeFs: typeof fs = jest.requireActual("node:fs");
      const link = linkRefused
        ? jest.spyOn(nodeFs, "linkSync").mockImplementation(() => {
            throw Object.assign(new Error("link refused"), { code: linkRefused });
          })
        : undefined;
      try {
        // The other run finishes first, under the name this one chose as free.
        const { code, json } = await reviewWhileWritten([input, "--as-of", "2026-11-30"], taken, "the other run's copy");
        expect(code).toBe(0);
        expect(fs.readFileSync(taken, "utf8")).toBe("the other run's copy");
        const numbered = path.join(dir(), "customers.reviewed-2026-11-30 (2).xlsx");
        expect(json.output).toBe(numbered);
        expect((await loadWorkbook(numbered)).getWorksheet("Credit Review Summary")).toBeDefined();
        expect(fs.readdirSync(dir()).sort()).toEqual([
          "customers.reviewed-2026-11-30 (2).xlsx",
          "customers.reviewed-2026-11-30.xlsx",
          "customers.xlsx",
        ]);
      } finally {
        link?.mockRestore();
      }
    },
  );

  test("the copy named, its temporary name held by a virus scanner: the run succeeds under the name it got", async () => {
    const input = copyExample("customers.xlsx");
    const nodeFs: typeof fs = jest.requireActual("node:fs");
    const rm = nodeFs.rmSync;
    const held = jest.spyOn(nodeFs, "rmSync").mockImplementation((target, options) => {
      if (String(target).endsWith(".tmp")) throw Object.assign(new Error("resource busy"), { code: "EBUSY" });
      rm(target, options);
    });
    try {
      const out: string[] = [];
      const { code } = await review([input, "--as-of", "2026-11-30", "--json"], {
        stdout: (t) => out.push(t),
        stderr: () => undefined,
        progress: false,
      });
      expect(code).toBe(0);
      expect(JSON.parse(out.join("\n")).output).toBe(path.join(dir(), "customers.reviewed-2026-11-30.xlsx"));
      expect(fs.readdirSync(dir()).filter((f) => f.endsWith(".xlsx")).sort()).toEqual([
        "customers.reviewed-2026-11-30.xlsx",
        "customers.xlsx",
      ]);
    } finally {
      held.mockRestore();
    }
  });

  test.each(["en", "zh"] as const)(
    "on a Node.js without zlib's CRC-32 (before 20.15): one line saying which Node it needs, exit 2, nothing written (%s)",
    async (lang) => {
      const input = copyExample("customers.xlsx");
      const nodeZlib: typeof import("node:zlib") = jest.requireActual("node:zlib");
      const crc32 = Object.getOwnPropertyDescriptor(nodeZlib, "crc32")!;
      Object.defineProperty(nodeZlib, "crc32", { value: undefined, configurable: true });
      const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
      try {
        expect(await main([input, "--as-of", "2026-11-30", "--lang", lang])).toBe(2);
        expect(err.mock.calls.map((c) => String(c[0]))).toEqual([
          `credit-review: ${message(lang, "cli.nodeTooOld", { version: process.version })}\n`,
        ]);
        expect(fs.readdirSync(dir())).toEqual(["customers.xlsx"]);
      } finally {
        err.mockRestore();
        Object.defineProperty(nodeZlib, "crc32", crc32);
      }
    },
  );

  test("--out names a file to replace: a file written there meanwhile is replaced, not numbered around", async () => {
    const input = copyExample("customers.xlsx");
    const target = path.join(dir(), "report.xlsx");
    const { code, json } = await reviewWhileWritten([input, "--as-of", "2026-11-30", "--out", target], target, "older");
    expect(code).toBe(0);
    expect(json.output).toBe(target);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe("PK");
    expect(fs.readdirSync(dir()).sort()).toEqual(["customers.xlsx", "report.xlsx"]);
  });

  test("a --policy file moving the High band from 3.5 to 3.1 between two reviews: the grades it alone moved are said to be the policy's", async () => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-10-31")).code).toBe(0);
    const once = path.join(dir(), "customers.reviewed-2026-10-31.xlsx");
    const policy = path.join(dir(), "policy.json");
    fs.writeFileSync(policy, JSON.stringify({ highFrom: 3.1 }));
    const args = [once, "--as-of", "2026-11-30", "--policy", policy, "--lang", "en"];
    const second = await runCli(...args, "--out", path.join(dir(), "json.xlsx"), "--json");
    expect(second.code).toBe(0);
    // Nothing was edited between the reviews. The sample's C0004 scores 3.15 both months: Medium
    // under 3.5, High under 3.1, the one grade that moved, and with the band alone.
    const changes = JSON.parse(second.stdout).changes;
    const moved = changes.customers.filter((c: { gradeMove: string | null }) => c.gradeMove !== "same" && c.gradeMove !== null);
    expect(moved.map((c: Record<string, unknown>) => [c.id, c.scoreChange, c.gradeMove, c.gradeMoveFromPolicy])).toEqual([
      ["C0004", 0, "riskier", true],
    ]);
    expect(changes).toMatchObject({ riskierFromPolicy: 1, saferFromPolicy: 0 });
    const printed = (await runCli(...args, "--out", path.join(dir(), "printed.xlsx"))).stdout;
    expect(printedList(printed, "Moved to a riskier grade", "en")).toEqual({
      count: "1",
      items: [`${moved[0].name} (Medium → High, from the policy change)`],
    });
    expect(printed).toContain("Moved to a riskier grade by the policy change alone: 1");
  });

  test("a limit typed over in the reviewed workbook is named, written again, and kept in that customer's row of the next review's archive", async () => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-11-30")).code).toBe(0);
    const once = path.join(dir(), "customers.reviewed-2026-11-30.xlsx");
    const wb = await loadWorkbook(once);
    const customers = wb.getWorksheet("Customers")!;
    const header = headerRow(customers, 3);
    const limitColumn = header.indexOf("Recommended limit") + 1;
    const id = customers.getCell(4, header.indexOf("Customer ID") + 1).value;
    const wrote = customers.getCell(4, limitColumn).value as number;
    expect(wrote).not.toBe(340000);
    customers.getCell(4, limitColumn).value = 340000;
    const typed = path.join(dir(), "typed.xlsx");
    await wb.xlsx.writeFile(typed);
    const out = path.join(dir(), "typed.reviewed.xlsx");
    const second = await runCli(typed, "--as-of", "2026-12-31", "--out", out, "--json");
    expect(second.code).toBe(0);
    expect(second.result!.typedOver!.count).toBe(1);
    const archive = (await loadWorkbook(out)).getWorksheet("Credit Review Archive")!;
    const kept: [string, unknown, unknown][] = [];
    archive.eachRow((row, n) => {
      const text = row.getCell(24).value;
      if (n > 1 && text !== null)
        kept.push([(row.getCell(1).value as Date).toISOString().slice(0, 10), row.getCell(3).value, text]);
    });
    const written = wrote.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(kept).toEqual([["2026-12-31", id, `Recommended limit: 340,000.00 (the review of 2026-11-30 wrote ${written})`]]);
  });

  test("a recommendation typed over and a next review cleared in the reviewed workbook: named in the json, written again, kept in the archive", async () => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-11-30")).code).toBe(0);
    const wb = await loadWorkbook(path.join(dir(), "customers.reviewed-2026-11-30.xlsx"));
    const customers = wb.getWorksheet("Customers")!;
    const header = headerRow(customers, 3);
    const recommendation = header.indexOf("Recommendation") + 1;
    const nextReview = header.indexOf("Next review") + 1;
    const wrote = customers.getCell(5, recommendation).value;
    const memo = "Committee 2026-12-05: keep terms";
    customers.getCell(5, recommendation).value = memo;
    expect(customers.getCell(6, nextReview).value).not.toBeNull();
    customers.getCell(6, nextReview).value = null;
    const typed = path.join(dir(), "typed.xlsx");
    await wb.xlsx.writeFile(typed);
    const out = path.join(dir(), "typed.reviewed.xlsx");
    const second = await runCli(typed, "--as-of", "2026-12-31", "--out", out, "--json", "--lang", "en");
    expect(second.code).toBe(0);
    const json = JSON.parse(second.stdout).typedOver;
    const name = (row: number) => customers.getCell(row, header.indexOf("Customer") + 1).value;
    const letter = (column: number) => columnLetter(column - 1);
    expect(json).toMatchObject({ reviewDate: "2026-11-30", count: 2, historySheet: null });
    // What the review wrote there is not kept, only its check: no "written".
    expect(json.cells).toEqual([
      { cell: `${letter(recommendation)}5`, field: "recommendation", header: "Recommendation", customer: name(5), typed: memo },
      { cell: `${letter(nextReview)}6`, field: "nextReview", header: "Next review", customer: name(6), typed: null },
    ]);
    expect(json.text).toContain(
      `Customers!${letter(recommendation)}5 Recommendation of ${name(5)}: "${memo}" (not what the review wrote)`,
    );
    const reviewed = await loadWorkbook(out);
    // Written again: the review's own recommendation, not the memo.
    expect(wrote).toEqual(expect.any(String));
    expect(reviewed.getWorksheet("Customers")!.getCell(5, recommendation).value).toEqual(expect.any(String));
    expect(reviewed.getWorksheet("Customers")!.getCell(5, recommendation).value).not.toBe(memo);
    const archive = reviewed.getWorksheet("Credit Review Archive")!;
    const kept: unknown[] = [];
    archive.eachRow((row, n) => {
      if (n > 1 && row.getCell(24).value !== null) kept.push(row.getCell(24).value);
    });
    expect(kept).toEqual([
      `Recommendation: "${memo}" (not what the review of 2026-11-30 wrote)`,
      "Next review: blank (not what the review of 2026-11-30 wrote)",
    ]);
  });

  test("a reviewed copy saved again by LibreOffice, reviewed a month on: nothing typed over", async () => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-11-30")).code).toBe(0);
    const saved = path.join(dir(), "libreoffice");
    execFileSync(
      "soffice",
      ["--headless", "--calc", "--convert-to", "xlsx", "--outdir", saved, path.join(dir(), "customers.reviewed-2026-11-30.xlsx")],
      { stdio: "ignore", timeout: 180_000 },
    );
    const copy = path.join(saved, "customers.reviewed-2026-11-30.xlsx");
    const second = await runCli(copy, "--as-of", "2026-12-31", "--out", path.join(dir(), "again.xlsx"), "--json");
    expect(second.code).toBe(0);
    const json = JSON.parse(second.stdout);
    expect(json.typedOver).toBeNull();
    expect(json.movedRows).toBeNull();
    // The archive LibreOffice saved still holds every row's check.
    const archive = (await loadWorkbook(copy)).getWorksheet("Credit Review Archive")!;
    expect(archive.getCell(1, 26).value).toBe("Output check");
    // The output cells' tokens, the aging buckets', and the Action taken text's.
    expect(String(archive.getCell(2, 26).value)).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]*\/[A-Za-z0-9_.-]+$/);
  }, 200_000);

  test("data columns refreshed from an export with a customer more in the middle: nothing typed over, the archive's Typed over by hand column stays empty, and the report says why the rows changed", async () => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-11-30")).code).toBe(0);
    const wb = await loadWorkbook(path.join(dir(), "customers.reviewed-2026-11-30.xlsx"));
    const customers = wb.getWorksheet("Customers")!;
    // The data columns are those left of the review's; the export comes in id order, a new customer third.
    const dataColumns = headerRow(customers, 3).indexOf("Risk score");
    const rows: unknown[][] = [];
    for (let r = 4; r <= customers.rowCount; r++) {
      const line = Array.from({ length: dataColumns }, (_, c) => customers.getCell(r, c + 1).value);
      if (line.some((v) => v !== null && v !== undefined)) rows.push(line);
    }
    expect(rows).toHaveLength(45);
    rows.splice(2, 0, ["C0002A", "Acme New Account", 2, 2, 2, 2, 2, null, 100000, 10000]);
    rows.forEach((line, i) => {
      for (let c = 0; c < dataColumns; c++) customers.getCell(4 + i, c + 1).value = (line[c] ?? null) as ExcelJS.CellValue;
    });
    const refreshed = path.join(dir(), "refreshed.xlsx");
    await wb.xlsx.writeFile(refreshed);

    const out = path.join(dir(), "refreshed.reviewed.xlsx");
    const december = await runCli(refreshed, "--as-of", "2026-12-31", "--out", out, "--json", "--lang", "en");
    expect(december.code).toBe(0);
    expect(december.result!.typedOver).toBeUndefined();
    // The new customer's row 6, the 42 customers below it a row down, and the last pushed onto row 49.
    const json = JSON.parse(december.stdout);
    expect(json.typedOver).toBeNull();
    expect(json.movedRows).toMatchObject({ reviewDate: "2026-11-30", count: 44 });
    expect(json.movedRows.rows).toEqual(Array.from({ length: 44 }, (_, i) => 6 + i));
    expect(json.movedRows.text).toMatch(
      /^44 rows moved since the review of 2026-11-30 \(rows 6–49\)\. The customer sheet's data moved under the review's columns /,
    );
    const archive = (await loadWorkbook(out)).getWorksheet("Credit Review Archive")!;
    expect(archive.getCell(1, 24).value).toBe("Typed over by hand");
    const typedOver: unknown[] = [];
    archive.eachRow((row, n) => {
      if (n > 1 && row.getCell(24).value !== null) typedOver.push(row.getCell(24).value);
    });
    expect(typedOver).toEqual([]);
    expect(archive.rowCount).toBe(1 + 45 + 46);

    const zh = await runCli(refreshed, "--as-of", "2026-12-31", "--out", path.join(dir(), "zh.xlsx"), "--lang", "zh");
    expect(zh.stdout).toContain(
      "自 2026年11月30日的审查以来，有 44 行发生了移动（第 6–49 行）。客户表的数据在审查输出列下移动了",
    );
    expect(zh.stdout).not.toContain("手工改动，审查会");
  });

  test("a reviewed copy with its review sheets renamed, reviewed again: one archive with both months, the user's policy, the new names", async () => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-10-31")).code).toBe(0);
    const once = path.join(dir(), "customers.reviewed-2026-10-31.xlsx");
    const direct = await runCli(once, "--as-of", "2026-11-30", "--out", path.join(dir(), "direct.xlsx"));
    // The user renames every sheet of ours and raises the maximum debt ratio on the renamed policy sheet.
    const wb = await loadWorkbook(once);
    const renames: Record<string, string> = {
      "Credit Review Summary": "Dashboard",
      "Credit Review Archive": "Review archive",
      "Credit Policy": "Policy",
      "Credit Policy History": "Policy log",
    };
    for (const [from, to] of Object.entries(renames)) wb.getWorksheet(from)!.name = to;
    const policySheet = wb.getWorksheet("Policy")!;
    policySheet.eachRow((row) => {
      if (row.getCell(1).value === "Maximum debt ratio") row.getCell(2).value = 0.75;
    });
    const renamed = path.join(dir(), "renamed.xlsx");
    await wb.xlsx.writeFile(renamed);
    const out = path.join(dir(), "month2.xlsx");
    const second = await runCli(renamed, "--as-of", "2026-11-30", "--out", out);
    expect(second.code).toBe(0);
    expect(second.result!.policy.maxDebtRatio).toBe(0.75);
    const month2 = await loadWorkbook(out);
    expect(month2.worksheets.map((ws) => ws.name)).toEqual([
      "Customers",
      "Invoices",
      "Dashboard",
      "Review archive",
      "Policy",
      "Policy log",
    ]);
    const dates = new Set<string>();
    month2.getWorksheet("Review archive")!.eachRow((row, n) => {
      if (n > 1) dates.add((row.getCell(1).value as Date).toISOString().slice(0, 10));
    });
    expect([...dates]).toEqual(["2026-10-31", "2026-11-30"]);
    // Compared with October's review as the direct re-run is: the same warnings, no rise read from the stale column.
    const warnings = (r: typeof second) =>
      r.result!.customers.map((c) => c.findings.map((f) => f.code).filter((x) => x !== "LEVERAGE"));
    expect(warnings(second)).toEqual(warnings(direct));
    expect(second.result!.changes!.previousReview).toBe(direct.result!.changes!.previousReview);
    expect(second.stdout).toContain("Changes since the last review (2026-10-31)");
    // The policy change is told from the renamed history: that version's settings are there.
    expect(second.result!.changes!.policy?.settings?.map((s) => [s.setting, s.from, s.to])).toEqual([
      ["maxDebtRatio", 0.7, 0.75],
    ]);
    expect(month2.getWorksheet("Policy log")!.actualColumnCount).toBe(3);
    expect(month2.getWorksheet("Dashboard")!.getCell(1, 1).value).toBe("Credit Review Summary");
  });

  test("a workbook with no archive (the customer sheet exported alone) says there is nothing to compare with", async () => {
    const input = copyExample("customers.xlsx");
    const { code, stdout, result } = await runCli(input, "--as-of", "2026-11-30");
    expect(code).toBe(0);
    expect(result!.changes).toBeUndefined();
    expect(stdout).toContain("No earlier review in the archive to compare with");
  });

  test("a renamed sheet of ours named with --sheet is refused, not reviewed as customers", async () => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-10-31")).code).toBe(0);
    const wb = await loadWorkbook(path.join(dir(), "customers.reviewed-2026-10-31.xlsx"));
    wb.getWorksheet("Credit Review Archive")!.name = "Review archive";
    const renamed = path.join(dir(), "renamed.xlsx");
    await wb.xlsx.writeFile(renamed);
    const { code, stderr } = await runCli(renamed, "--sheet", "Review archive", "--out", path.join(dir(), "out.xlsx"));
    expect(code).toBe(2);
    expect(stderr).toBe(
      'credit-review: sheet "Review archive" is the review\'s own archive sheet, not a customer sheet; review the customers with --sheet "Customers"',
    );
  });

  test("a same-day re-run of the reviewed workbook writes the same values on every sheet", async () => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-11-30")).code).toBe(0);
    const once = path.join(dir(), "customers.reviewed-2026-11-30.xlsx");
    const twice = path.join(dir(), "twice.xlsx");
    expect((await runCli(once, "--as-of", "2026-11-30", "--out", twice)).code).toBe(0);
    const [a, b] = [await loadWorkbook(once), await loadWorkbook(twice)];
    const values = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((ws) => {
        const rows: unknown[][] = [];
        ws.eachRow((row, n) => rows.push([n, JSON.stringify(row.values)]));
        return [ws.name, rows];
      });
    expect(values(b)).toEqual(values(a));
  });

  test("a re-run replaces the summary and policy sheets whole: no stale rows below a shorter review", async () => {
    const input = copyExample("customers.xlsx");
    const wb = await loadWorkbook(input);
    // An earlier, longer review left rows far below what this one writes.
    for (const name of ["Credit Review Summary", "Credit Policy"]) {
      const sheet = wb.addWorksheet(name);
      for (let r = 1; r <= 300; r++) sheet.getCell(r, 1).value = `old row ${r}`;
    }
    await wb.xlsx.writeFile(input);
    expect((await runCli(input, "--as-of", "2026-11-30", "--sheet", "Customers")).code).toBe(0);
    const out = await loadWorkbook(path.join(dir(), "customers.reviewed-2026-11-30.xlsx"));
    for (const name of ["Credit Review Summary", "Credit Policy"]) {
      const seen: string[] = [];
      out.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => seen.push(String(cell.value))));
      expect({ name, stale: seen.filter((v) => v.startsWith("old row")) }).toEqual({ name, stale: [] });
      // The review's own rows only: far fewer than the 300 the earlier review left.
      expect(out.getWorksheet(name)!.actualRowCount).toBeLessThan(100);
    }
  });

  test("a note the user put beside the policy table stays through a re-run; the table's own columns below it are cleared", async () => {
    const input = copyExample("customers.xlsx");
    const first = path.join(dir(), "policy-noted.xlsx");
    expect((await runCli(input, "--as-of", "2026-10-31", "--out", first)).code).toBe(0);
    const wb = await loadWorkbook(first);
    const policy = wb.getWorksheet("Credit Policy")!;
    const debtRow = policy.getColumn(1).values.findIndex((v) => v === "Maximum debt ratio");
    policy.getCell(debtRow, 2).value = 0.75;
    policy.getCell(debtRow, 4).value = "Raised to 75% by the board, minutes 2026-11-12";
    policy.getCell(40, 2).value = "left by an older, longer policy table";
    await wb.xlsx.writeFile(first);
    const second = path.join(dir(), "policy-noted.reviewed.xlsx");
    expect((await runCli(first, "--as-of", "2026-11-30", "--out", second)).code).toBe(0);
    const out = (await loadWorkbook(second)).getWorksheet("Credit Policy")!;
    expect(out.getCell(debtRow, 2).value).toBe(0.75);
    expect(out.getCell(debtRow, 4).value).toBe("Raised to 75% by the board, minutes 2026-11-12");
    expect(out.getCell(40, 2).value).toBeNull();
  });

  test("a totals row under the customers, as Excel saves it (SUM formulas with their values), is left out and said so", async () => {
    const input = path.join(dir(), "totals.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copyExample("customers.xlsx"));
    const sheet = wb.getWorksheet("Customers")!;
    const last = sheet.rowCount;
    const sum = (column: string) => {
      let total = 0;
      for (let r = 4; r <= last; r++) {
        const v = sheet.getCell(`${column}${r}`).value;
        if (typeof v === "number") total += v;
      }
      return { formula: `SUM(${column}4:${column}${last})`, result: total };
    };
    const totals = sheet.getRow(last + 2);
    totals.getCell(2).value = "Total";
    totals.getCell(9).value = sum("I");
    totals.getCell(10).value = sum("J");
    await wb.xlsx.writeFile(input);
    const json = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--json")).stdout);
    expect(json.portfolio).toMatchObject({ customers: 45, withErrors: 2, exposure: 4_018_000, creditLimits: 14_780_000 });
    expect(json.leftOutRows).toEqual([{ sheet: "Customers", row: last + 2, label: "Total", kind: "totals" }]);
    const { stdout } = await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "totals-out.xlsx"));
    expect(stdout).toContain(`Left out, not customers: Customers row ${last + 2} ("Total", a totals row)`);
    // Nothing is written on the totals row: the user's sums stay the row's only cells.
    const out = await loadWorkbook(path.join(dir(), "totals-out.xlsx"));
    const written: string[] = [];
    out
      .getWorksheet("Customers")!
      .getRow(last + 2)
      .eachCell((cell) => written.push(cell.address));
    expect(written).toEqual([`B${last + 2}`, `I${last + 2}`, `J${last + 2}`]);
  });

  test("date cells are read as the serials the file stores, as Office.js gives them (1900-02-29 included)", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Dates");
    // 15 = 1900-01-15, 60 = Excel's phantom 1900-02-29, 61 = 1900-03-01, 46356.5 = 2026-11-30 noon.
    sheet.addRow([15, 60, 61, 46356.5]);
    sheet.getRow(1).eachCell((cell) => (cell.numFmt = "yyyy-mm-dd"));
    const file = path.join(dir(), "dates.xlsx");
    await wb.xlsx.writeFile(file);
    const read = await Workbook.open(file, file, "en");
    expect(await read.values(read.sheet("Dates")!)).toEqual([[15, 60, 61, 46356.5]]);
    read.close();
  });

  test("a ledger headed as ERPs head it is used; one it cannot use, or one taken as unpaid, is said so", async () => {
    const withLedger = async (name: string, edit: (ledger: ExcelJS.Worksheet) => void) => {
      const input = path.join(dir(), name);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(copyExample("customers.xlsx"));
      edit(wb.getWorksheet("Invoices")!);
      await wb.xlsx.writeFile(input);
      const json = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--json")).stdout);
      const { stdout } = await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), `out-${name}`));
      return { json, stdout };
    };
    const custId = await withLedger("cust-id.xlsx", (ledger) => (ledger.getCell("A1").value = "Cust. ID"));
    expect(custId.json.portfolio.overdueAmount).toBe(963_000);
    expect(custId.json.ledgerNotices).toEqual([]);

    const unknown = await withLedger("kundennummer.xlsx", (ledger) => (ledger.getCell("A1").value = "Kundennummer"));
    const notUsed =
      'Sheet "Invoices" has due dates and amounts but was not used as the invoice ledger: it has no "Customer ID" column (overdue figures come from the customer sheet, if it has them)';
    expect(unknown.json.ledgerNotices).toEqual([{ kind: "notUsed", sheet: "Invoices", missing: ["customer"], text: notUsed }]);
    expect(unknown.stdout).toContain(notUsed);

    // The sample's Paid column (E) as an open amount: what it says is owed is what is aged.
    const open = await withLedger("open-amount.xlsx", (ledger) =>
      ledger.eachRow((row, r) => {
        const amount = row.getCell(4).value as number;
        row.getCell(5).value = r === 1 ? "Open amount" : amount - ((row.getCell(5).value as number | null) ?? 0);
      }),
    );
    expect(open.json.portfolio.overdueAmount).toBe(963_000);
    expect(open.json.ledgerNotices).toEqual([]);

    const unpaid = await withLedger("no-paid.xlsx", (ledger) => ledger.spliceColumns(5, 1));
    expect(unpaid.json.portfolio.overdueAmount).toBe(1_001_000);
    expect(unpaid.json.ledgerNotices.map((n: { text: string }) => n.text)).toEqual([
      'The invoice ledger "Invoices" has no "Paid" or "Open amount" column: every invoice was taken as unpaid, at its full amount',
    ]);
    expect(unpaid.stdout).toContain("every invoice was taken as unpaid");
  });

  test("a customer name that looks like a formula is written as text", async () => {
    const input = path.join(dir(), "formula-names.xlsx");
    await writeWorkbook(input, {
      Customers: [
        ["Customer", ...FACTOR_HEADERS],
        ['=HYPERLINK("http://example.invalid","x")', 5, 5, 5, 5, 5],
        ["+1-555", 4, 4, 4, 4, 4],
      ],
    });
    expect((await runCli(input, "--as-of", "2026-11-30")).code).toBe(0);
    const out = await loadWorkbook(path.join(dir(), "formula-names.reviewed-2026-11-30.xlsx"));
    const top = out.getWorksheet("Credit Review Summary")!;
    const names: unknown[] = [];
    // Both graded high: the top risks, right of the figures, name them.
    top.eachRow((row) => names.push(row.getCell(6).value));
    expect(names).toContain('=HYPERLINK("http://example.invalid","x")');
    expect(names).toContain("+1-555");
    const customerSheet = out.getWorksheet("Customers")!;
    expect(customerSheet.getCell("A2").value).toBe('=HYPERLINK("http://example.invalid","x")');
    expect(customerSheet.getCell("A2").formula).toBeUndefined();
  });
});

describe("bad input: exit 2, one-line reason, nothing written", () => {
  function outputs(): string[] {
    return fs.readdirSync(dir()).filter((f) => f.includes(".reviewed") || f.startsWith("out"));
  }

  test.each([
    [
      "an unknown option",
      ["--frobnicate"],
      /unknown option --frobnicate; the options are --sheet, --as-of, --policy, --lang, --out, --json, --help, --version$/m,
    ],
    ["an unknown short option", ["-x"], /unknown option -x; the options are --sheet/],
    ["a misspelt option", ["--shet", "Customers"], /unknown option --shet; did you mean --sheet\?/],
    ["an option without its value", ["--sheet"], /^credit-review: --sheet needs a value$/m],
    ["a value given to a switch", ["--json=yes"], /^credit-review: --json takes no value$/m],
    ["two workbooks", ["other.xlsx"], /one workbook at a time, got 2/],
    ["no workbook", [], /no workbook given/],
    ["a bad --lang", ["--lang", "fr"], /--lang must be en or zh/],
    ["a bad --as-of", ["--as-of", "30/11/2026"], /--as-of must be a date, year first, like 2026-11-30, got "30\/11\/2026"/],
    ["a day the month has not", ["--as-of", "2026-02-29"], /--as-of 2026-02-29: there is no such day \(2026-02 has 28 days\)$/],
    ["a day the month has not, slashed", ["--as-of", "2026/11/31"], /no such day \(2026-11 has 30 days\)$/],
  ])("%s", async (_name, extra, reason) => {
    const input = copyExample("customers.xlsx");
    const argv = extra.length ? [input, ...extra] : extra;
    const { code, stderr } = await runCli(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(reason);
    expect(outputs()).toEqual([]);
  });

  test.each([
    ["2026/11/30", "en"],
    ["20261130", "EN"],
    ["2026.11.30", "zh-CN"],
    [" 2026-11-30 ", "zh_Hans"],
  ])(
    "--as-of %s and --lang %s: a date year first in any of its usual forms, a language as people write it",
    async (asOf, lang) => {
      const out = path.join(dir(), "forms.xlsx");
      const { code, stdout } = await runCli(
        copyExample("customers.xlsx"),
        "--as-of",
        asOf,
        "--lang",
        lang,
        "--out",
        out,
        "--json",
      );
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(json.asOf).toBe("2026-11-30");
      expect(json.language).toEqual({ lang: lang.slice(0, 2).toLowerCase(), by: "option" });
      fs.rmSync(out);
    },
  );

  test("an --as-of more than a month after today is reviewed, with a caution on stderr and in --json", async () => {
    const today = todaySerial();
    const ahead = isoFromSerial(today + 400);
    const out = path.join(dir(), "ahead.xlsx");
    const { code, stdout, stderr } = await runCli(copyExample("customers.xlsx"), "--as-of", ahead, "--out", out, "--json");
    expect(code).toBe(0);
    // The run's today: the test's, or the next day's when midnight passed in between.
    const { days } = JSON.parse(stdout).asOfAhead as { days: number };
    expect([400, 399]).toContain(days);
    const text = `The as-of date ${ahead} is ${days} days after today (${isoFromSerial(today + 400 - days)}): every open invoice is aged to that day, and the archive keeps this review under that date, so every review run until then comes before it. If the year is a slip, correct the date and review again`;
    expect(stderr.split("\n")).toContain(`credit-review: ${text}`);
    expect(JSON.parse(stdout).asOfAhead).toEqual({ days, text });
    // A month-end a few weeks off says nothing.
    const near = await runCli(copyExample("customers.xlsx"), "--as-of", isoFromSerial(today + 31), "--out", out, "--json");
    expect(near.stderr).not.toContain("after today");
    expect(JSON.parse(near.stdout).asOfAhead).toBeUndefined();
    fs.rmSync(out);
  });

  test.each([
    ["before", -36527],
    ["after", 36527],
  ])("an --as-of more than a century %s today is refused in one line, nothing written", async (_side, days) => {
    const far = isoFromSerial(todaySerial() + days);
    const { code, stdout, stderr } = await runCli(copyExample("customers.xlsx"), "--as-of", far, "--json");
    expect(code).toBe(2);
    const said = JSON.parse(stdout).error.message as string;
    expect(stderr).toBe(`credit-review: ${said}`);
    expect(said).toMatch(
      new RegExp(
        `^--as-of: The as-of date ${far} is more than a century from today \\(\\d{4}-\\d{2}-\\d{2}\\): a review cannot be dated that far off; correct the year$`,
      ),
    );
    expect(outputs()).toEqual([]);
  });

  test("--version prints the package's version and nothing else", async () => {
    const version = (JSON.parse(fs.readFileSync(path.join(__dirname, "../../../package.json"), "utf8")) as { version: string })
      .version;
    expect(await runCli("--version")).toMatchObject({ code: 0, stdout: `credit-review ${version}`, stderr: "" });
  });

  test("with --json a failure is one JSON object on stdout too: exit code, kind, message key and text", async () => {
    const input = copyExample("customers.xlsx");
    const missing = await runCli(input, "--sheet", "Nowhere", "--json", "--lang", "zh", "--out", path.join(dir(), "out.xlsx"));
    expect(missing.code).toBe(2);
    const said = JSON.parse(missing.stdout);
    expect(said).toEqual({
      error: { exitCode: 2, kind: "input", key: "cli.noSheet", message: expect.stringContaining("Nowhere") },
    });
    // The same sentence as the line on stderr, in the run's language.
    expect(missing.stderr).toBe(`credit-review: ${said.error.message}`);
    expect(said.error.message).toMatch(/[\u4e00-\u9fff]/);
    // A command line that cannot be read, asked for JSON: the usage line stays on stderr only.
    const misspelt = await runCli(input, "--json", "--shet", "Customers");
    expect(JSON.parse(misspelt.stdout).error).toEqual({
      exitCode: 2,
      kind: "usage",
      key: "cli.unknownOption",
      message: "unknown option --shet; did you mean --sheet?",
    });
    expect(misspelt.stderr.split("\n")[1]).toMatch(/^Usage: /);
    // A file that is no workbook, and an input past a bound, each by its kind.
    const notXlsx = path.join(dir(), "notes.xlsx");
    fs.writeFileSync(notXlsx, "just text");
    const notPackage = JSON.parse((await runCli(notXlsx, "--json", "--lang", "en")).stdout).error;
    expect(notPackage).toMatchObject({ exitCode: 2, kind: "workbook", key: "cli.notXlsx" });
    // Without --json a failure leaves stdout empty, as before.
    expect((await runCli(input, "--sheet", "Nowhere", "--lang", "en")).stdout).toBe("");
    expect(outputs()).toEqual([]);
  });

  test("a command line that cannot be read is answered in the language asked for, with the usage line", async () => {
    const input = copyExample("customers.xlsx");
    const misspelt = await runCli(input, "--lang", "zh", "--as-f", "2026-11-30");
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr.split("\n")).toEqual([
      "credit-review: 未知选项 --as-f；是否想用 --as-of？",
      expect.stringMatching(/^用法：credit-review <工作簿\.xlsx> \[--sheet 工作表名\]/),
    ]);
    expect((await runCli("--lang=zh")).stderr).toMatch(/^credit-review: 未指定工作簿\n用法：/);
    expect((await runCli(input, "--lang", "fr")).stderr).toMatch(/^credit-review: --lang must be en or zh, got "fr"\nUsage: /);
    expect(outputs()).toEqual([]);
  });

  test.each([
    ["en", /^Usage: credit-review <workbook\.xlsx>/, /-h, --help {8}this text/],
    [
      "zh",
      /^用法：credit-review <工作簿\.xlsx>/,
      /--as-of 日期 {8}审查日期，年份在前：2026-11-30、2026\/11\/30 或 20261130（默认：今天）/,
    ],
  ])("--help in %s: the usage line and every option", async (lang, first, line) => {
    const { code, stdout, stderr } = await runCli("--help", "--lang", lang);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(first);
    expect(stdout).toMatch(line);
    for (const option of ["--sheet", "--as-of", "--policy", "--lang", "--out", "--json", "--help", "--version"])
      expect(stdout).toContain(option);
  });

  test.each([
    [
      "en",
      "is not a readable .xlsx workbook (an Excel 97–2003 .xls workbook, or one saved with a password: save it in Excel with File › Save As",
    ],
    [
      "zh",
      "不是可读取的 .xlsx 工作簿（这是 Excel 97–2003 的 .xls 工作簿，或设置了打开密码的工作簿：请在 Excel 中用“文件 › 另存为”",
    ],
  ])("an Excel 97–2003 workbook (LibreOffice's .xls) is told how to make it readable (%s)", async (lang, reason) => {
    // test/cases/legacy/libreoffice-calc.xls: test/cases/producers/libreoffice-calc.xlsx saved by
    // LibreOffice Calc as "Excel 97–2003" (soffice --convert-to xls); an .xlsx saved with a
    // password is the same kind of file (an OLE compound file), so it gets the same answer.
    const input = path.join(dir(), "customers.xls");
    fs.copyFileSync(path.join(ROOT, "test/cases/legacy/libreoffice-calc.xls"), input);
    const { code, stderr } = await runCli(input, "--lang", lang, "--out", path.join(dir(), "out.xlsx"));
    expect(code).toBe(2);
    expect(stderr).toContain(reason);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(outputs()).toEqual([]);
  });

  test("a policy file that is not JSON is told where, as an editor counts lines and columns", async () => {
    const input = copyExample("customers.xlsx");
    const policy = path.join(dir(), "policy.json");
    fs.writeFileSync(policy, '{\n  "highRiskScore": 3.5,\n}\n');
    const en = await runCli(input, "--policy", policy, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/policy file .*policy\.json: not valid JSON at line 3, column 1: unexpected “}”$/);
    const zh = await runCli(input, "--policy", policy, "--lang", "zh");
    // Said in the run's language alone: node's parser's English ("Expected double-quoted property name") is not passed on.
    expect(zh.stderr).toMatch(/政策文件 .*policy\.json：第 3 行第 1 列不是有效的 JSON：此处不应出现“}”$/);
    expect(zh.stderr).not.toMatch(/[A-Za-z]{3,} [a-z]{3,}/);
    // A word node's parser gives no position for; a file cut short; a line break inside quotes; an empty file.
    const said = async (json: string, lang: string) => {
      fs.writeFileSync(policy, json);
      return (await runCli(input, "--policy", policy, "--lang", lang)).stderr.replace(/^.*policy\.json[:：] ?/, "");
    };
    expect(await said('{\n  "highRiskScore": tru\n}', "zh")).toBe("第 2 行第 20 列不是有效的 JSON：此处不应出现“tru”");
    expect(await said("{highRiskScore: 3.1}", "en")).toBe("not valid JSON at line 1, column 2: unexpected “highRiskScore”");
    expect(await said('{"highRiskScore": 3.5', "en")).toBe(
      "not valid JSON: it ends at line 1, column 22, before its last value or bracket is complete",
    );
    expect(await said('{"highRiskScore": 3.5', "zh")).toBe(
      "不是有效的 JSON：内容在第 1 行第 22 列就结束了，最后一个值或括号尚不完整",
    );
    expect(await said('{"version": "a\nb"}', "en")).toBe(
      "not valid JSON at line 1, column 15: a line break or other control character inside quotes (write a line break as \\n)",
    );
    expect(await said("\n", "zh")).toBe("文件为空，没有 JSON 内容");
    fs.writeFileSync(policy, "[1, 2]");
    expect((await runCli(input, "--policy", policy, "--lang", "en")).stderr).toMatch(
      /policy\.json: not a JSON object of settings$/,
    );
    expect(outputs()).toEqual([]);
  });

  test("a file that does not exist", async () => {
    const { code, stderr } = await runCli(path.join(dir(), "missing.xlsx"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing.xlsx is not a readable .xlsx workbook \(no such file\)/);
    expect(outputs()).toEqual([]);
  });

  test.each([
    [
      "a CSV export named .xlsx",
      "notes.xlsx",
      "Customer,Payment history\nA,1\n",
      "en",
      "a text file, such as a CSV export, not a workbook: open it in Excel or LibreOffice Calc, save it as an .xlsx workbook",
    ],
    // Chinese business systems' CSV is GBK: bytes past 0x7f are still text.
    [
      "a GBK CSV named .csv",
      "客户.csv",
      Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x31, 0x0d, 0x0a]),
      "zh",
      "这是文本文件（如导出的 CSV），不是工作簿",
    ],
    [
      "a web page exported as .xls",
      "export.xls",
      "\ufeff<html><body><table><tr><td>Customer</td></tr></table></body></html>",
      "en",
      "a web page or XML file (some systems export these under a spreadsheet's name), not an .xlsx workbook: open it in Excel",
    ],
    [
      "an XML Spreadsheet 2003 file",
      "export.xml",
      '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
      "zh",
      "这是网页或 XML 文件",
    ],
    ["an empty file", "empty.xlsx", "", "en", "is not a readable .xlsx workbook (an empty file, 0 bytes)"],
    ["random bytes", "noise.xlsx", Buffer.from([0x00, 0x01, 0x02, 0x9c, 0xff, 0x10]), "en", "(not a zip-based .xlsx file)"],
  ])("%s is told what it is and how to make it readable", async (_, name, content, lang, reason) => {
    const input = path.join(dir(), name);
    fs.writeFileSync(input, content);
    const { code, stderr } = await runCli(input, "--lang", lang, "--out", path.join(dir(), "out.xlsx"));
    expect(code).toBe(2);
    expect(stderr).toContain(reason);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(outputs()).toEqual([]);
  });

  test.each([
    [
      "en",
      "an OpenDocument spreadsheet (.ods): save it in LibreOffice Calc with File › Save As, file type “Excel 2007-365 (.xlsx)”",
    ],
    ["zh", "这是 OpenDocument 电子表格（.ods）：请在 LibreOffice Calc 中用“文件 › 另存为”"],
  ])("LibreOffice's own format (.ods), even named .xlsx, is told how to make it readable (%s)", async (lang, reason) => {
    // test/cases/legacy/libreoffice-calc.ods: test/cases/producers/libreoffice-calc.xlsx saved by
    // LibreOffice Calc as OpenDocument (soffice --convert-to ods). It is a zip like an .xlsx.
    for (const name of ["customers.ods", "customers.xlsx"]) {
      const input = path.join(dir(), name);
      fs.copyFileSync(path.join(ROOT, "test/cases/legacy/libreoffice-calc.ods"), input);
      const { code, stderr } = await runCli(input, "--lang", lang, "--out", path.join(dir(), "out.xlsx"));
      expect(code).toBe(2);
      expect(stderr).toContain(reason);
      expect(stderr.split("\n")).toHaveLength(1);
    }
    expect(outputs()).toEqual([]);
  });

  test("a zip that is not a workbook", async () => {
    const input = path.join(dir(), "broken.xlsx");
    fs.writeFileSync(input, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64)]));
    const { code } = await runCli(input);
    expect(code).toBe(2);
    expect(outputs()).toEqual([]);
  });

  test("a sheet that does not exist", async () => {
    const input = copyExample("customers.xlsx");
    const { code, stderr } = await runCli(input, "--sheet", "Clients");
    expect(code).toBe(2);
    expect(stderr).toBe('credit-review: no sheet named "Clients"; the workbook has: Customers, Invoices');
    const zh = await runCli(input, "--sheet", "Clients", "--lang", "zh");
    expect(zh.stderr).toBe("credit-review: 没有名为“Clients”的工作表；工作簿中有：Customers、Invoices");
    expect(outputs()).toEqual([]);
  });

  test("--sheet names a sheet as Excel does, without regard to case", async () => {
    const input = copyExample("customers.xlsx");
    const { code, result } = await runCli(input, "--sheet", "customers", "--out", path.join(dir(), "cased.xlsx"));
    expect(code).toBe(0);
    expect(result!.sheet).toBe("Customers");
  });

  test("missing required columns are named", async () => {
    const input = path.join(dir(), "partial.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Customers").addRows([
      ["Customer", "Payment history", "Contract performance", "Credit limit"],
      ["A", 1, 2, 100],
    ]);
    await wb.xlsx.writeFile(input);
    const { code, stderr } = await runCli(input, "--sheet", "Customers");
    expect(code).toBe(2);
    expect(stderr).toBe(
      'credit-review: sheet "Customers" (header on row 1) is missing required columns: "Industry risk", "Market reputation", "Compliance record"',
    );
    expect(outputs()).toEqual([]);
  });

  test("--out the input itself is refused", async () => {
    const input = copyExample("customers.xlsx");
    const { code, stderr } = await runCli(input, "--out", input);
    expect(code).toBe(2);
    expect(stderr).toMatch(/never overwritten/);
  });

  test.each([
    ["en", "sheet Credit Policy, row {row}, column B (Value): Maximum debt ratio is a share: write 75% or 0.75, not 75"],
    ["zh", "工作表“Credit Policy”第 {row} 行 B 列（Value）：资产负债率上限是比例：请写 75% 或 0.75，而不是 75"],
  ] as const)("%s: a bare 75 on the workbook's policy sheet is refused naming sheet, row and setting", async (lang, text) => {
    const input = copyExample("customers.xlsx");
    expect((await runCli(input, "--as-of", "2026-11-30")).code).toBe(0);
    const reviewed = path.join(dir(), "customers.reviewed-2026-11-30.xlsx");
    const wb = await loadWorkbook(reviewed);
    const sheet = wb.getWorksheet("Credit Policy")!;
    let row = 0;
    sheet.eachRow((line, r) => {
      if (line.getCell(1).value === "Maximum debt ratio") row = r;
    });
    sheet.getCell(row, 2).value = 75;
    const edited = path.join(dir(), "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const { code, stderr } = await runCli(edited, "--lang", lang, "--out", path.join(dir(), "again.xlsx"));
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`credit-review: ${text.replace("{row}", String(row))}`);
  });

  test("a policy file naming some settings changes those; the others stay the workbook's policy sheet's, and that is said", async () => {
    const input = copyExample("customers.xlsx");
    const policy = path.join(dir(), "policy.json");
    // The committee's own policy, saved on the reviewed workbook's policy sheet.
    fs.writeFileSync(policy, JSON.stringify({ maxDebtRatio: "75%", highFrom: 3.2 }));
    const first = path.join(dir(), "out-first.xlsx");
    const tuned = await runCli(input, "--as-of", "2026-10-31", "--policy", policy, "--out", first);
    expect(tuned.code).toBe(0);
    expect(tuned.stderr).toBe(
      `credit-review: policy file ${policy} sets High risk from score, Maximum debt ratio; the other settings are the defaults (the workbook has no policy sheet)`,
    );
    // A month on, one setting changed by file: the committee's others are kept, not set back to the defaults.
    fs.writeFileSync(policy, JSON.stringify({ overdueDays: 60 }));
    const { code, result, stderr } = await runCli(
      first,
      "--as-of",
      "2026-11-30",
      "--policy",
      policy,
      "--out",
      path.join(dir(), "out-second.xlsx"),
    );
    expect(code).toBe(0);
    expect(result!.policy).toMatchObject({ maxDebtRatio: 0.75, highFrom: 3.2, overdueDays: 60, mediumFrom: 2.5 });
    expect(stderr).toBe(
      `credit-review: policy file ${policy} sets Days past due that trigger the overdue warning; the other settings are those on the workbook's "Credit Policy" sheet`,
    );
    // A null names nothing: the sheet's value stays, and the file is not said to set it.
    fs.writeFileSync(policy, JSON.stringify({ highFrom: null, overdueDays: 45 }));
    const nulls = await runCli(first, "--as-of", "2026-11-30", "--policy", policy, "--out", path.join(dir(), "out-nulls.xlsx"));
    expect(nulls.result!.policy).toMatchObject({ highFrom: 3.2, overdueDays: 45 });
    expect(nulls.stderr).toContain("sets Days past due that trigger the overdue warning; the other settings");
    const everyButOne = { ...DEFAULT_POLICY, version: undefined, highFrom: null };
    fs.writeFileSync(policy, JSON.stringify(everyButOne));
    const almost = await runCli(first, "--as-of", "2026-11-30", "--policy", policy, "--out", path.join(dir(), "out-almost.xlsx"));
    expect(almost.result!.policy.highFrom).toBe(3.2);
    // A file naming every setting needs no sheet and says nothing.
    fs.writeFileSync(policy, JSON.stringify({ ...DEFAULT_POLICY, version: undefined }));
    const whole = await runCli(first, "--as-of", "2026-11-30", "--policy", policy, "--out", path.join(dir(), "out-third.xlsx"));
    expect({ code: whole.code, stderr: whole.stderr, version: whole.result!.policy.version }).toEqual({
      code: 0,
      stderr: "",
      version: DEFAULT_POLICY.version,
    });
  });

  test("a policy file with a bad threshold", async () => {
    const input = copyExample("customers.xlsx");
    const policy = path.join(dir(), "policy.json");
    fs.writeFileSync(policy, JSON.stringify({ mediumFrom: 3.5, highFrom: 2.5 }));
    const { code, stderr } = await runCli(input, "--policy", policy);
    expect(code).toBe(2);
    expect(stderr).toMatch(/high-risk band \(2.5\) must start above the medium-risk band \(3.5\)/);
    expect(outputs()).toEqual([]);
  });
});

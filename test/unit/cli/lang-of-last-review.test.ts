/**
 * Month after month the workbook keeps one language: without --lang, the command line reviews a
 * sheet reviewed before in the language its review's columns carry, whatever the locale of the
 * machine that runs it; --lang still chooses, and a sheet never reviewed follows the locale, or
 * its headers' language when the locale names none (C, POSIX: a server or a container).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadWorkbook, runCli, tempDirPerTest } from "../../support/cli";
import { CUSTOMER_HEADERS, FACTOR_HEADERS_ZH } from "../../support/review-grid";

const LOCALE_VARIABLES = ["LC_ALL", "LC_MESSAGES", "LANG"] as const;
const dir = tempDirPerTest("credit-lang-");
let saved: Partial<Record<(typeof LOCALE_VARIABLES)[number], string>>;
beforeEach(() => {
  saved = {};
  for (const name of LOCALE_VARIABLES) {
    saved[name] = process.env[name];
    delete process.env[name];
  }
});
afterEach(() => {
  for (const name of LOCALE_VARIABLES)
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
});

const HEADERS = {
  en: [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance"],
  zh: ["客户编号", "客户名称", ...FACTOR_HEADERS_ZH, "信用额度", "应收账款余额"],
} as const;

async function customerSheet(lang: "en" | "zh"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(lang === "en" ? "Customers" : "客户");
  sheet.addRow([...HEADERS[lang]]);
  sheet.addRow(["C1", lang === "en" ? "Late Co" : "华东贸易", 4, 4, 4, 4, 4, 100_000, 150_000]);
  const file = path.join(dir(), `${lang}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The first row of the customer sheet's review columns, from the column after the user's. */
async function reviewHeaders(file: string, lang: "en" | "zh"): Promise<string[]> {
  const wb = await loadWorkbook(file);
  const row = wb.worksheets[0].getRow(1).values as unknown[];
  return row.slice(HEADERS[lang].length + 1, HEADERS[lang].length + 4) as string[];
}

/** The sheet reviewed once, for October, in `lang` asked for: the month-1 copy a later review reads. */
async function reviewedIn(lang: "en" | "zh"): Promise<string> {
  const first = path.join(dir(), "month1.xlsx");
  expect((await runCli(await customerSheet(lang), "--as-of", "2026-10-31", "--lang", lang, "--out", first)).code).toBe(0);
  return first;
}

test("a sheet reviewed in Chinese is reviewed in Chinese again on a machine whose locale is English, and says so", async () => {
  const first = await reviewedIn("zh");
  process.env.LANG = "en_US.UTF-8";
  const second = path.join(dir(), "month2.xlsx");
  const run = await runCli(first, "--as-of", "2026-11-30", "--out", second);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("信用审查汇总");
  expect(run.stdout).toContain("沿用“客户”上次审查的语言（中文）；如需英文，请加 --lang en");
  expect(await reviewHeaders(second, "zh")).toEqual(await reviewHeaders(first, "zh"));
  expect(await reviewHeaders(second, "zh")).toEqual(["风险评分", "付款历史加权分", "合同履行加权分"]);
  const json = JSON.parse((await runCli(first, "--as-of", "2026-11-30", "--out", second, "--json")).stdout);
  expect(json.language).toEqual({ lang: "zh", by: "lastReview" });
  expect(json.customers[0].recommendation).toMatch(/[\u4e00-\u9fff]/);
});

test("every line of the run is in the last review's language: the policy file's line on stderr too", async () => {
  const first = await reviewedIn("zh");
  process.env.LANG = "en_US.UTF-8";
  const policy = path.join(dir(), "policy.json");
  fs.writeFileSync(policy, JSON.stringify({ highFrom: 3.1 }));
  const run = await runCli(first, "--as-of", "2026-11-30", "--policy", policy, "--out", path.join(dir(), "month2.xlsx"));
  expect(run.code).toBe(0);
  expect(run.stderr.trim()).toBe(
    `credit-review: 政策文件 ${policy} 设置了高风险起始评分；其余设置沿用工作簿“信用政策”工作表中的设置`,
  );
});

test("and an English one stays English under a Chinese locale", async () => {
  const first = await reviewedIn("en");
  process.env.LC_ALL = "zh_CN.UTF-8";
  const second = path.join(dir(), "month2.xlsx");
  const run = await runCli(first, "--as-of", "2026-11-30", "--out", second);
  expect(run.stdout).toContain('In English, as "Customers" was last reviewed (--lang zh writes the review in Chinese)');
  expect(await reviewHeaders(second, "en")).toEqual(["Risk score", "Payment points", "Contract points"]);
});

test("--lang still chooses, and says nothing; a sheet never reviewed follows the locale", async () => {
  const first = await reviewedIn("zh");
  const second = path.join(dir(), "month2.xlsx");
  const run = await runCli(first, "--as-of", "2026-11-30", "--lang", "en", "--out", second, "--json");
  expect(JSON.parse(run.stdout).language).toEqual({ lang: "en", by: "option" });
  expect(await reviewHeaders(second, "zh")).toEqual(["Risk score", "Payment points", "Contract points"]);

  process.env.LANG = "zh_CN.UTF-8";
  const fresh = await runCli(
    await customerSheet("en"),
    "--as-of",
    "2026-10-31",
    "--out",
    path.join(dir(), "fresh.xlsx"),
    "--json",
  );
  expect(JSON.parse(fresh.stdout).language).toEqual({ lang: "zh", by: "locale" });
  const same = await runCli(first, "--as-of", "2026-11-30", "--out", second);
  // The locale's language is the sheet's: nothing to say.
  expect(same.stdout).not.toContain("上次审查一致");
});

describe("a sheet never reviewed, on a machine whose locale names no language", () => {
  test.each([["C.UTF-8"], ["POSIX"], [undefined]])(
    "LANG=%s: a Chinese sheet is reviewed in Chinese, and says why",
    async (locale) => {
      if (locale !== undefined) process.env.LANG = locale;
      const out = path.join(dir(), "reviewed.xlsx");
      const run = await runCli(await customerSheet("zh"), "--as-of", "2026-10-31", "--out", out);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("使用“客户”标题行的语言（中文；系统区域设置未指定语言）；如需英文，请加 --lang en");
      expect(await reviewHeaders(out, "zh")).toEqual(["风险评分", "付款历史加权分", "合同履行加权分"]);
      const json = await runCli(
        await customerSheet("zh"),
        "--as-of",
        "2026-10-31",
        "--out",
        path.join(dir(), "j.xlsx"),
        "--json",
      );
      expect(JSON.parse(json.stdout).language).toEqual({ lang: "zh", by: "headers" });
    },
  );

  test("an English sheet stays English, saying nothing; a locale that names English keeps a Chinese sheet English", async () => {
    const languageOf = async (lang: "en" | "zh", locale: string) => {
      process.env.LANG = locale;
      const out = path.join(dir(), `${lang}-reviewed.xlsx`);
      return JSON.parse((await runCli(await customerSheet(lang), "--as-of", "2026-10-31", "--out", out, "--json")).stdout)
        .language;
    };
    expect(await languageOf("en", "C.UTF-8")).toEqual({ lang: "en", by: "locale" });
    expect(await languageOf("zh", "en_GB.UTF-8")).toEqual({ lang: "en", by: "locale" });
  });
});

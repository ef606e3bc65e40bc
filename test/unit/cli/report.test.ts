/**
 * The printed report speaks the reader's language: its heading in the language's punctuation,
 * the warnings counted and the checks skipped by their titles, never by their codes (those are
 * the JSON's); its table shows each customer's warnings and recommendation whole, wrapped in
 * their columns.
 */
import { customerTableLayout, toTable } from "../../../src/cli/report";
import { dateText, Lang, message } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { FIELD_LABELS, OUTPUT_HEADERS } from "../../../src/engine/review/fields";
import {
  formatFigure,
  formatScore,
  nextReviewText,
  formatShare,
  gradeName,
  recommendationText,
  warningListWithFigures,
  warningTitle,
} from "../../../src/engine/review/texts";
import { amountMarks, NO_MARKS } from "../../../src/engine/review/total-currencies";
import { WARNING_CODES } from "../../../src/engine/review/warnings";
import { CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

// No overdue column and no ledger: OVERDUE_90 and OVERDUE_SHARE are skipped. Beta is over its limit,
// Gamma high risk and over its limit too (a recommendation of four actions); Delta's name is long.
const SHEET = customerSheet(
  ["Credit limit", "Outstanding balance"],
  [
    { id: "C1", name: "Alpha", factors: [2, 2, 2, 2, 2], extra: [1000, 500] },
    { id: "C2", name: "Beta", factors: [2, 2, 2, 2, 2], extra: [1000, 1500] },
    { id: "C3", name: "Gamma", factors: [5, 5, 4, 4, 4], extra: [1000, 1500] },
    { id: "C4", name: "Liberty's Delightful Sinful Bakery & Cafe", factors: [2, 2, 2, 2, 2], extra: [1000, 500] },
  ],
);

/** Terminal columns a text takes: wide characters two. */
const columns = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
/** The part of a line from terminal column `from` on, and the part before it. */
function splitAt(line: string, from: number): [string, string] {
  let at = 0;
  let i = 0;
  for (const ch of line) {
    if (at >= from) break;
    at += columns(ch);
    i += ch.length;
  }
  return [line.slice(0, i), line.slice(i)];
}

describe.each([
  ["en", undefined],
  ["zh", undefined],
  ["en", 200],
  ["zh", 180],
] as const)("the printed report (%s, in a terminal %s columns wide)", (lang: Lang, terminal?: number) => {
  const result = runReview({ sheetName: "Customers", values: SHEET, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
  const lines = toTable(result, lang, "out.xlsx", [], terminal).split("\n");
  const t = (key: Parameters<typeof message>[1]) => message(lang, key);

  test("its heading names the sheet and the date in the language's punctuation", () => {
    expect(lines[0]).toBe(
      lang === "en"
        ? "Credit Review Summary — Customers, as of 2026-11-30"
        : "信用审查汇总：工作表“Customers”，审查日期 2026年11月30日",
    );
  });

  test("each customer's recommendation, warnings and name are printed whole, wrapped in their columns", () => {
    const header = lines[1];
    const recommendationAt = columns(header.slice(0, header.indexOf(OUTPUT_HEADERS.recommendation[lang])));
    const warningsAt = columns(header.slice(0, header.indexOf(OUTPUT_HEADERS.warnings[lang])));
    const tableEnd = lines.indexOf("");
    for (const c of result.customers) {
      // The row number stands flush right in the first five columns; a wrapped row's next lines leave them blank.
      const first = lines.findIndex((l) => l.slice(0, 6) === `${String(c.row).padStart(5)} `);
      let last = first + 1;
      while (last < tableEnd && lines[last].slice(0, 5).trim() === "") last++;
      const row = lines.slice(first, last);
      // Each column's pieces, read down the row's lines, give its text back (a wrap drops only the space it broke at).
      const column = (from: number, to: number, joint = lang === "en" ? " " : "") =>
        row
          .map((l) => splitAt(splitAt(l, from)[1], to - from)[0].trim())
          .filter((piece) => piece !== "")
          .join(joint);
      const joined = (text: string) => (lang === "en" ? text : text.replace(/ /g, ""));
      expect(joined(column(recommendationAt, Infinity))).toBe(joined(recommendationText(c.actions, lang, DEFAULT_POLICY)));
      expect(joined(column(warningsAt, recommendationAt - 1))).toBe(joined(warningListWithFigures(c, lang, amountMarks(result))));
      // No line of a wrapped warning starts with a closing bracket or punctuation ("1.00）" stays
      // whole), nor ends with an opening one ("（0.74" stays whole) or inside a Chinese date.
      for (const l of row) {
        const piece = splitAt(splitAt(l, warningsAt)[1], recommendationAt - 1 - warningsAt)[0];
        expect(piece).not.toMatch(/^[）；，。]/);
        expect(piece).not.toMatch(/[（(]\s*$/);
        expect(piece).not.toMatch(/\d+年(\d+月?(\d+)?)?\s*$/);
      }
      expect(column(6, 6 + customerTableLayout(terminal).widths[1], " ")).toBe(c.name);
    }
    // Gamma's recommendation is longer than its column: it takes more than one line, none of them cut with "…".
    expect(lines.filter((l) => l.includes("…"))).toEqual([]);
  });

  test("the customers table fits the terminal it is shown in: no line folds into the next", () => {
    const table = lines.slice(1, lines.indexOf(""));
    const widest = Math.max(...table.map(columns));
    if (terminal === undefined) {
      // To a file or a pipe, nothing folds a line: the text columns keep their full width.
      expect(customerTableLayout().widths).toEqual([5, 28, 10, 10, 12, 20, 17, 17, 16, 42, 54]);
      expect(widest).toBeGreaterThan(100);
    } else expect(widest).toBeLessThanOrEqual(terminal);
  });

  test("the figures stand flush right under their headers, as in a spreadsheet", () => {
    const header = lines[1];
    const endOf = (line: string, text: string) => columns(line.slice(0, line.indexOf(text) + text.length));
    for (const c of result.customers) {
      const line = lines.find((l) => l.slice(0, 6) === `${String(c.row).padStart(5)} `)!;
      if (c.score !== undefined && !c.errors.length)
        expect(endOf(line, formatScore(c.score, DEFAULT_POLICY, lang))).toBe(endOf(header, OUTPUT_HEADERS.score[lang]));
      if (c.utilisation !== undefined)
        expect(endOf(line, formatShare(c.utilisation, lang))).toBe(endOf(header, OUTPUT_HEADERS.utilisation[lang]));
    }
  });

  test("each customer's credit limit, recommended limit and next review stand in their columns, as on the sheet", () => {
    const header = lines[1];
    const endOf = (line: string, text: string) => columns(line.slice(0, line.indexOf(text) + text.length));
    // The figures only: a warning's text may hold the same amount.
    const figuresOf = (line: string) => splitAt(line, columns(header.slice(0, header.indexOf(OUTPUT_HEADERS.warnings[lang]))))[0];
    // The credit limit first, the recommended one beside it: a cut reads apart from a raise.
    expect(header.indexOf(FIELD_LABELS.creditLimit[lang])).toBeGreaterThan(header.indexOf(OUTPUT_HEADERS.overdueBalance[lang]));
    expect(header.indexOf(FIELD_LABELS.creditLimit[lang])).toBeLessThan(header.indexOf(OUTPUT_HEADERS.recommendedLimit[lang]));
    const limitEnd = endOf(header, FIELD_LABELS.creditLimit[lang]);
    for (const c of result.customers) {
      const line = figuresOf(lines.find((l) => l.slice(0, 6) === `${String(c.row).padStart(5)} `)!);
      const limit = formatFigure(c.recommendedLimit!, "money", lang);
      const next = nextReviewText(c, lang)!;
      // Every credit limit is 1,000.00: the first figure of the two, under its header.
      expect(endOf(line, "1,000.00")).toBe(limitEnd);
      // The recommended one the last of the two (most keep their 1,000.00).
      expect(columns(line.slice(0, line.lastIndexOf(limit) + limit.length))).toBe(
        endOf(header, OUTPUT_HEADERS.recommendedLimit[lang]),
      );
      expect(endOf(line, next)).toBe(endOf(header, OUTPUT_HEADERS.nextReview[lang]));
    }
    // Gamma's row reads its cut: the credit limit, then half of it.
    const gammaLine = figuresOf(lines.find((l) => l.includes("Gamma"))!);
    expect(gammaLine).toMatch(/ 1,000\.00 +500\.00 /);
    // Gamma (high risk) has its limit halved and is reviewed again in a month; Alpha keeps its (no overdue figure to clear it for a raise).
    const gamma = result.customers.find((c) => c.name === "Gamma")!;
    expect([gamma.recommendedLimit, gamma.nextReview]).toEqual([500, serial("2026-12-31")]);
    expect(result.customers.find((c) => c.name === "Alpha")!.recommendedLimit).toBe(1000);
  });

  test("warnings are counted and skipped checks named by their titles", () => {
    const counts = lines.find((l) => l.startsWith(t("cli.warningCounts")))!;
    expect(counts).toContain(`${warningTitle("OVER_LIMIT", lang, DEFAULT_POLICY)} 2`);
    // Under the Columns block, each check switched off on its own line, by its title, with what it lacks.
    const notChecked = lines.indexOf(`  ${t("cli.columnsNotChecked")}${t("sep.label")}`.trimEnd());
    expect(notChecked).toBeGreaterThan(0);
    expect(lines.slice(notChecked + 1)).toContain(
      `    ${warningTitle("NEGATIVE_NEWS", lang, DEFAULT_POLICY)}${t("sep.label")}${lang === "en" ? "no Negative news date column" : "缺少“负面新闻日期”列"}`,
    );
    for (const code of WARNING_CODES) expect(lines.filter((l) => l.includes(code))).toEqual([]);
  });

  test("the grades are counted on a labelled line, as the warnings are", () => {
    // Alpha, Beta and Delta low, Gamma high.
    const line = lines.find((l) => l.startsWith(t("cli.gradeCounts")));
    expect(line).toBe(lang === "en" ? "Customers per grade: Low 3; Medium 0; High 1" : "各风险等级的客户数：低 3；中 0；高 1");
    // Plain ASCII in English, as the lines around it: a terminal without UTF-8 shows it as written.
    if (lang === "en") expect(line).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe("the customers table's widths in a terminal", () => {
  const used = (widths: number[]) => widths.reduce((sum, w) => sum + w, 0) + widths.length - 1;
  const full = customerTableLayout().widths;

  test("narrower than the table: the name, warnings and recommendation columns give up room in proportion, to the terminal's width", () => {
    expect(used(full)).toBe(241);
    for (const terminal of [240, 220, 190, 180, 177]) {
      const { widths, stacked } = customerTableLayout(terminal);
      expect(stacked).toBe(false);
      expect(used(widths)).toBe(terminal);
      // The figures' columns keep their widths.
      for (const c of [0, 2, 3, 4, 5, 6, 7, 8]) expect(widths[c]).toBe(full[c]);
    }
    expect(customerTableLayout(190).widths).toEqual([5, 18, 10, 10, 12, 20, 17, 17, 16, 24, 31]);
    expect(customerTableLayout(177).widths).toEqual([5, 16, 10, 10, 12, 20, 17, 17, 16, 20, 24]);
    expect(customerTableLayout(500)).toEqual({ widths: full, stacked: false });
  });

  test("too narrow for eleven columns: the six of figures, the name as wide as the names within the room, its texts stacked under them", () => {
    // Names of up to 34 columns take 34, the figures beside them, however wide the terminal.
    expect(customerTableLayout(176, 34)).toEqual({ widths: [5, 34, 10, 10, 12, 20], stacked: true });
    expect(customerTableLayout(160, 34)).toEqual({ widths: [5, 34, 10, 10, 12, 20], stacked: true });
    // A longer name wraps within 40 rather than push every customer's figures to the far side.
    expect(customerTableLayout(160, 90).widths[1]).toBe(40);
    // Short names keep a few words' room; an 80-column terminal leaves 18.
    expect(customerTableLayout(160, 5).widths[1]).toBe(12);
    expect(customerTableLayout(80, 34)).toEqual({ widths: [5, 18, 10, 10, 12, 20], stacked: true });
    // Narrower still, the name keeps a few words and the terminal folds the line.
    expect(customerTableLayout(60, 34).widths[1]).toBe(12);
  });
});

describe.each(["en", "zh"] as const)("the printed report in an 80-column terminal (%s)", (lang) => {
  const result = runReview({ sheetName: "Customers", values: SHEET, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
  const lines = toTable(result, lang, "out.xlsx", [], 80).split("\n");
  const table = lines.slice(1, lines.indexOf(""));

  test("each customer's credit limit → recommended limit and next review on a labelled line under its figures", () => {
    const sep = message(lang, "sep.label");
    const next = (c: (typeof result.customers)[number]) => `${OUTPUT_HEADERS.nextReview[lang]}${sep}${nextReviewText(c, lang)}`;
    // Gamma's cut reads as the top risks give it; a limit kept (no overdue figures to raise it on) is said once, kept.
    const kept = lang === "en" ? "1,000.00 (kept)" : "1,000.00（维持不变）";
    const limits: Record<string, string> = {
      Alpha: kept,
      Beta: kept,
      Gamma: "1,000.00 → 500.00",
      "Liberty's Delightful Sinful Bakery & Cafe": kept,
    };
    for (const c of result.customers) {
      const first = table.findIndex((l) => l.slice(0, 6) === `${String(c.row).padStart(5)} `);
      const line = `      ${lang === "en" ? "Limit: " : "额度："}${limits[c.name!]}   ${next(c)}`;
      expect(table.slice(first + 1, first + 4)).toContain(line);
    }
    expect(table.filter((l) => l.includes("1,000.00 → 1,000.00"))).toEqual([]);
  });

  test("no line of the customers table is wider than the terminal", () => {
    expect(Math.max(...table.map(columns))).toBeLessThanOrEqual(80);
  });

  test("each customer's figures on its first line, its warnings and recommendation labelled and whole under it", () => {
    const joined = (text: string) => (lang === "en" ? text : text.replace(/ /g, ""));
    for (const c of result.customers) {
      const first = table.findIndex((l) => l.slice(0, 6) === `${String(c.row).padStart(5)} `);
      expect(table[first]).toContain(gradeName(c.grade!, lang));
      let last = first + 1;
      while (last < table.length && table[last].slice(0, 5).trim() === "") last++;
      // Under a long name's next lines, the labelled texts.
      const under = table.slice(first + 1, last).map((l) => l.slice(6));
      const from = under.findIndex((l) => /^(Warnings|Recommendation|预警|政策建议)/.test(l));
      const text = under.slice(from).join(lang === "en" ? " " : "");
      const warnings = warningListWithFigures(c, lang, amountMarks(result));
      const recommendation = recommendationText(c.actions, lang, DEFAULT_POLICY);
      const label = (key: "warnings" | "recommendation", value: string) =>
        `${OUTPUT_HEADERS[key][lang]}${message(lang, "sep.label")}${value}`;
      expect(joined(text)).toBe(
        joined(
          (warnings ? label("warnings", warnings) + (lang === "en" ? " " : "") : "") + label("recommendation", recommendation),
        ),
      );
    }
  });
});

describe.each(["en", "zh"] as const)("the printed report in a 160-column terminal (%s)", (lang) => {
  // The widest name takes 23 columns (Chinese characters two each: 20); the header is narrower.
  const sheet = customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { id: "C1", name: "Alpha", factors: [2, 2, 2, 2, 2], extra: [1000, 500] },
      { id: "C2", name: "Contoso Pharmaceuticals", factors: [2, 2, 2, 2, 2], extra: [1000, 1500] },
      { id: "C3", name: "深圳市华强电子有限公司", factors: [5, 5, 4, 4, 4], extra: [1000, 1500] },
    ],
  );
  const result = runReview({ sheetName: "Customers", values: sheet, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
  const lines = toTable(result, lang, "out.xlsx", [], 160).split("\n");
  const endOf = (line: string, text: string) => columns(line.slice(0, line.indexOf(text) + text.length));

  test("the name column is as wide as the widest name: each score stands right after it, under its header", () => {
    // Row 5, a space, the name 23, a space, the score 10.
    const scoreEnd = 5 + 1 + 23 + 1 + 10;
    expect(endOf(lines[1], OUTPUT_HEADERS.score[lang])).toBe(scoreEnd);
    for (const c of result.customers) {
      const line = lines.find((l) => l.slice(0, 6) === `${String(c.row).padStart(5)} `)!;
      expect(line.slice(6).startsWith(`${c.name} `)).toBe(true);
      expect(endOf(line, formatScore(c.score!, DEFAULT_POLICY, lang))).toBe(scoreEnd);
    }
  });

  test("a name longer than 40 columns wraps within 40 rather than push the figures further", () => {
    const long = runReview({ sheetName: "Customers", values: SHEET, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
    const printed = toTable(long, lang, "out.xlsx", [], 160).split("\n");
    const delta = printed.findIndex((l) => l.startsWith("    5 "));
    const scoreEnd = 5 + 1 + 40 + 1 + 10;
    expect(printed[delta].startsWith("    5 Liberty's Delightful Sinful Bakery & ")).toBe(true);
    expect(endOf(printed[delta], formatScore(2, DEFAULT_POLICY, lang))).toBe(scoreEnd);
    expect(printed[delta + 1]).toBe("      Cafe");
    expect(endOf(printed[1], OUTPUT_HEADERS.score[lang])).toBe(scoreEnd);
  });
});

test.each(["en", "zh"] as const)(
  "a customer to re-assess now has its next review said so, not the review's date alone (%s)",
  (lang) => {
    // Gamma: high risk with news within the look-back, re-assessed now.
    const sheet = customerSheet(
      ["Credit limit", "Outstanding balance", "Negative news date"],
      [{ id: "C3", name: "Gamma", factors: [5, 5, 4, 4, 4], extra: [1000, 500, serial("2026-11-16")] }],
    );
    const result = runReview({ sheetName: "Customers", values: sheet, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
    expect(result.customers[0].nextReview).toBe(serial("2026-11-30"));
    const said = lang === "en" ? "2026-11-30 (re-assess now)" : "2026年11月30日（立即重新评估）";
    expect(nextReviewText(result.customers[0], lang)).toBe(said);
    const stacked = toTable(result, lang, "out.xlsx", [], 80);
    expect(stacked).toContain(`${OUTPUT_HEADERS.nextReview[lang]}${message(lang, "sep.label")}${said}`);
    // In the wide table, in its column: the date, then why under it.
    const wide = toTable(result, lang, "out.xlsx").split("\n");
    const row = wide.findIndex((line) => line.startsWith("    "));
    expect(wide[row]).toContain(` ${dateText(serial("2026-11-30"), lang)} `);
    expect(wide[row + 1].trim().startsWith(said.slice(dateText(serial("2026-11-30"), lang).length).trim())).toBe(true);
  },
);

test.each(["en", "zh"] as const)(
  "a customer held for a data fix shows the credit limit the sheet gives, no recommended one (%s)",
  (lang) => {
    // Industry risk 6: a data error, the recommendation held while it is fixed.
    const sheet = customerSheet(
      ["Credit limit", "Outstanding balance"],
      [{ id: "C1", name: "Alpha", factors: [2, 2, 6, 2, 2], extra: [1000, 500] }],
    );
    const result = runReview({ sheetName: "Customers", values: sheet, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
    expect(result.customers[0].errors.length).toBe(1);
    const sep = message(lang, "sep.label");
    const stacked = toTable(result, lang, "out.xlsx", [], 80).split("\n");
    expect(stacked[3]).toBe(`      ${FIELD_LABELS.creditLimit[lang]}${sep}1,000.00`);
    expect(stacked.filter((line) => line.startsWith(`      ${message(lang, "cli.limits")}${sep}`))).toEqual([]);
    const [, header, row] = toTable(result, lang, "out.xlsx").split("\n");
    const endOf = (line: string, text: string) => columns(line.slice(0, line.indexOf(text) + text.length));
    expect(endOf(row, "1,000.00")).toBe(endOf(header, FIELD_LABELS.creditLimit[lang]));
    // Under the recommended limit's header, nothing.
    const [from, to] = [endOf(header, FIELD_LABELS.creditLimit[lang]), endOf(header, OUTPUT_HEADERS.recommendedLimit[lang])];
    expect(splitAt(splitAt(row, from)[1], to - from)[0].trim()).toBe("");
  },
);

test.each([
  ["en", "Overdue over 90 days (107 days > 90 days)"],
  ["zh", "逾期超过 90 天（107 天 > 90 天）"],
] as const)("an overdue warning's days said as days, whole on a line of the warnings column (%s)", (lang, warning) => {
  const sheet = customerSheet(
    ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"],
    [{ id: "C1", name: "Alpha", factors: [2, 2, 2, 2, 2], extra: [1000, 500, 100, 107] }],
  );
  const result = runReview({ sheetName: "Customers", values: sheet, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
  expect(warningListWithFigures(result.customers[0], lang, NO_MARKS)).toBe(warning);
  const [, header, row] = toTable(result, lang, "out.xlsx").split("\n");
  const warningsAt = columns(header.slice(0, header.indexOf(OUTPUT_HEADERS.warnings[lang])));
  expect(splitAt(row, warningsAt)[1].startsWith(warning)).toBe(true);
});

test("a Chinese date in a wrapped warning is never broken across lines, at any terminal width", () => {
  // Gamma's negative news is a warning with two dates ("负面新闻（2026年11月16日，不早于 2026年10月30日）").
  const sheet = customerSheet(
    ["Credit limit", "Outstanding balance", "Negative news date"],
    [{ id: "C3", name: "Gamma", factors: [5, 5, 4, 4, 4], extra: [1000, 1500, serial("2026-11-16")] }],
  );
  const result = runReview({ sheetName: "Customers", values: sheet, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, "zh");
  expect(warningListWithFigures(result.customers[0], "zh", NO_MARKS)).toContain("2026年11月16日");
  let wrapped = 0;
  for (let terminal = 70; terminal <= 160; terminal++) {
    const lines = toTable(result, "zh", "out.xlsx", [], terminal).split("\n");
    const table = lines.slice(1, lines.indexOf(""));
    if (table.length > 2) wrapped++;
    // A date cut short stands at a line's end or before the gap to the next column.
    for (const line of table)
      expect([terminal, line]).not.toEqual([terminal, expect.stringMatching(/\d年(\d{1,2}(月\d{0,2})?)?(?= {2,}|$)/)]);
    // Nor one cut before its 年, nor a quote parted from what it quotes.
    for (const line of table)
      expect([terminal, line]).not.toEqual([terminal, expect.stringMatching(/“(?= {2,}|$)|(^| {2,})[年”]/)]);
  }
  expect(wrapped).toBeGreaterThan(20);
});

describe.each(["en", "zh"] as const)("a month after, the whole report in an 80-column terminal (%s)", (lang) => {
  let workbook: CycleWorkbook = { customers: SHEET };
  ({ workbook } = reviewWorkbook(workbook, serial("2026-10-31"), lang));
  const result = reviewWorkbook(workbook, serial("2026-11-30"), lang).result;
  const output = `/reports/${"credit-review/".repeat(8)}customers.reviewed-2026-11-30.xlsx`;
  const folded = toTable(result, lang, output, [], 80).split("\n");
  const plain = toTable(result, lang, output).split("\n");
  const summaryOf = (lines: string[]) => lines.slice(lines.indexOf(""), -1);
  const t = (key: Parameters<typeof message>[1]) => message(lang, key);

  test("every line but the output's path fits the terminal, and the path is whole for a copy", () => {
    expect(result.changes?.previousReview).toBe(serial("2026-10-31"));
    expect(result.trend.length).toBe(2);
    expect(result.portfolio.topRisks.length).toBeGreaterThan(0);
    expect(plain.some((line) => columns(line) > 100)).toBe(true);
    expect(folded.slice(0, -1).filter((line) => columns(line) > 80)).toEqual([]);
    expect(folded.at(-1)).toBe(`→ ${output}`);
  });

  test("below the customers table, folding loses, cuts and adds nothing: the same characters, only the line breaks moved", () => {
    const characters = (lines: string[]) => [...lines.join("").replace(/\s+/g, "")].sort().join("");
    expect(characters(summaryOf(folded))).toBe(characters(summaryOf(plain)));
    expect(summaryOf(folded).length).toBeGreaterThan(summaryOf(plain).length);
    // A folded line's further lines stand in under its first: a label starts only its own line.
    const atRisk = folded.findIndex((line) => line.startsWith(t("summary.exposureAtRisk")));
    expect(folded[atRisk + 1]).toMatch(/^ {2}\S/);
    expect(folded[atRisk + 2]).toMatch(/^\S/);
  });

  test("in a terminal narrower than a table, its rows are left whole: a figure never folds away from its customer", () => {
    const narrow = toTable(result, lang, output, [], 50).split("\n");
    const gamma = narrow.find((line) => line.startsWith("  Gamma"))!;
    expect(gamma).toMatch(/1,500\.00$/);
    // The prose around them still wraps within the terminal.
    const atRisk = narrow.findIndex((line) => line.startsWith(t("summary.exposureAtRisk")));
    expect(columns(narrow[atRisk])).toBeLessThanOrEqual(50);
  });

  test("the trend's headers take two lines; each top risk's reason stands under its figures", () => {
    const title = folded.indexOf(t("trend.title"));
    const dates = folded.findIndex((line, i) => i > title && line.startsWith(dateText(serial("2026-10-31"), lang)));
    expect(dates - title).toBe(3);
    const gamma = folded.findIndex((line) => line.startsWith(`  ${"Gamma"}`));
    expect(folded[gamma]).toMatch(/\d\.\d\d$/);
    expect(folded[gamma + 1]).toMatch(/^ {4}\S/);
  });
});

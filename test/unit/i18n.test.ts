/**
 * Both languages are first-class: every message exists in both catalogues with the same
 * placeholders, and a Chinese function translation out of step with the functions is
 * reported. (The Chinese texts against the JSDoc: functions/declarations.test.ts; the built
 * functions.zh-CN.json: test/built/functions-locale.test.ts.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { en as coreEn } from "../../src/engine/i18n/en";
import { zh as coreZh } from "../../src/engine/i18n/zh";
import { reportEn } from "../../src/engine/i18n/report-en";
import { reportZh } from "../../src/engine/i18n/report-zh";
import { cliEn } from "../../src/engine/i18n/cli-en";
import { cliZh } from "../../src/engine/i18n/cli-zh";
import { uiEn } from "../../src/engine/i18n/ui-en";
import { uiZh } from "../../src/engine/i18n/ui-zh";
import { message, MessageKey, resolveLang } from "../../src/engine/i18n";
import "../../src/engine/i18n/report";
import "../../src/engine/i18n/cli";
import "../../src/engine/i18n/ui";
import { withPlaceholdersKept } from "../setup/missing-params";

/** Every text: the product's, and the review's, the command line's and the task pane's own. */
const en: Record<MessageKey, string> = { ...coreEn, ...reportEn, ...cliEn, ...uiEn };
const zh: Record<MessageKey, string> = { ...coreZh, ...reportZh, ...cliZh, ...uiZh };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../../scripts/functions-locale");

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:@[\w.]+)?(?::spaced)?\}/g)].map((m) => m[1]).sort();
/**
 * A value for every parameter a text names: "<name>" where it is shown, a date serial where it is
 * a date, and 2 where it only picks a count's word (a name shown too keeps its "<name>").
 */
const paramsFor = (text: string) => {
  const params: Record<string, string | number> = {};
  for (const [, name] of text.matchAll(/\{(\w+)\|[^|{}]*\|[^|{}]*\}/g)) params[name] = 2;
  for (const [, name] of text.matchAll(/\{(\w+):date\}/g)) params[name] = 46_356;
  for (const name of placeholders(text)) params[name] = `<${name}>`;
  return params;
};

describe("message catalogues", () => {
  const keys = Object.keys(en) as MessageKey[];

  test("Chinese has exactly the English keys", () => {
    expect(Object.keys(zh).sort()).toEqual([...keys].sort());
  });

  // Chinese sentences follow one another with nothing between them (each ends in its own 。).
  const emptyInChinese = new Set<MessageKey>(["sep.sentences"]);

  test.each(keys)("%s: a real Chinese text with the same placeholders", (key) => {
    if (emptyInChinese.has(key)) expect(zh[key]).toBe("");
    else expect(zh[key].trim().length).toBeGreaterThan(0);
    expect(zh[key]).not.toBe(key);
    expect(placeholders(zh[key])).toEqual(placeholders(en[key]));
  });

  test.each([
    ["command line's", "cli", cliEn as Record<string, string>, ["functions", "taskpane", "engine"]],
    ["task pane's", "ui", uiEn as Record<string, string>, ["functions", "cli", "engine"]],
  ])(
    "the %s texts are its own catalogue (%s.*), which no module of the other faces or the engine imports",
    (_, prefix, own, others) => {
      expect(Object.keys(own).every((key) => key.startsWith(`${prefix}.`))).toBe(true);
      expect(Object.keys(coreEn).some((key) => key.startsWith(`${prefix}.`))).toBe(false);
      const root = path.resolve(__dirname, "../../src");
      const files = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
      const imports = new RegExp(`i18n/${prefix}["']`);
      const importers = others
        .flatMap((face) => files(path.join(root, face)))
        .filter((file) => imports.test(fs.readFileSync(file, "utf8")));
      expect(importers.map((file) => path.relative(root, file))).toEqual([]);
    },
  );

  test("named placeholders resolve through their prefix in each language", () => {
    expect(message("en", "score.factorRange", { factor: "paymentHistory", value: 6 })).toBe(
      "payment history must be between 1 and 5, got 6",
    );
    expect(message("zh", "score.factorRange", { factor: "paymentHistory", value: 6 })).toBe(
      "付款历史必须介于 1 到 5 之间，实际为 6",
    );
  });

  test("a placeholder without its parameter stays as written; with it, every one is filled, repeated ones too", () => {
    expect(withPlaceholdersKept(() => message("en", "score.factorRange", { value: 6 }))).toBe(
      "{factor@factor} must be between 1 and 5, got 6",
    );
    expect(message("en", "score.factorRange", { factor: "unknownFactor", value: "{value}" })).toBe(
      "unknownFactor must be between 1 and 5, got {value}",
    );
    for (const lang of ["en", "zh"] as const)
      for (const key of keys) {
        const template = { en, zh }[lang][key];
        expect(withPlaceholdersKept(() => message(lang, key))).toBe(template);
        const filled = message(lang, key, paramsFor(template));
        expect(placeholders(filled)).toEqual([]);
        expect(filled.split("<").length - template.split("<").length).toBe(placeholders(template).length);
      }
  });

  test("a parameter that may be Latin or Chinese ({name:spaced}) is set off by a space from Chinese only where it meets it with a Latin letter, digit or sign", () => {
    const twoCurrencies = (mark: string, otherMark: string) =>
      message("zh", "review.twoCurrencies", { other: "信用额度", otherMark, param: "应收账款余额", mark });
    expect(twoCurrencies("EUR", "USD")).toBe(
      "信用额度以 USD 计，应收账款余额以 EUR 计，没有汇率可将两者合并计算；请以同一币种填写",
    );
    // A bare sign's family is named in Chinese: no space beside its Chinese, none beside its full-width bracket.
    expect(twoCurrencies("yen", "dollar")).toBe(
      "信用额度以美元等以 $ 计的货币计，应收账款余额以标为 ¥ 的人民币或日元计，没有汇率可将两者合并计算；请以同一币种填写",
    );
    // A unit as a sheet writes it, Latin or Chinese; before Chinese punctuation no space.
    const units = (from: string, to: string) => message("zh", "changes.unitsNotCompared", { from, to });
    expect(units("USD thousands", "人民币万元")).toBe(
      "未比较：上次审查以 USD thousands 计，本次以人民币万元计，币种不同（没有汇率）",
    );
    expect(units("万元", "HK$'000")).toBe("未比较：上次审查以万元计，本次以 HK$'000 计，币种不同（没有汇率）");
    expect(message("zh", "review.unitColumn", { sheet: "发票", header: "金额", from: "USD" })).toBe("发票“金额”（原为 USD）");
    expect(
      message("zh", "summary.twoCurrencies", { other: "信用额度", otherMark: "USD", param: "应收账款余额", mark: "EUR" }),
    ).toBe("无（信用额度以 USD 计，应收账款余额以 EUR 计）");
    // English has no Chinese to meet: nothing is added.
    expect(
      message("en", "review.twoCurrencies", { other: "Credit limit", otherMark: "USD", param: "Balance", mark: "EUR" }),
    ).toBe("Credit limit is in USD and Balance in EUR, and no rate is known to combine them; enter them in one currency");
  });

  test("a count's word agrees with it in English ({n|one|other}); Chinese has one form", () => {
    const line = (invoices: string, customers: string, lang: "en" | "zh" = "en") =>
      message(lang, "summary.unmatchedText", { invoices, customers, amount: "5.00", keys: "Zeta" });
    expect(line("1", "1")).toBe("1 open invoice of 1 customer, 5.00 in all: Zeta");
    expect(line("3", "1")).toBe("3 open invoices of 1 customer, 5.00 in all: Zeta");
    expect(line("1,001", "21")).toBe("1,001 open invoices of 21 customers, 5.00 in all: Zeta");
    expect(line("1", "1", "zh")).toBe("1 个客户的 1 张未结发票，共 5.00：Zeta");
    expect(message("en", "ui.status.reviewedWithErrors", { customers: 1, sheet: "S", errors: 1 })).toBe(
      'Reviewed 1 customer on "S"; 1 more has a data error and was not graded.',
    );
    // Without its parameter the form stays as written, as any placeholder does.
    expect(withPlaceholdersKept(() => message("en", "ui.list.errors", { text: "x" }))).toBe(
      "{count} data {count|error|errors}, first: x",
    );
  });

  test("a list is joined in the language it is said in, each item as one parameter; its word counts its items", () => {
    expect(message("en", "review.duplicate", { customer: "C1", rows: [5, 9] })).toBe(
      "C1 is also on rows 5, 9; one row per customer, or its invoices and its history could belong to any of them",
    );
    expect(message("en", "review.duplicate", { customer: "C1", rows: [5] })).toBe(
      "C1 is also on row 5; one row per customer, or its invoices and its history could belong to either row",
    );
    expect(message("zh", "review.duplicate", { customer: "C1", rows: [5, 9] })).toMatch(/^C1 也在第 5、9 行；/);
    // Each item through the placeholder's prefix: identifiers reach the reader as words.
    expect(message("zh", "score.factorRange", { factor: ["paymentHistory", "industryRisk"], value: 6 })).toMatch(
      /^付款历史、行业风险必须/,
    );
    expect(message("en", "ui.list.errors", { count: ["a"], text: "x" })).toBe("a data error, first: x");
    expect(message("en", "ui.list.errors", { count: ["a", "b"], text: "x" })).toBe("a, b data errors, first: x");
  });

  test.each([
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["zh_CN.UTF-8", "zh"],
    ["en-US", "en"],
    ["fr-FR", "en"],
    [undefined, "en"],
  ])("display language %s → %s", (tag, lang) => {
    expect(resolveLang(tag)).toBe(lang);
  });
});

describe("Chinese function metadata", () => {
  test("a translation out of step with the functions is reported, not shipped", () => {
    const metadata = { functions: [{ id: "SCORE", name: "SCORE", parameters: [{ name: "factors" }, { name: "weights" }] }] };
    const { problems } = localizeMetadata(metadata, {
      SCORE: { description: "评分", parameters: { factors: ["因素", "说明"], weighting: ["权重", "说明"] } },
      GONE: { description: "旧函数", parameters: {} },
    });
    expect(problems).toEqual([
      "GONE: translated but not a function",
      "SCORE: translated parameter weighting does not exist",
      "SCORE: parameter weights has no translation",
    ]);
  });
});

/** @jest-environment jsdom */
/**
 * A customer's amounts inside sentences carry their currency where the portfolio's are in two, as
 * the lists' amounts do ("USD 120,000.00"): what its decisions ask (limitsText, shortDecisionsText,
 * the top risks' reasons), why an action (reasonDetail, decisionLine), its findings' figures
 * (explainFinding, findingWithFigure), the warnings new and cleared since the last review
 * (warningChangeCounts), the money that moved (moneyChangeCounts, customerChangeLines), in the
 * engine, the customer sheet's Findings column, the summary sheet, the printed report (its narrow,
 * stacked table too), the JSON and the pane, in both languages. In one currency nothing is marked.
 */
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { toJson, toTable } from "../../../src/cli/report";
import { Lang, translator } from "../../../src/engine/i18n";
import type { CustomerResult, ReviewResult } from "../../../src/engine/review/review";
import { summarySheetPlan } from "../../../src/engine/review/summary-sheet";
import { OUTPUT_HEADERS } from "../../../src/engine/review/fields";
import {
  customerChangeLines,
  decisionLine,
  explainFinding,
  findingWithFigure,
  labelled,
  limitsText,
  moneyChangeCounts,
  reasonDetail,
  shortDecisionsText,
  topRiskText,
  warningChangeCounts,
} from "../../../src/engine/review/texts";
import { amountMarks } from "../../../src/engine/review/total-currencies";
import type { PlanValue } from "../../../src/engine/review/write-plan";
import { CustomerDetail } from "../../../src/taskpane/components/CustomerDetail";
import { LangContext } from "../../../src/taskpane/i18n";
import { renderChanges } from "../../support/changes-summary";
import { reviewWorkbook } from "../../support/review-cycle";
import { CUSTOMER_HEADERS, Grid, serial } from "../../support/review-grid";

const OCTOBER = serial("2026-10-31");
const NOVEMBER = serial("2026-11-30");
const five = (x: number) => [x, x, x, x, x];

/**
 * Limits typed in US dollars, balances in euros (`second`: "USD" puts the portfolio in one):
 * each row in one currency, the portfolio in two. Each customer's [score, credit limit, balance,
 * overdue amount, days past due]; the Euro Buyer's and the Over Spender's balances are typed in `second`.
 */
function sheet(second: "EUR" | "USD", rows: Record<string, readonly [number, unknown, number, number, number]>): Grid {
  return [
    [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance", "Overdue amount", "Days past due"],
    ...[
      ["C01", "Dollar Buyer"],
      ["C02", "Euro Buyer"],
      ["C03", "Plain Figures"],
      ["C04", "Late Payer"],
      ["C05", "Over Spender"],
    ].map(([id, name]) => {
      const [score, limit, balance, overdue, days] = rows[id];
      const typed = id === "C02" || id === "C05" ? `${second} ${balance.toLocaleString("en-US")}` : balance;
      return [id, name, ...five(score), limit, typed, overdue, days];
    }),
  ];
}

// October: Dollar Buyer 95 days late (no raise), Euro Buyer high risk (its limit halved), Late
// Payer a little late (no raise while overdue), Over Spender over its limit. November: Dollar
// Buyer owes nothing overdue though its oldest item is late (its raise), Euro Buyer falls further
// behind and goes over its limit, Late Payer's credit limit is raised by hand, Over Spender is
// back under its limit.
const october = (second: "EUR" | "USD") =>
  sheet(second, {
    C01: [2, "USD 200,000", 100000, 20000, 95],
    C02: [4, 100000, 50000, 10000, 95],
    C03: [2, 100000, 30000, 0, 0],
    C04: [2, "USD 80,000", 10000, 5000, 10],
    C05: [3, 20000, 30000, 0, 0],
  });
const november = (second: "EUR" | "USD") =>
  sheet(second, {
    C01: [2, "USD 200,000", 100000, 0, 125],
    C02: [4, 100000, 120000, 40000, 125],
    C03: [2, 100000, 30000, 0, 0],
    C04: [2, "USD 90,000", 10000, 5000, 10],
    C05: [3, 20000, 15000, 0, 0],
  });

/** Both reviews' results, and the customer sheet as each review wrote it. */
function cycle(lang: Lang, second: "EUR" | "USD" = "EUR") {
  const first = reviewWorkbook({ customers: october(second) }, OCTOBER, lang);
  const next = reviewWorkbook({ ...first.workbook, customers: november(second) }, NOVEMBER, lang);
  return { octoberResult: first.result, novemberResult: next.result, octoberSheet: first.workbook.customers };
}

const customer = (result: ReviewResult, id: string): CustomerResult => result.customers.find((c) => c.id === id)!;

/** What the review wrote in a customer's Findings cell on the customer sheet. */
function findingsCell(written: Grid, id: string, lang: Lang): unknown {
  const column = written[0].indexOf(OUTPUT_HEADERS.findings[lang]);
  return written.find((line) => line[0] === id)![column];
}

/** The new and cleared warnings since the last review, each customer's line, as every face lists them. */
const warningChanges = (result: ReviewResult, lang: Lang) =>
  warningChangeCounts(result.changes!, lang, result.policy, result.customers, amountMarks(result))
    .filter((e) => e.label === "changes.newWarnings" || e.label === "changes.clearedWarnings")
    .map((e) => e.customers);

/** Every text of the summary sheet's plan, one string each. */
const summaryTexts = (result: ReviewResult, lang: Lang) =>
  summarySheetPlan(result, "Summary", lang)
    .blocks.flatMap((b) => b.values.flat())
    .filter((v: PlanValue): v is string => typeof v === "string");

const EXPECTED = {
  en: {
    limits: "EUR 100,000.00 → EUR 50,000.00",
    kept: "USD 200,000.00 (kept)",
    todo: "prepayment; limit EUR 100,000.00 → EUR 50,000.00; guarantee or credit insurance; escalate collection, stop shipments",
    overdue: "USD 5,000.00 is overdue: no limit raise until it is paid.",
    decision: "Keep current terms — USD 5,000.00 is overdue: no limit raise until it is paid.",
    stacked: "Limit: EUR 100,000.00 → EUR 50,000.00",
    moves: [
      ["Overdue grew", 1, ["Euro Buyer EUR 10,000.00 → EUR 40,000.00 (125 days past due)"]],
      ["Overdue fell", 1, ["Dollar Buyer USD 20,000.00 → USD 0.00 (nothing overdue now)"]],
      ["Credit limit changed", 1, ["Late Payer USD 80,000.00 → USD 90,000.00"]],
      ["Recommended limit cut", 0, []],
      ["Recommended raise withdrawn or smaller", 0, []],
      ["Recommended limit raised", 1, ["Dollar Buyer USD 200,000.00 → USD 220,000.00"]],
      ["Recommended cut withdrawn or smaller", 0, []],
    ],
    changeLines: [
      "Overdue USD 20,000.00 → USD 0.00 (-20,000.00)",
      "Recommended limit USD 200,000.00 → USD 220,000.00 (+20,000.00)",
    ],
    creditLimitLine: "Credit limit USD 80,000.00 → USD 90,000.00 (+10,000.00)",
    finding: "Outstanding balance EUR 30,000.00 is above the credit limit EUR 20,000.00.",
    findingShort: "Over credit limit (EUR 30,000.00 > EUR 20,000.00)",
    tableAmounts: "(EUR 30,000.00 > EUR",
    newWarnings: ["Euro Buyer: Outstanding balance EUR 120,000.00 is above the credit limit EUR 100,000.00."],
    clearedOverdue:
      "Overdue over 90 days — the overdue amount is USD 0.00 now, so nothing is overdue (though the oldest open item is 125 days past due).",
    clearedLimit: "Over credit limit — the outstanding balance EUR 15,000.00 is within the credit limit EUR 20,000.00.",
    named: (name: string, text: string) => `${name}: ${text}`,
  },
  zh: {
    limits: "EUR 100,000.00 → EUR 50,000.00",
    kept: "USD 200,000.00（维持不变）",
    todo: "要求预付款；额度 EUR 100,000.00 → EUR 50,000.00；要求担保或信用保险；加强催收并停止供货",
    overdue: "逾期金额 USD 5,000.00，付清前不提高额度。",
    decision: "维持现有信用条件：逾期金额 USD 5,000.00，付清前不提高额度。",
    stacked: "额度：EUR 100,000.00 → EUR 50,000.00",
    moves: [
      ["逾期金额增加的客户", 1, ["Euro Buyer EUR 10,000.00 → EUR 40,000.00（逾期 125 天）"]],
      ["逾期金额减少的客户", 1, ["Dollar Buyer USD 20,000.00 → USD 0.00（现已无逾期）"]],
      ["信用额度已调整的客户", 1, ["Late Payer USD 80,000.00 → USD 90,000.00"]],
      ["建议下调额度的客户", 0, []],
      ["上调建议撤回或减少的客户", 0, []],
      ["建议上调额度的客户", 1, ["Dollar Buyer USD 200,000.00 → USD 220,000.00"]],
      ["下调建议撤回或减少的客户", 0, []],
    ],
    changeLines: ["逾期金额 USD 20,000.00 → USD 0.00（-20,000.00）", "建议额度 USD 200,000.00 → USD 220,000.00（+20,000.00）"],
    creditLimitLine: "信用额度 USD 80,000.00 → USD 90,000.00（+10,000.00）",
    finding: "应收账款余额 EUR 30,000.00 超过信用额度 EUR 20,000.00。",
    findingShort: "超出信用额度（EUR 30,000.00 > EUR 20,000.00）",
    tableAmounts: "（EUR 30,000.00 > EUR",
    newWarnings: ["Euro Buyer：应收账款余额 EUR 120,000.00 超过信用额度 EUR 100,000.00。"],
    clearedOverdue: "逾期超过 90 天——逾期金额现为 USD 0.00，已无逾期款项（尽管最早的未结项目已逾期 125 天）。",
    clearedLimit: "超出信用额度——应收账款余额 EUR 15,000.00 未超过信用额度 EUR 20,000.00。",
    named: (name: string, text: string) => `${name}：${text}`,
  },
} as const;

describe.each(["en", "zh"] as const)("amounts in sentences, the portfolio's in two currencies (%s)", (lang) => {
  const t = translator(lang);
  const { octoberResult, novemberResult, octoberSheet } = cycle(lang);
  const marks = amountMarks(octoberResult);
  const expected = EXPECTED[lang];
  const euro = customer(octoberResult, "C02");
  const late = customer(octoberResult, "C04");

  test("what a customer's decisions ask: its limits with their currency", () => {
    expect(limitsText(euro, lang, marks)).toBe(expected.limits);
    expect(limitsText(customer(octoberResult, "C01"), lang, marks)).toBe(expected.kept);
    expect(shortDecisionsText(euro, lang, marks)).toBe(expected.todo);
    expect(topRiskText("OVERDUE_90", euro, lang, octoberResult.policy, marks)).toMatch(new RegExp(`${expected.todo}$`));
  });

  test("why an action: the overdue amount it quotes with its currency", () => {
    expect(reasonDetail("OVERDUE", late, lang, octoberResult.policy, marks)).toBe(expected.overdue);
    const keep = late.actions.find((d) => d.because === "OVERDUE")!;
    expect(decisionLine(keep, late, lang, octoberResult.policy, marks)).toBe(expected.decision);
  });

  test("the summary sheet's top risks and the printed report (wide and stacked) and JSON say the same", () => {
    // The sheet wraps a long line over rows: read without the spaces it wrapped at.
    const unspaced = (text: string) => text.replace(/\s+/g, "");
    expect(unspaced(summaryTexts(octoberResult, lang).join(""))).toContain(unspaced(expected.todo));
    const printed = toTable(octoberResult, lang, "out.xlsx").split("\n");
    expect(printed.some((line) => line.endsWith(expected.todo))).toBe(true);
    const stacked = toTable(octoberResult, lang, "out.xlsx", [], 60).split("\n");
    expect(stacked.map((line) => line.trim())).toContainEqual(expect.stringMatching(new RegExp(`^${expected.stacked}`)));
    const json = toJson(octoberResult, lang);
    const lateJson = json.customers.find((c) => c.id === "C04")!;
    expect(lateJson.actions.map((a) => a.text)).toContain(expected.decision);
  });

  test("the money that moved: each list's amounts in their customer's currency, in every face", () => {
    const novemberMarks = amountMarks(novemberResult);
    const lists = moneyChangeCounts(novemberResult.changes!, novemberResult.customers, lang, novemberMarks).map((e) => [
      t(e.label),
      e.count,
      e.customers,
    ]);
    expect(lists).toEqual(expected.moves);
    const printed = toTable(novemberResult, lang, "out.xlsx").split("\n");
    for (const [, , names] of expected.moves) for (const name of names) expect(printed).toContain(`  ${name}`);
    const json = toJson(novemberResult, lang);
    expect(json.changes!.moneyText.map((e) => e.customers)).toEqual(expected.moves.map(([, , names]) => names));
    // The summary sheet lists only what moved, each name on a line of its own.
    const summary = summaryTexts(novemberResult, lang);
    for (const [, count, names] of expected.moves) if (count > 0) for (const name of names) expect(summary).toContain(name);
    const { section, unmount } = renderChanges(lang, novemberResult);
    for (const [, , names] of expected.moves)
      for (const name of names) expect(within(section).getAllByText(name, { exact: true }).length).toBeGreaterThan(0);
    unmount();
  });

  test("a customer's own changes, as its pane detail gives them", () => {
    const changeOf = (id: string) => novemberResult.changes!.customers.find((c) => c.id === id)!;
    const novemberMarks = amountMarks(novemberResult);
    const dollar = customerChangeLines(
      changeOf("C01"),
      customer(novemberResult, "C01"),
      lang,
      novemberResult.policy,
      novemberMarks,
    );
    for (const line of expected.changeLines) expect(dollar).toContain(line);
    const payer = customerChangeLines(
      changeOf("C04"),
      customer(novemberResult, "C04"),
      lang,
      novemberResult.policy,
      novemberMarks,
    );
    expect(payer).toContain(expected.creditLimitLine);
  });

  test("a finding's amounts: its sentence, its short form, the sheet's Findings cell, the top risks' why", () => {
    const spender = customer(octoberResult, "C05");
    const [overLimit] = spender.findings;
    expect(explainFinding(overLimit, spender, lang, marks)).toBe(expected.finding);
    expect(findingWithFigure(overLimit, spender, lang, marks)).toBe(expected.findingShort);
    expect(findingsCell(octoberSheet, "C05", lang)).toBe(expected.finding);
    expect(reasonDetail("OVER_LIMIT", spender, lang, octoberResult.policy, marks)).toBe(expected.finding);
    // Ratios, days and scores carry no currency: the overdue finding's days stay days.
    const dollar = customer(octoberResult, "C01");
    expect(explainFinding(dollar.findings[0], dollar, lang, marks)).not.toMatch(/USD|EUR/);
  });

  test("a finding's amounts in the printed report (wide and stacked), the JSON and the pane", () => {
    const printed = toTable(octoberResult, lang, "out.xlsx").split("\n");
    // The wide table wraps its Warnings column: the row's first line holds the figure and the threshold's currency.
    expect(printed.find((line) => line.startsWith("    6 "))).toContain(expected.tableAmounts);
    // Stacked, a customer's labelled texts follow one another under its figures.
    const stacked = toTable(octoberResult, lang, "out.xlsx", [], 60).split("\n");
    const spenderLines = stacked.slice(stacked.findIndex((line) => line.startsWith("    6 ")) + 1);
    expect(spenderLines.map((line) => line.trim()).join(lang === "en" ? " " : "")).toContain(
      labelled(OUTPUT_HEADERS.warnings[lang], expected.findingShort, lang),
    );
    const json = toJson(octoberResult, lang);
    expect(json.customers.find((c) => c.id === "C05")!.findings.map((f) => f.text)).toEqual([expected.finding]);
    expect(json.portfolio.topRisks.find((r) => r.id === "C05")!.text).toBe(expected.finding);
    const { unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value={{ lang, t }}>
          <CustomerDetail
            customer={customer(octoberResult, "C05")}
            sheet={octoberResult.sheet}
            policy={octoberResult.policy}
            marks={marks}
            onGoTo={() => undefined}
          />
        </LangContext.Provider>
      </FluentProvider>,
    );
    expect(screen.getAllByText(expected.finding, { exact: true }).length).toBeGreaterThan(0);
    unmount();
  });

  test("the warnings new and cleared since the last review, their amounts in their customer's currency, in every face", () => {
    const cleared = [
      expected.named("Dollar Buyer", expected.clearedOverdue),
      expected.named("Over Spender", expected.clearedLimit),
    ];
    expect(warningChanges(novemberResult, lang)).toEqual([expected.newWarnings, cleared]);
    const printed = toTable(novemberResult, lang, "out.xlsx").split("\n");
    for (const line of [...expected.newWarnings, ...cleared]) expect(printed).toContain(`  ${line}`);
    const unspaced = (text: string) => text.replace(/\s+/g, "");
    const summary = unspaced(summaryTexts(novemberResult, lang).join(""));
    for (const line of [...expected.newWarnings, ...cleared]) expect(summary).toContain(unspaced(line));
    const json = toJson(novemberResult, lang);
    const clearedJson = (id: string) => json.changes!.customers.find((c) => c.id === id)!.clearedWarnings.map((w) => w.text);
    expect(clearedJson("C01")).toEqual([expected.clearedOverdue]);
    expect(clearedJson("C05")).toEqual([expected.clearedLimit]);
    const novemberMarks = amountMarks(novemberResult);
    const change = novemberResult.changes!.customers.find((c) => c.id === "C05")!;
    expect(customerChangeLines(change, customer(novemberResult, "C05"), lang, novemberResult.policy, novemberMarks)).toContain(
      labelled(t("changes.clearedWarnings"), expected.clearedLimit, lang),
    );
    const { unmount } = renderChanges(lang, novemberResult);
    for (const line of [...expected.newWarnings, ...cleared])
      expect(screen.getAllByText(line, { exact: true }).length).toBeGreaterThan(0);
    unmount();
  });
});

describe.each(["en", "zh"] as const)("the same portfolio in one currency marks nothing (%s)", (lang) => {
  const t = translator(lang);
  const { octoberResult, novemberResult, octoberSheet } = cycle(lang, "USD");
  const marks = amountMarks(octoberResult);
  const plain = (text: string) => text.replace(/(USD|EUR) /g, "");
  const expected = EXPECTED[lang];

  test("its sentences are as they were, every amount a plain figure", () => {
    expect(marks.marked.size).toBe(0);
    const euro = customer(octoberResult, "C02");
    const late = customer(octoberResult, "C04");
    expect(limitsText(euro, lang, marks)).toBe(plain(expected.limits));
    expect(shortDecisionsText(euro, lang, marks)).toBe(plain(expected.todo));
    expect(reasonDetail("OVERDUE", late, lang, octoberResult.policy, marks)).toBe(plain(expected.overdue));
    const lists = moneyChangeCounts(novemberResult.changes!, novemberResult.customers, lang, amountMarks(novemberResult));
    expect(lists.map((e) => [t(e.label), e.count, e.customers])).toEqual(
      expected.moves.map(([label, count, names]) => [label, count, names.map(plain)]),
    );
    for (const result of [octoberResult, novemberResult]) {
      expect(toTable(result, lang, "out.xlsx", [], 60)).not.toMatch(/USD|EUR/);
      expect(summaryTexts(result, lang).filter((text) => /USD|EUR/.test(text))).toEqual([]);
    }
  });

  test("its findings and the warnings new and cleared are as they were, every amount a plain figure", () => {
    const spender = customer(octoberResult, "C05");
    expect(explainFinding(spender.findings[0], spender, lang, marks)).toBe(plain(expected.finding));
    expect(findingWithFigure(spender.findings[0], spender, lang, marks)).toBe(plain(expected.findingShort));
    expect(findingsCell(octoberSheet, "C05", lang)).toBe(plain(expected.finding));
    const cleared = [
      expected.named("Dollar Buyer", expected.clearedOverdue),
      expected.named("Over Spender", expected.clearedLimit),
    ];
    expect(warningChanges(novemberResult, lang)).toEqual([expected.newWarnings.map(plain), cleared.map(plain)]);
    for (const result of [octoberResult, novemberResult]) {
      expect(toTable(result, lang, "out.xlsx")).not.toMatch(/USD|EUR/);
      const json = toJson(result, lang);
      const texts = [
        ...json.customers.flatMap((c) => c.findings.map((f) => f.text)),
        ...json.portfolio.topRisks.map((r) => r.text),
        ...(json.changes?.customers.flatMap((c) => c.clearedWarnings.map((w) => w.text)) ?? []),
      ];
      expect(texts.filter((text) => /USD|EUR/.test(text))).toEqual([]);
    }
  });
});

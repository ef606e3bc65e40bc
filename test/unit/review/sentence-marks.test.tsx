/** @jest-environment jsdom */
/**
 * A customer's amounts inside sentences carry their currency where the portfolio's are in two, as
 * the lists' amounts do ("USD 120,000.00"): what its decisions ask (limitsText, shortDecisionsText,
 * the top risks' reasons), why an action (reasonDetail, decisionLine), the money that moved since
 * the last review (moneyChangeCounts, customerChangeLines), in the engine, the summary sheet, the
 * printed report (its narrow, stacked table too), the JSON and the pane, in both languages. In one
 * currency nothing is marked.
 */
import { screen } from "@testing-library/react";
import { toJson, toTable } from "../../../src/cli/report";
import { Lang, translator } from "../../../src/engine/i18n";
import type { CustomerResult, ReviewResult } from "../../../src/engine/review/review";
import { summarySheetPlan } from "../../../src/engine/review/summary-sheet";
import {
  customerChangeLines,
  decisionLine,
  limitsText,
  moneyChangeCounts,
  reasonDetail,
  shortDecisionsText,
  topRiskText,
} from "../../../src/engine/review/texts";
import { amountMarks } from "../../../src/engine/review/total-currencies";
import type { PlanValue } from "../../../src/engine/review/write-plan";
import { renderChanges } from "../../support/changes-summary";
import { reviewWorkbook } from "../../support/review-cycle";
import { CUSTOMER_HEADERS, Grid, serial } from "../../support/review-grid";

const OCTOBER = serial("2026-10-31");
const NOVEMBER = serial("2026-11-30");
const five = (x: number) => [x, x, x, x, x];

/**
 * A limit typed in US dollars, a balance in euros: each row in one currency, the portfolio in two
 * (`euroBalance` "USD 50,000" puts it in one). Each customer's [score, credit limit, balance,
 * overdue amount, days past due].
 */
function sheet(euroBalance: string, rows: Record<string, readonly [number, unknown, unknown, number, number]>): Grid {
  return [
    [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance", "Overdue amount", "Days past due"],
    ...[
      ["C01", "Dollar Buyer"],
      ["C02", "Euro Buyer"],
      ["C03", "Plain Figures"],
      ["C04", "Late Payer"],
    ].map(([id, name]) => {
      const [score, limit, balance, overdue, days] = rows[id];
      return [id, name, ...five(score), limit, id === "C02" ? euroBalance : balance, overdue, days];
    }),
  ];
}

// October: Dollar Buyer 95 days late (no raise), Euro Buyer high risk (its limit halved), Late
// Payer a little late (no raise while overdue). November: Dollar Buyer pays (its raise), Euro
// Buyer falls further behind, Late Payer's credit limit is raised by hand.
const october = (euroBalance: string) =>
  sheet(euroBalance, {
    C01: [2, "USD 200,000", 100000, 20000, 95],
    C02: [4, 100000, null, 10000, 95],
    C03: [2, 100000, 30000, 0, 0],
    C04: [2, "USD 80,000", 10000, 5000, 10],
  });
const november = (euroBalance: string) =>
  sheet(euroBalance, {
    C01: [2, "USD 200,000", 100000, 0, 0],
    C02: [4, 100000, null, 40000, 125],
    C03: [2, 100000, 30000, 0, 0],
    C04: [2, "USD 90,000", 10000, 5000, 10],
  });

function cycle(lang: Lang, euroBalance = "EUR 50,000"): { octoberResult: ReviewResult; novemberResult: ReviewResult } {
  const first = reviewWorkbook({ customers: october(euroBalance) }, OCTOBER, lang);
  const second = reviewWorkbook({ ...first.workbook, customers: november(euroBalance) }, NOVEMBER, lang);
  return { octoberResult: first.result, novemberResult: second.result };
}

const customer = (result: ReviewResult, id: string): CustomerResult => result.customers.find((c) => c.id === id)!;

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
  },
} as const;

describe.each(["en", "zh"] as const)("amounts in sentences, the portfolio's in two currencies (%s)", (lang) => {
  const t = translator(lang);
  const { octoberResult, novemberResult } = cycle(lang);
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
      for (const name of names) expect(screen.getAllByText(name, { exact: true }).length).toBeGreaterThan(0);
    expect(section).toBeDefined();
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
});

describe.each(["en", "zh"] as const)("the same portfolio in one currency marks nothing (%s)", (lang) => {
  const t = translator(lang);
  const { octoberResult, novemberResult } = cycle(lang, "USD 50,000");
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
});

/** @jest-environment jsdom */
/**
 * A customer's details and the results' block on what changed, from a real review against an
 * archive: each action on its own line with the reason behind it, the customer's change since
 * its last review, and the portfolio's (in the results and in the review's notice), in both languages.
 */
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReactElement } from "react";
import { Lang, translator } from "../../../src/engine/i18n";
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { ReviewResult, runReview } from "../../../src/engine/review/review";
import { laterReviewsText } from "../../../src/engine/review/texts";
import { ChangesSummary } from "../../../src/taskpane/components/ChangesSummary";
import { factLine } from "../../support/changes-summary";
import { ActionList, CustomerDetail } from "../../../src/taskpane/components/CustomerDetail";
import { ResultsPanel } from "../../../src/taskpane/components/ResultsPanel";
import { LangContext } from "../../../src/taskpane/i18n";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const values = customerSheet(
  ["Credit limit", "Outstanding balance"],
  [
    { id: "C1", name: "Contoso", factors: [4, 4, 3, 4, 4], extra: [100000, 150000] },
    { id: "C2", name: "Fabrikam", factors: [1, 1, 1, 1, 1], extra: [100000, 50000] },
    { id: "C4", name: "Northwind", factors: [2, 2, 2, 2, 2], extra: [100000, 50000] },
  ],
);
const archive = [
  ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade", "Recommended limit", "Warning codes"],
  [serial("2026-10-31"), "v", "C1", "Contoso", 2.1, "Medium", 120000, "OVERDUE_90"],
  [serial("2026-10-31"), "v", "C3", "Gone Ltd", 1, "Low", 1000, ""],
  [serial("2026-10-31"), "v", "C4", "Northwind", 3.9, "High", 50000, ""],
];

function reviewed(lang: Lang) {
  return runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY, archive }, lang);
}

function inPane(lang: Lang, ui: ReactElement) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>{ui}</LangContext.Provider>
    </FluentProvider>,
  );
}

/** The changes block of a review, shown in the pane, as "term = value" lines; the block is unmounted after. */
function changesFacts(lang: Lang, result: ReviewResult): string[] {
  const block = inPane(
    lang,
    <ChangesSummary
      changes={result.changes!}
      customers={result.customers}
      policy={result.policy}
      pastDue={result.reviewsPastDue}
    />,
  );
  const facts = [...screen.getByRole("region").querySelectorAll("dt")].map((dt) => `${dt.textContent} = ${factLine(dt, lang)}`);
  block.unmount();
  return facts;
}

/** The first customer's details in the pane, with its change since the last review. */
function showFirstCustomer(lang: Lang, result: ReviewResult) {
  return inPane(
    lang,
    <CustomerDetail
      customer={result.customers[0]}
      sheet={result.sheet}
      policy={result.policy}
      change={result.changes!.customers[0]}
      onGoTo={() => undefined}
    />,
  );
}

function detailOf(lang: Lang) {
  showFirstCustomer(lang, reviewed(lang));
  const list = (heading: string) =>
    within(screen.getByRole("heading", { name: heading }).nextElementSibling as HTMLElement)
      .getAllByRole("listitem")
      .map((li) => [...li.childNodes].map((n) => n.textContent));
  return list;
}

test("every action reads with the rule or warning behind it, with the customer's figures, said once for the actions it produced (English)", () => {
  const list = detailOf("en");
  expect(list("Recommendation")).toEqual([
    [
      "Require prepayment",
      "Restrict the credit limit",
      "Ask for a guarantee or credit insurance",
      "Risk score 3.80 is in the high-risk band (from 3.50).",
    ],
    [
      "Hold new orders until the balance is back under the limit",
      "Outstanding balance 150,000.00 is above the credit limit 100,000.00.",
    ],
    [
      "Re-assess the customer now",
      "The risk score rose from 2.10 to 3.80 since the review of 2026-10-31: 1.70 points (more than 1.00 points triggers a warning).",
    ],
  ]);
});

test.each([
  ["en", "Next review", "2026-11-30 (re-assess now)"],
  ["zh", "下次复审", "2026年11月30日（立即重新评估）"],
] as const)("a re-assessment now brings the next review to this one's date, and the details say so (%s)", (lang, term, shown) => {
  const result = reviewed(lang);
  expect(result.customers[0].nextReview).toBe(result.asOf);
  showFirstCustomer(lang, result);
  expect(screen.getByText(term, { selector: "dt" }).nextElementSibling!.textContent).toBe(shown);
});

test("every action reads with its reason in Chinese too", () => {
  const list = detailOf("zh");
  const highBand = "风险评分 3.80 属于高风险区间（3.50 起）。";
  expect(list("政策建议")).toEqual([
    ["要求预付款", "限制信用额度", "要求提供担保或投保信用保险", highBand],
    ["暂停新订单，直至余额回到额度以内", "应收账款余额 150,000.00 超过信用额度 100,000.00。"],
    ["立即重新评估该客户", "风险评分自 2026年10月31日的审查以来由 2.10 升至 3.80，上升了 1.70 分（超过 1.00 分即预警）。"],
  ]);
});

test("a customer's change since its last review: score and grade, warnings gained, a warning not checked this time, the limit's move", () => {
  expect(detailOf("en")("Since the last review")).toEqual([
    ["Score 2.10 → 3.80 (+1.70 points), Medium → High since 2026-10-31"],
    ["New warnings: Score rose, Over credit limit"],
    // The sheet has no overdue figures: its last warning was not checked, and is not said cleared.
    ["Warnings not checked this time: Overdue over 90 days (no Days past due column or invoice ledger)"],
    ["Recommended limit 120,000.00 → 50,000.00 (-70,000.00)"],
  ]);
  expect(detailOf("zh")("与上次审查相比")).toEqual([
    ["自 2026年10月31日起，评分 2.10 → 3.80（+1.70 分），风险等级 中 → 高"],
    ["新增预警：评分上升、超出信用额度"],
    ["本次未能检查的预警：逾期超过 90 天（缺少“逾期天数”列或发票明细账）"],
    ["建议额度 120,000.00 → 50,000.00（-70,000.00）"],
  ]);
});

test("the results' block on what changed: since when, riskier and safer, warnings with their customers, added and gone", () => {
  const shown = (lang: Lang) => {
    const { unmount } = inPane(
      lang,
      <ChangesSummary
        changes={reviewed(lang).changes!}
        customers={reviewed(lang).customers}
        policy={DEFAULT_POLICY}
        pastDue={reviewed(lang).reviewsPastDue}
      />,
    );
    const section = screen.getByRole("region");
    const facts = [...section.querySelectorAll("dt")].map((dt) => `${dt.textContent} = ${factLine(dt, lang)}`);
    const lines = [section.querySelector("h2")!.textContent, ...facts];
    unmount();
    return lines;
  };
  expect(shown("en")).toEqual([
    "Changes since the last review (2026-10-31)",
    "Moved to a riskier grade = 1 (Contoso (Medium → High))",
    "Moved to a safer grade = 1 (Northwind (High → Low))",
    // A new warning with its figure against its threshold; the recommended limits that moved.
    "New warnings = 2 (Contoso: The risk score rose from 2.10 to 3.80 since the review of 2026-10-31: 1.70 points (more than 1.00 points triggers a warning). Outstanding balance 150,000.00 is above the credit limit 100,000.00.)",
    // Not cleared: the sheet has no overdue figures this time, so the check did not run.
    "Cleared warnings = 0",
    "Warnings not checked this time = 1 (Contoso: Overdue over 90 days (no Days past due column or invoice ledger))",
    // Contoso's is now half its credit limit of 100,000.00, a cut; Northwind's cut is withdrawn, back to its 100,000.00.
    "Recommended limit cut = 1 (Contoso 120,000.00 → 50,000.00)",
    "Recommended raise withdrawn or smaller = 0",
    "Recommended limit raised = 0",
    "Recommended cut withdrawn or smaller = 1 (Northwind 50,000.00 → 100,000.00)",
    "Customers added = 1 (Fabrikam)",
    "Customers gone = 1 (Gone Ltd)",
    // The archive's rows name a version the workbook's policy history (none here) does not hold.
    `Policy changed = v → ${DEFAULT_POLICY.version} (the policy history does not hold the earlier version's settings)`,
    // Northwind, high risk on 2026-10-31, was due on 2026-11-30: this review is on time.
    // Listed under the count, as the summary sheet lists it.
    "Reviews past due = 0 (due dates after reviews under policy v use this review's intervals: the policy history does not hold that version as it was)",
  ]);
  expect(shown("zh")).toEqual([
    "与上次审查（2026年10月31日）相比的变化",
    "风险等级变差的客户 = 1（Contoso（中 → 高））",
    "风险等级改善的客户 = 1（Northwind（高 → 低））",
    "新增预警 = 2（Contoso：风险评分自 2026年10月31日的审查以来由 2.10 升至 3.80，上升了 1.70 分（超过 1.00 分即预警）。应收账款余额 150,000.00 超过信用额度 100,000.00。）",
    "解除预警 = 0",
    "本次未能检查的预警 = 1（Contoso：逾期超过 90 天（缺少“逾期天数”列或发票明细账））",
    "建议下调额度的客户 = 1（Contoso 120,000.00 → 50,000.00）",
    "上调建议撤回或减少的客户 = 0",
    "建议上调额度的客户 = 0",
    "下调建议撤回或减少的客户 = 1（Northwind 50,000.00 → 100,000.00）",
    "新增客户 = 1（Fabrikam）",
    "移除客户 = 1（Gone Ltd）",
    `政策已变更 = v → ${DEFAULT_POLICY.version}（政策历史中没有先前版本的设置）`,
    "复审已超期的客户 = 0（按政策 v 审查的客户，其复审日期按本次政策的监控频率计算：政策历史中没有所列版本当时的设置）",
  ]);
});

test.each<[Lang, string, string]>([
  ["en", "Renamed since the last review = 1 (C4 Northwind → Northwind Traders)", "Renamed since its last review (was Northwind)"],
  ["zh", "上次审查后更名的客户 = 1（C4 Northwind → Northwind Traders）", "上次审查后已更名（原名 Northwind）"],
])("a customer renamed since the last review: after the customers gone, and in its own change (%s)", (lang, fact, own) => {
  const renamed = values.map((line) => (line[0] === "C4" ? [line[0], "Northwind Traders", ...line.slice(2)] : line));
  const result = runReview(
    { sheetName: "Customers", values: renamed, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY, archive },
    lang,
  );
  const facts = changesFacts(lang, result);
  expect(facts[facts.findIndex((f) => f.startsWith(lang === "en" ? "Customers gone" : "移除客户")) + 1]).toBe(fact);
  inPane(
    lang,
    <CustomerDetail
      customer={result.customers[2]}
      sheet={result.sheet}
      policy={result.policy}
      change={result.changes!.customers[2]}
      onGoTo={() => undefined}
    />,
  );
  const heading = screen.getByRole("heading", { name: lang === "en" ? "Since the last review" : "与上次审查相比" });
  const lines = within(heading.nextElementSibling as HTMLElement)
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  expect(lines).toContain(own);
});

test.each<[Lang, string]>([
  // The archive's version "v" is not in the (absent) policy history: today's intervals stood in,
  // and the last line under the count says so, as on the summary sheet.
  [
    "en",
    "Reviews past due = 1 (Northwind (High): last reviewed 2026-10-31, due 2026-11-30, 31 days late; due dates after reviews under policy v use this review's intervals: the policy history does not hold that version as it was)",
  ],
  [
    "zh",
    "复审已超期的客户 = 1（Northwind（高）：上次审查于 2026年10月31日，应于 2026年11月30日复审，已超期 31 天；按政策 v 审查的客户，其复审日期按本次政策的监控频率计算：政策历史中没有所列版本当时的设置）",
  ],
])("the block names the high-risk customer whose monthly review was skipped (%s)", (lang, fact) => {
  const late = runReview({ sheetName: "Customers", values, asOf: serial("2026-12-31"), policy: DEFAULT_POLICY, archive }, lang);
  const facts = changesFacts(lang, late);
  expect(facts[facts.length - 1]).toBe(fact);
});

test("with an archive but no earlier review, the block says there is nothing to compare with", () => {
  const first = runReview({ sheetName: "Customers", values, asOf: serial("2026-10-01"), policy: DEFAULT_POLICY, archive }, "en");
  const { container } = inPane(
    "en",
    <ChangesSummary
      changes={first.changes!}
      customers={first.customers}
      policy={DEFAULT_POLICY}
      pastDue={first.reviewsPastDue}
    />,
  );
  expect(container.textContent).toBe("No earlier review in the archive to compare with");
  expect(screen.queryByRole("heading")).toBeNull();
});

test.each<[Lang, string]>([
  ["en", "No earlier review in the archive to compare with"],
  ["zh", "审查档案中没有可比较的上次审查"],
])(
  "with no archive at all (the customer sheet exported alone), the results say there is nothing to compare with (%s)",
  (lang, text) => {
    const alone = runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
    expect(alone.changes).toBeUndefined();
    inPane(lang, <ResultsPanel result={alone} onOpen={() => undefined} onGoTo={() => undefined} />);
    expect(screen.getByText(text)).toBeTruthy();
  },
);

test("an action with a reason shows it under the action, in the same list item", () => {
  inPane(
    "en",
    <ActionList
      actions={[
        {
          actions: [{ code: "HOLD_ORDERS", text: "Hold new orders" }],
          reason: "Outstanding balance 12,000.00 is above the credit limit 10,000.00.",
        },
      ]}
    />,
  );
  const items = within(screen.getByRole("list")).getAllByRole("listitem");
  expect(items.map((li) => li.textContent)).toEqual([
    "Hold new ordersOutstanding balance 12,000.00 is above the credit limit 10,000.00.",
  ]);
  expect(within(items[0]).getByText(/^Outstanding balance/).tagName).toBe("SPAN");
});

test("the review's notice, focused and announced, says how many grades moved since the last review", () => {
  const lines = (lang: Lang, result = reviewed(lang)) => reviewedNotice(result).render(translator(lang), lang).lines;
  expect(lines("en")).toEqual([
    'Reviewed 3 customers on "Customers".',
    "Since 2026-10-31: 1 moved to a riskier grade, 1 to a safer one.",
  ]);
  expect(lines("zh")[1]).toBe("自 2026年10月31日起：1 个客户风险等级变差，1 个改善。");
  const first = runReview({ sheetName: "Customers", values, asOf: serial("2026-10-01"), policy: DEFAULT_POLICY, archive }, "en");
  // Dated before the archive's review: nothing to compare with, and it says a later review is there.
  expect(lines("en", first)).toEqual([
    'Reviewed 3 customers on "Customers".',
    laterReviewsText(serial("2026-10-01"), [serial("2026-10-31")], "en"),
  ]);
  // A totals row left out is said, with its place, as the command line says it.
  const totalled = {
    ...first,
    laterReviews: undefined,
    leftOutRows: [{ sheet: "Customers", row: 5, label: "合计", kind: "totals" as const }],
  };
  expect(lines("zh", totalled)[1]).toBe("未计入审查（并非客户）：Customers 第 5 行（“合计”，合计行）");
});

test.each<[Lang, string, string]>([
  [
    "en",
    "Amounts = not compared: the last review stated them in USD, this one in CNY, another currency (no exchange rate is known)",
    "Recommended limit not compared: the last review stated it in USD, this one in CNY, another currency",
  ],
  [
    "zh",
    "金额 = 未比较：上次审查以 USD 计，本次以 CNY 计，币种不同（没有汇率）",
    "建议额度未比较：上次审查以 USD 计，本次以 CNY 计，币种不同",
  ],
])(
  "a sheet now in another currency than its last review: the block and the customer say its limits are not compared (%s)",
  (lang, fact, line) => {
    const inCny = values.map((row, i) => (i === 0 ? row.map((h) => (h === "Credit limit" ? "Credit limit (CNY)" : h)) : row));
    const inUsd = [
      [...archive[0], "Customer sheet", "Amounts in"],
      ...archive.slice(1).map((row) => [...row, "Customers", "USD"]),
    ];
    const result = runReview(
      { sheetName: "Customers", values: inCny, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY, archive: inUsd },
      lang,
    );
    expect(changesFacts(lang, result)).toContain(fact);
    showFirstCustomer(lang, result);
    expect(screen.getByText(line)).toBeTruthy();
  },
);

test.each<[Lang, string[], string, string]>([
  [
    "en",
    [
      "Moved to a riskier grade = 2 (Alpine Ski House (Medium → High, from the policy change); Contoso (Medium → High))",
      "Moved to a safer grade = 0",
      "Moved to a riskier grade by the policy change alone = 1",
      "Moved to a safer grade by the policy change alone = 0",
    ],
    "Of those, the policy change alone moved 1 to a riskier grade and 0 to a safer one.",
    "Score 3.30 → 3.30 (0.00 points), Medium → High (from the policy change) since 2026-10-31",
  ],
  [
    "zh",
    [
      "风险等级变差的客户 = 2（Alpine Ski House（中 → 高，因政策变更）；Contoso（中 → 高））",
      "风险等级改善的客户 = 0",
      "其中仅因政策变更而风险等级变差的客户 = 1",
      "其中仅因政策变更而风险等级改善的客户 = 0",
    ],
    "其中仅因政策变更：1 个变差，0 个改善。",
    "风险等级 中 → 高（因政策变更）",
  ],
])(
  "a grade moved by a policy band alone is said to be the policy's: the block, the notice, the details (%s)",
  (lang, facts, notice, detail) => {
    // Alpine Ski House scores 3.30 both months; Contoso rises from 3.00 to 3.60. The High band moves from 3.5 to 3.2.
    const sheet = (contoso: number) =>
      customerSheet(
        [],
        [
          { id: "A1", name: "Alpine Ski House", factors: [3.3, 3.3, 3.3, 3.3, 3.3] },
          { id: "C1", name: "Contoso", factors: [contoso, contoso, contoso, contoso, contoso] },
        ],
      );
    const { workbook } = reviewWorkbook({ customers: sheet(3) }, serial("2026-10-31"), lang);
    const lowered = completePolicy({ ...DEFAULT_POLICY, highFrom: 3.2 });
    const { result } = reviewWorkbook({ ...workbook, customers: sheet(3.6) }, serial("2026-11-30"), lang, lowered);
    expect(changesFacts(lang, result).slice(0, 4)).toEqual(facts);
    expect(reviewedNotice(result).render(translator(lang), lang).lines).toContain(notice);
    showFirstCustomer(lang, result);
    expect(document.body.textContent).toContain(detail);
  },
);

test.each<[Lang, string, string, string]>([
  [
    "en",
    "Data error",
    "Hold new orders until the balance is back under the limit",
    "Held for the data fix: grade actions, Score rose and Negative news checks, recommended limit, next review",
  ],
  [
    "zh",
    "数据错误",
    "暂停新订单，直至余额回到额度以内",
    "数据修正后再给出：按等级的措施、“评分上升”与“负面新闻”检查、建议额度和下次复审日期",
  ],
])(
  "a customer with a data error: its error, the actions that need no grade, and what waits for the fix (%s)",
  (lang, grade, action, waits) => {
    const sheet = customerSheet(
      ["Credit limit", "Outstanding balance"],
      [{ id: "C1", name: "Contoso", factors: [4, null, 3, 4, 4], extra: [100000, 150000] }],
    );
    const result = runReview({ sheetName: "Customers", values: sheet, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
    inPane(
      lang,
      <CustomerDetail customer={result.customers[0]} sheet={result.sheet} policy={result.policy} onGoTo={() => undefined} />,
    );
    expect(document.body.textContent).toContain(grade);
    const recommendation = screen.getByRole("heading", { name: lang === "en" ? "Recommendation" : "政策建议" })
      .nextElementSibling as HTMLElement;
    const lines = within(recommendation)
      .getAllByRole("listitem")
      .map((li) => li.firstChild!.textContent);
    expect(lines).toEqual([action, waits]);
    expect(screen.getByRole("button", { name: lang === "en" ? "Go to D2" : "转到 D2" })).toBeTruthy();
  },
);

test.each<[Lang, string, string]>([
  ["en", "Credit limit", "Outstanding balance"],
  ["zh", "信用额度", "应收账款余额"],
])(
  "balances in two currencies: an open customer's amounts carry its currency; in one currency, plain figures (%s)",
  (lang, limit, balance) => {
    /** The open customer's facts, term → value, from the Results tab. */
    const openFacts = (second: string) => {
      const sheet = customerSheet(
        ["Credit limit", "Outstanding balance"],
        [
          { id: "C1", name: "Contoso", factors: [4, 4, 4, 4, 4], extra: ["USD 200,000", 150000] },
          { id: "C2", name: "Fabrikam", factors: [4, 4, 4, 4, 4], extra: [100000, second] },
        ],
      );
      const result = runReview(
        { sheetName: "Customers", values: sheet, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY },
        lang,
      );
      const pane = inPane(lang, <ResultsPanel result={result} openRow={3} onOpen={() => undefined} onGoTo={() => undefined} />);
      const facts = new Map(
        [...document.querySelectorAll(`#customer-3 dt`)].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]),
      );
      pane.unmount();
      return facts;
    };
    const two = openFacts("EUR 80,000");
    expect([two.get(limit), two.get(balance)]).toEqual(["EUR 100,000.00", "EUR 80,000.00"]);
    const one = openFacts("USD 80,000");
    expect([one.get(limit), one.get(balance)]).toEqual(["100,000.00", "80,000.00"]);
  },
);

/**
 * The summary as a one-page dashboard (issue 15 item 4): the headline figures (credit limits,
 * utilisation, the amount overdue, the exposure at risk) computed once by the engine, the top
 * risks ranked by the balance at risk with the reason for each, and the list of customers with
 * problems capped so the page stays one page, in both languages.
 */
import { Lang, message } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { FIELD_LABELS, OUTPUT_HEADERS } from "../../../src/engine/review/fields";
import { runReview } from "../../../src/engine/review/review";
import { SHOWN_PROBLEMS } from "../../../src/engine/review/summary-sheet";
import { SHOWN_DECISIONS } from "../../../src/engine/review/portfolio";
import { explainFinding, reasonDetail, movedLines } from "../../../src/engine/review/texts";
import { NO_MARKS } from "../../../src/engine/review/total-currencies";
import { buildWritePlan, SheetPlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial } from "../../support/review-grid";
import { toJson, toTable } from "../../../src/cli/report";

const asOf = serial("2026-03-15");
const EXTRA = ["Credit limit", "Outstanding balance", "Overdue amount", "Days past due"];

function review(rows: Parameters<typeof customerSheet>[1], lang: Lang = "en") {
  const result = runReview({ sheetName: "Customers", values: customerSheet(EXTRA, rows), asOf, policy: DEFAULT_POLICY }, lang);
  return { result, summary: buildWritePlan(result, lang, { sheetNames: [] }).sheets[0] };
}

/** Each written row of the summary from `column` on, as "a|b|c". */
function linesFrom(summary: SheetPlan, column: number): string[] {
  const rows = new Map<number, string[]>();
  for (const b of summary.blocks)
    b.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (b.column + c < column || v === null) return;
        const cells = rows.get(b.row + r) ?? [];
        cells[b.column + c - column] = String(v);
        rows.set(b.row + r, cells);
      }),
    );
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells.join("|"));
}

/**
 * The summary's tables from `column` on as linesFrom gives them, a row whose text runs on over the
 * rows under it (those rows holding nothing but its next line, in the table's last column) read
 * as one: the lines joined as the text was cut, at a space in English, between characters in Chinese.
 */
function tableLinesFrom(summary: SheetPlan, column: number, lang: Lang = "en"): string[] {
  const joined: string[] = [];
  for (const line of linesFrom(summary, column)) {
    const more = /^\|{5}(.+)$/.exec(line);
    if (more && joined.length) joined[joined.length - 1] += (lang === "en" ? " " : "") + more[1];
    else joined.push(line);
  }
  return joined;
}

describe("the headline figures", () => {
  const { result } = review([
    // Low risk, within its limit, nothing overdue: not at risk.
    { id: "A", name: "Calm", factors: [1, 1, 1, 1, 1], extra: [100_000, 40_000, 0, 0] },
    // Low risk but at 1,380% of its limit.
    { id: "B", name: "Over", factors: [2, 2, 2, 2, 2], extra: [10_000, 138_000, 0, 0] },
    // Medium risk (2.65), no warning, nothing overdue: not at risk.
    { id: "C", name: "Middling", factors: [3, 3, 2, 2, 3], extra: [50_000, 20_000, 0, 0] },
    // Overdue 30 days: at risk without a warning.
    { id: "D", name: "Late", factors: [1, 2, 1, 2, 1], extra: [60_000, 30_000, 5_000, 30] },
    // Graded high, no warning.
    { id: "E", name: "Shaky", factors: [4, 4, 4, 4, 4], extra: [80_000, 10_000, 0, 0] },
    // Not graded: its limit and balance still count in the totals and utilisation.
    { id: "F", name: "Broken", factors: [1, "bad", 1, 1, 1], extra: [20_000, 2_000, 0, 0] },
  ]);
  const p = result.portfolio;

  test("limits, utilisation and the amount overdue are over the same customers as the exposure", () => {
    expect(p.exposure).toBe(240_000);
    expect(p.creditLimits).toBe(320_000);
    expect(p.utilisation).toBeCloseTo(240_000 / 320_000, 12);
    expect(p.overdueAmount).toBe(5_000);
  });

  test("the exposure at risk is the balance of the customers graded high, warned or overdue", () => {
    expect(p.customersAtRisk).toBe(3);
    expect(p.exposureAtRisk).toBe(138_000 + 30_000 + 10_000);
  });

  test("top risks: those needing action first (held orders, prepayment), then by the balance at risk, each with its reason", () => {
    // Late's 30,000 is two days late and its terms are kept: it ranks after Shaky's 10,000 at high risk.
    expect(p.customersNeedingAction).toBe(2);
    expect(p.topRisks.map((r) => [r.name, r.balance, r.reason, r.needsAction])).toEqual([
      ["Over", 138_000, "OVER_LIMIT", true],
      ["Shaky", 10_000, "GRADE_HIGH", true],
      ["Late", 30_000, "OVERDUE", false],
    ]);
  });

  test("a top risk whose balance cell cannot be read shows no balance, in every face, as its own row does (not 0.00)", () => {
    const { result, summary } = review([
      { id: "G", name: "Graded High", factors: [4, 4, 4, 4, 4], extra: [80_000, "12.500", 0, 0] },
      { id: "H", name: "Over Limit", factors: [2, 2, 2, 2, 2], extra: [10_000, 138_000, 0, 0] },
    ]);
    const top = result.portfolio.topRisks;
    expect(top.map((r) => [r.name, r.balance])).toEqual([
      ["Over Limit", 138_000],
      ["Graded High", undefined],
    ]);
    expect(toJson(result, "en").portfolio.topRisks.map((r) => r.balance)).toEqual([138_000, null]);
    const line = toTable(result, "en", "out.xlsx")
      .split("\n")
      .find((l) => l.includes("Graded High") && l.includes("high-risk band"))!;
    // Its balance column empty; the limit cut in what to do is a figure of its own.
    expect(line.slice(0, line.indexOf("Risk score"))).not.toMatch(/0\.00/);
    expect(line).toMatch(/^ {2}Graded High {20,}Risk score/);
    // The summary's top-risks table: the balance cell left empty (a blank is not a figure of 0).
    const row = summary.blocks.flatMap((b) => b.values).find((v) => v[0] === "G Graded High" || v[0] === "Graded High")!;
    expect(row).toBeDefined();
    expect(row[2]).toBeNull();
  });

  test("the grade table adds up to the headline: a row for the customers not graded and a total", () => {
    const { summary } = review([
      { id: "A", name: "Calm", factors: [1, 1, 1, 1, 1], extra: [100_000, 40_000, 0, 0] },
      { id: "F", name: "Broken", factors: [1, "bad", 1, 1, 1], extra: [20_000, 10_000, 0, 0] },
    ]);
    // The figures' four columns (the right half's tables share the rows).
    const lines = linesFrom(summary, 0).map((l) => l.split("|").slice(0, 4).join("|"));
    const at = lines.findIndex((l) => l.startsWith("Risk grade|"));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 6)).toEqual([
      "Low|1|40000|0.8",
      "Medium|0|0|0",
      "High|0|0|0",
      "Not graded (data errors)|1|10000|0.2",
      "Total|2|50000|1",
    ]);
  });

  test("no limit or no overdue column: utilisation and the amount overdue are not made up", () => {
    const bare = runReview(
      {
        sheetName: "Customers",
        values: customerSheet(["Outstanding balance"], [{ id: "A", name: "A", factors: [1, 1, 1, 1, 1], extra: [5] }]),
        asOf,
        policy: DEFAULT_POLICY,
      },
      "en",
    ).portfolio;
    expect(bare.creditLimits).toBe(0);
    expect(bare.utilisation).toBeUndefined();
    expect(bare.overdueAmount).toBeUndefined();
  });
});

describe.each(["en", "zh"] as const)("balances no credit limit weighs (%s)", (lang) => {
  const { result, summary } = review(
    [
      { id: "A", name: "Limited", factors: [1, 1, 1, 1, 1], extra: [100_000, 40_000, 0, 0] },
      // Owed with no limit to weigh it against: blank, 0 and unreadable alike.
      { id: "B", name: "Blank", factors: [1, 1, 1, 1, 1], extra: [null, 12_500, 0, 0] },
      { id: "C", name: "Zero", factors: [1, 1, 1, 1, 1], extra: [0, 7_500, 0, 0] },
      { id: "D", name: "Typo", factors: [1, 1, 1, 1, 1], extra: ["n/a", 5_000, 0, 0] },
      // Nothing owed: nothing left out.
      { id: "E", name: "Settled", factors: [1, 1, 1, 1, 1], extra: [null, 0, 0, 0] },
    ],
    lang,
  );
  const p = result.portfolio;
  const leftOut = message(lang, "summary.utilisationLeavesOut", { amount: "25,000.00", count: 3 });

  test("the utilisation is over the limited balances, and says what it leaves out and for how many", () => {
    expect(p.utilisation).toBeCloseTo(40_000 / 100_000, 12);
    expect(p.withoutLimit).toEqual({ amount: 25_000, customers: 3 });
    expect(leftOut).toMatch(
      lang === "en" ? /^leaves out 25,000\.00 owed by 3 customers whose credit limit/ : /3 位客户的欠款 25,000\.00$/,
    );
  });

  test("every face says it: the summary sheet under the figure, the command line and --json beside it", () => {
    const left = linesFrom(summary, 0);
    const at = left.indexOf(`${message(lang, "summary.utilisation")}|${40_000 / 100_000}`);
    expect(at).toBeGreaterThanOrEqual(0);
    // Under the figure from the next column on, over as many rows as it wraps to.
    const under: string[] = [];
    for (let i = at + 1; left[i]?.startsWith("|"); i++) under.push(left[i].slice(1));
    // Cut at a space in English; in Chinese a space at the cut is dropped.
    const squeeze = (text: string) => (lang === "en" ? text : text.replace(/ /g, ""));
    expect(squeeze(under.join(lang === "en" ? " " : ""))).toBe(squeeze(leftOut));
    expect(toJson(result, lang, "out.xlsx").portfolio.withoutLimit).toEqual({ amount: 25_000, customers: 3, text: leftOut });
    expect(toTable(result, lang, "out.xlsx")).toContain(
      `${message(lang, "summary.utilisation")}${message(lang, "sep.label")}${message(lang, "sep.aside", { main: "40.0%", aside: leftOut })}`,
    );
  });

  test("in the report (a summary too long for one page) it stands on the figure's row, to its right", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: `C${i}`,
      name: `Name ${i}`,
      factors: [5, 5, 4, 5, i % 7 === 0 ? "bad" : 5],
      extra: [i === 3 ? null : 10_000, 20_000, 5_000, 120],
    }));
    const long = review(many as never, lang);
    expect(long.summary.print?.rowBreaks?.length).toBeGreaterThan(0);
    const text = message(lang, "summary.utilisationLeavesOut", { amount: "20,000.00", count: 1 });
    // In brackets, set apart from the figure it stands beside.
    const aside = lang === "en" ? `(${text})` : `（${text}）`;
    expect(linesFrom(long.summary, 0)).toContain(
      `${message(lang, "summary.utilisation")}|${(39 * 20_000) / (39 * 10_000)}|${aside}`,
    );
  });

  test("a customer on several rows is one customer left out, whichever of its rows has no limit", () => {
    const repeated = review(
      [
        { id: "R", name: "Repeated", factors: [1, 1, 1, 1, 1], extra: [100_000, 40_000, 0, 0] },
        { id: "R", name: "Repeated", factors: [1, 1, 1, 1, 1], extra: [null, 9_000, 0, 0] },
        // A credit balance owes nothing: only the row that owes counts.
        { id: "S", name: "Split", factors: [1, 1, 1, 1, 1], extra: [null, -500, 0, 0] },
        { id: "S", name: "Split", factors: [1, 1, 1, 1, 1], extra: [null, 3_000, 0, 0] },
      ],
      lang,
    );
    expect(repeated.result.portfolio.withoutLimit).toEqual({ amount: 12_000, customers: 2 });
  });

  test("every limit known: nothing said", () => {
    const all = review([{ id: "A", name: "Limited", factors: [1, 1, 1, 1, 1], extra: [100_000, 40_000, 0, 0] }], lang);
    expect(all.result.portfolio.withoutLimit).toEqual({ amount: 0, customers: 0 });
    expect(linesFrom(all.summary, 0).some((l) => l.includes(leftOut.slice(0, 6)))).toBe(false);
  });
});

describe.each(["en", "zh"] as const)("the dashboard sheet (%s)", (lang) => {
  const rows = [
    { id: "B", name: "Over", factors: [2, 2, 2, 2, 2], extra: [10_000, 138_000, 0, 0] },
    { id: "C", name: "Middling", factors: [3, 3, 2, 2, 3], extra: [50_000, 20_000, 0, 0] },
    { id: "D", name: "Late", factors: [1, 2, 1, 2, 1], extra: [60_000, 30_000, 5_000, 30] },
  ];
  const { result, summary } = review(rows, lang);
  const t = (key: Parameters<typeof message>[1]) => message(lang, key);

  test("the headline figures stand under the title, each with its share of the exposure", () => {
    const left = linesFrom(summary, 0);
    expect(left).toContain(`${t("summary.creditLimits")}|120000`);
    expect(left).toContain(`${t("summary.utilisation")}|${188_000 / 120_000}`);
    expect(left).toContain(`${t("summary.overdueAmount")}|5000|${5_000 / 188_000}`);
    expect(left).toContain(`${t("summary.exposureAtRisk")}|168000|${168_000 / 188_000}`);
  });

  test("the portfolio warning says its figure against its threshold", () => {
    const line = linesFrom(summary, 0).find((l) => l.startsWith(`${t("summary.portfolioWarnings")}|`));
    expect(line).toBe(
      `${t("summary.portfolioWarnings")}|` +
        message(lang, "warning.withFigure", {
          title: message(lang, "warning.OVERDUE_SHARE"),
          value: "33.3%",
          side: ">",
          threshold: "10%",
        }),
    );
  });

  test("the top risks name each customer's reason in the words the pane uses, and what to do", () => {
    const right = tableLinesFrom(summary, 5, lang);
    const at = right.indexOf(t("summary.topRisks"));
    const over = result.customers[0];
    const late = result.customers[2];
    const todo = (reason: string, action: "HOLD_ORDERS" | "KEEP_TERMS") =>
      message(lang, "summary.reasonTodo", { reason, actions: message(lang, `summary.do.${action}`) });
    expect(right.slice(at + 2, at + 4)).toEqual([
      `Over|2|138000|1|${message(lang, "grade.low")}|${todo(explainFinding(over.findings[0], over, lang, NO_MARKS), "HOLD_ORDERS")}`,
      `Late|4|30000|0|${message(lang, "grade.low")}|${todo(reasonDetail("OVERDUE", late, lang, result.policy, NO_MARKS), "KEEP_TERMS")}`,
    ]);
    // The medium customer without a warning is not a top risk.
    expect(right.some((line) => line.startsWith("Middling|"))).toBe(false);
  });

  test("the charts stand above the top risks, side by side, clear of every table", () => {
    const topRisksRow = summary.blocks.find((b) => b.values[0][0] === t("summary.topRisks"))!.row;
    for (const chart of summary.charts!) expect(chart.place.row + chart.place.rows).toBeLessThan(topRisksRow);
    const covered = (r: number, c: number) =>
      summary.charts!.some(
        (ch) =>
          r >= ch.place.row && r < ch.place.row + ch.place.rows && c >= ch.place.column && c < ch.place.column + ch.place.columns,
      );
    for (const b of summary.blocks)
      b.values.forEach((line, r) => line.forEach((v, c) => expect(v !== null && covered(b.row + r, b.column + c)).toBe(false)));
  });
});

test.each(["en", "zh"] as const)(
  "the customers with problems are capped, the rest pointed to the Review issues column (%s)",
  (lang) => {
    const broken = Array.from({ length: SHOWN_PROBLEMS + 3 }, (_, i) => ({
      id: `X${i}`,
      name: `Broken ${i}`,
      factors: [1, "bad", 1, 1, 1] as (number | string)[],
      extra: [1_000, 100, 0, 0],
    }));
    const { summary } = review(broken, lang);
    const right = tableLinesFrom(summary, 5, lang);
    expect(right.filter((line) => line.startsWith("Broken "))).toHaveLength(SHOWN_PROBLEMS);
    expect(right).toContain(message(lang, "summary.moreProblems", { count: 3, column: OUTPUT_HEADERS.issues[lang] }));
  },
);

test("each problem is named by the cell to go to, the ledger's with its sheet; the text says what is wrong there", () => {
  const values = customerSheet(EXTRA, [{ id: "X1", name: "Broken", factors: [1, "bad", 1, 1, 1], extra: [1_000, 100, 0, 0] }]);
  const ledger = [
    ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
    ["X2", "INV-1", null, 700, null],
  ];
  const rows = [...values, ["X2", "Late Ledger", 1, 1, 1, 1, 1, 5_000, 700, null, null]];
  const result = runReview({
    sheetName: "Customers",
    values: rows,
    asOf,
    policy: DEFAULT_POLICY,
    ledger: { sheetName: "Open items", values: ledger },
  });
  const summary = buildWritePlan(result, "en", { sheetNames: [] }).sheets[0];
  const right = tableLinesFrom(summary, 5);
  // Under the customer tables' header: each problem's customer with its exposure, warnings and grade.
  expect(right).toContain("Customer|Row|Exposure|Warnings|Risk grade|Problem");
  expect(right).toContain(
    'Broken|2|100|0|Data error|D2 (Contract performance): contract performance must be a number from 1 to 5, got "bad"',
  );
  // Its second problem under its first: its figures once, not read as a second exposure.
  expect(right).toContain(
    "Broken|2||||I2 (Outstanding balance): the balance 100.00 differs from the open amount 0.00 on the invoice ledger (Open items); exposure uses the balance",
  );
  expect(right.find((line) => line.startsWith("Late Ledger|"))).toBe(
    "Late Ledger|3|700|0|Low|'Open items'!C2 (Due date): overdue figures and Overdue over 90 days check not computed: due date is blank but 700.00 is still open",
  );
});

test.each([
  ["en", "Customer 0 (Low → High)", "and 2 more"],
  ["zh", "Customer 0（低 → 高）", "另有 2 位"],
] as const)("the customers whose grade got riskier: five by name, then how many more (%s)", (lang, first, more) => {
  const moves = Array.from({ length: 7 }, (_, i) => ({
    id: `C${i}`,
    name: `Customer ${i}`,
    previousGrade: "low" as const,
    grade: "high" as const,
    fromPolicy: false,
  }));
  const lines = movedLines(moves, lang);
  expect(lines).toHaveLength(6);
  expect([lines[0], lines[5]]).toEqual([first, more]);
  expect(movedLines(moves.slice(0, 2), lang)).toHaveLength(2);
});

test("a top risk with several warnings is listed for its most serious: overdue over 90 days before over the limit", () => {
  const { result } = review([{ id: "A", name: "Both", factors: [2, 2, 2, 2, 2], extra: [10_000, 50_000, 20_000, 120] }]);
  expect(result.customers[0].findings.map((f) => f.code).sort()).toEqual(["OVERDUE_90", "OVER_LIMIT"]);
  expect(result.portfolio.topRisks.map((r) => r.reason)).toEqual(["OVERDUE_90"]);
});

test("totals read as on paper: balances of 0.1 and 0.2 make 0.3, not 0.30000000000000004, in the exposure, at risk, by grade and overdue", () => {
  const { result } = review([
    { id: "A", name: "Tenth", factors: [1, 1, 1, 1, 1], extra: [1, 0.1, 0.1, 5] },
    { id: "B", name: "Fifth", factors: [1, 1, 1, 1, 1], extra: [1, 0.2, 0.2, 5] },
  ]);
  const p = result.portfolio;
  expect(0.1 + 0.2).not.toBe(0.3);
  expect([p.exposure, p.exposureAtRisk, p.exposureByGrade!.low, p.overdueAmount, p.utilisation]).toEqual([
    0.3, 0.3, 0.3, 0.3, 0.15,
  ]);
});

describe("what the committee decides", () => {
  const HEADERS = [...EXTRA, "Negative news date"];
  /** Ten customers over their limits with larger balances (their orders held), and a high-risk one with fresh news, 114 days late, the eleventh by balance. */
  function committee(lang: Lang) {
    const over = Array.from({ length: 10 }, (_, i) => ({
      id: `O${i}`,
      name: `Over ${i}`,
      factors: [2, 2, 2, 2, 2],
      extra: [10_000, 200_000 - i * 1_000, 0, 0, null],
    }));
    const news = {
      id: "N1",
      name: "Fresh News",
      factors: [4, 4, 4, 4, 4],
      extra: [540_000, 100_000, 40_000, 114, asOf - 10],
    };
    const result = runReview(
      { sheetName: "Customers", values: customerSheet(HEADERS, [...over, news]), asOf, policy: DEFAULT_POLICY },
      lang,
    );
    return { result, summary: buildWritePlan(result, lang, { sheetNames: [] }).sheets[0] };
  }

  test.each(["en", "zh"] as const)(
    "a customer to re-assess now, eleventh by balance, is listed with its limit cut old → new beyond the top risks (%s)",
    (lang) => {
      const { result, summary } = committee(lang);
      const fresh = result.customers.find((c) => c.name === "Fresh News")!;
      expect(fresh.actions.map((a) => a.code)).toEqual([
        "PREPAYMENT",
        "RESTRICT_LIMIT",
        "GUARANTEE",
        "ESCALATE_COLLECTION",
        "REASSESS",
      ]);
      expect(result.portfolio.topRisks.map((r) => r.name)).not.toContain("Fresh News");
      const lines = tableLinesFrom(summary, 5, lang);
      const at = lines.indexOf(message(lang, "summary.decisions"));
      expect(at).toBeGreaterThan(lines.indexOf(message(lang, "summary.topRisks")));
      const sep = message(lang, "sep.items");
      const actions = [
        message(lang, "summary.do.PREPAYMENT"),
        message(lang, "summary.limitChange", { limits: "540,000.00 → 270,000.00" }),
        message(lang, "summary.do.GUARANTEE"),
        message(lang, "summary.do.ESCALATE_COLLECTION"),
        message(lang, "summary.do.REASSESS"),
      ].join(sep);
      expect(lines.slice(at + 1, at + 3)).toEqual([
        [
          FIELD_LABELS.name[lang],
          message(lang, "summary.row"),
          message(lang, "summary.gradeExposure"),
          message(lang, "summary.warningCount"),
          OUTPUT_HEADERS.grade[lang],
          message(lang, "summary.decision"),
        ].join("|"),
        `Fresh News|12|100000|${fresh.findings.length}|${message(lang, "grade.high")}|${actions}`,
      ]);
    },
  );

  test("each top risk says what to do, a limit restricted as its figures old → new", () => {
    const { summary } = committee("en");
    const lines = tableLinesFrom(summary, 5);
    expect(lines.find((l) => l.startsWith("Over 0|"))).toBe(
      "Over 0|2|200000|1|Low|Outstanding balance 200,000.00 is above the credit limit 10,000.00. To do: hold new orders",
    );
  });

  test("beyond the top risks, the decisions stop at eight and say how many more, pointing to the Recommendation column", () => {
    const many = Array.from({ length: 10 + SHOWN_DECISIONS + 2 }, (_, i) => ({
      id: `H${i}`,
      name: `High ${i}`,
      factors: [4, 4, 4, 4, 4],
      extra: [100_000, 90_000 - i * 1_000, 0, 0, null],
    }));
    const result = runReview({
      sheetName: "Customers",
      values: customerSheet(HEADERS, many),
      asOf,
      policy: DEFAULT_POLICY,
    });
    const lines = tableLinesFrom(buildWritePlan(result, "en", { sheetNames: [] }).sheets[0], 5);
    const at = lines.indexOf(message("en", "summary.decisions"));
    // The eleventh largest balance first: the ten before it are the top risks, each with its own.
    expect(lines[at + 2]).toMatch(/^High 10\|12\|80000\|0\|High\|prepayment; limit 100,000\.00 → 50,000\.00; /);
    expect(lines.slice(at + 2, at + 2 + SHOWN_DECISIONS + 1).filter((l) => l.startsWith("High "))).toHaveLength(SHOWN_DECISIONS);
    expect(lines[at + 2 + SHOWN_DECISIONS]).toBe(
      message("en", "summary.moreDecisions", { count: 2, column: OUTPUT_HEADERS.recommendation.en, sheet: "Customers" }),
    );
  });

  test.each(["en", "zh"] as const)(
    "a customer needing only collection, beyond the top risks, is named with what to do (%s)",
    (lang) => {
      // Ten High customers with larger balances fill the top risks; a Medium one 141 days late needs collection only.
      const highs = Array.from({ length: 10 }, (_, i) => ({
        id: `H${i}`,
        name: `High ${i}`,
        factors: [4, 4, 4, 4, 4],
        extra: [400_000, 300_000 - i * 1_000, 0, 0],
      }));
      const coho = { id: "C", name: "Coho Winery", factors: [3, 3, 3, 3, 3], extra: [170_000, 68_000, 68_000, 141] };
      const { result, summary } = review([...highs, coho], lang);
      const c = result.customers.find((x) => x.name === "Coho Winery")!;
      expect(c.actions.map((a) => a.code)).toEqual(["ESCALATE_COLLECTION"]);
      expect(result.portfolio.topRisks.map((r) => r.name)).not.toContain("Coho Winery");
      const lines = tableLinesFrom(summary, 5, lang);
      const at = lines.indexOf(message(lang, "summary.decisions"));
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 2]).toBe(
        `Coho Winery|12|68000|${c.findings.length}|${message(lang, "grade.medium")}|${message(lang, "summary.do.ESCALATE_COLLECTION")}`,
      );
    },
  );

  test("none beyond the top risks is said on the title's line", () => {
    const { summary } = review([{ id: "B", name: "Over", factors: [2, 2, 2, 2, 2], extra: [10_000, 138_000, 0, 0] }]);
    expect(linesFrom(summary, 5)).toContain(`${message("en", "summary.decisions")}: ${message("en", "summary.none")}`);
  });
});

describe("what the totals leave out", () => {
  test("the grade chart has a bar for the customers not graded, so its bars add up to the total exposure", () => {
    const { result, summary } = review([
      { id: "A", name: "Calm", factors: [1, 1, 1, 1, 1], extra: [100_000, 40_000, 0, 0] },
      { id: "F", name: "Broken", factors: [1, "bad", 1, 1, 1], extra: [20_000, 10_000, 0, 0] },
    ]);
    const chart = summary.charts!.find((c) => c.title === message("en", "summary.exposureChart"))!;
    const cell = (row: number, column: number) =>
      summary.blocks.flatMap((b) =>
        b.row <= row && row < b.row + b.values.length && b.column <= column && column < b.column + b.formats.length
          ? [b.values[row - b.row][column - b.column]]
          : [],
      )[0];
    const bars = Array.from({ length: chart.values.rows }, (_, i) => [
      cell(chart.categories.row + i, chart.categories.column),
      cell(chart.values.row + i, chart.values.column),
    ]);
    expect(bars).toEqual([
      ["Low", 40_000],
      ["Medium", 0],
      ["High", 0],
      ["Not graded (data errors)", 10_000],
    ]);
    expect(bars.reduce((sum, [, v]) => sum + (v as number), 0)).toBe(result.portfolio.exposure);
  });

  test("the aging names the customer whose ledger rows cannot be aged, and its balance the total leaves out", () => {
    const values = customerSheet(EXTRA, [
      { id: "X1", name: "Aged", extra: [100_000, 5_000, null, null] },
      { id: "X2", name: "Undated", extra: [100_000, 38_000, null, null] },
    ]);
    const ledger = [
      ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
      ["X1", "INV-1", asOf - 40, 5_000, null],
      ["X2", "INV-2", null, 38_000, null],
    ];
    const result = runReview({
      sheetName: "Customers",
      values,
      asOf,
      policy: DEFAULT_POLICY,
      ledger: { sheetName: "Invoices", values: ledger },
    });
    const left = linesFrom(buildWritePlan(result, "en", { sheetNames: [] }).sheets[0], 0).map((l) =>
      l.split("|").slice(0, 2).join("|"),
    );
    const total = left.indexOf("Total|5000");
    expect(total).toBeGreaterThan(0);
    expect(left.slice(total + 1, total + 3)).toEqual([
      `${message("en", "summary.notAged")}|38000`,
      message("en", "summary.notAgedWho", { customers: "1 (Undated)", problems: message("en", "summary.problems") }),
    ]);
  });
});

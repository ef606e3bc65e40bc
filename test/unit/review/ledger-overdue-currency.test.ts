/**
 * A customer's overdue amount taken from an invoice ledger is in its invoices' currency, which
 * need not be its row's (its balance and limit). The archive records that currency where it is
 * another than the row's, so the trend and what changed read month 1's overdue amounts in it; and
 * every face marks the overdue amount and aging with it where the portfolio's amounts are in two.
 * Each month is reviewed and archived as the command line and the pane do it (review-cycle).
 */
import { toJson, toTable } from "../../../src/cli/report";
import { CellValue } from "../../../src/engine/cells";
import { ARCHIVE_FIELDS, readArchive } from "../../../src/engine/review/archive";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { ReviewResult, runReview } from "../../../src/engine/review/review";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { amountMarks } from "../../../src/engine/review/total-currencies";
import { customerAmountText } from "../../../src/engine/review/texts";
import { summarySheetPlan } from "../../../src/engine/review/summary-sheet";
import { trendCurrenciesLine, trendGapLines } from "../../../src/engine/review/trend";
import { CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const NOV = serial("2026-11-30");
const DEC = serial("2026-12-31");
const UNIT_AT = ARCHIVE_FIELDS.indexOf("unit");
const OVERDUE_UNIT_AT = ARCHIVE_FIELDS.indexOf("overdueUnit");

/** Acme's balance typed in euros, Beta's plain: the rows' amounts are in euros, or name none. */
const rows = (acmeBalance: CellValue = "EUR 540,000") =>
  customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { id: "C1", name: "Acme", extra: [600000, acmeBalance] },
      { id: "C2", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [500000, 423000] },
    ],
  );

/** Each customer's invoices overdue on both review dates, in the currencies named (Acme's, Beta's). */
const ledger = (acme: string, beta: string): CellValue[][] => [
  ["Customer ID", "Invoice", "Due date", "Amount", "Paid", "Currency"],
  ["C1", "INV-1", "2026-09-30", 540000, 0, acme],
  ["C2", "INV-2", "2026-10-15", 423000, 0, beta],
];

/** Month 1 reviewed and archived, then month 2 over its workbook (the ledger `later` by then, when given). */
function twoMonths(
  customers: CellValue[][],
  invoices: CellValue[][],
  later: CellValue[][] = invoices,
): { first: ReviewResult; second: ReviewResult; archive: CycleWorkbook["archive"] } {
  const one = reviewWorkbook({ customers, ledger: invoices }, NOV);
  const two = reviewWorkbook({ ...one.workbook, ledger: later }, DEC);
  return { first: one.result, second: two.result, archive: one.workbook.archive };
}

describe("a ledger in US dollars, the rows' balances in euros (or naming none)", () => {
  const { first, second, archive } = twoMonths(rows(), ledger("USD", "USD"));

  test("month 1 adds its overdue amounts up, all in US dollars, and the archive says they are", () => {
    expect(first.portfolio.overdueAmount).toBe(963_000);
    expect(first.portfolio.twoCurrencies?.overdueAmount).toBeUndefined();
    const entries = readArchive(archive!)!.entries;
    expect(entries.map((e) => [e.name, e.line[UNIT_AT], e.line[OVERDUE_UNIT_AT]])).toEqual([
      ["Acme", "EUR", "USD"],
      ["Beta", null, "USD"],
    ]);
    expect(entries.map((e) => [e.unit?.currency, e.overdueUnit?.currency])).toEqual([
      ["EUR", "USD"],
      [undefined, "USD"],
    ]);
  });

  test("month 2's trend shows month 1's overdue amount as month 1 printed it, and what changed compares it", () => {
    const [then, now] = second.trend;
    expect(then.overdueAmount).toBe(963_000);
    expect(then.notAdded?.overdueAmount).toBeUndefined();
    expect(now.overdueAmount).toBe(963_000);
    expect(trendGapLines(second.trend, second, "en")).toEqual([]);
    expect(second.changes?.overdue).toEqual({ then: 963_000, now: 963_000 });
    expect(second.changes!.customers.map((c) => c.previousOverdue)).toEqual([540_000, 423_000]);
  });

  test("each customer's overdue amount and aging are marked with the ledger's currency, its balance with its row's", () => {
    const marks = amountMarks(second);
    const acme = second.customers[0];
    expect(customerAmountText(acme.overdueAmount!, acme, "overdueAmount", marks, "en")).toBe("USD 540,000.00");
    // Its limit beside it says euros, so USD 540,000.00 overdue is not read against a limit in dollars.
    expect(customerAmountText(acme.creditLimit!, acme, "creditLimit", marks, "en")).toBe("EUR 600,000.00");
    // 92 days past due by December: the 91+ bucket.
    expect(customerAmountText(acme.aging![4], acme, "overdueAmount", marks, "zh")).toBe("USD 540,000.00");
    const json = toJson(second, "en").customers;
    expect(json.map((c) => [c.currency, c.overdueCurrency])).toEqual([
      ["EUR", "USD"],
      [null, "USD"],
    ]);
    const printed = toTable(second, "en", "out.xlsx");
    expect(printed).toContain("USD 540,000.00");
    expect(printed).toContain("USD 423,000.00");
  });

  test("an overdue amount that grew is listed with its invoices' currency, then and now, in both languages", () => {
    const grown = [...ledger("USD", "USD"), ["C1", "INV-3", "2026-11-15", 60000, 0, "USD"]];
    const { second: later } = twoMonths(rows(), ledger("USD", "USD"), grown);
    expect(toTable(later, "en", "out.xlsx")).toContain("Acme USD 540,000.00 → USD 600,000.00");
    expect(toTable(later, "zh", "out.xlsx")).toContain("Acme USD 540,000.00 → USD 600,000.00");
  });

  test("a ledger in the rows' own currency: nothing more recorded, nothing marked", () => {
    const { second: euros, archive: eurosArchive } = twoMonths(rows(), ledger("EUR", "EUR"));
    expect(readArchive(eurosArchive!)!.entries.map((e) => e.line[OVERDUE_UNIT_AT])).toEqual([null, "EUR"]);
    expect(euros.trend[0].overdueAmount).toBe(963_000);
    expect(amountMarks(euros).marked.has("overdueAmount")).toBe(false);
    expect(toJson(euros, "en").customers.map((c) => c.overdueCurrency)).toEqual(["EUR", "EUR"]);
  });
});

describe("the reverse: rows in euros, the ledger billing one customer in US dollars and the other in euros", () => {
  const { first, second } = twoMonths(rows(), ledger("USD", "EUR"));

  test("month 1 adds no overdue amount up, and month 2's trend does not either, saying which currencies", () => {
    expect(first.portfolio.overdueAmount).toBeUndefined();
    const [then] = second.trend;
    expect(then.overdueAmount).toBeUndefined();
    expect(then.notAdded?.overdueAmount).toEqual({
      kind: "twoCurrencies",
      amounts: {
        first: { amounts: "overdueAmounts", currency: "USD", row: 2, customer: "Acme" },
        second: { amounts: "overdueAmounts", currency: "EUR", row: 3, customer: "Beta" },
      },
    });
    expect(second.changes?.overdue).toBeUndefined();
    // Each customer's own, in one currency then and now, is compared.
    expect(second.changes!.customers.map((c) => c.previousOverdue)).toEqual([540_000, 423_000]);
  });

  test("a customer whose invoices moved from US dollars to euros: its overdue then is not compared, nor month 1's total", () => {
    const { second: moved } = twoMonths(rows(), ledger("USD", "USD"), ledger("EUR", "EUR"));
    expect(moved.trend[0].notAdded?.overdueAmount).toMatchObject({ kind: "otherCurrency", trendCurrency: "EUR" });
    expect(moved.changes!.customers.map((c) => c.previousOverdue)).toEqual([undefined, undefined]);
    expect(trendGapLines(moved.trend, moved, "en")).toEqual([
      'Overdue amount on 2026-11-30: n/a (in USD, e.g. customer "Acme", and this review\'s amounts in EUR; no rate is known to convert them)',
    ]);
  });
});

test("an archive written before the overdue amount's own unit was kept is read as before: in its row's unit", () => {
  const { archive } = twoMonths(rows(), ledger("EUR", "EUR"));
  const without = archive!.map((line) => line.filter((_, i) => i !== OVERDUE_UNIT_AT));
  const entries = readArchive(without)!.entries;
  expect(readArchive(without)!.current).toBe(false);
  expect(entries.map((e) => [e.unit?.label, e.overdueUnit?.label])).toEqual([
    ["EUR", "EUR"],
    [undefined, undefined],
  ]);
});

test("balances in two currencies and a ledger in one: the overdue amount a reason quotes says its currency beside the balance's", () => {
  // Acme's row in euros (its balance), Beta's in US dollars (its limit); both billed in US dollars.
  const twoRows = customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { id: "C1", name: "Acme", extra: [600000, "EUR 540,000"] },
      { id: "C2", name: "Beta", factors: [4, 4, 4, 4, 4], extra: ["USD 500,000", 423000] },
    ],
  );
  const { first } = twoMonths(twoRows, ledger("USD", "USD"));
  expect(first.portfolio.twoCurrencies?.exposure).toBeDefined();
  expect(first.portfolio.twoCurrencies?.overdueAmount).toBeUndefined();
  expect(amountMarks(first).marked.has("overdueAmount")).toBe(true);
  const printed = toTable(first, "en", "out.xlsx");
  expect(printed).toMatch(/Acme +EUR 540,000\.00 +USD 540,000\.00 is overdue/);
  expect(toTable(first, "zh", "out.xlsx")).toMatch(/Acme +EUR 540,000\.00 +逾期金额 USD 540,000\.00/);
});

test("the overdue amount's own unit stands right of the hidden output check, printed when a review fills it", () => {
  const { archivePrintArea, archiveColumns } = reviewWorkbook({ customers: rows(), ledger: ledger("USD", "USD") }, NOV);
  expect(OVERDUE_UNIT_AT).toBe(ARCHIVE_FIELDS.indexOf("outputCheck") + 1);
  expect(archivePrintArea!.columns).toBe(OVERDUE_UNIT_AT + 1);
  expect(archiveColumns!.filter((c) => c.hidden).map((c) => c.column)).toEqual([ARCHIVE_FIELDS.indexOf("outputCheck")]);
});

describe("the overdue amount's own unit is sent only where a row fills it, or held it before", () => {
  /** The widths of the archive's blocks of customer rows (below its header), as the plan writes them. */
  const rowBlockWidths = (workbook: CycleWorkbook, asOf: number) => {
    const ledgerSheet = workbook.ledger && { sheetName: "Invoices", values: workbook.ledger };
    const result = runReview({
      sheetName: "Customers",
      values: workbook.customers,
      asOf,
      policy: DEFAULT_POLICY,
      archive: workbook.archive,
      ledger: ledgerSheet,
    });
    const plan = buildWritePlan(result, "en", { sheetNames: ["Customers"], archiveValues: workbook.archive });
    const archive = plan.sheets.find((s) => s.kind === "archive")!;
    return archive.blocks.filter((b) => !b.bold).map((b) => b.column + Math.max(...b.values.map((line) => line.length)));
  };

  test("a review that fills it for no row sends no blank column for it", () => {
    expect(Math.max(...rowBlockWidths({ customers: rows() }, NOV))).toBe(OVERDUE_UNIT_AT);
    expect(Math.max(...rowBlockWidths({ customers: rows(), ledger: ledger("USD", "USD") }, NOV))).toBe(OVERDUE_UNIT_AT + 1);
  });

  test("a re-run that fills it for no row blanks what the run it replaces wrote there", () => {
    const one = reviewWorkbook({ customers: rows(), ledger: ledger("USD", "USD") }, NOV);
    expect(readArchive(one.workbook.archive!)!.entries.map((e) => e.line[OVERDUE_UNIT_AT])).toEqual(["USD", "USD"]);
    const again = { customers: one.workbook.customers, archive: one.workbook.archive };
    expect(Math.max(...rowBlockWidths(again, NOV))).toBe(OVERDUE_UNIT_AT + 1);
    const rerun = reviewWorkbook(again, NOV);
    expect(readArchive(rerun.workbook.archive!)!.entries.map((e) => [e.name, e.line[OVERDUE_UNIT_AT] ?? null])).toEqual([
      ["Acme", null],
      ["Beta", null],
    ]);
  });
});

describe("a ledger customer paid off since the last review: its overdue amount then and now in the currency it owed", () => {
  // Beta's invoice paid by December: no open invoice names its currency any more.
  const paid = [...ledger("USD", "USD"), ["C2", "INV-2", "2026-10-15", 423000, 423000, "USD"]].filter((line, i) => i !== 2);

  test("month 2 compares Beta's drop in US dollars, though its row names euros, and the change carries the currency", () => {
    const eurRows = customerSheet(
      ["Credit limit", "Outstanding balance"],
      [
        { id: "C1", name: "Acme", extra: [600000, "EUR 540,000"] },
        { id: "C2", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [500000, "EUR 423,000"] },
      ],
    );
    const { second } = twoMonths(eurRows, ledger("USD", "USD"), paid);
    const beta = second.changes!.customers[1];
    expect([beta.previousOverdue, beta.overdueCurrency]).toEqual([423_000, "USD"]);
    expect(toTable(second, "en", "out.xlsx")).toContain("Beta USD 423,000.00 → USD 0.00");
    expect(toTable(second, "zh", "out.xlsx")).toContain("Beta USD 423,000.00 → USD 0.00");
  });

  test("a plain row: the move is said in US dollars beside Acme's, in the list, the details and the JSON", () => {
    const grown = [...paid, ["C1", "INV-3", "2026-11-15", 60000, 0, "USD"]];
    const { second } = twoMonths(rows(), ledger("USD", "USD"), grown);
    for (const lang of ["en", "zh"] as const) {
      const printed = toTable(second, lang, "out.xlsx");
      expect(printed).toContain("Acme USD 540,000.00 → USD 600,000.00");
      expect(printed).toContain("Beta USD 423,000.00 → USD 0.00");
    }
    const changes = toJson(second, "en").changes!;
    expect(changes.overdueMoves.fell.map((m) => [m.name, m.from, m.to, m.currency])).toEqual([["Beta", 423_000, 0, "USD"]]);
    expect(changes.overdueMoves.grew.map((m) => [m.name, m.currency])).toEqual([["Acme", "USD"]]);
    expect(changes.customers.map((c) => c.overdueCurrency)).toEqual(["USD", "USD"]);
  });
});

describe.each([
  ["en", "Amounts in: Exposure, At risk EUR; Overdue amount USD", "Amounts in", "Exposure, At risk EUR; Overdue amount USD"],
  ["zh", "金额单位：风险敞口、风险客户敞口 EUR；逾期金额 USD", "金额单位", "风险敞口、风险客户敞口 EUR；逾期金额 USD"],
] as const)("the trend's amounts beside totals that say their currencies (%s)", (lang, line, label, text) => {
  const { second } = twoMonths(rows(), ledger("USD", "USD"));

  test("the printed report says each trend amount's currency once, under the table", () => {
    expect(trendCurrenciesLine(second.portfolio, lang)).toBe(line);
    const printed = toTable(second, lang, "out.xlsx").split("\n");
    const at = printed.indexOf(line);
    expect(at).toBeGreaterThan(0);
    // Right under the table's last review.
    expect(printed[at - 1]).toMatch(/963,000\.00 +2 +1 +1$/);
  });

  test("the JSON names them beside the trend's figures, which stay numbers", () => {
    const json = toJson(second, lang);
    expect(json.trendCurrencies).toEqual({ exposure: "EUR", exposureAtRisk: "EUR", overdueAmount: "USD" });
    expect(json.trend.map((r) => r.overdueAmount)).toEqual([963_000, 963_000]);
  });

  test("the summary sheet keeps the trend's figures for its chart and says their currencies under it", () => {
    const cells = summarySheetPlan(second, "Summary", lang).blocks.flatMap((b) =>
      b.values.map((values, r) => ({ row: b.row + r, column: b.column, values })),
    );
    const labelAt = cells.filter((c) => c.values[0] === label);
    const notes = labelAt.map((c) => cells.find((o) => o.row === c.row && o.column === c.column + 1)?.values[0]);
    expect(notes).toContain(text);
  });
});

test("one currency: the trend says none, in the printed report, the JSON and the summary sheet", () => {
  const { second } = twoMonths(rows(), ledger("EUR", "EUR"));
  expect(second.portfolio.totalCurrencies).toBeUndefined();
  expect(trendCurrenciesLine(second.portfolio, "en")).toBeUndefined();
  expect(toTable(second, "en", "out.xlsx")).not.toContain("Amounts in");
  expect("trendCurrencies" in toJson(second, "en")).toBe(false);
});

test("a balance kept in euros is not set against open invoices billed in US dollars; in one currency the difference is noted", () => {
  const balances = (acme: CellValue) =>
    customerSheet(["Credit limit", "Outstanding balance"], [{ id: "C1", name: "Acme", extra: [600000, acme] }]);
  const invoices = (currency: string): CellValue[][] => [
    ["Customer ID", "Invoice", "Due date", "Amount", "Paid", "Currency"],
    ["C1", "INV-1", "2026-09-30", 540000, 0, currency],
  ];
  const noteKeys = (r: ReviewResult) => r.customers[0].notes.map((n) => n.reason.key);
  expect(noteKeys(reviewWorkbook({ customers: balances("EUR 400,000"), ledger: invoices("USD") }, NOV).result)).not.toContain(
    "note.ledgerMismatch",
  );
  expect(noteKeys(reviewWorkbook({ customers: balances("EUR 400,000"), ledger: invoices("EUR") }, NOV).result)).toContain(
    "note.ledgerMismatch",
  );
});

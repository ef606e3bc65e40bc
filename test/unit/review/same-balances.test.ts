/**
 * A customer sheet left as it was since the last review: every balance the one that review
 * archived. The month then reads as nothing paid and everything a month more overdue, so the
 * review says so first, in every face (the summary, the printed report, --json, the pane).
 */
import { toJson, toTable } from "../../../src/cli/report";
import { dateText, message } from "../../../src/engine/i18n";
import { SAME_BALANCES_LEAST, SAME_BALANCES_SHARE } from "../../../src/engine/review/changes";
import type { ReviewResult } from "../../../src/engine/review/review";
import { summaryLineRows } from "../../../src/engine/review/summary-sheet";
import { headlineSameBalancesText, sameBalancesText } from "../../../src/engine/review/texts";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const OCT = serial("2026-10-31");
const NOV = serial("2026-11-30");

/** `count` customers, each balance from `balance(i)`. */
function sheet(count: number, balance: (i: number) => number | null) {
  return customerSheet(
    ["Credit limit", "Outstanding balance"],
    Array.from({ length: count }, (_, i) => ({
      id: `C${i + 1}`,
      name: `Customer ${i + 1}`,
      factors: [2, 2, 2, 2, 2],
      extra: [100_000, balance(i)],
    })),
  );
}

/** October reviewed on `october`, then November on `november` over what October wrote. */
function twoMonths(
  october: ReturnType<typeof sheet>,
  november: ReturnType<typeof sheet>,
  lang: "en" | "zh" = "en",
): ReviewResult {
  let workbook: CycleWorkbook = { customers: october };
  ({ workbook } = reviewWorkbook(workbook, OCT, lang));
  return reviewWorkbook({ ...workbook, customers: november }, NOV, lang).result;
}

const balanceOf = (i: number) => 10_000 + 1_000 * i;

describe("every balance as at the last review", () => {
  const result = twoMonths(sheet(6, balanceOf), sheet(6, balanceOf));

  test("is counted, and said first under what changed, naming the review", () => {
    expect(result.changes!.sameBalances).toEqual({ unchanged: 6, compared: 6 });
    const text = sameBalancesText(result.changes!, "en")!;
    expect(text).toContain("Every balance (6 customers) is the same as at the review of 2026-10-31");
    expect(sameBalancesText(result.changes!, "zh")).toContain(`全部余额（6 位客户）与 ${dateText(OCT, "zh")}审查时完全相同`);
    // The summary: right under the changes' title, in bold, wrapped one line a row (bold is wider).
    const summary = buildWritePlan(result, "en", { sheetNames: [] }).sheets[0];
    const title = summary.blocks.find((b) => b.values[0]?.[0] === message("en", "changes.title", { date: "2026-10-31" }))!;
    const rows = summaryLineRows(text, 0, true);
    expect(rows.length).toBeGreaterThan(1);
    rows.forEach((line, i) =>
      expect(summary.blocks.find((b) => b.row === title.row + 1 + i && b.column === title.column)).toMatchObject({
        values: [[line]],
        bold: true,
      }),
    );
    // --json: the count and the text. The printed report, read top to bottom, says it once, above
    // the headline's figures (below), not again under what changed.
    expect(toJson(result, "en").changes!.sameBalances).toEqual({ customers: 6, compared: 6, text });
    const printed = toTable(result, "en", "out.xlsx");
    expect(printed.split("\n").filter((line) => line.startsWith("Every balance (6 customers)"))).toHaveLength(1);
    expect(printed).not.toContain(text);
  });

  test("is said in short on the first page too, under the overdue figures it casts doubt on", () => {
    const short = headlineSameBalancesText(result.changes, "en")!;
    expect(short).toBe(
      "Every balance (6 customers) is the same as at the review of 2026-10-31: check that the customer sheet holds this period's balances before reading the figures below. A balance not brought up to date reads as nothing paid, and everything overdue a period longer.",
    );
    expect(headlineSameBalancesText(result.changes, "zh")).toBe(
      `全部余额（6 位客户）与 ${dateText(OCT, "zh")}审查时完全相同：请先确认客户表已更新为本期数据，再看下面的数字（未更新的余额会显得分文未付、逾期又长了一期）。`,
    );
    // The summary: in bold, right under the as-of date, above the figures it casts doubt on.
    const summary = buildWritePlan(result, "en", { sheetNames: [] }).sheets[0];
    const asOf = summary.blocks.find((b) => b.values[0]?.[0] === message("en", "summary.asOf"))!;
    const changesTitle = summary.blocks.find((b) => b.values[0]?.[0] === message("en", "changes.title", { date: "2026-10-31" }))!;
    const rows = summaryLineRows(short, 0, true);
    rows.forEach((line, i) =>
      expect(summary.blocks.find((b) => b.row === asOf.row + 1 + i && b.column === asOf.column)).toMatchObject({
        values: [[line]],
        bold: true,
      }),
    );
    expect(asOf.row + rows.length).toBeLessThan(changesTitle.row);
    // The terminal: under its heading, above the customers table and every figure after it.
    const lines = toTable(result, "en", "out.xlsx").split("\n");
    expect(lines[1]).toBe(short);
    expect(lines[2]).toMatch(/^ {2}Row Customer/);
  });
});

test.each([
  ["one balance moved", sheet(6, balanceOf), sheet(6, (i) => balanceOf(i) + (i === 3 ? 500 : 0))],
  [
    `fewer than ${SAME_BALANCES_LEAST} customers`,
    sheet(SAME_BALANCES_LEAST - 1, balanceOf),
    sheet(SAME_BALANCES_LEAST - 1, balanceOf),
  ],
] as const)("not said when %s", (_case, october, november) => {
  const result = twoMonths(october, november);
  expect(result.changes!.previousReview).toBe(OCT);
  expect(result.changes!.sameBalances).toBeUndefined();
  expect(sameBalancesText(result.changes!, "en")).toBeUndefined();
  expect(headlineSameBalancesText(result.changes, "en")).toBeUndefined();
  expect(toJson(result, "en").changes!.sameBalances).toBeNull();
});

test("a customer whose balance is not known now is not compared: the others still tell", () => {
  const result = twoMonths(
    sheet(7, balanceOf),
    sheet(7, (i) => (i === 0 ? null : balanceOf(i))),
  );
  expect(result.changes!.sameBalances).toEqual({ unchanged: 6, compared: 6 });
});

describe(`a sheet refreshed for a few customers only (at least ${SAME_BALANCES_SHARE * 100}% of balances unchanged)`, () => {
  /** Ten customers, the first `moved` of them with a new balance in November. */
  const partly = (moved: number, lang: "en" | "zh" = "en") =>
    twoMonths(
      sheet(10, balanceOf),
      sheet(10, (i) => balanceOf(i) + (i < moved ? 500 : 0)),
      lang,
    );

  test("one moved of ten (90%, on the line): the count and the share are said, in every face", () => {
    const result = partly(1);
    expect(result.changes!.sameBalances).toEqual({ unchanged: 9, compared: 10 });
    const text = sameBalancesText(result.changes!, "en")!;
    expect(text).toBe(
      "9 of 10 balances (90.0%) are the same as at the review of 2026-10-31: check that the customer sheet holds this period's figures for every customer. A balance not brought up to date reads as nothing paid, and everything overdue a period longer.",
    );
    expect(toJson(result, "en").changes!.sameBalances).toEqual({ customers: 9, compared: 10, text });
    const short = headlineSameBalancesText(result.changes, "en");
    expect(short).toBe(
      "9 of 10 balances (90.0%) are the same as at the review of 2026-10-31: check that the customer sheet holds this period's balances before reading the figures below. A balance not brought up to date reads as nothing paid, and everything overdue a period longer.",
    );
    // The printed report: once, above its totals.
    const lines = toTable(result, "en", "out.xlsx").split("\n");
    expect(lines.filter((line) => line.startsWith("9 of 10 balances"))).toEqual([short]);
    expect(sameBalancesText(partly(1, "zh").changes!, "zh")).toContain(
      `10 个余额中有 9 个（90.0%）与 ${dateText(OCT, "zh")}审查时完全相同`,
    );
  });

  test("two moved of ten (80%, under the line): nothing said", () => {
    const result = partly(2);
    expect(result.changes!.sameBalances).toBeUndefined();
    expect(sameBalancesText(result.changes!, "en")).toBeUndefined();
  });
});

test("a first review has nothing to compare with", () => {
  const { result } = reviewWorkbook({ customers: sheet(6, balanceOf) }, OCT);
  expect(result.changes?.sameBalances).toBeUndefined();
  expect(headlineSameBalancesText(result.changes, "en")).toBeUndefined();
});

/**
 * The printed report speaks the reader's language: its heading in the language's punctuation,
 * the warnings counted and the checks skipped by their titles, never by their codes (those are
 * the JSON's).
 */
import { toTable } from "../../../src/cli/report";
import { Lang, message } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { warningTitle } from "../../../src/engine/review/texts";
import { WARNING_CODES } from "../../../src/engine/review/warnings";
import { customerSheet, serial } from "../../support/review-grid";

// No overdue column and no ledger: OVERDUE_90 and OVERDUE_SHARE are skipped. Beta is over its limit.
const SHEET = customerSheet(
  ["Credit limit", "Outstanding balance"],
  [
    { id: "C1", name: "Alpha", factors: [2, 2, 2, 2, 2], extra: [1000, 500] },
    { id: "C2", name: "Beta", factors: [2, 2, 2, 2, 2], extra: [1000, 1500] },
  ],
);

describe.each(["en", "zh"] as const)("the printed report (%s)", (lang: Lang) => {
  const result = runReview({ sheetName: "Customers", values: SHEET, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
  const lines = toTable(result, lang, "out.xlsx").split("\n");
  const t = (key: Parameters<typeof message>[1]) => message(lang, key);

  test("its heading names the sheet and the date in the language's punctuation", () => {
    expect(lines[0]).toBe(
      lang === "en" ? "Credit review summary — Customers, As of 2026-11-30" : "信用审查汇总：工作表“Customers”，审查日期 2026年11月30日",
    );
  });

  test("warnings are counted and skipped checks named by their titles", () => {
    const counts = lines.find((l) => l.startsWith(t("cli.warningCounts")))!;
    expect(counts).toContain(`${warningTitle("OVER_LIMIT", lang, DEFAULT_POLICY)} 1`);
    const skipped = lines.find((l) => l.startsWith(t("cli.skipped").split("{")[0]))!;
    expect(skipped).toContain(warningTitle("OVERDUE_90", lang, DEFAULT_POLICY));
    for (const code of WARNING_CODES) expect(lines.filter((l) => l.includes(code))).toEqual([]);
  });
});

/** @jest-environment jsdom */
/**
 * The Columns tab says what a sheet without the Sales column leaves out (the public and private
 * models' Z-scores), among the checks switched off, in both languages, as the command line does.
 */
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { zWithoutSalesText } from "../../../src/engine/review/texts";
import { columnsSection } from "../../support/columns-panel";
import { customerSheet, serial, STATEMENT_HEADERS } from "../../support/review-grid";

const HEADERS = [
  "Credit limit",
  "Outstanding balance",
  "Days past due",
  "Previous score",
  "Negative news date",
  ...STATEMENT_HEADERS,
  "Interest expense",
  "Equity",
];

function showColumns(headers: readonly string[], lang: Lang) {
  const values = customerSheet(headers, [{ extra: [1000, 500, 0, 2, null, 500, 250, 2000, 800, 400, 300, 50, 1200, 3000] }]);
  const result = runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);
  return columnsSection(result, lang, "ui.columns.skipped");
}

test.each(["en", "zh"] as const)("a sheet without Sales: the Columns tab says what it leaves out (%s)", (lang) => {
  const skipped = showColumns(HEADERS, lang);
  expect(skipped).toContain(zWithoutSalesText(DEFAULT_POLICY, lang));
  expect(skipped).not.toContain(translator(lang)("ui.columns.skippedNone"));
});

test("with the Sales column every check can run, and the tab says so", () => {
  expect(showColumns([...HEADERS, "Sales"], "en")).toBe("Checks switched offNone: every check can run.");
});

/** @jest-environment jsdom */
/**
 * The Columns tab says, under the columns found, that the score's rise is measured from the
 * archive once it has scored the customers, not from the sheet's Previous score column, as the
 * summary and the command line say it.
 */
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { previousScoreSourceText } from "../../../src/engine/review/texts";
import { columnsSection } from "../../support/columns-panel";
import { customerSheet, serial, utcDate } from "../../support/review-grid";

const SHEET = customerSheet(["Previous score", "Credit limit"], [{ id: "C001", extra: [2, 1000] }]);
const ARCHIVE = [
  ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
  [utcDate("2026-10-31"), "v", "C001", "", 1.5, "Low"],
];

function foundSection(lang: Lang, archive?: unknown[][]) {
  const result = runReview(
    { sheetName: "Customers", values: SHEET, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY, archive },
    lang,
  );
  return { result, found: columnsSection(result, lang, "ui.columns.found") };
}

test.each(["en", "zh"] as const)(
  "with an archive that scored the customer, the tab says the column is not what is read (%s)",
  (lang) => {
    const { result, found } = foundSection(lang, ARCHIVE);
    const said = previousScoreSourceText(result, lang)!;
    expect(said).toContain(lang === "en" ? "Previous score" : "上期评分");
    expect(found).toContain(`${lang === "en" ? "Score rose: " : "评分上升："}${said}`);
  },
);

test("a first review reads the column, and says so: a rise beside no earlier review in the archive is not a slip", () => {
  const { result, found } = foundSection("en");
  expect(result.customers[0].previousScoreFrom).toBe("sheet");
  expect(found).toContain(
    "Score rose: measured against the Previous score column: the archive holds no earlier score for these customers yet",
  );
  expect(found).not.toContain("is used only where the archive has none");
});

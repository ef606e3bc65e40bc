/** @jest-environment jsdom */
/**
 * The pane says it too when every balance is the last review's: in the review's notice, after the
 * grades' moves it casts doubt on, and first in its block on what changed.
 */
import { Lang, translator } from "../../../src/engine/i18n";
import { sameBalancesText } from "../../../src/engine/review/texts";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { renderChanges } from "../../support/changes-summary";
import { CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const SHEET = customerSheet(
  ["Credit limit", "Outstanding balance"],
  Array.from({ length: 5 }, (_, i) => ({
    id: `C${i + 1}`,
    name: `Customer ${i + 1}`,
    factors: [2, 2, 2, 2, 2],
    extra: [100_000, 5_000 * (i + 1)],
  })),
);

describe.each(["en", "zh"] as const)("a sheet left as it was since the last review (%s)", (lang: Lang) => {
  let workbook: CycleWorkbook = { customers: SHEET };
  ({ workbook } = reviewWorkbook(workbook, serial("2026-10-31"), lang));
  const { result } = reviewWorkbook({ ...workbook, customers: SHEET }, serial("2026-11-30"), lang);
  const text = sameBalancesText(result.changes!, lang)!;

  test("the review's notice says so after the grades' moves", () => {
    const lines = reviewedNotice(result).render(translator(lang), lang).lines;
    const moved = lines.findIndex((l) => l.startsWith(lang === "en" ? "Since 2026-10-31:" : "自 2026年10月31日起"));
    expect(moved).toBeGreaterThan(0);
    expect(lines.indexOf(text)).toBe(moved + 1);
  });

  test("the block on what changed says it first, under its heading, set apart in bold as the summary sheet sets it", () => {
    const { section } = renderChanges(lang, result);
    const said = section.querySelector("h2")!.nextElementSibling as HTMLElement;
    expect(said.textContent).toBe(text);
    expect(getComputedStyle(said).fontWeight).toBe("var(--fontWeightSemibold)");
  });
});

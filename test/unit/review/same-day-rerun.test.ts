/**
 * A review run again on its date takes the place of the archive's review of that date (the archive
 * keeps one a day). The run says so, in the printed report under its heading and in the pane's
 * notice; a first review, and one a month on, say nothing of it.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { replacesRunText } from "../../../src/engine/review/texts";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { translator } from "../../../src/engine/i18n";
import { reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const customers = customerSheet(["Credit limit", "Outstanding balance"], [{ extra: [100_000, 20_000] }]);
const NOV = serial("2026-11-30");

test.each([
  [
    "en",
    'The archive already holds a review of "Customers" on 2026-11-30: this one takes its place (the archive keeps one review a day)',
  ],
  ["zh", "审查档案中已有“Customers”在 2026年11月30日的审查：本次审查将取代它（审查档案每天只保留一次审查）"],
] as const)("run again on its date, the review says it takes the archived one's place (%s)", (lang, text) => {
  const first = reviewWorkbook({ customers }, NOV, lang);
  expect(first.result.replacesRun).toBeUndefined();
  const again = reviewWorkbook(first.workbook, NOV, lang).result;
  expect(again.replacesRun).toBe(true);
  expect(replacesRunText(again, lang)).toBe(text);
  expect(toTable(again, lang, "out.xlsx").split("\n").slice(0, 3)).toContain(text);
  expect(reviewedNotice(again).render(translator(lang), lang).lines).toContain(text);
  expect(toTable(first.result, lang, "out.xlsx")).not.toContain(text);
  expect([toJson(first.result, lang).replacesRun, toJson(again, lang).replacesRun]).toEqual([false, true]);
});

test("a month on, nothing is replaced", () => {
  const first = reviewWorkbook({ customers }, NOV);
  expect(reviewWorkbook(first.workbook, serial("2026-12-31")).result.replacesRun).toBeUndefined();
});

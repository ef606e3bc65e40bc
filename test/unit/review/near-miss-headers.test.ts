/**
 * A header one typo from a column the review reads ("Credt limit") silently turns its checks off.
 * Every face says so up front, with the checks it costs: the command line on stderr before the
 * report, the pane first in its notice (a warning); the Columns block at the report's end lists it too.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { nearMissLines } from "../../../src/engine/review/texts";
import { reviewedNotice } from "../../../src/taskpane/notices";
import { runCli } from "../../support/cli";
import { customerSheet, serial } from "../../support/review-grid";

const values = customerSheet(
  ["Credt limit", "Outstanding balance", "Region", "Custmer type"],
  [{ extra: [200_000, 250_000, "North", "Retail"] }, { extra: [100_000, 50_000, "South", "Retail"] }],
);
const review = (lang: "en" | "zh") =>
  runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, lang);

test("the near miss named with the header it likely means and the checks it turns off; an unknown header without a likely meaning is not", () => {
  expect(nearMissLines(review("en"), "en")).toEqual([
    'Column H "Credt limit" is not recognised: did you mean "Credit limit"? Without it, not checked: Over credit limit',
  ]);
  expect(nearMissLines(review("zh"), "zh")).toEqual([
    "H 列“Credt limit”未被识别：是否指“Credit limit”？缺少此列，以下检查未进行：超出信用额度",
  ]);
});

test("a sheet whose headers are all recognised says nothing of it", () => {
  const clean = customerSheet(["Credit limit", "Outstanding balance"], [{ extra: [200_000, 250_000] }]);
  const result = runReview({ sheetName: "Customers", values: clean, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY });
  expect(nearMissLines(result, "en")).toEqual([]);
  expect(reviewedNotice(result).intent).toBe("info");
});

test("the pane: a warning, the near miss its first line", () => {
  const result = review("en");
  const notice = reviewedNotice(result);
  expect(notice.intent).toBe("warning");
  expect(notice.render(translator("en"), "en").lines[0]).toBe(nearMissLines(result, "en")[0]);
});

test("the command line: on stderr before the report, the review done (exit 0)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "near-miss-"));
  try {
    const input = path.join(dir, "customers.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Customers").addRows(values as unknown[][]);
    await wb.xlsx.writeFile(input);
    const run = await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir, "out.xlsx"));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'credit-review: Column H "Credt limit" is not recognised: did you mean "Credit limit"? Without it, not checked: Over credit limit',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

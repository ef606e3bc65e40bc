/**
 * Looked at: the reviewed sample workbooks (English and Chinese) rendered by a real
 * spreadsheet application, LibreOffice Calc headless, to PDF, and read back page by page.
 * No cell shows ### (a column too narrow for its date or amount), the summary prints on one
 * page, and the customer sheet's review columns are on its first page, beside the data.
 * Needs soffice, pdfinfo and pdftotext (poppler-utils).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { message } from "../../src/engine/i18n";
import { OUTPUT_HEADERS } from "../../src/engine/review/fields";
import { pagesWith, RenderedSample, renderSamples } from "../../scripts/render-report";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;
let samples: RenderedSample[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-rendered-"));
  samples = await renderSamples(ROOT, dir);
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(["en", "zh"] as const)("the reviewed %s sample as LibreOffice prints it", (lang) => {
  const sample = () => samples.find((s) => s.lang === lang)!;

  test("no cell shows ###", () => {
    const hashes = sample().pages.flatMap((text, page) => (text.includes("###") ? [page + 1] : []));
    expect(hashes).toEqual([]);
  });

  test("the summary is one page, its top risks on it", () => {
    const title = pagesWith(sample(), message(lang, "summary.title"));
    expect(title).toHaveLength(1);
    const topRisks = pagesWith(sample(), message(lang, "summary.topRisks"));
    expect(topRisks).toEqual(title);
    // The page after it is another sheet's: nothing of the summary ran over.
    const next = sample().pages[title[0] + 1] ?? "";
    expect(next).not.toContain(message(lang, "summary.topRisks"));
  });

  test("the dashboard shows the headline figures, and the customer far over its limit as the first top risk", () => {
    const page = sample().pages[pagesWith(sample(), message(lang, "summary.title"))[0]];
    for (const key of ["summary.creditLimits", "summary.utilisation", "summary.overdueAmount", "summary.exposureAtRisk"] as const)
      expect(page).toContain(message(lang, key));
    expect(page).toContain("14,780,000.00");
    expect(page).toMatch(lang === "en" ? /Wide World Importers\s+10\s+276,000\.00/ : /环球进口贸易公司\s+10\s+276,000\.00/);
  });

  test("the customer sheet's review columns print on its first page, with the dates and limits shown", () => {
    const first = sample().pages[0];
    // A long header over short figures wraps, so its words may stand on lines of their own.
    for (const field of ["score", "recommendedLimit", "nextReview", "warnings", "findings", "utilisation", "availableCredit"] as const)
      for (const word of OUTPUT_HEADERS[field][lang].split(" ")) expect(first).toContain(word);
    expect(first).toMatch(/\d\.\d%/);
    expect(first).toMatch(lang === "en" ? /\d{1,3},\d{3}\.00/ : /\d{4}年\d{1,2}月\d{1,2}日/);
  });
});

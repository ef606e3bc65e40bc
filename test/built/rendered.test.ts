/**
 * Looked at: the reviewed sample workbooks (English and Chinese) rendered by a real
 * spreadsheet application, LibreOffice Calc headless, to PDF, and read back page by page.
 * No cell shows ### (a column too narrow for its date or amount), a month's summary prints on one
 * page, the month after's and a year's one page wide at a readable size on pages down, none of
 * them a short section alone, and the customer sheet prints on pages across at a readable size, each naming its customers,
 * each customer's warnings, findings and recommendation whole on a row tall enough for their lines;
 * every page of the review's sheets carries its sheet's title, the review date and its page number.
 * Needs soffice, pdfinfo and pdftotext (poppler-utils).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { message } from "../../src/engine/i18n";
import { FIELD_LABELS, OUTPUT_HEADERS } from "../../src/engine/review/fields";
import { FULL_ENOUGH } from "../../src/engine/review/page-bands";
import { LEAST_PRINT_SCALE } from "../../src/engine/review/page-setup";
import { LINE_HEIGHT } from "../../src/engine/review/sheet-layout";
import { ACTIONS } from "../../src/engine/review/decisions";
import { REVIEW_SHEETS } from "../../src/engine/review/sheets";
import { CUSTOMER_WARNING_CODES } from "../../src/engine/review/warnings";
import { review } from "../../src/cli/main";
import { SAMPLE_AS_OF } from "../../scripts/make-examples";
import {
  pagesOf,
  pagesWith,
  printedDepths,
  printedLines,
  RenderedSample,
  renderSamples,
  toPdf,
  wordHeights,
} from "../../scripts/render-report";
import { partsOf } from "../support/views";

const ROOT = path.resolve(__dirname, "../..");
/** Fewer rows than this on a band of the archive's pages are stray rows, printed on pages of their own. */
const FEW_ROWS = 5;
let dir: string;

/**
 * The customers (ids) on each band of an archive's pages, from its pages' text in print order: a
 * band is the pages across that one run of rows prints on, each naming the same customers (the
 * id column repeats on every page across).
 */
function archiveBands(pages: readonly string[]): string[][] {
  const bands: string[][] = [];
  let first: string | undefined;
  for (const text of pages) {
    const ids = [...new Set(text.match(/\bC\d{4}\b/g) ?? [])];
    if (ids[0] !== first) bands.push(ids);
    first = ids[0];
  }
  return bands;
}
let samples: RenderedSample[];

/**
 * The size the summary's pages print at against full size: the height of a word of its labels
 * (_Customer sheet_, 客户工作表) on them against the ledger's first invoice number's, which prints
 * at full size (a word's height is its font's, whatever its letters).
 */
function summaryScale(sample: RenderedSample, summaryPages: readonly number[]): number {
  const ledger = pagesWith(sample, "INV-001-1")[0];
  const full = wordHeights(sample, "INV-001-1").find((w) => w.page === ledger)!.height;
  const word = sample.lang === "en" ? "Customer" : "客户工作表";
  const onSummary = wordHeights(sample, word).filter((w) => summaryPages.includes(w.page));
  if (!onSummary.length) throw new Error(`"${word}" is not printed on the summary's pages ${summaryPages.join(", ")}`);
  return Math.min(...onSummary.map((w) => w.height)) / full;
}

/** A review date as the page headers write it: 2026-12-31, 2026年12月31日. */
function shownDate(iso: string, lang: "en" | "zh"): string {
  return lang === "en" ? iso : iso.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日");
}

/** The 0-based pages of the summary of the review of `iso`: those its page header heads. */
function summaryPages(sample: RenderedSample, iso: string): number[] {
  const { lang } = sample;
  return pagesWith(sample, message(lang, "print.header", { title: message(lang, "summary.title"), date: shownDate(iso, lang) }));
}

/**
 * Every page of a report summary holds more than a few rows: its words reach at least a third of
 * the way down the page's room. A page that does not is a short section left alone on it.
 */
function expectNoPageAlmostEmpty(sample: RenderedSample, pages: readonly number[]): void {
  const depths = printedDepths(sample);
  expect(pages.map((page) => ({ page, full: depths[page] >= FULL_ENOUGH }))).toEqual(pages.map((page) => ({ page, full: true })));
}

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

  test("the summary is one page, its top risks on it, at the size the month's dashboard has always printed", () => {
    const title = pagesWith(sample(), message(lang, "summary.title"));
    expect(title).toHaveLength(1);
    const topRisks = pagesWith(sample(), message(lang, "summary.topRisks"));
    expect(topRisks).toEqual(title);
    // The page after it is another sheet's: nothing of the summary ran over.
    const next = sample().pages[title[0] + 1] ?? "";
    expect(next).not.toContain(message(lang, "summary.topRisks"));
    // Its figures at 45% of full size or more (the ledger, printed at full size, is the yardstick).
    expect(summaryScale(sample(), title)).toBeGreaterThanOrEqual(0.45);
  });

  test("every page of the review's sheets says which sheet and review it is, and where it goes among the pages", () => {
    const s = sample();
    const total = s.pages.length;
    // LibreOffice, as a whole-workbook print, numbers the pages through the workbook: "Page 14 of 23".
    const numbered = (page: number) => s.pages[page].includes(message(lang, "print.footer", { page: page + 1, pages: total }));
    const date = lang === "en" ? SAMPLE_AS_OF : SAMPLE_AS_OF.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日");
    const headed = (title: string) => pagesWith(s, message(lang, "print.header", { title, date }));
    const summary = headed(message(lang, "summary.title"));
    expect(summary).toEqual(pagesWith(s, message(lang, "summary.topRisks")));
    expect(summary.every(numbered)).toBe(true);
    for (const kind of ["archive", "policy"] as const) {
      const pages = headed(REVIEW_SHEETS[kind][lang]);
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.every(numbered)).toBe(true);
    }
    // The customer sheet's pages are numbered too; the ledger, printed after them, is the user's
    // alone, numbered by the footer the sample gives it, kept as written.
    const ledger = pagesWith(s, "INV-001-1")[0];
    expect(Array.from({ length: ledger }, (_, page) => page).every(numbered)).toBe(true);
    expect(numbered(ledger)).toBe(true);
  });

  test("the policy prints on one page, the legend of the archive's codes whole on it", () => {
    const s = sample();
    const date = lang === "en" ? SAMPLE_AS_OF : SAMPLE_AS_OF.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日");
    const pages = pagesWith(s, message(lang, "print.header", { title: REVIEW_SHEETS.policy[lang], date }));
    expect(pages).toHaveLength(1);
    const page = s.pages[pages[0]];
    for (const code of [...CUSTOMER_WARNING_CODES, ...ACTIONS]) expect(page).toContain(code);
    // The portfolio's warning is in no archive row: the legend does not list it.
    expect(page).not.toContain("OVERDUE_SHARE");
    expect(page).toContain(message(lang, "action.KEEP_TERMS"));
  });

  test("the archive prints every customer's row, and no band of pages with only a few rows on it unless it is its only band", () => {
    const s = sample();
    const date = lang === "en" ? SAMPLE_AS_OF : SAMPLE_AS_OF.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日");
    const pages = pagesWith(s, message(lang, "print.header", { title: REVIEW_SHEETS.archive[lang], date }));
    const bands = archiveBands(pages.map((page) => s.pages[page]));
    expect(new Set(bands.flat()).size).toBe(45);
    if (bands.length > 1) expect(Math.min(...bands.map((rows) => rows.length))).toBeGreaterThanOrEqual(FEW_ROWS);
  });

  test("the dashboard shows the headline figures, and the customer far over its limit as the first top risk", () => {
    const page = sample().pages[pagesWith(sample(), message(lang, "summary.title"))[0]];
    for (const key of ["summary.creditLimits", "summary.utilisation", "summary.overdueAmount", "summary.exposureAtRisk"] as const)
      expect(page).toContain(message(lang, key));
    expect(page).toContain("14,780,000.00");
    expect(page).toMatch(lang === "en" ? /Wide World Importers\s+10\s+276,000\.00/ : /环球进口贸易公司\s+10\s+276,000\.00/);
  });

  test.each(["warnings", "findings", "recommendation"] as const)(
    "every customer's %s prints whole, on a row tall enough for the lines it takes",
    async (field) => {
      const s = sample();
      const header = OUTPUT_HEADERS[field][lang];
      const headerCell = new RegExp(`<c r="([A-Z]+)\\d+"[^>]*><is><t[^>]*>${header}</t>`);
      const parts = await partsOf(s.workbook);
      const sheet = [...parts].find(([name, xml]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name) && headerCell.test(xml))![1];
      const column = headerCell.exec(sheet)![1];
      const cellText = new RegExp(`<c r="${column}\\d+"[^>]*t="inlineStr"[^>]*><is><t[^>]*>([^<]*)</t>`);
      const decoded = (xml: string) =>
        xml.replace(
          /&(amp|lt|gt|quot|apos);/g,
          (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[name]!,
        );
      const printed = printedLines(s);
      let texts = 0;
      for (const [, row, attributes, cells] of sheet.matchAll(/<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g)) {
        const cell = cellText.exec(cells);
        if (!cell || cell[1] === header) continue;
        const text = decoded(cell[1]);
        // LibreOffice prints a cell's text whole, even where its row is too short to show all of it: its lines say how tall it must be.
        const lines = printed(text);
        const height = Number(/\sht="([\d.]+)"/.exec(attributes)?.[1] ?? LINE_HEIGHT);
        expect({ row, text, lines: lines ?? 0, tallEnough: (lines ?? Infinity) * LINE_HEIGHT <= height }).toEqual({
          row,
          text,
          lines: expect.any(Number),
          tallEnough: true,
        });
        texts++;
      }
      expect(texts).toBeGreaterThanOrEqual(field === "recommendation" ? 40 : 10);
    },
  );

  test("the customer sheet prints on pages across at a readable size, each page naming its customers", () => {
    const s = sample();
    // The ledger, printed after it, is the user's sheet at full size: the same id there is the yardstick.
    const ledger = pagesWith(s, "INV-001-1")[0];
    const onSheet = wordHeights(s, "C0001").filter((w) => w.page < ledger);
    const full = wordHeights(s, "C0001").find((w) => w.page === ledger)!;
    // The first customer's id on each page across (its 47 columns fitted on one page printed it at 1.7 pt),
    // at the review's scale: 60%, or down to its least to spare a last band of a few rows (56% here).
    expect(onSheet.length).toBeGreaterThanOrEqual(3);
    for (const w of onSheet) expect(w.height / full.height).toBeGreaterThanOrEqual(LEAST_PRINT_SCALE / 100);
    for (const w of onSheet) expect(s.pages[w.page]).toContain(FIELD_LABELS.name[lang]);
    // Every review column is printed on one of the customer sheet's pages, its dates and limits shown.
    const sheet = s.pages.slice(0, ledger).join("\n");
    for (const field of [
      "score",
      "recommendedLimit",
      "nextReview",
      "warnings",
      "findings",
      "utilisation",
      "availableCredit",
    ] as const)
      for (const word of OUTPUT_HEADERS[field][lang].split(" ")) expect(sheet).toContain(word);
    expect(sheet).toMatch(/\d\.\d%/);
    expect(sheet).toMatch(lang === "en" ? /\d{1,3},\d{3}\.00/ : /\d{4}年\d{1,2}月\d{1,2}日/);
  });
});

/**
 * The samples reviewed again a month later (the month after's summary, with what changed, too long
 * for one page at a size still read): the report on pages down, none of them a short section alone
 * under a full page.
 */
describe("the month after as LibreOffice prints the summary", () => {
  const NEXT_MONTH = "2026-12-31";
  const printed = new Map<"en" | "zh", RenderedSample>();

  beforeAll(async () => {
    const next = fs.mkdtempSync(path.join(dir, "next-"));
    const reviewed: string[] = [];
    for (const sample of samples) {
      const out = path.join(next, `${sample.lang}-${NEXT_MONTH}.xlsx`);
      const argv = [sample.workbook, "--as-of", NEXT_MONTH, "--lang", sample.lang, "--out", out];
      const { code } = await review(argv, { stdout: () => undefined, stderr: () => undefined, progress: false });
      if (code !== 0) throw new Error(`credit-review ${argv.join(" ")} exited ${code}`);
      reviewed.push(out);
    }
    const out = toPdf(reviewed, next);
    samples.forEach(({ lang }, i) => {
      const pdf = path.join(out, path.basename(reviewed[i]).replace(/\.xlsx$/, ".pdf"));
      printed.set(lang, { lang, workbook: reviewed[i], pdf, pages: pagesOf(pdf) });
    });
  }, 300_000);

  test.each(["en", "zh"] as const)(
    "%s: on consecutive pages at a readable size, each filled at least a third of the way down, the portfolio over time with the problems above it",
    (lang) => {
      const sample = printed.get(lang)!;
      const summary = summaryPages(sample, NEXT_MONTH);
      expect(summary.length).toBeGreaterThanOrEqual(2);
      expect(summary).toEqual(summary.map((_, i) => summary[0] + i));
      expect(sample.pages[summary[0]]).toContain(message(lang, "summary.title"));
      expect(summaryScale(sample, summary)).toBeGreaterThanOrEqual(0.6);
      expectNoPageAlmostEmpty(sample, summary);
      const trend = summary.filter((page) => sample.pages[page].includes(message(lang, "trend.title")));
      expect(trend).toHaveLength(1);
      expect(sample.pages[trend[0]]).toContain(message(lang, "summary.problems"));
    },
  );
});

/**
 * The sample reviewed every month-end for thirteen months, as a year of the monthly cycle leaves
 * it: the summary, with what changed and its fullest portfolio over time (twelve reviews and the
 * line chart), too long for one page at a size still read, prints one page wide at a readable
 * size on pages down, none starting inside a table.
 */
describe("a year of monthly reviews as LibreOffice prints the summary", () => {
  const MONTH_ENDS = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2025, 11 + i, 0)).toISOString().slice(0, 10));
  const pages = new Map<"en" | "zh", string[]>();
  const printed = new Map<"en" | "zh", RenderedSample>();

  beforeAll(async () => {
    // Inside the run's own folder, which afterAll removes: thirteen months in two languages are 26 workbooks.
    const year = fs.mkdtempSync(path.join(dir, "year-"));
    const last: string[] = [];
    for (const [lang, file] of [
      ["en", "customers.xlsx"],
      ["zh", "customers-zh.xlsx"],
    ] as const) {
      let input = path.join(ROOT, "examples", file);
      for (const asOf of MONTH_ENDS) {
        const out = path.join(year, `${lang}-${asOf}.xlsx`);
        const argv = [input, "--as-of", asOf, "--lang", lang, "--out", out];
        const { code } = await review(argv, { stdout: () => undefined, stderr: () => undefined, progress: false });
        if (code !== 0) throw new Error(`credit-review ${argv.join(" ")} exited ${code}`);
        input = out;
      }
      last.push(input);
    }
    const out = toPdf(last, year);
    for (const [i, lang] of (["en", "zh"] as const).entries()) {
      const pdf = path.join(out, path.basename(last[i]).replace(/\.xlsx$/, ".pdf"));
      pages.set(lang, pagesOf(pdf));
      printed.set(lang, { lang, workbook: last[i], pdf, pages: pages.get(lang)! });
    }
  }, 300_000);

  test.each(["en", "zh"] as const)(
    "%s: one page wide at a readable size, the last twelve reviews on its pages, no ###",
    (lang) => {
      const all = pages.get(lang)!;
      const last = MONTH_ENDS[MONTH_ENDS.length - 1];
      const date = lang === "en" ? last : last.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日");
      const summary = all.flatMap((text, i) =>
        text.includes(message(lang, "print.header", { title: message(lang, "summary.title"), date })) ? [i] : [],
      );
      // Its pages one after the other, the title on the first.
      expect(summary.length).toBeGreaterThanOrEqual(2);
      expect(summary).toEqual(summary.map((_, i) => summary[0] + i));
      expect(all[summary[0]]).toContain(message(lang, "summary.title"));
      // At 60% of full size or more, where squeezed onto one page it printed at about 30%.
      expect(summaryScale(printed.get(lang)!, summary)).toBeGreaterThanOrEqual(0.6);
      // No page holding a short section alone (the aging table, the decisions) under a full one.
      expectNoPageAlmostEmpty(printed.get(lang)!, summary);
      const page = summary.map((i) => all[i]).join("\n");
      expect(page).toContain(message(lang, "trend.title"));
      expect(page).not.toContain("###");
      // No page starts inside the top risks: their title, header and first customer on one page.
      const topRisks = summary.find((i) => all[i].includes(message(lang, "summary.topRisks")))!;
      expect(all[topRisks]).toMatch(lang === "en" ? /Wide World Importers/ : /环球进口贸易公司/);
      const shown = (iso: string) => {
        const [y, m, d] = iso.split("-").map(Number);
        return lang === "en" ? iso : `${y}年${m}月${d}日`;
      };
      // The first month-end has dropped out; the other twelve are listed.
      expect(page).not.toContain(shown(MONTH_ENDS[0]));
      for (const asOf of MONTH_ENDS.slice(1)) expect(page).toContain(shown(asOf));
      expect(all[summary[summary.length - 1] + 1] ?? "").not.toContain(message(lang, "trend.title"));
    },
  );

  test.each(["en", "zh"] as const)(
    "%s: the archive prints the last review's rows alone, however many reviews it keeps",
    (lang) => {
      const all = pages.get(lang)!;
      const shown = (iso: string) => (lang === "en" ? iso : iso.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日"));
      const last = MONTH_ENDS[MONTH_ENDS.length - 1];
      const date = shown(last);
      const archive = all.filter((text) =>
        text.includes(message(lang, "print.header", { title: REVIEW_SHEETS.archive[lang], date })),
      );
      // The sample's 45 customers, 24 columns: a few pages across, as one review's rows print, not thirteen reviews'.
      expect(archive.length).toBeGreaterThanOrEqual(1);
      expect(archive.length).toBeLessThanOrEqual(8);
      const printed = archive.join("\n");
      // Each row names its review date and policy version in the archive's first columns; an earlier
      // review's row never shows (its date is quoted only in a note saying which previous score was used).
      expect(printed.split(date).length).toBeGreaterThan(archive.length + 1);
      for (const earlier of MONTH_ENDS.slice(0, -1))
        expect(printed).not.toMatch(new RegExp(`${shown(earlier)}\\s+P-[0-9a-f]{6}`));
      // Every customer's row, and no band of pages of a few of them.
      const bands = archiveBands(archive);
      expect(new Set(bands.flat()).size).toBe(45);
      if (bands.length > 1) expect(Math.min(...bands.map((rows) => rows.length))).toBeGreaterThanOrEqual(FEW_ROWS);
    },
  );
});

/**
 * Properties of the review cycle's archive: a re-run on the same day leaves the workbook as the
 * first run wrote it, and reviews run in any order leave the same archive (date order, each
 * review's rows together).
 */
import fc from "fast-check";
import { Lang } from "../../../src/engine/i18n";
import { ARCHIVE_FIELDS } from "../../../src/engine/review/archive";
import { CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { FACTOR_HEADERS, FACTOR_HEADERS_ZH, Grid, serial } from "../../support/review-grid";

const HEADERS: Record<Lang, string[]> = {
  en: ["Customer ID", "Customer", ...FACTOR_HEADERS, "Credit limit", "Outstanding balance"],
  zh: ["客户编号", "客户名称", ...FACTOR_HEADERS_ZH, "信用额度", "应收账款余额"],
};
const IDS = ["C1", "C2", "C3", "C4", "C5", "C6"];
const FIRST_DAY = serial("2026-01-01");

/** One review as typed: its day (days after 2026-01-01) and its customers' rows. */
interface TypedReview {
  readonly day: number;
  readonly rows: readonly (readonly unknown[])[];
}

/** Factors in half steps between `low` and `high`. */
const factor = (low: number, high: number) => fc.integer({ min: low * 2, max: high * 2 }).map((n) => n / 2);

function reviewArb(factors: fc.Arbitrary<number>, day: fc.Arbitrary<number>): fc.Arbitrary<TypedReview> {
  const row = (id: string) =>
    fc
      .tuple(fc.array(factors, { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 5 }))
      .map(([f, tenths]) => [id, `Customer ${id}`, ...f, 100000, tenths * 25000]);
  return fc.record({
    day,
    rows: fc.subarray(IDS, { minLength: 1 }).chain((ids) => fc.tuple(...ids.map(row))),
  });
}

const sheetOf = (review: TypedReview, lang: Lang): Grid => [HEADERS[lang], ...review.rows.map((r) => [...r])];

function runAll(reviews: readonly TypedReview[], lang: Lang, start: CycleWorkbook = { customers: [] }): CycleWorkbook {
  let workbook = start;
  for (const r of reviews)
    workbook = reviewWorkbook({ ...workbook, customers: sheetOf(r, lang) }, FIRST_DAY + r.day, lang).workbook;
  return workbook;
}

const langArb = fc.constantFrom<Lang>("en", "zh");

test("a same-day re-run leaves the workbook identical", () => {
  fc.assert(
    fc.property(
      fc.array(reviewArb(factor(1, 5), fc.integer({ min: 0, max: 200 })), { maxLength: 3 }),
      reviewArb(factor(1, 5), fc.integer({ min: 0, max: 200 })),
      langArb,
      (earlier, today, lang) => {
        const before = runAll(earlier, lang);
        const once = reviewWorkbook({ ...before, customers: sheetOf(today, lang) }, FIRST_DAY + today.day, lang).workbook;
        const twice = reviewWorkbook(once, FIRST_DAY + today.day, lang).workbook;
        expect(twice).toEqual(once);
      },
    ),
    { numRuns: 60 },
  );
});

test("reviews run in any order leave the same archive", () => {
  // Factors between 1 and 1.5 keep every rise under the threshold: which earlier reviews exist
  // when a review runs rightly decides its SCORE_RISE, and with it its archive row.
  const reviews = fc
    .uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 4 })
    .chain((days) => fc.tuple(...days.map((d) => reviewArb(factor(1, 1.5), fc.constant(d)))));
  fc.assert(
    fc.property(
      reviews.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
      langArb,
      ([inOrder, shuffled], lang) => {
        const sorted = [...inOrder].sort((a, b) => a.day - b.day);
        const expected = runAll(sorted, lang).archive!;
        expect(runAll(shuffled, lang).archive).toEqual(expected);
        // Date order, each review's rows together, in the order of its sheet.
        const dates = expected.slice(1).map((line) => line[0] as number);
        expect(dates).toEqual([...dates].sort((a, b) => a - b));
        expect(expected.slice(1).map((line) => line[2])).toEqual(sorted.flatMap((r) => r.rows.map((row) => row[0])));
      },
    ),
    { numRuns: 60 },
  );
});

test("the archive prints the rows of the review just run, wherever its date puts them, in either language", () => {
  fc.assert(
    fc.property(
      fc.array(reviewArb(factor(1, 5), fc.integer({ min: 0, max: 200 })), { maxLength: 3 }),
      reviewArb(factor(1, 5), fc.integer({ min: 0, max: 200 })),
      langArb,
      (earlier, today, lang) => {
        const before = runAll(earlier, lang);
        const { workbook, archivePrintArea } = reviewWorkbook(
          { ...before, customers: sheetOf(today, lang) },
          FIRST_DAY + today.day,
          lang,
        );
        const archive = workbook.archive!;
        const ofToday = archive.flatMap((line, row) => (line[0] === FIRST_DAY + today.day ? [row] : []));
        expect(ofToday).toHaveLength(today.rows.length);
        // Up to the last column its rows fill, never for the output check the next review reads (hidden).
        const check = ARCHIVE_FIELDS.indexOf("outputCheck");
        const filled = (line: readonly unknown[]) => {
          let c = archive[0].length - 1;
          while (c >= 0 && (c === check || line[c] === null || line[c] === undefined || line[c] === "")) c--;
          return c + 1;
        };
        const columns = Math.max(...ofToday.map((row) => filled(archive[row])));
        expect(archivePrintArea).toEqual({ row: ofToday[0], column: 0, rows: today.rows.length, columns });
        // Together, under the header the printed pages repeat.
        expect(ofToday[ofToday.length - 1] - ofToday[0] + 1).toBe(today.rows.length);
      },
    ),
  );
});

/**
 * The printed pages' header and footer in the write plan: the review's own sheets headed with
 * their title and the review date and numbered, in each language; the customer sheet numbered
 * only; an "&" in a name printed as itself; which headers and footers are the user's; and the
 * sections of one, the centre the review's, the left and right the user's.
 */
import { catalogue, Lang, LANGUAGES } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import {
  headerFooterLiteral,
  isUsersHeaderFooter,
  ownSheetHeaderFooter,
  pageNumbers,
  sectionsOf,
  sectionsText,
  withOurCentre,
} from "../../../src/engine/review/page-headers";
import { runReview } from "../../../src/engine/review/review";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, serial } from "../../support/review-grid";

const asOf = serial("2026-11-30");

function plan(lang: Lang) {
  const values = customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { id: "C001", name: "Alpha", factors: [1, 2, 1, 2, 1], extra: [10000, 2000] },
      { id: "C002", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [20000, 25000] },
    ],
  );
  const result = runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY }, lang);
  return buildWritePlan(result, lang, { sheetNames: [] });
}

const headerOf = (p: ReturnType<typeof plan>, kind: string) => p.sheets.find((s) => s.kind === kind)!.headerFooter;

describe("the plan's printed pages", () => {
  test("English: each of our sheets headed with its title and the review date, every page numbered", () => {
    const p = plan("en");
    expect(headerOf(p, "summary")).toEqual({ header: "Credit Review Summary — 2026-11-30", footer: "Page &P of &N" });
    expect(headerOf(p, "archive")).toEqual({ header: "Credit Review Archive — 2026-11-30", footer: "Page &P of &N" });
    expect(headerOf(p, "policy")).toEqual({ header: "Credit Policy — 2026-11-30", footer: "Page &P of &N" });
    expect(p.sheets.every((s) => s.headerFooter !== undefined)).toBe(true);
    // The customer sheet is the user's: page numbers only.
    expect(p.target.headerFooter).toEqual({ footer: "Page &P of &N" });
  });

  test("Chinese: the summary's own title, the date as its as-of cell shows it, the pages in Chinese", () => {
    const p = plan("zh");
    expect(headerOf(p, "summary")).toEqual({ header: "信用审查汇总——2026年11月30日", footer: "第 &P 页，共 &N 页" });
    expect(headerOf(p, "archive")!.header).toBe("信用审查档案——2026年11月30日");
    expect(headerOf(p, "policy")!.header).toBe("信用政策——2026年11月30日");
    expect(p.target.headerFooter).toEqual({ footer: "第 &P 页，共 &N 页" });
  });

  test("our sheets under the names the workbook gives them: an '&' there prints as one", () => {
    // Renamed by the user (ours by their content): written, and printed, under their names.
    const renamed = buildWritePlan(
      runReview(
        {
          sheetName: "R&D customers",
          values: customerSheet([], [{ id: "C001", name: "Alpha", factors: [1, 2, 1, 2, 1], extra: [] }]),
          asOf,
          policy: DEFAULT_POLICY,
        },
        "en",
      ),
      "en",
      { ownSheets: { archive: "R&D archive", policy: "Policy & limits" } },
    );
    expect(headerOf(renamed, "archive")!.header).toBe("R&&D archive — 2026-11-30");
    expect(headerOf(renamed, "policy")!.header).toBe("Policy && limits — 2026-11-30");
    // The customer sheet's name is not printed by us (its footer is the page numbers): nothing to escape there.
    expect(renamed.target.headerFooter).toEqual({ footer: "Page &P of &N" });
  });

  test("a literal text: every '&' doubled, codes of ours kept as codes", () => {
    expect(headerFooterLiteral("A&B && C&P")).toBe("A&&B &&&& C&&P");
    expect(ownSheetHeaderFooter("Q&A", asOf, "en")).toEqual({ header: "Q&&A — 2026-11-30", footer: "Page &P of &N" });
  });
});

describe("the archive's pages, which print this review's rows only, say where the others are", () => {
  const customers = customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { id: "C001", name: "Alpha", factors: [1, 2, 1, 2, 1], extra: [10000, 2000] },
      { id: "C002", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [20000, 25000] },
    ],
  );
  const [oct, nov, dec] = ["2026-10-31", "2026-11-30", "2026-12-31"].map(serial);
  const first = reviewWorkbook({ customers }, nov);
  const second = reviewWorkbook(first.workbook, dec);

  test("a first review: its rows are the whole archive, nothing to say", () => {
    expect(first.archiveHeader).toBe("Credit Review Archive — 2026-11-30");
  });

  test("the month after: its rows, and how many of the earlier review's the sheet keeps unprinted", () => {
    expect(second.archivePrintArea).toMatchObject({ row: 3, rows: 2 });
    expect(second.archiveHeader).toBe(
      "Credit Review Archive — 2026-12-31 (this review only; 1 other review (2026-11-30) on the sheet, not printed)",
    );
    expect(reviewWorkbook(reviewWorkbook({ customers }, nov, "zh").workbook, dec, "zh").archiveHeader).toBe(
      "信用审查档案——2026年12月31日（仅本次审查；表中另有 1 次审查未打印：2026年11月30日）",
    );
  });

  test("a re-run the same day replaces its own rows: they are not counted as another review's", () => {
    expect(reviewWorkbook(second.workbook, dec).archiveHeader).toBe(second.archiveHeader);
  });

  test("three months on: the other reviews by their first and last dates", () => {
    const third = reviewWorkbook(second.workbook, serial("2027-01-31"));
    expect(third.archiveHeader).toBe(
      "Credit Review Archive — 2027-01-31 (this review only; 2 other reviews (2026-11-30 to 2026-12-31) on the sheet, not printed)",
    );
  });

  test("a back-dated review goes before the later ones, and counts them", () => {
    expect(reviewWorkbook(second.workbook, oct).archiveHeader).toBe(
      "Credit Review Archive — 2026-10-31 (this review only; 2 other reviews (2026-11-30 to 2026-12-31) on the sheet, not printed)",
    );
  });
});

describe("whose header and footer a sheet has", () => {
  test.each([
    ["none at all", [], [], false],
    ["empty sections", ["", "", ""], ["", "", ""], false],
    ["an earlier run's page numbers, English", [], ["&CPage &P of &N"], false],
    ["an earlier run's page numbers, Chinese, as Office.js gives a section", [""], ["", "第 &P 页，共 &N 页", ""], false],
    ["a header of the user's", ["&CQuarterly report"], [], true],
    ["page numbers in a header", ["&CPage &P of &N"], [], true],
    ["a footer of the user's", [], ["&LConfidential"], true],
    ["our page numbers and something of theirs", [], ["&CPage &P of &N", "&RPrinted &D"], true],
    ["page numbers worded their way", [], ["&CPage &P"], true],
  ])("%s", (_name, headers, footers, users) => {
    expect(isUsersHeaderFooter({ headers, footers })).toBe(users);
  });

  test("first or even pages set to differ are the user's set-up, even with nothing typed yet", () => {
    expect(isUsersHeaderFooter({ headers: [], footers: [], differentPages: true })).toBe(true);
    expect(isUsersHeaderFooter({ headers: [], footers: ["&CPage &P of &N"], differentPages: false })).toBe(false);
  });

  test("the page numbers in each language hold Excel's codes, and the catalogue texts no '&' of their own", () => {
    expect(pageNumbers("en")).toBe("Page &P of &N");
    expect(pageNumbers("zh")).toBe("第 &P 页，共 &N 页");
    // Only the texts put into them are made literal: the templates themselves must hold no code.
    for (const lang of LANGUAGES)
      for (const key of [
        "print.header",
        "print.headerWithAside",
        "print.otherReviews",
        "print.dateRange",
        "print.footer",
      ] as const)
        expect(catalogue(lang)[key]).not.toContain("&");
  });
});

describe("the sections of a header or footer: the review writes the centre, the user's left and right stay", () => {
  test.each([
    ["sections in Excel's order", "&LConfidential&CTitle&RPrepared by Finance", ["Confidential", "Title", "Prepared by Finance"]],
    ["text before any section code prints centred", "Page &P of &N", ["", "Page &P of &N", ""]],
    ["a literal '&' and a font in quotes start no section", '&L&"Arial,Bold"R&&D&R&D', ['&"Arial,Bold"R&&D', "", "&D"]],
    ["a font whose name holds a section letter", '&R&"Calibri,Light"&12Left', ["", "", '&"Calibri,Light"&12Left']],
    ["a section written twice runs on", "&La&Cb&Lc", ["ac", "b", ""]],
    ["a lone '&' at the end stays", "&RA &", ["", "", "A &"]],
    ["none", "", ["", "", ""]],
  ])("%s", (_name, text, [left, center, right]) => {
    expect(sectionsOf(text)).toEqual({ left, center, right });
  });

  test("a text split into its sections and joined again is the same text, written in Excel's order", () => {
    for (const text of ["&LConfidential&CTitle&RPrepared by Finance", '&L&"Arial,Bold"R&&D&R&D', "&CPage &P of &N", ""])
      expect(sectionsText(sectionsOf(text))).toBe(text);
    expect(sectionsText(sectionsOf("&RRight&LLeft"))).toBe("&LLeft&RRight");
  });

  test("our centre replaces the last run's, the user's left and right stay as typed", () => {
    const typed = "&LConfidential&CCredit Review Summary — 2026-11-30&RPrepared by Finance";
    expect(withOurCentre(typed, "Credit Review Summary — 2026-12-31")).toBe(
      "&LConfidential&CCredit Review Summary — 2026-12-31&RPrepared by Finance",
    );
    expect(withOurCentre('&L&"Arial,Bold"Finance only&CPage &P of &N', pageNumbers("zh"))).toBe(
      '&L&"Arial,Bold"Finance only&C第 &P 页，共 &N 页',
    );
    // A sheet with nothing typed gets ours alone; an earlier run's centre, with or without its code, is ours to redo.
    expect(withOurCentre("", "Page &P of &N")).toBe("&CPage &P of &N");
    expect(withOurCentre("Page &P of &N", "第 &P 页，共 &N 页")).toBe("&C第 &P 页，共 &N 页");
  });
});

/**
 * What each printed page of a review carries at its top and foot, as Excel header and footer
 * text: on the review's own sheets the sheet's title and the review date above and "Page 3 of 7"
 * below, so loose pages of a forwarded report go back to their month and in their order; on the
 * user's customer sheet the page numbers only, and only where the user has no header or footer
 * of their own (a header there is the user's to choose, and the review date is on every row).
 */
import { dateText, Lang, LANGUAGES, message } from "../i18n";
import type { HeaderFooter } from "./write-plan";

/** Excel's header and footer codes for the page's number and the number of pages. */
const PAGE = "&P";
const PAGES = "&N";

/** A text printed as it reads: in a header or footer "&" starts a code, and "&&" prints one "&". */
export function headerFooterLiteral(text: string): string {
  return text.replace(/&/g, "&&");
}

/** "Page &P of &N": the page numbers, in the language's own words. */
export function pageNumbers(lang: Lang): string {
  return message(lang, "print.footer", { page: PAGE, pages: PAGES });
}

/**
 * One of the review's own sheets: its title and the review date, shown as the summary's
 * as-of cell shows it ("2026-11-30", "2026年11月30日"), above; the page numbers below.
 */
export function ownSheetHeaderFooter(title: string, asOf: number, lang: Lang): HeaderFooter {
  const date = dateText(asOf, lang);
  return {
    header: message(lang, "print.header", { title: headerFooterLiteral(title), date: headerFooterLiteral(date) }),
    footer: pageNumbers(lang),
  };
}

/** The customer sheet: the page numbers only. */
export function customerSheetHeaderFooter(lang: Lang): HeaderFooter {
  return { footer: pageNumbers(lang) };
}

/** The page numbers as a sheet holds them, in any language: in the centre section, with or without its code. */
const OUR_FOOTERS: ReadonlySet<string> = new Set(LANGUAGES.flatMap((lang) => [pageNumbers(lang), `&C${pageNumbers(lang)}`]));

/**
 * Whether a sheet's headers and footers (their texts as the file or Excel holds them, "" where
 * none) are the user's own, and stay: any header, any footer but the page numbers an earlier run
 * put there (in either language: they are redone in this review's), or `differentPages`, other
 * headers on the first or the even pages set up (even before anything is typed in them).
 */
export function isUsersHeaderFooter(texts: {
  readonly headers: readonly string[];
  readonly footers: readonly string[];
  readonly differentPages?: boolean;
}): boolean {
  return (
    texts.differentPages === true ||
    texts.headers.some((text) => text !== "") ||
    texts.footers.some((text) => text !== "" && !OUR_FOOTERS.has(text))
  );
}

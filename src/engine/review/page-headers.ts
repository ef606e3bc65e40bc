/**
 * What each printed page of a review carries at its top and foot, as Excel header and footer
 * text: on the review's own sheets the sheet's title and the review date above and "Page 3 of 7"
 * below, so loose pages of a forwarded report go back to their month and in their order; on the
 * user's customer sheet the page numbers only, and only where the user has no header or footer
 * of their own (a header there is the user's to choose, and the review date is on every row).
 * The review writes the centre sections alone: on its own sheets a left or right section the user
 * typed stays beside them (withOurCentre).
 */
import { dateText, Lang, LANGUAGES, message } from "../i18n";
import type { HeaderFooter } from "./write-plan";
import "../i18n/report";

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
 * as-of cell shows it ("2026-11-30", "2026年11月30日"), and in brackets what its pages leave
 * out (`aside`) above; the page numbers below.
 */
export function ownSheetHeaderFooter(title: string, asOf: number, lang: Lang, aside?: string): HeaderFooter {
  const date = dateText(asOf, lang);
  const header = message(lang, "print.header", { title: headerFooterLiteral(title), date: headerFooterLiteral(date) });
  return {
    header: aside ? message(lang, "print.headerWithAside", { header, aside: headerFooterLiteral(aside) }) : header,
    footer: pageNumbers(lang),
  };
}

/** The customer sheet: the page numbers only. */
export function customerSheetHeaderFooter(lang: Lang): HeaderFooter {
  return { footer: pageNumbers(lang) };
}

/**
 * The sections of a header and footer the review never writes (it writes the centre ones), as
 * Office.js names them: the user's own, which stay on the review's sheets run after run.
 */
export const USERS_SECTIONS = ["leftHeader", "rightHeader", "leftFooter", "rightFooter"] as const;

/** A header's or footer's three sections, each as Excel's codes write it ("" where empty). */
export interface Sections {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

const SECTION_CODES: Readonly<Record<string, keyof Sections>> = { L: "left", C: "center", R: "right" };

/**
 * A header or footer text as Excel or a file holds it ("&LConfidential&CTitle&RPage &P") split
 * into its sections: &L, &C and &R start one; text before any of them prints centred, as Excel
 * prints it. A literal "&&" and a font name in quotes (&"Arial,Bold") start none; every other
 * code (&P, &D, &B, &12, &K…) stays in its section as written.
 */
export function sectionsOf(text: string): Sections {
  const out = { left: "", center: "", right: "" };
  let into: keyof Sections = "center";
  for (let i = 0; i < text.length; i++) {
    const next = text[i + 1];
    if (text[i] !== "&" || next === undefined) out[into] += text[i];
    else if (SECTION_CODES[next]) into = SECTION_CODES[text[++i]];
    else if (next === '"') {
      const close = text.indexOf('"', i + 2);
      const end = close < 0 ? text.length : close + 1;
      out[into] += text.slice(i, end);
      i = end - 1;
    } else out[into] += text[i] + text[++i];
  }
  return out;
}

/** Sections back as one header or footer text, in Excel's order: "&L…&C…&R…", an empty section left out. */
export function sectionsText(sections: Sections): string {
  const { left, center, right } = sections;
  return (left && `&L${left}`) + (center && `&C${center}`) + (right && `&R${right}`);
}

/**
 * A header or footer of one of the review's own sheets: the review's text (`ours`) in the
 * centre, where the review writes and rewrites it each run, the left and right sections of the
 * text the sheet has (`existing`, "" where none) as the user typed them.
 */
export function withOurCentre(existing: string, ours: string): string {
  return sectionsText({ ...sectionsOf(existing), center: ours });
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

/**
 * The sheets the review keeps in a workbook, by their names in either language, and which
 * of a workbook's sheets a review reads besides the customer sheet. Our sheets under other
 * names (renamed by the user) are found by their content in own-sheets.ts.
 */
import { Lang } from "../i18n";
import { foldTraditional } from "../traditional-chinese";

export const REVIEW_SHEETS = {
  summary: { en: "Credit Review Summary", zh: "信用审查汇总" },
  archive: { en: "Credit Review Archive", zh: "信用审查档案" },
  policy: { en: "Credit Policy", zh: "信用政策" },
  policyHistory: { en: "Credit Policy History", zh: "信用政策历史" },
} as const;
export type ReviewSheet = keyof typeof REVIEW_SHEETS;
export const REVIEW_SHEET_KINDS = Object.keys(REVIEW_SHEETS) as readonly ReviewSheet[];

/** The review's own sheets a workbook has, each under the name it has there now. */
export type OwnSheets = Readonly<Partial<Record<ReviewSheet, string>>>;

/**
 * Whether two names are one sheet's: Excel tells sheet names apart without regard to case (a name
 * typed into the archive or on the command line may differ in case, or carry a stray space).
 */
export function sameSheetName(a: string, b: string): boolean {
  return a === b || sheetNameKey(a) === sheetNameKey(b);
}

/** A sheet name as sameSheetName compares it: one fold of a name compared with many. */
export function sheetNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Which of the review's own sheets a name is, in either language (信用審查檔案, renamed in Traditional characters, too). */
export function reviewSheetKind(name: string): ReviewSheet | undefined {
  const lower = name.toLowerCase();
  const simplified = foldTraditional(name);
  for (const kind of REVIEW_SHEET_KINDS) {
    const names = REVIEW_SHEETS[kind];
    if (names.en.toLowerCase() === lower || names.zh === simplified) return kind;
  }
  return undefined;
}

export function isReviewSheet(name: string): boolean {
  return reviewSheetKind(name) !== undefined;
}

/**
 * The workbook's sheets named as ours: of each kind the first, in workbook order, named in
 * either language. The language the user reads in does not choose among them, so a workbook
 * gives the same review whatever the display language.
 */
export function ownSheetsByName(sheetNames: readonly string[]): OwnSheets {
  const own: Partial<Record<ReviewSheet, string>> = {};
  for (const name of sheetNames) {
    const kind = reviewSheetKind(name);
    if (kind !== undefined) own[kind] ??= name;
  }
  return own;
}

/** The name to write one of our sheets under: the workbook's own, else the new name in `lang`. */
export function reviewSheetName(kind: ReviewSheet, own: OwnSheets, lang: Lang): string {
  return own[kind] ?? REVIEW_SHEETS[kind][lang];
}

export interface SheetRoles {
  readonly archive?: string;
  readonly policy?: string;
  readonly policyHistory?: string;
  /** Every other sheet but the customer sheet, in workbook order: the first that is an invoice ledger is used. */
  readonly candidates: readonly string[];
}

/**
 * What a review reads among a workbook's sheets besides the customer sheet (see findLedger for
 * the ledger), given our own sheets found there: neither they nor a sheet named as ours is a candidate.
 */
export function sheetRoles(sheetNames: readonly string[], own: OwnSheets, customerSheet?: string): SheetRoles {
  const ours = new Set(Object.values(own));
  return {
    archive: own.archive,
    policy: own.policy,
    policyHistory: own.policyHistory,
    candidates: sheetNames.filter((name) => name !== customerSheet && !ours.has(name) && !isReviewSheet(name)),
  };
}

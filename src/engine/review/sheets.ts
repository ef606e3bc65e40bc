/**
 * The sheets the review keeps in a workbook, by their names in either language, and which
 * of a workbook's sheets a review reads besides the customer sheet.
 */
import { Lang } from "../i18n";

export const REVIEW_SHEETS = {
  summary: { en: "Credit Review Summary", zh: "信用审查汇总" },
  archive: { en: "Credit Review Archive", zh: "信用审查档案" },
  policy: { en: "Credit Policy", zh: "信用政策" },
  policyHistory: { en: "Credit Policy History", zh: "信用政策历史" },
} as const;
export type ReviewSheet = keyof typeof REVIEW_SHEETS;

/** Which of the review's own sheets a name is, in either language. */
export function reviewSheetKind(name: string): ReviewSheet | undefined {
  const lower = name.toLowerCase();
  for (const kind of Object.keys(REVIEW_SHEETS) as ReviewSheet[]) {
    const names = REVIEW_SHEETS[kind];
    if (names.en.toLowerCase() === lower || names.zh === name) return kind;
  }
  return undefined;
}

export function isReviewSheet(name: string): boolean {
  return reviewSheetKind(name) !== undefined;
}

/**
 * The workbook's sheet of one kind: the first, in workbook order, named in either language.
 * The language the user reads in does not choose among them, so a workbook gives the same
 * review whatever the display language.
 */
function existingSheet(kind: ReviewSheet, sheetNames: readonly string[]): string | undefined {
  return sheetNames.find((name) => reviewSheetKind(name) === kind);
}

/** The name to use for one of our sheets: the workbook's own, else the new name in `lang`. */
export function reviewSheetName(kind: ReviewSheet, sheetNames: readonly string[], lang: Lang): string {
  return existingSheet(kind, sheetNames) ?? REVIEW_SHEETS[kind][lang];
}

export interface SheetRoles {
  readonly archive?: string;
  readonly policy?: string;
  readonly policyHistory?: string;
  /** Every other sheet but the customer sheet, in workbook order: the first that is an invoice ledger is used. */
  readonly candidates: readonly string[];
}

/** What a review reads among a workbook's sheets besides the customer sheet (see findLedger for the ledger). */
export function sheetRoles(sheetNames: readonly string[], customerSheet?: string): SheetRoles {
  return {
    archive: existingSheet("archive", sheetNames),
    policy: existingSheet("policy", sheetNames),
    policyHistory: existingSheet("policyHistory", sheetNames),
    candidates: sheetNames.filter((name) => name !== customerSheet && !isReviewSheet(name)),
  };
}

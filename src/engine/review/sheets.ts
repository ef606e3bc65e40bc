/** The sheets the review keeps in a workbook, by their names in either language. */
import { Lang } from "../i18n";

export const REVIEW_SHEETS = {
  summary: { en: "Credit Review Summary", zh: "信用审查汇总" },
  archive: { en: "Credit Review Archive", zh: "信用审查档案" },
  policy: { en: "Credit Policy", zh: "信用政策" },
} as const;
export type ReviewSheet = keyof typeof REVIEW_SHEETS;

/** The name to use for one of our sheets: an existing one in either language, else the new name in `lang`. */
export function reviewSheetName(kind: ReviewSheet, existing: readonly string[], lang: Lang): string {
  const names = REVIEW_SHEETS[kind];
  const lower = existing.map((n) => n.toLowerCase());
  for (const name of [names[lang], names.en, names.zh]) {
    const i = lower.indexOf(name.toLowerCase());
    if (i >= 0) return existing[i];
  }
  return names[lang];
}

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

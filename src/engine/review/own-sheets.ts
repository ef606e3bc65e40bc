/**
 * Which of a workbook's sheets are the review's own (summary, archive, policy, policy history)
 * when the user has renamed them. A sheet under one of our names is ours; a kind with no sheet
 * of its names is the first sheet, in workbook order, whose top rows are that kind's: the
 * summary's labels, the archive's and the history's headers, the policy's Setting/Value table.
 * Of two sheets that look like one kind the first in workbook order is used and the other is
 * left as it is, as with two sheets named as ours.
 *
 * Known by content, not by a marker the review would store (a defined name per sheet): the top
 * rows are what the review reads of these sheets anyway, so nothing extra can be lost when a
 * sheet is copied to another workbook, a tool drops the defined names or a user tidies the Name
 * Manager; and the sheets of workbooks reviewed before are found too.
 */
import { CellValue } from "../cells";
import { isArchiveTop } from "./archive";
import { isPolicyHistoryTop } from "./policy-history";
import { isPolicySheetTop } from "./policy-sheet";
import { isReviewSheet, OwnSheets, ownSheetsByName, REVIEW_SHEET_KINDS, ReviewSheet } from "./sheets";
import { isSummaryTop } from "./summary-sheet";

type Top = readonly (readonly CellValue[])[];

const LOOKS_LIKE: Readonly<Record<ReviewSheet, (top: Top) => boolean>> = {
  summary: isSummaryTop,
  archive: isArchiveTop,
  policy: isPolicySheetTop,
  policyHistory: isPolicyHistoryTop,
};

/** Which of our sheets a sheet's top rows (from A1, as far down as a header is looked for) show it to be. */
export function ownSheetKind(top: Top): ReviewSheet | undefined {
  return REVIEW_SHEET_KINDS.find((kind) => LOOKS_LIKE[kind](top));
}

/**
 * The sheets whose top rows findOwnSheets may need: none when the workbook has every one of
 * our sheets under our names, else every sheet not named as ours.
 */
export function sheetsToRecognise(sheetNames: readonly string[]): string[] {
  const named = ownSheetsByName(sheetNames);
  if (REVIEW_SHEET_KINDS.every((kind) => named[kind] !== undefined)) return [];
  return sheetNames.filter((name) => !isReviewSheet(name));
}

/**
 * The review's own sheets in a workbook: by name first, else by the top rows `topOf` gives
 * (undefined for a sheet not read: it is not recognised). The customer sheet is never one.
 */
export function findOwnSheets(
  sheetNames: readonly string[],
  topOf: (name: string) => Top | undefined,
  customerSheet?: string,
): OwnSheets {
  const own: Partial<Record<ReviewSheet, string>> = { ...ownSheetsByName(sheetNames) };
  for (const name of sheetNames) {
    if (REVIEW_SHEET_KINDS.every((kind) => own[kind] !== undefined)) break;
    if (name === customerSheet || isReviewSheet(name)) continue;
    const top = topOf(name);
    const kind = top && ownSheetKind(top);
    if (kind !== undefined) own[kind] ??= name;
  }
  return own;
}

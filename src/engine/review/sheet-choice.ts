/**
 * Which of a workbook's sheets hold customers, and the one a review takes when the user names
 * none: the sheet the task pane preselects and the one the command line reviews without --sheet,
 * told by the same rule from the same top rows, with the others that qualify too named.
 */
import { CellValue } from "../cells";
import type { ColumnMapping } from "./column-mapping";
import { looksLikeCustomerSheet } from "./columns";
import { detectLedger } from "./ledger";
import { ownSheetKind } from "./own-sheets";
import { OwnSheets, ReviewSheet, reviewSheetKind } from "./sheets";

export type SheetKind = ReviewSheet | "customers" | "ledger" | "other";

/** As Excel and the package say it; a face that cannot tell takes a sheet as visible. */
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/**
 * Each sheet's kind: ours as found (by name, else by content), then by their top rows (with the
 * headers mapped by hand): a second copy of one of ours is still ours, never offered; a sheet
 * whose rows were not read is "other".
 */
export function sheetKinds(
  names: readonly string[],
  tops: readonly { readonly name: string; readonly values: readonly (readonly CellValue[])[] }[],
  own: OwnSheets = {},
  mapping?: ColumnMapping,
): Map<string, SheetKind> {
  const corner = new Map(tops.map((t) => [t.name, t.values]));
  const found = new Map(Object.entries(own).map(([kind, name]) => [name, kind as ReviewSheet]));
  const kinds = new Map<string, SheetKind>();
  for (const name of names) {
    const values = corner.get(name);
    const ours = found.get(name) ?? reviewSheetKind(name) ?? (values && ownSheetKind(values));
    kinds.set(
      name,
      ours ??
        (values && looksLikeCustomerSheet(values, mapping) ? "customers" : values && detectLedger(values) ? "ledger" : "other"),
    );
  }
  return kinds;
}

/**
 * What a sheet named for review is when it is no customer sheet: one of ours (its top rows are
 * one of our sheets', or it is named as ours and holds no customer columns), or an invoice
 * ledger. Undefined for a sheet with customer columns, even under one of our names: that is the
 * user's sheet, which the review refuses to replace (runReview says to rename it), and for a
 * sheet that is neither, which the review says has no customer header.
 */
export function notCustomerSheet(
  name: string,
  top: readonly (readonly CellValue[])[],
  own: OwnSheets = {},
  mapping?: ColumnMapping,
): ReviewSheet | "ledger" | undefined {
  // Known by its rows only where no other sheet is already that one of ours: a user's customer
  // sheet with a Review date and a Policy version column is not a second archive.
  const ours = ownSheetKind(top);
  if (ours && (own[ours] === undefined || own[ours] === name)) return ours;
  if (looksLikeCustomerSheet(top, mapping)) return undefined;
  const found = Object.entries(own).find(([, sheet]) => sheet === name)?.[0] as ReviewSheet | undefined;
  return found ?? reviewSheetKind(name) ?? (detectLedger(top) ? "ledger" : undefined);
}

/** Why the review took the sheet it took: the active one holds customers, or the first (visible, else hidden) that does. */
export type PickReason = "active" | "first" | "firstHidden";

export interface CustomerSheetPick {
  readonly sheet: string;
  readonly reason: PickReason;
  /** The other sheets that hold customers too and could be reviewed instead, in workbook order. */
  readonly others: readonly string[];
}

/**
 * The customer sheet to review when none is named: the active sheet when it holds customers,
 * else the first visible one that does, else the first hidden one; never a very hidden one (a
 * sheet kept from the user). Undefined when no sheet holds customers.
 */
export function pickCustomerSheet(
  names: readonly string[],
  kinds: ReadonlyMap<string, SheetKind>,
  visibility: (name: string) => SheetVisibility | undefined,
  active?: string,
): CustomerSheetPick | undefined {
  const shown = (name: string) => visibility(name) ?? "visible";
  const customers = names.filter((n) => kinds.get(n) === "customers" && shown(n) !== "veryHidden");
  const visible = customers.filter((n) => shown(n) === "visible");
  const [sheet, reason]: [string | undefined, PickReason] =
    active !== undefined && visible.includes(active)
      ? [active, "active"]
      : visible.length
        ? [visible[0], "first"]
        : [customers[0], "firstHidden"];
  return sheet === undefined ? undefined : { sheet, reason, others: customers.filter((n) => n !== sheet) };
}

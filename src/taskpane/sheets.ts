/**
 * Which sheets the pane offers for a review. Our own review sheets (summary, archive, policy,
 * history), under our names or renamed, and invoice ledgers are never customer sheets; the
 * engine's header search tells a customer table or a ledger from the top-left corner of each sheet.
 */
import { CellValue } from "../engine/cells";
import { detectLedger } from "../engine/review/ledger";
import { looksLikeCustomerSheet } from "../engine/review/columns";
import { ownSheetKind } from "../engine/review/own-sheets";
import { OwnSheets, ReviewSheet, reviewSheetKind } from "../engine/review/sheets";

export type SheetKind = ReviewSheet | "customers" | "ledger" | "other";

/**
 * Each sheet's kind: ours as found (by name, else by content), then by their corner: a second
 * copy of one of ours is still ours, never offered; a sheet not read is "other".
 */
export function sheetKinds(
  names: readonly string[],
  tops: readonly { readonly name: string; readonly values: readonly (readonly CellValue[])[] }[],
  own: OwnSheets = {},
): Map<string, SheetKind> {
  const corner = new Map(tops.map((t) => [t.name, t.values]));
  const found = new Map(Object.entries(own).map(([kind, name]) => [name, kind as ReviewSheet]));
  const kinds = new Map<string, SheetKind>();
  for (const name of names) {
    const values = corner.get(name);
    const ours = found.get(name) ?? reviewSheetKind(name) ?? (values && ownSheetKind(values));
    kinds.set(
      name,
      ours ?? (values && looksLikeCustomerSheet(values) ? "customers" : values && detectLedger(values) ? "ledger" : "other"),
    );
  }
  return kinds;
}

/** The sheets a review may be run on, in workbook order: all but ours and the ledgers. */
export function sheetChoices(names: readonly string[], kinds: ReadonlyMap<string, SheetKind>): string[] {
  return names.filter((n) => {
    // A sheet added since the kinds were read is ours by its name, or else not known to be a ledger.
    const kind = kinds.get(n) ?? reviewSheetKind(n) ?? "other";
    return kind === "customers" || kind === "other";
  });
}

/**
 * The sheet to preselect: the one chosen before while it is still offered, else the active
 * sheet when it holds customers, else the first sheet that does, else the active or first offered.
 */
export function preferredSheet(
  choices: readonly string[],
  kinds: ReadonlyMap<string, SheetKind>,
  active: string,
  current?: string,
): string {
  if (current && choices.includes(current)) return current;
  const customers = choices.filter((n) => kinds.get(n) === "customers");
  if (customers.includes(active)) return active;
  return customers[0] ?? (choices.includes(active) ? active : (choices[0] ?? ""));
}

/** A customer sheet to suggest after the review of `failed` found no customer table there. */
export function suggestedSheet(
  failed: string,
  choices: readonly string[],
  kinds: ReadonlyMap<string, SheetKind>,
): string | undefined {
  if (kinds.get(failed) === "customers") return undefined;
  return choices.find((n) => n !== failed && kinds.get(n) === "customers");
}

/**
 * Which sheets the pane offers for a review. Our own review sheets (summary, archive, policy,
 * history), under our names or renamed, and invoice ledgers are never customer sheets; the
 * engine's header search tells a customer table or a ledger from the top-left corner of each sheet.
 */
import { pickCustomerSheet, SheetKind, SheetVisibility } from "../engine/review/sheet-choice";
import { reviewSheetKind } from "../engine/review/sheets";

export { sheetKinds } from "../engine/review/sheet-choice";
export type { SheetKind } from "../engine/review/sheet-choice";

/** The sheets a review may be run on, in workbook order: all but ours and the ledgers. */
export function sheetChoices(names: readonly string[], kinds: ReadonlyMap<string, SheetKind>): string[] {
  return names.filter((n) => {
    // A sheet added since the kinds were read is ours by its name, or else not known to be a ledger.
    const kind = kinds.get(n) ?? reviewSheetKind(n) ?? "other";
    return kind === "customers" || kind === "other";
  });
}

/**
 * The sheet to preselect: the one chosen before while it is still offered, else the customer
 * sheet a review takes when none is named (the engine's pickCustomerSheet, as the command line
 * picks it), else the active or first offered.
 */
export function preferredSheet(
  choices: readonly string[],
  kinds: ReadonlyMap<string, SheetKind>,
  active: string,
  current?: string,
  visibility: (name: string) => SheetVisibility | undefined = () => undefined,
): string {
  if (current && choices.includes(current)) return current;
  const pick = pickCustomerSheet(choices, kinds, visibility, active);
  return pick?.sheet ?? (choices.includes(active) ? active : (choices[0] ?? ""));
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

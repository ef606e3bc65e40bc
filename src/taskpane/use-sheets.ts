/**
 * The workbook's sheets as the pane knows them: every name, what each holds (customers, a ledger,
 * our own review sheets, and which sheets those are now), the ones offered for a review and the one chosen.
 */
import { useCallback, useMemo, useState } from "react";
import { OwnSheets } from "../engine/review/sheets";
import * as excel from "./excel";
import { preferredSheet, SheetKind, sheetChoices, sheetKinds } from "./sheets";

export function useSheets() {
  const [allSheets, setAllSheets] = useState<string[]>([]);
  const [ownSheets, setOwnSheets] = useState<OwnSheets>({});
  const [kinds, setKinds] = useState<ReadonlyMap<string, SheetKind>>(new Map());
  const [sheet, setSheet] = useState("");

  /** Reads the sheet list again (keeping `keep`, else the current choice, while it is offered). */
  const load = useCallback(async (keep?: string) => {
    const state = await excel.readWorkbookState();
    // The headers mapped by hand count as the review counts them: a sheet it reviews with them holds customers.
    const found = sheetKinds(state.sheetNames, state.tops, state.ownSheets, excel.loadMapping());
    const visibility = (name: string) => state.visibility?.[name];
    setAllSheets(state.sheetNames);
    setOwnSheets(state.ownSheets);
    setKinds(found);
    setSheet((current) =>
      preferredSheet(sheetChoices(state.sheetNames, found), found, state.activeSheet, keep ?? current, visibility),
    );
    return state;
  }, []);

  const choices = useMemo(() => sheetChoices(allSheets, kinds), [allSheets, kinds]);
  return { allSheets, setAllSheets, ownSheets, setOwnSheets, kinds, choices, sheet, setSheet, load };
}

/** Taking the user to a place in the workbook: a customer's row, a cell with a data error, the summary sheet. */
import { Area } from "../../engine/a1";
import { rangeOf } from "./write-steps";

type Context = Excel.RequestContext;

/** Shows the sheet and selects the area on it (Excel selects only on the active sheet): 1 sync. */
export async function selectRangeWith(context: Context, sheet: string, area: Area): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  rangeOf(ws, area).select();
  await context.sync();
}

/** Shows a sheet: 1 sync. */
export async function activateSheetWith(context: Context, sheet: string): Promise<void> {
  context.workbook.worksheets.getItem(sheet).activate();
  await context.sync();
}

export function selectRange(sheet: string, area: Area): Promise<void> {
  return Excel.run((context) => selectRangeWith(context, sheet, area));
}

export function activateSheet(sheet: string): Promise<void> {
  return Excel.run((context) => activateSheetWith(context, sheet));
}

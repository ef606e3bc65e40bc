/** Showing a customer on the sheet: selects its row (and activates its sheet). */
import { Area } from "../../engine/a1";
import { rangeOf } from "./write-steps";

type Context = Excel.RequestContext;

/** Selects a customer's row on its sheet (and shows the sheet). */
export async function selectRowWith(context: Context, sheet: string, area: Area): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  rangeOf(ws, area).select();
  await context.sync();
}

export function selectRow(sheet: string, area: Area): Promise<void> {
  return Excel.run((context) => selectRowWith(context, sheet, area));
}

/**
 * The workbook's date system, asked in a sync the pane sends anyway. Office.js gives and takes a
 * date as the workbook stores it, and a 1904 workbook stores each day 1,462 lower than the 1900
 * count the engine uses (engine/date-system.ts): the read counts its dates up, the write down.
 * Office.js has no property for it; Excel's DATE(1904, 1, 1) is day 0 in the 1904 system and
 * day 1,462 in the 1900 one.
 */
type Context = Excel.RequestContext;

/**
 * Queues the question for the next sync (no sync of its own); the function it returns, once that
 * sync has run, says whether the workbook counts dates from 1904.
 */
export function loadDateSystem(context: Context): { in1904: () => boolean } {
  const origin = context.workbook.functions.date(1904, 1, 1);
  origin.load("value");
  return { in1904: () => origin.value === 0 };
}

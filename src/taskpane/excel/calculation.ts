/**
 * Excel's calculation as the review's read finds it. A workbook set to Manual calculation, with
 * edits not calculated yet, gives Office.js the formulas' last calculated values: a balance summed
 * from a ledger reads as it was before the ledger's last rows, and the review decides on it. The
 * read says so (it is told in the sync it sends anyway), and the pane offers Excel's F9.
 */
import { excelApiSupported } from "./office";
import { classifyError, throwIfCancelled } from "./problems";

type Context = Excel.RequestContext;

/** Excel's calculation setting (Formulas › Calculation Options), as Office.js names it. */
export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";

/**
 * Excel had not brought every formula up to date when the read took the values: changes not
 * calculated yet ("Pending": calculation set to Manual, or data tables under "Automatic except
 * for data tables") or a calculation still running ("Calculating").
 */
export interface StaleCalculation {
  readonly mode: CalculationMode;
  readonly state: "Calculating" | "Pending";
}

/** calculationState is ExcelApi 1.9 (calculationMode 1.8): an older Excel is not asked, and nothing is said. */
export function calculationStateSupported(): boolean {
  return excelApiSupported("1.9");
}

/**
 * Queues Excel's calculation mode and state for the read's next sync (no sync of its own); the
 * function it returns, once that sync has run, gives them when Excel had not calculated
 * everything, else undefined.
 */
export function loadCalculation(context: Context): () => StaleCalculation | undefined {
  if (!calculationStateSupported()) return () => undefined;
  const application = context.workbook.application;
  application.load("calculationMode,calculationState");
  return () => {
    // Called once the sync has run: both were loaded for it.
    const state = String(application.calculationState);
    if (state !== "Calculating" && state !== "Pending") return undefined;
    return { mode: String(application.calculationMode) as CalculationMode, state };
  };
}

/**
 * Excel's F9, in one sync: the cells with changes not calculated yet (and the volatile ones) are
 * calculated. The workbook's setting stays the user's: Manual stays Manual. A cancel before the
 * sync is sent stops it with ExcelProblem "cancelled"; once sent, Excel calculates.
 */
export async function recalculateWith(context: Context, signal?: AbortSignal): Promise<void> {
  throwIfCancelled(signal);
  context.workbook.application.calculate(Excel.CalculationType.recalculate);
  await context.sync();
}

export function recalculate(signal?: AbortSignal): Promise<void> {
  return Excel.run((context) => recalculateWith(context, signal)).catch((error: unknown) => {
    throw classifyError(error);
  });
}

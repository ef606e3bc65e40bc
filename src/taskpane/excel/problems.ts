/**
 * Office.js failures told in the pane's words: an `ExcelProblem` carries a code the pane has a
 * message for, the sheet involved and Excel's own text.
 */

export type ExcelProblemCode =
  | "shapeChanged"
  | "sheetMissing"
  | "protected"
  | "editMode"
  | "tooLarge"
  | "usedRangeTooLarge"
  | "outsideOutput"
  /** The user pressed Cancel: the work stopped between two syncs. */
  | "cancelled"
  | "excel";

/** A failure told in the pane's words: a code for the message key, the sheet involved, Excel's own text. */
export class ExcelProblem extends Error {
  constructor(
    readonly code: ExcelProblemCode,
    readonly sheet?: string,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "ExcelProblem";
  }
}

/** Maps an Office.js error (OfficeExtension.Error has a `code`) to what the user can do about it. */
export function classifyError(error: unknown, sheet?: string): ExcelProblem {
  if (error instanceof ExcelProblem) return error;
  const code = typeof error === "object" && error !== null ? String((error as { code?: unknown }).code ?? "") : "";
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "AccessDenied":
      return new ExcelProblem("protected", sheet, detail);
    case "InvalidOperationInCellEditMode":
      return new ExcelProblem("editMode", sheet, detail);
    // Excel on the web's 5 MB payload limits, and more than 5 million cells in one get (every
    // platform): the read goes again in pages, a write batch again in halves.
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "PayloadTooLarge":
    case "RangeExceedsLimit":
      return new ExcelProblem("tooLarge", sheet, detail);
    case "ItemNotFound":
      return new ExcelProblem("sheetMissing", sheet, detail);
    default:
      return new ExcelProblem("excel", sheet, detail);
  }
}

/** Stops a read between two syncs once the user has pressed Cancel (a sync already sent can't be called back). */
export function throwIfCancelled(signal: AbortSignal | undefined, sheet?: string): void {
  if (signal?.aborted) throw new ExcelProblem("cancelled", sheet);
}

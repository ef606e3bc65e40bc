/**
 * Engine failures → Excel error values. The only place that knows CustomFunctions.Error,
 * so the engine stays free of Office and every function reports errors the same way.
 */
import { CreditError, describeError, ErrorKind } from "../engine/errors";
import { Lang } from "../engine/i18n";

/**
 * Excel shows a custom function's message only on #VALUE! and #N/A; on #NUM! and #DIV/0! it drops
 * it (CustomFunctions.ErrorCode reference). A bad number or a zero divisor is the user's input to
 * fix, and the message is what says which and why, so every failure but "not available" is #VALUE!.
 */
const CODES: Record<ErrorKind, () => CustomFunctions.ErrorCode> = {
  value: () => CustomFunctions.ErrorCode.invalidValue,
  num: () => CustomFunctions.ErrorCode.invalidValue,
  div0: () => CustomFunctions.ErrorCode.invalidValue,
  na: () => CustomFunctions.ErrorCode.notAvailable,
};

let language: Lang = "en";

/** Error messages follow Office's display language; set once when the runtime starts. */
export function setErrorLanguage(lang: Lang): void {
  language = lang;
}

export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CreditError) {
    return new CustomFunctions.Error(CODES[error.kind](), describeError(error, language));
  }
  // A bug of ours must still reach the cell as an explained error, never as a raw exception.
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Internal error: ${detail}`.slice(0, 255));
}

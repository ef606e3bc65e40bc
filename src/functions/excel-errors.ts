/**
 * Engine failures → Excel error values. The only place that knows CustomFunctions.Error,
 * so the engine stays free of Office and every function reports errors the same way.
 */
import { ArgumentNames, CreditError, describeError, ErrorKind } from "../engine/errors";
import { Lang } from "../engine/i18n";
import zhTexts from "./locales/zh-CN.json";

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

export type FunctionId = keyof typeof zhTexts;

interface FunctionTexts {
  /** Each parameter as [its name, its help]. */
  readonly parameters: Readonly<Record<string, readonly string[]>>;
}

/**
 * Each language's texts of the functions, as Excel shows them: the parameter names there are the
 * ones a message uses. English has none: its names are the parameters' own.
 */
const FUNCTION_TEXTS: Readonly<Partial<Record<Lang, Readonly<Record<FunctionId, FunctionTexts>>>>> = { zh: zhTexts };

let language: Lang = "en";

/** Error messages follow Office's display language; set once when the runtime starts. */
export function setErrorLanguage(lang: Lang): void {
  language = lang;
}

/** A function's arguments by the names Excel shows for them in the display language. */
function argumentNames(id: FunctionId): ArgumentNames | undefined {
  const parameters = FUNCTION_TEXTS[language]?.[id].parameters;
  return parameters && ((param) => parameters[param]?.[0]);
}

export function toExcelError(error: unknown, id: FunctionId): CustomFunctions.Error {
  if (error instanceof CreditError) {
    return new CustomFunctions.Error(CODES[error.kind](), describeError(error, language, argumentNames(id)));
  }
  // A bug of ours must still reach the cell as an explained error, never as a raw exception.
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Internal error: ${detail}`.slice(0, 255));
}

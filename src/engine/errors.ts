import { catalogue, Lang, message, MessageKey, MessageParams } from "./i18n";

/** Which Excel error a failure maps to; the function adapter turns it into a CustomFunctions.ErrorCode. */
export type ErrorKind = "value" | "num" | "div0" | "na";

/**
 * Where a bad value sits, so that a message can say "row 17" or "dueDates row 17" —
 * the user must be able to find the cell to fix.
 */
export interface ErrorPlace {
  readonly param?: string;
  readonly row?: number;
  readonly column?: string;
  /** Set when the cell is on another sheet than the one under review (an invoice ledger, the policy sheet). */
  readonly sheet?: string;
  /**
   * The policy setting a bad value is for ("maxDebtRatio", "weight.paymentHistory"): the
   * message then names it by its label in the reader's language, not by its key.
   */
  readonly setting?: string;
}

/**
 * The one error type of the engine: a message key with its parameters, never a
 * finished English sentence, so that every front end can say it in the user's language.
 */
export class CreditError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly place: ErrorPlace = {},
  ) {
    super(describeError({ key, params, place }, "en"));
    this.name = "CreditError";
  }

  /** The same error, located more precisely (inner places win over outer ones). */
  at(place: ErrorPlace): CreditError {
    return new CreditError(this.kind, this.key, this.params, { ...place, ...this.place });
  }
}

/** The error's own sentence, without where it is; a policy setting it names is named by its label. */
export function errorText(error: Pick<CreditError, "key" | "params" | "place">, lang: Lang): string {
  const { setting } = error.place;
  if (setting === undefined) return message(lang, error.key, error.params);
  const label = (catalogue(lang) as Readonly<Record<string, string>>)[`policy.${setting}`] ?? setting;
  const params: Record<string, string | number> = { ...error.params };
  for (const name of ["field", "param"]) if (name in params) params[name] = label;
  return message(lang, error.key, params);
}

export function describeError(error: Pick<CreditError, "key" | "params" | "place">, lang: Lang): string {
  const text = errorText(error, lang);
  const { param, row, column, sheet } = error.place;
  if (sheet !== undefined && row !== undefined && column !== undefined) {
    return message(lang, "where.sheetRowColumn", { sheet, row, column, text });
  }
  if (sheet !== undefined && row !== undefined) return message(lang, "where.sheetRow", { sheet, row, text });
  if (row !== undefined && column !== undefined) {
    return message(lang, "where.rowColumn", { row, column, text });
  }
  if (param !== undefined && row !== undefined) {
    return message(lang, "where.paramRow", { param, row, text });
  }
  if (row !== undefined) return message(lang, "where.row", { row, text });
  if (sheet !== undefined) return message(lang, "where.sheet", { sheet, text });
  return text;
}

/**
 * The part of Excel's CustomFunctions runtime the functions use, with the real error
 * code strings, so tests see exactly what Excel would put in the cell.
 */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export function installCustomFunctionsStub(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = { Error: StubError, ErrorCode: ERROR_CODES };
}

installCustomFunctionsStub();

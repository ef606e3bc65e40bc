/**
 * Solvency ratios (current, quick, debt, interest coverage) and days sales outstanding;
 * each refuses a zero or negative denominator by name rather than giving #DIV/0! or Infinity.
 */
import { CreditError } from "./errors";

function divide(numerator: number, denominator: number, param: string): number {
  if (denominator === 0) throw new CreditError("div0", "ratio.zeroDenominator", { param });
  if (denominator < 0) throw new CreditError("num", "ratio.negativeDenominator", { param, value: denominator });
  const value = numerator / denominator;
  if (!Number.isFinite(value)) throw new CreditError("num", "ratio.notFinite", { param });
  return value;
}

export function currentRatio(currentAssets: number, currentLiabilities: number): number {
  return divide(currentAssets, currentLiabilities, "currentLiabilities");
}

export function quickRatio(currentAssets: number, inventory: number, currentLiabilities: number): number {
  return divide(currentAssets - inventory, currentLiabilities, "currentLiabilities");
}

export function debtRatio(totalLiabilities: number, totalAssets: number): number {
  return divide(totalLiabilities, totalAssets, "totalAssets");
}

export function interestCoverage(ebit: number, interestExpense: number): number {
  return divide(ebit, interestExpense, "interestExpense");
}

/** Days sales outstanding: receivables / sales × days in the period. */
export function dso(receivables: number, sales: number, days: number): number {
  const value = divide(receivables, sales, "sales") * days;
  if (!Number.isFinite(value)) throw new CreditError("num", "ratio.notFinite", { param: "sales" });
  return value;
}

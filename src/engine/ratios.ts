/**
 * Solvency ratios (current, quick, debt, interest coverage) and days sales outstanding;
 * each refuses a zero or negative denominator by name rather than giving #DIV/0! or Infinity,
 * and gives the figure the arithmetic on paper gives (3.05, not 3.0500000000000003).
 */
import { CreditError } from "./errors";
import { withoutFloatDust } from "./precision";

function divide(numerator: number, denominator: number, param: string): number {
  if (denominator === 0) throw new CreditError("div0", "ratio.zeroDenominator", { param });
  if (denominator < 0) throw new CreditError("num", "ratio.negativeDenominator", { param, value: denominator });
  const value = numerator / denominator;
  if (!Number.isFinite(value)) throw new CreditError("num", "ratio.notFinite", { param });
  return value;
}

/** Total liabilities below 0 are a sign typed wrong: refused alike for the debt ratio and the Z-score. */
export function checkLiabilities(totalLiabilities: number): number {
  if (totalLiabilities < 0) throw new CreditError("num", "arg.negative", { param: "totalLiabilities", value: totalLiabilities });
  return totalLiabilities;
}

export function currentRatio(currentAssets: number, currentLiabilities: number): number {
  return withoutFloatDust(divide(currentAssets, currentLiabilities, "currentLiabilities"));
}

/**
 * Inventory is part of current assets, so more inventory than current assets is a figure in the
 * wrong argument (current liabilities typed second, as CURRENTRATIO takes them), never a quick
 * ratio below 0 to act on.
 */
export function quickRatio(currentAssets: number, inventory: number, currentLiabilities: number): number {
  if (inventory > currentAssets)
    throw new CreditError("num", "ratio.inventoryOverAssets", {
      param: "inventory",
      inventory,
      other: "currentAssets",
      assets: currentAssets,
    });
  return withoutFloatDust(divide(currentAssets - inventory, currentLiabilities, "currentLiabilities"));
}

export function debtRatio(totalLiabilities: number, totalAssets: number): number {
  return withoutFloatDust(divide(checkLiabilities(totalLiabilities), totalAssets, "totalAssets"));
}

export function interestCoverage(ebit: number, interestExpense: number): number {
  return withoutFloatDust(divide(ebit, interestExpense, "interestExpense"));
}

/** Days sales outstanding: receivables / sales × days in the period. */
export function dso(receivables: number, sales: number, days: number): number {
  const value = divide(receivables, sales, "sales") * days;
  if (!Number.isFinite(value)) throw new CreditError("num", "ratio.notFinite", { param: "sales" });
  return withoutFloatDust(value);
}

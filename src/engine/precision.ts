/**
 * Binary float dust: 0.3 × 3 + … gives 2.4999999999999996 and 100 / 1000 × 30.5 gives
 * 3.0500000000000003, where the arithmetic on paper gives 2.5 and 3.05. A figure a reader sees
 * or a band compares is rounded to 10 decimals first, which removes the dust and nothing else.
 */
export function withoutFloatDust(value: number): number {
  // Beyond 10⁵ the 10th decimal is below the double's own precision: nothing to remove, and scaling could overflow.
  if (!(Math.abs(value) < 1e5)) return value;
  const rounded = Math.round(value * 1e10) / 1e10;
  return rounded === 0 ? 0 : rounded;
}

/**
 * A sum of many amounts carries the binary error of each addition (0.1 + 0.2 gives
 * 0.30000000000000004, 41 balances in 万元 401.7999999999999). Rounded to 15 significant digits,
 * the precision Excel keeps, a total reads as on paper in every face (a cell, the JSON, a text).
 */
export function withoutSumDust(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(15));
}

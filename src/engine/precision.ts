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

/**
 * The decimals a score or a Z-score is shown with: two, as their cells show them, or more where
 * two would round the figure into another band or zone (decimalsKeepingClass).
 */
export const FIGURE_DECIMAL_COUNTS = [2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type FigureDecimals = (typeof FIGURE_DECIMAL_COUNTS)[number];
const FEWEST_DECIMALS = FIGURE_DECIMAL_COUNTS[0];
const MOST_DECIMALS = FIGURE_DECIMAL_COUNTS[FIGURE_DECIMAL_COUNTS.length - 1];

/**
 * The fewest decimals, from two up to ten, at which a figure shown rounded still falls in the
 * class it is in (a score in its band, a Z-score in its zone): 3.497 under a band from 3.50 would
 * read "3.50" beside the lower grade, which a reader takes for a wrong grade; at three decimals it
 * reads "3.497". A figure is dust-free at ten decimals, so at ten it is its own figure. For figures
 * below 10⁵, whose digits at ten decimals are exact in a double.
 */
export function decimalsKeepingClass<C>(value: number, classOf: (figure: number) => C): FigureDecimals {
  const own = classOf(value);
  // The figure's digits as a whole number of 10⁻¹⁰.
  const digits = Number(withoutFloatDust(value).toFixed(MOST_DECIMALS).replace(".", ""));
  for (let decimals: number = FEWEST_DECIMALS; decimals < MOST_DECIMALS; decimals++) {
    const step = 10 ** (MOST_DECIMALS - decimals);
    const down = Math.floor(digits / step);
    const rest = digits - down * step;
    // A figure exactly halfway may be rounded either way (Excel and a browser differ): both must stay in the class.
    const shown = rest * 2 < step ? [down] : rest * 2 > step ? [down + 1] : [down, down + 1];
    if (shown.every((figure) => classOf(figure / 10 ** decimals) === own)) return decimals as FigureDecimals;
  }
  return MOST_DECIMALS;
}

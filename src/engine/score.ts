/**
 * The risk score: five factors each scored 1–5, weighted (payment history counts most by
 * default) into one score on the same scale, and the grade bands that score falls in.
 */
import { CellValue, isEmptyCell, numberOrProblem } from "./cells";
import { CreditError } from "./errors";
import { FACTORS, Grade, MAX_FACTOR, MIN_FACTOR, Policy } from "./policy";
import { decimalsKeepingClass, FIGURE_DECIMAL_COUNTS, FigureDecimals, withoutFloatDust } from "./precision";

/** Checks one factor score; `index` is its position in FACTORS. */
export function checkFactor(value: number, index: number): number {
  if (!(value >= MIN_FACTOR && value <= MAX_FACTOR)) {
    throw new CreditError("num", "score.factorRange", { factor: FACTORS[index] ?? String(index + 1), value });
  }
  return value;
}

/**
 * One factor cell read as its score, the same way for a customer sheet and CREDIT.SCORE's
 * range: a blank, text that is no number, or a figure outside 1–5 is refused by the factor's
 * name (the caller adds where the cell is).
 */
export function readFactor(value: CellValue, index: number): number {
  // A spilled CREDIT.SCORE reads five cells per row: a plain score in range needs nothing more.
  if (typeof value === "number" && value >= MIN_FACTOR && value <= MAX_FACTOR) return value;
  const reading = numberOrProblem(value);
  if (typeof reading === "number") return checkFactor(reading, index);
  const factor = FACTORS[index];
  if (reading.kind === "blank") throw new CreditError("value", "score.factorBlank", { factor });
  throw new CreditError("value", "score.factorNotNumber", { factor, value: reading.shown });
}

/**
 * Whether a row of factor cells is a gap between customers, not a customer: every factor cell
 * empty. Desktop Excel hands a custom function an empty cell as 0, and 0 is never a factor
 * score, so a 0 counts as empty here. A row with only some factors empty is a customer whose
 * score is missing a factor (readFactor says which).
 */
export function isBlankFactorRow(row: readonly CellValue[]): boolean {
  for (let i = 0; i < FACTORS.length; i++) {
    const value = row[i];
    // A spilled CREDIT.SCORE asks this of every row: a plain score answers it at the first cell.
    if (typeof value === "number" ? value !== 0 : !isEmptyCell(value)) return false;
  }
  return true;
}

/**
 * Σ weightᵢ × factorᵢ with weights already normalised (see normaliseWeights), so the
 * result stays within [1, 5]. Kept free of allocation: a spilled call runs it per row.
 */
export function riskScoreCore(factors: ArrayLike<number>, normalisedWeights: ArrayLike<number>): number {
  let score = 0;
  for (let i = 0; i < FACTORS.length; i++) score += normalisedWeights[i] * checkFactor(factors[i], i);
  // Float dust (0.3×3 + … = 2.4999999999999996) must not drop a score of exactly 2.5 below its band,
  // and rounding can push a sum of weights that should be 1 a hair past the ends.
  score = withoutFloatDust(score);
  return Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, score));
}

/**
 * Each factor's points (weight × score) as the sheet shows them: 0.45, not 0.44999999999999996,
 * which is what a reader would see on copying the cell.
 */
export function factorPoints(factors: readonly number[], normalisedWeights: ArrayLike<number>): number[] {
  return factors.map((f, i) => withoutFloatDust(f * normalisedWeights[i]));
}

export type GradeBands = Pick<Policy, "mediumFrom" | "highFrom">;

/**
 * Low < mediumFrom ≤ Medium < highFrom ≤ High, after the rounding riskScoreCore gives a score:
 * a score typed or computed as 2.4999999999999996 is the 2.5 the review would have made of it.
 */
export function gradeOf(value: number, bands: GradeBands): Grade {
  const score = withoutFloatDust(value);
  if (!(score >= MIN_FACTOR && score <= MAX_FACTOR)) {
    throw new CreditError("num", "score.scoreRange", { value });
  }
  if (score >= bands.highFrom) return "high";
  if (score >= bands.mediumFrom) return "medium";
  return "low";
}

/** A score is shown with two decimals, or more near a band's edge (scoreDecimals). */
export const SCORE_DECIMALS = FIGURE_DECIMAL_COUNTS[0];

/**
 * The decimals of scores near an edge of the bands last asked about (their values, not the object
 * holding them): a portfolio has the same few such scores on many rows. Up to so many scores.
 */
let nearEdges = { mediumFrom: NaN, highFrom: NaN, decimals: new Map<number, FigureDecimals>() };
const NEAR_EDGES_KEPT = 4096;

/**
 * How many decimals a score is shown with: two, or the fewest more at which the figure lies in the
 * score's own band. 3.497 under High from 3.50 would read "3.50" and Medium beside it, which an
 * analyst takes for a wrong grade; it reads "3.497". Every face (the sheet's cells, the texts,
 * the command line, the pane) shows a score with these decimals, so the figure is the same
 * everywhere. A score is dust-free at ten decimals, so at ten it is its own figure and the search ends.
 */
export function scoreDecimals(score: number, bands: GradeBands): FigureDecimals {
  // A score more than a shown unit from every edge cannot be rounded across one: nearly every call ends here.
  const unit = 10 ** -SCORE_DECIMALS;
  if (Math.abs(score - bands.mediumFrom) >= unit && Math.abs(score - bands.highFrom) >= unit) return SCORE_DECIMALS;
  if (!(score >= MIN_FACTOR && score <= MAX_FACTOR)) return SCORE_DECIMALS;
  if (nearEdges.mediumFrom !== bands.mediumFrom || nearEdges.highFrom !== bands.highFrom)
    nearEdges = { mediumFrom: bands.mediumFrom, highFrom: bands.highFrom, decimals: new Map() };
  let decimals = nearEdges.decimals.get(score);
  if (decimals === undefined) {
    decimals = decimalsInBand(score, bands);
    if (nearEdges.decimals.size < NEAR_EDGES_KEPT) nearEdges.decimals.set(score, decimals);
  }
  return decimals;
}

/** scoreDecimals for a score near an edge: the fewest decimals that keep its figure in its band. */
function decimalsInBand(score: number, bands: GradeBands): FigureDecimals {
  return decimalsKeepingClass(score, (figure) => gradeOf(figure, bands));
}

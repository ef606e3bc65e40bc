/**
 * The CREDIT.* functions as tables of typed parameters bound to engine math. Each entry
 * is what Excel calls (through the JSDoc wrappers in functions.ts): arguments in as
 * Excel passes them, a number, array or CustomFunctions.Error out.
 */
import { ageItems, AgingItems, bucketLabels } from "../engine/aging";
import { CellValue, todaySerial } from "../engine/cells";
import { CreditError } from "../engine/errors";
import { checkDateNear } from "../engine/far-date-arguments";
import { Lang } from "../engine/i18n";
import { recommendedLimit } from "../engine/limit";
import { nextReviewOfFacts } from "../engine/review/decisions";
import { newsAfterReview } from "../engine/review/warnings";
import { roundCents } from "../engine/money";
import { checkAgingEdges, DEFAULT_POLICY, FACTORS, MAX_FACTOR, MIN_FACTOR, normaliseWeights, Policy } from "../engine/policy";
import { currentRatio, debtRatio, dso, interestCoverage, quickRatio } from "../engine/ratios";
import { gradeOf, isBlankFactorRow, readFactor, riskScoreCore } from "../engine/score";
import { parseZModel, Z_MODEL_NAMES, ZModel } from "../engine/z-models";
import { Z_MODEL_SPECS, zScore, zZone } from "../engine/zscore";
import { FunctionId, toExcelError } from "./excel-errors";
import {
  choice,
  dateOrToday,
  defineFunction,
  flag,
  Matrix,
  matrix,
  number,
  numberIfUsed,
  optionalDate,
  optionalFigure,
  optionalMatrix,
  optionalNumber,
  optionalNumberList,
  Param,
  rowOf,
  withCell,
} from "./params";

/** The error handler of one function: its messages name its arguments as Excel shows them to the user. */
function failIn(id: FunctionId): (error: unknown) => never {
  return (error) => {
    throw toExcelError(error, id);
  };
}

/** DSO's period when none is given: a year. */
const DAYS_PER_YEAR = 365;
/** Longest DSO period accepted: a century of days, so a typo of a few extra digits is refused. */
const MAX_PERIOD_DAYS = 36500;

/** An amount of money: "12.500" typed as text is refused with its two readings, as the review refuses it. */
const amount = (name: string, constraints: Parameters<typeof number>[1] = {}) => number(name, { ...constraints, amount: true });
/** A customer whose row names no model is scored under the policy's default; so is a call naming none. */
const model: Param<ZModel> = choice("model", parseZModel, DEFAULT_POLICY.defaultZModel, Z_MODEL_NAMES);
const score = number("score", { minValue: MIN_FACTOR, maxValue: MAX_FACTOR });
const asOf = dateOrToday("asOf");
/** No edge can be 0, so a cell of 0 among the edges is an empty one as desktop Excel passes it. */
const edges = optionalNumberList("edges", DEFAULT_POLICY.agingEdges, { zeroCellIsBlank: true });

function bandsPolicy(mediumFrom: number, highFrom: number): Policy {
  if (!(highFrom > mediumFrom))
    throw new CreditError("num", "grade.bandsOrder", {
      param: "highFrom",
      other: "mediumFrom",
      medium: mediumFrom,
      high: highFrom,
    });
  return { ...DEFAULT_POLICY, mediumFrom, highFrom };
}

/**
 * The weights normalised. A weight may be 0, so a 0 is kept; but more weights than factors with a
 * 0 among them is most likely a range with an empty cell, which desktop Excel passes as 0: the
 * message says so, where Excel on the web (passing null, skipped) would have read five.
 */
function normalisedWeights(weights: readonly number[]): readonly number[] {
  const zeros = weights.filter((w) => w === 0).length;
  if (weights.length > FACTORS.length && zeros > 0)
    throw new CreditError("value", "score.weightsCountZeros", { param: "weights", count: weights.length, zeros });
  return normaliseWeights(weights);
}

/** One row of five factor cells → score, each cell read as the review reads a customer's. */
function scoreRow(row: readonly CellValue[], weights: readonly number[]): number {
  const factors = [0, 0, 0, 0, 0];
  for (let i = 0; i < FACTORS.length; i++) factors[i] = readFactor(row[i], i);
  return riskScoreCore(factors, weights);
}

/** n×5 → one row per customer; a lone 5×1 column is one customer written downwards. */
function factorRows(factors: Matrix): Matrix {
  const rows = factors.length;
  const columns = factors[0].length;
  if (columns === FACTORS.length) return factors;
  if (rows === FACTORS.length && columns === 1) return [factors.map((_, r) => rowOf(factors, r, "factors")[0])];
  throw new CreditError("value", "score.factorsShape", { param: "factors", rows, columns });
}

/** The size of a range as a message says it: "499×1". */
const sizeOf = (range: Matrix) => `${range.length}×${range[0].length}`;

function agingOf(
  amounts: Matrix,
  dueDates: Matrix,
  asOfSerial: number,
  edgeList: readonly number[],
  customers: Matrix | undefined,
): number[][] {
  const rows = amounts.length;
  const width = amounts[0].length;
  for (const [other, range] of [
    ["dueDates", dueDates],
    ["customers", customers],
  ] as const)
    if (range !== undefined && (range.length !== rows || range[0].length !== width))
      throw new CreditError("value", "aging.shapeMismatch", {
        param: "amounts",
        size: sizeOf(amounts),
        other,
        otherSize: sizeOf(range),
      });
  const bucketEdges = checkAgingEdges(edgeList, "edges");
  // A place is counted within the range as the user sees it: the row of a column, the column of a row, both in 2-D.
  const items: AgingItems =
    width === 1
      ? {
          length: rows,
          amount: (i) => rowOf(amounts, i, "amounts")[0],
          due: (i) => rowOf(dueDates, i, "dueDates")[0],
          ...(customers && { customer: (i: number) => rowOf(customers, i, "customers")[0] }),
          place: (i) => ({ row: i + 1 }),
        }
      : {
          length: rows * width,
          amount: (i) => rowOf(amounts, Math.floor(i / width), "amounts")[i % width],
          due: (i) => rowOf(dueDates, Math.floor(i / width), "dueDates")[i % width],
          ...(customers && { customer: (i: number) => rowOf(customers, Math.floor(i / width), "customers")[i % width] }),
          place: (i) =>
            rows === 1 ? { column: String(i + 1) } : { row: Math.floor(i / width) + 1, column: String((i % width) + 1) },
        };
  return [ageItems(items, asOfSerial, bucketEdges).map(roundCents)];
}

let labelLanguage: Lang = "en";
export function setLabelLanguage(lang: Lang): void {
  labelLanguage = lang;
}

export const CREDIT_FUNCTIONS = {
  SCORE: defineFunction(
    [matrix("factors"), optionalNumberList("weights", DEFAULT_POLICY.weights, { minValue: 0 })] as const,
    (factors, weights) => {
      const normalised = normalisedWeights(weights);
      const rows = factorRows(factors);
      const result: (number | string | CustomFunctions.Error)[][] = new Array(rows.length);
      for (let r = 0; r < rows.length; r++) {
        try {
          const row = rowOf(rows, r, "factors");
          // A gap between customers (or the empty rest of a whole column) spills an empty cell, as AGING and the review skip it.
          result[r] = isBlankFactorRow(row) ? [""] : [scoreRow(row, normalised)];
        } catch (error) {
          const located = error instanceof CreditError && rows.length > 1 ? error.at({ param: "factors", row: r + 1 }) : error;
          result[r] = [toExcelError(located, "SCORE")];
        }
      }
      return result;
    },
    failIn("SCORE"),
  ),

  GRADE: defineFunction(
    [
      score,
      // On the 1–5 scale of a score, as the policy sheet holds them: 0.5 or "25%" is a slip, not a band.
      optionalNumber("mediumFrom", DEFAULT_POLICY.mediumFrom, { minValue: MIN_FACTOR, maxValue: MAX_FACTOR }),
      optionalNumber("highFrom", DEFAULT_POLICY.highFrom, { minValue: MIN_FACTOR, maxValue: MAX_FACTOR }),
    ] as const,
    (value, mediumFrom, highFrom) => gradeOf(value, bandsPolicy(mediumFrom, highFrom)),
    failIn("GRADE"),
  ),

  ZSCORE: defineFunction(
    [
      amount("workingCapital"),
      amount("retainedEarnings"),
      amount("ebit"),
      amount("equity"),
      numberIfUsed("sales", { amount: true }),
      amount("totalAssets", { greaterThan: 0 }),
      amount("totalLiabilities"),
      model,
    ] as const,
    (workingCapital, retainedEarnings, ebit, equity, sales, totalAssets, totalLiabilities, zModel) =>
      zScore(
        {
          workingCapital,
          retainedEarnings,
          ebit,
          equity,
          // Read only for a model that uses them, so a Sales cell the model ignores is ignored here as in the review.
          sales: Z_MODEL_SPECS[zModel].usesSales ? sales() : undefined,
          totalAssets,
          totalLiabilities,
        },
        zModel,
      ),
    failIn("ZSCORE"),
  ),

  ZONE: defineFunction([number("z"), model] as const, (z, zModel) => zZone(z, zModel), failIn("ZONE")),

  AGING: defineFunction(
    [matrix("amounts"), matrix("dueDates"), withCell(asOf), edges, optionalMatrix("customers")] as const,
    (amounts, dueDates, asOfArgument, edgeList, customers) => {
      // A year or a number of days typed as asOf ages nothing it should: with blank amounts it would answer zeros without a word.
      checkDateNear("asOf", asOfArgument.value, asOfArgument.cell, todaySerial());
      return agingOf(amounts, dueDates, asOfArgument.value, edgeList, customers);
    },
    failIn("AGING"),
  ),

  AGINGLABELS: defineFunction(
    [edges] as const,
    (edgeList) => [bucketLabels(checkAgingEdges(edgeList, "edges"), labelLanguage)],
    failIn("AGINGLABELS"),
  ),

  CURRENTRATIO: defineFunction(
    // Current assets below 0 are a sign typed wrong: refused as the review refuses them at their cell.
    [amount("currentAssets", { minValue: 0 }), amount("currentLiabilities")] as const,
    currentRatio,
    failIn("CURRENTRATIO"),
  ),

  QUICKRATIO: defineFunction(
    [amount("currentAssets", { minValue: 0 }), amount("inventory", { minValue: 0 }), amount("currentLiabilities")] as const,
    quickRatio,
    failIn("QUICKRATIO"),
  ),

  DEBTRATIO: defineFunction([amount("totalLiabilities"), amount("totalAssets")] as const, debtRatio, failIn("DEBTRATIO")),

  COVERAGE: defineFunction([amount("ebit"), amount("interestExpense")] as const, interestCoverage, failIn("COVERAGE")),

  DSO: defineFunction(
    [
      amount("receivables", { minValue: 0 }),
      amount("sales"),
      optionalNumber("days", DAYS_PER_YEAR, { greaterThan: 0, maxValue: MAX_PERIOD_DAYS }),
    ] as const,
    dso,
    failIn("DSO"),
  ),

  LIMIT: defineFunction(
    [amount("currentLimit", { minValue: 0 }), score, flag("hasWarnings", false)] as const,
    (currentLimit, value, hasWarnings) =>
      recommendedLimit(currentLimit, gradeOf(value, DEFAULT_POLICY), hasWarnings, DEFAULT_POLICY),
    failIn("LIMIT"),
  ),

  NEXTREVIEW: defineFunction(
    [
      score,
      withCell(asOf),
      optionalFigure("previousScore", { minValue: MIN_FACTOR, maxValue: MAX_FACTOR }),
      withCell(optionalDate("newsDate")),
    ] as const,
    (value, asOfArgument, previousScore, newsArgument) => {
      // Its answer is a date: one read from a year or a score typed as asOf would be a date of 1905 said without a word.
      const asOfSerial = asOfArgument.value;
      checkDateNear("asOf", asOfSerial, asOfArgument.cell, todaySerial());
      const negativeNewsDate = newsArgument.value;
      if (negativeNewsDate !== undefined) checkDateNear("newsDate", negativeNewsDate, newsArgument.cell, asOfSerial, "asOf");
      // The review notes news after its date as not counted; an answer here would pass it over without a word.
      const newsLater = newsAfterReview(negativeNewsDate, asOfSerial, "asOf");
      if (newsLater) throw newsLater.at({ param: "newsDate" });
      return nextReviewOfFacts(
        { score: value, grade: gradeOf(value, DEFAULT_POLICY), previousScore, negativeNewsDate },
        DEFAULT_POLICY,
        asOfSerial,
      );
    },
    failIn("NEXTREVIEW"),
  ),
};

export type CreditFunctionId = keyof typeof CREDIT_FUNCTIONS;

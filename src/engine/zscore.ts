/**
 * The Altman Z-score family: the public-company Z, the private-company Z′, the
 * non-manufacturing Z″ and its emerging-markets variant, each with its own zone lines.
 */
import { CreditError } from "./errors";
import { checkLiabilities } from "./ratios";
import { decimalsKeepingClass, FIGURE_DECIMAL_COUNTS, FigureDecimals, withoutFloatDust } from "./precision";
import { ZModel, Z_MODELS } from "./z-models";

export interface ZModelSpec {
  /** Coefficients of X1…X5; a model without X5 has 0 for it. */
  readonly coefficients: readonly [number, number, number, number, number];
  readonly constant: number;
  /** Above `safe` is safe, below `distress` is distress, between (inclusive) is grey. */
  readonly safe: number;
  readonly distress: number;
  readonly usesSales: boolean;
}

export const Z_MODEL_SPECS: Readonly<Record<ZModel, ZModelSpec>> = {
  public: { coefficients: [1.2, 1.4, 3.3, 0.6, 1.0], constant: 0, safe: 2.99, distress: 1.81, usesSales: true },
  private: { coefficients: [0.717, 0.847, 3.107, 0.42, 0.998], constant: 0, safe: 2.9, distress: 1.23, usesSales: true },
  nonmanufacturing: { coefficients: [6.56, 3.26, 6.72, 1.05, 0], constant: 0, safe: 2.6, distress: 1.1, usesSales: false },
  emerging: { coefficients: [6.56, 3.26, 6.72, 1.05, 0], constant: 3.25, safe: 5.85, distress: 4.35, usesSales: false },
};

export interface ZInputs {
  readonly workingCapital: number;
  readonly retainedEarnings: number;
  readonly ebit: number;
  /** Market value of equity for the public model, book equity for the others. */
  readonly equity: number;
  /** Ignored by the models without X5; may be undefined for them. */
  readonly sales: number | undefined;
  readonly totalAssets: number;
  readonly totalLiabilities: number;
}

export const Z_ZONES = ["safe", "grey", "distress"] as const;
export type ZZone = (typeof Z_ZONES)[number];

/**
 * X1…X5: working capital, retained earnings, EBIT and sales over total assets, and equity over
 * total liabilities; refusing the inputs that make them undefined, and negative liabilities or sales.
 */
export function altmanRatios(inputs: ZInputs, model: ZModel): [number, number, number, number, number] {
  const { totalAssets, totalLiabilities } = inputs;
  if (!(totalAssets > 0)) throw new CreditError("num", "z.assetsPositive", { param: "totalAssets", value: totalAssets });
  if (totalLiabilities === 0) throw new CreditError("div0", "z.liabilitiesZero", { param: "totalLiabilities" });
  checkLiabilities(totalLiabilities);
  const spec = Z_MODEL_SPECS[model];
  if (spec.usesSales && inputs.sales === undefined) throw new CreditError("value", "z.salesNeeded", { param: "sales", model });
  // Sales below 0 are a sign typed wrong, as the review refuses them at their cell: X5 would take the Z down without a word.
  if (spec.usesSales && inputs.sales! < 0) throw new CreditError("num", "arg.negative", { param: "sales", value: inputs.sales! });
  return [
    inputs.workingCapital / totalAssets,
    inputs.retainedEarnings / totalAssets,
    inputs.ebit / totalAssets,
    inputs.equity / totalLiabilities,
    spec.usesSales ? (inputs.sales as number) / totalAssets : 0,
  ];
}

export function zScore(inputs: ZInputs, model: ZModel): number {
  const x = altmanRatios(inputs, model);
  const spec = Z_MODEL_SPECS[model];
  let z = spec.constant;
  for (let i = 0; i < 5; i++) z += spec.coefficients[i] * x[i];
  if (!Number.isFinite(z)) throw new CreditError("num", "z.notFinite");
  // 3.3 × 0.3 + 0.82 is 1.8099999999999998 in binary: without the dust it is 1.81, on the zone line, as on paper.
  return withoutFloatDust(z);
}

export function zZone(z: number, model: ZModel): ZZone {
  if (!Number.isFinite(z)) throw new CreditError("num", "z.notFinite");
  const spec = Z_MODEL_SPECS[model];
  // A Z worked out in a cell (=1.2*A1+…) carries the same dust as ours: compared as on paper.
  const onPaper = withoutFloatDust(z);
  if (onPaper > spec.safe) return "safe";
  if (onPaper < spec.distress) return "distress";
  return "grey";
}

/** A Z-score is shown with two decimals, as the models' zone lines are written, or more near a line (zDecimals). */
export const Z_DECIMALS = FIGURE_DECIMAL_COUNTS[0];

/**
 * How many decimals a Z-score in a zone is shown with: two, or the fewest more at which its figure
 * lies in that zone. 2.90004 is Safe for the private model (above 2.9) and would read "2.90", on
 * the line, beside Safe; it reads 2.90004. The zone, not the model, decides:
 * the archive keeps a Z and its zone, not the model, and a customer's Z reads alike on its sheet
 * and in the archive. So the decimals keep the figure in the zone under every model that puts the
 * Z there.
 */
export function zDecimals(z: number, zone: ZZone): FigureDecimals {
  let decimals: FigureDecimals = Z_DECIMALS;
  if (!nearZoneLine(z)) return decimals;
  for (const model of Z_MODELS) {
    const spec = Z_MODEL_SPECS[model];
    if (Math.abs(z - spec.safe) >= Z_UNIT && Math.abs(z - spec.distress) >= Z_UNIT) continue;
    if (zZone(z, model) !== zone) continue;
    const needed = decimalsKeepingClass(z, (figure) => zZone(figure, model));
    if (needed > decimals) decimals = needed;
  }
  return decimals;
}

/** The unit a Z-score is shown in at its two decimals. */
const Z_UNIT = 10 ** -Z_DECIMALS;

/** Every model's zone lines, sorted. */
const ZONE_LINES = Z_MODELS.flatMap((model) => [Z_MODEL_SPECS[model].distress, Z_MODEL_SPECS[model].safe]).sort((a, b) => a - b);

/**
 * Whether a Z-score lies within a shown unit of some model's zone line: only such a Z can be
 * rounded across one, so only its zone needs asking (nearly every Z is two decimals and done).
 */
export function nearZoneLine(z: number): boolean {
  return (
    z > ZONE_LINES[0] - Z_UNIT &&
    z < ZONE_LINES[ZONE_LINES.length - 1] + Z_UNIT &&
    ZONE_LINES.some((line) => Math.abs(z - line) < Z_UNIT)
  );
}

/**
 * The credit policy: every threshold, band, multiplier and edge the product applies.
 * DEFAULT_POLICY holds the defaults; a workbook may carry its own values on its
 * "Credit Policy" sheet, so nothing here is a constant buried in a formula. A policy's
 * version is computed from its settings (policyVersion), so it changes exactly when they do.
 */
import { CreditError } from "./errors";
import { fingerprint } from "./fingerprint";
import { MessageKey } from "./i18n";
import { readSetting } from "./policy-values";
import type { ZModel } from "./z-models";

export const FACTORS = ["paymentHistory", "contractPerformance", "industryRisk", "marketReputation", "complianceRecord"] as const;
export type Factor = (typeof FACTORS)[number];
/** Each factor is scored from 1 (least risk) to 5; a weighted score stays on the same scale. */
export const MIN_FACTOR = 1;
export const MAX_FACTOR = 5;

export const GRADES = ["low", "medium", "high"] as const;
export type Grade = (typeof GRADES)[number];

/** Every setting of the policy: what a policy sheet, the task pane's form or a --policy file gives. */
export interface PolicySettings {
  /** Factor weights in FACTORS order; normalised before use, so 30/25/20/15/10 works as well. */
  readonly weights: readonly number[];
  /** Score at or above which a customer is medium, and high, risk. */
  readonly mediumFrom: number;
  readonly highFrom: number;
  /** SCORE_RISE fires when the score rose by more than this since the previous review. */
  readonly scoreRise: number;
  /** OVERDUE_SHARE fires when more than this share of customers has an overdue payment. */
  readonly overdueShare: number;
  /** NEGATIVE_NEWS looks back this many calendar months from the as-of date. */
  readonly newsMonths: number;
  readonly overdueDays: number;
  readonly legalActionDays: number;
  readonly minCurrentRatio: number;
  readonly maxDebtRatio: number;
  readonly minInterestCoverage: number;
  readonly limitLow: number;
  readonly limitLowNoWarning: number;
  readonly limitMedium: number;
  readonly limitHigh: number;
  readonly monitorHighMonths: number;
  readonly monitorOtherMonths: number;
  /** Aging bucket edges in days: Current, 1–edge₁, …, over the last edge. */
  readonly agingEdges: readonly number[];
  /** The Altman model for customers whose row names none. */
  readonly defaultZModel: ZModel;
}

export interface Policy extends PolicySettings {
  /** The settings' fingerprint (policyVersion): computed, never typed, so it follows the content. */
  readonly version: string;
}

const DEFAULT_SETTINGS: PolicySettings = Object.freeze({
  weights: Object.freeze([0.3, 0.25, 0.2, 0.15, 0.1]),
  mediumFrom: 2.5,
  highFrom: 3.5,
  scoreRise: 1,
  overdueShare: 0.1,
  newsMonths: 1,
  overdueDays: 90,
  legalActionDays: 180,
  minCurrentRatio: 1,
  maxDebtRatio: 0.7,
  minInterestCoverage: 1.5,
  limitLow: 1,
  limitLowNoWarning: 1.1,
  limitMedium: 1,
  limitHigh: 0.5,
  monitorHighMonths: 1,
  monitorOtherMonths: 3,
  agingEdges: Object.freeze([30, 60, 90]),
  defaultZModel: "private",
});

export interface PolicyField {
  readonly key: keyof PolicySettings;
  readonly label: MessageKey;
  /** "percent": a share, stored as a fraction (0.7), typed as 0.7 or 70%. */
  readonly kind: "number" | "percent" | "list" | "model";
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** A list whose items are settings of their own (one weight per factor): each item's setting name. */
  readonly itemSettings?: readonly string[];
}

/** The policy's fields in the order people see them on the policy sheet and in the task pane. */
export const POLICY_FIELDS: readonly PolicyField[] = [
  { key: "weights", label: "policy.weights", kind: "list", min: 0, itemSettings: FACTORS.map((f) => `weight.${f}`) },
  { key: "mediumFrom", label: "policy.mediumFrom", kind: "number", min: MIN_FACTOR, max: MAX_FACTOR },
  { key: "highFrom", label: "policy.highFrom", kind: "number", min: MIN_FACTOR, max: MAX_FACTOR },
  { key: "scoreRise", label: "policy.scoreRise", kind: "number", min: 0, max: MAX_FACTOR - MIN_FACTOR },
  { key: "overdueShare", label: "policy.overdueShare", kind: "percent", min: 0, max: 1 },
  { key: "newsMonths", label: "policy.newsMonths", kind: "number", min: 0, max: 120, integer: true },
  { key: "overdueDays", label: "policy.overdueDays", kind: "number", min: 1, max: 36500, integer: true },
  { key: "legalActionDays", label: "policy.legalActionDays", kind: "number", min: 1, max: 36500, integer: true },
  { key: "minCurrentRatio", label: "policy.minCurrentRatio", kind: "number", min: 0 },
  { key: "maxDebtRatio", label: "policy.maxDebtRatio", kind: "percent", min: 0, max: 1 },
  { key: "minInterestCoverage", label: "policy.minInterestCoverage", kind: "number", min: 0 },
  // A grade's own multiplier keeps or cuts the limit (the review then says "restrict"); only the
  // clear low-risk one may raise it, so no action reads "keep terms" beside a higher limit.
  { key: "limitLow", label: "policy.limitLow", kind: "number", min: 0, max: 1 },
  { key: "limitLowNoWarning", label: "policy.limitLowNoWarning", kind: "number", min: 0 },
  { key: "limitMedium", label: "policy.limitMedium", kind: "number", min: 0, max: 1 },
  { key: "limitHigh", label: "policy.limitHigh", kind: "number", min: 0, max: 1 },
  { key: "monitorHighMonths", label: "policy.monitorHighMonths", kind: "number", min: 1, max: 120, integer: true },
  { key: "monitorOtherMonths", label: "policy.monitorOtherMonths", kind: "number", min: 1, max: 120, integer: true },
  { key: "agingEdges", label: "policy.agingEdges", kind: "list", min: 1, integer: true },
  { key: "defaultZModel", label: "policy.defaultZModel", kind: "model" },
];

function policyError(
  field: keyof PolicySettings,
  problem: MessageKey,
  params: Record<string, string | number> = {},
): CreditError {
  return new CreditError("value", problem, { field, ...params }, { setting: field });
}

/** Checks that edges are whole days, positive and strictly increasing; shared by the policy and CREDIT.AGING. */
export function checkAgingEdges(edges: readonly number[], param: string): readonly number[] {
  if (edges.length === 0 || edges.length > 20) {
    throw new CreditError("value", "aging.edgesCount", { param, count: edges.length });
  }
  edges.forEach((edge, i) => {
    if (!Number.isInteger(edge) || edge < 1) throw new CreditError("num", "aging.edgeWhole", { param, value: edge });
    if (i > 0 && edge <= edges[i - 1]) {
      throw new CreditError("num", "aging.edgesIncreasing", { param, value: edge, previous: edges[i - 1] });
    }
  });
  return edges;
}

/** Checks weights: five non-negative numbers with a positive sum. Returns them normalised to sum to 1. */
export function normaliseWeights(weights: readonly number[], param = "weights"): readonly number[] {
  if (weights.length !== FACTORS.length) {
    throw new CreditError("value", "score.weightsCount", { param, count: weights.length });
  }
  let sum = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new CreditError("num", "arg.negative", { param, value: w });
    sum += w;
  }
  if (sum <= 0) throw new CreditError("num", "score.weightsZero", { param });
  const mixed = mixedScales(weights, sum);
  if (mixed) throw new CreditError("value", "score.weightsMixedScales", { param, ...mixed });
  // Weights near the largest double overflow their sum; only their ratios matter, so scale them down first.
  if (sum === Infinity) {
    const largest = Math.max(...weights);
    return normaliseWeights(
      weights.map((w) => w / largest),
      param,
    );
  }
  return weights.map((w) => w / sum);
}

/**
 * Weights written on two scales, fractions and percents ("0.3, 0.25, 0.2, 0.15, 10", or "30, 25,
 * 20, 15, 10%" whose "10%" reads as 0.1): each on the scale that makes the five add up to 100%,
 * where as written they add up to neither 1 nor 100. Normalised as they stand, the one on the
 * other scale would outweigh the rest many times over, so the slip is refused, not scored.
 * Weights meant as ratios (3, 2.5, 2, 1.5, 1) are left alone: their scales are not mixed.
 */
function mixedScales(weights: readonly number[], sum: number): { percents: string[]; fractions: string[] } | undefined {
  const near = (value: number, target: number) => Math.abs(value - target) <= target * 0.005;
  if (near(sum, 1) || near(sum, 100)) return undefined;
  const fractions = weights.filter((w) => w > 0 && w <= 1);
  const percents = weights.filter((w) => w > 1);
  if (!fractions.length || !percents.length) return undefined;
  const asShares = fractions.reduce((a, w) => a + w, 0) + percents.reduce((a, w) => a + w / 100, 0);
  if (!near(asShares, 1)) return undefined;
  // Listed as the message's language lists ("0.3, 0.25" / "0.3、0.25").
  const shown = (list: number[]) => list.map((w) => String(Number(w.toPrecision(12))));
  return { percents: shown(percents), fractions: shown(fractions) };
}

/**
 * The version of a policy: "P-" and six hex digits of a hash of its settings written out in
 * one canonical form. The weights go in normalised (rounded to 12 digits), as the review uses
 * them: 30/25/20/15/10 and 0.3/0.25/0.2/0.15/0.1 score every customer alike, so they are one
 * version. Every other setting goes in exactly as it is.
 */
export function policyVersion(settings: PolicySettings): string {
  const canonical = POLICY_FIELDS.map((field) => {
    const value =
      field.key === "weights" ? normaliseWeights(settings.weights).map((w) => Number(w.toPrecision(12))) : settings[field.key];
    return `${field.key}=${Array.isArray(value) ? value.join(",") : String(value)}`;
  }).join(";");
  return `P-${fingerprint(canonical)}`;
}

export const DEFAULT_POLICY: Policy = Object.freeze({ ...DEFAULT_SETTINGS, version: policyVersion(DEFAULT_SETTINGS) });

/** A shared check (weights, aging edges) run for one setting: its error then names that setting. */
function forSetting<T>(setting: keyof PolicySettings, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw error instanceof CreditError ? error.at({ setting }) : error;
  }
}

/**
 * Fills a partial policy (from a --policy file, a policy sheet or the task pane, each value
 * as it came: a number, number text, "70%", a list or a model name) with `base`'s settings
 * (the defaults unless given: a --policy file naming a few settings keeps the workbook's others),
 * reads and checks every setting and computes the version. Throws a CreditError naming the
 * first bad setting. A "version" given is ignored: the version follows the settings.
 */
export function completePolicy(partial: Partial<Record<keyof Policy, unknown>>, base: PolicySettings = DEFAULT_SETTINGS): Policy {
  const merged: Record<string, unknown> = {};
  for (const field of POLICY_FIELDS) merged[field.key] = base[field.key];
  for (const field of POLICY_FIELDS) {
    const value = partial[field.key];
    if (value === undefined || value === null) continue;
    merged[field.key] = readSetting(field, value);
  }
  const settings = merged as unknown as PolicySettings;
  forSetting("weights", () => normaliseWeights(settings.weights));
  forSetting("agingEdges", () => checkAgingEdges(settings.agingEdges, "agingEdges"));
  if (settings.highFrom <= settings.mediumFrom) {
    throw policyError("highFrom", "policy.bandsOrder", { medium: settings.mediumFrom, high: settings.highFrom });
  }
  if (settings.legalActionDays < settings.overdueDays) {
    throw policyError("legalActionDays", "policy.legalBeforeOverdue", {
      legal: settings.legalActionDays,
      overdue: settings.overdueDays,
    });
  }
  return Object.freeze({ ...settings, version: policyVersion(settings) });
}

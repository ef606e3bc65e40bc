/**
 * The Altman models by name: their keys, and every name people type for them in either
 * language. One parser for every place a model is named (a customer's Z-model column, the
 * policy's default model, the Z-score function), so a name accepted in one is accepted in all.
 */
import type { Lang } from "./i18n";
import { foldTraditional } from "./traditional-chinese";

export const Z_MODELS = ["public", "private", "nonmanufacturing", "emerging"] as const;
export type ZModel = (typeof Z_MODELS)[number];

export function isZModel(value: string): value is ZModel {
  return (Z_MODELS as readonly string[]).includes(value);
}

/** What people type for a model, beyond its own name (case, spaces, "-" and "_" are ignored). */
export const Z_MODEL_ALIASES: Readonly<Record<string, ZModel>> = {
  z: "public",
  "1968": "public",
  manufacturing: "public",
  listed: "public",
  上市: "public",
  上市公司: "public",
  "z'": "private",
  "z′": "private",
  zprime: "private",
  非上市: "private",
  非上市公司: "private",
  私营: "private",
  'z"': "nonmanufacturing",
  "z''": "nonmanufacturing",
  "z″": "nonmanufacturing",
  zdoubleprime: "nonmanufacturing",
  nonmanufacturer: "nonmanufacturing",
  service: "nonmanufacturing",
  非制造: "nonmanufacturing",
  非制造业: "nonmanufacturing",
  em: "emerging",
  zem: "emerging",
  'z"em': "emerging",
  "z″em": "emerging",
  "z''em": "emerging",
  emergingmarket: "emerging",
  emergingmarkets: "emerging",
  新兴市场: "emerging",
};

/** The name a model is written under in each language (each one read back by parseZModel). */
export const Z_MODEL_NAMES: Readonly<Record<Lang, Readonly<Record<ZModel, string>>>> = {
  en: { public: "public", private: "private", nonmanufacturing: "nonmanufacturing", emerging: "emerging" },
  zh: { public: "上市", private: "非上市", nonmanufacturing: "非制造业", emerging: "新兴市场" },
};

/** A model name as compared: Traditional characters read as Simplified (非製造業 is 非制造业), case, spaces, "-" and "_" ignored. */
export function modelKey(text: string): string {
  return foldTraditional(text)
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

/** A name with its formula in brackets, as the review writes a model: "private (Z′)", "新兴市场（Z″-EM）". */
const NAME_AND_FORMULA = /^(.+?)[(（](.+)[)）]$/;

/** A model name as typed (or as the review writes it, with its formula), or undefined when it names none. */
export function parseZModel(text: string): ZModel | undefined {
  const key = modelKey(text);
  const model = isZModel(key) ? key : Z_MODEL_ALIASES[key];
  if (model !== undefined) return model;
  const written = NAME_AND_FORMULA.exec(key);
  if (written === null) return undefined;
  const [byName, byFormula] = [parseZModel(written[1]), parseZModel(written[2])];
  // Both parts must agree when both name a model: "public (Z′)" is a contradiction, not a choice.
  return byName !== undefined && byFormula !== undefined && byName !== byFormula ? undefined : (byName ?? byFormula);
}

/** Excel number formats for the plan's cell formats, as each language's users expect to read them. */
import { Lang } from "../i18n";
import { GradeBands, SCORE_DECIMALS, scoreDecimals } from "../score";
import { FIGURE_DECIMAL_COUNTS } from "../precision";
import { Z_DECIMALS, zDecimals, ZZone } from "../zscore";
import { withoutFloatDust } from "../precision";
import { CellFormat, FinerFormat, SettingPercentFormat } from "./write-plan";

/** "0.000" to "0.0000000000": a score near a band's edge or a Z-score near a zone line, with the decimals that keep it in its band or zone. */
const FINER_FORMATS = Object.fromEntries(
  FIGURE_DECIMAL_COUNTS.slice(1).map((d) => [`decimals${d}`, `0.${"0".repeat(d)}`]),
) as Record<FinerFormat, string>;

/** The decimals a share the policy holds may show beyond a figure's one: none (75%) and two to six (70.25%). */
export const SETTING_PERCENT_DECIMALS = [0, 2, 3, 4, 5, 6] as const;

/** "#,##0%" to "#,##0.000000%": a share the policy holds, with its own decimals ("percent" shows one, as every figure). */
const SETTING_PERCENT_FORMATS = Object.fromEntries(
  SETTING_PERCENT_DECIMALS.map((d) => [`percent${d}`, `#,##0${d ? `.${"0".repeat(d)}` : ""}%`]),
) as Record<SettingPercentFormat, string>;

export const NUMBER_FORMATS: Readonly<Record<Lang, Readonly<Record<CellFormat, string>>>> = {
  en: {
    general: "General",
    text: "@",
    score: "0.00",
    ...FINER_FORMATS,
    money: "#,##0.00",
    date: "yyyy-mm-dd",
    month: "yyyy-mm",
    percent: "#,##0.0%",
    ...SETTING_PERCENT_FORMATS,
    ratio: "0.00",
    integer: "0",
  },
  zh: {
    general: "General",
    text: "@",
    score: "0.00",
    ...FINER_FORMATS,
    money: "#,##0.00",
    date: 'yyyy"年"m"月"d"日"',
    month: 'yy"年"m"月"',
    percent: "#,##0.0%",
    ...SETTING_PERCENT_FORMATS,
    ratio: "0.00",
    integer: "0",
  },
};

/** A chart's number format for its axis and labels: the cells' in whole units, as cents on a chart are noise. */
export function chartNumberFormat(format: CellFormat, lang: Lang): string {
  return NUMBER_FORMATS[lang][format].replace(/\.0+/, "");
}

/** A score cell's format: "score" (two decimals), or the finer one its figure needs to stay in its band. */
export function scoreFormat(score: number, bands: GradeBands): CellFormat {
  const decimals = scoreDecimals(score, bands);
  return decimals === SCORE_DECIMALS ? "score" : `decimals${decimals}`;
}

/** A Z-score cell's format: "ratio" (two decimals), or the finer one its figure needs to stay in its zone. */
export function zFormat(z: number, zone: ZZone): CellFormat {
  const decimals = zDecimals(z, zone);
  return decimals === Z_DECIMALS ? "ratio" : `decimals${decimals}`;
}

/** The decimals a finer format shows a figure with; undefined for any other format. */
export function finerFormatDecimals(format: CellFormat): number | undefined {
  return format in FINER_FORMATS ? Number(format.slice("decimals".length)) : undefined;
}

/**
 * How many decimals a share shows with as a percentage written as the policy holds it: 0 for 0.75
 * (75%), 1 for 0.705 (70.5%), at most six. Every percentage a review shows of a customer or the
 * portfolio (a cell, a table, a sentence) has one decimal, grouped (1,380.0%); a threshold or a
 * setting the policy holds shows as it holds it, in a sentence as on the policy sheets.
 */
export function percentDecimals(share: number): number {
  const percent = withoutFloatDust(share * 100);
  for (let d = 0; d < MAX_PERCENT_DECIMALS; d++) if (Math.abs(Number(percent.toFixed(d)) - percent) < 1e-9) return d;
  return MAX_PERCENT_DECIMALS;
}

const MAX_PERCENT_DECIMALS = SETTING_PERCENT_DECIMALS[SETTING_PERCENT_DECIMALS.length - 1];

/** A setting's share's cell format: its own decimals (percentDecimals). */
export function settingPercentFormat(share: number): CellFormat {
  const decimals = percentDecimals(share);
  return decimals === 1 ? "percent" : (`percent${decimals}` as SettingPercentFormat);
}

/** The decimals a cell format shows a percentage with; undefined for a format that is not a percentage. */
export function percentFormatDecimals(format: CellFormat): number | undefined {
  if (format === "percent") return 1;
  return format in SETTING_PERCENT_FORMATS ? Number(format.slice("percent".length)) : undefined;
}

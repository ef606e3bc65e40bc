/** Excel number formats for the plan's cell formats, as each language's users expect to read them. */
import { Lang } from "../i18n";
import { GradeBands, SCORE_DECIMAL_COUNTS, SCORE_DECIMALS, scoreDecimals } from "../score";
import { CellFormat, FinerScoreFormat } from "./write-plan";

/** "0.000" to "0.0000000000": a score near a band's edge, with the decimals that keep it in its band. */
const FINER_SCORE_FORMATS = Object.fromEntries(
  SCORE_DECIMAL_COUNTS.filter((d) => d !== SCORE_DECIMALS).map((d) => [`score${d}`, `0.${"0".repeat(d)}`]),
) as Record<FinerScoreFormat, string>;

export const NUMBER_FORMATS: Readonly<Record<Lang, Readonly<Record<CellFormat, string>>>> = {
  en: {
    general: "General",
    text: "@",
    score: "0.00",
    ...FINER_SCORE_FORMATS,
    money: "#,##0.00",
    date: "yyyy-mm-dd",
    month: "yyyy-mm",
    percent: "0.0%",
    ratio: "0.00",
    integer: "0",
  },
  zh: {
    general: "General",
    text: "@",
    score: "0.00",
    ...FINER_SCORE_FORMATS,
    money: "#,##0.00",
    date: 'yyyy"年"m"月"d"日"',
    month: 'yy"年"m"月"',
    percent: "0.0%",
    ratio: "0.00",
    integer: "0",
  },
};

/** A score cell's format: "score" (two decimals), or the finer one its figure needs to stay in its band. */
export function scoreFormat(score: number, bands: GradeBands): CellFormat {
  const decimals = scoreDecimals(score, bands);
  return decimals === SCORE_DECIMALS ? "score" : `score${decimals}`;
}

/** The decimals a cell format shows a score with ("score", or a finer one that names them); undefined for any other format. */
export function scoreFormatDecimals(format: CellFormat): number | undefined {
  if (format === "score") return SCORE_DECIMALS;
  return format in FINER_SCORE_FORMATS ? Number(format.slice("score".length)) : undefined;
}

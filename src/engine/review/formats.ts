/** Excel number formats for the plan's cell formats, as each language's users expect to read them. */
import { CurrencyMark, currencyMarkText } from "../cells";
import { Lang, message } from "../i18n";
import { GradeBands, SCORE_DECIMALS, scoreDecimals } from "../score";
import { FIGURE_DECIMAL_COUNTS } from "../precision";
import { Z_DECIMALS, zDecimals, ZZone } from "../zscore";
import { withoutFloatDust } from "../precision";
import type { CellFormat, FinerFormat, MoneyInCurrencyFormat, SettingPercentFormat } from "./write-plan";
import "../i18n/report";

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

/** The formats whose number format is the same text in every review. */
type FixedCellFormat = Exclude<CellFormat, MoneyInCurrencyFormat>;

const NUMBER_FORMATS: Readonly<Record<Lang, Readonly<Record<FixedCellFormat, string>>>> = {
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

/** The Excel number format of a plan's cell format, as the language's users expect to read it. */
export function numberFormat(format: CellFormat, lang: Lang): string {
  const currency = formatCurrency(format);
  return currency === undefined
    ? NUMBER_FORMATS[lang][format as FixedCellFormat]
    : inCurrencyNumberFormat(NUMBER_FORMATS[lang].money, currency, lang);
}

/** A chart's number format for its axis and labels: the cells' in whole units, as cents on a chart are noise. */
export function chartNumberFormat(format: CellFormat, lang: Lang): string {
  const wholeUnits = (code: string) => code.replace(/\.0+/, "");
  const currency = formatCurrency(format);
  return currency === undefined
    ? wholeUnits(NUMBER_FORMATS[lang][format as FixedCellFormat])
    : inCurrencyNumberFormat(wholeUnits(NUMBER_FORMATS[lang].money), currency, lang);
}

/** An amount as written ("963,000.00") with its currency as every face names it: "USD 963,000.00". */
export function amountInCurrencyText(amount: string, currency: CurrencyMark, lang: Lang): string {
  return message(lang, "amount.inCurrency", { currency: currencyMarkText(currency), amount });
}

/**
 * The format of an amount in `currency`, a figure shown as amountInCurrencyText writes it;
 * undefined where no Excel number format can show it: a currency a sheet names in a text longer
 * than a format holds, or with a character that shows nothing of its own (a line break, a
 * private-use character) or that no XML part may hold (a noncharacter, half a surrogate pair).
 */
export function moneyInCurrencyFormat(currency: CurrencyMark, lang: Lang): MoneyInCurrencyFormat | undefined {
  if (/[\p{Cc}\p{Co}\p{Cs}\p{Cn}]/u.test(currency)) return undefined;
  const format: MoneyInCurrencyFormat = `money ${currency}`;
  return numberFormat(format, lang).length <= MAX_NUMBER_FORMAT_LENGTH ? format : undefined;
}

/** The currency a format shows its amount in; undefined for a format naming none. */
export function formatCurrency(format: CellFormat): CurrencyMark | undefined {
  return format.startsWith(MONEY_IN) ? format.slice(MONEY_IN.length) : undefined;
}

const MONEY_IN = "money ";
/** Excel refuses a number format of more characters. */
const MAX_NUMBER_FORMAT_LENGTH = 255;
/** Where the amount stands in the text an amount in a currency is written as: a character no text uses. */
const AMOUNT_SLOT = "\uE000";

/**
 * A number format showing an amount (`amountCode`) as amountInCurrencyText writes it: the
 * sentence's words and the currency as one quoted literal ("USD "#,##0.00), so a mark's
 * characters ("$", "0", "#") are shown rather than read as the format's own. A section of its own
 * for an amount below 0 puts the minus on the figure, "USD -1,234.50" as the sentences write it,
 * where one section would put it before the currency.
 */
function inCurrencyNumberFormat(amountCode: string, currency: CurrencyMark, lang: Lang): string {
  const [before, after = ""] = amountInCurrencyText(AMOUNT_SLOT, currency, lang).split(AMOUNT_SLOT).map(quotedLiteral);
  return `${before}${amountCode}${after};${before}-${amountCode}${after}`;
}

/**
 * A text shown as it is in a number format: in double quotes, each double quote of it between
 * them escaped ('US"D' as "US"\""D"), as a quoted literal cannot hold one.
 */
function quotedLiteral(text: string): string {
  return text
    .split('"')
    .map((part) => (part === "" ? "" : `"${part}"`))
    .join('\\"');
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

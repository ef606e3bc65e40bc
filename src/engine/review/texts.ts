/** How findings, actions and figures read in each language. */
import { isoFromSerial } from "../cells";
import { Lang, message, MessageKey } from "../i18n";
import { Action, FigureFormat, Finding, WarningCode } from "./warnings";

export function warningTitle(code: WarningCode, lang: Lang): string {
  return message(lang, `warning.${code}` as MessageKey);
}

export function formatFigure(value: number, format: FigureFormat, lang: Lang): string {
  const locale = lang === "zh" ? "zh-CN" : "en-US";
  switch (format) {
    case "date":
      return isoFromSerial(value);
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
    case "money":
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case "days":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    default:
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  }
}

/** One finding as a sentence with its figure against its threshold. */
export function explainFinding(finding: Finding, lang: Lang): string {
  return message(lang, `warning.${finding.code}.detail` as MessageKey, {
    value: formatFigure(finding.value, finding.format, lang),
    threshold: formatFigure(finding.threshold, finding.format, lang),
  });
}

export function recommendationText(actions: readonly Action[], lang: Lang): string {
  return actions.map((a) => message(lang, `action.${a}` as MessageKey)).join(lang === "zh" ? "；" : "; ");
}

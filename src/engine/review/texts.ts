/**
 * How the review's results read in each language: names of grades, zones and monitoring,
 * warning titles and lists, actions, figures, and what a customer is called. The write
 * plan, the command line's report and the task pane all say these through the functions
 * here, so a customer reads the same in every face.
 *
 * Keys are built as template literals over the engine's own unions (`grade.${Grade}`), so
 * the compiler checks that every grade, zone, warning and action has its message.
 */
import { isoFromSerial } from "../cells";
import { Lang, message } from "../i18n";
import { Monitoring } from "../limit";
import { Grade, Policy } from "../policy";
import { ZZone } from "../zscore";
import { Action, FigureFormat, Finding, WarningCode } from "./warnings";

export function gradeName(grade: Grade, lang: Lang): string {
  return message(lang, `grade.${grade}`);
}

export function zoneName(zone: ZZone, lang: Lang): string {
  return message(lang, `zone.${zone}`);
}

/** How often a customer is reviewed: "Monthly", "Quarterly", or every so many months. */
export function monitoringName(monitoring: Monitoring, months: number, lang: Lang): string {
  return monitoring === "custom" ? message(lang, "monitoring.custom", { months }) : message(lang, `monitoring.${monitoring}`);
}

/** A warning's title; the overdue warning's names its day count, which is a policy setting. */
export function warningTitle(code: WarningCode, lang: Lang, policy: Pick<Policy, "overdueDays">): string {
  return message(lang, `warning.${code}`, { days: policy.overdueDays });
}

/** A finding's title: its threshold is the policy's figure, so the overdue finding names its own day count. */
export function findingTitle(finding: Finding, lang: Lang): string {
  return message(lang, `warning.${finding.code}`, { days: finding.threshold });
}

/** A customer's warnings as one line, in the order the checks found them. */
export function warningList(findings: readonly Finding[], lang: Lang): string {
  return findings.map((f) => findingTitle(f, lang)).join(message(lang, "sep.items"));
}

/** The portfolio's warnings as one line, or "none". */
export function portfolioWarningList(warnings: readonly WarningCode[], lang: Lang, policy: Pick<Policy, "overdueDays">): string {
  return warnings.length
    ? warnings.map((w) => warningTitle(w, lang, policy)).join(message(lang, "sep.items"))
    : message(lang, "summary.none");
}

/** What a customer is called: its name, or its id when the sheet gives no name. */
export function customerName(c: { readonly name: string; readonly id: string }): string {
  return c.name || c.id;
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
  return message(lang, `warning.${finding.code}.detail`, {
    value: formatFigure(finding.value, finding.format, lang),
    threshold: formatFigure(finding.threshold, finding.format, lang),
  });
}

export function recommendationText(actions: readonly Action[], lang: Lang): string {
  return actions.map((a) => message(lang, `action.${a}`)).join(message(lang, "sep.items"));
}

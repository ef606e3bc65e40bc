/**
 * The portfolio's figures after a review, the summary sheet's headline figures: customers,
 * exposure, credit limits and their utilisation, the amount and share overdue, the exposure at
 * risk, warnings, and each grade's share.
 */
import "../../engine/i18n/ui";
import { makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { Grade, GRADES } from "../../engine/policy";
import { ReviewResult } from "../../engine/review/review";
import type { AmountTotal } from "../../engine/review/total-currencies";
import {
  amountOfExposureText,
  totalAmountText,
  formatShare,
  portfolioWarningList,
  totalNotAddedText,
  overdueShareBaseText,
  utilisationLeavesOutText,
} from "../../engine/review/texts";
import { formatCount, useLang } from "../i18n";
import { Fact, FactList } from "./FactList";
import { GradeBadge } from "./GradeBadge";
import { usePanelStyles } from "./styles";
import "../../engine/i18n/report";

const useStyles = makeStyles({
  grades: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  grade: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  badge: { flex: "0 0 6.5em" },
  amount: { marginInlineStart: "auto" },
});

export function PortfolioSummary({ result }: { result: ReviewResult }) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  const p = result.portfolio;
  // Each total with its currency where another is in two currencies (totalAmountText).
  const money = (v: number, total: AmountTotal) => totalAmountText(v, total, p, lang);
  const percent = (v: number) => formatShare(v, lang);
  /**
   * A total of a column the sheet does not have, or of amounts in two currencies, is unknown, said
   * so in its place as the summary sheet says it.
   */
  const total = (label: string, figure: Parameters<typeof totalNotAddedText>[0], known: () => string): Fact => {
    const unknown = totalNotAddedText(figure, result, lang);
    return unknown ? [label, unknown] : [label, known(), true];
  };
  const noBalances = totalNotAddedText("exposure", result, lang) !== undefined;
  const utilisationFact = (): Fact => {
    const label = t("summary.utilisation");
    const unknown = totalNotAddedText("utilisation", result, lang);
    if (unknown) return [label, unknown];
    if (p.utilisation === undefined) return [label, t("summary.noLimits")];
    return [label, percent(p.utilisation), true, utilisationLeavesOutText(p, lang)];
  };
  const facts: Fact[] = [
    [t("summary.customers"), formatCount(p.reviewed, lang), true],
    [t("summary.withErrors"), formatCount(p.withErrors, lang), true],
    total(t("summary.exposure"), "exposure", () => money(p.exposure!, "exposure")),
    total(t("summary.creditLimits"), "creditLimits", () => money(p.creditLimits!, "creditLimits")),
    utilisationFact(),
    // An amount with its share of the exposure, as the summary sheet shows it in the next cell.
    totalNotAddedText("overdueAmount", result, lang) === undefined && p.overdueAmount === undefined
      ? [t("summary.overdueAmount"), t("summary.notAvailable")]
      : total(t("summary.overdueAmount"), "overdueAmount", () =>
          amountOfExposureText(p.overdueAmount!, "overdueAmount", p, lang),
        ),
    p.overdueShare === undefined
      ? [t("summary.overdueShare"), t("summary.notAvailable")]
      : [t("summary.overdueShare"), percent(p.overdueShare), true, overdueShareBaseText(p, lang)],
    total(t("summary.exposureAtRisk"), "exposureAtRisk", () =>
      amountOfExposureText(p.exposureAtRisk!, "exposureAtRisk", p, lang),
    ),
    [t("summary.customersAtRisk"), formatCount(p.customersAtRisk, lang), true],
    [t("summary.customersNeedingAction"), formatCount(p.customersNeedingAction, lang), true],
    [t("summary.portfolioWarnings"), portfolioWarningList(p.findings, lang)],
  ];
  // Each grade's customers and exposure, and the customers not graded with theirs, so the rows add
  // up to the exposure above, as the summary sheet's grade table does.
  const gradeRows: { grade: Grade | undefined; count: number; exposure?: number }[] = [
    ...GRADES.map((grade) => ({ grade, count: p.byGrade[grade], exposure: p.exposureByGrade?.[grade] })),
    ...(p.withErrors > 0 ? [{ grade: undefined, count: p.withErrors, exposure: p.exposureNotGraded }] : []),
  ];
  // What the amounts are in, when the customer sheet says, as the summary sheet says it.
  if (result.amountUnits.unit) facts.splice(2, 0, [t("summary.amountUnit"), result.amountUnits.unit.label]);
  return (
    <section aria-labelledby="portfolio-heading" className={panel.section}>
      <Subtitle2 className={panel.heading} as="h2" id="portfolio-heading">
        {t("ui.summary.heading")}
      </Subtitle2>
      <FactList facts={facts} />
      <ul className={styles.grades} aria-label={t("ui.summary.byGrade")}>
        {gradeRows.map(({ grade, count, exposure }) => (
          <li key={grade ?? "error"} className={styles.grade}>
            <span className={styles.badge}>
              <GradeBadge grade={grade} />
            </span>
            <span className={panel.figure}>{t("ui.summary.gradeCustomers", { count: formatCount(count, lang) })}</span>
            {/* Without a balance column, or with balances in two currencies, the exposure is unknown (the facts above say why), not 0. */}
            {!noBalances && exposure !== undefined && (
              <span className={mergeClasses(panel.figure, styles.amount)}>
                <span className={panel.visuallyHidden}>
                  {t("summary.gradeExposure")}
                  {t("sep.label")}
                </span>
                {money(exposure, "exposure")}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

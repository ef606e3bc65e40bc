/**
 * The portfolio's figures after a review, the summary sheet's headline figures: customers,
 * exposure, credit limits and their utilisation, the amount and share overdue, the exposure at
 * risk, warnings, and each grade's share.
 */
import "../../engine/i18n/ui";
import { makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { GRADES } from "../../engine/policy";
import { ReviewResult } from "../../engine/review/review";
import { amountWithShare, formatFigure, formatShare, portfolioWarningList } from "../../engine/review/texts";
import { formatCount, useLang } from "../i18n";
import { Fact, FactList } from "./FactList";
import { GradeBadge } from "./GradeBadge";
import { usePanelStyles } from "./styles";

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
  const money = (v: number) => formatFigure(v, "money", lang);
  const percent = (v: number) => formatShare(v, lang);
  /** An amount with its share of the exposure, as the summary sheet shows it in the next cell. */
  const withShare = (v: number) => amountWithShare(v, p.exposure, lang);
  const facts: Fact[] = [
    [t("summary.customers"), formatCount(p.reviewed, lang), true],
    [t("summary.withErrors"), formatCount(p.withErrors, lang), true],
    [t("summary.exposure"), money(p.exposure), true],
    [t("summary.creditLimits"), money(p.creditLimits), true],
    p.utilisation === undefined
      ? [t("summary.utilisation"), t("summary.noLimits")]
      : [t("summary.utilisation"), percent(p.utilisation), true],
    p.overdueAmount === undefined
      ? [t("summary.overdueAmount"), t("summary.notAvailable")]
      : [t("summary.overdueAmount"), withShare(p.overdueAmount), true],
    p.overdueShare === undefined
      ? [t("summary.overdueShare"), t("summary.notAvailable")]
      : [t("summary.overdueShare"), percent(p.overdueShare), true],
    [t("summary.exposureAtRisk"), withShare(p.exposureAtRisk), true],
    [t("summary.customersAtRisk"), formatCount(p.customersAtRisk, lang), true],
    [t("summary.customersNeedingAction"), formatCount(p.customersNeedingAction, lang), true],
    [t("summary.portfolioWarnings"), portfolioWarningList(p.findings, lang)],
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
        {GRADES.map((g) => (
          <li key={g} className={styles.grade}>
            <span className={styles.badge}>
              <GradeBadge grade={g} />
            </span>
            <span className={panel.figure}>{t("ui.summary.gradeCustomers", { count: formatCount(p.byGrade[g], lang) })}</span>
            <span className={mergeClasses(panel.figure, styles.amount)}>
              <span className={panel.visuallyHidden}>
                {t("summary.gradeExposure")}
                {t("sep.label")}
              </span>
              {money(p.exposureByGrade[g])}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

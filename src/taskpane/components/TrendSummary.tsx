/**
 * The exposure at risk at the last reviews, oldest first, as the summary sheet's line chart
 * shows it: the month-on-month picture without opening the workbook's summary. Shown only when
 * the archive holds an earlier review.
 */
import { dateText } from "../../engine/i18n";
import { Subtitle2 } from "@fluentui/react-components";
import { formatFigure } from "../../engine/review/texts";
import { TrendPoint } from "../../engine/review/trend";
import { useLang } from "../i18n";
import { Fact, FactList } from "./FactList";
import { usePanelStyles } from "./styles";
import "../../engine/i18n/report";

/** Half a year of monthly reviews: the pane is narrow, the summary sheet has the year. */
export const PANE_REVIEWS = 6;

/**
 * `atRiskNow`: why this review's exposure at risk (the last point) is not added up, as the summary
 * says it (its balances in two currencies); an earlier review's unknown is one its archive rows cannot tell.
 */
export function TrendSummary({ trend, atRiskNow }: { trend: readonly TrendPoint[]; atRiskNow?: string }) {
  const { lang, t } = useLang();
  const panel = usePanelStyles();
  if (trend.length < 2) return null;
  const shown = trend.slice(-PANE_REVIEWS);
  const facts: Fact[] = shown.map((point, i) => [
    dateText(point.date, lang),
    point.exposureAtRisk !== undefined
      ? formatFigure(point.exposureAtRisk, "money", lang)
      : ((i === shown.length - 1 ? atRiskNow : undefined) ?? t("trend.unknown")),
    point.exposureAtRisk !== undefined,
  ]);
  return (
    <section aria-labelledby="trend-heading" className={panel.section}>
      <Subtitle2 className={panel.heading} as="h2" id="trend-heading">
        {t("trend.chart")}
      </Subtitle2>
      <FactList facts={facts} />
    </section>
  );
}

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

export function TrendSummary({ trend }: { trend: readonly TrendPoint[] }) {
  const { lang, t } = useLang();
  const panel = usePanelStyles();
  if (trend.length < 2) return null;
  const facts: Fact[] = trend
    .slice(-PANE_REVIEWS)
    .map((point) => [
      dateText(point.date, lang),
      point.exposureAtRisk === undefined ? t("trend.unknown") : formatFigure(point.exposureAtRisk, "money", lang),
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

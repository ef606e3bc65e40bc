/**
 * The exposure at risk at the last reviews, oldest first, as the summary sheet's line chart
 * shows it: the month-on-month picture without opening the workbook's summary. Shown only when
 * the archive holds an earlier review.
 */
import { dateText } from "../../engine/i18n";
import { Subtitle2 } from "@fluentui/react-components";
import { totalAmountText } from "../../engine/review/texts";
import type { ReviewResult } from "../../engine/review/review";
import { trendGapText } from "../../engine/review/trend";
import { useLang } from "../i18n";
import { Fact, FactList } from "./FactList";
import { usePanelStyles } from "./styles";
import "../../engine/i18n/report";

/** Half a year of monthly reviews: the pane is narrow, the summary sheet has the year. */
export const PANE_REVIEWS = 6;

/**
 * `result`: the review whose trend it is; each review's exposure at risk not given says why, as the
 * summary does, and each given says its currency where the totals say theirs: the pane's one
 * amount, marked as its headline total is.
 */
export function TrendSummary({ result }: { result: Pick<ReviewResult, "trend" | "asOf" | "columns" | "portfolio"> }) {
  const { lang, t } = useLang();
  const panel = usePanelStyles();
  const trend = result.trend;
  if (trend.length < 2) return null;
  const shown = trend.slice(-PANE_REVIEWS);
  const facts: Fact[] = shown.map((point) => [
    dateText(point.date, lang),
    point.exposureAtRisk !== undefined
      ? totalAmountText(point.exposureAtRisk, "exposureAtRisk", result.portfolio, lang)
      : trendGapText(point, "exposureAtRisk", result, point.date === result.asOf, lang),
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

/** One customer in full: figures, recommendation, monitoring, and each warning or data error explained. */
import { Subtitle2, Text } from "@fluentui/react-components";
import { isoFromSerial } from "../../engine/cells";
import { describeError } from "../../engine/errors";
import { MessageKey } from "../../engine/i18n";
import { CustomerResult } from "../../engine/review/review";
import { explainFinding, formatFigure, recommendationText, warningTitle } from "../../engine/review/texts";
import { useLang } from "../i18n";
import { gradeLabel } from "../model";
import { FactList } from "./FactList";
import { usePanelStyles } from "./styles";

export function CustomerDetail({ customer }: { customer?: CustomerResult }) {
  const { lang, t } = useLang();
  const styles = usePanelStyles();
  if (!customer) {
    return (
      <section aria-labelledby="detail-heading" className={styles.section}>
        <Subtitle2 as="h2" id="detail-heading">
          {t("ui.detail.heading")}
        </Subtitle2>
        <Text>{t("ui.detail.none")}</Text>
      </section>
    );
  }
  const c = customer;
  const facts: [string, string][] = [[t("ui.detail.id"), c.id]];
  if (c.score !== undefined) facts.push([t("ui.detail.score"), formatFigure(c.score, "score", lang)]);
  if (c.previousScore !== undefined) facts.push([t("ui.detail.previousScore"), formatFigure(c.previousScore, "score", lang)]);
  facts.push([t("ui.detail.grade"), gradeLabel(c, t)]);
  if (c.zScore !== undefined)
    facts.push([
      t("ui.detail.zScore"),
      `${formatFigure(c.zScore, "z", lang)}${c.zZone ? ` (${t(`zone.${c.zZone}` as MessageKey)})` : ""}`,
    ]);
  if (c.errors.length === 0) {
    facts.push([t("ui.detail.recommendation"), recommendationText(c.actions, lang)]);
    if (c.recommendedLimit !== undefined) facts.push([t("ui.detail.limit"), formatFigure(c.recommendedLimit, "money", lang)]);
    if (c.monitoring)
      facts.push([
        t("ui.detail.monitoring"),
        c.monitoring === "custom"
          ? t("monitoring.custom", { months: c.monitoringMonths ?? 0 })
          : t(`monitoring.${c.monitoring}` as MessageKey),
      ]);
    if (c.nextReview !== undefined) facts.push([t("ui.detail.nextReview"), isoFromSerial(c.nextReview)]);
  }
  return (
    <section aria-labelledby="detail-heading" className={styles.section}>
      <Subtitle2 as="h2" id="detail-heading">
        {t("ui.detail.heading")}
      </Subtitle2>
      <Text weight="semibold">{c.name || c.id}</Text>
      <Text>{t("ui.detail.row", { row: c.row })}</Text>
      <FactList facts={facts} />
      {c.errors.length > 0 ? (
        <>
          <Subtitle2 as="h3">{t("ui.detail.errors")}</Subtitle2>
          <ul className={styles.list}>
            {c.errors.map((e, i) => (
              <li key={i}>{describeError(e, lang)}</li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <Subtitle2 as="h3">{t("ui.detail.findings")}</Subtitle2>
          {c.findings.length === 0 ? (
            <Text>{t("ui.detail.noFindings")}</Text>
          ) : (
            <ul className={styles.list}>
              {c.findings.map((f) => (
                <li key={f.code}>
                  <Text weight="semibold">{warningTitle(f.code, lang)}</Text>
                  {": "}
                  <span>{explainFinding(f, lang)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

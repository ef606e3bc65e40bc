/** The portfolio's figures after a review: customers, exposure, overdue share, warnings, and the grade table. */
import { Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { MessageKey } from "../../engine/i18n";
import { GRADES } from "../../engine/policy";
import { ReviewResult } from "../../engine/review/review";
import { formatFigure, warningTitle } from "../../engine/review/texts";
import { useLang } from "../i18n";
import { FactList } from "./FactList";
import { usePanelStyles } from "./styles";

export function PortfolioSummary({ result }: { result: ReviewResult }) {
  const { lang, t } = useLang();
  const styles = usePanelStyles();
  const p = result.portfolio;
  const money = (v: number) => formatFigure(v, "money", lang);
  const facts: [string, string][] = [
    [t("summary.customers"), String(p.reviewed)],
    [t("summary.withErrors"), String(p.withErrors)],
    [t("summary.exposure"), money(p.exposure)],
    [
      t("summary.overdueShare"),
      p.overdueShare === undefined ? t("summary.notAvailable") : formatFigure(p.overdueShare, "percent", lang),
    ],
    [
      t("summary.portfolioWarnings"),
      p.warnings.length ? p.warnings.map((w) => warningTitle(w, lang)).join("; ") : t("summary.none"),
    ],
  ];
  return (
    <section aria-labelledby="portfolio-heading" className={styles.section}>
      <Subtitle2 as="h2" id="portfolio-heading">
        {t("ui.summary.heading")}
      </Subtitle2>
      <FactList facts={facts} />
      <Table size="small" aria-label={t("ui.summary.byGrade")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("summary.grade")}</TableHeaderCell>
            <TableHeaderCell>{t("summary.gradeCustomers")}</TableHeaderCell>
            <TableHeaderCell>{t("summary.gradeExposure")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {GRADES.map((g) => (
            <TableRow key={g}>
              <TableCell>{t(`grade.${g}` as MessageKey)}</TableCell>
              <TableCell>{p.byGrade[g]}</TableCell>
              <TableCell>{money(p.exposureByGrade[g])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

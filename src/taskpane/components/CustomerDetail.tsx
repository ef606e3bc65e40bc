/**
 * One customer in full, opened under its row in the list: figures (named as the sheet's output
 * columns name them: the score's points per factor, utilisation, total overdue amount, aging), what changed since its last
 * review, the recommendation as its actions one per line (each with the rule or warning behind it,
 * with the customer's figures), every warning explained against its threshold, and its review
 * issues (data errors, then notes on what was not computed) each with a button that selects its cell.
 */
import "../../engine/i18n/ui";
import { Button, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { bucketLabels } from "../../engine/aging";
import { FACTORS, Policy } from "../../engine/policy";
import { CustomerChange } from "../../engine/review/changes";
import { ActionResponse, Responses } from "../../engine/review/responses";
import { agingHeader, FACTOR_POINTS, FIELD_LABELS, OUTPUT_HEADERS, OutputField } from "../../engine/review/fields";
import { CustomerResult } from "../../engine/review/review";
import { NO_MARKS, AmountMarks, ReceivableField } from "../../engine/review/total-currencies";
import {
  customerAmountText,
  customerChangeLines,
  customerResponseLines,
  explainFinding,
  findingTitle,
  formatFigure,
  formatShare,
  formatScore,
  formatZ,
  monitoringName,
  nextReviewText,
  waitingText,
  zoneName,
} from "../../engine/review/texts";
import { ActionGroup, actionGroups, ErrorLine, errorLines, gradeLabel } from "../customers";
import { useLang } from "../i18n";
import { Fact, FactList } from "./FactList";
import { usePanelStyles } from "./styles";

const useStyles = makeStyles({
  detail: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  action: { display: "block" },
  reason: { display: "block", color: tokens.colorNeutralForeground3 },
  error: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
});

export interface CustomerDetailProps {
  readonly customer: CustomerResult;
  /** The reviewed sheet: where a data error's cell is unless the error names another sheet. */
  readonly sheet: string;
  /** The review's policy: the actions' reasons quote its thresholds. */
  readonly policy: Policy;
  /** The amounts shown with their currency (the portfolio's are in two currencies); none when absent. */
  readonly marks?: AmountMarks;
  /** The customer against its last review; absent when the workbook has no archive. */
  readonly change?: CustomerChange;
  /** What the last review asked of the customer and the response recorded since; absent when it asked nothing. */
  readonly response?: { readonly customer: ActionResponse; readonly of: Responses };
  onGoTo(cell: NonNullable<ErrorLine["cell"]>): void;
}

export function CustomerDetail({ customer: c, sheet, policy, marks = NO_MARKS, change, response, onGoTo }: CustomerDetailProps) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  const header = (field: OutputField) => OUTPUT_HEADERS[field][lang];
  const facts: Fact[] = [
    [t("ui.detail.id"), c.id],
    [t("ui.detail.rowLabel"), String(c.row), true],
  ];
  if (c.score !== undefined) facts.push([t("ui.detail.score"), formatScore(c.score, policy, lang), true]);
  // The change line names the previous score when there is one.
  if (c.previousScore !== undefined && change?.scoreChange === undefined)
    facts.push([t("ui.detail.previousScore"), formatScore(c.previousScore, policy, lang), true]);
  // The score's breakdown: each factor's points, which add up to the score.
  c.factorPoints?.forEach((points, i) =>
    facts.push([header(FACTOR_POINTS[FACTORS[i]]), formatFigure(points, "score", lang), true]),
  );
  facts.push([t("ui.detail.grade"), gradeLabel(c, t)]);
  // A Z-score always comes with its zone (review.ts): shown together, with the decimals that keep it there.
  if (c.zScore !== undefined && c.zZone !== undefined)
    facts.push([
      t("ui.detail.zScore"),
      `${formatZ(c.zScore, c.zZone, lang)}${t("ui.detail.zZone", { zone: zoneName(c.zZone, lang) })}`,
      true,
    ]);
  // Each with its currency where the portfolio's are in two: a limit and what it leaves are in the limit's.
  const amount = (value: number, field: ReceivableField) => customerAmountText(value, c, field, marks, lang);
  // The limit and balance as the sheet gives them: the recommended limit and available credit are read against them.
  if (c.creditLimit !== undefined) facts.push([FIELD_LABELS.creditLimit[lang], amount(c.creditLimit, "creditLimit"), true]);
  if (c.balance !== undefined) facts.push([FIELD_LABELS.balance[lang], amount(c.balance, "balance"), true]);
  if (c.errors.length === 0) {
    if (c.recommendedLimit !== undefined) facts.push([t("ui.detail.limit"), amount(c.recommendedLimit, "creditLimit"), true]);
    if (c.monitoring) facts.push([t("ui.detail.monitoring"), monitoringName(c.monitoring, c.monitoringMonths ?? 0, lang)]);
    // Brought forward to the review's own date by a re-assessment now: said, or the date reads as a slip.
    const nextReview = nextReviewText(c, lang);
    if (nextReview !== undefined) facts.push([t("ui.detail.nextReview"), nextReview, true]);
  }
  if (c.utilisation !== undefined) facts.push([header("utilisation"), formatShare(c.utilisation, lang), true]);
  if (c.availableCredit !== undefined) facts.push([header("availableCredit"), amount(c.availableCredit, "creditLimit"), true]);
  // What is owed and how late needs no score: shown for a row with a bad factor too, as on the sheet.
  if (c.overdueAmount !== undefined) facts.push([header("overdueBalance"), amount(c.overdueAmount, "overdueAmount"), true]);
  if (c.daysPastDue !== undefined) facts.push([header("oldestDaysOverdue"), formatFigure(c.daysPastDue, "days", lang), true]);
  if (c.aging) {
    const labels = bucketLabels(policy.agingEdges, lang);
    // In its overdue amount's currency (its ledger invoices'), marked where that amount is.
    c.aging.forEach((value, i) => facts.push([agingHeader(labels[i], lang), amount(value, "overdueAmount"), true]));
  }
  return (
    <div className={styles.detail}>
      <FactList facts={facts} />
      {change && (
        <ChangeList
          lines={[
            ...customerChangeLines(change, c, lang, policy, marks),
            ...(response ? customerResponseLines(response.customer, response.of, lang) : []),
          ]}
        />
      )}
      {(c.errors.length > 0 || c.notes.length > 0) && <IssueList issues={errorLines(c, sheet, lang, policy)} onGoTo={onGoTo} />}
      {/* A data error stops what needs the grade, not the actions and warnings that need none. */}
      <ActionList actions={actionGroups(c, lang, policy, marks)} waiting={waitingText(c, lang)} />
      <Subtitle2 className={panel.heading} as="h3">
        {t("ui.detail.findings")}
      </Subtitle2>
      {c.findings.length === 0 ? (
        <Text>{t("ui.detail.noFindings")}</Text>
      ) : (
        <ul className={panel.list}>
          {c.findings.map((f) => (
            <li key={f.code}>
              <Text weight="semibold">{findingTitle(f, lang)}</Text>
              {t("sep.label")}
              <span>{explainFinding(f, c, lang, marks)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The customer against its last review: score and grade, warnings gained and lost, the limit's move. */
function ChangeList({ lines }: { lines: readonly string[] }) {
  const { t } = useLang();
  const panel = usePanelStyles();
  return (
    <>
      <Subtitle2 className={panel.heading} as="h3">
        {t("ui.detail.changes")}
      </Subtitle2>
      <ul className={panel.list}>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * The recommendation: one action a line, the reason behind it under it (said once under the
 * actions it produced, in one list item, so a screen reader reads them with it); last, what waits
 * for a data fix.
 */
export function ActionList({ actions, waiting }: { actions: readonly ActionGroup[]; waiting?: string }) {
  const { t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  return (
    <>
      <Subtitle2 className={panel.heading} as="h3">
        {t("ui.detail.recommendation")}
      </Subtitle2>
      <ul className={panel.list}>
        {actions.map((group) => (
          <li key={group.actions[0].code}>
            {group.actions.map((a) => (
              <span key={a.code} className={styles.action}>
                {a.text}
              </span>
            ))}
            <span className={styles.reason}>{group.reason}</span>
          </li>
        ))}
        {waiting && <li>{waiting}</li>}
      </ul>
    </>
  );
}

/**
 * The customer's errors and notes, headed as the sheet's column of the same texts is: a note that
 * only says a figure has no value (a debt-free company's Z-score) is one of them, not a data error.
 */
function IssueList({ issues, onGoTo }: { issues: readonly ErrorLine[]; onGoTo: CustomerDetailProps["onGoTo"] }) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const panel = usePanelStyles();
  return (
    <>
      <Subtitle2 className={panel.heading} as="h3">
        {OUTPUT_HEADERS.issues[lang]}
      </Subtitle2>
      <ul className={panel.list}>
        {issues.map((e, i) => (
          // The item stays a list item (its bullet); its text and button stack inside it.
          <li key={i}>
            <div className={styles.error}>
              <span>{e.text}</span>
              {e.cell && (
                <Button size="small" className={panel.wrapButton} onClick={() => onGoTo(e.cell!)}>
                  {e.cell.elsewhere
                    ? t("ui.detail.goToSheet", { cell: e.cell.address, sheet: e.cell.sheet })
                    : t("ui.detail.goTo", { cell: e.cell.address })}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

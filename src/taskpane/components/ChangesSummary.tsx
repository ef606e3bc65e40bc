/**
 * What changed since the last review, compactly: since which review, the customers who moved to a
 * riskier or a safer grade (how many, the first few by name, and how many the policy change alone
 * moved), the warnings that came and went (a new one with its figure and threshold, a cleared one
 * with why it cleared) and those the last review raised that were not checked this time, the money
 * that moved (the portfolio's overdue then and now, whose overdue and recommended limit moved), the customers added, gone and renamed, those graded in one of the two reviews only (a data error in the other), the policy when the last
 * review used another, the customers whose review came due and was missed, and what the team
 * recorded about the last review's recommendations (or, with no Action taken column, how to record it). Without an
 * archive to compare with (the customer sheet exported alone, a first review), one line says so.
 */
import { mergeClasses, Subtitle2, Text } from "@fluentui/react-components";
import { gradeMovers, ReviewChanges } from "../../engine/review/changes";
import type { Policy } from "../../engine/policy";
import type { ReviewsPastDue } from "../../engine/review/review-due";
import {
  changedCustomersText,
  changesTitle,
  formatCount,
  gradedChanges,
  gradedLines,
  gradeMovesFromPolicy,
  idChangedLines,
  moneyChangeCounts,
  movedLines,
  overdueTotalText,
  pastDueLines,
  policyChangeText,
  renamedLines,
  responseCounts,
  sameBalancesText,
  unitChangeText,
  warningChangeCounts,
} from "../../engine/review/texts";
import type { CustomerResult, PortfolioResult } from "../../engine/review/review";
import { AmountMarks, NO_MARKS } from "../../engine/review/total-currencies";
import { useLang } from "../i18n";
import { Fact, FactList } from "./FactList";
import { usePanelStyles } from "./styles";
import "../../engine/i18n/report";

export function ChangesSummary({
  changes,
  customers,
  policy,
  pastDue,
  marks = NO_MARKS,
  totals = {},
}: {
  changes: ReviewChanges | undefined;
  /** The review's customers: a new warning's figure and a customer's overdue amount now. */
  customers: readonly CustomerResult[];
  policy: Policy;
  pastDue: ReviewsPastDue;
  /** Which customers' amounts the money moves and the warnings new and cleared show with their currency. */
  marks?: AmountMarks;
  /** The currency the portfolio's overdue total is said in, where its totals say theirs. */
  totals?: Pick<PortfolioResult, "totalCurrencies">;
}) {
  const { lang, t } = useLang();
  const panel = usePanelStyles();
  // With nothing to compare, one quiet line (no archive, a re-run the same day, a first review) rather than a heading over nothing.
  if (changes?.previousReview === undefined)
    return (
      <Text as="p" className={mergeClasses(panel.heading, panel.muted)}>
        {changes ? changesTitle(changes, lang) : t("changes.none")}
      </Text>
    );
  const title = (
    <Subtitle2 className={panel.heading} as="h2" id="changes-heading">
      {changesTitle(changes, lang)}
    </Subtitle2>
  );
  const overdue = overdueTotalText(changes, totals, lang);
  /** A count, and what it counts one a line under it. */
  const counted = (label: string, count: number, lines: readonly string[]): Fact => [
    label,
    formatCount(count, lang),
    true,
    undefined,
    lines,
  ];
  const moved = (move: "riskier" | "safer") => {
    const list = gradeMovers(changes, customers, move);
    return counted(t(`changes.${move}`), list.length, movedLines(list, lang));
  };
  const facts: Fact[] = [
    moved("riskier"),
    moved("safer"),
    ...gradeMovesFromPolicy(changes).map(({ label, count }): Fact => [t(label), formatCount(count, lang), true]),
    ...warningChangeCounts(changes, lang, policy, customers, marks).map((entry) =>
      counted(t(entry.label), entry.count, entry.customers),
    ),
    ...(overdue ? [[t("changes.overdueTotal"), overdue] satisfies Fact] : []),
    ...moneyChangeCounts(changes, customers, lang, marks).map((entry) => counted(t(entry.label), entry.count, entry.customers)),
    [t("changes.added"), changedCustomersText(changes.added, lang)],
    [t("changes.gone"), changedCustomersText(changes.gone, lang)],
    ...(changes.renamed.length
      ? [counted(t("changes.renamed"), changes.renamed.length, renamedLines(changes.renamed, lang))]
      : []),
    ...(changes.idChanged.length
      ? [counted(t("changes.idChanged"), changes.idChanged.length, idChangedLines(changes.idChanged, lang))]
      : []),
    ...gradedChanges(changes).map(({ label, customers, now }) =>
      counted(t(label), customers.length, gradedLines(customers, now, lang)),
    ),
    ...(changes.policy ? [[t("changes.policy"), policyChangeText(changes.policy, lang)] satisfies Fact] : []),
    ...(changes.units ? [[t("changes.units"), unitChangeText(changes.units, lang)] satisfies Fact] : []),
    // The customers past due, then (when the policy history could not say) whose intervals were assumed, as the summary sheet lists them.
    counted(t("changes.pastDue"), pastDue.count, pastDueLines(pastDue, lang)),
  ];
  const responses = changes.responses && responseCounts(changes.responses, lang);
  const stale = sameBalancesText(changes, lang);
  if (responses) facts.push(...responses.counts.map((entry) => counted(entry.label, entry.count, entry.customers)));
  return (
    <section aria-labelledby="changes-heading" className={panel.section}>
      {title}
      {/* In bold, as the summary sheet sets it: every move below may come of it. */}
      {stale && (
        <Text as="p" weight="semibold">
          {stale}
        </Text>
      )}
      <FactList facts={facts} />
      {responses?.help && (
        <Text as="p" className={panel.muted}>
          {responses.help}
        </Text>
      )}
    </section>
  );
}

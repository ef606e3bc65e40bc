/** The Results tab: the portfolio summary, what changed since the last review, then the customers, each opening its details in place. */
import "../../engine/i18n/ui";
import { Text } from "@fluentui/react-components";
import { amountMarks, byBalance } from "../../engine/review/total-currencies";
import { CustomerResult, ReviewResult } from "../../engine/review/review";
import { ErrorLine } from "../customers";
import { useLang } from "../i18n";
import { ChangesSummary } from "./ChangesSummary";
import { CustomerList } from "./CustomerList";
import { PortfolioSummary } from "./PortfolioSummary";
import { TrendSummary } from "./TrendSummary";

export interface ResultsPanelProps {
  /** The review on screen; undefined before the first review or when it could not start. */
  readonly result?: ReviewResult;
  /** The sheet row of the open customer. */
  readonly openRow?: number;
  onOpen(c: CustomerResult | undefined): void;
  onGoTo(cell: NonNullable<ErrorLine["cell"]>): void;
}

export function ResultsPanel({ result, openRow, onOpen, onGoTo }: ResultsPanelProps) {
  const { t } = useLang();
  if (!result) return <Text>{t("ui.results.none")}</Text>;
  const marks = amountMarks(result);
  return (
    <>
      <PortfolioSummary result={result} />
      <ChangesSummary
        changes={result.changes}
        customers={result.customers}
        policy={result.policy}
        pastDue={result.reviewsPastDue}
        marks={marks}
        totals={result.portfolio}
      />
      <TrendSummary result={result} />
      <CustomerList
        customers={result.customers}
        sheet={result.sheet}
        policy={result.policy}
        changes={result.changes}
        openRow={openRow}
        byBalance={byBalance(result.portfolio)}
        marks={marks}
        onOpen={onOpen}
        onGoTo={onGoTo}
      />
    </>
  );
}

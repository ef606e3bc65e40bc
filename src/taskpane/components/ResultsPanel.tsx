/** The Results tab: the portfolio summary, the customer grid and the chosen customer's details. */
import { Text } from "@fluentui/react-components";
import { CustomerResult, ReviewResult } from "../../engine/review/review";
import { useLang } from "../i18n";
import { CustomerDetail } from "./CustomerDetail";
import { CustomerGrid } from "./CustomerGrid";
import { PortfolioSummary } from "./PortfolioSummary";

export interface ResultsPanelProps {
  /** The review on screen; undefined before the first review or when it could not start. */
  readonly result?: ReviewResult;
  /** The sheet row of the chosen customer. */
  readonly selectedRow?: number;
  onSelect(c: CustomerResult): void;
}

export function ResultsPanel({ result, selectedRow, onSelect }: ResultsPanelProps) {
  const { t } = useLang();
  if (!result) return <Text>{t("ui.results.none")}</Text>;
  return (
    <>
      <PortfolioSummary result={result} />
      <CustomerGrid customers={result.customers} selectedRow={selectedRow} onSelect={onSelect} />
      <CustomerDetail customer={result.customers.find((c) => c.row === selectedRow)} />
    </>
  );
}

/** @jest-environment jsdom */
/** The pane's portfolio figures say a total of a column the sheet does not have is unknown, as the summary sheet does. */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { PortfolioSummary } from "../../../src/taskpane/components/PortfolioSummary";
import { LangContext } from "../../../src/taskpane/i18n";
import { customerSheet, serial } from "../../support/review-grid";

test.each([
  ["en", "n/a (no Outstanding balance column)", "100,000.00"],
  ["zh", "无（缺少“应收账款余额”列）", "100,000.00"],
] as const)(
  "without a balance column the exposure, utilisation and exposure at risk say why (%s), the limits their total",
  (lang: Lang, said, limits) => {
    const values = customerSheet(["Credit limit"], [{ extra: [100_000] }]);
    const result = runReview({ sheetName: "Customers", values, asOf: serial("2026-03-15"), policy: DEFAULT_POLICY }, lang);
    render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value={{ lang, t: translator(lang) }}>
          <PortfolioSummary result={result} />
        </LangContext.Provider>
      </FluentProvider>,
    );
    expect(screen.getAllByText(said)).toHaveLength(3);
    expect(screen.getByText(limits)).toBeTruthy();
    expect(screen.queryByText("0.00")).toBeNull();
  },
);

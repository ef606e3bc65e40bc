/** @jest-environment jsdom */
/**
 * The pane says what a missing column leaves unknown as the summary sheet and the printed report
 * do: a total of a column the sheet does not have, and what each check switched off lacks; and
 * what an unrecognised header is likely meant as, beside its mapping.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang, translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { ReviewResult, runReview } from "../../../src/engine/review/review";
import { ColumnsPanel } from "../../../src/taskpane/components/ColumnsPanel";
import { PortfolioSummary } from "../../../src/taskpane/components/PortfolioSummary";
import { mappableHeaders } from "../../../src/taskpane/model";
import { LangContext } from "../../../src/taskpane/i18n";
import { customerSheet, serial } from "../../support/review-grid";

/** The pane's portfolio summary of a review, in its language. */
function renderSummary(result: ReviewResult, lang: Lang): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>
        <PortfolioSummary result={result} />
      </LangContext.Provider>
    </FluentProvider>,
  );
}

test.each([
  ["en", "n/a (no Outstanding balance column)", "100,000.00"],
  ["zh", "无（缺少“应收账款余额”列）", "100,000.00"],
] as const)(
  "without a balance column the exposure, utilisation and exposure at risk say why (%s), the limits their total",
  (lang: Lang, said, limits) => {
    const values = customerSheet(["Credit limit"], [{ extra: [100_000] }]);
    const result = runReview({ sheetName: "Customers", values, asOf: serial("2026-03-15"), policy: DEFAULT_POLICY }, lang);
    renderSummary(result, lang);
    expect(screen.getAllByText(said)).toHaveLength(3);
    expect(screen.getByText(limits)).toBeTruthy();
    expect(screen.queryByText("0.00")).toBeNull();
  },
);

test.each([
  ["en", "Over credit limit: no Credit limit column", 'Did you mean "Credit limit"?'],
  ["zh", "超出信用额度：缺少“信用额度”列", "是否想写“Credit limit”（信用额度）？"],
] as const)(
  "the Columns tab says what each check switched off lacks, and what a header is likely meant as (%s)",
  (lang: Lang, lacks, hint) => {
    const values = customerSheet(["Credt limit", "Outstanding balance"], [{ extra: [100, 50] }]);
    const result = runReview({ sheetName: "Customers", values, asOf: serial("2026-03-15"), policy: DEFAULT_POLICY }, lang);
    render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value={{ lang, t: translator(lang) }}>
          <ColumnsPanel result={result} mappable={mappableHeaders(result, {})} mapping={{}} busy={false} onMap={() => {}} />
        </LangContext.Provider>
      </FluentProvider>,
    );
    expect(screen.getByRole("region", { name: translator(lang)("ui.columns.skipped") }).textContent).toContain(lacks);
    expect(screen.getByText(hint)).toBeTruthy();
  },
);

test.each([
  [
    "en",
    "leaves out 5,000.00 owed by 1 customer whose credit limit is blank, 0, unreadable or in another currency than the balance",
  ],
  ["zh", "未计入信用额度为空、为 0、无法读取或与余额币种不同的 1 位客户的欠款 5,000.00"],
] as const)(
  "a balance without a credit limit: the utilisation says it leaves it out, as the summary sheet does (%s)",
  (lang: Lang, said) => {
    const values = customerSheet(
      ["Credit limit", "Outstanding balance"],
      [{ extra: [100_000, 60_000] }, { extra: [null, 5_000] }],
    );
    const result = runReview({ sheetName: "Customers", values, asOf: serial("2026-03-15"), policy: DEFAULT_POLICY }, lang);
    renderSummary(result, lang);
    // A note of the figure's, under it: the figure itself stays a figure.
    const note = screen.getByText(said);
    expect(note.tagName).toBe("DD");
    expect(note.previousElementSibling?.textContent).toBe("60.0%");
  },
);

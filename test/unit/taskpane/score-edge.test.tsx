/** @jest-environment jsdom */
/**
 * The pane shows a score under a band's edge as under it: 3.497 under High from 3.50 reads 3.497
 * in the customer's row, its details and its grade's reason, in both languages; 3.60 as before.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang, translator } from "../../../src/engine/i18n";
import { completePolicy } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { CustomerRow } from "../../../src/taskpane/components/CustomerRow";
import { LangContext } from "../../../src/taskpane/i18n";
import { customerSheet, serial } from "../../support/review-grid";

/** 0.33×3.9 + 0.27×4 + 0.2×3 + 0.1×3 + 0.1×2.3 = 3.497: Medium, under High from 3.5. */
const values = customerSheet(
  [],
  [
    { id: "C1", name: "Alpha", factors: [3.9, 4, 3, 3, 2.3] },
    { id: "C2", name: "Beta", factors: [4, 4, 3, 3, 3] },
  ],
);
const policy = completePolicy({ weights: [0.33, 0.27, 0.2, 0.1, 0.1] });

function shown(lang: Lang, index: number) {
  const result = runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy }, lang);
  const t = translator(lang);
  const { container, unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t }}>
        <ul>
          <CustomerRow
            customer={result.customers[index]}
            sheet={result.sheet}
            policy={result.policy}
            open
            onToggle={() => undefined}
            onGoTo={() => undefined}
          />
        </ul>
      </LangContext.Provider>
    </FluentProvider>,
  );
  const row = screen.getByRole("button", { expanded: true }).textContent!;
  const facts = [...container.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
  const text = container.textContent!;
  unmount();
  return { row, score: facts.find(([term]) => term === t("ui.detail.score"))![1], text };
}

describe.each(["en", "zh"] as const)("the pane (%s)", (lang) => {
  test("3.497 under High from 3.50 reads 3.497 in the row, the details and the grade's reason", () => {
    const { row, score, text } = shown(lang, 0);
    expect(score).toBe("3.497");
    expect(row).toContain("3.497");
    expect(text).not.toMatch(/3\.50(?!0)/);
    expect(text).toContain(lang === "en" ? "Risk score 3.497 is in the medium-risk band" : "风险评分 3.497 属于中风险区间");
  });

  test("a score away from the edges keeps two decimals", () => {
    const { row, score } = shown(lang, 1);
    expect(score).toBe("3.60");
    expect(row).toContain("3.60");
  });
});

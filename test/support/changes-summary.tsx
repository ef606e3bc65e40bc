/** The pane's block on what changed, rendered alone for a review's result, in one language. */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang, translator } from "../../src/engine/i18n";
import type { ReviewResult } from "../../src/engine/review/review";
import { ChangesSummary } from "../../src/taskpane/components/ChangesSummary";
import { LangContext } from "../../src/taskpane/i18n";

/** The block's section (its region) and how to take it off the page again. */
export function renderChanges(lang: Lang, result: ReviewResult): { section: HTMLElement; unmount: () => void } {
  const { unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>
        <ChangesSummary
          changes={result.changes}
          customers={result.customers}
          policy={result.policy}
          pastDue={result.reviewsPastDue}
        />
      </LangContext.Provider>
    </FluentProvider>,
  );
  return { section: screen.getByRole("region"), unmount };
}

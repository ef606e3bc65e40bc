/** The pane's Columns tab, rendered alone for a review's result, in one language. */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang, MessageKey, translator } from "../../src/engine/i18n";
import type { ReviewResult } from "../../src/engine/review/review";
import { ColumnsPanel } from "../../src/taskpane/components/ColumnsPanel";
import { LangContext } from "../../src/taskpane/i18n";

/** The text of one of the tab's sections, found by its heading's message (ui.columns.found, ui.columns.skipped…). */
export function columnsSection(result: ReviewResult, lang: Lang, heading: MessageKey): string | null {
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang, t: translator(lang) }}>
        <ColumnsPanel result={result} mappable={[]} mapping={{}} busy={false} onMap={() => {}} />
      </LangContext.Provider>
    </FluentProvider>,
  );
  return screen.getByRole("region", { name: translator(lang)(heading) }).textContent;
}

/** The pane's block on what changed, rendered alone for a review's result, in one language, its amounts marked as the results panel marks them. */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang, message, translator } from "../../src/engine/i18n";
import { itemsText } from "../../src/engine/review/texts";
import type { ReviewResult } from "../../src/engine/review/review";
import { amountMarks } from "../../src/engine/review/total-currencies";
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
          marks={amountMarks(result)}
        />
      </LangContext.Provider>
    </FluentProvider>,
  );
  return { section: screen.getByRole("region"), unmount };
}

/**
 * A fact of the block as one line, as the printed report gives it: its value, then what it counts
 * (listed one a line under it in the pane) in brackets after it, and its note after them.
 */
export function factLine(dt: Element, lang: Lang): string {
  const value = dt.nextElementSibling!;
  const rest = [...dt.parentElement!.children].slice(2);
  const items = rest.flatMap((dd) => [...dd.querySelectorAll("li")].map((li) => li.textContent ?? ""));
  const note = rest.find((dd) => !dd.querySelector("li"))?.textContent ?? undefined;
  // What a count counts is a list under it, one item a line, before any note.
  if (rest.length === 2) expect(rest[0].querySelector("ul")).not.toBeNull();
  const shown = items.length
    ? message(lang, "changes.named", { count: value.textContent ?? "", names: itemsText(items, lang) })
    : (value.textContent ?? "");
  return note ? itemsText([shown, note], lang) : shown;
}

/** A fact of the block as the printed report lists it (printedList): its count, what it counts one a line. */
export function factList(dt: Element): { count: string; items: string[] } {
  const rest = [...dt.parentElement!.children].slice(2);
  return {
    count: dt.nextElementSibling!.textContent ?? "",
    items: rest.flatMap((dd) => [...dd.querySelectorAll("li")].map((li) => li.textContent ?? "")),
  };
}

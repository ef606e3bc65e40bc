/** @jest-environment jsdom */
/**
 * "Show more" on a long customer list, by keyboard: the focus goes to the first customer it
 * added, also after the last page, where the button itself is gone (focus on a removed button
 * falls to the page, and a keyboard user starts again from the top).
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { translator } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { CustomerList, PAGE_SIZE } from "../../../src/taskpane/components/CustomerList";
import { LangContext } from "../../../src/taskpane/i18n";
import { customerSheet, serial } from "../../support/review-grid";

const COUNT = PAGE_SIZE + 50;
const values = customerSheet(
  ["Credit limit", "Outstanding balance"],
  Array.from({ length: COUNT }, (_, i) => ({
    id: `C${i + 1}`,
    name: `Customer ${String(i + 1).padStart(3, "0")}`,
    factors: [2, 2, 2, 2, 2],
    extra: [100000, 50000],
  })),
);
const result = runReview({ sheetName: "Customers", values, asOf: serial("2026-11-30"), policy: DEFAULT_POLICY }, "en");

test("Show more puts the focus on the first customer it added: after the last page the button is gone and the focus is in the list", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={{ lang: "en", t: translator("en") }}>
        <CustomerList
          customers={result.customers}
          sheet="Customers"
          policy={result.policy}
          byBalance
          onOpen={() => undefined}
          onGoTo={() => undefined}
        />
      </LangContext.Provider>
    </FluentProvider>,
  );
  const list = screen.getByRole("list");
  const rows = () => [...list.children].map((li) => li.querySelector("button")!);
  expect(rows()).toHaveLength(PAGE_SIZE);
  const more = screen.getByRole("button", { name: "Show more" });
  more.focus();
  fireEvent.click(more);
  const shown = rows();
  expect(shown).toHaveLength(COUNT);
  expect(document.activeElement).toBe(shown[PAGE_SIZE]);
  expect(shown[PAGE_SIZE].textContent).toContain(`Customer ${PAGE_SIZE + 1}`);
  expect(screen.queryByRole("button", { name: "Show more" })).toBeNull();
  expect(list.contains(document.activeElement)).toBe(true);
});

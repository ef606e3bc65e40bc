/** @jest-environment jsdom */
/** A customer's recommendation: one action a line, and the reason behind it on the line under it when there is one. */
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ActionList } from "../../../src/taskpane/components/CustomerDetail";

test("an action with a reason shows it under the action, in the same list item; one without stands alone", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <ActionList
        actions={[
          {
            code: "HOLD_ORDERS",
            text: "Hold new orders",
            reason: "Outstanding balance 12,000.00 is above the credit limit 10,000.00.",
          },
          { code: "REASSESS", text: "Re-assess the customer now" },
        ]}
      />
    </FluentProvider>,
  );
  const items = within(screen.getByRole("list")).getAllByRole("listitem");
  expect(items.map((li) => li.textContent)).toEqual([
    "Hold new ordersOutstanding balance 12,000.00 is above the credit limit 10,000.00.",
    "Re-assess the customer now",
  ]);
  expect(within(items[0]).getByText(/^Outstanding balance/).tagName).toBe("SPAN");
});

/** @jest-environment jsdom */
/**
 * The pane over the office-addin-mock fake (its real Excel module, no jest.mock): a policy saved,
 * edited or broken after a review, then Write back. What the pane writes is always the policy the
 * Policy tab shows, and a saved policy is never written over by the one the review read.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { CellValue } from "../../../src/engine/cells";
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { readPolicySheet } from "../../../src/engine/review/policy-sheet";
import { FakeExcel, installExcelGlobals } from "../../support/fake-excel";
import { installOffice, preparePaneTests } from "../../support/pane-globals";
import { customerSheet } from "../../support/review-grid";
import { renderPane } from "../../support/render-pane";

preparePaneTests();

let fake: FakeExcel;
installExcelGlobals(() => fake);
installOffice();

/** Scores 2.35 (Low under the default policy, Medium from 2.2), 4 (High) and 1 (Low). */
const CUSTOMERS = customerSheet(
  [],
  [
    { name: "Contoso", factors: [2, 2, 3, 3, 2] },
    { name: "Fabrikam", factors: [4, 4, 4, 4, 4] },
    { name: "Northwind", factors: [1, 1, 1, 1, 1] },
  ],
);
const SAVED = completePolicy({ mediumFrom: 2.2 });

const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;
const usable = (name: string) => button(name).getAttribute("aria-disabled") !== "true" && !button(name).disabled;
const medium = () => screen.getByRole("textbox", { name: "Medium risk from score" }) as HTMLInputElement;
const notice = () => document.querySelector(".fui-MessageBar")?.textContent ?? "";
/** Why Write back waits, as its description says it (said once when Review waits for the same). */
/** The pane is not busy: the operation that was running has ended. */
const idle = () => waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"));
const writeReason = () => document.getElementById(button("Write back").getAttribute("aria-describedby") ?? "")?.textContent;

function cells(sheet: string): CellValue[][] {
  const found = fake.sheet(sheet);
  return found ? found.cells.map((line) => (line ?? []).map((v) => (v === undefined ? null : v))) : [];
}

/** The policy the policy sheet holds now, read as the next review reads it. */
const policyOnSheet = () => readPolicySheet(cells("Credit Policy"));
/** The versions the policy history records, top to bottom. */
/** The versions across the history's first row, right of its labels. */
const historyVersions = () => (cells("Credit Policy History")[0] ?? []).slice(1).filter((v) => v !== null && v !== "");
/** Each customer's risk grade as written on the customer sheet. */
function gradesWritten(): Record<string, CellValue> {
  const [header, ...lines] = cells("Customers");
  const column = header.indexOf("Risk grade");
  return Object.fromEntries(lines.map((line) => [String(line[1]), line[column]]));
}

async function reviewedPane(policySheet?: CellValue[][]) {
  fake = new FakeExcel();
  fake.addSheet("Customers", CUSTOMERS);
  if (policySheet) fake.addSheet("Credit Policy", policySheet);
  renderPane();
  await waitFor(() => expect(usable("Review")).toBe(true));
  fireEvent.change(screen.getByLabelText("As-of date"), { target: { value: "2026-11-30" } });
  fireEvent.click(button("Review"));
  await waitFor(() => expect(notice()).toContain('Reviewed 3 customers on "Customers".'));
  await idle();
  fireEvent.click(screen.getByRole("tab", { name: "Policy" }));
}

async function writeBack() {
  fireEvent.click(button("Write back"));
  fireEvent.click(
    within(screen.getByRole("group", { name: "Write the review into the workbook?" })).getByRole("button", { name: "Write" }),
  );
  await waitFor(() => expect(notice()).toMatch(/^Written to the workbook/));
  await idle();
}

test("a policy saved after a review is the one Write back writes: the sheet keeps it, the history records it, the grades follow it", async () => {
  await reviewedPane();
  expect(screen.getByText("Using the default policy.")).toBeTruthy();
  fireEvent.change(medium(), { target: { value: "2.2" } });
  expect(screen.getByText("The default policy, with edits not saved.")).toBeTruthy();

  const before = fake.syncs.length;
  fireEvent.click(button("Save policy"));
  fireEvent.click(
    within(screen.getByRole("group", { name: "Save the policy to the workbook?" })).getByRole("button", { name: "Save" }),
  );
  await waitFor(() => expect(notice()).toContain('Policy saved on sheet "Credit Policy".'));
  await idle();
  // The review on screen is made again with it, on the values already read: no read of the customer sheet.
  expect(notice()).toContain('Reviewed 3 customers on "Customers".');
  // The save's two syncs (the check, the write), then the sheet list read again in its two: none for the review again.
  expect(fake.syncs.length - before).toBe(4);
  expect(policyOnSheet()).toEqual(SAVED);
  expect(screen.getByText('Policy read from sheet "Credit Policy".')).toBeTruthy();
  expect(medium().value).toBe("2.2");
  expect(usable("Write back")).toBe(true);

  // Written back without reviewing again.
  await writeBack();
  expect(policyOnSheet()).toEqual(SAVED);
  expect(historyVersions()).toEqual([SAVED.version]);
  expect(gradesWritten()).toEqual({ Contoso: "Medium", Fabrikam: "High", Northwind: "Low" });
  expect(screen.getByText('Policy read from sheet "Credit Policy".')).toBeTruthy();
  expect(medium().value).toBe("2.2");
});

test("an edit not saved holds Write back, with why, until it is saved or reviewed; the review then writes the edited policy", async () => {
  await reviewedPane();
  fireEvent.change(medium(), { target: { value: "2.2" } });
  expect(usable("Write back")).toBe(false);
  expect(writeReason()).toBe("The policy has changed since these results: save it or review again first.");
  fireEvent.click(button("Write back"));
  expect(screen.queryByRole("group", { name: "Write the review into the workbook?" })).toBeNull();
  // Typed back to the policy of the review: nothing is edited, Write back is open again.
  fireEvent.change(medium(), { target: { value: "2.50" } });
  expect(usable("Write back")).toBe(true);
  expect(screen.getByText("Using the default policy.")).toBeTruthy();

  // An edit while the write question is open: the question was about the review's policy, it goes.
  fireEvent.click(button("Write back"));
  expect(screen.getByRole("group", { name: "Write the review into the workbook?" })).toBeTruthy();
  fireEvent.change(medium(), { target: { value: "2.2" } });
  expect(screen.queryByRole("group", { name: "Write the review into the workbook?" })).toBeNull();
  expect(fake.writes()).toEqual([]);

  // Review reads again and grades with the form as it stands.
  fireEvent.click(button("Review"));
  await waitFor(() => expect(usable("Write back")).toBe(true));
  fireEvent.click(screen.getByRole("tab", { name: "Policy" }));
  await writeBack();
  expect(policyOnSheet()).toEqual(SAVED);
  expect(historyVersions()).toEqual([SAVED.version]);
  expect(gradesWritten().Contoso).toBe("Medium");
  // Written to the policy sheet with the review: no longer an edit not saved.
  expect(screen.getByText('Policy read from sheet "Credit Policy".')).toBeTruthy();
});

test("a policy with an error holds Write back, naming the setting, and nothing is written", async () => {
  await reviewedPane();
  fireEvent.change(medium(), { target: { value: "9" } });
  expect(usable("Write back")).toBe(false);
  expect(writeReason()).toBe('Fix the policy setting "Medium risk from score" first. Go to the setting');
  fireEvent.click(button("Write back"));
  expect(screen.queryByRole("group", { name: "Write the review into the workbook?" })).toBeNull();
  expect(fake.writes()).toEqual([]);
  fireEvent.change(medium(), { target: { value: "2.5" } });
  expect(usable("Write back")).toBe(true);
  await writeBack();
  expect(policyOnSheet()).toEqual(DEFAULT_POLICY);
  expect(historyVersions()).toEqual([DEFAULT_POLICY.version]);
});

test("a share on the policy sheet with more digits than the form shows is not taken for an edit", async () => {
  await reviewedPane([
    ["Setting", "Value"],
    ["overdueShare", 1 / 3],
  ]);
  expect(screen.getByText('Policy read from sheet "Credit Policy".')).toBeTruthy();
  expect(usable("Write back")).toBe(true);
});

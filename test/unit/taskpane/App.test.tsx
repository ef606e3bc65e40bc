/** @jest-environment jsdom */
/**
 * The task pane with its Excel module mocked (jest.mock): no Office.js here, the engine is real.
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { readPolicySheet } from "../../../src/engine/review/policy-sheet";
import type { PlanToWrite, ReviewRead, WorkbookState, WriteOutcome } from "../../../src/taskpane/excel";
import App from "../../../src/taskpane/components/App";
import { PaneAnnouncer } from "../../../src/taskpane/components/PaneAnnouncer";
import * as excel from "../../../src/taskpane/excel";
import { customerSheet, LEDGER, NASTY_NAMES } from "./workbooks";
import { applyBlocks } from "../../support/review-grid";
import { reviewWorkbook } from "../../support/review-cycle";
import { isoFromSerial, todaySerial } from "../../../src/engine/cells";
import * as reviewModule from "../../../src/engine/review/review";

jest.mock("../../../src/taskpane/excel", () => {
  const actual = jest.requireActual("../../../src/taskpane/excel");
  return {
    // Pure: what a plan writes, as the preview shows it.
    planParts: actual.planParts,
    ExcelProblem: actual.ExcelProblem,
    responsesUnshown: actual.responsesUnshown,
    readWorkbookState: jest.fn(),
    readForReview: jest.fn(),
    writePlan: jest.fn(),
    loadMapping: jest.fn(() => ({})),
    saveMapping: jest.fn(() => Promise.resolve()),
    selectRange: jest.fn(() => Promise.resolve()),
    activateSheet: jest.fn(() => Promise.resolve()),
  };
});

const mocked = excel as jest.Mocked<typeof excel>;
const { ExcelProblem } = jest.requireActual("../../../src/taskpane/excel") as typeof excel;

// Fluent renders slowly under jsdom: give async queries time.
configure({ asyncUtilTimeout: 5000 });

function sheetRead(values: unknown[][], extra: Partial<ReviewRead> = {}): ReviewRead {
  return {
    sheetNames: ["Customers", "Notes"],
    ownSheets: {},
    target: { name: "Customers", address: `Customers!A1:K${values.length}`, origin: { row: 0, column: 0 }, values },
    ...extra,
  };
}

const corner = (values: unknown[][]) => values.slice(0, 30) as WorkbookState["tops"][number]["values"];
const STATE: WorkbookState = {
  sheetNames: ["Notes", "Customers", "Invoices", "Credit Review Summary"],
  activeSheet: "Customers",
  ownSheets: { summary: "Credit Review Summary" },
  tops: [
    { name: "Notes", values: [["Just some notes"]] },
    { name: "Customers", values: corner(customerSheet(40)) },
    { name: "Invoices", values: corner(LEDGER) },
  ],
};

function okOutcome(plan: PlanToWrite): WriteOutcome {
  const written = excel.planParts(plan, "en");
  return { ok: true, written, uncertain: [], notWritten: [], syncs: 2, batches: 1 };
}

const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;
/** Review and Write back stay focusable when they can't be used: aria-disabled, not disabled. */
const usable = (name: string) => button(name).getAttribute("aria-disabled") !== "true" && !button(name).disabled;
const announced = () => document.getElementById("pane-announcements")?.textContent ?? "";
const list = () => screen.getByRole("list", { name: "Customers of the review" });
const rows = () =>
  within(list())
    .getAllByRole("button", { expanded: false, hidden: false })
    .filter((b) => b.closest("li")?.parentElement === list());
const rowOf = (name: string) =>
  within(list()).getByRole("button", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });

async function renderPane(lang: "en" | "zh" = "en") {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <PaneAnnouncer>
        <App initialLang={lang} />
      </PaneAnnouncer>
    </FluentProvider>,
  );
  await waitFor(() => expect(usable(lang === "en" ? "Review" : "开始审查")).toBe(true));
  return view;
}

async function runReview(read: ReviewRead) {
  mocked.readForReview.mockResolvedValueOnce(read);
  fireEvent.click(button("Review"));
  await waitFor(() => expect(usable("Review")).toBe(true));
}

function tab(name: string) {
  fireEvent.click(screen.getByRole("tab", { name }));
}

beforeEach(() => {
  jest.clearAllMocks();
  mocked.readWorkbookState.mockResolvedValue(STATE);
  mocked.loadMapping.mockReturnValue({});
  mocked.saveMapping.mockResolvedValue(undefined);
  mocked.selectRange.mockResolvedValue(undefined);
  mocked.activateSheet.mockResolvedValue(undefined);
});

describe("setup", () => {
  test("the sheet choice offers neither our review sheets nor the invoice ledger; the active customer sheet is chosen; as-of is today", async () => {
    await renderPane();
    const select = screen.getByRole("combobox", { name: "Customer sheet" }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(["Notes", "Customers"]);
    expect(select.value).toBe("Customers");
    const date = screen.getByLabelText("As-of date") as HTMLInputElement;
    expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  /** What a screen reader says with a field: the texts its aria-describedby names. */
  const describedText = (field: HTMLElement) =>
    (field.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");

  test("an as-of date more than a month after today is cautioned against under the field, tied to it for a screen reader", async () => {
    await renderPane();
    const date = screen.getByLabelText("As-of date") as HTMLInputElement;
    const described = () => describedText(date);
    const ahead = isoFromSerial(todaySerial() + 400);
    fireEvent.change(date, { target: { value: ahead } });
    // 399 when midnight passed since the line above.
    expect(described()).toMatch(
      new RegExp(`The as-of date ${ahead} is (400|399) days after today \\(\\d{4}-\\d{2}-\\d{2}\\): every open invoice`),
    );
    // A month-end a few weeks off, or a date past, says nothing; a review can still be run either way.
    fireEvent.change(date, { target: { value: isoFromSerial(todaySerial() + 31) } });
    expect(described()).not.toContain("after today");
    fireEvent.change(date, { target: { value: "2020-01-31" } });
    expect(described()).not.toContain("after today");
    expect(usable("Review")).toBe(true);
  });

  test("an as-of date more than a century from today is refused under the field, and nothing can be reviewed as of it", async () => {
    await renderPane();
    const date = screen.getByLabelText("As-of date") as HTMLInputElement;
    const described = () => describedText(date);
    const far = isoFromSerial(todaySerial() - 36527);
    fireEvent.change(date, { target: { value: far } });
    expect(described()).toMatch(
      new RegExp(
        `The as-of date ${far} is more than a century from today \\(\\d{4}-\\d{2}-\\d{2}\\): a review cannot be dated that far off; correct the year`,
      ),
    );
    expect(usable("Review")).toBe(false);
    fireEvent.change(date, { target: { value: isoFromSerial(todaySerial() - 400) } });
    expect(described()).not.toContain("century");
    expect(usable("Review")).toBe(true);
  });

  test("a sheet read through the remembered mapping is the customer sheet chosen; a hidden one only when no visible one is", async () => {
    const mapped = customerSheet(3);
    mapped[0][2] = "Pay record";
    const state = {
      ...STATE,
      sheetNames: ["Notes", "Old", "Book"],
      activeSheet: "Notes",
      visibility: { Notes: "visible", Old: "hidden", Book: "visible" } as const,
      ownSheets: {},
      tops: [
        { name: "Notes", values: [["Just some notes"]] },
        { name: "Old", values: corner(customerSheet(3)) },
        { name: "Book", values: corner(mapped) },
      ],
    };
    mocked.readWorkbookState.mockResolvedValue(state);
    mocked.loadMapping.mockReturnValue({ "Pay record": "paymentHistory" });
    await renderPane();
    expect((screen.getByRole("combobox", { name: "Customer sheet" }) as HTMLSelectElement).value).toBe("Book");
  });

  test("with the ledger active, the customer sheet is chosen, not the first sheet", async () => {
    mocked.readWorkbookState.mockResolvedValue({ ...STATE, activeSheet: "Invoices" });
    await renderPane();
    expect((screen.getByRole("combobox", { name: "Customer sheet" }) as HTMLSelectElement).value).toBe("Customers");
  });

  test("after a review the setup folds into one line; Change opens it again with the focus on the sheet", async () => {
    await renderPane();
    await runReview(sheetRead(customerSheet(3)));
    const setup = screen.getByRole("region", { name: "What to review" });
    expect(within(setup).queryByRole("combobox")).toBeNull();
    expect(setup.textContent).toMatch(/^Customers·\d{4}-\d{2}-\d{2}Change$/);
    fireEvent.click(within(setup).getByRole("button", { name: "Change the sheet or the as-of date" }));
    const select = screen.getByRole("combobox", { name: "Customer sheet" });
    await waitFor(() => expect(document.activeElement).toBe(select));
  });

  test("in Chinese the folded line gives the review's date as Chinese dates are written", async () => {
    await renderPane("zh");
    mocked.readForReview.mockResolvedValueOnce(sheetRead(customerSheet(3)));
    fireEvent.click(button("开始审查"));
    await waitFor(() => expect(screen.queryByRole("combobox", { name: "客户工作表" })).toBeNull());
    const setup = screen.getByRole("region", { name: "审查对象" });
    expect(setup.textContent).toMatch(/^Customers·\d{4}年\d{1,2}月\d{1,2}日更改$/);
  });

  test("the pane's title is for screen readers only (Excel shows the add-in's name)", async () => {
    await renderPane();
    expect(screen.getByRole("heading", { level: 1, name: "Credit review" })).toBeTruthy();
  });
});

describe("while work runs", () => {
  test("Review and Write back stay focusable and say why they wait; progress, a bar and Cancel are shown", async () => {
    await renderPane();
    let finish!: (read: ReviewRead) => void;
    mocked.readForReview.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    const review = button("Review");
    review.focus();
    fireEvent.click(review);
    expect(usable("Review")).toBe(false);
    expect(usable("Write back")).toBe(false);
    // Still the focused element: the focus is not dropped to the page.
    expect(document.activeElement).toBe(review);
    expect(review.getAttribute("aria-describedby")).toBe("review-reason");
    expect(document.getElementById("review-reason")?.textContent).toBe("Available when the current step has finished.");
    expect(screen.getByRole("progressbar", { name: 'Reading sheet "Customers"…' })).toBeTruthy();
    expect(button("Cancel")).toBeTruthy();
    expect(announced()).toContain('Reading sheet "Customers"…');
    await act(async () => finish(sheetRead(customerSheet(3))));
    await waitFor(() => expect(usable("Write back")).toBe(true));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(mocked.readForReview).toHaveBeenCalledWith("Customers", STATE.sheetNames, expect.anything());
  });

  test("a read in parts says how many rows of which sheet it has read", async () => {
    await renderPane();
    let finish!: (read: ReviewRead) => void;
    let onPageRead: excel.ReadOptions["onPageRead"];
    mocked.readForReview.mockImplementationOnce((_sheet, _known, options) => {
      onPageRead = options?.onPageRead;
      return new Promise((resolve) => (finish = resolve));
    });
    fireEvent.click(button("Review"));
    act(() => onPageRead!({ sheet: "Customers", rowsRead: 1_200, rows: 3_003, cellsRead: 2_500, totalCells: 10_000 }));
    expect(screen.getByText('Read 1,200 of 3,003 rows of "Customers"…')).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.25");
    await act(async () => finish(sheetRead(customerSheet(3))));
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  });

  test("Cancel during a read: the read stops, nothing is changed, and the pane says so", async () => {
    await renderPane();
    mocked.readForReview.mockImplementationOnce(
      (_sheet, _known, options) =>
        new Promise((_, reject) =>
          options!.signal!.addEventListener("abort", () => reject(new ExcelProblem("cancelled", "Customers"))),
        ),
    );
    fireEvent.click(button("Review"));
    fireEvent.click(button("Cancel"));
    await waitFor(() => expect(screen.getByText("Cancelled. Nothing in the workbook was changed.")).toBeTruthy());
    expect(usable("Review")).toBe(true);
    expect(usable("Write back")).toBe(false);
    expect(mocked.writePlan).not.toHaveBeenCalled();
  });
});

describe("outcomes are announced and take the focus", () => {
  test("after a review: the notice counts graded customers and those with data errors as the summary does, is announced and focused", async () => {
    await renderPane();
    const values = customerSheet(9);
    values[2][2] = "abc";
    await runReview(sheetRead(values));
    const text = 'Reviewed 8 customers on "Customers"; 1 more has a data error and was not graded.';
    const notice = within(screen.getByRole("main")).getByText(text).closest(".fui-MessageBar");
    await waitFor(() => expect(announced()).toContain(text));
    await waitFor(() => expect(notice).toBe(document.activeElement));
    const portfolio = screen.getByRole("region", { name: "Portfolio" });
    expect(within(portfolio).getByText("Customers graded").nextSibling?.textContent).toBe("8");
    expect(within(portfolio).getByText("Customers not graded (data errors)").nextSibling?.textContent).toBe("1");
  });

  test("a notice that replaces another is announced too: a failed write, then Go to a row of a sheet that is gone", async () => {
    await renderPane();
    const values = customerSheet(2);
    values[2][2] = "abc";
    await runReview(sheetRead(values));
    mocked.writePlan.mockResolvedValueOnce({
      ok: false,
      written: [],
      uncertain: [],
      notWritten: [{ sheet: "Customers", role: "output", area: { row: 0, column: 11, rows: 3, columns: 10 } }],
      problem: new ExcelProblem("protected", "Customers"),
      syncs: 1,
      batches: 1,
    });
    fireEvent.click(button("Write back"));
    fireEvent.click(button("Write"));
    // The title ends as a sentence before the lines (not "finishSheet").
    await waitFor(() =>
      expect(announced()).toContain('The write did not finish. Sheet "Customers" is protected, so Excel refused the change.'),
    );
    mocked.selectRange.mockRejectedValueOnce(new Error("The requested resource doesn't exist."));
    fireEvent.change(screen.getByRole("combobox", { name: "Filter by grade" }), { target: { value: "errors" } });
    fireEvent.click(rows()[0]);
    fireEvent.click(screen.getByRole("button", { name: "Go to C3" }));
    const warning = "Could not select the row on the sheet: The requested resource doesn't exist.";
    await waitFor(() => expect(announced()).toContain(warning));
    // It replaced the error in the same place, above the tabs: the focus goes there to read it.
    const notice = within(screen.getByRole("main")).getByText(warning).closest(".fui-MessageBar");
    await waitFor(() => expect(notice).toBe(document.activeElement));
    expect(screen.queryByText("The write did not finish")).toBeNull();
  });
});

describe("the customers", () => {
  test("the grade list counts the customers not graded with their exposure, so its rows add up to the total", async () => {
    await renderPane();
    const sheet = customerSheet(9);
    sheet[2][2] = 9; // a factor out of 1–5: the row is not graded
    await runReview(sheetRead(sheet));
    const portfolio = screen.getByRole("region", { name: "Portfolio" });
    const rows = within(within(portfolio).getByRole("list", { name: "Customers by risk grade" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(rows[rows.length - 1]).toMatch(/^Data error1 customerExposure: [\d,]+\.\d\d$/);
    const sum = rows.reduce((total, row) => total + Number(/Exposure: ([\d,.]+)/.exec(row)![1].replace(/,/g, "")), 0);
    const total = within(portfolio).getByText("Total exposure (outstanding balance)").nextSibling?.textContent;
    expect(sum.toFixed(2)).toBe(Number(total!.replace(/,/g, "")).toFixed(2));
  });

  test("the portfolio and a two-line row per customer, needs attention first", async () => {
    await renderPane();
    await runReview(sheetRead(customerSheet(9)));
    const portfolio = screen.getByRole("region", { name: "Portfolio" });
    expect(
      within(within(portfolio).getByRole("list", { name: "Customers by risk grade" }))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Low3 customersExposure: 22,000.00",
      "Medium3 customersExposure: 22,000.00",
      "High3 customersExposure: 15,000.00",
    ]);
    expect(within(portfolio).getByText("Share of customers overdue").nextSibling?.textContent).toBe("22.2%");
    expect(within(portfolio).getByText("Total exposure (outstanding balance)").nextSibling?.textContent).toBe("59,000.00");
    expect(within(portfolio).getByText("Portfolio warnings").nextSibling?.textContent).toBe(
      "Many customers overdue (22.2% > 10%)",
    );
    const names = rows().map((r) => r.textContent);
    expect(names).toHaveLength(9);
    // At risk first, the larger balance first (the summary's top risks' order), each saying why: a
    // warning, or the High band when it has none; then the rest.
    expect(names[0]).toBe("Customer 8MediumRisk score: 2.85Over credit limit");
    expect(names[2]).toMatch(/HighRisk score: 4\.45Risk score 4\.45 is in the high-risk band \(from 3\.50\)\.$/);
    expect(names.map((n) => n!.endsWith("No warnings"))).toEqual([false, false, false, false, false, false, true, true, true]);
    expect(screen.getByRole("combobox", { name: "Order" })).toHaveProperty("value", "attention");
  });

  test("filtered by grade and by text, ordered by sheet row", async () => {
    await renderPane();
    await runReview(sheetRead(customerSheet(9)));
    fireEvent.change(screen.getByRole("combobox", { name: "Filter by grade" }), { target: { value: "high" } });
    expect(rows()).toHaveLength(3);
    rows().forEach((r) => expect(r.textContent).toContain("High"));
    // How many match of all the review's customers.
    expect(screen.getByText("3 of 9 customers match the filter.")).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox", { name: "Filter by grade" }), { target: { value: "all" } });
    expect(screen.getByText("9 customers.")).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox", { name: "Order" }), { target: { value: "row" } });
    expect(rows()[3].textContent).toMatch(/^Customer 4/);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search customers" }), { target: { value: "customer 5" } });
    expect(rows()).toHaveLength(1);
    expect(rows()[0].textContent).toContain("Customer 5");
    expect(screen.getByText("1 of 9 customers matches the filter.")).toBeTruthy();
    fireEvent.change(screen.getByRole("searchbox", { name: "Search customers" }), { target: { value: "C000009" } });
    expect(rows()[0].textContent).toContain("Customer 9");
    fireEvent.change(screen.getByRole("searchbox", { name: "Search customers" }), { target: { value: "nobody" } });
    expect(screen.getByText("No customer matches the filter.")).toBeTruthy();
  });

  test('names like "<script>alert(1)</script>" and "=cmd|\' /C calc\'!A0" are shown literally, as text', async () => {
    const view = await renderPane();
    await runReview(sheetRead(customerSheet(3)));
    for (const name of NASTY_NAMES) expect(within(list()).getByText(name).textContent).toBe(name);
    expect(view.container.querySelectorAll("script")).toHaveLength(0);
    expect(view.container.innerHTML).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  test("opening a customer shows its details under its row, selects its row on the sheet, actions one per line with their reasons", async () => {
    await renderPane();
    await runReview(sheetRead(customerSheet(6)));
    const row = rowOf("Customer 4");
    fireEvent.click(row);
    expect(row.getAttribute("aria-expanded")).toBe("true");
    await waitFor(() =>
      expect(mocked.selectRange).toHaveBeenCalledWith("Customers", { row: 4, column: 0, rows: 1, columns: 31 }),
    );
    const detail = screen.getByRole("region", { name: "Customer 4" });
    expect(row.getAttribute("aria-controls")).toBe(detail.id);
    // Right under the row, in the same list item.
    expect(detail.closest("li")).toBe(row.closest("li"));
    expect(within(detail).getByText("Row").nextSibling?.textContent).toBe("5");
    const recommendation = within(detail).getByRole("heading", { name: "Recommendation" }).nextElementSibling as HTMLElement;
    expect(
      within(recommendation)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Hold new orders until the balance is back under the limitOutstanding balance 12,000.00 is above the credit limit 10,000.00.",
    ]);
    const findings = within(detail).getByRole("heading", { name: "Findings" }).nextElementSibling as HTMLElement;
    expect(within(findings).getByRole("listitem").textContent).toBe(
      "Over credit limit: Outstanding balance 12,000.00 is above the credit limit 10,000.00.",
    );
    fireEvent.click(row);
    expect(screen.queryByRole("region", { name: "Customer 4" })).toBeNull();
  });

  test("a data error names its cell and Go to selects it", async () => {
    await renderPane();
    const values = customerSheet(2);
    values[2][2] = "abc";
    await runReview(sheetRead(values));
    fireEvent.change(screen.getByRole("combobox", { name: "Filter by grade" }), { target: { value: "errors" } });
    expect(rows()).toHaveLength(1);
    expect(rows()[0].textContent).toMatch(/Data error.*row 3, column C \(Payment history\)/);
    fireEvent.click(rows()[0]);
    const detail = screen.getByRole("region", { name: "=cmd|' /C calc'!A0" });
    expect(within(detail).getByRole("heading", { name: "Review issues" })).toBeTruthy();
    expect(within(detail).getByText(/row 3, column C.*abc/)).toBeTruthy();
    mocked.selectRange.mockClear();
    fireEvent.click(within(detail).getByRole("button", { name: "Go to C3" }));
    expect(mocked.selectRange).toHaveBeenCalledWith("Customers", { row: 2, column: 2, rows: 1, columns: 1 });
  });

  test("a note that is not data to fix (a debt-free company's Z-score) shows under Review issues, as on the sheet, not under Data errors", async () => {
    await renderPane();
    const header = [...customerSheet(0)[0], "Current assets", "Current liabilities", "Total assets", "Total liabilities"];
    const values = [
      [...header, "Retained earnings", "EBIT", "Equity", "Sales"],
      ["C000001", "Debt Free Co", 1, 1, 2, 1, 1, 10000, 5000, 0, 0, 100, 100, 1000, 0, 0, 0, 0, 100],
    ];
    await runReview(sheetRead(values));
    const row = rowOf("Debt Free Co");
    // Not held against the customer: its line says no warning, not "Data to fix".
    expect(row.textContent).toContain("No warnings");
    fireEvent.click(row);
    const detail = screen.getByRole("region", { name: "Debt Free Co" });
    const issues = within(detail).getByRole("heading", { name: "Review issues" }).nextElementSibling as HTMLElement;
    expect(within(issues).getByRole("listitem").textContent).toMatch(
      /^row 2, column O \(Total liabilities\): Z-score.*total liabilities is 0 \(no debt\).*Go to O2$/,
    );
    expect(within(detail).queryByRole("heading", { name: "Data errors" })).toBeNull();
    expect(within(detail).getByRole("heading", { name: "Recommendation" })).toBeTruthy();
  });
});

describe("a customer with a data error and the previous score the pane used", () => {
  test("a blank factor: its row is at risk by its warning, its details give the actions and what waits for the fix", async () => {
    await renderPane();
    const values = customerSheet(9);
    // Customer 4: over its limit (12,000 on 10,000); its Contract performance blank.
    values[4][3] = "";
    await runReview(sheetRead(values));
    const portfolio = screen.getByRole("region", { name: "Portfolio" });
    expect(within(portfolio).getByText("Customers warned, overdue or high risk").nextSibling?.textContent).toBe("6");
    // At risk, needing action, 12,000 as Customer 8 but without a score: right after it, its warning
    // on its second line and Data error on its badge.
    const names = rows().map((r) => r.textContent);
    expect(names[0]).toBe("Customer 8MediumRisk score: 2.85Over credit limit");
    expect(names[1]).toBe("Customer 4Data errorOver credit limit");
    fireEvent.click(rowOf("Customer 4"));
    const detail = screen.getByRole("region", { name: "Customer 4" });
    expect(within(detail).getByText(/row 5, column D \(Contract performance\): contract performance is blank/)).toBeTruthy();
    const recommendation = within(detail).getByRole("heading", { name: "Recommendation" }).nextElementSibling as HTMLElement;
    expect(
      within(recommendation)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Hold new orders until the balance is back under the limitOutstanding balance 12,000.00 is above the credit limit 10,000.00.",
      "Held for the data fix: grade actions, Score rose and Negative news checks, recommended limit, next review",
    ]);
    const findings = within(detail).getByRole("heading", { name: "Findings" }).nextElementSibling as HTMLElement;
    expect(within(findings).getByRole("listitem").textContent).toBe(
      "Over credit limit: Outstanding balance 12,000.00 is above the credit limit 10,000.00.",
    );
  });

  test("a previous score on the sheet the archive overruled, which would have raised Score rose, is said in the customer's details", async () => {
    await renderPane();
    const values = customerSheet(6).map((line, i) => [...line, i === 0 ? "Previous score" : 2]);
    const archive = [
      ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
      [46000, "v", "C000006", "Customer 6", 4.5, "High"],
    ];
    await runReview(sheetRead(values, { archive: { name: "Credit Review Archive", values: archive } }));
    fireEvent.click(rowOf("Customer 6"));
    const detail = screen.getByRole("region", { name: "Customer 6" });
    expect(
      within(detail).getByText(
        "row 7, column L (Previous score): previous score 2.00 on the sheet; the archive's 4.50 of 2025-12-09 was used (and will be from now on: clear this column's cells to stop this note)",
      ),
    ).toBeTruthy();
  });
});

describe("columns", () => {
  test("detected columns are shown: recognised (field ← header), missing, and the checks that switches off", async () => {
    await renderPane();
    const values = customerSheet(2);
    values[0].push("Region");
    values[1].push("North");
    await runReview(sheetRead(values));
    tab("Columns");
    expect(screen.getByText("Header row: 1")).toBeTruthy();
    const found = screen.getByRole("region", { name: "Recognised columns" });
    expect(within(found).getByText('Customer ID ← "Customer ID" (column A)')).toBeTruthy();
    expect(within(found).getByText('Days past due ← "Days past due" (column K)')).toBeTruthy();
    const missing = screen.getByRole("region", { name: "Missing columns" });
    expect(missing?.textContent).toContain("Previous score");
    expect(missing?.textContent).toContain("Negative news date");
    const skipped = screen.getByRole("region", { name: "Checks switched off" });
    expect(skipped?.textContent).toContain("Score rose: no Previous score column or archive of earlier reviews");
    expect(skipped?.textContent).toContain("Low liquidity: no Current assets and Current liabilities columns");
    expect(screen.getByRole("combobox", { name: 'Column L "Region"' })).toBeTruthy();
  });

  test("an unrecognised factor header is mapped by hand: remembered in the workbook and the review runs with it", async () => {
    mocked.readWorkbookState.mockResolvedValue({ ...STATE, tops: [] });
    await renderPane();
    const values = customerSheet(3);
    values[0][2] = "Pay record";
    await runReview(sheetRead(values));
    expect(screen.getByText(/missing required columns: "Payment history"/)).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Columns" }).getAttribute("aria-selected")).toBe("true");
    fireEvent.change(screen.getByRole("combobox", { name: 'Column C "Pay record"' }), { target: { value: "paymentHistory" } });
    expect(mocked.saveMapping).toHaveBeenCalledWith({ "Pay record": "paymentHistory" });
    await waitFor(() => expect(screen.getByText("Column mapping saved in this workbook.")).toBeTruthy());
    // The review ran again with the mapping, and the user is told so.
    await waitFor(() =>
      expect(announced()).toContain('Column mapping saved in this workbook. Reviewed 3 customers on "Customers".'),
    );
    expect(screen.getByText('Payment history ← "Pay record" (column C)')).toBeTruthy();
    expect(screen.getByText("(mapped by you)")).toBeTruthy();
    tab("Results");
    expect(rows()).toHaveLength(3);
  });

  test("a column mapped as Action taken whose cells hold numbers is read again, with their formats", async () => {
    await renderPane();
    const values = customerSheet(3);
    const column = values[0].length;
    values[0].push("Zzz notes");
    // As a read without the mapping holds them: a date's number and a share.
    values[1].push(46371);
    values[2].push(0.5);
    await runReview(sheetRead(values));
    const shown = values.map((line, r) =>
      r === 1 ? [...line.slice(0, column), "2026-12-15"] : r === 2 ? [...line.slice(0, column), "50%"] : line,
    );
    mocked.readForReview.mockResolvedValueOnce(sheetRead(shown));
    tab("Columns");
    fireEvent.change(screen.getByRole("combobox", { name: `Column ${String.fromCharCode(65 + column)} "Zzz notes"` }), {
      target: { value: "actionTaken" },
    });
    await waitFor(() => expect(mocked.readForReview).toHaveBeenCalledTimes(2));
    expect(mocked.saveMapping).toHaveBeenCalledWith({ "Zzz notes": "actionTaken" });
    expect(mocked.readForReview.mock.calls[1][2]).toMatchObject({ mapping: { "Zzz notes": "actionTaken" } });
    await waitFor(() => expect(usable("Review")).toBe(true));
    // Read once more, its responses shown: the review ran on that read, not again.
    expect(mocked.readForReview).toHaveBeenCalledTimes(2);
    tab("Results");
    expect(rows()).toHaveLength(3);
  });

  test("a remembered mapping is passed to the review", async () => {
    mocked.loadMapping.mockReturnValue({ "Pay record": "paymentHistory" });
    await renderPane();
    const values = customerSheet(3);
    values[0][2] = "Pay record";
    await runReview(sheetRead(values));
    expect(rows()).toHaveLength(3);
  });

  test("a sheet without customer columns: the error suggests the customer sheet, and its button reviews that one", async () => {
    await renderPane();
    fireEvent.change(screen.getByRole("combobox", { name: "Customer sheet" }), { target: { value: "Notes" } });
    mocked.readForReview.mockResolvedValueOnce({
      ...sheetRead([["Just some notes"]]),
      target: { name: "Notes", address: "Notes!A1", origin: { row: 0, column: 0 }, values: [["Just some notes"]] },
    });
    fireEvent.click(button("Review"));
    await waitFor(() => expect(screen.getByText('Sheet "Customers" looks like a customer sheet.')).toBeTruthy());
    expect(screen.getByText(/sheet "Notes" has no header row/)).toBeTruthy();
    mocked.readForReview.mockResolvedValueOnce(sheetRead(customerSheet(3)));
    fireEvent.click(button('Review "Customers"'));
    await waitFor(() => expect(within(screen.getByRole("main")).getByText('Reviewed 3 customers on "Customers".')).toBeTruthy());
    expect(mocked.readForReview).toHaveBeenLastCalledWith("Customers", expect.anything(), expect.anything());
    expect(screen.getByRole("tab", { name: "Results" }).getAttribute("aria-selected")).toBe("true");
  });
});

describe("policy", () => {
  test("a bad value: one alert, by its field; Save and Review wait, Review says for which setting and goes there", async () => {
    await renderPane();
    tab("Policy");
    const medium = screen.getByRole("textbox", { name: "Medium risk from score" });
    expect((medium as HTMLInputElement).value).toBe("2.5");
    fireEvent.change(medium, { target: { value: "9" } });
    const alerts = () =>
      within(screen.getByRole("main"))
        .getAllByRole("alert")
        .map((a) => a.textContent);
    expect(alerts()).toEqual(["Medium risk from score must be at most 5, got 9"]);
    expect(medium.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText('The policy setting "Medium risk from score" has an error.')).toBeTruthy();
    fireEvent.change(medium, { target: { value: "3.6" } });
    expect(alerts()).toEqual(["the high-risk band (3.5) must start above the medium-risk band (3.6)"]);
    expect(usable("Save policy")).toBe(false);
    expect(usable("Review")).toBe(false);
    expect(document.getElementById("review-reason")?.textContent).toBe(
      'Fix the policy setting "High risk from score" first. Go to the setting',
    );
    tab("Columns");
    fireEvent.click(within(document.getElementById("review-reason")!).getByRole("button", { name: "Go to the setting" }));
    const high = screen.getByRole("textbox", { name: "High risk from score" });
    await waitFor(() => expect(document.activeElement).toBe(high));
    // Focus moved by a button press gets no focus ring from Fluent (its Input's outline is transparent
    // then): the field the pane took the focus to draws one, in Fluent's focus colour, until the focus leaves.
    const outline = () => getComputedStyle(high.closest(".fui-Input")!).outline;
    const RING = "var(--strokeWidthThick) solid var(--colorStrokeFocus2)";
    expect(outline()).toBe(RING);
    act(() => high.blur());
    act(() => high.focus());
    expect(outline()).toBe("2px solid transparent");
    // The note above the form takes the focus there the same way.
    act(() => high.blur());
    const note = screen.getByText('The policy setting "High risk from score" has an error.', { exact: false });
    fireEvent.click(within(note).getByRole("button", { name: "Go to the setting" }));
    expect(document.activeElement).toBe(high);
    expect(outline()).toBe(RING);
  });

  test("a good value is saved to the policy sheet, after the pane asks; Enter in a field saves nothing", async () => {
    await renderPane();
    tab("Policy");
    const medium = screen.getByRole("textbox", { name: "Medium risk from score" });
    fireEvent.change(medium, { target: { value: "2.4" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Share of customers overdue that triggers a portfolio warning" }), {
      target: { value: "15%" },
    });
    mocked.writePlan.mockImplementationOnce(async (plan) => ({
      ...okOutcome({ ...plan, target: { sheet: "", blocks: [], fills: [], clearFillsOn: [] } }),
    }));
    // Enter in a field submits its form: that must not write a sheet into the workbook.
    fireEvent.submit(medium.closest("form")!);
    expect(screen.queryByRole("group", { name: "Save the policy to the workbook?" })).toBeNull();
    fireEvent.click(button("Save policy"));
    const question = screen.getByRole("group", { name: "Save the policy to the workbook?" });
    expect(within(question).getByText('Sheet "Credit Policy": policy, rows 1–50.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(question).getByRole("button", { name: "Save" })));
    // No writes nothing and gives the focus back to Save policy.
    fireEvent.keyDown(within(question).getByRole("button", { name: "Save" }), { key: "Escape" });
    await waitFor(() => expect(document.activeElement).toBe(button("Save policy")));
    expect(mocked.writePlan).not.toHaveBeenCalled();
    // An edit while it asks makes the question stale: it goes, and the focus stays in the field being typed in.
    fireEvent.click(button("Save policy"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Save" })));
    medium.focus();
    fireEvent.change(medium, { target: { value: "2.45" } });
    expect(screen.queryByRole("group", { name: "Save the policy to the workbook?" })).toBeNull();
    await act(() => Promise.resolve());
    expect(document.activeElement).toBe(medium);
    fireEvent.change(medium, { target: { value: "2.4" } });
    fireEvent.click(button("Save policy"));
    fireEvent.click(
      within(screen.getByRole("group", { name: "Save the policy to the workbook?" })).getByRole("button", { name: "Save" }),
    );
    await waitFor(() => expect(screen.getByText('Policy saved on sheet "Credit Policy".')).toBeTruthy());
    expect(mocked.writePlan).toHaveBeenCalledTimes(1);
    const [plan, lang, check] = mocked.writePlan.mock.calls[0];
    expect(lang).toBe("en");
    expect(check).toBeUndefined();
    expect(plan.target).toBeUndefined();
    expect(plan.sheets.map((s) => s.name)).toEqual(["Credit Policy"]);
    const saved = readPolicySheet(plan.sheets[0].blocks.flatMap((b) => b.values));
    expect(saved).toEqual(completePolicy({ mediumFrom: 2.4, overdueShare: 0.15 }));
  });

  test("the policy on the workbook's policy sheet is loaded at start", async () => {
    mocked.readWorkbookState.mockResolvedValue({
      ...STATE,
      policy: {
        name: "Credit Policy",
        values: [
          ["Setting", "Value"],
          ["highFrom", 4],
        ],
      },
    });
    await renderPane();
    tab("Policy");
    expect((screen.getByRole("textbox", { name: "High risk from score" }) as HTMLInputElement).value).toBe("4");
    expect(screen.getByText('Policy read from sheet "Credit Policy".')).toBeTruthy();
  });

  test("Save policy writes the table and the legend over the sheet read at start: a note beside them stays, stale rows below go", async () => {
    mocked.readWorkbookState.mockResolvedValue({
      ...STATE,
      policy: {
        name: "Credit Policy",
        values: [
          ["Setting", "Value", "Meaning", null],
          ["highFrom", 4, null, "agreed with the board"],
          ...Array.from({ length: 58 }, () => [null, null, null, null]),
          ["old setting", 1, null, null],
        ],
      },
    });
    await renderPane();
    tab("Policy");
    mocked.writePlan.mockImplementationOnce(async (plan) => ({
      ...okOutcome({ ...plan, target: { sheet: "", blocks: [], fills: [], clearFillsOn: [] } }),
    }));
    fireEvent.click(button("Save policy"));
    fireEvent.click(
      within(screen.getByRole("group", { name: "Save the policy to the workbook?" })).getByRole("button", { name: "Save" }),
    );
    await waitFor(() => expect(mocked.writePlan).toHaveBeenCalledTimes(1));
    const [sheet] = mocked.writePlan.mock.calls[0][0].sheets;
    expect(sheet.mode).toBe("rewrite-from");
    // Nothing is written in column D; the old row 61, below the legend, is blanked in the table's columns.
    expect(sheet.blocks.every((b) => b.column + b.formats.length <= 3)).toBe(true);
    const written = applyBlocks([], sheet.blocks);
    expect(written[47][0]).toBe("KEEP_TERMS");
    expect(written[60].slice(0, 3)).toEqual([null, null, null]);
  });

  test("a share typed as a bare 70 is refused with how to write it; 70% is taken, and the version follows", async () => {
    await renderPane();
    tab("Policy");
    expect(
      screen.getByText(`Policy version ${DEFAULT_POLICY.version}: it follows the settings, so any change makes a new version.`),
    ).toBeTruthy();
    const alerts = () =>
      within(screen.getByRole("main"))
        .queryAllByRole("alert")
        .map((a) => a.textContent);
    const debt = screen.getByRole("textbox", { name: "Maximum debt ratio" });
    fireEvent.change(debt, { target: { value: "70" } });
    expect(alerts()).toEqual(["Maximum debt ratio is a share: write 70% or 0.7, not 70"]);
    fireEvent.change(debt, { target: { value: "65%" } });
    expect(alerts()).toEqual([]);
    const version = completePolicy({ maxDebtRatio: 0.65 }).version;
    expect(
      screen.getByText(`Policy version ${version}: it follows the settings, so any change makes a new version.`),
    ).toBeTruthy();
  });

  test("a policy sheet in Chinese names is read; a bad value on it is reported with its row and setting", async () => {
    mocked.readWorkbookState.mockResolvedValue({
      ...STATE,
      policy: {
        name: "信用政策",
        values: [
          ["设置", "值"],
          ["高风险起始评分", 4],
          ["资产负债率上限", 70],
        ],
      },
    });
    await renderPane();
    tab("Policy");
    expect(
      screen.getByText(
        'The policy sheet "信用政策" has an error (row 3, column B (值): Maximum debt ratio is a share: write 70% or 0.7, not 70); the defaults are shown instead.',
      ),
    ).toBeTruthy();
  });
});

describe("write back", () => {
  const OUTPUT_LINE =
    'Sheet "Customers": columns L–AE (Risk score, Payment points, Contract points, Industry points, Reputation points, … Review issues), rows 1–5.';

  test("shows what it will change and asks once; No writes nothing and gives the focus back", async () => {
    await renderPane();
    await runReview(sheetRead(customerSheet(4)));
    fireEvent.click(button("Write back"));
    const question = screen.getByRole("group", { name: "Write the review into the workbook?" });
    expect(within(question).getByText(OUTPUT_LINE)).toBeTruthy();
    expect(
      within(question).getByText('Sheet "Credit Review Archive": archive rows 1–5 written (reviews kept in date order).'),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(question).getByRole("button", { name: "Write" })));
    fireEvent.click(within(question).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("group", { name: "Write the review into the workbook?" })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button("Write back")));
    // Escape answers No too.
    fireEvent.click(button("Write back"));
    fireEvent.keyDown(screen.getByRole("button", { name: "Write" }), { key: "Escape" });
    expect(screen.queryByRole("group", { name: "Write the review into the workbook?" })).toBeNull();
    expect(mocked.writePlan).not.toHaveBeenCalled();
  });

  test("Write: the engine's plan is written, the outcome names the same parts, offers the summary sheet, and Write back waits for a new review", async () => {
    await renderPane();
    await runReview(sheetRead(customerSheet(4)));
    mocked.writePlan.mockImplementationOnce(async (plan) => okOutcome(plan));
    fireEvent.click(button("Write back"));
    fireEvent.click(
      within(screen.getByRole("group", { name: "Write the review into the workbook?" })).getByRole("button", { name: "Write" }),
    );
    await waitFor(() => expect(screen.getByText("Written to the workbook")).toBeTruthy());
    const [plan, lang, check] = mocked.writePlan.mock.calls[0];
    expect(lang).toBe("en");
    expect(check).toMatchObject({ sheet: "Customers", address: "Customers!A1:K5", headerIndex: 0 });
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Credit Review Summary",
      "Credit Review Archive",
      "Credit Policy",
      "Credit Policy History",
    ]);
    expect(screen.getByText(OUTPUT_LINE)).toBeTruthy();
    await waitFor(() => expect(announced()).toContain(`Written to the workbook. ${OUTPUT_LINE}`));
    fireEvent.click(button("Open summary sheet"));
    expect(mocked.activateSheet).toHaveBeenCalledWith("Credit Review Summary");
    // Written once: the read is stale now (the archive would be appended twice).
    expect(usable("Write back")).toBe(false);
    expect(document.getElementById("write-reason")?.textContent).toMatch(/^Written\. Review again before the next write/);
  });

  test("a write that stopped part-way says what was written, what maybe, what not, and that the workbook is marked", async () => {
    await renderPane();
    await runReview(sheetRead(customerSheet(2)));
    mocked.writePlan.mockResolvedValueOnce({
      ok: false,
      written: [{ sheet: "Customers", role: "output", area: { row: 0, column: 11, rows: 3, columns: 10 } }],
      uncertain: [{ sheet: "Credit Review Archive", role: "archive", area: { row: 0, column: 0, rows: 3, columns: 6 } }],
      notWritten: [{ sheet: "Credit Policy", role: "policy", area: { row: 0, column: 0, rows: 21, columns: 3 } }],
      problem: new ExcelProblem("protected", "Credit Review Archive"),
      marked: { sheet: "Credit Review Summary", ok: true },
      syncs: 3,
      batches: 3,
    });
    fireEvent.click(button("Write back"));
    fireEvent.click(button("Write"));
    await waitFor(() => expect(screen.getByText("The write did not finish")).toBeTruthy());
    expect(
      screen.getByText('Sheet "Credit Review Archive" is protected, so Excel refused the change. Unprotect it and try again.'),
    ).toBeTruthy();
    expect(screen.getByText("Maybe partly written (Excel stopped during this part):")).toBeTruthy();
    expect(screen.getByText('Sheet "Credit Policy": policy, rows 1–21.')).toBeTruthy();
    expect(screen.getByText(/Cell A1 of sheet "Credit Review Summary" now says the workbook is incomplete/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Open summary sheet" })).toBeNull();
  });

  test("Cancel during the write: the writer is told, and the outcome reads as a cancelled write", async () => {
    await renderPane();
    await runReview(sheetRead(customerSheet(2)));
    mocked.writePlan.mockImplementationOnce(
      (plan, _lang, _check, options) =>
        new Promise((resolve) =>
          options!.signal!.addEventListener("abort", () =>
            resolve({
              ok: false,
              written: [],
              uncertain: [],
              notWritten: excel.planParts(plan, "en"),
              problem: new ExcelProblem("cancelled", "Customers"),
              syncs: 1,
              batches: 2,
            }),
          ),
        ),
    );
    fireEvent.click(button("Write back"));
    fireEvent.click(button("Write"));
    await waitFor(() => expect(button("Cancel")).toBeTruthy());
    fireEvent.click(button("Cancel"));
    await waitFor(() => expect(screen.getByText("Write back cancelled")).toBeTruthy());
    expect(screen.getByText("Nothing was written.")).toBeTruthy();
    // Nothing was written, so the same review can still be written.
    expect(usable("Write back")).toBe(true);
  });
});

describe("languages", () => {
  test("language switch shows Chinese labels, and the Office language picks the start language", async () => {
    await renderPane();
    await runReview(sheetRead(customerSheet(6)));
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(screen.getByRole("button", { name: "开始审查" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "结果" })).toBeTruthy();
    expect(screen.getByRole("list", { name: "本次审查的客户" })).toBeTruthy();
    expect(screen.getAllByText("低").length).toBeGreaterThan(0);
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(screen.getByRole("button", { name: "中文" }).getAttribute("aria-pressed")).toBe("true");
    // Chinese text takes Chinese punctuation around our own separators.
    fireEvent.click(within(screen.getByRole("list", { name: "本次审查的客户" })).getByRole("button", { name: /^Customer 4/ }));
    const detail = screen.getByRole("region", { name: "Customer 4" });
    expect(within(detail).getByText("超出信用额度").parentElement?.textContent).toMatch(/^超出信用额度：/);
  });

  test("a sheet last reviewed in Chinese: the notice says so, and its button switches to Chinese and reviews again in it", async () => {
    const reviewed = reviewWorkbook({ customers: customerSheet(6) }, todaySerial(), "zh").workbook.customers;
    const engine = jest.spyOn(reviewModule, "runReview");
    await renderPane();
    await runReview(sheetRead(reviewed));
    const line =
      '"Customers" was last reviewed in Chinese: written back in English, its review columns, summary and archive entries turn English.';
    const notice = within(screen.getByRole("main")).getByText(line).closest(".fui-MessageBar") as HTMLElement;
    expect(within(notice).getByText('Reviewed 6 customers on "Customers".')).toBeTruthy();
    expect(engine.mock.calls.map((call) => call[1])).toEqual(["en"]);
    fireEvent.click(within(notice).getByRole("button", { name: "Switch to 中文" }));
    // Run again on the values read, in Chinese: no second read of the sheet.
    await waitFor(() => expect(engine.mock.calls.map((call) => call[1])).toEqual(["en", "zh"]));
    expect(mocked.readForReview).toHaveBeenCalledTimes(1);
    const again = (await within(screen.getByRole("main")).findByText("已审查工作表“Customers”中的 6 个客户。")).closest(
      ".fui-MessageBar",
    );
    await waitFor(() => expect(again).toBe(document.activeElement));
    expect(within(again as HTMLElement).queryByRole("button")).toBeNull();
    expect(screen.queryByText(/上次以英文审查/)).toBeNull();
    engine.mockRestore();
  });

  test("a sheet last reviewed in the pane's language, or never: no word about languages", async () => {
    const reviewed = reviewWorkbook({ customers: customerSheet(6) }, todaySerial(), "en").workbook.customers;
    await renderPane();
    await runReview(sheetRead(reviewed));
    expect(within(screen.getByRole("main")).getByText('Reviewed 6 customers on "Customers".')).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Switch to 中文" })).toBeNull();
    // Switched by hand at the pane's foot, the review on screen runs again in the language chosen.
    const engine = jest.spyOn(reviewModule, "runReview");
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    await waitFor(() => expect(engine.mock.calls.map((call) => call[1])).toEqual(["zh"]));
    // The user chose the language: the notice is the review's, in it, with nothing to switch.
    expect(await within(screen.getByRole("main")).findByText("已审查工作表“Customers”中的 6 个客户。")).toBeTruthy();
    expect(screen.queryByText(/上次以英文审查/)).toBeNull();
    engine.mockRestore();
  });

  test("started in Chinese (Office display language zh-CN)", async () => {
    await renderPane("zh");
    expect(screen.getByRole("heading", { level: 1, name: "信用审查" })).toBeTruthy();
    expect(screen.getByLabelText("审查日期")).toBeTruthy();
  });
});

test("a sheet that vanished: plain message and the sheet list is read again", async () => {
  await renderPane();
  mocked.readForReview.mockRejectedValueOnce(new ExcelProblem("sheetMissing"));
  fireEvent.click(button("Review"));
  await waitFor(() => expect(screen.getByText(/A sheet is no longer there/)).toBeTruthy());
  expect(mocked.readWorkbookState).toHaveBeenCalledTimes(2);
});

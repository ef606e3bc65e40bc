/** @jest-environment jsdom */
/**
 * The task pane with its Excel module mocked (jest.mock): no Office.js here, the engine is real.
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { readPolicySheet } from "../../../src/engine/review/policy-sheet";
import type { PlanToWrite, ReviewRead, WorkbookState, WriteOutcome } from "../../../src/taskpane/excel";
import App from "../../../src/taskpane/components/App";
import * as excel from "../../../src/taskpane/excel";
import { customerSheet, NASTY_NAMES } from "./workbooks";

jest.mock("../../../src/taskpane/excel", () => ({
  readWorkbookState: jest.fn(),
  readForReview: jest.fn(),
  writePlan: jest.fn(),
  loadMapping: jest.fn(() => ({})),
  saveMapping: jest.fn(() => Promise.resolve()),
  selectRow: jest.fn(() => Promise.resolve()),
}));

const mocked = excel as jest.Mocked<typeof excel>;

// Fluent's DataGrid renders slowly under jsdom: give async queries time.
configure({ asyncUtilTimeout: 5000 });

function sheetRead(values: unknown[][], extra: Partial<ReviewRead> = {}): ReviewRead {
  return {
    sheetNames: ["Customers", "Notes"],
    target: { name: "Customers", address: `Customers!A1:K${values.length}`, origin: { row: 0, column: 0 }, values },
    ...extra,
  };
}

const STATE: WorkbookState = { sheetNames: ["Notes", "Customers", "Credit Review Summary"], activeSheet: "Customers" };

function okOutcome(plan: PlanToWrite): WriteOutcome {
  const target = plan.target!;
  const written = [
    ...target.blocks.map((b) => ({
      sheet: target.sheet,
      role: "output" as const,
      area: { row: b.row, column: b.column, rows: b.values.length, columns: b.formats.length },
    })),
    ...plan.sheets.map((s) => ({
      sheet: s.name,
      role: (s.name.includes("Summary") ? "summary" : s.name.includes("Archive") ? "archive" : "policy") as "summary",
      area: { row: 0, column: 0, rows: s.blocks.length, columns: 2 },
    })),
  ];
  return { ok: true, written, uncertain: [], notWritten: [], syncs: 2, batches: 1 };
}

async function renderPane(lang: "en" | "zh" = "en") {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App initialLang={lang} />
    </FluentProvider>,
  );
  await waitFor(() =>
    expect((screen.getByRole("button", { name: lang === "en" ? "Review" : "开始审查" }) as HTMLButtonElement).disabled).toBe(
      false,
    ),
  );
  return view;
}

async function runReview(read: ReviewRead) {
  mocked.readForReview.mockResolvedValueOnce(read);
  fireEvent.click(screen.getByRole("button", { name: "Review" }));
  await waitFor(() => expect((screen.getByRole("button", { name: "Review" }) as HTMLButtonElement).disabled).toBe(false));
}

function tab(name: string) {
  fireEvent.click(screen.getByRole("tab", { name }));
}

beforeEach(() => {
  jest.resetAllMocks();
  mocked.readWorkbookState.mockResolvedValue(STATE);
  mocked.loadMapping.mockReturnValue({});
  mocked.saveMapping.mockResolvedValue(undefined);
  mocked.selectRow.mockResolvedValue(undefined);
});

test("start-up: sheet dropdown lists the workbook's sheets without our review sheets, the active one chosen; as-of is today", async () => {
  await renderPane();
  const select = screen.getByRole("combobox", { name: "Customer sheet" }) as HTMLSelectElement;
  expect([...select.options].map((o) => o.value)).toEqual(["Notes", "Customers"]);
  expect(select.value).toBe("Customers");
  const date = screen.getByLabelText("As-of date") as HTMLInputElement;
  expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test("Review and Write are disabled, and progress shown, while the read is running", async () => {
  await renderPane();
  let finish!: (read: ReviewRead) => void;
  mocked.readForReview.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
  fireEvent.click(screen.getByRole("button", { name: "Review" }));
  expect((screen.getByRole("button", { name: "Review" }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole("button", { name: "Write back" }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByRole("progressbar", { name: "Progress" })).toBeTruthy();
  expect(screen.getByText('Reading sheet "Customers"…')).toBeTruthy();
  await act(async () => finish(sheetRead(customerSheet(3))));
  await waitFor(() => expect((screen.getByRole("button", { name: "Write back" }) as HTMLButtonElement).disabled).toBe(false));
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(mocked.readForReview).toHaveBeenCalledWith("Customers", STATE.sheetNames, expect.anything());
});

test("a read in parts (Excel on the web's 5 MB limit) shows how far it has got", async () => {
  await renderPane();
  let finish!: (read: ReviewRead) => void;
  let onPageRead: ((cellsRead: number, totalCells: number) => void) | undefined;
  mocked.readForReview.mockImplementationOnce((_sheet, _known, options) => {
    onPageRead = options?.onPageRead;
    return new Promise((resolve) => (finish = resolve));
  });
  fireEvent.click(screen.getByRole("button", { name: "Review" }));
  expect(onPageRead).toBeDefined();
  act(() => onPageRead!(2_500, 10_000));
  expect(
    screen.getByText('Reading sheet "Customers" in parts (Excel on the web sends at most 5 MB at a time): 25%…'),
  ).toBeTruthy();
  expect(screen.getByRole("progressbar", { name: "Progress" }).getAttribute("aria-valuenow")).toBe("0.25");
  await act(async () => finish(sheetRead(customerSheet(3))));
  await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
});

test("review run shows the portfolio and the customer grid", async () => {
  await renderPane();
  await runReview(sheetRead(customerSheet(9)));
  const portfolio = screen.getByRole("region", { name: "Portfolio" });
  expect(within(portfolio).getByText("Customers reviewed").nextSibling?.textContent).toContain("9");
  const byGrade = within(portfolio).getByRole("table", { name: "Customers by risk grade" });
  expect(
    within(byGrade)
      .getAllByRole("row")
      .map((r) => r.textContent),
  ).toEqual(["Risk gradeCustomersExposure", "Low322,000.00", "Medium322,000.00", "High315,000.00"]);
  expect(within(portfolio).getByText("Share of customers overdue").nextSibling?.textContent).toContain("22.2%");
  expect(within(portfolio).getByText("Portfolio warnings").nextSibling?.textContent).toContain("Many customers overdue");
  const grid = screen.getByRole("grid", { name: "Customers of the review" });
  expect(within(grid).getAllByRole("row")).toHaveLength(10);
  expect(
    within(grid)
      .getAllByRole("columnheader")
      .map((h) => h.textContent),
  ).toEqual(["Row", "Customer", "Score", "Grade", "Warnings", "Recommendation"]);
});

test("grid filtered by grade and by text", async () => {
  await renderPane();
  await runReview(sheetRead(customerSheet(9)));
  const grid = () => screen.getByRole("grid", { name: "Customers of the review" });
  fireEvent.change(screen.getByRole("combobox", { name: "Filter by grade" }), { target: { value: "high" } });
  let rows = within(grid()).getAllByRole("row").slice(1);
  expect(rows).toHaveLength(3);
  rows.forEach((r) => expect(r?.textContent).toContain("High"));
  expect(screen.getByText("Showing 3 of 3 customers.")).toBeTruthy();
  fireEvent.change(screen.getByRole("combobox", { name: "Filter by grade" }), { target: { value: "all" } });
  fireEvent.change(screen.getByRole("searchbox", { name: "Search customers" }), { target: { value: "customer 5" } });
  rows = within(grid()).getAllByRole("row").slice(1);
  expect(rows).toHaveLength(1);
  expect(rows[0]?.textContent).toContain("Customer 5");
  fireEvent.change(screen.getByRole("searchbox", { name: "Search customers" }), { target: { value: "C000009" } });
  expect(within(grid()).getAllByRole("row").slice(1)[0]?.textContent).toContain("Customer 9");
  fireEvent.change(screen.getByRole("searchbox", { name: "Search customers" }), { target: { value: "nobody" } });
  expect(screen.getByText("No customer matches the filter.")).toBeTruthy();
});

test("sorting by score puts the highest first", async () => {
  await renderPane();
  await runReview(sheetRead(customerSheet(6)));
  const grid = screen.getByRole("grid", { name: "Customers of the review" });
  const score = within(grid).getByRole("columnheader", { name: "Score" });
  fireEvent.click(within(score).getByRole("button"));
  fireEvent.click(within(score).getByRole("button"));
  const first = within(grid).getAllByRole("row")[1];
  expect(first?.textContent).toContain("High");
});

test('names like "<script>alert(1)</script>" and "=cmd|\' /C calc\'!A0" are shown literally, as text', async () => {
  const view = await renderPane();
  await runReview(sheetRead(customerSheet(3)));
  const grid = screen.getByRole("grid", { name: "Customers of the review" });
  for (const name of NASTY_NAMES) expect(within(grid).getByText(name).textContent).toBe(name);
  expect(view.container.querySelectorAll("script")).toHaveLength(0);
  expect(view.container.innerHTML).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
});

test("selecting a customer selects its row on the sheet and explains each finding against its threshold", async () => {
  await renderPane();
  await runReview(sheetRead(customerSheet(6)));
  const grid = screen.getByRole("grid", { name: "Customers of the review" });
  fireEvent.click(within(grid).getByRole("radio", { name: "Select Customer 4" }));
  await waitFor(() => expect(mocked.selectRow).toHaveBeenCalledWith("Customers", { row: 4, column: 0, rows: 1, columns: 21 }));
  const detail = screen.getByRole("region", { name: "Customer details" });
  expect(within(detail).getByText("Customer 4")).toBeTruthy();
  expect(within(detail).getByText("Outstanding balance 12,000.00 is above the credit limit 10,000.00.")).toBeTruthy();
  expect(within(detail).getByText("Row 5")).toBeTruthy();
});

test("a customer with errors lists them in the detail view", async () => {
  await renderPane();
  const values = customerSheet(2);
  values[2][2] = "abc";
  await runReview(sheetRead(values));
  fireEvent.change(screen.getByRole("combobox", { name: "Filter by grade" }), { target: { value: "errors" } });
  const grid = screen.getByRole("grid", { name: "Customers of the review" });
  fireEvent.click(within(grid).getByRole("radio"));
  const detail = screen.getByRole("region", { name: "Customer details" });
  expect(within(detail).getByRole("heading", { name: "Errors" })).toBeTruthy();
  expect(within(detail).getByRole("listitem")?.textContent).toMatch(/row 3.*abc/);
});

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
  expect(skipped?.textContent).toContain("Score rose: needs Previous score or an archive of earlier reviews");
  expect(skipped?.textContent).toContain("Low liquidity: needs Current assets, Current liabilities");
  expect(screen.getByRole("combobox", { name: 'Column L "Region"' })).toBeTruthy();
});

test("an unrecognised factor header is mapped by hand: remembered in the workbook and the review runs with it", async () => {
  await renderPane();
  const values = customerSheet(3);
  values[0][2] = "Pay record";
  await runReview(sheetRead(values));
  expect(screen.getByText(/missing required columns: "Payment history"/)).toBeTruthy();
  expect(screen.getByRole("tab", { name: "Columns" }).getAttribute("aria-selected")).toBe("true");
  fireEvent.change(screen.getByRole("combobox", { name: 'Column C "Pay record"' }), { target: { value: "paymentHistory" } });
  expect(mocked.saveMapping).toHaveBeenCalledWith({ "Pay record": "paymentHistory" });
  await waitFor(() => expect(screen.getByText("Column mapping saved in this workbook.")).toBeTruthy());
  expect(screen.getByText('Payment history ← "Pay record" (column C)')).toBeTruthy();
  expect(screen.getByText("(mapped by you)")).toBeTruthy();
  tab("Results");
  expect(within(screen.getByRole("grid")).getAllByRole("row")).toHaveLength(4);
});

test("a remembered mapping is passed to the review", async () => {
  mocked.loadMapping.mockReturnValue({ "Pay record": "paymentHistory" });
  await renderPane();
  const values = customerSheet(3);
  values[0][2] = "Pay record";
  await runReview(sheetRead(values));
  expect(within(screen.getByRole("grid")).getAllByRole("row")).toHaveLength(4);
});

test("a threshold edited: a bad value shows completePolicy's error and blocks Save; a good one is saved to the policy sheet", async () => {
  await renderPane();
  tab("Policy");
  const medium = screen.getByRole("textbox", { name: "Medium risk from score" });
  expect((medium as HTMLInputElement).value).toBe("2.5");
  fireEvent.change(medium, { target: { value: "3.6" } });
  expect(screen.getAllByText("the high-risk band (3.5) must start above the medium-risk band (3.6)").length).toBeGreaterThan(0);
  expect((screen.getByRole("button", { name: "Save policy" }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole("button", { name: "Review" }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(medium, { target: { value: "9" } });
  expect(screen.getAllByText("Medium risk from score must be at most 5, got 9").length).toBeGreaterThan(0);
  expect(medium.getAttribute("aria-invalid")).toBe("true");
  fireEvent.change(medium, { target: { value: "2.4" } });
  fireEvent.change(screen.getByRole("textbox", { name: "Share of customers overdue that triggers a portfolio warning" }), {
    target: { value: "15%" },
  });
  mocked.writePlan.mockImplementationOnce(async (plan) => ({
    ...okOutcome({ ...plan, target: { sheet: "", blocks: [], fills: [], clearFillsOn: [] } }),
  }));
  fireEvent.click(screen.getByRole("button", { name: "Save policy" }));
  await waitFor(() => expect(screen.getByText('Policy saved on sheet "Credit Policy".')).toBeTruthy());
  const [plan, lang, check] = mocked.writePlan.mock.calls[0];
  expect(lang).toBe("en");
  expect(check).toBeUndefined();
  expect(plan.target).toBeUndefined();
  expect(plan.sheets.map((s) => s.name)).toEqual(["Credit Policy"]);
  const rows = plan.sheets[0].blocks.flatMap((b) => b.values);
  const saved = readPolicySheet(rows);
  expect(saved).toEqual({ ...DEFAULT_POLICY, mediumFrom: 2.4, overdueShare: 0.15 });
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

test("Write back applies the engine's plan and confirms what was written where", async () => {
  await renderPane();
  await runReview(sheetRead(customerSheet(4)));
  mocked.writePlan.mockImplementationOnce(async (plan) => okOutcome(plan));
  fireEvent.click(screen.getByRole("button", { name: "Write back" }));
  await waitFor(() => expect(screen.getByText("Written to the workbook")).toBeTruthy());
  const [plan, lang, check] = mocked.writePlan.mock.calls[0];
  expect(lang).toBe("en");
  expect(check).toMatchObject({ sheet: "Customers", address: "Customers!A1:K5", headerIndex: 0 });
  expect(plan.sheets.map((s) => s.name)).toEqual(["Credit Review Summary", "Credit Review Archive", "Credit Policy"]);
  expect(
    screen.getByText(
      'Sheet "Customers": columns L–U (Risk score, Risk grade, Z-score, Z zone, Warnings, Recommendation, Recommended limit, Monitoring, Next review, Review issues), rows 1–5.',
    ),
  ).toBeTruthy();
  expect(screen.getByText(/^Sheet "Credit Review Summary": summary, rows 1–/)).toBeTruthy();
  // Written once: the read is stale now (the archive would be appended twice).
  expect((screen.getByRole("button", { name: "Write back" }) as HTMLButtonElement).disabled).toBe(true);
});

test("a write that stopped part-way says what was written, what maybe, what not, and that the workbook is marked", async () => {
  await renderPane();
  await runReview(sheetRead(customerSheet(2)));
  mocked.writePlan.mockResolvedValueOnce({
    ok: false,
    written: [{ sheet: "Customers", role: "output", area: { row: 0, column: 11, rows: 3, columns: 10 } }],
    uncertain: [{ sheet: "Credit Review Archive", role: "archive", area: { row: 0, column: 0, rows: 3, columns: 6 } }],
    notWritten: [{ sheet: "Credit Policy", role: "policy", area: { row: 0, column: 0, rows: 21, columns: 3 } }],
    problem: Object.assign(new Error("protected"), {
      name: "ExcelProblem",
      code: "protected" as const,
      sheet: "Credit Review Archive",
    }),
    marked: { sheet: "Credit Review Summary", ok: true },
    syncs: 3,
    batches: 3,
  });
  fireEvent.click(screen.getByRole("button", { name: "Write back" }));
  await waitFor(() => expect(screen.getByText("The write did not finish")).toBeTruthy());
  expect(
    screen.getByText('Sheet "Credit Review Archive" is protected, so Excel refused the change. Unprotect it and try again.'),
  ).toBeTruthy();
  expect(screen.getByText("Maybe partly written (Excel stopped during this part):")).toBeTruthy();
  expect(screen.getByText('Sheet "Credit Policy": policy, rows 1–21.')).toBeTruthy();
  expect(screen.getByText(/Cell A1 of sheet "Credit Review Summary" now says the workbook is incomplete/)).toBeTruthy();
});

test("language switch shows Chinese labels, and the Office language picks the start language", async () => {
  await renderPane();
  await runReview(sheetRead(customerSheet(3)));
  fireEvent.click(screen.getByRole("button", { name: "中文" }));
  expect(screen.getByRole("button", { name: "开始审查" })).toBeTruthy();
  expect(screen.getByRole("combobox", { name: "客户工作表" })).toBeTruthy();
  expect(screen.getByRole("tab", { name: "结果" })).toBeTruthy();
  expect(screen.getByRole("grid", { name: "本次审查的客户" })).toBeTruthy();
  expect(screen.getAllByText("低").length).toBeGreaterThan(0);
  expect(document.documentElement.lang).toBe("zh-CN");
  expect(screen.getByRole("button", { name: "中文" }).getAttribute("aria-pressed")).toBe("true");
});

test("started in Chinese (Office display language zh-CN)", async () => {
  await renderPane("zh");
  expect(screen.getByRole("heading", { name: "信用审查" })).toBeTruthy();
  expect(screen.getByLabelText("审查基准日")).toBeTruthy();
});

test("a sheet that vanished: plain message and the sheet list is read again", async () => {
  await renderPane();
  mocked.readForReview.mockRejectedValueOnce(
    Object.assign(new Error("sheetMissing"), { name: "ExcelProblem", code: "sheetMissing" }),
  );
  fireEvent.click(screen.getByRole("button", { name: "Review" }));
  await waitFor(() => expect(screen.getByText(/A sheet is no longer there/)).toBeTruthy());
  expect(mocked.readWorkbookState).toHaveBeenCalledTimes(2);
});

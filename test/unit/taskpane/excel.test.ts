/**
 * The task pane's Excel module against office-addin-mock plus the small write fakes of
 * fake-excel.ts (see its header for exactly what is mocked and what is faked): what is
 * read, the exact cells written, and how many context.sync calls it takes.
 */
import { cellsOfAreas } from "../../support/review-grid";
import { dateText, message } from "../../../src/engine/i18n";
import { CellValue, serialFromYMD } from "../../../src/engine/cells";
import { completePolicy, DEFAULT_POLICY } from "../../../src/engine/policy";
import { numberFormat } from "../../../src/engine/review/formats";
import { readPolicySheet } from "../../../src/engine/review/policy-sheet";
import { runReview } from "../../../src/engine/review/review";
import { buildWritePlan, WritePlan } from "../../../src/engine/review/write-plan";
import {
  finishOutcome,
  markIncompleteWith,
  planParts,
  columnWidthPoints,
  readForReviewWith,
  readWorkbookStateWith,
  ReviewRead,
  activateSheetWith,
  selectRangeWith,
  TOP_COLUMNS,
  TOP_ROWS,
  writePlanWith,
} from "../../../src/taskpane/excel";
import { planOptionsOf, policyOnlyPlan, reviewInputOf, targetCheck } from "../../../src/taskpane/model";
import { sheetChoices, sheetKinds } from "../../../src/taskpane/sheets";
import { address, FakeExcel, installExcelGlobals, officeError } from "../../support/fake-excel";
import { customerSheet, HEADER, LEDGER, NASTY_NAMES } from "./workbooks";
import { OUTPUT_HEADERS_EN } from "../../support/output-headers";

const AS_OF = serialFromYMD(2026, 3, 31);
let fake: FakeExcel;
installExcelGlobals(() => fake);

function workbook(rows: number, origin = { row: 0, column: 0 }): FakeExcel {
  fake = new FakeExcel();
  fake.addSheet("Customers", customerSheet(rows), origin.row, origin.column);
  fake.addSheet("Notes", [["Just some notes"]]);
  return fake;
}

async function reviewAndPlan(sheet = "Customers", asOf = AS_OF, policy = DEFAULT_POLICY) {
  const read = await readForReviewWith(
    fake.context,
    sheet,
    fake.sheets.map((s) => s.name),
  );
  // The review and its plan from the read as the pane makes them.
  const result = runReview(reviewInputOf(read, policy, asOf), "en");
  const plan = buildWritePlan(result, "en", planOptionsOf(read));
  return { read, result, plan, check: targetCheck(read, result) };
}

/** Every input-sheet cell outside the plan's output area, as text. */
function cellsOutside(plan: WritePlan, sheet = "Customers"): string[] {
  const s = fake.sheet(sheet)!;
  const out: string[] = [];
  s.cells.forEach((line, r) =>
    line?.forEach((v, c) => {
      const inside = plan.outputArea.some((a) => r >= a.row && r < a.row + a.rows && c >= a.column && c < a.column + a.columns);
      if (!inside) out.push(`${r},${c}=${v}`);
    }),
  );
  return out;
}

/** A print setup a user made, as Excel reads it back: portrait, one page wide by as many tall, on A3, narrow side margins, gridlines printed. */
const USERS_PRINT_SETUP = {
  orientation: "Portrait",
  zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
  paperSize: "A3",
  leftMargin: 18,
  rightMargin: 18,
  printGridlines: true,
} as const;

describe("reading what the review needs (office-addin-mock objects, one sync)", () => {
  test("an unloaded property reads as office-addin-mock's error string, not data (the harness keeps the trap)", async () => {
    workbook(2);
    /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- reading too early on purpose */
    const used = fake.context.workbook.worksheets.getItem("Customers").getUsedRangeOrNullObject(true);
    expect(used.values).toBe("Error, property was not loaded");
    used.load("values");
    expect(used.values).toBe("Error, context.sync() was not called");
    await fake.context.sync();
    expect(used.values[0]).toEqual(HEADER);
    /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  });

  test("10 rows: sheet names, values, address and origin in exactly 1 sync", async () => {
    workbook(10);
    const read = await readForReviewWith(fake.context, "Customers", ["Customers", "Notes"]);
    expect(fake.syncCount).toBe(1);
    expect(read.sheetNames).toEqual(["Customers", "Notes"]);
    expect(read.target.address).toBe("Customers!A1:K11");
    expect(read.target.origin).toEqual({ row: 0, column: 0 });
    expect(read.target.values).toHaveLength(11);
    expect(read.target.values[0]).toEqual(HEADER);
    expect(read.target.values[1][1]).toBe(NASTY_NAMES[0]);
    expect(read.ledger).toBeUndefined();
    expect(read.archive).toBeUndefined();
  });

  test("100,000 rows: still exactly 1 sync, every row read", async () => {
    workbook(100_000);
    const read = await readForReviewWith(fake.context, "Customers", ["Customers", "Notes"]);
    expect(fake.syncCount).toBe(1);
    expect(read.target.values).toHaveLength(100_001);
    expect(read.target.address).toBe("Customers!A1:K100001");
  });

  test("a table starting at C4: origin from the address, rows numbered as on the sheet", async () => {
    workbook(3, { row: 3, column: 2 });
    const read = await readForReviewWith(fake.context, "Customers", ["Customers", "Notes"]);
    expect(read.target.address).toBe("Customers!C4:M7");
    expect(read.target.origin).toEqual({ row: 3, column: 2 });
    const result = runReview({
      sheetName: "Customers",
      values: read.target.values,
      origin: read.target.origin,
      asOf: AS_OF,
      policy: DEFAULT_POLICY,
    });
    expect(result.customers.map((c) => c.row)).toEqual([5, 6, 7]);
    expect(result.columns.found[0]).toEqual({ field: "id", column: "C", header: "Customer ID" });
  });

  test("archive, policy and a ledger-looking sheet are read in the same sync; the ledger is picked by detectLedger", async () => {
    workbook(3);
    fake.addSheet("Invoices", LEDGER);
    fake.addSheet("Credit Review Archive", [
      ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
      [AS_OF - 90, "default-1", "C000001", "x", 1.5, "Low"],
    ]);
    fake.addSheet(
      "Credit Policy",
      [
        ["Setting", "Value", "Meaning"],
        ["mediumFrom", 2.2, ""],
      ],
      0,
      0,
    );
    const read = await readForReviewWith(
      fake.context,
      "Customers",
      fake.sheets.map((s) => s.name),
    );
    expect(fake.syncCount).toBe(1);
    expect(read.ledger?.sheetName).toBe("Invoices");
    expect(read.ledger?.values[1]).toEqual(LEDGER[1]);
    expect(read.archive?.name).toBe("Credit Review Archive");
    expect(read.archive?.values[1][2]).toBe("C000001");
    expect(readPolicySheet(read.policy!.values).mediumFrom).toBe(2.2);
  });

  test("our sheets renamed by the user: found at start and in the review's one sync by their top rows, and written under their new names", async () => {
    workbook(3);
    fake.addSheet("Invoices", LEDGER);
    const first = await reviewAndPlan();
    expect((await writePlanWith(fake.context, first.plan, "en", first.check)).ok).toBe(true);
    const renames: Record<string, string> = {
      "Credit Review Summary": "Dashboard",
      "Credit Review Archive": "Review archive",
      "Credit Policy": "Policy",
      "Credit Policy History": "Policy log",
    };
    for (const [from, to] of Object.entries(renames)) fake.sheet(from)!.name = to;
    const own = { summary: "Dashboard", archive: "Review archive", policy: "Policy", policyHistory: "Policy log" };
    // The user raises the maximum debt ratio on the renamed policy sheet.
    const policySheet = fake.sheet("Policy")!;
    policySheet.set(
      policySheet.cells.findIndex((line) => line[0] === "Maximum debt ratio"),
      1,
      0.75,
    );

    fake.syncCount = 0;
    const state = await readWorkbookStateWith(fake.context);
    expect(fake.syncCount).toBe(2);
    expect(state.ownSheets).toEqual(own);
    expect(state.policy?.name).toBe("Policy");
    expect(readPolicySheet(state.policy!.values).maxDebtRatio).toBe(0.75);
    const kinds = sheetKinds(state.sheetNames, state.tops, state.ownSheets);
    expect(sheetChoices(state.sheetNames, kinds)).toEqual(["Customers", "Notes"]);
    // Save policy writes the renamed sheet, not a new one beside it.
    expect(policyOnlyPlan(DEFAULT_POLICY, "en", state.ownSheets).sheet.name).toBe("Policy");

    fake.syncCount = 0;
    const read = await readForReviewWith(fake.context, "Customers", state.sheetNames);
    expect(fake.syncCount).toBe(1);
    expect(read.ownSheets).toEqual(own);
    expect([read.archive?.name, read.policy?.name, read.policyHistory?.name]).toEqual(["Review archive", "Policy", "Policy log"]);
    expect(read.ledger?.sheetName).toBe("Invoices");
    const policy = readPolicySheet(read.policy!.values);
    expect(policy.maxDebtRatio).toBe(0.75);

    const nextMonth = AS_OF + 30;
    expect(read.target.name).toBe("Customers");
    const result = runReview(reviewInputOf(read, policy, nextMonth), "en");
    expect(result.changes?.previousReview).toBe(AS_OF);
    const plan = buildWritePlan(result, "en", planOptionsOf(read));
    expect((await writePlanWith(fake.context, plan, "en", targetCheck(read, result))).ok).toBe(true);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      "Customers",
      "Notes",
      "Invoices",
      "Dashboard",
      "Review archive",
      "Policy",
      "Policy log",
    ]);
    const archived = fake
      .sheet("Review archive")!
      .cells.slice(1)
      .map((line) => line[0]);
    expect([...new Set(archived)]).toEqual([AS_OF, nextMonth]);
    expect(readPolicySheet(fake.sheet("Policy")!.cells as unknown[][]).maxDebtRatio).toBe(0.75);
    // The renamed history's versions, across its first row.
    expect(fake.sheet("Policy log")!.cells[0].slice(1)).toEqual([DEFAULT_POLICY.version, policy.version]);
    // Replaced, not piled up: the grade and aging charts once, and the exposure at risk over the two reviews.
    expect(fake.sheet("Dashboard")!.charts.map((c) => c.title)).toEqual([
      "Exposure by risk grade",
      "Receivables aging",
      "Exposure at risk over time",
    ]);
  });

  test("a sheet meant as a ledger but with no customer column it knows is read as such, for the review to report", async () => {
    workbook(3);
    fake.addSheet("Export", [["Kundennummer", ...LEDGER[0].slice(1)], ...LEDGER.slice(1)]);
    const read = await readForReviewWith(
      fake.context,
      "Customers",
      fake.sheets.map((s) => s.name),
    );
    expect(read.ledger).toBeUndefined();
    expect(read.incompleteLedger).toEqual({ sheet: "Export", missing: ["customer"] });
  });

  test("a policy sheet whose table starts lower is padded back to A1, so its row numbers stay right", async () => {
    workbook(1);
    fake.addSheet("信用政策", [["mediumFrom", 2.1]], 2, 0);
    const read = await readForReviewWith(
      fake.context,
      "Customers",
      fake.sheets.map((s) => s.name),
    );
    expect(read.policy?.values).toEqual([[], [], ["mediumFrom", 2.1]]);
    expect(readPolicySheet(read.policy!.values).mediumFrom).toBe(2.1);
  });

  test("an empty sheet reads as no values (null used range) and the engine says it has no header row", async () => {
    fake = new FakeExcel();
    fake.addSheet("Empty");
    const read = await readForReviewWith(fake.context, "Empty", ["Empty"]);
    expect(fake.syncCount).toBe(1);
    expect(read.target).toEqual({ name: "Empty", origin: { row: 0, column: 0 }, values: [] });
    expect(() => runReview({ sheetName: "Empty", values: read.target.values, asOf: AS_OF, policy: DEFAULT_POLICY })).toThrow(
      /no header row/,
    );
  });

  test("a header-only sheet is read whole, and the engine says it has no customer rows: nothing is written", async () => {
    workbook(0);
    await expect(reviewAndPlan()).rejects.toThrow(
      'sheet "Customers" has no customer rows under its header (row 1): nothing to review',
    );
  });

  test("a workbook too large for one response is read again in pages: same values, each response under the limit", async () => {
    workbook(2_000);
    fake.addSheet("Credit Review Archive", [
      ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
      [46000, "default-1", "C1", "Customer 1", 2.1, "Low"],
    ]);
    fake.addSheet("Invoices", LEDGER);
    const names = fake.sheets.map((s) => s.name);
    const whole = await readForReviewWith(fake.context, "Customers", names);
    const wholeBytes = fake.syncs[0].responseBytes;
    expect(whole.ledger?.sheetName).toBe("Invoices");
    fake.syncs = [];
    // Excel on the web refuses a response over its limit: here a fifth of the one-sync read.
    const limit = Math.floor(wholeBytes / 5);
    fake.responseLimit = limit;
    const progress: [number, number][] = [];
    const customerRows: [string, number, number][] = [];
    const paged = await readForReviewWith(fake.context, "Customers", names, {
      maxResponseBytes: limit,
      onPageRead: ({ sheet, rowsRead, rows, cellsRead, totalCells }) => {
        progress.push([cellsRead, totalCells]);
        customerRows.push([sheet, rowsRead, rows]);
      },
    });
    expect(paged).toEqual(whole);
    // One report a page, growing to every cell of every sheet read.
    const totalCells = [paged.target.values, ...fake.sheets.filter((s) => s.name !== "Customers").map((s) => s.cells)].reduce(
      (sum, grid) => sum + grid.length * Math.max(...grid.map((line) => line?.length ?? 0)),
      0,
    );
    expect(progress.length).toBe(fake.syncs.length - 2);
    expect(progress.every(([, total]) => total === totalCells)).toBe(true);
    expect(progress.map(([read]) => read)).toEqual([...progress.map(([read]) => read)].sort((a, b) => a - b));
    expect(progress[progress.length - 1][0]).toBe(totalCells);
    // Each report names the sheet its page reached and counts that sheet's rows: the customer sheet first, row by row.
    const onCustomers = customerRows.filter(([sheet]) => sheet === "Customers");
    expect(onCustomers.length).toBeGreaterThan(1);
    expect(onCustomers.every(([, , rows]) => rows === 2_001)).toBe(true);
    expect(onCustomers.map(([, read]) => read)).toEqual([...onCustomers.map(([, read]) => read)].sort((a, b) => a - b));
    // The page that finishes the customer sheet goes on into the next sheet, and reports that one.
    const later = customerRows.slice(onCustomers.length);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every(([sheet, read, rows]) => sheet !== "Customers" && read <= rows)).toBe(true);
    const [refused, addresses, ...pages] = fake.syncs;
    expect(refused.ok).toBe(false);
    // The addresses, and each sheet's corner (16 × 32 cells) to plan its first page on.
    expect(addresses.responseBytes).toBeLessThan(16_000);
    for (const page of pages) expect(page).toMatchObject({ ok: true });
    // The first page is planned on the sheet's corner, read with the addresses: nearly full.
    expect(pages[0].responseBytes).toBeGreaterThan(limit * 0.7);
    // Pages are filled close to the limit: no more than two beyond the bare minimum (the first guess, the last page).
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(wholeBytes / limit) + 2);
    expect(pages.reduce((sum, p) => sum + p.responseBytes, 0)).toBeGreaterThanOrEqual(wholeBytes * 0.95);
  });

  test("longer cells than guessed: a refused page is asked again smaller, and the read still completes", async () => {
    fake = new FakeExcel();
    const long = "备注".repeat(200);
    // Notes below the sheet's corner: the corner read with the addresses does not see them.
    fake.addSheet(
      "Customers",
      customerSheet(300).map((line, r) => (r === 0 ? [...line, "Notes"] : [...line, r < 20 ? "" : long])),
    );
    const names = fake.sheets.map((s) => s.name);
    const whole = await readForReviewWith(fake.context, "Customers", names);
    fake.syncs = [];
    fake.responseLimit = 40_000;
    const paged = await readForReviewWith(fake.context, "Customers", names, { maxResponseBytes: 40_000 });
    expect(paged).toEqual(whole);
    expect(fake.syncs.filter((s) => !s.ok).length).toBeGreaterThan(1); // the one-sync read, then the first guess
    expect(fake.syncs.filter((s) => s.ok).every((s) => s.responseBytes <= 40_000)).toBe(true);
  });

  test("corners whose long texts pass the limit themselves: the addresses are asked again alone, and the read completes", async () => {
    fake = new FakeExcel();
    const long = "x".repeat(3_000);
    fake.addSheet(
      "Customers",
      customerSheet(300).map((line, r) => (r === 0 ? [...line, "Notes"] : [...line, r < 12 ? long : ""])),
    );
    const names = fake.sheets.map((s) => s.name);
    const whole = await readForReviewWith(fake.context, "Customers", names);
    fake.syncs = [];
    fake.responseLimit = 25_000;
    const paged = await readForReviewWith(fake.context, "Customers", names, { maxResponseBytes: 25_000 });
    expect(paged).toEqual(whole);
    // The one-sync read, then the addresses with the corners are refused; the addresses alone pass.
    expect(fake.syncs.slice(0, 3).map((s) => s.ok)).toEqual([false, false, true]);
    expect(fake.syncs[2].responseBytes).toBeLessThan(1_000);
  });

  test("a ledger denser than the customer sheet read before it: no page refused for it, the budget kept", async () => {
    workbook(2_000);
    // Each invoice names its customer and its terms: cells some 1.5 times the customer sheet's
    // (small numbers), so a page that ends the customer sheet and starts the ledger, sized
    // on the customer sheet's density alone, is refused.
    const ledger: CellValue[][] = [["Customer", "Due date", "Amount", "Terms"]];
    for (let i = 0; i < 6_000; i++) ledger.push([`C${i % 2_000}`, 46000 + i, 1000.5 + i, "net 30"]);
    fake.addSheet("Invoices", ledger);
    const names = fake.sheets.map((s) => s.name);
    const whole = await readForReviewWith(fake.context, "Customers", names);
    const wholeBytes = fake.syncs[0].responseBytes;
    fake.syncs = [];
    const limit = Math.floor(wholeBytes / 6);
    fake.responseLimit = limit;
    const paged = await readForReviewWith(fake.context, "Customers", names, { maxResponseBytes: limit });
    expect(paged).toEqual(whole);
    const accepted = fake.syncs.filter((s) => s.ok);
    // Only the one-sync read is refused; the ledger's pages fill most of a response (a refused
    // page halved the budget, and every later page was half full).
    expect(fake.syncs.length - accepted.length).toBe(1);
    const ledgerPages = accepted.filter((s) => s.ops.every((op) => op.sheet === "Invoices"));
    expect(ledgerPages.length).toBeGreaterThan(1);
    expect(ledgerPages.slice(0, -1).every((s) => s.responseBytes > limit * 0.7)).toBe(true);
    expect(accepted.length).toBeLessThanOrEqual(2 + Math.ceil(wholeBytes / (limit * 0.85)));
  });

  test("a host whose limit is far below our budget: the budget is halved until pages pass, then kept", async () => {
    workbook(2_000);
    fake.addSheet("Invoices", LEDGER);
    const names = fake.sheets.map((s) => s.name);
    const whole = await readForReviewWith(fake.context, "Customers", names);
    const wholeBytes = fake.syncs[0].responseBytes;
    fake.syncs = [];
    fake.responseLimit = 60_000;
    const paged = await readForReviewWith(fake.context, "Customers", names);
    expect(paged).toEqual(whole);
    const accepted = fake.syncs.filter((s) => s.ok);
    const refused = fake.syncs.length - accepted.length;
    // From 4.8 MB to under 60 KB is 7 halvings of the budget, and about as many doublings of the
    // first sheet's guessed cell size before its first page passes (8 here: the guess is its
    // corner's measure, close to the truth, so each refusal is taken for longer cells first): a
    // cost only such a host pays.
    expect(refused).toBeLessThanOrEqual(16);
    expect(accepted.length).toBeLessThanOrEqual(1 + Math.ceil(wholeBytes / 30_000));
  });

  test("more than 5 million cells in one get (RangeExceedsLimit, any platform): read in pages instead", async () => {
    workbook(300);
    const names = fake.sheets.map((s) => s.name);
    const whole = await readForReviewWith(fake.context, "Customers", names);
    fake.syncs = [];
    fake.syncCount = 0;
    fake.failAt = (n) => (n === 1 ? officeError("RangeExceedsLimit") : undefined);
    expect(await readForReviewWith(fake.context, "Customers", names)).toEqual(whole);
    expect(fake.syncs.map((s) => s.ok)).toEqual([false, true, true]); // refused, addresses, one page
  });

  test("a stray cell at the far end of a sheet: no attempt to page billions of cells, the sheet and its reach named", async () => {
    workbook(3);
    fake.sheet("Notes")!.put([["stray"]], 1_048_575, 16_383);
    const names = fake.sheets.map((s) => s.name);
    // The fake refuses to get over 5 million cells with RangeExceedsLimit, as Excel does.
    await expect(readForReviewWith(fake.context, "Customers", names)).rejects.toMatchObject({
      code: "usedRangeTooLarge",
      sheet: "Notes",
      detail: "A1:XFD1048576",
    });
    expect(fake.syncCount).toBe(2); // the refused read and the addresses, nothing more
  });

  test("a single row over the limit can't be read: the refusal reaches the pane (→ tooLarge)", async () => {
    fake = new FakeExcel();
    fake.addSheet("Customers", [
      ["Customer", "Notes"],
      ["A", "x".repeat(5_000)],
    ]);
    fake.responseLimit = 1_000;
    await expect(readForReviewWith(fake.context, "Customers", ["Customers"], { maxResponseBytes: 1_000 })).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
  });

  test("a sheet deleted since the list was made fails the read with ItemNotFound (→ sheetMissing)", async () => {
    workbook(2);
    await expect(readForReviewWith(fake.context, "Customers", ["Customers", "Gone"])).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    expect(fake.syncCount).toBe(1);
  });

  test("start-up: names, visibility and active sheet, then every other sheet's top-left corner and the policy sheet: 2 syncs", async () => {
    workbook(2);
    fake.addSheet("Invoices", LEDGER).visibility = "Hidden";
    fake.sheet("Notes")!.visibility = "VeryHidden";
    const state = await readWorkbookStateWith(fake.context);
    expect(fake.syncCount).toBe(2);
    expect(state.sheetNames).toEqual(["Customers", "Notes", "Invoices"]);
    expect(state.activeSheet).toBe("Customers");
    expect(state.visibility).toEqual({ Customers: "visible", Notes: "veryHidden", Invoices: "hidden" });
    expect(state.policy).toBeUndefined();
    expect(state.tops.map((t) => t.name)).toEqual(["Customers", "Notes", "Invoices"]);
    const customers = state.tops[0].values;
    expect(customers).toHaveLength(TOP_ROWS);
    expect(customers[0]).toHaveLength(TOP_COLUMNS);
    expect(customers[0].slice(0, HEADER.length)).toEqual(HEADER);
    expect(state.tops[2].values[1].slice(0, 5)).toEqual(LEDGER[1]);

    fake.addSheet("Credit Policy", [
      ["Setting", "Value"],
      ["highFrom", 3.9],
    ]);
    fake.syncCount = 0;
    const again = await readWorkbookStateWith(fake.context);
    expect(fake.syncCount).toBe(2);
    expect(readPolicySheet(again.policy!.values).highFrom).toBe(3.9);
    // Our own sheets are never customer sheets: their corners are not read.
    expect(again.tops.map((t) => t.name)).toEqual(["Customers", "Notes", "Invoices"]);
  });

  test("Cancel during a read in pages: it stops before the next page with 'cancelled', and reads nothing more", async () => {
    workbook(2_000);
    const names = fake.sheets.map((s) => s.name);
    await readForReviewWith(fake.context, "Customers", names);
    fake.responseLimit = Math.floor(fake.syncs[0].responseBytes / 6);
    fake.syncs = [];
    const controller = new AbortController();
    let pages = 0;
    const read = readForReviewWith(fake.context, "Customers", names, {
      maxResponseBytes: fake.responseLimit,
      signal: controller.signal,
      onPageRead: () => {
        pages++;
        if (pages === 2) controller.abort();
      },
    });
    await expect(read).rejects.toMatchObject({ name: "ExcelProblem", code: "cancelled" });
    // The refused one-sync read, the addresses, and the two pages read before Cancel.
    expect(fake.syncs.map((x) => x.ok)).toEqual([false, true, true, true]);
  });

  test("Cancel before a one-sync read returns: the read is dropped with 'cancelled'", async () => {
    workbook(3);
    const controller = new AbortController();
    const read = readForReviewWith(fake.context, "Customers", ["Customers", "Notes"], { signal: controller.signal });
    controller.abort();
    await expect(read).rejects.toMatchObject({ code: "cancelled" });
    expect(fake.syncCount).toBe(1);
  });
});

describe("writing a plan (writes are fakes applied at sync; reads are office-addin-mock)", () => {
  test("a score under High from 3.5 (3.497, weights 0.33/0.27/0.2/0.1/0.1) gets 0.000, its row and the others their columns' formats", async () => {
    fake = new FakeExcel();
    fake.addSheet("Customers", [
      [...HEADER],
      ["C1", "Alpha", 3.9, 4, 3, 3, 2.3, 1000, 500, 0, 0],
      ["C2", "Beta", 4, 4, 3, 3, 3, 1000, 500, 0, 0],
    ]);
    const read = await readForReviewWith(fake.context, "Customers", ["Customers"]);
    const result = runReview(reviewInputOf(read, completePolicy({ weights: [0.33, 0.27, 0.2, 0.1, 0.1] }), AS_OF), "en");
    const plan = buildWritePlan(result, "en", planOptionsOf(read));
    expect((await writePlanWith(fake.context, plan, "en", targetCheck(read, result))).ok).toBe(true);
    const s = fake.sheet("Customers")!;
    expect([s.get(1, 11), s.format(1, 11), s.text(1, 17)]).toEqual([3.497, "0.000", "Medium"]);
    expect([s.get(2, 11), s.format(2, 11), s.text(2, 17)]).toEqual([3.6, "0.00", "High"]);
    expect([s.format(1, 12), s.format(1, 17), s.format(1, 10 + OUTPUT_HEADERS_EN.indexOf("Next review") + 1)]).toEqual([
      "0.00",
      "@",
      "yyyy-mm-dd",
    ]);
  });

  test.each(["en", "zh"] as const)(
    "a summary total beside amounts in two currencies is a figure whose number format shows its currency (%s)",
    async (lang) => {
      fake = new FakeExcel();
      // Balances in US dollars, overdue amounts in euros: neither's share of the other is known, so each total says its currency.
      fake.addSheet("Customers", [
        [...HEADER],
        ["C1", "Alpha", 2, 2, 2, 2, 2, 200000, "USD 100,000", "EUR 5,000", 10],
        ["C2", "Beta", 2, 2, 2, 2, 2, 200000, "USD 20,000", "EUR 1,000", 10],
      ]);
      const read = await readForReviewWith(fake.context, "Customers", ["Customers"]);
      const result = runReview(reviewInputOf(read, DEFAULT_POLICY, AS_OF), lang);
      const plan = buildWritePlan(result, lang, planOptionsOf(read));
      expect((await writePlanWith(fake.context, plan, lang, targetCheck(read, result))).ok).toBe(true);
      const summary = fake.sheets.find((sheet) => sheet.text(0, 0) === message(lang, "summary.title"))!;
      const overdueLabel = lang === "en" ? "Overdue amount, share of exposure" : "逾期金额及占敞口比例";
      const row = summary.cells.findIndex((line) => line?.[0] === overdueLabel);
      expect(row).toBeGreaterThan(0);
      expect([summary.get(row, 1), summary.format(row, 1)]).toEqual([6000, '"EUR "#,##0.00;"EUR "-#,##0.00']);
    },
  );

  test("the exact cells: output columns beside the table, text format before values, nothing else on the input sheet", async () => {
    workbook(6);
    const { plan, check } = await reviewAndPlan();
    fake.syncCount = 0;
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.ok).toBe(true);
    expect(fake.syncCount).toBe(2); // the check, then one batch
    expect(outcome.syncs).toBe(2);
    expect(fake.suspendCalls).toBe(1);

    const s = fake.sheet("Customers")!;
    // Output headers L1:AE1, right of the input table A:K.
    expect([...Array(20)].map((_, i) => s.text(0, 11 + i))).toEqual(OUTPUT_HEADERS_EN);
    expect(s.get(1, 11)).toBeCloseTo(1.2, 5);
    expect(s.text(1, 17)).toBe("Low");
    expect(s.text(3, 17)).toBe("High");
    expect(s.text(4, 20)).toBe("Over credit limit");
    expect(s.text(4, 21)).toMatch(/^Outstanding balance [\d,.]+ is above the credit limit [\d,.]+\.$/);
    expect(s.text(4, 22)).toContain("Hold new orders");
    expect(s.format(1, 11)).toBe(numberFormat("score", "en"));
    expect(s.format(1, 12)).toBe(numberFormat("score", "en"));
    expect(s.format(1, 17)).toBe("@");
    expect(s.format(1, 25)).toBe("yyyy-mm-dd");
    expect(s.format(1, 26)).toBe(numberFormat("percent", "en"));
    // Blank outputs are written as "" (null would leave an old value in place).
    const valueOps = fake.writes("values").filter((o) => o.sheet === "Customers");
    expect(valueOps).toHaveLength(1);
    expect(valueOps[0].address).toBe("L1:AE7");
    expect((valueOps[0].value as unknown[][]).flat()).not.toContain(null);
    // "@" on the text columns is set before the values go in.
    const ops = fake.syncs[fake.syncs.length - 1].ops.filter((o) => o.sheet === "Customers");
    const textFormat = ops.findIndex((o) => o.kind === "numberFormat" && o.address === "R1:R7" && o.value === "@");
    expect(textFormat).toBeGreaterThanOrEqual(0);
    expect(textFormat).toBeLessThan(ops.findIndex((o) => o.kind === "values"));
    // The user's cells are untouched: the nasty names stay text, exactly as typed.
    expect(cellsOutside(plan).length).toBe(7 * 11);
    expect(s.get(2, 1)).toBe(NASTY_NAMES[1]);
  });

  test("conditional fills: old ones on the output columns cleared first, then the plan's rules", async () => {
    workbook(3);
    const { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    const ops = fake.writes().filter((o) => o.kind === "clearConditionalFormats" || o.kind === "addConditionalFormat");
    expect(ops[0].kind).toBe("clearConditionalFormats");
    expect(ops[0].address).toBe("L1:AE4");
    expect(ops.slice(1).map((o) => o.kind)).toEqual(Array(6).fill("addConditionalFormat"));
    const fills = fake.sheet("Customers")!.conditional;
    expect(fills).toEqual([
      { area: "R2:R4", type: "Custom", formula: '=EXACT(R2,"Low")', color: "#C6EFCE" },
      { area: "R2:R4", type: "Custom", formula: '=EXACT(R2,"Medium")', color: "#FFEB9C" },
      { area: "R2:R4", type: "Custom", formula: '=EXACT(R2,"High")', color: "#FFC7CE" },
      { area: "U2:U4", type: "Custom", formula: "=LEN(TRIM(U2))>0", color: "#FFEB9C" },
      { area: "AE2:AE4", type: "Custom", formula: '=AND(LEN(TRIM(AE2))>0,NOT(EXACT(LEFT(AE2,6),"Note: ")))', color: "#FFC7CE" },
      { area: "AE2:AE4", type: "Custom", formula: '=EXACT(LEFT(AE2,6),"Note: ")', color: "#D9E1F2" },
    ]);
  });

  test("the user's Action taken column is widened to its longest response at the standard width or an earlier run's, never at the user's", async () => {
    const response = "Called their CFO; payment plan agreed";
    const withResponses = () => {
      fake = new FakeExcel();
      const rows = customerSheet(3);
      fake.addSheet(
        "Customers",
        rows.map((line, r) => [...line, r === 0 ? "Action taken" : r === 2 ? response : ""]),
      );
      return rows[0].length;
    };
    const column = withResponses();
    const { plan, check } = await reviewAndPlan();
    expect(plan.target!.responseColumn).toEqual({ column, width: response.length + 2, earlier: [] });
    await writePlanWith(fake.context, plan, "en", check);
    expect(fake.sheet("Customers")!.widths.get(column)).toBe(columnWidthPoints(response.length + 2));
    // Its cells are the user's: none written, none wrapped.
    expect(fake.sheet("Customers")!.cells[2][column]).toBe(response);
    expect([...fake.sheet("Customers")!.wrapped].some((key) => key.endsWith(`,${column}`))).toBe(false);

    // A width an earlier run gave it is the review's to fit again; any other width stays.
    for (const [now, widened] of [
      [columnWidthPoints(20), true],
      [columnWidthPoints(25), false],
    ] as const) {
      withResponses();
      fake.sheet("Customers")!.widths.set(column, now);
      const again = await reviewAndPlan();
      const earlier = { ...again.plan, target: { ...again.plan.target!, responseColumn: { column, width: 39, earlier: [20] } } };
      await writePlanWith(fake.context, earlier, "en", again.check);
      expect(fake.sheet("Customers")!.widths.get(column)).toBe(widened ? columnWidthPoints(39) : now);
    }
  });

  test("the customer sheet's layout: output widths from their content, long texts wrapped, header frozen, table filtered, printed on pages across", async () => {
    workbook(3);
    const { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    const s = fake.sheet("Customers")!;
    for (const column of plan.target!.columns!) expect(s.widths.get(column.column)).toBe(columnWidthPoints(column.width));
    // The output columns are L..AE; their widths cover the longest text, the next-review date's 10 characters.
    expect([...s.widths.keys()].sort((a, b) => a - b)).toEqual([...Array(20)].map((_, i) => 11 + i));
    expect(s.widths.get(25)!).toBeGreaterThanOrEqual(columnWidthPoints(10));
    expect(s.frozenRows).toBe(1);
    expect(s.autoFilter).toBe("A1:AE4");
    // As the plan says (the command line writes the same): pages across, each with the id and name columns.
    expect(plan.target!.print).toMatchObject({ scale: 60, repeatColumns: { first: 0, last: 1 } });
    expect(s.print).toEqual({
      orientation: "Landscape",
      zoom: { scale: 60 },
      printOrder: "OverThenDown",
      titleRows: "$1:$1",
      titleColumns: "$A:$B",
    });
    // Only the plan's own cells wrap: none of the user's.
    const wrapped = plan.target!.columns!.filter((c) => c.wrap).map((c) => c.column);
    for (const key of s.wrapped) expect(wrapped).toContain(Number(key.split(",")[1]));
    // The plan's text columns are indented, left-aligned as an indent needs; its figures are not.
    const indented = plan.target!.columns!.filter((c) => c.indent).map((c) => c.column);
    expect(indented.length).toBeGreaterThan(0);
    expect(indented.length).toBeLessThan(plan.target!.columns!.length);
    const indentedColumns = new Set(s.indented.map(({ area }) => area.column));
    expect([...indentedColumns].sort((a, b) => a - b)).toEqual(indented);
    for (const { area, level } of s.indented) {
      expect([area.columns, level]).toEqual([1, 1]);
      expect(s.horizontal).toContainEqual({ area, alignment: "Left" });
    }
    // The summary's table headers over figures are right-aligned, as the plan says, cell by cell.
    const summary = plan.sheets.find((sheet) => sheet.kind === "summary")!;
    const headers = summary.blocks.filter((b) => b.rightAligned);
    expect(headers.length).toBeGreaterThanOrEqual(3);
    const rightCells = headers.flatMap((b) =>
      b.rightAligned!.flatMap((right, c) => (right ? [{ row: b.row, column: b.column + c, rows: 1, columns: 1 }] : [])),
    );
    expect(fake.sheet(summary.name)!.horizontal).toEqual(
      expect.arrayContaining(rightCells.map((area) => ({ area, alignment: "Right" }))),
    );
    // The review's own sheets stand their cells at the top of tall rows, block by block, but for
    // their headers (bold); the customer sheet's cells (the user's beside ours) keep the application's.
    expect(s.vertical).toEqual([]);
    for (const own of plan.sheets) {
      expect(own.topAligned).toBe(true);
      const areas = own.blocks
        .filter((b) => !b.bold)
        .map((b) => ({ row: b.row, column: b.column, rows: b.values.length, columns: b.formats.length }));
      const vertical = fake.sheet(own.name)!.vertical;
      expect(vertical.every((v) => v.alignment === "Top")).toBe(true);
      // Cell by cell: the fake keeps blocks written one under the other as one range.
      expect(cellsOfAreas(vertical.map((v) => v.area))).toEqual(cellsOfAreas(areas));
    }
  });

  test("the user's own filter, table and frozen panes stay: the review adds none of its own", async () => {
    workbook(3);
    const s = fake.sheet("Customers")!;
    s.autoFilter = "B1:C4";
    s.frozenRows = 2;
    s.print.zoom = { horizontalFitToPages: 2 };
    const { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    expect(s.autoFilter).toBe("B1:C4");
    expect(s.frozenRows).toBe(2);
    expect(s.print).toEqual({ zoom: { horizontalFitToPages: 2 } });
    expect(fake.writes("autoFilter")).toHaveLength(0);
    expect(fake.writes("freezeRows").filter((o) => o.sheet === "Customers")).toHaveLength(0);
    fake.sheet("Customers")!.autoFilter = undefined;
    fake.sheet("Customers")!.addTable("Table1", "A1:C4");
    const again = await reviewAndPlan();
    await writePlanWith(fake.context, again.plan, "en", again.check);
    expect(s.autoFilter).toBeUndefined();
  });

  test("an earlier run's print setup (one page wide, as tall as it takes) is redone; a scale of the user's stays", async () => {
    workbook(3);
    const s = fake.sheet("Customers")!;
    s.print.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    const { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    expect(s.print).toMatchObject({ zoom: { scale: 60 }, titleColumns: "$A:$B" });
    s.print = { zoom: { scale: 85 } };
    const again = await reviewAndPlan();
    await writePlanWith(fake.context, again.plan, "en", again.check);
    expect(s.print).toEqual({ zoom: { scale: 85 } });
  });

  test("printed pages: our sheets headed with their title and the review date, every sheet's pages numbered, in the write's own syncs", async () => {
    workbook(3);
    fake.addSheet("Credit Review Archive", [
      ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
      [AS_OF - 90, "default-1", "C000001", "x", 1.5, "Low"],
    ]);
    const { plan, check } = await reviewAndPlan();
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.ok).toBe(true);
    expect(fake.sheet("Credit Review Summary")!.headerFooter).toEqual({
      centerHeader: "Credit Review Summary — 2026-03-31",
      centerFooter: "Page &P of &N",
    });
    // Its pages hold this review's rows alone: the header says where the earlier review's row is.
    expect(fake.sheet("Credit Review Archive")!.headerFooter).toEqual({
      centerHeader:
        "Credit Review Archive — 2026-03-31 (this review only; 1 other review (2025-12-31) on the sheet, not printed)",
      centerFooter: "Page &P of &N",
    });
    expect(fake.sheet("Credit Policy")!.headerFooter.centerHeader).toBe("Credit Policy — 2026-03-31");
    // The archive prints this review's three rows (below the earlier review's), its header repeated
    // on top of each page; the other sheets print whole.
    expect(fake.sheet("Credit Review Archive")!.print).toMatchObject({ area: "A3:V5", titleRows: "$1:$1" });
    for (const name of ["Customers", "Credit Review Summary", "Credit Policy"])
      expect(fake.sheet(name)!.print.area).toBeUndefined();
    // The customer sheet is the user's: its pages numbered, no header of ours.
    expect(fake.sheet("Customers")!.headerFooter).toEqual({ centerFooter: "Page &P of &N" });
    // Set with the rest of each sheet's layout: no sync of their own.
    const syncsWith = fake.syncs.filter((sync) => sync.ops.some((o) => o.kind === "headerFooter"));
    expect(syncsWith.every((sync) => sync.ops.some((o) => o.kind !== "headerFooter" && o.write))).toBe(true);
    expect(fake.writes("headerFooter")).toHaveLength(2 * plan.sheets.length + 1);
  });

  test("an archive a page and a few rows long prints smaller, as the plan says (the command line writes the same)", async () => {
    // 50 customers, a few rows two lines tall: at 60% the last few would print on a band of pages of their own.
    workbook(50);
    const { plan, check } = await reviewAndPlan();
    const archive = plan.sheets.find((s) => s.kind === "archive")!;
    expect(archive.print!.scale).toBeLessThan(60);
    expect(archive.print!.scale).toBeGreaterThanOrEqual(50);
    expect((await writePlanWith(fake.context, plan, "en", check)).ok).toBe(true);
    expect(fake.sheet("Credit Review Archive")!.print).toMatchObject({
      orientation: "Landscape",
      zoom: { scale: archive.print!.scale },
      printOrder: "OverThenDown",
      titleRows: "$1:$1",
      area: "A2:V51",
    });
    // The output check (column Z) is the next review's: hidden, so it neither shows nor prints.
    expect(fake.sheet("Credit Review Archive")!.cells[0][25]).toBe("Output check");
    expect([...fake.sheet("Credit Review Archive")!.hiddenColumns]).toEqual([25]);
  });

  test("a header or footer of the user's on the customer sheet stays; an earlier run's page numbers are redone in this review's language", async () => {
    workbook(3);
    const s = fake.sheet("Customers")!;
    s.headerFooter = { leftFooter: "Confidential — R&&D" };
    const { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    expect(s.headerFooter).toEqual({ leftFooter: "Confidential — R&&D" });
    expect(fake.writes("headerFooter").filter((o) => o.sheet === "Customers")).toHaveLength(0);
    // Different first or even pages are the user's setup too, even with nothing typed yet.
    s.headerFooter = { state: "FirstAndDefault" };
    const first = await reviewAndPlan();
    await writePlanWith(fake.context, first.plan, "en", first.check);
    expect(s.headerFooter).toEqual({ state: "FirstAndDefault" });
    s.headerFooter = { centerFooter: "第 &P 页，共 &N 页" };
    const again = await reviewAndPlan();
    await writePlanWith(fake.context, again.plan, "en", again.check);
    expect(s.headerFooter).toEqual({ centerFooter: "Page &P of &N" });
  });

  test("a left or right section the user typed in a header or footer of our sheets stays a month later, the summary's too (added again for its chart)", async () => {
    workbook(3);
    let { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    const ours = ["Credit Review Summary", "Credit Review Archive", "Credit Policy"];
    for (const name of ours)
      Object.assign(fake.sheet(name)!.headerFooter, { leftHeader: "Confidential", rightFooter: "Prepared by Finance" });
    ({ plan, check } = await reviewAndPlan("Customers", serialFromYMD(2026, 4, 30)));
    const syncs = fake.syncCount;
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.ok).toBe(true);
    const titles = [
      "Credit Review Summary — 2026-04-30",
      "Credit Review Archive — 2026-04-30 (this review only; 1 other review (2026-03-31) on the sheet, not printed)",
      "Credit Policy — 2026-04-30",
    ];
    ours.forEach((name, i) =>
      expect(fake.sheet(name)!.headerFooter).toEqual({
        leftHeader: "Confidential",
        centerHeader: titles[i],
        rightFooter: "Prepared by Finance",
        centerFooter: "Page &P of &N",
      }),
    );
    // The summary was deleted and added again (its charts this month's alone); its sections were read in the check sync.
    const summary = plan.sheets.find((sheet) => sheet.kind === "summary")!;
    expect(fake.sheet(summary.name)!.charts).toHaveLength(summary.charts!.length);
    expect(fake.syncs[syncs].ops.every((o) => !o.write)).toBe(true);
    expect(outcome.syncs).toBe(1 + outcome.batches);
  });

  test("a print setup the user made on the summary stays a month later (added again for its charts); an earlier run's is redone, on the user's paper", async () => {
    workbook(3);
    let { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    const name = plan.sheets.find((sheet) => sheet.kind === "summary")!.name;
    const ours = { orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 } };
    expect(fake.sheet(name)!.print).toEqual(ours);
    const users = USERS_PRINT_SETUP;
    Object.assign(fake.sheet(name)!.print, users);
    ({ plan, check } = await reviewAndPlan("Customers", serialFromYMD(2026, 4, 30)));
    const syncs = fake.syncCount;
    let outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.ok).toBe(true);
    expect(fake.sheet(name)!.charts).toHaveLength(plan.sheets.find((sheet) => sheet.kind === "summary")!.charts!.length);
    expect(fake.sheet(name)!.print).toEqual({
      ...users,
      topMargin: 54,
      bottomMargin: 54,
      headerMargin: 21.6,
      footerMargin: 21.6,
      printHeadings: false,
      centerHorizontally: false,
      centerVertically: false,
    });
    // Read in the check sync: no sync added.
    expect(fake.syncs[syncs].ops.every((o) => !o.write)).toBe(true);
    expect(outcome.syncs).toBe(1 + outcome.batches);

    // An earlier run's setup, printed on A4: the review's again, on A4.
    fake.sheet(name)!.print = { ...ours, paperSize: "A4" };
    ({ plan, check } = await reviewAndPlan("Customers", serialFromYMD(2026, 5, 31)));
    outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.ok).toBe(true);
    // This month's summary, longer by the changes since the last, prints as the report, on pages down.
    expect(fake.sheet(name)!.print).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      rowBreaks: [28, 63],
      // The report as wide as the customers' tables: the trend stands under the figures' columns.
      zoom: { scale: 78 },
    });
  });

  test("a summary longer than a page prints at the plan's scale, a page starting at each of its breaks; under the user's setup, none", async () => {
    workbook(3);
    let { plan, check } = await reviewAndPlan();
    const name = plan.sheets.find((sheet) => sheet.kind === "summary")!.name;
    // The plan's report setup, as a month with many changes has it (summary-pages.ts).
    const report = {
      orientation: "landscape",
      fitToWidth: 0,
      fitToHeight: 0,
      scale: 72,
      followsLength: true,
      rowBreaks: [20, 41],
    } as const;
    const asReport = (p: WritePlan): WritePlan => ({
      ...p,
      sheets: p.sheets.map((s) => (s.kind === "summary" ? { ...s, print: report } : s)),
    });
    expect((await writePlanWith(fake.context, asReport(plan), "en", check)).ok).toBe(true);
    expect(fake.sheet(name)!.print).toEqual({ orientation: "Landscape", zoom: { scale: 72 }, rowBreaks: [20, 41] });
    // A month later the user's own setup stays, and the review's breaks, made for its own, are not added.
    Object.assign(fake.sheet(name)!.print, USERS_PRINT_SETUP);
    ({ plan, check } = await reviewAndPlan("Customers", serialFromYMD(2026, 4, 30)));
    expect((await writePlanWith(fake.context, asReport(plan), "en", check)).ok).toBe(true);
    expect(fake.sheet(name)!.print).toMatchObject({ orientation: "Portrait", zoom: USERS_PRINT_SETUP.zoom });
    expect(fake.sheet(name)!.print.rowBreaks).toBeUndefined();
  });

  test("a print setup the user made on the policy, the archive or the policy history stays a month later; an earlier run's is redone, on the user's paper", async () => {
    workbook(3);
    let { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    const names = (["policy", "archive", "policyHistory"] as const).map(
      (kind) => plan.sheets.find((sheet) => sheet.kind === kind)!.name,
    );
    // The policy on one landscape page, the tables at 60% across before down, each with its header on every page.
    const onePage = { orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 }, titleRows: "$1:$1" };
    const atScale = { orientation: "Landscape", zoom: { scale: 60 }, printOrder: "OverThenDown", titleRows: "$1:$1" };
    // The history, its settings down and one version across, on one portrait page.
    const oneWide = { orientation: "Portrait", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: "$1:$1" };
    const ours = [onePage, { ...atScale, titleColumns: "$A:$D", area: "A2:V4" }, oneWide];
    names.forEach((name, i) => expect(fake.sheet(name)!.print).toEqual(ours[i]));
    const users = USERS_PRINT_SETUP;
    for (const name of names) Object.assign(fake.sheet(name)!.print, users);
    ({ plan, check } = await reviewAndPlan("Customers", serialFromYMD(2026, 4, 30)));
    /** The print setup written on the three sheets since the `from`th write. */
    const printingSince = (from: number) =>
      fake
        .writes()
        .slice(from)
        .filter((o) => names.includes(o.sheet!) && /^page|^print/.test(o.kind))
        .map((o) => `${o.sheet}: ${o.kind}`);
    const syncs = fake.syncCount;
    let written = fake.writes().length;
    let outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.ok).toBe(true);
    // As the user left them; the archive still prints this review's rows, under March's.
    names.forEach((name, i) =>
      expect(fake.sheet(name)!.print).toEqual({ ...ours[i], ...users, ...(i === 1 ? { area: "A5:V7" } : {}) }),
    );
    // Nothing of how they print written on them.
    expect(printingSince(written)).toEqual(["Credit Review Archive: printArea"]);
    // Read in the check sync: no sync added.
    expect(fake.syncs[syncs].ops.every((o) => !o.write)).toBe(true);
    expect(outcome.syncs).toBe(1 + outcome.batches);

    // An earlier run's setup, printed on A4: the review's again, on A4.
    names.forEach((name, i) => (fake.sheet(name)!.print = { ...ours[i], paperSize: "A4" }));
    ({ plan, check } = await reviewAndPlan("Customers", serialFromYMD(2026, 5, 31)));
    written = fake.writes().length;
    outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.ok).toBe(true);
    names.forEach((name, i) =>
      expect(fake.sheet(name)!.print).toEqual({ ...ours[i], paperSize: "A4", ...(i === 1 ? { area: "A8:V10" } : {}) }),
    );
    expect(printingSince(written)).toEqual(
      expect.arrayContaining(names.flatMap((name) => [`${name}: pageOrientation`, `${name}: pageZoom`])),
    );
  });

  test("row heights on the customer sheet: one the user set stays, an earlier run's is measured again, all read in the check sync", async () => {
    workbook(6);
    const s = fake.sheet("Customers")!;
    const { plan, check } = await reviewAndPlan();
    const fit = plan.target!.fitRows!;
    const planned = new Map((plan.target!.rowHeights ?? []).map((h) => [h.row, h.height]));
    const oneLine = [...Array(fit.last - fit.first + 1)].map((_, i) => fit.first + i).filter((r) => !planned.has(r));
    const tall = [...planned.keys()].find((r) => r > 0)!;
    expect([fit.first, oneLine.length >= 2, planned.get(tall)! >= 30]).toEqual([0, true, true]);
    // The user made the header row taller than its texts need, one row short and one a little
    // taller but not enough for its text; another row is as an earlier run left it, two lines.
    s.heights.set(0, 50);
    s.heights.set(oneLine[0], 8);
    s.heights.set(tall, 20);
    s.heights.set(oneLine[1], 30);
    expect(planned.get(0) ?? 15).toBeLessThan(50);
    const checkSync = fake.syncCount + 1;
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.ok).toBe(true);
    // The user's stay; the one too short for its text and the earlier run's are measured again by Excel.
    expect([...s.heights]).toEqual([
      [0, 50],
      [oneLine[0], 8],
    ]);
    const fitted = fake.writes("autofitRows").filter((o) => o.sheet === "Customers");
    expect(fitted.length).toBeGreaterThan(0);
    const rowsOf = (at: string) => at.match(/\d+/g)!.map(Number);
    for (const op of fitted) {
      const [top, bottom = top] = rowsOf(op.address!);
      for (const kept of [0, oneLine[0]]) expect(kept + 1 < top || kept + 1 > bottom).toBe(true);
    }
    // Read with the rest of the check, in its one sync: no sync of their own.
    const reads = fake.syncs.filter((sync) => sync.ops.some((o) => o.kind === "getRowProperties"));
    expect(reads.map((sync) => sync.number)).toEqual([checkSync]);
    expect(reads[0].ops.filter((o) => o.kind === "getRowProperties").map((o) => o.address)).toEqual([`A1:A${fit.last + 1}`]);
    expect(outcome.syncs).toBe(1 + outcome.batches);
  });

  test("row heights on a sheet never sized: every row the plan writes is measured, as before", async () => {
    workbook(6);
    const { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    const fit = plan.target!.fitRows!;
    const fitted = fake.writes("autofitRows").filter((o) => o.sheet === "Customers");
    // One fit per output block, over all its rows.
    expect(fitted.map((o) => o.address!.replace(/[A-Z]+/g, ""))).toEqual(
      plan.target!.blocks.map(() => `${fit.first + 1}:${fit.last + 1}`),
    );
  });

  test("an earlier run's filter is replaced to take in new customers, unless it filters something", async () => {
    workbook(3);
    const s = fake.sheet("Customers")!;
    s.autoFilter = "A1:AE3"; // the same header and columns, a customer fewer
    const { plan, check } = await reviewAndPlan();
    expect((await writePlanWith(fake.context, plan, "en", check)).ok).toBe(true);
    expect(s.autoFilter).toBe("A1:AE4");
    s.autoFilter = "A1:AE3";
    s.filtered = true;
    const again = await reviewAndPlan();
    await writePlanWith(fake.context, again.plan, "en", again.check);
    expect(s.autoFilter).toBe("A1:AE3");
  });

  test("an earlier run's filter of another width (the review wrote fewer columns then) is replaced too; the user's over their own table stays", async () => {
    workbook(3);
    const s = fake.sheet("Customers")!;
    s.autoFilter = "A1:AB4";
    const { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    expect(s.autoFilter).toBe("A1:AE4");
    s.autoFilter = "A1:C4"; // the user's columns only: set before any review
    const again = await reviewAndPlan();
    await writePlanWith(fake.context, again.plan, "en", again.check);
    expect(s.autoFilter).toBe("A1:C4");
  });

  test("aging edges changed between reviews: the buckets take the earlier aging columns in order, the user's column beside them untouched", async () => {
    workbook(3);
    fake.addSheet("Invoices", LEDGER);
    const s = fake.sheet("Customers")!;
    const first = await reviewAndPlan();
    await writePlanWith(fake.context, first.plan, "en", first.check);
    const headers = (from: number, to: number) => [...Array(to - from)].map((_, i) => s.text(0, from + i));
    expect(headers(30, 36)).toEqual([
      "Aging:\nCurrent",
      "Aging:\n1–30",
      "Aging:\n31–60",
      "Aging:\n61–90",
      "Aging:\n91+",
      "Review issues",
    ]);
    s.set(0, 36, "Collector");
    s.set(1, 36, "Ann");

    // C000001's 1,000 due 112 days before the review.
    const more = await reviewAndPlan("Customers", AS_OF, completePolicy({ ...DEFAULT_POLICY, agingEdges: [30, 60, 90, 120] }));
    expect((await writePlanWith(fake.context, more.plan, "en", more.check)).ok).toBe(true);
    expect(headers(30, 38)).toEqual([
      "Aging:\nCurrent",
      "Aging:\n1–30",
      "Aging:\n31–60",
      "Aging:\n61–90",
      "Aging:\n91–120",
      "Review issues",
      "Collector",
      "Aging:\n121+",
    ]);
    expect([s.get(1, 34), s.get(1, 37)]).toEqual([1000, 0]);
    expect([s.text(0, 36), s.text(1, 36)]).toEqual(["Collector", "Ann"]);

    const fewer = await reviewAndPlan("Customers", AS_OF, completePolicy({ ...DEFAULT_POLICY, agingEdges: [45, 90] }));
    expect((await writePlanWith(fake.context, fewer.plan, "en", fewer.check)).ok).toBe(true);
    expect(headers(30, 38)).toEqual([
      "Aging:\nCurrent",
      "Aging:\n1–45",
      "Aging:\n46–90",
      "Aging:\n91+",
      "",
      "Review issues",
      "Collector",
      "",
    ]);
    expect(s.get(1, 33)).toBe(1000);
    // The buckets left over hold nothing in any row; the user's column is as it was.
    for (let row = 0; row <= 3; row++) expect([s.text(row, 34), s.text(row, 37)]).toEqual(["", ""]);
    expect([s.text(0, 36), s.text(1, 36)]).toEqual(["Collector", "Ann"]);
  });

  /** The value axis of a chart of amounts, as the pane sets it in the batch that adds the chart. */
  const AMOUNT_AXIS = { minimum: 0, majorGridlines: true, visible: true, linkNumberFormat: false, numberFormat: "#,##0" };
  /** Each chart's axis top and step, as the plan gives them (see amountScale): set on the chart, not left to Excel. */
  const [EXPOSURE_TOP, EXPOSURE_STEP, AT_RISK_TOP, AT_RISK_STEP] = [6000, 2000, 12500, 2500];

  test("summary sheet with a native chart, archive rows appended, policy sheet written", async () => {
    workbook(3);
    fake.addSheet("Credit Review Archive", [
      ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
      [AS_OF - 90, "default-1", "C000001", "x", 1.5, "Low"],
    ]);
    const { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    const summary = fake.sheet("Credit Review Summary")!;
    expect(summary.text(0, 0)).toBe("Credit Review Summary");
    expect(summary.bold.has("0,0")).toBe(true);
    expect(summary.charts).toEqual([
      {
        type: "ColumnClustered",
        seriesBy: "Columns",
        values: "C18:C20",
        title: "Exposure by risk grade",
        seriesName: "Exposure",
        categories: "A18:A20",
        legendVisible: false,
        // The summary prints as the report (six checks not checked, each saying what it lacks, make
        // it too long for one page): the chart beside its table, from the row under its title.
        position: "E18",
        positionEnd: "F27",
        dataLabels: true,
        // Each bar labelled in whole amounts, as the package's chart is: linked to the cells it would show cents.
        dataLabelFormat: { linkNumberFormat: false, numberFormat: "#,##0" },
        valueAxis: { ...AMOUNT_AXIS, maximum: EXPOSURE_TOP, majorUnit: EXPOSURE_STEP },
      },
      // The archive holds an earlier review: the exposure at risk over the two, beside their table, unlabelled
      // (below the changes, where C000001, archived as "x", is named as renamed on two rows, and
      // the reviews past due say "default-1", a version the policy history lacks, lent today's intervals).
      // Lines wrapped within the figures' columns take a row each.
      {
        type: "Line",
        seriesBy: "Columns",
        values: "C86:C87",
        title: "Exposure at risk over time",
        seriesName: "At risk",
        categories: "A86:A87",
        legendVisible: false,
        // Over the text column right of the trend's tables (a column clear of their last figures), from
        // the row under its title, as the report's other charts stand beside theirs.
        position: "F84",
        positionEnd: "F93",
        dataLabels: false,
        // One point a review, evenly spaced: dates on a time axis could share a month's place.
        categoryType: "TextAxis",
        // Each point labelled by its month, as the package's chart is: a full date would wrap under it.
        categoryNumberFormat: "yyyy-mm",
        categoryFormatLinked: false,
        // From 0, labelled in whole amounts, gridded: a fall of 4% looks like 4%.
        valueAxis: { ...AMOUNT_AXIS, maximum: AT_RISK_TOP, majorUnit: AT_RISK_STEP },
      },
    ]);
    expect(summary.text(82, 0)).toBe("Portfolio over time");
    // Under its header's two rows (a header wider than its figures stands on two).
    expect([summary.text(83, 0), summary.text(84, 0)]).toEqual(["Review", "date"]);
    expect([85, 86].map((r) => summary.get(r, 0))).toEqual([AS_OF - 90, AS_OF]);
    // Pages down at a readable size, each starting between two sections: the top risks, then the
    // warnings, the portfolio over time on their page rather than alone on a page of its own.
    expect([summary.text(28, 0), summary.text(62, 0)]).toEqual([
      "Top risks: customers needing action first, then by exposure at risk",
      "Warning",
    ]);
    expect(summary.print).toEqual({ orientation: "Landscape", rowBreaks: [28, 62], zoom: { scale: 78 } });
    expect(fake.sheet("Credit Review Archive")!.frozenRows).toBe(1);
    expect(fake.sheet("Credit Review Archive")!.print.titleRows).toBe("$1:$1");
    const archiveSheet = fake.sheet("Credit Review Archive")!;
    expect(archiveSheet.get(1, 2)).toBe("C000001");
    expect([2, 3, 4].map((r) => archiveSheet.get(r, 2))).toEqual(["C000001", "C000002", "C000003"]);
    expect(archiveSheet.get(2, 0)).toBe(AS_OF);
    expect(archiveSheet.format(2, 0)).toBe("yyyy-mm-dd");
    const policy = fake.sheet("Credit Policy")!;
    expect(policy.text(0, 0)).toBe("Setting");
    expect(readPolicySheet(policy.cells as unknown[][])).toEqual(DEFAULT_POLICY);
  });

  test("a second run writes the policy table and its legend over themselves: a note beside them stays, an older sheet's rows below them go", async () => {
    workbook(3);
    let { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    const policy = fake.sheet("Credit Policy")!;
    const leverage = (policy.cells as unknown[][]).findIndex((line) => line[0] === "LEVERAGE");
    expect(policy.get(leverage, 2)).toBe('High leverage — threshold: the setting "Maximum debt ratio"');
    policy.set(5, 3, "agreed with the board");
    policy.set(leverage, 3, "watch list");
    policy.set(60, 0, "Weight: an old factor");
    ({ plan, check } = await reviewAndPlan());
    expect((await writePlanWith(fake.context, plan, "en", check)).ok).toBe(true);
    expect(policy.get(5, 3)).toBe("agreed with the board");
    expect(policy.get(leverage, 3)).toBe("watch list");
    expect(policy.get(leverage, 0)).toBe("LEVERAGE");
    expect([null, undefined, ""]).toContain(policy.get(60, 0));
    expect(readPolicySheet(policy.cells as unknown[][])).toEqual(DEFAULT_POLICY);
  });

  test("a second run replaces the summary (one chart, not two) and does not pile up conditional formats", async () => {
    workbook(3);
    let { plan, check } = await reviewAndPlan();
    await writePlanWith(fake.context, plan, "en", check);
    ({ plan, check } = await reviewAndPlan());
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.ok).toBe(true);
    expect(fake.sheet("Credit Review Summary")!.charts).toHaveLength(1);
    expect(fake.sheet("Customers")!.conditional).toHaveLength(6);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      "Customers",
      "Notes",
      "Credit Review Summary",
      "Credit Review Archive",
      "Credit Policy",
      "Credit Policy History",
    ]);
    // The same policy twice: its version is in the history once (the second plan, read back, added nothing).
    const history = fake.sheet("Credit Policy History")!;
    expect([history.get(0, 0), history.get(0, 1), history.get(0, 2)]).toEqual(["Policy version", DEFAULT_POLICY.version, null]);
  });

  test("100,000 rows: chunked by rows under the payload limit, ≤ 1 + chunks syncs, no sync per row", async () => {
    workbook(100_000);
    const { plan, check } = await reviewAndPlan();
    fake.syncCount = 0;
    const progress: number[] = [];
    const outcome = await writePlanWith(fake.context, plan, "en", check, { onProgress: (done) => progress.push(done) });
    expect(outcome.ok).toBe(true);
    expect(outcome.batches).toBeGreaterThan(1);
    expect(fake.syncCount).toBe(1 + outcome.batches);
    expect(fake.syncCount).toBeLessThan(40);
    expect(progress).toEqual([...Array(outcome.batches + 1)].map((_, i) => i));
    // What each sync would carry, measured on the queued operations, stays under Excel on the web's 5 MB.
    for (const sync of fake.syncs) expect(sync.bytes).toBeLessThan(5_000_000);
    // The check reads the heights of the rows the plan fits, and its response stays under that limit too.
    const checkSync = fake.syncs[fake.syncs.length - fake.syncCount];
    expect(checkSync.ops.filter((o) => o.kind === "getRowProperties")).toHaveLength(1);
    expect(checkSync.responseBytes).toBeGreaterThan(100_000 * 20);
    expect(checkSync.responseBytes).toBeLessThan(5_000_000);
    const s = fake.sheet("Customers")!;
    expect(s.text(100_000, 17)).toBe("Low"); // row 100,001: customer 100,000 → i = 99,999 → low
    expect(fake.sheet("Credit Review Archive")!.get(100_000, 2)).toBe("C100000");
    const biggest = Math.max(...fake.syncs.map((x) => x.bytes));
    console.info(
      `100,000 rows: ${outcome.batches} write batches, ${fake.syncCount} syncs (1 check + batches), largest sync ${biggest} bytes`,
    );
  });

  test("header row changed since the read: plain 'shapeChanged', nothing written, 1 sync", async () => {
    workbook(3);
    const { plan, check } = await reviewAndPlan();
    fake.sheet("Customers")!.set(0, 1, "Client");
    fake.syncCount = 0;
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome).toMatchObject({ ok: false, written: [], uncertain: [], notWritten: [], syncs: 1 });
    expect(outcome.problem?.code).toBe("shapeChanged");
    expect(fake.writes()).toEqual([]);
  });

  test("used range grew since the read (a row added): 'shapeChanged', nothing written", async () => {
    workbook(3);
    const { plan, check } = await reviewAndPlan();
    fake.sheet("Customers")!.set(4, 0, "C999");
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.problem?.code).toBe("shapeChanged");
    expect(fake.writes()).toEqual([]);
  });

  test("protected input sheet (seen in the check sync): 'protected', nothing written", async () => {
    workbook(3);
    const { plan, check } = await reviewAndPlan();
    fake.sheet("Customers")!.protected = true;
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.problem).toMatchObject({ code: "protected", sheet: "Customers" });
    expect(fake.writes()).toEqual([]);
  });

  test("a write throws on a protected archive sheet midway: written / maybe / not written told apart, summary A1 marked incomplete", async () => {
    workbook(50);
    fake.addSheet("Credit Review Archive", [
      ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"],
    ]).refuseWrites = true;
    const { plan, check } = await reviewAndPlan();
    const outcome = await writePlanWith(fake.context, plan, "en", check, { maxBatchBytes: 3000 });
    expect(outcome.ok).toBe(false);
    expect(outcome.problem?.code).toBe("protected");
    expect(outcome.written.some((p) => p.role === "output")).toBe(true);
    expect(outcome.written.some((p) => p.role === "summary")).toBe(true);
    expect(outcome.uncertain.some((p) => p.role === "archive")).toBe(true);
    expect(outcome.notWritten.some((p) => p.role === "policy")).toBe(true);
    expect(fake.sheet("Credit Policy")).toBeUndefined();
    expect(outcome.syncs).toBeLessThanOrEqual(1 + outcome.batches);

    const finished = await finishOutcome(outcome, plan, "en", (name) => markIncompleteWith(fake.context, name, "en"));
    expect(finished.marked).toEqual({ sheet: "Credit Review Summary", ok: true });
    expect(fake.sheet("Credit Review Summary")!.text(0, 0)).toBe("Incomplete — re-run the review");
  });

  test("a request refused for its size is sent again in halves: same cells as a clean write, nothing refused applied", async () => {
    workbook(2_000);
    const { plan, check } = await reviewAndPlan();
    const clean = await writePlanWith(fake.context, plan, "en", check);
    expect(clean.ok).toBe(true);
    const cleanSheets = JSON.stringify(fake.sheets);

    workbook(2_000);
    const again = await reviewAndPlan();
    fake.syncs = [];
    // A host whose real limit is far below our estimate of its wire size.
    fake.requestLimit = 60_000;
    const outcome = await writePlanWith(fake.context, again.plan, "en", again.check);
    expect(outcome).toMatchObject({ ok: true, uncertain: [], notWritten: [] });
    expect(JSON.stringify(fake.sheets)).toBe(cleanSheets);
    const refused = fake.syncs.filter((s) => !s.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(outcome.syncs).toBe(fake.syncs.length);
    expect(fake.syncs.filter((s) => s.ok).every((s) => s.bytes <= 60_000)).toBe(true);
    expect(outcome.written.filter((p) => p.role === "output").reduce((rows, p) => rows + p.area!.rows, 0)).toBe(
      plan.target.blocks.reduce((rows, b) => rows + b.values.length, 0),
    );
  });

  test("a refusal that halving can't cure (one row over the limit) ends as tooLarge, later work not sent, marked incomplete", async () => {
    workbook(30);
    const { plan, check } = await reviewAndPlan();
    fake.syncCount = 0;
    // Sync 1 is the check; from sync 3 on every request is refused, however small.
    fake.failAt = (n) => (n >= 3 ? officeError("RequestPayloadSizeLimitExceeded") : undefined);
    const outcome = await writePlanWith(fake.context, plan, "en", check, { maxBatchBytes: 20_000 });
    expect(outcome.problem?.code).toBe("tooLarge");
    expect(outcome.written.length).toBeGreaterThan(0);
    // Excel refuses such a request before running any of it: nothing is in doubt.
    expect(outcome.uncertain).toEqual([]);
    expect(outcome.notWritten.length).toBeGreaterThan(0);
    expect(fake.syncCount).toBe(outcome.syncs);
    expect(outcome.syncs).toBeLessThan(10); // halving stops at 16 KB: no retry per row
    fake.failAt = undefined;
    const finished = await finishOutcome(outcome, plan, "zh", (name) => markIncompleteWith(fake.context, name, "zh"));
    expect(finished.marked?.ok).toBe(true);
    expect(fake.sheet(finished.marked!.sheet)!.text(0, 0)).toBe("未完成：请重新运行审查");
  });

  test("a failure injected at each sync of a chunked write: told apart, input cells untouched, marked incomplete", async () => {
    workbook(30);
    const { plan: firstPlan, check: firstCheck } = await reviewAndPlan();
    const clean = await writePlanWith(fake.context, firstPlan, "en", firstCheck, { maxBatchBytes: 1500 });
    expect(clean.ok).toBe(true);
    const totalSyncs = clean.syncs;
    expect(totalSyncs).toBeGreaterThan(3);
    for (let failing = 1; failing <= totalSyncs; failing++) {
      workbook(30);
      const { plan, check } = await reviewAndPlan();
      const inputBefore = cellsOutside(plan);
      fake.syncCount = 0;
      fake.failAt = (n) => (n === failing ? officeError("GeneralException") : undefined);
      const outcome = await writePlanWith(fake.context, plan, "en", check, { maxBatchBytes: 1500 });
      expect(outcome.ok).toBe(false);
      expect(outcome.syncs).toBe(failing);
      expect(fake.syncCount).toBe(failing); // nothing is sent after a failure
      expect(cellsOutside(plan)).toEqual(inputBefore);
      fake.failAt = undefined;
      if (failing === 1) {
        // The check sync writes nothing, so there is nothing to mark.
        expect(outcome.written).toEqual([]);
        expect(fake.writes()).toEqual([]);
        continue;
      }
      expect(outcome.uncertain.length).toBeGreaterThan(0);
      const finished = await finishOutcome(outcome, plan, "en", (name) => markIncompleteWith(fake.context, name, "en"));
      expect(finished.marked?.ok).toBe(true);
      expect(fake.sheet(finished.marked!.sheet)!.text(0, 0)).toBe("Incomplete — re-run the review");
    }
  });

  test("Excel in cell-edit mode at the first sync: nothing written, no incomplete mark needed", async () => {
    workbook(3);
    const { plan, check } = await reviewAndPlan();
    fake.failAt = () => officeError("InvalidOperationInCellEditMode");
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.problem?.code).toBe("editMode");
    const finished = await finishOutcome(outcome, plan, "en", async () => {
      throw new Error("must not mark");
    });
    expect(finished.marked).toBeUndefined();
  });

  test("the incomplete mark can fail too, and says so", async () => {
    workbook(3);
    const { plan, check } = await reviewAndPlan();
    fake.syncCount = 0;
    // Everything after the check fails: the batch, then both syncs of the mark.
    fake.failAt = (n) => (n >= 2 ? officeError("GeneralException") : undefined);
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.problem?.code).toBe("excel");
    const finished = await finishOutcome(outcome, plan, "en", (name) => markIncompleteWith(fake.context, name, "en"));
    expect(finished.marked).toEqual({ sheet: "Credit Review Summary", ok: false });
  });

  test("a plan block outside the output area is refused before any sync", async () => {
    workbook(3);
    const { plan, check } = await reviewAndPlan();
    const bad: WritePlan = {
      ...plan,
      target: { ...plan.target, blocks: [...plan.target.blocks, { row: 1, column: 1, values: [["x"]], formats: ["text"] }] },
    };
    fake.syncCount = 0;
    const outcome = await writePlanWith(fake.context, bad, "en", check);
    expect(outcome.problem).toMatchObject({ code: "outsideOutput", detail: "B2" });
    expect(fake.syncCount).toBe(0);
  });

  test("Save policy writes only the policy sheet: 2 syncs, values readable back by readPolicySheet", async () => {
    workbook(3);
    const policy = { ...DEFAULT_POLICY, mediumFrom: 2.4 };
    const { sheets } = policyOnlyPlan(policy, "zh", {}, undefined, AS_OF + 5);
    expect(sheets[0].print).toMatchObject({ fitToWidth: 1, fitToHeight: 1 });
    const outcome = await writePlanWith(fake.context, { sheets }, "zh", undefined);
    expect(outcome.ok).toBe(true);
    expect(fake.syncCount).toBe(2);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Customers", "Notes", "信用政策"]);
    // Its pages dated the day it is saved: the settings are that day's, not the last review's.
    expect(fake.sheet("信用政策")!.headerFooter).toEqual({
      centerHeader: `信用政策——${dateText(AS_OF + 5, "zh")}`,
      centerFooter: "第 &P 页，共 &N 页",
    });
    expect(readPolicySheet(fake.sheet("信用政策")!.cells as unknown[][]).mediumFrom).toBe(2.4);
    expect(fake.sheet("Customers")!.cells[0].length).toBe(HEADER.length);
  });

  test("selecting a customer's row (or a cell with a data error) activates its sheet and selects it: 1 sync", async () => {
    workbook(3);
    await selectRangeWith(fake.context, "Customers", { row: 2, column: 0, rows: 1, columns: 21 });
    expect(fake.syncCount).toBe(1);
    expect(fake.syncs[0].ops.map((o) => [o.kind, o.address])).toEqual([
      ["getItem", undefined],
      ["activate", undefined],
      ["select", address({ row: 2, column: 0, rows: 1, columns: 21 })],
    ]);
  });

  test("Open summary sheet activates it: 1 sync", async () => {
    workbook(1);
    fake.addSheet("Credit Review Summary", [["Credit Review Summary"]]);
    await activateSheetWith(fake.context, "Credit Review Summary");
    expect(fake.syncCount).toBe(1);
    expect(fake.active).toBe("Credit Review Summary");
  });

  test("what Write back shows before it asks is what the writer then writes, part for part", async () => {
    workbook(5);
    fake.addSheet("Invoices", LEDGER);
    const { plan, check } = await reviewAndPlan();
    const preview = planParts(plan, "en");
    const outcome = await writePlanWith(fake.context, plan, "en", check);
    expect(outcome.ok).toBe(true);
    expect(outcome.written).toEqual(preview);
    expect(new Set(preview.map((p) => p.sheet))).toEqual(
      new Set(["Customers", "Credit Review Summary", "Credit Review Archive", "Credit Policy", "Credit Policy History"]),
    );
  });

  test("Cancel between parts of a write: the rest is not sent, the outcome says what was written, the summary is marked", async () => {
    workbook(100_000);
    const { plan, check } = await reviewAndPlan();
    fake.syncs = [];
    const controller = new AbortController();
    const outcome = await writePlanWith(fake.context, plan, "en", check, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort();
      },
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.problem).toMatchObject({ code: "cancelled" });
    // The check and the first part only.
    expect(fake.syncs.map((x) => x.ok)).toEqual([true, true]);
    expect(outcome.written.length).toBeGreaterThan(0);
    expect(outcome.uncertain).toEqual([]);
    expect(outcome.notWritten.length).toBeGreaterThan(0);
    const marks: string[] = [];
    const finished = await finishOutcome(outcome, plan, "en", async (sheet) => {
      marks.push(sheet);
      return true;
    });
    expect(marks).toEqual(["Credit Review Summary"]);
    expect(finished.marked).toEqual({ sheet: "Credit Review Summary", ok: true });
  });

  test("Cancel before the first part is sent: nothing written, nothing to mark", async () => {
    workbook(3);
    const { plan, check } = await reviewAndPlan();
    fake.syncs = [];
    const controller = new AbortController();
    const outcome = await writePlanWith(fake.context, plan, "en", check, {
      signal: controller.signal,
      onProgress: (done) => done === 0 && controller.abort(),
    });
    expect(outcome).toMatchObject({ ok: false, written: [], uncertain: [], problem: { code: "cancelled" } });
    expect(fake.syncs).toHaveLength(1);
    expect(fake.writes()).toEqual([]);
    const finished = await finishOutcome(outcome, plan, "en", () => Promise.reject(new Error("must not mark")));
    expect(finished.marked).toBeUndefined();
  });
});

describe("what the pane hands the writer", () => {
  test("targetCheck carries the header row and address as read", async () => {
    workbook(2, { row: 1, column: 1 });
    const { read, check }: { read: ReviewRead; check: ReturnType<typeof targetCheck> } = await reviewAndPlan();
    expect(check).toEqual({
      sheet: "Customers",
      address: read.target.address,
      origin: { row: 1, column: 1 },
      headerIndex: 0,
      header: HEADER,
    });
  });
});

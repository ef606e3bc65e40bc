/** Which of a workbook's sheets a review reads and writes besides the customer sheet, under our names or renamed. */
import { CellValue } from "../../../src/engine/cells";
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { findLedger } from "../../../src/engine/review/ledger";
import { findOwnSheets, ownSheetKind, sheetsToRecognise } from "../../../src/engine/review/own-sheets";
import { runReview } from "../../../src/engine/review/review";
import { ownSheetsByName, reviewSheetName, sheetRoles } from "../../../src/engine/review/sheets";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { applyBlocks, customerSheet, Grid, serial } from "../../support/review-grid";

test("archive and policy are the workbook's own sheets in either language; every other sheet may be the ledger", () => {
  const names = ["Customers", "信用审查档案", "Invoices", "Notes", "credit policy", "Credit Review Summary"];
  expect(sheetRoles(names, ownSheetsByName(names), "Customers")).toEqual({
    archive: "信用审查档案",
    policy: "credit policy",
    candidates: ["Invoices", "Notes"],
  });
  expect(sheetRoles(["Customers"], {}, "Customers")).toEqual({ archive: undefined, policy: undefined, candidates: [] });
});

test("with a sheet of one kind in both languages, the first in the workbook is used whatever the language", () => {
  const own = ownSheetsByName(["Customers", "信用政策", "Credit Policy"]);
  expect(own.policy).toBe("信用政策");
  expect(reviewSheetName("policy", own, "en")).toBe("信用政策");
  expect(reviewSheetName("policy", own, "zh")).toBe("信用政策");
  expect(reviewSheetName("archive", own, "en")).toBe("Credit Review Archive");
  expect(reviewSheetName("archive", own, "zh")).toBe("信用审查档案");
});

/** A workbook after one review: the customer sheet and our four sheets as the plan writes them, by kind. */
function reviewedWorkbook(lang: Lang) {
  const customers = customerSheet(
    ["Credit limit", "Outstanding balance"],
    [
      { id: "C001", name: "Alpha", factors: [1, 2, 1, 2, 1], extra: [10000, 2000] },
      { id: "C002", name: "Beta", factors: [4, 4, 4, 4, 4], extra: [20000, 25000] },
    ],
  );
  const result = runReview(
    { sheetName: "Customers", values: customers, asOf: serial("2026-10-31"), policy: DEFAULT_POLICY },
    lang,
  );
  const plan = buildWritePlan(result, lang, { ownSheets: {} });
  const grid = (kind: string): Grid => applyBlocks([], plan.sheets.find((s) => s.kind === kind)!.blocks);
  return {
    Customers: applyBlocks(customers, plan.target.blocks),
    summary: grid("summary"),
    archive: grid("archive"),
    policy: grid("policy"),
    policyHistory: grid("policyHistory"),
  };
}

const top = (values: Grid) => values.slice(0, 30);

describe.each<Lang>(["en", "zh"])("our sheets renamed by the user (%s)", (lang) => {
  const book = reviewedWorkbook(lang);
  const sheets: Record<string, Grid> = {
    Customers: book.Customers,
    Dashboard: book.summary,
    Notes: [["Just notes"]],
    "Review archive": book.archive,
    Policy: book.policy,
    "Policy log": book.policyHistory,
  };
  const names = Object.keys(sheets);
  const topOf = (name: string) => (sheets[name] ? top(sheets[name]) : undefined);

  test("each is found by its top rows, is no ledger candidate, and is written again under its new name", () => {
    const own = findOwnSheets(names, topOf, "Customers");
    expect(own).toEqual({ summary: "Dashboard", archive: "Review archive", policy: "Policy", policyHistory: "Policy log" });
    expect(sheetRoles(names, own, "Customers").candidates).toEqual(["Notes"]);
    const result = runReview(
      {
        sheetName: "Customers",
        values: book.Customers,
        asOf: serial("2026-11-30"),
        policy: DEFAULT_POLICY,
        archive: book.archive,
      },
      lang,
    );
    const plan = buildWritePlan(result, lang, {
      ownSheets: own,
      archiveValues: book.archive,
      policyHistoryValues: book.policyHistory,
    });
    expect(plan.sheets.map((s) => [s.kind, s.name])).toEqual([
      ["summary", "Dashboard"],
      ["archive", "Review archive"],
      ["policy", "Policy"],
      // Its version is there already: laid out again under its new name, no row added.
      ["policyHistory", "Policy log"],
    ]);
    expect(plan.sheets[3].blocks).toEqual([]);
  });

  test("the customer sheet, reviewed, and other sheets are none of ours; a sheet not read is not recognised", () => {
    expect(ownSheetKind(top(book.Customers))).toBeUndefined();
    expect(ownSheetKind([["Just notes"]])).toBeUndefined();
    expect(ownSheetKind([])).toBeUndefined();
    expect(findOwnSheets(names, () => undefined)).toEqual({});
  });

  test("a summary a failed write marked incomplete in A1 is still the summary", () => {
    const marked = book.summary.map((line, r) => (r === 0 ? ["Incomplete — re-run the review"] : line));
    expect(ownSheetKind(top(marked))).toBe("summary");
  });
});

test("a sheet under our name comes first; of two that look like one of ours, the first in workbook order is used", () => {
  const book = reviewedWorkbook("en");
  const sheets: Record<string, Grid> = {
    Customers: book.Customers,
    "Old archive": book.archive,
    "Credit Review Archive": [["Review date", "Policy version", "Customer ID"]],
    "Policy (board)": book.policy,
    "Policy (draft)": book.policy,
  };
  const names = Object.keys(sheets);
  const own = findOwnSheets(names, (name) => top(sheets[name]), "Customers");
  expect(own).toEqual({ archive: "Credit Review Archive", policy: "Policy (board)" });
  // The one not used is not a ledger candidate for its name alone; it is none of the review's.
  expect(sheetRoles(names, own, "Customers").candidates).toEqual(["Old archive", "Policy (draft)"]);
});

test("a policy sheet needs its header and settings; an archive needs its own columns beside the customer's", () => {
  const book = reviewedWorkbook("en");
  // The header, the version, then the settings: two of them could be a user's notes, three are a policy.
  expect(ownSheetKind(book.policy.slice(0, 4))).toBeUndefined();
  expect(ownSheetKind(book.policy.slice(0, 5))).toBe("policy");
  expect(ownSheetKind([book.policy[0].slice(0, 2), ["Notes", "see below"]])).toBeUndefined();
  const header = book.archive[0] as CellValue[];
  expect(ownSheetKind([header])).toBe("archive");
  expect(ownSheetKind([header.filter((h) => h !== "Policy version")])).toBeUndefined();
  expect(ownSheetKind([header.filter((h) => h !== "Review date")])).toBeUndefined();
});

test("the top rows are wanted only when one of our sheets has no sheet of its name", () => {
  const ours = ["Credit Review Summary", "Credit Review Archive", "信用政策", "Credit Policy History"];
  expect(sheetsToRecognise(["Customers", ...ours, "Notes"])).toEqual([]);
  expect(sheetsToRecognise(["Customers", ...ours.slice(1), "Notes"])).toEqual(["Customers", "Notes"]);
});

test("the ledger is the first candidate that is one; later sheets are not read", () => {
  const ledger = [
    ["Customer ID", "Invoice", "Due date", "Amount"],
    ["C1", "I1", 46000, 100],
  ];
  const read: string[] = [];
  const sheets: Record<string, unknown[][]> = { Notes: [["just notes"]], Invoices: ledger, Other: ledger };
  const found = findLedger(["Notes", "Invoices", "Other"], (name) => {
    read.push(name);
    return sheets[name];
  });
  expect(found).toEqual({ ledger: { sheetName: "Invoices", values: ledger } });
  expect(read).toEqual(["Notes", "Invoices"]);
  expect(findLedger(["Notes"], (name) => sheets[name])).toEqual({});
});

test("a sheet meant as a ledger (due dates and amounts) but with no customer column it knows is reported, unless a later one is a ledger", () => {
  const unknownCustomer = [
    ["Kundennummer", "Invoice", "Due date", "Amount"],
    ["C1", "I1", 46000, 100],
  ];
  const ledger = [
    ["Customer ID", "Invoice", "Due date", "Amount"],
    ["C1", "I1", 46000, 100],
  ];
  const sheets: Record<string, unknown[][]> = { Notes: [["Due date", "Amount"]], Export: unknownCustomer, Invoices: ledger };
  expect(findLedger(["Export", "Notes"], (name) => sheets[name])).toEqual({
    incomplete: { sheet: "Export", missing: ["customer"] },
  });
  expect(findLedger(["Export", "Invoices"], (name) => sheets[name])).toEqual({
    ledger: { sheetName: "Invoices", values: ledger },
  });
});

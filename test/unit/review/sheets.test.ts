/** Which of a workbook's sheets a review reads and writes besides the customer sheet. */
import { findLedger } from "../../../src/engine/review/ledger";
import { reviewSheetName, sheetRoles } from "../../../src/engine/review/sheets";

test("archive and policy are the workbook's own sheets in either language; every other sheet may be the ledger", () => {
  expect(
    sheetRoles(["Customers", "信用审查档案", "Invoices", "Notes", "credit policy", "Credit Review Summary"], "Customers"),
  ).toEqual({
    archive: "信用审查档案",
    policy: "credit policy",
    candidates: ["Invoices", "Notes"],
  });
  expect(sheetRoles(["Customers"], "Customers")).toEqual({ archive: undefined, policy: undefined, candidates: [] });
});

test("with a sheet of one kind in both languages, the first in the workbook is used whatever the language", () => {
  const names = ["Customers", "信用政策", "Credit Policy"];
  expect(sheetRoles(names).policy).toBe("信用政策");
  expect(reviewSheetName("policy", names, "en")).toBe("信用政策");
  expect(reviewSheetName("policy", names, "zh")).toBe("信用政策");
  expect(reviewSheetName("archive", names, "en")).toBe("Credit Review Archive");
  expect(reviewSheetName("archive", names, "zh")).toBe("信用审查档案");
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
  expect(findLedger(["Export", "Invoices"], (name) => sheets[name])).toEqual({ ledger: { sheetName: "Invoices", values: ledger } });
});

/** Which sheets the pane offers for a review, which it preselects and which it suggests after a wrong one. */
import { pickCustomerSheet, SheetVisibility } from "../../../src/engine/review/sheet-choice";
import { preferredSheet, sheetChoices, sheetKinds, suggestedSheet } from "../../../src/taskpane/sheets";
import { customerSheet, LEDGER } from "./workbooks";

const names = ["Notes", "Invoices", "Customers", "Credit Review Summary", "信用审查档案", "Credit Policy", "Later"];
const tops = [
  { name: "Notes", values: [["Just some notes"]] },
  { name: "Invoices", values: LEDGER },
  // A customer table below a title, as sheets often have.
  { name: "Customers", values: [["Customer list, March"], [], ...customerSheet(3)] },
];

test("kinds: ours by name in either language, customers and ledgers by their header, the rest 'other'", () => {
  expect(Object.fromEntries(sheetKinds(names, tops))).toEqual({
    Notes: "other",
    Invoices: "ledger",
    Customers: "customers",
    "Credit Review Summary": "summary",
    信用审查档案: "archive",
    "Credit Policy": "policy",
    Later: "other",
  });
});

test("ours renamed: the ones found are theirs, and a second copy that looks like one of ours is not offered either", () => {
  const archive = [["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"]];
  const renamed = ["Customers", "Review archive", "Archive copy", "Notes"];
  const corners = [
    { name: "Customers", values: customerSheet(3) },
    { name: "Review archive", values: archive },
    { name: "Archive copy", values: archive },
    { name: "Notes", values: [["Just some notes"]] },
  ];
  const kinds = sheetKinds(renamed, corners, { archive: "Review archive" });
  expect(Object.fromEntries(kinds)).toEqual({
    Customers: "customers",
    "Review archive": "archive",
    "Archive copy": "archive",
    Notes: "other",
  });
  expect(sheetChoices(renamed, kinds)).toEqual(["Customers", "Notes"]);
});

test("choices: every sheet but ours and the ledgers, in workbook order; a sheet added since is ours by its name", () => {
  const kinds = sheetKinds(names, tops);
  expect(sheetChoices(names, kinds)).toEqual(["Notes", "Customers", "Later"]);
  expect(sheetChoices([...names, "信用审查汇总", "New"], kinds)).toEqual(["Notes", "Customers", "Later", "New"]);
});

test("preselected: the chosen one while offered, else the active customer sheet, else the first customer sheet", () => {
  const kinds = sheetKinds(names, tops);
  const choices = sheetChoices(names, kinds);
  expect(preferredSheet(choices, kinds, "Invoices")).toBe("Customers");
  expect(preferredSheet(choices, kinds, "Notes")).toBe("Customers");
  expect(preferredSheet(choices, kinds, "Notes", "Later")).toBe("Later");
  expect(preferredSheet(choices, kinds, "Notes", "Gone")).toBe("Customers");
  const none = sheetKinds(["A", "B"], []);
  expect(preferredSheet(sheetChoices(["A", "B"], none), none, "B")).toBe("B");
  expect(preferredSheet([], none, "B")).toBe("");
});

test("preselected as the command line picks without --sheet: visible customer sheets before hidden ones, never a very hidden one", () => {
  const sheets = ["Staging", "Old customers", "Notes", "Customers"];
  const corners = [
    { name: "Staging", values: customerSheet(2) },
    { name: "Old customers", values: customerSheet(2) },
    { name: "Notes", values: [["Just some notes"]] },
    { name: "Customers", values: customerSheet(3) },
  ];
  const kinds = sheetKinds(sheets, corners);
  const choices = sheetChoices(sheets, kinds);
  const hidden: Record<string, SheetVisibility> = { Staging: "veryHidden", "Old customers": "hidden" };
  expect(preferredSheet(choices, kinds, "Notes", undefined, (n) => hidden[n])).toBe("Customers");
  expect(pickCustomerSheet(choices, kinds, (n) => hidden[n], "Notes")).toEqual({
    sheet: "Customers",
    reason: "first",
    others: ["Old customers"],
  });
  // With only hidden customer sheets, the hidden one; never the very hidden one.
  const withoutVisible = sheetKinds(sheets.slice(0, 3), corners);
  expect(
    preferredSheet(sheetChoices(sheets.slice(0, 3), withoutVisible), withoutVisible, "Notes", undefined, (n) => hidden[n]),
  ).toBe("Old customers");
});

test("kinds with the headers mapped by hand: a sheet the review reads through the mapping holds customers", () => {
  const header = [
    "Customer ID",
    "Customer",
    "Pay record",
    "Contract performance",
    "Industry risk",
    "Market reputation",
    "Compliance record",
  ];
  const corners = [{ name: "Book", values: [header, ["C1", "Alpha", 1, 2, 1, 2, 1]] }];
  expect(sheetKinds(["Notes", "Book"], corners).get("Book")).toBe("other");
  const kinds = sheetKinds(["Notes", "Book"], corners, {}, { "Pay record": "paymentHistory" });
  expect(kinds.get("Book")).toBe("customers");
  expect(preferredSheet(sheetChoices(["Notes", "Book"], kinds), kinds, "Notes")).toBe("Book");
});

test("after a review found no customer table: the customer sheet is suggested, never the same one", () => {
  const kinds = sheetKinds(names, tops);
  const choices = sheetChoices(names, kinds);
  expect(suggestedSheet("Notes", choices, kinds)).toBe("Customers");
  expect(suggestedSheet("Customers", choices, kinds)).toBeUndefined();
  const only = sheetKinds(["Notes"], tops);
  expect(suggestedSheet("Notes", ["Notes"], only)).toBeUndefined();
});

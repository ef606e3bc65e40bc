/**
 * The column mapping kept in the workbook, as every face reads it (readColumnMapping) and what a
 * review made of it (mappingUse): the headers read through it, and why the others were not.
 */
import { serialFromYMD } from "../../../src/engine/cells";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { mappingUse, readColumnMapping } from "../../../src/engine/review/column-mapping";
import { runReview } from "../../../src/engine/review/review";
import { customerSheet } from "../taskpane/workbooks";

test("read: entries naming a field of the review are kept, the others set apart; a value that is no table is no mapping", () => {
  expect(readColumnMapping({ "Pay record": "paymentHistory", "Sales rep": "accountManager", Odd: 3 })).toEqual({
    mapping: { "Pay record": "paymentHistory" },
    unknownFields: [
      { header: "Sales rep", field: "accountManager" },
      { header: "Odd", field: "3" },
    ],
  });
  expect(readColumnMapping({})).toEqual({ mapping: {}, unknownFields: [] });
  for (const raw of [undefined, null, "paymentHistory", 3, ["paymentHistory"]]) expect(readColumnMapping(raw)).toBeUndefined();
});

test("use: read through the mapping, not on the sheet, its field taken by an earlier column, or one of the review's own columns", () => {
  const values = customerSheet(3);
  // "Pay record" replaces Payment history; "Limit (old)" stands beside the Credit limit the review reads; "Risk score" is
  // the review's own, on a row an earlier review wrote (three of its headers).
  values[0][2] = "Pay record";
  values[0].push("Limit (old)", "Risk score", "Risk grade", "Warnings");
  const mapping = {
    "pay RECORD": "paymentHistory",
    "Limit (old)": "creditLimit",
    "Risk score": "balance",
    "Gone column": "overdueAmount",
  } as const;
  const result = runReview(
    { sheetName: "Customers", values, asOf: serialFromYMD(2026, 11, 30), policy: DEFAULT_POLICY, mapping },
    "en",
  );
  expect(mappingUse(mapping, result.columns, values[0])).toEqual({
    used: [{ header: "Pay record", field: "paymentHistory", column: "C" }],
    unused: [
      { header: "Limit (old)", field: "creditLimit", reason: "fieldTaken", usedColumn: "H" },
      { header: "Risk score", field: "balance", reason: "reviewColumn" },
      { header: "Gone column", field: "overdueAmount", reason: "notOnSheet" },
    ],
  });
});

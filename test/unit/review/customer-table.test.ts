import { extendedTable, ReviewColumns, SheetTable, TableExtension } from "../../../src/engine/review/customer-table";

/** The user's table A1:E11 (header in row 1, ten customers), the review's three columns F:H. */
const REVIEW: ReviewColumns = {
  headerRow: 0,
  customerRows: { first: 1, last: 10 },
  headers: [
    { column: 5, text: "Risk score" },
    { column: 6, text: "Risk grade" },
    { column: 7, text: "Recommendation" },
  ],
};
const USERS_COLUMNS = ["Customer ID", "Customer name", "Credit limit", "Balance", "Days past due"];
const TABLE: SheetTable = {
  area: { row: 0, column: 0, rows: 11, columns: 5 },
  headerRows: 1,
  totalsRows: 0,
  columnNames: USERS_COLUMNS,
};
const WHOLE = { row: 0, column: 0, rows: 11, columns: 8 };

const cases: {
  name: string;
  table?: Partial<SheetTable>;
  review?: Partial<ReviewColumns>;
  expected: TableExtension | undefined;
}[] = [
  {
    name: "the customer table just left of the review's columns is grown over all of them",
    expected: { kind: "extend", area: WHOLE, names: ["Risk score", "Risk grade", "Recommendation"] },
  },
  {
    name: "a table with a totals row below the customers keeps it, grown the same",
    table: { area: { row: 0, column: 0, rows: 12, columns: 5 }, totalsRows: 1 },
    expected: {
      kind: "extend",
      area: { row: 0, column: 0, rows: 12, columns: 8 },
      names: ["Risk score", "Risk grade", "Recommendation"],
    },
  },
  {
    name: "a table with more rows than customers (blank rows under them) is grown",
    table: { area: { row: 0, column: 0, rows: 40, columns: 5 } },
    expected: {
      kind: "extend",
      area: { row: 0, column: 0, rows: 40, columns: 8 },
      names: ["Risk score", "Risk grade", "Recommendation"],
    },
  },
  {
    name: "a table an earlier review grew, whose columns the review now has more of, takes the new ones",
    table: { area: { row: 0, column: 0, rows: 11, columns: 7 }, columnNames: [...USERS_COLUMNS, "Risk score", "Risk grade"] },
    expected: { kind: "extend", area: WHOLE, names: ["Risk score", "Risk grade", "Recommendation"] },
  },
  {
    name: "a table an earlier review grew in English, reviewed in Chinese: its columns renamed as their headers now are",
    table: { area: WHOLE, columnNames: [...USERS_COLUMNS, "Risk score", "Risk grade", "Recommendation"] },
    review: {
      headers: [
        { column: 5, text: "风险评分" },
        { column: 6, text: "风险等级" },
        { column: 7, text: "政策建议" },
      ],
    },
    expected: { kind: "extend", area: WHOLE, names: ["风险评分", "风险等级", "政策建议"] },
  },
  {
    name: "a table an earlier review grew over a column the review now clears ends at its last column with a header",
    table: { area: WHOLE, columnNames: [...USERS_COLUMNS, "Risk score", "Risk grade", "Recommendation"] },
    review: { headers: [...REVIEW.headers.slice(0, 2), { column: 7, text: null }] },
    expected: { kind: "extend", area: { row: 0, column: 0, rows: 11, columns: 7 }, names: ["Risk score", "Risk grade"] },
  },
  {
    name: "a table an earlier review grew, a column in between now without a header: back to the user's columns",
    table: { area: WHOLE, columnNames: [...USERS_COLUMNS, "Risk score", "Risk grade", "Recommendation"] },
    review: { headers: [REVIEW.headers[0], { column: 6, text: null }, REVIEW.headers[2]] },
    expected: { kind: "extend", area: { row: 0, column: 0, rows: 11, columns: 5 }, names: [] },
  },
  {
    name: "a table an earlier review grew whose names would now clash is kept to the user's columns, and says so",
    table: {
      area: WHOLE,
      columnNames: [
        "Customer ID",
        "Customer name",
        "Credit limit",
        "Balance",
        "风险等级",
        "Risk score",
        "Risk grade",
        "Recommendation",
      ].slice(0, 8),
    },
    review: {
      headers: [
        { column: 5, text: "风险评分" },
        { column: 6, text: "风险等级" },
        { column: 7, text: "政策建议" },
      ],
    },
    expected: { kind: "clash", area: { row: 0, column: 0, rows: 11, columns: 5 }, names: ["风险等级"] },
  },
  {
    name: "a table standing lower on the sheet, its header the review's, is grown from there",
    table: { area: { row: 3, column: 1, rows: 11, columns: 4 } },
    review: { headerRow: 3, customerRows: { first: 4, last: 13 } },
    expected: {
      kind: "extend",
      area: { row: 3, column: 1, rows: 11, columns: 7 },
      names: ["Risk score", "Risk grade", "Recommendation"],
    },
  },
  {
    name: "a table already over every column of the review's is left as it is",
    table: { area: WHOLE, columnNames: [...USERS_COLUMNS, "Risk score", "Risk grade", "Recommendation"] },
    expected: undefined,
  },
  {
    name: "a table wider than the review's columns is left as it is",
    table: { area: { row: 0, column: 0, rows: 11, columns: 9 } },
    expected: undefined,
  },
  {
    name: "a column of the user's between the table and the review's columns: the table is not the review's neighbour",
    table: { area: { row: 0, column: 0, rows: 11, columns: 4 } },
    expected: undefined,
  },
  {
    name: "a table headed on another row than the review's header is not the customer table",
    table: { area: { row: 1, column: 0, rows: 10, columns: 5 } },
    expected: undefined,
  },
  {
    name: "a table without a header row is not the customer table",
    table: { area: { row: 0, column: 0, rows: 11, columns: 5 }, headerRows: 0 },
    expected: undefined,
  },
  {
    name: "a table ending above the last customer is not the customer table",
    table: { area: { row: 0, column: 0, rows: 6, columns: 5 } },
    expected: undefined,
  },
  {
    name: "a table whose totals row stands on the last customer's row does not hold every customer",
    table: { area: { row: 0, column: 0, rows: 11, columns: 5 }, totalsRows: 1 },
    expected: undefined,
  },
  {
    name: "a table inside the review's columns is not the customer table",
    table: { area: { row: 0, column: 5, rows: 11, columns: 2 }, columnNames: ["Risk score", "Risk grade"] },
    expected: undefined,
  },
  {
    name: "a sheet without customers has no customer table to grow",
    review: { customerRows: { first: 1, last: 0 } },
    expected: undefined,
  },
  {
    name: "a column the review clears (no header) at the end is not taken: the table grows to the last one with a header",
    review: { headers: [...REVIEW.headers.slice(0, 2), { column: 7, text: null }] },
    expected: { kind: "extend", area: { row: 0, column: 0, rows: 11, columns: 7 }, names: ["Risk score", "Risk grade"] },
  },
  {
    name: "a column of the review's named like one of the user's, in another case, is a clash",
    table: { columnNames: ["Customer ID", "Customer name", "RISK GRADE", "Balance", "Days past due"] },
    expected: { kind: "clash", area: TABLE.area, names: ["Risk grade"] },
  },
  {
    name: "a name shared by two columns it would add is a clash",
    review: {
      headers: [
        { column: 5, text: "Warnings" },
        { column: 6, text: "warnings" },
      ],
    },
    expected: { kind: "clash", area: TABLE.area, names: ["warnings"] },
  },
  {
    name: "names in Chinese are compared as they are",
    review: { headers: [{ column: 5, text: "风险评分" }] },
    table: { columnNames: [...USERS_COLUMNS.slice(0, 4), "风险等级"] },
    expected: { kind: "extend", area: { row: 0, column: 0, rows: 11, columns: 6 }, names: ["风险评分"] },
  },
];

test.each(cases)("$name", ({ table, review, expected }) => {
  expect(extendedTable({ ...TABLE, ...table }, { ...REVIEW, ...review })).toEqual(expected);
});

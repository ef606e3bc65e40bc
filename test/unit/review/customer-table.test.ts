import {
  customerTableAmong,
  extendedTable,
  ReviewColumns,
  SheetTable,
  TableExtension,
  tableOutcome,
} from "../../../src/engine/review/customer-table";
import { message } from "../../../src/engine/i18n";
import { customerTableMessages } from "../../../src/engine/review/texts";

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

test("the customer table among a sheet's tables is the one the review changes, whichever comes first", () => {
  const rates = { ...TABLE, name: "Rates", area: { row: 20, column: 10, rows: 3, columns: 2 }, columnNames: ["Grade", "Rate"] };
  const book = { ...TABLE, name: "Book" };
  expect(customerTableAmong([rates, book], REVIEW)).toEqual({
    table: book,
    change: { kind: "extend", area: WHOLE, names: ["Risk score", "Risk grade", "Recommendation"] },
  });
  expect(customerTableAmong([rates], REVIEW)).toBeUndefined();
  expect(customerTableAmong([], REVIEW)).toBeUndefined();
});

test("what a change does to the table, said before the write and after it in both languages: the clash over the shrink it comes with", () => {
  const grown = { ...TABLE, area: WHOLE, columnNames: [...USERS_COLUMNS, "Risk score", "Risk grade", "Recommendation"] };
  const grow = tableOutcome("Book", TABLE, extendedTable(TABLE, REVIEW)!);
  expect(grow).toEqual({ resized: { table: "Book", from: TABLE.area, to: WHOLE } });
  const say = (lang: "en" | "zh", outcome: typeof grow, time: "done" | "asked") =>
    customerTableMessages(outcome, "Customers", time).map((m) => message(lang, m.key, m.params));
  expect(say("en", grow, "asked")).toEqual([
    'Sheet "Customers": the Excel table "Book" (A1:E11) will be extended over the review\'s columns to A1:H11, so sorting or filtering it keeps each review beside its customer.',
  ]);
  expect(say("zh", grow, "asked")).toEqual([
    "工作表“Customers”：Excel 表格“Book”（A1:E11）将扩展到审查的各列，变为 A1:H11，对表格排序或筛选时每条审查结果仍留在其客户旁边。",
  ]);
  expect(say("en", grow, "done")[0]).toMatch(/^Sheet "Customers": the Excel table "Book" now covers A1:H11,/);

  const clashing = { ...grown, columnNames: ["Customer ID", "RISK GRADE", ...grown.columnNames.slice(2)] };
  const clash = tableOutcome("Book", clashing, extendedTable(clashing, REVIEW)!);
  expect(clash).toEqual({
    resized: { table: "Book", from: WHOLE, to: TABLE.area },
    clash: { table: "Book", names: ["Risk grade"] },
  });
  expect(say("en", clash, "asked")).toEqual([
    'Sheet "Customers": the Excel table "Book" will not be extended over the review\'s columns: it already has a column named "Risk grade". Sorting or filtering it would move its rows without the review\'s cells; to have it extended, cancel, rename that column and review again.',
  ]);
  expect(say("zh", clash, "asked")).toEqual([
    '工作表“Customers”：Excel 表格“Book”不会扩展到审查的各列：表格中已有名为 "Risk grade" 的列。对该表格排序或筛选时，其行会移动，而旁边审查的单元格不会随之移动；如需扩展，请取消，将该列改名后重新审查。',
  ]);
  expect(say("en", clash, "done")[0]).toMatch(/^The Excel table "Book" on sheet "Customers" was not extended/);

  const narrowed = { ...TABLE, area: { ...WHOLE, columns: 9 }, columnNames: [...grown.columnNames, "Aging: Current"] };
  // The review clears column I (an aging column it wrote before).
  const clearing = { ...REVIEW, headers: [...REVIEW.headers, { column: 8, text: null }] };
  const shrink = tableOutcome("Book", narrowed, extendedTable(narrowed, clearing)!);
  expect(say("en", shrink, "asked")).toEqual([
    'Sheet "Customers": the Excel table "Book" (A1:I11) will be narrowed to A1:H11, so that no column of it is left without a header.',
  ]);
  expect(say("zh", shrink, "asked")).toEqual([
    "工作表“Customers”：Excel 表格“Book”（A1:I11）将缩小为 A1:H11，表格中不留无标题的列。",
  ]);
});

/**
 * The customer list kept as an Excel table (test/cases/producers/openpyxl-customer-table.xlsx,
 * written by openpyxl): the reviewed copy's table part grows over the review's columns, so
 * sorting or filtering the table with its header buttons moves each row's review with its
 * customer. The rest of the part stays byte for byte; a second month leaves the grown table as
 * it is; a table that would get two columns of one name is left alone and the report says so.
 * LibreOffice opening the copy is proved with the producer corpus (producers.test.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { reviewedTablePart, xstring } from "../../../src/cli/package/table-part";
import type { ReviewColumns } from "../../../src/engine/review/customer-table";
import { Workbook } from "../../../src/cli/package/workbook";
import { escapeXml } from "../../../src/cli/package/xml";
import { runCli } from "../../support/cli";
import { partsOf } from "../../support/views";

const FIXTURE = path.resolve(__dirname, "../../cases/producers/openpyxl-customer-table.xlsx");
const TABLE = "xl/tables/table1.xml";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-customer-table-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function review(input: string, asOf: string, ...args: string[]) {
  const out = path.join(dir, `${path.basename(input, ".xlsx")}.${asOf}.xlsx`);
  const run = await runCli(input, "--as-of", asOf, "--lang", "en", "--out", out, ...args);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  return { ...run, out, parts: await partsOf(out) };
}

/** The header row's texts, as the copy's customer sheet holds them. */
async function headerCells(file: string): Promise<string[]> {
  const book = await Workbook.open(file, file, "en");
  try {
    return (await book.values(book.sheet("Customers")!))[0].map((v) => (v === null || v === undefined ? "" : String(v)));
  } finally {
    book.close();
  }
}

const columnsOf = (xml: string) =>
  [...xml.matchAll(/<tableColumn id="(\d+)" name="([^"]*)"\/>/g)].map((m) => ({ id: Number(m[1]), name: m[2] }));

test("the customer table grows over the review's columns: ref, filter, one named column each, the rest of its part as it was", async () => {
  const before = (await partsOf(FIXTURE)).get(TABLE)!;
  const { out, parts, stdout } = await review(FIXTURE, "2026-11-30");
  const table = parts.get(TABLE)!;
  const header = await headerCells(out);
  expect(header).toHaveLength(30);
  expect(header.slice(10, 13)).toEqual(["Risk score", "Payment points", "Contract points"]);
  expect(table).toMatch(/^<table id="1" name="CustomerList" displayName="CustomerList" ref="A1:AD5" headerRowCount="1" /);
  expect(table).toContain('<autoFilter ref="A1:AD5"/>');
  expect(table).toContain('<tableColumns count="30">');
  const columns = columnsOf(table);
  // Named exactly as the header cells, ids unique.
  expect(columns.map((c) => c.name)).toEqual(header.map((h) => escapeXml(xstring(h))));
  expect(new Set(columns.map((c) => c.id)).size).toBe(30);
  expect(columns.map((c) => c.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  // Undo the three attributes and the added columns: what is left is the part as openpyxl wrote it.
  const undone = table
    .replace('ref="A1:AD5"', 'ref="A1:J5"')
    .replace('<autoFilter ref="A1:AD5"/>', '<autoFilter ref="A1:J5"/>')
    .replace('count="30"', 'count="10"')
    .replace(/<tableColumn id="(1[1-9]|2\d|30)" [^>]*\/>/g, "");
  expect(undone).toBe(before);
  // The report says so, as the pane's write notice does; --json with the cells before and after.
  expect(stdout).toContain(
    'Sheet "Customers": the Excel table "CustomerList" now covers A1:AD5, the review\'s columns with it, so sorting or filtering the table keeps each review beside its customer.',
  );
  const json = JSON.parse((await review(FIXTURE, "2026-11-30", "--json")).stdout);
  expect(json.tableResized).toMatchObject({ table: "CustomerList", from: "A1:J5", to: "A1:AD5" });
  expect(table).toContain('<tableStyleInfo name="TableStyleMedium9" showRowStripes="1" showColumnStripes="0"/>');
  // The sheet keeps no filter of the review's own beside the table's.
  expect(parts.get("xl/workbook.xml")!).not.toContain("_xlnm._FilterDatabase");
  expect(parts.get("xl/worksheets/sheet1.xml")!).not.toMatch(/<autoFilter /);

  // A month later, on the reviewed copy: the table covers the review's columns already and stays as it is.
  const again = await review(out, "2026-12-31");
  expect(again.parts.get(TABLE)).toBe(table);
  expect(again.stdout).not.toContain("CustomerList");
  expect(await headerCells(again.out)).toEqual(header);
});

test("a table grown in English, reviewed a month later in Chinese: its columns renamed as their headers now are, so Excel opens it", async () => {
  const { out } = await review(FIXTURE, "2026-11-30");
  const zh = await review(out, "2026-12-31", "--lang", "zh");
  const table = zh.parts.get(TABLE)!;
  const header = await headerCells(zh.out);
  expect(header.slice(10, 12)).toEqual(["风险评分", "付款历史加权分"]);
  expect(table).toContain('ref="A1:AD5"');
  expect(columnsOf(table).map((c) => c.name)).toEqual(header.map((h) => escapeXml(xstring(h))));
  // The same ids: each column renamed in place, none added or taken away.
  expect(columnsOf(table).map((c) => c.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
});

test("a table with a column named like one of the review's is left as it is, and the report says why", async () => {
  // The user's customer-name column headed "Recommendation" (in the cell and the table part alike).
  const zip = await JSZip.loadAsync(fs.readFileSync(FIXTURE));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const part = await zip.file(TABLE)!.async("string");
  expect(sheet).toContain("<t>Customer</t>");
  zip.file("xl/worksheets/sheet1.xml", sheet.replace("<t>Customer</t>", "<t>RECOMMENDATION</t>"));
  const clashing = part.replace('name="Customer"', 'name="RECOMMENDATION"');
  zip.file(TABLE, clashing);
  const input = path.join(dir, "clash.xlsx");
  fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

  const { parts, stdout } = await review(input, "2026-11-30");
  expect(parts.get(TABLE)).toBe(clashing);
  expect(stdout).toContain(
    'The Excel table "CustomerList" on sheet "Customers" was not extended over the review\'s columns: it already has a column named "Recommendation".',
  );
  const json = await review(input, "2026-12-01", "--json");
  expect(JSON.parse(json.stdout).tableNotExtended).toMatchObject({ table: "CustomerList", names: ["Recommendation"] });
  // Reviewed in Chinese, the review's headers are other names: the table grows.
  const zh = await review(input, "2026-12-02", "--lang", "zh");
  expect(zh.stdout).not.toContain("未扩展");
  expect(zh.stdout).toContain("工作表“Customers”：Excel 表格“CustomerList”现为 A1:AD5，包含审查的各列");
  expect(zh.parts.get(TABLE)).toContain('<autoFilter ref="A1:AD5"/>');
});

test("a clash a month after the table grew: the table taken back to the user's columns, the report giving the clash as the reason", async () => {
  const { out } = await review(FIXTURE, "2026-11-30");
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const part = await zip.file(TABLE)!.async("string");
  zip.file("xl/worksheets/sheet1.xml", sheet.replace("<t>Customer</t>", "<t>RECOMMENDATION</t>"));
  zip.file(TABLE, part.replace('name="Customer"', 'name="RECOMMENDATION"'));
  const input = path.join(dir, "grown-then-clash.xlsx");
  fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  const { parts, stdout } = await review(input, "2026-12-31");
  expect(parts.get(TABLE)).toContain('ref="A1:J5"');
  expect(stdout).toContain('was not extended over the review\'s columns: it already has a column named "Recommendation"');
  expect(stdout).not.toContain("now covers");
});

test("a column name is written as SpreadsheetML's escaped string: line breaks, tabs and a literal _xHHHH_ escaped", () => {
  expect(xstring("Risk score")).toBe("Risk score");
  expect(xstring("Next\nreview")).toBe("Next_x000a_review");
  expect(xstring("a\tb\rc")).toBe("a_x0009_b_x000d_c");
  expect(xstring("_x0041_ and _x4")).toBe("_x005F_x0041_ and _x4");
  expect(xstring("bell\u0007")).toBe("bell_x0007_");
  expect(escapeXml(xstring('P&L "net" <1>'))).toBe("P&amp;L &quot;net&quot; &lt;1&gt;");
});

describe("a table part as Excel writes it, an earlier review's columns in it", () => {
  const USERS = ["Customer ID", "Customer name", "Credit limit", "Balance", "Days past due"];
  const column = (id: number, name: string, extra = "") => `<tableColumn id="${id}" name="${name}"${extra}/>`;
  const part = (ref: string, columns: string[], filters: string) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Table1" displayName="Table1" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}">${filters}</autoFilter><tableColumns count="${columns.length}">${columns.join("")}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';
  const byName = (id: string) => `<filterColumn colId="1"><filters><filter val="${id}"/></filters></filterColumn>`;
  const onRecommendation = '<filterColumn colId="7"><filters><filter val="Keep current terms"/></filters></filterColumn>';
  const users = USERS.map((name, i) => column(i + 1, name));
  const grown = part(
    "A1:H11",
    [...users, column(6, "Risk score"), column(7, "Risk grade"), column(8, "Recommendation", ' dataDxfId="3"')],
    byName("Contoso") + onRecommendation,
  );
  const review = (headers: (string | null)[]): ReviewColumns => ({
    headerRow: 0,
    customerRows: { first: 1, last: 10 },
    headers: headers.map((text, i) => ({ column: 5 + i, text })),
  });

  test("a column the review now clears leaves the table, with the filter's criterion on it; the user's criterion stays", () => {
    expect(reviewedTablePart(grown, review(["Risk score", "Risk grade", null]))).toEqual({
      xml: part("A1:G11", [...users, column(6, "Risk score"), column(7, "Risk grade")], byName("Contoso")),
      resized: {
        table: "Table1",
        from: { row: 0, column: 0, rows: 11, columns: 8 },
        to: { row: 0, column: 0, rows: 11, columns: 7 },
      },
    });
  });

  test("renamed in place, the rest of each column's tag as it was", () => {
    expect(reviewedTablePart(grown, review(["风险评分", "风险等级", "政策建议"]))).toEqual({
      xml: part(
        "A1:H11",
        [...users, column(6, "风险评分"), column(7, "风险等级"), column(8, "政策建议", ' dataDxfId="3"')],
        byName("Contoso") + onRecommendation,
      ),
    });
  });

  test("as the review heads them already: the same text", () => {
    expect(reviewedTablePart(grown, review(["Risk score", "Risk grade", "Recommendation"]))).toBeUndefined();
  });

  test("a clash of names takes the table back to the user's columns, and names the clash", () => {
    expect(reviewedTablePart(grown, review(["Risk score", "Customer name", "Recommendation"]))).toEqual({
      xml: part("A1:E11", users, byName("Contoso")),
      resized: {
        table: "Table1",
        from: { row: 0, column: 0, rows: 11, columns: 8 },
        to: { row: 0, column: 0, rows: 11, columns: 5 },
      },
      clash: { table: "Table1", names: ["Customer name"] },
    });
  });
});

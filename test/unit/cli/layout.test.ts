/**
 * The plan's sheet layout as the command line writes it into the package: the customer
 * sheet's output widths, wrapped texts and their row heights, frozen header, filter (with its
 * built-in name) and print fitting; the summary on one landscape page with its two charts; and
 * on a re-run or a sheet the user set up, nothing piled up and nothing of the user's undone.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { SURROUNDINGS } from "../../../src/cli/package/sheet-reader";
import { ZipReader } from "../../../src/cli/package/zip-reader";
import { partsOf } from "../../support/views";
import { WORKSHEET_ORDER } from "../../../src/cli/package/worksheet-xml";
import { elementsOf } from "../../../src/cli/package/xml-edit";
import { ZipWriter } from "../../../src/cli/package/zip-writer";
import { loadWorkbook, runCli, tempDirPerTest } from "../../support/cli";

const EXAMPLE = path.resolve(__dirname, "../../../examples/customers.xlsx");
const dir = tempDirPerTest("credit-review-layout-");
const keptChars = SURROUNDINGS.maxChars;
afterEach(() => {
  SURROUNDINGS.maxChars = keptChars;
});

/** The worksheet part of a sheet, by its name in workbook.xml. */
function sheetXml(all: Map<string, string>, name: string): string {
  const workbook = all.get("xl/workbook.xml")!;
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(\\w+)"`).exec(workbook)?.[1];
  const rels = all.get("xl/_rels/workbook.xml.rels")!;
  const target = new RegExp(`Id="${id}"[^>]*Target="/?(?:xl/)?([^"]+)"|Target="/?(?:xl/)?([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  return all.get(`xl/${target[1] ?? target[2]}`)!;
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

async function reviewed(input: string, ...args: string[]): Promise<Map<string, string>> {
  const out = path.join(dir(), `out-${Math.random().toString(36).slice(2)}.xlsx`);
  const { code, stderr } = await runCli(input, "--as-of", "2026-11-30", "--out", out, ...args);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  return partsOf(out);
}

test("the customer sheet: output widths, wraps and row heights, frozen header, filter over the whole table, printed on pages across", async () => {
  const all = await reviewed(EXAMPLE);
  const sheet = sheetXml(all, "Customers");
  // The header is row 3 (a title above it): frozen below it, repeated on each page, the filter from it.
  expect(sheet).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
  expect(sheet).toContain('<autoFilter ref="A3:AU48"/>');
  expect(count(sheet, /<pageSetup /g)).toBe(1);
  // 47 columns fitted on one page printed names 1.7 pt tall: at 60% on pages across, each naming its
  // customers, a little smaller where that spares a last band of pages a few stray rows on some paper.
  expect(sheet).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*scale="(5\d|60)"[^>]*pageOrder="overThenDown"/);
  expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="0"/></sheetPr>');
  const workbook = all.get("xl/workbook.xml")!;
  expect(workbook).toContain(
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Customers'!$A:$B,'Customers'!$3:$3</definedName>`,
  );
  expect(workbook).toContain(
    `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Customers'!$A$3:$AU$48</definedName>`,
  );
  // Every output column (W..AU) has a width; the user's columns keep theirs.
  const widths = new Map(
    [...sheet.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].map((m) => [`${m[1]}-${m[2]}`, Number(m[3])]),
  );
  for (let c = 23; c <= 47; c++) expect(widths.has(`${c}-${c}`)).toBe(true);
  expect(["3-10", "11-11", "12-18", "19-19", "20-21", "22-22"].map((span) => widths.get(span))).toEqual([14, 16, 14, 17, 14, 20]);
  // The next-review date (yyyy-mm-dd) and the recommended limit (#,##0.00) fit their columns.
  expect(widths.get("37-37")).toBeGreaterThanOrEqual(12);
  expect(widths.get("35-35")).toBeGreaterThanOrEqual("385,000.00".length);
  // A long header over short figures wraps rather than widening its column; the header row grows.
  expect(widths.get("35-35")).toBeLessThan("Recommended limit".length);
  expect(Number(/<row r="3"[^>]* ht="(\d+)" customHeight="1"/.exec(sheet)?.[1])).toBeGreaterThanOrEqual(30);
  // Warnings, Findings (one line each) and Recommendation wrap, and the rows holding long ones are made taller.
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(all.get("xl/styles.xml")!)![1];
  const xfs = cellXfs.match(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
  const styleOf = (ref: string) => xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)![1])];
  expect(styleOf("AF8")).toContain('wrapText="1"');
  expect(styleOf("AG8")).toContain('wrapText="1"');
  expect(styleOf("AH8")).toContain('wrapText="1"');
  expect(styleOf("AE8")).not.toContain("wrapText");
  expect(Number(/<row r="8"[^>]* ht="(\d+)" customHeight="1"/.exec(sheet)?.[1])).toBeGreaterThanOrEqual(30);
  expect(sheet).toMatch(/<row r="4"(?![^>]* ht=)[^>]*>/);
});

test("the review's own sheets stand their cells at the top of tall rows, their headers at the bottom; the customer sheet keeps the default", async () => {
  const all = await reviewed(EXAMPLE);
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(all.get("xl/styles.xml")!)![1];
  const xfs = cellXfs.match(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
  const styleIn = (sheet: string, ref: string) => xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)![1])];
  const archive = sheetXml(all, "Credit Review Archive");
  // Row 17: a customer whose review issues wrap to four lines beside one-line cells.
  expect(Number(/<row r="17"[^>]* ht="(\d+)" customHeight="1"/.exec(archive)?.[1])).toBe(60);
  for (const ref of ["A17", "D17", "J17", "U17"]) expect(styleIn(archive, ref)).toContain('vertical="top"');
  for (const ref of ["A1", "D1", "U1"]) expect(styleIn(archive, ref)).not.toContain("vertical");
  const policy = sheetXml(all, "Credit Policy");
  expect(styleIn(policy, "A3")).toContain('vertical="top"');
  const customers = sheetXml(all, "Customers");
  for (const ref of ["AF8", "AH8"]) expect(styleIn(customers, ref)).not.toContain("vertical");
});

test("the summary: one landscape page, exposure by grade and aging as two native charts side by side, right of the figures", async () => {
  const all = await reviewed(EXAMPLE);
  const summary = sheetXml(all, "Credit Review Summary");
  expect(summary).toMatch(/<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="1"\/>/);
  const charts = [...all.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => all.get(n)!);
  expect(charts.map((c) => /<a:t>([^<]*)<\/a:t>/.exec(c)![1])).toEqual(["Exposure by risk grade", "Receivables aging"]);
  for (const chart of charts) expect(chart).toContain('<c:showVal val="1"/>');
  const drawing = all.get("xl/drawings/drawing1.xml")!;
  expect(
    [...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)</g)].map(
      (m) => `${m[1]},${m[2]}`,
    ),
  ).toEqual(["5,0", "10,0"]);
});

test.each(["en", "zh"] as const)(
  "the summary after an earlier review (%s): the exposure at risk over time as a native line chart beside its table, its months on its axis",
  async (lang) => {
    const october = path.join(dir(), "october.xlsx");
    expect((await runCli(EXAMPLE, "--as-of", "2026-10-31", "--lang", lang, "--out", october)).code).toBe(0);
    const all = await reviewed(october, "--lang", lang);
    const charts = [...all.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => all.get(n)!);
    expect(charts).toHaveLength(3);
    const line = charts.find((c) => c.includes("<c:lineChart>"))!;
    expect(/<a:t>([^<]*)<\/a:t>/.exec(line)![1]).toBe(lang === "en" ? "Exposure at risk over time" : "风险客户敞口走势");
    expect(line).not.toContain("<c:barChart>");
    // Unlabelled points; one category per review, labelled by its month: a full date would wrap under its point.
    expect(line).toContain('<c:showVal val="0"/>');
    expect(line).toContain('<c:auto val="0"/>');
    const monthFormat = lang === "en" ? "yyyy-mm" : "yy&quot;年&quot;m&quot;月&quot;";
    expect(line).toContain(`<c:numFmt formatCode="${monthFormat}" sourceLinked="0"/>`);
    const categories = /<c:strCache>(.*?)<\/c:strCache>/.exec(line)![1];
    expect([...categories.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])).toEqual(
      lang === "en" ? ["2026-10", "2026-11"] : ["26年10月", "26年11月"],
    );
    const values = /<c:numCache>(.*?)<\/c:numCache>/.exec(line)![1];
    expect([...values.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual([1_484_500, 2_080_500]);
    // The bar charts keep their labels.
    for (const chart of charts.filter((c) => c !== line)) expect(chart).toContain('<c:showVal val="1"/>');
    // Every value axis from 0 to a round top, shown, labelled in whole amounts and gridded: the line's
    // 2,080,500 reads against 0 and 2,500,000, not against 1,484,500.
    for (const chart of charts)
      expect(/<c:valAx>.*<\/c:valAx>/.exec(chart)![0]).toMatch(
        /<c:scaling><c:orientation val="minMax"\/><c:max val="\d+"\/><c:min val="0"\/><\/c:scaling><c:delete val="0"\/><c:axPos val="l"\/><c:majorGridlines\/><c:numFmt formatCode="#,##0" sourceLinked="0"\/>.*<c:tickLblPos val="nextTo"\/>.*<c:majorUnit val="\d+"\/>/,
      );
    expect(/<c:max val="(\d+)"\/>.*<c:majorUnit val="(\d+)"\/>/.exec(line)!.slice(1)).toEqual(["2500000", "500000"]);
  },
);

test("a re-run adds no second filter, pane, print setup or name; the archive and policy print their header on every page", async () => {
  const once = path.join(dir(), "once.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  const all = await reviewed(once);
  const sheet = sheetXml(all, "Customers");
  expect(count(sheet, /<autoFilter /g)).toBe(1);
  expect(count(sheet, /<pane /g)).toBe(1);
  expect(count(sheet, /<pageSetup /g)).toBe(1);
  expect(count(sheet, /<cols>/g)).toBe(1);
  const workbook = all.get("xl/workbook.xml")!;
  expect(count(workbook, /_xlnm\._FilterDatabase/g)).toBe(1);
  expect(workbook.match(/<definedName name="_xlnm\.Print_Titles"[^>]*>[^<]*/g)).toEqual([
    // The sample's own, on its invoice ledger, kept as its writer wrote it.
    `<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Invoices&apos;!$1:$1`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Customers'!$A:$B,'Customers'!$3:$3`,
    // The archive names each row's review (date, policy version) and customer (id, name) on every
    // page across; the history, one page wide, its versions' row on every page down.
    `<definedName name="_xlnm.Print_Titles" localSheetId="3">'Credit Review Archive'!$A:$D,'Credit Review Archive'!$1:$1`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="4">'Credit Policy'!$1:$1`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="5">'Credit Policy History'!$1:$1`,
  ]);
  expect(workbook).toContain(`'Credit Review Archive'!$1:$1`);
  expect(workbook).toContain(`'Credit Policy'!$1:$1`);
  expect(workbook).toContain(`'Credit Policy History'!$1:$1`);
  expect(count(sheetXml(all, "Credit Review Archive"), /<pane /g)).toBe(1);
});

test("the archive prints the review's own rows: the first month's, the month after's, a back-dated review's", async () => {
  const printArea = (file: string) =>
    partsOf(file).then(
      (all) => /<definedName name="_xlnm\.Print_Area" localSheetId="3">([^<]*)</.exec(all.get("xl/workbook.xml")!)?.[1],
    );
  const november = path.join(dir(), "area-nov.xlsx");
  const december = path.join(dir(), "area-dec.xlsx");
  const october = path.join(dir(), "area-oct.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", november)).code).toBe(0);
  expect((await runCli(november, "--as-of", "2026-12-31", "--out", december)).code).toBe(0);
  expect((await runCli(december, "--as-of", "2026-10-31", "--out", october)).code).toBe(0);
  // The sample's 45 customers under the header in row 1 (repeated on every page by the print titles).
  expect(await printArea(november)).toBe("'Credit Review Archive'!$A$2:$V$46");
  expect(await printArea(december)).toBe("'Credit Review Archive'!$A$47:$V$91");
  // Back-dated: its rows go before November's, and so does its printout.
  expect(await printArea(october)).toBe("'Credit Review Archive'!$A$2:$V$46");
  const archive = await loadWorkbook(october).then((book) => book.getWorksheet("Credit Review Archive")!);
  const dates = [2, 46, 47, 92, 136].map((row) => (archive.getCell(row, 1).value as Date).toISOString().slice(0, 10));
  expect(dates).toEqual(["2026-10-31", "2026-10-31", "2026-11-30", "2026-12-31", "2026-12-31"]);
  // The output check after the printed columns, for the next review: hidden, not wrapped, off the page.
  expect(archive.getCell(1, 26).value).toBe("Output check");
  expect(String(archive.getCell(47, 26).value)).toMatch(/^[A-Za-z0-9_\-.\/]{20,}$/);
  expect(archive.getColumn(26).hidden).toBe(true);
  expect(archive.getColumn(25).hidden).toBe(false);
  expect(archive.getColumn(27).hidden).toBe(false);
  expect(archive.getCell(47, 26).alignment?.wrapText).toBeFalsy();
  // One name per sheet, replaced each run.
  expect(count((await partsOf(october)).get("xl/workbook.xml")!, /_xlnm\.Print_Area/g)).toBe(1);
  // Its 45 rows a page and a few at 60%, on every paper (Excel's and LibreOffice's A4 and Letter) a
  // last band of pages across with a row or a few; each run's scale, from its own rows, the largest
  // that prints them on one band on all four, within the least the archive is shrunk to.
  const scales: number[] = [];
  for (const file of [november, december, october]) {
    const sheet = sheetXml(await partsOf(file), "Credit Review Archive");
    expect(sheet).toContain('<pageSetUpPr fitToPage="0"/>');
    expect(count(sheet, /<pageSetup /g)).toBe(1);
    scales.push(Number(/<pageSetup [^>]*scale="(\d+)"/.exec(sheet)![1]));
  }
  expect(scales).toEqual([51, 53, 50]);
});

/** A copy of a package with one part's text changed, every other part copied as stored. */
async function withPart(file: string, out: string, part: string, change: (text: string) => string): Promise<void> {
  const text = (await partsOf(file)).get(part)!;
  const zip = await ZipReader.open(file, file);
  const fd = fs.openSync(out, "w");
  try {
    const writer = new ZipWriter(fd);
    for (const entry of zip.entries.values()) {
      if (entry.name === part) await writer.add(entry.name, change(text));
      else await writer.copy(entry, await zip.rawStream(entry));
    }
    writer.finish();
  } finally {
    fs.closeSync(fd);
    zip.close();
  }
}

/** A row's own height in a worksheet's XML (1-based row), and whether it is a custom one; undefined without one. */
function rowHeight(sheet: string, row: number): { ht: number; custom: boolean } | undefined {
  const tag = new RegExp(`<row r="${row}"[^>]*>`).exec(sheet)![0];
  const ht = / ht="([\d.]+)"/.exec(tag);
  return ht ? { ht: Number(ht[1]), custom: tag.includes('customHeight="1"') } : undefined;
}

test("a month later with shorter texts the rows the review made tall come back down; a height the user set stays", async () => {
  const once = path.join(dir(), "once.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  const first = sheetXml(await partsOf(once), "Customers");
  // Litware (row 7, five warnings and their findings) and Coho (row 14) are several lines tall, Tailspin (row 9) one.
  expect(rowHeight(first, 7)).toEqual({ ht: 120, custom: true });
  expect(rowHeight(first, 14)!.ht).toBeGreaterThanOrEqual(60);
  expect(rowHeight(first, 9)).toBeUndefined();
  // The user makes Tailspin's row taller by hand.
  const userSet = path.join(dir(), "user-set.xlsx");
  await withPart(once, userSet, "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace(/<row r="9"([^>]*)>/, '<row r="9"$1 ht="40" customHeight="1">'),
  );
  // A month later under a policy that warns of almost nothing: Litware has no warning left, Coho two.
  const policy = path.join(dir(), "policy.json");
  fs.writeFileSync(
    policy,
    JSON.stringify({
      scoreRise: 4,
      overdueDays: 1000,
      legalActionDays: 2000,
      minCurrentRatio: 0.01,
      maxDebtRatio: 0.99,
      minInterestCoverage: 0,
    }),
  );
  const later = path.join(dir(), "later.xlsx");
  const run = await runCli(userSet, "--as-of", "2026-12-31", "--policy", policy, "--out", later);
  expect(run.code).toBe(0);
  const again = sheetXml(await partsOf(later), "Customers");
  // Litware has no warning left: its row is back to one line (its sheet's previous score, which
  // the archive's replaced, decides no Score rose either way, so no note either).
  expect(rowHeight(again, 7)).toBeUndefined();
  // Coho's two findings left, its row as tall as its high-risk recommendation's three lines.
  expect(rowHeight(again, 14)).toEqual({ ht: 45, custom: true });
  expect(rowHeight(again, 9)).toEqual({ ht: 40, custom: true });
  // The header row, its texts unchanged, keeps its height.
  expect(rowHeight(again, 3)).toEqual(rowHeight(first, 3));
});

test("an earlier run's filter grows to take in new customers; one that filters something is the user's and stays", async () => {
  const once = path.join(dir(), "once.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  // As if the earlier run had fewer customers: its filter ends higher up.
  const shorter = path.join(dir(), "shorter.xlsx");
  await withPart(once, shorter, "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace('<autoFilter ref="A3:AU48"/>', '<autoFilter ref="A3:AU40"/>'),
  );
  const grown = await reviewed(shorter);
  expect(count(sheetXml(grown, "Customers"), /<autoFilter /g)).toBe(1);
  expect(sheetXml(grown, "Customers")).toContain('<autoFilter ref="A3:AU48"/>');
  expect(grown.get("xl/workbook.xml")!).toContain(`'Customers'!$A$3:$AU$48`);
  // The same filter with a criterion set is the user's now: it stays, criteria and all.
  const criteria =
    '<autoFilter ref="A3:AU40"><filterColumn colId="23"><filters><filter val="High"/></filters></filterColumn></autoFilter>';
  const filtered = path.join(dir(), "filtered.xlsx");
  await withPart(once, filtered, "xl/worksheets/sheet1.xml", (xml) => xml.replace('<autoFilter ref="A3:AU48"/>', criteria));
  const kept = sheetXml(await reviewed(filtered), "Customers");
  expect(kept).toContain(criteria);
  expect(count(kept, /<autoFilter /g)).toBe(1);
});

test.each([
  ["written with an end tag, as LibreOffice Calc saves it", '<autoFilter ref="A3:AU40"></autoFilter>'],
  ["narrower, from a run that wrote fewer columns (other aging edges)", '<autoFilter ref="A3:AR48"/>'],
  ["wider, from a run that wrote more columns", '<autoFilter ref="A3:AW48"/>'],
])("an earlier run's empty filter %s is replaced by this run's", async (_name, earlier) => {
  const once = path.join(dir(), "once-calc.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  const saved = path.join(dir(), "saved.xlsx");
  await withPart(once, saved, "xl/worksheets/sheet1.xml", (xml) => xml.replace('<autoFilter ref="A3:AU48"/>', earlier));
  const sheet = sheetXml(await reviewed(saved), "Customers");
  expect(count(sheet, /<autoFilter /g)).toBe(1);
  expect(sheet).toContain('<autoFilter ref="A3:AU48"/>');
});

// The user's set-up is found in the text around the cells that the sheet's read kept, or, past
// what is kept, by looking through the sheet's text again: both ways find the same.
test.each([
  ["kept from the sheet's read", SURROUNDINGS.maxChars],
  ["looked through again", 0],
])(
  "the user's own filter, frozen panes and table stay as they were: the review adds none of its own (%s)",
  async (_, maxChars) => {
    SURROUNDINGS.maxChars = maxChars;
    const input = path.join(dir(), "set-up.xlsx");
    const wb = await loadWorkbook(EXAMPLE);
    const customers = wb.getWorksheet("Customers")!;
    customers.autoFilter = "A3:C48";
    customers.views = [{ state: "frozen", xSplit: 2, ySplit: 0 }];
    await wb.xlsx.writeFile(input);
    const sheet = sheetXml(await reviewed(input), "Customers");
    expect(count(sheet, /<autoFilter /g)).toBe(1);
    expect(sheet).toContain('<autoFilter ref="A3:C48"/>');
    expect(count(sheet, /<pane /g)).toBe(1);
    expect(sheet).toMatch(/<pane xSplit="2"/);

    const tabled = path.join(dir(), "table.xlsx");
    const wb2 = await loadWorkbook(EXAMPLE);
    const ws = wb2.getWorksheet("Customers")!;
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1, 4).map(String);
    ws.addTable({ name: "Mine", ref: "A60", columns: header.map((name) => ({ name })), rows: [["x", "y", "z"]] });
    await wb2.xlsx.writeFile(tabled);
    const withTable = await reviewed(tabled);
    expect(sheetXml(withTable, "Customers")).not.toMatch(/<autoFilter ref="A3:/);
    expect(withTable.get("xl/workbook.xml")!).not.toContain("_xlnm._FilterDatabase");
  },
);

test("an earlier run's print setup (one page wide) is redone; a print setup of the user's stays, titles and all", async () => {
  const once = path.join(dir(), "once.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  // What the review wrote before: fitted one page wide, as many tall as it takes, the header row repeated.
  const asBefore = (xml: string) =>
    xml
      .replace('<pageSetUpPr fitToPage="0"/>', '<pageSetUpPr fitToPage="1"/>')
      .replace(/scale="\d+" fitToWidth="1" fitToHeight="1"/, 'scale="100" fitToWidth="1" fitToHeight="0"');
  const titlesBefore = (xml: string) => xml.replace(`'Customers'!$A:$B,'Customers'!$3:$3`, `'Customers'!$3:$3`);
  const earlier = path.join(dir(), "earlier.xlsx");
  const half = path.join(dir(), "half.xlsx");
  await withPart(once, half, "xl/worksheets/sheet1.xml", asBefore);
  expect(sheetXml(await partsOf(half), "Customers")).toMatch(/fitToPage="1"[\s\S]*scale="100" fitToWidth="1" fitToHeight="0"/);
  await withPart(half, earlier, "xl/workbook.xml", titlesBefore);
  const redone = await reviewed(earlier);
  expect(sheetXml(redone, "Customers")).toContain('<pageSetUpPr fitToPage="0"/>');
  expect(sheetXml(redone, "Customers")).toMatch(/<pageSetup [^>]*scale="(5\d|60)"/);
  expect(redone.get("xl/workbook.xml")!).toContain(`>'Customers'!$A:$B,'Customers'!$3:$3<`);

  // The user's: fitted one page wide and two tall, their own title rows.
  const fitted = path.join(dir(), "fitted.xlsx");
  await withPart(once, half, "xl/worksheets/sheet1.xml", (xml) => asBefore(xml).replace('fitToHeight="0"', 'fitToHeight="2"'));
  await withPart(half, fitted, "xl/workbook.xml", (xml) =>
    xml.replace(`'Customers'!$A:$B,'Customers'!$3:$3`, `'Customers'!$1:$3`),
  );
  const theirs = await reviewed(fitted);
  expect(sheetXml(theirs, "Customers")).toContain('<pageSetUpPr fitToPage="1"/>');
  expect(sheetXml(theirs, "Customers")).toMatch(/<pageSetup [^>]*scale="100" fitToWidth="1" fitToHeight="2"/);
  expect(theirs.get("xl/workbook.xml")!).toContain(`>'Customers'!$1:$3<`);

  // The user's: no fit, printed at 85%.
  const scaled = path.join(dir(), "scaled.xlsx");
  await withPart(once, scaled, "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace('<sheetPr><pageSetUpPr fitToPage="0"/></sheetPr>', "").replace(/scale="\d+"/, 'scale="85"'),
  );
  const kept = sheetXml(await reviewed(scaled), "Customers");
  expect(kept).not.toContain("fitToPage");
  expect(kept).toMatch(/<pageSetup [^>]*scale="85"/);
});

/** The worksheet's children after its cells, by local name, in the order written; each in CT_Worksheet's order. */
function childrenAfterCells(sheet: string): string[] {
  const children = elementsOf(sheet)
    .elements.filter((e) => e.depth === 1)
    .map((e) => e.local);
  const ranks = children.map((local) => WORKSHEET_ORDER.indexOf(local as (typeof WORKSHEET_ORDER)[number]));
  expect(ranks.every((rank, i) => rank >= 0 && (i === 0 || rank >= ranks[i - 1]))).toBe(true);
  return children.slice(children.indexOf("sheetData") + 1);
}

test("printed pages: each of our sheets headed with its title and the review date, every page numbered, <headerFooter> in the schema's place", async () => {
  const all = await reviewed(EXAMPLE);
  const footer = "<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>";
  const summary = sheetXml(all, "Credit Review Summary");
  expect(summary).toContain(
    `<headerFooter><oddHeader>&amp;CCredit Review Summary — 2026-11-30</oddHeader>${footer}</headerFooter>`,
  );
  // After the page setup, before the charts' drawing (CT_Worksheet's order).
  expect(childrenAfterCells(summary)).toEqual(["pageMargins", "pageSetup", "headerFooter", "drawing"]);
  expect(sheetXml(all, "Credit Review Archive")).toContain("<oddHeader>&amp;CCredit Review Archive — 2026-11-30</oddHeader>");
  expect(sheetXml(all, "Credit Policy")).toContain("<oddHeader>&amp;CCredit Policy — 2026-11-30</oddHeader>");
  expect(sheetXml(all, "Credit Policy History")).toContain("<oddHeader>&amp;CCredit Policy History — 2026-11-30</oddHeader>");
  // The customer sheet is the user's: its pages numbered, no header of ours.
  const customers = sheetXml(all, "Customers");
  expect(customers).toContain(`<headerFooter>${footer}</headerFooter>`);
  expect(customers).not.toContain("<oddHeader>");

  // In Chinese, a month later, on the reviewed copy: each sheet's header and footer redone, not added.
  const zh = await reviewed(await written(all), "--lang", "zh", "--as-of", "2026-12-31");
  const zhFooter = "<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>";
  expect(sheetXml(zh, "Credit Review Summary")).toContain(
    `<headerFooter><oddHeader>&amp;C信用审查汇总——2026年12月31日</oddHeader>${zhFooter}</headerFooter>`,
  );
  // The archive is rewritten from a row on (its earlier rows kept): its header is the review's, redone.
  const archive = sheetXml(zh, "Credit Review Archive");
  expect(archive).toContain(
    "<headerFooter><oddHeader>&amp;CCredit Review Archive——2026年12月31日（仅本次审查；表中另有 1 次审查未打印：2026年11月30日）</oddHeader>" +
      `${zhFooter}</headerFooter>`,
  );
  expect(count(archive, /<headerFooter>/g)).toBe(1);
  // The earlier run's page numbers on the customer sheet, in English, are this review's in Chinese.
  expect(sheetXml(zh, "Customers")).toContain(`<headerFooter>${zhFooter}</headerFooter>`);
  expect(count(sheetXml(zh, "Customers"), /<headerFooter>/g)).toBe(1);
});

/** The parts back in a package file, to review again. */
async function written(all: Map<string, string>): Promise<string> {
  const file = path.join(dir(), `again-${Math.random().toString(36).slice(2)}.xlsx`);
  const fd = fs.openSync(file, "w");
  try {
    const writer = new ZipWriter(fd);
    for (const [name, text] of all) await writer.add(name, text);
    writer.finish();
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

test("a sheet named with an '&' prints it as one: written '&&' in its header", async () => {
  const once = path.join(dir(), "once.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  const renamed = path.join(dir(), "renamed.xlsx");
  await withPart(once, renamed, "xl/workbook.xml", (xml) => xml.replace(/Credit Review Archive/g, "R&amp;D Archive"));
  const archive = sheetXml(await reviewed(renamed), "R&amp;D Archive");
  expect(archive).toContain("<oddHeader>&amp;CR&amp;&amp;D Archive — 2026-11-30</oddHeader>");
});

test("a left or right section the user typed in a header or footer of our sheets stays a month later; the review's centre is that month's", async () => {
  const once = path.join(dir(), "once.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  const parts = await partsOf(once);
  const partOf = (name: string) => {
    const xml = sheetXml(parts, name);
    return [...parts].find(([, text]) => text === xml)![0];
  };
  // As LibreOffice saves a header typed in Page Setup: both settings said, every section in one text.
  const typed = (title: string) =>
    '<headerFooter differentFirst="false" differentOddEven="false">' +
    `<oddHeader>&amp;LConfidential&amp;C${title} — 2026-11-30&amp;RPrepared by Finance</oddHeader>` +
    "<oddFooter>&amp;L&amp;&quot;Arial,Bold&quot;R&amp;&amp;D only&amp;CPage &amp;P of &amp;N</oddFooter></headerFooter>";
  const retype = (title: string) => (xml: string) => xml.replace(/<headerFooter>.*?<\/headerFooter>/, typed(title));
  const summaryTyped = path.join(dir(), "summary-typed.xlsx");
  await withPart(once, summaryTyped, partOf("Credit Review Summary"), retype("Credit Review Summary"));
  const archiveTyped = path.join(dir(), "archive-typed.xlsx");
  await withPart(summaryTyped, archiveTyped, partOf("Credit Review Archive"), retype("Credit Review Archive"));
  // On the policy a different first page, with a header of its own.
  const policyTyped = path.join(dir(), "policy-typed.xlsx");
  await withPart(archiveTyped, policyTyped, partOf("Credit Policy"), (xml) =>
    xml.replace(
      /<headerFooter>(.*?)<\/headerFooter>/,
      '<headerFooter differentFirst="1">$1<firstHeader>&amp;RDraft</firstHeader></headerFooter>',
    ),
  );
  for (const name of ["Credit Review Summary", "Credit Review Archive"])
    expect(sheetXml(await partsOf(policyTyped), name)).toContain("&amp;RPrepared by Finance</oddHeader>");

  const later = path.join(dir(), "later.xlsx");
  const run = await runCli(policyTyped, "--as-of", "2026-12-31", "--out", later);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  const again = await partsOf(later);
  // The summary (written whole) and the archive (rewritten from a row on) alike.
  const centres = {
    "Credit Review Summary": "Credit Review Summary — 2026-12-31",
    // Its pages hold this month's rows: the header says the first month's are on the sheet.
    "Credit Review Archive":
      "Credit Review Archive — 2026-12-31 (this review only; 1 other review (2026-11-30) on the sheet, not printed)",
  };
  for (const [name, centre] of Object.entries(centres)) {
    const sheet = sheetXml(again, name);
    expect(sheet).toContain(
      '<headerFooter differentFirst="false" differentOddEven="false">' +
        `<oddHeader>&amp;LConfidential&amp;C${centre}&amp;RPrepared by Finance</oddHeader>` +
        "<oddFooter>&amp;L&amp;&quot;Arial,Bold&quot;R&amp;&amp;D only&amp;CPage &amp;P of &amp;N</oddFooter></headerFooter>",
    );
    expect(count(sheet, /<headerFooter[\s>]/g)).toBe(1);
  }
  expect(sheetXml(again, "Credit Policy")).toContain(
    '<headerFooter differentFirst="1"><oddHeader>&amp;CCredit Policy — 2026-12-31</oddHeader>' +
      "<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter><firstHeader>&amp;RDraft</firstHeader></headerFooter>",
  );
  // In Chinese a month on, the centre is the Chinese review's and the user's sections still stand.
  const zh = sheetXml(await reviewed(later, "--lang", "zh", "--as-of", "2026-12-31"), "Credit Review Summary");
  expect(zh).toContain("<oddHeader>&amp;LConfidential&amp;C信用审查汇总——2026年12月31日&amp;RPrepared by Finance</oddHeader>");
  expect(zh).toContain(
    "<oddFooter>&amp;L&amp;&quot;Arial,Bold&quot;R&amp;&amp;D only&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>",
  );
});

test("the customer sheet with a page setup and a picture: page numbers between them; a header or footer of the user's stays as it was", async () => {
  const setUp = async (file: string, headerFooter?: Partial<ExcelJS.HeaderFooter>) => {
    const wb = await loadWorkbook(EXAMPLE);
    const ws = wb.getWorksheet("Customers")!;
    ws.pageSetup.paperSize = 9;
    const logo = wb.addImage({
      buffer: fs.readFileSync(path.resolve(__dirname, "../../../assets/icon-32.png")) as unknown as ExcelJS.Buffer,
      extension: "png",
    });
    ws.addImage(logo, "A52:B54");
    if (headerFooter) ws.headerFooter = headerFooter;
    await wb.xlsx.writeFile(file);
  };
  const plain = path.join(dir(), "plain.xlsx");
  await setUp(plain);
  const ours = sheetXml(await reviewed(plain), "Customers");
  expect(childrenAfterCells(ours).filter((n) => ["pageSetup", "headerFooter", "drawing"].includes(n))).toEqual([
    "pageSetup",
    "headerFooter",
    "drawing",
  ]);
  expect(ours).toMatch(
    /<pageSetup [^>]*paperSize="9"[^>]*\/><headerFooter><oddFooter>&amp;CPage &amp;P of &amp;N<\/oddFooter><\/headerFooter>/,
  );

  const theirs = path.join(dir(), "theirs.xlsx");
  await setUp(theirs, { oddFooter: "&LConfidential — Smith && Sons&R&D" });
  const before = /<headerFooter[\s\S]*?<\/headerFooter>/.exec(sheetXml(await partsOf(theirs), "Customers"))![0];
  expect(before).toContain("Smith &amp;&amp; Sons");
  const kept = sheetXml(await reviewed(theirs), "Customers");
  expect(count(kept, /<headerFooter[\s>]/g)).toBe(1);
  expect(kept).toContain(before);
  expect(kept).not.toContain("Page &amp;P");

  // A first page set to differ is the user's set-up too, before anything is typed in it.
  const first = path.join(dir(), "first.xlsx");
  await setUp(first, { differentFirst: true });
  const set = /<headerFooter[^>]*differentFirst="1"[^>]*(?:\/>|>[\s\S]*?<\/headerFooter>)/.exec(
    sheetXml(await partsOf(first), "Customers"),
  )![0];
  const keptFirst = sheetXml(await reviewed(first), "Customers");
  expect(keptFirst).toContain(set);
  expect(keptFirst).not.toContain("Page &amp;P");
});

test("the policy history is laid out again by a review that adds no version: its pages carry that review's date, its widths stay", async () => {
  const once = path.join(dir(), "once.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  const next = path.join(dir(), "next.xlsx");
  const { code, stderr } = await runCli(once, "--as-of", "2026-12-31", "--out", next);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const [before, after] = [
    sheetXml(await partsOf(once), "Credit Policy History"),
    sheetXml(await partsOf(next), "Credit Policy History"),
  ];
  expect(before).toContain("<oddHeader>&amp;CCredit Policy History — 2026-11-30</oddHeader>");
  expect(after).toContain("<oddHeader>&amp;CCredit Policy History — 2026-12-31</oddHeader>");
  const cols = (xml: string) => /<cols>.*?<\/cols>/.exec(xml)?.[0];
  expect(cols(after)).toBe(cols(before));
  const rows = (xml: string) => /<sheetData>.*<\/sheetData>/.exec(xml)?.[0];
  expect(rows(after)).toBe(rows(before));
});

test("a print setup the user made on the summary stays a month later; an earlier run's is redone, with the paper it prints on", async () => {
  const once = path.join(dir(), "once.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  const parts = await partsOf(once);
  const summaryPart = [...parts].find(([, text]) => text === sheetXml(parts, "Credit Review Summary"))![0];
  const ours = sheetXml(parts, "Credit Review Summary");
  expect(ours).toContain('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  expect(ours).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="1"/>');
  const december = async (input: string) => {
    const out = path.join(dir(), `december-${Math.random().toString(36).slice(2)}.xlsx`);
    const run = await runCli(input, "--as-of", "2026-12-31", "--out", out);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    return sheetXml(await partsOf(out), "Credit Review Summary");
  };

  // As Excel saves one set up by hand: portrait, one page wide by as many tall, on A3, narrow side
  // margins, gridlines printed, with its printer's settings (a part the replaced sheet takes with it).
  const users = path.join(dir(), "users.xlsx");
  await withPart(once, users, summaryPart, (xml) =>
    xml
      .replace(
        /<pageMargins [^>]*\/>/,
        '<printOptions gridLines="1"/><pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      )
      .replace(/<pageSetup [^>]*\/>/, '<pageSetup paperSize="8" orientation="portrait" fitToHeight="0" r:id="rId9"/>'),
  );
  const kept = await december(users);
  expect(kept).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  expect(kept).toContain(
    '<printOptions gridLines="1"/><pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="8" orientation="portrait" fitToHeight="0"/><headerFooter>',
  );
  expect(count(kept, /<pageSetup[\s/]/g)).toBe(1);
  expect(count(kept, /<pageMargins[\s/]/g)).toBe(1);
  // The review's page breaks go with its setup: under the user's they would fall anywhere.
  expect(kept).not.toContain("<rowBreaks");

  // December's summary, with what changed since November and the portfolio over time, is longer
  // than one page holds at a size still read: the review's setup for it is a report on pages down.
  const report =
    /<pageSetup orientation="landscape" scale="(\d+)"\/><headerFooter>[\s\S]*<\/headerFooter><rowBreaks count="(\d+)"/;
  // Only the paper changed (Excel saves the A4 it printed on): the review's setup, on that paper.
  const paper = path.join(dir(), "paper.xlsx");
  await withPart(once, paper, summaryPart, (xml) =>
    xml.replace(/<pageSetup [^>]*\/>/, '<pageSetup paperSize="9" orientation="landscape" fitToHeight="1" r:id="rId9"/>'),
  );
  const onPaper = await december(paper);
  expect(onPaper).toContain(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="landscape" scale="',
  );
  expect(onPaper).toContain('<sheetPr><pageSetUpPr fitToPage="0"/></sheetPr>');
  // An earlier run's as it wrote it (one page in November): the review's again, December's report.
  const again = await december(once);
  const [, scale, breaks] = report.exec(again)!;
  expect(Number(scale)).toBeGreaterThanOrEqual(60);
  expect(Number(breaks)).toBeGreaterThanOrEqual(1);
  // Each page starts with a row that has something in column A (a section's title, a count's
  // label), never an empty row or a text's second line: a break's id is the last row above it.
  for (const [, id] of again.matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g))
    expect(again).toMatch(new RegExp(`<row r="${Number(id) + 1}"[^>]*><c r="A${Number(id) + 1}"`));
  expect(again).toContain('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  expect(again).not.toContain("<printOptions");
});

test("a print setup the user made on the policy, the archive or the policy history stays a month later; an earlier run's is redone, with the paper it prints on", async () => {
  const once = path.join(dir(), "once.xlsx");
  expect((await runCli(EXAMPLE, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
  const parts = await partsOf(once);
  const sheets = ["Credit Policy", "Credit Review Archive", "Credit Policy History"];
  const partOf = (name: string) => [...parts].find(([, text]) => text === sheetXml(parts, name))![0];
  /** A sheet's print setup: its fit, what else it prints, its margins and its page setup, as written. */
  const printed = (xml: string) => xml.match(/<sheetPr>.*?<\/sheetPr>|<printOptions[^>]*>|<pageMargins[^>]*>|<pageSetup[^>]*>/g);
  const NORMAL = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  // What the review writes: the policy on one landscape page, the tables across before down, the
  // history one portrait page wide, November's archive at 52% (its 45 rows on one band of pages on every paper).
  const ours = {
    "Credit Policy": [
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
      NORMAL,
      '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="1"/>',
    ],
    "Credit Review Archive": [
      '<sheetPr><pageSetUpPr fitToPage="0"/></sheetPr>',
      NORMAL,
      '<pageSetup orientation="landscape" scale="51" pageOrder="overThenDown"/>',
    ],
    "Credit Policy History": [
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
      NORMAL,
      '<pageSetup orientation="portrait" fitToWidth="1" fitToHeight="0"/>',
    ],
  } as Record<string, string[]>;
  for (const name of sheets) expect(printed(sheetXml(parts, name))).toEqual(ours[name]);
  /** `once` with each of the three sheets' print setup changed, reviewed a month later. */
  const december = async (change: (xml: string, name: string) => string) => {
    let input = once;
    for (const name of sheets) {
      const next = path.join(dir(), `changed-${Math.random().toString(36).slice(2)}.xlsx`);
      await withPart(input, next, partOf(name), (xml) => change(xml, name));
      input = next;
    }
    const out = path.join(dir(), `december-${Math.random().toString(36).slice(2)}.xlsx`);
    const run = await runCli(input, "--as-of", "2026-12-31", "--out", out);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    return partsOf(out);
  };

  // As Excel saves one set up by hand: portrait, one page wide by as many tall, on A3, narrow side
  // margins, gridlines printed.
  const users = [
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    '<printOptions gridLines="1"/>',
    '<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    '<pageSetup paperSize="8" orientation="portrait" fitToHeight="0"/>',
  ];
  const setUp = (xml: string) =>
    xml
      .replace(/<sheetPr>.*?<\/sheetPr>/, users[0])
      .replace(/<pageMargins [^>]*\/>/, users[1] + users[2])
      .replace(/<pageSetup [^>]*\/>/, users[3]);
  const kept = await december(setUp);
  for (const name of sheets) expect(printed(sheetXml(kept, name))).toEqual(users);
  // What the archive prints is still this review's rows.
  expect(kept.get("xl/workbook.xml")).toContain(
    `<definedName name="_xlnm.Print_Area" localSheetId="3">'Credit Review Archive'!$A$47:$V$91</definedName>`,
  );

  // Only the paper changed (Excel saves the A4 it printed on; it leaves out the policy's fit of one
  // page): the review's setup, on that paper.
  const onA4 = {
    "Credit Policy": '<pageSetup paperSize="9" orientation="landscape"/>',
    "Credit Review Archive": '<pageSetup paperSize="9" orientation="landscape" scale="60" pageOrder="overThenDown"/>',
    "Credit Policy History": '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>',
  } as Record<string, string>;
  const paper = await december((xml, name) => xml.replace(/<pageSetup [^>]*\/>/, onA4[name]));
  // December's plan, as an unchanged copy reviewed a month later writes it (the archive's scale from December's rows).
  const unchanged = await december((xml) => xml);
  expect(printed(sheetXml(unchanged, "Credit Review Archive"))).toEqual([
    '<sheetPr><pageSetUpPr fitToPage="0"/></sheetPr>',
    NORMAL,
    '<pageSetup orientation="landscape" scale="53" pageOrder="overThenDown"/>',
  ]);
  for (const name of sheets) {
    const [sheetPr, margins, pageSetup] = printed(sheetXml(unchanged, name))!;
    expect(printed(sheetXml(paper, name))).toEqual([
      sheetPr,
      margins,
      pageSetup.replace("<pageSetup ", '<pageSetup paperSize="9" '),
    ]);
  }
});

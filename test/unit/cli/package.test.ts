/**
 * The package layer's own parts: the XML scanner fed in pieces split at every point, entities,
 * CDATA and refused DOCTYPEs; SpreadsheetML's _xHHHH_ escapes both ways; which number formats
 * show dates; styles reused rather than added again on a re-run; relationship targets resolved.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { Styles } from "../../../src/cli/package/styles";
import { shownNumber } from "../../../src/engine/shown-text";
import { DATE_1904_OFFSET, isDateFormat } from "../../../src/engine/date-system";
import { columnLetter } from "../../../src/engine/a1";
import { resolvePart, SheetSurroundings, WorkbookPackage } from "../../../src/cli/package/package";
import { readSharedStrings } from "../../../src/cli/package/shared-strings";
import { ReadContext, readSheet } from "../../../src/cli/package/sheet-reader";
import { CellBudget } from "../../../src/cli/package/bounds";
import { Workbook } from "../../../src/cli/package/workbook";
import { escapeCellText, Token, unescapeCellText, XmlError, XmlScanner } from "../../../src/cli/package/xml";
import { ZipReader } from "../../../src/cli/package/zip-reader";
import { ZipWriter } from "../../../src/cli/package/zip-writer";
import { runCli } from "../../support/cli";

/** Every token of `xml` as text, fed in two pieces split at `split`. */
function tokens(xml: string, split: number): string[] {
  const scanner = new XmlScanner();
  const out: string[] = [];
  const drain = () => {
    for (;;) {
      const token = scanner.next();
      if (token === Token.NeedMore || token === Token.End) return;
      if (token === Token.Open)
        out.push(`<${scanner.name} ${JSON.stringify([...scanner.attributes()])}${scanner.selfClosing ? "/" : ""}>`);
      else if (token === Token.Close) out.push(`</${scanner.name}>`);
      else if (token === Token.Text) out.push(`text:${scanner.text()}`);
      scanner.mark = scanner.pos;
    }
  };
  scanner.feed(xml.slice(0, split));
  drain();
  scanner.feed(xml.slice(split));
  scanner.finish();
  drain();
  return out;
}

describe("the XML scanner", () => {
  const xml =
    '<?xml version="1.0"?><x:root a="1 > 0" b=\'it"s\'><!-- a > comment --><c r="A1" t="s"><v>12</v></c>' +
    "<t>a &amp; b &lt;&#65;&#x42;&gt;</t><![CDATA[<not a tag> &amp;]]><empty/></x:root>";

  test("gives the same tokens wherever the text is split", () => {
    const whole = tokens(xml, xml.length);
    expect(whole).toEqual([
      '<x:root [["a","1 > 0"],["b","it\\"s"]]>',
      '<c [["r","A1"],["t","s"]]>',
      "<v []>",
      "text:12",
      "</v>",
      "</c>",
      "<t []>",
      "text:a & b <AB>",
      "</t>",
      "text:<not a tag> &amp;",
      "<empty []/>",
      "</x:root>",
    ]);
    for (let split = 0; split <= xml.length; split++)
      expect({ split, tokens: tokens(xml, split) }).toEqual({ split, tokens: whole });
  });

  test("a chunk with a character past Latin-1 leaves the text after it one-byte (V8's compact form), however it was fed", () => {
    // v8.serialize tags a one-byte string '"' and a two-byte one 'c', after its two header bytes
    // and any padding (zero bytes that align a two-byte string).
    const form = (text: string) =>
      String.fromCharCode(
        v8
          .serialize(text)
          .subarray(2)
          .find((byte) => byte !== 0)!,
      );
    const scanner = new XmlScanner();
    scanner.feed('<row r="3"><c r="A3" t="inlineStr"><is><t>Aging: 1–30</t></is></c></row><row r="4"><c r="A4"><v>');
    // Row 3 consumed; row 4, cut off mid-cell, kept for the next chunk.
    for (let token = scanner.next(); token !== Token.NeedMore; token = scanner.next())
      if (token === Token.Close && scanner.name === "row") scanner.mark = scanner.pos;
    expect(form(scanner.buf)).toBe("c");
    scanner.feed("12</v></c></row>");
    expect(scanner.buf).toBe('<row r="4"><c r="A4"><v>12</v></c></row>');
    expect(form(scanner.buf)).toBe('"');
    // What still holds the character stays as it is.
    scanner.feed("<t>1–30</t>");
    expect(scanner.buf).toContain("1–30");
  });

  test("refuses a DOCTYPE, an undeclared entity and text that ends inside a tag", () => {
    expect(() => tokens('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', 60)).toThrow(XmlError);
    expect(() => tokens("<x>&bogus;</x>", 20)).toThrow(/undeclared entity &bogus;/);
    expect(() => tokens('<x a="1', 7)).toThrow(/ends inside/);
  });
});

test("SpreadsheetML escapes: control characters as _xHHHH_, a literal _xHHHH_ kept literal", () => {
  const text = "Evil\u001b[2J _x0041_ a<b";
  const escaped = escapeCellText(text);
  expect(escaped).toBe("Evil_x001B_[2J _x005F_x0041_ a&lt;b");
  expect(unescapeCellText("Evil_x001B_[2J")).toBe("Evil\u001b[2J");
});

test.each([
  ["yyyy-mm-dd", true],
  ['yyyy"年"m"月"d"日"', true],
  ["[$-409]d-mmm-yy;@", true],
  ["[h]:mm:ss", true],
  ["#,##0.00", false],
  ["0.0%", false],
  ['"days" 0', false],
  ["[Red]#,##0;[Blue]-#,##0", false],
  ["0.00E+00", false],
  ["General", false],
  ["@", false],
])("format %s shows a date: %s", (code, date) => {
  expect(isDateFormat(code)).toBe(date);
});

test("styles: the review's formats are added once and reused, the user's entries keep their indexes", () => {
  const first = new Styles();
  const money = first.cellStyle("#,##0.00", false);
  const bold = first.cellStyle("@", true);
  const fill = first.fill("#C6EFCE");
  const xml = first.toXml();
  const again = new Styles(xml);
  expect([again.cellStyle("#,##0.00", false), again.cellStyle("@", true), again.fill("#C6EFCE")]).toEqual([money, bold, fill]);
  expect(again.isChanged).toBe(false);
  expect(again.toXml()).toBe(xml);
  const dated = new Styles(xml);
  const date = dated.cellStyle("yyyy-mm-dd", false);
  expect(date).toBeGreaterThan(bold);
  expect(new Styles(dated.toXml()).dateStyles()).toEqual(new Set([date]));
});

test("styles: a built-in format Excel writes no code for is read as its code, so a response reads as the pane reads it", () => {
  const ids = [0, 14, 22, 20, 21, 46, 10, 4, 39, 31, 32, 49];
  const xml =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="12">' +
    ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`).join("") +
    "</cellXfs></styleSheet>";
  const styles = new Styles(xml);
  const shown = (value: number) => ids.map((_, style) => shownNumber(value, styles.formatCode(style)));
  // 2026-12-15 10:30 in each: General, a date, Excel's date and time (22), times, an elapsed time,
  // a percentage, a number, a negative number's brackets, a Chinese date (31) and time (32), text.
  expect(shown(46371.4375)).toEqual([
    "46371.4375",
    "2026-12-15",
    "2026-12-15 10:30",
    "10:30",
    "10:30:00",
    "1112914:30:00",
    "4637143.75%",
    "46,371.44",
    "46,371.44",
    "2026-12-15",
    "10:30",
    "46371.4375",
  ]);
  expect(shown(-1234.5).slice(7, 9)).toEqual(["-1,234.50", "(1,234.50)"]);
  expect([...styles.dateStyles()]).toEqual([1, 2, 3, 4, 5, 9, 10]);
});

test("styles: an indented text is left-aligned at indent 1 (an indent needs a horizontal alignment), wrapped or not", () => {
  const styles = new Styles();
  const indented = styles.cellStyle("@", false, { wrap: false, indent: true });
  const both = styles.cellStyle("@", true, { wrap: true, indent: true });
  const wrapped = styles.cellStyle("@", false, { wrap: true, indent: false });
  expect(new Set([indented, both, wrapped, styles.cellStyle("@", false)]).size).toBe(4);
  const xfs = /<cellXfs count="\d+">(.*)<\/cellXfs>/.exec(styles.toXml())![1].match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)!;
  expect(xfs[indented]).toContain('<alignment horizontal="left" indent="1"/>');
  expect(xfs[both]).toContain('<alignment horizontal="left" indent="1" wrapText="1"/>');
  expect(xfs[wrapped]).toContain('<alignment wrapText="1"/>');
  // A table's header over figures is right-aligned, as its figures are, whatever its column's indent.
  const right = styles.cellStyle("@", true, { wrap: false, indent: true }, true);
  expect(xfs.length).toBe(new Set([indented, both, wrapped]).size + 2);
  const after = /<cellXfs count="\d+">(.*)<\/cellXfs>/.exec(styles.toXml())![1].match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)!;
  expect(after[right]).toContain('<alignment horizontal="right"/>');
});

test("relationship targets: relative, absolute (as openpyxl writes them) and percent-encoded", () => {
  expect(resolvePart("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
  expect(resolvePart("xl/worksheets/sheet1.xml", "/xl/comments/comment1.xml")).toBe("xl/comments/comment1.xml");
  expect(resolvePart("xl/workbook.xml", "worksheets/my%20sheet.xml")).toBe("xl/worksheets/my sheet.xml");
});

test("a re-run does not grow the styles part", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-package-"));
  try {
    const input = path.join(dir, "customers.xlsx");
    fs.copyFileSync(path.resolve(__dirname, "../../../examples/customers.xlsx"), input);
    const once = path.join(dir, "once.xlsx");
    const twice = path.join(dir, "twice.xlsx");
    expect((await runCli(input, "--as-of", "2026-11-30", "--out", once)).code).toBe(0);
    expect((await runCli(once, "--as-of", "2026-12-31", "--out", twice)).code).toBe(0);
    const styles = async (file: string) => {
      const zip = await ZipReader.open(file, file);
      try {
        return await zip.text(zip.entry("xl/styles.xml")!);
      } finally {
        zip.close();
      }
    };
    expect(await styles(twice)).toBe(await styles(once));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a sheet read whole keeps the text around its cells, exactly; its top rows alone keep none", async () => {
  const file = path.resolve(__dirname, "../../../examples/customers.xlsx");
  const zip = await ZipReader.open(file, file);
  try {
    const pkg = await WorkbookPackage.open(zip);
    const sheet = pkg.sheets.find((s) => s.name === "Customers")!;
    const surroundings = new Map<string, SheetSurroundings>();
    const strings = await readSharedStrings(zip, pkg.workbookPartOf("sharedStrings"));
    const read = (maxRows?: number) => readSheet(readContext(zip, { strings, surroundings }), sheet, maxRows);
    await read(5);
    expect(surroundings.size).toBe(0);
    await read();
    const text = await zip.text(zip.entry(sheet.part)!);
    const around = surroundings.get(sheet.part.toLowerCase())!;
    expect(around.head).toBe(text.slice(0, text.indexOf("<sheetData>")));
    expect(around.tail).toBe(text.slice(text.indexOf("</sheetData>")));
    expect(around.tail).toMatch(/<pageMargins [^>]*\/>/);
  } finally {
    zip.close();
  }
});

test("the cells a sheet's read keeps hold none of its XML alive", async () => {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-package-"));
  try {
    const file = path.join(dir, "long.xlsx");
    // Five figures and thirty empty styled cells a row: a row's XML is many times what is kept of it.
    const figures = [1, 2, 3, 4, 5].map((c) => `<c r="${"CDEFG"[c - 1]}ROW"><v>${123450 + c}</v></c>`).join("");
    const empty = Array.from({ length: 30 }, (_, c) => `<c r="${columnLetter(c + 7)}ROW" s="1"/>`).join("");
    const rows: string[] = [];
    for (let r = 1; r <= 40_000; r++)
      rows.push(
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Customer ${r} of a long archive</t></is></c>` +
          `<c r="B${r}" t="inlineStr"><is><t>PREPAYMENT, RESTRICT_LIMIT</t></is></c>${(figures + empty).replace(/ROW/g, String(r))}</row>`,
      );
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
    await copyWithPart(path.resolve(__dirname, "../../../examples/customers.xlsx"), file, "xl/worksheets/sheet1.xml", xml);
    const zip = await ZipReader.open(file, file);
    try {
      const pkg = await WorkbookPackage.open(zip);
      const context = readContext(zip, { texts: new Map() });
      gc();
      const before = process.memoryUsage().heapUsed;
      const values = await readSheet(context, pkg.sheets[0]);
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      expect(values[39_999].slice(0, 2)).toEqual(["Customer 40000 of a long archive", "PREPAYMENT, RESTRICT_LIMIT"]);
      // The values are a small part of the XML; kept as views into it, they held all of it.
      expect(grown).toBeLessThan(xml.length / 2);
    } finally {
      zip.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("in a 1904 workbook a date-styled number is counted up into the 1900 days, and a date-styled 0 stays a blank date", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-package-"));
  try {
    const file = path.join(dir, "dates.xlsx");
    const cells = ['<c r="A1" s="1"><v>44000</v></c>', '<c r="B1" s="1"><v>0</v></c>', '<c r="C1"><v>44000</v></c>'].join("");
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    await copyWithPart(path.resolve(__dirname, "../../../examples/customers.xlsx"), file, "xl/worksheets/sheet1.xml", xml);
    const zip = await ZipReader.open(file, file);
    try {
      const pkg = await WorkbookPackage.open(zip);
      // Style 1 shows a date, as the workbook's styles would say.
      const values = await readSheet(readContext(zip, { dates1904: new Set([1]) }), pkg.sheets[0]);
      expect(values[0]).toEqual([44000 + DATE_1904_OFFSET, 0, 44000]);
    } finally {
      zip.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a formula saved with an empty value is a formula without a value, not a blank; an empty text result stays one", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-package-"));
  try {
    const file = path.join(dir, "formulas.xlsx");
    // As openpyxl and pandas write formulas they never calculated (<v></v>, <v/>), beside Excel's
    // own shapes: a saved number, a text formula whose result is empty, and a cell with no formula.
    const cells = [
      '<c r="A1"><f>1+1</f><v></v></c>',
      '<c r="B1"><f>SUM(C1:D1)</f><v/></c>',
      '<c r="C1" t="n"><f>A1*2</f><v> </v></c>',
      '<c r="D1"><f>1+1</f><v>2</v></c>',
      '<c r="E1" t="str"><f>""</f><v></v></c>',
      '<c r="F1"><v></v></c>',
    ].join("");
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    await copyWithPart(path.resolve(__dirname, "../../../examples/customers.xlsx"), file, "xl/worksheets/sheet1.xml", xml);
    const zip = await ZipReader.open(file, file);
    try {
      const pkg = await WorkbookPackage.open(zip);
      const noValue: string[] = [];
      const context = readContext(zip, { noValue });
      const [row] = await readSheet(context, pkg.sheets[0]);
      expect(row).toEqual([
        { error: expect.stringContaining("formula without a saved value: =1+1") },
        { error: expect.stringContaining("formula without a saved value: =SUM(C1:D1)") },
        { error: expect.stringContaining("formula without a saved value: =A1*2") },
        2,
        "",
        "",
      ]);
      expect(noValue).toEqual([`${pkg.sheets[0].name}!A1`, `${pkg.sheets[0].name}!B1`, `${pkg.sheets[0].name}!C1`]);
    } finally {
      zip.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("in a workbook that asks to be calculated when opened, no value saved with a formula is read; other cells are", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-package-"));
  try {
    const sample = path.resolve(__dirname, "../../../examples/customers.xlsx");
    // As XlsxWriter saves formulas: 0, or the value the program states; beside a plain number and a blank.
    const cells = [
      '<c r="A1"><f>40000+25000</f><v>0</v></c>',
      '<c r="B1"><f>4000+6000</f><v>10000</v></c>',
      '<c r="C1" t="str"><f>IF(A1&gt;1,"over","ok")</f><v>ok</v></c>',
      '<c r="D1"><v>5</v></c>',
      '<c r="E1" s="1"/>',
    ].join("");
    const sheetXml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    const withSheet = path.join(dir, "formulas.xlsx");
    await copyWithPart(sample, withSheet, "xl/worksheets/sheet1.xml", sheetXml);
    const zip = await ZipReader.open(withSheet, withSheet);
    const workbookXml = await zip.text(zip.entry("xl/workbook.xml")!);
    zip.close();
    expect(workbookXml).toMatch(/<calcPr [^>]*\/>/);
    const recalculating = path.join(dir, "recalculating.xlsx");
    await copyWithPart(
      withSheet,
      recalculating,
      "xl/workbook.xml",
      workbookXml.replace(/<calcPr /, '<calcPr fullCalcOnLoad="1" '),
    );

    const read = async (file: string) => {
      const workbook = await Workbook.open(file, file, "en");
      try {
        const sheet = workbook.sheets.find((s) => s.part === "xl/worksheets/sheet1.xml")!;
        const [row] = await workbook.values(sheet);
        const noValue = workbook.formulasWithoutValue.map((cell) => cell.replace(`${sheet.name}!`, "Sheet!"));
        return { row, noValue, calculatesOnOpen: workbook.calculatesOnOpen };
      } finally {
        workbook.close();
      }
    };
    // Without the request the saved values are the results, as Excel and LibreOffice save them.
    expect(await read(withSheet)).toEqual({ row: [0, 10000, "ok", 5], noValue: [], calculatesOnOpen: false });
    const uncalculated = "formula saved without being calculated (the workbook asks to be calculated when opened): ";
    expect(await read(recalculating)).toEqual({
      row: [
        { error: uncalculated + "=40000+25000" },
        { error: uncalculated + "=4000+6000" },
        { error: uncalculated + '=IF(A1>1,"over","ok")' },
        5,
      ],
      noValue: ["Sheet!A1", "Sheet!B1", "Sheet!C1"],
      calculatesOnOpen: true,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** What readSheet is given to read one sheet alone: English, 1900 dates, an ample budget; `more` as given. */
function readContext(zip: ZipReader, more: Partial<ReadContext> = {}): ReadContext {
  return {
    zip,
    strings: [],
    dates1904: new Set(),
    lang: "en",
    budget: new CellBudget(),
    noValue: [],
    formulasUncalculated: false,
    formulas: { read: 0 },
    ...more,
  };
}

/** A copy of a package with one part's text replaced, every other part copied as stored. */
async function copyWithPart(file: string, out: string, part: string, text: string): Promise<void> {
  const zip = await ZipReader.open(file, file);
  const fd = fs.openSync(out, "w");
  try {
    const writer = new ZipWriter(fd);
    for (const entry of zip.entries.values()) {
      if (entry.name === part) await writer.add(entry.name, text);
      else await writer.copy(entry, await zip.rawStream(entry));
    }
    writer.finish();
  } finally {
    fs.closeSync(fd);
    zip.close();
  }
}

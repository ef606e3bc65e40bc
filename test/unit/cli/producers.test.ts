/**
 * Workbooks as real tools write them (test/cases/producers, built by
 * scripts/make-producer-corpus.py: openpyxl, LibreOffice Calc, Gnumeric and Excel-shaped
 * packages) through the command line. For each: the expected customers, warnings and errors
 * (and the headers read through the column mapping the task pane kept in the workbook);
 * every part of the input the review does not own comes back byte for byte and none is lost;
 * every XML part written is well-formed (checked by saxes, not by our own scanner); exceljs
 * reads every sheet of the copy; the copy can be reviewed again; and LibreOffice opens every
 * reviewed copy and shows the review in it.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { SaxesParser } from "saxes";
import { activeTab } from "../../../src/cli/package/book-views";
import { Workbook } from "../../../src/cli/package/workbook";
import { WorkbookPackage } from "../../../src/cli/package/package";
import { ZipReader } from "../../../src/cli/package/zip-reader";
import { isReviewSheet } from "../../../src/engine/review/sheets";
import { toPdf } from "../../../scripts/render-report";
import { runCli } from "../../support/cli";
import { partBytesOf, viewsOf } from "../../support/views";

const CORPUS = path.resolve(__dirname, "../../cases/producers");
interface Case {
  readonly file: string;
  readonly description: string;
  readonly customers: number;
  readonly sheet?: string;
  readonly warnings?: Record<string, string[]>;
  readonly rowErrors?: { row: number; contains: string }[];
  /** A customer's note (a check not computed) that must be among its notes. */
  readonly rowNotes?: { row: number; contains: string }[];
  readonly noValue?: string[];
  readonly date1904?: boolean;
  /** Headers read only through the column mapping the task pane kept in the workbook: header → field. */
  readonly mapped?: Record<string, string>;
  /** The customer sheet's Excel table, grown over the review's columns: its part (then the review's) and its new ref. */
  readonly customerTable?: { part: string; ref: string };
}
const { asOf, lang, cases } = JSON.parse(fs.readFileSync(path.join(CORPUS, "expectations.json"), "utf8")) as {
  asOf: string;
  lang: "en" | "zh";
  cases: Case[];
};

/** Inputs exceljs itself fails on (the chart drawing openpyxl writes; the table part openpyxl names by an absolute target), before any review. */
const EXCELJS_CANNOT_READ = new Set(["openpyxl-chart-comments-table.xlsx", "openpyxl-customer-table.xlsx"]);

async function exceljsTabs(file: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.map((w) => w.name);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-producers-"));
const reviewed: { file: string; names: string[] }[] = [];
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The parts a review owns in this input: the reviewed sheet, its own sheets, and the bookkeeping. */
async function ownedParts(file: string, reviewedSheet: string): Promise<Set<string>> {
  const zip = await ZipReader.open(file, file);
  try {
    const pkg = await WorkbookPackage.open(zip);
    const owned = new Set(["[Content_Types].xml", pkg.workbookPart, pkg.workbookPart.replace(/([^/]*)$/, "_rels/$1.rels")]);
    const styles = pkg.workbookPartOf("styles");
    if (styles) owned.add(styles.name);
    for (const sheet of pkg.sheets) if (sheet.name === reviewedSheet || isReviewSheet(sheet.name)) owned.add(sheet.part);
    const calcChain = pkg.workbookPartOf("calcChain");
    if (calcChain) owned.add(calcChain.name);
    return owned;
  } finally {
    zip.close();
  }
}

function wellFormed(name: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  parser.on("error", (e) => (error ??= e));
  parser.write(xml).close();
  expect({ part: name, error: error?.message }).toEqual({ part: name, error: undefined });
}

test("the corpus has a workbook from every producer", () => {
  const files = fs.readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f));
  expect(files.sort()).toEqual(cases.map((c) => c.file).sort());
  for (const producer of [
    "openpyxl",
    "libreoffice",
    "gnumeric",
    "excel-1904",
    "excel-macros",
    "excel-pivot",
    "excel-very-hidden",
    "excel-formulas",
    "excel-task-pane",
    "openpyxl-customer-table",
    "xlsxwriter",
  ])
    expect(files.some((f) => f.startsWith(producer))).toBe(true);
});

describe.each(cases.map((c) => [c.file, c] as const))("%s", (_file, c) => {
  test(`${c.description}: reviewed, every part it does not own kept byte for byte`, async () => {
    const input = path.join(dir, c.file);
    fs.copyFileSync(path.join(CORPUS, c.file), input);
    // No --out: the reviewed copy is named after the input, and an .xlsm stays an .xlsm.
    const { code, result, stderr } = await runCli(input, "--as-of", asOf, "--lang", lang);
    const output = input.replace(/\.(xls[xm])$/, `.reviewed-${asOf}.$1`);
    expect({ code, stderr: c.noValue ? "" : stderr }).toEqual({ code: 0, stderr: "" });
    if (c.noValue) expect(stderr).toContain(c.noValue.join(", "));
    expect(fs.existsSync(output)).toBe(true);
    const r = result!;
    expect(r.customers).toHaveLength(c.customers);
    if (c.sheet) expect(r.sheet).toBe(c.sheet);
    const failed = Object.fromEntries(r.customers.filter((x) => x.errors.length).map((x) => [x.row, x.errors[0].message]));
    expect(failed).toEqual(Object.fromEntries((c.rowErrors ?? []).map((e) => [e.row, expect.stringContaining(e.contains)])));
    for (const { row, contains } of c.rowNotes ?? []) {
      const notes = r.customers.find((x) => x.row === row)!.notes.map((n) => n.reason.message);
      expect({ row, notes }).toEqual({ row, notes: expect.arrayContaining([expect.stringContaining(contains)]) });
    }
    for (const [row, codes] of Object.entries(c.warnings ?? {})) {
      const found = r.customers.find((x) => String(x.row) === row)!.findings.map((f) => f.code);
      expect({ row, codes: found.sort() }).toEqual({ row, codes: [...codes].sort() });
    }
    const read = Object.fromEntries(r.columns.found.map((f) => [f.header, f.field]));
    for (const [header, field] of Object.entries(c.mapped ?? {}))
      expect({ header, field: read[header] }).toEqual({ header, field });

    const [before, after] = [await partBytesOf(input), await partBytesOf(output)];
    const owned = await ownedParts(input, r.sheet);
    // The customer table's part is the review's to grow when the table is the customer list; every other table's stays.
    if (c.customerTable) {
      owned.add(c.customerTable.part);
      const table = after.get(c.customerTable.part)!.toString("utf8");
      expect(table).toMatch(new RegExp(`<table [^>]*ref="${c.customerTable.ref}"`));
      expect(table).toContain(`<autoFilter ref="${c.customerTable.ref}"/>`);
    }
    let kept = 0;
    for (const [name, bytes] of before) {
      if (owned.has(name)) continue;
      expect({ part: name, kept: after.get(name)?.equals(bytes) }).toEqual({ part: name, kept: true });
      kept++;
    }
    expect(kept).toBeGreaterThan(0);
    // The workbook part gains the review's new sheets, the built-in names of their print titles,
    // print area and filters, and its first window's active tab moves to the summary when the customer sheet
    // was the active one (open-summary.test.ts): nothing else. The user's defined names, other view
    // settings and calculation settings stay as they were.
    const workbookPart = [...owned].find((n) => /workbook\d*\.xml$/.test(n) && !n.includes("_rels"))!;
    const [head, tail] = before
      .get(workbookPart)!
      .toString("utf8")
      .split(/<\/(?:\w+:)?sheets>/);
    const original = before.get(workbookPart)!.toString("utf8");
    const tabNames = (xml: string) => [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]);
    const opened = after.get(workbookPart)!.toString("utf8");
    const switched = tabNames(original)[activeTab(original)] === r.sheet;
    // Never two tabs selected: Excel would open with the sheets grouped.
    if (switched) expect((await viewsOf(output)).selected).toEqual(["Credit Review Summary"]);
    expect(tabNames(opened)[activeTab(opened)]).toBe(
      switched ? "Credit Review Summary" : tabNames(original)[activeTab(original)],
    );
    const windowOf = (xml: string) => /<(?:\w+:)?workbookView\b[^>]*>/.exec(xml)?.[0];
    const viewSettings = (tag: string | undefined) => tag?.replace(/\s(activeTab|firstSheet)="\d+"/g, "");
    expect(viewSettings(windowOf(opened))).toBe(viewSettings(windowOf(original)) ?? '<workbookView activeTab="2"/>');
    const ours =
      /<(\w+:)?definedName name="_xlnm\.(?:Print_Titles|Print_Area|_FilterDatabase)" localSheetId="\d+"[^>]*>[^<]*<\/(\w+:)?definedName>/g;
    const added = (after.get(workbookPart)!.toString("utf8").match(ours) ?? []).filter((name) => !original.includes(name));
    expect(added.length).toBeGreaterThan(0);
    let written = opened;
    for (const name of added) written = written.replace(name, "");
    const window = windowOf(original);
    written = window ? written.replace(windowOf(written)!, window) : written.replace(/<bookViews>.*?<\/bookViews>/, "");
    // With no names of its own the part had no definedNames element, or an empty one (openpyxl's).
    if (!/<(\w+:)?definedNames[\s>]/.test(original))
      written = written.replace(
        /<(\w+:)?definedNames><\/(\w+:)?definedNames>/,
        /<(\w+:)?definedNames\/>/.exec(original)?.[0] ?? "",
      );
    expect(written.startsWith(head)).toBe(true);
    expect(written.endsWith(tail)).toBe(true);
    for (const name of before.keys())
      if (!name.endsWith("calcChain.xml")) expect({ part: name, there: after.has(name) }).toEqual({ part: name, there: true });
    for (const [name, bytes] of after) if (/\.(xml|rels)$/.test(name)) wellFormed(name, bytes.toString("utf8"));
    // The summary's chart is a chart part.
    expect([...after.keys()].some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n) && !before.has(n))).toBe(true);

    // exceljs, which many users' own tools read workbooks with, finds every tab, the review's among them.
    if (EXCELJS_CANNOT_READ.has(c.file)) await expect(exceljsTabs(input)).rejects.toThrow();
    else expect(await exceljsTabs(output)).toEqual(tabNames(opened));

    // Written dates are in the workbook's own date system: read back, they are the review's dates.
    const copy = await Workbook.open(output, output, "en");
    try {
      expect(copy.date1904).toBe(c.date1904 === true);
      const sheet = await copy.values(copy.sheet(r.sheet)!);
      const header = sheet[r.columns.headerRow - 1].map(String);
      const next = header.indexOf("Next review");
      const first = r.customers.find((x) => x.nextReview !== undefined)!;
      expect(sheet[first.row - 1][next]).toBe(first.nextReview);
    } finally {
      copy.close();
    }
    // …and the copy is a workbook the review reads again.
    const again = await runCli(output, "--as-of", asOf, "--lang", lang, "--out", path.join(dir, `again-${c.file}`));
    expect(again.code).toBe(0);
    expect(again.result!.customers).toHaveLength(c.customers);
    reviewed.push({ file: output, names: r.customers.map((x) => x.name).filter(Boolean) });
  });
});

test("LibreOffice opens every reviewed copy and shows the review", () => {
  expect(reviewed).toHaveLength(cases.length);
  const out = toPdf(
    reviewed.map((r) => r.file),
    dir,
  );
  for (const r of reviewed) {
    const pdf = path.join(out, path.basename(r.file).replace(/\.xls[xm]$/, ".pdf"));
    expect({ pdf: path.basename(pdf), exists: fs.existsSync(pdf) }).toEqual({ pdf: path.basename(pdf), exists: true });
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Credit Review Summary");
    expect(text).toContain("Risk score");
    expect(text).toContain(r.names[0]);
  }
}, 300_000);

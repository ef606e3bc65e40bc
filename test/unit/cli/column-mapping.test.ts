/**
 * The column mapping the task pane keeps in the workbook (Office's document settings of the
 * add-in, in its web extension part), read by the command line. The producer workbooks
 * (test/cases/producers/excel-task-pane-mapping*.xlsx, built by scripts/make-producer-corpus.py
 * in the shape Office writes) give the same review through the command line as through the
 * pane's path with the settings Office hands the pane from that part, in English and Chinese
 * headers; only this add-in's part is read; the report says the mapping was used and what of it
 * was not; a value that cannot be read is one line naming its part; the part is bounded before
 * it is read and comes back byte for byte.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Readable } from "node:stream";
import * as zlib from "node:zlib";
import { SaxesParser } from "saxes";
import { LIMITS } from "../../../src/cli/package/bounds";
import { ADDIN_ID } from "../../../src/cli/package/web-extensions";
import { Workbook } from "../../../src/cli/package/workbook";
import { ZipEntry, ZipReader } from "../../../src/cli/package/zip-reader";
import { ZipWriter } from "../../../src/cli/package/zip-writer";
import { serialFromYMD } from "../../../src/engine/cells";
import { CreditError } from "../../../src/engine/errors";
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { loadMapping, readForReviewWith } from "../../../src/taskpane/excel";
import { reviewInputOf } from "../../../src/taskpane/model";
import { runCli, tempDirPerTest } from "../../support/cli";
import { FakeExcel, installExcelGlobals } from "../../support/fake-excel";
import { partBytesOf } from "../../support/views";

const ROOT = path.resolve(__dirname, "../../..");
const CORPUS = path.join(ROOT, "test/cases/producers");
const AS_OF = "2026-11-30";
const OURS = "xl/webextensions/webextension2.xml";
const THEIRS = "xl/webextensions/webextension1.xml";

let fake: FakeExcel;
installExcelGlobals(() => fake);
const dir = tempDirPerTest("credit-mapping-");
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

/** The add-in's Id as manifest.xml declares it. */
const MANIFEST_ID = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"))![1];

/**
 * The settings Office hands this add-in from a package: the properties of the web extension part
 * whose reference names the manifest's Id, each value parsed as JSON (read here with saxes, not
 * with the command line's own reader).
 */
async function officeSettings(file: string): Promise<Record<string, unknown>> {
  const parts = await partBytesOf(file);
  for (const [name, bytes] of parts) {
    if (!/^xl\/webextensions\/webextension\d+\.xml$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    let reference: string | undefined;
    const settings: Record<string, unknown> = {};
    parser.on("opentag", (tag) => {
      const attr = (local: string) =>
        Object.values(tag.attributes).find((a) => typeof a !== "string" && a.local === local)?.value;
      if (tag.local === "reference" && reference === undefined) reference = attr("id");
      if (tag.local === "property") settings[attr("name")!] = JSON.parse(attr("value")!);
    });
    parser.write(bytes.toString("utf8")).close();
    if (reference?.toLowerCase() === MANIFEST_ID.toLowerCase()) return settings;
  }
  return {};
}

/** The pane's review of the workbook's sheet: its read of the cells, the mapping Office gives it, runReview. */
async function paneReview(file: string, sheetName: string, lang: Lang) {
  const settings = await officeSettings(file);
  (globalThis as { Office?: unknown }).Office = {
    context: { document: { settings: { get: (name: string) => settings[name] } } },
  };
  const book = await Workbook.open(file, file, "en");
  fake = new FakeExcel();
  try {
    for (const sheet of book.sheets) fake.addSheet(sheet.name, await book.values(sheet));
  } finally {
    book.close();
  }
  const read = await readForReviewWith(
    fake.context,
    sheetName,
    fake.sheets.map((s) => s.name),
  );
  const mapping = loadMapping();
  const asOf = serialFromYMD(2026, 11, 30);
  return { mapping, read, result: runReview(reviewInputOf(read, DEFAULT_POLICY, asOf, mapping), lang), asOf };
}

/** The workbook with one part's text replaced, or its declared size forged; every other part copied as stored. */
async function edited(
  source: string,
  name: string,
  part: string,
  edit: { text?: string; declaredSize?: number },
): Promise<string> {
  const file = path.join(dir(), name);
  const zip = await ZipReader.open(source, source);
  const fd = fs.openSync(file, "w");
  const out = new ZipWriter(fd);
  try {
    for (const entry of zip.entries.values()) {
      if (entry.name !== part) await out.copy(entry, await zip.rawStream(entry));
      else if (edit.text !== undefined) await out.add(part, edit.text);
      else {
        const text = await zip.text(entry);
        const compressed = zlib.deflateRawSync(Buffer.from(text));
        const forged: ZipEntry = {
          ...entry,
          compressedSize: compressed.length,
          uncompressedSize: edit.declaredSize!,
          compressionMethod: 8,
        };
        await out.copy(forged, Readable.from([compressed]));
      }
    }
    out.finish();
  } finally {
    fs.closeSync(fd);
    zip.close();
  }
  return file;
}

const FIXTURE = path.join(CORPUS, "excel-task-pane-mapping.xlsx");

test("the add-in's id is the manifest's", () => {
  expect(ADDIN_ID).toBe(MANIFEST_ID);
});

describe.each([
  ["excel-task-pane-mapping.xlsx", "Customers", "en"],
  ["excel-task-pane-mapping.xlsx", "Customers", "zh"],
  ["excel-task-pane-mapping-zh.xlsx", "客户信用", "zh"],
  ["excel-task-pane-mapping-zh.xlsx", "客户信用", "en"],
] as const)("%s, sheet %s, --lang %s", (file, sheet, lang) => {
  test("the command line's review is the pane's with the mapping Office hands it", async () => {
    const input = path.join(CORPUS, file);
    const pane = await paneReview(input, sheet, lang);
    // Without the mapping the pane could not review the sheet: the mapping is what both read it with.
    expect(() => runReview(reviewInputOf(pane.read, DEFAULT_POLICY, pane.asOf, {}), lang)).toThrow(CreditError);
    const { code, result, stderr } = await runCli(input, "--as-of", AS_OF, "--lang", lang, "--out", path.join(dir(), "out.xlsx"));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(result!.sheet).toBe(sheet);
    expect(result).toEqual(pane.result);
    // The optional columns mapped by hand are read too: the overdue amounts and the news date.
    expect(result!.customers.map((c) => c.overdueAmount)).toEqual([0, 12000, 20000, 0]);
    expect(result!.customers[2].findings.map((f) => f.code)).toContain("NEGATIVE_NEWS");
  });
});

test("the report says a mapping kept in the workbook was used, and which of its entries were not read, as the pane reads them", async () => {
  const out = path.join(dir(), "out.xlsx");
  const json = JSON.parse((await runCli(FIXTURE, "--as-of", AS_OF, "--out", out, "--json")).stdout);
  // Only this add-in's part is read: the other add-in's, first, keeps a setting of the same name.
  expect(json.columnMapping).toEqual({
    part: OURS,
    used: [
      { header: "Pay record", field: "paymentHistory", column: "C" },
      { header: "Delivery record", field: "contractPerformance", column: "D" },
      { header: "Approved line", field: "creditLimit", column: "H" },
      { header: "Past-due balance", field: "overdueAmount", column: "J" },
      { header: "Bad press date", field: "negativeNewsDate", column: "K" },
    ],
    unused: [{ header: "Credit line (old)", field: "creditLimit", reason: "notOnSheet" }],
    unknownFields: [{ header: "Sales rep", field: "accountManager" }],
  });
  // The entries the review took are the pane's: the one naming no field is left out by both.
  const pane = await paneReview(FIXTURE, "Customers", "en");
  expect(Object.keys(pane.mapping).sort()).toEqual(
    [...json.columnMapping.used, ...json.columnMapping.unused].map((u) => u.header).sort(),
  );

  const en = (await runCli(FIXTURE, "--as-of", AS_OF, "--out", path.join(dir(), "en.xlsx"))).stdout.split("\n");
  expect(en.slice(1, 3)).toEqual([
    'Headers mapped by hand in the task pane, kept in the workbook: C "Pay record" as Payment history, D "Delivery record" as Contract performance, ' +
      'H "Approved line" as Credit limit, J "Past-due balance" as Overdue amount, K "Bad press date" as Negative news date',
    'Mapped by hand but not read: "Credit line (old)" (no such header on this sheet), "Sales rep" (the review has no field "accountManager")',
  ]);
  const zh = (
    await runCli(
      path.join(CORPUS, "excel-task-pane-mapping-zh.xlsx"),
      "--as-of",
      AS_OF,
      "--lang",
      "zh",
      "--out",
      path.join(dir(), "zh.xlsx"),
    )
  ).stdout.split("\n");
  expect(zh[1]).toBe(
    "在任务窗格中手动映射的表头（保存在工作簿中）：C 列“付款历史评分”作为付款历史、D 列“合同履约”作为合同履行情况、E 列“行业风险等级”作为行业风险、" +
      "F 列“市场信誉”作为市场口碑、G 列“合规情况”作为合规记录、H 列“信用限额（元）”作为信用额度、J 列“逾期账款”作为逾期金额、K 列“负面舆情日期”作为负面新闻日期",
  );
});

test("the mapping's part comes back byte for byte, and the other add-in's", async () => {
  const out = path.join(dir(), "out.xlsx");
  expect((await runCli(FIXTURE, "--as-of", AS_OF, "--out", out)).code).toBe(0);
  const [before, after] = [await partBytesOf(FIXTURE), await partBytesOf(out)];
  for (const part of [OURS, THEIRS, "xl/webextensions/taskpanes.xml", "xl/webextensions/_rels/taskpanes.xml.rels"])
    expect({ part, kept: after.get(part)?.equals(before.get(part)!) }).toEqual({ part, kept: true });
});

describe("a mapping that cannot be read", () => {
  const ours = async () => (await partBytesOf(FIXTURE)).get(OURS)!.toString("utf8");

  test.each([
    ["not JSON", "{&quot;Pay record&quot;:", /its value is not JSON \(/],
    ["a list, not a table", "[&quot;paymentHistory&quot;]", /its value is not a table of headers and fields/],
  ])("%s: one line naming its part, and the review goes on without it", async (_what, value, reason) => {
    const xml = (await ours()).replace(/(name="credit\.columnMapping" value=")[^"]*"/, `$1${value}"`);
    const file = await edited(FIXTURE, "bad.xlsx", OURS, { text: xml });
    const { code, stderr } = await runCli(file, "--as-of", AS_OF, "--out", path.join(dir(), "out.xlsx"));
    const lines = stderr.split("\n");
    expect(lines[0]).toMatch(
      /^credit-review: the column mapping kept in the workbook \(xl\/webextensions\/webextension2\.xml\) could not be read: /,
    );
    expect(lines[0]).toMatch(reason);
    expect(lines[0]).toMatch(/; the review went on without it$/);
    // Without it the sheet's payment history is no known column: no customer sheet, as the pane would find none.
    expect(code).toBe(2);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^credit-review: no sheet with customer columns/)]);
    expect(stderr).not.toMatch(/\n\s+at |Error:/);
  });

  test("a part that is not XML: one line naming it", async () => {
    const xml = (await ours()).replace("<we:bindings/>", "<we:bindings id=b/>");
    const file = await edited(FIXTURE, "not-xml.xlsx", OURS, { text: xml });
    const { stderr } = await runCli(file, "--as-of", AS_OF, "--out", path.join(dir(), "out.xlsx"));
    expect(stderr.split("\n")[0]).toMatch(
      /^credit-review: the column mapping kept in the workbook \(xl\/webextensions\/webextension2\.xml\) could not be read: the part is not well-formed XML \(/,
    );
  });
});

test("the part's size is checked before it is read: one past the bound is refused naming it; another add-in's is never read", async () => {
  const size = LIMITS.webExtensionBytes + 1024 * 1024;
  const big = await edited(FIXTURE, "big.xlsx", OURS, { declaredSize: size });
  const { code, stderr } = await runCli(big, "--as-of", AS_OF, "--out", path.join(dir(), "out.xlsx"));
  expect(code).toBe(2);
  expect(stderr).toBe(
    "credit-review: part xl/webextensions/webextension2.xml is 17 MiB uncompressed; the command line reads parts of at most 16 MiB",
  );
  const theirs = await edited(FIXTURE, "theirs-big.xlsx", THEIRS, { declaredSize: size });
  const other = await runCli(theirs, "--as-of", AS_OF, "--out", path.join(dir(), "out2.xlsx"), "--json");
  expect(other.code).toBe(0);
  expect(JSON.parse(other.stdout).columnMapping.part).toBe(OURS);
});

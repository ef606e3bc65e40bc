/**
 * A workbook the command line cannot unpack or read is said in one line of the run's language
 * naming what is wrong and what to do (copy it again, save it without a password, open and save
 * it in Excel), on stderr and in --json's error, exit 2: never the zip or zlib library's bare text.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli, tempDirPerTest } from "../../support/cli";
import { customerSheet } from "../taskpane/workbooks";

const dir = tempDirPerTest("credit-damaged-");
const SHEET_PART = "xl/worksheets/sheet1.xml";

async function sound(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Customers").addRows(customerSheet(300));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function saved(name: string, bytes: Buffer): string {
  const file = path.join(dir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The offsets of a part's local header and central directory record in a zip's bytes. */
function headersOf(zip: Buffer, part: string): { local: number; central: number } {
  const name = Buffer.from(part);
  const find = (signature: number, nameAt: number) => {
    for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
      const start = at - nameAt;
      if (start >= 0 && zip.readUInt32LE(start) === signature) return start;
    }
    throw new Error(`no header of ${part}`);
  };
  return { local: find(0x04034b50, 30), central: find(0x02014b50, 46) };
}

/** Where a part's compressed bytes start, and how many there are. */
function dataOf(zip: Buffer, part: string): { start: number; size: number } {
  const { local, central } = headersOf(zip, part);
  return {
    start: local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28),
    size: zip.readUInt32LE(central + 20),
  };
}

/** The workbook with one of the sheet part's header fields changed in both its headers (local at `localAt`, central at `localAt` + 2). */
function withHeaderField(zip: Buffer, localAt: number, write: (buf: Buffer, at: number) => void): Buffer {
  const copy = Buffer.from(zip);
  const { local, central } = headersOf(copy, SHEET_PART);
  write(copy, local + localAt);
  write(copy, central + localAt + 2);
  return copy;
}

async function refusals(file: string) {
  const runs = {
    en: await runCli(file, "--lang", "en", "--out", path.join(dir(), "out.xlsx")),
    zh: await runCli(file, "--lang", "zh", "--out", path.join(dir(), "out.xlsx")),
    json: await runCli(file, "--lang", "en", "--json", "--out", path.join(dir(), "out.xlsx")),
  };
  for (const run of Object.values(runs)) expect(run.code).toBe(2);
  expect(runs.en.stderr.split("\n")).toHaveLength(1);
  expect(runs.zh.stderr.split("\n")).toHaveLength(1);
  expect(fs.existsSync(path.join(dir(), "out.xlsx"))).toBe(false);
  const error = (JSON.parse(runs.json.stdout) as { error: { kind: string; key: string; message: string } }).error;
  expect(runs.json.stderr).toBe(`credit-review: ${error.message}`);
  return { en: runs.en.stderr, zh: runs.zh.stderr, error };
}

const COPY_AGAIN_EN =
  "A file copied while it was still being written or downloaded looks like this: copy or save it again, then run the review again";
const COPY_AGAIN_ZH = "文件在写完或下载完之前被复制就会这样：请重新复制或保存该文件，再运行审查";
const SAVE_AGAIN_EN =
  "The program that wrote the file broke it: open it in Excel or LibreOffice, save it, then run the review again";
const SAVE_AGAIN_ZH = "写出该文件的程序损坏了它：请用 Excel 或 LibreOffice 打开并保存，再运行审查";

test("a workbook cut off (a copy of one still being written): incomplete or damaged, copy it again, with zip's words as the detail", async () => {
  const whole = await sound();
  const file = saved("cut.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
  const { en, zh, error } = await refusals(file);
  const detail = "(End of central directory record signature not found. Either not a zip file, or file is truncated.)";
  expect(en).toBe(
    `credit-review: ${file} is incomplete or damaged: its list of parts could not be read ${detail}. ${COPY_AGAIN_EN}`,
  );
  expect(zh).toBe(`credit-review: ${file} 不完整或已损坏：无法读取其部件列表（${detail.slice(1, -1)}）。${COPY_AGAIN_ZH}`);
  expect(error).toEqual({ exitCode: 2, kind: "workbook", key: "cli.damagedFile", message: en.replace("credit-review: ", "") });
});

test("bytes overwritten inside the sheet's deflated data: the part is named, and the remedy is to copy the file again", async () => {
  const bytes = await sound();
  const { start, size } = dataOf(bytes, SHEET_PART);
  expect(size).toBeGreaterThan(1000);
  bytes.fill(0x55, start + Math.floor(size / 3), start + Math.floor(size / 3) + 64);
  const file = saved("overwritten.xlsx", bytes);
  const { en, zh, error } = await refusals(file);
  expect(en).toMatch(
    new RegExp(
      `^credit-review: .*overwritten\\.xlsx is incomplete or damaged: its part ${SHEET_PART} (could not be unpacked \\(.+\\)|does not match the checksum the file gives for it)\\. ${COPY_AGAIN_EN}$`,
    ),
  );
  expect(zh).toMatch(
    new RegExp(`^credit-review: .*overwritten\\.xlsx 不完整或已损坏：其部件 ${SHEET_PART} .+。${COPY_AGAIN_ZH}$`),
  );
  expect(error.key).toBe("cli.damagedFile");
});

test("a part whose bytes inflate but do not match its checksum is damaged too", async () => {
  const bytes = await sound();
  const crcAt = 14;
  const file = saved(
    "checksum.xlsx",
    withHeaderField(bytes, crcAt, (buf, at) => buf.writeUInt32LE((buf.readUInt32LE(at) ^ 1) >>> 0, at)),
  );
  const { en, zh, error } = await refusals(file);
  expect(en).toBe(
    `credit-review: ${file} is incomplete or damaged: its part ${SHEET_PART} does not match the checksum the file gives for it. ${COPY_AGAIN_EN}`,
  );
  expect(zh).toBe(`credit-review: ${file} 不完整或已损坏：其部件 ${SHEET_PART} 与文件为它记录的校验和不符。${COPY_AGAIN_ZH}`);
  expect(error.key).toBe("cli.damagedFile");
});

test("an encrypted part: save the workbook without a password", async () => {
  const flagsAt = 6;
  const file = saved(
    "encrypted.xlsx",
    withHeaderField(await sound(), flagsAt, (buf, at) => buf.writeUInt16LE(buf.readUInt16LE(at) | 1, at)),
  );
  const { en, zh, error } = await refusals(file);
  expect(en).toBe(
    `credit-review: ${file} could not be unpacked: its part ${SHEET_PART} is encrypted, as in a file packed with a password. Save the workbook again without a password, then run the review again`,
  );
  expect(zh).toBe(
    `credit-review: ${file} 无法解包：其部件 ${SHEET_PART} 已加密，文件是用密码打包的。请不设密码重新保存工作簿，再运行审查`,
  );
  expect(error.key).toBe("cli.encryptedFile");
});

test("a compression no spreadsheet program writes: open and save it in Excel", async () => {
  const methodAt = 8;
  const file = saved(
    "lzma.xlsx",
    withHeaderField(await sound(), methodAt, (buf, at) => buf.writeUInt16LE(14, at)),
  );
  const { en, zh, error } = await refusals(file);
  expect(en).toBe(
    `credit-review: ${file} could not be read: its part ${SHEET_PART} is compressed with method 14, which spreadsheet programs do not write. ${SAVE_AGAIN_EN}`,
  );
  expect(zh).toBe(
    `credit-review: ${file} 无法读取：其部件 ${SHEET_PART} 使用压缩方法 14，电子表格程序不会写出这种压缩。${SAVE_AGAIN_ZH}`,
  );
  expect(error.key).toBe("cli.brokenFile");
});

/** The sound workbook with the sheet part's XML edited as a tool that breaks it would write it. */
async function withSheetXml(edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await sound());
  zip.file(SHEET_PART, edit(await zip.file(SHEET_PART)!.async("string")));
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

test("rows out of order, written by a tool that broke the file: open and save it in Excel or LibreOffice", async () => {
  const file = saved("rows.xlsx", await withSheetXml((xml) => xml.replace('<row r="3"', '<row r="1"')));
  const { en, zh, error } = await refusals(file);
  expect(en).toBe(`credit-review: ${file} could not be read: on sheet "Customers", row 1 comes after row 2. ${SAVE_AGAIN_EN}`);
  expect(zh).toBe(`credit-review: ${file} 无法读取：工作表“Customers”中，第 1 行排在第 2 行之后。${SAVE_AGAIN_ZH}`);
  expect(error.key).toBe("cli.brokenFile");
});

test("a sheet part that is not well-formed XML is named, the scanner's words as the detail", async () => {
  const file = saved("xml.xlsx", await withSheetXml((xml) => xml.replace('<row r="3"', "<row r=3")));
  const { en, zh } = await refusals(file);
  expect(en).toBe(
    `credit-review: ${file} could not be read: its part ${SHEET_PART} is not well-formed XML (an unquoted attribute value in <row>). ${SAVE_AGAIN_EN}`,
  );
  expect(zh).toBe(
    `credit-review: ${file} 无法读取：其部件 ${SHEET_PART} 不是格式正确的 XML（an unquoted attribute value in <row>）。${SAVE_AGAIN_ZH}`,
  );
});

test("malformed XML in a part read whole (the workbook's list of sheets) is named by its part too", async () => {
  const zip = await JSZip.loadAsync(await sound());
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", workbookXml.replace('name="Customers"', "name=Customers"));
  const file = saved("workbook-xml.xlsx", Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })));
  const { en, zh, error } = await refusals(file);
  expect(en).toBe(
    `credit-review: ${file} could not be read: its part xl/workbook.xml is not well-formed XML (an unquoted attribute value in <sheet>). ${SAVE_AGAIN_EN}`,
  );
  expect(zh).toBe(
    `credit-review: ${file} 无法读取：其部件 xl/workbook.xml 不是格式正确的 XML（an unquoted attribute value in <sheet>）。${SAVE_AGAIN_ZH}`,
  );
  expect(error.key).toBe("cli.brokenFile");
});

test("a sheet whose part is missing: open and save it in Excel or LibreOffice", async () => {
  const zip = await JSZip.loadAsync(await sound());
  zip.remove(SHEET_PART);
  const file = saved("missing.xlsx", Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })));
  const { en, zh } = await refusals(file);
  expect(en).toBe(
    `credit-review: ${file} could not be read: sheet "Customers" is missing: the file has no part ${SHEET_PART}. ${SAVE_AGAIN_EN}`,
  );
  expect(zh).toBe(`credit-review: ${file} 无法读取：工作表“Customers”缺失：文件中没有部件 ${SHEET_PART}。${SAVE_AGAIN_ZH}`);
});

test("a zip without [Content_Types].xml is no workbook", async () => {
  const zip = new JSZip();
  zip.file("notes.txt", "not a workbook");
  const file = saved("archive.xlsx", Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })));
  const { en, zh, error } = await refusals(file);
  expect(en).toBe(
    `credit-review: ${file} is a zip file but not an .xlsx workbook: it has no [Content_Types].xml, the list every Office file has. Open the workbook in Excel, save it as an .xlsx workbook, then run the review again`,
  );
  expect(zh).toBe(
    `credit-review: ${file} 是 zip 文件，但不是 .xlsx 工作簿：其中没有每个 Office 文件都有的部件清单 [Content_Types].xml。请用 Excel 打开工作簿，存为 .xlsx 工作簿，再运行审查`,
  );
  expect(error.key).toBe("cli.notWorkbookPackage");
});

test("the sound workbook the damaged ones are made from is reviewed", async () => {
  const bytes = await sound();
  const run = await runCli(saved("sound.xlsx", bytes), "--lang", "en", "--out", path.join(dir(), "out.xlsx"));
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
});

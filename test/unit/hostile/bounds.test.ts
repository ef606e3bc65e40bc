/**
 * Bounds checked before the work: workbooks built here to pass one bound each (a row numbered
 * 1,000,000,000, a column past XFD, a deflate bomb, parts that lie about their size, a sheet
 * whose cells pass the budget) are refused with exit 2 and one line naming the bound, nothing
 * written; whole-sheet defined names and validations are copied, never expanded (a legal sheet
 * using all 1,048,576 rows is reviewed in corpus.test.ts). Also the small ones: terminal control
 * characters, policy files, --as-of and --out.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Readable } from "node:stream";
import * as zlib from "node:zlib";
import { ZipWriter } from "../../../src/cli/package/zip-writer";
import { ZipEntry, ZipReader } from "../../../src/cli/package/zip-reader";
import { readSheet } from "../../../src/cli/package/sheet-reader";
import { WorkbookPackage } from "../../../src/cli/package/package";
import { BoundError, CellBudget, LIMITS, MEMORY } from "../../../src/cli/package/bounds";
import { EXCEL_ROWS } from "../../../src/engine/a1";
import { completePolicy } from "../../../src/engine/policy";
import { runCli, tempDirPerTest } from "../../support/cli";
import { FACTOR_HEADERS } from "../../support/review-grid";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const HEADER_CELLS = ["Customer", ...FACTOR_HEADERS]
  .map((h, i) => `<c r="${"ABCDEF"[i]}1" t="inlineStr"><is><t>${h}</t></is></c>`)
  .join("");

const dir = tempDirPerTest("credit-bounds-");

/**
 * A customer sheet (a header, `rows` as sheet-data XML, `tail` after the cells), `workbookExtra`
 * in the workbook, and with `archiveRows` a "Credit Review Archive" sheet holding them.
 */
async function workbook(name: string, rows: string, tail = "", workbookExtra = "", archiveRows?: string): Promise<string> {
  const archive = archiveRows !== undefined;
  const file = path.join(dir(), name);
  const fd = fs.openSync(file, "w");
  const zip = new ZipWriter(fd);
  await zip.add(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  await zip.add(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  await zip.add(
    "xl/workbook.xml",
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/>${archive ? '<sheet name="Credit Review Archive" sheetId="2" r:id="rId2"/>' : ""}</sheets>${workbookExtra}</workbook>`,
  );
  await zip.add(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
  );
  await zip.add(
    "xl/worksheets/sheet1.xml",
    `${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${HEADER_CELLS}</row>${rows}</sheetData>${tail}</worksheet>`,
  );
  if (archive)
    await zip.add(
      "xl/worksheets/sheet2.xml",
      `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${archiveRows}</sheetData></worksheet>`,
    );
  zip.finish();
  fs.closeSync(fd);
  return file;
}

const customer = (r: number, name = `C${r}`) =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${name}</t></is></c>${[1, 2, 3, 4, 5].map((c) => `<c r="${"BCDEF"[c - 1]}${r}"><v>${c}</v></c>`).join("")}</row>`;

async function refused(file: string, reason: string | RegExp, ...args: string[]) {
  const out = path.join(dir(), "out.xlsx");
  const { code, stderr } = await runCli(file, "--as-of", "2026-11-30", "--lang", "en", "--out", out, ...args);
  expect({ code, lines: stderr.split("\n").length }).toEqual({ code: 2, lines: 1 });
  expect(stderr).toMatch(reason);
  expect(stderr).not.toMatch(/\bat .*\.[jt]s:\d+/);
  expect(fs.existsSync(out)).toBe(false);
  return stderr;
}

describe("Excel's grid", () => {
  test("a row numbered 1,000,000,000 is refused, naming the cell", async () => {
    const file = await workbook("far-row.xlsx", `${customer(2)}<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>`);
    await refused(file, /sheet "Customers": cell A1000000000 is outside Excel's grid \(rows 1 to 1,048,576, columns A to XFD\)/);
  });

  test("a cell past column XFD is refused", async () => {
    const file = await workbook("far-column.xlsx", `<row r="2"><c r="XFE2"><v>1</v></c></row>`);
    await refused(file, /cell XFE2 is outside Excel's grid/);
  });

  test("an archive that would pass row 1,048,576 is refused before anything is written", async () => {
    // An archive sheet whose last row is in use: the review's rows would go below Excel's last row.
    const archiveRow = `<row r="${EXCEL_ROWS}"><c r="A${EXCEL_ROWS}"><v>46000</v></c></row>`;
    const file = await workbook("full-archive.xlsx", customer(2), "", "", archiveRow);
    await refused(file, /sheet "Credit Review Archive" would pass Excel's last row \(1,048,576\)/);
  });
});

describe("sizes", () => {
  /** A zip whose sheet part is `compressed`, declared as `size` bytes with checksum `crc`. */
  async function withSheetPart(name: string, compressed: Buffer, size: number, crc: number): Promise<string> {
    const base = await workbook(`base-${name}`, customer(2));
    const file = path.join(dir(), name);
    const source = await ZipReader.open(base, base);
    const fd = fs.openSync(file, "w");
    const out = new ZipWriter(fd);
    for (const entry of source.entries.values()) {
      if (entry.name !== "xl/worksheets/sheet1.xml") {
        await out.copy(entry, await source.rawStream(entry));
        continue;
      }
      const forged: ZipEntry = {
        ...entry,
        compressedSize: compressed.length,
        uncompressedSize: size,
        crc32: crc,
        compressionMethod: 8,
      };
      await out.copy(forged, Readable.from([compressed]));
    }
    out.finish();
    fs.closeSync(fd);
    source.close();
    return file;
  }

  test("a 1 MB zip holding a 1 GiB part (a deflate bomb) is refused by its size, before it is inflated", async () => {
    const deflate = zlib.createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on("data", (c: Buffer) => chunks.push(c));
    const zeros = Buffer.alloc(16 << 20, 0x20);
    let crc = 0;
    for (let i = 0; i < 64; i++) {
      crc = zlib.crc32(zeros, crc);
      if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once("drain", resolve));
    }
    await new Promise((resolve) => deflate.end(resolve));
    const compressed = Buffer.concat(chunks);
    expect(compressed.length).toBeLessThan(2 << 20);
    const file = await withSheetPart("bomb.xlsx", compressed, 64 * zeros.length, crc);
    await refused(file, /part xl\/worksheets\/sheet1\.xml would inflate to \d+ times its compressed size \(at most 200 times\)/);
  });

  test("a part declaring more than 1 GiB is refused by its declared size", async () => {
    const file = await withSheetPart("huge.xlsx", zlib.deflateRawSync(Buffer.from("<worksheet/>")), 3 * 1024 ** 3, 0);
    await refused(file, /part xl\/worksheets\/sheet1\.xml is 3 GiB uncompressed; the command line reads parts of at most 1 GiB/);
  });

  test("a part that inflates to more than it declares is stopped there", async () => {
    const xml = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${HEADER_CELLS}</row>${customer(2)}</sheetData></worksheet>`;
    const file = await withSheetPart("liar.xlsx", zlib.deflateRawSync(Buffer.from(xml)), 100, zlib.crc32(Buffer.from(xml)));
    await refused(
      file,
      /is incomplete or damaged: its part xl\/worksheets\/sheet1\.xml could not be unpacked \(too many bytes in the stream\)/,
    );
  });

  test("cells past the budget stop the read at the first one over", async () => {
    const file = await workbook("cells.xlsx", [2, 3, 4, 5].map((r) => customer(r)).join(""));
    const zip = await ZipReader.open(file, file);
    try {
      const pkg = await WorkbookPackage.open(zip);
      const context = {
        zip,
        strings: [],
        dates1904: new Set<number>(),
        lang: "en" as const,
        // A heap that holds 20 cells: the read stops at the 21st, saying what would hold them all.
        budget: new CellBudget((20 * MEMORY.bytesPerCell) / 0.8),
        noValue: [],
        formulasUncalculated: false,
        formulas: { read: 0 },
      };
      // The heap to suggest is what the fixed bound's cells take (30 million at 80 bytes), a quarter more, in 512 MB steps.
      await expect(readSheet(context, pkg.sheets[0])).rejects.toThrow(
        /^the sheets to read hold more than 20 cells, the most node's memory here \(.+\) holds: run it with more, NODE_OPTIONS=--max-old-space-size=3072 /,
      );
      expect(context.budget.cells).toBe(-1);
      // Past the fixed bound the budget says that bound, whatever the heap.
      const roomy = new CellBudget(LIMITS.cells * MEMORY.bytesPerCell * 2);
      expect(roomy.cells).toBe(LIMITS.cells);
      expect(roomy.exceeded().message).toBe(
        "the sheets to read hold more than 30,000,000 cells, the most the command line reads",
      );
    } finally {
      zip.close();
    }
  });

  test("a defined name and a validation over the whole sheet are copied, never expanded", async () => {
    const file = await workbook(
      "whole-sheet.xlsx",
      [2, 3].map((r) => customer(r)).join(""),
      '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>1</formula1></dataValidation></dataValidations>',
      '<definedNames><definedName name="Everything">Customers!$A$1:$XFD$1048576</definedName></definedNames>',
    );
    const out = path.join(dir(), "out.xlsx");
    const { code, result } = await runCli(file, "--as-of", "2026-11-30", "--out", out);
    expect(code).toBe(0);
    expect(result!.customers).toHaveLength(2);
    const zip = await ZipReader.open(out, out);
    try {
      expect(await zip.text(zip.entry("xl/workbook.xml")!)).toContain(
        '<definedName name="Everything">Customers!$A$1:$XFD$1048576</definedName>',
      );
      expect(await zip.text(zip.entry("xl/worksheets/sheet1.xml")!)).toContain('sqref="A1:XFD1048576"');
    } finally {
      zip.close();
    }
  });
});

describe("the small ones", () => {
  test("control characters in names never reach the terminal raw", async () => {
    const file = await workbook("escape.xlsx", customer(2, "Evil_x001B_[2J_x0007_ Co\u202Ename") + customer(3));
    const { code, stdout } = await runCli(file, "--as-of", "2026-11-30", "--out", path.join(dir(), "out.xlsx"));
    expect(code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(stdout).toContain("Evil\\u001B[2J\\u0007 Co\\u202Ename");
    const json = await runCli(file, "--as-of", "2026-11-30", "--out", path.join(dir(), "out2.xlsx"), "--json");
    // eslint-disable-next-line no-control-regex
    expect(json.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json.stdout).customers[0].name).toBe("Evil\u001B[2J\u0007 Co\u202Ename");
  });

  test("the output keeps the input's permission bits", async () => {
    const file = await workbook("private.xlsx", customer(2));
    fs.chmodSync(file, 0o600);
    const out = path.join(dir(), "out.xlsx");
    expect((await runCli(file, "--as-of", "2026-11-30", "--out", out)).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  test("--out naming a FIFO or a device is refused, and the FIFO stays", async () => {
    const file = await workbook("fifo.xlsx", customer(2));
    const fifo = path.join(dir(), "pipe.xlsx");
    require("node:child_process").execFileSync("mkfifo", [fifo]);
    const { code, stderr } = await runCli(file, "--as-of", "2026-11-30", "--out", fifo);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--out .*pipe\.xlsx is not a regular file/);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect((await runCli(file, "--as-of", "2026-11-30", "--out", "/dev/null")).code).toBe(2);
  });

  test("a macro-enabled workbook's copy must be an .xlsm", async () => {
    const file = await workbook("macros.xlsm", customer(2));
    await refused(file, /--out .*out\.xlsx: the workbook has macros \(\.xlsm\), so its reviewed copy must be an \.xlsm too/);
  });

  test.each([
    ["1e4", /--as-of must be a date, year first, like 2026-11-30, got "1e4"/],
    ["46356", /got "46356"/],
    ["2026-02-30", /--as-of 2026-02-30: there is no such day \(2026-02 has 28 days\)/],
    ["2026-11-30T10:00", /got "2026-11-30T10:00"/],
  ])("--as-of %s is not a calendar date", async (value, reason) => {
    const file = await workbook("as-of.xlsx", customer(2));
    await refused(file, reason, "--as-of", value);
  });

  describe("policy files", () => {
    test("a UTF-8 byte-order mark is accepted", async () => {
      const file = await workbook("policy.xlsx", customer(2));
      const policy = path.join(dir(), "policy.json");
      fs.writeFileSync(policy, `\uFEFF${JSON.stringify({ version: "bom-1", mediumFrom: 2.2 })}`);
      const { code, result } = await runCli(
        file,
        "--as-of",
        "2026-11-30",
        "--policy",
        policy,
        "--out",
        path.join(dir(), "o.xlsx"),
      );
      expect(code).toBe(0);
      // The typed version is ignored: the version follows the settings.
      expect(result!.policy).toEqual(completePolicy({ mediumFrom: 2.2 }));
    });

    test("values read as on the policy sheet: 70% and 0.7 for a share, 非上市 for a model", async () => {
      const file = await workbook("policy.xlsx", customer(2));
      const policy = path.join(dir(), "policy.json");
      fs.writeFileSync(policy, JSON.stringify({ maxDebtRatio: "65%", overdueShare: 0.2, defaultZModel: "非上市" }));
      const { code, result } = await runCli(
        file,
        "--as-of",
        "2026-11-30",
        "--policy",
        policy,
        "--out",
        path.join(dir(), "o.xlsx"),
      );
      expect(code).toBe(0);
      expect(result!.policy).toEqual(completePolicy({ maxDebtRatio: 0.65, overdueShare: 0.2, defaultZModel: "private" }));
    });

    test.each([
      [
        "en",
        { maxDebtRatio: 75 },
        /^credit-review: policy file .*policy\.json: Maximum debt ratio is a share: write 75% or 0\.75, not 75$/,
      ],
      [
        "zh",
        { overdueShare: 10 },
        /^credit-review: 政策文件 .*policy\.json：触发组合预警的逾期客户占比是比例：请写 10% 或 0\.1，而不是 10$/,
      ],
      [
        "en",
        { defaultZModel: "ohlson" },
        /^credit-review: policy file .*policy\.json: Z-score model when a customer names none must name a Z-score model \(public, private/,
      ],
    ] as const)("%s: a bad value is refused naming the file and the setting: %j", async (lang, settings, text) => {
      const file = await workbook("policy.xlsx", customer(2));
      const policy = path.join(dir(), "policy.json");
      fs.writeFileSync(policy, JSON.stringify(settings));
      await refused(file, text, "--policy", policy, "--lang", lang);
    });

    test("a misspelt key is refused, naming the nearest setting", async () => {
      const file = await workbook("policy.xlsx", customer(2));
      const policy = path.join(dir(), "policy.json");
      fs.writeFileSync(policy, JSON.stringify({ mediumFrm: 2.2 }));
      await refused(
        file,
        /policy file .*policy\.json: unknown setting "mediumFrm"; did you mean "mediumFrom"\?/,
        "--policy",
        policy,
      );
      // A key nothing like a setting is answered with the list of settings, not a far-off guess.
      fs.writeFileSync(policy, JSON.stringify({ creditCeiling: 5 }));
      await refused(
        file,
        /policy file .*policy\.json: unknown setting "creditCeiling"; the settings are weights, mediumFrom, highFrom, .*, version$/,
        "--policy",
        policy,
      );
    });

    test("a setting written by its policy-sheet label, in either language, is refused naming its key", async () => {
      const file = await workbook("policy.xlsx", customer(2));
      const policy = path.join(dir(), "policy.json");
      fs.writeFileSync(policy, JSON.stringify({ "High risk from score": 3.2 }));
      await refused(
        file,
        /policy file .*policy\.json: "High risk from score" is the setting's label on the policy sheet; the file names it "highFrom"$/,
        "--policy",
        policy,
      );
      fs.writeFileSync(policy, JSON.stringify({ 流动比率下限: 1.2 }));
      await refused(
        file,
        /“流动比率下限”是该设置在政策工作表上的名称；在文件中请写作“minCurrentRatio”$/,
        "--policy",
        policy,
        "--lang",
        "zh",
      );
    });

    test("a setting written twice is refused: JSON would keep the last without a word", async () => {
      const file = await workbook("policy.xlsx", customer(2));
      const policy = path.join(dir(), "policy.json");
      fs.writeFileSync(policy, '{\n  "highFrom": 3.2,\n  "overdueDays": 60,\n  "highFrom" : 3.6\n}\n');
      await refused(file, /policy file .*policy\.json: "highFrom" is set twice; keep the one you mean$/, "--policy", policy);
    });

    test("a file saved as UTF-16 (PowerShell 5's >) is told to be saved as UTF-8, with or without its byte-order mark", async () => {
      const file = await workbook("policy.xlsx", customer(2));
      const policy = path.join(dir(), "policy.json");
      const json = JSON.stringify({ highFrom: 3.2 });
      for (const bytes of [
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]),
        Buffer.from(json, "utf16le"),
      ]) {
        fs.writeFileSync(policy, bytes);
        await refused(
          file,
          /policy file .*policy\.json: the file is UTF-16 \(as Windows PowerShell's > writes it\); save it as UTF-8/,
          "--policy",
          policy,
        );
      }
    });

    test("/dev/zero is not a policy file, and a file over 1 MiB is refused by its size", async () => {
      const file = await workbook("policy.xlsx", customer(2));
      await refused(file, /policy file \/dev\/zero: not a regular file/, "--policy", "/dev/zero");
      const big = path.join(dir(), "big.json");
      fs.writeFileSync(big, `{"version": "${"x".repeat(2 << 20)}"}`);
      await refused(file, /policy file .*big\.json is larger than 1 MiB/, "--policy", big);
    });
  });
});

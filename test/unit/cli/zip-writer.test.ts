/**
 * The zip writer when the file under it fails part way (a full disk): the part being written
 * ends with that error, whether the compressor was idle or waiting for room, and nothing is
 * left pending or rejected unseen.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { ZipReader } from "../../../src/cli/package/zip-reader";
import { ZipWriter } from "../../../src/cli/package/zip-writer";

// node's fs cannot be spied on in place: the writer gets a copy whose writeSync the tests control.
jest.mock("node:fs", () => {
  const real = jest.requireActual<typeof import("node:fs")>("node:fs");
  return { ...real, writeSync: jest.fn(real.writeSync) };
});
const realWriteSync = jest.requireActual<typeof import("node:fs")>("node:fs").writeSync;

let dir: string;
const unseen: unknown[] = [];
const noteUnseen = (reason: unknown) => unseen.push(reason);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-zip-"));
  unseen.length = 0;
  process.on("unhandledRejection", noteUnseen);
});
afterEach(() => {
  process.off("unhandledRejection", noteUnseen);
  jest.mocked(fs.writeSync).mockImplementation(realWriteSync);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Text that deflates poorly (xorshift noise), so the compressed part is about as large as the text. */
function* noise(chars: number): Generator<string> {
  let state = 2463534242;
  const piece = 1 << 16;
  for (let done = 0; done < chars; done += piece) {
    const codes = new Array<number>(piece);
    for (let i = 0; i < piece; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      codes[i] = 33 + ((state >>> 0) % 90);
    }
    yield String.fromCharCode(...codes);
  }
}

/** The file takes `room` bytes, then every write fails as a full disk does. */
function diskFullAfter(room: number): void {
  let taken = 0;
  jest.mocked(fs.writeSync).mockImplementation(((
    fd: number,
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ) => {
    if (taken + length > room) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    taken += length;
    return realWriteSync(fd, buffer, offset, length, position);
  }) as typeof fs.writeSync);
}

test.each([
  ["while the compressor waits for room (a large part)", 64 << 20],
  ["on the part's last piece (a small part)", 300_000],
])("a full disk %s ends the part's write with its error", async (_when, chars) => {
  const fd = fs.openSync(path.join(dir, "out.zip"), "w");
  try {
    diskFullAfter(100_000);
    const zip = new ZipWriter(fd);
    const part = zip.begin("xl/worksheets/sheet1.xml");
    const written = (async () => {
      for (const text of noise(chars)) await part.write(text);
      await part.end();
    })();
    await expect(written).rejects.toMatchObject({ code: "ENOSPC" });
    // A turn of the event loop for any rejection nobody awaited to be reported.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unseen).toEqual([]);
  } finally {
    fs.closeSync(fd);
  }
});

test("a part written in pieces reads back as their text: characters past Latin-1, a surrogate pair, pieces past a block's size", async () => {
  const big = "逾期".repeat(400_000); // 2.4 MB in UTF-8: past one block, written on its own
  const pieces = [
    ["<row>", "<c><v>1</v></c>", "the archive\u2019s 4.15", "𝄞", "</row>"],
    Array.from({ length: 40_000 }, (_, i) => `<c r="A${i}"><v>${i}</v></c>`),
    [big, "after the large piece", "é"],
  ];
  const file = path.join(dir, "pieces.zip");
  const fd = fs.openSync(file, "w");
  const zip = new ZipWriter(fd);
  await zip.add("part.xml", [...pieces, "a whole string"]);
  zip.finish();
  fs.closeSync(fd);
  const read = await ZipReader.open(file, "pieces.zip");
  const chunks: string[] = [];
  await read.readText(read.entries.get("part.xml")!, (text) => void chunks.push(text));
  const expected = pieces.map((p) => p.join("")).join("") + "a whole string";
  expect(chunks.join("").length).toBe(expected.length);
  expect(chunks.join("") === expected).toBe(true);
  expect(read.entries.get("part.xml")!.uncompressedSize).toBe(Buffer.byteLength(expected, "utf8"));
  expect(read.entries.get("part.xml")!.crc32).toBe(zlib.crc32(Buffer.from(expected, "utf8")));
});

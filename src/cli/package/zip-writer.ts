/**
 * Writes the output package's zip. yazl, the writing half of the zip library used for reading,
 * compresses or stores whatever it is given and cannot take data that is already compressed, so
 * the parts the review does not own could not be copied as they are; this writer does only what
 * is needed here over node's zlib: parts copied with their compressed bytes, CRC and sizes
 * unchanged, and the review's parts deflated as they are produced. No zip64: the input is bounded
 * well below 4 GiB.
 */
import * as fs from "node:fs";
import { Readable } from "node:stream";
import * as zlib from "node:zlib";
import { PackageError } from "./package-error";
import { ZipEntry } from "./zip-reader";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const VERSION = 20;
const MAX_32 = 0xffffffff;
/** Bytes of encoded text handed to zlib at a time. */
const BLOCK_BYTES = 1 << 20;
/** The most bytes UTF-8 takes for one UTF-16 code unit (a surrogate pair's two take four). */
const UTF8_PER_UNIT = 3;

/**
 * A part's text, whole or as pieces written in turn. Pieces are encoded into the compressor's
 * blocks one by one: joining a batch of many small strings first (a sheet's cells) took several
 * times longer than encoding them, and a single piece outside Latin-1 (a typographic apostrophe
 * in one note) made the whole joined batch a two-byte string, slower again to join and encode.
 */
export type PartText = string | readonly string[];
/**
 * zlib's level 1: on a 67 MB sheet half of level 3's time (a quarter of level 6's) for output
 * ~8% larger than level 3's. The review's output is twice its input (the output columns and the
 * archive), and at level 3 the scanner waited on the compressor for a third of the write. The
 * compressor runs beside the scanner on zlib's thread pool, and its queue may run 16 MB ahead.
 */
export const DEFLATE_LEVEL = 1;

interface Written {
  readonly name: Buffer;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

function dosTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export class ZipWriter {
  private position = 0;
  private readonly written: Written[] = [];
  private readonly names = new Set<string>();
  private readonly now = dosTime(new Date());

  constructor(private readonly fd: number) {}

  private write(buffer: Buffer): void {
    let done = 0;
    while (done < buffer.length) done += fs.writeSync(this.fd, buffer, done, buffer.length - done, this.position + done);
    this.position += buffer.length;
    if (this.position > MAX_32) throw new PackageError("cli.package.outputTooLarge");
  }

  private localHeader(entry: Omit<Written, "offset">): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(entry.flags, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(entry.time, 10);
    header.writeUInt16LE(entry.date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
    return Buffer.concat([header, entry.name]);
  }

  private claim(name: string): Buffer {
    const key = name.toLowerCase();
    if (this.names.has(key)) throw new Error(`part ${name} written twice`);
    this.names.add(key);
    return Buffer.from(name, "utf8");
  }

  /** Copies a part of the input as it is stored: the same compressed bytes, CRC, sizes and date. */
  async copy(entry: ZipEntry, raw: Readable): Promise<void> {
    const name = this.claim(entry.name);
    const record = {
      name,
      flags: /[^\x20-\x7e]/.test(entry.name) ? UTF8_NAMES : 0,
      method: entry.compressionMethod,
      time: entry.lastModFileTime,
      date: entry.lastModFileDate,
      crc: entry.crc32,
      compressedSize: entry.compressedSize,
      size: entry.uncompressedSize,
      offset: this.position,
    };
    this.write(this.localHeader(record));
    let copied = 0;
    for await (const chunk of raw) {
      copied += (chunk as Buffer).length;
      this.write(chunk as Buffer);
    }
    if (copied !== entry.compressedSize) throw new PackageError("cli.package.partEndsEarly", { part: entry.name });
    this.written.push(record);
  }

  /** Deflates a part as its text is produced, then fills in its header's CRC and sizes. */
  async add(partName: string, text: string | Iterable<PartText>): Promise<void> {
    const part = this.begin(partName);
    if (typeof text === "string") await part.write(text);
    else for (const chunk of text) await part.write(chunk);
    await part.end();
  }

  /** A part written piece by piece: `write` waits while the compressor is busy, `end` completes it. */
  begin(partName: string): { write: (text: PartText) => Promise<void>; end: () => Promise<void> } {
    const name = this.claim(partName);
    const offset = this.position;
    const draft = {
      name,
      flags: /[^\x20-\x7e]/.test(partName) ? UTF8_NAMES : 0,
      method: DEFLATE,
      time: this.now.time,
      date: this.now.date,
      crc: 0,
      compressedSize: 0,
      size: 0,
    };
    this.write(this.localHeader(draft));
    const dataStart = this.position;
    const compressor = new Compressor((data) => this.write(data));
    const end = async () => {
      const { crc, size } = await compressor.end();
      if (size > MAX_32) throw new PackageError("cli.package.partTooLarge", { part: partName });
      const record = { ...draft, crc, size, compressedSize: this.position - dataStart, offset };
      const header = this.localHeader(record);
      fs.writeSync(this.fd, header, 0, header.length, offset);
      this.written.push(record);
    };
    return { write: (text) => compressor.write(text), end };
  }

  /** A part compressed elsewhere (see `compressText`), written as it is. */
  addCompressed(partName: string, part: CompressedPart): void {
    const compressedSize = part.data.reduce((sum, chunk) => sum + chunk.length, 0);
    if (part.size > MAX_32) throw new PackageError("cli.package.partTooLarge", { part: partName });
    const record = {
      name: this.claim(partName),
      flags: /[^\x20-\x7e]/.test(partName) ? UTF8_NAMES : 0,
      method: DEFLATE,
      time: this.now.time,
      date: this.now.date,
      crc: part.crc,
      compressedSize,
      size: part.size,
      offset: this.position,
    };
    this.write(this.localHeader(record));
    for (const chunk of part.data) this.write(chunk);
    this.written.push(record);
  }

  /** Writes the central directory; the file is complete after this. */
  finish(): void {
    const start = this.position;
    for (const entry of this.written) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(entry.flags, 8);
      header.writeUInt16LE(entry.method, 10);
      header.writeUInt16LE(entry.time, 12);
      header.writeUInt16LE(entry.date, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressedSize, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(entry.offset, 42);
      this.write(Buffer.concat([header, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_DIRECTORY, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.position - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
  }
}

/** A part's text deflated, with what its zip entry needs: its CRC and uncompressed size. */
export interface CompressedPart {
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer[];
}

/** Deflates text as it is produced, handing the compressed bytes to `output` as zlib makes them. */
class Compressor {
  private readonly deflate = zlib.createDeflateRaw({
    level: DEFLATE_LEVEL,
    chunkSize: 256 * 1024,
    highWaterMark: 16 << 20,
  } as zlib.ZlibOptions);
  private readonly ended: Promise<void>;
  private failure: Error | undefined;
  private crc = 0;
  private size = 0;
  // Text is handed to the compressor in large blocks: each write is a trip through zlib's thread
  // pool, and a sheet written row by row would otherwise make a hundred thousand of them.
  private block = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;
  /** Blocks filled and not yet handed to zlib. */
  private full: Buffer[] = [];

  constructor(output: (data: Buffer) => void) {
    const deflate = this.deflate;
    deflate.on("data", (data: Buffer) => {
      try {
        output(data);
      } catch (error) {
        this.failure = error as Error;
        deflate.destroy();
      }
    });
    this.ended = new Promise<void>((resolve, reject) => {
      deflate.on("end", resolve);
      deflate.on("error", reject);
      deflate.on("close", () => (this.failure ? reject(this.failure) : resolve()));
    });
    // A failure is reported by the next write or by end; until one of them awaits this, it is not unseen.
    this.ended.catch(() => undefined);
  }

  /** Until the compressor has room again, or has stopped (an output that failed destroys it, and no drain follows). */
  private room(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        this.deflate.off("drain", done);
        this.deflate.off("close", done);
        resolve();
      };
      this.deflate.once("drain", done);
      this.deflate.once("close", done);
    });
  }

  /** Encodes a piece into the current block, starting a new block when it might not fit. */
  private put(piece: string): void {
    if (piece.length * UTF8_PER_UNIT > this.block.length - this.used) {
      this.seal();
      if (piece.length * UTF8_PER_UNIT > this.block.length) {
        this.full.push(Buffer.from(piece, "utf8"));
        return;
      }
    }
    this.used += this.block.write(piece, this.used, "utf8");
  }

  /** The current block's bytes set aside for zlib, and a new block begun. */
  private seal(): void {
    if (this.used === 0) return;
    this.full.push(this.block.subarray(0, this.used));
    this.block = Buffer.allocUnsafe(BLOCK_BYTES);
    this.used = 0;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const blocks = this.full;
    this.full = [];
    for (const bytes of blocks) {
      this.crc = zlib.crc32(bytes, this.crc);
      this.size += bytes.length;
      if (!this.deflate.write(bytes)) await this.room();
      // Back to the event loop once a block: zlib hands the thread pool its next job only from
      // there, and a producer that never leaves its microtasks would keep the compressor idle
      // until the queue is full, then wait for all of it (a fifth of the write spent idle).
      else await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.failure) throw this.failure;
    }
  }

  async write(text: PartText): Promise<void> {
    if (typeof text === "string") this.put(text);
    else for (const piece of text) this.put(piece);
    if (this.failure) throw this.failure;
    if (this.full.length) await this.flush();
  }

  async end(): Promise<{ crc: number; size: number }> {
    this.seal();
    await this.flush();
    this.deflate.end();
    await this.ended;
    if (this.failure) throw this.failure;
    return { crc: this.crc, size: this.size };
  }
}

/** A part deflated in memory as its text is produced, for a part made away from the zip it goes into (on a worker thread). */
export function compressing(): { write: (text: PartText) => Promise<void>; end: () => Promise<CompressedPart> } {
  const data: Buffer[] = [];
  const compressor = new Compressor((chunk) => data.push(chunk));
  return { write: (text) => compressor.write(text), end: async () => ({ ...(await compressor.end()), data }) };
}

/** Text deflated in memory. */
export async function compressText(text: Iterable<PartText>): Promise<CompressedPart> {
  const part = compressing();
  for (const chunk of text) await part.write(chunk);
  return part.end();
}

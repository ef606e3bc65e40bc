/**
 * The input package's zip, read with yauzl: its central directory first (names and sizes,
 * so every bound is checked before anything is inflated), then the parts the review needs,
 * inflated as streams whose true size yauzl holds to the size declared. Parts the review does
 * not own are handed to the writer still compressed, so they are copied byte for byte.
 */
import "../../engine/i18n/cli";
import { Readable, Transform } from "node:stream";
import * as zlib from "node:zlib";
import { StringDecoder } from "node:string_decoder";
import * as yauzl from "yauzl";
import { BoundError, LIMITS, mib } from "./bounds";
import { detailOf, PackageError } from "./package-error";
import { XmlError } from "./xml";

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly compressionMethod: number;
  readonly crc32: number;
  readonly lastModFileTime: number;
  readonly lastModFileDate: number;
  readonly raw: yauzl.Entry;
}

export class ZipReader {
  private readBytes = 0;
  /** Parts whose text is kept from one full read for the next (the sheet read, then rewritten): null until read. */
  private readonly kept = new Map<string, string[] | null>();

  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: ReadonlyMap<string, ZipEntry>,
    /** The file it was opened from, for a worker thread to open it again. */
    readonly file: string,
  ) {}

  static async open(file: string, fileLabel: string): Promise<ZipReader> {
    let zip: yauzl.ZipFile;
    try {
      zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, z) =>
          error ? reject(error) : resolve(z),
        ),
      );
    } catch (error) {
      throw new PackageError("cli.package.unreadableZip", { detail: detailOf(error) });
    }
    if (zip.entryCount > LIMITS.entries) {
      zip.close();
      throw new BoundError("cli.tooManyParts", { file: fileLabel, count: zip.entryCount, limit: LIMITS.entries });
    }
    const entries = new Map<string, ZipEntry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on("entry", (entry: yauzl.Entry) => {
          // Part names are case-insensitive in a package; a directory entry is no part.
          if (!entry.fileName.endsWith("/")) {
            entries.set(entry.fileName.toLowerCase(), {
              name: entry.fileName,
              compressedSize: entry.compressedSize,
              uncompressedSize: entry.uncompressedSize,
              compressionMethod: entry.compressionMethod,
              crc32: entry.crc32,
              lastModFileTime: entry.lastModFileTime,
              lastModFileDate: entry.lastModFileDate,
              raw: entry,
            });
          }
          zip.readEntry();
        });
        zip.on("end", resolve);
        zip.on("error", reject);
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw new PackageError("cli.package.unreadableZip", { detail: detailOf(error) });
    }
    return new ZipReader(zip, entries, file);
  }

  close(): void {
    this.zip.close();
  }

  /** The entry of a part name ("xl/workbook.xml", no leading slash), whatever its case. */
  entry(part: string): ZipEntry | undefined {
    return this.entries.get(part.toLowerCase());
  }

  /** Checks a part against the size bounds before it is inflated, and counts it toward the total. */
  private admit(entry: ZipEntry): void {
    const size = entry.uncompressedSize;
    if (size > LIMITS.partBytes)
      throw new BoundError("cli.partTooLarge", { part: entry.name, size: mib(size), limit: mib(LIMITS.partBytes) });
    if (size > LIMITS.ratioFloorBytes && size > entry.compressedSize * LIMITS.ratio) {
      throw new BoundError("cli.partRatio", {
        part: entry.name,
        ratio: Math.round(size / Math.max(1, entry.compressedSize)),
        limit: LIMITS.ratio,
      });
    }
    this.readBytes += size;
    if (this.readBytes > LIMITS.readBytes)
      throw new BoundError("cli.readTooLarge", { size: mib(this.readBytes), limit: mib(LIMITS.readBytes) });
  }

  private async stream(entry: ZipEntry, decode: boolean): Promise<Readable> {
    if (entry.raw.isEncrypted()) throw new PackageError("cli.package.encryptedPart", { part: entry.name });
    if (decode && !entry.raw.canDecodeFileData())
      throw new PackageError("cli.package.compression", { part: entry.name, method: entry.compressionMethod });
    try {
      // Options only for raw data: yauzl 3.4 reads an explicit decodeFileData: true as "do not inflate".
      return await (decode
        ? this.zip.openReadStreamPromise(entry.raw)
        : this.zip.openReadStreamPromise(entry.raw, { decodeFileData: false }));
    } catch (error) {
      throw new PackageError("cli.package.partUnreadable", { part: entry.name, detail: detailOf(error) });
    }
  }

  /**
   * A part's bytes inflated in large pieces (zlib's default 16 KB pieces leave the reader waiting
   * on the thread pool), held to the size the zip's directory declares, as yauzl holds its own.
   */
  private async inflated(entry: ZipEntry): Promise<Readable> {
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
      throw new PackageError("cli.package.compression", { part: entry.name, method: entry.compressionMethod });
    const raw = await this.stream(entry, false);
    const declared = entry.uncompressedSize;
    let seen = 0;
    let crc = 0;
    // A byte changed in a part can still inflate: only its checksum tells that part from the one written.
    const held = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        crc = zlib.crc32(chunk, crc);
        if (seen > declared) done(new Error("too many bytes in the stream"));
        else done(null, chunk);
      },
      flush(done) {
        if (seen < declared) done(new Error("too few bytes in the stream"));
        else if (crc !== entry.crc32) done(new PackageError("cli.package.partChecksum", { part: entry.name }));
        else done(null);
      },
    });
    const source = entry.compressionMethod === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: 1 << 20 })) : raw;
    raw.on("error", (error) => source.destroy(error));
    source.on("error", (error) => held.destroy(error));
    return source.pipe(held);
  }

  /**
   * A part's text, chunk by chunk, to a consumer that may stop early by returning false
   * (a sheet read only down to its header rows).
   */
  async readText(entry: ZipEntry, consume: (chunk: string) => boolean | void | Promise<boolean | void>): Promise<void> {
    const cached = this.kept.get(entry.name);
    if (cached) {
      // Handed over once: the text is not held after its second reader has it.
      this.kept.delete(entry.name);
      for (const chunk of cached) if ((await consume(chunk)) === false) return;
      return;
    }
    const keep: string[] | undefined = cached === null ? [] : undefined;
    if (keep) {
      const inner = consume;
      consume = (chunk) => {
        keep.push(chunk);
        return inner(chunk);
      };
    }
    this.admit(entry);
    const stream = await this.inflated(entry);
    const decoder = new StringDecoder("utf8");
    // Errors of the consumer (a bound, malformed XML) are its own; the stream's are the zip's.
    let consumerError: unknown;
    const feed = async (text: string): Promise<boolean> => {
      try {
        return (await consume(text)) !== false;
      } catch (error) {
        consumerError = error;
        throw error;
      }
    };
    try {
      for await (const chunk of stream) {
        if (!(await feed(decoder.write(chunk as Buffer)))) {
          stream.destroy();
          return;
        }
      }
      const rest = decoder.end();
      if (rest) await feed(rest);
      if (keep) this.kept.set(entry.name, keep);
    } catch (error) {
      // Malformed XML is named by its part here, where the part is known.
      if (error === consumerError)
        throw error instanceof XmlError
          ? new PackageError("cli.package.badXmlPart", { part: entry.name, detail: error.message })
          : error;
      if (error instanceof PackageError) throw error;
      throw new PackageError("cli.package.partUnreadable", { part: entry.name, detail: detailOf(error) });
    }
  }

  /**
   * Looks through a part's text without taking it: the kept text when there is one (left
   * kept for its reader), else a read of its own. `visit` returns false to stop.
   */
  async peekText(entry: ZipEntry, visit: (chunk: string) => boolean | void): Promise<void> {
    const cached = this.kept.get(entry.name);
    if (cached) {
      for (const chunk of cached) if (visit(chunk) === false) return;
      return;
    }
    this.kept.delete(entry.name);
    try {
      await this.readText(entry, visit);
    } finally {
      if (cached === null) this.kept.set(entry.name, null);
    }
  }

  /**
   * Looks at the start of a part's text, at most about `limit` characters: the kept text when
   * there is one, else only as much inflated as that. The part is not counted toward the read
   * bounds, which weigh parts read whole: what this inflates is held to `limit`, whatever the
   * part's size. `visit` returns false to stop sooner.
   */
  async peekHead(entry: ZipEntry, limit: number, visit: (chunk: string) => boolean | void): Promise<void> {
    const cached = this.kept.get(entry.name);
    let seen = 0;
    if (cached) {
      for (const chunk of cached) {
        if (visit(chunk) === false || (seen += chunk.length) >= limit) return;
      }
      return;
    }
    const stream = await this.inflated(entry);
    const decoder = new StringDecoder("utf8");
    const chunks = stream[Symbol.asyncIterator]();
    try {
      for (;;) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          // A part read to its end is checked against its checksum: that problem is said as it is.
          if (error instanceof PackageError) throw error;
          throw new PackageError("cli.package.partUnreadable", { part: entry.name, detail: detailOf(error) });
        }
        const text = next.done ? decoder.end() : decoder.write(next.value);
        if (visit(text) === false || next.done || (seen += text.length) >= limit) return;
      }
    } finally {
      stream.destroy();
    }
  }

  /** Keeps the text of `entry` from its next full read for the read after it, instead of inflating it twice. */
  keepText(entry: ZipEntry): void {
    this.kept.set(entry.name, null);
  }

  /** A small part's whole text (the workbook, relationships, content types, styles). */
  async text(entry: ZipEntry): Promise<string> {
    const parts: string[] = [];
    await this.readText(entry, (chunk) => {
      parts.push(chunk);
    });
    return parts.join("");
  }

  /** A part's bytes as stored in the zip, still compressed: for copying it unchanged. */
  rawStream(entry: ZipEntry): Promise<Readable> {
    return this.stream(entry, false);
  }
}

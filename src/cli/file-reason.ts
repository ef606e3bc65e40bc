/** Why a file cannot be read or written, in the user's words rather than the system's error codes. */
import "../engine/i18n/cli";
import { Lang, message, MessageKey } from "../engine/i18n";

const REASONS: Readonly<Record<string, MessageKey>> = {
  ENOENT: "cli.reason.noFile",
  EACCES: "cli.reason.denied",
  EPERM: "cli.reason.denied",
  EISDIR: "cli.reason.notFile",
  ENOTDIR: "cli.reason.pathThroughFile",
  ENOSPC: "cli.reason.diskFull",
  EDQUOT: "cli.reason.diskFull",
  EROFS: "cli.reason.readOnly",
};

/** What a failed read or write of a file says to the user: the system's code in words, or its own message. */
export function fileErrorReason(error: unknown, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && REASONS[code]) return message(lang, REASONS[code]);
  if (code) return message(lang, "cli.reason.system", { code: code.slice(0, 40) });
  return String((error as Error).message).slice(0, 120);
}

/** The first bytes of an OLE compound file: an Excel 97–2003 .xls, or an .xlsx saved with a password. */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** How many first bytes `notPackageReason` looks at. */
export const HEAD_BYTES = 512;

/**
 * An OpenDocument package names its type in an uncompressed first entry called "mimetype", so
 * its first bytes say what it is (an .ods from LibreOffice Calc, or an .xlsx-named copy of one).
 */
function isOpenDocument(head: Buffer): boolean {
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return false;
  const nameEnd = 30 + head.readUInt16LE(26);
  const dataStart = nameEnd + head.readUInt16LE(28);
  return (
    head.toString("latin1", 30, nameEnd) === "mimetype" &&
    head.toString("latin1", dataStart, dataStart + 34) === "application/vnd.oasis.opendocument"
  );
}

/**
 * Text rather than a binary file: no NUL and no control character but tab, line feed and
 * carriage return (UTF-16 text has NULs, and is told apart by its byte-order mark).
 */
function isText(head: Buffer): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  return head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

/**
 * Why a file that opens is still no .xlsx package, from its first bytes (up to HEAD_BYTES);
 * undefined for a zip that may be one. Each answer says how to make the file readable: business
 * systems often export CSV, or a web page or XML file named .xls, and LibreOffice saves .ods.
 */
export function notPackageReason(head: Buffer, lang: Lang): string | undefined {
  if (head.length === 0) return message(lang, "cli.reason.empty");
  if (isOpenDocument(head)) return message(lang, "cli.reason.openDocument");
  if (head.subarray(0, 2).toString("latin1") === "PK") return undefined;
  if (head.subarray(0, COMPOUND_FILE.length).equals(COMPOUND_FILE)) return message(lang, "cli.reason.compoundFile");
  if (isText(head)) {
    const start = head
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .trimStart()
      .slice(0, 200)
      .toLowerCase();
    return message(lang, start.startsWith("<") ? "cli.reason.markup" : "cli.reason.text");
  }
  return message(lang, "cli.reason.notZip");
}

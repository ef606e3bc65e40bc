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

/** Why a file that opens is still no .xlsx package, from its first bytes; undefined for a zip. */
export function notPackageReason(head: Buffer, lang: Lang): string | undefined {
  if (head.subarray(0, 2).toString("latin1") === "PK") return undefined;
  if (head.subarray(0, COMPOUND_FILE.length).equals(COMPOUND_FILE)) return message(lang, "cli.reason.compoundFile");
  return message(lang, "cli.reason.notZip");
}

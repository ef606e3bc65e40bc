/**
 * A package the command line cannot read or write, said as what the user should do about it: each
 * problem (a part that does not inflate, rows out of order…) belongs to one kind of remedy (copy
 * the file again, save it without a password, open and save it in Excel…), which its line ends on.
 * The libraries' own texts (zip, zlib, the XML scanner's) stay as a short detail in parentheses.
 */
import "../../engine/i18n/cli";
import { Lang, message, MessageKey, MessageParams } from "../../engine/i18n";
import { XmlError } from "./xml";

/** Each problem with the remedy its line gives. */
const REMEDY = {
  // Incomplete or damaged: a copy taken while the file was still being written, a broken download.
  "cli.package.unreadableZip": "cli.damagedFile",
  "cli.package.partUnreadable": "cli.damagedFile",
  "cli.package.partEndsEarly": "cli.damagedFile",
  "cli.package.partChecksum": "cli.damagedFile",
  // Zip encryption: the workbook was packed with a password.
  "cli.package.encryptedPart": "cli.encryptedFile",
  // Written by a tool that broke it: Excel or LibreOffice reads it and saves a sound one.
  "cli.package.compression": "cli.brokenFile",
  "cli.package.sheetPartMissing": "cli.brokenFile",
  "cli.package.rowOrder": "cli.brokenFile",
  "cli.package.cellRow": "cli.brokenFile",
  "cli.package.sharedString": "cli.brokenFile",
  "cli.package.noCellData": "cli.brokenFile",
  "cli.package.badXmlPart": "cli.brokenFile",
  "cli.package.badXml": "cli.brokenFile",
  // A zip, but no workbook in it.
  "cli.package.noContentTypes": "cli.notWorkbookPackage",
  "cli.package.noWorkbookPart": "cli.notWorkbookPackage",
  // The reviewed copy could not be made.
  "cli.package.outputTooLarge": "cli.copyNotWritten",
  "cli.package.partTooLarge": "cli.copyNotWritten",
  "cli.package.workerFailed": "cli.copyNotWritten",
  "cli.package.workerStopped": "cli.copyNotWritten",
} as const satisfies Readonly<Record<string, MessageKey>>;

export type PackageProblem = keyof typeof REMEDY;

/** The longest a library's own text is kept, as the detail in parentheses. */
const DETAIL_CHARS = 100;

export class PackageError extends Error {
  readonly params: MessageParams;

  constructor(
    readonly problem: PackageProblem,
    params: MessageParams = {},
  ) {
    const kept = typeof params.detail === "string" ? { ...params, detail: params.detail.slice(0, DETAIL_CHARS) } : params;
    super(message("en", problem, kept));
    this.params = kept;
  }

  /** The key of the line said: the remedy, stable across languages and problems, for --json. */
  get key(): MessageKey {
    return REMEDY[this.problem];
  }

  /** The line said about `file` (the input: the reviewed copy is named as its copy). */
  text(lang: Lang, file: string): string {
    return message(lang, this.key, { file, problem: message(lang, this.problem, this.params) });
  }
}

/** A package error as said to the user: malformed XML whose part is not known says so without it. */
export function asPackageError(error: unknown): PackageError | undefined {
  if (error instanceof PackageError) return error;
  if (error instanceof XmlError) return new PackageError("cli.package.badXml", { detail: error.message });
  return undefined;
}

/** What `parse` makes of a part's text, malformed XML in it said as that part's. */
export function inPart<T>(part: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof XmlError) throw new PackageError("cli.package.badXmlPart", { part, detail: error.message });
    throw error;
  }
}

/** A library's error as the detail of a problem. */
export function detailOf(error: unknown): string {
  return String((error as Error)?.message ?? error);
}

/**
 * A --policy JSON file: a regular file of at most LIMITS.policyBytes, UTF-8 with or without a
 * byte-order mark, an object whose keys are policy settings. A misspelt key is refused with
 * the nearest setting named, rather than silently ignored. Values are read as on the policy
 * sheet ("70%" or 0.7 for a share); a "version" key is accepted and ignored, since the
 * version follows the settings. A file naming some settings changes those: the others stay
 * the workbook's (its policy sheet), not the defaults behind the committee's back.
 */
import "../engine/i18n/cli";
import * as fs from "node:fs";
import { CreditError, describeError } from "../engine/errors";
import { Lang, message, MessageKey, MessageParams } from "../engine/i18n";
import { policyRowNamed } from "../engine/review/policy-sheet";
import { completePolicy, DEFAULT_POLICY, Policy, POLICY_FIELDS, PolicySettings } from "../engine/policy";
import { fileErrorReason } from "./file-reason";
import { jsonStop } from "./json-stop";
import { likelyMeant } from "../engine/nearest";
import { LIMITS, mib } from "./package/bounds";

/** A file in UTF-16: a byte-order mark of either order, or a NUL in every other byte of its start. */
function isUtf16(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 64);
  let nuls = 0;
  for (const byte of sample) if (byte === 0) nuls++;
  return sample.length >= 4 && nuls * 3 >= sample.length;
}

/** How many times the file's text writes `key` as a key (a policy file holds no nested objects). */
function timesNamed(text: string, key: string): number {
  const quoted = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.match(new RegExp(`${quoted}\\s*:`, "g"))?.length ?? 0;
}

export class PolicyFileError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
  ) {
    super(message("en", key, params));
  }
}

/**
 * Where the file stops being JSON, as a line and column a user finds in an editor, and why, in
 * the run's language (node's parser says it in English, and not always where).
 */
function jsonFailure(text: string, lang: Lang): string {
  if (/^[ \t\n\r]*$/.test(text)) return message(lang, "cli.reason.jsonEmpty");
  const stop = jsonStop(text);
  // The grammar read it whole where the parser did not: nothing more to say than that.
  if (!stop) return message(lang, "cli.reason.notJson");
  const { line, column } = stop;
  if (stop.fault === "end") return message(lang, "cli.reason.jsonEnd", { line, column });
  if (stop.fault === "control") return message(lang, "cli.reason.jsonControl", { line, column });
  // A space or an invisible character is named by its code point: quoted as it is, it would show nothing.
  const found = /^[\s\p{C}]/u.test(stop.found!)
    ? `U+${stop.found!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`
    : stop.found!;
  return message(lang, "cli.reason.jsonUnexpected", { line, column, found });
}

/** A policy file read: the policy, and the settings the file itself names (the others are `base`'s). */
export interface PolicyFile {
  readonly policy: Policy;
  readonly named: readonly (keyof PolicySettings)[];
}

/**
 * Reads the file; the settings it does not name are taken from `base`, asked only when the
 * file leaves some out (the workbook's policy sheet, whose errors then count).
 */
export function readPolicyFile(file: string, lang: Lang, base: () => PolicySettings = () => DEFAULT_POLICY): PolicyFile {
  const bad = (reason: string) => new PolicyFileError("cli.badPolicy", { file, reason });
  let text: string;
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw bad(fileErrorReason(error, lang));
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw bad(message(lang, "cli.reason.notFile"));
    // One byte more than allowed tells a file over the cap, whatever its size claims.
    const buffer = Buffer.alloc(LIMITS.policyBytes + 1);
    let size = 0;
    for (let n; size < buffer.length && (n = fs.readSync(fd, buffer, size, buffer.length - size, null)) > 0;) size += n;
    if (size > LIMITS.policyBytes) throw new PolicyFileError("cli.policyTooLarge", { file, limit: mib(LIMITS.policyBytes) });
    // UTF-16, as Windows PowerShell 5's ">" and Notepad's "Unicode" save a file, shows as no JSON at all.
    if (isUtf16(buffer.subarray(0, size))) throw bad(message(lang, "cli.reason.utf16"));
    text = buffer.toString("utf8", 0, size).replace(/^\uFEFF/, "");
  } finally {
    fs.closeSync(fd);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw bad(jsonFailure(text, lang));
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw bad(message(lang, "cli.reason.notJsonObject"));
  const known = Object.keys(DEFAULT_POLICY);
  for (const key of Object.keys(raw)) {
    // JSON.parse keeps the last of a key written twice: which one was meant is the user's to say.
    if (timesNamed(text, key) > 1) throw new PolicyFileError("cli.policyKeyTwice", { file, key: key.slice(0, 60) });
    if (known.includes(key)) continue;
    // The policy sheet's label for a setting, in either language: the file names it by its key.
    const labelled = policyRowNamed(key)?.field?.key;
    if (labelled) throw new PolicyFileError("cli.policyLabelKey", { file, key: key.slice(0, 80), setting: labelled });
    // A likely misspelling is answered with the setting meant; anything further off, with the list.
    const nearest = likelyMeant(key, known);
    throw nearest
      ? new PolicyFileError("cli.policyUnknownKey", { file, key: key.slice(0, 60), nearest })
      : new PolicyFileError("cli.policyUnknownKeyAlone", { file, key: key.slice(0, 60), settings: known });
  }
  // A null names nothing (completePolicy keeps the setting it starts from), so it is not said to be set.
  const given = raw as Record<string, unknown>;
  const named = POLICY_FIELDS.map((f) => f.key).filter((key) => given[key] !== undefined && given[key] !== null);
  // Outside the file's own errors: a bad policy sheet is named as the sheet, not as the file.
  const start = named.length === POLICY_FIELDS.length ? DEFAULT_POLICY : base();
  try {
    return { policy: completePolicy(raw as Record<string, unknown>, start), named };
  } catch (error) {
    // The engine names the setting (by its label, in the user's language); the file is said here.
    if (error instanceof CreditError) throw bad(describeError(error, lang));
    throw error;
  }
}

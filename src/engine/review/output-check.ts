/**
 * A compact check of what a review wrote in each of its own output cells of a customer row,
 * kept in the customer's archive row, so the next review can tell which of them were changed
 * by hand since (a recommendation typed over, a next-review date cleared, an aging figure
 * edited) without the archive holding every text the review wrote. The four fields the archive
 * keeps as written (CHECKED_FIELDS) are compared exactly instead, and so left out.
 *
 * Each cell is a short hash of its value as every face reads it back: a number to 12 significant
 * digits (see roundedTo12), a text with its line breaks as
 * "\n" (Windows' "\r\n" too), a date as its serial (Office.js gives the serial; a reader giving
 * a date object gets the same), and a blank as blank whatever reads it (null, undefined or "").
 */
import { CellValue, isBlankCell, serialFromDate } from "../cells";
import { OUTPUT_FIELDS, OutputField } from "./fields";

/** The output fields the archive holds as the review wrote them (see typed-over.ts). */
export const CHECKED_FIELDS = ["score", "grade", "zScore", "recommendedLimit"] as const satisfies readonly OutputField[];
export type CheckedField = (typeof CHECKED_FIELDS)[number];

/** The other output fields, in OUTPUT_FIELDS order: the ones the check covers, before the aging buckets'. */
export const HASHED_FIELDS: readonly OutputField[] = OUTPUT_FIELDS.filter(
  (f) => !(CHECKED_FIELDS as readonly OutputField[]).includes(f),
);
export type HashedField = Exclude<OutputField, CheckedField>;

/**
 * A blank cell's token: one character outside the hash's alphabet, so the many cells a review
 * leaves blank (no warnings, no issues) cost one character, not four.
 */
const BLANK = ".";
/** Between the fields' tokens and the aging buckets' (whose number the policy's edges set). */
const AGING_SEPARATOR = "/";
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/**
 * 24 bits a cell, four base64url characters: a cell changed by hand goes unnoticed only when
 * its new value hashes alike, one chance in 16.7 million, while a 10,000-customer archive grows
 * by about 70 characters a row rather than the whole texts.
 */
const TOKEN_CHARS = 4;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** murmur3's finish, so every bit of the 24 kept depends on every input bit. */
function finished24(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 8;
}

/** A 24-bit hash's four base64url characters, written into `codes` from `at`. */
function putToken(h: number, codes: Uint16Array, at: number): void {
  codes[at] = BASE64URL_CODES[(h >>> 18) & 63];
  codes[at + 1] = BASE64URL_CODES[(h >>> 12) & 63];
  codes[at + 2] = BASE64URL_CODES[(h >>> 6) & 63];
  codes[at + 3] = BASE64URL_CODES[h & 63];
}
const BASE64URL_CODES = Uint16Array.from(BASE64URL, (c) => c.charCodeAt(0));

const LF = 10;
const CR = 13;
/** A text's seed: the hash of the "s" every text's hashed form starts with (a different seed from a figure's). */
const TEXT_SEED = Math.imul(FNV_OFFSET ^ 0x73, FNV_PRIME);

/**
 * A text's hash: FNV-1a over "s" and its UTF-16 code units, a line break hashed as "\n" whether
 * written "\n", "\r\n" or "\r" (as every face reads it back), without making the normalised text.
 */
function textHash(text: string): number {
  let h = TEXT_SEED;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code === CR) {
      code = LF;
      if (text.charCodeAt(i + 1) === LF) i++;
    }
    h = Math.imul(h ^ code, FNV_PRIME);
  }
  return finished24(h);
}

/** Any other value's hash, from its text. */
function stringHash(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return finished24(h);
}

/** The two 32-bit halves of a figure's IEEE 754 bits, hashed without making a text of it. */
const figureBits = new Float64Array(1);
const figureWords = new Uint32Array(figureBits.buffer);
/** A figure's hash, from its 12-digit rounding's bits (0 for -0); a different seed from a text's. */
function numberHash(value: number): number {
  const rounded = roundedTo12(value);
  figureBits[0] = rounded === 0 ? 0 : rounded;
  let h = Math.imul(FNV_OFFSET ^ 0x6e, FNV_PRIME);
  h = Math.imul(h ^ figureWords[0], FNV_PRIME);
  h = Math.imul(h ^ figureWords[1], FNV_PRIME);
  return finished24(h);
}

/**
 * A number to 12 significant digits. A spreadsheet saves 15 and LibreOffice's 15th is not always
 * the correctly rounded one (27/35 saved as 0.771428571428572): read back, a figure can be a unit
 * of the 15th digit off what was written, and a check of 15 digits would call it typed over.
 */
const DIGITS = 12;
/**
 * A figure rounded to 12 significant digits, by scaling where its size allows (toPrecision, and the
 * text it makes, were most of an archive plan's time): not always the correctly rounded decimal,
 * but the same for the same figure, and never decreasing as a figure grows, which is all the
 * check asks (readChecks tries a read-back figure's neighbourhood on both sides).
 */
function roundedTo12(value: number): number {
  if (!Number.isFinite(value) || isShownAsIs(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  if (magnitude < -6 || magnitude > 14) return Number(value.toPrecision(DIGITS));
  const scale = 10 ** (DIGITS - 1 - magnitude);
  return Math.round(value * scale) / scale;
}

/**
 * Whether a figure is its own 12-digit rounding, and its read-back neighbourhood's too: a whole
 * number under 10^12, or whole cents under 10^9 (at most 11 significant digits), as most of a
 * review's amounts are. Told without toPrecision, which was most of an archive plan's time.
 */
function isShownAsIs(value: number): boolean {
  if (Number.isInteger(value)) return Math.abs(value) < 1e12;
  return Math.abs(value) < 1e9 && Math.round(value * 100) / 100 === value;
}

/**
 * A figure read back is what was written when it rounds alike to 12 digits, or, lying within
 * 1e-13 of a rounding edge (so that the 15th digit's error could carry it over), rounds to the
 * other side's: both roundings of its neighbourhood are tried. A change by hand, at least a unit
 * of a 12th digit, is still told.
 */
const READ_ERROR = 1e-13;

/** No hash: the cell is blank (BLANK's one character, not a token). */
const NO_HASH = -1;

/** A cell's hash, or NO_HASH for a blank: what it holds, as any face reads it back. */
function cellHash(value: CellValue): number {
  if (isBlankCell(value)) return NO_HASH;
  if (typeof value === "number") return numberHash(value);
  if (typeof value === "string") return textHash(value);
  if (typeof value === "boolean") return stringHash(`b${value}`);
  if (value instanceof Date) {
    const serial = serialFromDate(value);
    return serial === undefined ? textHash(String(value)) : numberHash(serial);
  }
  return textHash(String(value));
}

/** Room for one cell's token. */
const cellCodes = new Uint16Array(TOKEN_CHARS);

/** A cell's token: what it holds, as any face reads it back. */
export function cellCheck(value: CellValue): string {
  const h = cellHash(value);
  if (h === NO_HASH) return BLANK;
  putToken(h, cellCodes, 0);
  return String.fromCharCode(cellCodes[0], cellCodes[1], cellCodes[2], cellCodes[3]);
}

/** The tokens a figure read back may have been written with, as readChecks gives them. */
function figureChecks(value: number): string {
  if (!Number.isFinite(value) || isShownAsIs(value)) return cellCheck(value);
  const below = roundedTo12(value * (1 - READ_ERROR));
  const above = roundedTo12(value * (1 + READ_ERROR));
  return below === above ? cellCheck(below) : cellCheck(below) + cellCheck(above);
}

/**
 * The tokens a cell read back may have been written with, one after the other: one, or for a
 * figure near a rounding edge of its 12th digit, two (see READ_ERROR). One string a cell, not a
 * list: a sheet's every output cell is read so.
 */
export function readChecks(value: CellValue): string {
  if (typeof value === "number") return figureChecks(value);
  if (value instanceof Date) {
    const serial = serialFromDate(value);
    if (serial !== undefined) return figureChecks(serial);
  }
  return cellCheck(value);
}

/** Whether a token written is one of those a cell read back may have been written with (readChecks). */
export function holdsCheck(read: string, written: string): boolean {
  return read === written || (read.length > TOKEN_CHARS && (read.startsWith(written) || read.endsWith(written)));
}

/**
 * A row's check: its HASHED_FIELDS cells' tokens, then its aging buckets'. Made in one buffer
 * and turned into one string: a plan makes one per customer, and a string grown token by token
 * was most of an archive plan's time.
 */
export function outputCheckText(fields: readonly CellValue[], aging: readonly CellValue[]): string {
  const codes = rowCodes(fields.length + aging.length);
  let at = 0;
  for (const value of fields) at = putCell(value, codes, at);
  codes[at++] = SEPARATOR_CODE;
  for (const value of aging) at = putCell(value, codes, at);
  return String.fromCharCode.apply(null, codes.subarray(0, at) as unknown as number[]);
}

/** A cell's token (or BLANK) written into `codes` from `at`; returns where the next one goes. */
function putCell(value: CellValue, codes: Uint16Array, at: number): number {
  const h = cellHash(value);
  if (h === NO_HASH) {
    codes[at] = BLANK_CODE;
    return at + 1;
  }
  putToken(h, codes, at);
  return at + TOKEN_CHARS;
}

const BLANK_CODE = BLANK.charCodeAt(0);
const SEPARATOR_CODE = AGING_SEPARATOR.charCodeAt(0);
let rowBuffer = new Uint16Array(128);
/** The buffer a row's check is made in, large enough for `cells` tokens and the separator. */
function rowCodes(cells: number): Uint16Array {
  const needed = cells * TOKEN_CHARS + 1;
  if (rowBuffer.length < needed) rowBuffer = new Uint16Array(needed);
  return rowBuffer;
}

/**
 * A row's check with, after the output cells', the token of the Action taken text the review
 * archived beside them (the customer sheet's, as the review read it): a text in the archive's
 * Action taken column that does not hold it was typed there since, not archived by the review.
 */
export function withResponseCheck(check: string, response: CellValue, foreign = false): string {
  return check + AGING_SEPARATOR + (foreign ? FOREIGN_RESPONSE : cellCheck(response));
}

/**
 * The response token of a row whose Action taken text the review found to be another customer's,
 * left beside this one when the data moved without the column: the archive keeps the sheet's
 * text, and the next review knows it for no response of this customer's while it stays there.
 */
export const FOREIGN_RESPONSE = "!";

/** The part of an archive row's check that covers the output cells: without the response's token. */
export function outputCellsCheck(value: CellValue): CellValue {
  if (typeof value !== "string") return value;
  const aging = value.indexOf(AGING_SEPARATOR);
  const response = aging < 0 ? -1 : value.indexOf(AGING_SEPARATOR, aging + 1);
  return response < 0 ? value : value.slice(0, response);
}

/** A check read back from an archive row: each cell's token; undefined when the cell holds none (an older archive) or not one this version wrote. */
export interface OutputCheck {
  readonly fields: readonly string[];
  readonly aging: readonly string[];
  /** The Action taken text's token (withResponseCheck), or FOREIGN_RESPONSE; undefined in a check made before it was kept. */
  readonly response?: string;
}

const TOKEN = /^[A-Za-z0-9_-]{4}$/;

function tokens(text: string): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    if (text[i] === BLANK) {
      out.push(BLANK);
      i++;
      continue;
    }
    const t = text.slice(i, i + TOKEN_CHARS);
    if (!TOKEN.test(t)) return undefined;
    out.push(t);
    i += TOKEN_CHARS;
  }
  return out;
}

export function readOutputCheck(value: CellValue): OutputCheck | undefined {
  if (typeof value !== "string") return undefined;
  const at = value.indexOf(AGING_SEPARATOR);
  if (at < 0) return undefined;
  const next = value.indexOf(AGING_SEPARATOR, at + 1);
  if (next >= 0 && value.indexOf(AGING_SEPARATOR, next + 1) >= 0) return undefined;
  const fields = tokens(value.slice(0, at).trim());
  const aging = tokens(value.slice(at + 1, next < 0 ? undefined : next).trim());
  const responseCell = next < 0 ? undefined : value.slice(next + 1).trim();
  const response =
    responseCell === undefined ? undefined : responseCell === FOREIGN_RESPONSE ? [FOREIGN_RESPONSE] : tokens(responseCell);
  if (!fields || !aging || fields.length !== HASHED_FIELDS.length) return undefined;
  if (response === undefined) return responseCell === undefined ? { fields, aging } : undefined;
  return response.length === 1 ? { fields, aging, response: response[0] } : undefined;
}

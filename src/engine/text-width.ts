/**
 * East Asian wide characters (CJK, Hangul, full-width forms): two columns in a terminal, a full
 * em in a spreadsheet's font; and how wide each character prints in a sheet's cell. One place for
 * every face that measures text.
 */
export const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
];

const escaped = (code: number) => `\\u${code.toString(16).padStart(4, "0")}`;

/** The ranges as the body of a regular expression's character class. */
export const WIDE_CLASS = WIDE_RANGES.map(([from, to]) => `${escaped(from)}-${escaped(to)}`).join("");

/** Whether a text holds a Chinese character (a CJK ideograph): the mark of a text written in Chinese. */
export function hasHanCharacter(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
}

/** Whether a UTF-16 code is a wide character. */
export function isWideCode(code: number): boolean {
  for (const [from, to] of WIDE_RANGES) if (code >= from && code <= to) return true;
  return false;
}

/**
 * Chinese punctuation that closes what comes before it, which no line starts with, and brackets
 * and quotes that open what comes after them, which no line ends with: where a sheet's cell and a
 * terminal's table both break Chinese lines.
 */
export const CLOSING_PUNCTUATION = "，。、；：！？）」』》〉】〕”’";
export const OPENING_PUNCTUATION = "（「『《〈【〔“‘";

/** Curly quotes (U+2018–U+201D): a sheet's Chinese text sets them in its CJK font, a full em wide. */
export const CURLY_QUOTES = [0x2018, 0x201d] as const;

/**
 * How wide characters print, in widths of the font's digit (Excel's column unit), from Calibri 11's
 * own and rounded up: a Chinese character is a full em (14.7 px against the digit's 7), a capital
 * about a digit and a tenth, a lowercase letter or a sign 0.88 (a line of English averages less),
 * a space half. A line wraps where its next word no longer fits, as Excel and LibreOffice wrap it.
 */
export const CHARACTER_WIDTH = { wide: 2.1, capital: 1.1, digit: 1, space: 0.5, other: 0.88 } as const;

/** The widths of the ASCII characters, looked up rather than worked out for every character of every text. */
const ASCII_WIDTH = Float64Array.from({ length: 128 }, (_, code) => {
  if (code === 32) return CHARACTER_WIDTH.space;
  if (code >= 48 && code <= 57) return CHARACTER_WIDTH.digit;
  if (code >= 65 && code <= 90) return CHARACTER_WIDTH.capital;
  return CHARACTER_WIDTH.other;
});

/** A character's width in a sheet's cell by its UTF-16 code: the wide ranges and curly quotes take a full em. */
export function characterWidth(code: number): number {
  if (code < 128) return ASCII_WIDTH[code];
  const wide = isWideCode(code) || (code >= CURLY_QUOTES[0] && code <= CURLY_QUOTES[1]);
  return wide ? CHARACTER_WIDTH.wide : CHARACTER_WIDTH.other;
}

/** How wide a text prints in a sheet's cell, in digit widths: its widest line, unwrapped. */
export function printedWidth(text: string): number {
  let widest = 0;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      widest = Math.max(widest, width);
      width = 0;
    } else width += characterWidth(code);
  }
  return Math.max(widest, width);
}

/**
 * East Asian wide characters (CJK, Hangul, full-width forms): two columns in a terminal, a full
 * em in a spreadsheet's font. One list for every face that measures text.
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

/** Whether a UTF-16 code is a wide character. */
export function isWideCode(code: number): boolean {
  for (const [from, to] of WIDE_RANGES) if (code >= from && code <= to) return true;
  return false;
}

/** A1 references as the package writes them: 0-based indexes in, "AB12" out, and back. */
import { columnLetter } from "../../engine/review/headers";

export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** The 1-based column of a reference's letters ("AB12" → 28), or 0 when it has none. */
export function columnNumber(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
    // Past any real column: stop before the number grows without bound.
    if (column > 1e7) return column;
  }
  return column;
}

/** The 1-based row of a reference ("AB12" → 12), or 0 when it has none. */
export function rowNumber(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  const digits = ref.slice(i);
  return /^\d{1,15}$/.test(digits) ? Number(digits) : 0;
}

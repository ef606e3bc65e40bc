/**
 * A1 addressing, the project's only one: column letters, "B3:F20" for an area and an address
 * read back into sheet coordinates. Every face (review messages, the write plan's formulas,
 * the command line's cell references in the sheet XML, the task pane's Office.js addresses) goes
 * through here, so a column is named the same everywhere. Pure: no Office.js, no file I/O.
 */

/** Excel's grid: rows 1 to 1,048,576, columns A to XFD (the 16,384th). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** A rectangle of one sheet in 0-based sheet coordinates. */
export interface Area {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** Whether two areas are the same cells. */
export function sameArea(a: Area, b: Area): boolean {
  return a.row === b.row && a.column === b.column && a.rows === b.rows && a.columns === b.columns;
}

/** An address read back: the sheet it names ("" when it names none) and the area. */
export interface ParsedAddress extends Area {
  readonly sheet: string;
}

/**
 * A sheet's name as a reference writes it before the "!": in quotes, its own quotes doubled
 * ('My sheet'!A1), as a formula or a defined name may always have it; `whenNeeded`, as people
 * read it, a plain name (a letter, then letters, digits or _, not itself a cell like "AB12")
 * stays bare (Invoices!C123).
 */
export function sheetReference(sheet: string, quote: "always" | "whenNeeded" = "always"): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return quote === "whenNeeded" && plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Excel's column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 1-based column of a reference's leading letters ("AB12" → 28, either case), or 0 when it
 * has none; read from `from` on, a reference inside a longer text is read in place. Stops early
 * past any real column, so a hostile reference cannot grow the number without bound. Cheap
 * enough for the command line's streamed read of every cell reference.
 */
export function referenceColumn(ref: string, from = 0): number {
  let column = 0;
  for (let i = from; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
    if (column > 1e7) return column;
  }
  return column;
}

/** The 1-based row of a reference ("AB12" → 12), or 0 when it has none. */
export function referenceRow(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  const digits = ref.slice(i);
  return /^\d{1,15}$/.test(digits) ? Number(digits) : 0;
}

/** "B3" for a 0-based row and column. */
export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/**
 * "B3:F20" for an area. One cell is "B3", unless `bothCorners` asks for "B3:B3": a one-cell range
 * written as a range.
 */
export function a1(area: Area, options: { readonly bothCorners?: boolean } = {}): string {
  const start = cellA1(area.row, area.column);
  if (area.rows === 1 && area.columns === 1 && !options.bothCorners) return start;
  return `${start}:${cellA1(area.row + area.rows - 1, area.column + area.columns - 1)}`;
}

/**
 * Reads an address as Office.js gives it: "Sheet1!B3:F20", "'My sheet'!A1", "Sheet1!C5".
 * Whole-row or whole-column forms ("1:3", "A:C") are not produced by used ranges and are rejected.
 */
export function parseAddress(address: string): ParsedAddress {
  const bang = address.lastIndexOf("!");
  let sheet = bang >= 0 ? address.slice(0, bang) : "";
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const match = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(ref);
  if (!match) throw new Error(`not a cell range address: ${address}`);
  const c1 = referenceColumn(match[1]) - 1;
  const r1 = Number(match[2]) - 1;
  const c2 = match[3] ? referenceColumn(match[3]) - 1 : c1;
  const r2 = match[4] ? Number(match[4]) - 1 : r1;
  return {
    sheet,
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    columns: Math.abs(c2 - c1) + 1,
  };
}

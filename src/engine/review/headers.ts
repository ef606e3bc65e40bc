/**
 * Finding the header row of a sheet and what each column holds. A header row need not
 * be row 1 (titles and notes often sit above it); it is the row among the first few
 * that names the most known columns.
 */
import { CellValue } from "../cells";
import { Lang } from "../i18n";
import { headerKey, LANGS_OF_HEADERS } from "./fields";

export interface UnknownColumn {
  readonly column: number;
  readonly header: string;
}

export interface DuplicateColumn<F extends string> {
  readonly field: F;
  readonly column: number;
  readonly usedColumn: number;
}

export interface HeaderMatch<F extends string> {
  /** 0-based index of the header row in the values given. */
  readonly headerRow: number;
  /** 0-based column of each field found (the first one where a header repeats). */
  readonly columns: Partial<Record<F, number>>;
  readonly headers: readonly string[];
  readonly unknown: readonly UnknownColumn[];
  readonly duplicates: readonly DuplicateColumn<F>[];
}

/** How far down a sheet a header row is looked for. */
export const HEADER_SCAN_ROWS = 30;

/**
 * The columns of a row that belong to someone else (the review's own output columns on a sheet
 * it reviewed): neither fields nor unknown. Told from the whole row, never from a header alone.
 */
export type OtherColumns = (row: readonly CellValue[]) => ReadonlySet<number>;

const NO_OTHER_COLUMNS: OtherColumns = () => new Set();

export function aliasTable<F extends string>(aliases: Readonly<Record<F, readonly string[]>>): Map<string, F> {
  const table = new Map<string, F>();
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const key = headerKey(alias);
      if (!table.has(key)) table.set(key, field);
    }
  }
  return table;
}

function cellText(value: CellValue): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return "";
}

/** Matches one row as headers, but for the columns `others` says belong to someone else. */
export function matchRow<F extends string>(
  row: readonly CellValue[],
  table: Map<string, F>,
  others: OtherColumns = NO_OTHER_COLUMNS,
): HeaderMatch<F> & { readonly found: number } {
  const ignored = others(row);
  const columns: Partial<Record<F, number>> = {};
  const unknown: UnknownColumn[] = [];
  const duplicates: DuplicateColumn<F>[] = [];
  const headers: string[] = [];
  let found = 0;
  row.forEach((cell, column) => {
    const header = cellText(cell);
    headers[column] = header;
    if (header === "" || ignored.has(column)) return;
    const key = headerKey(header);
    const field = table.get(key);
    if (field === undefined) {
      unknown.push({ column, header });
    } else if (columns[field] !== undefined) {
      duplicates.push({ field, column, usedColumn: columns[field] as number });
    } else {
      columns[field] = column;
      found++;
    }
  });
  return { headerRow: 0, columns, headers, unknown, duplicates, found };
}

/** The best header row among the first rows, or undefined when no row names at least `minimum` fields. */
export function findHeaderRow<F extends string>(
  rows: readonly (readonly CellValue[])[],
  table: Map<string, F>,
  minimum: number,
  others: OtherColumns = NO_OTHER_COLUMNS,
): HeaderMatch<F> | undefined {
  let best: (HeaderMatch<F> & { found: number }) | undefined;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const match = matchRow(rows[r] ?? [], table, others);
    if (match.found >= minimum && (best === undefined || match.found > best.found)) best = { ...match, headerRow: r };
  }
  return best;
}

/**
 * The language a table's header row was written in: the one whose headers it holds more of
 * (`fallback` on a tie). Rows added under an existing header use its language, so a table
 * kept for years does not switch words half-way down when a review runs in the other one.
 */
export function headerLanguage(row: readonly CellValue[], headers: (lang: Lang) => readonly string[], fallback: Lang): Lang {
  const cells = new Set(row.map((cell) => headerKey(cell)).filter((key) => key !== ""));
  const count = (lang: Lang) => headers(lang).filter((header) => cells.has(headerKey(header))).length;
  let best = fallback;
  for (const lang of LANGS_OF_HEADERS) if (count(lang) > count(best)) best = lang;
  return best;
}

/**
 * Where the review's output columns go on the customer sheet: the columns of an earlier run
 * when the sheet has them, else new columns right of everything the user has written. An
 * earlier run's columns this run does not write (aging buckets of other edges, or of a run
 * with a ledger) are cleared, never left stale.
 */
import { bucketLabels } from "../aging";
import { CellValue } from "../cells";
import { CreditError } from "../errors";
import { reviewOwnColumns } from "./columns";
import { agingHeader, headerKey, LANGS_OF_HEADERS, OUTPUT_FIELDS, OutputField } from "./fields";
import { columnLetter, EXCEL_COLUMNS } from "../a1";
import { HeaderMatch } from "./headers";
import { GRADES } from "../policy";
import { DATA_ERROR_GRADES, gradeName } from "./texts";

/** What the grade column of a run's row holds, in either language. */
const WRITTEN_GRADES: ReadonlySet<string> = new Set([
  ...LANGS_OF_HEADERS.flatMap((lang) => GRADES.map((g) => gradeName(g, lang))),
  ...DATA_ERROR_GRADES,
]);

export interface OutputPlace {
  /** 0-based column (in values) of each output column. */
  readonly columns: Record<OutputField, number>;
  /** 0-based column of each aging bucket's column, in bucket order; empty without a ledger. */
  readonly agingColumns: readonly number[];
  /** An earlier run's output columns this run does not write: blanked from the header down. */
  readonly clearedColumns: readonly number[];
  /** Last row holding anything in an earlier run's output columns, so it can be cleared. */
  readonly stale: number;
}

/**
 * The output columns' place; throws when the sheet has no room for them before Excel's last column.
 * `agingEdges` is given with a ledger: one column per bucket, found by its header in either language.
 */
export function outputPlace(
  sheetName: string,
  values: readonly (readonly CellValue[])[],
  match: HeaderMatch<string>,
  originColumn: number,
  agingEdges?: readonly number[],
): OutputPlace {
  const headerLine = values[match.headerRow] ?? [];
  const bucketKeys = agingEdges
    ? LANGS_OF_HEADERS.map((lang) => bucketLabels(agingEdges, lang).map((label) => headerKey(agingHeader(label, lang))))
    : [];
  const bucketOf = (key: string) => {
    for (const keys of bucketKeys) {
      const index = keys.indexOf(key);
      if (index >= 0) return index;
    }
    return -1;
  };
  // Our columns are the rightmost ones with our headers (a run always appends on the right), and
  // only when several of them stand together: a lone user column headed "Warnings" is the user's.
  const own = reviewOwnColumns(headerLine);
  const found = own.fields;
  const foundBuckets = new Map<number, number>();
  for (const column of own.aging) {
    const bucket = bucketOf(headerKey(headerLine[column]));
    if (bucket >= 0) foundBuckets.set(bucket, column);
  }
  const ours = own.all;
  // New output columns go right of everything the user has on the sheet, on any row.
  let lastUsed = -1;
  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    for (let c = line.length - 1; c > lastUsed; c--) {
      const v = line[c];
      if (!ours.has(c) && v !== null && v !== undefined && v !== "") {
        lastUsed = c;
        break;
      }
    }
  }
  let next = Math.max(lastUsed, ...(ours.size ? [...ours] : [-1])) + 1;
  // A column an earlier run cleared between two of ours (the aging's, a month without a ledger)
  // is taken again before any new one on the right: the review's columns stay side by side, so a
  // table over them (customer-table.ts) can keep covering them all.
  const gaps = ours.size ? blankColumnsBetween(values, Math.min(...ours), Math.max(...ours), ours) : [];
  const place = () => gaps.shift() ?? next++;
  const columns = {} as Record<OutputField, number>;
  const agingColumns: number[] = [];
  for (const field of OUTPUT_FIELDS) {
    if (field === "issues") {
      const buckets = bucketKeys[0]?.length ?? 0;
      for (let b = 0; b < buckets; b++) agingColumns.push(foundBuckets.get(b) ?? place());
    }
    columns[field] = found[field] ?? place();
  }
  const written = new Set([...Object.values(columns), ...agingColumns]);
  const clearedColumns = [...ours].filter((c) => !written.has(c)).sort((a, b) => a - b);
  // An earlier run's rows below this run's customers are cleared; a row is known as one of its
  // own by the grade it wrote (or its "data error"). Anything else the user typed under the
  // table in these columns (a memo, a note under a score) is left as it is.
  let stale = match.headerRow;
  const gradeColumn = found.grade;
  if (gradeColumn !== undefined) {
    for (let r = values.length - 1; r > match.headerRow; r--) {
      const grade = values[r]?.[gradeColumn];
      if (typeof grade === "string" && WRITTEN_GRADES.has(grade)) {
        stale = r;
        break;
      }
    }
  }
  const count = OUTPUT_FIELDS.length + agingColumns.length;
  const outputFrom = Math.min(...Object.values(columns), ...agingColumns) + originColumn;
  if (Math.max(...written) + originColumn >= EXCEL_COLUMNS) {
    throw new CreditError("value", "review.noRoom", {
      sheet: sheetName,
      count,
      column: columnLetter(Math.min(outputFrom, EXCEL_COLUMNS) - 1),
    });
  }
  return { columns, agingColumns, clearedColumns, stale };
}

/** The columns strictly between `from` and `to`, not in `except`, with nothing in any row: left to right. */
function blankColumnsBetween(
  values: readonly (readonly CellValue[])[],
  from: number,
  to: number,
  except: ReadonlySet<number>,
): number[] {
  const blank: number[] = [];
  for (let c = from + 1; c < to; c++) {
    if (except.has(c)) continue;
    if (values.every((line) => line[c] === null || line[c] === undefined || line[c] === "")) blank.push(c);
  }
  return blank;
}

/**
 * Where the review's output columns go on the customer sheet: the columns of an earlier run
 * when the sheet has them, else new columns right of everything the user has written. The aging
 * buckets take an earlier run's aging columns in order, whatever their edges. An earlier run's
 * columns this run does not write (aging buckets beyond this run's count, or every one after a
 * run with a ledger) are cleared, never left stale.
 */
import { bucketLabels } from "../aging";
import { CellValue, isBlankCell } from "../cells";
import { CreditError } from "../errors";
import { reviewOwnColumns } from "./columns";
import { LANGS_OF_HEADERS, OUTPUT_FIELDS, OutputField } from "./fields";
import { columnLetter, EXCEL_COLUMNS } from "../a1";
import { HeaderMatch } from "./headers";
import { GRADES } from "../policy";
import { DATA_ERROR_GRADES, gradeName } from "./texts";
import "../i18n/report";

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
 * `agingEdges` is given with a ledger: one column per bucket, an earlier run's aging columns (known
 * by their header in either language) taken first, in order (see earlierAgingSlots).
 */
export function outputPlace(
  sheetName: string,
  values: readonly (readonly CellValue[])[],
  match: HeaderMatch<string>,
  originColumn: number,
  agingEdges?: readonly number[],
): OutputPlace {
  const headerLine = values[match.headerRow] ?? [];
  // Our columns are the rightmost ones with our headers (a run always appends on the right), and
  // only when several of them stand together: a lone user column headed "Warnings" is the user's.
  const own = reviewOwnColumns(headerLine);
  const found = own.fields;
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
  let gaps = ours.size ? blankColumnsBetween(values, Math.min(...ours), Math.max(...ours), ours) : [];
  // One column per label the output writes (Current, each range, the last open one).
  const buckets = agingEdges ? bucketLabels(agingEdges, "en").length : 0;
  const agingSlots = earlierAgingSlots(own.aging, gaps);
  const reused = agingSlots.slice(0, buckets);
  gaps = gaps.filter((c) => !reused.includes(c));
  const place = () => gaps.shift() ?? next++;
  const columns = {} as Record<OutputField, number>;
  const agingColumns: number[] = [];
  for (const field of OUTPUT_FIELDS) {
    if (field === "issues") for (let b = 0; b < buckets; b++) agingColumns.push(reused[b] ?? place());
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

/**
 * The columns an earlier run's aging buckets stand in, left to right, for this run's buckets to
 * take in order whatever their edges (30/60/90 become 45/90, or 30/60/90/120): the aging stays
 * one run of columns where it stood, each under its new header, instead of a blanked column among
 * the review's and the buckets of new edges after Review issues and the user's own columns. A
 * blank column among them (a bucket an earlier run cleared) is one of those places too. Buckets
 * beyond these go where any new column goes; those of these left over are cleared.
 */
function earlierAgingSlots(aging: readonly number[], gaps: readonly number[]): number[] {
  if (aging.length === 0) return [];
  const first = aging[0];
  const last = aging[aging.length - 1];
  return [...aging, ...gaps.filter((c) => c > first && c < last)].sort((a, b) => a - b);
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
    if (values.every((line) => isBlankCell(line[c]))) blank.push(c);
  }
  return blank;
}

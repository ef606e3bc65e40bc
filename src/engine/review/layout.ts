/**
 * Where the review's output columns go on the customer sheet: the columns of an earlier run
 * when the sheet has them, else new columns right of everything the user has written.
 */
import { CellValue } from "../cells";
import { CreditError } from "../errors";
import { outputFieldOf } from "./columns";
import { OUTPUT_FIELDS, OutputField } from "./fields";
import { columnLetter } from "../a1";
import { HeaderMatch } from "./headers";

/** Fewer of our headers side by side than this are the user's own columns, not an earlier run's. */
const MIN_OWN_OUTPUT_HEADERS = 3;
/** Excel's last column is XFD, the 16,384th. */
const EXCEL_COLUMNS = 16384;

export interface OutputPlace {
  /** 0-based column (in values) of each output column. */
  readonly columns: Record<OutputField, number>;
  /** Last row holding anything in an earlier run's output columns, so it can be cleared. */
  readonly stale: number;
}

/** The output columns' place; throws when the sheet has no room for them before Excel's last column. */
export function outputPlace(
  sheetName: string,
  values: readonly (readonly CellValue[])[],
  match: HeaderMatch<string>,
  originColumn: number,
): OutputPlace {
  const headerLine = values[match.headerRow] ?? [];
  // Our columns are the rightmost ones with our headers (a run always appends on the right), and
  // only when several of them stand together: a lone user column headed "Warnings" is the user's.
  let found: Partial<Record<OutputField, number>> = {};
  headerLine.forEach((cell, column) => {
    const field = outputFieldOf(cell);
    if (field !== undefined) found[field] = column;
  });
  if (Object.keys(found).length < MIN_OWN_OUTPUT_HEADERS) found = {};
  const ours = new Set(Object.values(found) as number[]);
  // New output columns go right of everything the user has on the sheet, on any row.
  let lastUsed = -1;
  for (const line of values) {
    for (let c = line.length - 1; c > lastUsed; c--) {
      const v = line[c];
      if (!ours.has(c) && v !== null && v !== undefined && v !== "") {
        lastUsed = c;
        break;
      }
    }
  }
  let next = Math.max(lastUsed, ...(ours.size ? [...ours] : [-1])) + 1;
  const columns = {} as Record<OutputField, number>;
  for (const field of OUTPUT_FIELDS) columns[field] = found[field] ?? next++;
  let stale = match.headerRow;
  if (ours.size) {
    for (let r = values.length - 1; r > match.headerRow; r--) {
      const line = values[r];
      if (line && [...ours].some((c) => line[c] !== null && line[c] !== undefined && line[c] !== "")) {
        stale = r;
        break;
      }
    }
  }
  const outputFrom = Math.min(...Object.values(columns)) + originColumn;
  if (outputFrom + OUTPUT_FIELDS.length > EXCEL_COLUMNS) {
    throw new CreditError("value", "review.noRoom", {
      sheet: sheetName,
      count: OUTPUT_FIELDS.length,
      column: columnLetter(Math.min(outputFrom, EXCEL_COLUMNS) - 1),
    });
  }
  return { columns, stale };
}

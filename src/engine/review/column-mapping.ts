/**
 * The column mapping a user makes by hand in the task pane (a header the review did not
 * recognise → the field its column holds), kept in the workbook's add-in settings: read back
 * the same way by every face, and what a review made of it.
 */
import { CellValue } from "../cells";
import { reviewOwnColumns } from "./columns";
import { headerKey, INPUT_FIELDS, InputField } from "./fields";
import type { ColumnReport } from "./review";

/** The add-in setting the mapping is kept under (Office's document settings of the add-in). */
export const MAPPING_SETTING = "credit.columnMapping";

export type ColumnMapping = Readonly<Record<string, InputField>>;

/** A kept mapping as the review takes it, and its entries that name no field of the review. */
export interface KeptMapping {
  readonly mapping: ColumnMapping;
  readonly unknownFields: readonly { readonly header: string; readonly field: string }[];
}

/**
 * The setting's value as a mapping: each header → field whose field is one of the review's; the
 * others are left out (a field this version of the review does not have). Undefined when the
 * value is no header → field table at all.
 */
export function readColumnMapping(raw: unknown): KeptMapping | undefined {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const mapping: Record<string, InputField> = {};
  const unknownFields: { header: string; field: string }[] = [];
  for (const [header, field] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof field === "string" && (INPUT_FIELDS as readonly string[]).includes(field)) mapping[header] = field as InputField;
    else unknownFields.push({ header, field: typeof field === "string" ? field : String(JSON.stringify(field)) });
  }
  return { mapping, unknownFields };
}

/**
 * A mapped header the review did not read, and why: no cell of the header row has it, an earlier
 * column holds its field (`usedColumn`), or it is one of the review's own output headers.
 */
export type UnusedMapping =
  | { readonly header: string; readonly field: InputField; readonly reason: "notOnSheet" | "reviewColumn" }
  | { readonly header: string; readonly field: InputField; readonly reason: "fieldTaken"; readonly usedColumn: string };

export interface MappingUse {
  /** The mapped headers the review read, each with its column and field, in column order. */
  readonly used: readonly { readonly header: string; readonly field: InputField; readonly column: string }[];
  readonly unused: readonly UnusedMapping[];
}

/**
 * What a review with `mapping` made of it, from its column report and the header row it read
 * (`headerCells`): the same whichever face ran it.
 */
export function mappingUse(mapping: ColumnMapping, columns: ColumnReport, headerCells: readonly CellValue[]): MappingUse {
  const used: MappingUse["used"][number][] = [];
  const unused: UnusedMapping[] = [];
  const onSheet = new Set(headerCells.map((cell) => headerKey(cell)));
  const own = reviewOwnColumns(headerCells).all;
  const reviewKeys = new Set([...own].map((c) => headerKey(headerCells[c])));
  for (const [header, field] of Object.entries(mapping)) {
    const key = headerKey(header);
    const found = columns.found.find((f) => f.field === field && headerKey(f.header) === key);
    const holder = columns.found.find((f) => f.field === field);
    if (found) used.push({ header: found.header, field, column: found.column });
    else if (!onSheet.has(key)) unused.push({ header, field, reason: "notOnSheet" });
    else if (reviewKeys.has(key) || !holder) unused.push({ header, field, reason: "reviewColumn" });
    else unused.push({ header, field, reason: "fieldTaken", usedColumn: holder.column });
  }
  used.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  return { used, unused };
}

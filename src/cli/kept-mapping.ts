/**
 * The column mapping the task pane keeps in the workbook (headers mapped by hand), read from the
 * package for the command line's review, and what the command line says of it: the same mapping
 * read and checked as the pane reads it (readColumnMapping), so both faces review a sheet alike.
 */
import "../engine/i18n/cli";
import { Lang, message } from "../engine/i18n";
import { ColumnMapping, KeptMapping, MAPPING_SETTING, MappingUse, readColumnMapping } from "../engine/review/column-mapping";
import { FIELD_LABELS } from "../engine/review/fields";
import { Workbook } from "./package/workbook";

/** The mapping as read from its part, or why it could not be (the review then goes on without one, as the pane does). */
export type KeptMappingRead = (KeptMapping & { readonly part: string }) | { readonly part: string; readonly problem: string };

/**
 * The mapping kept by this add-in in the workbook, undefined when there is none. A value Office
 * could not read back either (not JSON, not a header → field table) is no mapping for the pane:
 * here it is said, with its part.
 */
export async function readKeptMapping(workbook: Workbook, lang: Lang): Promise<KeptMappingRead | undefined> {
  for (const kept of await workbook.addinParts()) {
    if ("problem" in kept) return { part: kept.part, problem: message(lang, "cli.mappingNotXml", { detail: kept.problem }) };
    const value = kept.settings.get(MAPPING_SETTING);
    if (value === undefined) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(value);
    } catch (error) {
      return {
        part: kept.part,
        problem: message(lang, "cli.mappingNotJson", { detail: (error as Error).message.slice(0, 120) }),
      };
    }
    const read = readColumnMapping(raw);
    return read ? { part: kept.part, ...read } : { part: kept.part, problem: message(lang, "cli.mappingNotTable") };
  }
  return undefined;
}

/** The mapping to review with: none when the workbook keeps none or it could not be read. */
export function mappingOf(read: KeptMappingRead | undefined): ColumnMapping | undefined {
  return read && "mapping" in read ? read.mapping : undefined;
}

/** The line on stderr for a mapping that could not be read, naming its part. */
export function unreadableMappingLine(read: KeptMappingRead, lang: Lang): string | undefined {
  return "problem" in read ? message(lang, "cli.mappingUnreadable", { part: read.part, reason: read.problem }) : undefined;
}

/** The report's lines on a mapping the review used: the headers it read through it, then those it did not. */
export function mappingLines(read: KeptMapping, use: MappingUse, lang: Lang): string[] {
  const field = (f: keyof typeof FIELD_LABELS) => FIELD_LABELS[f][lang];
  const lines = [
    use.used.length
      ? message(lang, "cli.mappingUsed", {
          columns: use.used.map((u) =>
            message(lang, "cli.mappingColumn", { column: u.column, header: u.header, field: field(u.field) }),
          ),
        })
      : message(lang, "cli.mappingNoneUsed"),
  ];
  const unused = [
    ...use.unused.map((u) =>
      u.reason === "fieldTaken"
        ? message(lang, "cli.mappingFieldTaken", { header: u.header, field: field(u.field), column: u.usedColumn })
        : message(lang, u.reason === "notOnSheet" ? "cli.mappingNotOnSheet" : "cli.mappingReviewColumn", { header: u.header }),
    ),
    ...read.unknownFields.map((u) => message(lang, "cli.mappingUnknownField", { header: u.header, field: u.field })),
  ];
  if (unused.length) lines.push(message(lang, "cli.mappingUnused", { entries: unused }));
  return lines;
}

/** The mapping in --json: its part, the headers read through it and those not, or why it could not be read. */
export function mappingJson(read: KeptMappingRead | undefined, use: MappingUse | undefined) {
  if (!read) return null;
  if ("problem" in read) return { part: read.part, unreadable: read.problem };
  return { part: read.part, used: use?.used ?? [], unused: use?.unused ?? [], unknownFields: read.unknownFields };
}

/**
 * The policy as a sheet people can read and edit: one setting per row (one row per factor
 * weight), named in the review's language, its value, and a sentence on what it does; the
 * version on top, computed from the settings. A shared workbook carries its policy this way.
 * Read back, a setting is found by its name in either language or by its key ("overdueDays",
 * as sheets written before the names were) and read by the engine's one setting reader.
 */
import { CellValue, isEmptyCell } from "../cells";
import { CreditError } from "../errors";
import { Lang, message, MessageKey } from "../i18n";
import { completePolicy, FACTORS, Policy, POLICY_FIELDS, PolicyField } from "../policy";
import { printedWidth } from "../text-width";
import { foldTraditional } from "../traditional-chinese";
import { Z_MODEL_NAMES } from "../z-models";
import { LANGS_OF_HEADERS } from "./fields";
import { ACTIONS } from "./decisions";
import { WARNING_CODES } from "./warnings";
import { WIDTH } from "./sheet-layout";
import { settingPercentFormat } from "./formats";
import type { CellFormat, PlanValue } from "./write-plan";
import "../i18n/report";

/**
 * One row of the policy sheet: a setting, one factor's weight (`item` of the weights), or the
 * version (no field: shown, never read). `name` is the setting's name in ErrorPlace.setting
 * and in the catalogues ("policy.<name>" its label, "policyHelp.<name>" its explanation).
 */
export interface PolicyRow {
  readonly name: string;
  readonly field?: PolicyField;
  readonly item?: number;
}

export const POLICY_ROWS: readonly PolicyRow[] = [
  { name: "version" },
  ...POLICY_FIELDS.flatMap((field): PolicyRow[] =>
    field.itemSettings ? field.itemSettings.map((name, item) => ({ name, field, item })) : [{ name: field.key, field }],
  ),
];

export function settingLabel(name: string, lang: Lang): string {
  return message(lang, `policy.${name}` as MessageKey);
}

function settingHelp(row: PolicyRow, lang: Lang): string {
  if (row.item !== undefined) return message(lang, "policyHelp.weight", { factor: FACTORS[row.item] });
  return message(lang, `policyHelp.${row.name}` as MessageKey);
}

/** A setting's value as the sheet shows it, with its cell format; read back to the same value. */
export function settingCell(row: PolicyRow, policy: Policy, lang: Lang): { value: PlanValue; format: CellFormat } {
  const field = row.field;
  if (!field) return { value: policy.version, format: "text" };
  const value = policy[field.key];
  if (row.item !== undefined) return { value: (value as readonly number[])[row.item], format: "general" };
  if (field.kind === "model") return { value: Z_MODEL_NAMES[lang][policy.defaultZModel], format: "text" };
  if (Array.isArray(value)) return { value: value.join(", "), format: "text" };
  // A share as the policy holds it (75%, 70.5%), as every text quoting a threshold writes it.
  return { value: value as number, format: field.kind === "percent" ? settingPercentFormat(value as number) : "general" };
}

/** The first cell of the policy sheet's header row, in either language. */
const VALUE_HEADERS: ReadonlySet<string> = new Set(LANGS_OF_HEADERS.map((lang) => message(lang, "policySheet.key")));

/** Whether a cell is that header: as the review writes it, or in Traditional characters (設置). */
function isValueHeader(cell: CellValue): boolean {
  return typeof cell === "string" && VALUE_HEADERS.has(foldTraditional(cell));
}

export function policyHeader(lang: Lang): string[] {
  return [message(lang, "policySheet.key"), message(lang, "policySheet.value"), message(lang, "policySheet.meaning")];
}

/**
 * A column's width from its content, within bounds so a long sentence does not make a sheet
 * unreadable. Measured as the row heights count a wrapped text's lines, with the room an indented
 * column's texts lose to the indent: a text the column is fitted to is counted as one line.
 */
export function fittedWidth(values: readonly PlanValue[], min: number, max: number, indented = false): number {
  const padding = WIDTH.padding + (indented ? WIDTH.indent : 0);
  const widths = values.map((v) => Math.ceil(printedWidth(typeof v === "number" ? v.toPrecision(6) : String(v ?? ""))));
  return Math.min(max, Math.max(min, ...widths.map((width) => width + padding)));
}

export function policyRows(policy: Policy, lang: Lang): PlanValue[][] {
  return POLICY_ROWS.map((row) => [settingLabel(row.name, lang), settingCell(row, policy, lang).value, settingHelp(row, lang)]);
}

/**
 * How setting names are compared: case, spaces, punctuation and Traditional or Simplified
 * characters do not matter. Unlike column headers, brackets do: "额度系数：低风险（有预警）" and
 * "…（无预警）" are two settings.
 */
function nameKey(text: string): string {
  return foldTraditional(text.normalize("NFKC"))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Every name a policy row is recognised by: its label in both languages and its key; plus the old one-row "weights". */
const ROW_BY_NAME: ReadonlyMap<string, PolicyRow> = (() => {
  const table = new Map<string, PolicyRow>();
  const add = (name: string, row: PolicyRow) => table.set(nameKey(name), row);
  for (const row of POLICY_ROWS) {
    add(row.name, row);
    add(settingLabel(row.name, "en"), row);
    add(settingLabel(row.name, "zh"), row);
  }
  const weights = POLICY_FIELDS.find((f) => f.key === "weights")!;
  for (const name of [weights.key, message("en", weights.label), message("zh", weights.label)])
    add(name, { name: weights.key, field: weights });
  return table;
})();

/**
 * The archive's codes, which the legend under the table lists in column A: none is a setting,
 * though two read as one's key would (SCORE_RISE as scoreRise, OVERDUE_SHARE as overdueShare).
 */
const CODES: ReadonlySet<string> = new Set<string>([...WARNING_CODES, ...ACTIONS]);

/** Which policy row a sheet row names in its first cell, if any. */
export function policyRowNamed(cell: CellValue): PolicyRow | undefined {
  return typeof cell === "string" && !CODES.has(cell.trim()) ? ROW_BY_NAME.get(nameKey(cell)) : undefined;
}

/** Settings named under the header that make a sheet of another name a policy sheet: one such row may be a user's note. */
const SETTINGS_TO_RECOGNISE = 3;

/**
 * True when a sheet's top rows are a policy sheet's: the header ("Setting", "设置") in column A,
 * then rows naming settings. A policy sheet the user renamed is still read; the review writes
 * every setting within the rows its header search looks at.
 */
export function isPolicySheetTop(top: readonly (readonly CellValue[])[]): boolean {
  const header = top.findIndex((line) => isValueHeader(line[0]));
  if (header < 0) return false;
  const named = top.slice(header + 1).filter((line) => policyRowNamed(line[0])?.field !== undefined);
  return named.length >= SETTINGS_TO_RECOGNISE;
}

/**
 * Reads a policy sheet back: rows whose first cell names a setting; others (titles, notes, the
 * version, the legend of codes) are left alone. Settings the sheet does not name take the
 * defaults; a bad or blank one is an error naming the sheet (when given), its row and the setting.
 */
export function readPolicySheet(values: readonly (readonly CellValue[])[], sheet?: string): Policy {
  const partial: Record<string, unknown> = {};
  const rowOf = new Map<string, number>();
  const weights: unknown[] = [];
  // A setting named with no value: a row the user emptied is not silently the default.
  let blank: string | undefined;
  values.forEach((line, r) => {
    const row = policyRowNamed(line[0]);
    if (!row?.field) return;
    const raw = line[1];
    rowOf.set(row.name, r + 1);
    if (isEmptyCell(raw)) {
      blank ??= row.name;
      return;
    }
    if (row.item !== undefined) weights[row.item] = raw;
    else partial[row.field.key] = raw;
  });
  // The values are in column B, under the sheet's own header when it has one ("Value", "值").
  const header = values.find((line) => isValueHeader(line[0]))?.[1];
  const column = typeof header === "string" && header.trim() !== "" ? `B (${header.trim()})` : "B";
  const where = (error: CreditError) => {
    const setting = error.place.setting ?? "";
    const row = rowOf.get(setting) ?? (setting.startsWith("weight") ? firstWeightRow(rowOf) : undefined);
    return error.at({ ...(sheet === undefined ? {} : { sheet }), ...(row === undefined ? {} : { row, column }) });
  };
  if (blank !== undefined) throw where(new CreditError("value", "policy.blank", { field: blank }, { setting: blank }));
  if (weights.length > 0) {
    const missing = FACTORS.findIndex((_, i) => weights[i] === undefined);
    if (missing >= 0) {
      const name = `weight.${FACTORS[missing]}`;
      const error = new CreditError("value", "policy.weightMissing", { field: name }, { setting: name });
      throw sheet === undefined ? error : error.at({ sheet });
    }
    partial.weights = weights;
  }
  try {
    return completePolicy(partial);
  } catch (error) {
    throw error instanceof CreditError ? where(error) : error;
  }
}

function firstWeightRow(rowOf: ReadonlyMap<string, number>): number | undefined {
  const rows = FACTORS.map((f) => rowOf.get(`weight.${f}`)).filter((r): r is number => r !== undefined);
  return rows.length ? Math.min(...rows) : rowOf.get("weights");
}

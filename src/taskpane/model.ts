/**
 * The pane's plain logic, apart from React and Office.js: the policy form, the column
 * report, what a write changes in sentences. Every rule, threshold, header and
 * layout comes from the engine; this only moves it between the engine and the screen.
 */
import "../engine/i18n/ui";
import { Area, columnLetter } from "../engine/a1";
import { CellValue, todaySerial } from "../engine/cells";
import { CreditError, errorText } from "../engine/errors";
import { Lang, MessageKey, Translate } from "../engine/i18n";
import { Policy, POLICY_FIELDS, PolicyField } from "../engine/policy";
import { percentText } from "../engine/policy-values";
import { headerSuggester, inputTable, reviewColumnsOf } from "../engine/review/columns";
import { headerKey, InputField } from "../engine/review/fields";
import { findHeaderRow } from "../engine/review/headers";
import { readPolicySheet } from "../engine/review/policy-sheet";
import { policySheetPlan } from "../engine/review/policy-sheet-plan";
import { ownSheetHeaderFooter } from "../engine/review/page-headers";
import { laidOut } from "../engine/review/sheet-layout";
import { OwnSheets } from "../engine/review/sheets";
import { CustomerResult, ReviewInput, ReviewResult } from "../engine/review/review";
import { customerTableAmong, tableOutcome } from "../engine/review/customer-table";
import { customerTableMessages, tableResizedMessage } from "../engine/review/texts";
import { PlanOptions, SheetPlan, WritePlan } from "../engine/review/write-plan";
import type { PlanToWrite, ReviewRead, TargetCheck, WritePart } from "./excel";

// ---- policy form ------------------------------------------------------------------------

export type PolicyForm = Record<string, string>;

/** How a fraction shows in a percent field: 0.1 → "10%" (the engine's setting reader reads it back). */
export { percentText };

export function policyToForm(policy: Policy): PolicyForm {
  const form: PolicyForm = {};
  for (const field of POLICY_FIELDS) {
    const value = policy[field.key];
    if (Array.isArray(value)) form[field.key] = value.join(", ");
    else if (field.kind === "percent" && typeof value === "number") form[field.key] = percentText(value);
    else form[field.key] = String(value);
  }
  return form;
}

export interface PolicyProblem {
  /** The field the error is about, when it names one. */
  readonly field?: keyof Policy;
  readonly text: string;
}

/** The engine's error text, the setting it is about named by its label (where it is: describeError). */
export function policyErrorText(error: CreditError, lang: Lang): string {
  return errorText(error, lang);
}

/** The form field a policy error is about: its setting, or for one factor's weight, the weights. */
function formFieldOf(error: CreditError): keyof Policy | undefined {
  const setting = error.place.setting;
  if (setting === undefined) return undefined;
  const key = setting.startsWith("weight.") ? "weights" : setting;
  return POLICY_FIELDS.find((f) => f.key === key)?.key;
}

/**
 * The form read exactly as the policy sheet is read (readPolicySheet: the same number,
 * percent and list parsing), which ends in completePolicy's checks.
 */
export function formToPolicy(form: PolicyForm, lang: Lang): { policy?: Policy; problem?: PolicyProblem } {
  const rows: CellValue[][] = POLICY_FIELDS.map((f) => [f.key, form[f.key] ?? ""]);
  try {
    return { policy: readPolicySheet(rows) };
  } catch (error) {
    if (!(error instanceof CreditError)) throw error;
    return { problem: { field: formFieldOf(error), text: policyErrorText(error, lang) } };
  }
}

/**
 * The version `policy` has once it is in the form: its settings as the form shows them, read back
 * as the form is read. The form is compared by this, not by `policy.version`: a sheet's share
 * with more digits than the form shows (=1/3) would otherwise never equal the form's.
 */
export function formVersion(policy: Policy): string | undefined {
  return formToPolicy(policyToForm(policy), "en").policy?.version;
}

export function fieldHint(field: PolicyField): MessageKey | undefined {
  if (field.kind === "list") return "ui.policy.listHint";
  if (field.kind === "percent") return "ui.policy.percentHint";
  return undefined;
}

/** What one read of the workbook gives the engine's review: every sheet it read, in the engine's terms. */
export function reviewInputOf(
  read: ReviewRead,
  policy: Policy,
  asOf: number,
  mapping?: Readonly<Record<string, InputField>>,
): ReviewInput {
  return {
    sheetName: read.target.name,
    values: read.target.values,
    origin: read.target.origin,
    asOf,
    policy,
    archive: read.archive?.values,
    policyHistory: read.policyHistory?.values,
    ledger: read.ledger,
    incompleteLedger: read.incompleteLedger,
    mapping,
  };
}

/** What the same read tells the write plan of the workbook: our sheets there, and what they hold now. */
export function planOptionsOf(read: ReviewRead): PlanOptions {
  return {
    ownSheets: read.ownSheets,
    archiveValues: read.archive?.values,
    policyValues: read.policy?.values,
    policyHistoryValues: read.policyHistory?.values,
  };
}

/**
 * A sheet's values counted from A1 once a plan of ours wrote it: its blocks over what it held
 * ("rewrite-from"), or alone on the sheet cleared first ("replace"). A cell written blank reads
 * back as "", as Excel gives it.
 */
export function valuesAfter(plan: SheetPlan, before: readonly (readonly CellValue[])[] = []): CellValue[][] {
  const values = plan.mode === "replace" ? [] : before.map((line) => [...line]);
  for (const block of plan.blocks) {
    block.values.forEach((line, r) => {
      while (values.length <= block.row + r) values.push([]);
      const target = values[block.row + r];
      line.forEach((value, c) => {
        while (target.length < block.column + c) target.push("");
        target[block.column + c] = value ?? "";
      });
    });
  }
  return values;
}

/**
 * The same read, knowing the policy sheet as Save policy left it (`values` under `name`): the
 * next write plan writes over what is there now, and under that sheet's name.
 */
export function readWithPolicySheet(read: ReviewRead, name: string, values: CellValue[][]): ReviewRead {
  return {
    ...read,
    sheetNames: read.sheetNames.includes(name) ? read.sheetNames : [...read.sheetNames, name],
    ownSheets: { ...read.ownSheets, policy: name },
    policy: { name, values },
  };
}

/**
 * The policy sheet alone, laid out by the engine (what "Save policy" writes): over the sheet's
 * `existing` values when they were read, so a note beside the table stays. Its printed pages are
 * dated the day it is saved (`savedOn`), not the last review's: the settings are that day's.
 */
export function policyOnlyPlan(
  policy: Policy,
  lang: Lang,
  own: OwnSheets,
  existing?: readonly (readonly CellValue[])[],
  savedOn: number = todaySerial(),
): PlanToWrite & { sheet: SheetPlan } {
  const plan = laidOut(policySheetPlan(policy, lang, own, existing), lang, "page");
  const sheet = { ...plan, headerFooter: ownSheetHeaderFooter(plan.name, savedOn, lang) };
  return { sheets: [sheet], sheet };
}

// ---- columns ------------------------------------------------------------------------------

export interface MappableHeader {
  readonly column: string;
  readonly header: string;
  /** The header it is likely a misspelling of, and that header's field (see headerSuggester). */
  readonly suggestion?: { readonly field: InputField; readonly header: string };
}

/**
 * Headers the user can map when the review could not even start (required columns not
 * recognised): the engine's own header search with the mapping applied (engine change
 * asked for: the column report on the missing-columns error).
 */
export function headersWhenMissing(
  values: readonly (readonly CellValue[])[],
  origin: { row: number; column: number },
  mapping: Readonly<Record<string, InputField>>,
): MappableHeader[] {
  const match = findHeaderRow(values, inputTable(mapping), 1, reviewColumnsOf);
  if (!match) return [];
  const mapped = new Set(Object.keys(mapping).map(headerKey));
  const suggest = headerSuggester(Object.keys(match.columns) as InputField[]);
  const list: MappableHeader[] = match.unknown.map((u) => {
    const suggestion = suggest(u.header);
    const column = columnLetter(u.column + origin.column);
    return suggestion ? { column, header: u.header, suggestion } : { column, header: u.header };
  });
  match.headers.forEach((h, c) => {
    if (h && mapped.has(headerKey(h))) list.push({ column: columnLetter(c + origin.column), header: h });
  });
  return list;
}

/** Headers offered for mapping after a review: the unknown ones and those already mapped by hand. */
export function mappableHeaders(result: ReviewResult, mapping: Readonly<Record<string, InputField>>): MappableHeader[] {
  const mapped = new Set(Object.keys(mapping).map(headerKey));
  const list: MappableHeader[] = [...result.columns.unknown];
  for (const f of result.columns.found) if (mapped.has(headerKey(f.header))) list.push({ column: f.column, header: f.header });
  return list.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
}

export function mappedField(mapping: Readonly<Record<string, InputField>>, header: string): InputField | undefined {
  const key = headerKey(header);
  const entry = Object.entries(mapping).find(([h]) => headerKey(h) === key);
  return entry?.[1];
}

// ---- reading and writing ------------------------------------------------------------------

/** What the writer checks before writing: the header row and used range as they were read. */
export function targetCheck(read: ReviewRead, result: ReviewResult): TargetCheck {
  const headerIndex = result.layout.headerRow;
  return {
    sheet: read.target.name,
    address: read.target.address,
    origin: read.target.origin,
    headerIndex,
    header: read.target.values[headerIndex] ?? [],
  };
}

/** A customer's row across the input table and the output columns, for selecting it on the sheet. */
export function customerRowArea(read: ReviewRead, result: ReviewResult, c: CustomerResult): Area {
  const width = read.target.values.reduce((w, line) => Math.max(w, line.length), 0);
  const outputs = [...(Object.values(result.layout.outputColumns) as number[]), ...result.layout.agingColumns];
  const columns = Math.max(width, ...outputs.map((c) => c + 1), 1);
  return { row: c.row - 1, column: result.origin.column, rows: 1, columns };
}

interface Group {
  sheet: string;
  role: WritePart["role"];
  areas: Area[];
  /** The charts' titles, in the order they are added. */
  charts: string[];
  /** The customer table as it was last resized. */
  table?: WritePart["table"];
}

function groups(parts: readonly WritePart[]): Group[] {
  const list: Group[] = [];
  for (const part of parts) {
    let g = list.find((x) => x.sheet === part.sheet && x.role === part.role);
    if (!g) list.push((g = { sheet: part.sheet, role: part.role, areas: [], charts: [] }));
    if (part.area) g.areas.push(part.area);
    if (part.chart !== undefined) g.charts.push(part.chart);
    if (part.table) g.table = part.table;
  }
  return list;
}

function bounds(areas: readonly Area[]): { firstRow: number; lastRow: number; firstCol: number; lastCol: number } {
  return {
    firstRow: Math.min(...areas.map((a) => a.row)) + 1,
    lastRow: Math.max(...areas.map((a) => a.row + a.rows)),
    firstCol: Math.min(...areas.map((a) => a.column)),
    lastCol: Math.max(...areas.map((a) => a.column + a.columns)) - 1,
  };
}

/**
 * The confirmation's sentences: which sheet, which columns and rows. `headers` are the
 * output headers the plan wrote (its target blocks' first rows).
 */
/** How many output headers the write question names before it shortens the list: the first few and the last. */
const NAMED_HEADERS = 6;

/** The output columns' headers for the write question: all of a few, else the first ones, "…" and the last. */
function shortHeaders(headers: readonly string[], t: Translate): string {
  if (headers.length <= NAMED_HEADERS) return headers.join(t("sep.list"));
  const first = headers.slice(0, NAMED_HEADERS - 1).join(t("sep.list"));
  return `${first}${t("sep.list")}… ${headers[headers.length - 1]}`;
}

/** The charts a sheet gains, counted and named by their titles. */
function chartsLine(g: Group, t: Translate): string {
  return t("ui.write.charts", { sheet: g.sheet, count: g.charts.length, titles: g.charts.join(t("sep.list")) });
}

export function describeParts(parts: readonly WritePart[], t: Translate, headers: readonly string[] = []): string[] {
  const lines: string[] = [];
  for (const g of groups(parts)) {
    const sheet = g.sheet;
    if (g.table) {
      const { key, params } = tableResizedMessage(g.table, sheet);
      lines.push(t(key, params));
      continue;
    }
    if (g.areas.length === 0) {
      lines.push(
        g.role === "fills"
          ? t("ui.write.fills", { sheet })
          : g.charts.length
            ? chartsLine(g, t)
            : // The history holds this review's version already: it gains no row, only its pages are laid out again.
              t(g.role === "policyHistory" ? "ui.write.policyHistoryKept" : "ui.write.layoutOnly", { sheet }),
      );
      continue;
    }
    const b = bounds(g.areas);
    const rows = {
      sheet,
      rows:
        b.firstRow === b.lastRow
          ? t("ui.write.row", { row: b.firstRow })
          : t("ui.write.rows", { firstRow: b.firstRow, lastRow: b.lastRow }),
    };
    switch (g.role) {
      case "output":
        lines.push(
          t("ui.write.output", {
            ...rows,
            from: columnLetter(b.firstCol),
            to: columnLetter(b.lastCol),
            headers: shortHeaders(headers, t),
          }),
        );
        break;
      case "summary":
        lines.push(t("ui.write.summary", rows));
        if (g.charts.length) lines.push(chartsLine(g, t));
        break;
      case "archive":
        lines.push(t("ui.write.archive", rows));
        break;
      case "policy":
        lines.push(t("ui.write.policy", rows));
        break;
      case "policyHistory": {
        // A version added beside the others is its column (the tallest of what is written, right
        // of the labels: a label added for a new setting beside it); a first history, or one
        // kept in rows, its rows.
        const tallest = g.areas.reduce((a, c) => (c.rows > a.rows ? c : a));
        const column = tallest.columns === 1 && tallest.rows > 1 && tallest.column > 0;
        lines.push(
          t(
            "ui.write.policyHistory",
            column ? { sheet, rows: t("ui.write.column", { column: columnLetter(tallest.column) }) } : rows,
          ),
        );
        break;
      }
      default:
        lines.push(t("ui.write.sheet", rows));
    }
  }
  return lines;
}

/**
 * What the write question says of the customer table: what the write will make of it, found
 * among the tables the review's read took (nothing when it took none: no table on the sheet, or
 * an Excel that cannot resize one). A preview: the write's check finds the table again, and the
 * notice after the write says what was done.
 */
export function customerTableLines(read: ReviewRead, plan: WritePlan, t: Translate): string[] {
  const target = plan.target;
  const found = read.tables && target?.reviewColumns && customerTableAmong(read.tables, target.reviewColumns);
  if (!found || !target) return [];
  const outcome = tableOutcome(found.table.name, found.table, found.change);
  return customerTableMessages(outcome, target.sheet, "asked").map(({ key, params }) => t(key, params));
}

/** The output headers a plan writes on the input sheet, left to right. */
export function outputHeaders(plan: PlanToWrite): string[] {
  const blocks = [...(plan.target?.blocks ?? [])].sort((a, b) => a.column - b.column);
  return blocks.flatMap((b) => (b.values[0] ?? []).map((v) => String(v ?? "")));
}

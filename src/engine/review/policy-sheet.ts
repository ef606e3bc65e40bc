/**
 * The policy as a sheet people can read and edit: one setting per row, its stable key,
 * its value and what it means. A shared workbook carries its policy this way.
 */
import { CellValue, readNumber } from "../cells";
import { CreditError } from "../errors";
import { Lang, message } from "../i18n";
import { completePolicy, Policy, POLICY_FIELDS } from "../policy";
import { reviewSheetName } from "./sheets";
import type { Block, SheetPlan } from "./write-plan";

export type PolicyCell = string | number;

function policyHeader(lang: Lang): string[] {
  return [message(lang, "policySheet.key"), message(lang, "policySheet.value"), message(lang, "policySheet.meaning")];
}

export function policyRows(policy: Policy, lang: Lang): PolicyCell[][] {
  return POLICY_FIELDS.map((field) => {
    const value = policy[field.key];
    const shown = Array.isArray(value) ? value.join(", ") : (value as string | number);
    return [field.key, shown, message(lang, field.label)];
  });
}

/** Which policy rows hold percents, so a writer can format them (they are stored as fractions). */
function policyPercentRows(): number[] {
  return POLICY_FIELDS.flatMap((f, i) => (f.kind === "percent" ? [i] : []));
}

/** The policy sheet alone: what "save policy" writes, and part of every review's plan. */
export function policySheetPlan(policy: Policy, lang: Lang, sheetNames: readonly string[]): SheetPlan {
  const policyValues = policyRows(policy, lang);
  const percentRows = new Set(policyPercentRows());
  const policyBlocks: Block[] = [
    { row: 0, column: 0, values: [policyHeader(lang)], formats: ["text", "text", "text"], bold: true },
  ];
  policyValues.forEach((line, i) => {
    policyBlocks.push({
      row: i + 1,
      column: 0,
      values: [line],
      formats: ["text", percentRows.has(i) ? "percent" : typeof line[1] === "number" ? "general" : "text", "text"],
    });
  });

  return { name: reviewSheetName("policy", sheetNames, lang), mode: "replace", blocks: policyBlocks, columnWidths: [22, 24, 70] };
}

function listOf(value: CellValue, row: number): number[] {
  const parts =
    typeof value === "number"
      ? [value]
      : String(value ?? "")
          .split(/[,，;；\s]+/)
          .filter((p) => p !== "");
  return parts.map((part) => {
    const reading = readNumber(part);
    if (reading.kind !== "number") throw new CreditError("value", "review.notNumber", { value: String(part) }).at({ row });
    return reading.value;
  });
}

/**
 * Reads a policy sheet back: rows whose first cell is a policy key; others (titles,
 * notes) are left alone. Missing settings take the defaults; a bad one is an error
 * naming its row.
 */
export function readPolicySheet(values: readonly (readonly CellValue[])[]): Policy {
  const byKey = new Map(POLICY_FIELDS.map((f) => [f.key.toLowerCase(), f]));
  const partial: Record<string, unknown> = {};
  const rowOf: Record<string, number> = {};
  values.forEach((line, r) => {
    const field = byKey.get(
      String(line[0] ?? "")
        .trim()
        .toLowerCase(),
    );
    if (!field) return;
    const raw = line[1];
    rowOf[field.key] = r + 1;
    if (raw === null || raw === undefined || raw === "") return;
    if (field.kind === "list") partial[field.key] = listOf(raw, r + 1);
    else if (field.kind === "text" || field.kind === "model") partial[field.key] = typeof raw === "string" ? raw : String(raw);
    else {
      const reading = readNumber(raw);
      if (reading.kind !== "number")
        throw new CreditError("value", "review.notNumber", { value: String(raw) }).at({ row: r + 1 });
      partial[field.key] = reading.value;
    }
  });
  try {
    return completePolicy(partial);
  } catch (error) {
    // Policy checks name the field as `field`; the shared weight and aging-edge checks as `param`.
    const field = error instanceof CreditError ? (error.params.field ?? error.params.param) : undefined;
    if (error instanceof CreditError && typeof field === "string" && rowOf[field]) {
      throw error.at({ row: rowOf[field] });
    }
    throw error;
  }
}

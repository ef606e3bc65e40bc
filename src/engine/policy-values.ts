/**
 * One policy setting read from whatever carries it: a cell of the policy sheet, a field of the
 * task pane's form or a value of a --policy file, so the three read alike. Numbers as numbers
 * or number text ("1,000"); shares as fractions, 0.7 or "70%", never a bare 70 (refused with
 * how to write it: a threshold silently taken as 7,000% never fires); lists as arrays or text
 * split at commas, semicolons or spaces; models by any of their names in either language.
 */
import { CellValue, readNumber } from "./cells";
import { CreditError } from "./errors";
import { MessageKey } from "./i18n";
import type { PolicyField } from "./policy";
import { parseZModel } from "./z-models";

/** How a share shows to people: 0.1 → "10%" (read back as 0.1). */
export function percentText(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}

function refuse(field: PolicyField, key: MessageKey, params: Record<string, string | number>, item?: number): CreditError {
  const setting = item === undefined ? field.key : (field.itemSettings?.[item] ?? field.key);
  return new CreditError("value", key, { field: field.key, ...params }, { setting });
}

function shown(raw: unknown): string {
  return String(raw).slice(0, 40);
}

function readItem(field: PolicyField, raw: unknown, item?: number): number {
  const reading = typeof raw === "number" || typeof raw === "string" ? readNumber(raw as CellValue) : undefined;
  if (reading?.kind !== "number") throw refuse(field, "policy.notNumber", { value: shown(raw) }, item);
  const value = reading.value;
  const percent = field.kind === "percent";
  const show = (n: number) => (percent ? percentText(n) : n);
  if (field.integer && !Number.isInteger(value)) throw refuse(field, "policy.notWhole", { value }, item);
  if (field.min !== undefined && value < field.min)
    throw refuse(field, "policy.tooSmall", { value: show(value), min: show(field.min) }, item);
  if (field.max !== undefined && value > field.max) {
    const typedAsPercent = typeof raw === "string" && raw.trim().endsWith("%");
    if (percent && !typedAsPercent && value <= 100) {
      throw refuse(
        field,
        "policy.percentBare",
        { value, percent: `${value}%`, fraction: Number((value / 100).toPrecision(12)) },
        item,
      );
    }
    throw refuse(field, "policy.tooLarge", { value: show(value), max: show(field.max) }, item);
  }
  return value;
}

/**
 * A list typed as text, "30, 60, 90" or "365;730" or "30 60 90": its items. A comma separates
 * items, never thousands, so "365,730" is two edges wherever a list is typed (policy or function).
 */
export function splitList(text: string): string[] {
  return text.split(/[,，、;；\s]+/).filter((part) => part !== "");
}

function listItems(raw: unknown): readonly unknown[] | undefined {
  if (Array.isArray(raw)) return raw;
  if (typeof raw === "number") return [raw];
  if (typeof raw === "string") return splitList(raw);
  return undefined;
}

/** A setting's value as the policy holds it, or a CreditError naming the setting (and, in a list, the item's setting). */
export function readSetting(field: PolicyField, raw: unknown): unknown {
  switch (field.kind) {
    case "model": {
      const model = typeof raw === "string" ? parseZModel(raw) : undefined;
      if (model === undefined) throw refuse(field, "policy.notModel", { value: shown(raw) });
      return model;
    }
    case "list": {
      const items = listItems(raw);
      if (items === undefined) throw refuse(field, "policy.notList", {});
      return items.map((item, i) => readItem(field, item, field.itemSettings ? i : undefined));
    }
    default:
      return readItem(field, raw);
  }
}

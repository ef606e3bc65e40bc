/**
 * The policy sheet's part of the write plan: the settings table (policy-sheet.ts) and, under it,
 * the legend of the archive's codes (code-legend.ts), over what the sheet holds now.
 */
import { CellValue, isEmptyCell } from "../cells";
import { Lang } from "../i18n";
import { Policy } from "../policy";
import { codeLegendBlocks } from "./code-legend";
import { fittedWidth, POLICY_ROWS, policyHeader, policyRows, settingCell } from "./policy-sheet";
import { OwnSheets, reviewSheetName } from "./sheets";
import type { Block, CellFormat, PlanValue, SheetPlan } from "./write-plan";

/** The columns the review writes: setting, value, meaning (the legend: code, meaning under the setting's). */
const TABLE_COLUMNS = 3;

/**
 * The policy sheet alone: what "save policy" writes, and part of every review's plan. Given the
 * sheet's `existing` values, only the table's columns are the review's: they are written, the
 * legend under the table, and blanked below it (an older, longer sheet), while a note the user
 * put beside them (column D on) stays. Without them the sheet is written whole.
 */
export function policySheetPlan(
  policy: Policy,
  lang: Lang,
  own: OwnSheets,
  existing?: readonly (readonly CellValue[])[],
): SheetPlan {
  const lines = policyRows(policy, lang);
  const blocks: Block[] = [{ row: 0, column: 0, values: [policyHeader(lang)], formats: ["text", "text", "text"], bold: true }];
  POLICY_ROWS.forEach((row, i) => {
    blocks.push({ row: i + 1, column: 0, values: [lines[i]], formats: ["text", settingCell(row, policy, lang).format, "text"] });
  });
  const legend = codeLegendBlocks(policy, lang, reviewSheetName("archive", own, lang), POLICY_ROWS.length + 1);
  blocks.push(...legend);
  const below = Math.max(...blocks.map((b) => b.row + b.values.length));
  let last = below - 1;
  for (let r = below; r < (existing?.length ?? 0); r++) {
    if ((existing![r] ?? []).slice(0, TABLE_COLUMNS).some((v) => !isEmptyCell(v))) last = r;
  }
  if (last >= below) {
    const blank = Array.from({ length: last - below + 1 }, () => new Array<PlanValue>(TABLE_COLUMNS).fill(null));
    blocks.push({ row: below, column: 0, values: blank, formats: new Array<CellFormat>(TABLE_COLUMNS).fill("general") });
  }
  const column = (c: number) => blocks.flatMap((b) => b.values.map((line) => line[c] ?? null));
  return {
    name: reviewSheetName("policy", own, lang),
    kind: "policy",
    ...(existing ? { mode: "rewrite-from" as const, fromRow: 0 } : { mode: "replace" as const }),
    blocks,
    // The meanings' column holds texts only: the layout indents it.
    columnWidths: [fittedWidth(column(0), 16, 48), fittedWidth(column(1), 12, 24), fittedWidth(column(2), 30, 110, true)],
  };
}

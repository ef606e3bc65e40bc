/**
 * The legend under the policy table: what each code of the archive's warning-codes and
 * action-codes columns means (and what its output-check column is), in the sheet's language, and what a warning's threshold is (the
 * setting as the table above names it, or the customer's own figure). A workbook forwarded to
 * someone without the add-in, or read a year later, explains its archive's codes itself. Every
 * text is the review's own: the warnings' and actions' titles, the settings' and columns' names.
 */
import { Lang, message } from "../i18n";
import { Policy } from "../policy";
import { ARCHIVE_COLUMNS } from "./archive";
import { ACTIONS } from "./decisions";
import { FIELD_LABELS } from "./fields";
import { settingLabel } from "./policy-sheet";
import { warningTitle } from "./texts";
import { CUSTOMER_WARNING_CODES, WARNING_THRESHOLDS, WarningCode } from "./warnings";
import type { Block, CellFormat, PlanValue } from "./write-plan";
import "../i18n/report";

/** The legend's columns, the policy table's: the code under the setting's name, its meaning under the setting's. */
const LEGEND_COLUMNS = 3;
const CODE_AT = 0;
const MEANING_AT = 2;

/** A warning's title with what it is held against. */
export function warningMeaning(code: WarningCode, policy: Policy, lang: Lang): string {
  const warning = warningTitle(code, lang, policy);
  const threshold = WARNING_THRESHOLDS[code];
  if ("setting" in threshold) return message(lang, "legend.setting", { warning, setting: settingLabel(threshold.setting, lang) });
  const column = FIELD_LABELS[threshold.column][lang];
  return threshold.otherwise === undefined
    ? message(lang, "legend.column", { warning, column })
    : message(lang, "legend.model", { warning, column, setting: settingLabel(threshold.otherwise, lang) });
}

function line(code: PlanValue, meaning: PlanValue): PlanValue[] {
  const cells = new Array<PlanValue>(LEGEND_COLUMNS).fill(null);
  cells[CODE_AT] = code;
  cells[MEANING_AT] = meaning;
  return cells;
}

/**
 * The legend from sheet row `row` (0-based) down, a blank row first, over the table's three
 * columns, every row of it written (blank ones too: what an older sheet had there goes).
 * `archiveSheet`: the archive's name in the workbook, which the legend's title names.
 */
export function codeLegendBlocks(policy: Policy, lang: Lang, archiveSheet: string, row: number): Block[] {
  const text = new Array<CellFormat>(LEGEND_COLUMNS).fill("text");
  const blank = { values: [line(null, null)], formats: new Array<CellFormat>(LEGEND_COLUMNS).fill("general") };
  const parts: Omit<Block, "row" | "column">[] = [
    blank,
    { values: [line(message(lang, "legend.title", { sheet: archiveSheet }), null)], formats: text, bold: true },
    { values: [line(ARCHIVE_COLUMNS.warnings.header[lang], message(lang, "policySheet.meaning"))], formats: text, bold: true },
    // A customer's warnings only: the archive's rows never hold the portfolio's.
    { values: CUSTOMER_WARNING_CODES.map((code) => line(code, warningMeaning(code, policy, lang))), formats: text },
    blank,
    { values: [line(ARCHIVE_COLUMNS.actions.header[lang], message(lang, "policySheet.meaning"))], formats: text, bold: true },
    { values: ACTIONS.map((code) => line(code, message(lang, `action.${code}`))), formats: text },
    blank,
    // Not a code, but the one archive column a reader could not make out from its header.
    {
      values: [
        line(
          ARCHIVE_COLUMNS.outputCheck.header[lang],
          message(lang, "legend.outputCheck", { typedOver: ARCHIVE_COLUMNS.typedOver.header[lang] }),
        ),
      ],
      formats: text,
    },
  ];
  const blocks: Block[] = [];
  for (const part of parts) {
    blocks.push({ ...part, row, column: 0 });
    row += part.values.length;
  }
  return blocks;
}

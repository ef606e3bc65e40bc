/**
 * A row's blank cells among its financial statements, said: a figure of them (the Z-score, a
 * ratio) that the row gives some cells of but not all has each blank one noted at its cell, as
 * data to fix, like a cell that cannot be read; a figure the row gives none of (no statements for
 * the customer) is said once for the row, and held against no one. A column the sheet does not
 * have is the column report's to say, once for the sheet.
 */
import { CreditError } from "../errors";
import { Z_MODEL_SPECS } from "../zscore";
import type { ZModel } from "../z-models";
import { CustomerRow, inCell, RowContext } from "./customer-row";
import type { InputField } from "./fields";
import { NoteTarget, STATEMENT_FIGURES } from "./notes";
import { Z_FIELDS } from "./warnings";
import "../i18n/report";

type Note = (affects: readonly NoteTarget[], reason: CreditError) => void;

const Z_AT = STATEMENT_FIGURES.findIndex((f) => f.figure === "zScore");
const COVERAGE_AT = STATEMENT_FIGURES.findIndex((f) => f.figure === "interestCoverage");

/**
 * The cells a figure takes on this row, or undefined when it is not one of the row's figures: the
 * Z-score without sales on a model that does without them (and on a model that cannot be read,
 * whose Z is said not computed at its cell), and not at all on a sheet without the Sales column
 * its model needs; no interest coverage without interest expense (nothing to cover); no figure
 * whose column the sheet lacks.
 */
function inputsOf(at: number, row: CustomerRow, model: ZModel | undefined, ctx: RowContext): readonly InputField[] | undefined {
  let inputs = STATEMENT_FIGURES[at].inputs;
  if (at === Z_AT && (model === undefined || !Z_MODEL_SPECS[model].usesSales)) inputs = Z_FIELDS;
  else if (at === COVERAGE_AT && !((row.numbers.interestExpense ?? 0) > 0)) return undefined;
  for (let i = 0; i < inputs.length; i++) if (ctx.columns[inputs[i]] === undefined) return undefined;
  return inputs;
}

/** A cell with nothing in it: not a number, and not a value that could not be read (its own note says so). */
function isBlank(row: CustomerRow, field: InputField): boolean {
  if (row.numbers[field] !== undefined) return false;
  for (let i = 0; i < row.badCells.length; i++) if (row.badCells[i].field === field) return false;
  return true;
}

/** Whether any figure of the set (a bit per STATEMENT_FIGURES index) takes the field on this row. */
function takenBy(set: number, field: InputField, row: CustomerRow, model: ZModel | undefined, ctx: RowContext): boolean {
  for (let at = 0; at < STATEMENT_FIGURES.length; at++)
    if (set & (1 << at) && inputsOf(at, row, model, ctx)!.includes(field)) return true;
  return false;
}

/** The figures of the set that take the field (all of them when no field is given), then their checks. */
function affectsOf(set: number, field: InputField | undefined, row: CustomerRow, model: ZModel | undefined, ctx: RowContext) {
  const figures = STATEMENT_FIGURES.filter(
    (_, at) => set & (1 << at) && (field === undefined || inputsOf(at, row, model, ctx)!.includes(field)),
  );
  return [...figures.map((f) => f.figure), ...figures.map((f) => f.check)];
}

/**
 * Notes the blank cells of the row's financial statements. `model`: the row's Z model, undefined
 * when its cell cannot be read. Sales blank under a model that needs them is said as the
 * CREDIT.ZSCORE function says it, so formula and review agree. Several blank cells of one figure
 * are a note each, at its cell: each reads as the note of an unreadable cell does, and the summary
 * and the pane take the user to the cell to fill. Nothing is made for a row whose figures are all
 * complete; the review calls it only for a row missing one of them.
 */
export function blankInputNotes(row: CustomerRow, model: ZModel | undefined, ctx: RowContext, note: Note): void {
  // A bit per figure (STATEMENT_FIGURES index): those the row gives some cells of, and those it gives none of.
  let partial = 0;
  let none = 0;
  for (let at = 0; at < STATEMENT_FIGURES.length; at++) {
    const inputs = inputsOf(at, row, model, ctx);
    if (inputs === undefined) continue;
    let blank = 0;
    for (let i = 0; i < inputs.length; i++) if (isBlank(row, inputs[i])) blank++;
    if (blank === inputs.length) none |= 1 << at;
    else if (blank > 0) partial |= 1 << at;
  }
  if (partial === 0 && none === 0) return;
  // A figure given none of whose cells are all noted for a figure given in part (the debt ratio of
  // a row with current assets and liabilities only) is said in those cells' notes.
  let inNotes = partial;
  for (let at = 0; at < STATEMENT_FIGURES.length; at++) {
    if (!(none & (1 << at))) continue;
    const inputs = inputsOf(at, row, model, ctx)!;
    if (inputs.every((f) => takenBy(partial, f, row, model, ctx))) inNotes |= 1 << at;
  }
  if (partial !== 0) {
    const cells = new Set<InputField>();
    for (let at = 0; at < STATEMENT_FIGURES.length; at++)
      if (partial & (1 << at)) for (const f of inputsOf(at, row, model, ctx)!) if (isBlank(row, f)) cells.add(f);
    for (const field of [...cells].sort((a, b) => ctx.columns[a]! - ctx.columns[b]!)) {
      const reason =
        field === "sales"
          ? new CreditError("value", "z.salesNeeded", { param: "sales", model: model! })
          : new CreditError("value", "review.blank");
      note(affectsOf(inNotes, field, row, model, ctx), inCell(reason, field, row.row, ctx));
    }
  }
  // The figures of no statements at all: one note for the row, at the first of their cells.
  const rest = none & ~inNotes;
  if (rest !== 0) {
    let first: InputField | undefined;
    for (let at = 0; at < STATEMENT_FIGURES.length; at++)
      if (rest & (1 << at))
        for (const f of inputsOf(at, row, model, ctx)!)
          if (first === undefined || ctx.columns[f]! < ctx.columns[first]!) first = f;
    note(
      affectsOf(rest, undefined, row, model, ctx),
      inCell(new CreditError("value", "note.noStatements"), first!, row.row, ctx),
    );
  }
}

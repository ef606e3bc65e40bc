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
 * its model needs; no interest coverage without interest expense (nothing to cover), but for a
 * blank one beside a blank EBIT on a row that gives no statements at all (`bare`: the blanks there
 * say nothing of the customer's debt); no figure whose column the sheet lacks, nor one its
 * columns' currencies refuse for every customer (said once for the sheet: see row-currencies.ts).
 */
function inputsOf(
  at: number,
  row: CustomerRow,
  model: ZModel | undefined,
  ctx: RowContext,
  bare: boolean,
): readonly InputField[] | undefined {
  const takesSales = model !== undefined && Z_MODEL_SPECS[model].usesSales;
  if ((takesSales ? ctx.refusedWithSales : ctx.refusedBySheet).has(STATEMENT_FIGURES[at].figure)) return undefined;
  let inputs = STATEMENT_FIGURES[at].inputs;
  if (at === Z_AT && (model === undefined || !Z_MODEL_SPECS[model].usesSales)) inputs = Z_FIELDS;
  else if (
    at === COVERAGE_AT &&
    !((row.numbers.interestExpense ?? 0) > 0) &&
    !(bare && isBlank(row, "ebit") && isBlank(row, "interestExpense"))
  )
    return undefined;
  for (let i = 0; i < inputs.length; i++) if (ctx.columns[inputs[i]] === undefined) return undefined;
  return inputs;
}

/** A cell with nothing in it: not a number, and not a value that could not be read (its own note says so). */
function isBlank(row: CustomerRow, field: InputField): boolean {
  if (row.numbers[field] !== undefined) return false;
  for (let i = 0; i < row.badCells.length; i++) if (row.badCells[i].field === field) return false;
  return true;
}

/** The cells each figure takes on one row (inputsOf, by STATEMENT_FIGURES index). */
type FigureCells = (at: number) => readonly InputField[] | undefined;

/** The row's figures (a bit per STATEMENT_FIGURES index) it gives some cells of, none of, and all of. */
function givenFigures(row: CustomerRow, cellsOf: FigureCells): { partial: number; none: number; given: number } {
  let partial = 0;
  let none = 0;
  let given = 0;
  for (let at = 0; at < STATEMENT_FIGURES.length; at++) {
    const inputs = cellsOf(at);
    if (inputs === undefined) continue;
    let blank = 0;
    for (let i = 0; i < inputs.length; i++) if (isBlank(row, inputs[i])) blank++;
    if (blank === inputs.length) none |= 1 << at;
    else if (blank > 0) partial |= 1 << at;
    else given |= 1 << at;
  }
  return { partial, none, given };
}

/** Whether any figure of the set (a bit per STATEMENT_FIGURES index) takes the field on this row. */
function takenBy(set: number, field: InputField, cellsOf: FigureCells): boolean {
  for (let at = 0; at < STATEMENT_FIGURES.length; at++) if (set & (1 << at) && cellsOf(at)!.includes(field)) return true;
  return false;
}

/** The figures of the set that take the field (all of them when no field is given), then their checks. */
function affectsOf(set: number, field: InputField | undefined, cellsOf: FigureCells) {
  const figures = STATEMENT_FIGURES.filter((_, at) => set & (1 << at) && (field === undefined || cellsOf(at)!.includes(field)));
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
  let cellsOf: FigureCells = (at) => inputsOf(at, row, model, ctx, false);
  const found = givenFigures(row, cellsOf);
  let { partial, none } = found;
  // A row giving none of its statements gives no interest expense either: its coverage is as
  // much not given as the rest, not a debt-free customer's nothing to cover.
  if (partial === 0 && found.given === 0 && none !== 0) {
    cellsOf = (at) => inputsOf(at, row, model, ctx, true);
    ({ partial, none } = givenFigures(row, cellsOf));
  }
  if (partial === 0 && none === 0) return;
  // A figure given none of whose cells are all noted for a figure given in part (the debt ratio of
  // a row with current assets and liabilities only) is said in those cells' notes.
  let inNotes = partial;
  for (let at = 0; at < STATEMENT_FIGURES.length; at++) {
    if (!(none & (1 << at))) continue;
    if (cellsOf(at)!.every((f) => takenBy(partial, f, cellsOf))) inNotes |= 1 << at;
  }
  if (partial !== 0) {
    const cells = new Set<InputField>();
    for (let at = 0; at < STATEMENT_FIGURES.length; at++)
      if (partial & (1 << at)) for (const f of cellsOf(at)!) if (isBlank(row, f)) cells.add(f);
    for (const field of [...cells].sort((a, b) => ctx.columns[a]! - ctx.columns[b]!)) {
      const reason =
        field === "sales"
          ? new CreditError("value", "z.salesNeeded", { param: "sales", model: model! })
          : new CreditError("value", "review.blank");
      note(affectsOf(inNotes, field, cellsOf), inCell(reason, field, row.row, ctx));
    }
  }
  // The figures of no statements at all: one note for the row, at the first of their cells.
  const rest = none & ~inNotes;
  if (rest !== 0) {
    let first: InputField | undefined;
    for (let at = 0; at < STATEMENT_FIGURES.length; at++)
      if (rest & (1 << at))
        for (const f of cellsOf(at)!) if (first === undefined || ctx.columns[f]! < ctx.columns[first]!) first = f;
    note(affectsOf(rest, undefined, cellsOf), inCell(new CreditError("value", "note.noStatements"), first!, row.row, ctx));
  }
}

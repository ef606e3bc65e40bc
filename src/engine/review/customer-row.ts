/**
 * Reading one customer's row: every cell through the shared cell readers, every bad
 * cell reported with its row and column so the user can find it.
 */
import { CellValue, numberOrProblem, readDate } from "../cells";
import { CreditError } from "../errors";
import { FACTORS, ZModel } from "../policy";
import { parseZModel } from "../zscore";
import { INPUT_FIELDS, InputField } from "./fields";
import { columnLetter } from "./headers";

export interface CustomerRow {
  /** 1-based row on the sheet. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly factors: readonly number[];
  readonly numbers: Partial<Record<InputField, number>>;
  readonly negativeNewsDate?: number;
  readonly zModel?: ZModel;
}

export type ColumnMap = Partial<Record<InputField, number>>;

const NON_NEGATIVE: ReadonlySet<InputField> = new Set([
  "creditLimit",
  "overdueAmount",
  "daysPastDue",
  "currentAssets",
  "currentLiabilities",
  "inventory",
  "totalAssets",
  "totalLiabilities",
  "interestExpense",
]);

/** Every column read as a number: all but the names, the factor scores, the news date and the model. */
const NUMBER_FIELDS: readonly InputField[] = INPUT_FIELDS.filter(
  (f) => !["id", "name", "negativeNewsDate", "zModel", ...FACTORS].includes(f),
);

export interface RowContext {
  readonly columns: ColumnMap;
  readonly headers: readonly string[];
  /** Sheet row and column of values[0][0], 0-based, for the numbers people see. */
  readonly originRow: number;
  readonly originColumn: number;
}

function text(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return "";
}

function columnName(ctx: RowContext, column: number): string {
  const header = ctx.headers[column];
  const letter = columnLetter(column + ctx.originColumn);
  return header ? `${letter} (${header})` : letter;
}

/** True when none of the row's recognised cells holds anything: such rows are gaps, not customers. */
export function isBlankRow(values: readonly CellValue[], columns: readonly number[]): boolean {
  for (const column of columns) {
    const v = values[column];
    if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
  }
  return true;
}

/** Reads the row, or throws the first bad cell as a CreditError placed at its row and column. */
/**
 * Every customer's numbers in one object shape (each field present, undefined when blank):
 * objects built key by key in varying orders get a different shape per row, and every later
 * read of them in the review turns slow.
 */
function blankNumbers(): Partial<Record<InputField, number>> {
  return {
    previousScore: undefined,
    creditLimit: undefined,
    balance: undefined,
    overdueAmount: undefined,
    daysPastDue: undefined,
    currentAssets: undefined,
    currentLiabilities: undefined,
    inventory: undefined,
    totalAssets: undefined,
    totalLiabilities: undefined,
    retainedEarnings: undefined,
    ebit: undefined,
    interestExpense: undefined,
    sales: undefined,
    equity: undefined,
  };
}

export function readCustomerRow(values: readonly CellValue[], index: number, ctx: RowContext): CustomerRow {
  const row = index + 1 + ctx.originRow;
  const fail = (field: InputField, error: CreditError): never => {
    throw error.at({ row, column: columnName(ctx, ctx.columns[field] as number) });
  };
  const cell = (field: InputField): CellValue => {
    const column = ctx.columns[field];
    return column === undefined ? undefined : values[column];
  };

  const factors = FACTORS.map((factor) => {
    const value = numberOrProblem(cell(factor));
    if (typeof value !== "number") {
      if (value.kind === "blank") return fail(factor, new CreditError("value", "score.factorBlank", { factor }));
      return fail(factor, new CreditError("value", "score.factorNotNumber", { factor, value: value.shown }));
    }
    if (!(value >= 1 && value <= 5)) return fail(factor, new CreditError("num", "score.factorRange", { factor, value }));
    return value;
  });

  const numbers = blankNumbers();
  for (const field of NUMBER_FIELDS) {
    if (ctx.columns[field] === undefined) continue;
    const value = numberOrProblem(cell(field));
    if (typeof value !== "number") {
      if (value.kind === "blank") continue;
      return fail(field, new CreditError("value", "review.notNumber", { value: value.shown }));
    }
    if (NON_NEGATIVE.has(field) && value < 0) fail(field, new CreditError("num", "review.negative", { value }));
    if (field === "previousScore" && !(value >= 1 && value <= 5))
      fail(field, new CreditError("num", "score.scoreRange", { value }));
    numbers[field] = value;
  }

  let negativeNewsDate: number | undefined;
  if (ctx.columns.negativeNewsDate !== undefined) {
    const reading = readDate(cell("negativeNewsDate"));
    if (reading.kind === "invalid")
      fail("negativeNewsDate", new CreditError("value", "review.notDate", { value: reading.shown }));
    if (reading.kind === "date") negativeNewsDate = reading.serial;
  }

  let zModel: ZModel | undefined;
  const modelText = text(cell("zModel"));
  if (modelText !== "") {
    zModel = parseZModel(modelText);
    if (zModel === undefined) fail("zModel", new CreditError("value", "review.notModel", { value: modelText.slice(0, 40) }));
  }

  return { row, id: text(cell("id")), name: text(cell("name")), factors, numbers, negativeNewsDate, zModel };
}

/**
 * The portfolio review: a customer sheet's values in, every customer scored, checked
 * against the policy's warning thresholds and given its policy response, plus the
 * portfolio figures. Pure: the task pane and the command line only read and write.
 */
import { AgingTotals, bucketLabels } from "../aging";
import { CellValue } from "../cells";
import { CreditError, ErrorPlace } from "../errors";
import { Lang } from "../i18n";
import { monitoringMonths, monitoringOf, Monitoring, nextReview, recommendedLimit } from "../limit";
import { Grade, normaliseWeights, Policy } from "../policy";
import { currentRatio, debtRatio, interestCoverage } from "../ratios";
import { gradeOf, riskScoreCore } from "../score";
import { Z_MODEL_SPECS, zScore, ZZone, zZone } from "../zscore";
import { archiveKey, previousScores } from "./archive";
import { isReviewSheet } from "./sheets";
import {
  headerKey,
  INPUT_ALIASES,
  InputField,
  INPUT_FIELDS,
  OUTPUT_ALIASES,
  OUTPUT_FIELDS,
  OutputField,
  REQUIRED_FIELDS,
} from "./fields";
import { columnLetter } from "../a1";
import { aliasTable, findHeaderRow, HeaderMatch } from "./headers";
import { ageLedger, ledgerEntry, LedgerInput } from "./ledger";
import { ColumnMap, CustomerRow, isBlankRow, readCustomerRow, RowContext, rowContext } from "./customer-row";
import {
  Action,
  sharedActionsFor,
  CUSTOMER_CHECKS,
  Z_FIELDS,
  CustomerFacts,
  Finding,
  WarningCode,
  WARNING_CODES,
} from "./warnings";

export interface ReviewInput {
  readonly sheetName: string;
  /** The sheet's values; values[0][0] is the cell at `origin` (A1 unless said otherwise). */
  readonly values: readonly (readonly CellValue[])[];
  readonly origin?: { readonly row: number; readonly column: number };
  readonly asOf: number;
  readonly policy: Policy;
  readonly archive?: readonly (readonly CellValue[])[];
  readonly ledger?: LedgerInput;
  /** Headers the user mapped by hand (header text → field), remembered by the front end. */
  readonly mapping?: Readonly<Record<string, InputField>>;
}

export interface ColumnReport {
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly found: readonly { field: InputField; column: string; header: string }[];
  readonly missingRequired: readonly InputField[];
  readonly missingOptional: readonly InputField[];
  readonly unknown: readonly { column: string; header: string }[];
  readonly duplicates: readonly { field: InputField; column: string; usedColumn: string }[];
  readonly skippedChecks: readonly WarningCode[];
}

export interface CustomerResult {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly score?: number;
  readonly previousScore?: number;
  readonly grade?: Grade;
  readonly zScore?: number;
  readonly zZone?: ZZone;
  readonly ratios: { currentRatio?: number; debtRatio?: number; interestCoverage?: number };
  readonly balance?: number;
  readonly creditLimit?: number;
  readonly overdueAmount?: number;
  readonly daysPastDue?: number;
  readonly aging?: readonly number[];
  readonly findings: readonly Finding[];
  readonly actions: readonly Action[];
  readonly recommendedLimit?: number;
  readonly monitoring?: Monitoring;
  readonly monitoringMonths?: number;
  readonly nextReview?: number;
  readonly errors: readonly CreditError[];
}

export interface PortfolioResult {
  readonly customers: number;
  readonly reviewed: number;
  readonly withErrors: number;
  readonly byGrade: Readonly<Record<Grade, number>>;
  readonly exposureByGrade: Readonly<Record<Grade, number>>;
  readonly exposure: number;
  readonly overdueCustomers: number;
  readonly overdueShare?: number;
  readonly warnings: readonly WarningCode[];
  readonly warningCounts: Readonly<Record<WarningCode, number>>;
  readonly aging?: { readonly labels: readonly string[]; readonly totals: readonly number[] };
}

export interface Layout {
  /** 0-based indexes into the values given. */
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** 0-based column (in values) of each output column: found from an earlier run, or new at the right. */
  readonly outputColumns: Readonly<Record<OutputField, number>>;
  /** Last row holding anything in an output column (an earlier, longer run), so it can be cleared. */
  readonly staleOutputUntil: number;
}

export interface ReviewResult {
  readonly sheet: string;
  readonly asOf: number;
  readonly policy: Policy;
  readonly columns: ColumnReport;
  readonly customers: readonly CustomerResult[];
  readonly portfolio: PortfolioResult;
  readonly layout: Layout;
  readonly origin: { readonly row: number; readonly column: number };
  readonly ledgerSheet?: string;
}

const INPUT_TABLE = aliasTable(INPUT_ALIASES);
const OUTPUT_TABLE = aliasTable(OUTPUT_ALIASES);
const OUTPUT_KEYS = new Set(OUTPUT_TABLE.keys());

function tableWith(mapping: Readonly<Record<string, InputField>> | undefined): Map<string, InputField> {
  if (!mapping || Object.keys(mapping).length === 0) return INPUT_TABLE;
  const table = new Map(INPUT_TABLE);
  for (const [header, field] of Object.entries(mapping))
    if ((INPUT_FIELDS as readonly string[]).includes(field)) table.set(headerKey(header), field);
  return table;
}

function checkIsAvailable(needs: readonly (readonly string[])[], has: (need: string) => boolean): boolean {
  return needs.some((way) => way.every(has));
}

const MIN_OWN_OUTPUT_HEADERS = 3;
/** Excel's last column is XFD, the 16,384th. */
const EXCEL_COLUMNS = 16384;

function outputLayout(
  values: readonly (readonly CellValue[])[],
  match: HeaderMatch<InputField>,
): { columns: Record<OutputField, number>; stale: number } {
  const headerLine = values[match.headerRow] ?? [];
  // Our columns are the rightmost ones with our headers (a run always appends on the right), and
  // only when several of them stand together: a lone user column headed "Warnings" is the user's.
  let found: Partial<Record<OutputField, number>> = {};
  headerLine.forEach((cell, column) => {
    const field = OUTPUT_TABLE.get(headerKey(cell));
    if (field !== undefined) found[field] = column;
  });
  if (Object.keys(found).length < MIN_OWN_OUTPUT_HEADERS) found = {};
  const ours = new Set(Object.values(found) as number[]);
  // New output columns go right of everything the user has on the sheet, on any row.
  let lastUsed = -1;
  for (const line of values) {
    for (let c = line.length - 1; c > lastUsed; c--) {
      const v = line[c];
      if (!ours.has(c) && v !== null && v !== undefined && v !== "") {
        lastUsed = c;
        break;
      }
    }
  }
  let next = Math.max(lastUsed, ...(ours.size ? [...ours] : [-1])) + 1;
  const columns = {} as Record<OutputField, number>;
  for (const field of OUTPUT_FIELDS) columns[field] = found[field] ?? next++;
  let stale = match.headerRow;
  if (ours.size) {
    for (let r = values.length - 1; r > match.headerRow; r--) {
      const line = values[r];
      if (line && [...ours].some((c) => line[c] !== null && line[c] !== undefined && line[c] !== "")) {
        stale = r;
        break;
      }
    }
  }
  return { columns, stale };
}

/**
 * Whether a sheet looks like a customer sheet, from its top rows: a header naming at least
 * three known columns, payment history among them. Used to pick a sheet when none is named;
 * a sheet that passes but lacks other required columns then gets the review's own message
 * naming them.
 */
export function looksLikeCustomerSheet(topRows: readonly (readonly CellValue[])[]): boolean {
  const match = findHeaderRow(topRows, INPUT_TABLE, 3, OUTPUT_KEYS);
  return match !== undefined && match.columns.paymentHistory !== undefined;
}

export function runReview(input: ReviewInput, lang: Lang = "en"): ReviewResult {
  const { values, policy, asOf } = input;
  const origin = input.origin ?? { row: 0, column: 0 };
  // The review replaces (or appends to) its own sheets: a customer sheet with one of their names would be overwritten.
  if (isReviewSheet(input.sheetName)) throw new CreditError("value", "review.sheetIsOurs", { sheet: input.sheetName });
  const match = findHeaderRow(values, tableWith(input.mapping), 2, OUTPUT_KEYS);
  if (!match) throw new CreditError("value", "review.noHeader", { sheet: input.sheetName });
  const columns = match.columns as ColumnMap;
  const letter = (c: number) => columnLetter(c + origin.column);

  const missingRequired = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  if (columns.id === undefined && columns.name === undefined) missingRequired.unshift("name");
  if (missingRequired.length > 0) {
    throw new CreditError("value", "review.missingColumns", {
      sheet: input.sheetName,
      row: match.headerRow + 1 + origin.row,
      fields: missingRequired.map((f) => `"${INPUT_ALIASES[f][lang === "zh" ? 1 : 0]}"`).join(", "),
    });
  }

  const ledger = input.ledger ? ageLedger(input.ledger, asOf, policy.agingEdges) : undefined;
  const archive = input.archive ? previousScores(input.archive, asOf) : undefined;
  const has = (need: string) =>
    need === "archive"
      ? archive !== undefined
      : need === "ledger"
        ? ledger !== undefined
        : columns[need as InputField] !== undefined;
  const activeChecks = CUSTOMER_CHECKS.filter((check) => checkIsAvailable(check.needs, has));
  const overdueKnown = ledger !== undefined || columns.overdueAmount !== undefined || columns.daysPastDue !== undefined;
  const skippedChecks: WarningCode[] = CUSTOMER_CHECKS.filter((c) => !activeChecks.includes(c)).map((c) => c.code);
  if (!overdueKnown) skippedChecks.splice(1, 0, "OVERDUE_SHARE");

  const weights = normaliseWeights(policy.weights);
  const ctx = rowContext(columns, match.headers, origin);
  const layout = outputLayout(values, match);
  const outputFrom = Math.min(...Object.values(layout.columns)) + origin.column;
  if (outputFrom + OUTPUT_FIELDS.length > EXCEL_COLUMNS) {
    throw new CreditError("value", "review.noRoom", {
      sheet: input.sheetName,
      count: OUTPUT_FIELDS.length,
      column: columnLetter(Math.min(outputFrom, EXCEL_COLUMNS) - 1),
    });
  }
  const reviewDates = new Map<Grade, number>();
  const nextReviewOf = (grade: Grade) => {
    let date = reviewDates.get(grade);
    if (date === undefined) reviewDates.set(grade, (date = nextReview(asOf, grade, policy)));
    return date;
  };
  const run: Context = {
    policy,
    asOf,
    weights,
    activeChecks,
    ledger,
    archive,
    nextReviewOf,
    actionsFor: sharedActionsFor(policy),
  };
  const customers: CustomerResult[] = [];
  const usedColumns = Object.values(columns) as number[];
  let lastRow = match.headerRow;
  for (let r = match.headerRow + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    if (isBlankRow(line, usedColumns)) continue;
    lastRow = r;
    customers.push(reviewCustomer(line, r, ctx, run));
  }

  const portfolio = summarise(customers, policy, overdueKnown, ledger !== undefined, lang);
  const used = new Set(Object.values(columns) as number[]);
  return {
    sheet: input.sheetName,
    asOf,
    policy,
    origin,
    ledgerSheet: ledger?.sheet,
    columns: {
      headerRow: match.headerRow + 1 + origin.row,
      found: INPUT_FIELDS.filter((f) => columns[f] !== undefined).map((f) => ({
        field: f,
        column: letter(columns[f] as number),
        header: match.headers[columns[f] as number],
      })),
      missingRequired: [],
      missingOptional: INPUT_FIELDS.filter(
        (f) =>
          columns[f] === undefined && !(f === "id" && columns.name !== undefined) && !(f === "name" && columns.id !== undefined),
      ),
      unknown: match.unknown.filter((u) => !used.has(u.column)).map((u) => ({ column: letter(u.column), header: u.header })),
      duplicates: match.duplicates.map((d) => ({ field: d.field, column: letter(d.column), usedColumn: letter(d.usedColumn) })),
      skippedChecks,
    },
    customers,
    portfolio,
    layout: {
      headerRow: match.headerRow,
      firstRow: match.headerRow + 1,
      lastRow,
      outputColumns: layout.columns,
      staleOutputUntil: layout.stale,
    },
  };
}

interface Context {
  readonly policy: Policy;
  readonly asOf: number;
  readonly weights: readonly number[];
  readonly activeChecks: typeof CUSTOMER_CHECKS;
  readonly ledger?: ReturnType<typeof ageLedger>;
  readonly archive?: Map<string, number>;
  /** The next review date depends only on the grade: worked out once per review, not per customer. */
  readonly nextReviewOf: (grade: Grade) => number;
  /** Customers alike in grade and warnings share one list of actions: worked out once per review, too. */
  readonly actionsFor: ReturnType<typeof sharedActionsFor>;
}

/** Where a field's cell is, for an error found in it. */
function placeOf(field: InputField, row: number, ctx: RowContext): ErrorPlace {
  const column = ctx.columns[field] as number;
  return { row, column: `${columnLetter(column + ctx.originColumn)} (${ctx.headers[column]})` };
}

function reviewCustomer(line: readonly CellValue[], index: number, ctx: RowContext, run: Context): CustomerResult {
  let row: CustomerRow;
  try {
    row = readCustomerRow(line, index, ctx);
  } catch (error) {
    if (!(error instanceof CreditError)) throw error;
    const id = String(line[ctx.columns.id ?? -1] ?? "").trim();
    const name = String(line[ctx.columns.name ?? -1] ?? "").trim();
    return { row: index + 1 + ctx.originRow, id, name, ratios: {}, findings: [], actions: [], errors: [error] };
  }
  const { policy, asOf } = run;
  const n = row.numbers;
  const errors: CreditError[] = [];

  // Ledger aging replaces the overdue columns: it is the more detailed record.
  let aging: AgingTotals | undefined;
  if (run.ledger) {
    const ledgerError = ledgerEntry(run.ledger.errors, row.id, row.name);
    if (ledgerError) errors.push(ledgerError);
    aging = ledgerEntry(run.ledger.byCustomer, row.id, row.name) ?? new AgingTotals(policy.agingEdges);
  }
  const overdueAmount = aging ? aging.overdue : n.overdueAmount;
  const daysPastDue = aging ? aging.oldestDays : n.daysPastDue;

  const score = riskScoreCore(row.factors, run.weights);
  const grade = gradeOf(score, policy);
  const previousScore = n.previousScore ?? run.archive?.get(archiveKey(row.id, row.name));

  const zModel = row.zModel ?? policy.defaultZModel;
  let z: number | undefined;
  let zone: ZZone | undefined;
  const hasZInputs = Z_FIELDS.every((f) => n[f] !== undefined);
  if (hasZInputs && (n.sales !== undefined || !Z_MODEL_SPECS[zModel].usesSales)) {
    try {
      z = zScore(
        {
          workingCapital: n.currentAssets! - n.currentLiabilities!,
          retainedEarnings: n.retainedEarnings!,
          ebit: n.ebit!,
          equity: n.equity!,
          sales: n.sales,
          totalAssets: n.totalAssets!,
          totalLiabilities: n.totalLiabilities!,
        },
        zModel,
      );
      zone = zZone(z, zModel);
    } catch (error) {
      if (!(error instanceof CreditError)) throw error;
      const field = error.params.param === "totalLiabilities" ? "totalLiabilities" : "totalAssets";
      errors.push(error.at(placeOf(field, row.row, ctx)));
    }
  }

  const ratios: CustomerResult["ratios"] = {};
  try {
    if (n.currentAssets !== undefined && n.currentLiabilities !== undefined && n.currentLiabilities > 0) {
      ratios.currentRatio = currentRatio(n.currentAssets, n.currentLiabilities);
    }
    if (n.totalLiabilities !== undefined && n.totalAssets !== undefined && n.totalAssets > 0)
      ratios.debtRatio = debtRatio(n.totalLiabilities, n.totalAssets);
    // No interest expense means nothing to cover: not a warning, and not a division by zero.
    if (n.ebit !== undefined && n.interestExpense !== undefined && n.interestExpense > 0) {
      ratios.interestCoverage = interestCoverage(n.ebit, n.interestExpense);
    }
  } catch (error) {
    // Numbers so large that a ratio overflows: the ratios name their denominator's column.
    if (!(error instanceof CreditError)) throw error;
    errors.push(error.at(placeOf(error.params.param as InputField, row.row, ctx)));
  }

  let hasErrors = errors.length > 0;
  let findings: Finding[] = NO_FINDINGS;
  if (!hasErrors) {
    const facts: CustomerFacts = {
      score,
      grade,
      previousScore,
      creditLimit: n.creditLimit,
      balance: n.balance,
      overdueAmount,
      daysPastDue,
      negativeNewsDate: row.negativeNewsDate,
      zScore: z,
      zZone: zone,
      zDistressBelow: Z_MODEL_SPECS[zModel].distress,
      currentRatio: ratios.currentRatio,
      debtRatio: ratios.debtRatio,
      interestCoverage: ratios.interestCoverage,
    };
    for (const check of run.activeChecks) {
      const finding = check.evaluate(facts, policy, asOf);
      if (!finding) continue;
      if (findings === NO_FINDINGS) findings = [finding];
      else findings.push(finding);
    }
  }
  let limit: number | undefined;
  if (!hasErrors && n.creditLimit !== undefined) {
    try {
      limit = recommendedLimit(n.creditLimit, grade, findings.length > 0, policy);
    } catch (error) {
      // A limit so large that the recommendation overflows is this row's error, not the review's.
      if (!(error instanceof CreditError)) throw error;
      errors.push(error.at(placeOf("creditLimit", row.row, ctx)));
      hasErrors = true;
      findings = NO_FINDINGS;
    }
  }
  // One object literal of one shape for every customer: the review holds 100,000 of them.
  return {
    row: row.row,
    id: row.id,
    name: row.name,
    score,
    previousScore,
    grade,
    zScore: z,
    zZone: zone,
    ratios,
    balance: n.balance,
    creditLimit: n.creditLimit,
    overdueAmount,
    daysPastDue,
    aging: aging?.buckets,
    findings,
    actions: hasErrors ? NO_ACTIONS : run.actionsFor(grade, findings, daysPastDue),
    recommendedLimit: limit,
    monitoring: hasErrors ? undefined : monitoringOf(grade, policy),
    monitoringMonths: hasErrors ? undefined : monitoringMonths(grade, policy),
    nextReview: hasErrors ? undefined : run.nextReviewOf(grade),
    errors: hasErrors ? errors : NO_ERRORS,
  };
}

const NO_FINDINGS: Finding[] = [];
const NO_ACTIONS: readonly Action[] = Object.freeze([]);
const NO_ERRORS: readonly CreditError[] = Object.freeze([]);

function isOverdue(c: CustomerResult): boolean {
  return (c.overdueAmount ?? 0) > 0 || ((c.daysPastDue ?? 0) > 0 && c.overdueAmount === undefined);
}

function summarise(
  customers: readonly CustomerResult[],
  policy: Policy,
  overdueKnown: boolean,
  hasLedger: boolean,
  lang: Lang,
): PortfolioResult {
  const byGrade = { low: 0, medium: 0, high: 0 } as Record<Grade, number>;
  const exposureByGrade = { low: 0, medium: 0, high: 0 } as Record<Grade, number>;
  const warningCounts = Object.fromEntries(WARNING_CODES.map((c) => [c, 0])) as Record<WarningCode, number>;
  const agingTotals = hasLedger ? new Array<number>(policy.agingEdges.length + 2).fill(0) : undefined;
  let reviewed = 0;
  let overdueCustomers = 0;
  let exposure = 0;
  for (const c of customers) {
    if (c.errors.length > 0 || c.grade === undefined) continue;
    reviewed++;
    byGrade[c.grade]++;
    exposureByGrade[c.grade] += c.balance ?? 0;
    exposure += c.balance ?? 0;
    if (isOverdue(c)) overdueCustomers++;
    for (const f of c.findings) warningCounts[f.code]++;
    if (agingTotals && c.aging) for (let i = 0; i < c.aging.length; i++) agingTotals[i] += c.aging[i];
  }
  // Each balance is a number, but together they can pass the largest one (1e308 + 1e308).
  if (![exposure, ...(agingTotals ?? [])].every(Number.isFinite)) throw new CreditError("num", "aging.notFinite");
  const overdueShare = overdueKnown && reviewed > 0 ? overdueCustomers / reviewed : undefined;
  const warnings: WarningCode[] = [];
  if (overdueShare !== undefined && overdueShare > policy.overdueShare) {
    warnings.push("OVERDUE_SHARE");
    warningCounts.OVERDUE_SHARE = overdueCustomers;
  }
  return {
    customers: customers.length,
    reviewed,
    withErrors: customers.length - reviewed,
    byGrade,
    exposureByGrade,
    exposure,
    overdueCustomers,
    overdueShare,
    warnings,
    warningCounts,
    aging: agingTotals ? { labels: bucketLabels(policy.agingEdges, lang), totals: agingTotals } : undefined,
  };
}

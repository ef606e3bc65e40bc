/**
 * The portfolio review: a customer sheet's values in, every customer scored, checked
 * against the policy's warning thresholds and given its policy response, plus the
 * portfolio figures. Pure: the task pane and the command line only read and write.
 *
 * This module runs the steps in order and defines the result every face reads; each step
 * is a module of its own (columns, layout, customer, portfolio, ledger, archive).
 */
import { bucketLabels } from "../aging";
import { CellValue, CurrencyMark } from "../cells";
import { CreditError } from "../errors";
import { Lang } from "../i18n";
import { Monitoring } from "../limit";
import { Grade, Policy } from "../policy";
import { ZZone } from "../zscore";
import {
  ArchiveContents,
  ARCHIVE_FIELDS,
  archiveKey,
  claimUnnamed,
  earlierReviews,
  hasUnnamed,
  otherSheetHistories,
  otherSheetsIn,
  previousScoresOf,
  readArchive,
  sheetArchive,
} from "./archive";
import { policyChange, ReviewChanges, whatChanged } from "./changes";
import { ReviewsPastDue, reviewsPastDue } from "./review-due";
import { availableChecks, columnReport, matchColumns, outputFieldOf } from "./columns";
import { customerContext, reviewCustomer } from "./customer";
import { idAndName, isBlankRow, LeftOutLine, leftOutLine, readCustomerRow, rowContext } from "./customer-row";
import {
  agingHeader,
  AMOUNT_FIELDS,
  headerKey,
  headerOnOneLine,
  InputField,
  INPUT_FIELDS,
  LANGS_OF_HEADERS,
  OUTPUT_FIELDS,
  OutputField,
} from "./fields";
import { outputPlace } from "./layout";
import { archivedResponseWidths, responsesNotTheirs } from "./responses";
import {
  ageLedger,
  IncompleteLedger,
  agedInvoicesCurrency,
  isUnmatched,
  LedgerInput,
  LedgerNotice,
  ledgerNotices,
  overdueInvoicesCurrency,
  UnmatchedInvoices,
  unmatchedInvoices,
  unmatchedInvoicesCurrency,
} from "./ledger";
import { summarise } from "./portfolio";
import { portfolioTrend, reviewCurrencies, TrendPoint } from "./trend";
import { isReviewSheet } from "./sheets";
import { Decision, Reason } from "./decisions";
import { CustomerNote, NoteTarget } from "./notes";
import { CustomerWarningCode, Finding, WarningCode } from "./warnings";
import { correctedIds, ledgerPreviousIds } from "./corrected-ids";
import { ClearedColumns, MovedRows, OwnColumn, OwnColumns, ResponsesLeftBehind, TypedOver, typedOverCells } from "./typed-over";
import { refusedChecks, TwoCurrencies } from "./row-currencies";
import { AmountUnits, currencyExpectations, customerSheetUnits, ExpectedCurrency, unitsRow } from "./units";
import { receivableCurrencies, ReceivableCurrencies, TotalCurrencies, TotalsInTwoCurrencies } from "./total-currencies";
import "../i18n/report";

export interface ReviewInput {
  readonly sheetName: string;
  /** The sheet's values; values[0][0] is the cell at `origin` (A1 unless said otherwise). */
  readonly values: readonly (readonly CellValue[])[];
  readonly origin?: { readonly row: number; readonly column: number };
  readonly asOf: number;
  readonly policy: Policy;
  readonly archive?: readonly (readonly CellValue[])[];
  /** The policy history sheet's values: what the last review's policy was, when it is not this one. */
  readonly policyHistory?: readonly (readonly CellValue[])[];
  readonly ledger?: LedgerInput;
  /** With no ledger: a sheet meant as one but lacking a required column (see findLedger), reported. */
  readonly incompleteLedger?: IncompleteLedger;
  /** Headers the user mapped by hand (header text → field), remembered by the front end. */
  readonly mapping?: Readonly<Record<string, InputField>>;
}

export interface ColumnReport {
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly found: readonly { field: InputField; column: string; header: string }[];
  readonly missingOptional: readonly InputField[];
  /** Headers not recognised; `suggestion`, the header (and its field) one is likely a misspelling of, when it is a near miss. */
  readonly unknown: readonly { column: string; header: string; suggestion?: { field: InputField; header: string } }[];
  readonly duplicates: readonly { field: InputField; column: string; usedColumn: string }[];
  readonly skippedChecks: readonly WarningCode[];
  /**
   * The sheet has the Z-score's columns but no Sales column, which the public and private models
   * need, and a customer may be on one of them (the policy's default is, or rows name their
   * model): such a customer gets no Z-score and no Z_DISTRESS check, said once for the sheet.
   */
  readonly zWithoutSales: boolean;
  /**
   * Figures of every customer's row combining two amount columns whose units state two currencies
   * ("Current assets (USD)", "Current liabilities (EUR)"): worked out for no customer, said once
   * for the sheet; their checks are among the skipped ones (but a Z-score refused only where its
   * model takes sales, `withSales`).
   */
  readonly twoCurrencies: readonly TwoCurrencies[];
}

export interface CustomerResult {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /**
   * The five factors as read, in FACTORS order; with a data error, the factors that could be read
   * and undefined for the others (its errors say why).
   */
  readonly factors?: readonly (number | undefined)[];
  readonly score?: number;
  readonly previousScore?: number;
  /** Where the previous score came from: the archive's latest review, or the sheet's column for a customer the archive has not seen. */
  readonly previousScoreFrom?: "archive" | "sheet";
  readonly grade?: Grade;
  readonly zScore?: number;
  readonly zZone?: ZZone;
  readonly ratios: { currentRatio?: number; debtRatio?: number; interestCoverage?: number };
  readonly balance?: number;
  readonly creditLimit?: number;
  readonly overdueAmount?: number;
  readonly daysPastDue?: number;
  /** The sheet's negative news date, as read: what a Negative news warning gone since the last review is told by. */
  readonly negativeNewsDate?: number;
  /** With a ledger: what is still owed more than the policy's legal-action days past due, after credits. */
  readonly overduePastLegalAction?: number;
  /** The open ledger amounts per aging bucket (Current first), after credits; with a ledger only. */
  readonly aging?: readonly number[];
  /**
   * The currency its balance, credit limit and overdue amount are in, where its own cells' marks
   * name one ("USD 100,000"), as the portfolio's totals add them (total-currencies.ts); undefined
   * for a row whose cells mark none, whose amounts are in the currencies its columns name.
   */
  readonly currencies?: ReceivableCurrencies;
  /**
   * With a ledger: the currency its overdue amount and aging are in, as its invoices name it
   * (overdueCurrency reads it), which need not be its row's; undefined when they name none.
   */
  readonly ledgerCurrency?: CurrencyMark;
  /** Each factor's points (its normalised weight × its score), in FACTORS order: they add up to the score. */
  readonly factorPoints?: readonly number[];
  /** Balance / credit limit (1 = at the limit); absent without both, or with a limit of 0 (a note says so). */
  readonly utilisation?: number;
  /** Credit limit − balance: negative when over the limit. */
  readonly availableCredit?: number;
  readonly findings: readonly Finding[];
  /**
   * The warnings (a warningSet) today's figures would raise under the last review's policy, when
   * this review's differs from it: what changes tells apart by it. Undefined otherwise.
   */
  readonly warningsUnderLastPolicy?: number;
  /**
   * The grade today's factors get under the last review's policy (its weights and bands), when
   * this review's differs from it: a grade move it does not explain came with the policy alone.
   */
  readonly gradeUnderLastPolicy?: Grade;
  /**
   * The recommended limit today's figures get under the last review's policy, when this review's
   * differs from it: a limit move it does not explain came with the policy alone.
   */
  readonly limitUnderLastPolicy?: number;
  /** The policy's response, each action with the warning or rule behind it (see decisions.ts). */
  readonly actions: readonly Decision[];
  readonly recommendedLimit?: number;
  readonly monitoring?: Monitoring;
  readonly monitoringMonths?: number;
  readonly nextReview?: number;
  /**
   * What the sheet's Action taken column says the team did since the last review's
   * recommendation (the user's own column: read and archived, never written); undefined when blank.
   */
  readonly actionTaken?: string;
  /** Figures and checks not computed for this customer, and why; the rest of its review stands. */
  readonly notes: readonly CustomerNote[];
  /** Problems that stop the customer's score and everything after it: a bad factor, no id or name. */
  readonly errors: readonly CreditError[];
}

/** A customer at risk, with the balance at risk and why: its most serious warning, or the rule that makes it a risk. */
export interface TopRisk {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** Undefined for a customer with a data error: it is at risk by its warnings and actions alone. */
  readonly grade?: Grade;
  readonly score?: number;
  /** Undefined when its balance cell could not be read: shown blank, as on its row, not as 0. */
  readonly balance?: number;
  readonly reason: Reason;
  /** Its decisions ask for more than keeping its terms (see needsAction): it ranks before those that do not. */
  readonly needsAction: boolean;
}

/** One problem of one customer, as the summary lists them: where it is, what it switched off, why. */
export interface CustomerProblem {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** True when it stops the customer's score (an error); false for a note. */
  readonly fatal: boolean;
  readonly affects: readonly NoteTarget[];
  readonly reason: CreditError;
}

/** Its counts count a customer named on several rows once; its amounts add every row's. */
/**
 * The portfolio's figures. Each total of amounts is undefined when they are in two currencies
 * (`twoCurrencies` says which two, with a row of each): no rate is known to add them.
 */
export interface PortfolioResult {
  readonly customers: number;
  readonly reviewed: number;
  readonly withErrors: number;
  readonly byGrade: Readonly<Record<Grade, number>>;
  /** Each grade's part of the exposure; undefined with the exposure. */
  readonly exposureByGrade?: Readonly<Record<Grade, number>>;
  /** Every balance that can be read, graded or not. */
  readonly exposure?: number;
  /** The part of the exposure owed by customers the review could not grade; undefined with the exposure. */
  readonly exposureNotGraded?: number;
  /** Every credit limit that can be read (above zero), graded or not. */
  readonly creditLimits?: number;
  /**
   * The balances of the customers with a limit over their limits; undefined when no limit is known,
   * none can be weighed against its balance (every one in another currency: ColumnReport.twoCurrencies),
   * or those weighed are in two currencies.
   */
  readonly utilisation?: number;
  /**
   * What the utilisation leaves out: the balances owed by customers with no limit above zero that
   * can be read, or one in another currency than the balance, and how many.
   */
  readonly withoutLimit: { readonly amount?: number; readonly customers: number };
  /**
   * What the customers have overdue; undefined when no customer's overdue amount is known (no such
   * column, no ledger), or when they are in two currencies.
   */
  readonly overdueAmount?: number;
  readonly overdueCustomers: number;
  /** The customers whose being overdue or not is known (its base): all but those whose overdue figures could not be worked out. */
  readonly overdueCounted: number;
  readonly overdueShare?: number;
  /**
   * The balance of the customers at risk: graded high, carrying a warning, or overdue. A customer
   * with a data error counts by its warnings and actions, which need no grade (see reasonAtRisk).
   */
  readonly exposureAtRisk?: number;
  readonly customersAtRisk: number;
  /** Of them, the customers whose decisions ask for more than keeping their terms (see needsAction). */
  readonly customersNeedingAction: number;
  /** The customers carrying at least one warning of their own, graded or not (the portfolio's OVERDUE_SHARE is not one). */
  readonly customersWithWarnings: number;
  /** The customers at risk with the largest balances, largest first (at most TOP_RISKS). */
  readonly topRisks: readonly TopRisk[];
  readonly warnings: readonly WarningCode[];
  /** The same warnings, each with the portfolio's figure against the policy's threshold. */
  readonly findings: readonly Finding[];
  /** How many customers carry each warning; the portfolio's OVERDUE_SHARE, no customer's, is in `findings` and `overdueShare`. */
  readonly warningCounts: Readonly<Record<CustomerWarningCode, number>>;
  /** With a ledger: its aging buckets' labels and totals, the totals undefined when its invoices are in two currencies. */
  readonly aging?: { readonly labels: readonly string[]; readonly totals?: readonly number[] };
  /** Every customer with an error or a note, one entry per problem, in sheet order. */
  readonly problems: readonly CustomerProblem[];
  /** Open ledger invoices of customers not on the sheet (with a ledger). */
  readonly unmatchedInvoices?: UnmatchedInvoices;
  /** The totals not added up because their amounts are in two currencies, with a row of each; absent when none. */
  readonly twoCurrencies?: TotalsInTwoCurrencies;
  /**
   * Where some total is in two currencies (`twoCurrencies`), the currency of each total added up
   * whose amounts name one, which every face says beside its figure (totalAmountText); absent otherwise.
   */
  readonly totalCurrencies?: TotalCurrencies;
}

export interface Layout {
  /** 0-based indexes into the values given. */
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** 0-based column (in values) of each output column: found from an earlier run, or new at the right. */
  readonly outputColumns: Readonly<Record<OutputField, number>>;
  /** 0-based column (in values) of each aging bucket's column, in bucket order; empty without a ledger. */
  readonly agingColumns: readonly number[];
  /** An earlier run's output columns this run does not write (other aging buckets): blanked from the header down. */
  readonly clearedColumns: readonly number[];
  /** Last row holding anything in an output column (an earlier, longer run), so it can be cleared. */
  readonly staleOutputUntil: number;
  /**
   * The widest Action taken text (in character widths, as one line) of the archived reviews that
   * may have laid that column out: the last one before this one, and one on this date (a re-run).
   */
  readonly archivedResponseWidths: readonly number[];
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
  /** A sheet meant as the ledger but not used, or a ledger whose invoices were all taken as unpaid: each face says so. */
  readonly ledgerNotices: readonly LedgerNotice[];
  /** What changed since the previous archived review; absent without an archive. */
  readonly changes?: ReviewChanges;
  /** The customers whose review fell due before the as-of date, going by their last archived review (none without an archive). */
  readonly reviewsPastDue: ReviewsPastDue;
  /** The portfolio's figures at every archived review before this one, then at this one, oldest first. */
  readonly trend: readonly TrendPoint[];
  /** Rows that are not customers (totals, headings) on the customer sheet, and the ledger's totals: left out, and said so. */
  readonly leftOutRows: readonly LeftOutRow[];
  /** The unit amounts are compared and written in, and the columns converted into it. */
  readonly amountUnits: AmountUnits;
  /** The review's own cells changed by hand since the review that wrote them, which this one writes again; absent when none. */
  readonly typedOver?: TypedOver;
  /** Rows whose data moved under the review's columns since the review that wrote them: written for the customer now on each, not typed over; absent when none. */
  readonly movedRows?: MovedRows;
  /** Rows whose Action taken text stayed behind when the rows moved, another customer's response; absent when none. */
  readonly responsesLeftBehind?: ResponsesLeftBehind;
  /** The review's own columns emptied whole since the review that wrote them: written again, not typed over; absent when none. */
  readonly clearedColumns?: ClearedColumns;
  /**
   * The 1-based sheet rows whose Action taken text is another customer's response: left behind by
   * a move this month (ResponsesLeftBehind), or found so by the last review and still there. Not their
   * customers' responses; the archive marks them so. Absent when none.
   */
  readonly foreignResponses?: readonly number[];
  /**
   * The dates of this sheet's archived reviews after this one's, when it is back-dated: its rows
   * go in their place, and the sheet and summary then show it, not the latest; absent when none.
   */
  readonly laterReviews?: readonly number[];
  /**
   * The archive already holds a review of this sheet on this date (the review run again): written,
   * this one replaces its rows, as the archive keeps one review a day. Absent otherwise.
   */
  readonly replacesRun?: true;
  /** This sheet's archive rows whose review date cannot be read: kept, but not compared with; absent when none. */
  readonly undatedArchiveRows?: UndatedRows;
}

/**
 * The output columns an earlier run wrote on the sheet: those whose header is already theirs.
 * An aging bucket's column counts only under that bucket's own header (either language): its
 * cells are compared with the earlier run's bucket of that place, and a column the buckets of
 * new edges took over (outputPlace) holds the figure of the bucket its old header names.
 */
function ownColumns(
  header: readonly CellValue[] | undefined,
  columns: Readonly<Record<OutputField, number>>,
  agingColumns: readonly number[],
  agingEdges: readonly number[],
): OwnColumns {
  const fields: Partial<Record<OutputField, OwnColumn>> = {};
  for (const field of OUTPUT_FIELDS) {
    const cell = header?.[columns[field]];
    if (outputFieldOf(cell) === field) fields[field] = { column: columns[field], header: headerOnOneLine(String(cell)) };
  }
  const bucketKeys = agingColumns.length
    ? LANGS_OF_HEADERS.map((lang) => bucketLabels(agingEdges, lang).map((label) => headerKey(agingHeader(label, lang))))
    : [];
  const aging = agingColumns.map((column, bucket) => {
    const cell = header?.[column];
    const key = headerKey(cell);
    return typeof cell === "string" && bucketKeys.some((keys) => keys[bucket] === key)
      ? { column, header: headerOnOneLine(cell) }
      : undefined;
  });
  return { fields, aging };
}

/** A row left out of the review: where it is (1-based sheet row), what it says and what it is. */
export interface LeftOutRow extends LeftOutLine {
  readonly sheet: string;
  readonly row: number;
}

/** The customers' keys (see archiveKey), but the blank one. */
export function keysOf(customers: readonly { readonly id: string; readonly name: string }[]): Set<string> {
  const keys = new Set<string>();
  for (const c of customers) {
    const key = archiveKey(c.id, c.name);
    if (key !== "") keys.add(key);
  }
  return keys;
}

/** This sheet's archived review dates after `asOf`, in order; undefined when it is the latest. */
function laterReviewDates(archived: ArchiveContents | undefined, asOf: number): readonly number[] | undefined {
  const later = new Set<number>();
  for (const e of archived?.entries ?? []) if (e.date !== undefined && e.date > asOf) later.add(e.date);
  return later.size ? [...later].sort((a, b) => a - b) : undefined;
}

/** How many archive rows name a customer but no readable review date, and the first few of them. */
export interface UndatedRows {
  readonly count: number;
  /** 1-based archive sheet rows, with what their date cell holds. */
  readonly rows: readonly { readonly row: number; readonly shown: string }[];
}

const LISTED_UNDATED = 5;
const DATE_AT = ARCHIVE_FIELDS.indexOf("reviewDate");

function undatedRows(archived: ArchiveContents | undefined): UndatedRows | undefined {
  const undated = archived?.entries.filter((e) => e.date === undefined && e.key !== "") ?? [];
  if (undated.length === 0) return undefined;
  const rows = undated
    .slice(0, LISTED_UNDATED)
    .map((e) => ({ row: e.row + 1, shown: String(e.line[DATE_AT] ?? "").slice(0, 40) }));
  return { count: undated.length, rows };
}

export function runReview(input: ReviewInput, lang: Lang = "en"): ReviewResult {
  const { values, policy, asOf } = input;
  const origin = input.origin ?? { row: 0, column: 0 };
  // The review replaces (or appends to) its own sheets: a customer sheet with one of their names would be overwritten.
  if (isReviewSheet(input.sheetName)) throw new CreditError("value", "review.sheetIsOurs", { sheet: input.sheetName });
  const sheetColumns = matchColumns(input.sheetName, values, origin, input.mapping, lang);
  const { match, columns } = sheetColumns;

  const underHeader = unitsRow(values, match.headerRow, Object.values(columns) as number[]);
  const { units, conversions, currencies, columnCurrencies, twoCurrencies } = customerSheetUnits(
    input.sheetName,
    values,
    match,
    underHeader,
  );
  const knownCurrencies = new Map<number, ExpectedCurrency>();
  for (const field of AMOUNT_FIELDS) {
    const expected = currencies[field];
    if (expected && columns[field] !== undefined) knownCurrencies.set(columns[field], expected);
  }
  const expectedCurrency = currencyExpectations(knownCurrencies, values, match.headerRow + (underHeader ? 2 : 1));
  const aged = input.ledger ? ageLedger(input.ledger, asOf, policy, units.unit) : undefined;
  // A ledger whose due dates are all numbers of days ages nothing: like one missing a column, it
  // is not used, and that is said once for the sheet rather than as every customer's bad row.
  const ledger = aged?.daysForDueDates ? undefined : aged;
  // This sheet's reviews only: another customer sheet in the workbook is another portfolio. Rows
  // from before rows named their sheet are claimed by whose customers they hold (one read of the
  // sheet's ids and names, only while such rows remain).
  const ctx = rowContext(columns, match.headers, origin, asOf, conversions, expectedCurrency, {
    columns: columnCurrencies,
    twoCurrencies,
  });
  let read = input.archive ? readArchive(input.archive) : undefined;
  if (read && hasUnnamed(read)) {
    const rows = values.slice(match.headerRow + 1).map((line) => idAndName(line ?? [], ctx));
    read = claimUnnamed(read, input.sheetName, keysOf(rows));
  }
  let archived = read && sheetArchive(read, input.sheetName);
  let earlier = input.archive ? earlierReviews(archived, asOf) : undefined;
  let archive = earlier ? previousScoresOf(earlier) : undefined;
  const checks = availableChecks(
    columns,
    archive !== undefined,
    ledger !== undefined,
    policy.defaultZModel,
    refusedChecks(twoCurrencies),
  );
  const place = outputPlace(input.sheetName, values, match, origin.column, ledger && policy.agingEdges);

  const lastPolicy = earlier && policyChange(earlier, policy, input.policyHistory);
  let run = customerContext(policy, asOf, checks.active, ledger, archive, lastPolicy?.before);
  const customers: CustomerResult[] = [];
  const usedColumns = Object.values(columns) as number[];
  let lastRow = match.headerRow;
  // The keys named on more than one row. Keys in strictly increasing order cannot repeat: a sheet
  // sorted by customer needs no set of them; once the order breaks, every key goes in a set, one
  // set operation per customer (its size telling a repeat).
  let lastKey: string | undefined;
  let seen: Set<string> | undefined;
  let repeatedKeys: Set<string> | undefined;
  // Customers the last review did not know: new, back, or an id corrected (corrected-ids.ts).
  const newcomers: number[] = [];
  const leftOut: LeftOutRow[] = [];
  for (let r = match.headerRow + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    if (isBlankRow(line, usedColumns)) continue;
    // A row of units under the header is read for its units, not as a customer.
    const notCustomer = r === underHeader?.row ? { label: underHeader.label, kind: "units" as const } : leftOutLine(line, ctx);
    if (notCustomer !== undefined) {
      leftOut.push({ sheet: input.sheetName, row: r + 1 + origin.row, ...notCustomer });
      continue;
    }
    lastRow = r;
    const row = readCustomerRow(line, r, ctx);
    const key = archiveKey(row.id, row.name);
    const c = reviewCustomer(row, key, ctx, run);
    if (earlier?.last && earlier.latest.get(key)?.date !== earlier.last.date) newcomers.push(customers.length);
    if (key !== "") {
      if (seen === undefined && (lastKey === undefined || key > lastKey)) lastKey = key;
      else {
        seen ??= keysOf(customers);
        const known = seen.size;
        seen.add(key);
        if (seen.size === known) (repeatedKeys ??= new Set()).add(key);
      }
    }
    customers.push(c);
  }
  // A header and nothing under it (a template, or the wrong sheet) is said, not reviewed into an
  // empty table that reads as a portfolio without a warning.
  if (customers.length === 0)
    throw new CreditError("value", leftOut.length ? "review.noCustomerRowsLeftOut" : "review.noCustomerRows", {
      sheet: input.sheetName,
      row: match.headerRow + 1 + origin.row,
      count: leftOut.length,
    });
  // A customer on several rows: none of them is scored, each error naming the others (found
  // after the pass, so the first row learns of the later ones too).
  const repeated = new Map<string, number[]>();
  if (repeatedKeys) {
    for (let i = 0; i < customers.length; i++) {
      const key = archiveKey(customers[i].id, customers[i].name);
      if (!repeatedKeys.has(key)) continue;
      const indexes = repeated.get(key);
      if (indexes) indexes.push(i);
      else repeated.set(key, [i]);
    }
  }
  for (const indexes of repeated.values()) {
    const rows = indexes.map((i) => customers[i].row);
    for (const i of indexes) {
      const r = customers[i].row - 1 - origin.row;
      const row = readCustomerRow(values[r] ?? [], r, ctx);
      const others = rows.filter((other) => other !== row.row);
      customers[i] = reviewCustomer(row, archiveKey(row.id, row.name), ctx, run, others);
    }
  }

  // A customer whose id was corrected meets its history under the new id: each is reviewed again with it.
  const corrected =
    archived && newcomers.length
      ? correctedIds(archived, earlier?.last?.entries ?? [], customers, newcomers, repeatedKeys)
      : undefined;
  if (corrected) {
    archived = corrected.archive;
    earlier = earlierReviews(archived, asOf);
    archive = previousScoresOf(earlier);
    run = customerContext(policy, asOf, checks.active, ledger, archive, lastPolicy?.before);
    for (const { index: i, previousId } of corrected.customers) {
      const r = customers[i].row - 1 - origin.row;
      const row = readCustomerRow(values[r] ?? [], r, ctx);
      customers[i] = reviewCustomer(row, archiveKey(row.id, row.name), ctx, run, undefined, previousId);
    }
  }

  // A customer whose invoices the ledger still holds under the id the archive knew it by before a
  // correction (months after it): reviewed again to meet them.
  if (ledger && archived) {
    const unmatchedKeys: string[] = [];
    for (const entry of ledger.customers.values()) if (isUnmatched(entry)) unmatchedKeys.push(entry.key);
    const links = unmatchedKeys.length > 0 ? ledgerPreviousIds(archived, customers, unmatchedKeys, repeatedKeys) : [];
    for (const { index: i, previousId } of links) {
      const r = customers[i].row - 1 - origin.row;
      const row = readCustomerRow(values[r] ?? [], r, ctx);
      customers[i] = reviewCustomer(row, archiveKey(row.id, row.name), ctx, run, undefined, previousId);
    }
  }
  // A ledger customer gone from the sheet is named as the archive last knew it, beside the ledger's id.
  const archivedName = earlier && ((key: string) => earlier.latest.get(key)?.name);
  const unmatched = ledger && unmatchedInvoices(ledger, archivedName);
  const receivables = receivableCurrencies(columnCurrencies);
  const portfolio = summarise(customers, policy, checks.overdueKnown, unmatched, lang, repeatedKeys, {
    sheet: receivables,
    invoices: ledger && agedInvoicesCurrency(ledger),
    overdueInvoices: ledger && overdueInvoicesCurrency(ledger),
    unmatchedInvoices: ledger && unmatchedInvoicesCurrency(ledger),
  });
  const trend = portfolioTrend(
    archived,
    asOf,
    portfolio,
    units.unit,
    reviewCurrencies(customers, units.unit, receivables, ledger !== undefined),
  );
  // What the review's own cells on the sheet held: typed over, moved with the data, emptied.
  const ownCells = typedOverCells(
    values,
    origin.row,
    origin.column,
    ownColumns(values[match.headerRow], place.columns, place.agingColumns, policy.agingEdges),
    customers,
    archived,
    asOf,
    units.unit,
    repeatedKeys,
    () => otherSheetHistories(read, input.sheetName),
  );
  const foreignResponses = responsesNotTheirs(
    customers,
    earlier,
    ownCells.responsesLeftBehind?.rows,
    archived?.entries.filter((e) => e.date === asOf),
  );
  return {
    sheet: input.sheetName,
    asOf,
    policy,
    origin,
    ledgerSheet: ledger?.sheet,
    ledgerNotices: ledgerNotices(aged, input.incompleteLedger),
    columns: columnReport(sheetColumns, origin, checks.skipped, checks.zWithoutSales, twoCurrencies),
    customers,
    portfolio,
    layout: {
      headerRow: match.headerRow,
      firstRow: match.headerRow + 1,
      lastRow,
      outputColumns: place.columns,
      agingColumns: place.agingColumns,
      clearedColumns: place.clearedColumns,
      staleOutputUntil: place.stale,
      archivedResponseWidths: archivedResponseWidths(archived, earlier?.last?.date, asOf),
    },
    changes: earlier
      ? whatChanged(
          customers,
          earlier,
          { unit: units.unit, receivables },
          {
            policy,
            asOf,
            skipped: checks.skipped,
            found: INPUT_FIELDS.filter((f) => columns[f] !== undefined),
            zWithoutSales: checks.zWithoutSales,
            twoCurrencies,
          },
          lastPolicy?.change,
          earlier.last ? undefined : otherSheetsIn(read, input.sheetName, asOf),
          columns.actionTaken !== undefined,
          {
            then: trend.find((point) => point.date === earlier.last?.date)?.overdueAmount,
            now: portfolio.overdueAmount,
          },
          repeatedKeys,
          foreignResponses && new Set(foreignResponses),
        )
      : undefined,
    reviewsPastDue: reviewsPastDue(customers, archived, asOf, policy, input.policyHistory, repeatedKeys),
    ...ownCells,
    ...(foreignResponses && { foreignResponses }),
    laterReviews: laterReviewDates(archived, asOf),
    ...(archived?.entries.some((e) => e.date === asOf) && { replacesRun: true as const }),
    undatedArchiveRows: undatedRows(archived),
    amountUnits: {
      ...units,
      ...(receivables && { receivables }),
      converted: ledger?.converted ? [...units.converted, ledger.converted] : units.converted,
      otherCurrency: ledger?.otherCurrency ? [...units.otherCurrency, ledger.otherCurrency] : units.otherCurrency,
    },
    trend,
    leftOutRows: [...leftOut, ...(ledger?.leftOut ?? [])],
  };
}
